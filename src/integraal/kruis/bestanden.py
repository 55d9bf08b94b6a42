# SPDX-License-Identifier: EUPL-1.2
"""Link two CSV files with a declared mapping: which column holds which field. For an analyst's
own files outside Integraal (the CLI's `kruisverwijzing bestanden`); nothing is read from the
platform.

The mapping (YAML):

    links:  {id: klantnummer, velden: {voornaam: Voornaam, achternaam: Achternaam,
             geboortedatum: Geboren, postcode: PC, huisnummer: Nr}}
    rechts: {id: relatienr, velden: {naam: Naam, geboortedatum: Geb.datum, iban: Rekening}}

Field names are those of `personen.VELDEN`, plus `naam` (a full name, split at the
tussenvoegsel) and the identifiers kvk, rsin, iban, kenteken and bag.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
import yaml

from integraal.kruis import personen
from integraal.kruis.blokken import Sleutel
from integraal.kruis.koppel import Uitkomst, koppel
from integraal.kruis.normaal import splits_naam
from integraal.kruis.tabel import Soort, Tabel, Veld

CODES = ("kvk", "rsin", "iban", "kenteken", "bag")
BEKEND = (*(v.naam for v in personen.VELDEN), "naam", *CODES)


class Mappingfout(ValueError):
    """The mapping or a file does not fit; the message is Dutch."""


@dataclass(frozen=True)
class Kant:
    id: str
    velden: dict[str, str]  # field → column


def _kant(ruw: Any, naam: str) -> Kant:
    if not isinstance(ruw, dict) or not isinstance(ruw.get("velden"), dict):
        raise Mappingfout(f"de mapping mist '{naam}: {{id: ..., velden: {{...}}}}'")
    onbekend = sorted(set(ruw["velden"]) - set(BEKEND))
    if onbekend:
        raise Mappingfout(
            f"onbekende velden bij '{naam}': {', '.join(onbekend)}; kies uit {', '.join(BEKEND)}"
        )
    return Kant(str(ruw.get("id") or ""), {str(k): str(v) for k, v in ruw["velden"].items()})


def lees_mapping(tekst: str) -> tuple[Kant, Kant]:
    try:
        ruw = yaml.safe_load(tekst)
    except yaml.YAMLError as exc:
        raise Mappingfout(f"de mapping is geen geldige YAML: {exc}") from exc
    if not isinstance(ruw, dict):
        raise Mappingfout("de mapping moet 'links' en 'rechts' beschrijven")
    return _kant(ruw.get("links"), "links"), _kant(ruw.get("rechts"), "rechts")


def lees_mappingbestand(pad: Path) -> tuple[Kant, Kant]:
    try:
        return lees_mapping(pad.read_text(encoding="utf-8"))
    except OSError as exc:
        raise Mappingfout(f"de mapping {pad} is niet te lezen") from exc


def _lees_csv(pad: Path) -> list[dict[str, str]]:
    try:
        tekst = pad.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise Mappingfout(f"{pad.name} is niet te lezen als UTF-8-tekst") from exc
    try:
        dialect = csv.Sniffer().sniff(tekst[:4096], delimiters=",;\t|")
    except csv.Error:
        dialect = csv.excel
    return list(csv.DictReader(io.StringIO(tekst), dialect=dialect))


def _records(
    rijen: list[dict[str, str]], kant: Kant, bron: int, bestand: str
) -> list[dict[str, str]]:
    if rijen:
        ontbreekt = sorted({*kant.velden.values(), *([kant.id] if kant.id else [])} - set(rijen[0]))
        if ontbreekt:
            raise Mappingfout(f"kolommen niet gevonden in {bestand}: {', '.join(ontbreekt)}")
    uit = []
    for i, rij in enumerate(rijen, start=2):
        r = {veld: (rij.get(kolom) or "").strip() for veld, kolom in kant.velden.items()}
        if "naam" in r:
            voor, achter = splits_naam(r.pop("naam"))
            r.setdefault("voornaam", voor)
            r.setdefault("achternaam", achter)
        r["id"] = f"{bestand}:{(rij.get(kant.id) or '').strip() if kant.id else i}"
        r["bron"] = str(bron)
        uit.append(r)
    return uit


def velden_voor(links: Kant, rechts: Kant) -> tuple[Veld, ...]:
    """The fields both sides can fill (after splitting a full name)."""

    def vult(k: Kant) -> set[str]:
        s = set(k.velden)
        return (s - {"naam"}) | ({"voornaam", "achternaam"} if "naam" in s else set())

    samen = vult(links) & vult(rechts)
    uit = [v for v in personen.VELDEN if v.naam in samen]
    uit += [Veld(c, Soort.CODE, c.upper() if c != "kenteken" else c) for c in CODES if c in samen]
    if not uit:
        raise Mappingfout("de twee bestanden hebben geen enkel veld gemeen")
    return tuple(uit)


def sleutels_voor(velden: tuple[Veld, ...]) -> list[Sleutel]:
    namen = {v.naam for v in velden}
    uit = [s for s in personen.SLEUTELS if s.velden <= namen]
    uit += [Sleutel((c,)) for c in CODES if c in namen]
    if not uit:  # few shared fields: every one alone is a key
        uit = [Sleutel((v.naam,)) for v in velden]
    return uit


def koppel_bestanden(
    links_pad: Path,
    rechts_pad: Path,
    mapping: tuple[Kant, Kant],
    voortgang: Callable[[str, int, int], None] | None = None,
) -> Uitkomst:
    links, rechts = mapping
    records = _records(_lees_csv(links_pad), links, 0, links_pad.name)
    records += _records(_lees_csv(rechts_pad), rechts, 1, rechts_pad.name)
    velden = velden_voor(links, rechts)
    tabel = Tabel.maak(velden, records, bron=lambda r: int(r["bron"] or 0))
    return koppel(tabel, sleutels_voor(velden), koppelen=True, voortgang=voortgang)


def schrijf_paren(uitkomst: Uitkomst, drempel: float, uit: io.TextIOBase | Any) -> int:
    """Pairs at or above the threshold, best first, with the explanation per field."""
    w = csv.writer(uit, delimiter=";")
    velden = [v.titel for v in uitkomst.vergelijkers]
    w.writerow(["links", "rechts", "kans", "gewicht", *velden])
    kies = np.flatnonzero(uitkomst.kans >= drempel)
    kies = kies[np.argsort(-uitkomst.kans[kies], kind="stable")]
    t = uitkomst.tabel
    for i in kies:
        a, b = int(uitkomst.a[i]), int(uitkomst.b[i])
        links, rechts = (a, b) if t.bron[a] == 0 else (b, a)
        uitleg = uitkomst.uitleg(int(i))
        w.writerow(
            [
                t.ids[links],
                t.ids[rechts],
                f"{uitkomst.kans[i]:.4f}",
                f"{uitkomst.gewicht[i]:.2f}",
                *(f"{u.niveau} ({u.gewicht:+.1f})" for u in uitleg),
            ]
        )
    return len(kies)
