# SPDX-License-Identifier: EUPL-1.2
"""Storage of the PDF report's background jobs (`monitor.rapportwerk`)."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import delete, select, update
from sqlalchemy.orm import Session, defer

from integraal.opslag.modellen import Rapportopdracht


def begin(
    sessie: Session,
    *,
    opdracht_id: str,
    gebruiker_id: int,
    stap: str,
    begonnen: dt.datetime,
    ouder_dan: dt.datetime,
) -> None:
    """Store a new job; jobs begun before `ouder_dan` are forgotten, their files with them."""
    sessie.execute(delete(Rapportopdracht).where(Rapportopdracht.begonnen < ouder_dan))
    sessie.add(
        Rapportopdracht(
            id=opdracht_id,
            gebruiker_id=gebruiker_id,
            stap=stap,
            begonnen=begonnen,
            bestandsnaam="",
            melding="",
        )
    )


def zet(sessie: Session, opdracht_id: str, **waarden: object) -> None:
    sessie.execute(
        update(Rapportopdracht).where(Rapportopdracht.id == opdracht_id).values(**waarden)
    )


def van(sessie: Session, opdracht_id: str, *, met_inhoud: bool) -> Rapportopdracht | None:
    """One job; its file only when asked (the progress page polls every second)."""
    q = select(Rapportopdracht).where(Rapportopdracht.id == opdracht_id)
    if not met_inhoud:
        q = q.options(defer(Rapportopdracht.inhoud, raiseload=True))
    return sessie.scalars(q).one_or_none()
