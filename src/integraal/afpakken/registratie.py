# SPDX-License-Identifier: EUPL-1.2
"""Registering a kennisgeving van inbeslagneming (KvI): one beslagene, one or more items."""

from __future__ import annotations

import datetime as dt
import hashlib
import secrets
import uuid
from collections.abc import Sequence
from dataclasses import dataclass, field

from integraal import logboek
from integraal.afpakken import toegang
from integraal.afpakken.keten import leg_vast
from integraal.delen import Beslisser
from integraal.domein.actor import Actor
from integraal.domein.beslag import CATEGORIEEN, BeslagStatus, Grond, ObjectSoort
from integraal.domein.beslagcijfers import Methode
from integraal.domein.fouten import GeenToegang, OngeldigeInvoer
from integraal.domein.rollen import Rol
from integraal.opslag import beheer
from integraal.opslag import beslag as opslag
from integraal.opslag.db import Sessie
from integraal.opslag.modellen import Beslagene, Beslagobject, Beslagwaardering

_CODE_TEKENS = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # no 0/O, 1/I: read aloud, typed by hand


@dataclass(frozen=True)
class Item:
    soort: str
    omschrijving: str
    grond: str
    categorie: int
    aantal: str = ""
    kenmerk: str = ""
    bedrag_euro: float | None = None  # cash and bank balances: the amount on the KvI
    goederencategorie: str = ""


@dataclass(frozen=True)
class Kennisgeving:
    kvi_nummer: str
    beslagen_op: dt.date
    beslagene: str
    om_id: str = "om"
    casus_id: str | None = None
    dossier_id: str | None = None
    rechtshulp: bool = False
    items: Sequence[Item] = field(default_factory=tuple)


@dataclass(frozen=True)
class Registratie:
    object_ids: list[str]
    beslagene_id: str
    # Shown once, on the bewijs van ontvangst; only its hash is stored.
    inzagecode: str


def nieuwe_code() -> str:
    tekens = "".join(secrets.choice(_CODE_TEKENS) for _ in range(16))
    return "-".join(tekens[i : i + 4] for i in range(0, 16, 4))


def code_hash(code: str) -> str:
    schoon = "".join(c for c in code.upper() if c.isalnum())
    return hashlib.sha256(schoon.encode()).hexdigest()


def _controleer(sessie: Sessie, k: Kennisgeving, vandaag: dt.date) -> None:
    fouten: dict[str, str] = {}
    if not k.kvi_nummer.strip():
        fouten["kviNummer"] = "vul het nummer van de kennisgeving in"
    elif opslag.kvi_bestaat(sessie, k.kvi_nummer.strip()):
        fouten["kviNummer"] = "deze kennisgeving is al geregistreerd"
    if k.beslagen_op > vandaag:
        fouten["beslagenOp"] = "de datum van inbeslagneming ligt in de toekomst"
    if len(k.beslagene.strip()) < 2:
        fouten["beslagene"] = "vul de naam van de beslagene in"
    if not k.items:
        fouten["items"] = "een kennisgeving noemt ten minste één voorwerp"
    for i, item in enumerate(k.items, start=1):
        try:
            soort = ObjectSoort(item.soort)
        except ValueError:
            fouten[f"items[{i}].soort"] = "kies een soort voorwerp"
            continue
        if not item.omschrijving.strip():
            fouten[f"items[{i}].omschrijving"] = "beschrijf het voorwerp"
        try:
            Grond(item.grond)
        except ValueError:
            fouten[f"items[{i}].grond"] = "kies een grond (art. 94 of 94a Sv)"
        if item.categorie not in CATEGORIEEN:
            fouten[f"items[{i}].categorie"] = "kies een beslagcategorie 1 tot en met 5"
        if soort in (ObjectSoort.CONTANT, ObjectSoort.BANKTEGOED) and (
            item.bedrag_euro is None or item.bedrag_euro < 0
        ):
            fouten[f"items[{i}].bedrag"] = "noem het bedrag in euro"
    if k.casus_id and beheer.casus(sessie, k.casus_id) is None:
        fouten["casus"] = f"casus {k.casus_id} bestaat niet"
    if k.dossier_id and opslag.dossier(sessie, k.dossier_id) is None:
        fouten["dossier"] = f"vermogensdossier {k.dossier_id} bestaat niet"
    if fouten:
        raise OngeldigeInvoer(fouten)


