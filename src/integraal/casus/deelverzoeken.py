# SPDX-License-Identifier: EUPL-1.2
"""Data requests: the case asks a partner; the engine decides; a second person approves."""

from __future__ import annotations

import dataclasses
import datetime as dt
import uuid
from typing import Any, ClassVar

from integraal import logboek
from integraal.delen import Waarom, leg_uit, waarom
from integraal.domein.casus import (
    DEELVERZOEK_OVERGANGEN,
    DeelverzoekStatus,
    OngeldigeOvergang,
    controleer,
    vier_ogen,
)
from integraal.domein.fouten import Conflict, GeenToegang, NietGevonden, OngeldigeInvoer
from integraal.domein.invoer import Invoer, Uitvoer, veld
from integraal.opslag import beheer, leveringen
from integraal.opslag import casussen as opslag
from integraal.opslag.modellen import Deelverzoek
from integraal.toegang.context import casus_context, vraag_in_casus
from integraal.verwerking import Context

# The request states why the data are needed, so the rules may take necessity as a fact; the
# deelwijzer asks the same question (`toegang.deelwijzer`).
FEITEN_VAN_EEN_VERZOEK = frozenset({"noodzakelijk"})


class DeelverzoekIn(Invoer):
    verstrekker: str = veld("Partner", hint="De organisatie die de gegevens heeft.", max_length=80)
    categorieen: list[str] = veld(
        "Gegevenscategorieën",
        hint="Vraag alleen wat u nodig heeft. De deelregels beslissen per categorie.",
        min_length=1,
        max_length=20,
    )
    toelichting: str = veld(
        "Waarom zijn deze gegevens nodig?",
        hint="Leg uit waarvoor de casus deze gegevens nodig heeft (noodzaak), in minstens 10 "
        "tekens. De partner leest dit bij het goedkeuren.",
        min_length=10,
        max_length=2000,
    )

    meldingen: ClassVar[dict[str, str]] = {
        "verstrekker": "Kies de partner die u om gegevens vraagt.",
        "categorieen": "Kies een of meer gegevenscategorieën.",
        "toelichting": "Leg in minstens 10 tekens uit waarom de gegevens nodig zijn.",
    }


class Reden(Invoer):
    reden: str = veld("Reden", min_length=5, max_length=2000)

    meldingen: ClassVar[dict[str, str]] = {"reden": "Geef een reden van minstens 5 tekens."}


class AntwoordIn(Invoer):
    levering_id: str = veld(
        "Levering", hint="Een verwerkte levering van uw organisatie voor deze casus.", max_length=36
    )

    meldingen: ClassVar[dict[str, str]] = {
        "levering_id": "Kies de levering die het verzoek beantwoordt."
    }


class DeelbesluitUit(Uitvoer):
    categorie: str
    toegestaan: bool
    regel_id: str | None
    besluit_id: str
    uitleg: str
    waarom: Waarom | None = None


class DeelverzoekUit(Uitvoer):
    id: str
    casus_id: str
    verstrekker: str
    categorieen: list[str]
    toelichting: str
    status: DeelverzoekStatus
    besluiten: list[DeelbesluitUit]
    reden: str | None
    levering_id: str | None
    aangevraagd_op: dt.datetime

    @classmethod
    def van(cls, d: Deelverzoek) -> DeelverzoekUit:
        return cls(
            id=d.id,
            casus_id=d.casus_id,
            verstrekker=d.verstrekker_id,
            categorieen=list(d.categorieen),
            toelichting=d.toelichting,
            status=DeelverzoekStatus(d.status),
            besluiten=[DeelbesluitUit.model_validate(b) for b in d.besluiten],
            reden=d.reden,
            levering_id=d.levering_id,
            aangevraagd_op=d.aangevraagd_op,
        )


def vraag(ctx: Context, casus_id: str, invoer: DeelverzoekIn) -> DeelverzoekUit:
    c = vraag_in_casus(ctx, casus_id)
    fouten: dict[str, str] = {}
    try:
        ctx.beslisser.register.organisatie(invoer.verstrekker)
    except KeyError:
        fouten["verstrekker"] = "Kies een partner uit de lijst."
    if any(k not in ctx.beslisser.catalogus.categorieen for k in invoer.categorieen):
        fouten["categorieen"] = "Kies een of meer categorieën uit de lijst."
    if fouten:
        raise OngeldigeInvoer(fouten)
    context = casus_context(ctx, casus_id)
    genomen = [
        (
            cat,
            ctx.beslis(
                van=invoer.verstrekker,
                aan=c.verband_id,
                categorie=cat,
                doel=c.doel,
                casus=context,
                feiten=FEITEN_VAN_EEN_VERZOEK,
            ),
        )
        for cat in invoer.categorieen
    ]
    catalogus, register = ctx.beslisser.catalogus, ctx.beslisser.register
    besluiten: list[dict[str, Any]] = [
        {
            "categorie": cat,
            "toegestaan": b.toegestaan,
            "regelId": b.regel_id,
            "besluitId": b.besluit_id,
            "uitleg": leg_uit(b, catalogus, register),
            "waarom": dataclasses.asdict(waarom(b, catalogus, register)),
        }
        for cat, b in genomen
    ]
    status = (
        DeelverzoekStatus.WACHT_OP_GOEDKEURING
        if all(b.toegestaan for _, b in genomen)
        else DeelverzoekStatus.GEWEIGERD
    )
    dv = Deelverzoek(
        id=str(uuid.uuid4()),
        casus_id=casus_id,
        verstrekker_id=invoer.verstrekker,
        categorieen=list(invoer.categorieen),
        toelichting=invoer.toelichting,
        status=status.value,
        besluiten=besluiten,
        aangevraagd_door=ctx.ik.gebruiker_id,
        aangevraagd_op=ctx.nu(),
    )
    beheer.bewaar(ctx.sessie, dv)
    # Asking a partner about a case's subjects is itself a processing: log it with its basis.
    ctx.log(
        ctx.verwerking(
            b,
            naam="deelverzoek",
            doel=c.doel,
            verstrekker=invoer.verstrekker,
            ontvanger=c.verband_id,
            categorieen=(cat,),
            casus_id=casus_id,
            status=logboek.STATUS_OK if b.toegestaan else logboek.STATUS_FOUT,
        )
        for cat, b in genomen
    )
    ctx.audit("deelverzoek indienen", status.value, casus=casus_id, deelverzoek=dv.id)
    return DeelverzoekUit.van(dv)


