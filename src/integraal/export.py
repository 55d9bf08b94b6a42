# SPDX-License-Identifier: EUPL-1.2
"""Exports of policy-filtered entity views to CSV and Excel, safe against formula injection."""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

from openpyxl import Workbook

from integraal.delen import Beslisser
from integraal.domein.labels import eigenschap_label, schema_label, toonbare_waarde
from integraal.domein.tekst import veilig
from integraal.toegang import Entiteitbeeld

KOLOMMEN = ("Soort", "Naam", "Gegeven", "Waarde", "Bron", "Categorie", "Deelregel")


def rijen(beelden: Sequence[Entiteitbeeld], beslisser: Beslisser) -> list[tuple[str, ...]]:
    """One row per value with its source and rule, in words: no ids, hashes or pseudonyms
    (the export leaves the system; its reader has no key to the codes)."""
    org = beslisser.register.naam
    cat, regel = beslisser.catalogus.categorie_label, beslisser.catalogus.regeltitels

    return [
        tuple(
            veilig(v)
            for v in (
                schema_label(b.schema),
                b.naam,
                eigenschap_label(h.eigenschap),
                toonbare_waarde(b.schema, h.eigenschap, h.waarde),
                org(h.bron),
                cat(h.categorie),
                regel(h.grondslag),
            )
        )
        for b in beelden
        for h in b.herkomst
    ]


def naar_csv(beelden: Sequence[Entiteitbeeld], beslisser: Beslisser) -> bytes:
    buf = io.StringIO()
    schrijver = csv.writer(buf, delimiter=";")
    schrijver.writerow(KOLOMMEN)
    schrijver.writerows(rijen(beelden, beslisser))
    return buf.getvalue().encode("utf-8-sig")


def naar_xlsx(beelden: Sequence[Entiteitbeeld], beslisser: Beslisser) -> bytes:
    boek = Workbook()
    blad = boek.active
    assert blad is not None
    blad.title = "Entiteiten"
    blad.append(KOLOMMEN)
    for rij in rijen(beelden, beslisser):
        blad.append(rij)
    buf = io.BytesIO()
    boek.save(buf)
    return buf.getvalue()


MEDIATYPEN = {
    "csv": "text/csv; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}


def exporteer(beelden: Sequence[Entiteitbeeld], beslisser: Beslisser, formaat: str) -> bytes:
    return naar_csv(beelden, beslisser) if formaat == "csv" else naar_xlsx(beelden, beslisser)


def _cel(v: object) -> object:
    return veilig(v) if isinstance(v, str) else v


def _csv_cel(v: object) -> object:
    """In CSV a decimal comma, as Dutch spreadsheet programs read it (Excel keeps numbers)."""
    if isinstance(v, float | Decimal):
        return str(v).replace(".", ",")
    return _cel(v)


def tabel(kolommen: Sequence[str], rijen: Sequence[Sequence[object]], formaat: str) -> bytes:
    """Any table (figures, lists) to CSV or Excel; text cells defused like the case export."""
    cel = _cel
    if formaat == "csv":
        buf = io.StringIO()
        schrijver = csv.writer(buf, delimiter=";")
        schrijver.writerow(kolommen)
        schrijver.writerows([[_csv_cel(v) for v in r] for r in rijen])
        return buf.getvalue().encode("utf-8-sig")
    boek = Workbook()
    blad = boek.active
    assert blad is not None
    blad.append(list(kolommen))
    for r in rijen:
        blad.append([cel(v) for v in r])
    uit = io.BytesIO()
    boek.save(uit)
    return uit.getvalue()


@dataclass(frozen=True)
class Blad:
    """One table of a multi-part export: a sheet in Excel, a titled section in CSV."""

    naam: str
    kolommen: tuple[str, ...]
    rijen: Sequence[Sequence[object]]


def bladen(delen: Sequence[Blad], formaat: str) -> bytes:
    """Several tables in one file, every text cell defused."""
    cel = _cel
    if formaat == "csv":
        buf = io.StringIO()
        schrijver = csv.writer(buf, delimiter=";")
        for i, blad in enumerate(delen):
            if i:
                schrijver.writerow([])
            schrijver.writerow([blad.naam])
            schrijver.writerow(blad.kolommen)
            schrijver.writerows([[_csv_cel(v) for v in r] for r in blad.rijen])
        return buf.getvalue().encode("utf-8-sig")
    boek = Workbook()
    eerste = boek.active
    assert eerste is not None
    boek.remove(eerste)
    for blad in delen:
        ws = boek.create_sheet(blad.naam[:31])
        ws.append(list(blad.kolommen))
        for r in blad.rijen:
            ws.append([cel(v) for v in r])
    uit = io.BytesIO()
    boek.save(uit)
    return uit.getvalue()
