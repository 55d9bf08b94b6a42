# SPDX-License-Identifier: EUPL-1.2
"""Turning an internal reason into a Dutch sentence for the user."""

from __future__ import annotations


def zin(tekst: object) -> str:
    """Upper-case first letter, rest untouched (capitalize() would lower 'C-404'), full stop."""
    t = str(tekst).strip()
    if not t:
        return t
    t = t[0].upper() + t[1:]
    return t if t.endswith((".", "!", "?")) else t + "."
