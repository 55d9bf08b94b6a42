# SPDX-License-Identifier: EUPL-1.2
"""Readable ids (S-2026-0001) that cannot collide under concurrency, on both databases.

A counter row per stem is raised with one upsert: PostgreSQL holds the row lock until the
transaction ends, so a second transaction waits and then gets the next number, and a rolled
back one gives its number back. SQLite serialises writers anyway. Counting the rows, as before,
gave two concurrent transactions the same number (decision record 0021).
"""

from __future__ import annotations

from sqlalchemy import Integer, cast, func, select
from sqlalchemy.orm import InstrumentedAttribute, Session

from integraal.opslag.db import invoeging
from integraal.opslag.modellen import Nummer


def volgend(sessie: Session, kolom: InstrumentedAttribute[str], stam: str, breedte: int) -> str:
    """The next id under `stam` for the table whose key is `kolom`. The first use of a stem
    starts after the highest id already in the table (databases from before the counter)."""
    bestaand = sessie.scalar(select(Nummer.laatste).where(Nummer.stam == stam))
    if bestaand is None:
        start = (
            sessie.scalar(
                select(func.max(cast(func.substr(kolom, len(stam) + 1), Integer))).where(
                    kolom.like(stam + "%")
                )
            )
            or 0
        ) + 1
    else:
        start = 1  # not used: the row exists, so the upsert raises it
    opdracht = (
        invoeging(sessie, Nummer)
        .values(stam=stam, laatste=start)
        .on_conflict_do_update(index_elements=[Nummer.stam], set_={"laatste": Nummer.laatste + 1})
        .returning(Nummer.laatste)
    )
    n = sessie.execute(opdracht).scalar_one()
    return f"{stam}{n:0{breedte}d}"
