# SPDX-License-Identifier: EUPL-1.2
"""The policy officer's journey through the monitor in chromium: overview, an indicator and
its revision, finances, a motion reviewed with the keyboard, search, the report and the PDF
as a job with visible progress; axe on each."""

from __future__ import annotations

import re
from typing import Any

from integraal.omgeving import Omgeving
from tests.browser.conftest import als, axe, bevestiging


def test_beleidsmedewerker_werkt_de_monitor_bij(chromium: Any, server: str, demo: Omgeving) -> None:
    p = als(chromium, server, "beleid.riec")
    bevindingen: dict[str, list[str]] = {}
    p.get_by_role("navigation").get_by_role("link", name="Monitor").click()
    p.wait_for_url(f"{server}/monitor")
    assert p.locator("h1").inner_text() == "Monitor van de aanpak"
    bevindingen["/monitor"] = axe(p)

    p.get_by_role("link", name="Uitspraken van de rechter in ondermijningszaken").click()
    assert p.locator("svg.grafiek title").first.text_content().startswith("Uitspraken")
    p.fill("#veld-periode", "2024")
    p.fill("#veld-uitsplitsing", "Schuldig")
    p.fill("#veld-waarde", "1.300")
    p.fill("#veld-bron", "OM Jaarbericht 2024")
    p.get_by_role("button", name="Vastleggen").click()
    p.wait_for_url(f"{server}/monitor/indicatoren/uitspraken")
    assert "Waarde voor 2024 vastgelegd" in bevestiging(p)
    assert "1.300" in p.locator("main table").first.inner_text()
    bevindingen["/monitor/indicatoren/uitspraken"] = axe(p)

    p.goto(f"{server}/monitor/financien")
    assert "kloppen" in p.locator("main").inner_text()
    bevindingen["/monitor/financien"] = axe(p)

    p.goto(f"{server}/monitor/moties?soort=motie")
    bevindingen["/monitor/moties"] = axe(p)
    p.get_by_role(
        "link", name=re.compile("een onderzoek naar de mogelijkheid van een check")
    ).click()
    bevindingen["/monitor/moties/{id}"] = axe(p)
    # Review with the keyboard only: focus the status, choose, tab to the button, Enter.
    p.focus("#veld-tkStatus")
    p.keyboard.press("End")  # the last status: Deels afgedaan
    for _ in range(20):
        p.keyboard.press("Tab")
        if p.evaluate("document.activeElement.textContent") == "Beoordeling opslaan":
            break
    with p.expect_navigation():
        p.keyboard.press("Enter")
    assert "deels afgedaan" in bevestiging(p).lower()
    assert "Deels afgedaan" in p.locator("main dl").inner_text()

    p.goto(f"{server}/monitor/documenten")
    p.fill("#veld-zoek", "Tornado Cash")
    p.keyboard.press("Enter")
    p.wait_for_url(re.compile(r".*/monitor/documenten\?zoek=Tornado\+Cash"))
    assert p.locator("mark").count() >= 1
    bevindingen["/monitor/documenten"] = axe(p)

    p.goto(f"{server}/monitor/rapport")
    assert "Bijlage: moties en toezeggingen" in p.content()

    # The PDF is made in the background: the page shows the step, then the download link.
    p.goto(f"{server}/monitor")
    p.get_by_role("button", name="Rapportage als PDF maken").click()
    p.wait_for_url(re.compile(r".*/monitor/rapport/pdf/[0-9a-f-]+$"))
    bevindingen["/monitor/rapport/pdf/{id}"] = axe(p)
    p.wait_for_selector("text=/De PDF is klaar|PDF maken kan hier niet/", timeout=60_000)
    if p.get_by_role("link", name=re.compile("^Download")).count():
        with p.expect_download() as download:
            p.get_by_role("link", name=re.compile("^Download")).click()
        assert download.value.suggested_filename.startswith("voortgangsrapportage-")
    assert bevindingen == {pad: [] for pad in bevindingen}
