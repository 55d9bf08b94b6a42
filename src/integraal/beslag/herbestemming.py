# SPDX-License-Identifier: EUPL-1.2
"""Maatschappelijk herbestemmen: forfeited goods of little value to social organisations.

Suggestions match an object's goods category to what an organisation asked for, and say so;
an officer decides. Social organisations get the object's description, never who it was
seized from.
"""

from __future__ import annotations

import re
from collections import Counter
from typing import ClassVar

from integraal.beslag import verloop
from integraal.beslag.objecten import toestand
from integraal.beslag.verloop import OvergangIn
from integraal.domein.beslag import BeslagStatus, maher_geschikt
from integraal.domein.fouten import GeenToegang, OngeldigeInvoer
from integraal.domein.invoer import Invoer, Uitvoer, veld
from integraal.domein.rollen import Rol
from integraal.opslag import beheer, beslagfeiten
from integraal.opslag.modellen import Herbestemming, MaatschappelijkeOrganisatie
from integraal.toegang import beslag as deur
from integraal.verwerking import Context


class OrganisatieIn(Invoer):
    naam: str = veld("Naam", min_length=2, max_length=200)
    plaats: str = veld("Plaats", min_length=1, max_length=100)
    behoeften: list[str] = veld(
        "Wat zij zoekt",
        hint="Soorten goederen, bijvoorbeeld fietsen, laptops.",
        min_length=1,
        max_length=30,
    )

    meldingen: ClassVar[dict[str, str]] = {
        "naam": "Vul de naam van de organisatie in.",
        "plaats": "Vul de plaats in.",
        "behoeften": "Noem ten minste één soort goederen die de organisatie zoekt.",
    }


class HerbestemmingIn(Invoer):
    organisatie: str = veld("Maatschappelijke organisatie", min_length=1, max_length=60)

    meldingen: ClassVar[dict[str, str]] = {
        "organisatie": "Kies de organisatie die het voorwerp krijgt."
    }


class MaatschappelijkeOrganisatieUit(Uitvoer):
    id: str
    naam: str
    plaats: str
    behoeften: list[str]


class SuggestieUit(Uitvoer):
    object_id: str
    omschrijving: str
    organisatie: str
    organisatie_naam: str
    uitleg: str


def _officier(ctx: Context) -> None:
    if deur.ketenrol(ctx) is not Rol.OFFICIER:
        raise GeenToegang("maatschappelijk herbestemmen is een beslissing van het OM")


def registreer_organisatie(ctx: Context, invoer: OrganisatieIn) -> MaatschappelijkeOrganisatieUit:
    _officier(ctx)
    schoon = sorted({b.strip().lower() for b in invoer.behoeften if b.strip()})
    if not schoon:
        raise OngeldigeInvoer(
            {"behoeften": "Noem ten minste één soort goederen die de organisatie zoekt."}
        )
    sleutel = re.sub(r"[^a-z0-9]+", "-", f"{invoer.naam}-{invoer.plaats}".lower()).strip("-")[:60]
    org = ctx.sessie.get(MaatschappelijkeOrganisatie, sleutel)
    if org is None:
        org = MaatschappelijkeOrganisatie(id=sleutel, naam=invoer.naam, plaats=invoer.plaats)
        beheer.bewaar(ctx.sessie, org)
    org.behoeften = schoon
    ctx.audit("maatschappelijke organisatie registreren", organisatie=sleutel)
    return MaatschappelijkeOrganisatieUit(
        id=org.id, naam=org.naam, plaats=org.plaats, behoeften=schoon
    )


def organisaties(ctx: Context) -> list[MaatschappelijkeOrganisatieUit]:
    _officier(ctx)
    return [
        MaatschappelijkeOrganisatieUit(
            id=m.id, naam=m.naam, plaats=m.plaats, behoeften=list(m.behoeften)
        )
        for m in beslagfeiten.maatschappelijke_organisaties(ctx.sessie)
    ]


def suggesties(ctx: Context) -> list[SuggestieUit]:
    """Per eligible object the organisations asking for its kind of goods, those that received
    least so far first (spread, not concentrate). Explained; an officer decides."""
    _officier(ctx)
    kandidaten = deur.geschikt_voor_herbestemming(ctx, BeslagStatus.VERBEURDVERKLAARD.value)
    geschikt = [o for o in kandidaten if maher_geschikt(toestand(o))[0]]
    organisaties_ = beslagfeiten.maatschappelijke_organisaties(ctx.sessie)
    ontvangen = Counter(h.organisatie_id for h in beslagfeiten.herbestemmingen(ctx.sessie))
    uit: list[SuggestieUit] = []
    for o in geschikt:
        cat = o.goederencategorie or ""
        passend = sorted(
            (m for m in organisaties_ if cat and cat in m.behoeften),
            key=lambda m: (ontvangen[m.id], m.naam),
        )
        for m in passend:
            n = ontvangen[m.id]
            uit.append(
                SuggestieUit(
                    object_id=o.id,
                    omschrijving=o.omschrijving,
                    organisatie=m.id,
                    organisatie_naam=m.naam,
                    uitleg=f"{m.naam} vraagt om {cat}; kreeg eerder "
                    f"{n} {'voorwerp' if n == 1 else 'voorwerpen'}",
                )
            )
    return uit


def draag_over(ctx: Context, object_id: str, invoer: HerbestemmingIn) -> None:
    _officier(ctx)
    org = ctx.sessie.get(MaatschappelijkeOrganisatie, invoer.organisatie)
    if org is None:
        raise OngeldigeInvoer(
            {"organisatie": "Kies een geregistreerde maatschappelijke organisatie."}
        )
    verloop.voer_uit(
        ctx,
        object_id,
        OvergangIn(
            naar=BeslagStatus.HERBESTEMD,
            reden=f"Overgedragen aan {org.naam} ({org.plaats}), zonder doorverkoop",
        ),
    )
    beheer.bewaar(
        ctx.sessie,
        Herbestemming(
            object_id=object_id,
            organisatie_id=org.id,
            overgedragen_op=ctx.nu().date(),
            door=ctx.ik.gebruiker_id,
        ),
    )
