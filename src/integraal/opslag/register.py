# SPDX-License-Identifier: EUPL-1.2
"""Storage of the partner register's versions, and what in the database still names an
organisation (so a version that drops it can be refused)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from sqlalchemy import Column, Select, select
from sqlalchemy.orm import Session

from integraal.opslag.mappings import ACTIEF
from integraal.opslag.modellen import Basis, Mappingversie, Registerversie

VOORGESTELD, GOEDGEKEURD, AFGEWEZEN = "voorgesteld", "goedgekeurd", "afgewezen"


def _goedgekeurd_op(datum: dt.date) -> Select[Registerversie]:
    return (
        select(Registerversie)
        .where(Registerversie.status == GOEDGEKEURD, Registerversie.geldig_van <= datum)
        .order_by(
            Registerversie.geldig_van.desc(),
            Registerversie.beoordeeld_op.desc().nulls_last(),
            Registerversie.id.desc(),
        )
    )


def in_werking(sessie: Session, datum: dt.date) -> Registerversie | None:
    """The approved version with the latest date on or before `datum` (of two with the same
    date, the later approved): None before the first one is stored."""
    return sessie.scalars(_goedgekeurd_op(datum).limit(1)).first()


def versie_in_werking(sessie: Session, datum: dt.date) -> tuple[int, str] | None:
    """The id and version number of `in_werking`, without its text: what a process compares
    every few seconds."""
    rij = sessie.execute(
        _goedgekeurd_op(datum).with_only_columns(Registerversie.id, Registerversie.versie).limit(1)
    ).first()
    return (rij[0], rij[1]) if rij is not None else None


def volgende(sessie: Session, na: dt.date) -> Registerversie | None:
    """The approved version that applies first after `na`, if any."""
    return sessie.scalars(
        select(Registerversie)
        .where(Registerversie.status == GOEDGEKEURD, Registerversie.geldig_van > na)
        .order_by(Registerversie.geldig_van, Registerversie.beoordeeld_op.desc().nulls_last())
        .limit(1)
    ).first()


def versies(sessie: Session) -> list[Registerversie]:
    return list(
        sessie.scalars(
            select(Registerversie).order_by(
                Registerversie.voorgesteld_op.desc(), Registerversie.id.desc()
            )
        )
    )


def versie(sessie: Session, versie_id: int) -> Registerversie | None:
    return sessie.get(Registerversie, versie_id)


def op_naam(sessie: Session, naam: str) -> Registerversie | None:
    return sessie.scalars(select(Registerversie).where(Registerversie.versie == naam)).one_or_none()


def bewaar(sessie: Session, rv: Registerversie) -> None:
    sessie.add(rv)
    sessie.flush()


def _kolommen_naar_organisatie() -> list[Column[str]]:
    uit: list[Column[str]] = []
    for tabel in Basis.metadata.sorted_tables:
        for kolom in tabel.columns:
            if any(fk.target_fullname == "organisatie.id" for fk in kolom.foreign_keys):
                uit.append(kolom)
    return uit


def in_gebruik(sessie: Session, org_ids: Iterable[str]) -> dict[str, set[str]]:
    """Per organisation of `org_ids`, the tables whose rows still name it (accounts,
    deliveries, cases, ...), and the delivery mappings in use that name it."""
    gezocht = sorted(set(org_ids))
    uit: dict[str, set[str]] = {}
    if not gezocht:
        return uit
    for kolom in _kolommen_naar_organisatie():
        for (org_id,) in sessie.execute(select(kolom).where(kolom.in_(gezocht)).distinct()):
            uit.setdefault(org_id, set()).add(kolom.table.name)
    for partner, ontvanger in sessie.execute(
        select(Mappingversie.partner_id, Mappingversie.ontvanger_id).where(
            Mappingversie.status == ACTIEF
        )
    ):
        for org_id in {partner, ontvanger} & set(gezocht):
            uit.setdefault(org_id, set()).add("mappingversie")
    return uit
