# SPDX-License-Identifier: EUPL-1.2
"""Storage of the rule catalogue's versions."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from integraal.opslag.modellen import Catalogusversie

ACTIEF, VOORGESTELD, AFGEWEZEN, VERVANGEN = "actief", "voorgesteld", "afgewezen", "vervangen"


def actieve(sessie: Session) -> tuple[str, str] | None:
    """The version in force and its text, or None before the first one is stored."""
    rij = sessie.execute(
        select(Catalogusversie.versie, Catalogusversie.tekst).where(
            Catalogusversie.status == ACTIEF
        )
    ).first()
    return (rij[0], rij[1]) if rij is not None else None


def actieve_versie(sessie: Session) -> str | None:
    """The version number in force, without its text: what a process compares every few
    seconds."""
    return sessie.scalar(select(Catalogusversie.versie).where(Catalogusversie.status == ACTIEF))


def versies(sessie: Session) -> list[Catalogusversie]:
    return list(
        sessie.scalars(select(Catalogusversie).order_by(Catalogusversie.voorgesteld_op.desc()))
    )


def versie(sessie: Session, versie_id: int) -> Catalogusversie | None:
    return sessie.get(Catalogusversie, versie_id)


def op_naam(sessie: Session, naam: str) -> Catalogusversie | None:
    return sessie.scalars(
        select(Catalogusversie).where(Catalogusversie.versie == naam)
    ).one_or_none()


def bewaar(sessie: Session, cv: Catalogusversie) -> None:
    sessie.add(cv)
    sessie.flush()


def activeer(sessie: Session, cv: Catalogusversie, nu: dt.datetime) -> None:
    """`cv` in force from `nu`; the one in force until now is kept as replaced."""
    sessie.execute(
        update(Catalogusversie)
        .where(Catalogusversie.status == ACTIEF)
        .values(status=VERVANGEN)
        .execution_options(synchronize_session=False)
    )
    cv.status, cv.actief_vanaf = ACTIEF, nu
    sessie.flush()
