# SPDX-License-Identifier: EUPL-1.2
"""Where a face hands background work over: the queue, or its own process after the answer."""

from __future__ import annotations

from collections.abc import Callable

from integraal.achtergrond.opdracht import Opdracht
from integraal.achtergrond.uitvoeren import voer_uit
from integraal.omgeving import Omgeving

# Runs a function after the answer was sent (FastAPI's BackgroundTasks.add_task), so a
# person sees the delivery's page at once and watches it progress.
NaHetAntwoord = Callable[[Callable[[], None]], None]


def plaats(omgeving: Omgeving, opdracht: Opdracht, na_het_antwoord: NaHetAntwoord) -> None:
    """After the answer, run `opdracht` in this process, or queue it for a worker
    (PostgreSQL). Queued after the answer too: by then the request's transaction that
    registered the work has committed, so a worker never fetches a job for a row it cannot
    see yet. The work's own row (delivery, run, report) already says it waits."""
    if omgeving.instellingen.achtergrond_in_wachtrij:
        from integraal.achtergrond.postgres import wachtrij

        rij = wachtrij(omgeving.instellingen.database)
        na_het_antwoord(lambda: rij.plaats(opdracht))
    else:
        na_het_antwoord(lambda: voer_uit(omgeving, opdracht))
