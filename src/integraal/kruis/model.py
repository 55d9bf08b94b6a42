# SPDX-License-Identifier: EUPL-1.2
"""Fellegi–Sunter: for every field level, m = P(level | same subject) and u = P(level | different
subjects); a pair's match weight is the sum of log2(m/u) over its fields plus the prior, so each
field's share of a suggestion can be shown. Unsupervised: u is measured on random pairs; m is
estimated by EM on the candidate pairs of one blocking key at a time, leaving out the fields that
key selected on (their agreement there says nothing); the prior is the share of matching pairs
among all pairs, found by a fixpoint over the scored candidates. EM runs on distinct level
patterns with their counts, so a million pairs cost no more than the few thousand patterns they
form.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import numpy.typing as npt

from integraal.kruis.vergelijk import Vergelijker

Niveaumatrix = npt.NDArray[np.int8]  # pairs × fields
_KLEIN = 1e-6


@dataclass
class Model:
    velden: tuple[str, ...]
    labels: tuple[tuple[str, ...], ...]
    m: list[npt.NDArray[np.float64]]
    u: list[npt.NDArray[np.float64]]
    prior: float  # probability that two records in scope, drawn at random, are one subject
    # Corrections in bits per field level, learned from people's judgements (`leer`); empty
    # until then.
    correctie: list[npt.NDArray[np.float64]] = field(default_factory=list)
    oordelen: int = 0  # how many judged pairs the corrections come from
    # Bits added per reason of counter-evidence (`vergelijk.TEGENBEWIJS`), fitted per run
    # (`koppel.kalibreer`); a reason without an entry counts as certain.
    tegen: dict[int, float] = field(default_factory=dict)

    def past_bij(self, vergelijkers: Sequence[Vergelijker]) -> bool:
        """Whether this (stored) model has the fields and levels of these comparisons."""
        return self.velden == tuple(v.naam for v in vergelijkers) and self.labels == tuple(
            v.labels for v in vergelijkers
        )

    def gewichten(self) -> list[npt.NDArray[np.float64]]:
        uit = []
        for k, (m, u) in enumerate(zip(self.m, self.u, strict=True)):
            w = np.log2(np.maximum(m, _KLEIN) / np.maximum(u, _KLEIN))
            if self.correctie:
                w = w + self.correctie[k]
            w[0] = 0.0  # a missing value is no evidence
            uit.append(w)
        return uit

    @property
    def basisgewicht(self) -> float:
        return float(np.log2(self.prior / (1 - self.prior)))

    def gewicht(self, niveaus: Niveaumatrix) -> npt.NDArray[np.float64]:
        totaal = np.full(len(niveaus), self.basisgewicht)
        for k, w in enumerate(self.gewichten()):
            totaal += w[niveaus[:, k]]
        return totaal

    @staticmethod
    def kans(gewicht: npt.NDArray[np.float64]) -> npt.NDArray[np.float64]:
        return 1.0 / (1.0 + np.exp2(-np.clip(gewicht, -60, 60)))

    def als_dict(self) -> dict[str, Any]:
        uit: dict[str, Any] = {
            "velden": list(self.velden),
            "labels": [list(lab) for lab in self.labels],
            "m": [m.tolist() for m in self.m],
            "u": [u.tolist() for u in self.u],
            "prior": self.prior,
        }
        if self.correctie:
            uit["correctie"] = [c.tolist() for c in self.correctie]
            uit["oordelen"] = self.oordelen
        if self.tegen:
            uit["tegenbewijs"] = {str(k): v for k, v in self.tegen.items()}
        return uit

    @classmethod
    def uit_dict(cls, d: dict[str, Any]) -> Model:
        return cls(
            tuple(d["velden"]),
            tuple(tuple(lab) for lab in d["labels"]),
            [np.asarray(m, dtype=np.float64) for m in d["m"]],
            [np.asarray(u, dtype=np.float64) for u in d["u"]],
            float(d["prior"]),
            [np.asarray(c, dtype=np.float64) for c in d.get("correctie", [])],
            int(d.get("oordelen", 0)),
            {int(k): float(v) for k, v in d.get("tegenbewijs", {}).items()},
        )


def _verdeling(
    kolom: npt.NDArray[np.int8], niveaus: int, gewicht: npt.NDArray[np.float64]
) -> npt.NDArray[np.float64]:
    telling = np.bincount(kolom, weights=gewicht, minlength=niveaus).astype(np.float64)
    telling[0] = 0.0
    telling[1:] += 0.5  # Laplace: no level is impossible
    uit: npt.NDArray[np.float64] = telling / telling.sum()
    return uit


def schat_u(
    niveaus: Niveaumatrix,
    vergelijkers: Sequence[Vergelijker],
    model: Model | None = None,
) -> list[npt.NDArray[np.float64]]:
    """u from the levels of random pairs. Nearly all are different subjects, but not all: with
    a prior of 1 in 5,000 a sample of 200,000 holds some 40 matches, and they would make an
    equal date of birth look ten times more common among strangers than it is. Given a `model`,
    each random pair counts by its chance of being a non-match."""
    gewicht = np.ones(len(niveaus))
    if model is not None:
        gewicht = 1.0 - Model.kans(model.gewicht(niveaus))
    return [_verdeling(niveaus[:, k], len(v.labels), gewicht) for k, v in enumerate(vergelijkers)]


def _m_begin(aantal: int) -> npt.NDArray[np.float64]:
    # Same subjects mostly agree: the strongest level most, then falling, "verschilt" rarely.
    m = np.array([0.0] + [0.5**i for i in range(aantal - 1)])
    m[-1] = 0.02
    uit: npt.NDArray[np.float64] = m / m.sum()
    return uit


def schat(
    kandidaten: Niveaumatrix,
    vergelijkers: Sequence[Vergelijker],
    u_willekeurig: list[npt.NDArray[np.float64]],
    *,
    rondes: int = 40,
    negeer: Sequence[bool] | None = None,
) -> Model:
    """EM on the pairs' level patterns for m and the share of matches among these pairs. u stays
    as measured on random pairs: the weights then read as 'how rare is this agreement among
    different people', which is what an analyst can check. Fields in `negeer` are left out
    (their m stays at the starting guess): pairs found by blocking on a field agree on it for
    matches and non-matches alike, so there it is no evidence — counting it would let EM take
    the whole block for matches."""
    k = len(vergelijkers)
    grootte = [len(v.labels) for v in vergelijkers]
    if negeer is not None:
        kandidaten = kandidaten.copy()
        kandidaten[:, np.asarray(negeer, dtype=np.bool_)] = 0
    # Encode each row as one integer (mixed radix) to find the distinct patterns.
    code = np.zeros(len(kandidaten), dtype=np.int64)
    for j in range(k):
        code = code * grootte[j] + kandidaten[:, j]
    _, eerste, telling = np.unique(code, return_index=True, return_counts=True)
    patronen = kandidaten[eerste]
    aantal = telling.astype(np.float64)

    m = [_m_begin(g) for g in grootte]
    u = [x.copy() for x in u_willekeurig]
    log_u = np.zeros(len(patronen))  # u is fixed, so its part of each pattern's odds is too
    for j in range(k):
        lu = np.log(np.maximum(u[j], _KLEIN))
        lu[0] = 0.0
        log_u += lu[patronen[:, j]]
    prior = 0.1
    for _ in range(rondes):
        log_m = np.zeros(len(patronen))
        for j in range(k):
            lm = np.log(np.maximum(m[j], _KLEIN))
            lm[0] = 0.0
            log_m += lm[patronen[:, j]]
        logit = np.log(prior) - np.log1p(-prior) + log_m - log_u
        post = 1.0 / (1.0 + np.exp(-np.clip(logit, -700, 700)))
        nieuw_prior = float(np.clip((aantal * post).sum() / aantal.sum(), 1e-9, 1 - 1e-9))
        m = [
            _verdeling(patronen[:, j], grootte[j], aantal * post)
            if negeer is None or not negeer[j]
            else m[j]
            for j in range(k)
        ]
        if abs(nieuw_prior - prior) < 1e-7:
            prior = nieuw_prior
            break
        prior = nieuw_prior
    return Model(
        tuple(v.naam for v in vergelijkers), tuple(v.labels for v in vergelijkers), m, u, prior
    )


def combineer(
    schattingen: Sequence[tuple[Model, Sequence[bool], float]],
    vergelijkers: Sequence[Vergelijker],
    u: list[npt.NDArray[np.float64]],
) -> Model:
    """One m per field from the per-key estimates (model, left-out fields, expected matches),
    each weighted by its expected matches and only where the field was not left out. The prior
    is set afterwards (`globale_prior`)."""
    m: list[npt.NDArray[np.float64]] = []
    for j, v in enumerate(vergelijkers):
        som = np.zeros(len(v.labels))
        totaal = 0.0
        for model, negeer, matches in schattingen:
            if not negeer[j] and matches > 0:
                som += matches * model.m[j]
                totaal += matches
        m.append(som / totaal if totaal > 0 else _m_begin(len(v.labels)))
    return Model(
        tuple(v.naam for v in vergelijkers), tuple(v.labels for v in vergelijkers), m, u, 1e-6
    )


SCHAAL = 2.0**40  # a probability is summed as a whole number of 2^-40ths
_STUK = 1 << 22  # 2^22 terms of at most 2^40 fit an int64


def kanssom(gewicht: npt.NDArray[np.float64], erbij: float = 0.0) -> int:
    """Σ P(match) over pairs with these weights (bits) plus `erbij`, in 2^-40ths. Whole numbers
    add up exactly in any order, so the sum over parts on several workers is the sum over all
    pairs in one process, to the last bit, and a model estimated either way is the same."""
    totaal = 0
    for start in range(0, len(gewicht), _STUK):
        deel = gewicht[start : start + _STUK] + erbij
        totaal += int(np.rint(Model.kans(deel) * SCHAAL).astype(np.int64).sum())
    return totaal


Kanssom = Callable[[float], float]
"""Σ P(match) over a set of pairs when a number of bits is added to each one's weight."""


