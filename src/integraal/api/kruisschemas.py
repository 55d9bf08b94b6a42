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


class KnoopUit(Model):
    id: str = Field(description="Record-id, of het kleinste record-id van een samengevoegd subject")
    leden: list[str] = Field(description="De records die de oordelen tot dit subject maakten")
    schema_: str | None = Field(
        None, alias="schema", description="FtM-schema; leeg: niet zichtbaar"
    )
    soort: str
    naam: str


class RelatieUit(Model):
    soort: Literal["eigendom", "bestuur", "adres", "rekening", "betaling", "voertuig", "overig"]
    label: str
    van: str
    naar: str
    via: str = Field(description="De relatie-entiteit (Ownership, ...) of de verwijzende entiteit")
    via_schema: str
    omschrijving: str
    ander: KnoopUit


class UitbreidingUit(Model):
    centrum: KnoopUit
    relaties: list[RelatieUit]
    totaal: int
    per_soort: dict[str, int]
    pagina: int
    paginas: int
    afgekapt: bool = Field(description="Er zijn meer relaties dan er zijn gelezen")


class PadstapUit(Model):
    van: KnoopUit
    relatie: RelatieUit


class PadUit(Model):
    van: KnoopUit
    naar: KnoopUit
    gevonden: bool
    stappen: list[PadstapUit]
    bezocht: int
    afgekapt: bool = Field(description="Gestopt bij de grens van stappen of subjecten")


class PatroonUit(Model):
    soort: Literal["adres-veel-organisaties", "bestuurder-kort-bestaande", "gedeelde-rekening"]
    label: str
    reden: str = Field(description="De getelde feiten en de signaleringsgrens; geen score")
    kern: KnoopUit
    betrokken: list[KnoopUit]
