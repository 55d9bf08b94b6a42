# SPDX-License-Identifier: EUPL-1.2
"""The case overview as a file: one sheet per part of the case page, Dutch column names and
labels, no formula injection, read through the rules and recorded; the same via API and web."""

from __future__ import annotations

import csv
import io
import json
import re
from dataclasses import dataclass
from typing import Any

import pytest
import sqlalchemy as sa
from fastapi.testclient import TestClient
from openpyxl import load_workbook

from integraal.app import maak_app
from integraal.casus import advies, casussen, deelverzoeken, export
from integraal.casus.advies import AdviesIn, InterventieBijwerken, VoorstelIn
from integraal.casus.casussen import Sluiten, SubjectIn
from integraal.casus.deelverzoeken import DeelverzoekIn
from integraal.delen import standaard_beslisser
from integraal.domein.actor import Actor
from integraal.domein.fouten import NietGevonden, OngeldigeInvoer
from integraal.domein.rollen import Rol
from integraal.export import KOLOMMEN, Blad, bladen, naar_csv, naar_xlsx, veilig
from integraal.opslag.db import transactie
from integraal.opslag.modellen import AuditRecord, LogboekRegel, Statement
from integraal.toegang import Entiteitbeeld
from integraal.toegang.lezen import Herkomst
from tests.conftest import BSN_JAN, Wereld, maak_actor
from tests.hulp import doe, lever, token, web_login

KWAADAARDIG = ['=HYPERLINK("http://x")', "+31 6 1234", "-2+3", "@SUM(A1)", "\tx", "\rx"]
GEVAARLIJK = ("=", "+", "-", "@", "\t", "\r")

# The sheets, in the order of the case page, each with its Dutch column names.
BLADEN = {
    "Casus": ["Gegeven", "Waarde"],
    "Subjecten": [
        "Soort",
        "Naam",
        "Gegeven",
        "Waarde",
        "Bron",
        "Categorie",
        "Deelregel",
        "Eerst gezien",
    ],
    "Deelverzoeken": ["Gevraagd op", "Aan", "Categorieën", "Waarom nodig", "Status", "Reden"],
    "Advies": ["Status", "Vastgesteld op", "Analyse en advies"],
    "Interventies": [
        "Soort",
        "Maatregel",
        "Eigenaar",
        "Status",
        "Gestart",
        "Afgerond",
        "Uitkomst",
        "Bedrag (euro)",
    ],
    "Tijdlijn": ["Datum", "Wat", "Wie"],
}
DATUM = re.compile(r"^\d{2}-\d{2}-\d{4}$")
# A hex digest (entity ids, references between entities) or a stored pseudonym.
HASH = re.compile(r"[0-9a-f]{32,}")


# --- Defusing cells (shared by every export) ----------------------------------------------------


@pytest.mark.parametrize("waarde", KWAADAARDIG)
def test_veilig_ontwapent_formules(waarde: str) -> None:
    assert veilig(waarde) == "'" + waarde
    assert veilig("Jan " + waarde) == "Jan " + waarde


def _beeld() -> Entiteitbeeld:
    h = [
        Herkomst("name", v, "gemeente-rotterdam", "riec", "identiteit", "WGS-RIEC-IN", "L1", "", "")
        for v in KWAADAARDIG
    ]
    h.append(
        Herkomst(
            "idNumber",
            "bsn-pseudo:" + "a" * 40,
            "gemeente-rotterdam",
            "riec",
            "identiteit",
            "WGS-RIEC-IN",
            "L1",
            "",
            "",
        )
    )
    return Entiteitbeeld("p1", "Person", {"name": KWAADAARDIG}, h)


def test_entiteitexport_bevat_geen_uitvoerbare_cel_en_geen_code() -> None:
    """The entity dump (the CLI's `entiteit --export`) defuses every value, and names
    organisations, categories and rules in words, never an id, hash or pseudonym."""
    beslisser = standaard_beslisser()
    tekst = naar_csv([_beeld()], beslisser).decode("utf-8-sig")
    rijen = list(csv.reader(io.StringIO(tekst), delimiter=";"))
    assert tuple(rijen[0]) == KOLOMMEN
    assert rijen[1][0] == "Persoon" and rijen[1][2] == "Naam"
    assert rijen[1][4] == "Gemeente Rotterdam" and rijen[1][5] != "identiteit"
    assert rijen[-1][3] == "BSN bekend (gepseudonimiseerd)"
    assert not HASH.search(tekst) and "gemeente-rotterdam" not in tekst
    assert "WGS-RIEC-IN" not in tekst and "p1" not in tekst
    blad = load_workbook(io.BytesIO(naar_xlsx([_beeld()], beslisser))).active
    assert blad is not None
    cellen = [str(c.value) for rij in blad.iter_rows(min_row=2) for c in rij if c.value]
    for waarden in ([r[3] for r in rijen[1:]], cellen):
        assert not any(str(v).startswith(GEVAARLIJK) for v in waarden)


