// SPDX-License-Identifier: EUPL-1.2
// Upload progress for large deliveries. Progressive enhancement: without JavaScript the form
// posts as usual; with it, the same request goes through XHR so the bytes sent can be shown.
(function () {
  "use strict";
  // The main menu folds behind a button on a phone; without JavaScript it stays a list.
  document.addEventListener("DOMContentLoaded", function () {
    var nav = document.querySelector(".hoofdmenu");
    var knop = nav && nav.querySelector(".hoofdmenu__knop");
    if (nav && knop) {
      var smal = window.matchMedia("(max-width: 48rem)");
      var zet = function () {
        if (smal.matches) {
          knop.hidden = false;
          nav.classList.toggle("hoofdmenu--ingeklapt", knop.getAttribute("aria-expanded") !== "true");
        } else {
          knop.hidden = true;
          nav.classList.remove("hoofdmenu--ingeklapt");
        }
      };
      knop.addEventListener("click", function () {
        knop.setAttribute("aria-expanded", knop.getAttribute("aria-expanded") === "true" ? "false" : "true");
        zet();
      });
      smal.addEventListener("change", zet);
      zet();
    }
    // GOV.UK error pattern: the summary of problems takes the focus, so it is read first.
    var samenvatting = document.querySelector("[data-foutsamenvatting]");
    if (samenvatting) samenvatting.focus();
  });
  document.addEventListener("submit", function (e) {
    var form = e.target;
    if (!(form instanceof HTMLFormElement) || !form.hasAttribute("data-uploadvoortgang")) return;
    if (!window.XMLHttpRequest || !window.FormData) return;
    e.preventDefault();
    var balk = form.querySelector("[data-uploadbalk]");
    var tekst = form.querySelector("[data-uploadtekst]");
    var knop = form.querySelector("button[type=submit]");
    if (knop) knop.disabled = true;
    if (balk) { balk.hidden = false; balk.value = 0; }
    if (tekst) tekst.textContent = "Bestand wordt verzonden…";
    var xhr = new XMLHttpRequest();
    xhr.open("POST", form.action);
    xhr.upload.addEventListener("progress", function (ev) {
      if (!ev.lengthComputable) return;
      var pct = Math.round((100 * ev.loaded) / ev.total);
      if (balk) balk.value = pct;
      if (tekst) tekst.textContent = "Bestand verzonden: " + pct + "%";
    });
    // Between the last byte and the delivery's page the server decides under the rules.
    xhr.upload.addEventListener("load", function () {
      if (tekst) tekst.textContent = "Bestand verzonden. De deelregels beoordelen de levering…";
    });
    xhr.addEventListener("load", function () {
      if (xhr.status === 200 && xhr.responseURL && xhr.responseURL !== form.action) {
        window.location.assign(xhr.responseURL); // the delivery's own page, after the redirect
        return;
      }
      // A refusal: show the page the server rendered, with its Dutch explanation.
      document.open();
      document.write(xhr.responseText);
      document.close();
    });
    xhr.addEventListener("error", function () {
      if (tekst) tekst.textContent = "Het verzenden is mislukt. Controleer de verbinding en probeer het opnieuw.";
      if (knop) knop.disabled = false;
    });
    xhr.send(new FormData(form));
  });
})();

// A print button (the access overview a register keeper hands to the person concerned).
document.addEventListener("click", function (e) {
  var knop = e.target instanceof Element ? e.target.closest("[data-afdrukken]") : null;
  if (knop) window.print();
});
