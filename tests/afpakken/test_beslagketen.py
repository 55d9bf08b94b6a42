# SPDX-License-Identifier: EUPL-1.2
"""The seizure chain through its services: register, handhaven, bewaring, vervreemding, verbeurd."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

import pytest
import sqlalchemy as sa

from integraal.afpakken import cijfers, feed, inzage, overzicht, registratie, verloop, waarde
from integraal.afpakken.registratie import Kennisgeving
from integraal.domein.beslag import Handeling
from integraal.domein.fouten import GeenToegang, OngeldigeInvoer
from integraal.opslag.db import transactie
from integraal.opslag.modellen import AuditRecord, LogboekRegel
from tests.afpakken.conftest import BEGIN, Keten, kvi

DAG = dt.timedelta(days=1)


def _in(k: Keten, fn: Any, *a: Any, **kw: Any) -> Any:
    with transactie(k.o.fabriek) as s:
        return fn(s, k.o.beslisser, *a, **kw)


def _regels(k: Keten) -> list[dict[str, Any]]:
    with transactie(k.o.fabriek) as s:
        return [json.loads(x) for x in s.scalars(sa.select(LogboekRegel.inhoud))]


def test_registreren_alleen_door_de_opsporing_en_met_duidelijke_fouten(keten: Keten) -> None:
    with pytest.raises(GeenToegang, match="opsporing"):
        _in(keten, registratie.registreer, keten.officier, Kennisgeving("K", BEGIN, "X"))
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
        _in(k, verloop.voer_uit, k.agent, auto, "gehandhaafd", Handeling(), vandaag=BEGIN)
    _in(k, verloop.voer_uit, k.hulpofficier, auto, "gehandhaafd", Handeling(), vandaag=BEGIN + DAG)
    # F2: custody only with a reason, and with a designated custodian.
    with pytest.raises(OngeldigeInvoer, match="motiveer"):
        _in(
            k,
            verloop.voer_uit,
            k.officier,
            auto,
            "in_bewaring",
            Handeling(),
            bewaarder_id="domeinen-roerende-zaken",
        )
    with pytest.raises(OngeldigeInvoer, match="bewaarder"):
        _in(
            k,
            verloop.voer_uit,
            k.officier,
            auto,
            "in_bewaring",
            Handeling(reden="Nodig voor verbeurdverklaring."),
        )
    _in(
        k,
        verloop.voer_uit,
        k.officier,
        auto,
        "in_bewaring",
        Handeling(reden="Nodig voor verbeurdverklaring."),
        bewaarder_id="domeinen-roerende-zaken",
        vandaag=BEGIN + 5 * DAG,
    )
    # The custodian values it; another custodian may not.
    with pytest.raises(GeenToegang):
        _in(k, waarde.taxeer, k.kas, auto, "1000")
    _in(k, waarde.taxeer, k.drz, auto, "24.500,00".replace(".", ""), vandaag=BEGIN + 6 * DAG)
    # Six weeks after asking, the custodian may sell without an answer (art. 117 lid 5 Sv).
    _in(k, verloop.verzoek_machtiging, k.drz, auto, vandaag=BEGIN + 7 * DAG)
    with pytest.raises(OngeldigeInvoer, match="zes weken"):
        _in(k, verloop.voer_uit, k.drz, auto, "vervreemd", Handeling(), vandaag=BEGIN + 20 * DAG)
    # A klaagschrift freezes the sale until the decision.
    _in(k, verloop.klaagschrift, k.officier, auto, aanhangig=True, document="Klaagschrift 26/1")
    with pytest.raises(OngeldigeInvoer, match="klaagschrift"):
        _in(k, verloop.voer_uit, k.drz, auto, "vervreemd", Handeling(), vandaag=BEGIN + 60 * DAG)
    _in(k, verloop.klaagschrift, k.officier, auto, aanhangig=False, document="Beschikking RK 26/9")
    _in(k, verloop.voer_uit, k.drz, auto, "vervreemd", Handeling(), vandaag=BEGIN + 60 * DAG)
    _in(k, waarde.registreer_opbrengst, k.drz, auto, "21000", vandaag=BEGIN + 70 * DAG)
    with pytest.raises(OngeldigeInvoer, match="uitspraak"):
        _in(
            k,
            verloop.voer_uit,
            k.officier,
            auto,
            "verbeurdverklaard",
            Handeling(),
            vandaag=BEGIN + 200 * DAG,
        )
    _in(
        k,
        verloop.voer_uit,
        k.officier,
        auto,
        "verbeurdverklaard",
        Handeling(uitspraak="Rb Rotterdam 10/123-26, 18-09-2026"),
        vandaag=BEGIN + 200 * DAG,
    )

    # The cash: kept, handed to the OM's cashier, returned later.
    _in(k, verloop.voer_uit, k.hulpofficier, geld, "gehandhaafd", Handeling(), vandaag=BEGIN + DAG)
    _in(
        k,
        verloop.voer_uit,
        k.officier,
        geld,
        "in_bewaring",
        Handeling(reden="Verhaal ontneming mogelijk."),
        bewaarder_id="kasbeheerder-om",
        vandaag=BEGIN + 3 * DAG,
    )
    _in(
        k,
        verloop.zet_om_conservatoir,
        k.officier,
        geld,
        "94a-ontneming",
        "RC-machtiging 26/44",
        vandaag=BEGIN + 4 * DAG,
    )
    _in(
        k,
        verloop.voer_uit,
        k.officier,
        geld,
        "teruggegeven",
        Handeling(),
        vandaag=BEGIN + 100 * DAG,
    )

    # The figures: 24,500 + 12,500 seized in 2026 (the conversion is no new seizure), the
    # proceeds of 21,000 collected when forfeited, the cash returned.
    [j] = _in_cijfers(k, [2026])
    assert (j.eigen_centen, j.eigen_aantal) == (37_000_00, 2)
    assert (j.klassiek_centen, j.conservatoir_centen) == (24_500_00, 12_500_00)
    assert j.geind_centen == 21_000_00 and j.teruggegeven_centen == 12_500_00

    # Every act went to the organisations involved, and only to them.
    with transactie(k.o.fabriek) as s:
        om = feed.lees_feed(s, k.o.beslisser, k.officier)
        drz = feed.lees_feed(s, k.o.beslisser, k.drz)
        fiod = feed.lees_feed(s, k.o.beslisser, k.fiod)
    soorten_om = [e["type"].rsplit(".", 1)[-1] for e in om.gebeurtenissen]
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
    assert all(e["specversion"] == "1.0" and e["source"] for e in om.gebeurtenissen)
    assert {e["subject"] for e in drz.gebeurtenissen} == {auto}
    assert fiod.gebeurtenissen == []
    with transactie(k.o.fabriek) as s:
        verder = feed.lees_feed(s, k.o.beslisser, k.officier, na=om.volgende)
    assert verder.gebeurtenissen == []


def _in_cijfers(k: Keten, jaren: list[int]) -> list[cijfers.Jaarcijfer]:
    with transactie(k.o.fabriek) as s:
        return cijfers.jaarcijfers(s, jaren)


def test_niet_betrokken_of_zonder_ketenrol_ziet_niets_en_logt_niets(keten: Keten) -> None:
    [auto, _] = kvi(keten).object_ids
    k = keten
    voor = len(_regels(k))
    for wie in (k.fiod, k.analist_om, k.w.analist):
        with pytest.raises(GeenToegang):
            _in(k, overzicht.object_beeld, wie, auto)
    with pytest.raises(GeenToegang):
        _in(k, overzicht.objecten, k.w.analist)
    assert _in(k, overzicht.objecten, k.fiod) == []
    assert len(_regels(k)) == voor
    beeld = _in(k, overzicht.object_beeld, k.officier, auto)
    assert beeld.beslagene == "Jan de Vries"
    [regel] = _regels(k)[voor:]
    assert regel["dpl.integraal.rule_id"] == "SV-BESLAGKETEN"
    assert regel["dpl.core.processing_activity_id"].endswith("/beslag-object")


def test_termijnen_op_de_juiste_dag(keten: Keten) -> None:
    [auto, geld] = kvi(keten).object_ids
    k = keten
    lijst = _in(k, overzicht.termijnlijst, k.officier, BEGIN)
    assert [(r.obj.id, r.termijn.soort.value, r.termijn.vervalt_op, r.stand) for r in lijst] == [
        (auto, "f1_handhaving", BEGIN + 3 * DAG, "binnenkort"),
        (geld, "f1_handhaving", BEGIN + 3 * DAG, "binnenkort"),
    ]
    assert {r.stand for r in _in(k, overzicht.termijnlijst, k.officier, BEGIN + 4 * DAG)} == {
        "verlopen"
    }
    _in(k, verloop.voer_uit, k.hulpofficier, auto, "gehandhaafd", Handeling(), vandaag=BEGIN + DAG)
    lijst = _in(k, overzicht.termijnlijst, k.officier, BEGIN + 22 * DAG)
    assert (auto, "f2_beheerbeslissing", BEGIN + 22 * DAG, "vandaag") in [
        (r.obj.id, r.termijn.soort.value, r.termijn.vervalt_op, r.stand) for r in lijst
    ]


def test_de_beslagene_ziet_met_de_code_zijn_beslag_en_rechten(keten: Keten) -> None:
    r = kvi(keten)
    k = keten
    assert _in(k, inzage.inzage, "AAAA-BBBB-CCCC-DDDD") is None
    eigen = _in(k, inzage.inzage, r.inzagecode.lower().replace("-", ""))
    assert eigen is not None and eigen.naam == "Jan de Vries"
    assert [o.id for o, _, _ in eigen.objecten] == r.object_ids
    assert eigen.objecten[0][2] == dt.date(
        2028, 3, 2
    )  # klaagschrift: two years without prosecution
    regels = [x for x in _regels(k) if x["naam"] == "beslag inzien door de beslagene"]
    assert {x["dpl.integraal.rule_id"] for x in regels} == {"AVG-15-BESLAGENE"}
    with transactie(k.o.fabriek) as s:
        assert "beslag inzien (beslagene)" in s.scalars(sa.select(AuditRecord.actie)).all()


def test_crypto_tegen_dagkoers_met_bron(keten: Keten) -> None:
    from tests.afpakken.conftest import Item

    [munt] = kvi(
        keten, "KVI-2026-0009", Item("crypto", "Hardware wallet", "94-wederrechtelijk-voordeel", 4)
    ).object_ids
    k = keten
    with pytest.raises(OngeldigeInvoer, match="bron"):
        _in(
            k,
            waarde.reken_om,
            k.hulpofficier,
            munt,
            eenheid="BTC",
            hoeveelheid="0,5",
            koers="41250",
            koersbron="",
            koers_op=dt.datetime(2026, 3, 3, 12, tzinfo=dt.UTC),
        )
    w = _in(
        k,
        waarde.reken_om,
        k.hulpofficier,
        munt,
        eenheid="btc",
        hoeveelheid="0,5",
        koers="41250,12",
        koersbron="Fictieve beurs, slotkoers",
        koers_op=dt.datetime(2026, 3, 3, 12, tzinfo=dt.UTC),
    )
    assert (w.bedrag_centen, w.eenheid, w.koers, w.methode) == (
        20_625_06,
        "BTC",
        "41250.12",
        "dagkoers",
    )
    [j] = _in_cijfers(k, [2026])
    assert j.eigen_centen == 20_625_06
