# SPDX-License-Identifier: EUPL-1.2
"""Storage of case work without personal data: cases, members, data requests, interventions,
events. Signals and subjects are in their own modules, behind the door."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from integraal.opslag import nummers
from integraal.opslag.modellen import (
    Advies,
    Casus,
    CasusLid,
    CasusSubject,
    Deelverzoek,
    Gebeurtenis,
    Gebruiker,
    Informatieplicht,
    Interventie,
    Signaal,
)


def volgend_nummer(sessie: Session, model: type[Casus] | type[Signaal], prefix: str) -> str:
    """Readable ids (S-2026-0001) that cannot collide."""
    jaar = dt.datetime.now(dt.UTC).year
    return nummers.volgend(sessie, model.id, f"{prefix}-{jaar}-", 4)


def leden(sessie: Session, casus_id: str, *, sinds: dt.datetime) -> list[Gebruiker]:
    """The members whose membership was confirmed since `sinds` (the others have lapsed)."""
    return list(
        sessie.scalars(
            select(Gebruiker)
            .join(CasusLid, CasusLid.gebruiker_id == Gebruiker.id)
            .where(CasusLid.casus_id == casus_id, CasusLid.bevestigd_op >= sinds)
            .order_by(Gebruiker.naam)
        )
    )


def lid(
    sessie: Session, casus_id: str, gebruiker_id: int, *, sinds: dt.datetime
) -> CasusLid | None:
    rij = sessie.get(CasusLid, (casus_id, gebruiker_id))
    return rij if rij is not None and rij.bevestigd_op >= sinds else None


def lidmaatschap(sessie: Session, casus_id: str, gebruiker_id: int) -> CasusLid | None:
    """The row itself, lapsed or not (to confirm it again or to add the member anew)."""
    return sessie.get(CasusLid, (casus_id, gebruiker_id))


def is_open(sessie: Session, casus_id: str) -> bool:
    return sessie.scalar(select(Casus.status).where(Casus.id == casus_id)) == "open"


def deelverzoek(sessie: Session, deelverzoek_id: str) -> Deelverzoek | None:
    return sessie.get(Deelverzoek, deelverzoek_id)


def deelverzoeken_van_casus(sessie: Session, casus_id: str) -> list[Deelverzoek]:
    return list(
        sessie.scalars(
            select(Deelverzoek)
            .where(Deelverzoek.casus_id == casus_id)
            .order_by(Deelverzoek.aangevraagd_op)
        )
    )


def deelverzoeken_voor_verstrekker(
    sessie: Session, organisatie_id: str, statussen: Sequence[str]
) -> list[Deelverzoek]:
    return list(
        sessie.scalars(
            select(Deelverzoek)
            .where(Deelverzoek.verstrekker_id == organisatie_id, Deelverzoek.status.in_(statussen))
            .order_by(Deelverzoek.aangevraagd_op)
        )
    )


def casussen_van_verband(sessie: Session, verband_id: str) -> list[Casus]:
    return list(
        sessie.scalars(select(Casus).where(Casus.verband_id == verband_id).order_by(Casus.id))
    )


def interventies_van_casus(sessie: Session, casus_id: str) -> list[Interventie]:
    return list(
        sessie.scalars(
            select(Interventie).where(Interventie.casus_id == casus_id).order_by(Interventie.soort)
        )
    )


def interventies_van_organisatie(sessie: Session, organisatie_id: str) -> list[Interventie]:
    return list(
        sessie.scalars(
            select(Interventie)
            .where(Interventie.eigenaar_id == organisatie_id)
            .order_by(Interventie.casus_id, Interventie.soort)
        )
    )


def gebeurtenissen(sessie: Session, soort: str | None = None) -> list[Gebeurtenis]:
    q = select(Gebeurtenis).order_by(Gebeurtenis.id)
    if soort:
        q = q.where(Gebeurtenis.soort == soort)
    return list(sessie.scalars(q))


def gesloten_casussen(sessie: Session) -> list[Casus]:
    return list(sessie.scalars(select(Casus).where(Casus.status == "gesloten").order_by(Casus.id)))


def gebeurtenissen_van_casus(sessie: Session, casus_id: str) -> list[Gebeurtenis]:
    return list(
        sessie.scalars(
            select(Gebeurtenis).where(Gebeurtenis.casus_id == casus_id).order_by(Gebeurtenis.id)
        )
    )


def aantal_signalen(sessie: Session, verband_id: str, statussen: Sequence[str]) -> int:
    """A count for a work list; no signal is read."""
    return int(
        sessie.scalar(
            select(func.count())
            .select_from(Signaal)
            .where(Signaal.verband_id == verband_id, Signaal.status.in_(statussen))
        )
        or 0
    )


def aantal_deelverzoeken(sessie: Session, verstrekker_id: str, status: str) -> int:
    return int(
        sessie.scalar(
            select(func.count())
            .select_from(Deelverzoek)
            .where(Deelverzoek.verstrekker_id == verstrekker_id, Deelverzoek.status == status)
        )
        or 0
    )


def informeren_te_doen(sessie: Session, casus_ids: Sequence[str], peildatum: dt.date) -> int:
    """How many subjects of these cases wait for a decision on informing them: none taken yet,
    or a deferral whose review date has come. A count, so no person leaves storage."""
    if not casus_ids:
        return 0
    laatste: dict[tuple[str, str], Informatieplicht] = {}
    for r in sessie.scalars(
        select(Informatieplicht)
        .where(Informatieplicht.casus_id.in_(casus_ids))
        .order_by(Informatieplicht.vastgelegd_op, Informatieplicht.id)
    ):
        laatste[(r.casus_id, r.entity_id)] = r
    n = 0
    for casus_id, entity_id in sessie.execute(
        select(CasusSubject.casus_id, CasusSubject.entity_id).where(
            CasusSubject.casus_id.in_(casus_ids)
        )
    ):
        besluit = laatste.get((casus_id, entity_id))
        if besluit is None or (besluit.herzien_op is not None and besluit.herzien_op <= peildatum):
            n += 1
    return n


def vast_te_stellen(sessie: Session, verband_id: str, gebruiker_id: int) -> int:
    """Draft advice or plans in the partnership's open cases that this person did not draft
    (a second person adopts them)."""
    return int(
        sessie.scalar(
            select(func.count())
            .select_from(Advies)
            .join(Casus, Casus.id == Advies.casus_id)
            .where(
                Casus.verband_id == verband_id,
                Casus.status == "open",
                Advies.status == "concept",
                Advies.opgesteld_door != gebruiker_id,
            )
        )
        or 0
    )
