# SPDX-License-Identifier: EUPL-1.2
"""Preventie met Gezag: the yearly return of a participating municipality, and its sums.

The letters: "Met de monitor van Preventie met Gezag volgen we jaarlijks de interventies die
gemeenten inzetten" (000), with a data request on 1 March, five risk themes, three support
levels, evidence from the Landelijk Kwaliteitskader, and per intervention whether it is
continued, adjusted or stopped (004). A return holds aggregates only: counts and the
municipality's own words about an intervention, never a young person. Pure: no storage, no web.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from integraal.domein import identificatie
from integraal.domein.keuze import Keuze


class Bewijs(Keuze):
    """How well an intervention is founded (Landelijk Kwaliteitskader, 000 and 004)."""

    ERKEND = "erkend", "Erkend: bewezen of goed onderbouwd"
    KWALITEITSKADER = "kwaliteitskader", "Volgens het Landelijk Kwaliteitskader"
    INNOVATIE = "innovatie", "Innovatie, onderbouwing in onderzoek"


class Risicothema(Keuze):
    """The five themes of risk and protective factors (004, "Onderscheid in vijf thema's")."""

    ONDERWIJS = "onderwijs", "Onderwijs"
    WERK_INKOMEN = "werk_inkomen", "Werk en inkomen"
    ONTWIKKELING = "ontwikkeling", "Persoonlijke en psychologische ontwikkeling"
    NETWERK = "netwerk", "Sociale netwerk"
    CRIMINALITEIT = "criminaliteit", "Criminaliteit en re-integratie"


class Niveau(Keuze):
    """The three levels of support (004, "De juiste hulp op verschillende niveaus")."""

    POSITIEF = "positief", "Positieve ondersteuning"
    INTENSIEF = "intensief", "Intensieve begeleiding op meerdere leefgebieden"
    SPECIALISTISCH = "specialistisch", "Specialistische aanpak"


class Besluit(Keuze):
    """What the municipality does with the intervention next year (000: "gecontinueerd,
    bijgesteld of stopgezet")."""

    CONTINUEREN = "continueren", "Gecontinueerd"
    BIJSTELLEN = "bijstellen", "Bijgesteld"
    STOPPEN = "stoppen", "Stopgezet"


class Opgavestatus(Keuze):
    UITGEVRAAGD = "uitgevraagd", "Uitgevraagd, nog niet ingediend"
    INGEDIEND = "ingediend", "Ingediend, wacht op beoordeling"
    TERUGGESTUURD = "teruggestuurd", "Teruggestuurd voor aanvulling"
    GOEDGEKEURD = "goedgekeurd", "Beoordeeld en opgenomen in de monitor"


OVERGANGEN: Mapping[Opgavestatus, frozenset[Opgavestatus]] = {
    Opgavestatus.UITGEVRAAGD: frozenset({Opgavestatus.INGEDIEND}),
    Opgavestatus.INGEDIEND: frozenset({Opgavestatus.GOEDGEKEURD, Opgavestatus.TERUGGESTUURD}),
    Opgavestatus.TERUGGESTUURD: frozenset({Opgavestatus.INGEDIEND}),
    Opgavestatus.GOEDGEKEURD: frozenset(),
}
# Only these can still be changed by the municipality.
BEWERKBAAR = frozenset({Opgavestatus.UITGEVRAAGD, Opgavestatus.TERUGGESTUURD})

# A return holds aggregates. Free text that names a person by a number, an address or a date
# of birth would make it personal data, so such text is refused: nine digits in any grouping
# that pass the BSN eleven-test, an e-mail address (also written "(at)" or " at "), a Dutch
# phone number, and any full date (a return speaks of months and years, not days).
_MAANDEN = "januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december"
_NEGEN_CIJFERS = re.compile(r"(?<![\d.,-])\d(?:[ .-]?\d){8}(?![\d]|[.,-]\d)")
_OVERIG = re.compile(
    r"[\w.+-]+\s*(?:@|\(at\)|\[at\]|\s+at\s+)\s*[\w-]+\.[a-z]{2,}\b"  # e-mail
    r"|(?<!\d)(?:\+31|0)\s?[1-9](?:[ -]?\d){8}(?!\d)"  # phone
    r"|\b\d{1,2}[-/.]\d{1,2}[-/.](?:\d{2}|\d{4})\b"  # 01-02-2009, 01.02.09
    r"|\b(?:19|20)\d{2}-\d{1,2}-\d{1,2}\b"  # 2009-02-01
    rf"|\b\d{{1,2}}\s+(?:{_MAANDEN})\s+(?:19|20)\d{{2}}\b",  # 1 februari 2009
    re.IGNORECASE,
)


def _is_bsn(tekst: str) -> bool:
    try:
        identificatie.bsn(tekst)
    except identificatie.OngeldigeWaarde:
        return False
    return True


def persoonlijk(tekst: str) -> bool:
    """Whether free text looks like it names a person (a BSN, an e-mail address, a phone
    number, a date that could be a date of birth)."""
    for m in _NEGEN_CIJFERS.finditer(tekst):
        # Nine digits in a row are refused outright; grouped ones ("100.000.000" euro) only
        # when they are a valid BSN.
        if m.group().isdigit() or _is_bsn(m.group()):
            return True
    return bool(_OVERIG.search(tekst))


@dataclass(frozen=True)
class Interventie:
    naam: str
    bewijs: Bewijs
    themas: frozenset[Risicothema]
    niveaus: frozenset[Niveau]
    bereik: int  # young people reached
    output: int  # the intervention's own output count (trainings, trajectories, ...)
    besluit: Besluit
    gebieden: tuple[str, ...] = ()  # CBS area codes it targets


def gebreken(i: Interventie) -> dict[str, str]:
    """What a complete intervention still lacks, per field, in Dutch."""
    uit: dict[str, str] = {}
    if not i.themas:
        uit["themas"] = "Kies ten minste één thema waarop de interventie inzet."
    if not i.niveaus:
        uit["niveaus"] = "Kies ten minste één niveau van ondersteuning."
    return uit


@dataclass
class Samenvatting:
    """One return or many, summed: counts per evidence status, theme, level and decision;
    reach and output totals. An intervention with two themes counts under both."""

    gemeenten: int = 0
    interventies: int = 0
    bereik: int = 0
    output: int = 0
    per_bewijs: Counter[Bewijs] = field(default_factory=Counter)
    per_thema: Counter[Risicothema] = field(default_factory=Counter)
    per_niveau: Counter[Niveau] = field(default_factory=Counter)
    per_besluit: Counter[Besluit] = field(default_factory=Counter)
    bereik_per_thema: Counter[Risicothema] = field(default_factory=Counter)


def tel_op(opgaven: Mapping[str, Sequence[Interventie]]) -> Samenvatting:
    """Sum the approved returns (municipality → its interventions)."""
    s = Samenvatting(gemeenten=len(opgaven))
    for interventies in opgaven.values():
        for i in interventies:
            s.interventies += 1
            s.bereik += i.bereik
            s.output += i.output
            s.per_bewijs[i.bewijs] += 1
            s.per_besluit[i.besluit] += 1
            for t in i.themas:
                s.per_thema[t] += 1
                s.bereik_per_thema[t] += i.bereik
            for n in i.niveaus:
                s.per_niveau[n] += 1
    return s


def aandeel_bewezen(interventies: Iterable[Interventie]) -> float | None:
    """The share of interventions that are recognised or follow the quality framework (the
    motion asks for 'zoveel mogelijk bewezen effectieve interventies')."""
    alle = list(interventies)
    if not alle:
        return None
    return sum(i.bewijs is not Bewijs.INNOVATIE for i in alle) / len(alle)
