# SPDX-License-Identifier: EUPL-1.2
"""API representations: camelCase JSON (ADR), Dutch field names."""

from __future__ import annotations

import datetime as dt
from typing import Any

from pydantic import BaseModel, ConfigDict, Field
from pydantic.alias_generators import to_camel


class Model(BaseModel):
    model_config = ConfigDict(alias_generator=to_camel, populate_by_name=True, extra="forbid")


class Inloggegevens(Model):
    gebruikersnaam: str = Field(min_length=1, max_length=80)
    wachtwoord: str = Field(min_length=1, max_length=200)


class GebruikerUit(Model):
    gebruikersnaam: str
    naam: str
    organisatie: str
    rol: str


class TokenUit(Model):
    token: str
    verloopt_op: dt.datetime
    gebruiker: GebruikerUit


class PartnerUit(Model):
    id: str
    naam: str
    soort: str
    soort_label: str
    regio: str | None
    deelnemers: list[str]


class MappingUit(Model):
    naam: str
    titel: str
    partner: str
    ontvanger: str
    doel: str
    categorieen: list[str]
    bij_fout: str
    kolommen: list[str]


class RijFout(Model):
    rij: int
    kolom: str | None
    reden: str


class LeveringUit(Model):
    id: str
    partner: str
    ontvanger: str
    mapping: str
    casus_id: str | None
    bestandsnaam: str
    formaat: str
    status: str
    rijen_totaal: int
    rijen_goed: int
    rijen_fout: int
    entiteiten: int
    fouten: list[RijFout]
    melding: str | None
    ontvangen_op: dt.datetime
    verwerkt_op: dt.datetime | None
    al_ontvangen: bool = False


class Leesvraag(Model):
    doel: str = Field(min_length=1, max_length=60)
    casus_id: str | None = Field(default=None, max_length=40)


class Zoekvraag(Leesvraag):
    zoekterm: str | None = Field(default=None, max_length=200)
    schema_: str | None = Field(default=None, alias="schema", max_length=60)
    limiet: int = Field(default=50, ge=1, le=200)
    na: str | None = Field(default=None, max_length=128)


class HerkomstUit(Model):
    eigenschap: str
    waarde: str
    bron: str
    houder: str
    categorie: str
    grondslag: str
    levering: str
    eerst_gezien: str
    laatst_gezien: str


class WeggelatenUit(Model):
    categorie: str
    houder: str
    regel_id: str | None
    reden: str


class EntiteitUit(Model):
    id: str
    schema_: str = Field(alias="schema")
    eigenschappen: dict[str, list[str]]
    herkomst: list[HerkomstUit]
    weggelaten: list[WeggelatenUit]


class Zoekresultaat(Model):
    resultaten: list[EntiteitUit]
    volgende: str | None


class DeelVraag(Model):
    van: str = Field(min_length=1, max_length=80)
    aan: str = Field(min_length=1, max_length=80)
    categorie: str = Field(min_length=1, max_length=60)
    doel: str = Field(min_length=1, max_length=60)
    casus_id: str | None = Field(default=None, max_length=40)
    feiten: list[str] = Field(default_factory=list, max_length=30)
    datum: dt.date | None = None


class BesluitUit(Model):
    besluit_id: str
    toegestaan: bool
    regel_id: str | None
    grondslag: dict[str, Any] | None
    voldaan: list[dict[str, Any]]
    niet_voldaan: list[dict[str, Any]]
    verplichtingen: dict[str, Any] | None
    overwogen: list[dict[str, Any]]
    catalogus_versie: str
    uitleg: str


class VerificatieUit(Model):
    in_orde: bool
    aantal_regels: int
    gecontroleerde_checkpoints: int
    eerste_fout_volgnummer: int | None
    reden: str | None
    tekst: str


class InzageVraag(Model):
    betrokkene: str = Field(min_length=1, max_length=128)


class InzageRegelUit(Model):
    tijd: str
    organisatie: str | None
    verstrekker: str | None
    categorieen: list[str]
    doel: str
    grondslag: str | None
    regel_id: str | None
    handeling: str


class InzageUit(Model):
    betrokkene_soort: str
    regels: list[InzageRegelUit]


class CheckpointUit(Model):
    boomgrootte: int
    wortel_hash: str
    tijd: str
    sleutel_id: str
    publieke_sleutel: str
    handtekening: str


class CasusUit(Model):
    id: str
    titel: str
    verband: str
    doel: str
    status: str


class KenmerkIn(Model):
    soort: str = Field(max_length=20)
    waarde: str = Field(max_length=100)


class SignaalIn(Model):
    verband: str = Field(min_length=1, max_length=80)
    omschrijving: str = Field(min_length=1, max_length=5000)
    kenmerken: list[KenmerkIn] = Field(default_factory=list, max_length=20)


class SignaalUit(Model):
    id: str
    verband: str
    organisatie: str | None
    omschrijving: str
    kenmerken: list[dict[str, str]]
    status: str
    reden: str | None
    casus_id: str | None
    aangemaakt_op: dt.datetime
    bekend_in_casussen: list[dict[str, str]] = Field(default_factory=list)


class Beoordeling(Model):
    status: str = Field(pattern="^(in_behandeling|afgewezen)$")
    reden: str = Field(max_length=2000)


class CasusIn(Model):
    titel: str = Field(max_length=300)
    doel: str = Field(default="integrale_aanpak", max_length=60)
    signalen: list[str] = Field(max_length=50)
    aanwijzingen: str | None = Field(default=None, max_length=5000)
    leden: list[str] = Field(default_factory=list, max_length=50)


class Motivering(Model):
    motivering: str = Field(max_length=5000)


class LidIn(Model):
    gebruikersnaam: str = Field(max_length=80)


class SubjectIn(Model):
    entiteit_id: str = Field(max_length=128)


class Reden(Model):
    reden: str = Field(max_length=2000)


class DeelverzoekIn(Model):
    verstrekker: str = Field(max_length=80)
    categorieen: list[str] = Field(min_length=1, max_length=20)
    toelichting: str = Field(max_length=2000)


class DeelverzoekUit(Model):
    id: str
    casus_id: str
    verstrekker: str
    categorieen: list[str]
    toelichting: str
    status: str
    besluiten: list[dict[str, Any]]
    reden: str | None
    levering_id: str | None
    aangevraagd_op: dt.datetime


class AntwoordIn(Model):
    levering_id: str = Field(max_length=36)


class CasusDetail(Model):
    id: str
    titel: str
    verband: str
    doel: str
    status: str
    aanwijzingen: str | None
    sluitreden: str | None
    leden: list[str]
    subjecten: list[EntiteitUit]
    deelverzoeken: list[DeelverzoekUit]
    bijdragen: dict[str, int]


class VoorstelIn(Model):
    soort: str = Field(max_length=20)
    maatregel: str = Field(max_length=60)
    eigenaar: str = Field(max_length=80)
    toelichting: str = Field(default="", max_length=2000)


class AdviesIn(Model):
    analyse: str = Field(max_length=10000)
    interventies: list[VoorstelIn] = Field(min_length=1, max_length=30)


class InterventieUit(Model):
    id: str
    casus_id: str
    soort: str
    maatregel: str
    eigenaar: str
    status: str
    toelichting: str | None
    gestart_op: dt.date | None
    afgerond_op: dt.date | None
    uitkomst: str | None
    bedrag_euro: float | None


class InterventieBijwerken(Model):
    status: str = Field(max_length=20)
    uitkomst: str | None = Field(default=None, max_length=40)
    bedrag_euro: float | None = Field(default=None, ge=0)
    datum: dt.date | None = None
