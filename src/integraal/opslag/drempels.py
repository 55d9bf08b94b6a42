# SPDX-License-Identifier: EUPL-1.2
"""Counters of attempts per rate-limit key and window, raised atomically on both databases."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import case, delete, literal
from sqlalchemy.orm import Session

from integraal.opslag.db import invoeging
from integraal.opslag.modellen import Drempelteller, UTCDateTime


def stand(sessie: Session, sleutel: str, sinds: dt.datetime) -> tuple[int, dt.datetime | None]:
    """Attempts in the window that began after `sinds`, and when that window began."""
    rij = sessie.get(Drempelteller, sleutel)
    if rij is None or rij.begin < sinds:
        return 0, None
    return rij.aantal, rij.begin


def tel(sessie: Session, sleutel: str, nu: dt.datetime, sinds: dt.datetime) -> int:
    """One attempt more; a window that began before `sinds` starts again at `nu`."""
    oud = Drempelteller.begin < sinds
    opdracht = (
        invoeging(sessie, Drempelteller)
        .values(sleutel=sleutel, begin=nu, aantal=1)
        .on_conflict_do_update(
            index_elements=[Drempelteller.sleutel],
            set_={
                "aantal": case((oud, 1), else_=Drempelteller.aantal + 1),
                # Typed, so SQLite stores it in the column's own format.
                "begin": case((oud, literal(nu, UTCDateTime())), else_=Drempelteller.begin),
            },
        )
        .returning(Drempelteller.aantal)
    )
    return int(sessie.execute(opdracht).scalar_one())


def ruim_op(sessie: Session, voor: dt.datetime) -> None:
    sessie.execute(delete(Drempelteller).where(Drempelteller.begin < voor))
