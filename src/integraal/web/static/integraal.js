// SPDX-License-Identifier: EUPL-1.2
// Upload progress for large deliveries. Progressive enhancement: without JavaScript the form
// posts as usual; with it, the same request goes through XHR so the bytes sent can be shown.
(function () {
  "use strict";
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
