# SPDX-License-Identifier: EUPL-1.2
"""Moving a seized object through its life, by the right role of an involved organisation."""

from __future__ import annotations

from typing import ClassVar

from integraal.beslag.keten import GEBEURTENIS_BIJ_STATUS, leg_vast
from integraal.beslag.objecten import toestand
from integraal.domein.beslag import BeslagStatus, Grond, Handeling, OngeldigeOvergang, controleer
from integraal.domein.fouten import Conflict, GeenToegang, OngeldigeInvoer
from integraal.domein.invoer import Invoer, OptioneleTekst, veld
from integraal.domein.rollen import Rol
from integraal.opslag.modellen import Beslagobject
from integraal.toegang import beslag as deur
from integraal.verwerking import Context


class OvergangIn(Invoer):
    naar: BeslagStatus = veld("Vervolgstap")
    reden: str = veld("Reden", standaard="", max_length=2000)
    machtiging: str = veld(
        "Machtiging", hint="Kenmerk van de machtiging (art. 117 Sv).", standaard="", max_length=300
    )
    uitspraak: str = veld(
        "Uitspraak", hint="Kenmerk van de uitspraak.", standaard="", max_length=300
    )
    afstandsverklaring: str = veld("Afstandsverklaring", standaard="", max_length=300)
    bewaarder: OptioneleTekst = veld(
        "Bewaarder", hint="Bij in bewaring nemen (art. 118 Sv).", standaard=None, max_length=80
    )

    meldingen: ClassVar[dict[str, str]] = {"naar": "Kies de vervolgstap."}


class KlaagschriftIn(Invoer):
    aanhangig: bool = veld("Klaagschrift aanhangig")
    document: str = veld("Klaagschrift of beschikking", min_length=1, max_length=300)

    meldingen: ClassVar[dict[str, str]] = {"document": "Noem het klaagschrift of de beschikking."}


class HerbeoordelingIn(Invoer):
    reden: str = veld("Waarom is de bewaring nog nodig?", min_length=10, max_length=2000)

    meldingen: ClassVar[dict[str, str]] = {
        "reden": "Motiveer in minstens 10 tekens waarom de bewaring nog nodig is."
    }


class OmzettingIn(Invoer):
    grond: Grond = veld("Conservatoire grond (art. 94a Sv)")
    machtiging_rc: str = veld("Machtiging van de rechter-commissaris", min_length=1, max_length=300)

    meldingen: ClassVar[dict[str, str]] = {
        "grond": "Kies een conservatoire grond (artikel 94a Sv).",
        "machtiging_rc": "Noem de machtiging van de rechter-commissaris.",
    }


def handelend(ctx: Context, object_id: str) -> tuple[Beslagobject, Rol]:
    """The object, if the actor's organisation is involved and the rules let it read it."""
    rol = deur.ketenrol(ctx)
    obj = deur.object_(ctx, object_id, naam="beslag behandelen")
    if rol is Rol.BEWAARDER and obj.bewaarder_id != ctx.ik.organisatie_id:
        raise GeenToegang("alleen de bewaarder van dit object handelt als bewaarder")
    if rol is Rol.OFFICIER and obj.om_id != ctx.ik.organisatie_id:
        raise GeenToegang("alleen het parket dat over dit beslag gaat beslist erover")
    return obj, rol


def voer_uit(ctx: Context, object_id: str, invoer: OvergangIn) -> None:
    vandaag = ctx.nu().date()
    obj, rol = handelend(ctx, object_id)
    handeling = Handeling(
        invoer.reden, invoer.machtiging, invoer.uitspraak, invoer.afstandsverklaring
    )
    try:
        o = controleer(toestand(obj), invoer.naar, rol, vandaag, handeling)
    except OngeldigeOvergang as exc:
        raise OngeldigeInvoer({"naar": f"Deze stap kan niet: {exc}."}) from exc
    if invoer.naar is BeslagStatus.IN_BEWARING:
        try:
            soort = ctx.beslisser.register.zoek(invoer.bewaarder or "").soort
        except KeyError:
            soort = ""
        if soort != "bewaarder":
            raise OngeldigeInvoer({"bewaarder": "Kies een aangewezen bewaarder (art. 118 Sv)."})
        obj.bewaarder_id = invoer.bewaarder
    van = obj.status
    obj.status, obj.status_sinds, obj.beoordeeld_op = invoer.naar.value, vandaag, vandaag
    document = handeling.machtiging or handeling.uitspraak or handeling.afstandsverklaring
    leg_vast(
        ctx,
        obj,
        GEBEURTENIS_BIJ_STATUS[invoer.naar],
        tijd=vandaag,
        van_status=van,
        naar_status=invoer.naar.value,
        grondslag=o.grondslag,
        document=document or None,
        reden=handeling.reden or None,
    )
    ctx.audit("beslag: vervolgstap", invoer.naar.value, object=object_id)


