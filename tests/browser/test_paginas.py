# SPDX-License-Identifier: EUPL-1.2
"""Every page at a desktop and a phone width: no sideways scrolling and no axe-core finding.

The pages are found the way a person finds them: every demo user (and a visitor who is not
signed in) follows every link the pages offer, GET only, no downloads. A route is visited once
in the browser, by the first user who reaches it, with ids in the path and the query string
collapsed (a case page is a case page); of that user's instances the fullest page is taken, so
the network drawing is checked rather than an empty case. To that come the styled 404 and 403
pages and the GOV.UK error state of the main forms, sent empty with their own submit button.

At 1366 and 390 px wide each page must (a) not scroll sideways as a whole (a table or chart in
its own scrolling `.tabelvak` region may), (b) pass axe-core's WCAG 2.0/2.1 A+AA and 2.2 AA
rules (so target-size too) with no violation of any impact, and at 390 px (c) offer the main
menu behind a visible 'Menu' button that opens it.

With INTEGRAAL_SCHERMEN=<dir> a few representative pages are also saved as screenshots.
"""

from __future__ import annotations

import asyncio
import os
import re
from collections import defaultdict
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

import httpx
import pyotp
from playwright.sync_api import TimeoutError as PlaywrightTimeoutError

from integraal.app import maak_app
from integraal.demo.wereld import GEBRUIKERS, WACHTWOORD
from integraal.domein.rollen import Rol
from integraal.gebruikers import tweede_factor
from integraal.omgeving import Omgeving
from integraal.opslag.db import transactie
from tests.browser.conftest import AXE
from tests.conftest import maak_actor
from tests.hulp import WACHTWOORD as TEST_WACHTWOORD
from tests.paden import patroon, soort

