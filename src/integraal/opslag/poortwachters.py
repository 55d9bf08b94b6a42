# SPDX-License-Identifier: EUPL-1.2
"""Storage of unusual-transaction reports, disseminations, freezes, notaries' refusals and
warning-register entries and lookups. All are about persons: only the door reads these rows.
Counts without persons (per sector, open freezes) are in `opslag.poortwachtercijfers`."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from integraal.opslag.modellen import (
    Fiuverstrekking,
    Notarisweigering,
    Ongebruikelijketransactie,
    Opschorting,
    Registerraadpleging,
    Waarschuwingsregistratie,
)

PERSOONSGEGEVENS = True


def melding(sessie: Session, melding_id: str) -> Ongebruikelijketransactie | None:
    return sessie.get(Ongebruikelijketransactie, melding_id)


def meldingen(sessie: Session, melder_id: str | None = None) -> list[Ongebruikelijketransactie]:
    """All reports (the FIU), or those one institution sent."""
    q = select(Ongebruikelijketransactie).order_by(Ongebruikelijketransactie.ontvangen_op.desc())
    if melder_id is not None:
        q = q.where(Ongebruikelijketransactie.melder_id == melder_id)
    return list(sessie.scalars(q))


def verstrekkingen(
    sessie: Session, *, melding_id: str | None = None, aan_id: str | None = None
) -> list[Fiuverstrekking]:
    q = select(Fiuverstrekking).order_by(Fiuverstrekking.verstrekt_op.desc())
    if melding_id is not None:
        q = q.where(Fiuverstrekking.melding_id == melding_id)
    if aan_id is not None:
        q = q.where(Fiuverstrekking.aan_id == aan_id)
    return list(sessie.scalars(q))


def verstrekking(sessie: Session, verstrekking_id: str) -> Fiuverstrekking | None:
    return sessie.get(Fiuverstrekking, verstrekking_id)


def opschorting(sessie: Session, opschorting_id: str) -> Opschorting | None:
    return sessie.get(Opschorting, opschorting_id)


def opschortingen(sessie: Session, instelling_id: str | None = None) -> list[Opschorting]:
    q = select(Opschorting).order_by(Opschorting.verzocht_op.desc(), Opschorting.id.desc())
    if instelling_id is not None:
        q = q.where(Opschorting.instelling_id == instelling_id)
    return list(sessie.scalars(q))


def opschortingen_bij_dossier(sessie: Session, dossier_id: str) -> list[Opschorting]:
    return list(
        sessie.scalars(
            select(Opschorting).where(Opschorting.dossier_id == dossier_id).order_by(Opschorting.id)
        )
    )


def weigeringen(sessie: Session, organisatie_id: str | None = None) -> list[Notarisweigering]:
    q = select(Notarisweigering).order_by(Notarisweigering.op.desc(), Notarisweigering.id.desc())
    if organisatie_id is not None:
        q = q.where(Notarisweigering.organisatie_id == organisatie_id)
    return list(sessie.scalars(q))


def registratie(sessie: Session, registratie_id: str) -> Waarschuwingsregistratie | None:
    return sessie.get(Waarschuwingsregistratie, registratie_id)


def registraties(
    sessie: Session, register_id: str, *, sleutel: str | None = None
) -> list[Waarschuwingsregistratie]:
    q = (
        select(Waarschuwingsregistratie)
        .where(Waarschuwingsregistratie.register_id == register_id)
        .order_by(Waarschuwingsregistratie.ingeschreven_op.desc(), Waarschuwingsregistratie.id)
    )
    if sleutel is not None:
        q = q.where(Waarschuwingsregistratie.sleutel == sleutel)
    return list(sessie.scalars(q))


def raadplegingen(sessie: Session, registratie_id: str) -> list[Registerraadpleging]:
    return list(
        sessie.scalars(
            select(Registerraadpleging)
            .where(Registerraadpleging.registratie_id == registratie_id)
            .order_by(Registerraadpleging.op)
        )
    )
