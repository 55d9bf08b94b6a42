# SPDX-License-Identifier: EUPL-1.2
"""What about gatekeepers and registers holds no person: counts per sector and period, the
freezes waiting or ending (numbers), partnership facts, AP permits and connected companies."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from integraal.domein.poortwachters import Registratiecriterium, Vergunning
from integraal.opslag.modellen import (
    Apvergunning,
    Casus,
    Ongebruikelijketransactie,
    Opschorting,
    Partnerschapsfeit,
    Registeraansluiting,
    Signaal,
    Waarschuwingsregistratie,
)


def per_sector(sessie: Session, tot: dt.datetime) -> list[tuple[int, str, dt.date | None]]:
    """Per report received before `tot`: (year received, sector, the day it was declared
    suspicious or None)."""
    return [
        (op.year, sector, beoordeeld if status == "verdacht" else None)
        for op, sector, status, beoordeeld in sessie.execute(
            select(
                Ongebruikelijketransactie.ontvangen_op,
                Ongebruikelijketransactie.sector,
                Ongebruikelijketransactie.status,
                Ongebruikelijketransactie.beoordeeld_op,
            ).where(Ongebruikelijketransactie.ontvangen_op < tot)
        )
    ]


def per_mainport(sessie: Session, tot: dt.datetime) -> list[tuple[int, str, str, int]]:
    """(year, mainport, "signalen" or "casussen", count): signals received and cases opened
    about a mainport before `tot`."""
    telling: dict[tuple[int, str, str], int] = {}
    for wat, model in (("signalen", Signaal), ("casussen", Casus)):
        for op, mainport in sessie.execute(
            select(model.aangemaakt_op, model.mainport).where(
                model.mainport.is_not(None), model.aangemaakt_op < tot
            )
        ):
            if mainport is not None:
                sleutel = (op.year, mainport, wat)
                telling[sleutel] = telling.get(sleutel, 0) + 1
    return [(j, m, w, n) for (j, m, w), n in sorted(telling.items())]


def te_bevestigen(sessie: Session, instelling_id: str, vandaag: dt.date) -> int:
    """Freeze requests an institution has not yet confirmed, still within their term."""
    return int(
        sessie.scalar(
            select(func.count())
            .select_from(Opschorting)
            .where(
                Opschorting.instelling_id == instelling_id,
                Opschorting.status == "verzocht",
                Opschorting.einde >= vandaag,
            )
        )
        or 0
    )


def aflopend(sessie: Session, vandaag: dt.date, tot: dt.date) -> int:
    """Running freezes whose last day is between today and `tot` (for the FIU)."""
    return int(
        sessie.scalar(
            select(func.count())
            .select_from(Opschorting)
            .where(
                Opschorting.status.in_(("verzocht", "opgeschort")),
                Opschorting.einde >= vandaag,
                Opschorting.einde <= tot,
            )
        )
        or 0
    )


def in_analyse(sessie: Session) -> int:
    return int(
        sessie.scalar(
            select(func.count())
            .select_from(Ongebruikelijketransactie)
            .where(Ongebruikelijketransactie.status.in_(("ontvangen", "in_analyse")))
        )
        or 0
    )


def partnerschapsfeiten(sessie: Session, organisatie_id: str, dag: dt.date) -> frozenset[str]:
    """The kinds of partnership facts an office recorded on or before `dag`."""
    return frozenset(
        sessie.scalars(
            select(Partnerschapsfeit.soort).where(
                Partnerschapsfeit.organisatie_id == organisatie_id, Partnerschapsfeit.op <= dag
            )
        )
    )


def feiten_van(sessie: Session, organisatie_id: str) -> list[Partnerschapsfeit]:
    return list(
        sessie.scalars(
            select(Partnerschapsfeit)
            .where(Partnerschapsfeit.organisatie_id == organisatie_id)
            .order_by(Partnerschapsfeit.op)
        )
    )


def vergunningrijen(sessie: Session, register_id: str) -> list[Apvergunning]:
    return list(
        sessie.scalars(
            select(Apvergunning)
            .where(Apvergunning.register_id == register_id)
            .order_by(Apvergunning.geldig_van.desc(), Apvergunning.id.desc())
        )
    )


def als_vergunning(v: Apvergunning) -> Vergunning:
    return Vergunning(
        nummer=v.nummer,
        geldig_van=v.geldig_van,
        geldig_tot=v.geldig_tot,
        criteria=frozenset(Registratiecriterium(c) for c in v.criteria),
        bewaartermijn_maanden=v.bewaartermijn_maanden,
        ingetrokken_op=v.ingetrokken_op,
    )


def vergunningen(sessie: Session, register_id: str) -> list[Vergunning]:
    return [als_vergunning(v) for v in vergunningrijen(sessie, register_id)]


def vergunningrij(sessie: Session, register_id: str, nummer: str) -> Apvergunning | None:
    return sessie.scalars(
        select(Apvergunning).where(
            Apvergunning.register_id == register_id, Apvergunning.nummer == nummer
        )
    ).first()


def aansluitingen(sessie: Session, register_id: str) -> list[Registeraansluiting]:
    return list(
        sessie.scalars(
            select(Registeraansluiting)
            .where(Registeraansluiting.register_id == register_id)
            .order_by(Registeraansluiting.sinds, Registeraansluiting.id)
        )
    )


def aangesloten(sessie: Session, register_id: str, organisatie_id: str, dag: dt.date) -> bool:
    if organisatie_id == register_id:
        return True
    return any(
        a.organisatie_id == organisatie_id and a.sinds <= dag and (a.tot is None or dag <= a.tot)
        for a in aansluitingen(sessie, register_id)
    )


def te_laten_verlopen(sessie: Session, register_id: str, vandaag: dt.date) -> int:
    return int(
        sessie.scalar(
            select(func.count())
            .select_from(Waarschuwingsregistratie)
            .where(
                Waarschuwingsregistratie.register_id == register_id,
                Waarschuwingsregistratie.status.in_(("ingeschreven", "bezwaar")),
                Waarschuwingsregistratie.einde < vandaag,
            )
        )
        or 0
    )
