# SPDX-License-Identifier: EUPL-1.2
"""Storage of delivery mappings' versions."""

from __future__ import annotations

from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from integraal.opslag.modellen import Mappingversie

ACTIEF, VOORGESTELD, AFGEWEZEN, VERVANGEN = "actief", "voorgesteld", "afgewezen", "vervangen"


def actieve(sessie: Session) -> list[Mappingversie]:
    return list(
        sessie.scalars(
            select(Mappingversie).where(Mappingversie.status == ACTIEF).order_by(Mappingversie.naam)
        )
    )


def actief(sessie: Session, naam: str) -> Mappingversie | None:
    return sessie.scalars(
        select(Mappingversie).where(Mappingversie.naam == naam, Mappingversie.status == ACTIEF)
    ).one_or_none()


def versies(sessie: Session, organisatie_id: str | None = None) -> list[Mappingversie]:
    """Every version, newest first; of one organisation's mappings (as partner or
    recipient) when it is given."""
    q = select(Mappingversie).order_by(Mappingversie.voorgesteld_op.desc())
    if organisatie_id is not None:
        q = q.where(
            (Mappingversie.partner_id == organisatie_id)
            | (Mappingversie.ontvanger_id == organisatie_id)
        )
    return list(sessie.scalars(q))


def versie(sessie: Session, versie_id: int) -> Mappingversie | None:
    return sessie.get(Mappingversie, versie_id)


def teksten(sessie: Session, naam: str) -> set[str]:
    return set(sessie.scalars(select(Mappingversie.tekst).where(Mappingversie.naam == naam)))


def volgende_versie(sessie: Session, naam: str) -> int:
    hoogste = sessie.scalar(
        select(func.max(Mappingversie.versie)).where(Mappingversie.naam == naam)
    )
    return int(hoogste or 0) + 1


def bewaar(sessie: Session, mv: Mappingversie) -> None:
    sessie.add(mv)
    sessie.flush()


def activeer(sessie: Session, mv: Mappingversie) -> None:
    """`mv` in force for its name; the one in force until now is kept as replaced."""
    sessie.execute(
        update(Mappingversie)
        .where(Mappingversie.naam == mv.naam, Mappingversie.status == ACTIEF)
        .values(status=VERVANGEN)
        .execution_options(synchronize_session=False)
    )
    mv.status = ACTIEF
    sessie.flush()
