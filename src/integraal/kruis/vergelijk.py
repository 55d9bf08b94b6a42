# SPDX-License-Identifier: EUPL-1.2
"""Comparisons per field, as levels: level 0 is always "ontbreekt" (no evidence either way),
level 1 the strongest agreement, the last level "verschilt". Each level has a Dutch label so
that every score can be explained field by field.

String similarity is computed once per distinct pair of values (a block of one surname asks
'jansen' vs 'janssen' thousands of times), with RapidFuzz's C++ kernels over whole arrays.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Callable

import numpy as np
import numpy.typing as npt
from rapidfuzz.distance import DamerauLevenshtein, JaroWinkler
from rapidfuzz.process import cpdist

from integraal.kruis.tabel import Soort, Tabel, Veld

Niveaus = npt.NDArray[np.int8]
Paren = npt.NDArray[np.int64]
Scorer = Callable[..., float]

ONTBREEKT = "ontbreekt"
GELIJK = "gelijk"
BIJNA = "bijna gelijk (Jaro-Winkler ≥ 0,92)"
LIJKT = "lijkt erop (Jaro-Winkler ≥ 0,80)"
VERSCHILT = "verschilt"


def _per_waardepaar(
    t: Tabel, kolom: str, a: Paren, b: Paren, scorer: Scorer, kies: npt.NDArray[np.bool_]
) -> npt.NDArray[np.float64]:
    """`scorer` on the pairs where `kies` holds, computed once per distinct value pair."""
    uit = np.zeros(len(a), dtype=np.float64)
    if not kies.any():
        return uit
    ca = t.codes[kolom][a[kies]].astype(np.int64)
    cb = t.codes[kolom][b[kies]].astype(np.int64)
    lo, hi = np.minimum(ca, cb), np.maximum(ca, cb)  # the scorers are symmetric
    sleutel = lo * (len(t.uniek[kolom]) + 1) + hi
    uniek, terug = np.unique(sleutel, return_inverse=True)
    breedte = len(t.uniek[kolom]) + 1
    waarden = t.uniek[kolom]
    scores = cpdist(
        waarden[uniek // breedte], waarden[uniek % breedte], scorer=scorer, dtype=np.float64
    )
    uit[kies] = np.asarray(scores)[terug]
    return uit


class Vergelijker(ABC):
    """Compares one field of two records. `labels[k]` names level k (0 = ontbreekt)."""

    # Whether an equal value weighs by how common it is (names, places) — see koppel.
    frequentie = False

    def __init__(self, veld: Veld, labels: tuple[str, ...]) -> None:
        self.veld = veld
        self.labels = labels

    @property
    def naam(self) -> str:
        return self.veld.naam

    @abstractmethod
    def niveaus(self, t: Tabel, a: Paren, b: Paren) -> Niveaus:
        """The level of each pair (a[i], b[i])."""

    def _basis(
        self, t: Tabel, kolom: str, a: Paren, b: Paren
    ) -> tuple[Niveaus, npt.NDArray[np.bool_], npt.NDArray[np.bool_]]:
        ca, cb = t.codes[kolom][a], t.codes[kolom][b]
        ontbreekt = (ca < 0) | (cb < 0)
        gelijk = (ca == cb) & ~ontbreekt
        uit = np.full(len(a), len(self.labels) - 1, dtype=np.int8)
        return uit, ontbreekt, gelijk


def _sluit(
    uit: Niveaus, gelijk: npt.NDArray[np.bool_], ontbreekt: npt.NDArray[np.bool_]
) -> Niveaus:
    """Equal beats any similarity level set before; missing beats everything."""
    uit[gelijk] = 1
    uit[ontbreekt] = 0
    return uit


def _jw(
    t: Tabel, kolom: str, a: Paren, b: Paren, kies: npt.NDArray[np.bool_]
) -> npt.NDArray[np.float64]:
    return _per_waardepaar(t, kolom, a, b, JaroWinkler.normalized_similarity, kies)


def _dl(
    t: Tabel, kolom: str, a: Paren, b: Paren, kies: npt.NDArray[np.bool_]
) -> npt.NDArray[np.float64]:
    return _per_waardepaar(t, kolom, a, b, DamerauLevenshtein.distance, kies)


class Achternaam(Vergelijker):
    """Tussenvoegsel-aware: 'van der Berg' vs 'Berg' agree on the core; a surname found in the
    other record's first-name field is a swap, a common error in registrations."""

    frequentie = True

    def __init__(self, veld: Veld, voornaam: str | None = None) -> None:
        super().__init__(
            veld,
            (
                ONTBREEKT,
                GELIJK,
                "zelfde naam, ander tussenvoegsel",
                "voornaam en achternaam verwisseld",
                BIJNA,
                LIJKT,
                VERSCHILT,
            ),
        )
        self.voornaam = voornaam

    def niveaus(self, t: Tabel, a: Paren, b: Paren) -> Niveaus:
        n = self.veld.naam
        uit, ontbreekt, gelijk = self._basis(t, n, a, b)
        kern = f"{n}.kern"
        kern_gelijk = (t.codes[kern][a] == t.codes[kern][b]) & ~ontbreekt & ~gelijk
        rest = ~ontbreekt & ~gelijk & ~kern_gelijk
        verwisseld = np.zeros(len(a), dtype=np.bool_)
        voornaam = self.voornaam
        if voornaam:
            # Compare as strings through the value tables: surname and first name have their
            # own code books.
            va, vb = t.uniek[kern], t.uniek[voornaam]
            ka, kb = t.codes[kern][a], t.codes[kern][b]
            fa, fb = t.codes[voornaam][a], t.codes[voornaam][b]
            kandidaat = rest & (ka >= 0) & (kb >= 0) & (fa >= 0) & (fb >= 0)
            idx = np.flatnonzero(kandidaat)
            if len(idx):
                ab = va[ka[idx]] == vb[fb[idx]]
                ba = va[kb[idx]] == vb[fa[idx]]
                verwisseld[idx[ab & ba]] = True
        rest &= ~verwisseld
        jw = _jw(t, kern, a, b, rest)
        uit[rest & (jw >= 0.80)] = 5
        uit[rest & (jw >= 0.92)] = 4
        uit[verwisseld] = 3
        uit[kern_gelijk] = 2
        return _sluit(uit, gelijk, ontbreekt)


