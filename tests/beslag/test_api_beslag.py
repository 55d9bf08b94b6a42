# SPDX-License-Identifier: EUPL-1.2
"""The seizure chain over the API: register, step, figures, and the beslagene's own page."""

from __future__ import annotations

import csv
import io
from typing import Any

import sqlalchemy as sa
from fastapi.testclient import TestClient

from integraal.app import maak_app
from integraal.export import MEDIATYPEN
from integraal.opslag.db import transactie
from integraal.opslag.modellen import LogboekRegel
from tests.beslag.conftest import Keten
from tests.hulp import token

KVI: dict[str, Any] = {
    "kviNummer": "KVI-API-1",
    "beslagenOp": "2026-03-02",
    "beslagene": "Jan de Vries",
    "items": [
        {
            "soort": "contant",
            "omschrijving": "Contant geld",
            "grond": "94-wederrechtelijk-voordeel",
            "categorie": 4,
            "bedragEuro": 2500,
        },
        {
            "soort": "voertuig",
            "omschrijving": "Scooter",
            "grond": "94-verbeurdverklaring",
            "categorie": 2,
            "kenmerk": "QQ-12-QQ",
        },
    ],
}


def _log(k: Keten) -> int:
    with transactie(k.o.fabriek) as s:
        return int(s.scalar(sa.select(sa.func.count()).select_from(LogboekRegel)) or 0)


def test_keten_via_de_api(keten: Keten) -> None:
    k = keten
    with TestClient(maak_app(k.o)) as c:
        agent, ovj, hovj = token(c, k.agent), token(c, k.officier), token(c, k.hulpofficier)
        weg = c.post("/api/v1/kennisgevingen", json=KVI, headers=token(c, k.w.analist))
        assert weg.status_code == 403 and "beslagketen" in weg.json()["detail"]
        fout = c.post(
            "/api/v1/kennisgevingen",
            json={**KVI, "items": [{**KVI["items"][0], "categorie": 9}]},
            headers=agent,
        )
        assert fout.status_code == 400
        assert fout.json()["invalidParams"][0]["name"] == "items.0.categorie"
        r = c.post("/api/v1/kennisgevingen", json=KVI, headers=agent)
        assert r.status_code == 201, r.text
        geld, scooter = r.json()["objectIds"]
        code = r.json()["inzagecode"]

        stap = c.post(
            f"/api/v1/beslagobjecten/{scooter}/_overgang",
            json={"naar": "in_bewaring"},
            headers=hovj,
        )
        assert stap.status_code == 400 and "kan het object niet" in stap.text
        assert (
            c.post(
                f"/api/v1/beslagobjecten/{scooter}/_overgang",
                json={"naar": "gehandhaafd"},
                headers=hovj,
            ).status_code
            == 204
        )
        detail = c.get(f"/api/v1/beslagobjecten/{scooter}", headers=ovj).json()
        assert (
            detail["object"]["status"] == "gehandhaafd"
            and detail["object"]["beslagene"] == "Jan de Vries"
        )
        assert {v["naar"] for v in detail["vervolg"]} >= {"in_bewaring", "teruggegeven"}
        assert detail["termijnen"][0]["soort"] == "f2_beheerbeslissing"

        cijfers = c.get("/api/v1/beslagcijfers?jaar=2026", headers=ovj).json()
        assert cijfers[0]["eigenCenten"] == 2_500_00
        # CSV is the default format (asking for it explicitly is refused: see below).
        export = c.get("/api/v1/beslagcijfers/export?jaar=2026", headers=ovj)
        assert export.status_code == 200 and export.headers["content-type"].startswith("text/csv")
        rijen = list(csv.reader(io.StringIO(export.content.decode("utf-8-sig")), delimiter=";"))
        assert rijen[0][2] == "Beslagwaarde eigen beslag (euro)" and rijen[1][:3] == [
            "2026",
            rijen[1][1],
            "2500,0",  # a decimal comma, as Dutch spreadsheet programs read CSV
        ]

        # The beslagene's page: a wrong code says nothing and reads nothing.
        voor = _log(k)
        onbekend = c.post("/api/v1/beslag/_inzage", json={"code": "AAAA-BBBB-CCCC-DDDD"})
        assert onbekend.status_code == 404 and "Jan" not in onbekend.text
        assert _log(k) == voor
        eigen = c.post("/api/v1/beslag/_inzage", json={"code": code})
        assert eigen.status_code == 200
        body = eigen.json()
        assert body["naam"] == "Jan de Vries" and [o["id"] for o in body["objecten"]] == [
            geld,
            scooter,
        ]
        assert any("klaagschrift" in x for x in body["objecten"][1]["rechten"])
        assert _log(k) == voor + 2
        assert geld


def test_cijfers_als_excel(keten: Keten) -> None:
    with TestClient(maak_app(keten.o)) as c:
        r = c.get(
            "/api/v1/beslagcijfers/export?formaat=xlsx&jaar=2026", headers=token(c, keten.officier)
        )
        assert r.status_code == 200, r.text
        assert r.headers["content-type"].startswith(MEDIATYPEN["xlsx"].split(";")[0])
        assert r.content[:2] == b"PK"  # an xlsx file is a zip archive