def test_bladen_ontwapenen_elke_tekstcel_en_laten_getallen_staan() -> None:
    delen = [
        Blad("Eerste", ("Tekst", "Getal"), [(v, 1.5) for v in KWAADAARDIG]),
        Blad("Tweede", ("Tekst",), [("-5",)]),
    ]
    tekst = bladen(delen, "csv").decode("utf-8-sig")
    rijen = list(csv.reader(io.StringIO(tekst), delimiter=";"))
    assert rijen[:2] == [["Eerste"], ["Tekst", "Getal"]]
    assert [r[0] for r in rijen[2:8]] == ["'" + v for v in KWAADAARDIG]
    assert rijen[8:] == [[], ["Tweede"], ["Tekst"], ["'-5"]]
    boek = load_workbook(io.BytesIO(bladen(delen, "xlsx")))
    assert boek.sheetnames == ["Eerste", "Tweede"]
    assert [c.value for c in boek["Eerste"][2]] == ["'" + KWAADAARDIG[0], 1.5]
    assert boek["Tweede"]["A2"].value == "'-5"


# --- The case export ----------------------------------------------------------------------------


@dataclass
class Gevuld:
    """A case with a subject, a request, an adopted advice and one completed intervention."""

    w: Wereld
    coord: Actor
    jan: str


@pytest.fixture
def gevuld(met_levering: Wereld) -> Gevuld:
    w = met_levering
    o = w.omgeving
    coord = maak_actor(o, "coordinator", "riec-rotterdam", Rol.COORDINATOR)
    # A delivered value that a spreadsheet would execute.
    r = lever(
        o,
        w.gemeente,
        "demo-gemeente-vergunningen",
        "kwaad.csv",
        (
            "dossiernummer;bsn;voornamen;achternaam;geboortedatum;straat;huisnummer;postcode;"
            f"plaats;bedrijfsnaam;kvk;vergunning;functie\nD9;{BSN_JAN};=2+5;de Vries;01-02-1980;"
            "Kerkstraat;1;3011AA;Rotterdam;;;;\n"
        ).encode(),
        casus_id="C-1",
    )
    assert r.status == "verwerkt", r.melding
    with transactie(o.fabriek) as s:
        jan = str(
            s.scalars(
                sa.select(Statement.entity_id).where(Statement.value == "Jan de Vries")
            ).first()
        )
    doe(o, w.analist, casussen.koppel_subject, "C-1", SubjectIn(entiteit_id=jan))
    doe(
        o,
        w.analist,
        deelverzoeken.vraag,
        "C-1",
        DeelverzoekIn(
            verstrekker="politie",
            categorieen=["identiteit"],
            toelichting="Wie zijn de exploitanten?",
        ),
    )
    doe(
        o,
        w.analist,
        advies.stel_op,
        "C-1",
        AdviesIn(
            analyse="Exploitant gebruikt het pand om contant geld wit te wassen.",
            interventies=[
                VoorstelIn(maatregel="13b-sluiting", eigenaar="gemeente-rotterdam"),
                VoorstelIn(maatregel="navorderingsaanslag", eigenaar="belastingdienst"),
            ],
        ),
    )
    doe(o, coord, advies.stel_vast, "C-1")
    [sluiting] = doe(o, w.gemeente, advies.van_mijn_organisatie)
    doe(o, w.gemeente, advies.werk_bij, sluiting.id, InterventieBijwerken(status="in_uitvoering"))
    doe(
        o,
        w.gemeente,
        advies.werk_bij,
        sluiting.id,
        InterventieBijwerken(status="afgerond", uitkomst="beslag", bedrag_euro="1.250,50"),
    )
    return Gevuld(w, coord, jan)


def _secties(tekst: str) -> dict[str, list[list[str]]]:
    """A CSV export's titled sections: name → rows, the column names first."""
    uit: dict[str, list[list[str]]] = {}
    huidig: list[list[str]] | None = None
    for rij in csv.reader(io.StringIO(tekst), delimiter=";"):
        if not rij:
            huidig = None
        elif huidig is None:
            assert len(rij) == 1, rij
            huidig = uit[rij[0]] = []
        else:
            huidig.append(rij)
    return uit


def _kolom(rijen: list[list[Any]], naam: str) -> list[Any]:
    i = list(rijen[0]).index(naam)
    return [r[i] for r in rijen[1:]]


def _gegevens(rijen: list[list[Any]]) -> dict[str, Any]:
    return {r[0]: r[1] for r in rijen[1:]}


