# SPDX-License-Identifier: EUPL-1.2
"""Matching runs, suggested pairs and judgements."""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from integraal.opslag.modellen import Kruisoordeel, Kruissuggestie, Kruistaak


def taak(sessie: Session, taak_id: str) -> Kruistaak | None:
    return sessie.get(Kruistaak, taak_id)


def taken_van_casus(sessie: Session, casus_id: str) -> list[Kruistaak]:
    return list(
        sessie.scalars(
            select(Kruistaak)
            .where(Kruistaak.casus_id == casus_id)
            .order_by(Kruistaak.aangemaakt.desc(), Kruistaak.id.desc())
        )
    )


def onafgemaakte_taken(sessie: Session) -> list[Kruistaak]:
    return list(
        sessie.scalars(
            select(Kruistaak)
            .where(Kruistaak.status.in_(("wachtend", "bezig", "onderbroken")))
            .order_by(Kruistaak.aangemaakt)
        )
    )


def aantal_taken(sessie: Session) -> int:
    return int(sessie.scalar(select(func.count()).select_from(Kruistaak)) or 0)


def bekende_paren(sessie: Session, casus_id: str) -> set[tuple[str, str]]:
    return {
        (x, y)
        for x, y in sessie.execute(
            select(Kruissuggestie.links, Kruissuggestie.rechts).where(
                Kruissuggestie.casus_id == casus_id
            )
        )
    }


def suggesties(
    sessie: Session, casus_id: str, *, ids: Sequence[int] | None = None
) -> list[Kruissuggestie]:
    q = select(Kruissuggestie).where(Kruissuggestie.casus_id == casus_id)
    if ids is not None:
        q = q.where(Kruissuggestie.id.in_(ids))
    return list(sessie.scalars(q.order_by(Kruissuggestie.kans.desc(), Kruissuggestie.id)))


def suggestie(sessie: Session, suggestie_id: int) -> Kruissuggestie | None:
    return sessie.get(Kruissuggestie, suggestie_id)


def oordelen(sessie: Session, casus_id: str) -> list[Kruisoordeel]:
    return list(
        sessie.scalars(
            select(Kruisoordeel).where(Kruisoordeel.casus_id == casus_id).order_by(Kruisoordeel.id)
        )
    )


def oordeel(sessie: Session, oordeel_id: int) -> Kruisoordeel | None:
    return sessie.get(Kruisoordeel, oordeel_id)
