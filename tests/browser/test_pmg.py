# SPDX-License-Identifier: EUPL-1.2
"""Preventie met Gezag in the browser, from the demo world: the monitor's policy officer sends
a new request, Rotterdam's public-order adviser fills in the return (a mistake first: the
GOV.UK error pattern, input kept) and sends it in, the policy officer approves it, and the
progress report shows it. Each step confirmed; axe-core clean where a form is filled in."""

from __future__ import annotations

import re
from typing import Any

from integraal.omgeving import Omgeving
from tests.browser.conftest import als, axe, bevestiging


def test_een_opgave_van_de_gemeente_komt_in_de_rapportage(
    chromium: Any, server: str, demo: Omgeving
) -> None:
    beleid = als(chromium, server, "beleid.riec")
    beleid.get_by_role("link", name="Preventie met Gezag", exact=True).first.click()
    beleid.get_by_role("link", name="Nieuwe uitvraag uitzetten").click()
    beleid.fill("#veld-jaar", "2027")
    beleid.fill("#veld-peildatum", "01-03-2027")
    beleid.fill("#veld-uiterlijk", "01-04-2027")
    beleid.get_by_label("Gemeente Rotterdam").check()
    assert axe(beleid) == []
    beleid.get_by_role("button", name="Uitvraag uitzetten").click()
    assert "1 gemeente kan haar opgave invullen" in bevestiging(beleid)

    oov = als(chromium, server, "oov.rdam")
    taak = oov.get_by_role("link", name=re.compile("Preventie met Gezag-opgave invullen"))
    taak.click()
    oov.get_by_role("link", name="Opgave Gemeente Rotterdam").first.click()
    assert "2027" in oov.inner_text("h1")
    oov.get_by_role("link", name="Interventie toevoegen").click()
    oov.fill("#veld-naam", "Halt-spreekuur op school")
    oov.get_by_label("Volgens het Landelijk Kwaliteitskader").check()
    oov.get_by_label("Onderwijs").check()
    oov.get_by_label("Positieve ondersteuning").check()
    oov.fill("#veld-bereik", "veertig")  # a word, not a number: refused at the field
    oov.fill("#veld-output", "18")
    oov.fill("#veld-outputOmschrijving", "leerlingen doorverwezen")
    oov.get_by_label("Gecontinueerd").check()
    oov.fill("#veld-motivering", "Minder schorsingen op de twee scholen.")
    oov.fill("#veld-gebieden", "WK999901")
    oov.get_by_role("button", name="Opslaan").click()
    samenvatting = oov.locator("[data-foutsamenvatting]").inner_text()
    assert "Vul het aantal bereikte jongeren in" in samenvatting
    assert oov.input_value("#veld-naam") == "Halt-spreekuur op school"
    assert axe(oov) == []
    oov.fill("#veld-bereik", "40")
    oov.get_by_role("button", name="Opslaan").click()
    assert "Halt-spreekuur op school toegevoegd" in bevestiging(oov)
    oov.get_by_label(re.compile("alleen aantallen en beschrijvingen")).check()
    oov.get_by_role("button", name="Opgave indienen").click()
    assert "ingediend" in bevestiging(oov)
    assert "Interventie toevoegen" not in oov.inner_text("main")

    beleid.goto(f"{server}/pmg")
    beleid.get_by_role("link", name="Gemeente Rotterdam").first.click()
    beleid.get_by_label(re.compile("^Goedkeuren")).check()
    beleid.get_by_role("button", name="Oordeel vastleggen").click()
    assert "goedgekeurd" in bevestiging(beleid)

    beleid.goto(f"{server}/monitor/rapport")
    rapport = beleid.inner_text("main")
    assert "Monitor Preventie met Gezag 2027" in rapport
    assert "bereik van 40 jongeren" in rapport
    assert "Havenkwartier" in rapport  # the targeted area, with its CBS figures
