# SPDX-License-Identifier: EUPL-1.2
"""Deliveries: formats, idempotence, transactions, row errors in Dutch, minimisation."""

from __future__ import annotations

import io
import json

import pytest
import sqlalchemy as sa
from openpyxl import Workbook

from integraal import logboek
from integraal.bronnen import importeren as imp
from integraal.bronnen.importeren import GeenLeverancier, Importresultaat, importeer
from integraal.bronnen.lezers import OnleesbaarBestand
from integraal.bronnen.mapping import Mapping, meegeleverde_mappings
from integraal.demo import synthetisch
from integraal.domein.actor import Actor
from integraal.opslag.db import transactie
from integraal.opslag.modellen import Levering, LogboekRegel, Statement
from tests.conftest import BSN_JAN, BSN_KLAAS, VERGUNNINGEN_CSV, Wereld, maak_actor
from tests.hulp import levering_in_behandeling

M = meegeleverde_mappings()


def _importeer(
    w: Wereld, actor: Actor, mapping: Mapping, naam: str, inhoud: bytes, casus: str | None = "C-1"
) -> Importresultaat:
    return importeer(w.omgeving.context, actor, mapping, naam, inhoud, casus_id=casus)


def _tel(w: Wereld, model: type) -> int:
    with transactie(w.omgeving.fabriek) as s:
        return int(s.scalar(sa.select(sa.func.count()).select_from(model)) or 0)


def test_csv_levering_wordt_statements_met_herkomst(wereld: Wereld) -> None:
    r = _importeer(
        wereld, wereld.gemeente, M["demo-gemeente-vergunningen"], "v.csv", VERGUNNINGEN_CSV
    )
    assert r.status == "verwerkt" and r.rijen_goed == 2 and r.rijen_fout == 0
    with transactie(wereld.omgeving.fabriek) as s:
        st = s.scalars(
            sa.select(Statement).where(Statement.prop == "name", Statement.schema == "Person")
        ).all()
        assert {x.value for x in st} == {"Jan de Vries", "Klaas Bakker"}
        for x in st:
            assert x.bron_id == "gemeente-rotterdam" and x.houder_id == "riec-rotterdam"
            assert (
                x.grondslag == "WGS-RIEC-IN" and x.categorie == "identiteit" and x.casus_id == "C-1"
            )
            assert x.dataset == "gemeente-rotterdam-vergunningen" and x.source_record_id in (
                "D1",
                "D2",
            )
        datum = s.scalars(sa.select(Statement).where(Statement.prop == "birthDate")).all()
        assert {(d.value, d.original_value) for d in datum} == {
            ("1980-02-01", "01-02-1980"),
            ("1970-12-31", "31-12-1970"),
        }


def test_bsn_wordt_nergens_onversleuteld_opgeslagen(wereld: Wereld) -> None:
    _importeer(wereld, wereld.gemeente, M["demo-gemeente-vergunningen"], "v.csv", VERGUNNINGEN_CSV)
    with transactie(wereld.omgeving.fabriek) as s:
        for tabel in (
            "statement",
            "levering",
            "logboek_regel",
            "logboek_betrokkene",
            "audit_record",
        ):
            for rij in s.execute(sa.text(f"SELECT * FROM {tabel}")):
                tekst = " ".join(str(v) for v in rij)
                assert BSN_JAN not in tekst and BSN_KLAAS not in tekst, tabel


def test_zelfde_levering_twee_keer_verandert_niets(wereld: Wereld) -> None:
    eerste = _importeer(
        wereld, wereld.gemeente, M["demo-gemeente-vergunningen"], "v.csv", VERGUNNINGEN_CSV
    )
    with transactie(wereld.omgeving.fabriek) as s:
        voor = sorted((x.id, x.last_seen) for x in s.scalars(sa.select(Statement)))
    logregels = _tel(wereld, LogboekRegel)
    tweede = _importeer(
        wereld,
        wereld.gemeente,
        M["demo-gemeente-vergunningen"],
        "andere-naam.csv",
        VERGUNNINGEN_CSV,
    )
    assert tweede.al_ontvangen and tweede.levering_id == eerste.levering_id
    with transactie(wereld.omgeving.fabriek) as s:
        na = sorted((x.id, x.last_seen) for x in s.scalars(sa.select(Statement)))
    assert voor == na
    assert _tel(wereld, LogboekRegel) == logregels
    assert _tel(wereld, Levering) == 1


