# SPDX-License-Identifier: EUPL-1.2
"""Keeping the monitor up to date in the app: measures, indicators and their definitions,
motions and commitments entered by hand; refused when wrong, audited, in the report; the YAML
stays the seed and never overwrites what was changed in the app."""

from __future__ import annotations

import datetime as dt

import pytest
import sqlalchemy as sa
from fastapi.testclient import TestClient

from integraal.app import maak_app
from integraal.domein.fouten import GeenToegang, OngeldigeInvoer
from integraal.domein.invoer import valideer
from integraal.domein.monitor import Soort, TKStatus, Uitvoering
from integraal.monitor import indicatoren, opdrachten, rapport, structuur
from integraal.monitor.indicatoren import IndicatorIn, WaardeIn
from integraal.monitor.laden import laad_indicatoren
from integraal.monitor.opdrachten import OpdrachtIn
from integraal.monitor.structuur import MaatregelIn, MaatregelNieuwIn
from integraal.opslag.db import transactie
from integraal.opslag.modellen import AuditRecord
from tests.hulp import csrf, doe, web_login
from tests.monitor.conftest import Monitorwereld

DEFINITIE = {
    "naam": "Getrainde medewerkers van kleine havens",
    "omschrijving": "Medewerkers van kleine zeehavens die een weerbaarheidstraining volgden.",
    "eenheid": "aantal",
    "bron": "Platform Ondermijning Kleine Zeehavens",
    "frequentie": "jaarlijks",
    "niveau": "land",
    "deelopgave": "logistieke-knooppunten",
    "optelbaar": True,
}


def _audits(mw: Monitorwereld, actie: str) -> int:
    with transactie(mw.w.omgeving.fabriek) as s:
        return s.scalar(sa.select(sa.func.count()).where(AuditRecord.actie == actie)) or 0


def test_een_maatregel_toevoegen_en_helemaal_bijwerken(mw: Monitorwereld) -> None:
    o = mw.w.omgeving
    nieuw = MaatregelNieuwIn(
        naam="Havenscan kleine zeehavens",
        deelopgave="logistieke-knooppunten",
        eigenaar="Gemeenten en RIEC's Den Haag en Noord-Nederland",
        status="voorbereiding",
        start="01-06-2025",
    )
    with pytest.raises(GeenToegang):
        doe(o, mw.w.analist, structuur.maak_maatregel, nieuw)
    with pytest.raises(OngeldigeInvoer) as fout:
        doe(o, mw.beleid, structuur.maak_maatregel, nieuw.model_copy(update={"deelopgave": "x"}))
    assert "deelopgave" in fout.value.fouten
    with pytest.raises(OngeldigeInvoer) as fout:
        doe(
            o,
            mw.beleid,
            structuur.maak_maatregel,
            nieuw.model_copy(update={"eind": dt.date(2025, 1, 1)}),
        )
    assert "eind" in fout.value.fouten
    m = doe(o, mw.beleid, structuur.maak_maatregel, nieuw)
    with pytest.raises(OngeldigeInvoer) as fout:  # two of a name under one deelopgave
        doe(
            o,
            mw.beleid,
            structuur.maak_maatregel,
            nieuw.model_copy(update={"naam": "HAVENSCAN kleine zeehavens"}),
        )
    assert "naam" in fout.value.fouten
    with pytest.raises(OngeldigeInvoer):  # a start in year 1 is a typo
        valideer(MaatregelNieuwIn, {**nieuw.model_dump(), "start": "01-01-0001"})
    bijgewerkt = doe(
        o,
        mw.beleid,
        structuur.wijzig_maatregel,
        m.id,
        MaatregelIn(
            status="lopend", eigenaar="Platform en RIEC's", deelopgave="regionale-versterking"
        ),
    )
    assert (bijgewerkt.status.value, bijgewerkt.eigenaar, bijgewerkt.start) == (
        "lopend",
        "Platform en RIEC's",
        dt.date(2025, 6, 1),
    )
    with transactie(o.fabriek) as s:
        onder = {
            m.naam: d.code
            for lijn in structuur.lijnen(s)
            for d in lijn.deelopgaven
            for m in d.maatregelen
        }
    assert onder["Havenscan kleine zeehavens"] == "regionale-versterking"
    assert (_audits(mw, "maatregel aanmaken"), _audits(mw, "maatregel bijwerken")) == (1, 1)
    assert "Havenscan kleine zeehavens" in rapport.html(doe(o, mw.beleid, rapport.stel_samen))


