# SPDX-License-Identifier: EUPL-1.2
"""Maatschappelijk herbestemmen: forfeited goods of little value to social organisations.

Suggestions match an object's goods category to what an organisation asked for, and say so;
an officer decides. Social organisations get the object's description, never who it was
seized from.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from dataclasses import dataclass

from integraal.afpakken import toegang, verloop
from integraal.delen import Beslisser
from integraal.domein.actor import Actor
from integraal.domein.beslag import BeslagStatus, Handeling, maher_geschikt
from integraal.domein.fouten import GeenToegang, OngeldigeInvoer
from integraal.domein.rollen import Rol
from integraal.opslag import beheer
from integraal.opslag import beslag as opslag
from integraal.opslag.db import Sessie
from integraal.opslag.modellen import Beslagobject, Herbestemming, MaatschappelijkeOrganisatie


def _officier(beslisser: Beslisser, actor: Actor) -> None:
    if toegang.ketenrol(beslisser, actor) is not Rol.OFFICIER:
        raise GeenToegang("maatschappelijk herbestemmen is een beslissing van het OM")


def registreer_organisatie(
    sessie: Sessie,
    beslisser: Beslisser,
    actor: Actor,
    *,
    naam: str,
    plaats: str,
    behoeften: list[str],
) -> MaatschappelijkeOrganisatie:
    _officier(beslisser, actor)
    schoon = sorted({b.strip().lower() for b in behoeften if b.strip()})
    if len(naam.strip()) < 2 or not plaats.strip() or not schoon:
        raise OngeldigeInvoer(
            {"organisatie": "noem naam, plaats en ten minste één soort goederen die zij zoekt"}
        )
    sleutel = re.sub(r"[^a-z0-9]+", "-", f"{naam}-{plaats}".lower()).strip("-")[:60]
    org = sessie.get(MaatschappelijkeOrganisatie, sleutel)
    if org is None:
        org = MaatschappelijkeOrganisatie(id=sleutel, naam=naam.strip(), plaats=plaats.strip())
        beheer.bewaar(sessie, org)
    org.behoeften = schoon
    return org


@dataclass(frozen=True)
class Suggestie:
    obj: Beslagobject
    organisatie: MaatschappelijkeOrganisatie
    uitleg: str


def geschikte_objecten(
    sessie: Sessie, beslisser: Beslisser, actor: Actor, herkomst: str = "app"
) -> list[Beslagobject]:
    _officier(beslisser, actor)
    kandidaten = opslag.objecten_van_organisatie(
        sessie, actor.organisatie_id, status=[BeslagStatus.VERBEURDVERKLAARD.value]
    )
    geschikt = [o for o in kandidaten if maher_geschikt(verloop.toestand(o))[0]]
    return toegang.lees(sessie, beslisser, actor, geschikt, "maher-aanbod", herkomst)


def suggesties(
    sessie: Sessie, beslisser: Beslisser, actor: Actor, herkomst: str = "app"
) -> list[Suggestie]:
    """Per eligible object the organisations asking for its kind of goods, those that received
    least so far first (spread, not concentrate). Explained; an officer decides."""
    organisaties = opslag.maatschappelijke_organisaties(sessie)
    ontvangen = Counter(h.organisatie_id for h in opslag.herbestemmingen(sessie))
    uit: list[Suggestie] = []
    for o in geschikte_objecten(sessie, beslisser, actor, herkomst):
        cat = o.goederencategorie or ""
        passend = sorted(
            (m for m in organisaties if cat and cat in m.behoeften),
            key=lambda m: (ontvangen[m.id], m.naam),
        )
        for m in passend:
            uit.append(
                Suggestie(
                    o,
                    m,
                    f"{m.naam} vraagt om {cat}; kreeg eerder {ontvangen[m.id]} voorwerp(en)",
                )
            )
    return uit


def draag_over(
    sessie: Sessie,
    beslisser: Beslisser,
    actor: Actor,
    object_id: str,
    organisatie_id: str,
    *,
    vandaag: dt.date | None = None,
    herkomst: str = "app",
) -> Herbestemming:
    vandaag = vandaag or dt.date.today()
    _officier(beslisser, actor)
    org = sessie.get(MaatschappelijkeOrganisatie, organisatie_id)
    if org is None:
        raise OngeldigeInvoer(
            {"organisatie": "kies een geregistreerde maatschappelijke organisatie"}
        )
    verloop.voer_uit(
        sessie,
        beslisser,
        actor,
        object_id,
        BeslagStatus.HERBESTEMD.value,
        Handeling(reden=f"Overgedragen aan {org.naam} ({org.plaats}), zonder doorverkoop"),
        vandaag=vandaag,
        herkomst=herkomst,
    )
    h = Herbestemming(
        object_id=object_id, organisatie_id=org.id, overgedragen_op=vandaag, door=actor.gebruiker_id
    )
    beheer.bewaar(sessie, h)
    return h
