# SPDX-License-Identifier: EUPL-1.2
"""Search at volume: a substring found through the trigram index, case folded; the groups
the rule engine decides on kept at import instead of scanned for (decision record 0022)."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from itertools import product
from typing import Any

import pytest
import sqlalchemy as sa

from integraal.opslag import statements
from integraal.opslag.db import transactie
from integraal.opslag.modellen import Statement, StatementGroep
from integraal.toegang import Entiteitbeeld, Leesvraag, zoek_entiteiten
from tests.conftest import BSN_JAN, Wereld
from tests.hulp import doe, lever

NAMEN_CSV = (
    "dossiernummer;bsn;voornamen;achternaam;geboortedatum;straat;huisnummer;postcode;plaats;"
    "bedrijfsnaam;kvk;vergunning;functie\n"
    "D7;999990032;Ayşe;Öztürk;03-04-1985;Łódźstraat;7;3013CC;Rotterdam;;;;\n"
).encode()


def _zoek(w: Wereld, term: str, casus: str | None = "C-1") -> list[Entiteitbeeld]:
    return doe(
        w.omgeving, w.analist, zoek_entiteiten, Leesvraag("integrale_aanpak", casus), term=term
    )


def _namen(gevonden: list[Entiteitbeeld]) -> set[str]:
    return {n for b in gevonden for n in b.eigenschappen.get("name", [])}


def test_een_deel_van_een_naam_vindt_het_in_hoofd_of_kleine_letters(met_levering: Wereld) -> None:
    for term in ("VRIES", "vries", "de Vr", "Horeca B"):
        assert "Jan de Vries" in _namen(_zoek(met_levering, term)) or "Vries Horeca B.V." in (
            _namen(_zoek(met_levering, term))
        ), term
    assert _namen(_zoek(met_levering, "Horeca")) == {"Vries Horeca B.V."}


def test_een_korte_term_zoekt_ook_zonder_index(met_levering: Wereld) -> None:
    # Under three characters the trigram index cannot narrow; the answer must still be right.
    assert "Jan de Vries" in _namen(_zoek(met_levering, "de"))
    assert _zoek(met_levering, "qz") == []


def test_letters_met_een_accent_worden_gevouwen_als_elke_letter(wereld: Wereld) -> None:
    r = lever(
        wereld.omgeving,
        wereld.gemeente,
        "demo-gemeente-vergunningen",
        "n.csv",
        NAMEN_CSV,
        casus_id="C-1",
    )
    assert r.status == "verwerkt", r.melding
    for term in ("öztürk", "ÖZTÜRK", "Öztürk", "ayşe öz"):
        assert [b.schema for b in _zoek(wereld, term)] == ["Person"], term
    for term in ("łódź", "ŁÓDŹSTRAAT"):
        assert [b.schema for b in _zoek(wereld, term)] == ["Address"], term


def test_een_jokerteken_in_de_term_is_een_gewoon_teken(met_levering: Wereld) -> None:
    assert _zoek(met_levering, "%") == []
    assert _zoek(met_levering, "_") == []
    assert _zoek(met_levering, "V_ies") == []


def test_pseudoniemen_en_verwijzingen_zijn_geen_zoektekst(met_levering: Wereld) -> None:
    assert _zoek(met_levering, "pseudo") == []
    # An exact BSN is still found, through its pseudonym and the value index.
    assert _namen(_zoek(met_levering, BSN_JAN)) == {"Jan de Vries"}


def _groepen_uit_statements(w: Wereld) -> set[tuple[Any, ...]]:
    with transactie(w.omgeving.fabriek) as s:
        return {
            tuple(r)
            for r in s.execute(
                sa.select(
                    Statement.houder_id, Statement.bron_id, Statement.categorie, Statement.casus_id
                ).distinct()
            )
        }


def _bewaarde_groepen(w: Wereld) -> set[tuple[Any, ...]]:
    with transactie(w.omgeving.fabriek) as s:
        return {tuple(g) for g in statements.groepen(s)}


def _zoekregels(w: Wereld) -> int:
    with transactie(w.omgeving.fabriek) as s:
        if s.get_bind().dialect.name != "sqlite":
            return -1
        return int(s.scalar(sa.text("SELECT count(*) FROM statement_zoek")) or 0)


def test_de_bewaarde_groepen_zijn_die_van_de_statements(met_levering: Wereld) -> None:
    w = met_levering
    assert _bewaarde_groepen(w) == _groepen_uit_statements(w) != set()
    # The same delivery again adds no group and no search entry.
    voor = _zoekregels(w)
    from tests.conftest import VERGUNNINGEN_CSV

    lever(
        w.omgeving,
        w.gemeente,
        "demo-gemeente-vergunningen",
        "v2.csv",
        VERGUNNINGEN_CSV + b"\n",
        casus_id="C-1",
    )
    assert _bewaarde_groepen(w) == _groepen_uit_statements(w)
    assert _zoekregels(w) == voor
    # Removing a case's category (retention) removes its group and its search entries.
    with transactie(w.omgeving.fabriek) as s:
        weg = s.execute(
            sa.select(StatementGroep.casus_id, StatementGroep.categorie).where(
                StatementGroep.casus_id == "C-1"
            )
        ).first()
        assert weg is not None
        statements.verwijder_groep(s, weg[0], weg[1])
    assert _bewaarde_groepen(w) == _groepen_uit_statements(w)
    if voor >= 0:
        assert _zoekregels(w) < voor
        with transactie(w.omgeving.fabriek) as s:
            zwevend = s.scalar(
                sa.text(
                    "SELECT count(*) FROM statement_zoek WHERE groep_id NOT IN"
                    " (SELECT id FROM statement_groep)"
                )
            )
        assert zwevend == 0


@contextmanager
def _vang_sql(w: Wereld) -> Iterator[list[tuple[str, Any]]]:
    gevangen: list[tuple[str, Any]] = []

    def vang(_c: Any, _cur: Any, opdracht: str, parameters: Any, *_a: Any) -> None:
        gevangen.append((opdracht, parameters))

    engine = w.omgeving.database
    sa.event.listen(engine, "before_cursor_execute", vang)
    try:
        yield gevangen
    finally:
        sa.event.remove(engine, "before_cursor_execute", vang)


def test_zoeken_op_een_term_gebruikt_de_trigramindex(met_levering: Wereld) -> None:
    w = met_levering
    with _vang_sql(w) as gevangen:
        assert _zoek(w, "vries")
    zoekopdracht = [(o, p) for o, p in gevangen if "GROUP BY" in o and "LIKE" in o]
    assert len(zoekopdracht) == 1, gevangen
    opdracht, parameters = zoekopdracht[0]
    engine = w.omgeving.database
    with engine.connect() as c:
        ruw = c.connection.driver_connection
        cur = ruw.cursor()
        if engine.dialect.name == "sqlite":
            cur.execute("EXPLAIN QUERY PLAN " + opdracht, parameters)
            plan = " ".join(str(r) for r in cur.fetchall())
            assert "statement_zoek VIRTUAL TABLE INDEX" in plan, plan
        else:
            # At a few rows any index will do; leave the planner only the trigram index (the
            # drops are undone by the rollback below).
            cur.execute(
                "SELECT indexname FROM pg_indexes WHERE tablename = 'statement'"
                " AND indexname NOT IN ('ix_statement_zoek', 'pk_statement')"
            )
            for (naam,) in cur.fetchall():
                cur.execute(f'DROP INDEX "{naam}"')
            # On the partitioned table (migration 0030) the key (id, bron_id) can serve the
            # partition's source condition too.
            cur.execute("ALTER TABLE statement DROP CONSTRAINT pk_statement")
            # A partition's copy of the index has a name of its own.
            cur.execute(
                "SELECT 'ix_statement_zoek' UNION SELECT i.inhrelid::regclass::text"
                " FROM pg_inherits i WHERE i.inhparent = 'ix_statement_zoek'::regclass"
            )
            trigram = {r[0] for r in cur.fetchall()}
            cur.execute("SET LOCAL enable_seqscan = off")
            cur.execute("EXPLAIN " + opdracht, parameters)
            plan = " ".join(r[0] for r in cur.fetchall())
            assert any(f"Index Scan on {n} " in plan for n in trigram), plan
        cur.close()
        c.rollback()


@pytest.mark.parametrize("term", ["vries", BSN_JAN])
def test_zoeken_ziet_alleen_toegestane_groepen(met_levering: Wereld, term: str) -> None:
    # The index holds every group's values; what a reader without a rule gets is nothing.
    assert _zoek(met_levering, term, casus="C-2") == []


def test_statements_van_leest_precies_de_toegestane_groepen(met_levering: Wereld) -> None:
    # The groups sift an entity's statements as one comparison of four columns, 'no case'
    # included: every subset of groups gives exactly its own statements.
    fabriek = met_levering.omgeving.fabriek
    with transactie(fabriek) as s:
        basis = s.scalars(sa.select(Statement).order_by(Statement.id).limit(1)).one()
        kolommen = {k: getattr(basis, k) for k in statements.Gelezen._fields}
        houders = sorted({basis.houder_id, basis.bron_id, "riec-rotterdam"})[:2]
        for i, (houder, categorie, casus) in enumerate(
            product(houders, ("identiteit", "adres"), (None, "C-1"))
        ):
            s.add(
                Statement(
                    **{
                        **kolommen,
                        "id": f"{basis.id[:50]}-{i}",
                        "houder_id": houder,
                        "categorie": categorie,
                        "casus_id": casus,
                    }
                )
            )
    with transactie(fabriek) as s:
        alle = list(s.scalars(sa.select(Statement).where(Statement.entity_id == basis.entity_id)))

        def groep(st: Any) -> statements.Groep:
            return statements.Groep(st.houder_id, st.bron_id, st.categorie, st.casus_id)

        groepen = sorted({groep(st) for st in alle}, key=str)
        assert len(groepen) >= 8 and any(g.casus_id is None for g in groepen)
        keuzes = [groepen[:k] for k in range(len(groepen) + 1)] + [[g] for g in groepen]
        for keuze in keuzes:
            gelezen = statements.statements_van(s, [basis.entity_id], keuze)
            assert {r.id for r in gelezen} == {st.id for st in alle if groep(st) in keuze}
            assert all(isinstance(r, statements.Gelezen) for r in gelezen)
