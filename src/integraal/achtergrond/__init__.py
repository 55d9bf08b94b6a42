# SPDX-License-Identifier: EUPL-1.2
"""Background work: deliveries, matching runs, the report PDF, retention, the log's checks.

One interface, two places to run (decision record 0023): in the app process that accepted
the work, after its answer (the embedded SQLite default), or as jobs in a queue in
PostgreSQL carried out by `integraal worker` (procrastinate). A job carries only what its
work needs to start or start again; its progress and result live in the database rows the
pages already read, so every app process shows them."""

from integraal.achtergrond.opdracht import Opdracht, Soort
from integraal.achtergrond.plaatsen import NaHetAntwoord, plaats
from integraal.achtergrond.uitvoeren import voer_uit

__all__ = ["NaHetAntwoord", "Opdracht", "Soort", "plaats", "voer_uit"]
