# SPDX-License-Identifier: EUPL-1.2
"""The network view in real chromium: from a pattern to a subject's relations and a path, by
keyboard alone, with no WCAG 2.2 AA finding of any impact (axe-core)."""

from __future__ import annotations

import re
from typing import Any

from integraal.omgeving import Omgeving
from tests.browser.conftest import als, axe

PAD = "/casussen/RIEC-RDM-2026-001/netwerk"


def test_from_pattern_to_relations_and_path_by_keyboard(
    chromium: Any, server: str, demo: Omgeving
) -> None:
    pagina = als(chromium, server, "analist.riec")
    pagina.goto(server + PAD + "/patronen")
    assert "Veel organisaties op één adres" in pagina.inner_text("main")
    assert axe(pagina) == []
    # The first pattern's subject (the address) is a link; focus it and follow with Enter.
    link = pagina.locator("main section h2 a").first
    link.focus()
    with pagina.expect_navigation():
        pagina.keyboard.press("Enter")
    tekst = pagina.inner_text("main")
    assert "Relaties van Havenweg 12" in tekst and "Relaties 1 tot en met" in tekst
    assert pagina.locator("svg[role=img] title").count() == 1
    assert axe(pagina) == []
    # Filter by keyboard: the address has address relations only; tick that kind.
    pagina.get_by_label(re.compile(r"^Adres \(\d+\)$")).focus()
    pagina.keyboard.press("Space")
    pagina.keyboard.press("Tab")
    with pagina.expect_navigation():
        pagina.keyboard.press("Enter")
    assert "soort=adres" in pagina.url
    # Path from the address to a case subject, chosen in the select by keyboard.
    pagina.get_by_role("combobox", name=re.compile(" naar$")).focus()
    pagina.keyboard.press("ArrowDown")
    pagina.keyboard.press("Tab")
    with pagina.expect_navigation():
        pagina.keyboard.press("Enter")
    assert "Kortste pad" in pagina.inner_text("main")
    assert axe(pagina) == []
