# SPDX-License-Identifier: EUPL-1.2
"""Storage of deliveries and the write side of statements (no reads of statement values)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection, Sequence
from functools import cache
from typing import Any, NamedTuple

from sqlalchemy import (
    ColumnElement,
    SQLColumnExpression,
    Table,
    and_,
    column,
    delete,
    exists,
    func,
    insert,
    literal,
    select,
    table,
    text,
    update,
)
from sqlalchemy.dialects import sqlite
from sqlalchemy.engine import Dialect
from sqlalchemy.orm import Session

from integraal.opslag import partities
from integraal.opslag.db import invoeging, kopieer
from integraal.opslag.modellen import KlaargezetStatement, Levering, Statement, StatementGroep


def zoek_levering(sessie: Session, sleutel: str) -> Levering | None:
    return sessie.scalars(select(Levering).where(Levering.sleutel == sleutel)).one_or_none()


def haal_levering(sessie: Session, levering_id: str) -> Levering | None:
    return sessie.get(Levering, levering_id)


def lijst_leveringen(sessie: Session, partner_ids: Sequence[str] | None = None) -> list[Levering]:
    q = select(Levering).order_by(Levering.ontvangen_op.desc())
    if partner_ids is not None:
        q = q.where(
            (Levering.partner_id.in_(partner_ids)) | (Levering.ontvanger_id.in_(partner_ids))
        )
    return list(sessie.scalars(q))


def bewaar_levering(sessie: Session, levering: Levering) -> None:
    sessie.add(levering)
    sessie.flush()


_KLAAR: Table = KlaargezetStatement.__table__  # type: ignore[assignment]
_STATEMENT: Table = Statement.__table__  # type: ignore[assignment]
_GROEP: Table = StatementGroep.__table__  # type: ignore[assignment]
# SQLite's FTS5 table of migration 0020, outside the models (it is a virtual table).
ZOEKINDEX = table(
    "statement_zoek", column("waarde"), column("entity_id"), column("schema"), column("groep_id")
)


# How much of `statement` may change before PostgreSQL's statistics over all its partitions
# are gathered again (`werk_statistiek_bij`).
HERSCHATTEN_VANAF = 0.1

# What a delivery's last transaction may sort in memory on PostgreSQL: its entities read
# back and its staged rows moved, which went to disk in the server's default of 4 MB (a
# delivery runs one at a time per worker; readers keep the default).
SORTEERGEHEUGEN = "128MB"


def ruimte_om_te_sorteren(sessie: Session) -> None:
    """Raise the sort memory of the caller's transaction, on PostgreSQL only (SQLite's
    sorter is bounded by its page cache and has no such setting)."""
    if sessie.get_bind().dialect.name == "postgresql":
        sessie.execute(text(f"SET LOCAL work_mem = '{SORTEERGEHEUGEN}'"))


def groepsleutel(houder_id: str, bron_id: str, categorie: str, casus_id: str | None) -> str:
    return "\x1f".join((houder_id, bron_id, categorie, casus_id or ""))


class KlaarRij(NamedTuple):
    """One staged statement, its fields in the table's column order: a delivery makes one
    per value, and a tuple goes to COPY or `executemany` as it is."""

    levering_id: str
    id: str
    entity_id: str
    schema: str
    prop: str
    prop_type: str
    value: str
    original_value: str | None
    dataset: str
    bron_id: str
    houder_id: str
    casus_id: str | None
    source_record_id: str
    categorie: str
    grondslag: str


# Every column but the table's own row number, in the table's order.
_KLAAR_KOLOMMEN = tuple(c.name for c in _KLAAR.columns if c.name != "nr")
if KlaarRij._fields != _KLAAR_KOLOMMEN:
    raise TypeError(f"KlaarRij volgt de kolommen niet: {_KLAAR_KOLOMMEN}")


def zet_klaar(sessie: Session, rijen: Sequence[KlaarRij]) -> None:
    """Stage one batch of a delivery's statements: on PostgreSQL by COPY (its fastest way in),
    on SQLite as one `executemany` of rows that each carry every column. A statement staged
    twice (in two batches) is moved once, by `maak_zichtbaar`."""
    if not rijen:
        return
    verbinding = sessie.connection()
    if verbinding.dialect.name == "postgresql":
        kopieer(sessie, _KLAAR.name, _KLAAR_KOLOMMEN, rijen)
        return
    # SQLite: the DBAPI's own executemany with tuples. Through Core the parameters of every
    # row are built one by one, about a tenth of a delivery's time. The staged columns are
    # text and need no bind processor (checked once, `_sqlite_klaarzetten`).
    ruw_sqlite: Any = verbinding.connection.driver_connection
    ruw_sqlite.executemany(_sqlite_klaarzetten(verbinding.dialect), rijen)


@cache
def _sqlite_klaarzetten(dialect: Dialect) -> str:
    """The staging insert with positional parameters."""
    kolommen = [_KLAAR.c[naam] for naam in _KLAAR_KOLOMMEN]
    omgezet = [k.name for k in kolommen if k.type.bind_processor(dialect) is not None]
    if omgezet:  # a column whose values SQLAlchemy converts cannot skip it
        raise TypeError(f"klaarzetten zonder Core kan {omgezet} niet omzetten")
    return (
        f"INSERT INTO {_KLAAR.name} ({', '.join(_KLAAR_KOLOMMEN)}) "
        f"VALUES ({', '.join('?' for _ in kolommen)})"
    )


def teken_van_leven(sessie: Session, levering_id: str, tijd: dt.datetime, gelezen: int) -> None:
    """A sign of life of the process writing the delivery (see `opslag.werker`), with the
    rows it has read so far (its progress, shown by every app process)."""
    sessie.execute(
        update(Levering)
        .where(Levering.id == levering_id)
        .values(levend_op=tijd, rijen_gelezen=gelezen)
    )


Groep = tuple[str, str, str, str | None]  # houder, bron, categorie, casus


def maak_zichtbaar(
    sessie: Session, levering_id: str, tijd: dt.datetime, groepen: Collection[Groep]
) -> int:
    """Move a delivery's staged statements into `statement` in one transaction, the moment
    readers see all of it; a known statement only gets a new last_seen. `groepen` are the
    groups of what it staged (the caller met them reading it back). Returns how many
    statements were new."""
    van_levering = _KLAAR.c.levering_id == levering_id
    _houd_groepen_bij(sessie, groepen)
    tijdstip = literal(tijd, type_=_STATEMENT.c.first_seen.type)
    kolommen = [c.name for c in _STATEMENT.columns]
    k = _KLAAR.c
    waarden = [
        tijdstip.label(naam) if naam in ("first_seen", "last_seen") else k[naam]
        for naam in kolommen
    ]
    if sessie.get_bind().dialect.name == "sqlite":
        # One pass in staging order, so the first staged copy of a statement is the one
        # stored: a known statement only gets its last_seen, and a copy staged again (the
        # delivery's memory of what it staged is bounded, `importeren._Gezien`) changes
        # nothing. No grouping or sort, which SQLite does in the process's memory. (An upsert
        # from a SELECT needs a WHERE, its parser says: here it has one.)
        upsert = sqlite.insert(_STATEMENT).from_select(
            kolommen, select(*waarden).where(van_levering).order_by(k.nr)
        )
        sessie.execute(
            upsert.on_conflict_do_update(
                index_elements=["id"],
                set_={"last_seen": upsert.excluded.last_seen},
                where=_STATEMENT.c.last_seen != upsert.excluded.last_seen,
            )
        )
        _houd_zoekindex_bij(sessie, levering_id)
    else:
        bekend = exists().where(_STATEMENT.c.id == k.id)
        sessie.execute(
            update(_STATEMENT)
            .where(_STATEMENT.c.id.in_(select(k.id).where(van_levering)))
            .values(last_seen=tijd)
        )
        # Known ones are updated first, then skipped. In staging order, as on SQLite: a copy
        # staged again meets the first one and is skipped by the conflict clause (PostgreSQL
        # refuses a second touch only to DO UPDATE). Grouping the copies by key instead
        # sorted every staged row by a 40-character key: 3.8 s of the move's 61 at 100,000
        # rows, against 1.2 s by their number. The key includes the source, by which the
        # table is partitioned.
        sessie.execute(
            invoeging(sessie, _STATEMENT)
            .from_select(kolommen, select(*waarden).where(van_levering, ~bekend).order_by(k.nr))
            .on_conflict_do_nothing(
                index_elements=["id", "bron_id"] if partities.is_verdeeld(sessie) else ["id"]
            )
        )
    # New statements carry this delivery's id (known ones keep their first delivery's): a
    # count through that index, not a second pass over the staged rows.
    nieuw = sessie.scalar(
        select(func.count()).select_from(_STATEMENT).where(_STATEMENT.c.levering_id == levering_id)
    )
    ruim_klaargezet_op(sessie, [levering_id])
    return int(nieuw or 0)


def _houd_groepen_bij(sessie: Session, groepen: Collection[Groep]) -> None:
    if groepen:
        sessie.execute(
            invoeging(sessie, _GROEP).on_conflict_do_nothing(index_elements=["sleutel"]),
            [
                {
                    "sleutel": groepsleutel(h, b, k, c),
                    "houder_id": h,
                    "bron_id": b,
                    "categorie": k,
                    "casus_id": c,
                }
                for h, b, k, c in sorted(groepen, key=lambda g: (*g[:3], g[3] or ""))
            ],
        )


# Text a person searches for: entity references and BSN pseudonyms are not (migration 0020 and
# the partial index on PostgreSQL say the same).
def doorzoekbaar(
    prop_type: SQLColumnExpression[str], value: SQLColumnExpression[str]
) -> ColumnElement[bool]:
    return and_(prop_type != "entity", ~value.like("%-pseudo:%"))


def _houd_zoekindex_bij(sessie: Session, levering_id: str) -> None:
    """SQLite: the delivery's new text values into the trigram index (`statement_zoek`), each
    with its group, so a search filters on what the reader may see without a join. New ones
    are those that carry this delivery's id, one entry each, as migration 0020 filled it (a
    search groups by entity; a `DISTINCT` here sorted them all, half the time of this step).
    PostgreSQL keeps its trigram index on `statement` itself."""
    st = _STATEMENT.c
    sessie.execute(
        insert(ZOEKINDEX).from_select(
            ["waarde", "entity_id", "schema", "groep_id"],
            select(func.integraal_klein(st.value), st.entity_id, st.schema, _GROEP.c.id)
            .join(
                _GROEP,
                and_(
                    _GROEP.c.houder_id == st.houder_id,
                    _GROEP.c.bron_id == st.bron_id,
                    _GROEP.c.categorie == st.categorie,
                    _GROEP.c.casus_id.is_not_distinct_from(st.casus_id),
                ),
            )
            .where(st.levering_id == levering_id, doorzoekbaar(st.prop_type, st.value)),
        )
    )


def werk_statistiek_bij(sessie: Session, bron_id: str, nieuw: int) -> None:
    """Fresh planner statistics for `statement` after a delivery of `nieuw` new statements
    from `bron_id`: without them SQLite picked the wrong index per subject at a million
    statements (80 times slower). SQLite samples (`analysis_limit`), so this stays cheap
    however large the table grows.

    On PostgreSQL `ANALYZE statement` samples every partition and then the whole tree, so
    its cost grew with the number of sources holding statements. Only the delivery's
    partition changed; the statistics over all partitions (for queries that read the tree
    as a whole) are gathered again when the rows they were taken from have changed by a
    tenth (`HERSCHATTEN_VANAF`, as autovacuum's scale factor for a table), or never were."""
    if sessie.get_bind().dialect.name == "sqlite":
        sessie.execute(text("PRAGMA analysis_limit=1000"))
    elif partities.is_verdeeld(sessie) and not _geheel_veranderd(sessie, nieuw):
        eigen = bron_id in partities.bestaande(sessie)
        sessie.execute(text(f"ANALYZE {partities.naam(bron_id) if eigen else partities.STANDAARD}"))
        return
    sessie.execute(text("ANALYZE statement"))


def _geheel_veranderd(sessie: Session, nieuw: int) -> bool:
    """Whether the partitioned table, with `nieuw` more rows, has changed by
    `HERSCHATTEN_VANAF` since its statistics over all partitions were taken (or they never
    were): by the row counts PostgreSQL keeps of the whole and of each partition."""
    geheel, delen = sessie.execute(
        text(
            "SELECT c.reltuples, coalesce(sum(greatest(p.reltuples, 0)), 0) FROM pg_class c"
            " LEFT JOIN pg_inherits i ON i.inhparent = c.oid"
            " LEFT JOIN pg_class p ON p.oid = i.inhrelid"
            " WHERE c.oid = 'statement'::regclass GROUP BY c.reltuples"
        )
    ).one()
    return bool(geheel <= 0 or abs(delen + nieuw - geheel) >= HERSCHATTEN_VANAF * geheel)


def ruim_klaargezet_op(sessie: Session, levering_ids: Sequence[str]) -> None:
    """Staged statements of deliveries that failed, were refused or start again."""
    if levering_ids:
        sessie.execute(delete(_KLAAR).where(_KLAAR.c.levering_id.in_(levering_ids)))
