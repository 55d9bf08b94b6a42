# SPDX-License-Identifier: EUPL-1.2
"""The judgement queue in real chromium: started and judged by keyboard, progress shown, no
WCAG 2.2 AA finding of any impact (axe-core)."""

from __future__ import annotations

from typing import Any

from integraal.omgeving import Omgeving
from tests.browser.conftest import als, axe, bevestiging

PAD = "/casussen/RIEC-RDM-2026-001/kruisverwijzing"


def test_start_and_judge_by_keyboard(chromium: Any, server: str, demo: Omgeving) -> None:
    pagina = als(chromium, server, "analist.riec")
    pagina.goto(server + PAD)
    assert axe(pagina) == []
    # The kind of run is a radio group; the start button follows it.
    pagina.get_by_label("Alle personen van de casus tegen elkaar").focus()
    pagina.keyboard.press("Space")
    knop = pagina.get_by_role("button", name="Kruisverwijzing starten")
    knop.focus()
    pagina.keyboard.press("Enter")
    pagina.wait_for_url(f"{server}{PAD}*")
    assert "gestart" in bevestiging(pagina).lower()
    # Progress is polled until the run is done; then the suggestions are there.
    pagina.wait_for_selector("text=Toon de suggesties", timeout=30_000)
    pagina.goto(server + PAD)
    assert pagina.locator("section.sectie").count() > 0
    tekst = pagina.inner_text("main")
    assert "Johannes van der Berg" in tekst and "J. v.d. Berg" in tekst
    assert "-pseudo:" not in tekst
    assert axe(pagina) == []
    eerste = pagina.locator("section.sectie").first
    eerste.get_by_role("button", name="Zelfde persoon").focus()
    with pagina.expect_navigation():
        pagina.keyboard.press("Enter")
    assert "Wacht op een tweede oordeel" in pagina.inner_text("main")
