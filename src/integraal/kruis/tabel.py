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
    CODE = "code"  # KvK, RSIN, IBAN, kenteken, BAG, pseudonymised BSN
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


def _afgeleid(veld: Veld, waarde: str | None) -> dict[str, str]:
    """The columns one field yields; names are `<field>` plus a suffix."""
    n = veld.naam
    match veld.soort:
        case Soort.VOORNAAM:
            eerste, initialen = normaal.voornamen(waarde)
            return {n: eerste, f"{n}.voorletters": initialen, f"{n}.voorletter": initialen[:1]}
        case Soort.ACHTERNAAM:
            voor, kern = normaal.achternaam(waarde)
            return {
                n: f"{voor} {kern}".strip(),
                f"{n}.kern": kern,
                f"{n}.begin": kern[:3],
            }
        case Soort.DATUM:
            d = normaal.datum(waarde)
            return {n: d, f"{n}.jaar": d[:4], f"{n}.maanddag": d[4:]}
        case Soort.POSTCODE:
            c = normaal.code(waarde)
            return {n: c, f"{n}.cijfers": c[:4]}
        case Soort.HUISNUMMER:
            return {n: normaal.huisnummer(waarde)}
        case Soort.TELEFOON:
            return {n: normaal.telefoon(waarde)}
        case Soort.EMAIL:
            return {n: normaal.email(waarde)}
        case Soort.CODE:
            return {n: normaal.code(waarde)}
        case Soort.TEKST | Soort.STRAAT | Soort.PLAATS:
            return {n: normaal.vouw(waarde)}
    raise ValueError(veld.soort)  # pragma: no cover - exhaustive


_HERHALEND = frozenset(
    {Soort.VOORNAAM, Soort.ACHTERNAAM, Soort.DATUM, Soort.TEKST, Soort.STRAAT, Soort.PLAATS}
)


def _codeer(waarden: Sequence[str], index: dict[str, int]) -> Codes:
    """Codes for `waarden`, extending `index` (value → code) with values not seen before."""
    codes = np.empty(len(waarden), dtype=np.int32)
    for i, w in enumerate(waarden):
        codes[i] = index.setdefault(w, len(index)) if w else -1
    return codes


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

    @staticmethod
    def _kolommen(
        velden: Sequence[Veld],
        records: Iterable[Mapping[str, str | None]],
        id_veld: str,
        bron: Callable[[Mapping[str, str | None]], int] | None,
    ) -> tuple[dict[str, list[str]], list[str], list[int]]:
        # Every column exists, also for an empty delivery.
        kolommen: dict[str, list[str]] = {k: [] for v in velden for k in _afgeleid(v, None)}
        ids: list[str] = []
        bronnen: list[int] = []
        # Names, places and streets repeat: normalise each distinct raw value once.
        geheugen: dict[str, dict[str | None, dict[str, str]]] = {v.naam: {} for v in velden}
        for r in records:
            ids.append(str(r.get(id_veld) or len(ids)))
            bronnen.append(bron(r) if bron else 0)
            for v in velden:
                ruw = r.get(v.naam)
                if v.soort in _HERHALEND:
                    afgeleid = geheugen[v.naam].get(ruw)
                    if afgeleid is None:
                        afgeleid = geheugen[v.naam][ruw] = _afgeleid(v, ruw)
                else:
                    afgeleid = _afgeleid(v, ruw)
                for k, w in afgeleid.items():
                    kolommen.setdefault(k, []).append(w)
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
        kolommen, ids, bronnen = cls._kolommen(velden, records, id_veld, bron)
        t = cls(tuple(velden), ids, np.asarray(bronnen, dtype=np.int8))
        for k, waarden in kolommen.items():
            boek: dict[str, int] = {}
            t.codes[k] = _codeer(waarden, boek)
            t.uniek[k] = _als_array(boek)
            t.boeken[k] = boek
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
        kolommen, ids, bronnen = self._kolommen(self.velden, records, id_veld, bron)
        t = Tabel(
            self.velden,
            self.ids + ids,
            np.concatenate((self.bron, np.asarray(bronnen, dtype=np.int8))),
        )
        for k, waarden in kolommen.items():
            boek = self.boeken[k]
            t.codes[k] = np.concatenate((self.codes[k], _codeer(waarden, boek)))
            t.uniek[k] = _als_array(boek)
            t.boeken[k] = boek
        return t
