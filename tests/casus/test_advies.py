# SPDX-License-Identifier: EUPL-1.2
"""Enforcement advice, adoption with four eyes, interventions with outcomes, monitor events."""

from __future__ import annotations

import json
from decimal import Decimal
from typing import Any

import pytest
import sqlalchemy as sa

from integraal.casus import advies, casussen
from integraal.casus.advies import AdviesIn, InterventieBijwerken, VoorstelIn
from integraal.casus.casussen import Sluiten, SubjectIn
from integraal.domein.casus import AdviesStatus, InterventieStatus, Uitkomst
from integraal.domein.fouten import Conflict, GeenToegang, NietGevonden, OngeldigeInvoer
from integraal.domein.invoer import valideer
from integraal.domein.rollen import Rol
from integraal.opslag import casussen as opslag
from integraal.opslag.db import transactie
from integraal.opslag.modellen import Interventie, LogboekRegel, Statement
from tests.conftest import Wereld, maak_actor
from tests.hulp import doe


@pytest.fixture
def r(met_levering: Wereld) -> dict[str, Any]:
    o = met_levering.omgeving
    return {
        "coord": maak_actor(o, "coordinator", "riec-rotterdam", Rol.COORDINATOR),
        "gemeente_b": maak_actor(o, "gemeente.b", "gemeente-rotterdam"),
        "belasting": maak_actor(o, "belasting", "belastingdienst"),
    }


VOORSTELLEN = [
    VoorstelIn(
        soort="bestuurlijk",
        maatregel="13b-sluiting",
        eigenaar="gemeente-rotterdam",
        toelichting="Pand Kerkstraat 1",
    ),
    VoorstelIn(soort="fiscaal", maatregel="navorderingsaanslag", eigenaar="belastingdienst"),
]


def _advies(analyse: str, voorstellen: list[VoorstelIn] | None = None) -> AdviesIn:
    return AdviesIn(analyse=analyse, interventies=voorstellen or VOORSTELLEN)


def _bijwerken(**k: Any) -> InterventieBijwerken:
    return InterventieBijwerken(**k)


def _jan(w: Wereld) -> str:
    with transactie(w.omgeving.fabriek) as s:
        return str(
            s.scalars(
                sa.select(Statement.entity_id).where(Statement.value == "Jan de Vries")
            ).first()
        )


