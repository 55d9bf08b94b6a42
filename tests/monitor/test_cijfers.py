# SPDX-License-Identifier: EUPL-1.2
"""Every figure of the June 2024 report (letter 004) is loaded or marked as narrative.

The body of the letter, from the first chapter to the financial overview (whose tables are
loaded and checked on their own), is read line by line. A figure is a numeral or a Dutch number
word ('zeven OMG's'). Years, days of a date, list numbers and footnotes are not figures. Each
other figure must stand inside the quotation of a loaded baseline value with the same value
(`monitor/data/indicatoren.yaml`), or inside a passage marked as narrative with a reason
(`monitor/data/cijfers-004.yaml`).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from integraal.monitor.bronbrieven import BRIEVEN, gegevens
from integraal.monitor.laden import _observaties

BRIEF = (BRIEVEN / "004_4fcbbfa669e8018e.txt").read_text()
MAANDEN = "januari februari maart april mei juni juli augustus september oktober november december"
_TELWOORDEN = (
    "nul een twee drie vier vijf zes zeven acht negen tien elf twaalf dertien veertien "
    "vijftien zestien zeventien achttien negentien twintig"
)
WOORDEN = {
    w: n
    for n, w in enumerate(_TELWOORDEN.split())
    if n >= 2  # 'een' is the article far more often than the number
} | {"dertig": 30, "veertig": 40, "vijftig": 50, "honderd": 100, "duizend": 1000}
_CIJFER = re.compile(
    r"(?<![\w.,])\d+(?:[.,]\d+)*%?|\b(?:" + "|".join(WOORDEN) + r")\b", re.IGNORECASE
)
_DATUM = re.compile(r"\s+(?:" + MAANDEN.replace(" ", "|") + r")\b")
_JAAR = re.compile(r"(?:19|20)\d\d")
_VOETNOOT = re.compile(r"^[⁰¹²³⁴⁵⁶⁷⁸⁹]")
_OPSOMMING = re.compile(r"^\s*\d+\.\s*$|^\s*\d+\.\s")
SOORTEN = {
    "voorbeeld": "een voorbeeld uit één gemeente, regio of zaak, geen landelijk cijfer",
    "doelgroep": "een leeftijd of doelgroep, geen meetwaarde",
    "afgeleid": "een verschil of percentage afgeleid van geladen cijfers",
    "regel": "een drempel, termijn of kenmerk van een regeling",
    "naam": "een cijfer in een naam",
    "verwachting": "een verwachting, geen resultaat",
    "deel": "over hoeveel gemeenten of scholen een geladen cijfer gaat",
    "opsomming": "een telling van onderdelen in de tekst zelf",
    "detail": "een nadere uitsplitsing van een geladen tabel die alleen de tekst geeft",
}


@dataclass(frozen=True)
class Cijfer:
    regel: int
    tekst: str
    begin: int
    eind: int

    @property
    def waarde(self) -> float:
        t = self.tekst.lower().rstrip("%")
        if t in WOORDEN:
            return float(WOORDEN[t])
        return float(t.replace(".", "").replace(",", "."))


def _romp() -> list[tuple[int, str]]:
    regels = BRIEF.splitlines()
    inhoud = regels.index("Financieel overzicht")
    begin = regels.index("Voorkomen", inhoud)
    eind = len(regels) - 1 - regels[::-1].index("Financieel overzicht")
    return [(n + 1, regels[n]) for n in range(begin, eind)]


def cijfers() -> Iterator[Cijfer]:
    for nr, regel in _romp():
        if _VOETNOOT.match(regel) or _OPSOMMING.fullmatch(regel):
            continue
        for m in _CIJFER.finditer(regel):
            t = m.group()
            if _JAAR.fullmatch(t) or _DATUM.match(regel, m.end()):
                continue
            if regel[max(0, m.start() - 1) : m.end() + 1] == f"({t})":
                continue  # "(1) het doen van …": a list in running text
            if m.start() == 0 and _OPSOMMING.match(regel):
                continue
            yield Cijfer(nr, t, m.start(), m.end())


def _plekken(regel: str, citaat: str) -> Iterator[tuple[int, int]]:
    start = regel.find(citaat)
    while start >= 0:
        yield start, start + len(citaat)
        start = regel.find(citaat, start + 1)


def _geladen() -> dict[str, tuple[set[float], str]]:
    """Per quotation the values loaded from it, and the names of their breakdowns (a table
    row's label, '1-2 jaar', holds figures that are not values). A sentence that repeats
    loaded values ('herhaald') counts with all values of its indicator."""
    uit: dict[str, tuple[set[float], str]] = {}
    per_code: dict[str, set[float]] = {}
    for d in gegevens("indicatoren.yaml")["indicatoren"]:
        for _, uitsplitsing, waarde, citaat, _ in _observaties(d):
            waarden, labels = uit.setdefault(citaat, (set(), ""))
            waarden.add(round(waarde, 3))
            uit[citaat] = (waarden, f"{labels} {uitsplitsing}")
            per_code.setdefault(d["code"], set()).add(round(waarde, 3))
    for h in gegevens("cijfers-004.yaml")["herhaald"]:
        uit[h["citaat"]] = (per_code[h["indicator"]], "")
    return uit


def _verhalend() -> list[dict[str, str]]:
    return list(gegevens("cijfers-004.yaml")["verhalend"])


def test_elk_cijfer_is_geladen_of_verhalend() -> None:
    geladen = _geladen()
    verhalend = [v["citaat"] for v in _verhalend()]
    regels = dict(_romp())
    los = []
    for c in cijfers():
        regel = regels[c.regel]
        in_waarde = any(
            b <= c.begin
            and c.eind <= e
            and (round(c.waarde, 3) in waarden or re.search(rf"(?<!\d){c.tekst}(?!\d)", labels))
            for citaat, (waarden, labels) in geladen.items()
            for b, e in _plekken(regel, citaat)
        )
        in_verhaal = any(
            b <= c.begin and c.eind <= e for citaat in verhalend for b, e in _plekken(regel, citaat)
        )
        if not (in_waarde or in_verhaal):
            los.append(
                f"regel {c.regel}: {c.tekst!r} in …{regel[max(0, c.begin - 60) : c.eind + 40]}…"
            )
    assert not los, "\n".join(los)


def test_elke_markering_staat_in_de_brief_en_dekt_een_cijfer() -> None:
    regels = dict(_romp())
    alle = list(cijfers())
    for v in _verhalend():
        assert v["soort"] in SOORTEN, v
        plekken = [(nr, b, e) for nr, r in regels.items() for b, e in _plekken(r, v["citaat"])]
        assert plekken, f"niet in de brief: {v['citaat']!r}"
        assert any(
            c.regel == nr and b <= c.begin and c.eind <= e for c in alle for nr, b, e in plekken
        ), f"dekt geen cijfer: {v['citaat']!r}"


def test_het_tellen_zelf() -> None:
    """The reading skips what is not a figure and finds what is, words included."""
    gevonden = {(c.regel, c.tekst) for c in cijfers()}
    regels = dict(_romp())
    omg = next(nr for nr, r in regels.items() if "Vanaf 2016 zijn zeven OMG" in r)
    assert (omg, "zeven") in gevonden and (omg, "2016") not in gevonden
    lachgas = next(nr for nr, r in regels.items() if "35,2%" in r)
    assert {(lachgas, "35,2%"), (lachgas, "15%")} <= gevonden
    assert not any(t in ("1", "2") for nr, t in gevonden if "(1) het doen" in regels[nr])
