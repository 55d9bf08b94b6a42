# SPDX-License-Identifier: EUPL-1.2
"""One matching run: candidates by blocking, levels per field, a model (estimated, or a stored
one), match weights, and the explanation of any pair. Work is done in chunks of pairs so memory
stays flat and progress can be reported."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Protocol

import numpy as np
import numpy.typing as npt

from integraal.kruis.blokken import Blokverslag, Sleutel, kandidaten, kleinste
from integraal.kruis.model import (
    SCHAAL,
    Model,
    Niveaumatrix,
    combineer,
    globale_prior,
    kanssom,
    leer,
    schat,
    schat_u,
)
from integraal.kruis.tabel import Tabel
from integraal.kruis.vergelijk import (
    HARD,
    TEGENBEWIJS,
    ZEKER_ANDERS,
    Vergelijker,
    kans_bij_zelfde,
    standaard,
    tegenbewijs,
)

Paren = npt.NDArray[np.int64]
Voortgang = Callable[[str, int, int], None]  # (stap, gedaan, totaal)

BLOK = 1_000_000  # pairs per chunk
WILLEKEURIG = 200_000  # random pairs for u
MONSTER = 300_000  # pairs per blocking key for estimating m


@dataclass(frozen=True)
class Uitleg:
    veld: str
    niveau: str
    gewicht: float
    links: str
    rechts: str
    aandeel: float | None = None  # for an equal value: the share of records that carry it


def aandelen(t: Tabel, kolom: str) -> npt.NDArray[np.float64]:
    """Per value code, the share of records (with a value) that carry it; at least 1/n."""
    codes = t.codes[kolom]
    telling = np.bincount(codes[codes >= 0], minlength=len(t.uniek[kolom]))
    uit: npt.NDArray[np.float64] = np.maximum(
        telling / max(int((codes >= 0).sum()), 1), 1 / max(t.n, 1)
    )
    return uit


def gelijk_gewicht(
    model: Model, k: int, aandeel: npt.NDArray[np.float64]
) -> npt.NDArray[np.float64]:
    """The weight (bits) of agreeing on a value that `aandeel` of the records carry, as an
    explanation shows it for a name or place: log2(m / share), plus a learned correction."""
    gewicht: npt.NDArray[np.float64] = np.log2(max(float(model.m[k][1]), 1e-9) / aandeel)
    return gewicht + float(model.correctie[k][1]) if model.correctie else gewicht


Aandelen = Mapping[str, npt.NDArray[np.float64]]


def alle_aandelen(
    t: Tabel, vergelijkers: Sequence[Vergelijker]
) -> dict[str, npt.NDArray[np.float64]]:
    """`aandelen` of every column whose equal values weigh by their frequency: counted once per
    run (and sent to the workers once), not once per round of the model."""
    return {v.naam: aandelen(t, v.naam) for v in vergelijkers if v.frequentie}


Waardecode = Callable[[str, npt.NDArray[np.bool_]], npt.NDArray[np.int64]]
"""For a column and a mask of pairs: the code, in the whole table, of those pairs' first
record's value."""


def waardecodes(t: Tabel, a: Paren) -> Waardecode:
    return lambda kolom, kies: t.codes[kolom][a[kies]].astype(np.int64)


def frequentie(
    vergelijkers: Sequence[Vergelijker],
    model: Model,
    niveaus_: Niveaumatrix,
    gedeeld: Aandelen,
    waardecode: Waardecode,
) -> npt.NDArray[np.float64]:
    """Term-frequency adjustment: agreeing on a common value ('de jong', 'amsterdam') is weaker
    evidence than agreeing on a rare one. For level 'gelijk' of names and text the u of the
    level is replaced by the share of records with that value (`gedeeld`, from
    `alle_aandelen`): + log2(u / share). `waardecode` finds the values, so the records need
    not be at hand (a worker's part of a run)."""
    extra = np.zeros(len(niveaus_), dtype=np.float64)
    for k, v in enumerate(vergelijkers):
        if not v.frequentie:
            continue
        gelijk = niveaus_[:, k] == 1
        if gelijk.any():
            u1 = max(float(model.u[k][1]), 1e-9)
            extra[gelijk] += np.log2(u1 / gedeeld[v.naam][waardecode(v.naam, gelijk)])
    return extra


