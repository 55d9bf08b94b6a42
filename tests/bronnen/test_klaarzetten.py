# SPDX-License-Identifier: EUPL-1.2
"""A large delivery is written in bounded batches that no reader sees until it is complete,
so other writers take turns and readers see all of a delivery or none of it (0021)."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from typing import Any

import pytest
import sqlalchemy as sa

from integraal import logboek
from integraal.bronnen import importeren as imp
from integraal.bronnen.mapping import meegeleverde_mappings
from integraal.demo import synthetisch
from integraal.opslag.db import transactie
from integraal.opslag.leveringen import KlaarRij
from integraal.opslag.modellen import (
    AuditRecord,
    KlaargezetStatement,
    Levering,
    LogboekRegel,
    Statement,
)
from tests.conftest import BSN_JAN, VERGUNNINGEN_CSV, Wereld
from tests.hulp import dode_werker

M = meegeleverde_mappings()


def _groot(n: int, fout_in: int | None = None) -> bytes:
    """`n` rows, each a different person (so a different entity) with a company."""
    kop, rij = VERGUNNINGEN_CSV.decode().splitlines()[:2]
    rijen = [
        rij.replace("D1;", f"D{i};", 1).replace(BSN_JAN, bsn)
        for i, bsn in zip(range(n), synthetisch.test_bsns(), strict=False)
    ]
    if fout_in is not None:
        rijen[fout_in] = rijen[fout_in].replace("01-02-1980", "31-02-1980")
    return (kop + "\n" + "\n".join(rijen) + "\n").encode()


def _lever(w: Wereld) -> imp.Importresultaat:
    return imp.importeer(
        w.omgeving.context,
        w.gemeente,
        M["demo-gemeente-vergunningen"],
        "g.csv",
        _groot(300),
        casus_id="C-1",
    )


def _tel(w: Wereld, model: type) -> int:
    with transactie(w.omgeving.fabriek, lezen=True) as s:
        return int(s.scalar(sa.select(sa.func.count()).select_from(model)) or 0)


def _plaatsingen(monkeypatch: pytest.MonkeyPatch) -> list[KlaarRij]:
    """The staged rows of the next delivery, as they are staged."""
    echt = imp._blokken
    geplaatst: list[KlaarRij] = []

    def blokken(*a: Any, **k: Any) -> Iterator[list[KlaarRij]]:
        for blok in echt(*a, **k):
            geplaatst.extend(blok)
            yield blok

    monkeypatch.setattr(imp, "_blokken", blokken)
    return geplaatst


@pytest.fixture
def kleine_blokken(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(imp, "BLOK", 100)


def _tussendoor(monkeypatch: pytest.MonkeyPatch, na_blok: int, doe: Any) -> list[int]:
    """Run `doe` between two batches, outside any transaction of the import."""
    echt = imp._blokken
    gezien: list[int] = []

    def blokken(*a: Any, **k: Any) -> Iterator[list[dict[str, Any]]]:
        for i, blok in enumerate(echt(*a, **k), start=1):
            yield blok
            gezien.append(len(blok))
            if i == na_blok:
                doe()

    monkeypatch.setattr(imp, "_blokken", blokken)
    return gezien


@pytest.mark.usefixtures("kleine_blokken")
def test_lezers_zien_een_levering_pas_als_ze_helemaal_binnen_is(
    wereld: Wereld, monkeypatch: pytest.MonkeyPatch
) -> None:
    tussenstand: dict[str, int] = {}

    def kijk() -> None:
        tussenstand["statements"] = _tel(wereld, Statement)
        tussenstand["klaargezet"] = _tel(wereld, KlaargezetStatement)

    blokken = _tussendoor(monkeypatch, 2, kijk)
    r = _lever(wereld)
    assert r.status == "verwerkt" and r.rijen_goed == 300
    assert len(blokken) >= 4 and max(blokken) <= 100 + 10
    assert tussenstand["statements"] == 0 and tussenstand["klaargezet"] >= 200
    assert _tel(wereld, Statement) == r.statements_nieuw > 300
    assert _tel(wereld, KlaargezetStatement) == 0


@pytest.mark.usefixtures("kleine_blokken")
def test_een_andere_schrijver_komt_tussen_twee_blokken_aan_de_beurt(
    wereld: Wereld, monkeypatch: pytest.MonkeyPatch
) -> None:
    def schrijf() -> None:
        # The same process: without batches this would wait for the whole delivery.
        with wereld.omgeving.context(wereld.analist, imp.Kanaal.WEB) as ctx:
            ctx.audit("tussendoor", "uitgevoerd")

    _tussendoor(monkeypatch, 1, schrijf)
    r = _lever(wereld)
    assert r.status == "verwerkt"
    with transactie(wereld.omgeving.fabriek, lezen=True) as s:
        volgorde = list(s.scalars(sa.select(AuditRecord.actie).order_by(AuditRecord.id)))
    # The other writer's record lies between the offer and the processing of the delivery.
    assert volgorde.index("levering aanbieden") < volgorde.index("tussendoor")
    assert volgorde.index("tussendoor") < volgorde.index("levering verwerken")


@pytest.mark.usefixtures("kleine_blokken")
def test_een_crash_halverwege_laat_niets_zichtbaars_en_niets_klaargezets_na(
    wereld: Wereld, monkeypatch: pytest.MonkeyPatch
) -> None:
    def crash() -> None:
        raise RuntimeError("stroom uitgevallen")

    _tussendoor(monkeypatch, 2, crash)
    with pytest.raises(RuntimeError):
        _lever(wereld)
    assert _tel(wereld, Statement) == 0 and _tel(wereld, KlaargezetStatement) == 0
    with transactie(wereld.omgeving.fabriek, lezen=True) as s:
        assert s.scalars(sa.select(Levering.status)).one() == "mislukt"
    monkeypatch.undo()
    r = _lever(wereld)
    assert r.status == "verwerkt" and _tel(wereld, Statement) == r.statements_nieuw


@pytest.mark.usefixtures("kleine_blokken")
def test_een_gedode_levering_wordt_bij_opstart_opgeruimd(
    wereld: Wereld, monkeypatch: pytest.MonkeyPatch
) -> None:
    class Gedood(BaseException):
        """kill -9 leaves no chance to mark the delivery: nothing below catches this."""

    def dood() -> None:
        raise Gedood

    _tussendoor(monkeypatch, 2, dood)
    with pytest.raises(Gedood):
        _lever(wereld)
    assert _tel(wereld, KlaargezetStatement) >= 200 and _tel(wereld, Statement) == 0
    # While its process lives, a delivery is not another start-up's to clear.
    assert imp.herstel_onderbroken(wereld.omgeving.fabriek) == 0
    with transactie(wereld.omgeving.fabriek) as s:
        s.execute(sa.update(Levering).values(verwerker=dode_werker()))
    assert imp.herstel_onderbroken(wereld.omgeving.fabriek) == 1
    assert _tel(wereld, KlaargezetStatement) == 0


@pytest.mark.usefixtures("kleine_blokken")
def test_een_weigerende_mapping_laat_bij_een_late_fout_niets_na(wereld: Wereld) -> None:
    mapping = M["demo-gemeente-vergunningen"].model_copy(update={"bij_fout": imp.BijFout.WEIGEREN})
    r = imp.importeer(
        wereld.omgeving.context,
        wereld.gemeente,
        mapping,
        "g.csv",
        _groot(300, fout_in=250),
        casus_id="C-1",
    )
    assert r.status == "geweigerd" and r.rijen_fout == 1 and r.rijen_totaal == 300
    assert _tel(wereld, Statement) == 0 and _tel(wereld, KlaargezetStatement) == 0


def test_na_een_levering_kent_de_planner_de_tabel(wereld: Wereld) -> None:
    """Statistics after each delivery: without them SQLite chose the wrong index."""
    _lever(wereld)
    with transactie(wereld.omgeving.fabriek, lezen=True) as s:
        if s.get_bind().dialect.name == "sqlite":
            rijen = s.scalar(sa.text("SELECT count(*) FROM sqlite_stat1 WHERE tbl = 'statement'"))
        else:
            rijen = s.scalar(sa.text("SELECT reltuples FROM pg_class WHERE relname = 'statement'"))
    assert rijen and rijen > 0


def test_de_logregels_van_een_grote_levering_gaan_in_blokken(
    wereld: Wereld, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Every entity gets its line, written a block at a time, in one unbroken chain."""
    monkeypatch.setattr(imp, "LOGBLOK", 7)
    geschreven: list[int] = []
    echt = logboek.schrijf

    def tel(sessie: Any, regels: Any) -> list[int]:
        geschreven.append(len(regels))
        return echt(sessie, regels)

    monkeypatch.setattr(logboek, "schrijf", tel)
    r = _lever(wereld)
    assert r.entiteiten > 7 and sum(geschreven) == r.entiteiten and max(geschreven) == 7
    with transactie(wereld.omgeving.fabriek, lezen=True) as s:
        namen = list(s.scalars(sa.select(LogboekRegel.inhoud)))
        assert logboek.verifieer(s).in_orde
    assert sum('"levering ontvangen"' in n for n in namen) == r.entiteiten


