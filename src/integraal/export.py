# SPDX-License-Identifier: EUPL-1.2
"""Exports of policy-filtered entity views to CSV and Excel, safe against formula injection."""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence

from openpyxl import Workbook

from integraal.domein.labels import eigenschap_label, schema_label
from integraal.toegang import Entiteitbeeld

KOLOMMEN = (
    "entiteit",
    "soort",
    "schema",
    "gegeven",
    "eigenschap",
    "waarde",
    "bron",
    "categorie",
    "grondslag",
)
_GEVAARLIJK = ("=", "+", "-", "@", "\t", "\r")


def veilig(waarde: str) -> str:
    """Spreadsheet programs execute cells starting with = + - @; a leading quote defuses them."""
    return "'" + waarde if waarde.startswith(_GEVAARLIJK) else waarde


def rijen(beelden: Sequence[Entiteitbeeld]) -> list[tuple[str, ...]]:
    return [
        tuple(
            veilig(v)
            for v in (
                b.id,
                schema_label(b.schema),
                b.schema,
                eigenschap_label(h.eigenschap),
                h.eigenschap,
                h.waarde,
                h.bron,
                h.categorie,
                h.grondslag,
            )
        )
        for b in beelden
        for h in b.herkomst
    ]


def naar_csv(beelden: Sequence[Entiteitbeeld]) -> bytes:
    buf = io.StringIO()
    schrijver = csv.writer(buf, delimiter=";")
    schrijver.writerow(KOLOMMEN)
    schrijver.writerows(rijen(beelden))
    return buf.getvalue().encode("utf-8-sig")


def naar_xlsx(beelden: Sequence[Entiteitbeeld]) -> bytes:
    boek = Workbook()
    blad = boek.active
    assert blad is not None
    blad.title = "Entiteiten"
    blad.append(KOLOMMEN)
    for rij in rijen(beelden):
        blad.append(rij)
    buf = io.BytesIO()
    boek.save(buf)
    return buf.getvalue()


MEDIATYPEN = {
    "csv": "text/csv; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}


def exporteer(beelden: Sequence[Entiteitbeeld], formaat: str) -> bytes:
    return naar_csv(beelden) if formaat == "csv" else naar_xlsx(beelden)


def tabel(kolommen: Sequence[str], rijen: Sequence[Sequence[object]], formaat: str) -> bytes:
    """Any table (figures, lists) to CSV or Excel; text cells defused like the case export."""

    def cel(v: object) -> object:
        return veilig(v) if isinstance(v, str) else v

    if formaat == "csv":
        buf = io.StringIO()
        schrijver = csv.writer(buf, delimiter=";")
        schrijver.writerow(kolommen)
        schrijver.writerows([[cel(v) for v in r] for r in rijen])
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
