# SPDX-License-Identifier: EUPL-1.2
"""The seizure chain through its services: register, handhaven, bewaring, vervreemding, verbeurd."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

import pytest
import sqlalchemy as sa

from integraal.beslag import cijfers, feed, inzage, objecten, registratie, verloop, waarde
from integraal.beslag.cijfers import Cijfervraag, Jaarcijfer
from integraal.beslag.feed import Feedvraag
from integraal.beslag.inzage import CodeIn
from integraal.beslag.registratie import ItemIn, KennisgevingIn
from integraal.beslag.verloop import KlaagschriftIn, OmzettingIn
from integraal.beslag.waarde import WaarderingIn
from integraal.domein.actor import Actor
from integraal.domein.fouten import GeenToegang, NietGevonden, OngeldigeInvoer
from integraal.domein.invoer import valideer
from integraal.opslag.db import transactie
from integraal.opslag.modellen import AuditRecord, LogboekRegel
from tests.beslag.conftest import AUTO, BEGIN, Keten, kvi, op, stap
from tests.hulp import doe

DAG = dt.timedelta(days=1)


def _regels(k: Keten) -> list[dict[str, Any]]:
    with transactie(k.o.fabriek) as s:
        return [json.loads(x) for x in s.scalars(sa.select(LogboekRegel.inhoud))]


def _op(k: Keten, wie: Actor | None, actie: Any, *a: Any, dag: dt.date = BEGIN) -> Any:
    """A service as `wie` on `dag`."""
    return doe(k.o, wie, actie, *a, klok=lambda: op(dag))


def _waardeer(k: Keten, wie: Actor, object_id: str, dag: dt.date, **velden: Any) -> None:
    _op(k, wie, waarde.waardeer, object_id, valideer(WaarderingIn, velden), dag=dag)


def _cijfers(k: Keten, jaren: list[int]) -> list[Jaarcijfer]:
    return doe(k.o, k.officier, cijfers.lees, Cijfervraag(jaar=jaren))


def test_registreren_alleen_door_de_opsporing_en_met_duidelijke_fouten(keten: Keten) -> None:
    with pytest.raises(GeenToegang, match="opsporing"):
        doe(
            keten.o,
            keten.officier,
            registratie.registreer,
            KennisgevingIn(kvi_nummer="K", beslagen_op=BEGIN, beslagene="X Y", items=[AUTO]),
        )
    r = kvi(keten)
    assert len(r.object_ids) == 2 and len(r.inzagecode) == 19
    with pytest.raises(OngeldigeInvoer) as fout:
        kvi(keten)
    assert "al geregistreerd" in fout.value.fouten["kviNummer"]
    regels = [x for x in _regels(keten) if x["naam"] == "beslag registreren"]
    assert len(regels) == 2 and {x["dpl.integraal.rule_id"] for x in regels} == {"SV-BESLAGKETEN"}


def test_de_hele_keten_van_beslag_tot_verbeurd_en_verkocht(keten: Keten) -> None:
    auto, geld = kvi(keten).object_ids
    k = keten
    # F1: the hulpofficier keeps the car, returns nothing; an agent may not decide that.
    with pytest.raises(OngeldigeInvoer, match="alleen"):
        stap(k, k.agent, auto, "gehandhaafd", BEGIN)
    stap(k, k.hulpofficier, auto, "gehandhaafd", BEGIN + DAG)
    # F2: custody only with a reason, and with a designated custodian.
    with pytest.raises(OngeldigeInvoer, match="motiveer"):
        stap(
            k, k.officier, auto, "in_bewaring", BEGIN + 2 * DAG, bewaarder="domeinen-roerende-zaken"
        )
    with pytest.raises(OngeldigeInvoer) as fout:
        stap(
            k,
            k.officier,
            auto,
            "in_bewaring",
            BEGIN + 2 * DAG,
            reden="Nodig voor verbeurdverklaring.",
        )
    assert "bewaarder" in fout.value.fouten["bewaarder"]
    stap(
        k,
        k.officier,
        auto,
        "in_bewaring",
        BEGIN + 5 * DAG,
        reden="Nodig voor verbeurdverklaring.",
        bewaarder="domeinen-roerende-zaken",
    )
    # The custodian values it; another custodian is not involved and does not even see it.
    with pytest.raises(NietGevonden):
        _waardeer(k, k.kas, auto, BEGIN + 6 * DAG, soort="taxatie", bedragEuro="1000")
    _waardeer(k, k.drz, auto, BEGIN + 6 * DAG, soort="taxatie", bedragEuro="24.500,00")
    # Six weeks after asking, the custodian may sell without an answer (art. 117 lid 5 Sv).
    _op(k, k.drz, verloop.verzoek_machtiging, auto, dag=BEGIN + 7 * DAG)
    with pytest.raises(OngeldigeInvoer, match="zes weken"):
        stap(k, k.drz, auto, "vervreemd", BEGIN + 20 * DAG)
    # A klaagschrift freezes the sale until the decision.
    klaag = KlaagschriftIn(aanhangig=True, document="Klaagschrift 26/1")
    _op(k, k.officier, verloop.klaagschrift, auto, klaag, dag=BEGIN + 30 * DAG)
    with pytest.raises(OngeldigeInvoer, match="klaagschrift"):
        stap(k, k.drz, auto, "vervreemd", BEGIN + 50 * DAG)
    beschikking = KlaagschriftIn(aanhangig=False, document="Beschikking RK 26/9")
    _op(k, k.officier, verloop.klaagschrift, auto, beschikking, dag=BEGIN + 55 * DAG)
    stap(k, k.drz, auto, "vervreemd", BEGIN + 60 * DAG)
    _waardeer(k, k.drz, auto, BEGIN + 70 * DAG, soort="opbrengst", bedragEuro="21000")
    with pytest.raises(OngeldigeInvoer, match="uitspraak"):
        stap(k, k.officier, auto, "verbeurdverklaard", BEGIN + 200 * DAG)
    stap(
        k,
        k.officier,
        auto,
        "verbeurdverklaard",
        BEGIN + 200 * DAG,
        uitspraak="Rb Rotterdam 10/123-26, 18-09-2026",
    )

    # The cash: kept, handed to the OM's cashier, returned later.
    stap(k, k.hulpofficier, geld, "gehandhaafd", BEGIN + DAG)
    stap(
        k,
        k.officier,
        geld,
        "in_bewaring",
        BEGIN + 3 * DAG,
        reden="Verhaal ontneming mogelijk.",
        bewaarder="kasbeheerder-om",
    )
    omzetting = OmzettingIn(grond="94a-ontneming", machtiging_rc="RC-machtiging 26/44")
    _op(k, k.officier, verloop.zet_om_conservatoir, geld, omzetting, dag=BEGIN + 4 * DAG)
    stap(k, k.officier, geld, "teruggegeven", BEGIN + 100 * DAG)

    # The figures: 24,500 + 12,500 seized in 2026 (the conversion is no new seizure), the
    # proceeds of 21,000 collected when forfeited, the cash returned.
    [j] = _cijfers(k, [2026])
    assert (j.eigen_centen, j.eigen_aantal) == (37_000_00, 2)
    assert (j.klassiek_centen, j.conservatoir_centen) == (24_500_00, 12_500_00)
    assert j.geind_centen == 21_000_00 and j.teruggegeven_centen == 12_500_00

    # Every act went to the organisations involved, and only to them.
    om = doe(k.o, k.officier, feed.lees_feed, Feedvraag())
    drz = doe(k.o, k.drz, feed.lees_feed, Feedvraag())
    fiod = doe(k.o, k.fiod, feed.lees_feed, Feedvraag())
    soorten_om = [e.type.rsplit(".", 1)[-1] for e in om.gebeurtenissen]
    assert soorten_om[:2] == ["BeslagGelegd", "BeslagGelegd"]
    assert {
        "Vervreemd",
        "OpbrengstOntvangen",
        "Verbeurdverklaard",
        "OmgezetConservatoir",
        "KlaagschriftIngediend",
        "BeschikkingBeklag",
        "Teruggegeven",
    } <= set(soorten_om)
    assert all(e.specversion == "1.0" and e.source for e in om.gebeurtenissen)
    assert {e.subject for e in drz.gebeurtenissen} == {auto}
    assert fiod.gebeurtenissen == []
    verder = doe(k.o, k.officier, feed.lees_feed, Feedvraag(na=om.volgende))
    assert verder.gebeurtenissen == []


def test_niet_betrokken_of_zonder_ketenrol_ziet_niets_en_logt_niets(keten: Keten) -> None:
    [auto, _] = kvi(keten).object_ids
    k = keten
    voor = len(_regels(k))
    # Without a role in the chain: refused outright.
    for wie in (k.analist_om, k.w.analist):
        with pytest.raises(GeenToegang):
            doe(k.o, wie, objecten.detail, auto)
    with pytest.raises(GeenToegang):
        doe(k.o, k.w.analist, objecten.objecten)
    # In the chain but not involved: the object looks as if it did not exist.
    with pytest.raises(NietGevonden):
        doe(k.o, k.fiod, objecten.detail, auto)
    assert doe(k.o, k.fiod, objecten.objecten) == []
    assert len(_regels(k)) == voor
    beeld = doe(k.o, k.officier, objecten.detail, auto)
    assert beeld.object.beslagene == "Jan de Vries"
    [regel] = _regels(k)[voor:]
    assert regel["dpl.integraal.rule_id"] == "SV-BESLAGKETEN"
    assert regel["dpl.core.processing_activity_id"].endswith("/beslag-lezen")


def test_termijnen_op_de_juiste_dag(keten: Keten) -> None:
    [auto, geld] = kvi(keten).object_ids
    k = keten

    def termijnen(dag: dt.date) -> list[tuple[str, str, dt.date, str | None]]:
        return [
            (r.object.id, r.termijn.soort.value, r.termijn.vervalt_op, r.termijn.stand)
            for r in _op(k, k.officier, objecten.termijnlijst, dag=dag)
        ]

    assert termijnen(BEGIN) == [
        (auto, "f1_handhaving", BEGIN + 3 * DAG, "binnenkort"),
        (geld, "f1_handhaving", BEGIN + 3 * DAG, "binnenkort"),
    ]
    assert {stand for *_, stand in termijnen(BEGIN + 4 * DAG)} == {"verlopen"}
    stap(k, k.hulpofficier, auto, "gehandhaafd", BEGIN + DAG)
    assert (auto, "f2_beheerbeslissing", BEGIN + 22 * DAG, "vandaag") in termijnen(BEGIN + 22 * DAG)


def test_de_beslagene_ziet_met_de_code_zijn_beslag_en_rechten(keten: Keten) -> None:
    r = kvi(keten)
    k = keten
    # An unknown code gets the same answer whether or not it exists.
    with pytest.raises(NietGevonden):
        doe(k.o, None, inzage.inzage, CodeIn(code="AAAA-BBBB-CCCC-DDDD"))
    eigen = doe(k.o, None, inzage.inzage, CodeIn(code=r.inzagecode.lower().replace("-", "")))
    assert eigen.naam == "Jan de Vries"
    assert [o.id for o in eigen.objecten] == r.object_ids
    # klaagschrift: two years without prosecution
    assert eigen.objecten[0].klaagschrift_tot == dt.date(2028, 3, 2)
    assert any("klaagschrift" in x for x in eigen.objecten[0].rechten)
    regels = [x for x in _regels(k) if x["naam"] == "beslag inzien door de beslagene"]
    assert len(regels) == 2
    assert {x["dpl.integraal.rule_id"] for x in regels} == {"AVG-15-BESLAGENE"}


def _audits(k: Keten) -> list[tuple[str, str]]:
    with transactie(k.o.fabriek) as s:
        rijen = s.execute(sa.select(AuditRecord.actie, AuditRecord.resultaat))
        return [(actie, resultaat) for actie, resultaat in rijen]


def test_een_onbekende_code_wordt_geaudit(keten: Keten) -> None:
    kvi(keten)
    with pytest.raises(NietGevonden):
        doe(keten.o, None, inzage.inzage, CodeIn(code="AAAA-BBBB-CCCC-DDDD"))
    assert ("beslag inzien (beslagene)", "onbekende code") in _audits(keten)


def test_crypto_tegen_dagkoers_met_bron(keten: Keten) -> None:
    wallet = ItemIn(
        soort="crypto",
        omschrijving="Hardware wallet",
        grond="94-wederrechtelijk-voordeel",
        categorie=4,
    )
    [munt] = kvi(keten, "KVI-2026-0009", wallet).object_ids
    k = keten
    koers_op = "2026-03-03T12:00:00+00:00"
    with pytest.raises(OngeldigeInvoer, match="bron") as fout:
        _waardeer(
            k,
            k.hulpofficier,
            munt,
            BEGIN + DAG,
            soort="omrekening",
            eenheid="BTC",
            hoeveelheid="0.5",
            koers="41250",
            koersbron="",
            koersOp=koers_op,
        )
    assert set(fout.value.fouten) == {"koersbron"}
    _waardeer(
        k,
        k.hulpofficier,
        munt,
        BEGIN + DAG,
        soort="omrekening",
        eenheid="btc",
        hoeveelheid="0.5",
        koers="41250.12",
        koersbron="Fictieve beurs, slotkoers",
        koersOp=koers_op,
    )
    [w] = doe(k.o, k.hulpofficier, objecten.detail, munt).waarderingen
    assert (w.bedrag_centen, w.eenheid, w.koers, w.methode) == (
        20_625_06,
        "BTC",
        "41250.12",
        "dagkoers",
    )
    assert w.koersbron == "Fictieve beurs, slotkoers"
    assert w.koers_op == dt.datetime(2026, 3, 3, 12, tzinfo=dt.UTC)
    [j] = _cijfers(k, [2026])
    assert j.eigen_centen == 20_625_06


def test_hoeveelheid_en_koers_zoals_nederlanders_ze_typen() -> None:
    invoer = valideer(
        WaarderingIn,
        {
            "soort": "omrekening",
            "eenheid": "BTC",
            "hoeveelheid": "0,5",
            "koers": "41.250,12",
            "koersbron": "Fictieve beurs, slotkoers",
            "koersOp": "2026-03-03T12:00:00+01:00",
        },
    )
    assert (str(invoer.hoeveelheid), str(invoer.koers)) == ("0.5", "41250.12")
