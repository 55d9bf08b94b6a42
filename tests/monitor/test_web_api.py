# SPDX-License-Identifier: EUPL-1.2
"""The monitor's pages and API for the policy officer; the PDF report as a background job,
rendered to images."""

from __future__ import annotations

import io
import re
from typing import Any

import httpx
import pytest
from fastapi.testclient import TestClient
from openpyxl import load_workbook

from integraal.app import maak_app
from integraal.domein.errata import ERRATA, verbeter
from integraal.domein.rollen import Rol
from integraal.monitor import rapport
from tests.conftest import PRODUCTIE, maak_actor
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
        zoek = c.get("/monitor/documenten", params={"zoek": "witwaszaken"})
        assert "<mark>witwaszaken</mark>" in zoek.text
        vaag = c.get("/monitor/documenten", params={"zoek": "de van het a"})
        assert "Er is een probleem" in vaag.text and "Zoek op een woord dat meer" in vaag.text
        kwaad = c.get("/monitor/documenten", params={"zoek": '"<script>'})
        assert kwaad.status_code == 200 and "<script>" not in kwaad.text.split("<main")[1]
        leeg = c.get("/monitor/documenten", params={"zoek": " "})
        assert (
            "Er is een probleem" in leeg.text
            and "Vul een of meer woorden in, samen hoogstens 200 tekens." in leeg.text
        )
        # filters and columns show labels, never codes
        moties = c.get("/monitor/moties", params={"soort": "motie"})
        assert "Six Dijkstra (NSC)" in moties.text and ">Motie</td>" in moties.text
        assert ">Toezegging</td>" not in moties.text and "(gefilterd)" in moties.text
        assert ">in_uitvoering<" not in moties.text and ">In uitvoering</td>" in moties.text
        onbekend = c.get("/monitor/moties", params={"soort": "wet"})
        assert "Kies motie of toezegging." in onbekend.text and ">Toezegging</td>" in onbekend.text
        csv = c.get("/monitor/financien/tabel-3.csv")
        assert csv.status_code == 200 and "Preventie met gezag" in csv.text
        xlsx = c.get("/monitor/moties.xlsx")
        blad = load_workbook(io.BytesIO(xlsx.content)).active
        assert blad is not None and blad.max_row == 27  # header + 26 records
        niet = c.get("/monitor/indicatoren/bestaat-niet")
        assert niet.status_code == 404 and "Deze indicator bestaat niet." in niet.text
        # a value from the letter links to its paragraph, and that paragraph holds it
        omg = c.get("/monitor/indicatoren/omg-verboden")
        m = re.search(r'href="/monitor/documenten/([^"#]+)#p(\d+)">Lees de passage', omg.text)
        assert m and "<q>Vanaf 2016 zijn zeven OMG" in omg.text
        brief = c.get(f"/monitor/documenten/{m[1]}")
        alinea = re.search(rf'id="p{m[2]}">([^<]*)<', brief.text)
        assert alinea and "zeven OMG" in alinea[1]


def test_een_herziening_via_het_formulier(mw: Monitorwereld) -> None:
    with TestClient(maak_app(mw.w.omgeving)) as c:
        web_login(c, mw.beleid)
        t = csrf(c, "/monitor/indicatoren/beslagwaarde")
        fout = c.post(
            "/monitor/indicatoren/beslagwaarde",
            data={"periode": "2023", "waarde": "veel", "bron": "OM", "csrf": t},
        )
        assert fout.status_code == 400 and "Er is een probleem" in fout.text
        assert "Vul een getal in, zoals 371,8." in fout.text
        assert 'value="veel"' in fout.text  # what was typed is kept
        r = c.post(
            "/monitor/indicatoren/beslagwaarde",
            data={"periode": "2023", "waarde": "402,6", "bron": "OM, na-ijl", "csrf": t},
            follow_redirects=False,
        )
        assert r.status_code == 303 and r.headers["location"] == "/monitor/indicatoren/beslagwaarde"
        pagina = c.get("/monitor/indicatoren/beslagwaarde")
        assert "Waarde voor 2023 vastgelegd" in pagina.text  # the confirmation, once
        assert "402,6 mln euro (herzien)" in pagina.text
        assert "371,8 mln euro (voorlopig)" in pagina.text  # the earlier value is kept
        assert "Waarde voor 2023 vastgelegd" not in c.get("/monitor/indicatoren/beslagwaarde").text
        # a live indicator has no form, and a post to it anyway is a conflict
        live = c.get("/monitor/indicatoren/casussen-gestart")
        assert live.status_code == 200 and "Waarde of herziening vastleggen" not in live.text
        r = c.post(
            "/monitor/indicatoren/casussen-gestart",
            data={"periode": "2023", "waarde": "3", "bron": "x", "csrf": t},
        )
        assert r.status_code == 409


