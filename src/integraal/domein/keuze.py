# SPDX-License-Identifier: EUPL-1.2
"""Codes with the Dutch word a person sees for them.

Statuses, kinds and outcomes are stored and exchanged as stable codes (`in_behandeling`), but a
person only ever reads the label ("In behandeling"). Keeping the label on the member makes a
forgotten label impossible: every member has one, and a test checks it is not the code.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Self


class Keuze(StrEnum):
    """`NAAM = "code", "Label"`; the value is the code, `.label` the Dutch word."""

    label: str

    # `label` has a default only because a lookup by code (`Status("open")`) calls this with
    # one argument as far as the type checker knows; a test checks every member has a label.
    def __new__(cls, waarde: str, label: str = "") -> Self:
        lid = str.__new__(cls, waarde)
        lid._value_ = waarde
        lid.label = label
        return lid

    @classmethod
    def keuzes(cls) -> list[tuple[str, str]]:
        """(code, label) pairs for a select or radio group, in declaration order."""
        return [(lid.value, lid.label) for lid in cls]
