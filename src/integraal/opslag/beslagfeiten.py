# SPDX-License-Identifier: EUPL-1.2
"""Storage of the seizure chain without persons: numbering, values, events, payments, claims,
social re-use; what registration and the yearly figures need."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from integraal.opslag import nummers
from integraal.opslag.modellen import (
    Beslaggebeurtenis,
    Beslagobject,
    Beslagwaardering,
    Betaling,
    Herbestemming,
    MaatschappelijkeOrganisatie,
    Medeschuldenaar,
    Vermogensdossier,
)


def volgend_id(
    sessie: Session, model: type[Beslagobject] | type[Vermogensdossier], prefix: str
) -> str:
    jaar = dt.datetime.now(dt.UTC).year
    return nummers.volgend(sessie, model.id, f"{prefix}-{jaar}-", 6)


def kvi_bestaat(sessie: Session, kvi_nummer: str) -> bool:
    q = select(func.count()).select_from(Beslagobject).where(Beslagobject.kvi_nummer == kvi_nummer)
    return bool(sessie.scalar(q))


@dataclass(frozen=True)
class Objectfeit:
    """What the figures need of a seized object: no description, no person."""

    id: str
    dedup_sleutel: str
    soort: str
    beslagen_op: dt.date
    geregistreerd_op: dt.datetime
    rechtshulp: bool
    grond: str


def objectfeiten(sessie: Session) -> list[Objectfeit]:
    q = select(
        Beslagobject.id,
        Beslagobject.dedup_sleutel,
        Beslagobject.soort,
        Beslagobject.beslagen_op,
        Beslagobject.geregistreerd_op,
        Beslagobject.rechtshulp,
        Beslagobject.grond,
    ).order_by(Beslagobject.id)
    return [Objectfeit(*rij) for rij in sessie.execute(q)]


@dataclass(frozen=True)
class Termijnfeit:
    """What a seized object's deadlines need: dates and state, no description, no person."""

    status: str
    soort: str
    beslagen_op: dt.date
    waarde_centen: int | None
    status_sinds: dt.date | None
    beoordeeld_op: dt.date | None
    machtiging_verzocht_op: dt.date | None
    beklag_aanhangig: bool


def termijnfeiten(
    sessie: Session, organisatie_id: str, statussen: Sequence[str]
) -> list[Termijnfeit]:
    """Of the objects an organisation is involved in (seized, its OM or custodian)."""
    q = select(
        Beslagobject.status,
        Beslagobject.soort,
        Beslagobject.beslagen_op,
        Beslagobject.waarde_centen,
        Beslagobject.status_sinds,
        Beslagobject.beoordeeld_op,
        Beslagobject.machtiging_verzocht_op,
        Beslagobject.beklag_aanhangig,
    ).where(
        or_(
            Beslagobject.organisatie_id == organisatie_id,
            Beslagobject.om_id == organisatie_id,
            Beslagobject.bewaarder_id == organisatie_id,
        ),
        Beslagobject.status.in_(statussen),
    )
    return [Termijnfeit(*rij) for rij in sessie.execute(q)]


def eerder_beslag(
    sessie: Session, casus_id: str | None, dossier_id: str | None, kenmerk: str
) -> tuple[str, str] | None:
    """The same thing seized before in the same case (by its plate, IBAN or wallet): its id
    and the key that counts it once in the figures."""
    if not kenmerk or (casus_id is None and dossier_id is None):
        return None
    q = select(Beslagobject.id, Beslagobject.dedup_sleutel).where(Beslagobject.kenmerk == kenmerk)
    q = q.where(
        Beslagobject.casus_id == casus_id
        if casus_id is not None
        else Beslagobject.dossier_id == dossier_id
    )
    rij = sessie.execute(q.order_by(Beslagobject.beslagen_op)).first()
    return (rij[0], rij[1]) if rij else None


@dataclass(frozen=True)
class Vorderingfeit:
    dossier_id: str
    vordering_centen: int | None
    aangemaakt_op: dt.datetime


