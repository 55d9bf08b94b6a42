# SPDX-License-Identifier: EUPL-1.2
"""Gebiedsbeeld: area level only, small counts hidden, CBS-shaped rows read."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from integraal.app import maak_app
from integraal.domein.fouten import OngeldigeInvoer
from integraal.domein.invoer import valideer
from integraal.monitor import gebiedsbeeld
from integraal.monitor.gebiedsbeeld import GebiedsbeeldUit, Gebiedsniveau, Gebiedsvraag
from integraal.opslag.db import transactie
from tests.hulp import doe, token, web_login
from tests.monitor.conftest import Monitorwereld

# Rows in the shape cbsodata.get_data returns for police table 47018NED (fields as published:
# the measure column carries a numeric suffix, unknown values are None).
CBS_RIJEN = [
    {
        "ID": 0,
        "SoortMisdrijf": "Totaal misdrijven",
        "WijkenEnBuurten": "GM9998    ",
        "Perioden": "2024JJ00",
        "GeregistreerdeMisdrijven_1": 812.0,
    },
    {
        "ID": 1,
        "SoortMisdrijf": "Totaal misdrijven",
        "WijkenEnBuurten": "WK999801  ",
        "Perioden": "2024JJ00",
        "GeregistreerdeMisdrijven_1": 3.0,
    },
    {
        "ID": 2,
        "SoortMisdrijf": "Totaal misdrijven",
        "WijkenEnBuurten": "BU99980101",
        "Perioden": "2024JJ00",
        "GeregistreerdeMisdrijven_1": None,
    },
]


def test_rijen_van_het_cbs_lezen() -> None:
    rijen = gebiedsbeeld.lees_rijen(CBS_RIJEN, "GeregistreerdeMisdrijven_1")
    assert [(r.gebied, r.periode, r.waarde) for r in rijen] == [
        ("GM9998", "2024", 812.0),
        ("WK999801", "2024", 3.0),
    ]
    assert gebiedsbeeld.ouder("BU99980101") == "WK999801"
    assert gebiedsbeeld.ouder("WK999801") == "GM9998"


@pytest.mark.parametrize("code", ["3011AA", "Kerkstraat 1", "NL00", "BU9998010"])
def test_nooit_fijner_dan_een_buurt(code: str) -> None:
    with pytest.raises(OngeldigeInvoer, match="gemeente-, wijk- of buurtcodes"):
        gebiedsbeeld.lees_rijen([{**CBS_RIJEN[0], "WijkenEnBuurten": code}], "x")


def test_beeld_met_kleine_aantallen_verborgen(mw: Monitorwereld) -> None:
    with transactie(mw.w.omgeving.fabriek) as s:
        b = gebiedsbeeld.beeld(s, "buurt", "Witwassen", "2024")
        assert b is not None
        assert {w.code[:2] for w in b.waarden} == {"BU"} and len(b.waarden) == 9
        assert all(
            w.cel.waarde is None or w.cel.waarde == 0 or w.cel.waarde >= 5 for w in b.waarden
        )
        assert any(w.cel.waarde is None for w in b.waarden)
        kaart = gebiedsbeeld.tegelkaart(b)
        assert kaart.startswith("<svg") and "<title>Witwassen per buurt, 2024</title>" in kaart
        with pytest.raises(OngeldigeInvoer):
            gebiedsbeeld.beeld(s, "adres")


def test_bekijken_als_dienst_met_een_vraag(mw: Monitorwereld) -> None:
    vraag = valideer(Gebiedsvraag, {"niveau": "wijk", "onderwerp": "Drugshandel"})
    b = doe(mw.w.omgeving, mw.w.analist, gebiedsbeeld.bekijk, vraag)
    uit = GebiedsbeeldUit.van(b)
    assert (uit.niveau, uit.onderwerp) == (Gebiedsniveau.WIJK, "Drugshandel")
    assert uit.waarden and {w.code[:2] for w in uit.waarden} == {"WK"}
    assert {w.ligt_in for w in uit.waarden} == {"GM9999"}
    # a hidden small count stays hidden in the output model: no value, never the count
    verborgen = {w.code for w in b.waarden if w.cel.waarde is None}
    assert {w.code for w in uit.waarden if w.waarde is None} == verborgen
    assert all(w.waarde is None or w.waarde == 0 or w.waarde >= 5 for w in uit.waarden)
    with pytest.raises(OngeldigeInvoer) as fout:
        valideer(Gebiedsvraag, {"niveau": "adres"})
    assert fout.value.fouten == {"niveau": "Kies gemeente, wijk of buurt."}


def test_pagina_en_api(mw: Monitorwereld) -> None:
    with TestClient(maak_app(mw.w.omgeving)) as c:
        web_login(c, mw.beleid)
        r = c.get("/monitor/gebiedsbeeld", params={"niveau": "wijk", "onderwerp": "Drugshandel"})
        assert r.status_code == 200 and "fictieve voorbeeldcijfers" in r.text
        assert "Havenkwartier" in r.text and "<svg" in r.text
        assert "Er is een probleem" not in r.text
        # A filter asking for something finer than a buurt is refused at its field; the page
        # shows what it shows without the filter, never the finer level.
        fout = c.get("/monitor/gebiedsbeeld", params={"niveau": "adres"})
        assert fout.status_code == 200
        assert "Er is een probleem" in fout.text and 'id="veld-niveau-fout"' in fout.text
        assert "Kies gemeente, wijk of buurt." in fout.text
        assert "per buurt, 2024" in fout.text
        csv = c.get("/monitor/gebiedsbeeld.csv", params={"niveau": "gemeente"})
        assert csv.status_code == 200 and "GM9999" in csv.text and "BU9999" not in csv.text
        kop = token(c, mw.beleid)
        api = c.get("/api/v1/monitor/gebiedsbeeld", params={"niveau": "gemeente"}, headers=kop)
        assert api.status_code == 200
        assert api.json()["niveau"] == "gemeente"
        assert [w["code"] for w in api.json()["waarden"]] == ["GM9999"]
        assert {"code", "naam", "ligtIn", "waarde"} <= set(api.json()["waarden"][0])
        fout_api = c.get("/api/v1/monitor/gebiedsbeeld", params={"niveau": "adres"}, headers=kop)
        assert fout_api.status_code == 400
        assert [p["name"] for p in fout_api.json()["invalidParams"]] == ["niveau"]
