# SPDX-License-Identifier: EUPL-1.2
"""Tables read from the text of a letter, where cells are separated by tabs.

The letters' own layout is not regular: a subtotal row may start one cell further to the right
than its posts, a group is named only on its first row, "-" stands for nothing. So a row is read
as: label cells up to the first amount, then one amount per column from there on.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from integraal.domein.financien import Kolom, KolomSoort, Rij, RijSoort, Tabel
from integraal.domein.tekst import getal

_BEDRAG = re.compile(r"^-?\d{1,3}(?:\.\d{3})*(?:,\d+)?$|^-$")
_JAAR = re.compile(r"^(19|20)\d{2}$")
_KOLOMSOORTEN = {
    "plan": KolomSoort.PLAN,
    "realisatie": KolomSoort.REALISATIE,
    "verschil": KolomSoort.VERSCHIL,
}


class GeenTabel(ValueError):
    pass


def lees_bedrag(cel: str) -> int | None:
    """'705.900' → 705900; '-' → 0; '' → None (not stated)."""
    cel = cel.strip()
    if not cel:
        return None
    if cel == "-":
        return 0
    return int(cel.replace(".", ""))


def _is_bedrag(cel: str) -> bool:
    return bool(_BEDRAG.match(cel.strip()))


def _blok(regels: Sequence[str], nummer: int) -> tuple[str, list[str]]:
    kop = re.compile(rf"^Tabel {nummer}\s*[–-]\s*(?P<titel>.+)$")
    for i, regel in enumerate(regels):
        m = kop.match(regel.strip())
        if not m:
            continue
        blok: list[str] = []
        for volgende in regels[i + 1 :]:
            if not volgende.strip():
                continue
            if "\t" not in volgende:  # the first line of prose ends the table
                break
            blok.append(volgende.rstrip("\n"))
        return m["titel"].strip(), blok
    raise GeenTabel(f"tabel {nummer} staat niet in de tekst")


def _kolommen(kopregels: Sequence[list[str]]) -> tuple[tuple[Kolom, ...], str]:
    eenheid = ""
    periode = ""
    for cellen in kopregels:
        for c in cellen:
            if "euro" in c:
                eenheid = c.strip()
        gevuld = [c.strip() for c in cellen if c.strip()]
        if len(gevuld) == 1 and _JAAR.match(gevuld[0]):
            periode = gevuld[0]
    laatste = [c.strip() for c in kopregels[-1] if c.strip() and "euro" not in c]
    kolommen = []
    for kop in laatste:
        soort = _KOLOMSOORTEN.get(kop.lower(), KolomSoort.BEDRAG)
        if soort is KolomSoort.BEDRAG:
            kolommen.append(Kolom(kop.lower(), kop, soort, kop if _JAAR.match(kop) else ""))
        else:
            kolommen.append(Kolom(f"{kop.lower()} {periode}".strip(), kop, soort, periode))
    return tuple(kolommen), eenheid


def _eerste_bedrag(cellen: Sequence[str]) -> int | None:
    for i, c in enumerate(cellen):
        if _is_bedrag(c):
            return i
    return None


def lees_tabel(tekst: str, nummer: int, bron: str = "") -> Tabel:
    """Table `nummer` of a letter ("Tabel 3 – …"), with its stated subtotals and totals."""
    titel, blok = _blok(tekst.splitlines(), nummer)
    rijen_cellen = [regel.split("\t") for regel in blok]
    eerste_data = next(
        (i for i, c in enumerate(rijen_cellen) if _eerste_bedrag(c) is not None), None
    )
    if not eerste_data:
        raise GeenTabel(f"tabel {nummer} heeft geen kop of geen bedragen")
    kolommen, eenheid = _kolommen(rijen_cellen[:eerste_data])
    m = re.search(r"in [\d.]+ euro", titel)
    if m:
        eenheid = m.group(0)
        titel = titel[: m.start()].strip()
    rijen: list[Rij] = []
    groep = ""
    for cellen in rijen_cellen[eerste_data:]:
        start = _eerste_bedrag(cellen)
        if start is None:
            raise GeenTabel(f"tabel {nummer}: rij zonder bedragen: {'|'.join(cellen)!r}")
        labels = [c.strip() for c in cellen[:start]]
        gevuld = [c for c in labels if c]
        omschrijving = gevuld[-1] if gevuld else ""
        soort = {"SUBTOTAAL": RijSoort.SUBTOTAAL, "TOTAAL": RijSoort.TOTAAL}.get(
            omschrijving.upper(), RijSoort.POST
        )
        if soort is RijSoort.POST:
            if len(gevuld) > 1:
                groep = gevuld[0]
            elif labels and labels[0]:
                # a post in the first cell alone names a group of one (Ondermijningsbeleid)
                groep = labels[0]
        waarden_cellen = [*cellen[start:], *([""] * len(kolommen))][: len(kolommen)]
        rest = [c for c in cellen[start + len(kolommen) :] if c.strip()]
        if rest:
            raise GeenTabel(f"tabel {nummer}: meer bedragen dan kolommen in {omschrijving!r}")
        rijen.append(
            Rij(
                soort,
                groep,
                omschrijving,
                tuple(lees_bedrag(c) for c in waarden_cellen),
            )
        )
        if soort is not RijSoort.POST:
            groep_na = groep
            rijen[-1] = Rij(soort, groep_na, omschrijving, rijen[-1].waarden)
            groep = ""
    return Tabel(nummer, titel, eenheid, kolommen, tuple(rijen), bron)


def tekstregels(tabel: Tabel) -> list[list[str]]:
    """The table as the letter prints it, one list of cells per row: labels, then amounts
    ("-" for zero, blank where the letter left the cell blank)."""
    uit = [["", "", *(k.kop for k in tabel.kolommen)]]
    for r in tabel.rijen:
        cellen = ["-" if w == 0 else "" if w is None else getal(w) for w in r.waarden]
        uit.append([r.groep if r.soort is RijSoort.POST else "", r.omschrijving, *cellen])
    return uit