def vorderingen(sessie: Session) -> list[Vorderingfeit]:
    """The claims of all dossiers, without the suspect (for the yearly figures)."""
    q = select(
        Vermogensdossier.id, Vermogensdossier.vordering_centen, Vermogensdossier.aangemaakt_op
    ).order_by(Vermogensdossier.id)
    return [Vorderingfeit(*rij) for rij in sessie.execute(q)]


def waarderingen(sessie: Session, object_ids: Sequence[str]) -> list[Beslagwaardering]:
    if not object_ids:
        return []
    q = select(Beslagwaardering).where(Beslagwaardering.object_id.in_(object_ids))
    return list(sessie.scalars(q.order_by(Beslagwaardering.id)))


def alle_waarderingen(sessie: Session) -> list[Beslagwaardering]:
    return list(sessie.scalars(select(Beslagwaardering).order_by(Beslagwaardering.id)))


def gebeurtenissen(sessie: Session, object_ids: Sequence[str]) -> list[Beslaggebeurtenis]:
    if not object_ids:
        return []
    q = select(Beslaggebeurtenis).where(Beslaggebeurtenis.object_id.in_(object_ids))
    return list(sessie.scalars(q.order_by(Beslaggebeurtenis.id)))


def alle_statusgebeurtenissen(sessie: Session) -> list[Beslaggebeurtenis]:
    q = select(Beslaggebeurtenis).where(Beslaggebeurtenis.naar_status.is_not(None))
    return list(sessie.scalars(q.order_by(Beslaggebeurtenis.id)))


def medeschuldenaren(sessie: Session, dossier_id: str) -> list[str]:
    q = select(Medeschuldenaar.ander_id).where(Medeschuldenaar.dossier_id == dossier_id)
    return list(sessie.scalars(q.order_by(Medeschuldenaar.ander_id)))


def alle_medeschuldenaren(sessie: Session) -> list[Medeschuldenaar]:
    return list(sessie.scalars(select(Medeschuldenaar)))


def betalingen(sessie: Session, dossier_id: str | None = None) -> list[Betaling]:
    q = select(Betaling)
    if dossier_id is not None:
        q = q.where(Betaling.dossier_id == dossier_id)
    return list(sessie.scalars(q.order_by(Betaling.ontvangen_op)))


def maatschappelijke_organisaties(sessie: Session) -> list[MaatschappelijkeOrganisatie]:
    return list(
        sessie.scalars(
            select(MaatschappelijkeOrganisatie).order_by(MaatschappelijkeOrganisatie.naam)
        )
    )


def herbestemmingen(sessie: Session) -> list[Herbestemming]:
    return list(sessie.scalars(select(Herbestemming).order_by(Herbestemming.overgedragen_op)))


def laatste_ids(sessie: Session) -> tuple[int, int]:
    """The newest event and valuation ids, to find what one step added (used by the demo)."""
    g = sessie.scalar(select(func.max(Beslaggebeurtenis.id))) or 0
    w = sessie.scalar(select(func.max(Beslagwaardering.id))) or 0
    return g, w


def dateer_terug(sessie: Session, na: tuple[int, int], moment: dt.datetime) -> None:
    """Give the events and valuations added after `na` a registration moment in the past.

    Only the demo's story uses this, to show a na-ijleffect; real registrations keep the
    moment they were made."""
    for g in sessie.scalars(select(Beslaggebeurtenis).where(Beslaggebeurtenis.id > na[0])):
        g.geregistreerd_op = moment
    for w in sessie.scalars(select(Beslagwaardering).where(Beslagwaardering.id > na[1])):
        w.geregistreerd_op = moment


def aantal_objecten(sessie: Session) -> int:
    return int(sessie.scalar(select(func.count()).select_from(Beslagobject)) or 0)


def dateer_registratie_terug(
    sessie: Session, object_ids: Sequence[str], moment: dt.datetime
) -> None:
    """The demo's story: objects registered on the day the story says (see `dateer_terug`)."""
    for o in sessie.scalars(select(Beslagobject).where(Beslagobject.id.in_(object_ids))):
        o.geregistreerd_op = moment


def dateer_dossier_terug(sessie: Session, dossier_id: str, moment: dt.datetime) -> None:
    d = sessie.get(Vermogensdossier, dossier_id)
    if d is not None:
        d.aangemaakt_op = moment