class Voornaam(Vergelijker):
    """A record may carry only initials ('J.P.'); then agreeing initials are the evidence."""

    frequentie = True

    def __init__(self, veld: Veld) -> None:
        super().__init__(
            veld,
            (
                ONTBREEKT,
                GELIJK,
                BIJNA,
                "voorletters passen",
                LIJKT,
                VERSCHILT,
            ),
        )

    def niveaus(self, t: Tabel, a: Paren, b: Paren) -> Niveaus:
        n = self.veld.naam
        vl = f"{n}.voorletters"
        uit, _, gelijk = self._basis(t, n, a, b)
        ca, cb = t.codes[n][a], t.codes[n][b]
        ia, ib = t.codes[vl][a], t.codes[vl][b]
        ontbreekt = (ia < 0) | (ib < 0)
        gelijk &= ~ontbreekt
        beide = (ca >= 0) & (cb >= 0) & ~gelijk & ~ontbreekt
        jw = _jw(t, n, a, b, beide)
        # Initials fit when one is a prefix of the other ('j' vs 'jp'); only asked where a
        # full name is missing on one side, or the names differ.
        passen = np.zeros(len(a), dtype=np.bool_)
        vraag = ~ontbreekt & ~gelijk & ~(beide & (jw >= 0.92))
        idx = np.flatnonzero(vraag)
        if len(idx):
            w = t.uniek[vl]
            xa, xb = w[ia[idx]], w[ib[idx]]
            eenzijdig = (ca[idx] < 0) | (cb[idx] < 0)
            passen[idx] = eenzijdig & np.fromiter(
                (x.startswith(y) or y.startswith(x) for x, y in zip(xa, xb, strict=True)),
                dtype=np.bool_,
                count=len(idx),
            )
        uit[beide & (jw >= 0.80)] = 4
        uit[passen] = 3
        uit[beide & (jw >= 0.92)] = 2
        return _sluit(uit, gelijk, ontbreekt)


class Datum(Vergelijker):
    def __init__(self, veld: Veld) -> None:
        super().__init__(
            veld,
            (
                ONTBREEKT,
                GELIJK,
                "dag en maand verwisseld",
                "één cijfer anders",
                "twee cijfers anders",
                VERSCHILT,
            ),
        )

    def niveaus(self, t: Tabel, a: Paren, b: Paren) -> Niveaus:
        n = self.veld.naam
        uit, ontbreekt, gelijk = self._basis(t, n, a, b)
        rest = ~ontbreekt & ~gelijk
        dl = _dl(t, n, a, b, rest)
        verwisseld = np.zeros(len(a), dtype=np.bool_)
        idx = np.flatnonzero(rest)
        if len(idx):
            w = t.uniek[n]
            xa, xb = w[t.codes[n][a[idx]]], w[t.codes[n][b[idx]]]
            verwisseld[idx] = np.fromiter(
                (
                    x[:4] == y[:4] and x[4:6] == y[6:8] and x[6:8] == y[4:6]
                    for x, y in zip(xa, xb, strict=True)
                ),
                dtype=np.bool_,
                count=len(idx),
            )
        uit[rest & (dl <= 2)] = 4
        uit[rest & (dl <= 1)] = 3
        uit[verwisseld] = 2
        return _sluit(uit, gelijk, ontbreekt)


