# SPDX-License-Identifier: EUPL-1.2
"""The monthly integrity report: alerts about the use of Integraal per month and rule, and
how many ended in established misuse. Counts only, small cells hidden, never a name."""

from __future__ import annotations

import datetime as dt
from collections import Counter

from integraal.domein.integriteit import Meldingstatus
from integraal.domein.monitor import onderdruk
from integraal.logboek.controleregels import regelset
from integraal.opslag import integriteitcijfers as opslag
from integraal.opslag.db import Sessie

Punt = tuple[str, str, float | None, str | None]


def meldingen(sessie: Sessie, peil: dt.datetime) -> list[Punt]:
    """(year-month, "rule: gemeld" or "rule: misbruik vastgesteld", count or None, reason)."""
    regels = regelset()
    per_maand: dict[tuple[int, int], Counter[str]] = {}
    for tijd, regel, status in opslag.per_maand(sessie, peil):
        telling = per_maand.setdefault((tijd.year, tijd.month), Counter())
        titel = regels.titel(regel)
        telling[f"{titel}: gemeld"] += 1
        telling[f"{titel}: misbruik vastgesteld"] += int(status == Meldingstatus.MISBRUIK)
    return [
        # Year-month, as the monitor writes periods ("2024", "2024-H1"): they sort as text.
        (f"{jaar}-{maand:02d}", wat, cel.waarde, cel.reden)
        for (jaar, maand), telling in sorted(per_maand.items())
        for wat, cel in sorted(onderdruk(telling).items())
    ]
