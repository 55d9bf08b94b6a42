# SPDX-License-Identifier: EUPL-1.2
"""Background work through its one interface, in the process (both databases): a delivery's
job carries everything it needs as JSON, runs only after the answer, and a second run of the
same job (a retry after the worker died just after its last commit) does nothing twice."""

from __future__ import annotations

import json
import logging
from collections.abc import Callable
from pathlib import Path

import pytest
import sqlalchemy as sa

from integraal import achtergrond
from integraal.achtergrond import Opdracht, Soort
from integraal.bronnen.importeren import Aanbod
from integraal.opslag.db import transactie
from tests.achtergrond.hulp import ontvangen_aanbod, vergunningen
from tests.conftest import Wereld


def _status(wereld: Wereld, levering_id: str) -> str:
    with transactie(wereld.omgeving.fabriek) as s:
        return str(
            s.execute(
                sa.text("SELECT status FROM levering WHERE id = :id"), {"id": levering_id}
            ).scalar_one()
        )


def test_een_aanbod_gaat_heel_door_de_wachtrij(wereld: Wereld) -> None:
    aanbod = ontvangen_aanbod(wereld.omgeving, wereld.gemeente, vergunningen(3))
    opdracht = Opdracht.levering(aanbod)
    # What the queue stores is JSON; what comes back is the same offer, decisions included.
    terug = Aanbod.van_json(json.loads(json.dumps(opdracht.gegevens)))
    assert terug == aanbod
    assert opdracht.sleutel == f"levering:{aanbod.levering_id}"
    assert all(b.toegestaan for b in terug.besluiten.values())


def test_een_aanbod_van_bytes_gaat_niet_in_de_wachtrij(wereld: Wereld) -> None:
    aanbod = ontvangen_aanbod(wereld.omgeving, wereld.gemeente, vergunningen(1))
    with pytest.raises(TypeError):
        Opdracht.levering(Aanbod(**{**aanbod.__dict__, "inhoud": b"x"}))


def test_in_het_proces_loopt_het_werk_pas_na_het_antwoord(wereld: Wereld) -> None:
    aanbod = ontvangen_aanbod(wereld.omgeving, wereld.gemeente, vergunningen(5))
    na: list[Callable[[], None]] = []
    achtergrond.plaats(wereld.omgeving, Opdracht.levering(aanbod), na.append)
    assert _status(wereld, aanbod.levering_id) == "in_behandeling"
    assert len(na) == 1
    na[0]()
    assert _status(wereld, aanbod.levering_id) == "verwerkt"
    assert isinstance(aanbod.inhoud, Path)
    assert not aanbod.inhoud.exists()  # the job removed the received file


def test_een_tweede_keer_dezelfde_opdracht_verwerkt_niets_dubbel(
    wereld: Wereld, caplog: pytest.LogCaptureFixture
) -> None:
    aanbod = ontvangen_aanbod(wereld.omgeving, wereld.gemeente, vergunningen(4))
    opdracht = Opdracht.levering(aanbod)
    achtergrond.voer_uit(wereld.omgeving, opdracht)
    with transactie(wereld.omgeving.fabriek) as s:
        voor = s.execute(sa.text("SELECT count(*) FROM statement")).scalar_one()
        regels = s.execute(sa.text("SELECT count(*) FROM logboek_regel")).scalar_one()
        audit = s.execute(sa.text("SELECT count(*) FROM audit_record")).scalar_one()
    with caplog.at_level(logging.ERROR, logger="integraal.achtergrond"):
        achtergrond.voer_uit(wereld.omgeving, opdracht)  # the file is gone: not read again
    assert not caplog.records
    with transactie(wereld.omgeving.fabriek) as s:
        assert s.execute(sa.text("SELECT count(*) FROM statement")).scalar_one() == voor
        assert s.execute(sa.text("SELECT count(*) FROM logboek_regel")).scalar_one() == regels
        assert s.execute(sa.text("SELECT count(*) FROM audit_record")).scalar_one() == audit
    assert _status(wereld, aanbod.levering_id) == "verwerkt"


def test_elke_soort_heeft_een_uitvoerder_en_een_naam() -> None:
    from integraal.achtergrond.uitvoeren import _UITVOERDERS

    assert set(_UITVOERDERS) == set(Soort)
    assert all(s.label for s in Soort)