def _controleer_inhoud(s: dict[str, list[list[Any]]]) -> None:
    """What a member reads in the file, whichever format it is in."""
    assert list(s) == list(BLADEN)
    for naam, kolommen in BLADEN.items():
        assert list(s[naam][0]) == kolommen, naam

    casus = _gegevens(s["Casus"])
    assert casus["Nummer"] == "C-1" and casus["Status"] == "Open"
    assert casus["Samenwerkingsverband"] == "RIEC Rotterdam"
    assert casus["Leden"] == "Analist (RIEC Rotterdam)"
    assert DATUM.match(casus["Geopend op"])

    subjecten = s["Subjecten"]
    assert set(_kolom(subjecten, "Soort")) == {"Persoon"}
    assert set(_kolom(subjecten, "Bron")) == {"Gemeente Rotterdam"}
    paren = set(zip(_kolom(subjecten, "Gegeven"), _kolom(subjecten, "Waarde"), strict=True))
    assert {("Naam", "Jan de Vries"), ("Geboortedatum", "01-02-1980")} <= paren
    # The injected first name arrives defused, in its value and in the name built from it.
    assert {("Voornamen", "'=2+5"), ("Naam", "'=2+5 de Vries")} <= paren
    [naam] = set(_kolom(subjecten, "Naam"))
    assert naam in {"Jan de Vries", "'=2+5 de Vries"}
    assert "Identiteitsgegevens" in _kolom(subjecten, "Categorie")

    [verzoek] = s["Deelverzoeken"][1:]
    assert verzoek[1:5] == [
        "Politie",
        "Identiteitsgegevens",
        "Wie zijn de exploitanten?",
        "Wacht op goedkeuring",
    ]
    assert DATUM.match(verzoek[0])

    [adv] = s["Advies"][1:]
    assert adv[0] == "Vastgesteld" and DATUM.match(adv[1])
    assert adv[2] == "Exploitant gebruikt het pand om contant geld wit te wassen."

    interventies = {r[1]: r for r in s["Interventies"][1:]}
    sluiting = interventies["Pand sluiten (Opiumwet art. 13b)"]
    assert sluiting[0] == "Bestuurlijk" and sluiting[2] == "Gemeente Rotterdam"
    assert sluiting[3] == "Afgerond" and sluiting[6] == "Beslag gelegd"
    assert DATUM.match(sluiting[4]) and DATUM.match(sluiting[5])
    aanslag = interventies["(Navorderings)aanslag"]
    assert aanslag[:4] == ["Fiscaal", "(Navorderings)aanslag", "Belastingdienst", "Voorgesteld"]
    assert all(v in ("", None) for v in aanslag[4:])

    tijdlijn = s["Tijdlijn"][1:]
    assert [r[1] for r in tijdlijn] == [
        "Casus geopend",
        "Subject gekoppeld (persoon)",
        "Gegevens gevraagd aan Politie: identiteitsgegevens",
        "Handhavingsadvies vastgesteld",
        "Interventie afgerond: Pand sluiten (Opiumwet art. 13b) — beslag gelegd (€ 1.250,50)",
    ]
    assert [r[2] for r in tijdlijn][-1] == "Gemeente Rotterdam"
    assert all(DATUM.match(r[0]) for r in tijdlijn)

    cellen = [str(v) for rijen in s.values() for rij in rijen for v in rij if v not in ("", None)]
    assert not any(v.startswith(GEVAARLIJK) for v in cellen)
    # Codes and English names stay inside: labels and organisation names only.
    verboden = {
        "Person",
        "name",
        "firstName",
        "birthDate",
        "riec-rotterdam",
        "gemeente-rotterdam",
        "belastingdienst",
        "wacht_op_goedkeuring",
        "in_uitvoering",
        "13b-sluiting",
        "navorderingsaanslag",
        "identiteit",
        "integrale_aanpak",
    }
    assert not verboden & set(cellen)