BREEDTES = (1366, 390)
HOOGTE = 900
WCAG = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
# At phone width only what the layout can change is checked again: everything else axe reads
# from the DOM, which is the same at both widths (the full set runs at 1366 px). These rules
# read computed styles, sizes, visibility or overflow.
OPMAAKREGELS = [
    "target-size",
    "color-contrast",
    "scrollable-region-focusable",
    "aria-hidden-focus",
    "link-in-text-block",
    "css-orientation-lock",
    "meta-viewport",
    "nested-interactive",
]
# Pages that hand out files or end the session are not walked (same rule as tests/web).
_NIET_VOLGEN = re.compile(r"^/(uitloggen|api/)|\.(csv|xlsx|pdf)$|/export|/bestand$")
# Discovery reads a few instances of a route per user: one case may offer a link (an advice
# to confirm, a request to approve) that another does not.
PER_PATROON = 3
ANONIEM_START = ("/inloggen", "/melden", "/mijn-beslag")
# The monitor's pages and the partnerships' descriptions are the same for every signed-in
# person apart from the menu: these users discover them (the monitor's editor among them),
# the others only their start pages (tests/web/test_rondgang.py does the same).
OPENBAAR_LOPEN = frozenset({None, "analist.riec", "beleid.riec"})
_OPENBAAR = re.compile(r"^/(monitor|verbanden)/")
# (user, route): the main forms, each sent empty by someone who may use it.
FORMULIEREN: tuple[tuple[str | None, str], ...] = (
    ("gemeente.rdam", "/signalen/nieuw"),
    (None, "/melden"),
    ("belasting", "/leveringen"),  # a partner: the RIEC's own list has no upload form
    ("agent.politie", "/beslag/nieuw"),
    ("coordinator.riec", "/casussen/{kenmerk}/aanwijzingen"),
    ("analist.riec", "/casussen/{kenmerk}/deelverzoeken/nieuw"),
    ("coordinator.riec", "/casussen/{kenmerk}/advies"),
    ("analist.riec", "/deelwijzer"),
    ("analist.riec", "/zoeken"),
    ("beleid.riec", "/monitor/indicatoren/{code}"),  # only a published series has the form
    ("beleid.riec", "/monitor/moties/{nr}"),
    ("analist.fec", "/signaalronden/nieuw"),
    ("fiod", "/signaalronden/{kenmerk}"),  # a participant's answer
    ("politie", "/rapportages/nieuw"),
    ("politie", "/facilitatorindicatoren"),
    ("beleid.riec", "/knelpunten/nieuw"),
    ("analist.riec", "/casussen/{kenmerk}/informeren"),
    ("bibob.rdam", "/bibob/nieuw"),
    ("politie", "/bestuurlijke-rapportages/nieuw"),
    ("oov.rdam", "/vorderingen/nieuw"),
    ("privacy.riec", "/afscherming"),
    ("privacy.riec", "/integriteit/meldingen/{nr}"),
    ("coordinator.riec", "/toegangsreview"),
    ("coordinator.riec", "/casussen/{kenmerk}/thema"),
    ("beleid.riec", "/pmg/uitvragen/nieuw"),
    ("beleid.riec", "/monitor/maatregelen/nieuw"),
    ("beleid.riec", "/monitor/indicatoren/nieuw"),
    ("beleid.riec", "/monitor/moties/nieuw"),
    ("beheer.riec", "/beheer/gebruikers/nieuw"),
    ("beheer.riec", "/regels/versies/nieuw"),
    ("beheer.riec", "/partnerregister/versies/nieuw"),
    ("beheer.riec", "/beheer/mappings/nieuw"),
)
# The styled error pages: (user, path, expected status).
FOUTPAGINAS: tuple[tuple[str | None, str, int], ...] = (
    ("analist.riec", "/deze-pagina-bestaat-niet", 404),
    ("analist.riec", "/logboek", 403),  # the log is the privacy officer's
)
# Representative pages for the screenshots (route, or route + " (leeg verzonden)").
SCHERMEN = {
    "/": "start",
    "/casussen": "casussen",
    "/casussen/{kenmerk}": "casus",
    "/signalen/nieuw (leeg verzonden)": "signaal-fouten",
    "/beslag/{kenmerk}": "beslagobject",
    "/monitor": "monitor",
    "/monitor/indicatoren/{code} (leeg verzonden)": "indicator",
    "/casussen/{kenmerk}/netwerk": "netwerk",
    "/casussen/{kenmerk}/kruisverwijzing": "kruisverwijzing",
    "/leveringen": "leveringen",
    "/knelpunten": "knelpunten",
    "/knelpunten/{kenmerk}": "knelpunt",
    "/rapportages/{kenmerk}": "rapportage",
    "/signaalronden/{kenmerk}": "signaalronde",
    "/facilitatorindicatoren": "facilitatorindicatoren",
    "/casussen/{kenmerk}/informeren": "informeren",
    "/casussen/{kenmerk}/informeren (leeg verzonden)": "informeren-fouten",
    "/verbanden/{verband}": "verband",
    "/bibob/{kenmerk}": "bibob",
    "/sluitingen/{kenmerk}": "sluiting",
    "/vorderingen/{kenmerk}": "vordering",
    "/bestuurlijke-rapportages/nieuw (leeg verzonden)": "rapportage-fouten",
    "/percelen": "percelen",
    "/integriteit": "integriteit",
    "/integriteit/meldingen/{nr}": "integriteitsmelding",
    "/afscherming (leeg verzonden)": "afscherming-fouten",
    "/toegangsreview": "toegangsreview",
    "/casussen/{kenmerk}/thema (leeg verzonden)": "casus-thema-fouten",
    "/pmg": "pmg",
    "/pmg/opgaven/{nr}": "pmg-opgave",
    "/pmg/uitvragen/nieuw (leeg verzonden)": "pmg-uitvraag-fouten",
    "/inloggen/code": "inloggen-code",
    "/inloggen/code (leeg verzonden)": "inloggen-code-fouten",
}

