# SPDX-License-Identifier: EUPL-1.2
"""Counts of the work that waits, for the metrics an operator scrapes: jobs in the queue per
status (PostgreSQL), deliveries being processed, matching runs not finished, reports being
made. Counts only."""

from __future__ import annotations

from sqlalchemy import func, select, text
from sqlalchemy.orm import Session

from integraal.opslag.modellen import Kruistaak, Levering, Rapportopdracht


def wachtrij_per_status(sessie: Session) -> dict[str, int]:
    """The job queue's jobs per status; empty on SQLite, which has no queue."""
    if sessie.get_bind().dialect.name != "postgresql":
        return {}
    rijen = sessie.execute(
        text("SELECT status::text, count(*) FROM procrastinate_jobs GROUP BY status")
    )
    return {str(status): int(n) for status, n in rijen}


def werk_onderweg(sessie: Session) -> dict[str, int]:
    leveringen = sessie.scalar(
        select(func.count()).select_from(Levering).where(Levering.status == "in_behandeling")
    )
    runs = sessie.scalar(
        select(func.count())
        .select_from(Kruistaak)
        .where(Kruistaak.status.in_(("wachtend", "bezig")))
    )
    rapporten = sessie.scalar(
        select(func.count())
        .select_from(Rapportopdracht)
        .where(Rapportopdracht.stap.in_(("verzamelen", "opmaken")))
    )
    return {
        "levering": int(leveringen or 0),
        "kruisverwijzing": int(runs or 0),
        "rapport": int(rapporten or 0),
    }
