# SPDX-License-Identifier: EUPL-1.2
"""Invisible control characters that text from outside may not carry.

NUL cannot be stored by PostgreSQL (SQLite keeps it), so the same input must not behave
differently per database; other C0 controls have no place in typed text; and the
bidirectional embedding, override and isolate characters can make stored text read differently
from what it is ("Trojan Source"). Tab, newline and carriage return are ordinary text. The
marks LRM, RLM and ALM stay: they are part of writing Arabic and Hebrew and cannot reorder
text on their own.
"""

from __future__ import annotations

import re

VERBODEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\u202a-\u202e\u2066-\u2069]")

MELDING = (
    "bevat een onzichtbaar stuurteken (zoals een NUL-teken of een teken dat de leesrichting "
    "omdraait); typ de tekst opnieuw of plak hem als platte tekst"
)


# In a path not even tab or a line break: no id holds one, and the router's patterns stop there.
VERBODEN_IN_PAD = re.compile("[\x00-\x1f\x7f\u202a-\u202e\u2066-\u2069]")


def heeft_stuurteken(tekst: str) -> bool:
    return VERBODEN.search(tekst) is not None


def pad_heeft_stuurteken(pad: str) -> bool:
    return VERBODEN_IN_PAD.search(pad) is not None
