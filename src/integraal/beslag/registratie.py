# SPDX-License-Identifier: EUPL-1.2
"""Registering a kennisgeving van inbeslagneming (KvI): one beslagene, one or more items."""

from __future__ import annotations

import hashlib
import secrets
import uuid
from typing import ClassVar

from pydantic import Field

from integraal.beslag.keten import leg_vast
from integraal.domein.beslag import CATEGORIEEN, BeslagStatus, Grond, ObjectSoort
from integraal.domein.beslagcijfers import Methode
from integraal.domein.fouten import GeenToegang, OngeldigeInvoer
from integraal.domein.invoer import Bedrag, Datum, Invoer, OptioneleTekst, Uitvoer, veld
from integraal.domein.rollen import Rol
from integraal.opslag import beheer, beslagfeiten
from integraal.opslag.modellen import Beslagene, Beslagobject, Beslagwaardering
from integraal.toegang import beslag as deur
from integraal.verwerking import Context

_CODE_TEKENS = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # no 0/O, 1/I: read aloud, typed by hand


class ItemIn(Invoer):
    soort: ObjectSoort = veld("Soort voorwerp")
    omschrijving: str = veld("Omschrijving", min_length=1, max_length=2000)
    grond: Grond = veld("Grond", hint="Artikel 94 Sv (klassiek) of 94a Sv (conservatoir).")
    categorie: int = veld(
        "Beslagcategorie", hint="1 tot en met 5 (Aanwijzing inbeslagneming).", ge=1, le=5
    )
    aantal: str = veld("Aantal", standaard="", max_length=40)
    kenmerk: str = veld(
        "Kenmerk", hint="Kenteken, IBAN of walletadres.", standaard="", max_length=120
    )
    bedrag_euro: Bedrag | None = veld(
        "Bedrag in euro", hint="Bij contant geld en banktegoed.", standaard=None
    )
    goederencategorie: str = veld(
        "Goederencategorie", hint="Bijvoorbeeld fietsen, laptops.", standaard="", max_length=60
    )

    meldingen: ClassVar[dict[str, str]] = {
        "soort": "Kies de soort voorwerp.",
        "omschrijving": "Beschrijf het voorwerp.",
        "grond": "Kies de grond (artikel 94 of 94a Sv).",
        "categorie": "Kies een beslagcategorie van 1 tot en met 5.",
    }


class KennisgevingIn(Invoer):
    kvi_nummer: str = veld("Nummer van de kennisgeving", min_length=1, max_length=40)
    beslagen_op: Datum = veld("Datum van inbeslagneming")
    beslagene: str = veld("Naam van de beslagene", min_length=2, max_length=300)
    om: str = veld("Parket", hint="Het OM-parket dat over het beslag gaat.", standaard="om")
    casus_id: OptioneleTekst = veld("Casus", standaard=None, max_length=40)
    dossier_id: OptioneleTekst = veld("Vermogensdossier", standaard=None, max_length=40)
    rechtshulp: bool = veld("Beslag op een buitenlands rechtshulpverzoek", standaard=False)
    items: list[ItemIn] = veld("Voorwerpen", min_length=1, max_length=200)

    meldingen: ClassVar[dict[str, str]] = {
        "kvi_nummer": "Vul het nummer van de kennisgeving in.",
        "beslagen_op": "Vul de datum van inbeslagneming in, bijvoorbeeld 31-12-2026.",
        "beslagene": "Vul de naam van de beslagene in.",
        "items": "Noem ten minste één voorwerp.",
    }


class RegistratieUit(Uitvoer):
    object_ids: list[str]
    beslagene_id: str
    inzagecode: str = Field(description="Eenmalig: hoort op het bewijs van ontvangst")


def nieuwe_code() -> str:
    tekens = "".join(secrets.choice(_CODE_TEKENS) for _ in range(16))
    return "-".join(tekens[i : i + 4] for i in range(0, 16, 4))


def code_hash(code: str) -> str:
    schoon = "".join(c for c in code.upper() if c.isalnum())
    return hashlib.sha256(schoon.encode()).hexdigest()


