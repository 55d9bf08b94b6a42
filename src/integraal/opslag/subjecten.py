# SPDX-License-Identifier: EUPL-1.2
"""Storage of the entities linked to a case as its subjects. Which person is a subject of
which case is personal data: only the door in `integraal.toegang` reads it."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from integraal.opslag.modellen import CasusSubject

PERSOONSGEGEVENS = True


def van_casus(sessie: Session, casus_id: str) -> list[CasusSubject]:
    return list(
        sessie.scalars(
            select(CasusSubject)
            .where(CasusSubject.casus_id == casus_id)
            .order_by(CasusSubject.toegevoegd_op)
        )
    )


def subject(sessie: Session, casus_id: str, entity_id: str) -> CasusSubject | None:
    return sessie.get(CasusSubject, (casus_id, entity_id))