# The root element must not be wider than the window. Offenders are the outermost elements
# that stick out without a scrolling ancestor, so the report names the cause, not its parents.
_OVERLOOP_JS = """() => {
  const de = document.documentElement, w = de.clientWidth;
  if (de.scrollWidth <= w) return null;
  const schuift = (el) => {
    for (let p = el; p && p !== document.body; p = p.parentElement) {
      const o = getComputedStyle(p).overflowX;
      if (o === 'auto' || o === 'scroll' || o === 'hidden' || o === 'clip') return true;
    }
    return false;
  };
  const naam = (el) => el.tagName.toLowerCase() + (el.id ? '#' + el.id : '') +
    [...el.classList].map((k) => '.' + k).join('');
  const pad = (el) => {
    let uit = naam(el);
    let a = el.parentElement;
    for (let i = 0; a && a !== document.body && i < 2; a = a.parentElement, i++)
      uit = naam(a) + ' > ' + uit;
    return uit;
  };
  const uit = new Map();
  const meld = (el, rechts) => {
    if (!uit.has(el)) uit.set(el, {doel: pad(el), html: el.outerHTML, rechts: Math.round(rechts)});
  };
  // An element that sticks out while its parent does not, outside any scrolling region.
  for (const el of document.body.querySelectorAll('*')) {
    const r = el.getBoundingClientRect();
    if (r.width === 0 || r.right <= w + 0.5 || schuift(el.parentElement)) continue;
    const p = el.parentElement;
    if (p !== document.body && p.getBoundingClientRect().right > w + 0.5) continue;
    meld(el, r.right);
  }
  // Text that runs past its own box (a long word in a heading, a URL): named by its element.
  const bereik = document.createRange();
  const tekst = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let n = tekst.nextNode(); n; n = tekst.nextNode()) {
    if (!n.textContent.trim() || schuift(n.parentElement)) continue;
    bereik.selectNodeContents(n);
    const r = bereik.getBoundingClientRect();
    if (r.width > 0 && r.right > w + 0.5) meld(n.parentElement, r.right);
  }
  return {scrollWidth: de.scrollWidth, clientWidth: w, elementen: [...uit.values()].slice(0, 3)};
}"""

_AXE_JS = """async ([tags, regels]) => {
  const r = await axe.run(document, {
    runOnly: regels ? {type: 'rule', values: regels} : {type: 'tag', values: tags},
    rules: {'target-size': {enabled: true}},
    resultTypes: ['violations'],
  });
  return r.violations.map((v) => ({
    id: v.id, impact: v.impact, aantal: v.nodes.length,
    doel: v.nodes[0].target.join(' '), html: v.nodes[0].html,
  }));
}"""

# The menu button must show on a phone and open the list; the list starts folded.
_MENU_JS = """() => {
  const nav = document.querySelector('.hoofdmenu');
  if (!nav) return 'geen hoofdmenu';
  const knop = nav.querySelector('.hoofdmenu__knop');
  const lijst = nav.querySelector('.hoofdmenu__lijst');
  const zichtbaar = (el) => !!el && el.getClientRects().length > 0 &&
    getComputedStyle(el).visibility !== 'hidden';
  if (!zichtbaar(knop)) return 'de knop Menu is niet zichtbaar';
  if (zichtbaar(lijst)) return 'het menu is niet ingeklapt';
  knop.click();
  const open = zichtbaar(lijst) && knop.getAttribute('aria-expanded') === 'true';
  knop.click();
  return open ? null : 'de knop Menu opent het menu niet';
}"""

_OPMAAK_JS = (
    "[...document.querySelectorAll('link[rel=stylesheet]')].every((l) => l.sheet)"
    " && document.readyState === 'complete'"
)


# The checks of one width in one call, where they took three or four round trips (a frame
# to settle, the width, axe, the menu), in that order; the menu is left closed, as found.
# Null when the page has not finished loading: then the caller waits and asks again.
_KEUR_JS = f"""async ([gewisseld, tags, regels, telefoon]) => {{
  if (!({_OPMAAK_JS})) return null;
  if (gewisseld) await new Promise((k) => requestAnimationFrame(() => setTimeout(k)));
  const overloop = ({_OVERLOOP_JS})();
  const schendingen = await ({_AXE_JS})([tags, regels]);
  return {{overloop, schendingen, menu: telefoon ? ({_MENU_JS})() : null}};
}}"""

