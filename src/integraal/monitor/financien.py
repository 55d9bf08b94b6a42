# SPDX-License-Identifier: EUPL-1.2
"""The financial overviews as loaded, their consistency checks, and plan against realisation
per deelopgave."""

from __future__ import annotations

from dataclasses import dataclass

from pydantic import Field

from integraal.domein.financien import (
    Aansluiting,
    Afwijking,
    Cel,
    Kolom,
    KolomSoort,
    Rij,
    RijSoort,
    Tabel,
    controleer,
    controleer_aansluitingen,
)
from integraal.domein.fouten import NietGevonden
from integraal.domein.invoer import Uitvoer
from integraal.monitor.bronbrieven import gegevens
from integraal.opslag import monitor as opslag
from integraal.opslag.db import Sessie
from integraal.verwerking import Context


def tabellen(sessie: Sessie, bron: str | None = None) -> dict[int, Tabel]:
    """The tables of one letter (default: the most recent letter with tables), by number."""
    alle = opslag.financiele_tabellen(sessie)
    bronnen = sorted({t.bron for t in alle})
    if not bronnen:
        return {}
    gekozen = bron or bronnen[-1]
    uit: dict[int, Tabel] = {}
    for t in alle:
        if t.bron != gekozen:
            continue
        rijen = tuple(
            Rij(
                RijSoort(r.soort),
                r.groep,
                r.omschrijving,
                tuple(r.waarden),
                r.deelopgave_code,
            )
            for r in opslag.financiele_rijen(sessie, t.id)
        )
        kolommen = tuple(
            Kolom(k["sleutel"], k["kop"], KolomSoort(k["soort"]), k["periode"]) for k in t.kolommen
        )
        uit[t.nummer] = Tabel(t.nummer, t.titel, t.eenheid, kolommen, rijen, t.bron)
    return uit


def aansluitingen(bron: str) -> list[Aansluiting]:
    """Figures that must agree between the tables of one letter (data/aansluitingen.yaml)."""
    uit = []
    for a in gegevens("aansluitingen.yaml").get(bron, []):
        for kolom_links, kolom_rechts in zip(
            a["kolommen_links"], a["kolommen_rechts"], strict=True
        ):
            uit.append(
                Aansluiting(
                    Cel(a["links"]["tabel"], a["links"]["rij"], kolom_links),
                    Cel(a["rechts"]["tabel"], a["rechts"]["rij"], kolom_rechts),
                    a.get("uitleg", ""),
                )
            )
    return uit


def controle(t: dict[int, Tabel]) -> list[Afwijking]:
    """Every sum that does not add up and every figure that does not agree with another, in
    the tables of one letter (as `tabellen` gives them)."""
    if not t:
        return []
    afwijkingen = [a for tabel in t.values() for a in controleer(tabel)]
    eerste = next(iter(t.values()))
    return afwijkingen + controleer_aansluitingen(t, aansluitingen(eerste.bron))


@dataclass(frozen=True)
class PlanRealisatie:
    deelopgave: str | None
    groep: str
    omschrijving: str
    plan: int
    realisatie: int

    @property
    def verschil(self) -> int:
        return self.plan - self.realisatie

    @property
    def percentage(self) -> float:
        return 100 * self.realisatie / self.plan if self.plan else 0.0


def plan_realisatie(t: dict[int, Tabel]) -> tuple[str, list[PlanRealisatie]]:
    """(period, posts) from the first table that sets plan against realisation."""
    for tabel in t.values():
        plan = next((i for i, k in enumerate(tabel.kolommen) if k.soort is KolomSoort.PLAN), None)
        real = next(
            (i for i, k in enumerate(tabel.kolommen) if k.soort is KolomSoort.REALISATIE), None
        )
        if plan is None or real is None:
            continue
        posten = [
            PlanRealisatie(
                r.deelopgave, r.groep, r.omschrijving, r.waarden[plan] or 0, r.waarden[real] or 0
            )
            for r in tabel.rijen
            if r.soort is RijSoort.POST
        ]
        return tabel.kolommen[plan].periode, posten
    return "", []


class KolomUit(Uitvoer):
    sleutel: str
    kop: str
    kop_vol: str = Field(description="de kop met de periode, zoals boven de kolom")
    soort: KolomSoort
    periode: str


class RijUit(Uitvoer):
    soort: RijSoort
    groep: str
    omschrijving: str
    deelopgave: str | None
    waarden: list[int | None] = Field(description="in de eenheid van de tabel; leeg = niet vermeld")


class TabelUit(Uitvoer):
    nummer: int
    titel: str
    eenheid: str
    bron: str
    kolommen: list[KolomUit]
    rijen: list[RijUit]


class AfwijkingUit(Uitvoer):
    tabel: int
    rij: str
    kolom: str
    vermeld: int
    berekend: int
    melding: str


class PlanRealisatieUit(Uitvoer):
    deelopgave: str | None
    groep: str
    omschrijving: str
    plan: int
    realisatie: int
    verschil: int
    percentage: float


class FinancienUit(Uitvoer):
    tabellen: list[TabelUit]
    afwijkingen: list[AfwijkingUit]
    plan_periode: str = Field(description="de periode van plan en realisatie; leeg als geen")
    plan_realisatie: list[PlanRealisatieUit]


def overzicht(ctx: Context) -> FinancienUit:
    """The tables of the latest letter, every check on them, and plan against realisation."""
    t = tabellen(ctx.sessie)
    periode, posten = plan_realisatie(t)
    return FinancienUit(
        tabellen=[TabelUit.model_validate(tabel) for tabel in t.values()],
        afwijkingen=[AfwijkingUit.model_validate(a) for a in controle(t)],
        plan_periode=periode,
        plan_realisatie=[PlanRealisatieUit.model_validate(p) for p in posten],
    )


def tabel_(ctx: Context, nummer: int) -> Tabel:
    t = tabellen(ctx.sessie).get(nummer)
    if t is None:
        raise NietGevonden("Deze tabel bestaat niet.")
    return t


def kolommen(tabel: Tabel) -> tuple[str, ...]:
    return ("groep", "omschrijving", *(k.kop_vol for k in tabel.kolommen), "deelopgave")


def rijen(tabel: Tabel) -> list[list[object]]:
    """For export, in thousands of euro; an empty cell stays empty."""
    return [[r.groep, r.omschrijving, *r.waarden, r.deelopgave or ""] for r in tabel.rijen]