def som_van(gewicht: npt.NDArray[np.float64]) -> Kanssom:
    return lambda erbij: kanssom(gewicht, erbij) / SCHAAL


def globale_prior(som: Kanssom, aantal: int, alle_paren: int, *, rondes: int = 200) -> float:
    """The prior λ that agrees with itself: the expected number of matches, Σ P(match | levels,
    λ) over the `aantal` candidates (`som`, given the prior's own weight log2(λ/(1−λ)) to add
    to their summed field weights), divided by all pairs in scope. Pairs never made into
    candidates are taken to be non-matches — blocking is designed to reach nearly every true
    pair."""
    if alle_paren <= 0 or aantal == 0:
        return 1e-9
    prior = min(0.5, aantal / alle_paren)
    for _ in range(rondes):
        verwacht = som(float(np.log2(prior / (1 - prior))))
        nieuw = float(np.clip(verwacht / alle_paren, 1e-12, 0.5))
        if abs(nieuw - prior) <= 1e-6 * prior:
            return nieuw
        prior = nieuw
    return prior


def leer(
    model: Model,
    niveaus: Niveaumatrix,
    gewicht: npt.NDArray[np.float64],
    zelfde: npt.NDArray[np.bool_],
    *,
    rem: float = 2.0,
) -> Model:
    """The model with its weights corrected by judged pairs: `niveaus` and `gewicht` (the
    pair's whole weight in bits, as scored) of each judged pair, `zelfde` whether people found
    them one person. One correction in bits per field level, fitted by logistic regression
    with the current weights as offset and a ridge penalty `rem` pulling each correction to 0:
    a few judgements move a weight a little, many consistent ones move it far. Corrections
    add to the weights, so every score stays a sum of explained field weights."""
    k = len(model.labels)
    grootte = [len(lab) for lab in model.labels]
    begin = np.concatenate(([0], np.cumsum(grootte)[:-1])).astype(np.int64)
    totaal = int(sum(grootte))
    oud = [np.zeros(g) for g in grootte] if not model.correctie else model.correctie
    delta = np.zeros(totaal)
    if len(niveaus):
        kolommen = niveaus.astype(np.int64) + begin  # one-hot index per field
        y = zelfde.astype(np.float64)
        ln2 = np.log(2.0)
        for _ in range(25):  # Newton steps; the problem is convex
            z = ln2 * (gewicht + delta[kolommen].sum(axis=1))
            p = 1.0 / (1.0 + np.exp(-np.clip(z, -700, 700)))
            g = np.zeros(totaal)
            for j in range(k):
                g += ln2 * np.bincount(kolommen[:, j], weights=p - y, minlength=totaal)
            g += 2 * rem * delta
            w = ln2**2 * p * (1 - p)
            h = np.zeros((totaal, totaal))
            for j in range(k):
                for j2 in range(k):
                    np.add.at(h, (kolommen[:, j], kolommen[:, j2]), w)
            h += 2 * rem * np.eye(totaal)
            stap = np.linalg.solve(h, g)
            delta -= stap
            if np.abs(stap).max() < 1e-6:
                break
        for j in range(k):  # "ontbreekt" carries no evidence, learned or not
            delta[begin[j]] = 0.0
    correctie = [oud[j] + delta[begin[j] : begin[j] + grootte[j]] for j in range(k)]
    return Model(
        model.velden,
        model.labels,
        model.m,
        model.u,
        model.prior,
        correctie,
        model.oordelen + len(niveaus),
        dict(model.tegen),
    )
