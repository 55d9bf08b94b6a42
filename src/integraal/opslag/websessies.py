# SPDX-License-Identifier: EUPL-1.2
"""Storage of web sessions (`web.sessies` keeps them; `gebruikers` ends them)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import delete, or_, update
from sqlalchemy.orm import Session

from integraal.opslag.modellen import Websessie


def lees(sessie: Session, sleutel_hash: str) -> Websessie | None:
    return sessie.get(Websessie, sleutel_hash)


def bewaar(
    sessie: Session,
    sleutel_hash: str,
    gegevens: dict[str, Any],
    gebruiker_id: int | None,
    nu: dt.datetime,
) -> None:
    rij = sessie.get(Websessie, sleutel_hash)
    if rij is None:
        sessie.add(
            Websessie(
                id=sleutel_hash,
                gegevens=gegevens,
                gebruiker_id=gebruiker_id,
                aangemaakt_op=nu,
                gebruikt_op=nu,
            )
        )
    else:
        rij.gegevens, rij.gebruiker_id, rij.gebruikt_op = gegevens, gebruiker_id, nu


def raak_aan(sessie: Session, sleutel_hash: str, nu: dt.datetime) -> None:
    sessie.execute(update(Websessie).where(Websessie.id == sleutel_hash).values(gebruikt_op=nu))


def verwijder(sessie: Session, sleutel_hash: str) -> None:
    sessie.execute(delete(Websessie).where(Websessie.id == sleutel_hash))


def ruim_op(sessie: Session, *, inactief_sinds: dt.datetime, begonnen_voor: dt.datetime) -> int:
    uitkomst = sessie.execute(
        delete(Websessie).where(
            or_(Websessie.gebruikt_op < inactief_sinds, Websessie.aangemaakt_op < begonnen_voor)
        )
    )
    return int(getattr(uitkomst, "rowcount", 0) or 0)
