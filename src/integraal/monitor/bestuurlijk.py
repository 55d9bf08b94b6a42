# SPDX-License-Identifier: EUPL-1.2
"""Live figures on the administrative instruments: closures decided by the mayor (counts, small
cells hidden). The administrative claims' amounts are in `monitor.uitsplitsing`, where they
break down per partnership and theme."""

from __future__ import annotations

import datetime as dt
from collections import Counter

from integraal.domein.bestuurlijk import Sluitingsgrond
from integraal.domein.monitor import onderdruk
from integraal.opslag import kadaster as opslag
from integraal.opslag.db import Sessie


def sluitingen(
    sessie: Sessie, peil: dt.datetime
) -> list[tuple[str, str, float | None, str | None]]:
    """(year, ground, count or None, reason) per year and ground."""
    per_jaar: dict[str, Counter[str]] = {}
    for t in opslag.sluitingen_per_buurt(sessie, peil.date()):
        per_jaar.setdefault(str(t.jaar), Counter())[Sluitingsgrond(t.grond).label] += t.aantal
    uit: list[tuple[str, str, float | None, str | None]] = []
    for jaar, telling in sorted(per_jaar.items()):
        for grond, cel in sorted(onderdruk(telling).items()):
            uit.append((jaar, grond, cel.waarde, cel.reden))
    return uit
