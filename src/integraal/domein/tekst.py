# SPDX-License-Identifier: EUPL-1.2
"""Turning an internal reason into a Dutch sentence for the user."""

from __future__ import annotations

import datetime as dt


def zin(tekst: object) -> str:
    """Upper-case first letter, rest untouched (capitalize() would lower 'C-404'), full stop."""
    t = str(tekst).strip()
    if not t:
        return t
    t = t[0].upper() + t[1:]
    return t if t.endswith((".", "!", "?")) else t + "."


def lees_bedrag(tekst: str) -> float:
    """An amount as users type it: 1.250,00 (dots group thousands, comma before cents).
    Raises ValueError for anything else."""
    return float(tekst.strip().replace(".", "").replace(",", "."))


def getal(waarde: float, decimalen: int = 0) -> str:
    """Dutch notation for a number: 705.900, 371,8."""
    tekst = f"{waarde:,.{decimalen}f}"
    return tekst.replace(",", "_").replace(".", ",").replace("_", ".")


def euro(centen: int | None) -> str:
    """Dutch notation, thousands with a dot and cents with a comma: € 12.345,67."""
    if centen is None:
        return "—"
    return f"€ {getal(centen / 100, 2)}"


_GEVAARLIJK = ("=", "+", "-", "@", "\t", "\r")


def veilig(waarde: str) -> str:
    """Spreadsheet programs execute cells starting with = + - @; a leading quote defuses them."""
    return "'" + waarde if waarde.startswith(_GEVAARLIJK) else waarde


MAANDEN = (
    "januari",
    "februari",
    "maart",
    "april",
    "mei",
    "juni",
    "juli",
    "augustus",
    "september",
    "oktober",
    "november",
    "december",
)


def datum_in_woorden(dag: dt.date) -> str:
    """10 juli 2027: for a date in a sentence."""
    return f"{dag.day} {MAANDEN[dag.month - 1]} {dag.year}"


def te_groot(grens_bytes: int) -> str:
    """The Dutch reason for refusing a request body over the installation's limit."""
    return (
        f"Wat u stuurt is groter dan {grens_bytes // (1024 * 1024)} MB. Lever een groot "
        "bestand in delen aan."
    )