def test_de_status_van_een_maatregel_op_haar_eigen_pagina(mw: Monitorwereld) -> None:
    with TestClient(maak_app(mw.w.omgeving)) as c:
        web_login(c, mw.beleid)
        pagina = c.get("/monitor/maatregelen/1")
        assert pagina.status_code == 200 and 'name="status"' in pagina.text
        t = csrf(c, "/monitor/maatregelen/1")
        fout = c.post(
            "/monitor/maatregelen/1", data={"status": "afgerond", "eind": "31-02-2026", "csrf": t}
        )
        assert fout.status_code == 400 and "Er is een probleem" in fout.text
        assert "deze datum bestaat niet" in fout.text.lower()
        r = c.post(
            "/monitor/maatregelen/1",
            data={"status": "afgerond", "eind": "31-12-2026", "csrf": t},
            follow_redirects=False,
        )
        assert r.status_code == 303 and r.headers["location"] == "/monitor#maatregelen"
        start = c.get("/monitor")
        assert "’ bijgewerkt: afgerond" in start.text
        na = c.get("/monitor/maatregelen/1")
        assert ">Afgerond<" in na.text and "31-12-2026" in na.text
        assert c.get("/monitor/maatregelen/9999").status_code == 404
    with TestClient(maak_app(mw.w.omgeving)) as c:
        web_login(c, mw.coordinator)
        pagina = c.get("/monitor/maatregelen/1")
        assert pagina.status_code == 200 and 'name="status"' not in pagina.text
        r = c.post(
            "/monitor/maatregelen/1",
            data={"status": "gestopt", "csrf": csrf(c, "/monitor/maatregelen/1")},
        )
        assert r.status_code == 403 and "beleidsmedewerkers" in r.text


def test_een_analist_ziet_maar_wijzigt_niet(mw: Monitorwereld) -> None:
    with TestClient(maak_app(mw.w.omgeving)) as c:
        web_login(c, mw.w.analist)
        pagina = c.get("/monitor/moties/1")
        assert pagina.status_code == 200 and "Beoordeling opslaan" not in pagina.text
        r = c.post(
            "/monitor/moties/1",
            data={"tkStatus": "Voldaan", "csrf": csrf(c, "/monitor/moties/1")},
        )
        assert r.status_code == 403 and "beleidsmedewerkers" in r.text


