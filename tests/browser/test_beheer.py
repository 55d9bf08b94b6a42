# SPDX-License-Identifier: EUPL-1.2
"""Beheer in the browser (issue 25), from the demo world on the production database: the
RIEC's beheerder composes a delivery mapping from a sample file, tries it and proposes it;
the privacy officer approves it; the municipality delivers under it, and the delivery names
the mapping's version. Pages checked with axe-core, screenshots at 1366 and 390 px."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa

from integraal.casus.casussen import LidIn, voeg_lid_toe
from integraal.gebruikers import actor_van
from integraal.instellingen import Instellingen
from integraal.omgeving import Omgeving, maak_omgeving
from integraal.opslag import beheer
from integraal.opslag.db import transactie
from integraal.verwerking import Kanaal
from tests.browser.conftest import OP_PRODUCTIE, als, axe, bevestiging

pytestmark = OP_PRODUCTIE
SCHERMEN = Path(__file__).parents[2] / "var" / "schermen"
VOORBEELD = (
    b"registratie;bsn;voornamen;achternaam;postcode;plaats;opmerking\n"
    b"R1;999990019;Jan;de Vries;3011AA;Rotterdam;vaste klant\n"
    b"R2;123;Piet;Puk;3012BB;Rotterdam;\n"
)


@pytest.fixture
def omgeving(database_url: str, tmp_path: Path) -> Iterator[Omgeving]:
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


def _scherm(pagina: Any, naam: str) -> None:
    SCHERMEN.mkdir(parents=True, exist_ok=True)
    for breedte in (1366, 390):
        pagina.set_viewport_size({"width": breedte, "height": 900})
        pagina.screenshot(path=str(SCHERMEN / f"{naam}-{breedte}.png"), full_page=True)
    pagina.set_viewport_size({"width": 1366, "height": 900})


def test_leveringsafspraak_uit_een_voorbeeld_tot_levering(
    chromium: Any, server: str, demo: Omgeving
) -> None:
    ik = als(chromium, server, "beheer.riec")
    ik.get_by_role("link", name="Een leveringsafspraak opstellen uit een voorbeeldbestand").click()
    ik.set_input_files(
        "#veld-bestand", {"name": "horeca.csv", "mimeType": "text/csv", "buffer": VOORBEELD}
    )
    ik.fill("#veld-naam", "gemeente-horeca")
    ik.fill("#veld-titel", "Horecaregister van de gemeente")
    ik.select_option("#veld-partner", "gemeente-rotterdam")
    ik.select_option("#veld-doel", "integrale_aanpak")
    assert axe(ik) == []
    ik.get_by_role("button", name="Opzet maken").click()
    assert "identificatie: bsn" in ik.input_value("#veld-tekst")
    ik.get_by_role("button", name="Uitproberen op het voorbeeld").click()
    uitkomst = ik.inner_text("main")
    assert "1 van de 2 rijen worden opgeslagen" in uitkomst and "999990019" not in uitkomst
    assert axe(ik) == []
    _scherm(ik, "mapping-uitproberen")
    ik.fill("#veld-toelichting", "Convenant horeca 2026, artikel 4.")
    ik.get_by_role("button", name="Voorstellen").click()
    assert "voorgesteld" in bevestiging(ik)
    ik.context.close()

    po = als(chromium, server, "privacy.riec")
    po.get_by_role("link", name="Leveringsafspraken beoordelen").click()
    po.get_by_role("link", name="Horecaregister van de gemeente").click()
    po.get_by_label("Goedkeuren: leveringen worden vanaf nu met deze versie gelezen").check()
    po.fill("#veld-toelichting", "Alleen wat nodig is; opmerkingen blijven weg.")
    assert axe(po) == []
    _scherm(po, "mapping-beoordelen")
    po.get_by_role("button", name="Oordeel vastleggen").click()
    assert "is in gebruik" in bevestiging(po)
    po.context.close()

    # Arranged: the municipality's analyst works on one of the RIEC's open cases.
    with transactie(demo.fabriek) as s:
        coordinator = actor_van(beheer.gebruiker_op_naam(s, "coordinator.riec"))  # type: ignore[arg-type]
        casus = (
            s.execute(
                sa.text(
                    "SELECT id FROM casus WHERE verband_id = 'riec-rotterdam' AND status = 'open' "
                    "AND aanwijzingen IS NOT NULL ORDER BY id"
                )
            )
            .scalars()
            .first()
        )
    assert casus is not None
    with demo.context(coordinator, Kanaal.WEB) as ctx:
        voeg_lid_toe(ctx, casus, LidIn(gebruikersnaam="gemeente.rdam"))
    gemeente = als(chromium, server, "gemeente.rdam")
    gemeente.goto(f"{server}/leveringen")
    afspraak = "Horecaregister van de gemeente (aan RIEC Rotterdam)"
    gemeente.select_option("#veld-mapping", label=afspraak)
    # Persons go to a RIEC only within a case.
    gemeente.select_option("#veld-casusId", casus)
    gemeente.set_input_files(
        "#veld-bestand", {"name": "horeca.csv", "mimeType": "text/csv", "buffer": VOORBEELD}
    )
    gemeente.get_by_role("button", name="Aanleveren").click()
    gemeente.wait_for_url("**/leveringen/*")
    gemeente.wait_for_selector("text=Verwerkt")
    assert "Horecaregister van de gemeente, versie 1" in gemeente.inner_text("main")
    with transactie(demo.fabriek) as s:
        versie = s.execute(
            sa.text("SELECT mapping_versie FROM levering WHERE mapping = 'gemeente-horeca'")
        ).scalar_one()
    assert versie == 1
