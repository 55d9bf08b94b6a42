# SPDX-License-Identifier: EUPL-1.2
"""A dossier's history of steps, and dates of things that happened (never in the future):
shared by every service that keeps a dossier (administrative instruments, gatekeepers)."""

from __future__ import annotations

import datetime as dt
from typing import Any, Protocol

from integraal.domein.fouten import OngeldigeInvoer
from integraal.domein.invoer import Uitvoer
from integraal.verwerking.context import Context


class Stap(Uitvoer):
    op: dt.date
    stap: str


class MetStappen(Protocol):
    stappen: list[Any]


def voeg_stap(
    ctx: Context, rij: MetStappen, tekst: str, dag: dt.date | None = None, **extra: object
) -> None:
    """One step in the dossier's history (a new list, so the JSON column is written)."""
    rij.stappen = [
        *rij.stappen,
        {"op": (dag or ctx.nu().date()).isoformat(), "stap": tekst, **extra},
    ]


def stappen(rij: MetStappen) -> list[Stap]:
    return [Stap(op=dt.date.fromisoformat(s["op"]), stap=s["stap"]) for s in rij.stappen]


def niet_in_de_toekomst(ctx: Context, **datums: dt.date | None) -> None:
    vandaag = ctx.nu().date()
    fouten = {
        veld: "Deze datum ligt in de toekomst; vul de dag in waarop het gebeurde."
        for veld, dag in datums.items()
        if dag is not None and dag > vandaag
    }
    if fouten:
        raise OngeldigeInvoer(fouten)
