# SPDX-License-Identifier: EUPL-1.2
"""The door for seizure data: objects tied to the person seized from, the persons seized from,
and vermogensdossiers of suspects.

Who may see an object is a rule decision (SV-BESLAGKETEN: the organisations involved in the
seizure — who seized, the OM, the custodian, the CJIB once execution started); the system, not
the user, says who is involved. Every object or dossier read writes a log line about its
person, and refused ones are left out as if they did not exist.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from integraal.delen import Besluit
from integraal.domein.beslag import beslagrol
from integraal.domein.fouten import GeenToegang
from integraal.domein.rollen import Rol
from integraal.opslag import beslag as opslag
from integraal.opslag.modellen import (
    BekendVermogen,
    Beslagene,
    Beslaggebeurtenis,
    Beslagobject,
    Onderzoekshandeling,
    Vermogensdossier,
)
from integraal.toegang.deur import Betrokkene, Lezing, laat_door, laat_een_door
from integraal.verwerking import Context

DOEL = "afpakken"
CATEGORIE = "beslag"
ONBEKEND_OBJECT = "dit beslagobject bestaat niet of u bent er niet bij betrokken"
ONBEKEND_DOSSIER = "dit vermogensdossier bestaat niet of u bent er niet bij betrokken"


def betrokken(obj: Beslagobject, cjib: bool = False) -> set[str]:
    """The organisations involved in a seizure; the CJIB once execution has started."""
    uit = {obj.organisatie_id, obj.om_id}
    if obj.bewaarder_id:
        uit.add(obj.bewaarder_id)
    if cjib:
        uit.add("cjib")
    return uit


def ketenrol(ctx: Context) -> Rol:
    """The actor's role in the chain, which counts only at an organisation with the power."""
    try:
        soort = ctx.beslisser.register.zoek(ctx.ik.organisatie_id).soort
    except KeyError as exc:
        raise GeenToegang("uw organisatie staat niet in het partnerregister") from exc
    rol = beslagrol(ctx.ik.rol, soort)
    if rol is None:
        raise GeenToegang(
            "beslaggegevens zijn er voor opsporingsambtenaren, (hulp)officieren van justitie en "
            "bewaarders van een organisatie in de beslagketen"
        )
    return rol


def beslis_over(ctx: Context, van: str, betrokkenen: set[str]) -> Besluit:
    """SV-BESLAGKETEN's question; the system, not the user, says who is involved."""
    feiten = {"betrokken_bij_beslag"} if ctx.ik.organisatie_id in betrokkenen else set()
    return ctx.beslis(van=van, categorie=CATEGORIE, doel=DOEL, feiten=feiten)


def lezing(ctx: Context, obj: Beslagobject) -> Lezing:
    return Lezing(
        besluit=beslis_over(ctx, obj.organisatie_id, betrokken(obj)),
        verstrekker=obj.organisatie_id,
        categorie=CATEGORIE,
        doel=DOEL,
        casus_id=obj.casus_id,
        betrokkenen=(Betrokkene(f"beslagene:{obj.beslagene_id}", "beslagene"),),
    )


def lees(ctx: Context, objecten: Sequence[Beslagobject], naam: str) -> list[Beslagobject]:
    """The objects the rules let this actor see, each read logged; the rest left out."""
    ketenrol(ctx)
    return laat_door(ctx, objecten, lambda o: lezing(ctx, o), naam=naam)


def objecten(
    ctx: Context, *, status: Sequence[str] | None = None, naam: str = "beslag lezen"
) -> list[Beslagobject]:
    """The objects the actor's organisation is involved in (it seized them, is their OM or
    custodian), as far as the rules allow."""
    kandidaten = opslag.objecten_van_organisatie(ctx.sessie, ctx.ik.organisatie_id, status=status)
    return lees(ctx, kandidaten, naam)


def object_(ctx: Context, object_id: str, naam: str = "beslag lezen") -> Beslagobject:
    ketenrol(ctx)
    return laat_een_door(
        ctx,
        opslag.object_(ctx.sessie, object_id),
        lambda o: lezing(ctx, o),
        naam=naam,
        niet_gevonden=ONBEKEND_OBJECT,
        object=object_id,
    )


def beslagene(ctx: Context, obj: Beslagobject) -> str:
    """The name of whom an object was seized from; only for an object read through the door
    (its log line names the person already)."""
    b = opslag.beslagene(ctx.sessie, obj.beslagene_id)
    return b.naam if b else "onbekend"


@dataclass(frozen=True)
class Feedregel:
    uitbak_id: int
    gebeurtenis: Beslaggebeurtenis