def test_direct_schrijven_mengt_niet_met_uitgestelde_regels(wereld: Wereld) -> None:
    with wereld.omgeving.context(wereld.analist, imp.Kanaal.WEB) as ctx:
        regel = ctx.verwerking(
            None,
            naam="proef",
            doel="integrale_aanpak",
            verstrekker=None,
            ontvanger=None,
            categorieen=(),
        )
        with pytest.raises(ValueError, match="ander spoor"):
            ctx.log_nu([dataclasses.replace(regel, trace_id="ander")])
        ctx.log([regel])
        with pytest.raises(RuntimeError, match="uitgestelde"):
            ctx.log_nu([regel])


@pytest.mark.usefixtures("kleine_blokken")
def test_een_statement_in_twee_blokken_wordt_een_keer_bewaard(
    wereld: Wereld, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Every row names the same company. A delivery's memory of what it staged is bounded,
    so a statement that recurs far enough apart is staged again (the staging table has no key
    on the statement, migration 0021); here the memory forgets everything. Each statement is
    still stored once, as first staged, counted once as new and, on SQLite, indexed for
    search once."""
    monkeypatch.setattr(imp._Gezien, "nieuw", lambda self, statement_id: True)
    geplaatst = _plaatsingen(monkeypatch)
    r = _lever(wereld)
    ids = {rij.id for rij in geplaatst}
    assert len(geplaatst) > len(ids), "the company's statements were staged more than once"
    with transactie(wereld.omgeving.fabriek, lezen=True) as s:
        bewaard = list(
            s.scalars(sa.select(Statement.id).where(Statement.levering_id == r.levering_id))
        )
        assert len(bewaard) == len(set(bewaard)) and set(bewaard) == ids
        # Staged twice, stored as first staged (here the record of the first row naming it).
        eerst: dict[str, str] = {}
        for rij in geplaatst:
            eerst.setdefault(rij.id, rij.source_record_id)
        opgeslagen = dict(
            s.execute(
                sa.select(Statement.id, Statement.source_record_id).where(
                    Statement.levering_id == r.levering_id
                )
            ).all()
        )
        assert opgeslagen == eerst
        assert len(set(eerst.values())) > 1
        if wereld.omgeving.database.dialect.name == "sqlite":
            doorzoekbaar = {
                rij.id
                for rij in geplaatst
                if rij.prop_type != "entity" and "-pseudo:" not in rij.value
            }
            zoek = s.scalar(sa.text("SELECT count(*) FROM statement_zoek"))
            assert zoek == len(doorzoekbaar)
    assert r.statements_nieuw == len(ids)
    assert _tel(wereld, KlaargezetStatement) == 0


@pytest.mark.usefixtures("kleine_blokken")
def test_een_terugkerend_statement_wordt_een_keer_klaargezet(
    wereld: Wereld, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The company on every row is staged once, in the first batch, though the delivery's
    memory is smaller than what it stages: what keeps recurring stays remembered."""
    monkeypatch.setattr(imp, "GEZIEN", 1)  # at least twice a batch: 200 ids a generation
    geplaatst = _plaatsingen(monkeypatch)
    r = _lever(wereld)
    assert len(geplaatst) == len({rij.id for rij in geplaatst}) > 2 * 2 * imp.BLOK
    bedrijf = [rij for rij in geplaatst if rij.schema == "Company"]
    assert bedrijf and {rij.source_record_id for rij in bedrijf} == {"D0"}
    assert r.statements_nieuw == len(geplaatst)


def test_het_geheugen_van_een_levering_is_begrensd() -> None:
    gezien = imp._Gezien(3)
    assert [gezien.nieuw(i) for i in "abcab"] == [True, True, True, False, False]
    for i in "defghijkl":
        assert gezien.nieuw(i)
        assert len(gezien) <= 2 * 3
    assert gezien.nieuw("a"), "seen long ago: forgotten"
    for i in "mnopqrstuv":  # one that keeps recurring stays remembered
        gezien.nieuw(i)
        assert not gezien.nieuw("a")