def test_nieuwe_levering_met_bekende_waarden_werkt_alleen_laatst_gezien_bij(wereld: Wereld) -> None:
    _importeer(wereld, wereld.gemeente, M["demo-gemeente-vergunningen"], "v.csv", VERGUNNINGEN_CSV)
    n = _tel(wereld, Statement)
    r = _importeer(
        wereld,
        wereld.gemeente,
        M["demo-gemeente-vergunningen"],
        "v2.csv",
        VERGUNNINGEN_CSV.replace(b"D2;", b"D2b;"),
    )
    assert r.status == "verwerkt" and r.statements_nieuw == 0
    assert _tel(wereld, Statement) == n


def test_rijfouten_in_het_nederlands_met_rij_en_kolom(wereld: Wereld) -> None:
    csv_ = VERGUNNINGEN_CSV + (
        b"D3;123456789;Foute;Bsn;01-01-1990;Straat;1;3011AA;Rotterdam;;;;\n"
        b"D4;999990032;Foute;Datum;1990-01-01;Straat;1;3011AA;Rotterdam;;;;\n"
        b"D5;999990044;Foute;Postcode;01-01-1990;Straat;1;ABCD;Rotterdam;;;;\n"
    )
    r = _importeer(wereld, wereld.gemeente, M["demo-gemeente-vergunningen"], "v.csv", csv_)
    assert r.status == "verwerkt" and r.rijen_goed == 2 and r.rijen_fout == 3
    assert {(f["rij"], f["kolom"]) for f in r.fouten} == {
        (4, "bsn"),
        (5, "geboortedatum"),
        (6, "postcode"),
    }
    redenen = " ".join(f["reden"] for f in r.fouten)
    assert "elfproef" in redenen and "31-12-2024" in redenen and "1234 AB" in redenen
    assert "123456789" not in redenen  # reasons never echo the value
    assert r.melding and "3 rijen overgeslagen" in r.melding


def test_mapping_die_weigert_slaat_niets_op_bij_een_fout(wereld: Wereld) -> None:
    belasting = maak_actor(wereld.omgeving, "belasting", "belastingdienst")
    csv_ = (
        "regel;bsn;naam;geboortedatum;iban;bank\n"
        f"1;{BSN_JAN};J. de Vries;1980-02-01;NL91ABNA0417164300;Bank\n"
        f"2;{BSN_KLAAS};K. Bakker;1970-12-31;NL91ABNA0417164301;Bank\n"
    ).encode()
    r = _importeer(wereld, belasting, M["demo-belastingdienst-rekeningen"], "r.csv", csv_)
    assert r.status == "geweigerd" and r.rijen_fout == 1
    assert r.fouten == [
        {
            "rij": 3,
            "kolom": "iban",
            "reden": "IBAN is ongeldig (controlegetal of lengte klopt niet)",
        }
    ]
    assert _tel(wereld, Statement) == 0


def test_ontbrekende_kolommen_weigeren_de_levering(wereld: Wereld) -> None:
    r = _importeer(
        wereld, wereld.gemeente, M["demo-gemeente-vergunningen"], "v.csv", b"bsn;naam\n1;2\n"
    )
    assert r.status == "geweigerd"
    assert r.melding and "kolommen ontbreken" in r.melding and "achternaam" in r.melding


@pytest.mark.parametrize(
    ("naam", "inhoud", "woord"),
    [
        ("v.pdf", b"%PDF", "bestandsformaat"),
        ("v.csv", b"", "leeg"),
        ("v.csv", b"\xff\xfe\x00x", "UTF-8"),
        ("v.xlsx", b"geen excel", "Excel"),
    ],
)
def test_onleesbaar_bestand_geeft_duidelijke_fout(
    wereld: Wereld, naam: str, inhoud: bytes, woord: str
) -> None:
    try:
        r = _importeer(wereld, wereld.gemeente, M["demo-gemeente-vergunningen"], naam, inhoud)
    except OnleesbaarBestand as exc:
        assert woord in str(exc)
        return
    assert r.status == "geweigerd" and r.melding and woord in r.melding


