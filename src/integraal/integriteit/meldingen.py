# SPDX-License-Identifier: EUPL-1.2
"""The privacy officer's queue of integrity alerts: read, judge, and the monthly counts."""

from __future__ import annotations

import datetime as dt
from typing import ClassVar

from integraal.domein.fouten import Conflict, OngeldigeInvoer
from integraal.domein.integriteit import OVERGANGEN, Meldingstatus
from integraal.domein.invoer import Invoer, OptioneleTekst, Uitvoer, veld
from integraal.logboek.controleregels import regelset
from integraal.opslag import beheer
from integraal.opslag.modellen import Integriteitsmelding
from integraal.toegang import integriteit as deur
from integraal.verwerking import Context


class Bewijsregel(Uitvoer):
    volgnummer: int | None
    tijd: dt.datetime
    handeling: str
    betrokkene: str | None
    casus: str | None
    verstrekker: str | None
    aantal: int
    reden: str | None


class MeldingUit(Uitvoer):
    id: int
    titel: str
    gebruiker: str
    tijd: dt.datetime
    uitleg: str
    status: Meldingstatus
    status_label: str
    uitkomst: str | None
    beslist_door: str | None
    beslist_op: dt.datetime | None
    bewijs: list[Bewijsregel]


class BeoordelingIn(Invoer):
    status: Meldingstatus = veld("Oordeel")
    uitkomst: OptioneleTekst = veld(
        "Uitkomst",
        hint="Wat u vaststelde en wat er gebeurt; verplicht bij verklaard en bij misbruik.",
        standaard=None,
        max_length=4000,
    )

    meldingen: ClassVar[dict[str, str]] = {"status": "Kies uw oordeel over de melding."}


def _naam(ctx: Context, gebruiker_id: int | None) -> str | None:
    if gebruiker_id is None:
        return None
    g = beheer.gebruiker(ctx.sessie, gebruiker_id)
    return g.naam if g is not None else "onbekende gebruiker"


def _uit(ctx: Context, m: Integriteitsmelding) -> MeldingUit:
    status = Meldingstatus(m.status)
    return MeldingUit(
        id=m.id,
        titel=regelset().titel(m.regel),
        gebruiker=_naam(ctx, m.gebruiker_id) or "",
        tijd=m.tijd,
        uitleg=m.uitleg,
        status=status,
        status_label=status.label,
        uitkomst=m.uitkomst,
        beslist_door=_naam(ctx, m.beslist_door),
        beslist_op=m.beslist_op,
        bewijs=[Bewijsregel.model_validate(b) for b in m.bewijs],
    )


def lijst(ctx: Context, *, open_: bool | None = True) -> list[MeldingUit]:
    return [_uit(ctx, m) for m in deur.meldingen(ctx, open_=open_)]


def lees(ctx: Context, melding_id: int | str) -> MeldingUit:
    return _uit(ctx, deur.melding(ctx, melding_id))


def beoordeel(ctx: Context, melding_id: int | str, invoer: BeoordelingIn) -> MeldingUit:
    huidig = Meldingstatus(deur.melding(ctx, melding_id).status)
    if invoer.status not in OVERGANGEN[huidig]:
        raise Conflict(
            f"een melding met status '{huidig.label.lower()}' kan niet naar "
            f"'{invoer.status.label.lower()}'"
        )
    if invoer.status.afgerond and not invoer.uitkomst:
        raise OngeldigeInvoer({"uitkomst": "Beschrijf de uitkomst: wat u vaststelde en waarom."})
    return _uit(ctx, deur.beoordeel(ctx, melding_id, invoer.status.value, invoer.uitkomst))


def te_beoordelen(ctx: Context) -> int:
    return deur.aantal_open(ctx)
