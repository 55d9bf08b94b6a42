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

from integraal.kruis import normaal
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
    # Whether members of one household tend to agree on it (address, surname, phone): such a
    # field cannot tell EM whether two records are one person or two housemates.
    huishouden = False

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


def _per_paar_waar(
    t: Tabel,
    kolom_a: str,
    kolom_b: str,
    a: Paren,
    b: Paren,
    kies: npt.NDArray[np.bool_],
    toets: Callable[[str, str], bool],
) -> npt.NDArray[np.bool_]:
    """`toets` on the values of the pairs where `kies` holds, once per distinct value pair (the
    nickname table and name parts are Python, and blocks repeat the same pairs)."""
    uit = np.zeros(len(a), dtype=np.bool_)
    # Only where both values are present: a missing value (−1) would spoil the pair code.
    idx = np.flatnonzero(kies & (t.codes[kolom_a][a] >= 0) & (t.codes[kolom_b][b] >= 0))
    if not len(idx):
        return uit
    wa, wb = t.uniek[kolom_a], t.uniek[kolom_b]
    ca = t.codes[kolom_a][a[idx]].astype(np.int64)
    cb = t.codes[kolom_b][b[idx]].astype(np.int64)
    breedte = len(wb) + 1
    paar, terug = np.unique(ca * breedte + cb, return_inverse=True)
    past = np.fromiter(
        (toets(x, y) for x, y in zip(wa[paar // breedte], wb[paar % breedte], strict=True)),
        dtype=np.bool_,
        count=len(paar),
    )
    uit[idx] = past[terug]
    return uit


def _beide(t: Tabel, kolom: str, a: Paren, b: Paren) -> npt.NDArray[np.bool_]:
    uit: npt.NDArray[np.bool_] = (t.codes[kolom][a] >= 0) & (t.codes[kolom][b] >= 0)
    return uit


def _codes_gelijk(t: Tabel, kolom: str, a: Paren, b: Paren) -> npt.NDArray[np.bool_]:
    ca, cb = t.codes[kolom][a], t.codes[kolom][b]
    uit: npt.NDArray[np.bool_] = (ca == cb) & (ca >= 0)
    return uit


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


KLINKT = "klinkt gelijk (andere spelling of transliteratie)"


def _delen_passen(x: str, y: str) -> bool:
    return bool(set(x.split("|")) & set(y.split("|")))


class Achternaam(Vergelijker):
    """Tussenvoegsel-aware: 'van der Berg' vs 'Berg' agree on the core, 'v.d. Berg' equals 'van
    den Berg'; a married or double-barrel name ('Jansen-de Vries', 'de Vries e/v Jansen') agrees
    in part with each name it joins; a surname found in the other record's first-name field is
    a swap, a common error in registrations; transliterations ('Yılmaz', 'Jilmaz') sound alike."""

    frequentie = True
    huishouden = True
    VERWISSELD = 4
    FAMILIE = (1, 2, 3, 5, 6)  # equal, other particle, part of the name, near, sounds alike
    NIVEAUS = (
        ONTBREEKT,
        GELIJK,
        "zelfde naam, ander tussenvoegsel",
        "deel van een dubbele of getrouwde naam gelijk",
        "voornaam en achternaam verwisseld",
        BIJNA,
        KLINKT,
        LIJKT,
        "kruislings: voornaam van de een is achternaam van de ander",
        VERSCHILT,
    )

    def __init__(self, veld: Veld, voornaam: str | None = None) -> None:
        super().__init__(veld, self.NIVEAUS)
        self.voornaam = voornaam

    def niveaus(self, t: Tabel, a: Paren, b: Paren) -> Niveaus:
        n = self.veld.naam
        uit, ontbreekt, gelijk = self._basis(t, n, a, b)
        kern = f"{n}.kern"
        kern_gelijk = _codes_gelijk(t, kern, a, b) & ~ontbreekt & ~gelijk
        if f"{n}.tv" in t.codes:
            # "v d" is an abbreviation of van der, van den and van de: the same name.
            tv = f"{n}.tv"
            gelijk |= kern_gelijk & _per_paar_waar(
                t, tv, tv, a, b, kern_gelijk & _beide(t, tv, a, b), normaal.tussenvoegsels_passen
            )
            kern_gelijk &= ~gelijk
        rest = ~ontbreekt & ~gelijk & ~kern_gelijk
        deel = np.zeros(len(a), dtype=np.bool_)
        if f"{n}.delen" in t.codes:
            # A married name against either name it joins: compare the parts of both (a plain
            # name is one part, its core); asked only where one of them joins names.
            samen = t.codes[f"{n}.samengesteld"]
            vraag = rest & ((samen[a] >= 0) | (samen[b] >= 0))
            deel = _per_paar_waar(t, f"{n}.delen", f"{n}.delen", a, b, vraag, _delen_passen)
        rest &= ~deel
        verwisseld = np.zeros(len(a), dtype=np.bool_)
        kruislings = np.zeros(len(a), dtype=np.bool_)
        voornaam = self.voornaam
        if voornaam:
            # Surname and first name have their own code books: compare the strings, each
            # way, allowing a typing error in either (JW ≥ 0.92).
            # A first-name field holding a surname is read as one ('van den Berg' → 'berg').
            vnaam = f"{voornaam}.als_achternaam"
            vnaam = vnaam if vnaam in t.codes else voornaam
            va, vb = t.uniek[kern], t.uniek[vnaam]
            ka, kb = t.codes[kern][a], t.codes[kern][b]
            fa, fb = t.codes[vnaam][a], t.codes[vnaam][b]
            idx = np.flatnonzero(rest & (ka >= 0) & (kb >= 0) & (fa >= 0) & (fb >= 0))
            if len(idx):
                ab, ba = (
                    cpdist(
                        va[k[idx]],
                        vb[f[idx]],
                        scorer=JaroWinkler.normalized_similarity,
                        score_cutoff=0.80,
                        dtype=np.float64,
                        workers=-1,
                    )
                    for k, f in ((ka, fb), (kb, fa))
                )
                # A typing error may come with the swap: one way close, the other similar —
                # for a short name (where Jaro-Winkler says little: 'ay' and 'amy' score 0.61)
                # one edit away.
                ab, ba = np.asarray(ab), np.asarray(ba)
                for dicht, ver, k, f in ((ab, ba, kb, fa), (ba, ab, ka, fb)):
                    vraag = (dicht >= 0.92) & (ver < 0.80)
                    if vraag.any():
                        ver = ver.copy()
                        dl = cpdist(
                            va[k[idx[vraag]]],
                            vb[f[idx[vraag]]],
                            scorer=DamerauLevenshtein.distance,
                            score_cutoff=1,
                            dtype=np.float64,
                            workers=-1,
                        )
                        ver[np.flatnonzero(vraag)[np.asarray(dl) <= 1]] = 0.80
                    verwisseld[idx[(dicht >= 0.92) & (ver >= 0.80)]] = True
                # Half a swap: one name crossed over, the other lost to errors.
                kruislings[idx[(ab >= 0.92) | (ba >= 0.92)]] = True
        rest &= ~verwisseld
        jw = _jw(t, kern, a, b, rest)
        uit[rest & kruislings] = 8
        uit[rest & (jw >= 0.80)] = 7
        if f"{n}.klank" in t.codes:
            uit[rest & _codes_gelijk(t, f"{n}.klank", a, b)] = 6
        uit[rest & (jw >= 0.92)] = 5
        uit[verwisseld] = self.VERWISSELD
        uit[deel] = 3
        uit[kern_gelijk] = 2
        return _sluit(uit, gelijk, ontbreekt)


class Voornaam(Vergelijker):
    """A record may carry only initials ('J.P.'); then agreeing initials are the evidence. A call
    name fits its baptismal name (Kees ↔ Cornelis, from the shipped table) and a person may go
    by a second given name; transliterations ('Mohammed', 'Muhammad') sound alike."""

    frequentie = True
    ANDERS = 8  # level: two full first names that differ
    ANDERE = (7, 8)  # initials that do not fit, or another name
    NIVEAUS = (
        ONTBREEKT,
        GELIJK,
        BIJNA,
        "roepnaam of een andere voornaam past",
        KLINKT,
        "voorletters passen",
        LIJKT,
        "voorletters verschillen",
        VERSCHILT,
    )

    def __init__(self, veld: Veld) -> None:
        super().__init__(veld, self.NIVEAUS)

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
        eenzijdig = (ca < 0) | (cb < 0)
        passen = _per_paar_waar(
            t,
            vl,
            vl,
            a,
            b,
            ~ontbreekt & ~gelijk & eenzijdig,
            normaal.initialen_ingebed,
        )
        roepnaam = np.zeros(len(a), dtype=np.bool_)
        if f"{n}.namen" in t.codes:
            namen = f"{n}.namen"
            roepnaam = _per_paar_waar(
                t,
                namen,
                namen,
                a,
                b,
                beide & (jw < 0.92) & _beide(t, namen, a, b),
                normaal.voornamen_passen,
            )
        # Initials printed without dots but with a vowel ('BJA', 'PEJ') read as a name: they
        # fit when they are the other record's initials.
        laag = beide & (jw < 0.80)
        passen |= _per_paar_waar(t, n, vl, a, b, laag, normaal.initialen_passen)
        passen |= _per_paar_waar(t, n, vl, b, a, laag, normaal.initialen_passen)
        uit[~ontbreekt & ~gelijk & eenzijdig] = 7
        # Short names escape Jaro-Winkler ('liv' and 'iv' score 0): one edit counts as similar.
        kort = beide & (jw < 0.80)
        uit[kort & (_dl(t, n, a, b, kort, 1) <= 1)] = 6
        uit[beide & (jw >= 0.80)] = 6
        uit[passen] = 5
        if f"{n}.klank" in t.codes:
            uit[beide & _codes_gelijk(t, f"{n}.klank", a, b)] = 4
        uit[roepnaam] = 3
        uit[beide & (jw >= 0.92)] = 2
        # The male and female form of one name (Johannes, Johanna) are two people.
        vorm = beide & ~roepnaam & np.isin(uit, (2, 4, 6))
        uit[_per_paar_waar(t, n, n, a, b, vorm, normaal.andere_vorm)] = self.ANDERS
        return _sluit(uit, gelijk, ontbreekt)


def _als_getal(waarden: npt.NDArray[np.object_]) -> npt.NDArray[np.int64]:
    """YYYYMMDD strings as numbers, −1 where a value is not eight digits (index = code), and
    one −1 more at the end, so the missing code −1 reads as −1 too."""
    return np.fromiter(
        (*(int(w) if len(w) == 8 and w.isdigit() else -1 for w in waarden), -1),
        dtype=np.int64,
        count=len(waarden) + 1,
    )


class Datum(Vergelijker):
    """Dates as YYYYMMDD with 00 for an unknown day or month. A partly known date fits every date
    it could be ('1961-00-00' fits '1961-03-15'), and so does 1 January, which many registers
    write for an unknown day and month. Dates years apart are their own level: they separate a
    father from a son of the same name."""

    JAREN = 7
    NIVEAUS = (
        ONTBREEKT,
        GELIJK,
        "gedeeltelijk bekend, past",
        "dag en maand verwisseld",
        "één cijfer anders",
        "twee cijfers anders",
        VERSCHILT,
        "jaren verschil",
    )

    def __init__(self, veld: Veld) -> None:
        super().__init__(veld, self.NIVEAUS)
        self._bewaard: tuple[npt.NDArray[np.object_], npt.NDArray[np.int64]] | None = None

    def _getal(self, waarden: npt.NDArray[np.object_]) -> npt.NDArray[np.int64]:
        # Scoring runs in chunks over one table: convert its dates once.
        if self._bewaard is None or self._bewaard[0] is not waarden:
            self._bewaard = (waarden, _als_getal(waarden))
        return self._bewaard[1]

    def niveaus(self, t: Tabel, a: Paren, b: Paren) -> Niveaus:
        n = self.veld.naam
        uit, ontbreekt, gelijk = self._basis(t, n, a, b)
        uit[:] = self.JAREN - 1  # "verschilt"; years apart is set below where it holds
        getal = self._getal(t.uniek[n])
        # Two equal partial dates ('1962-00-00' twice) share only a year: "past", not "gelijk".
        deels_gelijk = gelijk & (getal[t.codes[n][a]] % 100 == 0)
        gelijk &= ~deels_gelijk
        rest = ~ontbreekt & ~gelijk
        dl = _dl(t, n, a, b, rest)
        ga, gb = getal[t.codes[n][a]], getal[t.codes[n][b]]
        leesbaar = rest & (ga >= 0) & (gb >= 0)
        ja, jb = ga // 10000, gb // 10000
        ma, mb = ga // 100 % 100, gb // 100 % 100
        da, db = ga % 100, gb % 100
        # Day and month swapped, on the dates as numbers — no loop per pair.
        verwisseld = leesbaar & (ja == jb) & (ma == db) & (da == mb)
        onbekend_a = (ga % 10000 == 101) | (ma == 0)
        onbekend_b = (gb % 10000 == 101) | (mb == 0)
        deels = (
            leesbaar
            & (ja == jb)
            & (onbekend_a | onbekend_b | (da == 0) | (db == 0))
            & (onbekend_a | onbekend_b | (ma == mb))
            & (onbekend_a | onbekend_b | (da == 0) | (db == 0) | (da == db))
        )
        # Years apart, on plausible years, and not a day and month that agree or are swapped
        # (a typing error in the year then): a father and a son share a birthday rarely.
        plausibel = (ja >= 1880) & (ja <= 2100) & (jb >= 1880) & (jb <= 2100)
        md_anders = (ga % 10000 != gb % 10000) & ~((ma == db) & (da == mb))
        uit[leesbaar & plausibel & md_anders & (np.abs(ja - jb) >= 2)] = self.JAREN
        uit[rest & (dl <= 2)] = 5
        uit[rest & (dl <= 1)] = 4
        uit[verwisseld] = 3
        uit[deels | deels_gelijk] = 2
        return _sluit(uit, gelijk, ontbreekt)


class Code(Vergelijker):
    """Identifiers: equal, or (where typing errors happen) one character off. A pseudonym is
    a hash, so there `typfout=False`: near-equal hashes mean nothing."""

    def __init__(self, veld: Veld, *, typfout: bool = True, persoonlijk: bool = False) -> None:
        labels = (
            (ONTBREEKT, GELIJK, "één teken anders", VERSCHILT)
            if typfout
            else (ONTBREEKT, GELIJK, VERSCHILT)
        )
        super().__init__(veld, labels)
        self.huishouden = veld.soort is Soort.TELEFOON
        # A person's own number (BSN, social security number) is one person's; housemates
        # share a phone or an account, never this.
        self.persoonlijk = persoonlijk
        self.typfout = typfout

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

    huishouden = True
    ZELFDE = (1, 2, 3)  # levels that are one address

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
                "zelfde wijk of plaats, of bijna zelfde postcode",
                "zelfde straatnaam, andere plaats",
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
        if self.huisnummer is not None and f"{self.huisnummer.naam}.getal" in t.codes:
            # '12' and '12A' may be one address written without its letter; '12A' and '12B'
            # are neighbours.
            h = self.huisnummer.naam
            _, getal = self._gelijk(t, self.huisnummer, a, b, f"{h}.getal")
            zonder = _per_paar_waar(
                t, h, h, a, b, getal & ~nr_gelijk, lambda x, y: x.isdigit() or y.isdigit()
            )
            nr_gelijk = nr_gelijk | zonder
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
        if self.straat is not None:
            # The street in another place: a common street name elsewhere (Kerkstraat), or one
            # address with its place mistyped. EM weighs which, per data set.
            vraag = st_beide & ~st_bijna
            uit[vraag & (_jw(t, self.straat.naam, a, b, vraag, 0.92) >= 0.92)] = 6
        # A postcode one character off, without more, is as weak as the same neighbourhood.
        uit[wijk | pl_gelijk | pc_bijna] = 5
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
            case Soort.CODE | Soort.TELEFOON | Soort.EMAIL | Soort.PERSOONSNUMMER:
                # A pseudonym is a hash: near-equal hashes mean nothing.
                uit.append(
                    Code(
                        v,
                        typfout="pseudoniem" not in v.naam,
                        persoonlijk=v.soort is Soort.PERSOONSNUMMER or "pseudoniem" in v.naam,
                    )
                )
            case Soort.TEKST | Soort.STRAAT | Soort.PLAATS:
                uit.append(Tekst(v))
    return uit


# Explicit disagreement that no sum of agreements may outweigh. Fellegi–Sunter adds evidence as
# if fields were independent, but in a household they are not: twins share surname, birth date
# and address; a father and his son share names and address. Their agreement counts several
# times over while the one field that tells them apart counts once.
TEGENBEWIJS = (
    "",
    "andere persoon: twee verschillende BSN-pseudoniemen",
    "andere persoon: geboortedata jaren uit elkaar",
    "andere persoon: zelfde familie, andere voornaam (huisgenoot of tweeling)",
)
ZEKER_ANDERS = -40.0  # bits: a probability of about 10⁻¹², never a suggestion
HARD = 1  # the reasons from this one on are weighed (`koppel.kalibreer`), the first is absolute


def tegenbewijs(vergelijkers: list[Vergelijker], niveaus_: npt.NDArray[np.int8]) -> Niveaus:
    """Per pair the reason (index into `TEGENBEWIJS`, 0 = none) it cannot be one person."""
    reden = np.zeros(len(niveaus_), dtype=np.int8)

    def zet(waar: npt.NDArray[np.bool_], code: int) -> None:
        reden[waar & (reden == 0)] = code

    adres = voornaam = achternaam = datum = -1
    zelfde_nummer = np.zeros(len(niveaus_), dtype=np.bool_)
    for k, v in enumerate(vergelijkers):
        if isinstance(v, Code) and v.persoonlijk:
            if not v.typfout:  # two different pseudonyms: two BSNs
                zet(niveaus_[:, k] == len(v.labels) - 1, 1)
            # Equal, or one typing error off where numbers are typed.
            zelfde_nummer |= (niveaus_[:, k] == 1) | (v.typfout & (niveaus_[:, k] == 2))
        elif isinstance(v, Datum):
            datum = k
        elif isinstance(v, Adres):
            adres = k
        elif isinstance(v, Voornaam):
            voornaam = k
        elif isinstance(v, Achternaam):
            achternaam = k
    # One person's own number agreeing outweighs the rest: a birth date or first name can be
    # mistyped beyond recognition, a shared BSN is no coincidence.
    if datum >= 0:
        zet((niveaus_[:, datum] == Datum.JAREN) & ~zelfde_nummer, 2)
    if voornaam >= 0 and achternaam >= 0 and (adres >= 0 or datum >= 0):
        # One family (the surname agrees in some way — not swapped with the first name, which
        # leaves the first name "different" too) at one address or born on one day.
        familie = np.isin(niveaus_[:, achternaam], Achternaam.FAMILIE)
        samen = np.zeros(len(niveaus_), dtype=np.bool_)
        if adres >= 0:
            samen |= np.isin(niveaus_[:, adres], Adres.ZELFDE)
        if datum >= 0:
            samen |= niveaus_[:, datum] == 1
        andere = np.isin(niveaus_[:, voornaam], Voornaam.ANDERE)
        zet(familie & samen & andere & ~zelfde_nummer, 3)
    return reden


def kans_bij_zelfde(
    vergelijkers: list[Vergelijker], m: list[npt.NDArray[np.float64]]
) -> dict[int, float]:
    """Per weighed reason, how often one person's two records show that pattern anyway
    (typing errors, a date from another document): P(pattern | match) from the model's m,
    fields taken as independent within one person."""
    k = {type(v): i for i, v in enumerate(vergelijkers)}
    uit: dict[int, float] = {}
    if Datum in k:
        uit[2] = float(m[k[Datum]][Datum.JAREN])
    if Voornaam in k and Achternaam in k and (Adres in k or Datum in k):
        apart = 1.0  # P(neither the same address nor the same birth date | match)
        if Adres in k:
            apart *= 1 - float(m[k[Adres]][list(Adres.ZELFDE)].sum())
        if Datum in k:
            apart *= 1 - float(m[k[Datum]][1])
        familie = float(m[k[Achternaam]][list(Achternaam.FAMILIE)].sum()) * (1 - apart)
        uit[3] = float(m[k[Voornaam]][list(Voornaam.ANDERE)].sum()) * familie
    return uit
