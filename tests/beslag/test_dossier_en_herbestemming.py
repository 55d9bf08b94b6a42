# SPDX-License-Identifier: EUPL-1.2
"""Vermogensdossier (position over time, joint claims once) and social re-use of goods."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from integraal.beslag import cijfers, dossier, herbestemming, waarde
from integraal.beslag.cijfers import Cijfervraag
from integraal.beslag.dossier import (
    BetalingIn,
    DossierIn,
    ExecutieIn,
    HandelingIn,
    VermogenIn,
    VorderingIn,
)
from integraal.beslag.herbestemming import HerbestemmingIn, OrganisatieIn
from integraal.beslag.registratie import ItemIn
from integraal.beslag.waarde import WaarderingIn
from integraal.domein.actor import Actor
from integraal.domein.beslagcijfers import vorderingen_eenmaal
from integraal.domein.fouten import GeenToegang, NietGevonden, OngeldigeInvoer
from integraal.domein.invoer import valideer
from tests.beslag.conftest import BEGIN, GELD, Keten, kvi, op, stap
from tests.hulp import doe

DAG = dt.timedelta(days=1)


def _op(k: Keten, wie: Actor, actie: Any, *a: Any, dag: dt.date = BEGIN) -> Any:
    """A service as `wie` on `dag`."""
    return doe(k.o, wie, actie, *a, klok=lambda: op(dag))


def test_vorderingen_van_medeschuldenaren_eenmaal() -> None:
    assert vorderingen_eenmaal({"a": 100, "b": 80, "c": 50}, [("a", "b")]) == 150
    assert vorderingen_eenmaal({"a": 100, "b": 80, "c": 50}, [("a", "b"), ("b", "c")]) == 100
    assert vorderingen_eenmaal({"a": 100}, [("a", "onbekend")]) == 100


def test_vermogensdossier_van_onderzoek_tot_executie(keten: Keten) -> None:
    k = keten
    d = doe(
        k.o,
        k.officier,
        dossier.open_dossier,
        DossierIn(verdachte="Jan de Vries", parketnummer="10/123-26"),
    )
    mede = doe(k.o, k.officier, dossier.open_dossier, DossierIn(verdachte="Piet Bakker"))
    vermogen = VermogenIn(
        soort="onroerend_goed",
        omschrijving="Woning Kerkstraat 1",
        waarde_euro="300000",
        bekend_sinds=BEGIN - 10 * DAG,
    )
    doe(k.o, k.officier, dossier.voeg_vermogen_toe, d.id, vermogen)
    handeling = HandelingIn(
        soort="vordering_gegevens",
        datum=BEGIN - 5 * DAG,
        omschrijving="Bankgegevens opgevraagd",
        opbrengst_euro="12500",
    )
    doe(k.o, k.officier, dossier.voeg_handeling_toe, d.id, handeling)
    with pytest.raises(OngeldigeInvoer) as fout:
        valideer(HandelingIn, {"soort": "raden", "datum": "02-03-2026", "omschrijving": "x"})
    assert fout.value.fouten == {"soort": "Kies de soort onderzoekshandeling."}
    [geld] = kvi(k, "KVI-2026-0100", GELD, dossier_id=d.id).object_ids
    with pytest.raises(GeenToegang):
        doe(k.o, k.agent, dossier.stel_vordering_vast, d.id, VorderingIn(bedrag_euro="50000"))
    doe(
        k.o,
        k.officier,
        dossier.stel_vordering_vast,
        d.id,
        VorderingIn(bedrag_euro="50000", medeschuldenaren=[mede.id]),
    )
    doe(k.o, k.officier, dossier.stel_vordering_vast, mede.id, VorderingIn(bedrag_euro="40000"))
    doe(k.o, k.officier, dossier.werk_executie_bij, d.id, ExecutieIn(status="betalingsaanbod"))
    betaling = BetalingIn(bedrag_euro="10000", ontvangen_op=BEGIN + 30 * DAG)
    doe(k.o, k.officier, dossier.registreer_betaling, mede.id, betaling)
    betaling = BetalingIn(bedrag_euro="5000", ontvangen_op=BEGIN + 40 * DAG)
    doe(k.o, k.officier, dossier.registreer_betaling, d.id, betaling)

    b = doe(k.o, k.officier, dossier.beeld, d.id)
    assert [o.id for o in b.objecten] == [geld]
    assert b.medeschuldenaren == [mede.id]
    assert b.dossier.executiestatus == "betalingsaanbod"
    assert [(h.soort, h.opbrengst_centen) for h in b.onderzoekshandelingen] == [
        ("vordering_gegevens", 12_500_00)
    ]
    # One claim of 50,000; the co-debtor's payment counts too.
    assert b.openstaand_centen == 35_000_00
    assert [
        (p.datum, p.bekend_centen, p.beslagen_centen, p.verhaald_centen) for p in b.positie
    ] == [
        (BEGIN - 10 * DAG, 300_000_00, 0, 0),
        (BEGIN, 300_000_00, 12_500_00, 0),
        (BEGIN + 40 * DAG, 300_000_00, 12_500_00, 5_000_00),
    ]
    # Claims count in the year their dossier was opened, payments in the year received.
    jaren = sorted({BEGIN.year, dt.date.today().year})
    lijst = doe(k.o, k.officier, cijfers.lees, Cijfervraag(jaar=jaren))
    assert sum(j.vorderingen_centen for j in lijst) == 50_000_00
    assert sum(j.betaald_centen for j in lijst) == 15_000_00
    # Outsiders see neither the dossier nor that it exists.
    with pytest.raises(NietGevonden):
        doe(k.o, k.fiod, dossier.beeld, d.id)
    assert doe(k.o, k.fiod, dossier.dossiers) == []
    assert {x.id for x in doe(k.o, k.officier, dossier.dossiers)} == {d.id, mede.id}


def test_maatschappelijk_herbestemmen(keten: Keten) -> None:
    k = keten
    fiets = ItemIn(
        soort="goederen",
        omschrijving="Damesfiets, blauw",
        grond="94-verbeurdverklaring",
        categorie=5,
        goederencategorie="Fietsen",
    )
    laptop = ItemIn(
        soort="goederen",
        omschrijving="Laptop",
        grond="94-verbeurdverklaring",
        categorie=5,
        goederencategorie="laptops",
    )
    ids = kvi(k, "KVI-2026-0200", fiets, laptop).object_ids
    for oid, euro in zip(ids, ("85", "450"), strict=True):
        stap(k, k.hulpofficier, oid, "gehandhaafd", BEGIN)
        stap(
            k,
            k.officier,
            oid,
            "in_bewaring",
            BEGIN + DAG,
            reden="Verbeurdverklaring gevorderd.",
            bewaarder="domeinen-roerende-zaken",
        )
        taxatie = WaarderingIn(soort="taxatie", bedrag_euro=euro)
        _op(k, k.drz, waarde.waardeer, oid, taxatie, dag=BEGIN + 2 * DAG)
        stap(
            k,
            k.officier,
            oid,
            "verbeurdverklaard",
            BEGIN + 90 * DAG,
            uitspraak="Rb Rotterdam 10/9-26",
        )
    with pytest.raises(GeenToegang):
        doe(
            k.o,
            k.agent,
            herbestemming.registreer_organisatie,
            OrganisatieIn(naam="X Y", plaats="Y", behoeften=["fietsen"]),
        )
    a = doe(
        k.o,
        k.officier,
        herbestemming.registreer_organisatie,
        OrganisatieIn(naam="Fietsenwerkplaats Oost", plaats="Rotterdam", behoeften=["fietsen"]),
    )
    b = doe(
        k.o,
        k.officier,
        herbestemming.registreer_organisatie,
        OrganisatieIn(
            naam="Buurthuis West", plaats="Rotterdam", behoeften=["Fietsen ", "speelgoed"]
        ),
    )
    assert b.behoeften == ["fietsen", "speelgoed"]
    # Only the bike (≤ €100) is eligible; both asking organisations are suggested, explained.
    s = doe(k.o, k.officier, herbestemming.suggesties)
    assert {(x.object_id, x.organisatie) for x in s} == {(ids[0], a.id), (ids[0], b.id)}
    assert all("vraagt om fietsen" in x.uitleg for x in s)
    overdracht = HerbestemmingIn(organisatie=b.id)
    _op(k, k.officier, herbestemming.draag_over, ids[0], overdracht, dag=BEGIN + 100 * DAG)
    assert doe(k.o, k.officier, herbestemming.suggesties) == []
    overdracht = HerbestemmingIn(organisatie=a.id)
    with pytest.raises(OngeldigeInvoer, match="hoger dan"):
        _op(k, k.officier, herbestemming.draag_over, ids[1], overdracht, dag=BEGIN + 100 * DAG)
