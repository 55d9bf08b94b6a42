# SPDX-License-Identifier: EUPL-1.2
"""Exports of a case overview: Dutch column labels, no formula injection, audited, same via API."""

from __future__ import annotations

import csv
import io

import pytest
import sqlalchemy as sa
from fastapi.testclient import TestClient
from openpyxl import load_workbook

from integraal.app import maak_app
from integraal.bronnen.importeren import importeer
from integraal.bronnen.mapping import meegeleverde_mappings
from integraal.casus import casussen
from integraal.export import KOLOMMEN, naar_csv, naar_xlsx, veilig
from integraal.opslag.db import transactie
from integraal.opslag.modellen import AuditRecord, Statement
from integraal.toegang import Entiteitbeeld
from integraal.toegang.lezen import Herkomst
from tests.conftest import BSN_JAN, Wereld
from tests.hulp import token

KWAADAARDIG = ['=HYPERLINK("http://x")', "+31 6 1234", "-2+3", "@SUM(A1)", "\tx", "\rx"]


@pytest.mark.parametrize("waarde", KWAADAARDIG)
def test_veilig_ontwapent_formules(waarde: str) -> None:
    assert veilig(waarde) == "'" + waarde
    assert veilig("Jan " + waarde) == "Jan " + waarde


def _beeld() -> Entiteitbeeld:
    h = [
        Herkomst("name", v, "gemeente", "riec", "identiteit", "R1", "L1", "", "")
        for v in KWAADAARDIG
    ]
    return Entiteitbeeld("p1", "Person", {"name": KWAADAARDIG}, h)


def test_csv_en_excel_bevatten_geen_uitvoerbare_cel() -> None:
    rijen = list(csv.reader(io.StringIO(naar_csv([_beeld()]).decode("utf-8-sig")), delimiter=";"))
    assert tuple(rijen[0]) == KOLOMMEN
    assert rijen[1][:5] == ["p1", "Persoon", "Person", "Naam", "name"]
    blad = load_workbook(io.BytesIO(naar_xlsx([_beeld()]))).active
    assert blad is not None
    cellen = [str(c.value) for rij in blad.iter_rows(min_row=2) for c in rij if c.value]
    for waarden in ([r[5] for r in rijen[1:]], cellen):
        assert not any(str(v).startswith(("=", "+", "-", "@", "\t", "\r")) for v in waarden)


def _koppel_jan(w: Wereld) -> None:
    with transactie(w.omgeving.fabriek) as s:
        jan = str(
            s.scalars(
                sa.select(Statement.entity_id).where(Statement.value == "Jan de Vries")
            ).first()
        )
        casussen.koppel_subject(s, w.omgeving.beslisser, w.analist, "C-1", jan)


def test_export_via_api_langs_de_regels_en_vastgelegd(met_levering: Wereld) -> None:
    w = met_levering
    # A delivered value that a spreadsheet would execute.
    importeer(
        w.omgeving.fabriek,
        w.omgeving.beslisser,
        w.gemeente,
        meegeleverde_mappings()["demo-gemeente-vergunningen"],
        "kwaad.csv",
        (
            "dossiernummer;bsn;voornamen;achternaam;geboortedatum;straat;huisnummer;postcode;"
            f"plaats;bedrijfsnaam;kvk;vergunning;functie\nD9;{BSN_JAN};=2+5;de Vries;01-02-1980;"
            "Kerkstraat;1;3011AA;Rotterdam;;;;\n"
        ).encode(),
        pseudoniem_sleutel=w.omgeving.pseudoniem_sleutel,
        casus_id="C-1",
    )
    _koppel_jan(w)
    with TestClient(maak_app(w.omgeving)) as c:
        weg = c.get("/api/v1/casussen/C-1/export", headers=token(c, w.buitenstaander))
        assert weg.status_code == 404 and "Jan" not in weg.text

        r = c.get("/api/v1/casussen/C-1/export?formaat=csv", headers=token(c, w.analist))
        assert r.status_code == 200, r.text
        assert r.headers["content-type"].startswith("text/csv")
        tekst = r.content.decode("utf-8-sig")
        assert "Jan de Vries" in tekst and "Geboortedatum" in tekst
        cellen = [v for rij in csv.reader(io.StringIO(tekst), delimiter=";") for v in rij]
        assert "'=2+5" in cellen and not any(v.startswith("=") for v in cellen)

        x = c.get("/api/v1/casussen/C-1/export?formaat=xlsx", headers=token(c, w.analist))
        assert x.status_code == 200
        blad = load_workbook(io.BytesIO(x.content)).active
        assert blad is not None
        waarden = [str(c.value) for rij in blad.iter_rows() for c in rij if c.value]
        assert "Jan de Vries" in waarden and "'=2+5" in waarden
        assert not any(v.startswith("=") for v in waarden)

        fout = c.get("/api/v1/casussen/C-1/export?formaat=pdf", headers=token(c, w.analist))
        assert fout.status_code == 400
        assert fout.headers["content-type"].startswith("application/problem+json")

    with transactie(w.omgeving.fabriek) as s:
        acties = list(s.scalars(sa.select(AuditRecord.actie)))
    assert acties.count("casus exporteren (csv)") == 1
    assert acties.count("casus exporteren (xlsx)") == 1
