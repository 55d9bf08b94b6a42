# SPDX-License-Identifier: EUPL-1.2
"""Storage of deliveries and the write side of statements (no reads of statement values)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

from sqlalchemy import insert, select, update
from sqlalchemy.orm import Session

from integraal.opslag.modellen import Levering, Statement

_BLOK = 500


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


def bewaar_statements(sessie: Session, rijen: Sequence[dict[str, Any]], tijd: dt.datetime) -> int:
    """Insert new statements, refresh last_seen of known ones. Returns how many were new."""
    nieuw = 0
    for start in range(0, len(rijen), _BLOK):
        blok = {r["id"]: r for r in rijen[start : start + _BLOK]}
        bekend = set(sessie.scalars(select(Statement.id).where(Statement.id.in_(blok))))
        toe_te_voegen = [r for i, r in blok.items() if i not in bekend]
        if toe_te_voegen:
            sessie.execute(insert(Statement), toe_te_voegen)
            nieuw += len(toe_te_voegen)
        if bekend:
            sessie.execute(update(Statement).where(Statement.id.in_(bekend)).values(last_seen=tijd))
    sessie.flush()
    return nieuw
