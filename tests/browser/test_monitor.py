# SPDX-License-Identifier: EUPL-1.2
"""The policy officer's journey through the monitor in chromium: overview, an indicator and
its revision, finances, a motion reviewed with the keyboard, search, the report; axe on each."""

from __future__ import annotations

from typing import Any

from integraal.omgeving import Omgeving
from tests.browser.test_toegankelijkheid import _axe, _inloggen


def test_beleidsmedewerker_werkt_de_monitor_bij(chromium: Any, server: str, demo: Omgeving) -> None:
    context = chromium.new_context(bypass_csp=True)
    p = context.new_page()
    bevindingen: dict[str, list[str]] = {}
    _inloggen(p, server, "beleid.riec")
    p.click("nav >> text=Monitor")
    p.wait_for_url(f"{server}/monitor")
    assert p.locator("h1").inner_text() == "Monitor van de aanpak"
    bevindingen["/monitor"] = [v["id"] for v in _axe(p)]

    p.click("text=Uitspraken van de rechter in ondermijningszaken")
    assert p.locator("svg.grafiek title").first.text_content().startswith("Uitspraken")
    p.fill("#periode", "2024")
    p.fill("#uitsplitsing", "Schuldig")
    p.fill("#waarde", "1300")
    p.fill("#bron", "OM Jaarbericht 2024")
    p.click("main button[type=submit]")
    p.wait_for_url(f"{server}/monitor/indicatoren/uitspraken")
    assert "2024" in p.locator("main table").first.inner_text()
    bevindingen["/monitor/indicatoren/uitspraken"] = [v["id"] for v in _axe(p)]

    p.goto(f"{server}/monitor/financien")
    assert "kloppen" in p.locator("main").inner_text()
    bevindingen["/monitor/financien"] = [v["id"] for v in _axe(p)]

    p.goto(f"{server}/monitor/moties?soort=motie")
    bevindingen["/monitor/moties"] = [v["id"] for v in _axe(p)]
    p.click("text=een onderzoek naar de mogelijkheid van een check")
    bevindingen["/monitor/moties/{id}"] = [v["id"] for v in _axe(p)]
    # review with the keyboard only: focus the status, choose, tab to the button, Enter
    p.focus("#tk_status")
    p.keyboard.press("End")  # the last status: Deels afgedaan
    for _ in range(20):  # a date field takes several tab stops
        p.keyboard.press("Tab")
        if p.evaluate("document.activeElement.textContent") == "Beoordeling opslaan":
            break
    with p.expect_navigation():
        p.keyboard.press("Enter")
    assert "Deels afgedaan" in p.locator("dl").inner_text()
    assert "ja" in p.locator("dl").inner_text()

    p.goto(f"{server}/monitor/documenten")
    p.fill("#q", "Tornado Cash")
    p.keyboard.press("Enter")
    p.wait_for_url(f"{server}/monitor/documenten?q=Tornado+Cash")
    assert p.locator("mark").count() >= 1
    bevindingen["/monitor/documenten"] = [v["id"] for v in _axe(p)]

    p.goto(f"{server}/monitor/rapport")
    assert "Bijlage: moties en toezeggingen" in p.content()
    bevindingen["/monitor/rapport"] = [v["id"] for v in _axe(p)]
    context.close()
    assert bevindingen == {pad: [] for pad in bevindingen}
