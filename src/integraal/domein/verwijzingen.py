# SPDX-License-Identifier: EUPL-1.2
"""References to official publications in letters: parsed, normalised and linked.

Handles the forms the policy letters use — "Kamerstukken 2024–2025, 36 600 VI, nr. 32",
"Kamerstuk 29 911, nr. 337", "Kamerstukken II 2020/21, nr. 29911-309", "Stb. 2024, nr. 198",
"Stcrt. 2017, nr. 48699", "Aanhangsel Handelingen II 2024/25, nr. 274" — and links each to its
address on zoek.officielebekendmakingen.nl (kst-36600-VI-32, stb-2024-198, ah-tk-20242025-274).
A reference that cannot be linked with certainty (a vergaderjaar like "2021/21") is kept, with
the reason, for a person to check.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from enum import StrEnum

BASIS = "https://zoek.officielebekendmakingen.nl/"


class Soort(StrEnum):
    KAMERSTUK = "kamerstuk"
    STAATSBLAD = "staatsblad"
    STAATSCOURANT = "staatscourant"
    AANHANGSEL = "aanhangsel_handelingen"


@dataclass(frozen=True)
class Verwijzing:
    soort: Soort
    tekst: str  # as it stood in the letter
    nummer: int
    dossier: int | None = None
    toevoeging: str | None = None
    vergaderjaar: str | None = None  # "2024-2025"
    jaar: int | None = None  # Staatsblad / Staatscourant
    kamer: str | None = None  # "II" (Tweede Kamer) or "I"
    twijfel: str | None = None

    @property
    def sleutel(self) -> str:
        """The official document id (kst-36600-VI-32), also when the URL is withheld."""
        if self.soort is Soort.KAMERSTUK:
            toev = f"-{self.toevoeging}" if self.toevoeging else ""
            return f"kst-{self.dossier}{toev}-{self.nummer}"
        if self.soort is Soort.STAATSBLAD:
            return f"stb-{self.jaar}-{self.nummer}"
        if self.soort is Soort.STAATSCOURANT:
            return f"stcrt-{self.jaar}-{self.nummer}"
        kamer = "ek" if self.kamer == "I" else "tk"
        return f"ah-{kamer}-{(self.vergaderjaar or '').replace('-', '')}-{self.nummer}"

    @property
    def url(self) -> str | None:
        if self.twijfel:
            return None
        return f"{BASIS}{self.sleutel}.html"

    @property
    def citeertitel(self) -> str:
        """The legal citation form (Aanwijzingen voor de regelgeving)."""
        if self.soort is Soort.KAMERSTUK:
            dossier = f"{self.dossier:,}".replace(",", " ") if self.dossier else ""
            toev = f" {self.toevoeging}" if self.toevoeging else ""
            jaar = f" {_kort(self.vergaderjaar)}" if self.vergaderjaar else ""
            return f"Kamerstukken {self.kamer or 'II'}{jaar}, {dossier}{toev}, nr. {self.nummer}"
        if self.soort is Soort.STAATSBLAD:
            return f"Stb. {self.jaar}, {self.nummer}"
        if self.soort is Soort.STAATSCOURANT:
            return f"Stcrt. {self.jaar}, {self.nummer}"
        kamer, jaar = self.kamer or "II", _kort(self.vergaderjaar)
        return f"Aanhangsel Handelingen {kamer} {jaar}, nr. {self.nummer}"


def _kort(vergaderjaar: str | None) -> str:
    if not vergaderjaar:
        return ""
    a, b = vergaderjaar.split("-")
    return f"{a}/{b[-2:]}"


def vergaderjaar(tekst: str) -> tuple[str, str | None]:
    """'2024–2025', '2024/25', '2020-2021' → '2024-2025', with a doubt if it is not a year pair."""
    a, b = re.split(r"\s*[–\-/]\s*", tekst.strip())
    begin = int(a)
    eind = int(b) if len(b) == 4 else (begin // 100) * 100 + int(b)
    if eind != begin + 1:
        return f"{begin}-{eind}", f"vergaderjaar '{tekst.strip()}' is geen opeenvolgend jaarpaar"
    return f"{begin}-{eind}", None


_JAAR = r"\d{4}\s*[–\-/]\s*\d{2,4}"
_KST = re.compile(
    r"Kamerstuk(?:ken)?(?:\s+(?P<kamer>II|I)(?![A-Za-z]))?(?:\s+(?P<vj>" + _JAAR + r"))?,?\s+"
    r"(?:(?P<dossier>\d{2}\s?\d{3})(?:\s+(?P<toev>[A-Z]{1,4}))?,?\s+nr\.\s*(?P<nr>\d+)"
    r"|nr\.\s*(?P<dossier2>\d{5})-(?P<nr2>\d+))"
)
# "Tweede Kamer, vergaderjaar 2023–2024, 28 741, nr. 113" (footnotes of the progress reports)
_TKV = re.compile(
    r"(?P<kamer>Tweede|Eerste)\s+Kamer,\s+vergaderjaar\s+(?P<vj>" + _JAAR + r"),\s+"
    r"(?P<dossier>\d{2}\s?\d{3})(?:\s+(?P<toev>[A-Z]{1,4}))?,\s+nr\.\s*(?P<nr>\d+)"
)
_STB = re.compile(r"(?P<soort>Stb|Stcrt)\.\s*(?P<jaar>\d{4}),\s*(?:nr\.\s*)?(?P<nr>\d+)")
_AH = re.compile(
    r"Aanhangsel\s+(?:van\s+de\s+)?Handelingen\s+(?P<kamer>II|I)\s+(?P<vj>" + _JAAR + r"),\s*"
    r"nr\.\s*(?P<nr>\d+)"
)


def vind(tekst: str) -> Iterator[Verwijzing]:
    """Every reference in a text, in order of appearance."""
    gevonden: list[tuple[int, Verwijzing]] = []
    for m in _KST.finditer(tekst):
        vj, twijfel = vergaderjaar(m["vj"]) if m["vj"] else (None, None)
        dossier = m["dossier"] or m["dossier2"]
        gevonden.append(
            (
                m.start(),
                Verwijzing(
                    Soort.KAMERSTUK,
                    m.group(0),
                    int(m["nr"] or m["nr2"]),
                    dossier=int(dossier.replace(" ", "")),
                    toevoeging=m["toev"],
                    vergaderjaar=vj,
                    kamer=m["kamer"],
                    twijfel=twijfel,
                ),
            )
        )
    for m in _TKV.finditer(tekst):
        vj, twijfel = vergaderjaar(m["vj"])
        gevonden.append(
            (
                m.start(),
                Verwijzing(
                    Soort.KAMERSTUK,
                    m.group(0),
                    int(m["nr"]),
                    dossier=int(m["dossier"].replace(" ", "")),
                    toevoeging=m["toev"],
                    vergaderjaar=vj,
                    kamer="II" if m["kamer"] == "Tweede" else "I",
                    twijfel=twijfel,
                ),
            )
        )
    for m in _STB.finditer(tekst):
        soort = Soort.STAATSBLAD if m["soort"] == "Stb" else Soort.STAATSCOURANT
        gevonden.append(
            (m.start(), Verwijzing(soort, m.group(0), int(m["nr"]), jaar=int(m["jaar"])))
        )
    for m in _AH.finditer(tekst):
        vj, twijfel = vergaderjaar(m["vj"])
        gevonden.append(
            (
                m.start(),
                Verwijzing(
                    Soort.AANHANGSEL,
                    m.group(0),
                    int(m["nr"]),
                    vergaderjaar=vj,
                    kamer=m["kamer"],
                    twijfel=twijfel,
                ),
            )
        )
    for _, v in sorted(gevonden, key=lambda x: x[0]):
        yield v


def lees(tekst: str) -> Verwijzing:
    """Exactly one reference, or ValueError in Dutch."""
    alle = list(vind(tekst))
    if len(alle) != 1:
        raise ValueError(f"verwacht één verwijzing, gevonden: {len(alle)}")
    return alle[0]
