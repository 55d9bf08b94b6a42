# SPDX-License-Identifier: EUPL-1.2
"""The municipality's instruments in the browser, from the demo world: a Bibob procedure from
the application through the LBB's advice to the decision, and a closure from the police's
report through the mayor's decision and the Kadaster registration to its end, seen by the bank
that watches the plot. Each step confirmed, axe-core clean where a form is filled in.

Unlike the other journeys these run on both databases (issue 18 asks it): one demo world per
database, both journeys in it."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from integraal.instellingen import Instellingen
from integraal.omgeving import Omgeving, maak_omgeving
from tests.browser.conftest import OP_PRODUCTIE, als, axe, bevestiging

pytestmark = OP_PRODUCTIE


@pytest.fixture
def omgeving(database_url: str, tmp_path: Path) -> Iterator[Omgeving]:
    """The demo world on the production database (see `OP_PRODUCTIE`)."""
    o = maak_omgeving(
        Instellingen(
            data_dir=tmp_path / "data",
            database_url=database_url,
            pseudoniem_sleutel="test-sleutel",
            achtergrond="proces",
        )
    )
    yield o
    o.database.dispose()


def test_bibob_en_sluiting_in_de_browser(chromium: Any, server: str, demo: Omgeving) -> None:
    _bibob_van_aanvraag_via_lbb_tot_besluit(chromium, server)
    _sluiting_van_rapportage_tot_einde_met_kadaster(chromium, server)


def _bibob_van_aanvraag_via_lbb_tot_besluit(chromium: Any, server: str) -> None:
    ik = als(chromium, server, "bibob.rdam")
    ik.get_by_role("link", name="Bibob", exact=True).first.click()
    ik.get_by_role("link", name="Nieuwe procedure").click()
    ik.get_by_label("Vergunning", exact=True).check()
    ik.fill("#veld-onderwerp", "Exploitatievergunning coffeeshop, zaak Z-2026-0777")
    ik.fill("#veld-aanvrager", "Havenzicht Exploitatie B.V. (fictief)")
    ik.select_option("#veld-kenmerken-0-soort", "kvk")
    ik.fill("#veld-kenmerken-0-waarde", "99000777")
    assert axe(ik) == []
    ik.get_by_role("button", name="Procedure starten").click()
    assert "gestart" in bevestiging(ik)
    procedure_url = ik.url

    # Asking the LBB needs the questionnaire and the own investigation first (GOV.UK error).
    ik.get_by_role("button", name="Advies vragen").click()
    assert "vragenlijst" in ik.inner_text("main")
    ik.goto(procedure_url)
    ik.fill("#veld-onderzoek-vragenlijstOp", "02-11-2026")
    ik.fill("#veld-onderzoek-eigenOnderzoek", "Financier zonder herkomst van het geld.")
    ik.get_by_role("button", name="Onderzoek opslaan").click()
    assert "Eigen onderzoek vastgelegd" in bevestiging(ik)
    ik.get_by_role("button", name="Advies vragen").click()
    assert "acht weken" in bevestiging(ik)
    assert "Advies LBB uiterlijk" in ik.inner_text("main")

    ik.get_by_label(re.compile("crimineel voordeel benutten")).check()
    ik.fill("#veld-advies-advies", "Ernstig gevaar: voordeel uit strafbare feiten (fictief).")
    ik.get_by_role("button", name="Advies vastleggen").click()
    assert "geheim" in bevestiging(ik)
    ik.get_by_label("Weigeren").first.check()
    ik.get_by_role("button", name="Voornemen vastleggen").click()
    assert "zienswijze" in bevestiging(ik)
    ik.fill("#veld-zienswijze-zienswijze", "Geen zienswijze ontvangen.")
    ik.get_by_role("button", name="Zienswijze opslaan").click()
    ik.locator("form[action$='/besluit']").get_by_label("Weigeren").check()
    ik.fill("#veld-besluit-motivering", "Ernstig gevaar volgens het LBB; de zienswijze kwam niet.")
    assert axe(ik) == []
    ik.get_by_role("button", name="Besluit vastleggen").click()
    assert "Besluit vastgelegd" in bevestiging(ik)
    tekst = ik.inner_text("main")
    assert "Besloten" in tekst and "Weigeren" in tekst

    # The RIEC finds no dossier: the advice stays with the body that asked for it.
    riec = als(chromium, server, "analist.riec")
    antwoord = riec.goto(procedure_url)
    assert antwoord is not None and antwoord.status in (403, 404)
    assert "Ernstig gevaar: voordeel" not in riec.content()


def _sluiting_van_rapportage_tot_einde_met_kadaster(chromium: Any, server: str) -> None:
    bank = als(chromium, server, "bank")
    bank.get_by_role("link", name="Percelen volgen").click()
    bank.fill("#veld-perceel", "vbs00 c 77")
    bank.get_by_role("button", name="Perceel volgen").click()
    assert "VBS00 C 77" in bevestiging(bank)

    politie = als(chromium, server, "politie")
    politie.goto(f"{server}/bestuurlijke-rapportages/nieuw")
    politie.select_option("#veld-gemeente", "gemeente-rotterdam")
    politie.get_by_label(re.compile("Opiumwet art. 13b")).check()
    politie.fill("#veld-bagId", "9999 01 0000077777")
    politie.fill("#veld-adres", "Havenkade 77, Voorbeeldstad (fictief)")
    politie.fill("#veld-buurtCode", "BU99990101")
    politie.fill("#veld-perceel", "VBS00 C 77")
    politie.fill("#veld-feitenOp", "20-11-2026")
    politie.fill("#veld-samenvatting", "Hennepkwekerij met 300 planten op de zolder (fictief).")
    assert axe(politie) == []
    politie.get_by_role("button", name="Rapportage sturen").click()
    nummer = re.search(r"BR-\d{4}-\d{4}", bevestiging(politie))
    assert nummer, politie.inner_text("main")

    oov = als(chromium, server, "oov.rdam")
    oov.get_by_role("link", name="Sluitingen", exact=True).first.click()
    oov.get_by_role("link", name=f"Rapportage {nummer.group(0)}").click()
    oov.get_by_role("button", name="Dossier openen").click()
    assert "geopend" in bevestiging(oov)
    # A closure without its period: the problems at the fields, the input kept.
    oov.get_by_label("Sluiting", exact=True).check()
    oov.fill("#veld-besluit-motivering", "Handelshoeveelheid; sluiting is noodzakelijk.")
    oov.get_by_role("button", name="Besluit vastleggen").click()
    assert "Vul in vanaf wanneer" in oov.inner_text(".utrecht-form-field-error-message >> nth=0")
    assert oov.input_value("#veld-besluit-motivering").startswith("Handelshoeveelheid")
    oov.fill("#veld-besluit-begin", "23-11-2026")
    oov.fill("#veld-besluit-einde", "23-02-2027")
    assert axe(oov) == []
    oov.get_by_role("button", name="Besluit vastleggen").click()
    assert "Kadaster" in bevestiging(oov)
    assert "Ingeschreven in de openbare registers" in oov.inner_text("main")
    oov.get_by_role("button", name="Sluiting beëindigen").click()
    assert "doorgehaald" in bevestiging(oov)
    assert "Doorgehaald" in oov.inner_text("main")

    bank.goto(f"{server}/percelen")
    meldingen = bank.inner_text("main")
    assert "Publiekrechtelijke beperking ingeschreven" in meldingen
    assert "Publiekrechtelijke beperking doorgehaald" in meldingen
