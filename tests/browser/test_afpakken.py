# SPDX-License-Identifier: EUPL-1.2
"""The seizure journey in the browser: register → handhaven → bewaring → vervreemding → figures."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from integraal.omgeving import Omgeving
from tests.browser.test_casusreis import _als
from tests.browser.test_toegankelijkheid import _axe


def test_van_kennisgeving_tot_cijfers(chromium: Any, server: str, demo: Omgeving) -> None:
    vandaag = dt.date.today().isoformat()
    # The police officer registers a kennisgeving with a car and gets the personal code.
    agent = _als(chromium, server, "agent.politie")
    agent.goto(f"{server}/beslag/nieuw")
    assert _axe(agent) == []
    agent.fill("#kvi_nummer", "KVI-B-0001")
    agent.fill("#beslagen_op", vandaag)
    agent.fill("#beslagene", "Mohamed El Amrani")
    agent.select_option("#soort-0", "voertuig")
    agent.fill("#omschrijving-0", "BMW 5-serie, wit")
    agent.select_option("#grond-0", "94-verbeurdverklaring")
    agent.select_option("#categorie-0", "2")
    agent.fill("#kenmerk-0", "QQ-777-Q")
    agent.click("main button[type=submit]")
    tekst = agent.inner_text("main")
    code = re.search(r"[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}", tekst)
    object_id = re.search(r"BO-\d{4}-\d{6}", tekst)
    assert code and object_id, tekst

    # The hulpofficier keeps it (F1).
    hovj = _als(chromium, server, "hovj.politie")
    hovj.goto(f"{server}/beslag/{object_id.group(0)}")
    hovj.select_option("#naar", "gehandhaafd")
    hovj.click("form[action$='/stap'] button")
    assert "Gehandhaafd" in hovj.inner_text("dl")

    # The officer sees overdue deadlines of the demo, and this object's F2 clock running.
    ovj = _als(chromium, server, "ovj.om")
    ovj.goto(f"{server}/beslag/termijnen")
    assert "verlopen" in ovj.inner_text("main")
    assert _axe(ovj) == []
    ovj.goto(f"{server}/beslag/{object_id.group(0)}")
    assert "F2: beheerbeslissing" in ovj.inner_text("main")
    assert _axe(ovj) == []
    ovj.select_option("#naar", "in_bewaring")
    ovj.click("form[action$='/stap'] button")
    assert "motiveer" in ovj.inner_text("main")  # deponeren is motiveren
    ovj.goto(f"{server}/beslag/{object_id.group(0)}")
    ovj.select_option("#naar", "in_bewaring")
    ovj.fill("#reden", "Nodig voor de verbeurdverklaring van de auto.")
    ovj.select_option("#bewaarder", "domeinen-roerende-zaken")
    ovj.click("form[action$='/stap'] button")
    assert "In bewaring" in ovj.inner_text("dl")

    # The custodian values it; the officer authorises the sale; the custodian records proceeds.
    drz = _als(chromium, server, "drz")
    drz.goto(f"{server}/beslag/{object_id.group(0)}")
    drz.select_option("#soort", "taxatie")
    drz.fill("#bedrag", "18000")
    drz.click("form[action$='/waarde'] button")
    assert "18.000,00" in drz.inner_text("dl")
    ovj.goto(f"{server}/beslag/{object_id.group(0)}")
    ovj.select_option("#naar", "vervreemd")
    ovj.fill("#machtiging", "Machtiging OvJ 117-2026-99")
    ovj.click("form[action$='/stap'] button")
    assert "Vervreemd" in ovj.inner_text("dl")
    drz.goto(f"{server}/beslag/{object_id.group(0)}")
    drz.select_option("#soort", "opbrengst")
    drz.fill("#bedrag", "16500")
    drz.click("form[action$='/waarde'] button")
    assert "opbrengst" in drz.inner_text("main")

    # Policy staff see the figures: this year's seizure of 18.000 is counted once.
    beleid = _als(chromium, server, "beleid.riec")
    beleid.goto(f"{server}/beslag/cijfers")
    assert _axe(beleid) == []
    rij = beleid.inner_text(f"tbody tr:has(th:text('{dt.date.today().year}'))")
    assert "18.000,00" in rij, rij

    # The person seized from sees the car, its state and their rights with the code.
    publiek = chromium.new_context(bypass_csp=True).new_page()
    publiek.goto(f"{server}/mijn-beslag")
    publiek.fill("#code", code.group(0))
    publiek.click("main button[type=submit]")
    inhoud = publiek.inner_text("main")
    assert "BMW 5-serie" in inhoud and "Vervreemd" in inhoud and "klaagschrift" in inhoud
    assert _axe(publiek) == []
