# SPDX-License-Identifier: EUPL-1.2
"""Connected components over accepted pairs: one canonical subject per component."""

from __future__ import annotations

import numpy as np
import numpy.typing as npt

from integraal.kruis.blokken import paren_binnen_groepen


def componenten(
    n: int, a: npt.NDArray[np.int64], b: npt.NDArray[np.int64]
) -> npt.NDArray[np.int64]:
    """Label per record (the smallest record index of its component)."""
    lijst = list(range(n))  # Python ints: the loop below is faster on a list than on numpy

    def wortel(x: int) -> int:
        while lijst[x] != x:
            lijst[x] = lijst[lijst[x]]
            x = lijst[x]
        return x

    for x, y in zip(a.tolist(), b.tolist(), strict=True):
        rx, ry = wortel(x), wortel(y)
        if rx != ry:
            if rx < ry:
                lijst[ry] = rx
            else:
                lijst[rx] = ry
    return np.fromiter((wortel(i) for i in range(n)), dtype=np.int64, count=n)


def paren_in_clusters(labels: npt.NDArray[np.int64]) -> npt.NDArray[np.int64]:
    """All pairs (low × n + high) that share a component — for cluster-level scoring."""
    n = len(labels)
    volgorde = np.argsort(labels, kind="stable")
    gesorteerd = labels[volgorde]
    grens = np.flatnonzero(np.diff(gesorteerd)) + 1
    begin = np.concatenate(([0], grens)).astype(np.int64)
    grootte = np.diff(np.concatenate((begin, [n]))).astype(np.int64)
    meer = grootte > 1
    x, y = paren_binnen_groepen(volgorde.astype(np.int64), begin[meer], grootte[meer])
    return np.unique(np.minimum(x, y) * n + np.maximum(x, y))