# Nothing a person can fill in is sent: every visible field is switched off rather than
# emptied, so fields that start filled in (a select, the current text) are left out too.
# Hidden fields (the CSRF token, a fixed recipient) stay: a person cannot empty those.
_LEEG_JS = """(form) => {
  for (const el of form.elements) {
    if (el.name && !['hidden', 'submit'].includes(el.type)) el.disabled = true;
  }
}"""


@dataclass(frozen=True)
class Bezoek:
    gebruiker: str | None
    patroon: str
    pad: str


@dataclass(frozen=True)
class Bevinding:
    pagina: str
    breedte: int
    regel: str
    impact: str
    doel: str
    html: str
    aantal: int = 1

    def regelkop(self) -> tuple[str, str]:
        return (self.regel, self.impact)


class _Pagina(HTMLParser):
    """The same-origin links of a page, and whether it holds one of our forms."""

    def __init__(self) -> None:
        super().__init__()
        self.links: list[str] = []
        self.formulier = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        if tag == "a" and (href := a.get("href")) and href.startswith("/"):
            self.links.append(href.split("#")[0])
        if tag == "form" and "formulier" in (a.get("class") or "").split():
            self.formulier = True


def _volgen(pad: str) -> bool:
    return not _NIET_VOLGEN.search(urlsplit(pad).path) and not pad.startswith("//")


async def _inloggen_client(c: httpx.AsyncClient, gebruiker: str) -> None:
    m = re.search(r'name="csrf" value="([^"]+)"', (await c.get("/inloggen")).text)
    assert m
    r = await c.post(
        "/inloggen",
        data={"gebruikersnaam": gebruiker, "wachtwoord": WACHTWOORD, "csrf": m.group(1)},
        follow_redirects=False,
    )
    assert r.status_code == 303, r.text[:300]


def _ontdek(
    omgeving: Omgeving,
) -> tuple[dict[str, Bezoek], dict[tuple[str | None, str], str], list[str]]:
    """Walk every user's links in-process (fast). Gives per route the page to visit: the
    first user who reached it, on the fullest of the pages that user saw (most to check);
    per user and route the first page that holds a form; and pages that failed."""
    # In a thread of its own: the sync Playwright of the browser fixture holds this thread's
    # event loop.
    with ThreadPoolExecutor(1) as draad:
        return draad.submit(asyncio.run, _ontdek_asgi(omgeving)).result()


async def _ontdek_asgi(
    omgeving: Omgeving,
) -> tuple[dict[str, Bezoek], dict[tuple[str | None, str], str], list[str]]:
    # The app is called in this event loop (httpx's ASGI transport), not through a TestClient:
    # its portal hands every request and response part between two threads, which made the
    # walk (some 800 pages) two and a half times slower. Users walk one after another, as
    # before, so each sees the log entries of those before it.
    gekozen: dict[str, tuple[int, Bezoek]] = {}
    met_formulier: dict[tuple[str | None, str], str] = {}
    kapot: list[str] = []
    app = maak_app(omgeving)
    for gebruiker in [None, *(naam for naam, *_ in GEBRUIKERS)]:
        async with httpx.AsyncClient(
            transport=httpx.ASGITransport(app=app),
            base_url="http://testserver",
            follow_redirects=True,
        ) as c:
            if gebruiker is not None:
                await _inloggen_client(c, gebruiker)
            te_doen = list(ANONIEM_START if gebruiker is None else ("/",))
            gevraagd: set[str] = set()
            per_soort: dict[str, int] = defaultdict(int)
            while te_doen:
                pad = te_doen.pop(0)
                if pad in gevraagd or not _volgen(pad) or per_soort[soort(pad)] >= PER_PATROON:
                    continue
                if gebruiker not in OPENBAAR_LOPEN and _OPENBAAR.search(pad):
                    continue
                gevraagd.add(pad)
                per_soort[soort(pad)] += 1
                r = await c.get(pad)
                # A redirect (to the sign-in page) counts as the page it lands on.
                doel = r.url.path + (f"?{r.url.query.decode()}" if r.url.query else "")
                if r.status_code >= 500:
                    kapot.append(f"{gebruiker or 'anoniem'}: {pad} gaf status {r.status_code}")
                if not r.headers.get("content-type", "").startswith("text/html"):
                    continue
                p = patroon(doel)
                eerder = gekozen.get(p)
                if eerder is None or (eerder[1].gebruiker == gebruiker and eerder[0] < len(r.text)):
                    gekozen[p] = (len(r.text), Bezoek(gebruiker, p, doel))
                html = _Pagina()
                html.feed(r.text)
                if html.formulier:
                    met_formulier.setdefault((gebruiker, p), doel)
                te_doen += [link for link in html.links if link not in gevraagd]
    return {p: b for p, (_, b) in gekozen.items()}, met_formulier, kapot


