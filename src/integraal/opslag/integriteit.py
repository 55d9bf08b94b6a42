# SPDX-License-Identifier: EUPL-1.2
"""Storage of integrity alerts, the detection cursor and shielded persons. Alerts name a user
and shielded persons are persons: only the door reads these rows. Counts without names are in
`opslag.integriteitcijfers`."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence

from sqlalchemy import select
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.orm import Session

from integraal.opslag.modellen import (
    AfgeschermdePersoon,
    CasusLid,
    CasusSubject,
    Integriteitscursor,
    Integriteitsmelding,
)

PERSOONSGEGEVENS = True


def cursor(sessie: Session) -> Integriteitscursor:
    """The one cursor row, locked: two runs at once would examine the same lines."""
    rij = sessie.scalars(
        select(Integriteitscursor).where(Integriteitscursor.id == 1).with_for_update()
    ).one_or_none()
    if rij is None:
        rij = Integriteitscursor(id=1, volgnummer=0, audit_id=0, toestand={})
        sessie.add(rij)
        sessie.flush()
    return rij


def bewaar_meldingen(sessie: Session, rijen: Sequence[dict[str, object]]) -> int:
    """Insert alerts, skipping any whose key exists (the door may have raised it already)."""
    if not rijen:
        return 0
    dialect = sessie.get_bind().dialect.name
    maker = pg_insert if dialect == "postgresql" else sqlite_insert
    stmt = maker(Integriteitsmelding).on_conflict_do_nothing(index_elements=["sleutel"])
    nieuw = 0
    for rij in rijen:
        nieuw += (
            sessie.execute(stmt.values(rij).returning(Integriteitsmelding.id)).first() is not None
        )
    return nieuw


def melding(sessie: Session, melding_id: int) -> Integriteitsmelding | None:
    return sessie.get(Integriteitsmelding, melding_id)


def meldingen(
    sessie: Session, organisatie_id: str, *, open_: bool | None = None
) -> list[Integriteitsmelding]:
    q = select(Integriteitsmelding).where(Integriteitsmelding.organisatie_id == organisatie_id)
    if open_ is True:
        q = q.where(Integriteitsmelding.status.in_(("nieuw", "in_behandeling")))
    elif open_ is False:
        q = q.where(Integriteitsmelding.status.in_(("verklaard", "misbruik")))
    return list(sessie.scalars(q.order_by(Integriteitsmelding.tijd.desc())))


def afgeschermden(
    sessie: Session, *, organisatie_id: str | None = None, op: dt.datetime | None = None
) -> list[AfgeschermdePersoon]:
    """Shielded persons (current ones when `op` is given), of one organisation or all."""
    q = select(AfgeschermdePersoon)
    if organisatie_id is not None:
        q = q.where(AfgeschermdePersoon.organisatie_id == organisatie_id)
    if op is not None:
        q = q.where(
            (AfgeschermdePersoon.beeindigd_op.is_(None)) | (AfgeschermdePersoon.beeindigd_op > op)
        )
    return list(sessie.scalars(q.order_by(AfgeschermdePersoon.toegevoegd_op)))


def afgeschermde(sessie: Session, afscherming_id: int) -> AfgeschermdePersoon | None:
    return sessie.get(AfgeschermdePersoon, afscherming_id)


def afgeschermd_van(
    sessie: Session, betrokkenen: Iterable[str], op: dt.datetime
) -> list[AfgeschermdePersoon]:
    ids = sorted(set(betrokkenen))
    if not ids:
        return []
    return list(
        sessie.scalars(
            select(AfgeschermdePersoon).where(
                AfgeschermdePersoon.betrokkene.in_(ids),
                (AfgeschermdePersoon.beeindigd_op.is_(None))
                | (AfgeschermdePersoon.beeindigd_op > op),
            )
        )
    )


def casussubjecten_per_gebruiker(sessie: Session) -> dict[int, set[str]]:
    """The entities in each user's cases, lapsed memberships included: a read made while a
    membership held was made inside the case."""
    rijen = sessie.execute(
        select(CasusLid.gebruiker_id, CasusSubject.entity_id).join(
            CasusSubject, CasusSubject.casus_id == CasusLid.casus_id
        )
    )
    uit: dict[int, set[str]] = {}
    for gebruiker, entiteit in rijen:
        uit.setdefault(gebruiker, set()).add(entiteit)
    return uit
