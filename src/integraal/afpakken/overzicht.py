# SPDX-License-Identifier: EUPL-1.2
"""What a chain partner sees: its objects, one object's history, and the deadlines list."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from integraal.afpakken import toegang
from integraal.afpakken.verloop import toestand
from integraal.delen import Beslisser
from integraal.domein.actor import Actor
from integraal.domein.beslag import (
    EINDSTATUSSEN,
    BeslagStatus,
    Overgang,
    Termijn,
    klaagschrift_tot,
    mogelijke_overgangen,
    termijnen,
)
from integraal.opslag import beslag as opslag
from integraal.opslag.db import Sessie
from integraal.opslag.modellen import Beslaggebeurtenis, Beslagobject, Beslagwaardering


@dataclass(frozen=True)
class Objectbeeld:
    obj: Beslagobject
    beslagene: str
    waarderingen: list[Beslagwaardering]
    gebeurtenissen: list[Beslaggebeurtenis]
    termijnen: list[Termijn]
    klaagschrift_tot: dt.date
    vervolg: list[Overgang]


def objecten(
    sessie: Sessie,
    beslisser: Beslisser,
    actor: Actor,
    *,
    status: list[str] | None = None,
    herkomst: str = "app",
) -> list[Beslagobject]:
    kandidaten = opslag.objecten_van_organisatie(sessie, actor.organisatie_id, status=status)
    return toegang.lees(sessie, beslisser, actor, kandidaten, "beslag-lijst", herkomst)


def object_beeld(
    sessie: Sessie,
    beslisser: Beslisser,
    actor: Actor,
    object_id: str,
    *,
    herkomst: str = "app",
) -> Objectbeeld:
    rol = toegang.ketenrol(beslisser, actor)
    obj = toegang.lees_een(
        sessie, beslisser, actor, opslag.object_(sessie, object_id), "beslag-object", herkomst
    )
    b = opslag.beslagene(sessie, obj.beslagene_id)
    t = toestand(obj)
    return Objectbeeld(
        obj=obj,
        beslagene=b.naam if b else "—",
        waarderingen=opslag.waarderingen(sessie, [obj.id]),
        gebeurtenissen=opslag.gebeurtenissen(sessie, [obj.id]),
        termijnen=termijnen(t),
        klaagschrift_tot=klaagschrift_tot(obj.beslagen_op, obj.einde_zaak_op),
        vervolg=[] if t.status in EINDSTATUSSEN else mogelijke_overgangen(t, rol),
    )


@dataclass(frozen=True)
class Termijnregel:
    obj: Beslagobject
    termijn: Termijn
    stand: str


def termijnlijst(
    sessie: Sessie,
    beslisser: Beslisser,
    actor: Actor,
    vandaag: dt.date | None = None,
    *,
    horizon_dagen: int = 14,
    herkomst: str = "app",
) -> list[Termijnregel]:
    """What is due within the horizon or overdue, oldest first; a read of the objects listed."""
    vandaag = vandaag or dt.date.today()
    lopend = [s.value for s in BeslagStatus if s not in EINDSTATUSSEN]
    kandidaten = opslag.objecten_van_organisatie(sessie, actor.organisatie_id, status=lopend)
    grens = vandaag + dt.timedelta(days=horizon_dagen)
    relevant = [o for o in kandidaten if any(t.vervalt_op <= grens for t in termijnen(toestand(o)))]
    zichtbaar = toegang.lees(sessie, beslisser, actor, relevant, "beslag-termijnen", herkomst)
    regels = [
        Termijnregel(o, t, t.stand(vandaag))
        for o in zichtbaar
        for t in termijnen(toestand(o))
        if t.vervalt_op <= grens
    ]
    return sorted(regels, key=lambda r: (r.termijn.vervalt_op, r.obj.id))