def _voor_verstrekker(ctx: Context, deelverzoek_id: str) -> Deelverzoek:
    dv = opslag.deelverzoek(ctx.sessie, deelverzoek_id)
    if dv is None or dv.verstrekker_id != ctx.ik.organisatie_id:
        raise NietGevonden("dit deelverzoek bestaat niet of is niet aan uw organisatie gericht")
    return dv


def _te_behandelen(ctx: Context, deelverzoek_id: str) -> Deelverzoek:
    """A request the partner still acts on: a closed case takes no approvals or answers."""
    dv = _voor_verstrekker(ctx, deelverzoek_id)
    if not opslag.is_open(ctx.sessie, dv.casus_id):
        raise Conflict("De casus van dit verzoek is gesloten; het verzoek kan niet meer.")
    return dv


def _zet(ctx: Context, dv: Deelverzoek, naar: DeelverzoekStatus, reden: str | None) -> None:
    try:
        controleer(DEELVERZOEK_OVERGANGEN, DeelverzoekStatus(dv.status), naar)
    except OngeldigeOvergang as exc:
        raise Conflict(f"Dit verzoek kan niet meer: {exc}.") from exc
    dv.status = naar.value
    if naar is DeelverzoekStatus.BEANTWOORD:
        # Who answered is kept beside who approved: the two must stay distinguishable.
        dv.beantwoord_door, dv.beantwoord_op = ctx.ik.gebruiker_id, ctx.nu()
    else:
        dv.reden = reden
        dv.beoordeeld_door, dv.beoordeeld_op = ctx.ik.gebruiker_id, ctx.nu()
    ctx.audit("deelverzoek beoordelen", naar.value, deelverzoek=dv.id)


def lees(ctx: Context, deelverzoek_id: str) -> DeelverzoekUit:
    """One request addressed to the reader's organisation (to judge or answer it)."""
    return DeelverzoekUit.van(_voor_verstrekker(ctx, deelverzoek_id))


def keur_goed(ctx: Context, deelverzoek_id: str) -> None:
    dv = _te_behandelen(ctx, deelverzoek_id)
    try:
        vier_ogen(
            dv.aangevraagd_door, ctx.ik.gebruiker_id, ctx.ik.organisatie_id, dv.verstrekker_id
        )
    except OngeldigeOvergang as exc:
        raise GeenToegang(str(exc)) from exc
    _zet(ctx, dv, DeelverzoekStatus.GOEDGEKEURD, None)


def wijs_af(ctx: Context, deelverzoek_id: str, invoer: Reden) -> None:
    dv = _te_behandelen(ctx, deelverzoek_id)
    _zet(ctx, dv, DeelverzoekStatus.AFGEWEZEN, invoer.reden)


def beantwoord(ctx: Context, deelverzoek_id: str, invoer: AntwoordIn) -> None:
    """The partner's delivery for the case answers an approved request."""
    dv = _te_behandelen(ctx, deelverzoek_id)
    lev = leveringen.haal_levering(ctx.sessie, invoer.levering_id)
    if lev is None or lev.partner_id != dv.verstrekker_id or lev.casus_id != dv.casus_id:
        raise OngeldigeInvoer({"levering_id": "Deze levering hoort niet bij dit verzoek."})
    if lev.status != "verwerkt":
        raise OngeldigeInvoer({"levering_id": "Deze levering is nog niet verwerkt."})
    if lev.geleverd_door is not None and lev.geleverd_door == dv.beoordeeld_door:
        raise GeenToegang("wie het verzoek goedkeurde, levert niet zelf (vierogenprincipe)")
    _zet(ctx, dv, DeelverzoekStatus.BEANTWOORD, None)
    dv.levering_id = invoer.levering_id


def te_beoordelen(ctx: Context) -> list[DeelverzoekUit]:
    """Requests to the reader's organisation that wait for approval or for the answer."""
    return [
        DeelverzoekUit.van(d)
        for d in opslag.deelverzoeken_voor_verstrekker(
            ctx.sessie,
            ctx.ik.organisatie_id,
            [DeelverzoekStatus.WACHT_OP_GOEDKEURING.value, DeelverzoekStatus.GOEDGEKEURD.value],
        )
    ]


@dataclasses.dataclass(frozen=True)
class Antwoordkeuze:
    levering_id: str
    bestandsnaam: str
    ontvangen_op: dt.datetime


def antwoordkeuzes(ctx: Context, deelverzoek_id: str) -> list[Antwoordkeuze]:
    """Processed deliveries of the reader's organisation for the request's case."""
    dv = _voor_verstrekker(ctx, deelverzoek_id)
    return [
        Antwoordkeuze(lev.id, lev.bestandsnaam, lev.ontvangen_op)
        for lev in leveringen.lijst_leveringen(ctx.sessie, [ctx.ik.organisatie_id])
        if lev.status == "verwerkt"
        and lev.partner_id == ctx.ik.organisatie_id
        and lev.casus_id == dv.casus_id
    ]
