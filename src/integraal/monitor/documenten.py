# SPDX-License-Identifier: EUPL-1.2
"""The letters behind the monitor: the list, one letter with its references, Dutch search."""

from __future__ import annotations

import datetime as dt
from typing import ClassVar

from pydantic import Field

from integraal.domein.fouten import NietGevonden, OngeldigeInvoer
from integraal.domein.invoer import Invoer, Uitvoer, veld
from integraal.domein.zoektaal import termen
from integraal.opslag import monitor as opslag
from integraal.verwerking import Context


class Zoekopdracht(Invoer):
    zoek: str = veld(
        "Zoeken in de brieven",
        hint="Passages met al deze woorden, ook in een andere vorm: ‘witwassen’ vindt ook "
        "‘witwaszaken’.",
        min_length=1,
        max_length=200,
    )

    meldingen: ClassVar[dict[str, str]] = {
        "zoek": "Vul een of meer woorden in, samen hoogstens 200 tekens."
    }


class TrefferUit(Uitvoer):
    document: str
    titel: str
    kop: str | None
    volgnummer: int
    fragment: str = Field(description="de gevonden woorden staan tussen « en »")


class DocumentkopUit(Uitvoer):
    sleutel: str
    titel: str
    soort: str
    datum: dt.date | None
    kenmerk: str | None


class PassageUit(Uitvoer):
    volgnummer: int
    kop: str | None
    tekst: str


class VoetnootUit(Uitvoer):
    nummer: str
    tekst: str


class VerwijzingUit(Uitvoer):
    citeertitel: str
    url: str | None
    twijfel: str | None


class DocumentUit(DocumentkopUit):
    passages: list[PassageUit]
    voetnoten: list[VoetnootUit]
    verwijzingen: list[VerwijzingUit]


def lijst(ctx: Context) -> list[DocumentkopUit]:
    return [DocumentkopUit.model_validate(d) for d in opslag.documenten(ctx.sessie)]


def zoek(ctx: Context, vraag: Zoekopdracht) -> list[TrefferUit]:
    """Passages holding every word asked. Words that narrow nothing (function words, single
    letters) are refused with a message, rather than answered with every passage or none."""
    if not termen(vraag.zoek):
        raise OngeldigeInvoer(
            {
                "zoek": "Deze woorden staan in bijna elke passage. Zoek op een woord dat meer "
                "zegt, zoals witwassen of havens."
            }
        )
    return [
        TrefferUit(
            document=t.document_sleutel,
            titel=t.document_titel,
            kop=t.kop,
            volgnummer=t.volgnummer,
            fragment=t.fragment,
        )
        for t in opslag.zoek(ctx.sessie, vraag.zoek)
    ]


def lees(ctx: Context, sleutel: str) -> DocumentUit:
    s = ctx.sessie
    doc = opslag.document(s, sleutel)
    if doc is None:
        raise NietGevonden("Dit document bestaat niet.")
    return DocumentUit(
        **DocumentkopUit.model_validate(doc).model_dump(),
        passages=[PassageUit.model_validate(p) for p in opslag.passages(s, doc.id)],
        voetnoten=[VoetnootUit.model_validate(n) for n in opslag.voetnoten(s, doc.id)],
        verwijzingen=[
            VerwijzingUit.model_validate(v) for v in opslag.documentverwijzingen(s, doc.id)
        ],
    )
