# SPDX-License-Identifier: EUPL-1.2
"""Value history: the custodian's valuation, crypto and currency at a recorded rate, proceeds."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal, InvalidOperation

from integraal.afpakken.keten import leg_vast
from integraal.afpakken.verloop import handelend
from integraal.delen import Beslisser
from integraal.domein.actor import Actor
from integraal.domein.beslag import BeslagStatus, ObjectSoort
from integraal.domein.beslagcijfers import Methode
from integraal.domein.fouten import GeenToegang, OngeldigeInvoer
from integraal.domein.rollen import Rol
from integraal.opslag import beheer
from integraal.opslag.db import Sessie
from integraal.opslag.modellen import Beslagobject, Beslagwaardering


def _decimaal(veld: str, tekst: str) -> Decimal:
    try:
        d = Decimal(tekst.strip().replace(",", "."))
    except InvalidOperation as exc:
        raise OngeldigeInvoer({veld: "vul een getal in, bijvoorbeeld 0,5 of 41250,12"}) from exc
    if not d.is_finite() or d <= 0:
        raise OngeldigeInvoer({veld: "vul een positief getal in"})
    return d


def _centen(euro: Decimal) -> int:
    return int((euro * 100).quantize(Decimal(1)))


def _waardeer(
    sessie: Sessie,
    obj: Beslagobject,
    actor: Actor,
    centen: int,
    methode: Methode,
    soort_gebeurtenis: str,
    vandaag: dt.date,
    **extra: str | dt.datetime | None,
) -> Beslagwaardering:
    w = Beslagwaardering(
        object_id=obj.id,
        bedrag_centen=centen,
        methode=methode.value,
        door=actor.gebruiker_id,
        **extra,
    )
    beheer.bewaar(sessie, w)
    if methode is not Methode.OPBRENGST:
        obj.waarde_centen = centen
    leg_vast(
        sessie,
        obj,
        soort_gebeurtenis,
        actor,
        tijd=vandaag,
        methode=methode.value,
        bedrag_centen=centen,
    )
    return w


def taxeer(
    sessie: Sessie,
    beslisser: Beslisser,
    actor: Actor,
    object_id: str,
    bedrag_euro: str,
    *,
    vandaag: dt.date | None = None,
    herkomst: str = "app",
) -> Beslagwaardering:
    """The custodian sets the value (art. 117 lid 3 Sv; DRZ values every item at intake)."""
    vandaag = vandaag or dt.date.today()
    obj, rol = handelend(sessie, beslisser, actor, object_id, herkomst)
    if rol not in (Rol.BEWAARDER, Rol.OFFICIER):
        raise GeenToegang("de bewaarder of de officier stelt de waarde vast")
    return _waardeer(
        sessie,
        obj,
        actor,
        _centen(_decimaal("bedrag", bedrag_euro)),
        Methode.TAXATIE,
        "WaardeVastgesteld",
        vandaag,
    )


def reken_om(
    sessie: Sessie,
    beslisser: Beslisser,
    actor: Actor,
    object_id: str,
    *,
    eenheid: str,
    hoeveelheid: str,
    koers: str,
    koersbron: str,
    koers_op: dt.datetime,
    vandaag: dt.date | None = None,
    herkomst: str = "app",
) -> Beslagwaardering:
    """Crypto or foreign cash in euro at a recorded rate, with its source and moment.

    The rate is euro per unit (e.g. 41250.12 EUR per BTC). Not a new seizure: the figures
    take this value instead of the estimate.
    """
    vandaag = vandaag or dt.date.today()
    obj, rol = handelend(sessie, beslisser, actor, object_id, herkomst)
    if rol not in (Rol.OFFICIER, Rol.OPSPORINGSAMBTENAAR, Rol.HULPOFFICIER, Rol.BEWAARDER):
        raise GeenToegang("alleen de beslagketen rekent om")
    soort = ObjectSoort(obj.soort)
    if soort not in (ObjectSoort.CRYPTO, ObjectSoort.CONTANT, ObjectSoort.BANKTEGOED):
        raise OngeldigeInvoer(
            {"soort": "alleen crypto, contant geld en banktegoed worden omgerekend"}
        )
    if not koersbron.strip():
        raise OngeldigeInvoer({"koersbron": "noem de bron van de koers"})
    if koers_op.tzinfo is None:
        raise OngeldigeInvoer({"koersOp": "noem het moment van de koers met tijdzone"})
    eenheid = eenheid.strip().upper()
    if not eenheid or len(eenheid) > 20:
        raise OngeldigeInvoer({"eenheid": "noem de munt, bijvoorbeeld BTC of USD"})
    q, k = _decimaal("hoeveelheid", hoeveelheid), _decimaal("koers", koers)
    methode = Methode.DAGKOERS if soort is ObjectSoort.CRYPTO else Methode.VALUTA
    return _waardeer(
        sessie,
        obj,
        actor,
        _centen(q * k),
        methode,
        "CryptoGeconverteerd" if methode is Methode.DAGKOERS else "WaardeVastgesteld",
        vandaag,
        eenheid=eenheid,
        hoeveelheid=str(q),
        koers=str(k),
        koersbron=koersbron.strip(),
        koers_op=koers_op,
    )


def registreer_opbrengst(
    sessie: Sessie,
    beslisser: Beslisser,
    actor: Actor,
    object_id: str,
    bedrag_euro: str,
    *,
    vandaag: dt.date | None = None,
    herkomst: str = "app",
) -> Beslagwaardering:
    """Proceeds of a sale: the seizure follows them (117 lid 4 Sv) — no new seizure value."""
    vandaag = vandaag or dt.date.today()
    obj, rol = handelend(sessie, beslisser, actor, object_id, herkomst)
    if rol is not Rol.BEWAARDER:
        raise GeenToegang("de bewaarder registreert de opbrengst")
    if obj.status not in (BeslagStatus.VERVREEMD.value, BeslagStatus.VERKOCHT.value):
        raise OngeldigeInvoer(
            {"status": "een opbrengst hoort bij een vervreemd of verkocht object"}
        )
    return _waardeer(
        sessie,
        obj,
        actor,
        _centen(_decimaal("bedrag", bedrag_euro)),
        Methode.OPBRENGST,
        "OpbrengstOntvangen",
        vandaag,
    )
