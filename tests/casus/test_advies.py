# SPDX-License-Identifier: EUPL-1.2
"""Enforcement advice, adoption with four eyes, interventions with outcomes, monitor events."""

from __future__ import annotations

import json
from typing import Any

import pytest
import sqlalchemy as sa

from integraal.casus import GeenToegang, OngeldigeInvoer, advies, casussen
from integraal.casus.advies import Voorstel
from integraal.domein.rollen import Rol
from integraal.opslag import casussen as opslag
from integraal.opslag.db import transactie
from integraal.opslag.modellen import LogboekRegel, Statement
from tests.conftest import Wereld, maak_actor


@pytest.fixture
def r(met_levering: Wereld) -> dict[str, Any]:
    o = met_levering.omgeving
    return {
        "coord": maak_actor(o, "coordinator", "riec-rotterdam", Rol.COORDINATOR),
        "gemeente_b": maak_actor(o, "gemeente.b", "gemeente-rotterdam"),
        "belasting": maak_actor(o, "belasting", "belastingdienst"),
    }


def _in(w: Wereld, fn: Any, *a: Any, **k: Any) -> Any:
    with transactie(w.omgeving.fabriek) as s:
        return fn(s, *a, **k)


VOORSTELLEN = [
    Voorstel("bestuurlijk", "13b-sluiting", "gemeente-rotterdam", "Pand Kerkstraat 1"),
    Voorstel("fiscaal", "navorderingsaanslag", "belastingdienst"),
]


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
    _in(w, casussen.koppel_subject, w.omgeving.beslisser, w.analist, "C-1", _jan(w))
    _in(
        w,
        advies.stel_op,
        w.omgeving.beslisser,
        w.analist,
        "C-1",
        "Exploitant gebruikt het pand om contant geld wit te wassen.",
        VOORSTELLEN,
    )

    # Interventions are invisible to owners until the coordinator adopts the advice.
    assert _in(w, advies.van_mijn_organisatie, w.gemeente) == []
    with pytest.raises(GeenToegang):
        _in(w, advies.stel_vast, w.omgeving.beslisser, w.analist, "C-1")
    _in(w, advies.stel_vast, w.omgeving.beslisser, r["coord"], "C-1")

    with transactie(w.omgeving.fabriek) as s:
        regels = [json.loads(x) for x in s.scalars(sa.select(LogboekRegel.inhoud))]
    verstrekt = [x for x in regels if x["naam"] == "advies verstrekken"]
    assert {x["dpl.integraal.recipient"] for x in verstrekt} == {
        "gemeente-rotterdam",
        "belastingdienst",
    }
    assert {x["dpl.integraal.rule_id"] for x in verstrekt} == {"WGS-RIEC-UIT"}

    [sluiting] = _in(w, advies.van_mijn_organisatie, w.gemeente)
    with pytest.raises(GeenToegang):
        _in(w, advies.werk_bij, r["belasting"], sluiting.id, status="in_uitvoering")
    with pytest.raises(OngeldigeInvoer, match="kan niet"):
        _in(
            w, advies.werk_bij, w.gemeente, sluiting.id, status="afgerond", uitkomst="pand_gesloten"
        )
    _in(w, advies.werk_bij, w.gemeente, sluiting.id, status="in_uitvoering")
    _in(
        w,
        advies.werk_bij,
        r["gemeente_b"],
        sluiting.id,
        status="afgerond",
        uitkomst="pand_gesloten",
    )
    [aanslag] = _in(w, advies.van_mijn_organisatie, r["belasting"])
    _in(w, advies.werk_bij, r["belasting"], aanslag.id, status="in_uitvoering")
    with pytest.raises(OngeldigeInvoer, match="bedrag"):
        _in(w, advies.werk_bij, r["belasting"], aanslag.id, status="afgerond", uitkomst="aanslag")
    _in(
        w,
        advies.werk_bij,
        r["belasting"],
        aanslag.id,
        status="afgerond",
        uitkomst="aanslag",
        bedrag_euro=12345.67,
    )

    with transactie(w.omgeving.fabriek) as s:
        afgerond = opslag.gebeurtenissen(s, "interventie_afgerond")
    assert sorted(
        (g.organisatie_id, g.gegevens["uitkomst"], g.gegevens["bedrag_centen"]) for g in afgerond
    ) == [("belastingdienst", "aanslag", 1234567), ("gemeente-rotterdam", "pand_gesloten", None)]
    tekst = json.dumps([g.gegevens for g in afgerond])
    assert "Jan" not in tekst and "Kerkstraat" not in tekst  # no personal data for the monitor

    # The case's timeline tells this story oldest first, naming organisations, not persons.
    o = _in(w, casussen.overzicht, w.omgeving.beslisser, w.analist, "C-1")
    wat = [m.wat for m in o.tijdlijn]
    assert wat.index("Casus geopend") < wat.index("Subject gekoppeld (Persoon)")
    assert wat.index("Subject gekoppeld (Persoon)") < wat.index("Handhavingsadvies vastgesteld")
    assert wat[-2:] == [
        "Interventie afgerond: Pand sluiten (Opiumwet art. 13b) — Pand gesloten",
        "Interventie afgerond: (Navorderings)aanslag — Aanslag opgelegd (€ 12.345,67)",
    ]
    assert [m.tijd for m in o.tijdlijn] == sorted(m.tijd for m in o.tijdlijn)
    assert not any("Jan" in m.wat for m in o.tijdlijn)


