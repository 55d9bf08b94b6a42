# SPDX-License-Identifier: EUPL-1.2
"""Storage of FEC signal rounds and their answers. A round names persons by their identifiers:
only the door reads these rows."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from integraal.opslag.modellen import Rondeantwoord, Signaalronde

PERSOONSGEGEVENS = True


def ronde(sessie: Session, ronde_id: str) -> Signaalronde | None:
    return sessie.get(Signaalronde, ronde_id)


def van_verband(sessie: Session, verband_id: str) -> list[Signaalronde]:
    return list(
        sessie.scalars(
            select(Signaalronde)
            .where(Signaalronde.verband_id == verband_id)
            .order_by(Signaalronde.gestart_op.desc())
        )
    )


def open_rondes(sessie: Session) -> list[Signaalronde]:
    return list(
        sessie.scalars(
            select(Signaalronde)
            .where(Signaalronde.status == "open")
            .order_by(Signaalronde.gestart_op.desc())
        )
    )


def antwoorden(sessie: Session, ronde_id: str) -> list[Rondeantwoord]:
    return list(
        sessie.scalars(
            select(Rondeantwoord)
            .where(Rondeantwoord.ronde_id == ronde_id)
            .order_by(Rondeantwoord.beantwoord_op)
        )
    )


def antwoord(sessie: Session, ronde_id: str, organisatie_id: str) -> Rondeantwoord | None:
    return sessie.get(Rondeantwoord, (ronde_id, organisatie_id))