def test_advies_opstellen_vaststellen_en_interventie_afronden(
    met_levering: Wereld, r: dict[str, Any]
) -> None:
    w = met_levering
    o = w.omgeving
    doe(o, w.analist, casussen.koppel_subject, "C-1", SubjectIn(entiteit_id=_jan(w)))
    concept = doe(
        o,
        w.analist,
        advies.stel_op,
        "C-1",
        _advies("Exploitant gebruikt het pand om contant geld wit te wassen."),
    )
    assert concept.status is AdviesStatus.CONCEPT and concept.vastgesteld_op is None

    # Interventions are invisible to owners until the coordinator adopts the advice.
    assert doe(o, w.gemeente, advies.van_mijn_organisatie) == []
    with pytest.raises(GeenToegang):
        doe(o, w.analist, advies.stel_vast, "C-1")
    doe(o, r["coord"], advies.stel_vast, "C-1")
    with pytest.raises(Conflict):
        doe(o, r["coord"], advies.stel_vast, "C-1")
    with pytest.raises(Conflict, match="vastgesteld"):
        doe(o, w.analist, advies.stel_op, "C-1", _advies("Een herziening na vaststelling."))

    with transactie(o.fabriek) as s:
        regels = [json.loads(x) for x in s.scalars(sa.select(LogboekRegel.inhoud))]
    verstrekt = [x for x in regels if x["naam"] == "advies verstrekken"]
    assert {x["dpl.integraal.recipient"] for x in verstrekt} == {
        "gemeente-rotterdam",
        "belastingdienst",
    }
    assert {x["dpl.integraal.rule_id"] for x in verstrekt} == {"WGS-RIEC-UIT"}
    # One line per owner about the one linked subject.
    assert {x["dpl.core.data_subject_id_type"] for x in verstrekt} == {"entiteit:Person"}
    assert len(verstrekt) == 2

    [sluiting] = doe(o, w.gemeente, advies.van_mijn_organisatie)
    assert sluiting.maatregel_label == "Pand sluiten (Opiumwet art. 13b)"
    assert sluiting.toelichting == "Pand Kerkstraat 1"
    # Another organisation's intervention is not there for the tax office.
    with pytest.raises(NietGevonden):
        doe(
            o,
            r["belasting"],
            advies.werk_bij,
            sluiting.id,
            _bijwerken(status="in_uitvoering"),
        )
    with pytest.raises(OngeldigeInvoer, match="kan niet") as exc:
        doe(
            o,
            w.gemeente,
            advies.werk_bij,
            sluiting.id,
            _bijwerken(status="afgerond", uitkomst="pand_gesloten"),
        )
    assert set(exc.value.fouten) == {"status"}
    gestart = doe(o, w.gemeente, advies.werk_bij, sluiting.id, _bijwerken(status="in_uitvoering"))
    assert gestart.status is InterventieStatus.IN_UITVOERING and gestart.gestart_op is not None
    # Any colleague of the owning organisation may record the outcome.
    doe(
        o,
        r["gemeente_b"],
        advies.werk_bij,
        sluiting.id,
        _bijwerken(status="afgerond", uitkomst="pand_gesloten"),
    )
    [aanslag] = doe(o, r["belasting"], advies.van_mijn_organisatie)
    doe(o, r["belasting"], advies.werk_bij, aanslag.id, _bijwerken(status="in_uitvoering"))
    with pytest.raises(OngeldigeInvoer, match="bedrag") as exc:
        doe(
            o,
            r["belasting"],
            advies.werk_bij,
            aanslag.id,
            _bijwerken(status="afgerond", uitkomst="aanslag"),
        )
    assert set(exc.value.fouten) == {"bedragEuro"}
    # The amount as a Dutch person types it.
    klaar = doe(
        o,
        r["belasting"],
        advies.werk_bij,
        aanslag.id,
        _bijwerken(status="afgerond", uitkomst="aanslag", bedrag_euro="12.345,67"),
    )
    assert klaar.uitkomst is Uitkomst.AANSLAG and klaar.bedrag_euro == Decimal("12345.67")

    with transactie(o.fabriek) as s:
        afgerond = opslag.gebeurtenissen(s, "interventie_afgerond")
    assert sorted(
        (g.organisatie_id, g.gegevens["uitkomst"], g.gegevens["bedrag_centen"]) for g in afgerond
    ) == [("belastingdienst", "aanslag", 1234567), ("gemeente-rotterdam", "pand_gesloten", None)]
    tekst = json.dumps([g.gegevens for g in afgerond])
    assert "Jan" not in tekst and "Kerkstraat" not in tekst  # no personal data for the monitor

    # The case's timeline tells this story oldest first, naming organisations, not persons.
    ov = doe(o, w.analist, casussen.overzicht, "C-1")
    assert ov.advies is not None and ov.advies.status is AdviesStatus.VASTGESTELD
    assert ov.open_interventies == []
    wat = [m.wat for m in ov.tijdlijn]
    assert wat.index("Casus geopend") < wat.index("Subject gekoppeld (persoon)")
    assert wat.index("Subject gekoppeld (persoon)") < wat.index("Handhavingsadvies vastgesteld")
    assert wat[-2:] == [
        "Interventie afgerond: Pand sluiten (Opiumwet art. 13b) — pand gesloten",
        "Interventie afgerond: (Navorderings)aanslag — aanslag opgelegd (€ 12.345,67)",
    ]
    assert [m.wie for m in ov.tijdlijn][-2:] == ["gemeente-rotterdam", "belastingdienst"]
    assert [m.tijd for m in ov.tijdlijn] == sorted(m.tijd for m in ov.tijdlijn)
    assert not any("Jan" in m.wat for m in ov.tijdlijn)


