# SPDX-License-Identifier: EUPL-1.2
"""Records as columns ready for matching: each field normalised once, and every column also as
integer codes (equal value ⇔ equal code, −1 = missing), so equality, blocking and de-duplicated
string comparisons are array operations instead of Python loops per pair."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from enum import StrEnum

import numpy as np
import numpy.typing as npt

from integraal.kruis import normaal

Codes = npt.NDArray[np.int32]
Waarden = npt.NDArray[np.object_]


class Soort(StrEnum):
    """How a field is normalised and compared."""

    VOORNAAM = "voornaam"
    ACHTERNAAM = "achternaam"
    DATUM = "datum"
    CODE = "code"  # KvK, RSIN, IBAN, kenteken, BAG
    PERSOONSNUMMER = "persoonsnummer"  # one person's number: pseudonymised BSN, social security
    POSTCODE = "postcode"
    HUISNUMMER = "huisnummer"
    TELEFOON = "telefoon"
    EMAIL = "email"
    STRAAT = "straat"  # compared with postcode and house number as one address
    PLAATS = "plaats"
    TEKST = "tekst"  # company name, any other text


@dataclass(frozen=True)
class Veld:
    naam: str
    soort: Soort
    label: str = ""  # Dutch, for the explanation; defaults to the name

    @property
    def titel(self) -> str:
        return self.label or self.naam


# Kinds that yield one column: their normaliser, applied to whole columns at once.
_ENKEL: dict[Soort, Callable[[str | None], str]] = {
    Soort.TELEFOON: normaal.telefoon,
    Soort.EMAIL: normaal.email,
    Soort.CODE: normaal.code,
    Soort.PERSOONSNUMMER: normaal.code,
    Soort.TEKST: normaal.vouw,
    Soort.STRAAT: normaal.vouw,
    Soort.PLAATS: normaal.vouw,
}


def _afgeleid(veld: Veld, waarde: str | None) -> dict[str, str]:
    """The columns one field yields; names are `<field>` plus a suffix."""
    n = veld.naam
    if veld.soort in _ENKEL:
        return {n: _ENKEL[veld.soort](waarde)}
    match veld.soort:
        case Soort.VOORNAAM:
            eerste, initialen = normaal.voornamen(waarde)
            namen = " ".join(w for w in normaal.voornaamdelen(waarde) if len(w) > 1)
            return {
                n: eerste,
                f"{n}.voorletters": initialen,
                f"{n}.voorletter": initialen[:1],
                f"{n}.namen": namen,
                f"{n}.klank": normaal.klank(eerste),
                # A surname written in the first-name field ('van den Berg'), for the swap test.
                f"{n}.als_achternaam": normaal.achternaam(waarde)[1],
            }
        case Soort.ACHTERNAAM:
            voor, kern = normaal.achternaam(waarde)
            delen = normaal.naamdelen(waarde)
            return {
                n: f"{voor} {kern}".strip(),
                f"{n}.kern": kern,
                f"{n}.begin": kern[:3],
                f"{n}.tv": voor,
                f"{n}.delen": "|".join(delen),
                f"{n}.samengesteld": "ja" if len(delen) > 1 else "",
                f"{n}.klank": normaal.klank(kern),
            }
        case Soort.HUISNUMMER:
            h = normaal.huisnummer(waarde)
            return {n: h, f"{n}.getal": normaal.huisnummer_getal(h)}
        case Soort.DATUM:
            d = normaal.datum(waarde)
            return {n: d, f"{n}.jaar": d[:4], f"{n}.maanddag": d[4:]}
        case Soort.POSTCODE:
            c = normaal.code(waarde)
            return {n: c, f"{n}.cijfers": c[:4]}
    raise ValueError(veld.soort)  # pragma: no cover - exhaustive


def _afgeleide_kolommen(veld: Veld, waarden: Sequence[str]) -> dict[str, list[str]]:
    if veld.soort in _ENKEL:
        normaliseer = _ENKEL[veld.soort]
        return {veld.naam: [normaliseer(w) for w in waarden]}
    per = [_afgeleid(veld, w) for w in waarden]
    return {k: [d[k] for d in per] for k in _afgeleid(veld, None)}


def _codeer_veld(
    veld: Veld, ruw: Sequence[str | None] | None, n: int, boeken: dict[str, dict[str, int]]
) -> dict[str, Codes]:
    """The columns of one field as codes in `boeken` (extended with new values). Each distinct
    raw value is normalised once: names, places, dates and postcodes repeat, and the loop per
    record is then only a dictionary look-up."""
    ruwe_index: dict[str, int] = {}
    ruwe_codes = np.full(n, -1, dtype=np.int32)
    if ruw is not None:
        ruwe_codes = np.fromiter(
            ((ruwe_index.setdefault(w, len(ruwe_index)) if w else -1) for w in ruw),
            dtype=np.int32,
            count=n,
        )
    aanwezig = ruwe_codes >= 0
    uit: dict[str, Codes] = {}
    for k, afgeleid in _afgeleide_kolommen(veld, list(ruwe_index)).items():
        boek = boeken.setdefault(k, {})
        kaart = np.fromiter(
            ((boek.setdefault(w, len(boek)) if w else -1) for w in afgeleid),
            dtype=np.int32,
            count=len(afgeleid),
        )
        codes = np.full(n, -1, dtype=np.int32)
        codes[aanwezig] = kaart[ruwe_codes[aanwezig]]
        uit[k] = codes
    return uit


def _als_array(index: dict[str, int]) -> Waarden:
    arr = np.empty(len(index), dtype=object)
    arr[:] = list(index)
    return arr


@dataclass
class Tabel:
    """`n` records; `bron` tells the dataset of each record when two are linked (0/1)."""

    velden: tuple[Veld, ...]
    ids: list[str]
    bron: npt.NDArray[np.int8]
    codes: dict[str, Codes] = field(default_factory=dict)
    # Distinct values per column, index = code; an object array so pairs index it cheaply.
    uniek: dict[str, Waarden] = field(default_factory=dict)
    # value → code per column, kept so a later delivery is coded in the same code book.
    boeken: dict[str, dict[str, int]] = field(default_factory=dict)

    @property
    def n(self) -> int:
        return len(self.ids)

    def waarde(self, kolom: str, i: int) -> str:
        c = int(self.codes[kolom][i])
        return str(self.uniek[kolom][c]) if c >= 0 else ""

    def deel(self, rijen: npt.NDArray[np.int64]) -> Tabel:
        """These records only, in this order, each column with only the values they use
        (renumbered in the same order, so equal values keep equal codes): what a worker
        needs to compare their pairs, without the rest. No code books."""
        codes: dict[str, Codes] = {}
        uniek: dict[str, Waarden] = {}
        for kolom, alle in self.codes.items():
            c = alle[rijen].astype(np.int64)
            waarden = self.uniek[kolom]
            aanwezig = c >= 0
            if not aanwezig.any():  # no value here (or none in the whole column)
                lokaal, uniek[kolom] = np.full(len(c), -1, dtype=np.int64), waarden[:0]
            elif len(waarden) <= 4 * len(rijen):  # a look-up over the values: no sort
                gebruikt = np.zeros(len(waarden), dtype=np.bool_)
                gebruikt[c[aanwezig]] = True
                nummer = np.cumsum(gebruikt) - 1
                lokaal = np.where(aanwezig, nummer[np.maximum(c, 0)], -1)
                uniek[kolom] = waarden[gebruikt]
            else:
                eigen, terug = np.unique(c[aanwezig], return_inverse=True)
                lokaal = np.full(len(c), -1, dtype=np.int64)
                lokaal[aanwezig] = terug
                uniek[kolom] = waarden[eigen]
            codes[kolom] = lokaal.astype(alle.dtype)
        return Tabel(
            self.velden, [self.ids[i] for i in rijen.tolist()], self.bron[rijen], codes, uniek
        )

    @staticmethod
    def _kolommen(
        records: Iterable[Mapping[str, str | None]],
        namen: Sequence[str],
        id_veld: str,
        bron: Callable[[Mapping[str, str | None]], int] | None,
    ) -> tuple[dict[str, list[str | None]], list[str], list[int]]:
        kolommen: dict[str, list[str | None]] = {n: [] for n in namen}
        ids: list[str] = []
        bronnen: list[int] = []
        for r in records:
            ids.append(str(r.get(id_veld) or len(ids)))
            bronnen.append(bron(r) if bron else 0)
            for n, kolom in kolommen.items():
                kolom.append(r.get(n))
        return kolommen, ids, bronnen

    @classmethod
    def maak(
        cls,
        velden: Sequence[Veld],
        records: Iterable[Mapping[str, str | None]],
        *,
        id_veld: str = "id",
        bron: Callable[[Mapping[str, str | None]], int] | None = None,
    ) -> Tabel:
        kolommen, ids, bronnen = cls._kolommen(records, [v.naam for v in velden], id_veld, bron)
        return cls.uit_kolommen(velden, kolommen, ids, bronnen)

    @classmethod
    def uit_kolommen(
        cls,
        velden: Sequence[Veld],
        kolommen: Mapping[str, Sequence[str | None]],
        ids: Sequence[str],
        bron: Sequence[int] | None = None,
    ) -> Tabel:
        """From columns (field name → one value per record): a large delivery need not be
        held as one dict per record."""
        t = cls(
            tuple(velden),
            list(ids),
            np.asarray(bron if bron is not None else np.zeros(len(ids)), dtype=np.int8),
        )
        for v in velden:
            t.codes.update(_codeer_veld(v, kolommen.get(v.naam), len(ids), t.boeken))
        t.uniek = {k: _als_array(boek) for k, boek in t.boeken.items()}
        return t

    def voeg_toe(
        self,
        records: Iterable[Mapping[str, str | None]],
        *,
        id_veld: str = "id",
        bron: Callable[[Mapping[str, str | None]], int] | None = None,
    ) -> Tabel:
        """This table with a new delivery appended, coded in the same code books, so the
        existing records need not be prepared again. The code books are shared (extended)."""
        namen = [v.naam for v in self.velden]
        kolommen, ids, bronnen = self._kolommen(records, namen, id_veld, bron)
        t = Tabel(
            self.velden,
            self.ids + ids,
            np.concatenate((self.bron, np.asarray(bronnen, dtype=np.int8))),
            boeken=self.boeken,
        )
        for v in self.velden:
            for k, codes in _codeer_veld(v, kolommen.get(v.naam), len(ids), t.boeken).items():
                t.codes[k] = np.concatenate((self.codes[k], codes))
        t.uniek = {k: _als_array(boek) for k, boek in t.boeken.items()}
        return t
