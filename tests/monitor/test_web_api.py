# SPDX-License-Identifier: EUPL-1.2
"""The monitor's pages and API for the policy officer; the PDF report rendered to images."""

from __future__ import annotations

import io

import pytest
from fastapi.testclient import TestClient
from openpyxl import load_workbook

from integraal.app import maak_app
from tests.hulp import csrf, token, web_login
from tests.monitor.conftest import Monitorwereld


def test_paginas_voor_de_beleidsmedewerker(mw: Monitorwereld) -> None:
    with TestClient(maak_app(mw.w.omgeving)) as c:
        web_login(c, mw.beleid)
        start = c.get("/monitor")
        assert start.status_code == 200 and "Monitor van de aanpak" in start.text
        assert "Doorbreken" in start.text and "Beslag Informatiesysteem (BIS)" in start.text
        fin = c.get("/monitor/financien")
        assert "zijn nagerekend en kloppen" in fin.text and "705.900" in fin.text
        assert "<svg" in fin.text and "<title>Plan en realisatie 2023" in fin.text
        zoek = c.get("/monitor/documenten", params={"q": "witwaszaken"})
        assert "<mark>witwaszaken</mark>" in zoek.text
        kwaad = c.get("/monitor/documenten", params={"q": '"<script>'})
        assert "<script>" not in kwaad.text.split("<main")[1]
        moties = c.get("/monitor/moties", params={"soort": "motie"})
        assert "Six Dijkstra (NSC)" in moties.text and ">motie</td>" in moties.text
        assert ">toezegging</td>" not in moties.text
        csv = c.get("/monitor/financien/tabel-3.csv")
        assert csv.status_code == 200 and "Preventie met gezag" in csv.text
        xlsx = c.get("/monitor/moties.xlsx")
        blad = load_workbook(io.BytesIO(xlsx.content)).active
        assert blad is not None and blad.max_row == 27  # header + 26 records
        assert c.get("/monitor/indicatoren/bestaat-niet").status_code == 404


def test_een_herziening_via_het_formulier(mw: Monitorwereld) -> None:
    with TestClient(maak_app(mw.w.omgeving)) as c:
        web_login(c, mw.beleid)
        t = csrf(c, "/monitor/indicatoren/beslagwaarde")
        fout = c.post(
            "/monitor/indicatoren/beslagwaarde",
            data={"periode": "2023", "waarde": "veel", "bron": "OM", "csrf": t},
        )
        assert fout.status_code == 400 and "vul een getal in" in fout.text
        r = c.post(
            "/monitor/indicatoren/beslagwaarde",
            data={"periode": "2023", "waarde": "402,6", "bron": "OM, na-ijl", "csrf": t},
            follow_redirects=False,
        )
        assert r.status_code == 303
        pagina = c.get("/monitor/indicatoren/beslagwaarde")
        assert "402,6 (herzien)" in pagina.text and "371,8" in pagina.text  # history kept


def test_een_analist_ziet_maar_wijzigt_niet(mw: Monitorwereld) -> None:
    with TestClient(maak_app(mw.w.omgeving)) as c:
        web_login(c, mw.w.analist)
        pagina = c.get("/monitor/moties/1")
        assert pagina.status_code == 200 and "Beoordeling opslaan" not in pagina.text
        r = c.post(
            "/monitor/moties/1",
            data={"tk_status": "Voldaan", "csrf": csrf(c, "/monitor/moties/1")},
        )
        assert r.status_code == 403 and "beleidsmedewerkers" in r.text


def test_api(mw: Monitorwereld) -> None:
    with TestClient(maak_app(mw.w.omgeving)) as c:
        kop = token(c, mw.beleid)
        fin = c.get("/api/v1/monitor/financien", headers=kop).json()
        assert fin["afwijkingen"] == [] and len(fin["tabellen"]) == 5
        r = c.put(
            "/api/v1/monitor/opdrachten/3/beoordeling",
            headers=kop,
            json={"tkStatus": "Verloren"},
        )
        assert r.status_code == 400
        assert [p["name"] for p in r.json()["invalidParams"]] == ["tk_status"]
        r = c.put(
            "/api/v1/monitor/opdrachten/3/beoordeling",
            headers=kop,
            json={"tkStatus": "Voldaan", "uitvoering": "uitgevoerd"},
        )
        assert r.status_code == 204
        [o] = [o for o in c.get("/api/v1/monitor/opdrachten", headers=kop).json() if o["id"] == 3]
        assert (o["tkStatus"], o["uitvoering"], o["beoordeeld"]) == ("Voldaan", "uitgevoerd", True)
        ind = c.get("/api/v1/monitor/indicatoren/uitspraken", headers=kop).json()
        assert {p["uitsplitsing"] for p in ind["punten"]} == {
            "Schuldig",
            "Vrijspraak",
            "Overig",
            "",
        }
        anders = token(c, mw.w.analist)
        r = c.post(
            "/api/v1/monitor/indicatoren/beslagwaarde/waarden",
            headers=anders,
            json={"periode": "2024", "waarde": 1, "bron": "x"},
        )
        assert r.status_code == 403
        treffers = c.get("/api/v1/monitor/documenten", headers=kop, params={"zoek": "HARC"})
        assert treffers.status_code == 200 and treffers.json()
        assert c.get("/api/v1/monitor/structuur").status_code == 401


@pytest.mark.slow
def test_het_pdf_rapport_wordt_getekend_met_grafieken(mw: Monitorwereld) -> None:
    import pypdfium2 as pdfium

    with TestClient(maak_app(mw.w.omgeving)) as c:
        web_login(c, mw.beleid)
        r = c.get("/monitor/rapport.pdf")
    assert r.status_code == 200 and r.headers["content-type"] == "application/pdf"
    pdf = pdfium.PdfDocument(r.content)
    try:
        teksten = [pdf[i].get_textpage().get_text_range() for i in range(len(pdf))]
        assert len(pdf) >= 8
        assert "Voortgangsrapportage" in teksten[0] and "Peildatum" in teksten[0]
        assert any("Bijlage: moties en toezeggingen" in t for t in teksten)
        assert any("Tabel 5" in t for t in teksten)
        # the page with the plan-against-realisation chart shows its bars in both colours
        pagina = next(i for i, t in enumerate(teksten) if "Plan en realisatie 2023" in t)
        beeld = pdf[pagina].render(scale=1).to_pil().convert("RGB")
        kleuren = {kleur for _, kleur in beeld.getcolors(maxcolors=1 << 20) or []}
        assert (0x15, 0x42, 0x73) in kleuren and (0xE1, 0x70, 0x00) in kleuren
    finally:
        pdf.close()
