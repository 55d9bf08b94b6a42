# SPDX-License-Identifier: EUPL-1.2
"""Fellegi–Sunter: for every field level, m = P(level | same subject) and u = P(level | different
subjects); a pair's match weight is the sum of log2(m/u) over its fields plus the prior, so each
field's share of a suggestion can be shown. Unsupervised: u starts from random pairs, m and the
prior are estimated by EM on the candidate pairs. EM runs on distinct level patterns with their
counts, so a million candidate pairs cost no more than the few thousand patterns they form.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
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
    prior: float  # share of same-subject pairs among the candidates

    def gewichten(self) -> list[npt.NDArray[np.float64]]:
        uit = []
        for m, u in zip(self.m, self.u, strict=True):
            w = np.log2(np.maximum(m, _KLEIN) / np.maximum(u, _KLEIN))
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
        return {
            "velden": list(self.velden),
            "labels": [list(lab) for lab in self.labels],
            "m": [m.tolist() for m in self.m],
            "u": [u.tolist() for u in self.u],
            "prior": self.prior,
        }

    @classmethod
    def uit_dict(cls, d: dict[str, Any]) -> Model:
        return cls(
            tuple(d["velden"]),
            tuple(tuple(lab) for lab in d["labels"]),
            [np.asarray(m, dtype=np.float64) for m in d["m"]],
            [np.asarray(u, dtype=np.float64) for u in d["u"]],
            float(d["prior"]),
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
    niveaus: Niveaumatrix, vergelijkers: Sequence[Vergelijker]
) -> list[npt.NDArray[np.float64]]:
    """u from the levels of random pairs (nearly all of them different subjects)."""
    een = np.ones(len(niveaus))
    return [_verdeling(niveaus[:, k], len(v.labels), een) for k, v in enumerate(vergelijkers)]


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
) -> Model:
    """EM on the candidates' level patterns for m and the prior. u stays as measured on random
    pairs: the weights then read as 'how rare is this agreement among different people', which
    is what an analyst can check."""
    k = len(vergelijkers)
    grootte = [len(v.labels) for v in vergelijkers]
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
        m = [_verdeling(patronen[:, j], grootte[j], aantal * post) for j in range(k)]
        if abs(nieuw_prior - prior) < 1e-7:
            prior = nieuw_prior
            break
        prior = nieuw_prior
    return Model(
        tuple(v.naam for v in vergelijkers), tuple(v.labels for v in vergelijkers), m, u, prior
    )