def test_excel_levering(wereld: Wereld) -> None:
    boek = Workbook()
    blad = boek.active
    assert blad is not None
    regels = [r.split(";") for r in VERGUNNINGEN_CSV.decode().strip().splitlines()]
    for regel in regels:
        blad.append(regel)
    buf = io.BytesIO()
    boek.save(buf)
    r = _importeer(
        wereld, wereld.gemeente, M["demo-gemeente-vergunningen"], "v.xlsx", buf.getvalue()
    )
    assert r.status == "verwerkt" and r.rijen_goed == 2 and r.entiteiten == 6


def test_ftm_levering_slaat_alleen_gedeclareerde_eigenschappen_op(wereld: Wereld) -> None:
    politie = maak_actor(wereld.omgeving, "politie", "politie")
    regels = [
        {
            "id": "p1",
            "schema": "Person",
            "properties": {
                "name": ["Jan de Vries"],
                "birthDate": ["1980-02-01"],
                "notes": ["geheime zaaksinfo"],
                "religion": ["niet nodig"],
            },
        },
        {"id": "x1", "schema": "Payment", "properties": {"amount": ["10"]}},
        "geen json",
    ]
    inhoud = "\n".join(r if isinstance(r, str) else json.dumps(r) for r in regels).encode()
    r = _importeer(wereld, politie, M["demo-politie-ftm"], "p.jsonl", inhoud)
    assert r.status == "verwerkt" and r.rijen_goed == 1 and r.rijen_fout == 2
    assert r.melding and "2 waarden niet opgeslagen" in r.melding
    with transactie(wereld.omgeving.fabriek) as s:
        props = set(s.scalars(sa.select(Statement.prop)))
        waarden = " ".join(s.scalars(sa.select(Statement.value)))
    assert props == {"name", "birthDate"}
    assert "geheime" not in waarden and "niet nodig" not in waarden


def test_levering_zonder_grondslag_wordt_geweigerd_met_uitleg(wereld: Wereld) -> None:
    r = _importeer(
        wereld,
        wereld.gemeente,
        M["demo-gemeente-vergunningen"],
        "v.csv",
        VERGUNNINGEN_CSV,
        casus="C-2",
    )
    assert r.status == "geweigerd"
    # The explanation in words: what is not yet met, what to do; no rule or decision ids
    # (those are in the processing log for whoever audits it).
    assert r.melding and r.melding.startswith("Dit mag nu niet")
    assert "objectieve aanwijzingen" in r.melding and "Zorg dat hieraan is voldaan" in r.melding
    assert "WGS-RIEC-IN" not in r.melding
    assert _tel(wereld, Statement) == 0 and _tel(wereld, LogboekRegel) == 0


def test_geweigerde_levering_wordt_opnieuw_beoordeeld(wereld: Wereld) -> None:
    from integraal.opslag.modellen import Casus

    eerst = _importeer(
        wereld,
        wereld.gemeente,
        M["demo-gemeente-vergunningen"],
        "v.csv",
        VERGUNNINGEN_CSV,
        casus="C-2",
    )
    assert eerst.status == "geweigerd"
    with transactie(wereld.omgeving.fabriek) as s:
        c = s.get(Casus, "C-2")
        assert c is not None
        c.aanwijzingen = "Nu wel: bestuurlijke rapportage ontvangen."
    daarna = _importeer(
        wereld,
        wereld.gemeente,
        M["demo-gemeente-vergunningen"],
        "v.csv",
        VERGUNNINGEN_CSV,
        casus="C-2",
    )
    assert daarna.status == "verwerkt" and daarna.levering_id == eerst.levering_id


def test_alleen_de_partner_zelf_levert(wereld: Wereld) -> None:
    with pytest.raises(GeenLeverancier):
        _importeer(
            wereld, wereld.analist, M["demo-gemeente-vergunningen"], "v.csv", VERGUNNINGEN_CSV
        )