def test_wie_opstelt_stelt_niet_zelf_vast(met_levering: Wereld, r: dict[str, Any]) -> None:
    w = met_levering
    doe(w.omgeving, r["coord"], advies.stel_op, "C-1", _advies("Analyse door de coördinator zelf."))
    with pytest.raises(GeenToegang, match="vierogen"):
        doe(w.omgeving, r["coord"], advies.stel_vast, "C-1")


def test_alleen_bevoegde_eigenaars_en_bekende_maatregelen(met_levering: Wereld) -> None:
    w = met_levering
    with pytest.raises(OngeldigeInvoer) as exc:
        doe(
            w.omgeving,
            w.analist,
            advies.stel_op,
            "C-1",
            _advies(
                "Een analyse van voldoende lengte.",
                [
                    VoorstelIn(
                        soort="fiscaal",
                        maatregel="navorderingsaanslag",
                        eigenaar="gemeente-rotterdam",
                    ),
                    VoorstelIn(
                        soort="bestuurlijk", maatregel="vervolging", eigenaar="gemeente-rotterdam"
                    ),
                    VoorstelIn(maatregel="x", eigenaar="politie"),
                    VoorstelIn(maatregel="beslag", eigenaar="nergens"),
                ],
            ),
        )
    assert exc.value.fouten.keys() == {
        "interventies.0.eigenaar",
        "interventies.1.maatregel",
        "interventies.2.maatregel",
        "interventies.3.eigenaar",
    }
    assert "niet bevoegd" in exc.value.fouten["interventies.0.eigenaar"]
    assert "hoort niet bij" in exc.value.fouten["interventies.1.maatregel"]
    with transactie(w.omgeving.fabriek) as s:
        assert s.scalar(sa.select(sa.func.count()).select_from(Interventie)) == 0
    # A kind that does not exist is refused by the input model, with a Dutch message.
    with pytest.raises(OngeldigeInvoer) as exc:
        valideer(
            AdviesIn,
            {
                "analyse": "Een analyse van voldoende lengte.",
                "interventies": [{"soort": "geheim", "maatregel": "x", "eigenaar": "politie"}],
            },
        )
    assert set(exc.value.fouten) == {"interventies.0.soort"}
    # Not a member of the case: to them the case is not there.
    with pytest.raises(NietGevonden):
        doe(
            w.omgeving,
            w.buitenstaander,
            advies.stel_op,
            "C-1",
            _advies("Een analyse van voldoende lengte."),
        )


def test_casus_geopend_en_gesloten_als_gebeurtenis(met_levering: Wereld, r: dict[str, Any]) -> None:
    w = met_levering
    doe(w.omgeving, r["coord"], casussen.sluit, "C-1", Sluiten(reden="Afgerond na interventies."))
    with transactie(w.omgeving.fabriek) as s:
        [g] = opslag.gebeurtenissen(s, "casus_gesloten")
        assert g.casus_id == "C-1" and g.verband_id == "riec-rotterdam" and g.gegevens == {}
    with pytest.raises(Conflict, match="gesloten"):
        doe(
            w.omgeving,
            w.analist,
            advies.stel_op,
            "C-1",
            _advies("Te laat voor een advies hier."),
        )


def test_sluiten_met_lopende_interventies_vraagt_bevestiging(
    met_levering: Wereld, r: dict[str, Any]
) -> None:
    w = met_levering
    o = w.omgeving
    doe(o, w.analist, advies.stel_op, "C-1", _advies("Een analyse van voldoende lengte."))
    doe(o, r["coord"], advies.stel_vast, "C-1")
    with pytest.raises(OngeldigeInvoer) as exc:
        doe(o, r["coord"], casussen.sluit, "C-1", Sluiten(reden="Genoeg gedaan."))
    assert set(exc.value.fouten) == {"openInterventiesBevestigd"}
    assert "2 interventies" in exc.value.fouten["openInterventiesBevestigd"]
    doe(
        o,
        r["coord"],
        casussen.sluit,
        "C-1",
        Sluiten(reden="Genoeg gedaan.", open_interventies_bevestigd=True),
    )
    ov = doe(o, r["coord"], casussen.overzicht, "C-1")
    assert ov.status == "gesloten" and ov.tijdlijn[-1].wat == "Casus gesloten: Genoeg gedaan."