@dataclass
class Uitkomst:
    tabel: Tabel
    vergelijkers: list[Vergelijker]
    model: Model
    a: Paren
    b: Paren
    niveaus: Niveaumatrix
    gewicht: npt.NDArray[np.float64]
    blokken: list[Blokverslag] = field(default_factory=list)
    # Per pair the reason it cannot be one person (`vergelijk.TEGENBEWIJS`), 0 = none.
    tegen: npt.NDArray[np.int8] = field(default_factory=lambda: np.zeros(0, dtype=np.int8))

    _gedeeld: dict[str, npt.NDArray[np.float64]] = field(default_factory=dict, repr=False)

    @property
    def kans(self) -> npt.NDArray[np.float64]:
        return Model.kans(self.gewicht)

    def _aandelen(self, kolom: str) -> npt.NDArray[np.float64]:
        # Counted once per column: explaining many pairs must not count all records each time.
        if kolom not in self._gedeeld:
            self._gedeeld[kolom] = aandelen(self.tabel, kolom)
        return self._gedeeld[kolom]

    def leer(self, index: npt.NDArray[np.int64], zelfde: npt.NDArray[np.bool_]) -> None:
        """Learn from people's verdicts on some of these pairs (`index`, `zelfde`): the model
        corrected (`model.leer`) and every pair rescored by the corrections' change; pairs
        with counter-evidence keep their score."""
        self.herweeg(leer(self.model, self.niveaus[index], self.gewicht[index], zelfde))

    def herweeg(self, nieuw: Model) -> None:
        """These pairs scored with `nieuw`, a model that differs from the current one only in
        its learned corrections, so the change is a sum per field level."""
        self.gewicht = herweeg(self.gewicht, self.niveaus, self.tegen, self.model, nieuw)
        self.model = nieuw

    def boven(self, drempel: float) -> tuple[Paren, Paren]:
        kies = self.kans >= drempel
        return self.a[kies], self.b[kies]

    def uitleg(self, index: int) -> list[Uitleg]:
        """Field by field: level, weight (bits) and the two values as normalised."""
        gewichten = self.model.gewichten()
        i, j = int(self.a[index]), int(self.b[index])
        uit = []
        for k, v in enumerate(self.vergelijkers):
            niveau = int(self.niveaus[index, k])
            gewicht = float(gewichten[k][niveau])
            aandeel = None
            if v.frequentie and niveau == 1:
                aandeel = float(self._aandelen(v.naam)[self.tabel.codes[v.naam][i]])
                gewicht = float(gelijk_gewicht(self.model, k, np.asarray([aandeel]))[0])
            uit.append(
                Uitleg(
                    v.titel,
                    v.labels[niveau],
                    round(gewicht, 2),
                    v.waarde(self.tabel, i),
                    v.waarde(self.tabel, j),
                    aandeel,
                )
            )
        reden = int(self.tegen[index]) if len(self.tegen) else 0
        if reden:
            if reden in self.model.tegen:
                straf = self.model.tegen[reden]
            else:  # certain: the line that brings the sum to "certainly different"
                rest = self.model.basisgewicht + sum(u.gewicht for u in uit)
                straf = ZEKER_ANDERS - rest
            uit.append(Uitleg("tegenbewijs", TEGENBEWIJS[reden], round(straf, 2), "", ""))
        return uit


def herweeg(
    gewicht: npt.NDArray[np.float64],
    lv: Niveaumatrix,
    tegen: npt.NDArray[np.int8],
    oud: Model,
    nieuw: Model,
) -> npt.NDArray[np.float64]:
    """Weights scored with `oud` changed to `nieuw`, which differs only in its learned
    corrections (a sum per field level); pairs with counter-evidence keep their score."""
    verschil = np.zeros(len(gewicht))
    for k, corr in enumerate(nieuw.correctie):
        vorig = oud.correctie[k] if oud.correctie else np.zeros_like(corr)
        verschil += (corr - vorig)[lv[:, k]]
    if not len(tegen):
        tegen = np.zeros(len(gewicht), dtype=np.int8)
    uit: npt.NDArray[np.float64] = np.where(tegen > 0, gewicht, gewicht + verschil)
    return uit