def _controleer(ctx: Context, k: KennisgevingIn) -> None:
    fouten: dict[str, str] = {}
    if beslagfeiten.kvi_bestaat(ctx.sessie, k.kvi_nummer):
        fouten["kvi_nummer"] = "Deze kennisgeving is al geregistreerd."
    if k.beslagen_op > ctx.nu().date():
        fouten["beslagen_op"] = "De datum van inbeslagneming ligt in de toekomst."
    try:
        if ctx.beslisser.register.zoek(k.om).soort != "om":
            fouten["om"] = "Kies het parket van het Openbaar Ministerie."
    except KeyError:
        fouten["om"] = "Kies het parket van het Openbaar Ministerie."
    for i, item in enumerate(k.items):
        if item.soort in (ObjectSoort.CONTANT, ObjectSoort.BANKTEGOED) and item.bedrag_euro is None:
            fouten[f"items.{i}.bedrag_euro"] = "Noem het bedrag in euro."
        if item.categorie not in CATEGORIEEN:
            fouten[f"items.{i}.categorie"] = "Kies een beslagcategorie van 1 tot en met 5."
    if k.casus_id and beheer.casus(ctx.sessie, k.casus_id) is None:
        fouten["casus_id"] = f"Casus {k.casus_id} bestaat niet."
    if k.dossier_id and not deur.bestaat_dossier(ctx, k.dossier_id):
        fouten["dossier_id"] = f"Vermogensdossier {k.dossier_id} bestaat niet."
    if fouten:
        raise OngeldigeInvoer(fouten)


def registreer(ctx: Context, k: KennisgevingIn) -> RegistratieUit:
    actor = ctx.ik
    if deur.ketenrol(ctx) not in (Rol.OPSPORINGSAMBTENAAR, Rol.HULPOFFICIER):
        raise GeenToegang("een kennisgeving van inbeslagneming komt van de opsporing (art. 94 Sv)")
    _controleer(ctx, k)
    code = nieuwe_code()
    b = Beslagene(id=str(uuid.uuid4()), naam=k.beslagene, inzagecode_hash=code_hash(code))
    beheer.bewaar(ctx.sessie, b)
    objecten: list[Beslagobject] = []
    for n, item in enumerate(k.items, start=1):
        oid = beslagfeiten.volgend_id(ctx.sessie, Beslagobject, "BO")
        kenmerk = item.kenmerk.upper().replace(" ", "")
        eerder = beslagfeiten.eerder_beslag(ctx.sessie, k.casus_id, k.dossier_id, kenmerk)
        centen = int(item.bedrag_euro * 100) if item.bedrag_euro is not None else None
        obj = Beslagobject(
            id=oid,
            kvi_nummer=k.kvi_nummer,
            volgnummer=n,
            soort=item.soort.value,
            omschrijving=item.omschrijving,
            aantal=item.aantal or None,
            kenmerk=kenmerk or None,
            goederencategorie=item.goederencategorie.lower() or None,
            grond=item.grond.value,
            categorie=item.categorie,
            status=BeslagStatus.INBESLAGGENOMEN.value,
            status_sinds=k.beslagen_op,
            beslagen_op=k.beslagen_op,
            organisatie_id=actor.organisatie_id,
            om_id=k.om,
            beslagene_id=b.id,
            casus_id=k.casus_id,
            dossier_id=k.dossier_id,
            rechtshulp=k.rechtshulp,
            # Seized again in the same case: the same seizure for the figures.
            dedup_sleutel=eerder[1] if eerder else oid,
            waarde_centen=centen,
            beklag_aanhangig=False,
        )
        beheer.bewaar(ctx.sessie, obj)
        if centen is not None:
            beheer.bewaar(
                ctx.sessie,
                Beslagwaardering(
                    object_id=oid,
                    bedrag_centen=centen,
                    methode=Methode.KVI.value,
                    door=actor.gebruiker_id,
                ),
            )
        leg_vast(
            ctx,
            obj,
            "BeslagGelegd",
            tijd=k.beslagen_op,
            naar_status=BeslagStatus.INBESLAGGENOMEN.value,
            grondslag=f"art. {item.grond.value.split('-')[0]} Sv",
            document=f"KvI {obj.kvi_nummer}/{n}",
            soort_object=obj.soort,
            categorie=obj.categorie,
            herhaling_van=eerder[0] if eerder else None,
        )
        objecten.append(obj)
    # Registering is a provision to the OM about the person seized from: one line per object.
    ctx.log(
        ctx.verwerking(
            deur.lezing(ctx, o).besluit,
            naam="beslag registreren",
            doel=deur.DOEL,
            verstrekker=actor.organisatie_id,
            ontvanger=o.om_id,
            categorieen=(deur.CATEGORIE,),
            casus_id=o.casus_id,
            betrokkene=f"beslagene:{b.id}",
            betrokkene_soort="beslagene",
        )
        for o in objecten
    )
    ctx.audit(
        "kennisgeving van inbeslagneming registreren",
        "geregistreerd",
        kvi=k.kvi_nummer,
        objecten=len(objecten),
    )
    return RegistratieUit(object_ids=[o.id for o in objecten], beslagene_id=b.id, inzagecode=code)
