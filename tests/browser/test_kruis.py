# SPDX-License-Identifier: EUPL-1.2
"""The judgement queue in real chromium: started and judged by keyboard, progress shown,
no serious WCAG 2.1 AA findings (axe-core)."""

from __future__ import annotations

from typing import Any

from integraal.omgeving import Omgeving
from tests.browser.test_toegankelijkheid import _axe, _inloggen

PAD = "/casussen/RIEC-RDM-2026-001/kruisverwijzing"


def test_start_and_judge_by_keyboard(chromium: Any, server: str, demo: Omgeving) -> None:
    context = chromium.new_context(bypass_csp=True)
    pagina = context.new_page()
    _inloggen(pagina, server, "analist.riec")
    pagina.goto(server + PAD)
    assert _axe(pagina) == []
    pagina.focus("#soort-casus")
    pagina.keyboard.press("Space")
    # The start button follows the scope fields; reach it by Tab and press Enter.
    pagina.focus("#dataset_b")
    pagina.keyboard.press("Tab")
    pagina.keyboard.press("Enter")
    pagina.wait_for_url(f"{server}{PAD}#taken")
    # Progress is polled until the run is done; then the suggestions are there.
    pagina.wait_for_selector("text=Toon de suggesties", timeout=30_000)
    pagina.goto(server + PAD)
    assert pagina.locator("section.suggestie").count() > 0
    tekst = pagina.inner_text("main")
    assert "Johannes van der Berg" in tekst and "J. v.d. Berg" in tekst
    assert _axe(pagina) == []
    knop = pagina.locator("section.suggestie").first.locator("button", has_text="Zelfde persoon")
    knop.focus()
    with pagina.expect_navigation():
        pagina.keyboard.press("Enter")
    assert "wacht op tweede oordeel" in pagina.inner_text("main")
    context.close()
