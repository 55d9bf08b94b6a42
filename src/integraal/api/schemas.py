# SPDX-License-Identifier: EUPL-1.2
"""API representations: camelCase JSON (ADR), Dutch field names."""

from __future__ import annotations

import datetime as dt

from pydantic import BaseModel, ConfigDict
from pydantic.alias_generators import to_camel


class Model(BaseModel):
    model_config = ConfigDict(alias_generator=to_camel, populate_by_name=True, extra="forbid")


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


class CheckpointUit(Model):
    boomgrootte: int
    wortel_hash: str
    tijd: str
    sleutel_id: str
    publieke_sleutel: str
    handtekening: str
