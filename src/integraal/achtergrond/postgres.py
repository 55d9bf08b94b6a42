# SPDX-License-Identifier: EUPL-1.2
"""The job queue in PostgreSQL (procrastinate), and the worker that empties it.

The app only defers jobs, from its request threads, through a small synchronous pool. A
worker (`integraal worker`) fetches them, woken by LISTEN/NOTIFY, and runs each in a thread
of its own while its event loop sends the worker's heartbeat. Every worker also looks for
jobs whose worker stopped sending heartbeats (killed, its machine gone) and puts them back
in the queue, and defers the installation's scheduled work; procrastinate makes sure one
job per scheduled moment is deferred, however many workers run."""

from __future__ import annotations

import asyncio
import logging
import threading
from typing import Any

import procrastinate
from procrastinate import exceptions as pc_fouten

from integraal.achtergrond.opdracht import Opdracht, Soort
from integraal.achtergrond.uitvoeren import voer_uit
from integraal.omgeving import Omgeving

log = logging.getLogger("integraal.achtergrond")

TAAK = "integraal.opdracht"
# Scheduled work of the installation (cron, in the worker's local time).
BEWAARTERMIJN_CRON = "30 2 * * *"
CONTROLE_CRON = "0 3 * * *"


def verbinding(database_url: str) -> str:
    """SQLAlchemy's URL as psycopg's connection string (the same database and account)."""
    schema, _, rest = database_url.partition("://")
    if not schema.startswith("postgresql"):
        raise ValueError(
            "De wachtrij voor achtergrondwerk vraagt een PostgreSQL-database "
            "(INTEGRAAL_DATABASE_URL); met SQLite werkt het app-proces zelf de opdrachten af."
        )
    return f"postgresql://{rest}"


class Postgreswachtrij:
    """Defers jobs. Opened on first use: an app process that never queues holds no pool."""

    def __init__(self, database_url: str) -> None:
        self._app = procrastinate.App(
            connector=procrastinate.SyncPsycopgConnector(
                conninfo=verbinding(database_url), min_size=1, max_size=4
            )
        )
        self._open = False
        self._slot = threading.Lock()

    def plaats(self, opdracht: Opdracht) -> None:
        with self._slot:
            if not self._open:
                self._app.open()
                self._open = True
        try:
            taak = self._app.configure_task(
                TAAK, queueing_lock=opdracht.sleutel, lock=opdracht.sleutel
            )
            taak.defer(
                soort=opdracht.soort.value, sleutel=opdracht.sleutel, gegevens=opdracht.gegevens
            )
        except pc_fouten.AlreadyEnqueued:
            # The same work already waits in the queue: once is enough.
            log.info("%s wacht al in de wachtrij", opdracht.sleutel)

    def sluit(self) -> None:
        with self._slot:
            if self._open:
                self._app.close()
                self._open = False


_WACHTRIJEN: dict[str, Postgreswachtrij] = {}
_WACHTRIJEN_SLOT = threading.Lock()


def wachtrij(database_url: str) -> Postgreswachtrij:
    """One per database per process: its pool serves every request thread."""
    with _WACHTRIJEN_SLOT:
        if database_url not in _WACHTRIJEN:
            _WACHTRIJEN[database_url] = Postgreswachtrij(database_url)
        return _WACHTRIJEN[database_url]


def sluit_wachtrijen() -> None:
    with _WACHTRIJEN_SLOT:
        for w in _WACHTRIJEN.values():
            w.sluit()
        _WACHTRIJEN.clear()


def _cron_checkpoint(minuten: float) -> str:
    n = max(1, round(minuten))
    return f"*/{n} * * * *" if n < 60 else f"0 */{max(1, min(23, n // 60))} * * *"


def _werkerapp(omgeving: Omgeving) -> procrastinate.App:
    app = procrastinate.App(
        connector=procrastinate.PsycopgConnector(
            conninfo=verbinding(omgeving.instellingen.database)
        )
    )

    # Sync: procrastinate runs it in a thread, so the event loop keeps sending heartbeats
    # however long a delivery takes.
    @app.task(name=TAAK)
    def opdracht(soort: str, sleutel: str, gegevens: dict[str, Any]) -> None:
        voer_uit(omgeving, Opdracht(Soort(soort), sleutel, gegevens))

    gepland = [(Soort.BEWAARTERMIJN, BEWAARTERMIJN_CRON), (Soort.CONTROLE, CONTROLE_CRON)]
    if omgeving.instellingen.checkpoint_minuten:
        gepland.append(
            (Soort.CHECKPOINT, _cron_checkpoint(omgeving.instellingen.checkpoint_minuten))
        )
    for soort, cron in gepland:
        _plan(app, omgeving, soort, cron)
    return app


def _plan(app: procrastinate.App, omgeving: Omgeving, soort: Soort, cron: str) -> None:
    def gepland(timestamp: int) -> None:
        voer_uit(omgeving, Opdracht.gepland(soort))

    taak = app.task(name=f"integraal.gepland.{soort.value}", queueing_lock=soort.value)(gepland)
    app.periodic(cron=cron)(taak)


async def _herstel(app: procrastinate.App, stil_na: float) -> None:
    """Jobs of a worker without heartbeat back into the queue. Two workers may find the same
    job; the second's retry is refused (it is no longer 'doing') and ignored."""
    while True:
        try:
            for job in await app.job_manager.get_stalled_jobs(seconds_since_heartbeat=stil_na):
                try:
                    await app.job_manager.retry_job(job)
                    log.warning("opdracht %s van een gestopte werker weer in de wachtrij", job.id)
                except pc_fouten.ProcrastinateException:
                    pass
        except Exception:
            log.exception("zoeken naar vastgelopen opdrachten mislukt")
        await asyncio.sleep(max(0.5, stil_na / 3))


def werk(omgeving: Omgeving, *, gelijktijdig: int = 2, tot_leeg: bool = False) -> None:
    """Run a worker until it is stopped (SIGTERM/SIGINT: running jobs finish first), or with
    `tot_leeg` until the queue is empty (tests, a one-off run)."""
    inst = omgeving.instellingen
    app = _werkerapp(omgeving)

    async def hoofd() -> None:
        async with app.open_async():
            herstel = asyncio.create_task(_herstel(app, inst.werker_stil_na_seconden))
            try:
                await app.run_worker_async(
                    concurrency=gelijktijdig,
                    wait=not tot_leeg,
                    update_heartbeat_interval=inst.werker_hartslag_seconden,
                    stalled_worker_timeout=inst.werker_stil_na_seconden,
                    delete_jobs="successful",
                    install_signal_handlers=not tot_leeg,
                )
            finally:
                herstel.cancel()

    asyncio.run(hoofd())
