# SPDX-License-Identifier: EUPL-1.2
"""Storage of the seizure chain's personal data: seized objects (each tied to the person seized
from), the persons seized from, and the vermogensdossiers of suspects. Only the door in
`integraal.toegang` reads it, after a rule decision, and logs every read; what the figures
need is in `beslagfeiten`, without persons."""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from integraal.opslag.modellen import (
    BekendVermogen,
    Beslagene,
    Beslaggebeurtenis,
    Beslagobject,
    Onderzoekshandeling,
    Uitbak,
    Vermogensdossier,
)

PERSOONSGEGEVENS = True


def object_(sessie: Session, object_id: str) -> Beslagobject | None:
    return sessie.get(Beslagobject, object_id)


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


def beslagene(sessie: Session, beslagene_id: str) -> Beslagene | None:
    return sessie.get(Beslagene, beslagene_id)


def beslagene_met_code(sessie: Session, code_hash: str) -> Beslagene | None:
    return sessie.scalars(select(Beslagene).where(Beslagene.inzagecode_hash == code_hash)).first()


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


def onderzoekshandelingen(sessie: Session, dossier_id: str) -> list[Onderzoekshandeling]:
    q = select(Onderzoekshandeling).where(Onderzoekshandeling.dossier_id == dossier_id)
    return list(sessie.scalars(q.order_by(Onderzoekshandeling.datum)))


def bekend_vermogen(sessie: Session, dossier_id: str) -> list[BekendVermogen]:
    q = select(BekendVermogen).where(BekendVermogen.dossier_id == dossier_id)
    return list(sessie.scalars(q.order_by(BekendVermogen.bekend_sinds)))


def alle_beslagenen(sessie: Session) -> list[Beslagene]:
    return list(sessie.scalars(select(Beslagene).order_by(Beslagene.id)))
