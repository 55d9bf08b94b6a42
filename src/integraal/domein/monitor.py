# SPDX-License-Identifier: EUPL-1.2
"""The monitor's vocabulary: strategic lines with labels per period, the Tweede Kamer's status
words, observations with revisions, and small-cell suppression. Pure: no storage, no web."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal

from integraal.domein.keuze import Keuze
from integraal.domein.tekst import getal


class Lijn(Keuze):
    """A line of the approach as a stable code; its name changed over the years (the label is
    today's short name; `label_op` gives the name on a date)."""

    VOORKOMEN = "voorkomen", "Voorkomen"
    VERSTOREN_DOORBREKEN = "verstoren_doorbreken", "Verstoren en doorbreken"
    BESTRAFFEN = "bestraffen", "Bestraffen"
    BESCHERMEN = "beschermen", "Beschermen"
    # Not a line of the approach but a group in every financial overview (policy, monitoring,
    # knowledge system); kept as a code so the tables can name it.
    ONDERMIJNINGSBELEID = "ondermijningsbeleid", "Ondermijningsbeleid"


@dataclass(frozen=True)
class Lijnlabel:
    tekst: str
    van: dt.date | None
    tot: dt.date | None  # exclusive
    bron: str

    def geldt_op(self, datum: dt.date) -> bool:
        return (self.van is None or self.van <= datum) and (self.tot is None or datum < self.tot)


def label_op(labels: Sequence[Lijnlabel], datum: dt.date) -> str:
    """The name a line had on a date; the earliest known name before any period starts."""
    for label in labels:
        if label.geldt_op(datum):
            return label.tekst
    if not labels:
        raise ValueError("een lijn zonder naam")
    return min(labels, key=lambda x: x.van or dt.date.min).tekst


class Soort(Keuze):
    MOTIE = "motie", "Motie"
    TOEZEGGING = "toezegging", "Toezegging"


class TKStatus(Keuze):
    """Status of a commitment in the Tweede Kamer's open data (Toezegging.Status); the code is
    the Kamer's own word."""

    OPENSTAAND = "Openstaand", "Openstaand"
    VOLDAAN = "Voldaan", "Voldaan"
    DEELS_VOLDAAN = "Deels voldaan", "Deels voldaan"
    VERVALLEN = "Vervallen", "Vervallen"
    AFGEDAAN = "Afgedaan", "Afgedaan"
    DEELS_AFGEDAAN = "Deels afgedaan", "Deels afgedaan"

    @classmethod
    def lees(cls, tekst: str) -> TKStatus:
        """The API writes 'Deels Voldaan'; the letters 'deels voldaan'."""
        for s in cls:
            if s.value.lower() == tekst.strip().lower():
                return s
        raise ValueError(f"onbekende status van de Tweede Kamer: {tekst!r}")

    @classmethod
    def _missing_(cls, waarde: object) -> TKStatus | None:
        # Input from a form or the API may differ in case ("deels voldaan").
        try:
            return cls.lees(str(waarde))
        except ValueError:
            return None


class Uitvoering(Keuze):
    """Our own execution status of a motion; the Kamer's data does not record execution."""

    NIET_GESTART = "niet_gestart", "Niet gestart"
    IN_UITVOERING = "in_uitvoering", "In uitvoering"
    UITGEVOERD = "uitgevoerd", "Uitgevoerd"
    NIET_UITVOERBAAR = "niet_uitvoerbaar", "Niet uitvoerbaar"


class Maatregelstatus(Keuze):
    VOORBEREIDING = "voorbereiding", "In voorbereiding"
    LOPEND = "lopend", "Lopend"
    AFGEROND = "afgerond", "Afgerond"
    GESTOPT = "gestopt", "Gestopt"


# --- observations and revisions ---------------------------------------------------------------


@dataclass(frozen=True)
class Observatie:
    indicator: str
    periode: str  # "2023", "2023-H1"
    waarde: Decimal
    geregistreerd_op: dt.datetime
    gebied: str = "NL"
    uitsplitsing: str = ""
    voorlopig: bool = False
    bron: str = ""

    @property
    def sleutel(self) -> tuple[str, str, str, str]:
        return (self.indicator, self.periode, self.gebied, self.uitsplitsing)


def geldend(
    observaties: Iterable[Observatie], op: dt.datetime | None = None
) -> dict[tuple[str, str, str, str], Observatie]:
    """Per key the value as known at `op` (the latest registration until then): a revision
    replaces a figure from then on, and what was published earlier can be reproduced."""
    uit: dict[tuple[str, str, str, str], Observatie] = {}
    for o in observaties:
        if op is not None and o.geregistreerd_op > op:
            continue
        huidig = uit.get(o.sleutel)
        if huidig is None or o.geregistreerd_op >= huidig.geregistreerd_op:
            uit[o.sleutel] = o
    return uit


# --- small cells ---------------------------------------------------------------------------------

KLEINSTE_CEL = 5  # counts of 1..4 are not shown; our choice, CBS police tables round to 5


@dataclass(frozen=True)
class Cel:
    waarde: int | None  # None: suppressed
    reden: str | None = None

    def tekst(self) -> str:
        return f"<{KLEINSTE_CEL}" if self.waarde is None else getal(self.waarde)


def onderdruk(aantallen: Mapping[str, int], k: int = KLEINSTE_CEL) -> dict[str, Cel]:
    """Suppress counts 1..k-1. A breakdown is published with its total, so one hidden cell
    could be recomputed from the others: then the next smallest cell is hidden too."""
    uit = {
        sleutel: Cel(None, "klein aantal") if 0 < n < k else Cel(n)
        for sleutel, n in aantallen.items()
    }
    verborgen = [s for s, c in uit.items() if c.waarde is None]
    if len(verborgen) == 1:
        zichtbaar = sorted(
            ((n, s) for s, n in aantallen.items() if uit[s].waarde is not None and n > 0),
        )
        if zichtbaar:
            _, s = zichtbaar[0]
            uit[s] = Cel(None, "aanvullend verborgen om terugrekenen te voorkomen")
    return uit


def onderdruk_een(n: int, k: int = KLEINSTE_CEL) -> Cel:
    return Cel(None, "klein aantal") if 0 < n < k else Cel(n)
