# SPDX-License-Identifier: EUPL-1.2
"""Spelling slips in the letters, corrected where Integraal speaks in its own words.

A letter is a source: its text, a quotation from it and the stored table rows stay as written.
Where a report uses the letter's words as its own (a table's row label, a member's name), the
correction applies. Each slip is checked to occur in a letter (tests/monitor/test_rapport_pdf.py).
"""

from __future__ import annotations

import re

ERRATA: dict[str, str] = {
    "Bestrafen": "Bestraffen",
    "Ondernijning": "Ondermijning",
    "ondernijning": "ondermijning",
    "van Nisen": "van Nispen",
    "Bestuurs- departement": "Bestuursdepartement",
    "Terrorismedinanciering": "Terrorismefinanciering",
    "verbodsjijst": "verbodslijst",
}

_PATROON = re.compile("|".join(rf"\b{re.escape(fout)}\b" for fout in ERRATA))


def verbeter(tekst: str) -> str:
    return _PATROON.sub(lambda m: ERRATA[m.group()], tekst)
