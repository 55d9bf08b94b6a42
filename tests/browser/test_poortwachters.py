# SPDX-License-Identifier: EUPL-1.2
"""Gatekeepers and registers in the browser, from the demo world, on SQLite and PostgreSQL
(issue 19 asks both): the five flows in one world per database.

1. A bank reports by form and by goAML file; FIU-Nederland analyses, declares suspicious and
   provides to the FIOD, which reads it; the bank never sees the outcome.
2. The FIU asks the bank to freeze a transaction; the bank confirms from its tasks; the FIU
   extends within ten working days.
3. A notary records a refused client; another notary's question is refused until 10 July 2027.
4. The warning register enters a person; a connected terminal hears "treffer"; once the AP's
   permit is withdrawn, every lookup is refused with the article.
5. A port company's contact point sends the RIEC a signal under the published covenant; the
   RIEC sees the channel and the mainport.
"""

from __future__ import annotations

import datetime as dt
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


def _dag(dagen_terug: int) -> str:
    return (dt.date.today() - dt.timedelta(days=dagen_terug)).strftime("%d-%m-%Y")


GOAML = """<?xml version="1.0" encoding="UTF-8"?>
<report><rentity_id>voorbeeldbank</rentity_id><submission_code>E</submission_code>
<report_code>UTR</report_code><entity_reference>VB-BROWSER-1</entity_reference>
<reason>Doorboeking van contante stortingen naar een cryptoplatform, zonder verklaring.</reason>
<transaction><transactionnumber>TX-B1</transactionnumber>
<transaction_description>Overboeking</transaction_description>
<date_transaction>{dag}T10:00:00</date_transaction><amount_local>{bedrag}</amount_local>
<t_from_my_client><from_entity><name>Browser Handel B.V. (fictief)</name>
<incorporation_number>99000881</incorporation_number></from_entity></t_from_my_client>
</transaction><report_indicators><indicator>S-0211</indicator></report_indicators></report>"""


class Mensen:
    """One signed-in page per demo user, kept across the flows (signing in is not tested here)."""

    def __init__(self, chromium: Any, server: str) -> None:
        self.chromium, self.server, self._paginas = chromium, server, {}

    def __getitem__(self, naam: str) -> Any:
        if naam not in self._paginas:
            self._paginas[naam] = als(self.chromium, self.server, naam)
        return self._paginas[naam]


def test_poortwachters_in_de_browser(
    chromium: Any, server: str, demo: Omgeving, tmp_path: Path
) -> None:
    wie = Mensen(chromium, server)
    _melding_tot_verstrekking(wie, server, tmp_path)
    _opschorting(wie, server)
    _notarissen(wie, server)
    _waarschuwingsregister(wie, server)
    _convenant(wie, server)


