# SPDX-License-Identifier: EUPL-1.2
"""Storage of deliveries and the write side of statements (no reads of statement values)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

from sqlalchemy import Table, delete, exists, func, insert, literal, select, text, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

from integraal.opslag.modellen import KlaargezetStatement, Levering, Statement


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


def zet_klaar(sessie: Session, rijen: Sequence[dict[str, Any]]) -> None:
    """Stage one batch of a delivery's statements (every row with every column, so the driver
    sends one statement for the batch). A statement already staged stays as it is."""
    if not rijen:
        return
    dialect = postgresql if sessie.get_bind().dialect.name == "postgresql" else sqlite
    sessie.execute(dialect.insert(_KLAAR).on_conflict_do_nothing(), rijen)


def teken_van_leven(sessie: Session, levering_id: str, tijd: dt.datetime) -> None:
    """A sign of life of the process writing the delivery (see `opslag.werker`)."""
    sessie.execute(update(Levering).where(Levering.id == levering_id).values(levend_op=tijd))


def maak_zichtbaar(sessie: Session, levering_id: str, tijd: dt.datetime) -> int:
    """Move a delivery's staged statements into `statement` in one transaction, the moment
    readers see all of it; a known statement only gets a new last_seen. Returns how many were
    new."""
    van_levering = _KLAAR.c.levering_id == levering_id
    bekend = exists().where(_STATEMENT.c.id == _KLAAR.c.id)
    nieuw = sessie.scalar(select(func.count()).select_from(_KLAAR).where(van_levering, ~bekend))
    sessie.execute(
        update(_STATEMENT)
        .where(_STATEMENT.c.id.in_(select(_KLAAR.c.id).where(van_levering)))
        .values(last_seen=tijd)
    )
    tijdstip = literal(tijd, type_=_STATEMENT.c.first_seen.type)
    bronkolommen = {c.name: c for c in _KLAAR.columns}
    kolommen = [c.name for c in _STATEMENT.columns]
    sessie.execute(
        insert(_STATEMENT).from_select(
            kolommen,
            select(
                *(
                    tijdstip if naam in ("first_seen", "last_seen") else bronkolommen[naam]
                    for naam in kolommen
                )
            ).where(van_levering, ~bekend),
        )
    )
    ruim_klaargezet_op(sessie, [levering_id])
    return int(nieuw or 0)


def werk_statistiek_bij(sessie: Session) -> None:
    """Fresh planner statistics for `statement` after a delivery: without them SQLite picked
    the wrong index per subject at a million statements (80 times slower). SQLite samples
    (`analysis_limit`), so this stays cheap however large the table grows."""
    if sessie.get_bind().dialect.name == "sqlite":
        sessie.execute(text("PRAGMA analysis_limit=1000"))
    sessie.execute(text("ANALYZE statement"))


def ruim_klaargezet_op(sessie: Session, levering_ids: Sequence[str]) -> None:
    """Staged statements of deliveries that failed, were refused or start again."""
    if levering_ids:
        sessie.execute(delete(_KLAAR).where(_KLAAR.c.levering_id.in_(levering_ids)))
