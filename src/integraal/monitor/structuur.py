# SPDX-License-Identifier: EUPL-1.2
"""The approach's structure: lines (named as on a date), deelopgaven and maatregelen."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, ClassVar

from pydantic import Field

from integraal.domein.fouten import NietGevonden, OngeldigeInvoer
from integraal.domein.invoer import Invoer, Optioneel, OptioneleTekst, Uitvoer, Werkdatum, veld
from integraal.domein.monitor import Lijn, Lijnlabel, Maatregelstatus, label_op
from integraal.monitor.rechten import mag_bewerken
from integraal.opslag import beheer
from integraal.opslag import monitor as opslag
from integraal.opslag.db import Sessie
from integraal.opslag.modellen import Maatregel
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
    """A change to a measure: the status always, the rest when given (an empty field keeps
    what is there, so the short status form and the full form share one model)."""

    status: Maatregelstatus = veld("Status")
    eind: Annotated[Werkdatum | None, Optioneel] = veld(
        "Einddatum", hint="Bijvoorbeeld 31-12-2026. Leeg laten houdt de huidige.", standaard=None
    )
    naam: OptioneleTekst = veld("Naam", standaard=None, min_length=3, max_length=300)
    omschrijving: OptioneleTekst = veld("Omschrijving", standaard=None, max_length=3000)
    eigenaar: OptioneleTekst = veld(
        "Eigenaar", hint="Wie de maatregel uitvoert.", standaard=None, min_length=2, max_length=200
    )
    deelopgave: OptioneleTekst = veld("Deelopgave", standaard=None, max_length=60)
    start: Annotated[Werkdatum | None, Optioneel] = veld(
        "Startdatum", hint="Bijvoorbeeld 01-01-2025.", standaard=None
    )

    meldingen: ClassVar[dict[str, str]] = {
        "status": "Kies een status.",
        "eind": "Vul de einddatum in als dd-mm-jjjj, bijvoorbeeld 31-12-2026.",
        "start": "Vul de startdatum in als dd-mm-jjjj, bijvoorbeeld 01-01-2025.",
        "naam": "Geef de maatregel een naam van minstens 3 tekens.",
        "eigenaar": "Noem de eigenaar in minstens 2 tekens.",
    }


class MaatregelNieuwIn(Invoer):
    naam: str = veld("Naam", min_length=3, max_length=300)
    deelopgave: str = veld(
        "Deelopgave", hint="Onder welke deelopgave van de aanpak.", max_length=60
    )
    eigenaar: str = veld(
        "Eigenaar", hint="Wie de maatregel uitvoert.", min_length=2, max_length=200
    )
    status: Maatregelstatus = veld("Status")
    start: Annotated[Werkdatum | None, Optioneel] = veld(
        "Startdatum", hint="Bijvoorbeeld 01-01-2025.", standaard=None
    )
    eind: Annotated[Werkdatum | None, Optioneel] = veld(
        "Einddatum", hint="Bijvoorbeeld 31-12-2026.", standaard=None
    )
    omschrijving: OptioneleTekst = veld("Omschrijving", standaard=None, max_length=3000)
    bron: OptioneleTekst = veld(
        "Bron",
        hint="Waar de maatregel is aangekondigd, bijvoorbeeld een Kamerbrief.",
        standaard=None,
        max_length=500,
    )

    meldingen: ClassVar[dict[str, str]] = {
        "naam": "Geef de maatregel een naam van minstens 3 tekens.",
        "deelopgave": "Kies een deelopgave.",
        "eigenaar": "Noem de eigenaar in minstens 2 tekens.",
        "status": "Kies een status.",
        "start": "Vul de startdatum in als dd-mm-jjjj, bijvoorbeeld 01-01-2025.",
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


def deelopgavekeuzes(ctx: Context) -> list[tuple[str, str]]:
    return [(d.code, d.naam) for d in opslag.deelopgaven(ctx.sessie)]


def _toets_data(start: dt.date | None, eind: dt.date | None, fouten: dict[str, str]) -> None:
    if start is not None and eind is not None and eind < start:
        fouten["eind"] = "De einddatum ligt vóór de start."


def _dubbel(ctx: Context, naam: str, deelopgave: str, behalve: int | None = None) -> bool:
    return any(
        m.naam.casefold() == naam.casefold() and m.deelopgave_code == deelopgave and m.id != behalve
        for m in opslag.maatregelen(ctx.sessie)
    )


_DUBBEL = "Deze deelopgave heeft al een maatregel met deze naam; kies een andere."


def maak_maatregel(ctx: Context, invoer: MaatregelNieuwIn) -> MaatregelUit:
    ik = mag_bewerken(ctx)
    fouten: dict[str, str] = {}
    if invoer.deelopgave not in dict(deelopgavekeuzes(ctx)):
        fouten["deelopgave"] = "Kies een deelopgave uit de lijst."
    elif _dubbel(ctx, invoer.naam, invoer.deelopgave):
        fouten["naam"] = _DUBBEL
    _toets_data(invoer.start, invoer.eind, fouten)
    if fouten:
        raise OngeldigeInvoer(fouten)
    m = Maatregel(
        deelopgave_code=invoer.deelopgave,
        naam=invoer.naam,
        omschrijving=invoer.omschrijving or "",
        eigenaar=invoer.eigenaar,
        start=invoer.start,
        eind=invoer.eind,
        status=invoer.status.value,
        bron=invoer.bron or "",
        bijgewerkt_op=ctx.nu(),
        bijgewerkt_door=ik.gebruiker_id,
    )
    beheer.bewaar(ctx.sessie, m)
    ctx.audit("maatregel aanmaken", maatregel=m.id, deelopgave=invoer.deelopgave)
    return MaatregelUit.model_validate(m)


def wijzig_maatregel(ctx: Context, maatregel_id: int, invoer: MaatregelIn) -> MaatregelUit:
    ik = mag_bewerken(ctx)
    m = opslag.maatregel(ctx.sessie, maatregel_id)
    if m is None:
        raise NietGevonden("Deze maatregel bestaat niet.")
    fouten: dict[str, str] = {}
    if invoer.deelopgave is not None and invoer.deelopgave not in dict(deelopgavekeuzes(ctx)):
        fouten["deelopgave"] = "Kies een deelopgave uit de lijst."
    start = invoer.start if invoer.start is not None else m.start
    eind = invoer.eind if invoer.eind is not None else m.eind
    _toets_data(start, eind, fouten)
    naam, deelopgave = invoer.naam or m.naam, invoer.deelopgave or m.deelopgave_code
    if "deelopgave" not in fouten and _dubbel(ctx, naam, deelopgave, behalve=m.id):
        fouten["naam"] = _DUBBEL
    if fouten:
        raise OngeldigeInvoer(fouten)
    m.status, m.start, m.eind = invoer.status.value, start, eind
    m.naam = invoer.naam or m.naam
    m.eigenaar = invoer.eigenaar or m.eigenaar
    m.deelopgave_code = invoer.deelopgave or m.deelopgave_code
    if invoer.omschrijving is not None:
        m.omschrijving = invoer.omschrijving
    m.bijgewerkt_op, m.bijgewerkt_door = ctx.nu(), ik.gebruiker_id
    ctx.audit("maatregel bijwerken", maatregel=m.id, status=invoer.status.value)
    return MaatregelUit.model_validate(m)
