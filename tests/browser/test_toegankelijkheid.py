# SPDX-License-Identifier: EUPL-1.2
"""WCAG 2.1 A/AA scan (axe-core) of the main pages, and keyboard-only use, in real chromium."""

from __future__ import annotations

from typing import Any

import pytest

from integraal.demo.wereld import WACHTWOORD, laad_demo
from integraal.omgeving import Omgeving
from tests.browser.conftest import AXE

WCAG = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


def _axe(pagina: Any) -> list[dict[str, Any]]:
    pagina.add_script_tag(content=AXE.read_text())
    uitkomst = pagina.evaluate(
        "async (tags) => "
        "(await axe.run(document, {runOnly: {type: 'tag', values: tags}})).violations",
        WCAG,
    )
    return [v for v in uitkomst if v["impact"] in ("serious", "critical")]


def _inloggen(pagina: Any, server: str, gebruiker: str) -> None:
    pagina.goto(f"{server}/inloggen")
    pagina.fill("#gebruikersnaam", gebruiker)
    pagina.fill("#wachtwoord", WACHTWOORD)
    pagina.click("main button[type=submit]")
    pagina.wait_for_url(f"{server}/")


@pytest.fixture
def demo(omgeving: Omgeving) -> Omgeving:
    laad_demo(omgeving)
    return omgeving


def test_hoofdpaginas_zonder_ernstige_toegankelijkheidsfouten(
    chromium: Any, server: str, demo: Omgeving
) -> None:
    # axe is injected as a script; the test context alone may bypass our strict CSP for that.
    context = chromium.new_context(bypass_csp=True)
    pagina = context.new_page()
    bevindingen: dict[str, list[str]] = {}
    pagina.goto(f"{server}/inloggen")
    bevindingen["/inloggen"] = [v["id"] for v in _axe(pagina)]
    _inloggen(pagina, server, "analist.riec")
    for pad in ("/", "/zoeken", "/deelwijzer", "/leveringen"):
        pagina.goto(server + pad)
        bevindingen[pad] = [v["id"] for v in _axe(pagina)]
    pagina.goto(f"{server}/zoeken")
    pagina.select_option("#casus", "RIEC-RDM-2026-001")
    pagina.fill("#zoekterm", "berg")
    pagina.click("main button[type=submit]")
    bevindingen["/zoeken (resultaten)"] = [v["id"] for v in _axe(pagina)]
    pagina.click("text=Johannes van der Berg")
    bevindingen["/entiteiten"] = [v["id"] for v in _axe(pagina)]
    pagina.goto(f"{server}/deelwijzer")
    pagina.click("main button[type=submit]")
    bevindingen["/deelwijzer (besluit)"] = [v["id"] for v in _axe(pagina)]
    context.close()
    assert bevindingen == {p: [] for p in bevindingen}


def test_inloggen_en_zoeken_met_alleen_het_toetsenbord(
    chromium: Any, server: str, demo: Omgeving
) -> None:
    context = chromium.new_context()
    pagina = context.new_page()
    pagina.goto(f"{server}/inloggen")
    pagina.keyboard.press("Tab")
    assert pagina.evaluate("document.activeElement.textContent") == "Naar de inhoud"
    pagina.keyboard.press("Tab")
    assert pagina.evaluate("document.activeElement.textContent") == "Integraal"
    pagina.keyboard.press("Tab")
    assert pagina.evaluate("document.activeElement.id") == "gebruikersnaam"
    pagina.keyboard.type("analist.riec")
    pagina.keyboard.press("Tab")
    pagina.keyboard.type(WACHTWOORD)
    pagina.keyboard.press("Enter")
    pagina.wait_for_url(f"{server}/")
    assert "Welkom, Anna Analist" in pagina.inner_text("h1")
    pagina.goto(f"{server}/zoeken")
    pagina.focus("#zoekterm")
    pagina.keyboard.type("999990019")  # a test BSN: searched through its pseudonym
    pagina.keyboard.press("Tab")
    pagina.keyboard.press("ArrowDown")  # the first case in the list
    pagina.focus("#zoekterm")
    pagina.keyboard.press("Enter")
    pagina.wait_for_selector("text=resultaten")
    resultaten = pagina.inner_text("table")
    assert "Mohamed El Amrani" in resultaten  # the second test BSN of the demo world
    assert "999990019" not in resultaten
    context.close()