def registreer(
    sessie: Sessie,
    beslisser: Beslisser,
    actor: Actor,
    k: Kennisgeving,
    *,
    vandaag: dt.date | None = None,
    herkomst: str = "app",
) -> Registratie:
    vandaag = vandaag or dt.date.today()
    if toegang.ketenrol(beslisser, actor) not in (Rol.OPSPORINGSAMBTENAAR, Rol.HULPOFFICIER):
        raise GeenToegang("een kennisgeving van inbeslagneming komt van de opsporing (art. 94 Sv)")
    if beslisser.register.zoek(k.om_id).soort != "om":
        raise OngeldigeInvoer({"om": "kies het parket van het Openbaar Ministerie"})
    _controleer(sessie, k, vandaag)
    code = nieuwe_code()
    b = Beslagene(id=str(uuid.uuid4()), naam=k.beslagene.strip(), inzagecode_hash=code_hash(code))
    beheer.bewaar(sessie, b)
    ids: list[str] = []
    paren = []
    for n, item in enumerate(k.items, start=1):
        oid = opslag.volgend_id(sessie, Beslagobject, "BO")
        kenmerk = item.kenmerk.strip().upper().replace(" ", "")
        eerder = opslag.eerder_object(sessie, k.casus_id, k.dossier_id, kenmerk)
        centen = round(item.bedrag_euro * 100) if item.bedrag_euro is not None else None
        obj = Beslagobject(
            id=oid,
            kvi_nummer=k.kvi_nummer.strip(),
            volgnummer=n,
            soort=item.soort,
            omschrijving=item.omschrijving.strip(),
            aantal=item.aantal.strip() or None,
            kenmerk=kenmerk or None,
            goederencategorie=item.goederencategorie.strip().lower() or None,
            grond=item.grond,
            categorie=item.categorie,
            status=BeslagStatus.INBESLAGGENOMEN.value,
            status_sinds=k.beslagen_op,
            beslagen_op=k.beslagen_op,
            organisatie_id=actor.organisatie_id,
            om_id=k.om_id,
            beslagene_id=b.id,
            casus_id=k.casus_id,
            dossier_id=k.dossier_id,
            rechtshulp=k.rechtshulp,
            # Seized again in the same case: the same seizure for the figures.
            dedup_sleutel=eerder.dedup_sleutel if eerder else oid,
            waarde_centen=centen,
            beklag_aanhangig=False,
        )
        beheer.bewaar(sessie, obj)
        if centen is not None:
            beheer.bewaar(
                sessie,
                Beslagwaardering(
                    object_id=oid,
                    bedrag_centen=centen,
                    methode=Methode.KVI.value,
                    door=actor.gebruiker_id,
                ),
            )
        leg_vast(
            sessie,
            obj,
            "BeslagGelegd",
            actor,
            tijd=k.beslagen_op,
            naar_status=BeslagStatus.INBESLAGGENOMEN.value,
            grondslag=f"art. {item.grond.split('-')[0]} Sv",
            document=f"KvI {obj.kvi_nummer}/{n}",
            soort_object=obj.soort,
            categorie=obj.categorie,
            herhaling_van=eerder.id if eerder else None,
        )
        besluit = toegang.beslis(beslisser, actor, obj)
        paren.append((obj, besluit))
        ids.append(oid)
    trace = logboek.nieuwe_trace_id()
    logboek.schrijf(
        sessie,
        [
            toegang.verwerking(
                bs,
                naam="beslag registreren",
                activiteit="beslag-registreren",
                trace_id=trace,
                verstrekker=actor.organisatie_id,
                ontvanger=o.om_id,
                casus_id=o.casus_id,
                betrokkene=f"beslagene:{b.id}",
            )
            for o, bs in paren
        ],
    )
    logboek.schrijf_audit(
        sessie,
        trace_id=trace,
        gebruiker_id=actor.gebruiker_id,
        organisatie_id=actor.organisatie_id,
        actie="kennisgeving van inbeslagneming registreren",
        resultaat="geregistreerd",
        herkomst=herkomst,
        details={"kvi": k.kvi_nummer, "objecten": len(ids)},
    )
    return Registratie(ids, b.id, code)
