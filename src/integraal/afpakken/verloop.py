# SPDX-License-Identifier: EUPL-1.2
"""Moving a seized object through its life, by the right role of an involved organisation."""

from __future__ import annotations

import datetime as dt

from integraal.afpakken import toegang
from integraal.afpakken.keten import GEBEURTENIS_BIJ_STATUS, leg_vast
from integraal.delen import Beslisser
from integraal.domein.actor import Actor
from integraal.domein.beslag import (
    BeslagStatus,
    Beslagtoestand,
    Grond,
    Handeling,
    ObjectSoort,
    OngeldigeOvergang,
    controleer,
)
from integraal.domein.fouten import GeenToegang, OngeldigeInvoer
from integraal.domein.rollen import Rol
from integraal.opslag import beslag as opslag
from integraal.opslag.db import Sessie
from integraal.opslag.modellen import Beslagobject


def toestand(obj: Beslagobject) -> Beslagtoestand:
    return Beslagtoestand(
        status=BeslagStatus(obj.status),
        soort=ObjectSoort(obj.soort),
        beslagen_op=obj.beslagen_op,
        waarde_centen=obj.waarde_centen,
        status_sinds=obj.status_sinds,
        beoordeeld_op=obj.beoordeeld_op,
        machtiging_verzocht_op=obj.machtiging_verzocht_op,
        beklag_aanhangig=obj.beklag_aanhangig,
    )


def handelend(
    sessie: Sessie, beslisser: Beslisser, actor: Actor, object_id: str, herkomst: str
) -> tuple[Beslagobject, Rol]:
    """The object, if the actor's organisation is involved and the rules let it read it."""
    rol = toegang.ketenrol(beslisser, actor)
    obj = toegang.lees_een(
        sessie, beslisser, actor, opslag.object_(sessie, object_id), "beslag-handelen", herkomst
    )
    if rol is Rol.BEWAARDER and obj.bewaarder_id != actor.organisatie_id:
        raise GeenToegang("alleen de bewaarder van dit object handelt als bewaarder")
    if rol is Rol.OFFICIER and obj.om_id != actor.organisatie_id:
        raise GeenToegang("alleen het parket dat over dit beslag gaat beslist erover")
    return obj, rol


def voer_uit(
    sessie: Sessie,
    beslisser: Beslisser,
    actor: Actor,
    object_id: str,
    naar: str,
    handeling: Handeling,
    *,
    bewaarder_id: str | None = None,
    vandaag: dt.date | None = None,
    herkomst: str = "app",
) -> Beslagobject:
    vandaag = vandaag or dt.date.today()
    obj, rol = handelend(sessie, beslisser, actor, object_id, herkomst)
    try:
        doel = BeslagStatus(naar)
    except ValueError as exc:
        raise OngeldigeInvoer({"naar": "kies een vervolgstap"}) from exc
    try:
        o = controleer(toestand(obj), doel, rol, vandaag, handeling)
    except OngeldigeOvergang as exc:
        raise OngeldigeInvoer({"naar": str(exc)}) from exc
    if doel is BeslagStatus.IN_BEWARING:
        if not bewaarder_id:
            raise OngeldigeInvoer({"bewaarder": "kies de bewaarder (art. 118 Sv)"})
        try:
            soort = beslisser.register.zoek(bewaarder_id).soort
        except KeyError:
            soort = ""
        if soort != "bewaarder":
            raise OngeldigeInvoer({"bewaarder": "kies een aangewezen bewaarder"})
        obj.bewaarder_id = bewaarder_id
    van = obj.status
    obj.status, obj.status_sinds, obj.beoordeeld_op = doel.value, vandaag, vandaag
    document = handeling.machtiging or handeling.uitspraak or handeling.afstandsverklaring
    leg_vast(
        sessie,
        obj,
        GEBEURTENIS_BIJ_STATUS[doel],
        actor,
        tijd=vandaag,
        van_status=van,
        naar_status=doel.value,
        grondslag=o.grondslag,
        document=document or None,
        reden=handeling.reden.strip() or None,
    )
    return obj


