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
    t: Tabel,
    kolom: str,
    a: Paren,
    b: Paren,
    scorer: Scorer,
    kies: npt.NDArray[np.bool_],
    grens: float,
) -> npt.NDArray[np.float64]:
    """`scorer` on the pairs where `kies` holds, computed once per distinct value pair, on all
    cores. `grens` is the weakest level's threshold: past it the kernels stop counting (a
    distance reports grens + 1, a similarity 0), which changes no level."""
    uit = np.zeros(len(a), dtype=np.float64)
    if not kies.any():
        return uit
    waarden = t.uniek[kolom]
    ca = t.codes[kolom][a[kies]].astype(np.int64)
    cb = t.codes[kolom][b[kies]].astype(np.int64)
    if len(waarden) > t.n // 2:
        # Mostly distinct values (phone numbers, e-mail): nothing to share, skip the sort.
        links, rechts, terug = waarden[ca], waarden[cb], None
    else:
        lo, hi = np.minimum(ca, cb), np.maximum(ca, cb)  # the scorers are symmetric
        breedte = len(waarden) + 1
        uniek, terug = np.unique(lo * breedte + hi, return_inverse=True)
        links, rechts = waarden[uniek // breedte], waarden[uniek % breedte]
    scores = np.asarray(
        cpdist(links, rechts, scorer=scorer, score_cutoff=grens, dtype=np.float64, workers=-1)
    )
    uit[kies] = scores if terug is None else scores[terug]
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

    @property
    def titel(self) -> str:
        return self.veld.titel

    @property
    def bronvelden(self) -> tuple[str, ...]:
        """The fields this comparison reads (a blocking key on one of them biases its level)."""
        return (self.veld.naam,)

    def waarde(self, t: Tabel, i: int) -> str:
        """Record i's value as compared, for the explanation."""
        return t.waarde(self.naam, i)

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
    t: Tabel, kolom: str, a: Paren, b: Paren, kies: npt.NDArray[np.bool_], grens: float = 0.80
) -> npt.NDArray[np.float64]:
    return _per_waardepaar(t, kolom, a, b, JaroWinkler.normalized_similarity, kies, grens)


