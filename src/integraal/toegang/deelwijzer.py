# SPDX-License-Identifier: EUPL-1.2
"""The deelwijzer: ask the rule engine before asking a partner. Reads no personal data.

It asks the same facts a real request records (the case, and that the data are necessary),
so for the same question it gives the same answer as the request will get."""

from __future__ import annotations

import datetime as dt
from typing import ClassVar

from integraal.delen import Verzoek, Waarom, leg_uit, waarom
from integraal.delen.voorwaarden import VOORWAARDEN, Voorwaarde
from integraal.domein.fouten import OngeldigeInvoer
from integraal.domein.invoer import Datum, Invoer, OptioneleTekst, Uitvoer, veld
from integraal.opslag import beheer
from integraal.toegang.context import casus_context, vraag_in_casus
from integraal.verwerking import Context

# Facts a requester can declare (the rest of the conditions the engine checks itself).
VERKLAARBARE_FEITEN = (
    "noodzakelijk",
    "vierogen",
    "eigen_bevoegdheid",
    "ovj_vordering",
    "geautoriseerde_aanvrager",
    "indicator_geraakt",
    "verdacht_verklaard",
)


def feiten() -> list[Voorwaarde]:
    return [VOORWAARDEN[f] for f in VERKLAARBARE_FEITEN]


class DeelVraag(Invoer):
    van: str = veld("Van (verstrekker)", max_length=80)
    aan: str = veld("Aan (ontvanger)", max_length=80)
    categorie: str = veld("Gegevenscategorie", max_length=60)
    doel: str = veld("Doel", max_length=60)
    casus_id: OptioneleTekst = veld(
        "Casus",
        hint="Met een casus toetst de deelwijzer ook need-to-know en de vastgelegde aanwijzingen.",
        standaard=None,
        max_length=40,
    )
    feiten: list[str] = veld("Wat geldt er?", standaard=[], max_length=30)
    datum: Datum | None = veld("Op datum", hint="Leeg: vandaag.", standaard=None)

    meldingen: ClassVar[dict[str, str]] = {
        "van": "Kies wie de gegevens verstrekt.",
        "aan": "Kies wie de gegevens ontvangt.",
        "categorie": "Kies een gegevenscategorie.",
        "doel": "Kies het doel.",
    }


class BesluitUit(Uitvoer):
    besluit_id: str
    toegestaan: bool
    regel_id: str | None
    catalogus_versie: str
    register_versie: str
    waarom: Waarom
    uitleg: str


def vraag_deelwijzer(ctx: Context, vraag: DeelVraag) -> BesluitUit:
    register, catalogus = ctx.beslisser.register, ctx.beslisser.catalogus
    fouten: dict[str, str] = {}
    for veld_, waarde in (("van", vraag.van), ("aan", vraag.aan)):
        try:
            register.zoek(waarde)
        except KeyError:
            fouten[veld_] = "Kies een organisatie of soort organisatie uit de lijst."
    if vraag.categorie not in catalogus.categorieen:
        fouten["categorie"] = "Kies een categorie uit de lijst."
    if vraag.doel not in catalogus.doelen:
        fouten["doel"] = "Kies een doel uit de lijst."
    if set(vraag.feiten) - set(VOORWAARDEN):
        fouten["feiten"] = "Kies alleen feiten uit de lijst."
    if fouten:
        raise OngeldigeInvoer(fouten)
    if vraag.casus_id is not None and ctx.actor is not None:
        c = beheer.casus(ctx.sessie, vraag.casus_id)
        if c is not None and c.verband_id == vraag.aan:
            # A request to the case's own partnership: the real request checks first that the
            # reader works on the open case; the deelwijzer answers the same.
            vraag_in_casus(ctx, vraag.casus_id)
    besluit = ctx.beslisser.beslis(
        Verzoek(
            van=vraag.van,
            aan=vraag.aan,
            categorie=vraag.categorie,
            doel=vraag.doel,
            casus=casus_context(ctx, vraag.casus_id),
            actor=ctx.actor.ref if ctx.actor else None,
            feiten=frozenset(vraag.feiten),
            datum=vraag.datum or dt.date.today(),
        )
    )
    return BesluitUit(
        besluit_id=besluit.besluit_id,
        toegestaan=besluit.toegestaan,
        regel_id=besluit.regel_id,
        catalogus_versie=besluit.catalogus_versie,
        register_versie=besluit.register_versie,
        waarom=waarom(besluit, catalogus, register),
        uitleg=leg_uit(besluit, catalogus, register),
    )