def verzoek_machtiging(
    sessie: Sessie,
    beslisser: Beslisser,
    actor: Actor,
    object_id: str,
    *,
    vandaag: dt.date | None = None,
    herkomst: str = "app",
) -> Beslagobject:
    """The custodian asks the OM for leave to sell or destroy (art. 117 Sv): six weeks run."""
    vandaag = vandaag or dt.date.today()
    obj, rol = handelend(sessie, beslisser, actor, object_id, herkomst)
    if rol is not Rol.BEWAARDER:
        raise GeenToegang("de bewaarder verzoekt om een machtiging (art. 117 lid 5 Sv)")
    if obj.machtiging_verzocht_op is not None:
        raise OngeldigeInvoer({"machtiging": "er loopt al een verzoek om machtiging"})
    obj.machtiging_verzocht_op = vandaag
    leg_vast(
        sessie,
        obj,
        "MachtigingVerzocht",
        actor,
        tijd=vandaag,
        grondslag="art. 117 Sv",
    )
    return obj


def klaagschrift(
    sessie: Sessie,
    beslisser: Beslisser,
    actor: Actor,
    object_id: str,
    *,
    aanhangig: bool,
    document: str,
    vandaag: dt.date | None = None,
    herkomst: str = "app",
) -> Beslagobject:
    """The OM records a klaagschrift (art. 552a Sv) and, later, the court's decision on it."""
    vandaag = vandaag or dt.date.today()
    obj, rol = handelend(sessie, beslisser, actor, object_id, herkomst)
    if rol is not Rol.OFFICIER:
        raise GeenToegang("het OM legt een klaagschrift en de beschikking vast")
    if not document.strip():
        raise OngeldigeInvoer({"document": "noem het klaagschrift of de beschikking"})
    if obj.beklag_aanhangig == aanhangig:
        raise OngeldigeInvoer(
            {
                "klaagschrift": "er loopt al een klaagschrift"
                if aanhangig
                else "er loopt geen klaagschrift"
            }
        )
    obj.beklag_aanhangig = aanhangig
    leg_vast(
        sessie,
        obj,
        "KlaagschriftIngediend" if aanhangig else "BeschikkingBeklag",
        actor,
        tijd=vandaag,
        grondslag="art. 552a Sv",
        document=document.strip(),
    )
    return obj


def herbeoordeel(
    sessie: Sessie,
    beslisser: Beslisser,
    actor: Actor,
    object_id: str,
    reden: str,
    *,
    vandaag: dt.date | None = None,
    herkomst: str = "app",
) -> Beslagobject:
    """Filter moment F3: the officer confirms the custody is still needed, with a reason."""
    vandaag = vandaag or dt.date.today()
    obj, rol = handelend(sessie, beslisser, actor, object_id, herkomst)
    if rol is not Rol.OFFICIER:
        raise GeenToegang("de officier van justitie herbeoordeelt de bewaring")
    if obj.status != BeslagStatus.IN_BEWARING.value:
        raise OngeldigeInvoer({"status": "alleen een object in bewaring wordt herbeoordeeld"})
    if len(reden.strip()) < 10:
        raise OngeldigeInvoer({"reden": "motiveer waarom de bewaring nog nodig is"})
    obj.beoordeeld_op = vandaag
    leg_vast(
        sessie,
        obj,
        "Herbeoordeeld",
        actor,
        tijd=vandaag,
        grondslag="filtermoment F3 (periodieke herbeoordeling)",
        reden=reden.strip(),
    )
    return obj


def zet_om_conservatoir(
    sessie: Sessie,
    beslisser: Beslisser,
    actor: Actor,
    object_id: str,
    grond: str,
    machtiging_rc: str,
    *,
    vandaag: dt.date | None = None,
    herkomst: str = "app",
) -> Beslagobject:
    """94 → 94a: the same object under a new ground (not a new seizure for the figures)."""
    vandaag = vandaag or dt.date.today()
    obj, rol = handelend(sessie, beslisser, actor, object_id, herkomst)
    if rol is not Rol.OFFICIER:
        raise GeenToegang("de officier van justitie zet beslag om (art. 94a en 103 Sv)")
    try:
        nieuw = Grond(grond)
    except ValueError as exc:
        raise OngeldigeInvoer({"grond": "kies een conservatoire grond (art. 94a Sv)"}) from exc
    if not nieuw.conservatoir or Grond(obj.grond).conservatoir:
        raise OngeldigeInvoer({"grond": "omzetten gaat van klassiek (94) naar conservatoir (94a)"})
    if not machtiging_rc.strip():
        raise OngeldigeInvoer({"machtiging": "noem de machtiging van de rechter-commissaris"})
    vorige, obj.grond = obj.grond, nieuw.value
    leg_vast(
        sessie,
        obj,
        "OmgezetConservatoir",
        actor,
        tijd=vandaag,
        grondslag="art. 94a en 103 Sv",
        document=machtiging_rc.strip(),
        van_grond=vorige,
        naar_grond=nieuw.value,
    )
    return obj
