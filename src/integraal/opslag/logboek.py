# SPDX-License-Identifier: EUPL-1.2
"""Storage of the processing log: the only module that touches the log tables."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Any, NamedTuple

from sqlalchemy import insert, select
from sqlalchemy.orm import Session

from integraal.opslag.modellen import (
    AuditRecord,
    LogboekBetrokkene,
    LogboekCheckpoint,
    LogboekKop,
    LogboekRegel,
)


def vergrendel_kop(sessie: Session) -> LogboekKop:
    kop = sessie.scalars(select(LogboekKop).where(LogboekKop.id == 1).with_for_update()).one()
    return kop


def lees_kop(sessie: Session) -> LogboekKop:
    return sessie.scalars(select(LogboekKop).where(LogboekKop.id == 1)).one()


def voeg_toe(
    sessie: Session, regels: Sequence[dict[str, Any]], betrokkenen: Sequence[dict[str, Any]]
) -> None:
    # Core executemany: the ORM unit of work costs more than the hashing for large batches.
    if regels:
        sessie.execute(insert(LogboekRegel), list(regels))
    if betrokkenen:
        sessie.execute(insert(LogboekBetrokkene), list(betrokkenen))


class Logrij(NamedTuple):
    volgnummer: int
    inhoud: str
    blad_hash: str
    keten_hash: str
    trace_id: str
    casus_id: str | None
    betrokkene: str | None
    betrokkene_soort: str | None
    zout: str | None


def regels_op_volgorde(sessie: Session, per: int = 10000) -> Iterator[Logrij]:
    """All lines with their personal part, streamed as plain rows (1M lines, little memory)."""
    q = (
        select(
            LogboekRegel.volgnummer,
            LogboekRegel.inhoud,
            LogboekRegel.blad_hash,
            LogboekRegel.keten_hash,
            LogboekRegel.trace_id,
            LogboekRegel.casus_id,
            LogboekBetrokkene.betrokkene,
            LogboekBetrokkene.betrokkene_soort,
            LogboekBetrokkene.zout,
        )
        .outerjoin(LogboekBetrokkene, LogboekBetrokkene.volgnummer == LogboekRegel.volgnummer)
        .order_by(LogboekRegel.volgnummer)
        .execution_options(yield_per=per)
    )
    for rij in sessie.execute(q):
        yield Logrij(*rij)


def bladen_op_volgorde(sessie: Session, per: int = 50000) -> Iterator[str]:
    q = (
        select(LogboekRegel.blad_hash)
        .order_by(LogboekRegel.volgnummer)
        .execution_options(yield_per=per)
    )
    yield from sessie.scalars(q)


def regels_van_betrokkene(
    sessie: Session, betrokkene: str
) -> list[tuple[LogboekRegel, LogboekBetrokkene]]:
    rijen = sessie.execute(
        select(LogboekRegel, LogboekBetrokkene)
        .join(LogboekBetrokkene, LogboekBetrokkene.volgnummer == LogboekRegel.volgnummer)
        .where(LogboekBetrokkene.betrokkene == betrokkene)
        .order_by(LogboekRegel.volgnummer)
    )
    return [(r, b) for r, b in rijen]


def aantal_regels(sessie: Session) -> int:
    return lees_kop(sessie).volgnummer


def bewaar_checkpoint(sessie: Session, checkpoint: LogboekCheckpoint) -> None:
    sessie.merge(checkpoint)
    sessie.flush()


def checkpoints(sessie: Session) -> list[LogboekCheckpoint]:
    return list(sessie.scalars(select(LogboekCheckpoint).order_by(LogboekCheckpoint.boomgrootte)))


def schrijf_audit(sessie: Session, record: AuditRecord) -> None:
    sessie.add(record)
    sessie.flush()


def audit_van_trace(sessie: Session, trace_id: str) -> list[AuditRecord]:
    return list(sessie.scalars(select(AuditRecord).where(AuditRecord.trace_id == trace_id)))


def verwijder_betrokkenen(sessie: Session, volgnummers: Sequence[int]) -> int:
    rijen = list(
        sessie.scalars(
            select(LogboekBetrokkene).where(LogboekBetrokkene.volgnummer.in_(volgnummers))
        )
    )
    for rij in rijen:
        sessie.delete(rij)
    sessie.flush()
    return len(rijen)