def _snipper(html: str, lengte: int = 160) -> str:
    html = re.sub(r"\s+", " ", html).strip()
    return html if len(html) <= lengte else html[: lengte - 1] + "…"


class _Browser:
    """One browser page for the whole walk; `als` switches the person it is signed in as."""

    def __init__(self, chromium: Any, server: str) -> None:
        self.chromium = chromium
        self.server = server
        self.axe = AXE.read_text()
        self.bevindingen: list[Bevinding] = []
        self.bezocht = 0
        self.ingelogd = False
        self.context: Any = None
        self.pagina: Any = None
        self.vers: str | None = None  # the page as loaded and checked, nothing done in it yet
        schermen = os.environ.get("INTEGRAAL_SCHERMEN")
        self.schermen = Path(schermen) if schermen else None

    def __enter__(self) -> _Browser:
        return self

    def __exit__(self, *_: object) -> None:
        if self.context is not None:
            self.context.close()

    @contextmanager
    def als(self, gebruiker: str | None) -> Iterator[Any]:
        if self.context is None:
            # axe is injected as a script; the test context alone may bypass our strict CSP
            # for that.
            self.context = self.chromium.new_context(
                bypass_csp=True, viewport={"width": BREEDTES[0], "height": HOOGTE}
            )
            # axe-core in every page of the context before its own scripts, instead of
            # injected after each visit (one round trip and one tag less per page).
            self.context.add_init_script(script=self.axe)
            self.pagina = self.context.new_page()
        # One context for everyone, the person switched by the session cookie: a context and
        # page per person cost a third of a second each (some thirty people). Nothing else
        # carries over: the app keeps no browser storage and sends every page no-store (only its
        # own static files, fingerprinted, are kept).
        self.context.clear_cookies()
        self.ingelogd = gebruiker is not None
        self.vers = None
        if gebruiker is not None:
            # Signing in through the context's own HTTP client sets the session cookie
            # without drawing two pages per person (tests/browser/test_toegankelijkheid.py
            # signs in by keyboard).
            vorm = self.context.request.get(f"{self.server}/inloggen").text()
            m = re.search(r'name="csrf" value="([^"]+)"', vorm)
            assert m
            antwoord = self.context.request.post(
                f"{self.server}/inloggen",
                form={"gebruikersnaam": gebruiker, "wachtwoord": WACHTWOORD, "csrf": m[1]},
                max_redirects=0,
            )
            assert antwoord.status == 303, antwoord.text()[:300]
        yield self.pagina

    def vind(
        self, pagina: str, breedte: int, regel: str, impact: str, doel: str, html: str
    ) -> None:
        self.bevindingen.append(Bevinding(pagina, breedte, regel, impact, doel, _snipper(html)))

    def bezoek(self, pagina: Any, naam: str, pad: str, status: int = 200) -> None:
        antwoord = pagina.goto(self.server + pad)
        if antwoord is None or antwoord.status != status:
            gekregen = antwoord.status if antwoord else "geen"
            self.vind(naam, 0, "status", "fout", pad, f"status {gekregen}, verwacht {status}")
        self.keur(pagina, naam)
        self.vers = pad

    def keur(self, pagina: Any, naam: str) -> None:
        """Both widths: the page's own width, axe, and at phone width the menu."""
        self.bezocht += 1
        for breedte in BREEDTES:
            # The page is loaded at the first width (the context's viewport, restored below);
            # only a resize needs a frame for media queries, the menu script and layout.
            gewisseld = breedte != BREEDTES[0]
            if gewisseld:
                pagina.set_viewport_size({"width": breedte, "height": HOOGTE})
            regels = None if breedte == BREEDTES[0] else OPMAAKREGELS
            vraag = [gewisseld, WCAG, regels, breedte < 768]
            # After a navigation the page is normally complete already; wait_for_function
            # (which polls per frame) cost some 20 ms a page even then, so it is only asked
            # for when the page is not.
            while (uit := pagina.evaluate(_KEUR_JS, vraag)) is None:
                pagina.wait_for_function(_OPMAAK_JS)
            if (o := uit["overloop"]) is not None:
                for el in o["elementen"] or [{"doel": "?", "html": "", "rechts": 0}]:
                    self.vind(
                        naam,
                        breedte,
                        "horizontale-overloop",
                        "fout",
                        f"{el['doel']} (rechterrand {el['rechts']}px, pagina "
                        f"{o['scrollWidth']}px in {o['clientWidth']}px)",
                        el["html"],
                    )
            for v in uit["schendingen"]:
                self.bevindingen.append(
                    Bevinding(
                        naam,
                        breedte,
                        v["id"],
                        v["impact"] or "?",
                        v["doel"],
                        _snipper(v["html"]),
                        v["aantal"],
                    )
                )
            # A visitor who is not signed in has no menu; a signed-in person always has one.
            fout = uit["menu"]
            if fout and (self.ingelogd or fout != "geen hoofdmenu"):
                self.vind(naam, breedte, "hoofdmenu-telefoon", "fout", ".hoofdmenu", fout)
            if self.schermen is not None and (bestand := SCHERMEN.get(naam.split(" — ")[0])):
                self.schermen.mkdir(parents=True, exist_ok=True)
                pagina.screenshot(path=self.schermen / f"{bestand}-{breedte}.png", full_page=True)
        pagina.set_viewport_size({"width": BREEDTES[0], "height": HOOGTE})

    def verzend_leeg(self, pagina: Any, naam: str, pad: str, status: int = 400) -> None:
        # The checks leave the page as they found it (the menu closed, the first width), so a
        # form just checked is sent from there rather than loaded again.
        if self.vers != pad:
            pagina.goto(self.server + pad)
        self.vers = None
        formulier = pagina.locator("main form.formulier[method=post]").first
        formulier.evaluate(_LEEG_JS)
        # The upload form posts through XHR and writes the answer into the page, so the
        # answer is taken from the network, not from a navigation.
        with pagina.expect_response(lambda r: r.request.method == "POST") as antwoord:
            formulier.locator("button[type=submit]:not([name])").last.click()
        if antwoord.value.status != status:
            gekregen = f"status {antwoord.value.status}, verwacht {status}"
            self.vind(naam, 0, "status", "fout", pad, gekregen)
        try:
            pagina.wait_for_selector("[data-foutsamenvatting]", timeout=10_000)
        except PlaywrightTimeoutError:
            self.vind(naam, 0, "foutstaat", "fout", pad, "geen 'Er is een probleem' na verzenden")
            return
        self.keur(pagina, naam)