def niveaus(
    t: Tabel,
    vergelijkers: Sequence[Vergelijker],
    a: Paren,
    b: Paren,
    voortgang: Voortgang | None = None,
) -> Niveaumatrix:
    uit = np.empty((len(a), len(vergelijkers)), dtype=np.int8)
    for start in range(0, len(a), BLOK):
        eind = min(start + BLOK, len(a))
        for k, v in enumerate(vergelijkers):
            uit[start:eind, k] = v.niveaus(t, a[start:eind], b[start:eind])
        if voortgang:
            voortgang("vergelijken", eind, len(a))
    return uit


def willekeurige_paren(
    t: Tabel, aantal: int, koppelen: bool, zaad: int = 42
) -> tuple[Paren, Paren]:
    rng = np.random.default_rng(zaad)
    if koppelen:
        links, rechts = np.flatnonzero(t.bron == 0), np.flatnonzero(t.bron == 1)
        if not len(links) or not len(rechts):
            leeg = np.empty(0, dtype=np.int64)
            return leeg, leeg
        return rng.choice(links, aantal), rng.choice(rechts, aantal)
    a = rng.integers(0, t.n, aantal)
    b = rng.integers(0, t.n, aantal)
    anders = a != b
    return a[anders], b[anders]


def alle_paren(t: Tabel, koppelen: bool) -> int:
    """How many pairs the scope holds: all pairs in one table, or all across two."""
    if koppelen:
        links = int((t.bron == 0).sum())
        return links * (t.n - links)
    return t.n * (t.n - 1) // 2


def schat_m(
    verg: Sequence[Vergelijker],
    u: list[npt.NDArray[np.float64]],
    monsters: Sequence[tuple[Sleutel, Niveaumatrix, int]],
) -> Model:
    """m per field from EM on each key's sample (its levels and the key's number of pairs),
    leaving out the key's own fields. Pairs with two different BSN pseudonyms are known
    non-matches and stay out. A field that households share (address, surname, phone) would
    let EM take housemates for one person and learn that one person often has "another" first
    name or birth date; so the m of the other fields comes from a second EM on the same pairs
    with the household fields left out too."""
    huis = [v.huishouden for v in verg]
    schattingen = []
    for sleutel, lv, totaal in monsters:
        if not len(lv):
            continue
        # Two BSNs are two people; the weighed reasons stay in, or EM could never learn how
        # often one person shows them (a mistyped date), which `kalibreer` needs.
        schoon = tegenbewijs(list(verg), lv) != HARD
        if not schoon.any():
            continue
        schaal = totaal * int(schoon.sum()) / len(lv)
        lv = lv[schoon]
        sleutel_velden = [bool(sleutel.velden & set(v.bronvelden)) for v in verg]
        for huis_mee in (True, False):
            # With the household fields as evidence, EM gives their own m; without them, the
            # m of the other fields. Each estimate lends only those (`combineer` skips the rest).
            paren = list(zip(sleutel_velden, huis, strict=True))
            negeer = [s or (h and not huis_mee) for s, h in paren]
            if all(negeer):
                continue
            model = schat(lv, verg, u, negeer=negeer)
            niet_van_deze = [s or (h != huis_mee) for s, h in paren]
            schattingen.append((model, niet_van_deze, model.prior * schaal))
    return combineer(schattingen, verg, u)


class Bewijsbron(Protocol):
    """The candidate pairs of a run as the model's calibration sees them, wherever they are
    kept: in this process (`Paarbewijs`) or in parts on several workers (`kruis.verdeeld`)."""

    # How many levels of a bisection to ask for in one call of `sommen`: 1 where a sum is
    # cheap to ask, more where each call is a round trip to the workers.
    tegelijk: int

    def ronde(self, model: Model) -> None:
        """Weigh every pair with this model (a new round)."""

    def sommen(self, reden: int, erbij: Sequence[float]) -> list[float]:
        """Σ P(match) of the pairs with this reason of counter-evidence (0: of all pairs, the
        penalties applied) for each number of bits added to their weights (which leave out
        the prior's own weight)."""
        ...

    def aantal(self, reden: int) -> int: ...


