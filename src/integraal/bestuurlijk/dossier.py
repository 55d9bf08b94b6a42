# SPDX-License-Identifier: EUPL-1.2
"""What the municipality's dossiers share: who may work on closures and claims, the history of
steps each dossier keeps, and dates of things that happened (never in the future)."""

from __future__ import annotations

import datetime as dt
from typing import Any, Protocol

from integraal.domein.fouten import GeenToegang, OngeldigeInvoer
from integraal.domein.invoer import Uitvoer
from integraal.domein.rollen import Rol
from integraal.verwerking import Context


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


def oov(ctx: Context) -> None:
    """Closures and claims are the work of the mayor's advisers on public order and safety."""
    if ctx.ik.rol is not Rol.OOV_ADVISEUR:
        raise GeenToegang(
            "alleen adviseurs openbare orde en veiligheid werken met sluitingen en vorderingen"
        )


def niet_in_de_toekomst(ctx: Context, **datums: dt.date | None) -> None:
    vandaag = ctx.nu().date()
    fouten = {
        veld: "Deze datum ligt in de toekomst; vul de dag in waarop het gebeurde."
        for veld, dag in datums.items()
        if dag is not None and dag > vandaag
    }
    if fouten:
        raise OngeldigeInvoer(fouten)
