# SPDX-License-Identifier: EUPL-1.2
"""Live figures on the administrative instruments: closures decided by the mayor (counts, small
cells hidden) and administrative claims (amounts, never hidden: the small-count rule is for
counts about people, decision record 0014; an amount over few claims says so)."""

from __future__ import annotations

import datetime as dt
from collections import Counter

from integraal.domein.bestuurlijk import Sluitingsgrond, Vorderingsoort
from integraal.domein.monitor import KLEINSTE_CEL, onderdruk
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


_KORT = {Vorderingsoort.DWANGSOM: "Last onder dwangsom", Vorderingsoort.BOETE: "Bestuurlijke boete"}


def vorderingen(sessie: Sessie, peil: dt.datetime) -> list[tuple[str, str, float, str | None]]:
    """(year, kind and amount, euro, note) per year imposed: what was imposed, forfeited and
    paid."""
    uit = []
    for s in opslag.vorderingsommen(sessie, peil.date()):
        kort = _KORT[Vorderingsoort(s.soort)]
        reden = (
            f"berust op minder dan {KLEINSTE_CEL} vorderingen" if s.aantal < KLEINSTE_CEL else None
        )
        bedragen = [("opgelegd", s.opgelegd_centen), ("betaald", s.betaald_centen)]
        if Vorderingsoort(s.soort) is Vorderingsoort.DWANGSOM:
            bedragen.insert(1, ("verbeurd", s.verschuldigd_centen))
        for wat, centen in bedragen:
            uit.append((str(s.jaar), f"{kort}, {wat}", centen / 100, reden))
    return uit