def test_een_motie_beoordelen_via_het_formulier(mw: Monitorwereld) -> None:
    with TestClient(maak_app(mw.w.omgeving)) as c:
        web_login(c, mw.beleid)
        pagina = c.get("/monitor/moties/3")
        assert 'name="tkStatus"' in pagina.text and 'name="maatregelId"' in pagina.text
        t = csrf(c, "/monitor/moties/3")
        fout = c.post(
            "/monitor/moties/3",
            data={"tkStatus": "Verloren", "termijn": "morgen", "csrf": t},
        )
        assert fout.status_code == 400 and "Kies een status van de Tweede Kamer." in fout.text
        assert "Termijn: vul een datum in als dd-mm-jjjj." in fout.text
        r = c.post(
            "/monitor/moties/3",
            data={"tkStatus": "Voldaan", "maatregelId": "1", "termijn": "30-06-2026", "csrf": t},
            follow_redirects=False,
        )
        assert r.status_code == 303 and r.headers["location"] == "/monitor/moties/3"
        na = c.get("/monitor/moties/3")
        assert "beoordeeld: voldaan" in na.text and "30-06-2026" in na.text
        kop = token(c, mw.beleid)
        o = c.get("/api/v1/monitor/opdrachten", headers=kop, params={"status": "Voldaan"}).json()
        [drie] = [x for x in o if x["id"] == 3]
        assert (drie["beoordeeld"], drie["maatregelId"], drie["termijn"]) == (
            True,
            1,
            "2026-06-30",
        )


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
        assert [p["name"] for p in r.json()["invalidParams"]] == ["tkStatus"]
        r = c.put(
            "/api/v1/monitor/opdrachten/3/beoordeling",
            headers=kop,
            json={"tkStatus": "Voldaan", "uitvoering": "uitgevoerd"},
        )
        assert r.status_code == 200
        assert (r.json()["id"], r.json()["tkStatus"], r.json()["beoordeeld"]) == (
            3,
            "Voldaan",
            True,
        )
        [o] = [o for o in c.get("/api/v1/monitor/opdrachten", headers=kop).json() if o["id"] == 3]
        assert (o["tkStatus"], o["uitvoering"], o["beoordeeld"]) == ("Voldaan", "uitgevoerd", True)
        moties = c.get("/api/v1/monitor/opdrachten", headers=kop, params={"soort": "motie"})
        assert moties.json() and {m["soort"] for m in moties.json()} == {"motie"}
        onbekend = c.get("/api/v1/monitor/opdrachten", headers=kop, params={"soort": "wet"})
        assert onbekend.status_code == 400
        assert [p["name"] for p in onbekend.json()["invalidParams"]] == ["soort"]
        ind = c.get("/api/v1/monitor/indicatoren/uitspraken", headers=kop).json()
        assert {p["uitsplitsing"] for p in ind["punten"]} == {
            "Schuldig",
            "Vrijspraak",
            "Overig",
            "",
        }
        assert c.get("/api/v1/monitor/indicatoren/bestaat-niet", headers=kop).status_code == 404
        # a value as a client sends it: 201 with the point; the analyst may not
        r = c.post(
            "/api/v1/monitor/indicatoren/beslagwaarde/waarden",
            headers=kop,
            json={"periode": "2024", "waarde": 410.5, "bron": "OM", "voorlopig": True},
        )
        assert r.status_code == 201, r.text
        assert (r.json()["periode"], r.json()["waarde"], r.json()["voorlopig"]) == (
            "2024",
            410.5,
            True,
        )
        r = c.post(
            "/api/v1/monitor/indicatoren/casussen-gestart/waarden",
            headers=kop,
            json={"periode": "2024", "waarde": 1, "bron": "x"},
        )
        assert r.status_code == 409
        anders = token(c, mw.w.analist)
        r = c.post(
            "/api/v1/monitor/indicatoren/beslagwaarde/waarden",
            headers=anders,
            json={"periode": "2024", "waarde": 1, "bron": "x"},
        )
        assert r.status_code == 403
        # a measure's status: 200 with the measure as it now is
        r = c.put(
            "/api/v1/monitor/maatregelen/1",
            headers=kop,
            json={"status": "afgerond", "eind": "2026-12-31"},
        )
        assert r.status_code == 200, r.text
        assert (r.json()["id"], r.json()["status"], r.json()["eind"]) == (
            1,
            "afgerond",
            "2026-12-31",
        )
        r = c.put("/api/v1/monitor/maatregelen/1", headers=anders, json={"status": "lopend"})
        assert r.status_code == 403
        r = c.put("/api/v1/monitor/maatregelen/1", headers=kop, json={"status": "klaar"})
        assert r.status_code == 400
        assert [p["name"] for p in r.json()["invalidParams"]] == ["status"]
        treffers = c.get("/api/v1/monitor/documenten", headers=kop, params={"zoek": "HARC"})
        assert treffers.status_code == 200 and treffers.json()
        assert "«" in treffers.json()[0]["fragment"]
        assert c.get("/api/v1/monitor/structuur").status_code == 401


# --- The PDF report as a background job ---------------------------------------------------------


def _maak_pdf(c: TestClient) -> str:
    """Start the job from the monitor page and return the address of its progress page."""
    r = c.post("/monitor/rapport/pdf", data={"csrf": csrf(c, "/monitor")}, follow_redirects=False)
    assert r.status_code == 303, r.text
    pad = str(r.headers["location"])
    assert re.fullmatch(r"/monitor/rapport/pdf/[0-9a-f-]{36}", pad), pad
    return pad


