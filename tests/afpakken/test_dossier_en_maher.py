# SPDX-License-Identifier: EUPL-1.2
"""Vermogensdossier (position over time, joint claims once) and social re-use of goods."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from integraal.afpakken import cijfers, dossier, maher, verloop, waarde
from integraal.domein.beslag import Handeling
from integraal.domein.beslagcijfers import vorderingen_eenmaal
from integraal.domein.fouten import GeenToegang, OngeldigeInvoer
from integraal.opslag.db import transactie
from tests.afpakken.conftest import BEGIN, GELD, Item, Keten, kvi

DAG = dt.timedelta(days=1)


def _in(k: Keten, fn: Any, *a: Any, **kw: Any) -> Any:
    with transactie(k.o.fabriek) as s:
        return fn(s, k.o.beslisser, *a, **kw)


def test_vorderingen_van_medeschuldenaren_eenmaal() -> None:
    assert vorderingen_eenmaal({"a": 100, "b": 80, "c": 50}, [("a", "b")]) == 150
    assert vorderingen_eenmaal({"a": 100, "b": 80, "c": 50}, [("a", "b"), ("b", "c")]) == 100
    assert vorderingen_eenmaal({"a": 100}, [("a", "onbekend")]) == 100


def test_vermogensdossier_van_onderzoek_tot_executie(keten: Keten) -> None:
    k = keten
    d = _in(k, dossier.open_dossier, k.officier, verdachte="Jan de Vries", parketnummer="10/123-26")
    mede = _in(k, dossier.open_dossier, k.officier, verdachte="Piet Bakker")
    _in(
        k,
        dossier.voeg_vermogen_toe,
        k.officier,
        d.id,
        soort="onroerend_goed",
        omschrijving="Woning Kerkstraat 1",
        waarde_euro="300000",
        bekend_sinds=BEGIN - 10 * DAG,
    )
    _in(
        k,
        dossier.voeg_handeling_toe,
        k.officier,
        d.id,
        soort="vordering_gegevens",
        datum=BEGIN - 5 * DAG,
        omschrijving="Bankgegevens opgevraagd",
        opbrengst_euro="12500",
    )
    with pytest.raises(OngeldigeInvoer):
        _in(
            k,
            dossier.voeg_handeling_toe,
            k.officier,
            d.id,
            soort="raden",
            datum=BEGIN,
            omschrijving="x",
        )
    [geld] = kvi(k, "KVI-2026-0100", GELD, dossier_id=d.id).object_ids
    with pytest.raises(GeenToegang):
        _in(k, dossier.stel_vordering_vast, k.agent, d.id, "50000")
    _in(k, dossier.stel_vordering_vast, k.officier, d.id, "50000", [mede.id])
    _in(k, dossier.stel_vordering_vast, k.officier, mede.id, "40000")
    _in(k, dossier.werk_executie_bij, k.officier, d.id, "betalingsaanbod")
    _in(k, dossier.registreer_betaling, k.officier, mede.id, "10000", BEGIN + 30 * DAG)
    _in(k, dossier.registreer_betaling, k.officier, d.id, "5000", BEGIN + 40 * DAG)

    b = _in(k, dossier.beeld, k.officier, d.id)
    assert [o.id for o in b.objecten] == [geld]
    assert b.medeschuldenaren == [mede.id]
    # One claim of 50,000; the co-debtor's payment counts too.
    assert b.openstaand_centen == 35_000_00
    assert [
        (p.datum, p.bekend_centen, p.beslagen_centen, p.verhaald_centen) for p in b.positie
    ] == [
        (BEGIN - 10 * DAG, 300_000_00, 0, 0),
        (BEGIN, 300_000_00, 12_500_00, 0),
        (BEGIN + 40 * DAG, 300_000_00, 12_500_00, 5_000_00),
    ]
    [j] = _in_cijfers(k)
    assert j.vorderingen_centen == 50_000_00 and j.betaald_centen == 15_000_00
    # Outsiders see neither the dossier nor that it exists.
    with pytest.raises(GeenToegang):
        _in(k, dossier.beeld, k.fiod, d.id)
    assert _in(k, dossier.dossiers, k.fiod) == []
    assert {x.id for x in _in(k, dossier.dossiers, k.officier)} == {d.id, mede.id}
    assert geld


def _in_cijfers(k: Keten) -> list[cijfers.Jaarcijfer]:
    with transactie(k.o.fabriek) as s:
        return cijfers.jaarcijfers(s, [dt.date.today().year])


def test_maatschappelijk_herbestemmen(keten: Keten) -> None:
    k = keten
    fiets = Item(
        "goederen", "Damesfiets, blauw", "94-verbeurdverklaring", 5, goederencategorie="Fietsen"
    )
    laptop = Item("goederen", "Laptop", "94-verbeurdverklaring", 5, goederencategorie="laptops")
    ids = kvi(k, "KVI-2026-0200", fiets, laptop).object_ids
    for oid, euro in zip(ids, ("85", "450"), strict=True):
        _in(k, verloop.voer_uit, k.hulpofficier, oid, "gehandhaafd", Handeling(), vandaag=BEGIN)
        _in(
            k,
            verloop.voer_uit,
            k.officier,
            oid,
            "in_bewaring",
            Handeling(reden="Verbeurdverklaring gevorderd."),
            bewaarder_id="domeinen-roerende-zaken",
            vandaag=BEGIN + DAG,
        )
        _in(k, waarde.taxeer, k.drz, oid, euro)
        _in(
            k,
            verloop.voer_uit,
            k.officier,
            oid,
            "verbeurdverklaard",
            Handeling(uitspraak="Rb Rotterdam 10/9-26"),
            vandaag=BEGIN + 90 * DAG,
        )
    with pytest.raises(GeenToegang):
        _in(k, maher.registreer_organisatie, k.agent, naam="X", plaats="Y", behoeften=["fietsen"])
    a = _in(
        k,
        maher.registreer_organisatie,
        k.officier,
        naam="Fietsenwerkplaats Oost",
        plaats="Rotterdam",
        behoeften=["fietsen"],
    )
    b = _in(
        k,
        maher.registreer_organisatie,
        k.officier,
        naam="Buurthuis West",
        plaats="Rotterdam",
        behoeften=["fietsen", "speelgoed"],
    )
    # Only the bike (≤ €100) is eligible; both asking organisations are suggested, explained.
    s = _in(k, maher.suggesties, k.officier)
    assert {(x.obj.id, x.organisatie.id) for x in s} == {(ids[0], a.id), (ids[0], b.id)}
    assert all("vraagt om fietsen" in x.uitleg for x in s)
    _in(k, maher.draag_over, k.officier, ids[0], b.id)
    assert _in(k, maher.suggesties, k.officier) == []
    with pytest.raises(OngeldigeInvoer, match="hoger dan"):
        _in(k, maher.draag_over, k.officier, ids[1], a.id)
