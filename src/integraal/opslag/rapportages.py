# SPDX-License-Identifier: EUPL-1.2
"""Storage of iCOV report requests and the reports composed for them. The subjects they name
and what the report says about them are personal data: only the door reads these rows."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from integraal.opslag.modellen import Rapportageverzoek

PERSOONSGEGEVENS = True


def verzoek(sessie: Session, verzoek_id: str) -> Rapportageverzoek | None:
    return sessie.get(Rapportageverzoek, verzoek_id)


def van_verband(sessie: Session, verband_id: str) -> list[Rapportageverzoek]:
    return list(
        sessie.scalars(
            select(Rapportageverzoek)
            .where(Rapportageverzoek.verband_id == verband_id)
            .order_by(Rapportageverzoek.aangevraagd_op.desc())
        )
    )


def van_aanvrager(sessie: Session, gebruiker_id: int) -> list[Rapportageverzoek]:
    return list(
        sessie.scalars(
            select(Rapportageverzoek)
            .where(Rapportageverzoek.aangevraagd_door == gebruiker_id)
            .order_by(Rapportageverzoek.aangevraagd_op.desc())
        )
    )
