# SPDX-License-Identifier: EUPL-1.2
"""Validation and normalisation of Dutch identifiers.

Each validator returns the normalised value or raises `OngeldigeWaarde` with a Dutch reason
that an import report can show to the partner who delivered the row.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Final

from stdnum import iban as _iban
from stdnum.exceptions import ValidationError
from stdnum.nl import bsn as _bsn
from stdnum.nl import postcode as _postcode


class OngeldigeWaarde(ValueError):
    """A value that is not a valid identifier of its kind; the message is Dutch."""


def _digits(value: str) -> str:
    return re.sub(r"[\s.\-]", "", value.strip())


def _elfproef(number: str) -> bool:
    # BSN and RSIN share the 11-test: weights 9..2 and -1 for the last digit.
    total = sum(int(d) * w for d, w in zip(number[:8], range(9, 1, -1), strict=True))
    total -= int(number[8])
    return total % 11 == 0


def bsn(value: str) -> str:
    number = _digits(value)
    if len(number) == 8:
        number = "0" + number
    if not number.isdigit() or len(number) != 9:
        raise OngeldigeWaarde("een BSN bestaat uit 9 cijfers")
    if int(number) == 0 or not _elfproef(number) or not _bsn.is_valid(number):
        raise OngeldigeWaarde("BSN voldoet niet aan de elfproef")
    return number


def rsin(value: str) -> str:
    number = _digits(value)
    if not number.isdigit() or len(number) != 9:
        raise OngeldigeWaarde("een RSIN bestaat uit 9 cijfers")
    if int(number) == 0 or not _elfproef(number):
        raise OngeldigeWaarde("RSIN voldoet niet aan de elfproef")
    return number


def kvk_nummer(value: str) -> str:
    number = _digits(value)
    if not number.isdigit() or len(number) != 8:
        raise OngeldigeWaarde("een KvK-nummer bestaat uit 8 cijfers")
    return number


def iban(value: str) -> str:
    try:
        return str(_iban.validate(value))
    except ValidationError as exc:
        raise OngeldigeWaarde("IBAN is ongeldig (controlegetal of lengte klopt niet)") from exc


def postcode(value: str) -> str:
    try:
        code = str(_postcode.validate(value))
    except ValidationError as exc:
        raise OngeldigeWaarde("postcode moet de vorm 1234 AB hebben") from exc
    return code.replace(" ", "")


# Sidecodes 1-14 of the RDW (L = letter, 9 = digit). Current plates avoid vowels and C, Q, but
# historic series used them, so only the shape is checked.
_KENTEKEN_VORMEN: Final = [
    re.compile(p)
    for p in (
        r"^[A-Z]{2}\d{2}\d{2}$",  # 1  LL-99-99
        r"^\d{2}\d{2}[A-Z]{2}$",  # 2  99-99-LL
        r"^\d{2}[A-Z]{2}\d{2}$",  # 3  99-LL-99
        r"^[A-Z]{2}\d{2}[A-Z]{2}$",  # 4  LL-99-LL
        r"^[A-Z]{2}[A-Z]{2}\d{2}$",  # 5  LL-LL-99
        r"^\d{2}[A-Z]{2}[A-Z]{2}$",  # 6  99-LL-LL
        r"^\d{2}[A-Z]{3}\d$",  # 7  99-LLL-9
        r"^\d[A-Z]{3}\d{2}$",  # 8  9-LLL-99
        r"^[A-Z]{2}\d{3}[A-Z]$",  # 9  LL-999-L
        r"^[A-Z]\d{3}[A-Z]{2}$",  # 10 L-999-LL
        r"^[A-Z]{3}\d{2}[A-Z]$",  # 11 LLL-99-L
        r"^[A-Z]\d{2}[A-Z]{3}$",  # 12 L-99-LLL
        r"^\d[A-Z]{2}\d{3}$",  # 13 9-LL-999
        r"^\d{3}[A-Z]{2}\d$",  # 14 999-LL-9
    )
]


def kenteken(value: str) -> str:
    plate = re.sub(r"[\s\-]", "", value.strip().upper())
    if not any(v.match(plate) for v in _KENTEKEN_VORMEN):
        raise OngeldigeWaarde("kenteken past in geen enkele RDW-sidecode")
    return plate


_BAG_OBJECTTYPEN: Final = {
    "01": "verblijfsobject",
    "02": "ligplaats",
    "03": "standplaats",
    "10": "pand",
    "20": "nummeraanduiding",
    "30": "openbare ruimte",
}


def bag_id(value: str) -> str:
    """A 16-digit BAG object id: municipality code (4), object type (2), serial (10)."""
    number = _digits(value)
    if not number.isdigit() or len(number) != 16:
        raise OngeldigeWaarde("een BAG-identificatie bestaat uit 16 cijfers")
    if number[4:6] not in _BAG_OBJECTTYPEN:
        raise OngeldigeWaarde(f"onbekend BAG-objecttype {number[4:6]!r} in positie 5-6")
    return number


def bag_objecttype(value: str) -> str:
    return _BAG_OBJECTTYPEN[bag_id(value)[4:6]]


VALIDATORS: Final[dict[str, Callable[[str], str]]] = {
    "bsn": bsn,
    "rsin": rsin,
    "kvk": kvk_nummer,
    "iban": iban,
    "postcode": postcode,
    "kenteken": kenteken,
    "bag": bag_id,
}


_SCHEIDING = r"[\s.\-]?"
_KANDIDATEN: Final[tuple[tuple[str, re.Pattern[str]], ...]] = (
    # Any IBAN, in any case, grouped by spaces or dashes.
    (
        "een IBAN",
        re.compile(
            r"\b[A-Za-z]{2}\d{2}(?:[\s\-]?[A-Za-z0-9]{4}){3,7}(?:[\s\-]?[A-Za-z0-9]{1,3})?\b"
        ),
    ),
    # Nine digits (or eight: a BSN with its leading zero dropped), also grouped.
    ("een BSN", re.compile(r"(?<![\d.,])\d{2,3}(?:[\s.\-]?\d{3}){2}(?![\d,])(?!\.\d)")),
    ("een e-mailadres", re.compile(r"\b[\w.+-]+@[\w-]+\.[\w.-]+\b")),
    (
        "een telefoonnummer",
        re.compile(r"(?<!\d)(?:\+31|0031|0)[\s\-]?(?:6|[1-9]\d{1,2})(?:[\s\-]?\d){7,8}(?!\d)"),
    ),
    # Capitals with or without a space, or lower case written against the digits ("3011ab"):
    # "2026 en 2027" is not an address.
    (
        "een postcode met huisnummer",
        re.compile(r"\b[1-9]\d{3}(?:\s?[A-Z]{2}|[a-z]{2}),?\s?\d{1,5}\b"),
    ),
    ("een postcode", re.compile(r"\b[1-9]\d{3}\s?[A-Z]{2}\b")),
    ("een KvK-nummer", re.compile(r"(?<![\d.,-])\d{8}(?![\d,-])")),
    # A Dutch licence plate: three groups of letters and digits, six characters, mixed.
    (
        "een kenteken",
        re.compile(
            r"\b(?=[A-Za-z0-9-]{8}\b)(?=[^-]*-[^-]*-)(?=.*[A-Za-z])(?=.*\d)[A-Za-z0-9]{1,3}-[A-Za-z0-9]{1,3}-[A-Za-z0-9]{1,3}\b"
        ),
    ),
)


def kenmerken_in(tekst: str) -> list[tuple[str, str]]:
    """Every value in a free text that looks like it identifies a person or a company: (kind,
    the value as written). A nine-digit number counts only when it passes the eleven test and
    an IBAN only when its check digits hold, so a case number or an amount is not flagged."""
    uit: list[tuple[str, str]] = []
    for soort, patroon in _KANDIDATEN:
        for m in patroon.finditer(tekst):
            waarde = m.group(0)
            cijfers = re.sub(r"\D", "", waarde)
            if soort == "een BSN":
                if len(cijfers) not in (8, 9) or not _elfproef(cijfers.zfill(9)):
                    continue
            elif soort == "een IBAN":
                try:
                    iban(waarde.upper())
                except OngeldigeWaarde:
                    continue
            uit.append((soort, waarde))
    return uit


def kenmerk_in(tekst: str) -> str | None:
    """The kind of the first value in a free text meant to hold none that looks like it
    identifies a person (a bottleneck's reason, a facilitator indicator), or None."""
    gevonden = kenmerken_in(tekst)
    return gevonden[0][0] if gevonden else None
