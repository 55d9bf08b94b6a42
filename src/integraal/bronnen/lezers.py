# SPDX-License-Identifier: EUPL-1.2
"""Reading delivered files into rows: CSV, Excel (xlsx) and FtM JSON lines.

Every reader takes an open binary file and streams it: a delivery is never read whole into
memory (decision record 0021). A delivery arrives as a file on disk (web, API, CLI) or, in
tests and the demo, as bytes; `open_inhoud` opens either.
"""

from __future__ import annotations

import codecs
import csv
import datetime as dt
import hashlib
import io
import json
import re
import zipfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any, TypeAlias

from openpyxl import load_workbook

Inhoud: TypeAlias = bytes | Path
_BLOK = 1024 * 1024


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


@contextmanager
def open_inhoud(inhoud: Inhoud) -> Iterator[IO[bytes]]:
    if isinstance(inhoud, bytes):
        yield io.BytesIO(inhoud)
    else:
        with inhoud.open("rb") as bestand:
            yield bestand


def grootte(inhoud: Inhoud) -> int:
    return len(inhoud) if isinstance(inhoud, bytes) else inhoud.stat().st_size


def sha256(inhoud: Inhoud) -> str:
    h = hashlib.sha256()
    with open_inhoud(inhoud) as bestand:
        for blok in iter(lambda: bestand.read(_BLOK), b""):
            h.update(blok)
    return h.hexdigest()


def _controleer_utf8(bestand: IO[bytes]) -> None:
    """One pass over the file, so a wrong encoding is refused before any row is used."""
    bestand.seek(0)
    decoder = codecs.getincrementaldecoder("utf-8")()
    # Bytes handed to the decoder before this block, of which `wacht` are still pending there
    # (a character split over two blocks): an error's offset counts from those.
    gelezen = wacht = 0
    try:
        for blok in iter(lambda: bestand.read(_BLOK), b""):
            wacht = len(decoder.getstate()[0])
            decoder.decode(blok)
            gelezen += len(blok)
        wacht = len(decoder.getstate()[0])
        decoder.decode(b"", final=True)
    except UnicodeDecodeError as exc:
        plek = gelezen - wacht + exc.start
        raise OnleesbaarBestand(
            f"het bestand is geen UTF-8 (fout bij byte {plek}); sla het op als UTF-8"
        ) from exc
    bestand.seek(0)


def _tekst(bestand: IO[bytes]) -> io.TextIOWrapper:
    _controleer_utf8(bestand)
    return io.TextIOWrapper(bestand, encoding="utf-8-sig", newline="")


def lees_csv(bestand: IO[bytes], scheidingsteken: str | None) -> tuple[list[str], Iterator[Rij]]:
    tekst = _tekst(bestand)
    begin = tekst.read(4096)
    if not begin.strip() and not tekst.read(_BLOK).strip():
        raise OnleesbaarBestand("het bestand is leeg")
    tekst.seek(0)
    if scheidingsteken is None:
        try:
            scheidingsteken = csv.Sniffer().sniff(begin, delimiters=",;\t|").delimiter
        except csv.Error:
            scheidingsteken = ","
    lezer = csv.reader(tekst, delimiter=scheidingsteken)
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


# An xlsx is a zip of XML parts. What a real workbook never needs is refused before openpyxl
# parses anything: a zip bomb (a part that unpacks to far more than it weighs), thousands of
# parts, and a DTD (entity expansion, external entities).
XLSX_MAX_DELEN = 2_000
XLSX_MAX_UITGEPAKT = 1024 * 1024 * 1024
XLSX_MAX_VERHOUDING = 150  # unpacked : packed, for parts over 1 MB
_DTD = re.compile(rb"<!(DOCTYPE|ENTITY)", re.IGNORECASE)