def _melding_tot_verstrekking(wie: Mensen, server: str, tmp: Path) -> None:
    bank = wie["melder.bank"]
    bank.get_by_role("link", name="Meldingen", exact=True).first.click()
    bank.get_by_role("link", name="Melding doen").click()
    # Sent empty: the summary on top, the message at the field.
    bank.get_by_role("button", name="Melding versturen").click()
    assert "Er is een probleem" in bank.inner_text("main")
    assert "Vul de naam van de cliënt in" in bank.inner_text("main")
    bank.fill("#veld-client", "Bram Browser (fictief)")
    bank.select_option("#veld-kenmerken-0-soort", "kvk")
    bank.fill("#veld-kenmerken-0-waarde", "99000882")
    bank.fill("#veld-transactieOp", _dag(2))
    bank.fill("#veld-bedragEuro", "23.450,00")
    bank.fill("#veld-aard", "Contante storting, kantoor Rotterdam-Zuid")
    bank.get_by_label("Subjectieve indicator").check()
    bank.fill("#veld-indicator", "Storting past niet bij het profiel")
    bank.fill("#veld-reden", "De cliënt stort een groot bedrag contant en zegt niet waarvandaan.")
    assert axe(bank) == []
    bank.get_by_role("button", name="Melding versturen").click()
    bon = bevestiging(bank)
    assert "ontvangen" in bon and "tipping off" in bon
    nummer = bank.url.rsplit("/", 1)[-1]

    # A goAML file: a wrong one is refused whole with what to fix; a right one is received.
    slecht, goed = tmp / "slecht.xml", tmp / "goed.xml"
    slecht.write_text(GOAML.format(dag=dt.date.today().isoformat(), bedrag="-1"))
    goed.write_text(GOAML.format(dag=dt.date.today().isoformat(), bedrag="1500.00"))
    bank.goto(f"{server}/meldingen/goaml")
    bank.set_input_files("#veld-bestand", str(slecht))
    bank.get_by_role("button", name="Bestand melden").click()
    assert "Transactie TX-B1" in bank.inner_text("main")
    bank.set_input_files("#veld-bestand", str(goed))
    bank.get_by_role("button", name="Bestand melden").click()
    assert "1 melding ontvangen" in bevestiging(bank)

    fiu = wie["analist.fiu"]
    fiu.goto(f"{server}/fiu/meldingen/{nummer}")
    fiu.fill(
        "#veld-analyse-notitie", "Browseranalyse: drie eerdere stortingen bij een andere bank."
    )
    fiu.get_by_role("button", name="Analyse vastleggen").click()
    assert "Analyse vastgelegd" in bevestiging(fiu)
    fiu.get_by_label("Verdacht verklaren", exact=True).check()
    fiu.fill("#veld-oordeel-motivering", "Het patroon past bij een geldezel (browsertest).")
    fiu.get_by_role("button", name="Oordeel vastleggen").click()
    assert "melder hoort dit niet" in bevestiging(fiu)
    fiu.select_option("#veld-verstrekking-aan", "fiod")
    fiu.fill("#veld-verstrekking-toelichting", "Voor het onderzoek naar geldezels.")
    fiu.get_by_role("button", name="Verstrekken").click()
    assert "verstrekt" in bevestiging(fiu)

    fiod = wie["fiod"]
    fiod.get_by_role("link", name="Verdachte transacties").first.click()
    fiod.get_by_role("link", name="Transactie VT-").first.click()
    assert "Bram Browser" in fiod.inner_text("main") or "Daan Voorbeeld" in fiod.inner_text("main")

    bank.goto(f"{server}/meldingen/{nummer}")
    eigen = bank.inner_text("main")
    assert "Bram Browser" in eigen
    assert "Browseranalyse" not in eigen and "Verdacht verklaard" not in eigen
    assert "FIOD" not in eigen


def _opschorting(wie: Mensen, server: str) -> None:
    fiu = wie["analist.fiu"]
    fiu.get_by_role("link", name="Opschortingen").first.click()
    fiu.get_by_role("link", name="Opschorting verzoeken").click()
    fiu.select_option("#veld-instelling", "voorbeeldbank")
    fiu.fill("#veld-transactieKenmerk", "VB-BET-BROWSER-7")
    fiu.fill("#veld-bedragEuro", "12.000,00")
    fiu.fill("#veld-werkdagen", "7")
    fiu.fill("#veld-reden", "Het saldo wordt vandaag naar het buitenland overgemaakt.")
    fiu.get_by_role("button", name="Opschorting verzoeken").click()
    assert "buitenlandse FIU" in fiu.inner_text("main")  # seven days only from abroad
    assert fiu.input_value("#veld-transactieKenmerk") == "VB-BET-BROWSER-7"
    fiu.fill("#veld-werkdagen", "3")
    fiu.get_by_role("button", name="Opschorting verzoeken").click()
    assert "direct opschorten" in bevestiging(fiu)
    pad = fiu.url

    bank = wie["melder.bank"]
    bank.goto(f"{server}/")  # Mijn taken
    bank.get_by_role("link", name="Opschortingen bevestigen").click()
    bank.get_by_role("row", name=re.compile("VB-BET-BROWSER-7")).get_by_role("link").click()
    assert "Het saldo wordt" not in bank.inner_text("main")  # the FIU's reason stays there
    bank.get_by_role("button", name="Opschorting bevestigen").click()
    assert "Opschorting bevestigd" in bevestiging(bank)

    fiu.goto(pad)
    fiu.fill("#veld-verlengen-werkdagen", "2")
    fiu.fill("#veld-verlengen-motivering", "Beslag wordt voorbereid door de FIOD.")
    fiu.get_by_role("button", name="Verlengen").click()
    assert "verlengd" in bevestiging(fiu)
    assert "5 werkdagen" in fiu.inner_text("main")


