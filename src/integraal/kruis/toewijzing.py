# SPDX-License-Identifier: EUPL-1.2
"""Which suggested pairs to keep. Two registers each hold a person at most once, so when they
are linked each record may link to at most one record of the other side (`een_op_een`); and
when records are grouped into subjects, two groups are joined only when the pairs between them
do not contradict it (`groepen`), so one weak link cannot chain two people into one subject."""

from __future__ import annotations

import numpy as np
import numpy.typing as npt

Indexen = npt.NDArray[np.int64]


def een_op_een(a: Indexen, b: Indexen, kans: npt.NDArray[np.float64], drempel: float) -> Indexen:
    """Indices of the pairs kept: best probability first, each record in at most one kept pair,
    only pairs at or above `drempel`, and none where an equally likely rival exists. Greedy
    best-first is what a reviewer would do by hand and explains itself ("a better pair for this
    record was kept"); it differs from an optimal assignment only where two near-equal
    candidates compete, and those go to a human anyway."""
    kies = np.flatnonzero(kans >= drempel)
    volgorde = kies[np.argsort(-kans[kies], kind="stable")]
    per_record: dict[int, list[int]] = {}
    for i in volgorde.tolist():
        per_record.setdefault(int(a[i]), []).append(i)
        per_record.setdefault(int(b[i]), []).append(i)
    bezet: set[int] = set()
    gehouden: list[int] = []
    for i, x, y in zip(volgorde.tolist(), a[volgorde].tolist(), b[volgorde].tolist(), strict=True):
        if x in bezet or y in bezet:
            continue
        # An equally likely rival for either record (twins given as the same initials, a
        # mother and daughter of one name without a birth date): the data cannot choose, so
        # neither pair is kept and both records stay for a person to decide.
        gelijk = [
            j
            for r in (x, y)
            for j in per_record[r]
            if j != i
            and np.isclose(kans[j], kans[i], rtol=0, atol=1e-9)
            and int(a[j]) not in bezet
            and int(b[j]) not in bezet
        ]
        bezet.add(x)
        bezet.add(y)
        if not gelijk:
            gehouden.append(i)
    return np.asarray(gehouden, dtype=np.int64)


def groepen(
    n: int,
    a: Indexen,
    b: Indexen,
    kans: npt.NDArray[np.float64],
    drempel: float,
    *,
    tegen: float = 0.5,
) -> Indexen:
    """A label per record (the smallest record index of its group). Pairs at or above `drempel`
    join groups, best first; a join is refused when any scored pair between the two groups lies
    below `tegen` (the evidence says they are different people) — so "Jan sr" and "Jan jr" stay
    apart even when each is linked to one ambiguous record. Pairs never scored say nothing."""
    ouder = list(range(n))
    leden: dict[int, list[int]] = {}
    # The pairs that speak against a join, as sorted codes (low × n + high): a million records
    # have millions of scored pairs, too many for a dictionary of floats.
    zwak = np.flatnonzero(kans < tegen)
    tegen_codes = np.sort(np.minimum(a[zwak], b[zwak]) * n + np.maximum(a[zwak], b[zwak]))

    def wortel(x: int) -> int:
        while ouder[x] != x:
            ouder[x] = ouder[ouder[x]]
            x = ouder[x]
        return x

    def botst(lx: list[int], ly: list[int]) -> bool:
        p = np.repeat(np.asarray(lx, dtype=np.int64), len(ly))
        q = np.tile(np.asarray(ly, dtype=np.int64), len(lx))
        codes = np.minimum(p, q) * n + np.maximum(p, q)
        plek = np.searchsorted(tegen_codes, codes)
        plek[plek == len(tegen_codes)] = 0
        return bool(len(tegen_codes) and (tegen_codes[plek] == codes).any())

    kies = np.flatnonzero(kans >= drempel)
    for i in kies[np.argsort(-kans[kies], kind="stable")].tolist():
        rx, ry = wortel(int(a[i])), wortel(int(b[i]))
        if rx == ry:
            continue
        lx, ly = leden.get(rx, [rx]), leden.get(ry, [ry])
        if len(lx) * len(ly) > 1 and botst(lx, ly):
            continue
        klein, groot = (rx, ry) if rx < ry else (ry, rx)
        ouder[groot] = klein
        leden[klein] = lx + ly
        leden.pop(groot, None)
    return np.fromiter((wortel(i) for i in range(n)), dtype=np.int64, count=n)