def _wacht(c: TestClient, pad: str) -> httpx.Response:
    """Poll the progress page until the job is no longer busy (as the page's htmx does)."""
    for _ in range(120):
        r: httpx.Response = c.get(pad)
        assert r.status_code == 200, r.text
        if "Stap " not in r.text:
            return r
        bezig = c.get(pad, headers={"HX-Request": "true"})
        assert bezig.status_code == 200
    raise AssertionError("de PDF is na 120 keer vragen nog niet klaar")


def _pdf_of_melding(c: TestClient, pad: str) -> bytes | None:
    """The PDF, or None when this machine cannot lay one out (no WeasyPrint or Pango): then
    the job must end in its failed step with a Dutch message, never a server error."""
    stand = _wacht(c, pad)
    if "De PDF is klaar." in stand.text:
        bestand = c.get(f"{pad}/bestand")
        assert bestand.status_code == 200
        assert bestand.headers["content-type"] == "application/pdf"
        assert 'filename="voortgangsrapportage-' in bestand.headers["content-disposition"]
        assert bestand.content.startswith(b"%PDF-")
        return bytes(bestand.content)
    assert "PDF maken kan hier niet" in stand.text, stand.text
    assert "Bekijk de rapportage in de browser" in stand.text
    # nothing to download: the link leads back to the job's page
    r = c.get(f"{pad}/bestand", follow_redirects=False)
    assert r.status_code == 303 and r.headers["location"] == pad
    return None


# Laying out the PDF does not depend on the database (what goes into the report is tested on
# both in test_monitor.py): these run once, on the production database.
_EENMAAL = pytest.mark.parametrize("database_url", [PRODUCTIE], indirect=True)


@_EENMAAL
def test_de_pdf_wordt_op_de_achtergrond_gemaakt(mw: Monitorwereld) -> None:
    collega = maak_actor(mw.w.omgeving, "beleid2", "riec-rotterdam", Rol.BELEIDSMEDEWERKER)
    app = maak_app(mw.w.omgeving)
    with TestClient(app) as c:
        web_login(c, mw.beleid)
        assert "Rapportage als PDF maken" in c.get("/monitor").text
        # without the form's token no job starts
        assert c.post("/monitor/rapport/pdf", data={}, follow_redirects=False).status_code == 403
        pad = _maak_pdf(c)
        _pdf_of_melding(c, pad)
        assert c.get(pad[:-4] + "0000").status_code == 404
        # The job is its maker's: a colleague with the same role, on the same server, can
        # neither see nor download it (the same answer as for a job that does not exist).
        with TestClient(app) as ander:
            web_login(ander, collega)
            niet = ander.get(pad)
            assert niet.status_code == 404 and "Deze PDF bestaat niet (meer)" in niet.text
            assert ander.get(f"{pad}/bestand").status_code == 404
            assert ander.get(pad, headers={"HX-Request": "true"}).status_code == 404
        assert c.get(pad).status_code == 200  # still there for its maker


@_EENMAAL
def test_een_ander_app_proces_toont_dezelfde_pdf(mw: Monitorwereld) -> None:
    """Several app processes (issue 24): the job started in one is followed and downloaded
    in another, because step and file are in the database, not in the maker's memory."""
    with TestClient(maak_app(mw.w.omgeving)) as hier, TestClient(maak_app(mw.w.omgeving)) as daar:
        web_login(hier, mw.beleid)
        web_login(daar, mw.beleid)
        pad = _maak_pdf(hier)
        inhoud = _pdf_of_melding(daar, pad)
        if inhoud is not None:
            assert hier.get(f"{pad}/bestand").content == inhoud


