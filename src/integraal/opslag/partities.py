# SPDX-License-Identifier: EUPL-1.2
"""On PostgreSQL, statements are partitioned by source (`bron_id`, decision record 0023): a
partition per organisation of the partner register, made when the organisation appears,
and a default one. A search or page the rules allow on some sources reads their partitions
only, and a partner's statements are one table. SQLite keeps one table."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable

from sqlalchemy import text
from sqlalchemy.engine import Connection
from sqlalchemy.orm import Session

STANDAARD = "statement_overig"


def naam(bron_id: str) -> str:
    """The partition's table name: fixed length, only [a-z0-9_], whatever the id."""
    return "statement_b_" + hashlib.sha1(bron_id.encode()).hexdigest()[:16]


def _letterlijk(waarde: str) -> str:
    # DDL takes no bound parameters; the value is quoted as SQL's own string literal.
    return "'" + waarde.replace("'", "''") + "'"


def bestaande(verbinding: Connection | Session) -> set[str]:
    """The sources that have a partition of their own."""
    rijen = verbinding.execute(
        text(
            "SELECT pg_get_expr(c.relpartbound, c.oid) FROM pg_inherits i"
            " JOIN pg_class c ON c.oid = i.inhrelid"
            " WHERE i.inhparent = 'statement'::regclass"
        )
    ).scalars()
    uit = set()
    for grens in rijen:  # "FOR VALUES IN ('gemeente-rotterdam')", or "DEFAULT"
        if grens.startswith("FOR VALUES IN ('"):
            uit.add(grens.removeprefix("FOR VALUES IN ('").removesuffix("')").replace("''", "'"))
    return uit


def _dialect(verbinding: Connection | Session) -> str:
    return (
        verbinding.get_bind().dialect.name
        if isinstance(verbinding, Session)
        else (verbinding.dialect.name)
    )


def _is_verdeeld(verbinding: Connection | Session, tabel: str) -> bool:
    if _dialect(verbinding) != "postgresql":
        return False
    return bool(
        verbinding.execute(
            text(
                "SELECT EXISTS (SELECT 1 FROM pg_partitioned_table"
                " WHERE partrelid = to_regclass(:t))"
            ),
            {"t": tabel},
        ).scalar()
    )


def is_verdeeld(verbinding: Connection | Session) -> bool:
    return _is_verdeeld(verbinding, "statement")


def maak(verbinding: Connection | Session, bron_ids: Iterable[str]) -> int:
    """A partition for each source that has none yet; returns how many were made. Only new
    ones: making a partition locks the parent table, which is not done on every start."""
    if not is_verdeeld(verbinding):
        return 0
    nieuw = sorted(set(bron_ids) - bestaande(verbinding))
    for bron in nieuw:
        # Statements of a source without a partition of its own wait in the default one; they
        # move with it, or PostgreSQL would refuse the new partition.
        wachtend = {"b": bron}
        verbinding.execute(
            text(
                "CREATE TEMPORARY TABLE statement_verhuis ON COMMIT DROP AS"
                f" SELECT * FROM {STANDAARD} WHERE bron_id = :b"
            ),
            wachtend,
        )
        verbinding.execute(text(f"DELETE FROM {STANDAARD} WHERE bron_id = :b"), wachtend)
        verbinding.execute(
            text(
                f"CREATE TABLE {naam(bron)} PARTITION OF statement"
                f" FOR VALUES IN ({_letterlijk(bron)})"
            )
        )
        verbinding.execute(text("INSERT INTO statement SELECT * FROM statement_verhuis"))
        verbinding.execute(text("DROP TABLE statement_verhuis"))
    return len(nieuw)


# The processing log (migration 0031): `logboek_regel` and `logboek_betrokkene` partitioned by
# RANGE (volgnummer), a partition per block of `logboek.keten.BLOK` lines, named after its
# first line.
LOGTABELLEN = ("logboek_regel", "logboek_betrokkene")


def lognaam(tabel: str, van: int) -> str:
    return f"{tabel}_v{int(van)}"


def log_is_verdeeld(verbinding: Connection | Session) -> bool:
    return _is_verdeeld(verbinding, "logboek_regel")


def logblok_bestaat(verbinding: Connection | Session, van: int) -> bool:
    return bool(
        verbinding.execute(
            text("SELECT to_regclass(:n) IS NOT NULL"), {"n": lognaam("logboek_regel", van)}
        ).scalar()
    )


def maak_logblok(verbinding: Connection | Session, van: int, grootte: int) -> None:
    """The partitions of both log tables for lines `van` to `van + grootte - 1`."""
    for tabel in LOGTABELLEN:
        verbinding.execute(
            text(
                f"CREATE TABLE IF NOT EXISTS {lognaam(tabel, van)} PARTITION OF {tabel}"
                f" FOR VALUES FROM ({int(van)}) TO ({int(van) + int(grootte)})"
            )
        )


def verwijder_persoonsdelen_blok(verbinding: Connection | Session, van: int) -> bool:
    """Drop a block's partition of personal parts whole (retention): True if there was one.
    Its lines stay; no line is written there again (numbers only grow)."""
    naam = lognaam("logboek_betrokkene", van)
    if not verbinding.execute(text("SELECT to_regclass(:n) IS NOT NULL"), {"n": naam}).scalar():
        return False
    verbinding.execute(text(f"DROP TABLE {naam}"))
    return True
