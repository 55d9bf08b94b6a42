# SPDX-License-Identifier: EUPL-1.2
"""Matching runs, suggested pairs and judgements."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from integraal.opslag.db import sleutel_past
from integraal.opslag.modellen import Kruisoordeel, Kruissuggestie, Kruistaak
from integraal.opslag.werker import leeft


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


def onderbreek_verweesde_taken(sessie: Session, nu: dt.datetime) -> int:
    """Runs left waiting or busy by a process that is gone (kill -9, a restart) say so, and can
    be resumed from their page; a run a living process carries out is left alone."""
    n = 0
    for t in onafgemaakte_taken(sessie):
        if t.status != "onderbroken" and not leeft(t.verwerker, t.bijgewerkt, nu):
            t.status, t.bijgewerkt = "onderbroken", nu
            t.fout = (
                "De kruisverwijzing stopte onverwacht doordat het programma werd beëindigd. "
                "Kies ‘Hervatten’ om haar af te maken."
            )
            n += 1
    return n


def bekende_paren(sessie: Session, casus_id: str) -> set[tuple[str, str]]:
    return {
        (x, y)
        for x, y in sessie.execute(
            select(Kruissuggestie.links, Kruissuggestie.rechts).where(
                Kruissuggestie.casus_id == casus_id
            )
        )
    }


def suggesties(sessie: Session, casus_id: str) -> list[Kruissuggestie]:
    q = select(Kruissuggestie).where(Kruissuggestie.casus_id == casus_id)
    return list(sessie.scalars(q.order_by(Kruissuggestie.kans.desc(), Kruissuggestie.id)))


def suggestie(sessie: Session, suggestie_id: int) -> Kruissuggestie | None:
    return sessie.get(Kruissuggestie, suggestie_id)


def oordelen(sessie: Session, casus_id: str) -> list[Kruisoordeel]:
    return list(
        sessie.scalars(
            select(Kruisoordeel).where(Kruisoordeel.casus_id == casus_id).order_by(Kruisoordeel.id)
        )
    )


def staande_oordelen_van(
    sessie: Session, casus_id: str, links: str, rechts: str, gebruiker_id: int
) -> list[Kruisoordeel]:
    """One person's votes on one pair that are not withdrawn."""
    return list(
        sessie.scalars(
            select(Kruisoordeel).where(
                Kruisoordeel.casus_id == casus_id,
                Kruisoordeel.links == links,
                Kruisoordeel.rechts == rechts,
                Kruisoordeel.gebruiker_id == gebruiker_id,
                Kruisoordeel.ingetrokken_op.is_(None),
            )
        )
    )


def oordeel(sessie: Session, oordeel_id: int) -> Kruisoordeel | None:
    return sessie.get(Kruisoordeel, oordeel_id) if sleutel_past(oordeel_id) else None


def gelabelde_paren(sessie: Session, casus_id: str | None) -> list[tuple[list[Any], bool]]:
    """The explanation (levels per field, no values) of every suggested pair people judged
    without contradicting each other, with True for "zelfde", False for "anders": in one case,
    or in all cases (`casus_id` None). Withdrawn and "onzeker" votes do not count."""
    q = (
        select(Kruissuggestie.id, Kruissuggestie.uitleg, Kruisoordeel.oordeel)
        .join(
            Kruisoordeel,
            (Kruisoordeel.casus_id == Kruissuggestie.casus_id)
            & (Kruisoordeel.links == Kruissuggestie.links)
            & (Kruisoordeel.rechts == Kruissuggestie.rechts),
        )
        .where(Kruisoordeel.ingetrokken_op.is_(None), Kruisoordeel.oordeel != "onzeker")
        .order_by(Kruissuggestie.id)
    )
    if casus_id is not None:
        q = q.where(Kruissuggestie.casus_id == casus_id)
    per_paar: dict[int, tuple[list[Any], set[str]]] = {}
    for sid, uitleg, stem in sessie.execute(q):
        per_paar.setdefault(sid, (uitleg, set()))[1].add(stem)
    return [(u, "zelfde" in s) for u, s in per_paar.values() if len(s) == 1]


def verwijder_van_casus(sessie: Session, casus_id: str) -> int:
    """A case's matching runs, suggestions and judgements (retention); the number of rows."""
    weg = 0
    for model in (Kruisoordeel, Kruissuggestie, Kruistaak):
        uitkomst = sessie.execute(delete(model).where(model.casus_id == casus_id))
        weg += int(getattr(uitkomst, "rowcount", 0) or 0)
    return weg


def heeft_resultaten(sessie: Session, casus_id: str) -> bool:
    return (
        sessie.scalar(select(Kruistaak.id).where(Kruistaak.casus_id == casus_id).limit(1))
        is not None
    )
