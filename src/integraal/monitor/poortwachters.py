# SPDX-License-Identifier: EUPL-1.2
"""Live figures on gatekeepers and mainports: unusual-transaction reports per sector and what
became of them, and signals and cases about a mainport. Counts only, small cells hidden: a
sector with few reports must not let one institution learn the outcome of its own (no tipping
off, Wwft art. 23)."""

from __future__ import annotations

import datetime as dt
from collections import Counter

from integraal.delen import standaard_beslisser
from integraal.domein.monitor import onderdruk
from integraal.domein.poortwachters import Mainport
from integraal.opslag import poortwachtercijfers as opslag
from integraal.opslag.db import Sessie

Punt = tuple[str, str, float | None, str | None]


def meldingen(sessie: Sessie, peil: dt.datetime) -> list[Punt]:
    """(year, "sector, gemeld" or "sector, verdacht verklaard", count or None, reason).

    Reports are counted by the year they came in. Declared suspicious is counted only for
    years that ended before the reference date, as of the end of that year, the way
    FIU-Nederland publishes yearly figures: a live count, or one at a reference date of the
    asker's choosing, would let an institution difference out its own report's outcome."""
    soorten = standaard_beslisser().register.soorten
    per_jaar: dict[str, Counter[str]] = {}
    for jaar, sector, verdacht_op in opslag.per_sector(sessie, peil):
        naam = soorten[sector].label if sector in soorten else sector
        telling = per_jaar.setdefault(str(jaar), Counter())
        telling[f"{naam}, gemeld"] += 1
        if jaar < peil.year:
            telling[f"{naam}, verdacht verklaard"] += (
                1 if verdacht_op is not None and verdacht_op <= dt.date(jaar, 12, 31) else 0
            )
    return [
        (jaar, wat, cel.waarde, cel.reden)
        for jaar, telling in sorted(per_jaar.items())
        for wat, cel in sorted(onderdruk(telling).items())
    ]


def mainports(sessie: Sessie, peil: dt.datetime) -> list[Punt]:
    """(year, "mainport: signalen" or ": casussen", count or None, reason)."""
    per_jaar: dict[str, Counter[str]] = {}
    for jaar, mainport, wat, n in opslag.per_mainport(sessie, peil):
        per_jaar.setdefault(str(jaar), Counter())[f"{Mainport(mainport).label}: {wat}"] += n
    return [
        (jaar, wat, cel.waarde, cel.reden)
        for jaar, telling in sorted(per_jaar.items())
        for wat, cel in sorted(onderdruk(telling).items())
    ]