def feed(ctx: Context, na: int, limiet: int) -> tuple[list[Feedregel], int]:
    """The actor organisation's outbox after `na`, only events of objects it may see; and the
    position to continue from."""
    rijen = opslag.feed(ctx.sessie, ctx.ik.organisatie_id, na, limiet)
    objecten_ = {g.object_id: opslag.object_(ctx.sessie, g.object_id) for _, g in rijen}
    zichtbaar = {o.id for o in lees(ctx, [o for o in objecten_.values() if o], "beslagfeed lezen")}
    uit = [Feedregel(u.id, g) for u, g in rijen if g.object_id in zichtbaar]
    return uit, rijen[-1][0].id if rijen else na


def van_beslagene_met_code(
    ctx: Context, code_hash: str
) -> tuple[Beslagene, list[Beslagobject]] | None:
    """The person seized from reads their own objects with their personal code (a provision
    to the data subject, AVG art. 15: decided per object and logged). None for an unknown
    code: the answer does not say whether a code exists."""
    b = opslag.beslagene_met_code(ctx.sessie, code_hash)
    if b is None:
        ctx.audit("beslag inzien (beslagene)", "onbekende code")
        return None

    def eigen(o: Beslagobject) -> Lezing:
        return Lezing(
            besluit=ctx.beslis(
                van=o.om_id,
                aan="betrokkene",
                categorie=CATEGORIE,
                doel="inzage_betrokkene",
                feiten={"eigen_gegevens"},
            ),
            verstrekker=o.om_id,
            categorie=CATEGORIE,
            doel="inzage_betrokkene",
            casus_id=o.casus_id,
            betrokkenen=(Betrokkene(f"beslagene:{b.id}", "beslagene"),),
        )

    objecten_ = laat_door(
        ctx,
        opslag.objecten_van_beslagene(ctx.sessie, b.id),
        eigen,
        naam="beslag inzien door de beslagene",
        ontvanger="betrokkene",
    )
    return b, objecten_


# --- Vermogensdossiers -------------------------------------------------------------------------


def _dossierlezing(ctx: Context, d: Vermogensdossier) -> Lezing:
    uit = {d.organisatie_id}
    for o in opslag.objecten_van_dossier(ctx.sessie, d.id):
        uit |= betrokken(o, cjib=d.executiestatus != "geen")
    if d.executiestatus != "geen":
        uit.add("cjib")
    return Lezing(
        besluit=beslis_over(ctx, d.organisatie_id, uit),
        verstrekker=d.organisatie_id,
        categorie=CATEGORIE,
        doel=DOEL,
        casus_id=d.casus_id,
        betrokkenen=(Betrokkene(f"verdachte:{d.id}", "verdachte"),),
    )


def dossiers(ctx: Context) -> list[Vermogensdossier]:
    """The dossiers the rules let the actor's organisation see, each read logged."""
    ketenrol(ctx)
    return laat_door(
        ctx,
        opslag.alle_dossiers(ctx.sessie),
        lambda d: _dossierlezing(ctx, d),
        naam="vermogensdossier lezen",
    )


def dossier(
    ctx: Context, dossier_id: str, naam: str = "vermogensdossier lezen"
) -> Vermogensdossier:
    ketenrol(ctx)
    return laat_een_door(
        ctx,
        opslag.dossier(ctx.sessie, dossier_id),
        lambda d: _dossierlezing(ctx, d),
        naam=naam,
        niet_gevonden=ONBEKEND_DOSSIER,
        dossier=dossier_id,
    )


def bestaat_dossier(ctx: Context, dossier_id: str) -> bool:
    """Whether a dossier exists (to refer to it), without reading it."""
    return opslag.dossier(ctx.sessie, dossier_id) is not None


@dataclass(frozen=True)
class Dossierinhoud:
    objecten: list[Beslagobject]
    handelingen: list[Onderzoekshandeling]
    bekend: list[BekendVermogen]


def inhoud(ctx: Context, d: Vermogensdossier) -> Dossierinhoud:
    """What a dossier read through the door holds; its objects pass the door one by one."""
    return Dossierinhoud(
        objecten=lees(ctx, opslag.objecten_van_dossier(ctx.sessie, d.id), "beslag lezen"),
        handelingen=opslag.onderzoekshandelingen(ctx.sessie, d.id),
        bekend=opslag.bekend_vermogen(ctx.sessie, d.id),
    )


def geschikt_voor_herbestemming(ctx: Context, status: str) -> list[Beslagobject]:
    """Forfeited objects of the actor's organisation, for the officer's social re-use list."""
    return objecten(ctx, status=[status], naam="herbestemming voorbereiden")
