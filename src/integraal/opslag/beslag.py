# SPDX-License-Identifier: EUPL-1.2
"""Storage of the seizure chain: objects, values, events and each partner's outbox."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from integraal.opslag.modellen import (
    BekendVermogen,
    Beslagene,
    Beslaggebeurtenis,
    Beslagobject,
    Beslagwaardering,
    Betaling,
    Herbestemming,
    MaatschappelijkeOrganisatie,
    Medeschuldenaar,
    Onderzoekshandeling,
    Uitbak,
    Vermogensdossier,
)


def volgend_id(
    sessie: Session, model: type[Beslagobject] | type[Vermogensdossier], prefix: str
) -> str:
    jaar = dt.datetime.now(dt.UTC).year
    stam = f"{prefix}-{jaar}-"
    n = sessie.scalar(select(func.count()).select_from(model).where(model.id.like(stam + "%")))
    return f"{stam}{(n or 0) + 1:06d}"


def object_(sessie: Session, object_id: str) -> Beslagobject | None:
    return sessie.get(Beslagobject, object_id)


def kvi_bestaat(sessie: Session, kvi_nummer: str) -> bool:
    q = select(func.count()).select_from(Beslagobject).where(Beslagobject.kvi_nummer == kvi_nummer)
    return bool(sessie.scalar(q))


def objecten_van_organisatie(
    sessie: Session, organisatie_id: str, *, status: Sequence[str] | None = None, limiet: int = 500
) -> list[Beslagobject]:
    """Objects the organisation is involved in: it seized them, is their OM or their custodian."""
    q = select(Beslagobject).where(
        or_(
            Beslagobject.organisatie_id == organisatie_id,
            Beslagobject.om_id == organisatie_id,
            Beslagobject.bewaarder_id == organisatie_id,
        )
    )
    if status:
        q = q.where(Beslagobject.status.in_(status))
    return list(sessie.scalars(q.order_by(Beslagobject.beslagen_op, Beslagobject.id).limit(limiet)))


def objecten_van_dossier(sessie: Session, dossier_id: str) -> list[Beslagobject]:
    q = select(Beslagobject).where(Beslagobject.dossier_id == dossier_id)
    return list(sessie.scalars(q.order_by(Beslagobject.beslagen_op, Beslagobject.id)))


def objecten_van_beslagene(sessie: Session, beslagene_id: str) -> list[Beslagobject]:
    q = select(Beslagobject).where(Beslagobject.beslagene_id == beslagene_id)
    return list(sessie.scalars(q.order_by(Beslagobject.kvi_nummer, Beslagobject.volgnummer)))


def alle_objecten(sessie: Session) -> list[Beslagobject]:
    return list(sessie.scalars(select(Beslagobject).order_by(Beslagobject.id)))


def eerder_object(
    sessie: Session, casus_id: str | None, dossier_id: str | None, kenmerk: str
) -> Beslagobject | None:
    """The same thing seized before in the same case (by its plate, IBAN or wallet)."""
    if not kenmerk or (casus_id is None and dossier_id is None):
        return None
    q = select(Beslagobject).where(Beslagobject.kenmerk == kenmerk)
    q = q.where(
        Beslagobject.casus_id == casus_id
        if casus_id is not None
        else Beslagobject.dossier_id == dossier_id
    )
    return sessie.scalars(q.order_by(Beslagobject.beslagen_op)).first()


def beslagene(sessie: Session, beslagene_id: str) -> Beslagene | None:
    return sessie.get(Beslagene, beslagene_id)


def beslagene_met_code(sessie: Session, code_hash: str) -> Beslagene | None:
    return sessie.scalars(select(Beslagene).where(Beslagene.inzagecode_hash == code_hash)).first()


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


def feed(
    sessie: Session, ontvanger_id: str, na: int, limiet: int
) -> list[tuple[Uitbak, Beslaggebeurtenis]]:
    q = (
        select(Uitbak, Beslaggebeurtenis)
        .join(Beslaggebeurtenis, Beslaggebeurtenis.id == Uitbak.gebeurtenis_id)
        .where(Uitbak.ontvanger_id == ontvanger_id, Uitbak.id > na)
        .order_by(Uitbak.id)
        .limit(limiet)
    )
    return [(u, g) for u, g in sessie.execute(q)]


def dossier(sessie: Session, dossier_id: str) -> Vermogensdossier | None:
    return sessie.get(Vermogensdossier, dossier_id)


def dossiers_van_organisatie(sessie: Session, organisatie_id: str) -> list[Vermogensdossier]:
    q = select(Vermogensdossier).where(Vermogensdossier.organisatie_id == organisatie_id)
    return list(sessie.scalars(q.order_by(Vermogensdossier.id)))


def alle_dossiers(sessie: Session) -> list[Vermogensdossier]:
    return list(sessie.scalars(select(Vermogensdossier).order_by(Vermogensdossier.id)))


def medeschuldenaren(sessie: Session, dossier_id: str) -> list[str]:
    q = select(Medeschuldenaar.ander_id).where(Medeschuldenaar.dossier_id == dossier_id)
    return list(sessie.scalars(q.order_by(Medeschuldenaar.ander_id)))


def alle_medeschuldenaren(sessie: Session) -> list[Medeschuldenaar]:
    return list(sessie.scalars(select(Medeschuldenaar)))


def onderzoekshandelingen(sessie: Session, dossier_id: str) -> list[Onderzoekshandeling]:
    q = select(Onderzoekshandeling).where(Onderzoekshandeling.dossier_id == dossier_id)
    return list(sessie.scalars(q.order_by(Onderzoekshandeling.datum)))


def bekend_vermogen(sessie: Session, dossier_id: str) -> list[BekendVermogen]:
    q = select(BekendVermogen).where(BekendVermogen.dossier_id == dossier_id)
    return list(sessie.scalars(q.order_by(BekendVermogen.bekend_sinds)))


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
