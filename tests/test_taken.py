# SPDX-License-Identifier: EUPL-1.2
"""'Mijn taken': each role starts from its own work, counted from the demo's real state."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
import sqlalchemy as sa

from integraal.gebruikers import actor_van
from integraal.instellingen import Instellingen
from integraal.omgeving import Omgeving, maak_omgeving
from integraal.opslag import beheer
from integraal.opslag.db import transactie
from integraal.opslag.modellen import LogboekRegel
from integraal.taken import mijn_taken
from tests.demosjabloon import Demosjabloon
from tests.hulp import doe


@pytest.fixture(scope="module")
def demo(
    tmp_path_factory: pytest.TempPathFactory, demosjabloon: Demosjabloon
) -> Iterator[Omgeving]:
    pad: Path = tmp_path_factory.mktemp("taken")
    o = maak_omgeving(
        Instellingen(
            data_dir=pad / "data",
            database_url=f"sqlite:///{pad / 'demo.db'}",
            pseudoniem_sleutel="test-sleutel",
            achtergrond="proces",
        )
    )
    demosjabloon.vul(o)
    yield o
    o.database.dispose()


def _taken(o: Omgeving, gebruiker: str) -> dict[str, int]:
    with transactie(o.fabriek) as s:
        g = beheer.gebruiker_op_naam(s, gebruiker)
        assert g is not None
        actor = actor_van(g)
    return {t.titel: t.aantal for t in doe(o, actor, mijn_taken)}


def _lopend(o: Omgeving, gebruiker: str) -> int:
    from integraal.casus import advies
    from integraal.domein.casus import InterventieStatus

    with transactie(o.fabriek) as s:
        g = beheer.gebruiker_op_naam(s, gebruiker)
        assert g is not None
        actor = actor_van(g)
    lijst = doe(o, actor, advies.van_mijn_organisatie)
    assert lijst, "de demo heeft interventies van de gemeente"
    return sum(
        i.status in (InterventieStatus.VOORGESTELD, InterventieStatus.IN_UITVOERING) for i in lijst
    )


def _regels(o: Omgeving) -> int:
    with transactie(o.fabriek) as s:
        return int(s.scalar(sa.select(sa.func.count()).select_from(LogboekRegel)) or 0)


def test_elke_rol_ziet_haar_eigen_werk(demo: Omgeving) -> None:
    voor = _regels(demo)
    analist = _taken(demo, "analist.riec")
    assert {"Signalen beoordelen", "Open casussen", "Suggesties beoordelen"} <= set(analist)
    assert analist["Signalen beoordelen"] >= 1 and analist["Open casussen"] >= 1
    # The tax office has the demo's request waiting for its second person.
    assert _taken(demo, "belasting")["Verzoeken goedkeuren"] == 1
    # The municipality owns the demo's adopted interventions that still run.
    assert _taken(demo, "gemeente.rdam")["Interventies rapporteren"] == _lopend(
        demo, "gemeente.rdam"
    )
    # The seizure chain: the demo's story has overdue deadlines for the public prosecutor.
    assert _taken(demo, "ovj.om")["Termijnen bewaken"] >= 1
    assert "Termijnen bewaken" not in analist
    assert _taken(demo, "beleid.riec")["Moties en toezeggingen beoordelen"] >= 1
    # The privacy officer: the demo's alert about a shielded person read; no rule change
    # waits for approval in the demo.
    assert _taken(demo, "privacy.riec") == {
        "Integriteitsmeldingen beoordelen": 1,
        "Regelwijzigingen beoordelen": 0,
        "Wijzigingen van het partnerregister beoordelen": 0,
        "Leveringsafspraken beoordelen": 0,
    }
    # The functioneel beheerder: their organisation's users only (reads no partner data).
    assert _taken(demo, "beheer.riec") == {"Gebruikers beheren": 0}
    # The coordinator: the analyst's membership confirmed 80 days ago lapses soon.
    assert _taken(demo, "coordinator.riec")["Toegang bevestigen"] == 1
    # A work list counts; it reads no person, so it writes no processing line.
    assert _regels(demo) == voor


def test_de_termijnen_tellen_wat_de_lijst_toont(demo: Omgeving) -> None:
    """The count on the start page and the (logged) deadline list agree."""
    from integraal.beslag import objecten

    with transactie(demo.fabriek) as s:
        g = beheer.gebruiker_op_naam(s, "ovj.om")
        assert g is not None
        ovj = actor_van(g)
    lijst = doe(demo, ovj, objecten.termijnlijst)
    assert _taken(demo, "ovj.om")["Termijnen bewaken"] == len(lijst) > 0
