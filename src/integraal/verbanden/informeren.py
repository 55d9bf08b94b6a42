# SPDX-License-Identifier: EUPL-1.2
"""The WGS duty to inform a data subject, or to defer it with a reason and a review date.

Each decision is recorded per case subject, append-only; a deferral needs a reason and a review
date, and from that date the subject is back in "Mijn taken" of the case's members until a new
decision is taken. The grounds for deferral follow AVG art. 23 and UAVG art. 41; the WGS article
on informing is not yet verified, so the list and the one-year limit are our simplification.
"""

from __future__ import annotations

import datetime as dt
from typing import ClassVar

from integraal.domein.fouten import Conflict, GeenToegang, NietGevonden, OngeldigeInvoer
from integraal.domein.invoer import Datum, Invoer, OptioneleTekst, Uitvoer, veld
from integraal.domein.keuze import Keuze
from integraal.opslag import beheer
from integraal.opslag import casussen as casusopslag
from integraal.opslag.modellen import Informatieplicht
from integraal.toegang import Leesvraag
from integraal.toegang import informeren as deur
from integraal.verwerking import Context

# A deferral is reviewed within a year (our simplification until the BGS text is verified).
LANGSTE_UITSTEL = dt.timedelta(days=366)


class Informeerbesluit(Keuze):
    GEINFORMEERD = "geinformeerd", "Betrokkene geïnformeerd"
    UITGESTELD = "uitgesteld", "Informeren uitgesteld"


class Wijze(Keuze):
    BRIEF = "brief", "Per brief"
    GESPREK = "gesprek", "In een gesprek"
    DIGITAAL = "digitaal", "Via de berichtenbox"


class Uitstelreden(Keuze):
    ONDERZOEK = "onderzoek", "Informeren zou het onderzoek of de aanpak schaden"
    ANDEREN = "anderen", "Informeren zou de rechten en vrijheden van anderen schaden"
    VEILIGHEID = "veiligheid", "Informeren zou de veiligheid van melders of partners schaden"


class InformerenIn(Invoer):
    entiteit_id: str = veld("Betrokkene", max_length=128)
    besluit: Informeerbesluit = veld("Besluit")
    datum: Datum | None = veld("Datum van het besluit", hint="Leeg: vandaag.", standaard=None)
    wijze: Wijze | None = veld("Hoe geïnformeerd?", standaard=None)
    reden: Uitstelreden | None = veld("Reden van uitstel", standaard=None)
    herzien_op: Datum | None = veld(
        "Opnieuw beoordelen op",
        hint="Uiterlijk een jaar na het besluit, bijvoorbeeld 01-03-2027.",
        standaard=None,
    )
    toelichting: OptioneleTekst = veld(
        "Toelichting", hint="Waarom nu, of waarom nog niet?", standaard=None, max_length=2000
    )

    meldingen: ClassVar[dict[str, str]] = {
        "entiteit_id": "Kies de betrokkene.",
        "besluit": "Kies of de betrokkene is geïnformeerd of dat u het uitstelt.",
    }


class BeslissingUit(Uitvoer):
    besluit: Informeerbesluit
    datum: dt.date
    wijze: Wijze | None
    reden: Uitstelreden | None
    herzien_op: dt.date | None
    toelichting: str | None
    vastgelegd_op: dt.datetime

    @classmethod
    def van(cls, r: Informatieplicht) -> BeslissingUit:
        return cls(
            besluit=Informeerbesluit(r.status),
            datum=r.datum,
            wijze=Wijze(r.wijze) if r.wijze else None,
            reden=Uitstelreden(r.reden) if r.reden else None,
            herzien_op=r.herzien_op,
            toelichting=r.toelichting,
            vastgelegd_op=r.vastgelegd_op,
        )


class BetrokkeneUit(Uitvoer):
    entiteit_id: str
    naam: str
    schema_: str = veld("Soort", alias="schema")
    laatste: BeslissingUit | None
    eerder: list[BeslissingUit]
    te_doen: bool