def test_een_indicator_definieren_waarden_geven_en_herdefinieren(mw: Monitorwereld) -> None:
    o = mw.w.omgeving
    invoer = valideer(IndicatorIn, DEFINITIE)
    i = doe(o, mw.beleid, indicatoren.maak_indicator, invoer)
    with pytest.raises(OngeldigeInvoer) as dubbel:  # two of a name cannot be told apart
        doe(o, mw.beleid, indicatoren.maak_indicator, invoer)
    assert "naam" in dubbel.value.fouten
    # Another name with the same key gets a suffix (the key is never shown).
    tweede = doe(
        o,
        mw.beleid,
        indicatoren.maak_indicator,
        invoer.model_copy(update={"naam": f"{invoer.naam}!"}),
    )
    assert i.code == "getrainde-medewerkers-van-kleine-havens" and tweede.code == f"{i.code}-2"
    assert i.lijn is not None and i.lijn.value == "verstoren_doorbreken"
    doe(
        o,
        mw.beleid,
        indicatoren.registreer,
        i.code,
        WaardeIn(periode="2025", waarde="212", bron="Platform"),
    )
    gewijzigd = doe(
        o,
        mw.beleid,
        indicatoren.wijzig_indicator,
        i.code,
        valideer(IndicatorIn, {**DEFINITIE, "naam": "Getrainde havenmedewerkers (klein)"}),
    )
    assert gewijzigd.naam == "Getrainde havenmedewerkers (klein)"
    assert [p.waarde for p in doe(o, mw.beleid, indicatoren.indicator, i.code).punten] == [212.0]
    with pytest.raises(OngeldigeInvoer) as fout:  # a computed figure's unit etc. follow from it
        doe(
            o,
            mw.beleid,
            indicatoren.wijzig_indicator,
            "casussen-gestart",
            valideer(IndicatorIn, {**DEFINITIE, "eenheid": "euro", "decimalen": 3}),
        )
    assert {"eenheid", "decimalen", "bron"} <= set(fout.value.fouten)
    with pytest.raises(OngeldigeInvoer):
        valideer(IndicatorIn, {**DEFINITIE, "frequentie": "soms"})
    with transactie(o.fabriek) as s:
        laad_indicatoren(s)  # the seed again: nothing the officer changed is overwritten
    assert (
        doe(o, mw.beleid, indicatoren.indicator, i.code).naam
        == "Getrainde havenmedewerkers (klein)"
    )
    assert (_audits(mw, "indicator aanmaken"), _audits(mw, "indicator bijwerken")) == (2, 1)
    with pytest.raises(OngeldigeInvoer):
        valideer(IndicatorIn, {**DEFINITIE, "eenheid": ""})
    assert "Getrainde havenmedewerkers (klein)" in rapport.html(
        doe(o, mw.beleid, rapport.stel_samen)
    )


def test_een_motie_met_de_parsers_van_de_bijlage(mw: Monitorwereld) -> None:
    o = mw.w.omgeving
    motie = OpdrachtIn(
        soort="motie",
        onderwerp="over het versterken van de weerbaarheid van kleine havens",
        indieners="Bikker en Ceder (Chr. Unie) c.s.",
        verwijzing="Kamerstuk 29 911, nr. 337",
        tk_status="Openstaand",
        thema="Logistieke knooppunten",
    )
    uit = doe(o, mw.beleid, opdrachten.vastleggen, motie)
    assert [(lid.naam, lid.partij) for lid in uit.leden] == [
        ("Bikker", "Chr. Unie"),
        ("Ceder", "Chr. Unie"),
    ]
    assert uit.cum_suis and uit.beoordeeld and uit.verwijzing_url
    assert uit.uitvoering is Uitvoering.NIET_GESTART and uit.tk_status is TKStatus.OPENSTAAND
    for fout, veld in (
        ({"indieners": None}, "indieners"),
        ({"verwijzing": "ergens in een brief"}, "verwijzing"),
        ({"soort": Soort.TOEZEGGING}, "indieners"),
        ({"maatregel_id": 99_999}, "maatregelId"),
    ):
        with pytest.raises(OngeldigeInvoer) as e:
            doe(o, mw.beleid, opdrachten.vastleggen, motie.model_copy(update=fout))
        assert veld in e.value.fouten, fout
    assert _audits(mw, "motie of toezegging vastleggen") == 1
    assert "over het versterken van de weerbaarheid van kleine havens" in rapport.html(
        doe(o, mw.beleid, rapport.stel_samen)
    )


def test_bijhouden_via_de_pagina_s(mw: Monitorwereld) -> None:
    with TestClient(maak_app(mw.w.omgeving)) as c:
        web_login(c, mw.beleid)
        assert 'href="/monitor/indicatoren/nieuw"' in c.get("/monitor").text
        t = csrf(c, "/monitor/indicatoren/nieuw")
        fout = c.post(
            "/monitor/indicatoren",
            data={**DEFINITIE, "optelbaar": "true", "eenheid": "", "csrf": t},
        )
        assert fout.status_code == 400 and "Vul een eenheid in, zoals aantal of euro." in fout.text
        assert 'value="Getrainde medewerkers van kleine havens"' in fout.text
        goed = c.post(
            "/monitor/indicatoren",
            data={**DEFINITIE, "optelbaar": "true", "csrf": t},
            follow_redirects=True,
        )
        assert "Indicator ‘Getrainde medewerkers van kleine havens’ toegevoegd" in goed.text
        assert "Definitie wijzigen" in goed.text
        motie = c.post(
            "/monitor/moties",
            data={
                "soort": "toezegging",
                "onderwerp": "de Kamer informeren over de havenalliantie",
                "tkStatus": "Openstaand",
                "csrf": t,
            },
            follow_redirects=True,
        )
        assert "Toezegging vastgelegd" in motie.text
    with TestClient(maak_app(mw.w.omgeving)) as c:
        web_login(c, mw.w.analist)
        assert 'href="/monitor/indicatoren/nieuw"' not in c.get("/monitor").text
        assert c.get("/monitor/indicatoren/nieuw").status_code == 403
        t = csrf(c, "/monitor")
        geweigerd = c.post("/monitor/indicatoren", data={**DEFINITIE, "csrf": t})
        assert geweigerd.status_code == 403
