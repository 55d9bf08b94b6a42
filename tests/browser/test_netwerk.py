# SPDX-License-Identifier: EUPL-1.2
"""The network view in real chromium: from a pattern to a subject's relations and a path, by
keyboard alone, with no serious WCAG 2.1 AA findings (axe-core)."""

from __future__ import annotations

from typing import Any

from integraal.omgeving import Omgeving
from tests.browser.test_toegankelijkheid import _axe, _inloggen

PAD = "/casussen/RIEC-RDM-2026-001/netwerk"


def test_from_pattern_to_relations_and_path_by_keyboard(
    chromium: Any, server: str, demo: Omgeving
) -> None:
    context = chromium.new_context(bypass_csp=True)
    pagina = context.new_page()
    _inloggen(pagina, server, "analist.riec")
    pagina.goto(server + PAD + "/patronen")
    assert "Veel organisaties op één adres" in pagina.inner_text("main")
    assert _axe(pagina) == []
    # The first pattern's subject (the address) is a link; focus it and follow with Enter.
    link = pagina.locator("section.patroon h2 a").first
    link.focus()
    with pagina.expect_navigation():
        pagina.keyboard.press("Enter")
    tekst = pagina.inner_text("main")
    assert "Relaties van Havenweg 12" in tekst and "Relaties 1–" in tekst
    assert pagina.locator("svg[role=img] title").count() == 1
    assert _axe(pagina) == []
    # Filter by keyboard: the address has address relations only; tick that kind.
    pagina.focus("#soort-adres")
    pagina.keyboard.press("Space")
    pagina.keyboard.press("Tab")
    with pagina.expect_navigation():
        pagina.keyboard.press("Enter")
    assert "soort=adres" in pagina.url
    # Path from the address to a case subject, chosen in the select by keyboard.
    pagina.focus("#naar")
    pagina.keyboard.press("ArrowDown")
    pagina.keyboard.press("Tab")
    with pagina.expect_navigation():
        pagina.keyboard.press("Enter")
    assert "Kortste pad" in pagina.inner_text("main")
    assert pagina.locator("[role=status]").count() == 1
    assert _axe(pagina) == []
    context.close()
