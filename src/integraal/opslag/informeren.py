# SPDX-License-Identifier: EUPL-1.2
"""Storage of decisions on informing a case subject (WGS). Which person was informed or not is
personal data: only the door in `integraal.toegang` reads the rows."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from integraal.opslag.modellen import Informatieplicht

PERSOONSGEGEVENS = True


def van_casus(sessie: Session, casus_id: str) -> list[Informatieplicht]:
    """Every decision of the case, oldest first (the newest per subject counts)."""
    return list(
        sessie.scalars(
            select(Informatieplicht)
            .where(Informatieplicht.casus_id == casus_id)
            .order_by(Informatieplicht.vastgelegd_op, Informatieplicht.id)
        )
    )