@pytest.mark.parametrize(
    ("fout", "melding"),
    [
        (
            rapport.PdfNietBeschikbaar("PDF maken kan hier niet: Pango ontbreekt."),
            "PDF maken kan hier niet",
        ),
        (RuntimeError("kapot"), "Er ging iets mis bij het maken van de PDF"),
    ],
)
def test_een_mislukte_pdf_eindigt_in_de_stap_mislukt(
    mw: Monitorwereld, monkeypatch: pytest.MonkeyPatch, fout: Exception, melding: str
) -> None:
    def mislukt(_html: str, _bewaarmap: object = None) -> bytes:
        raise fout

    monkeypatch.setattr(rapport, "pdf", mislukt)
    # The job runs after the answer; an unexpected error is raised for the server log, the
    # person sees the failed step with a Dutch message, never a stack trace or a 500.
    with TestClient(maak_app(mw.w.omgeving), raise_server_exceptions=False) as c:
        web_login(c, mw.beleid)
        pad = _maak_pdf(c)
        stand = _wacht(c, pad)
        assert melding in stand.text and "kapot" not in stand.text
        assert "Bekijk de rapportage in de browser" in stand.text
        r = c.get(f"{pad}/bestand", follow_redirects=False)
        assert r.status_code == 303 and r.headers["location"] == pad
        assert c.get(pad, headers={"HX-Request": "true"}).headers.get("HX-Refresh") == "true"


@pytest.mark.slow
@_EENMAAL
def test_het_pdf_rapport_wordt_getekend_met_grafieken(mw: Monitorwereld) -> None:
    import pypdfium2 as pdfium

    with TestClient(maak_app(mw.w.omgeving)) as c:
        web_login(c, mw.beleid)
        inhoud = _pdf_of_melding(c, _maak_pdf(c))
    # CI installs Pango: here the PDF must really be made.
    assert inhoud is not None, "de PDF is niet gemaakt"
    pdf = pdfium.PdfDocument(inhoud)
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
        _keur_de_pagina_s(pdf, teksten)
    finally:
        pdf.close()


# A4 at 72 dpi is 595 x 842 points; the margins are 1.8 cm left and right (51 points) and 2 cm
# top and bottom (57 points, the page number stands in the bottom one).
_MARGE_X, _MARGE_Y = 45, 50


def _keur_de_pagina_s(pdf: Any, teksten: list[str]) -> None:
    """On the rendered pages: the contents' page numbers are right, no page or section is
    empty, nothing is printed in the side margins, and no slip of a letter's pen is repeated
    in the report's own words."""
    regels = [r.strip() for r in teksten[0].replace("\r", "").split("\n")]
    inhoud = [
        (m[1].strip(), int(m[2]))
        for r in regels
        if (m := re.match(r"^(.+?)\s?(?:\.\s)+\.?\s*(\d+)$", r))
    ]
    assert [t for t, _ in inhoud][:1] == ["Voorkomen"] and len(inhoud) >= 6, regels
    for titel, pagina in inhoud:
        koppen = [r.strip() for r in teksten[pagina - 1].replace("\r", "").split("\n")]
        assert titel in koppen, (titel, pagina, koppen[:3])
    for nr, tekst in enumerate(teksten, start=1):
        zonder_voet = re.sub(r"pagina \d+ van \d+", "", tekst).strip()
        assert len(zonder_voet) > 40, f"pagina {nr} is (bijna) leeg"
    alles = " ".join(" ".join(t.split()) for t in teksten)
    for leeg in ("Geen maatregelen vastgelegd", "nog geen", "Nog geen"):
        assert leeg not in alles
    for fout, goed in ERRATA.items():
        assert fout not in alles, (fout, goed)
    for nr in range(len(pdf)):
        beeld = pdf[nr].render(scale=1).to_pil().convert("L")
        breedte, hoogte = beeld.size
        for x0, x1 in ((0, _MARGE_X), (breedte - _MARGE_X, breedte)):
            vak = beeld.crop((x0, _MARGE_Y, x1, hoogte - _MARGE_Y))
            assert vak.getextrema()[0] > 245, f"pagina {nr + 1}: iets staat in de marge"


def test_elke_verbetering_is_een_echte_verschrijving() -> None:
    from integraal.monitor.bronbrieven import BRIEVEN

    brieven = " ".join(" ".join(p.read_text().split()) for p in BRIEVEN.glob("*.txt"))
    for fout, goed in ERRATA.items():
        assert fout in brieven and verbeter(fout) == goed