def _casus(ctx: Context, casus_id: str, *, vastleggen: bool) -> tuple[str, Leesvraag]:
    c = beheer.casus(ctx.sessie, casus_id)
    if c is None or ctx.ik.gebruiker_id not in beheer.casus_leden(
        ctx.sessie, casus_id, sinds=ctx.bevestigd_sinds()
    ):
        # Who tried to see a case's subjects and was refused is what an auditor looks for.
        if vastleggen:
            ctx.audit("informeren vastleggen", "niet gevonden", casus=casus_id)
        else:
            ctx.audit("informeren bekijken", "niet gevonden", casus=casus_id)
        raise NietGevonden(f"casus {casus_id} bestaat niet of u heeft er geen toegang toe")
    w = ctx.beslisser.register.werkwijze(c.verband_id)
    if w is None or not w.informeren:
        raise Conflict(
            "Bij dit samenwerkingsverband wordt de betrokkene niet per casus geïnformeerd."
        )
    return c.status, Leesvraag(c.doel, casus_id if c.status == "open" else None)


def _naam(eigenschappen: dict[str, list[str]], standaard: str) -> str:
    return (eigenschappen.get("name") or eigenschappen.get("full") or [standaard])[0]


def overzicht(ctx: Context, casus_id: str) -> list[BetrokkeneUit]:
    """The subjects the reader may see, with the decision that counts and the history."""
    _, vraag = _casus(ctx, casus_id, vastleggen=False)
    vandaag = ctx.nu().date()
    uit = []
    for b in deur.van_casus_met_beslissingen(ctx, vraag, casus_id):
        assert b.subject.beeld is not None
        laatste = b.laatste
        uit.append(
            BetrokkeneUit(
                entiteit_id=b.subject.entity_id,
                naam=_naam(b.subject.beeld.eigenschappen, "onbekende naam"),
                schema_=b.subject.schema,
                laatste=BeslissingUit.van(laatste) if laatste else None,
                eerder=[BeslissingUit.van(r) for r in b.beslissingen[:-1]][::-1],
                te_doen=laatste is None
                or (laatste.herzien_op is not None and laatste.herzien_op <= vandaag),
            )
        )
    ctx.audit("informeren bekijken", "toegestaan", casus=casus_id, betrokkenen=len(uit))
    return uit


def leg_vast(ctx: Context, casus_id: str, invoer: InformerenIn) -> BeslissingUit:
    status, vraag = _casus(ctx, casus_id, vastleggen=True)
    if status != "open":
        raise Conflict(f"casus {casus_id} is gesloten en kan niet meer worden gewijzigd")
    datum = invoer.datum or ctx.nu().date()
    fouten: dict[str, str] = {}
    if datum > ctx.nu().date():
        fouten["datum"] = "Een besluit ligt niet in de toekomst."
    if invoer.besluit is Informeerbesluit.GEINFORMEERD:
        if invoer.wijze is None:
            fouten["wijze"] = "Kies hoe de betrokkene is geïnformeerd."
    else:
        if invoer.reden is None:
            fouten["reden"] = "Kies de reden van het uitstel."
        if invoer.herzien_op is None:
            fouten["herzien_op"] = "Kies wanneer u het uitstel opnieuw beoordeelt."
        elif not datum < invoer.herzien_op <= datum + LANGSTE_UITSTEL:
            fouten["herzien_op"] = "Kies een datum na het besluit en uiterlijk een jaar erna."
    if fouten:
        raise OngeldigeInvoer(fouten)
    uitgesteld = invoer.besluit is Informeerbesluit.UITGESTELD
    r = Informatieplicht(
        casus_id=casus_id,
        entity_id=invoer.entiteit_id,
        status=invoer.besluit.value,
        reden=invoer.reden.value if uitgesteld and invoer.reden else None,
        wijze=invoer.wijze.value if not uitgesteld and invoer.wijze else None,
        toelichting=invoer.toelichting,
        datum=datum,
        herzien_op=invoer.herzien_op if uitgesteld else None,
        vastgelegd_door=ctx.ik.gebruiker_id,
        vastgelegd_op=ctx.nu(),
    )
    if deur.leg_vast(ctx, vraag, r) is None:
        raise GeenToegang("deze betrokkene is in deze casus niet voor u zichtbaar")
    ctx.audit("informeren vastleggen", invoer.besluit.value, casus=casus_id)
    return BeslissingUit.van(r)


def te_doen(ctx: Context) -> int:
    """Subjects in the reader's open cases that wait for a decision on informing (a count)."""
    register = ctx.beslisser.register
    casussen = [
        c.id
        for c in beheer.casussen_van_gebruiker(
            ctx.sessie, ctx.ik.gebruiker_id, sinds=ctx.bevestigd_sinds()
        )
        if c.status == "open"
        and (w := register.werkwijze(c.verband_id)) is not None
        and w.informeren
    ]
    return casusopslag.informeren_te_doen(ctx.sessie, casussen, ctx.nu().date())
