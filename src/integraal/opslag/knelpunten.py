# SPDX-License-Identifier: EUPL-1.2
"""Storage of the register of sharing bottlenecks and of refused requests, counted. No
personal data: a bottleneck names rules, partners, categories and a purpose."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from integraal.opslag import nummers
from integraal.opslag.modellen import Casus, Deelverzoek, Knelpunt


def volgend_nummer(sessie: Session, jaar: int) -> str:
    return nummers.volgend(sessie, Knelpunt.id, f"K-{jaar}-", 4)


def knelpunt(sessie: Session, knelpunt_id: str) -> Knelpunt | None:
    return sessie.get(Knelpunt, knelpunt_id)


def alle(sessie: Session) -> list[Knelpunt]:
    return list(sessie.scalars(select(Knelpunt).order_by(Knelpunt.aangemaakt_op.desc())))


def uit_bron(sessie: Session, bron: str, bron_id: str) -> Knelpunt | None:
    return sessie.scalars(
        select(Knelpunt).where(Knelpunt.bron == bron, Knelpunt.bron_id == bron_id)
    ).first()


@dataclass(frozen=True)
class Weigering:
    """One category the rules refused in a data request: which rule, which partnership."""

    regel_id: str | None
    verband_id: str
    categorie: str
    tijd: dt.datetime


def weigeringen(sessie: Session) -> Iterator[Weigering]:
    rijen = sessie.execute(
        select(Deelverzoek.besluiten, Deelverzoek.aangevraagd_op, Casus.verband_id).join(
            Casus, Casus.id == Deelverzoek.casus_id
        )
    )
    for besluiten, tijd, verband in rijen:
        for b in besluiten:
            if not b.get("toegestaan"):
                yield Weigering(b.get("regelId"), verband, str(b.get("categorie")), tijd)