def test_casusexport_via_api_langs_de_regels_en_vastgelegd(gevuld: Gevuld) -> None:
    w = gevuld.w
    with TestClient(maak_app(w.omgeving)) as c:
        for buiten in (w.buitenstaander, w.gemeente):
            weg = c.get("/api/v1/casussen/C-1/export", headers=token(c, buiten))
            assert weg.status_code == 404 and "Jan" not in weg.text

        with transactie(w.omgeving.fabriek) as s:
            voor = int(s.scalar(sa.select(sa.func.max(LogboekRegel.volgnummer))) or 0)
        r = c.get("/api/v1/casussen/C-1/export?formaat=csv", headers=token(c, w.analist))
        assert r.status_code == 200, r.text
        assert r.headers["content-type"].startswith("text/csv")
        assert 'filename="casus-C-1.csv"' in r.headers["content-disposition"]
        _controleer_inhoud(_secties(r.content.decode("utf-8-sig")))

        x = c.get("/api/v1/casussen/C-1/export?formaat=xlsx", headers=token(c, w.analist))
        assert x.status_code == 200
        boek = load_workbook(io.BytesIO(x.content))
        xs = {blad.title: [list(rij) for rij in blad.iter_rows(values_only=True)] for blad in boek}
        _controleer_inhoud(xs)
        # In Excel an amount is a number, not text.
        [bedrag] = [v for v in _kolom(xs["Interventies"], "Bedrag (euro)") if v not in ("", None)]
        assert bedrag == pytest.approx(1250.50)

        fout = c.get("/api/v1/casussen/C-1/export?formaat=pdf", headers=token(c, w.analist))
        assert fout.status_code == 400
        assert fout.headers["content-type"].startswith("application/problem+json")
        assert [p["name"] for p in fout.json()["invalidParams"]] == ["formaat"]

    with transactie(w.omgeving.fabriek) as s:
        audits = [
            a
            for a in s.scalars(sa.select(AuditRecord).order_by(AuditRecord.id))
            if a.actie.startswith("casus exporteren")
        ]
        lezingen = [
            json.loads(x)
            for x in s.scalars(sa.select(LogboekRegel.inhoud).where(LogboekRegel.volgnummer > voor))
        ]
    # Only the two exports that left the system are recorded, each as itself.
    assert [(a.actie, a.resultaat, a.details) for a in audits] == [
        ("casus exporteren (csv)", "toegestaan", {"casus": "C-1"}),
        ("casus exporteren (xlsx)", "toegestaan", {"casus": "C-1"}),
    ]
    # The subject was read through the rules for the export, under the export's own trace.
    gelezen = [x for x in lezingen if x["naam"] == "entiteit lezen"]
    assert {x["trace_id"] for x in gelezen} == {a.trace_id for a in audits}
    assert {x["dpl.integraal.case_id"] for x in gelezen} == {"C-1"}


def test_casusexport_via_de_webapplicatie(gevuld: Gevuld) -> None:
    w = gevuld.w
    with TestClient(maak_app(w.omgeving)) as c:
        web_login(c, w.analist)
        r = c.get("/casussen/C-1/export.xlsx")
        assert r.status_code == 200
        assert r.headers["content-type"].startswith(
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        )
        assert load_workbook(io.BytesIO(r.content)).sheetnames == list(BLADEN)
        assert c.get("/casussen/C-1/export.pdf").status_code == 404
        c.cookies.clear()
        web_login(c, w.buitenstaander)
        weg = c.get("/casussen/C-1/export.csv")
        assert weg.status_code == 404 and "Jan" not in weg.text
    with transactie(w.omgeving.fabriek) as s:
        herkomst = [
            a.herkomst
            for a in s.scalars(sa.select(AuditRecord))
            if a.actie.startswith("casus exporteren")
        ]
    assert herkomst == ["web"]


def test_gesloten_casus_en_onzichtbaar_subject(gevuld: Gevuld) -> None:
    w, o = gevuld.w, gevuld.w.omgeving
    with pytest.raises(OngeldigeInvoer) as exc:
        doe(o, w.analist, export.exporteer, "C-1", "pdf")
    assert set(exc.value.fouten) == {"formaat"}
    with pytest.raises(NietGevonden):
        doe(o, w.buitenstaander, export.exporteer, "C-1", "csv")
    doe(
        o,
        gevuld.coord,
        casussen.sluit,
        "C-1",
        Sluiten(reden="Pand gesloten, beslag gelegd.", open_interventies_bevestigd=True),
    )
    s = _secties(doe(o, w.analist, export.exporteer, "C-1", "csv").decode("utf-8-sig"))
    casus = _gegevens(s["Casus"])
    assert casus["Status"] == "Gesloten" and DATUM.match(casus["Gesloten op"])
    assert casus["Reden van sluiten"] == "Pand gesloten, beslag gelegd."
    assert s["Tijdlijn"][-1][1] == "Casus gesloten: Pand gesloten, beslag gelegd."
    # Once closed, the case no longer opens the partners' data: the subject is named only by
    # its kind, nothing of it is in the file.
    assert s["Subjecten"][1:] == [["Persoon", "niet zichtbaar voor u", "", "", "", "", "", ""]]
    assert "Jan" not in json.dumps(s)


def test_casusexport_zonder_hashes_pseudoniemen_of_iso_datums(gevuld: Gevuld) -> None:
    w = gevuld.w
    s = _secties(doe(w.omgeving, w.analist, export.exporteer, "C-1", "csv").decode("utf-8-sig"))
    cellen = [v for rijen in s.values() for rij in rijen for v in rij]
    assert not any(HASH.search(v) or "-pseudo:" in v for v in cellen)
    assert gevuld.jan not in cellen
    assert all(DATUM.match(v) for v in _kolom(s["Subjecten"], "Eerst gezien"))
