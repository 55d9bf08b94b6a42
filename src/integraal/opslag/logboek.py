# SPDX-License-Identifier: EUPL-1.2
"""Storage of the processing log: the only module that touches the log tables."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from sqlalchemy import select
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
    sessie: Session, regels: Sequence[LogboekRegel], betrokkenen: Sequence[LogboekBetrokkene]
) -> None:
    sessie.add_all(regels)
    sessie.flush()
    sessie.add_all(betrokkenen)
    sessie.flush()


def regels_op_volgorde(sessie: Session, per: int = 5000) -> Iterator[LogboekRegel]:
    yield from sessie.scalars(
        select(LogboekRegel).order_by(LogboekRegel.volgnummer).execution_options(yield_per=per)
    )


def alle_betrokkenen(sessie: Session) -> dict[int, LogboekBetrokkene]:
    return {b.volgnummer: b for b in sessie.scalars(select(LogboekBetrokkene))}


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
