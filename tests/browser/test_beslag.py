# SPDX-License-Identifier: EUPL-1.2
"""The seizure journey in the browser: register → handhaven → bewaring → vervreemding → figures,
and the person seized from reading their objects with their code."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from integraal.omgeving import Omgeving
from tests.browser.conftest import als, axe


def test_van_kennisgeving_tot_cijfers(chromium: Any, server: str, demo: Omgeving) -> None:
    vandaag = dt.date.today().strftime("%d-%m-%Y")
    # The police officer registers a kennisgeving with a car and gets the personal code.
    agent = als(chromium, server, "agent.politie")
    agent.goto(f"{server}/beslag/nieuw")
    assert axe(agent) == []
    agent.fill("#veld-kviNummer", "KVI-B-0001")
    agent.fill("#veld-beslagenOp", vandaag)
    agent.fill("#veld-beslagene", "Mohamed El Amrani")
    agent.select_option("#veld-items-0-soort", "voertuig")
    agent.fill("#veld-items-0-omschrijving", "BMW 5-serie, wit")
    agent.select_option("#veld-items-0-grond", "94-verbeurdverklaring")
    agent.select_option("#veld-items-0-categorie", "2")
    agent.fill("#veld-items-0-kenmerk", "QQ-777-Q")
    agent.get_by_role("button", name="Kennisgeving registreren").click()
    tekst = agent.inner_text("main")
    code = re.search(r"[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}", tekst)
    object_id = re.search(r"BO-\d{4}-\d{6}", tekst)
    assert code and object_id, tekst
    assert "Wat gebeurt er nu?" in tekst
    object_url = f"{server}/beslag/{object_id.group(0)}"

    # The hulpofficier keeps it (F1).
    hovj = als(chromium, server, "hovj.politie")
    hovj.goto(object_url)
    hovj.get_by_label(re.compile("^Gehandhaafd")).check()
    hovj.get_by_role("button", name="Vervolgstap vastleggen").click()
    assert "Gehandhaafd" in hovj.inner_text("main dl")

    # The officer sees overdue deadlines of the demo, and this object's F2 clock running.
    ovj = als(chromium, server, "ovj.om")
    ovj.goto(f"{server}/beslag/termijnen")
    assert "verlopen" in ovj.inner_text("main").lower()
    assert axe(ovj) == []
    ovj.goto(object_url)
    assert "F2" in ovj.inner_text("main")
    assert axe(ovj) == []
    # Deponeren is motiveren: without a reason the same form comes back, choice kept.
    ovj.get_by_label(re.compile("^In bewaring")).check()
    ovj.get_by_role("button", name="Vervolgstap vastleggen").click()
    assert "Er is een probleem" in ovj.inner_text("[data-foutsamenvatting]")
    assert ovj.get_by_label(re.compile("^In bewaring")).is_checked()
    assert axe(ovj) == []
    ovj.get_by_label("Motivering (niet verplicht)").fill(
        "Nodig voor de verbeurdverklaring van de auto."
    )
    ovj.get_by_role("combobox", name=re.compile("Bewaarder")).select_option(
        "domeinen-roerende-zaken"
    )
    ovj.get_by_role("button", name="Vervolgstap vastleggen").click()
    assert "In bewaring" in ovj.inner_text("main dl")

    # The custodian values it; the officer authorises the sale; the custodian records proceeds.
    drz = als(chromium, server, "drz")
    drz.goto(object_url)
    drz.get_by_label("Taxatie").check()
    drz.fill("#veld-waarde-bedragEuro", "18.000")
    drz.get_by_role("button", name="Waarde vastleggen").click()
    assert "€ 18.000,00" in drz.inner_text("main dl")
    ovj.goto(object_url)
    ovj.get_by_label(re.compile("^Vervreemd")).check()
    ovj.get_by_label("Machtiging (niet verplicht)").fill("Machtiging OvJ 117-2026-99")
    ovj.get_by_role("button", name="Vervolgstap vastleggen").click()
    assert "Vervreemd" in ovj.inner_text("main dl")
    drz.goto(object_url)
    drz.get_by_label("Opbrengst").check()
    drz.fill("#veld-waarde-bedragEuro", "16.500")
    drz.get_by_role("button", name="Waarde vastleggen").click()
    assert "opbrengst" in drz.inner_text("main").lower()

    # Policy staff see the figures: this year's seizure of 18.000 is counted once.
    beleid = als(chromium, server, "beleid.riec")
    beleid.goto(f"{server}/beslag/cijfers")
    assert axe(beleid) == []
    rij = beleid.inner_text(f"tbody tr:has(th:text('{dt.date.today().year}'))")
    assert "18.000,00" in rij, rij

    # The person seized from sees the car, its state and their rights with the code.
    publiek = chromium.new_context(bypass_csp=True).new_page()
    publiek.goto(f"{server}/mijn-beslag")
    publiek.fill("#veld-code", code.group(0))
    publiek.get_by_role("button", name="Bekijken").click()
    inhoud = publiek.inner_text("main")
    assert "BMW 5-serie" in inhoud and "Vervreemd" in inhoud and "klaagschrift" in inhoud
    assert axe(publiek) == []
