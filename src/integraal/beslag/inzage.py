# SPDX-License-Identifier: EUPL-1.2
"""The page of the person seized from: their objects, where each stands, and their rights.

Reached with the personal code on the bewijs van ontvangst, without an account. It is a
provision to the data subject (AVG-15-BESLAGENE): decided and logged like any other.
"""

from __future__ import annotations

import datetime as dt
from typing import ClassVar

from integraal.beslag.objecten import GebeurtenisUit
from integraal.beslag.registratie import code_hash
from integraal.domein.beslag import BeslagStatus, klaagschrift_tot
from integraal.domein.fouten import NietGevonden
from integraal.domein.invoer import Invoer, Uitvoer, veld
from integraal.opslag import beslagfeiten
from integraal.opslag.modellen import Beslagobject
from integraal.toegang import beslag as deur
from integraal.verwerking import Context


class CodeIn(Invoer):
    code: str = veld(
        "Persoonlijke code",
        hint="Op uw bewijs van ontvangst, bijvoorbeeld ABCD-EFGH-JKLM-NPQR.",
        min_length=4,
        max_length=40,
    )

    meldingen: ClassVar[dict[str, str]] = {
        "code": "Vul de persoonlijke code van uw bewijs van ontvangst in."
    }


class InzageObject(Uitvoer):
    id: str
    omschrijving: str
    status: BeslagStatus
    status_sinds: dt.date
    beslagen_op: dt.date
    klaagschrift_tot: dt.date
    na_strafzaak: bool
    rechten: list[str]
    verloop: list[GebeurtenisUit]


class InzageUit(Uitvoer):
    naam: str
    objecten: list[InzageObject]


def rechten(obj: Beslagobject) -> list[str]:
    """The rights that apply in this state, in plain Dutch."""
    uit = [
        "U kunt een klaagschrift indienen bij de rechtbank tegen het beslag of het uitblijven van "
        "teruggave (art. 552a Sv)."
    ]
    if obj.status in (BeslagStatus.GEHANDHAAFD.value, BeslagStatus.IN_BEWARING.value):
        uit.append(
            "U kunt schriftelijk afstand doen; het OM kan het voorwerp dan teruggeven aan de "
            "rechthebbende of als verbeurd behandelen (art. 116 lid 2 Sv)."
        )
    if obj.status == BeslagStatus.VOORNEMEN_TERUGGAVE_DERDE.value:
        uit.append(
            "Het OM wil het voorwerp aan een ander teruggeven. Binnen veertien dagen kunt u "
            "daartegen een klaagschrift indienen (art. 116 lid 3 Sv)."
        )
    return uit


def inzage(ctx: Context, invoer: CodeIn) -> InzageUit:
    """An unknown code gets the same answer whether or not it exists."""
    gevonden = deur.van_beslagene_met_code(ctx, code_hash(invoer.code))
    if gevonden is None:
        raise NietGevonden(
            "deze code is niet bekend; controleer de code op uw bewijs van ontvangst"
        )
    b, objecten = gevonden
    gebeurtenissen = beslagfeiten.gebeurtenissen(ctx.sessie, [o.id for o in objecten])
    return InzageUit(
        naam=b.naam,
        objecten=[
            InzageObject(
                id=o.id,
                omschrijving=o.omschrijving,
                status=BeslagStatus(o.status),
                status_sinds=o.status_sinds,
                beslagen_op=o.beslagen_op,
                klaagschrift_tot=klaagschrift_tot(o.beslagen_op, o.einde_zaak_op),
                na_strafzaak=o.einde_zaak_op is not None,
                rechten=rechten(o),
                verloop=[
                    GebeurtenisUit.van(g)
                    for g in gebeurtenissen
                    if g.object_id == o.id and g.naar_status
                ],
            )
            for o in objecten
        ],
    )