def test_wie_opstelt_stelt_niet_zelf_vast(met_levering: Wereld, r: dict[str, Any]) -> None:
    w = met_levering
    _in(
        w,
        advies.stel_op,
        w.omgeving.beslisser,
        r["coord"],
        "C-1",
        "Analyse door de coördinator zelf.",
        VOORSTELLEN,
    )
    with pytest.raises(GeenToegang, match="vierogen"):
        _in(w, advies.stel_vast, w.omgeving.beslisser, r["coord"], "C-1")


def test_alleen_bevoegde_eigenaars_en_bekende_maatregelen(met_levering: Wereld) -> None:
    w = met_levering
    with pytest.raises(OngeldigeInvoer) as exc:
        _in(
            w,
            advies.stel_op,
            w.omgeving.beslisser,
            w.analist,
            "C-1",
            "Een analyse van voldoende lengte.",
            [
                Voorstel("fiscaal", "navorderingsaanslag", "gemeente-rotterdam"),
                Voorstel("bestuurlijk", "vervolging", "gemeente-rotterdam"),
                Voorstel("geheim", "x", "politie"),
            ],
        )
    assert set(exc.value.fouten) == {"interventie 1", "interventie 2", "interventie 3"}
    assert "geen bevoegdheid" in exc.value.fouten["interventie 1"]
    with pytest.raises(GeenToegang):
        _in(
            w,
            advies.stel_op,
            w.omgeving.beslisser,
            w.buitenstaander,
            "C-1",
            "Een analyse van voldoende lengte.",
            VOORSTELLEN,
        )


def test_casus_geopend_en_gesloten_als_gebeurtenis(met_levering: Wereld, r: dict[str, Any]) -> None:
    w = met_levering
    _in(w, casussen.sluit, r["coord"], "C-1", "Afgerond na interventies.")
    with transactie(w.omgeving.fabriek) as s:
        [g] = opslag.gebeurtenissen(s, "casus_gesloten")
        assert g.casus_id == "C-1" and g.verband_id == "riec-rotterdam" and g.gegevens == {}
    with pytest.raises(GeenToegang, match="gesloten"):
        _in(
            w,
            advies.stel_op,
            w.omgeving.beslisser,
            w.analist,
            "C-1",
            "Te laat voor een advies hier.",
            VOORSTELLEN,
        )