def _notarissen(wie: Mensen, server: str) -> None:
    een = wie["notaris.een"]
    een.get_by_role("link", name="Weigeringen").first.click()
    een.get_by_role("link", name="Weigering vastleggen").click()
    een.get_by_label("Cliëntrelatie beëindigd").check()
    een.get_by_label("Risico op witwassen").check()
    een.fill("#veld-op", _dag(1))
    een.fill("#veld-client", "Wim Weigering (fictief)")
    een.select_option("#veld-kenmerken-0-soort", "kvk")
    een.fill("#veld-kenmerken-0-waarde", "99000883")
    een.fill("#veld-toelichting", "Wilde de akte laten passeren zonder herkomst van het geld.")
    een.get_by_role("button", name="Weigering vastleggen").click()
    assert "Weigering vastgelegd" in bevestiging(een)
    assert "Wim Weigering" in een.inner_text("main")

    twee = wie["notaris.twee"]
    twee.get_by_role("link", name="Weigeringen").first.click()
    twee.get_by_role("link", name="Andere notarissen vragen").click()
    twee.select_option("#veld-kenmerken-0-soort", "kvk")
    twee.fill("#veld-kenmerken-0-waarde", "99000883")
    twee.fill("#veld-noodzaak", "Cliëntenonderzoek voor de oprichting van een stichting.")
    twee.get_by_role("button", name="Vraag stellen").click()
    tekst = twee.inner_text("main")
    assert "10 juli 2027" in tekst and "Wim Weigering" not in tekst
    assert "artikel 75" in tekst


def _waarschuwingsregister(wie: Mensen, server: str) -> None:
    beheer = wie["register.wr"]
    beheer.get_by_role("link", name="Waarschuwingsregister").first.click()
    assert "Vergunning geldig" in beheer.inner_text("main")
    beheer.get_by_role("link", name="Persoon inschrijven").click()
    beheer.fill("#veld-naam", "Sem Smokkel (fictief)")
    beheer.fill("#veld-geboortedatum", "03-04-1990")
    beheer.get_by_label("Onherroepelijk veroordeeld").check()
    beheer.fill("#veld-bewijs", "Vonnis van de rechtbank met parketnummer 10/999999-26 (fictief).")
    beheer.select_option("#veld-aangemeldDoor", "containerterminal-fictief")
    assert axe(beheer) == []
    beheer.get_by_role("button", name="Inschrijven").click()
    assert "verloopt dan vanzelf" in bevestiging(beheer)

    scherm = wie["screening.terminal"]
    scherm.get_by_role("link", name="Register raadplegen", exact=True).click()
    scherm.fill("#veld-naam", "sem smokkel (FICTIEF)")
    scherm.fill("#veld-geboortedatum", "03-04-1990")
    scherm.get_by_role("button", name="Raadplegen").click()
    assert "Treffer" in scherm.inner_text("main")
    assert scherm.input_value("#veld-naam") == ""  # a name is not shown again after the answer

    beheer.goto(f"{server}/waarschuwingsregister")
    beheer.locator("form[action*='/intrekking'] input[name=op]").first.fill(_dag(0))
    beheer.get_by_role("button", name="Intrekking vastleggen").first.click()
    assert "Intrekking vastgelegd" in bevestiging(beheer)
    assert "Er is geen geldige vergunning" in beheer.inner_text("main")

    scherm.goto(f"{server}/waarschuwingsregister/raadplegen")
    scherm.fill("#veld-naam", "Sem Smokkel (fictief)")
    scherm.fill("#veld-geboortedatum", "03-04-1990")
    scherm.get_by_role("button", name="Raadplegen").click()
    tekst = scherm.inner_text("main")
    assert "geeft geen antwoord" in tekst and "UAVG art. 33" in tekst
    assert "Treffer" not in tekst.replace("treffer of geen treffer", "")


def _convenant(wie: Mensen, server: str) -> None:
    poco = wie["poco.haven"]
    poco.get_by_role("link", name="Signaal melden", exact=True).click()
    poco.fill("#veld-omschrijving", "Een chauffeur wacht elke nacht bij dezelfde stack (browser).")
    poco.get_by_role("button", name="Versturen").click()
    assert "ontvangen" in bevestiging(poco).lower()

    riec = wie["analist.riec"]
    riec.get_by_role("link", name="Signalen").first.click()
    riec.get_by_role("row", name=re.compile("dezelfde stack")).get_by_role("link").first.click()
    tekst = riec.inner_text("main")
    assert "Contactpunt ondermijning (convenant)" in tekst and "Haven van Rotterdam" in tekst