def _dl(
    t: Tabel, kolom: str, a: Paren, b: Paren, kies: npt.NDArray[np.bool_], grens: int = 2
) -> npt.NDArray[np.float64]:
    return _per_waardepaar(t, kolom, a, b, DamerauLevenshtein.distance, kies, grens)


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
            # Surname and first name have their own code books: compare the strings, each
            # way, allowing a typing error in either (JW ≥ 0.92).
            va, vb = t.uniek[kern], t.uniek[voornaam]
            ka, kb = t.codes[kern][a], t.codes[kern][b]
            fa, fb = t.codes[voornaam][a], t.codes[voornaam][b]
            idx = np.flatnonzero(rest & (ka >= 0) & (kb >= 0) & (fa >= 0) & (fb >= 0))
            if len(idx):
                ab, ba = (
                    cpdist(
                        va[k[idx]],
                        vb[f[idx]],
                        scorer=JaroWinkler.normalized_similarity,
                        score_cutoff=0.92,
                        dtype=np.float64,
                        workers=-1,
                    )
                    for k, f in ((ka, fb), (kb, fa))
                )
                verwisseld[idx[(np.asarray(ab) >= 0.92) & (np.asarray(ba) >= 0.92)]] = True
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
        # Initials fit when one is a prefix of the other ('j' vs 'jp'); asked only where one
        # side has no full first name (two full names are compared as names).
        passen = np.zeros(len(a), dtype=np.bool_)
        eenzijdig = (ca < 0) | (cb < 0)
        idx = np.flatnonzero(~ontbreekt & ~gelijk & eenzijdig)
        if len(idx):
            # Few distinct initials: test each distinct pair once.
            w = t.uniek[vl]
            breedte = len(w) + 1
            paar, terug = np.unique(
                ia[idx].astype(np.int64) * breedte + ib[idx], return_inverse=True
            )
            past = np.fromiter(
                (
                    x.startswith(y) or y.startswith(x)
                    for x, y in zip(w[paar // breedte], w[paar % breedte], strict=True)
                ),
                dtype=np.bool_,
                count=len(paar),
            )
            passen[idx] = past[terug]
        uit[beide & (jw >= 0.80)] = 4
        uit[passen] = 3
        uit[beide & (jw >= 0.92)] = 2
        return _sluit(uit, gelijk, ontbreekt)


def _als_getal(waarden: npt.NDArray[np.object_]) -> npt.NDArray[np.int64]:
    """YYYYMMDD strings as numbers, −1 where a value is not eight digits (index = code)."""
    return np.fromiter(
        (int(w) if len(w) == 8 and w.isdigit() else -1 for w in waarden),
        dtype=np.int64,
        count=len(waarden),
    )


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
        self._bewaard: tuple[npt.NDArray[np.object_], npt.NDArray[np.int64]] | None = None

    def _getal(self, waarden: npt.NDArray[np.object_]) -> npt.NDArray[np.int64]:
        # Scoring runs in chunks over one table: convert its dates once.
        if self._bewaard is None or self._bewaard[0] is not waarden:
            self._bewaard = (waarden, _als_getal(waarden))
        return self._bewaard[1]

    def niveaus(self, t: Tabel, a: Paren, b: Paren) -> Niveaus:
        n = self.veld.naam
        uit, ontbreekt, gelijk = self._basis(t, n, a, b)
        rest = ~ontbreekt & ~gelijk
        dl = _dl(t, n, a, b, rest)
        # Day and month swapped, on the dates as numbers (YYYYMMDD) — no loop per pair.
        getal = self._getal(t.uniek[n])
        ga, gb = getal[t.codes[n][a]], getal[t.codes[n][b]]
        verwisseld = (
            rest
            & (ga >= 0)
            & (gb >= 0)
            & (ga // 10000 == gb // 10000)
            & (ga // 100 % 100 == gb % 100)
            & (ga % 100 == gb // 100 % 100)
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
            dl = _dl(t, n, a, b, rest, 1)
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


def _opsomming(delen: list[str]) -> str:
    return delen[0] if len(delen) == 1 else f"{', '.join(delen[:-1])} en {delen[-1]}"


class Adres(Vergelijker):
    """Postcode, house number, street and place compared as one address. Counted apart they
    would be four pieces of evidence for one fact (postcode and street name the same spot), so
    two people at one address — a household, a business address — would look like one person.
    """

    def __init__(
        self,
        postcode: Veld | None,
        huisnummer: Veld | None = None,
        straat: Veld | None = None,
        plaats: Veld | None = None,
    ) -> None:
        eerste = postcode or straat
        if eerste is None:
            raise ValueError("een adres vraagt een postcode of een straat")
        delen = [
            d
            for d, v in (
                ("postcode", postcode),
                ("huisnummer", huisnummer),
                ("straat", straat),
                ("plaats", plaats),
            )
            if v is not None
        ]
        super().__init__(
            eerste,
            (
                ONTBREEKT,
                f"zelfde adres: {_opsomming(delen)} passen",
                "zelfde adres (postcode en huisnummer)",
                "bijna zelfde adres (één teken anders of straat en huisnummer)",
                "zelfde postcode of straat, ander of geen huisnummer",
                "zelfde wijk of plaats",
                VERSCHILT,
            ),
        )
        self.postcode, self.huisnummer, self.straat, self.plaats = (
            postcode,
            huisnummer,
            straat,
            plaats,
        )

    @property
    def naam(self) -> str:
        return "adres"

    @property
    def titel(self) -> str:
        return "adres"

    @property
    def bronvelden(self) -> tuple[str, ...]:
        return tuple(
            v.naam for v in (self.postcode, self.huisnummer, self.straat, self.plaats) if v
        )

    def waarde(self, t: Tabel, i: int) -> str:
        delen = [t.waarde(n, i) for n in self.bronvelden]
        return " ".join(d for d in delen if d)

    def _gelijk(
        self, t: Tabel, veld: Veld | None, a: Paren, b: Paren, kolom: str = ""
    ) -> tuple[npt.NDArray[np.bool_], npt.NDArray[np.bool_]]:
        """(both present, equal) for one part; absent parts are never present."""
        if veld is None:
            leeg = np.zeros(len(a), dtype=np.bool_)
            return leeg, leeg
        ca, cb = t.codes[kolom or veld.naam][a], t.codes[kolom or veld.naam][b]
        beide = (ca >= 0) & (cb >= 0)
        return beide, beide & (ca == cb)

    def niveaus(self, t: Tabel, a: Paren, b: Paren) -> Niveaus:
        pc_beide, pc_gelijk = self._gelijk(t, self.postcode, a, b)
        _, wijk = self._gelijk(
            t, self.postcode, a, b, f"{self.postcode.naam}.cijfers" if self.postcode else ""
        )
        _, nr_gelijk = self._gelijk(t, self.huisnummer, a, b)
        st_beide, st_gelijk = self._gelijk(t, self.straat, a, b)
        pl_beide, pl_gelijk = self._gelijk(t, self.plaats, a, b)
        plaats_past = pl_gelijk | ~pl_beide
        ontbreekt = ~pc_beide & ~st_beide
        pc_bijna = pc_gelijk.copy()
        if self.postcode is not None:
            vraag = pc_beide & ~pc_gelijk
            pc_bijna |= vraag & (_dl(t, self.postcode.naam, a, b, vraag, 1) <= 1)
        st_bijna = st_gelijk & plaats_past
        if self.straat is not None:
            vraag = st_beide & ~st_gelijk & plaats_past
            st_bijna |= vraag & (_jw(t, self.straat.naam, a, b, vraag, 0.92) >= 0.92)
        uit = np.full(len(a), len(self.labels) - 1, dtype=np.int8)
        uit[wijk | pl_gelijk] = 5
        uit[pc_gelijk | st_bijna] = 4
        uit[(pc_bijna | st_bijna) & nr_gelijk] = 3
        uit[pc_gelijk & nr_gelijk] = 2
        # Where parts are typed apart, each that agrees is one more typing error not made, so
        # a whole agreement is rarer among strangers than postcode and number alone (FEBRL4
        # has such pairs). Where they are not (a household, one address line split up), EM
        # finds both levels alike and weighs them alike.
        alle = pc_gelijk & nr_gelijk
        if self.straat is not None:
            alle &= st_bijna
        if self.plaats is not None:
            alle &= pl_gelijk
        uit[alle] = 1
        uit[ontbreekt] = 0
        return uit


class Exact(Vergelijker):
    def __init__(self, veld: Veld) -> None:
        super().__init__(veld, (ONTBREEKT, GELIJK, VERSCHILT))

    def niveaus(self, t: Tabel, a: Paren, b: Paren) -> Niveaus:
        uit, ontbreekt, gelijk = self._basis(t, self.veld.naam, a, b)
        return _sluit(uit, gelijk, ontbreekt)


def _eerste(velden: tuple[Veld, ...], soort: Soort) -> Veld | None:
    return next((v for v in velden if v.soort is soort), None)


def standaard(velden: tuple[Veld, ...]) -> list[Vergelijker]:
    """The comparison for each field by its kind; a surname learns of the first-name field so a
    swap can be recognised; postcode, house number, street and place (the first of each kind)
    form one address comparison, placed where the first of them stands."""
    voornaam = _eerste(velden, Soort.VOORNAAM)
    adres_soorten = (Soort.POSTCODE, Soort.HUISNUMMER, Soort.STRAAT, Soort.PLAATS)
    delen = {s: _eerste(velden, s) for s in adres_soorten}
    adres: Adres | None = None
    if delen[Soort.POSTCODE] or delen[Soort.STRAAT]:
        adres = Adres(*(delen[s] for s in adres_soorten))
    uit: list[Vergelijker] = []
    for v in velden:
        if adres is not None and v in delen.values():
            if adres not in uit:
                uit.append(adres)
            continue
        match v.soort:
            case Soort.VOORNAAM:
                uit.append(Voornaam(v))
            case Soort.ACHTERNAAM:
                uit.append(Achternaam(v, voornaam.naam if voornaam else None))
            case Soort.DATUM:
                uit.append(Datum(v))
            case Soort.HUISNUMMER:  # without postcode or street
                uit.append(Exact(v))
            case Soort.CODE | Soort.TELEFOON | Soort.EMAIL:
                uit.append(Code(v, typfout=v.soort is not Soort.CODE or "pseudoniem" not in v.naam))
            case Soort.TEKST | Soort.STRAAT | Soort.PLAATS:
                uit.append(Tekst(v))
    return uit