def verzoek_machtiging(ctx: Context, object_id: str) -> None:
    """The custodian asks the OM for leave to sell or destroy (art. 117 Sv): six weeks run."""
    vandaag = ctx.nu().date()
    obj, rol = handelend(ctx, object_id)
    if rol is not Rol.BEWAARDER:
        raise GeenToegang("de bewaarder verzoekt om een machtiging (art. 117 lid 5 Sv)")
    if obj.machtiging_verzocht_op is not None:
        raise Conflict("er loopt al een verzoek om machtiging")
    obj.machtiging_verzocht_op = vandaag
    leg_vast(ctx, obj, "MachtigingVerzocht", tijd=vandaag, grondslag="art. 117 Sv")
    ctx.audit("beslag: machtiging verzoeken", object=object_id)


def klaagschrift(ctx: Context, object_id: str, invoer: KlaagschriftIn) -> None:
    """The OM records a klaagschrift (art. 552a Sv) and, later, the court's decision on it."""
    vandaag = ctx.nu().date()
    obj, rol = handelend(ctx, object_id)
    if rol is not Rol.OFFICIER:
        raise GeenToegang("het OM legt een klaagschrift en de beschikking vast")
    if obj.beklag_aanhangig == invoer.aanhangig:
        raise Conflict(
            "er loopt al een klaagschrift" if invoer.aanhangig else "er loopt geen klaagschrift"
        )
    obj.beklag_aanhangig = invoer.aanhangig
    leg_vast(
        ctx,
        obj,
        "KlaagschriftIngediend" if invoer.aanhangig else "BeschikkingBeklag",
        tijd=vandaag,
        grondslag="art. 552a Sv",
        document=invoer.document,
    )
    ctx.audit("beslag: klaagschrift", object=object_id, aanhangig=invoer.aanhangig)


def herbeoordeel(ctx: Context, object_id: str, invoer: HerbeoordelingIn) -> None:
    """Filter moment F3: the officer confirms the custody is still needed, with a reason."""
    vandaag = ctx.nu().date()
    obj, rol = handelend(ctx, object_id)
    if rol is not Rol.OFFICIER:
        raise GeenToegang("de officier van justitie herbeoordeelt de bewaring")
    if obj.status != BeslagStatus.IN_BEWARING.value:
        raise Conflict("alleen een object in bewaring wordt herbeoordeeld")
    obj.beoordeeld_op = vandaag
    leg_vast(
        ctx,
        obj,
        "Herbeoordeeld",
        tijd=vandaag,
        grondslag="filtermoment F3 (periodieke herbeoordeling)",
        reden=invoer.reden,
    )
    ctx.audit("beslag: herbeoordelen", object=object_id)


def zet_om_conservatoir(ctx: Context, object_id: str, invoer: OmzettingIn) -> None:
    """94 → 94a: the same object under a new ground (not a new seizure for the figures)."""
    vandaag = ctx.nu().date()
    obj, rol = handelend(ctx, object_id)
    if rol is not Rol.OFFICIER:
        raise GeenToegang("de officier van justitie zet beslag om (art. 94a en 103 Sv)")
    if not invoer.grond.conservatoir:
        raise OngeldigeInvoer({"grond": "Kies een conservatoire grond (artikel 94a Sv)."})
    if Grond(obj.grond).conservatoir:
        raise Conflict("omzetten gaat van klassiek (94) naar conservatoir (94a)")
    vorige, obj.grond = obj.grond, invoer.grond.value
    leg_vast(
        ctx,
        obj,
        "OmgezetConservatoir",
        tijd=vandaag,
        grondslag="art. 94a en 103 Sv",
        document=invoer.machtiging_rc,
        van_grond=vorige,
        naar_grond=invoer.grond.value,
    )
    ctx.audit("beslag: omzetten naar conservatoir", object=object_id)