def test_afgebroken_import_laat_geen_halve_levering_na(
    wereld: Wereld, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The context writes the processing log through this module function.
    echt = logboek.schrijf

    def crash(*a: object, **k: object) -> list[int]:
        raise RuntimeError("stroom uitgevallen")

    monkeypatch.setattr(logboek, "schrijf", crash)
    with pytest.raises(RuntimeError):
        _importeer(
            wereld, wereld.gemeente, M["demo-gemeente-vergunningen"], "v.csv", VERGUNNINGEN_CSV
        )
    assert _tel(wereld, Statement) == 0 and _tel(wereld, LogboekRegel) == 0
    with transactie(wereld.omgeving.fabriek) as s:
        lev = s.scalars(sa.select(Levering)).one()
        assert lev.status == "mislukt"
    monkeypatch.setattr(logboek, "schrijf", echt)
    r = _importeer(
        wereld, wereld.gemeente, M["demo-gemeente-vergunningen"], "v.csv", VERGUNNINGEN_CSV
    )
    assert r.status == "verwerkt" and not r.al_ontvangen
    assert _tel(wereld, Levering) == 1


def test_onderbroken_levering_wordt_bij_opstart_hersteld(wereld: Wereld) -> None:
    levering_in_behandeling(wereld.omgeving, "x")
    assert imp.herstel_onderbroken(wereld.omgeving.fabriek) == 1
    with transactie(wereld.omgeving.fabriek) as s:
        lev = s.get(Levering, "x")
        assert lev is not None and lev.status == "mislukt"


def test_elke_geleverde_entiteit_staat_in_het_logboek(wereld: Wereld) -> None:
    r = _importeer(
        wereld, wereld.gemeente, M["demo-gemeente-vergunningen"], "v.csv", VERGUNNINGEN_CSV
    )
    with transactie(wereld.omgeving.fabriek) as s:
        regels = [json.loads(x) for x in s.scalars(sa.select(LogboekRegel.inhoud))]
    assert len(regels) == r.entiteiten
    for lijn in regels:
        assert lijn["naam"] == "levering ontvangen"
        assert lijn["dpl.integraal.provider"] == "gemeente-rotterdam"
        assert lijn["dpl.integraal.recipient"] == "riec-rotterdam"
        assert "WGS-RIEC-IN" in lijn["dpl.integraal.rule_id"]
        assert lijn["dpl.integraal.case_id"] == "C-1"


def test_voortgang_wordt_gemeld_tegen_een_schatting(
    wereld: Wereld, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The caller's progress callback (the CLI's) every VOORTGANG_ELKE rows; and with each
    staged batch the rows read, stored with the delivery against its estimate, so any app
    process can show the bar."""
    from integraal.bronnen.importeren import VOORTGANG_ELKE
    from integraal.bronnen.lezers import schat_rijen

    kop, rij = VERGUNNINGEN_CSV.decode().splitlines()[:2]
    # Each row another person, so the rows make new statements and batches fill up.
    rijen = [
        rij.replace("D1;", f"D{i};", 1).replace(BSN_JAN, bsn)
        for i, bsn in zip(range(1, 601), synthetisch.test_bsns(), strict=False)
    ]
    inhoud = (kop + "\n" + "\n".join(rijen) + "\n").encode()
    assert schat_rijen("csv", io.BytesIO(inhoud)) == 600
    assert schat_rijen("ftm", io.BytesIO(b'{"a":1}\n{"b":2}')) == 2
    monkeypatch.setattr(imp, "BLOK", 500)

    gemeld: list[int] = []
    opgeslagen: list[tuple[int | None, int | None]] = []

    def volg(n: int) -> None:
        gemeld.append(n)
        with transactie(wereld.omgeving.fabriek, lezen=True) as s:
            lev = s.scalars(sa.select(Levering).where(Levering.status == "in_behandeling")).one()
            opgeslagen.append((lev.rijen_gelezen, lev.rijen_geschat))

    r = importeer(
        wereld.omgeving.context,
        wereld.gemeente,
        meegeleverde_mappings()["demo-gemeente-vergunningen"],
        "groot.csv",
        inhoud,
        casus_id="C-1",
        voortgang=volg,
    )
    assert r.status == "verwerkt" and r.rijen_totaal == 600
    assert gemeld == list(range(VOORTGANG_ELKE, 601, VOORTGANG_ELKE))
    assert {geschat for _, geschat in opgeslagen} == {600}
    gelezen = [g for g, _ in opgeslagen]
    assert gelezen == sorted(gelezen)
    assert any(0 < (g or 0) < 600 for g in gelezen), "progress was stored while reading"
