# SPDX-License-Identifier: EUPL-1.2
"""The source letters shipped with Integraal and what is known of each."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

from integraal.domein import yamltekst

BRIEVEN = Path(str(resources.files("integraal.monitor").joinpath("brieven")))
DATA = Path(str(resources.files("integraal.monitor").joinpath("data")))


@dataclass(frozen=True)
class Brief:
    sleutel: str
    titel: str
    soort: str
    datum: dt.date | None
    kenmerk: str | None
    kamerbijlage: bool = False
    financiele_tabellen: tuple[int, ...] = field(default=())

    @property
    def pad(self) -> Path:
        return BRIEVEN / f"{self.sleutel}.txt"

    def tekst(self) -> str:
        return self.pad.read_text(encoding="utf-8")


def gegevens(naam: str) -> Any:
    return yamltekst.lees((DATA / naam).read_text(encoding="utf-8"))


def brieven() -> list[Brief]:
    return [
        Brief(
            sleutel=b["sleutel"],
            titel=b["titel"],
            soort=b["soort"],
            datum=b.get("datum"),
            kenmerk=b.get("kenmerk"),
            kamerbijlage=bool(b.get("kamerbijlage")),
            financiele_tabellen=tuple(b.get("financiele_tabellen") or ()),
        )
        for b in gegevens("brieven.yaml")
    ]
