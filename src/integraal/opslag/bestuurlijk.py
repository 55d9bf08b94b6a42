# SPDX-License-Identifier: EUPL-1.2
"""Storage of Bibob procedures and conclusions, administrative reports, closures and claims.
All are about persons: only the door reads these rows."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from integraal.opslag.modellen import (
    Bestuurlijkerapportage,
    Bestuurlijkevordering,
    Bibobconclusie,
    Bibobprocedure,
    Sluiting,
)

PERSOONSGEGEVENS = True


def procedure(sessie: Session, procedure_id: str) -> Bibobprocedure | None:
    return sessie.get(Bibobprocedure, procedure_id)


def procedures(sessie: Session, organisatie_id: str) -> list[Bibobprocedure]:
    return list(
        sessie.scalars(
            select(Bibobprocedure)
            .where(Bibobprocedure.organisatie_id == organisatie_id)
            .order_by(Bibobprocedure.aangemaakt_op.desc())
        )
    )


def extracten(sessie: Session, riec_id: str) -> list[Bibobprocedure]:
    return list(
        sessie.scalars(
            select(Bibobprocedure)
            .where(Bibobprocedure.riec_id == riec_id, Bibobprocedure.extract.is_not(None))
            .order_by(Bibobprocedure.extract_op.desc())
        )
    )


def conclusies(sessie: Session) -> list[Bibobconclusie]:
    return list(sessie.scalars(select(Bibobconclusie).order_by(Bibobconclusie.id)))


def rapportage(sessie: Session, rapportage_id: str) -> Bestuurlijkerapportage | None:
    return sessie.get(Bestuurlijkerapportage, rapportage_id)


def rapportages(sessie: Session, organisatie_id: str) -> list[Bestuurlijkerapportage]:
    """Reports a police unit sent or a municipality received (refused ones stay with the
    sender)."""
    return list(
        sessie.scalars(
            select(Bestuurlijkerapportage)
            .where(
                (Bestuurlijkerapportage.van_id == organisatie_id)
                | (
                    (Bestuurlijkerapportage.aan_id == organisatie_id)
                    & (Bestuurlijkerapportage.status != "geweigerd")
                )
            )
            .order_by(Bestuurlijkerapportage.opgesteld_op.desc())
        )
    )


def sluiting(sessie: Session, sluiting_id: str) -> Sluiting | None:
    return sessie.get(Sluiting, sluiting_id)


def sluitingen(sessie: Session, organisatie_id: str) -> list[Sluiting]:
    return list(
        sessie.scalars(
            select(Sluiting)
            .where(Sluiting.organisatie_id == organisatie_id)
            .order_by(Sluiting.aangemaakt_op.desc())
        )
    )


def vordering(sessie: Session, vordering_id: str) -> Bestuurlijkevordering | None:
    return sessie.get(Bestuurlijkevordering, vordering_id)


def vorderingen(sessie: Session, organisatie_id: str) -> list[Bestuurlijkevordering]:
    return list(
        sessie.scalars(
            select(Bestuurlijkevordering)
            .where(Bestuurlijkevordering.organisatie_id == organisatie_id)
            .order_by(Bestuurlijkevordering.aangemaakt_op.desc())
        )
    )
