# SPDX-License-Identifier: EUPL-1.2
"""Live figures on sharing bottlenecks: refusals per rule and per partnership, open bottlenecks
per theme, and how long resolving takes. They count requests and register entries, not
persons, so small numbers are shown (the small-count rule is for figures about people)."""

from __future__ import annotations

import datetime as dt
import statistics
from collections import Counter
from dataclasses import dataclass

from integraal.delen import standaard_beslisser
from integraal.domein.knelpunt import Knelpuntstatus, Knelpuntthema
from integraal.opslag import knelpunten as opslag
from integraal.opslag.db import Sessie

GEEN_REGEL = "Geen regel van toepassing (standaard weigeren)"


@dataclass(frozen=True)
class Telling:
    periode: str
    uitsplitsing: str
    waarde: float


def _regeltitel(regel_id: str | None) -> str:
    if not regel_id:
        return GEEN_REGEL
    titels = {r.id: r.titel for r in standaard_beslisser().catalogus.regels}
    return titels.get(regel_id, GEEN_REGEL)


def _per_jaar(paren: list[tuple[int, str]]) -> list[Telling]:
    telling = Counter(paren)
    return [Telling(str(j), u, float(n)) for (j, u), n in sorted(telling.items())]


def weigeringen_per_regel(sessie: Sessie, peil: dt.datetime) -> list[Telling]:
    return _per_jaar(
        [
            (w.tijd.year, _regeltitel(w.regel_id))
            for w in opslag.weigeringen(sessie)
            if w.tijd <= peil
        ]
    )


def weigeringen_per_verband(sessie: Sessie, peil: dt.datetime) -> list[Telling]:
    register = standaard_beslisser().register
    return _per_jaar(
        [
            (w.tijd.year, register.naam(w.verband_id))
            for w in opslag.weigeringen(sessie)
            if w.tijd <= peil
        ]
    )


def open_per_thema(sessie: Sessie, peil: dt.datetime) -> list[Telling]:
    """Bottlenecks made by the date and not closed by then, per theme (a stock at the date)."""
    telling: Counter[str] = Counter()
    for k in opslag.alle(sessie):
        if k.aangemaakt_op > peil:
            continue
        gesloten = k.status in (Knelpuntstatus.OPGELOST.value, Knelpuntstatus.NIET_OPGELOST.value)
        if gesloten and k.opgelost_op is not None and k.opgelost_op <= peil.date():
            continue
        telling[Knelpuntthema(k.thema).label if k.thema else "Nog niet ingedeeld"] += 1
    return [Telling(str(peil.year), t, float(n)) for t, n in sorted(telling.items())]


def doorlooptijd(sessie: Sessie, peil: dt.datetime) -> list[Telling]:
    """Median days from entry to resolution, per year resolved."""
    dagen: dict[int, list[int]] = {}
    for k in opslag.alle(sessie):
        if k.status != Knelpuntstatus.OPGELOST.value or k.opgelost_op is None:
            continue
        if k.opgelost_op > peil.date():
            continue
        dagen.setdefault(k.opgelost_op.year, []).append(
            (k.opgelost_op - k.aangemaakt_op.date()).days
        )
    return [Telling(str(j), "", float(statistics.median(d))) for j, d in sorted(dagen.items())]