class Code(Vergelijker):
    """Identifiers: equal, or (where typing errors happen) one character off. A pseudonym is
    a hash, so there `typfout=False`: near-equal hashes mean nothing."""

    def __init__(self, veld: Veld, *, typfout: bool = True) -> None:
        labels = (
            (ONTBREEKT, GELIJK, "één teken anders", VERSCHILT)
            if typfout
            else (ONTBREEKT, GELIJK, VERSCHILT)
        )
        super().__init__(veld, labels)

    def niveaus(self, t: Tabel, a: Paren, b: Paren) -> Niveaus:
        n = self.veld.naam
        uit, ontbreekt, gelijk = self._basis(t, n, a, b)
        if len(self.labels) == 4:
            rest = ~ontbreekt & ~gelijk
            dl = _dl(t, n, a, b, rest)
            uit[rest & (dl <= 1)] = 2
        return _sluit(uit, gelijk, ontbreekt)


class Postcode(Vergelijker):
    def __init__(self, veld: Veld) -> None:
        super().__init__(
            veld, (ONTBREEKT, GELIJK, "één teken anders", "zelfde cijfers (wijk)", VERSCHILT)
        )

    def niveaus(self, t: Tabel, a: Paren, b: Paren) -> Niveaus:
        n = self.veld.naam
        uit, ontbreekt, gelijk = self._basis(t, n, a, b)
        rest = ~ontbreekt & ~gelijk
        cijfers = f"{n}.cijfers"
        wijk = rest & (t.codes[cijfers][a] == t.codes[cijfers][b])
        dl = _dl(t, n, a, b, rest)
        uit[wijk] = 3
        uit[rest & (dl <= 1)] = 2
        return _sluit(uit, gelijk, ontbreekt)


class Tekst(Vergelijker):
    frequentie = True

    def __init__(self, veld: Veld) -> None:
        super().__init__(
            veld,
            (
                ONTBREEKT,
                GELIJK,
                BIJNA,
                LIJKT,
                VERSCHILT,
            ),
        )

    def niveaus(self, t: Tabel, a: Paren, b: Paren) -> Niveaus:
        n = self.veld.naam
        uit, ontbreekt, gelijk = self._basis(t, n, a, b)
        rest = ~ontbreekt & ~gelijk
        jw = _jw(t, n, a, b, rest)
        uit[rest & (jw >= 0.80)] = 3
        uit[rest & (jw >= 0.92)] = 2
        return _sluit(uit, gelijk, ontbreekt)


class Exact(Vergelijker):
    def __init__(self, veld: Veld) -> None:
        super().__init__(veld, (ONTBREEKT, GELIJK, VERSCHILT))

    def niveaus(self, t: Tabel, a: Paren, b: Paren) -> Niveaus:
        uit, ontbreekt, gelijk = self._basis(t, self.veld.naam, a, b)
        return _sluit(uit, gelijk, ontbreekt)


def standaard(velden: tuple[Veld, ...]) -> list[Vergelijker]:
    """The comparison for each field by its kind; a surname learns of the first-name field so a
    swap can be recognised."""
    voornaam = next((v.naam for v in velden if v.soort is Soort.VOORNAAM), None)
    uit: list[Vergelijker] = []
    for v in velden:
        match v.soort:
            case Soort.VOORNAAM:
                uit.append(Voornaam(v))
            case Soort.ACHTERNAAM:
                uit.append(Achternaam(v, voornaam))
            case Soort.DATUM:
                uit.append(Datum(v))
            case Soort.POSTCODE:
                uit.append(Postcode(v))
            case Soort.HUISNUMMER:
                uit.append(Exact(v))
            case Soort.CODE | Soort.TELEFOON | Soort.EMAIL:
                uit.append(Code(v, typfout=v.soort is not Soort.CODE or "pseudoniem" not in v.naam))
            case Soort.TEKST:
                uit.append(Tekst(v))
    return uit