class Paarbewijs:
    """Candidate pairs held in one process: a whole run, or one worker's part of it. The
    pairs' records need not be at hand: `waardecode` gives what the frequency of a value
    needs, and the levels are already compared."""

    tegelijk = 1

    def __init__(
        self,
        verg: Sequence[Vergelijker],
        a: Paren,
        b: Paren,
        lv: Niveaumatrix,
        tegen: npt.NDArray[np.int8],
        gedeeld: Aandelen,
        waardecode: Waardecode,
    ) -> None:
        self.verg, self.a, self.b, self.lv, self.tegen = verg, a, b, lv, tegen
        self.gedeeld, self.waardecode = gedeeld, waardecode
        self.gewicht: dict[int, npt.NDArray[np.float64]] = {}

    def _frequentie(self, model: Model) -> npt.NDArray[np.float64]:
        return frequentie(self.verg, model, self.lv, self.gedeeld, self.waardecode)

    def ronde(self, model: Model) -> None:
        bewijs = model.gewicht(self.lv) - model.basisgewicht
        bewijs += self._frequentie(model)
        self.gewicht = {
            r: bewijs[self.tegen == r] for r in kans_bij_zelfde(list(self.verg), model.m)
        }
        self.gewicht[0] = _straf(bewijs, self.tegen, model)

    def deelsommen(self, reden: int, erbij: Sequence[float]) -> list[int]:
        """The exact sums in 2^-40ths (`model.kanssom`), to add to other parts' sums."""
        return [kanssom(self.gewicht[reden], x) for x in erbij]

    def sommen(self, reden: int, erbij: Sequence[float]) -> list[float]:
        return [s / SCHAAL for s in self.deelsommen(reden, erbij)]

    def aantal(self, reden: int) -> int:
        return len(self.gewicht[reden])

    def score(self, model: Model) -> npt.NDArray[np.float64]:
        gewicht = model.gewicht(self.lv)
        gewicht += self._frequentie(model)
        return _straf(gewicht, self.tegen, model)


def stel_af(
    model: Model,
    bron: Bewijsbron,
    lv_willekeurig: Niveaumatrix,
    verg: Sequence[Vergelijker],
    alle: int,
) -> Model:
    """Prior, u and the penalties of counter-evidence, settled together over all candidate
    pairs in a few rounds: each needs the others."""
    model.tegen = dict.fromkeys(kans_bij_zelfde(list(verg), model.m), 0.0)
    for _ in range(3):
        bron.ronde(model)
        model.prior = globale_prior(lambda erbij: bron.sommen(0, [erbij])[0], bron.aantal(0), alle)
        model.u = schat_u(lv_willekeurig, verg, model)
        model.tegen = kalibreer(bron, model, verg, alle)
    return model


def vergelijkers_voor(
    t: Tabel, model: Model | None, vergelijkers: list[Vergelijker] | None
) -> list[Vergelijker]:
    verg = vergelijkers or standaard(t.velden)
    if model is not None and not model.past_bij(verg):
        raise ValueError("het model hoort bij andere velden of niveaus dan deze tabel")
    return verg


