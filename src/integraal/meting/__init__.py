# SPDX-License-Identifier: EUPL-1.2
"""Metrics for operators (Prometheus, through prometheus_client): request latency, lines
appended to the processing log, decisions of the rule engine. Counts only, never who or what.

Several app processes behind one port (`integraal serve --workers N`) count in one shared
folder (prometheus_client's multiprocess mode, `PROMETHEUS_MULTIPROC_DIR`), so a scrape that
lands on any of them sees the sum. The queue's depth and the work waiting are read from the
database when scraped (`integraal.app`), not counted here."""

from __future__ import annotations

import os
from collections.abc import Iterable

from prometheus_client import (
    CONTENT_TYPE_LATEST,
    CollectorRegistry,
    Counter,
    Histogram,
    disable_created_metrics,
    generate_latest,
)
from prometheus_client.multiprocess import MultiProcessCollector
from prometheus_client.registry import Collector

disable_created_metrics()  # type: ignore[no-untyped-call]  # "_created" series only add noise

MAP_VARIABELE = "PROMETHEUS_MULTIPROC_DIR"
INHOUDSTYPE = CONTENT_TYPE_LATEST
# Our own register, not prometheus_client's global one (which also holds its process and
# platform collectors, per process and so meaningless behind a load balancer).
_REGISTER = CollectorRegistry()

_VERZOEKEN = Histogram(
    "integraal_verzoek_seconden",
    "Duur van een verzoek aan de webapplicatie of de API, per route en statusklasse",
    ["methode", "route", "status"],
    buckets=(0.005, 0.01, 0.025, 0.05, 0.1, 0.2, 0.3, 0.5, 1, 2, 5, 10),
    registry=_REGISTER,
)
_LOGREGELS = Counter(
    "integraal_logboek_regels",
    "Regels die aan het verwerkingslogboek zijn toegevoegd en vastgelegd",
    registry=_REGISTER,
)
_BESLUITEN = Counter(
    "integraal_besluiten",
    "Besluiten van de deelregels over het verstrekken of lezen van gegevens",
    ["uitkomst"],
    registry=_REGISTER,
)
# Bound once: a label lookup per decision would cost more than the count itself.
_TOEGESTAAN = _BESLUITEN.labels(uitkomst="toegestaan")
_GEWEIGERD = _BESLUITEN.labels(uitkomst="geweigerd")


def verzoek(methode: str, route: str, status: int, seconden: float) -> None:
    _VERZOEKEN.labels(methode=methode, route=route, status=f"{status // 100}xx").observe(seconden)


def logregels(aantal: int) -> None:
    if aantal:
        _LOGREGELS.inc(aantal)


def besluit(toegestaan: bool) -> None:
    (_TOEGESTAAN if toegestaan else _GEWEIGERD).inc()


def tekst(extra: Iterable[Collector] = ()) -> bytes:
    """The exposition text: this process's counts, or every app process's when they share
    a folder, then `extra` (read from the database when scraped)."""
    if os.environ.get(MAP_VARIABELE):
        eigen = CollectorRegistry()
        MultiProcessCollector(eigen)  # type: ignore[no-untyped-call]
    else:
        eigen = _REGISTER
    erbij = CollectorRegistry()
    for c in extra:
        erbij.register(c)
    return generate_latest(eigen) + generate_latest(erbij)
