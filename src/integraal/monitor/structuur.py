# SPDX-License-Identifier: EUPL-1.2
"""The approach's structure: lines (named as on a date), deelopgaven and maatregelen."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from integraal.domein.actor import Actor
from integraal.domein.fouten import OngeldigeInvoer
from integraal.domein.monitor import (
    MAATREGELSTATUS_LABELS,
    Lijn,
    Lijnlabel,
    Maatregelstatus,
    label_op,
)
from integraal.monitor.toegang import leg_vast, mag_bewerken
from integraal.opslag import monitor as opslag
from integraal.opslag.db import Sessie


@dataclass(frozen=True)
class MaatregelBeeld:
    id: int
    naam: str
    omschrijving: str
    eigenaar: str
    start: dt.date | None
    eind: dt.date | None
    status: Maatregelstatus
    bron: str

    @property
    def status_label(self) -> str:
        return MAATREGELSTATUS_LABELS[self.status]


@dataclass
class DeelopgaveBeeld:
    code: str
    naam: str
    in_financien: bool
    maatregelen: list[MaatregelBeeld] = field(default_factory=list)


@dataclass
class LijnBeeld:
    code: Lijn
    naam: str  # as on the date asked for
    labels: list[Lijnlabel]
    deelopgaven: list[DeelopgaveBeeld] = field(default_factory=list)


def structuur(sessie: Sessie, op: dt.date | None = None) -> list[LijnBeeld]:
    datum = op or dt.date.today()
    labels: dict[str, list[Lijnlabel]] = {}
    for label in opslag.lijnlabels(sessie):
        labels.setdefault(label.lijn_code, []).append(
            Lijnlabel(label.tekst, label.van, label.tot, label.bron)
        )
    lijnen = {
        lijn.code: LijnBeeld(Lijn(lijn.code), label_op(labels[lijn.code], datum), labels[lijn.code])
        for lijn in opslag.lijnen(sessie)
    }
    deelopgaven: dict[str, DeelopgaveBeeld] = {}
    for d in opslag.deelopgaven(sessie):
        deelopgaven[d.code] = DeelopgaveBeeld(d.code, d.naam, d.in_financien)
        lijnen[d.lijn_code].deelopgaven.append(deelopgaven[d.code])
    for m in opslag.maatregelen(sessie):
        deelopgaven[m.deelopgave_code].maatregelen.append(
            MaatregelBeeld(
                m.id,
                m.naam,
                m.omschrijving,
                m.eigenaar,
                m.start,
                m.eind,
                Maatregelstatus(m.status),
                m.bron,
            )
        )
    return list(lijnen.values())


def lijnnamen(sessie: Sessie, op: dt.date | None = None) -> dict[str, str]:
    return {lijn.code.value: lijn.naam for lijn in structuur(sessie, op)}


def wijzig_maatregel(
    sessie: Sessie,
    actor: Actor,
    maatregel_id: int,
    status: str,
    eind: dt.date | None = None,
) -> None:
    mag_bewerken(actor)
    m = opslag.maatregel(sessie, maatregel_id)
    if m is None:
        raise OngeldigeInvoer({"maatregel": "deze maatregel bestaat niet"})
    try:
        nieuw = Maatregelstatus(status)
    except ValueError:
        raise OngeldigeInvoer({"status": "kies een bestaande status"}) from None
    if eind is not None and m.start is not None and eind < m.start:
        raise OngeldigeInvoer({"eind": "de einddatum ligt vóór de start"})
    m.status = nieuw.value
    if eind is not None:
        m.eind = eind
    m.bijgewerkt_op, m.bijgewerkt_door = dt.datetime.now(dt.UTC), actor.gebruiker_id
    leg_vast(sessie, actor, "maatregel bijwerken", maatregel=m.id, status=nieuw.value)
