# SPDX-License-Identifier: EUPL-1.2
"""Schemas of the cross-referencing endpoints."""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import Field

from integraal.api.schemas import EntiteitUit, Model


class KruistaakIn(Model):
    soort: Literal["casus", "levering", "datasets"] = "casus"
    levering_id: str | None = Field(None, max_length=60)
    datasets: list[str] | None = Field(None, min_length=2, max_length=2)


class KruistaakUit(Model):
    id: str
    casus_id: str
    soort: str
    status: str
    stap: str
    gedaan: int
    totaal: int
    fout: str | None
    aangemaakt: dt.datetime


class UitlegUit(Model):
    veld: str
    niveau: str = Field(description="Niveau van overeenkomst, in het Nederlands")
    gewicht: float = Field(description="Bijdrage aan de score in bits (log2 van m/u)")
    aandeel: float | None = Field(None, description="Bij gelijke waarde: aandeel records ermee")
    links: str = ""
    rechts: str = ""


class OordeelUit(Model):
    id: int
    oordeel: str
    gebruiker_id: int
    organisatie_id: str
    toelichting: str | None
    tijd: dt.datetime
    ingetrokken_op: dt.datetime | None


class SuggestieUit(Model):
    id: int
    kans: float
    gewicht: float
    status: str
    over_organisaties: bool
    uitleg: list[UitlegUit]
    links: EntiteitUit | None
    rechts: EntiteitUit | None
    oordelen: list[OordeelUit]


class Wachtrijpagina(Model):
    resultaten: list[SuggestieUit]
    totaal: int
    pagina: int
    paginas: int
    per_status: dict[str, int]


class OordeelIn(Model):
    suggestie_ids: list[int] = Field(min_length=1, max_length=500)
    oordeel: Literal["zelfde", "anders", "onzeker"]
    toelichting: str | None = Field(None, max_length=2000)


class WeigeringUit(Model):
    suggestie_id: int
    reden: str


class OordeelAntwoord(Model):
    geweigerd: list[WeigeringUit]


class OnderwerpUit(Model):
    id: str
    leden: list[str]