def controleer_xlsx(bestand: IO[bytes]) -> None:
    """Refuses a workbook whose structure could exhaust memory or hide entities."""
    bestand.seek(0)
    try:
        archief = zipfile.ZipFile(bestand)
    except zipfile.BadZipFile as exc:
        raise OnleesbaarBestand("het Excel-bestand kan niet worden geopend (beschadigd?)") from exc
    with archief:
        delen = archief.infolist()
        if len(delen) > XLSX_MAX_DELEN:
            raise OnleesbaarBestand(
                f"het Excel-bestand bestaat uit meer dan {XLSX_MAX_DELEN} delen; sla het opnieuw "
                "op als gewoon Excel-werkboek"
            )
        uitgepakt = sum(d.file_size for d in delen)
        opgeblazen = any(
            d.file_size > 1024 * 1024
            and d.file_size > XLSX_MAX_VERHOUDING * max(d.compress_size, 1)
            for d in delen
        )
        if uitgepakt > XLSX_MAX_UITGEPAKT or opgeblazen:
            raise OnleesbaarBestand(
                "het Excel-bestand pakt uit tot veel meer dan het weegt; lever de gegevens als "
                "CSV aan"
            )
        for d in delen:
            if d.filename.endswith((".xml", ".rels")):
                with archief.open(d) as deel:
                    begin = deel.read(4096)
                if _DTD.search(begin):
                    raise OnleesbaarBestand(
                        "het Excel-bestand bevat een DTD (een documenttypedefinitie), die een "
                        "gewoon werkboek niet heeft; sla het opnieuw op vanuit Excel"
                    )
    bestand.seek(0)


def lees_xlsx(bestand: IO[bytes]) -> tuple[list[str], Iterator[Rij]]:
    controleer_xlsx(bestand)
    try:
        boek = load_workbook(bestand, read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many kinds for a damaged file
        raise OnleesbaarBestand("het Excel-bestand kan niet worden geopend (beschadigd?)") from exc
    blad = boek.worksheets[0]
    regels = blad.iter_rows(values_only=True)
    try:
        kop = [_cel(k).strip() for k in next(regels)]
    except StopIteration as exc:
        raise OnleesbaarBestand("het eerste werkblad is leeg") from exc
    except Exception as exc:  # the parser's refusal of the sheet itself
        raise OnleesbaarBestand("het eerste werkblad kan niet worden gelezen") from exc

    def rijen() -> Iterator[Rij]:
        i = 1
        try:
            for i, cellen in enumerate(regels, start=2):
                waarden = [_cel(c) for c in cellen]
                if not any(w.strip() for w in waarden):
                    continue
                yield Rij(
                    i, {k: (waarden[j] if j < len(waarden) else "") for j, k in enumerate(kop)}
                )
        except OnleesbaarBestand:
            raise
        except Exception as exc:  # openpyxl and its XML parser raise many kinds mid-sheet
            raise OnleesbaarBestand(
                f"het Excel-bestand is na rij {i} niet verder te lezen"
            ) from exc
        finally:
            boek.close()

    return kop, rijen()


@dataclass(frozen=True)
class FtmRegel:
    nummer: int
    entiteit: dict[str, Any] | None
    fout: str | None = None


def lees_ftm(bestand: IO[bytes]) -> Iterator[FtmRegel]:
    for i, regel in enumerate(_tekst(bestand), start=1):
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


def schat_rijen(formaat: str, bestand: IO[bytes]) -> int | None:
    """A cheap upper estimate of the data rows, for a progress bar; None when unknown.

    Line counting over-counts quoted newlines in CSV and blank lines; a bar that ends a little
    early is honest enough, and the final count comes from the import itself.
    """
    bestand.seek(0)
    try:
        if formaat in ("csv", "ftm"):
            regels, laatste = 0, b"\n"
            for blok in iter(lambda: bestand.read(_BLOK), b""):
                regels += blok.count(b"\n")
                laatste = blok[-1:]
            regels += 0 if laatste == b"\n" else 1
            return max(regels - (1 if formaat == "csv" else 0), 0)
        if formaat == "xlsx":
            try:
                boek = load_workbook(bestand, read_only=True)
                rijen = boek.worksheets[0].max_row
                boek.close()
            except Exception:  # a damaged file is reported by the import itself
                return None
            return max(rijen - 1, 0) if rijen else None
        return None
    finally:
        bestand.seek(0)
