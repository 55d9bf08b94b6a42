# SPDX-License-Identifier: EUPL-1.2
"""Motions and commitments: the records read from an appendix, reviewed by a policy officer,
with the Kamer's status, our own execution status, a linked measure and a deadline."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, ClassVar

from pydantic import Field

from integraal.domein.fouten import NietGevonden, OngeldigeInvoer
from integraal.domein.invoer import Datum, Invoer, Optioneel, OptioneleTekst, Uitvoer, veld
from integraal.domein.kamerbijlage import leden
from integraal.domein.monitor import Soort, TKStatus, Uitvoering
from integraal.domein.verwijzingen import vind
from integraal.monitor.rechten import mag_bewerken
from integraal.opslag import beheer
from integraal.opslag import monitor as opslag
from integraal.opslag.db import Sessie
from integraal.opslag.modellen import Kameropdracht
from integraal.verwerking import Context


class LidUit(Uitvoer):
    naam: str
    partij: str | None = None


class OpdrachtUit(Uitvoer):
    id: int
    soort: Soort
    thema: str
    onderdeel: str | None
    onderwerp: str
    leden: list[LidUit]
    cum_suis: bool
    nummer: str | None
    verwijzing: str | None
    verwijzing_url: str | None
    tk_status: TKStatus
    uitvoering: Uitvoering | None
    status_reden: str
    stand: str
    termijn: dt.date | None
    maatregel_id: int | None
    beoordeeld: bool
    tk_ingetrokken: bool = Field(
        default=False,
        description="De Tweede Kamer heeft het record in haar open data ingetrokken",
    )

    @property
    def indieners(self) -> str:
        namen = [f"{lid.naam} ({lid.partij})" if lid.partij else lid.naam for lid in self.leden]
        return ", ".join(namen) + (" c.s." if self.cum_suis else "")

    @property
    def uitvoering_label(self) -> str:
        return self.uitvoering.label if self.uitvoering else ""

    @property
    def verlopen(self) -> bool:
        return (
            self.termijn is not None
            and self.termijn < dt.date.today()
            and self.tk_status is TKStatus.OPENSTAAND
        )


class Opdrachtfilter(Invoer):
    soort: Annotated[Soort | None, Optioneel] = veld("Soort", standaard=None)
    status: Annotated[TKStatus | None, Optioneel] = veld("Status Tweede Kamer", standaard=None)

    meldingen: ClassVar[dict[str, str]] = {
        "soort": "Kies motie of toezegging.",
        "status": "Kies een status van de Tweede Kamer.",
    }


class BeoordelingIn(Invoer):
    tk_status: TKStatus = veld(
        "Status Tweede Kamer", hint="Zoals de Kamer die schrijft: Openstaand, Voldaan, …"
    )
    uitvoering: Annotated[Uitvoering | None, Optioneel] = veld(
        "Uitvoering", hint="Alleen bij een motie.", standaard=None
    )
    maatregel_id: Annotated[int | None, Optioneel] = veld("Gekoppelde maatregel", standaard=None)
    termijn: Annotated[Datum | None, Optioneel] = veld(
        "Termijn", hint="Bijvoorbeeld 31-12-2026.", standaard=None
    )
    nummer: OptioneleTekst = veld(
        "Nummer bij de Tweede Kamer",
        hint="Bijvoorbeeld TZ202412-116.",
        standaard=None,
        max_length=40,
    )
    verwijzing: OptioneleTekst = veld(
        "Vindplaats",
        hint="Bijvoorbeeld Kamerstuk 29 911, nr. 337.",
        standaard=None,
        max_length=200,
    )

    meldingen: ClassVar[dict[str, str]] = {
        "tk_status": "Kies een status van de Tweede Kamer.",
        "uitvoering": "Kies een bestaande uitvoeringsstatus.",
        "maatregel_id": "Kies een maatregel uit de lijst.",
        "termijn": "Vul de termijn in als dd-mm-jjjj, bijvoorbeeld 31-12-2026.",
    }


class OpdrachtIn(Invoer):
    """A motion or commitment entered by hand (one the appendix does not hold, or a new one)."""

    soort: Soort = veld("Soort")
    onderwerp: str = veld(
        "Onderwerp", hint="Waarover de motie of toezegging gaat.", min_length=10, max_length=2000
    )
    thema: OptioneleTekst = veld(
        "Thema",
        hint="Bijvoorbeeld Weerbaarheid of Internationale aanpak.",
        standaard=None,
        max_length=120,
    )
    indieners: OptioneleTekst = veld(
        "Indieners",
        hint="Bij een motie, zoals in de brief: ‘Michon-Derkzen (VVD) en van Nispen (SP)’ of "
        "‘Boswijk c.s.’.",
        standaard=None,
        max_length=500,
    )
    verwijzing: OptioneleTekst = veld(
        "Vindplaats",
        hint="Bijvoorbeeld Kamerstuk 29 911, nr. 337.",
        standaard=None,
        max_length=200,
    )
    nummer: OptioneleTekst = veld(
        "Nummer bij de Tweede Kamer",
        hint="Bijvoorbeeld TZ202412-116.",
        standaard=None,
        max_length=40,
    )
    tk_status: TKStatus = veld("Status Tweede Kamer", standaard=TKStatus.OPENSTAAND)
    uitvoering: Annotated[Uitvoering | None, Optioneel] = veld(
        "Uitvoering", hint="Alleen bij een motie.", standaard=None
    )
    stand: OptioneleTekst = veld("Stand van zaken", standaard=None, max_length=5000)
    termijn: Annotated[Datum | None, Optioneel] = veld(
        "Termijn", hint="Bijvoorbeeld 31-12-2026.", standaard=None
    )
    maatregel_id: Annotated[int | None, Optioneel] = veld("Gekoppelde maatregel", standaard=None)

    meldingen: ClassVar[dict[str, str]] = {
        "soort": "Kies motie of toezegging.",
        "onderwerp": "Beschrijf het onderwerp in minstens 10 tekens.",
        "tk_status": "Kies een status van de Tweede Kamer.",
        "uitvoering": "Kies een bestaande uitvoeringsstatus.",
        "termijn": "Vul de termijn in als dd-mm-jjjj, bijvoorbeeld 31-12-2026.",
        "maatregel_id": "Kies een maatregel uit de lijst.",
    }


_VINDPLAATS = (
    "Schrijf de vindplaats zoals ‘Kamerstuk 29 911, nr. 337’ of ‘Kamerstukken 2024–2025, "
    "36 600 VI, nr. 32’."
)


def _toets(ctx: Context, motie: bool, invoer: OpdrachtIn | BeoordelingIn) -> dict[str, str]:
    """What entering and reviewing a record check alike: an execution status only for a
    motion, a measure that exists, a reference the parser can read."""
    fouten: dict[str, str] = {}
    if invoer.uitvoering is not None and not motie:
        fouten["uitvoering"] = "Een uitvoeringsstatus hoort bij een motie."
    if (
        invoer.maatregel_id is not None
        and opslag.maatregel(ctx.sessie, invoer.maatregel_id) is None
    ):
        fouten["maatregel_id"] = "Kies een maatregel uit de lijst."
    if invoer.verwijzing and not list(vind(invoer.verwijzing)):
        fouten["verwijzing"] = _VINDPLAATS
    return fouten


def vastleggen(ctx: Context, invoer: OpdrachtIn) -> OpdrachtUit:
    """A record entered by the policy officer, reviewed by that act; members and the reference
    are read with the same parsers as the appendix."""
    ik = mag_bewerken(ctx)
    fouten: dict[str, str] = {}
    motie = invoer.soort is Soort.MOTIE
    gelezen, cs = leden(invoer.indieners) if invoer.indieners else ((), False)
    if motie and not gelezen:
        fouten["indieners"] = "Noem bij een motie de indieners, zoals ‘Mutluer (GL/PvdA)’."
    if not motie and invoer.indieners:
        fouten["indieners"] = "Een toezegging heeft geen indieners; laat dit veld leeg."
    fouten |= _toets(ctx, motie, invoer)
    if fouten:
        raise OngeldigeInvoer(fouten)
    nu = ctx.nu()
    o = Kameropdracht(
        soort=invoer.soort.value,
        thema=invoer.thema or "",
        onderwerp=invoer.onderwerp,
        kop="",
        leden=[{"naam": lid.naam, "partij": lid.partij} for lid in gelezen],
        cum_suis=cs,
        nummer=invoer.nummer,
        verwijzing=invoer.verwijzing,
        tk_status=invoer.tk_status.value,
        uitvoering=(invoer.uitvoering or Uitvoering.NIET_GESTART).value if motie else None,
        status_reden="vastgelegd door een beleidsmedewerker",
        stand=invoer.stand or "",
        termijn=invoer.termijn,
        maatregel_id=invoer.maatregel_id,
        beoordeeld_door=ik.gebruiker_id,
        beoordeeld_op=nu,
        bijgewerkt_op=nu,
    )
    beheer.bewaar(ctx.sessie, o)
    ctx.audit("motie of toezegging vastleggen", opdracht=o.id, soort=invoer.soort.value)
    return _uit(o)


def _uit(o: Kameropdracht) -> OpdrachtUit:
    url = None
    if o.verwijzing:
        gevonden = list(vind(o.verwijzing))
        url = gevonden[0].url if gevonden else None
    return OpdrachtUit(
        id=o.id,
        soort=Soort(o.soort),
        thema=o.thema,
        onderdeel=o.onderdeel,
        onderwerp=o.onderwerp,
        leden=[LidUit.model_validate(lid) for lid in o.leden],
        cum_suis=o.cum_suis,
        nummer=o.nummer,
        verwijzing=o.verwijzing,
        verwijzing_url=url,
        tk_status=TKStatus(o.tk_status),
        uitvoering=Uitvoering(o.uitvoering) if o.uitvoering else None,
        status_reden=o.status_reden,
        stand=o.stand,
        termijn=o.termijn,
        maatregel_id=o.maatregel_id,
        beoordeeld=o.beoordeeld_op is not None,
        tk_ingetrokken=o.tk_verwijderd,
    )


def alle(sessie: Sessie) -> list[OpdrachtUit]:
    return [_uit(o) for o in opslag.opdrachten(sessie)]


def lijst(ctx: Context, filter_: Opdrachtfilter | None = None) -> list[OpdrachtUit]:
    uit = alle(ctx.sessie)
    if filter_ is not None and filter_.soort is not None:
        uit = [o for o in uit if o.soort is filter_.soort]
    if filter_ is not None and filter_.status is not None:
        uit = [o for o in uit if o.tk_status is filter_.status]
    return uit


def een(ctx: Context, opdracht_id: int) -> OpdrachtUit:
    o = opslag.opdracht(ctx.sessie, opdracht_id)
    if o is None:
        raise NietGevonden("Deze motie of toezegging bestaat niet.")
    return _uit(o)


def beoordeel(ctx: Context, opdracht_id: int, invoer: BeoordelingIn) -> OpdrachtUit:
    """A policy officer confirms or corrects a record; from then on it counts as reviewed."""
    ik = mag_bewerken(ctx)
    sessie = ctx.sessie
    o = opslag.opdracht(sessie, opdracht_id)
    if o is None:
        raise NietGevonden("Deze motie of toezegging bestaat niet.")
    fouten = _toets(ctx, o.soort == Soort.MOTIE.value, invoer)
    if fouten:
        raise OngeldigeInvoer(fouten)
    o.tk_status = invoer.tk_status.value
    if o.soort == Soort.MOTIE.value:
        o.uitvoering = invoer.uitvoering.value if invoer.uitvoering else o.uitvoering
    else:
        o.uitvoering = None
    o.maatregel_id = invoer.maatregel_id
    o.termijn = invoer.termijn
    o.nummer = invoer.nummer or o.nummer
    o.verwijzing = invoer.verwijzing or o.verwijzing
    nu = ctx.nu()
    o.beoordeeld_door, o.beoordeeld_op, o.bijgewerkt_op = ik.gebruiker_id, nu, nu
    ctx.audit("motie of toezegging beoordelen", opdracht=o.id, status=invoer.tk_status.value)
    return _uit(o)


KOLOMMEN = (
    "thema",
    "onderdeel",
    "soort",
    "onderwerp",
    "indieners",
    "vindplaats",
    "status Tweede Kamer",
    "uitvoering",
    "termijn",
    "beoordeeld",
    "ingetrokken door de Kamer",
)


def rijen(lijst_: list[OpdrachtUit]) -> list[list[object]]:
    return [
        [
            o.thema,
            o.onderdeel or "",
            o.soort.label,
            o.onderwerp,
            o.indieners,
            o.verwijzing or "",
            o.tk_status.label,
            o.uitvoering_label,
            o.termijn.strftime("%d-%m-%Y") if o.termijn else "",
            "ja" if o.beoordeeld else "nee",
            "ja" if o.tk_ingetrokken else "nee",
        ]
        for o in lijst_
    ]
