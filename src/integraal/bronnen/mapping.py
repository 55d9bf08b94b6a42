# SPDX-License-Identifier: EUPL-1.2
"""A delivery mapping: which columns become which FtM properties, under which basis.

The mapping is the minimisation document: what it does not declare is not stored.
"""

from __future__ import annotations

from enum import StrEnum
from functools import cache
from importlib import resources
from pathlib import Path

from followthemoney import model
from pydantic import BaseModel, ConfigDict, Field, model_validator

from integraal.domein import yamltekst
from integraal.domein.identificatie import VALIDATORS


class _Strikt(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class BijFout(StrEnum):
    RIJEN_OVERSLAAN = "rijen_overslaan"
    WEIGEREN = "weigeren"


class Eigenschap(_Strikt):
    eigenschap: str
    categorie: str
    kolom: str | None = None
    kolommen: tuple[str, ...] = ()
    scheiding: str = " "
    entiteit: str | None = None
    identificatie: str | None = None
    datumformaat: str | None = None
    verplicht: bool = False

    @model_validator(mode="after")
    def _bron(self) -> Eigenschap:
        bronnen = sum([self.kolom is not None, bool(self.kolommen), self.entiteit is not None])
        if bronnen != 1:
            raise ValueError(f"{self.eigenschap}: geef precies één van kolom, kolommen, entiteit")
        if self.identificatie and self.identificatie not in VALIDATORS:
            raise ValueError(f"{self.eigenschap}: onbekende identificatie {self.identificatie!r}")
        return self

    @property
    def bronkolommen(self) -> tuple[str, ...]:
        return (self.kolom,) if self.kolom else self.kolommen


class EntiteitSpec(_Strikt):
    sleutel: str
    schema_: str = Field(alias="schema")
    id_kolommen: tuple[str, ...]
    eigenschappen: tuple[Eigenschap, ...]

    @model_validator(mode="after")
    def _schema(self) -> EntiteitSpec:
        schema = model.get(self.schema_)
        if schema is None:
            raise ValueError(f"onbekend FtM-schema {self.schema_!r}")
        for e in self.eigenschappen:
            if schema.get(e.eigenschap) is None:
                raise ValueError(f"{self.schema_} heeft geen eigenschap {e.eigenschap!r}")
        return self


class Mapping(_Strikt):
    naam: str = Field(pattern=r"^[a-z0-9][a-z0-9\-]*$")
    titel: str
    partner: str
    ontvanger: str
    doel: str
    dataset: str = Field(pattern=r"^[a-z0-9][a-z0-9\-_]*$")
    noodzaak: str = Field(min_length=10)
    bij_fout: BijFout = BijFout.RIJEN_OVERSLAAN
    scheidingsteken: str | None = None
    record_id: tuple[str, ...] = ()
    entiteiten: tuple[EntiteitSpec, ...] = ()
    ftm: dict[str, dict[str, str]] = {}

    @model_validator(mode="after")
    def _samenhang(self) -> Mapping:
        sleutels = {e.sleutel for e in self.entiteiten}
        for spec in self.entiteiten:
            for e in spec.eigenschappen:
                if e.entiteit is not None and e.entiteit not in sleutels:
                    raise ValueError(
                        f"{spec.sleutel}.{e.eigenschap}: onbekende entiteit {e.entiteit}"
                    )
        for schema_naam, props in self.ftm.items():
            schema = model.get(schema_naam)
            if schema is None:
                raise ValueError(f"ftm: onbekend schema {schema_naam!r}")
            for prop in props:
                if schema.get(prop) is None:
                    raise ValueError(f"ftm: {schema_naam} heeft geen eigenschap {prop!r}")
        if not self.entiteiten and not self.ftm:
            raise ValueError("een mapping declareert entiteiten (tabel) of ftm (FtM JSON lines)")
        return self

    @property
    def categorieen(self) -> frozenset[str]:
        cats = {e.categorie for s in self.entiteiten for e in s.eigenschappen}
        cats |= {c for props in self.ftm.values() for c in props.values()}
        return frozenset(cats)

    @property
    def kolommen(self) -> frozenset[str]:
        cols = {c for s in self.entiteiten for e in s.eigenschappen for c in e.bronkolommen}
        cols |= {c for s in self.entiteiten for c in s.id_kolommen}
        return frozenset(cols | set(self.record_id))


def laad_mapping(pad: Path) -> Mapping:
    return Mapping.model_validate(yamltekst.lees(pad.read_text("utf-8")))


@cache
def meegeleverde_teksten() -> dict[str, str]:
    """The shipped mappings' YAML by name: the seed of a new installation's mappings."""
    uit: dict[str, str] = {}
    for bestand in resources.files("integraal.bronnen.mappings").iterdir():
        if bestand.name.endswith(".yaml"):
            tekst = bestand.read_text("utf-8")
            uit[Mapping.model_validate(yamltekst.lees(tekst)).naam] = tekst
    return uit


def mapping_uit_tekst(tekst: str) -> Mapping:
    return Mapping.model_validate(yamltekst.lees(tekst))


@cache
def meegeleverde_mappings() -> dict[str, Mapping]:
    uit: dict[str, Mapping] = {}
    for bestand in resources.files("integraal.bronnen.mappings").iterdir():
        if bestand.name.endswith(".yaml"):
            m = Mapping.model_validate(yamltekst.lees(bestand.read_text("utf-8")))
            uit[m.naam] = m
    return uit
