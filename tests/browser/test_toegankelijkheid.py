# SPDX-License-Identifier: EUPL-1.2
"""Keyboard-only use in real chromium: signing in, searching, the menu on a phone.
(Every page's axe-core scan at two widths is in test_paginas.py.)"""

from __future__ import annotations

from typing import Any

from integraal.demo.wereld import WACHTWOORD
from integraal.omgeving import Omgeving
from tests.browser.conftest import als, axe


def test_inloggen_en_zoeken_met_alleen_het_toetsenbord(
    chromium: Any, server: str, demo: Omgeving
) -> None:
    context = chromium.new_context()
    pagina = context.new_page()
    pagina.goto(f"{server}/inloggen")
    pagina.keyboard.press("Tab")
    assert pagina.evaluate("document.activeElement.textContent") == "Naar de inhoud"
    pagina.keyboard.press("Tab")
    assert pagina.evaluate("document.activeElement.textContent.trim()") == "Integraal"
    pagina.keyboard.press("Tab")
    assert pagina.evaluate("document.activeElement.id") == "veld-gebruikersnaam"
    pagina.keyboard.type("analist.riec")
    pagina.keyboard.press("Tab")
    pagina.keyboard.type(WACHTWOORD)
    pagina.keyboard.press("Enter")
    pagina.wait_for_url(f"{server}/")
    assert "Anna Analist" in pagina.inner_text("h1")
    pagina.goto(f"{server}/zoeken")
    pagina.focus("#veld-zoekterm")
    pagina.keyboard.type("999990019")  # a test BSN: searched through its pseudonym
    pagina.select_option("#veld-casusId", "RIEC-RDM-2026-001")
    pagina.focus("#veld-zoekterm")
    pagina.keyboard.press("Enter")
    pagina.wait_for_selector("main table")
    resultaten = pagina.inner_text("main table")
    assert "Mohamed El Amrani" in resultaten  # the second test BSN of the demo world
    assert "999990019" not in resultaten
    context.close()


def test_het_menu_op_een_telefoon(chromium: Any, server: str, demo: Omgeving) -> None:
    """At 390 px the menu folds behind a button that opens it, by keyboard too."""
    pagina = als(chromium, server, "coordinator.riec")
    pagina.set_viewport_size({"width": 390, "height": 844})
    pagina.goto(f"{server}/")
    knop = pagina.locator(".hoofdmenu__knop")
    assert knop.is_visible() and knop.get_attribute("aria-expanded") == "false"
    assert not pagina.get_by_role("navigation").get_by_role("link", name="Casussen").is_visible()
    knop.focus()
    pagina.keyboard.press("Enter")
    assert knop.get_attribute("aria-expanded") == "true"
    casussen = pagina.get_by_role("navigation").get_by_role("link", name="Casussen")
    assert casussen.is_visible()
    casussen.click()
    pagina.wait_for_url(f"{server}/casussen")
    # The current page is marked for assistive technology.
    hoofdmenu = pagina.get_by_role("navigation", name="Hoofdmenu")
    assert hoofdmenu.locator("[aria-current=page]").inner_text().strip() == "Casussen"
    assert axe(pagina) == []
