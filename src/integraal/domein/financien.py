# SPDX-License-Identifier: EUPL-1.2
"""Financial overviews of the approach as the letters publish them, and the checks that name any
subtotal, total or difference that does not add up. Pure: no storage, no web.

A table keeps the letter's own subtotals and totals as stated figures: they are what was
published, and the checks compare them with the sums of the posts rather than replacing them.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from enum import StrEnum

from integraal.domein.tekst import getal


class RijSoort(StrEnum):
    POST = "post"
    SUBTOTAAL = "subtotaal"
    TOTAAL = "totaal"


class KolomSoort(StrEnum):
    BEDRAG = "bedrag"  # planned or received in that period
    PLAN = "plan"
    REALISATIE = "realisatie"
    VERSCHIL = "verschil"  # plan minus realisatie


@dataclass(frozen=True)
class Kolom:
    sleutel: str  # "2024", "structureel", "plan 2023"
    kop: str  # as headed in the letter
    soort: KolomSoort = KolomSoort.BEDRAG
    periode: str = ""

    @property
    def kop_vol(self) -> str:
        return (
            f"{self.kop} {self.periode}" if self.periode and self.periode != self.kop else self.kop
        )


@dataclass(frozen=True)
class Rij:
    soort: RijSoort
    groep: str  # the line or the budget moment; "" when the letter leaves it blank
    omschrijving: str
    waarden: tuple[int | None, ...]  # per column; None = blank in the letter, 0 = "-"
    deelopgave: str | None = None


@dataclass(frozen=True)
class Tabel:
    nummer: int
    titel: str
    eenheid: str
    kolommen: tuple[Kolom, ...]
    rijen: tuple[Rij, ...]
    bron: str = ""

    def kolom(self, sleutel: str) -> int:
        for i, k in enumerate(self.kolommen):
            if k.sleutel == sleutel:
                return i
        raise KeyError(sleutel)

    def rij(self, omschrijving: str, groep: str | None = None) -> Rij:
        for r in self.rijen:
            if r.omschrijving == omschrijving and (groep is None or r.groep == groep):
                return r
        raise KeyError(omschrijving)


@dataclass(frozen=True)
class Afwijking:
    tabel: int
    rij: str
    kolom: str
    vermeld: int
    berekend: int
    uitleg: str

    @property
    def melding(self) -> str:
        return (
            f"Tabel {self.tabel}, {self.rij}, kolom {self.kolom}: "
            f"vermeld {getal(self.vermeld)}, {self.uitleg} {getal(self.berekend)}"
            f" (verschil {getal(self.vermeld - self.berekend)})."
        )


def _rijnaam(r: Rij) -> str:
    if r.soort is RijSoort.POST:
        return f"‘{r.omschrijving}’" + (f" ({r.groep})" if r.groep else "")
    return f"‘{r.omschrijving}’" + (f" na ‘{r.groep}’" if r.groep else "")


def _som(rijen: Iterable[Rij], i: int) -> int:
    return sum(r.waarden[i] or 0 for r in rijen)


def controleer(tabel: Tabel) -> list[Afwijking]:
    """Every stated subtotal, total and difference compared with what the posts give.

    A subtotal adds the posts since the previous subtotal or total; a total adds the subtotals
    and the posts no subtotal covers since the previous total. A difference column is the plan
    minus the realisation of the same period, on every row that states one.
    """
    afwijkingen: list[Afwijking] = []
    sommeerbaar = [i for i, k in enumerate(tabel.kolommen) if k.soort is not KolomSoort.VERSCHIL]
    open_posten: list[Rij] = []  # since the last subtotal or total
    sinds_totaal: list[Rij] = []  # subtotals and uncovered posts since the last total
    for r in tabel.rijen:
        if r.soort is RijSoort.POST:
            open_posten.append(r)
            continue
        if r.soort is RijSoort.SUBTOTAAL:
            delen, uitleg = open_posten, "som van de posten"
        else:
            delen, uitleg = sinds_totaal + open_posten, "som van subtotalen en posten"
        for i in sommeerbaar:
            vermeld = r.waarden[i]
            if vermeld is None:
                continue
            berekend = _som(delen, i)
            if vermeld != berekend:
                afwijkingen.append(
                    Afwijking(
                        tabel.nummer,
                        _rijnaam(r),
                        tabel.kolommen[i].kop_vol,
                        vermeld,
                        berekend,
                        uitleg,
                    )
                )
        if r.soort is RijSoort.SUBTOTAAL:
            sinds_totaal.append(r)
        else:
            sinds_totaal = []
        open_posten = []
    afwijkingen.extend(_verschillen(tabel))
    return afwijkingen


def _verschillen(tabel: Tabel) -> list[Afwijking]:
    uit: list[Afwijking] = []
    for v, kolom in enumerate(tabel.kolommen):
        if kolom.soort is not KolomSoort.VERSCHIL:
            continue
        plan = _zoek(tabel.kolommen, KolomSoort.PLAN, kolom.periode)
        real = _zoek(tabel.kolommen, KolomSoort.REALISATIE, kolom.periode)
        if plan is None or real is None:
            continue
        for r in tabel.rijen:
            vermeld, p, g = r.waarden[v], r.waarden[plan], r.waarden[real]
            if vermeld is None or p is None or g is None:
                continue
            if vermeld != p - g:
                uit.append(
                    Afwijking(
                        tabel.nummer,
                        _rijnaam(r),
                        kolom.kop_vol,
                        vermeld,
                        p - g,
                        "plan min realisatie",
                    )
                )
    return uit


def _zoek(kolommen: Sequence[Kolom], soort: KolomSoort, periode: str) -> int | None:
    for i, k in enumerate(kolommen):
        if k.soort is soort and k.periode == periode:
            return i
    return None


@dataclass(frozen=True)
class Cel:
    tabel: int
    omschrijving: str
    kolom: str
    groep: str | None = None


@dataclass(frozen=True)
class Aansluiting:
    """Two published figures that must be equal, e.g. the planned total of one table and the
    plan column of another."""

    links: Cel
    rechts: Cel
    uitleg: str = field(default="")


def waarde(tabellen: dict[int, Tabel], cel: Cel) -> int | None:
    t = tabellen[cel.tabel]
    return t.rij(cel.omschrijving, cel.groep).waarden[t.kolom(cel.kolom)]


def controleer_aansluitingen(
    tabellen: dict[int, Tabel], aansluitingen: Iterable[Aansluiting]
) -> list[Afwijking]:
    uit: list[Afwijking] = []
    for a in aansluitingen:
        links, rechts = waarde(tabellen, a.links), waarde(tabellen, a.rechts)
        if links is None or rechts is None or links == rechts:
            continue
        tl = tabellen[a.links.tabel]
        uit.append(
            Afwijking(
                a.links.tabel,
                f"‘{a.links.omschrijving}’",
                tl.kolommen[tl.kolom(a.links.kolom)].kop_vol,
                links,
                rechts,
                f"sluit niet aan op tabel {a.rechts.tabel} ‘{a.rechts.omschrijving}’ "
                f"{a.rechts.kolom}:" + (f" {a.uitleg}" if a.uitleg else ""),
            )
        )
    return uit
