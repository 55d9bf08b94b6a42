# SPDX-License-Identifier: EUPL-1.2
"""Preventie met Gezag: requests, returns and their interventions (aggregates only)."""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import select
from sqlalchemy.orm import Session

from integraal.opslag.db import sleutel_past
from integraal.opslag.modellen import (
    Gebied,
    Gebiedscijfer,
    Gebruiker,
    Pmginterventie,
    Pmgopgave,
    Pmguitvraag,
)


def met_invuller(sessie: Session, gemeenten: Sequence[str], rollen: Sequence[str]) -> set[str]:
    """The municipalities among `gemeenten` that have an active user who can fill in."""
    return set(
        sessie.scalars(
            select(Gebruiker.organisatie_id).where(
                Gebruiker.organisatie_id.in_(gemeenten),
                Gebruiker.rol.in_(rollen),
                Gebruiker.actief.is_(True),
            )
        )
    )


def uitvragen(sessie: Session) -> Sequence[Pmguitvraag]:
    return sessie.scalars(select(Pmguitvraag).order_by(Pmguitvraag.jaar.desc())).all()


def uitvraag(sessie: Session, uitvraag_id: int) -> Pmguitvraag | None:
    return sessie.get(Pmguitvraag, uitvraag_id) if sleutel_past(uitvraag_id) else None


def uitvraag_van_jaar(sessie: Session, jaar: int) -> Pmguitvraag | None:
    return sessie.scalar(select(Pmguitvraag).where(Pmguitvraag.jaar == jaar))


def opgaven(sessie: Session, uitvraag_id: int | None = None) -> Sequence[Pmgopgave]:
    q = select(Pmgopgave).order_by(Pmgopgave.uitvraag_id, Pmgopgave.gemeente_id)
    if uitvraag_id is not None:
        q = q.where(Pmgopgave.uitvraag_id == uitvraag_id)
    return sessie.scalars(q).all()


def opgaven_van(sessie: Session, gemeente_id: str) -> Sequence[Pmgopgave]:
    return sessie.scalars(
        select(Pmgopgave)
        .where(Pmgopgave.gemeente_id == gemeente_id)
        .order_by(Pmgopgave.uitvraag_id.desc())
    ).all()


def opgave(sessie: Session, opgave_id: int) -> Pmgopgave | None:
    return sessie.get(Pmgopgave, opgave_id) if sleutel_past(opgave_id) else None


def interventies(sessie: Session, opgave_id: int) -> Sequence[Pmginterventie]:
    return sessie.scalars(
        select(Pmginterventie)
        .where(Pmginterventie.opgave_id == opgave_id)
        .order_by(Pmginterventie.id)
    ).all()


def interventie(sessie: Session, interventie_id: int) -> Pmginterventie | None:
    return sessie.get(Pmginterventie, interventie_id) if sleutel_past(interventie_id) else None


def gebieden(sessie: Session, codes: Sequence[str]) -> dict[str, Gebied]:
    if not codes:
        return {}
    return {g.code: g for g in sessie.scalars(select(Gebied).where(Gebied.code.in_(codes)))}


def gebiedscijfers(sessie: Session, codes: Sequence[str]) -> Sequence[Gebiedscijfer]:
    if not codes:
        return []
    return sessie.scalars(
        select(Gebiedscijfer)
        .where(Gebiedscijfer.gebied_code.in_(codes))
        .order_by(Gebiedscijfer.gebied_code, Gebiedscijfer.onderwerp, Gebiedscijfer.periode)
    ).all()
