# SPDX-License-Identifier: EUPL-1.2
"""Gebiedsbeeld: area level only, small counts hidden, CBS-shaped rows read."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from integraal.app import maak_app
from integraal.domein.fouten import OngeldigeInvoer
from integraal.monitor import gebiedsbeeld
from integraal.opslag.db import transactie
from tests.hulp import token, web_login
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


def test_pagina_en_api(mw: Monitorwereld) -> None:
    with TestClient(maak_app(mw.w.omgeving)) as c:
        web_login(c, mw.beleid)
        r = c.get("/monitor/gebiedsbeeld", params={"niveau": "wijk", "onderwerp": "Drugshandel"})
        assert r.status_code == 200 and "fictieve voorbeeldcijfers" in r.text
        assert "Havenkwartier" in r.text and "<svg" in r.text
        assert c.get("/monitor/gebiedsbeeld", params={"niveau": "adres"}).status_code == 400
        csv = c.get("/monitor/gebiedsbeeld.csv", params={"niveau": "gemeente"})
        assert "GM9999" in csv.text
        api = c.get(
            "/api/v1/monitor/gebiedsbeeld",
            params={"niveau": "gemeente"},
            headers=token(c, mw.beleid),
        ).json()
        assert [w["code"] for w in api["waarden"]] == ["GM9999"]
