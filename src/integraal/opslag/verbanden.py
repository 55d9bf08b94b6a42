# SPDX-License-Identifier: EUPL-1.2
"""Storage of partnership work without personal data: numbering, counts for work lists, and
the Serious Crime Taskforce's facilitator indicators (phenomenon level, never a person)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from integraal.opslag import nummers
from integraal.opslag.modellen import (
    Bestuurlijkerapportage,
    Bestuurlijkevordering,
    Bibobprocedure,
    Facilitatorindicator,
    Fiuverstrekking,
    Notarisweigering,
    Ongebruikelijketransactie,
    Opschorting,
    Rapportageverzoek,
    Rondeantwoord,
    Signaalronde,
    Sluiting,
    Waarschuwingsregistratie,
)

Genummerd = (
    type[Rapportageverzoek]
    | type[Signaalronde]
    | type[Facilitatorindicator]
    | type[Bibobprocedure]
    | type[Bestuurlijkerapportage]
    | type[Sluiting]
    | type[Bestuurlijkevordering]
    | type[Ongebruikelijketransactie]
    | type[Fiuverstrekking]
    | type[Opschorting]
    | type[Notarisweigering]
    | type[Waarschuwingsregistratie]
)


def volgend_nummer(sessie: Session, model: Genummerd, prefix: str, jaar: int) -> str:
    return nummers.volgend(sessie, model.id, f"{prefix}-{jaar}-", 4)


@dataclass(frozen=True)
class Verzoekkop:
    """A report request without its subjects or report: what a list shows."""

    id: str
    soort: str
    doel: str
    organisatie_id: str
    onderzoek: str
    status: str
    aangevraagd_op: dt.datetime
    subjecten: int


def rapportageverzoeken(
    sessie: Session, *, verband_id: str | None = None, aanvrager: int | None = None
) -> list[Verzoekkop]:
    q = select(
        Rapportageverzoek.id,
        Rapportageverzoek.soort,
        Rapportageverzoek.doel,
        Rapportageverzoek.organisatie_id,
        Rapportageverzoek.onderzoek,
        Rapportageverzoek.status,
        Rapportageverzoek.aangevraagd_op,
        Rapportageverzoek.kenmerken,
    ).order_by(Rapportageverzoek.aangevraagd_op.desc())
    if verband_id is not None:
        q = q.where(Rapportageverzoek.verband_id == verband_id)
    if aanvrager is not None:
        q = q.where(Rapportageverzoek.aangevraagd_door == aanvrager)
    return [
        Verzoekkop(id_, soort, doel, org, onderzoek, status, op, len(kenmerken))
        for id_, soort, doel, org, onderzoek, status, op, kenmerken in sessie.execute(q)
    ]


def aantal_rapportageverzoeken(sessie: Session, verband_id: str, statussen: Sequence[str]) -> int:
    return int(
        sessie.scalar(
            select(func.count())
            .select_from(Rapportageverzoek)
            .where(
                Rapportageverzoek.verband_id == verband_id,
                Rapportageverzoek.status.in_(statussen),
            )
        )
        or 0
    )


def open_rondes_zonder_antwoord(sessie: Session, organisatie_id: str) -> int:
    """Open rounds put to this organisation that it has not answered (a count)."""
    n = 0
    for ronde_id, deelnemers in sessie.execute(
        select(Signaalronde.id, Signaalronde.deelnemers).where(Signaalronde.status == "open")
    ):
        if (
            organisatie_id in deelnemers
            and sessie.get(Rondeantwoord, (ronde_id, organisatie_id)) is None
        ):
            n += 1
    return n


def indicator(sessie: Session, indicator_id: str) -> Facilitatorindicator | None:
    return sessie.get(Facilitatorindicator, indicator_id)


def indicatoren(sessie: Session, verband_id: str) -> list[Facilitatorindicator]:
    return list(
        sessie.scalars(
            select(Facilitatorindicator)
            .where(Facilitatorindicator.verband_id == verband_id)
            .order_by(Facilitatorindicator.opgesteld_op.desc())
        )
    )
