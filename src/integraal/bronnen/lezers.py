# SPDX-License-Identifier: EUPL-1.2
"""Reading delivered files into rows: CSV, Excel (xlsx) and FtM JSON lines."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from openpyxl import load_workbook


class OnleesbaarBestand(ValueError):
    """The file as a whole cannot be read; the message is Dutch."""


@dataclass(frozen=True)
class Rij:
    nummer: int
    waarden: dict[str, str]


def formaat_van(bestandsnaam: str) -> str:
    naam = bestandsnaam.lower()
    for ext, formaat in ((".csv", "csv"), (".xlsx", "xlsx"), (".jsonl", "ftm"), (".ndjson", "ftm")):
        if naam.endswith(ext):
            return formaat
    raise OnleesbaarBestand(
        "onbekend bestandsformaat: lever CSV (.csv), Excel (.xlsx) of FtM JSON lines (.jsonl)"
    )


def _tekst(inhoud: bytes) -> str:
    try:
        return inhoud.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise OnleesbaarBestand(
            f"het bestand is geen UTF-8 (fout bij byte {exc.start}); sla het op als UTF-8"
        ) from exc


def lees_csv(inhoud: bytes, scheidingsteken: str | None) -> tuple[list[str], Iterator[Rij]]:
    tekst = _tekst(inhoud)
    if not tekst.strip():
        raise OnleesbaarBestand("het bestand is leeg")
    if scheidingsteken is None:
        try:
            scheidingsteken = csv.Sniffer().sniff(tekst[:4096], delimiters=",;\t|").delimiter
        except csv.Error:
            scheidingsteken = ","
    lezer = csv.reader(io.StringIO(tekst, newline=""), delimiter=scheidingsteken)
    kop = [k.strip() for k in next(lezer)]

    def rijen() -> Iterator[Rij]:
        for i, velden in enumerate(lezer, start=2):
            if not any(v.strip() for v in velden):
                continue
            yield Rij(i, {k: (velden[j] if j < len(velden) else "") for j, k in enumerate(kop)})

    return kop, rijen()


def _cel(waarde: Any) -> str:
    if waarde is None:
        return ""
    if isinstance(waarde, dt.datetime):
        return waarde.date().isoformat() if waarde.time() == dt.time() else waarde.isoformat()
    if isinstance(waarde, dt.date):
        return waarde.isoformat()
    if isinstance(waarde, float) and waarde.is_integer():
        return str(int(waarde))
    return str(waarde)


def lees_xlsx(inhoud: bytes) -> tuple[list[str], Iterator[Rij]]:
    try:
        boek = load_workbook(io.BytesIO(inhoud), read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many kinds for a damaged file
        raise OnleesbaarBestand("het Excel-bestand kan niet worden geopend (beschadigd?)") from exc
    blad = boek.worksheets[0]
    regels = blad.iter_rows(values_only=True)
    try:
        kop = [_cel(k).strip() for k in next(regels)]
    except StopIteration as exc:
        raise OnleesbaarBestand("het eerste werkblad is leeg") from exc

    def rijen() -> Iterator[Rij]:
        for i, cellen in enumerate(regels, start=2):
            waarden = [_cel(c) for c in cellen]
            if not any(w.strip() for w in waarden):
                continue
            yield Rij(i, {k: (waarden[j] if j < len(waarden) else "") for j, k in enumerate(kop)})
        boek.close()

    return kop, rijen()


@dataclass(frozen=True)
class FtmRegel:
    nummer: int
    entiteit: dict[str, Any] | None
    fout: str | None = None


def lees_ftm(inhoud: bytes) -> Iterator[FtmRegel]:
    for i, regel in enumerate(_tekst(inhoud).splitlines(), start=1):
        if not regel.strip():
            continue
        try:
            data = json.loads(regel)
        except ValueError:
            yield FtmRegel(i, None, "geen geldige JSON")
            continue
        if not isinstance(data, dict) or not data.get("id") or not data.get("schema"):
            yield FtmRegel(i, None, "een FtM-entiteit heeft 'id' en 'schema' nodig")
            continue
        yield FtmRegel(i, data)


def schat_rijen(formaat: str, inhoud: bytes) -> int | None:
    """A cheap upper estimate of the data rows, for a progress bar; None when unknown.

    Line counting over-counts quoted newlines in CSV and blank lines; a bar that ends a little
    early is honest enough, and the final count comes from the import itself.
    """
    if formaat in ("csv", "ftm"):
        regels = inhoud.count(b"\n") + (0 if inhoud.endswith(b"\n") else 1)
        return max(regels - (1 if formaat == "csv" else 0), 0)
    if formaat == "xlsx":
        try:
            boek = load_workbook(io.BytesIO(inhoud), read_only=True)
            rijen = boek.worksheets[0].max_row
            boek.close()
        except Exception:  # a damaged file is reported by the import itself
            return None
        return max(rijen - 1, 0) if rijen else None
    return None
