# SPDX-License-Identifier: EUPL-1.2
"""Value history: the custodian's valuation, crypto and currency at a recorded rate, proceeds."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Annotated, ClassVar

from integraal.beslag.keten import leg_vast
from integraal.beslag.verloop import handelend
from integraal.domein.beslag import BeslagStatus, ObjectSoort
from integraal.domein.beslagcijfers import Methode
from integraal.domein.fouten import Conflict, GeenToegang, OngeldigeInvoer
from integraal.domein.invoer import Bedrag, Getal, Invoer, Moment, Optioneel, veld
from integraal.domein.keuze import Keuze
from integraal.domein.rollen import Rol
from integraal.opslag import beheer
from integraal.opslag.modellen import Beslagobject, Beslagwaardering
from integraal.verwerking import Context


class Waarderingssoort(Keuze):
    TAXATIE = "taxatie", "Taxatie door de bewaarder of de officier"
    OMREKENING = "omrekening", "Omrekening tegen een koers (crypto of valuta)"
    OPBRENGST = "opbrengst", "Opbrengst van de verkoop"


class WaarderingIn(Invoer):
    soort: Waarderingssoort = veld("Soort waardering")
    bedrag_euro: Bedrag | None = veld(
        "Bedrag in euro", hint="Bij taxatie of opbrengst.", standaard=None
    )
    eenheid: str = veld("Munt", hint="Bijvoorbeeld BTC of USD.", standaard="", max_length=20)
    hoeveelheid: Annotated[Getal | None, Optioneel] = veld("Hoeveelheid", standaard=None, gt=0)
    koers: Annotated[Getal | None, Optioneel] = veld(
        "Koers in euro per eenheid", standaard=None, gt=0
    )
    koersbron: str = veld("Bron van de koers", standaard="", max_length=200)
    koers_op: Annotated[Moment | None, Optioneel] = veld(
        "Moment van de koers",
        hint="Als dd-mm-jjjj uu:mm (Nederlandse tijd), bijvoorbeeld 01-03-2026 12:00.",
        standaard=None,
    )

    meldingen: ClassVar[dict[str, str]] = {
        "soort": "Kies taxatie, omrekening of opbrengst.",
        "koers_op": "Noem het moment van de koers als dd-mm-jjjj uu:mm.",
    }


def _centen(euro: Decimal) -> int:
    return int((euro * 100).quantize(Decimal(1)))


def _waardeer(
    ctx: Context,
    obj: Beslagobject,
    centen: int,
    methode: Methode,
    soort_gebeurtenis: str,
    **extra: str | dt.datetime | None,
) -> None:
    beheer.bewaar(
        ctx.sessie,
        Beslagwaardering(
            object_id=obj.id,
            bedrag_centen=centen,
            methode=methode.value,
            door=ctx.ik.gebruiker_id,
            **extra,
        ),
    )
    if methode is not Methode.OPBRENGST:
        obj.waarde_centen = centen
    leg_vast(
        ctx,
        obj,
        soort_gebeurtenis,
        tijd=ctx.nu().date(),
        methode=methode.value,
        bedrag_centen=centen,
    )
    ctx.audit("beslag: waarde vastleggen", methode.value, object=obj.id)


def waardeer(ctx: Context, object_id: str, invoer: WaarderingIn) -> None:
    """One entry point for the three kinds of value, as the API and the page offer them."""
    obj, rol = handelend(ctx, object_id)
    if invoer.soort is Waarderingssoort.TAXATIE:
        # The custodian sets the value (art. 117 lid 3 Sv; DRZ values every item at intake).
        if rol not in (Rol.BEWAARDER, Rol.OFFICIER):
            raise GeenToegang("de bewaarder of de officier stelt de waarde vast")
        _waardeer(ctx, obj, _centen(_bedrag(invoer)), Methode.TAXATIE, "WaardeVastgesteld")
        return
    if invoer.soort is Waarderingssoort.OPBRENGST:
        # Proceeds of a sale: the seizure follows them (117 lid 4 Sv) — no new seizure value.
        if rol is not Rol.BEWAARDER:
            raise GeenToegang("de bewaarder registreert de opbrengst")
        if obj.status not in (BeslagStatus.VERVREEMD.value, BeslagStatus.VERKOCHT.value):
            raise Conflict("een opbrengst hoort bij een vervreemd of verkocht object")
        _waardeer(ctx, obj, _centen(_bedrag(invoer)), Methode.OPBRENGST, "OpbrengstOntvangen")
        return
    _reken_om(ctx, obj, rol, invoer)


def _bedrag(invoer: WaarderingIn) -> Decimal:
    if invoer.bedrag_euro is None or invoer.bedrag_euro <= 0:
        raise OngeldigeInvoer({"bedrag_euro": "Vul het bedrag in euro in, groter dan nul."})
    return invoer.bedrag_euro


def _reken_om(ctx: Context, obj: Beslagobject, rol: Rol, invoer: WaarderingIn) -> None:
    """Crypto or foreign cash in euro at a recorded rate, with its source and moment. The
    rate is euro per unit (41250.12 EUR per BTC). Not a new seizure: the figures take this
    value instead of the estimate."""
    soort = ObjectSoort(obj.soort)
    if soort not in (ObjectSoort.CRYPTO, ObjectSoort.CONTANT, ObjectSoort.BANKTEGOED):
        raise Conflict("alleen crypto, contant geld en banktegoed worden omgerekend")
    fouten: dict[str, str] = {}
    eenheid = invoer.eenheid.upper()
    if not eenheid:
        fouten["eenheid"] = "Noem de munt, bijvoorbeeld BTC of USD."
    if invoer.hoeveelheid is None:
        fouten["hoeveelheid"] = "Vul de hoeveelheid in."
    if invoer.koers is None:
        fouten["koers"] = "Vul de koers in euro per eenheid in."
    if not invoer.koersbron:
        fouten["koersbron"] = "Noem de bron van de koers."
    if invoer.koers_op is None:
        fouten["koers_op"] = "Noem het moment van de koers als dd-mm-jjjj uu:mm."
    if fouten:
        raise OngeldigeInvoer(fouten)
    assert invoer.hoeveelheid is not None and invoer.koers is not None
    methode = Methode.DAGKOERS if soort is ObjectSoort.CRYPTO else Methode.VALUTA
    _waardeer(
        ctx,
        obj,
        _centen(invoer.hoeveelheid * invoer.koers),
        methode,
        "CryptoGeconverteerd" if methode is Methode.DAGKOERS else "WaardeVastgesteld",
        eenheid=eenheid,
        hoeveelheid=str(invoer.hoeveelheid),
        koers=str(invoer.koers),
        koersbron=invoer.koersbron,
        koers_op=invoer.koers_op,
    )