def _wie(gebruiker: str | None) -> str:
    return gebruiker or "anoniem"


def _verslag(bevindingen: list[Bevinding]) -> str:
    per_regel: dict[tuple[str, str], list[Bevinding]] = defaultdict(list)
    for b in bevindingen:
        per_regel[b.regelkop()].append(b)
    regels = [f"{len(bevindingen)} bevindingen in {len(per_regel)} regels"]
    for (regel, impact), lijst in sorted(per_regel.items()):
        regels.append(f"\n== {regel} ({impact}) — {len(lijst)}×")
        for b in lijst:
            breedte = f"{b.breedte}px" if b.breedte else "-"
            meer = f" (+{b.aantal - 1} meer)" if b.aantal > 1 else ""
            regels.append(f"  {b.pagina} @ {breedte}: {b.doel}{meer}\n      {b.html}")
    return "\n".join(regels)


def test_elke_pagina_op_telefoon_en_scherm(chromium: Any, server: str, demo: Omgeving) -> None:
    eerste, met_formulier, kapot = _ontdek(demo)
    # The walk must reach the application's breadth, or the check below proves little.
    assert len(eerste) >= 40, sorted(eerste)

    browser = _Browser(chromium, server)
    browser.bevindingen += [Bevinding(k, 0, "status", "fout", k, "") for k in kapot]
    werk: dict[str | None, list[tuple[str, str, int, bool]]] = defaultdict(list)
    for b in eerste.values():
        werk[b.gebruiker].append((f"{b.patroon} — {_wie(b.gebruiker)}: {b.pad}", b.pad, 200, False))
    for gebruiker, pad, status in FOUTPAGINAS:
        werk[gebruiker].append((f"fout {status} — {_wie(gebruiker)}: {pad}", pad, status, False))
    for gebruiker, route in FORMULIEREN:
        met = met_formulier.get((gebruiker, route))
        if met is None:
            browser.vind(route, 0, "formulier", "fout", route, f"{_wie(gebruiker)} vond het niet")
            continue
        naam = f"{route} (leeg verzonden) — {_wie(gebruiker)}: {met}"
        # Straight after the visit of the same page, when that person visits it.
        bezoeken = werk[gebruiker]
        na = [i + 1 for i, (_, pad, _, leeg) in enumerate(bezoeken) if pad == met and not leeg]
        bezoeken.insert(na[0] if na else len(bezoeken), (naam, met, 400, True))

    with browser:
        for gebruiker, bezoeken in werk.items():
            with browser.als(gebruiker) as pagina:
                for naam, pad, status, leeg in bezoeken:
                    if leeg:
                        browser.verzend_leeg(pagina, naam, pad, status)
                    else:
                        browser.bezoek(pagina, naam, pad, status)

        _na_een_handeling(browser)
        _tweede_stap(browser, demo)
    assert browser.bezocht >= len(eerste) + len(FOUTPAGINAS)
    kop = f"{browser.bezocht} pagina's bekeken op {' en '.join(map(str, BREEDTES))} px: "
    assert not browser.bevindingen, kop + _verslag(browser.bevindingen)


