# SPDX-License-Identifier: EUPL-1.2
"""The approach's structure: lines (named as on a date), deelopgaven and maatregelen."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, ClassVar

from pydantic import Field

from integraal.domein.fouten import NietGevonden, OngeldigeInvoer
from integraal.domein.invoer import Datum, Invoer, Optioneel, Uitvoer, veld
from integraal.domein.monitor import Lijn, Lijnlabel, Maatregelstatus, label_op
from integraal.monitor.rechten import mag_bewerken
from integraal.opslag import monitor as opslag
from integraal.opslag.db import Sessie
from integraal.verwerking import Context


class MaatregelUit(Uitvoer):
    id: int
    naam: str
    omschrijving: str
    eigenaar: str
    start: dt.date | None
    eind: dt.date | None
    status: Maatregelstatus
    bron: str


class DeelopgaveUit(Uitvoer):
    code: str
    naam: str
    in_financien: bool
    maatregelen: list[MaatregelUit] = Field(default_factory=list)


class LijnlabelUit(Uitvoer):
    tekst: str
    van: dt.date | None
    tot: dt.date | None
    bron: str


class LijnUit(Uitvoer):
    code: Lijn
    naam: str = Field(description="de naam van de lijn op de gevraagde datum")
    labels: list[LijnlabelUit]
    deelopgaven: list[DeelopgaveUit] = Field(default_factory=list)


class MaatregelIn(Invoer):
    status: Maatregelstatus = veld("Status")
    eind: Annotated[Datum | None, Optioneel] = veld(
        "Einddatum", hint="Bijvoorbeeld 31-12-2026. Leeg laten houdt de huidige.", standaard=None
    )

    meldingen: ClassVar[dict[str, str]] = {
        "status": "Kies een status.",
        "eind": "Vul de einddatum in als dd-mm-jjjj, bijvoorbeeld 31-12-2026.",
    }


def lijnen(sessie: Sessie, op: dt.date | None = None) -> list[LijnUit]:
    datum = op or dt.date.today()
    labels: dict[str, list[Lijnlabel]] = {}
    for label in opslag.lijnlabels(sessie):
        labels.setdefault(label.lijn_code, []).append(
            Lijnlabel(label.tekst, label.van, label.tot, label.bron)
        )
    per_code = {
        lijn.code: LijnUit(
            code=Lijn(lijn.code),
            naam=label_op(labels[lijn.code], datum),
            labels=[LijnlabelUit.model_validate(b) for b in labels[lijn.code]],
        )
        for lijn in opslag.lijnen(sessie)
    }
    deelopgaven: dict[str, DeelopgaveUit] = {}
    for d in opslag.deelopgaven(sessie):
        deelopgaven[d.code] = DeelopgaveUit(code=d.code, naam=d.naam, in_financien=d.in_financien)
        per_code[d.lijn_code].deelopgaven.append(deelopgaven[d.code])
    for m in opslag.maatregelen(sessie):
        deelopgaven[m.deelopgave_code].maatregelen.append(MaatregelUit.model_validate(m))
    return list(per_code.values())


def structuur(ctx: Context, op: dt.date | None = None) -> list[LijnUit]:
    """Lines, deelopgaven and maatregelen, each line named as on the date `op`."""
    return lijnen(ctx.sessie, op or ctx.nu().date())


def lijnnamen(sessie: Sessie, op: dt.date | None = None) -> dict[str, str]:
    return {lijn.code.value: lijn.naam for lijn in lijnen(sessie, op)}


def maatregelkeuzes(ctx: Context) -> list[tuple[str, str]]:
    return [(str(m.id), m.naam) for m in opslag.maatregelen(ctx.sessie)]


def wijzig_maatregel(ctx: Context, maatregel_id: int, invoer: MaatregelIn) -> MaatregelUit:
    ik = mag_bewerken(ctx)
    m = opslag.maatregel(ctx.sessie, maatregel_id)
    if m is None:
        raise NietGevonden("Deze maatregel bestaat niet.")
    if invoer.eind is not None and m.start is not None and invoer.eind < m.start:
        raise OngeldigeInvoer({"eind": "De einddatum ligt vóór de start."})
    m.status = invoer.status.value
    if invoer.eind is not None:
        m.eind = invoer.eind
    m.bijgewerkt_op, m.bijgewerkt_door = ctx.nu(), ik.gebruiker_id
    ctx.audit("maatregel bijwerken", maatregel=m.id, status=invoer.status.value)
    return MaatregelUit.model_validate(m)
