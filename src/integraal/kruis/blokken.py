# SPDX-License-Identifier: EUPL-1.2
"""Candidate pairs (blocking): records that share the value of a key — one or more columns —
become pairs. Several keys are used side by side, so a typo in one field does not hide a pair
that another key still finds. A block larger than `max_blok` is skipped and reported: a key
value shared by thousands of records ('de Jong' born in 1980) says too little to compare all
of them, and the other keys still reach the true pairs inside it.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from integraal.kruis.tabel import Tabel

Paren = npt.NDArray[np.int64]


@dataclass(frozen=True)
class Sleutel:
    kolommen: tuple[str, ...]
    max_blok: int = 400

    @property
    def naam(self) -> str:
        return " + ".join(self.kolommen)

    @property
    def velden(self) -> frozenset[str]:
        """The fields the key reads ('achternaam.kern' reads 'achternaam')."""
        return frozenset(k.split(".")[0] for k in self.kolommen)


@dataclass(frozen=True)
class Blokverslag:
    sleutel: str
    paren: int
    overgeslagen_blokken: int
    overgeslagen_records: int


def hash_van(tekst: str) -> int:
    """A stable 63-bit number for a text (a key's name), the same in every process."""
    return int.from_bytes(hashlib.blake2b(tekst.encode(), digest_size=8).digest()) >> 1


def _sleutelcodes(t: Tabel, s: Sleutel) -> npt.NDArray[np.int64]:
    """One int64 per record for the combined key; −1 when any part is missing."""
    uit = np.zeros(t.n, dtype=np.int64)
    ontbreekt = np.zeros(t.n, dtype=np.bool_)
    for k in s.kolommen:
        c = t.codes[k].astype(np.int64)
        ontbreekt |= c < 0
        uit = uit * (len(t.uniek[k]) + 1) + (c + 1)
    uit[ontbreekt] = -1
    return uit


def uniek(x: npt.NDArray[np.int64]) -> npt.NDArray[np.int64]:
    """Sorted distinct values: a sort and a comparison (faster for int64 than np.unique)."""
    if len(x) == 0:
        return x
    y = np.sort(x)
    houd = np.empty(len(y), dtype=np.bool_)
    houd[0] = True
    np.not_equal(y[1:], y[:-1], out=houd[1:])
    return y[houd]


def paren_binnen_groepen(
    volgorde: npt.NDArray[np.int64], begin: npt.NDArray[np.int64], grootte: npt.NDArray[np.int64]
) -> tuple[Paren, Paren]:
    """All pairs (i < j in sort order) within each block, without a Python loop per block."""
    totaal = int(grootte.sum())
    if totaal == 0:
        leeg = np.empty(0, dtype=np.int64)
        return leeg, leeg
    # Every position that lies in a block, and how many positions follow it in its block.
    eerste = np.repeat(begin, grootte) + (
        np.arange(totaal, dtype=np.int64) - np.repeat(np.cumsum(grootte) - grootte, grootte)
    )
    na = np.repeat(begin + grootte, grootte) - 1 - eerste
    links = np.repeat(eerste, na)
    stap = np.arange(int(na.sum()), dtype=np.int64) - np.repeat(np.cumsum(na) - na, na) + 1
    return volgorde[links], volgorde[links + stap]


def meng(x: npt.NDArray[np.int64], zaad: int = 0) -> npt.NDArray[np.uint64]:
    """A keyed 64-bit hash of each value (splitmix64's finaliser): the same number in every
    process and on every machine, unlike Python's `hash`."""
    z = x.astype(np.uint64) ^ np.uint64(zaad & 0xFFFFFFFFFFFFFFFF)
    with np.errstate(over="ignore"):
        z = z + np.uint64(0x9E3779B97F4A7C15)
        z = (z ^ (z >> np.uint64(30))) * np.uint64(0xBF58476D1CE4E5B9)
        z = (z ^ (z >> np.uint64(27))) * np.uint64(0x94D049BB133111EB)
    uit: npt.NDArray[np.uint64] = z ^ (z >> np.uint64(31))
    return uit


MONSTERZAAD = 0x5EED_0F_0A_11E5  # the key of the sample's hash (`kleinste`)


def kleinste(paren: Paren, k: int) -> Paren:
    """A sample of at most `k` pair codes that does not depend on how the pairs were found or
    split: those with the smallest keyed hash (ties by code), returned sorted by code. The
    sample of a union is the sample of the parts' samples, so a worker sends only its own."""
    if len(paren) <= k:
        return np.sort(paren)
    h = meng(paren, MONSTERZAAD)
    grens = np.partition(h, k - 1)[k - 1]
    onder = paren[h < grens]
    op = np.sort(paren[h == grens])[: k - len(onder)]
    return np.sort(np.concatenate((onder, op)))


def blokdelen(
    t: Tabel, s: Sleutel, delen: int, nieuw: npt.NDArray[np.bool_] | None = None
) -> tuple[list[npt.NDArray[np.int64]], int, int]:
    """The records of a key's blocks split in `delen` parts by a hash of the key value, so a
    block is whole in one part and `paren_voor` on a part (`Tabel.deel`) makes its pairs:
    per part the rows (rising), then the blocks and records skipped as too large. Only
    records in blocks that make pairs are in a part."""
    codes = _sleutelcodes(t, s)
    if nieuw is not None:
        codes[~np.isin(codes, codes[nieuw & (codes >= 0)])] = -1
    rijen = np.flatnonzero(codes >= 0)
    _, terug, grootte = np.unique(codes[rijen], return_inverse=True, return_counts=True)
    te_groot = grootte > s.max_blok
    rijen = rijen[(grootte[terug] > 1) & ~te_groot[terug]]
    deel = meng(codes[rijen], hash_van(s.naam)) % np.uint64(delen)
    return (
        [rijen[deel == np.uint64(p)] for p in range(delen)],
        int(te_groot.sum()),
        int(grootte[te_groot].sum()),
    )


def paren_voor(
    t: Tabel, s: Sleutel, koppelen: bool, nieuw: npt.NDArray[np.bool_] | None = None
) -> tuple[Paren, Blokverslag]:
    """Pairs as one int64 each (low index × n + high index), sorted and unique. With `nieuw`,
    only blocks holding a new record are opened and only pairs with a new record kept: a new
    delivery is matched against what exists without redoing the existing pairs."""
    codes = _sleutelcodes(t, s)
    if nieuw is not None:
        gevraagd = np.unique(codes[nieuw & (codes >= 0)])
        aanwezig = np.flatnonzero(np.isin(codes, gevraagd))
    else:
        aanwezig = np.flatnonzero(codes >= 0)
    volgorde = aanwezig[np.argsort(codes[aanwezig], kind="stable")]
    gesorteerd = codes[volgorde]
    if len(gesorteerd) == 0:
        return np.empty(0, dtype=np.int64), Blokverslag(s.naam, 0, 0, 0)
    grens = np.flatnonzero(np.diff(gesorteerd)) + 1
    begin = np.concatenate(([0], grens)).astype(np.int64)
    grootte = np.diff(np.concatenate((begin, [len(gesorteerd)]))).astype(np.int64)
    te_groot = grootte > s.max_blok
    bruikbaar = (grootte > 1) & ~te_groot
    a, b = paren_binnen_groepen(volgorde, begin[bruikbaar], grootte[bruikbaar])
    if koppelen:
        anders = t.bron[a] != t.bron[b]
        a, b = a[anders], b[anders]
    if nieuw is not None:
        met_nieuw = nieuw[a] | nieuw[b]
        a, b = a[met_nieuw], b[met_nieuw]
    lo, hi = np.minimum(a, b), np.maximum(a, b)
    sleutels = uniek(lo * t.n + hi)
    return sleutels, Blokverslag(
        s.naam, len(sleutels), int(te_groot.sum()), int(grootte[te_groot].sum())
    )


def kandidaten(
    t: Tabel,
    sleutels: Sequence[Sleutel],
    koppelen: bool = False,
    nieuw: npt.NDArray[np.bool_] | None = None,
    per_sleutel: Callable[[Sleutel, Paren], None] | None = None,
) -> tuple[Paren, Paren, list[Blokverslag]]:
    """The union of the pairs of all keys, as two index arrays (a < b). `per_sleutel` sees each
    key's own pairs (coded low × n + high) before they are merged."""
    delen: list[Paren] = []
    verslag: list[Blokverslag] = []
    for s in sleutels:
        p, v = paren_voor(t, s, koppelen, nieuw)
        if per_sleutel is not None:
            per_sleutel(s, p)
        delen.append(p)
        verslag.append(v)
    alle = uniek(np.concatenate(delen)) if delen else np.empty(0, dtype=np.int64)
    return alle // t.n, alle % t.n, verslag