def _na_een_handeling(browser: _Browser) -> None:
    """Pages no link reaches: an answer, a job's progress, a confirmation step. Each is made
    the way a person gets there, then checked like the others (last: they change the demo)."""
    s = browser.server
    with browser.als("analist.riec") as p:
        p.goto(f"{s}/deelwijzer")
        p.select_option("#veld-van", "gemeente-rotterdam")
        p.select_option("#veld-aan", "riec-rotterdam")
        p.select_option("#veld-categorie", "identiteit")
        p.get_by_role("button", name="Vraag de deelwijzer").click()
        p.wait_for_selector("#antwoord")
        browser.keur(p, "deelwijzer (antwoord) — analist.riec")
        p.goto(f"{s}/casussen/RIEC-RDM-2026-001/netwerk/patronen")
        p.locator("main section h2 a").first.click()
        p.get_by_role("combobox", name=re.compile(" naar$")).select_option(index=1)
        p.get_by_role("button", name="Zoek pad").click()
        p.wait_for_url(re.compile(r".*/netwerk/pad\?.*"))
        browser.keur(p, "netwerk/pad — analist.riec")
        p.goto(f"{s}/casussen/RIEC-RDM-2026-002/advies")
        p.fill("#veld-analyse", "De panden dienen als dekmantel; sluiten en navorderen.")
        p.select_option("#veld-interventies-0-maatregel", "13b-sluiting")
        p.select_option("#veld-interventies-0-eigenaar", "gemeente-rotterdam")
        p.get_by_role("button", name="Conceptadvies opslaan").click()
        p.wait_for_selector("[data-bevestiging]")
        browser.keur(p, "casus met bevestiging — analist.riec")
    with browser.als("coordinator.riec") as p:
        p.goto(f"{s}/casussen/RIEC-RDM-2026-002/advies/vaststellen")
        browser.keur(p, "advies/vaststellen — coordinator.riec")
    with browser.als("beleid.riec") as p:
        p.goto(f"{s}/monitor")
        p.get_by_role("button", name="Rapportage als PDF maken").click()
        p.wait_for_url(re.compile(r".*/monitor/rapport/pdf/[0-9a-f-]+$"))
        browser.keur(p, "monitor/rapport/pdf — beleid.riec")


