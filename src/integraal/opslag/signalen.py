# SPDX-License-Identifier: EUPL-1.2
"""Storage of signals. A signal names people (a pseudonymised BSN, free text): only the door
in `integraal.toegang` reads it, after a rule decision, and logs every read."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import select
from sqlalchemy.orm import Session

from integraal.opslag.modellen import Signaal

PERSOONSGEGEVENS = True


def signaal(sessie: Session, signaal_id: str) -> Signaal | None:
    return sessie.get(Signaal, signaal_id)


def van_verband(sessie: Session, verband_id: str) -> list[Signaal]:
    return list(
        sessie.scalars(
            select(Signaal)
            .where(Signaal.verband_id == verband_id)
            .order_by(Signaal.aangemaakt_op.desc())
        )
    )


def van_casus(sessie: Session, casus_id: str) -> list[Signaal]:
    return list(sessie.scalars(select(Signaal).where(Signaal.casus_id == casus_id)))


def afgewezen_zonder_casus(sessie: Session, gewijzigd_voor: dt.datetime) -> list[Signaal]:
    """Signals judged and turned down (no case), last changed before a moment."""
    return list(
        sessie.scalars(
            select(Signaal).where(
                Signaal.casus_id.is_(None),
                Signaal.status == "afgewezen",
                Signaal.gewijzigd_op < gewijzigd_voor,
            )
        )
    )
