# SPDX-License-Identifier: EUPL-1.2
"""Human judgements on suggested pairs, and the subjects they make.

Judgements are kept as votes, never overwritten: a vote can be withdrawn (undo), and the state —
which records are one subject, which pairs are kept apart — is always recomputed from the votes
still standing. So undoing restores exactly the state before the vote, and nothing an analyst
decided is lost.

- "anders" takes effect at once and blocks: two records judged different never end up in one
  subject, however other pairs are judged.
- "zelfde" takes effect when two people agree, and when the pair's records come from different
  organisations those two must be from different organisations too (four eyes across the
  partnership: one partner alone does not merge another partner's subject into its own).
- Positive pairs merge transitively into one subject, named by its smallest record id.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from integraal.domein.keuze import Keuze


class Oordeel(Keuze):
    ZELFDE = "zelfde", "Zelfde persoon"
    ANDERS = "anders", "Verschillende personen"
    ONZEKER = "onzeker", "Weet ik niet"


class Paarstatus(Keuze):
    OPEN = "open", "Open"
    ONZEKER = "onzeker", "Onzeker"
    WACHT = "wacht_op_tweede", "Wacht op een tweede oordeel"
    ZELFDE = "zelfde", "Zelfde persoon"
    ANDERS = "anders", "Verschillende personen"
    BETWIST = "betwist", "Betwist"
    GEBLOKKEERD = "geblokkeerd", "Geblokkeerd door een oordeel 'verschillende personen'"


def paar(x: str, y: str) -> tuple[str, str]:
    return (x, y) if x <= y else (y, x)


@dataclass(frozen=True)
class Stem:
    volgnummer: int
    links: str
    rechts: str
    oordeel: Oordeel
    gebruiker: int
    organisatie: str
    ingetrokken: bool = False

    @property
    def paar(self) -> tuple[str, str]:
        return paar(self.links, self.rechts)


class Weigering(ValueError):
    """A vote that would break the rules; the message is Dutch, for the analyst."""


def _botsing(
    kant_a: set[str], kant_b: set[str], anders: Iterable[tuple[str, str]]
) -> tuple[str, str] | None:
    """A pair judged different with one record on each side, if any."""
    for p, q in sorted(anders):
        if (p in kant_a and q in kant_b) or (p in kant_b and q in kant_a):
            return (p, q)
    return None


class _Componenten:
    """Union-find over record ids that also keeps each component's members."""

    def __init__(self) -> None:
        self.ouder: dict[str, str] = {}
        self.leden: dict[str, set[str]] = {}

    def wortel(self, x: str) -> str:
        if x not in self.ouder:
            self.ouder[x], self.leden[x] = x, {x}
        while self.ouder[x] != x:
            self.ouder[x] = self.ouder[self.ouder[x]]
            x = self.ouder[x]
        return x

    def voeg_samen(self, x: str, y: str) -> None:
        a, b = self.wortel(x), self.wortel(y)
        if a != b:
            klein, groot = min(a, b), max(a, b)
            self.ouder[groot] = klein
            self.leden[klein] |= self.leden.pop(groot)


@dataclass
class Stand:
    status: dict[tuple[str, str], Paarstatus] = field(default_factory=dict)
    onderwerp: dict[str, str] = field(default_factory=dict)  # record → subject (smallest id)
    anders: set[tuple[str, str]] = field(default_factory=set)

    def onderwerp_van(self, x: str) -> str:
        return self.onderwerp.get(x, x)

    def leden(self, onderwerp: str) -> list[str]:
        return sorted({onderwerp} | {r for r, o in self.onderwerp.items() if o == onderwerp})

    def botst(self, x: str, y: str) -> tuple[str, str] | None:
        """A pair judged different that merging x and y would put into one subject."""
        a, b = self.onderwerp_van(x), self.onderwerp_van(y)
        if a == b:
            return None
        return _botsing(set(self.leden(a)), set(self.leden(b)), self.anders)


def _paarstatus(stemmen: Sequence[Stem], over_organisaties: bool) -> Paarstatus:
    staand = [s for s in stemmen if not s.ingetrokken]
    zelfde = [s for s in staand if s.oordeel is Oordeel.ZELFDE]
    anders = [s for s in staand if s.oordeel is Oordeel.ANDERS]
    if anders:
        return Paarstatus.BETWIST if zelfde else Paarstatus.ANDERS
    if zelfde:
        mensen = {s.gebruiker for s in zelfde}
        organisaties = {s.organisatie for s in zelfde}
        genoeg = len(mensen) >= 2 and (not over_organisaties or len(organisaties) >= 2)
        return Paarstatus.ZELFDE if genoeg else Paarstatus.WACHT
    if staand:
        return Paarstatus.ONZEKER
    return Paarstatus.OPEN


def stand(
    stemmen: Iterable[Stem], over_organisaties: dict[tuple[str, str], bool] | None = None
) -> Stand:
    """The state the standing votes give. `over_organisaties[pair]` tells whether the pair's
    records come from different organisations (then four eyes must span two organisations)."""
    per: dict[tuple[str, str], list[Stem]] = {}
    for s in sorted(stemmen, key=lambda s: s.volgnummer):
        per.setdefault(s.paar, []).append(s)
    uit = Stand()
    kruis = over_organisaties or {}
    positief: list[tuple[int, tuple[str, str]]] = []
    for p, lijst in per.items():
        status = _paarstatus(lijst, kruis.get(p, False))
        uit.status[p] = status
        if status in (Paarstatus.ANDERS, Paarstatus.BETWIST):
            uit.anders.add(p)
        elif status is Paarstatus.ZELFDE:
            laatste = max(s.volgnummer for s in lijst if not s.ingetrokken)
            positief.append((laatste, p))
    # In the order they took effect; a positive that would join two records kept apart is
    # blocked (an "anders" always wins, also over a merge made earlier through other pairs).
    comp = _Componenten()
    for _, (x, y) in sorted(positief):
        a, b = comp.wortel(x), comp.wortel(y)
        if a != b and _botsing(comp.leden[a], comp.leden[b], uit.anders):
            uit.status[(x, y)] = Paarstatus.GEBLOKKEERD
            continue
        comp.voeg_samen(x, y)
    uit.onderwerp = {r: comp.wortel(r) for r in comp.ouder}
    return uit


def controleer(huidig: Stand, nieuw: Stem) -> None:
    """Refuse a vote the state cannot take, with the reason in Dutch."""
    if nieuw.links == nieuw.rechts:
        raise Weigering("een record kan niet met zichzelf worden vergeleken")
    if nieuw.oordeel is Oordeel.ZELFDE:
        botsing = huidig.botst(nieuw.links, nieuw.rechts)
        if botsing:
            raise Weigering(
                "samenvoegen kan niet: daarmee kwamen "
                f"{botsing[0]} en {botsing[1]} in één subject, en die zijn als verschillend "
                "beoordeeld; trek dat oordeel eerst in als het onjuist was"
            )