def koppel(
    t: Tabel,
    sleutels: Sequence[Sleutel],
    *,
    koppelen: bool = False,
    model: Model | None = None,
    vergelijkers: list[Vergelijker] | None = None,
    voortgang: Voortgang | None = None,
    nieuw: npt.NDArray[np.bool_] | None = None,
) -> Uitkomst:
    """Match within one table (`koppelen=False`) or between its two sources (`bron` 0 and 1).
    With `nieuw` (a mask of the records of a new delivery) only pairs with a new record are
    made; pass the stored `model` then, so nothing is re-estimated. `kruis.verdeeld` does the
    same on several workers, with the same result."""
    verg = vergelijkers_voor(t, model, vergelijkers)
    monsters: list[tuple[Sleutel, Paren, int]] = []

    def bewaar(sleutel: Sleutel, paren: Paren) -> None:
        monsters.append((sleutel, kleinste(paren, MONSTER), len(paren)))

    a, b, verslag = kandidaten(
        t, sleutels, koppelen, nieuw, per_sleutel=bewaar if model is None else None
    )
    if voortgang:
        voortgang("blokken", len(a), len(a))
    lv = niveaus(t, verg, a, b, voortgang)
    tegen = tegenbewijs(verg, lv)
    paren = Paarbewijs(verg, a, b, lv, tegen, alle_aandelen(t, verg), waardecodes(t, a))
    if model is None:
        ra, rb = willekeurige_paren(t, willekeurig_aantal(t), koppelen)
        lv_willekeurig = niveaus(t, verg, ra, rb)
        u = schat_u(lv_willekeurig, verg)
        model = schat_m(
            verg, u, [(s, niveaus(t, verg, m // t.n, m % t.n), n) for s, m, n in monsters]
        )
        model = stel_af(model, paren, lv_willekeurig, verg, alle_paren(t, koppelen))
        if voortgang:
            voortgang("model", 1, 1)
    return Uitkomst(t, verg, model, a, b, lv, paren.score(model), verslag, tegen)


def willekeurig_aantal(t: Tabel) -> int:
    return min(WILLEKEURIG, max(t.n * 20, 1000))


def _straf(
    gewicht: npt.NDArray[np.float64], tegen: npt.NDArray[np.int8], model: Model
) -> npt.NDArray[np.float64]:
    """Counter-evidence applied in place: the fitted penalty per reason, or certain."""
    for reden in range(1, len(TEGENBEWIJS)):
        waar = tegen == reden
        if reden in model.tegen:
            gewicht[waar] += model.tegen[reden]
        else:
            gewicht[waar] = ZEKER_ANDERS
    return gewicht


def kalibreer(
    bron: Bewijsbron, model: Model, verg: Sequence[Vergelijker], alle: int
) -> dict[int, float]:
    """The penalty per weighed reason of counter-evidence, from the data: one person's records
    show a pattern such as "same address and surname, another first name" at the rate the
    model's m gives (a mistyped name), so of the candidate pairs with that pattern about that
    many matches are expected — the expected matches times that rate. Where households live
    together there are far more such pairs, and the penalty lowers their summed probability
    to what is expected; where there are none (FEBRL), it stays 0 and nothing is lost."""
    verwacht_totaal = model.prior * alle
    basis = model.basisgewicht
    uit: dict[int, float] = {}
    for reden, p in kans_bij_zelfde(list(verg), model.m).items():
        doel = p * verwacht_totaal

        def som(erbij: Sequence[float], reden: int = reden) -> list[float]:
            return bron.sommen(reden, [basis + x for x in erbij])

        if bron.aantal(reden) == 0 or som([0.0])[0] <= doel:
            uit[reden] = 0.0
            continue
        uit[reden] = round(halveer(som, doel, ZEKER_ANDERS, 0.0, bron.tegelijk), 3)
    return uit


PRECISIE = 1e-5  # bits: a penalty is kept to three decimals


def halveer(
    som: Callable[[Sequence[float]], list[float]],
    doel: float,
    lo: float,
    hi: float,
    tegelijk: int = 1,
) -> float:
    """Bisection for the point where a falling sum reaches `doel`, to `PRECISIE`. `tegelijk`
    levels at once: the sums at every midpoint those levels could visit are asked in one call,
    then the same steps are taken as one level at a time would take, to the same number."""
    stappen = int(np.ceil(np.log2((hi - lo) / PRECISIE)))
    while stappen > 0:
        diepte = min(tegelijk, stappen)
        punten = _middens(lo, hi, diepte)
        waarde = dict(zip(punten, som(punten), strict=True))
        for _ in range(diepte):
            mid = (lo + hi) / 2
            lo, hi = (lo, mid) if waarde[mid] < doel else (mid, hi)
        stappen -= diepte
    return lo


def _middens(lo: float, hi: float, diepte: int) -> list[float]:
    if diepte == 0:
        return []
    mid = (lo + hi) / 2
    return [mid, *_middens(lo, mid, diepte - 1), *_middens(mid, hi, diepte - 1)]
