# SPDX-License-Identifier: EUPL-1.2
"""The detection rules as data: loaded from YAML, checked, and turned into a detector."""

from __future__ import annotations

import functools
from importlib import resources
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, field_validator

from integraal.domein import yamltekst
from integraal.domein.integriteit import SOORTREGELS, Detector, Regeldefinitie


class _Regel(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    id: str = Field(pattern=r"^[A-Z][A-Z0-9-]+$")
    soort: str
    titel: str = Field(min_length=3)
    uitleg: str = Field(min_length=10)
    drempels: dict[str, Any] = Field(default_factory=dict)

    @field_validator("soort")
    @classmethod
    def _bekend(cls, soort: str) -> str:
        if soort not in SOORTREGELS:
            raise ValueError(f"onbekende soort regel {soort!r}")
        return soort


class Regelset(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    versie: str
    regels: tuple[_Regel, ...]

    @field_validator("regels")
    @classmethod
    def _uniek(cls, regels: tuple[_Regel, ...]) -> tuple[_Regel, ...]:
        ids = [r.id for r in regels]
        if len(ids) != len(set(ids)):
            raise ValueError("elke regel heeft een eigen id")
        return regels

    @property
    def definities(self) -> list[Regeldefinitie]:
        return [Regeldefinitie(r.id, r.soort, r.titel, r.uitleg, r.drempels) for r in self.regels]

    def titel(self, regel_id: str) -> str:
        return next((r.titel for r in self.regels if r.id == regel_id), "Onbekende regel")

    def detector(self) -> Detector:
        return Detector(self.definities)


def lees_regelset(tekst: str) -> Regelset:
    return Regelset.model_validate(yamltekst.lees(tekst))


@functools.cache
def regelset() -> Regelset:
    tekst = resources.files("integraal.logboek").joinpath("data", "controleregels.yaml")
    r = lees_regelset(tekst.read_text("utf-8"))
    # A rule whose thresholds are missing fails here, at load, not at 3 a.m. in a run.
    r.detector()
    return r