def _tweede_stap(browser: _Browser, demo: Omgeving) -> None:
    """The code page of signing in, for an account with a second factor: as it comes, sent
    empty, and then passed with the code the app would show."""
    maak_actor(demo, "tweestaps.riec", "riec-rotterdam", Rol.ANALIST)
    with transactie(demo.fabriek) as sessie:
        adres = tweede_factor.stel_in(sessie, "tweestaps.riec")
    geheim = parse_qs(urlsplit(adres).query)["secret"][0]
    s = browser.server
    with browser.als(None) as p:
        p.goto(f"{s}/inloggen")
        p.fill("#veld-gebruikersnaam", "tweestaps.riec")
        p.fill("#veld-wachtwoord", TEST_WACHTWOORD)
        p.get_by_role("button", name="Inloggen").click()
        p.wait_for_url(re.compile(r".*/inloggen/code(\?.*)?$"))
        browser.keur(p, "/inloggen/code — tweestaps.riec")
        browser.vers = "/inloggen/code"  # sent from where it is: a new visit starts over
        naam = "/inloggen/code (leeg verzonden) — tweestaps.riec"
        browser.verzend_leeg(p, naam, "/inloggen/code", 400)
        p.fill("#veld-code", pyotp.TOTP(geheim).now())
        p.get_by_role("button", name="Inloggen").click()
        p.wait_for_url(f"{s}/")


def test_de_keuring_ziet_fouten(chromium: Any) -> None:
    """The checks themselves can fail: a page too wide, a tiny unnamed button, an image
    without text and a missing menu are each caught; a plain page passes."""
    with _Browser(chromium, "") as browser, browser.als(None) as pagina:
        pagina.set_content(
            "<!DOCTYPE html><html lang='nl'><head><title>Proef</title></head><body><main>"
            "<h1>Proef</h1><div style='inline-size: 1500px'>breed</div><img src='data:,'>"
            "<p><button style='inline-size: 12px; block-size: 12px; padding: 0'></button>"
            "<button style='inline-size: 12px; block-size: 12px; padding: 0'>b</button></p>"
            "</main></body></html>"
        )
        browser.ingelogd = True  # so the missing menu counts
        browser.keur(pagina, "proef — analist.riec: /proef")
        gevonden = {(b.regel, b.breedte) for b in browser.bevindingen}
        assert {
            ("horizontale-overloop", 1366),
            ("horizontale-overloop", 390),
            ("image-alt", 1366),  # a DOM rule: checked once, at the full width
            ("button-name", 1366),
            ("target-size", 390),
            ("hoofdmenu-telefoon", 390),
        } <= gevonden, gevonden

        browser.bevindingen.clear()
        browser.ingelogd = False
        pagina.set_content(
            "<!DOCTYPE html><html lang='nl'><head><title>Goed</title></head><body><main>"
            "<h1>Goed</h1><p>Een gewone pagina.</p></main></body></html>"
        )
        browser.keur(pagina, "goed — anoniem: /goed")
        assert browser.bevindingen == []
