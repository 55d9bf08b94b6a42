# SPDX-License-Identifier: EUPL-1.2
"""Durable log appends per second and `verify` time for 1M entries, on SQLite and PostgreSQL.

"Durable" means each append is its own committed transaction: SQLite in WAL with
synchronous=FULL, PostgreSQL with its default fsync. Under concurrent requests: reading
actions of many threads through `Omgeving.context`, each appending one line before it returns
(group commit), against the same actions each appending in a transaction of its own. The 1M
log is written through the same `logboek.schrijf` in batches (one transaction per 10 000
lines), then verified end to end: as the CLI does (in parts over one worker process per core)
and in one process.
"""

from __future__ import annotations

import tempfile
import threading
import time
import uuid
from dataclasses import dataclass
from pathlib import Path

from bench.omgeving import mediaan_tijd, tijdelijke_database
from integraal import logboek
from integraal.opslag import logboek as logopslag
from integraal.opslag.db import maak_engine, maak_sessiefabriek, transactie
from integraal.opslag.schema import migreer


@dataclass(frozen=True)
class Resultaat:
    backend: str
    appends_per_s: float
    batch_appends_per_s: float
    gelijktijdig_per_s: float  # reading actions of DRADEN threads, group commit
    gelijktijdig_apart_per_s: float  # the same, each action its own transaction
    regels: int
    verify_s: float  # as `integraal logboek verify` runs it: in parts over worker processes
    verify_een_proces_s: float


DRADEN = 32  # concurrent requests (anyio's request threads are 40)


def _verwerking(i: int, trace_id: str | None = None) -> logboek.Verwerking:
    return logboek.Verwerking(
        naam="entiteit lezen",
        activiteit="entiteit-lezen",
        trace_id=trace_id or logboek.nieuwe_trace_id(),
        besluit_id=str(uuid.UUID(int=i)),
        regel_id="WGS-RIEC-INTERN",
        grondslag="WGS hoofdstuk 2",
        doel="integrale_aanpak",
        verstrekker="riec-rotterdam",
        ontvanger="riec-rotterdam",
        categorieen=("identiteit",),
        casus_id="C-1",
        betrokkene=f"bsn-pseudo:{i:040x}",
        betrokkene_soort="BSN-pseudoniem",
    )


def gelijktijdig(url: str, *, apart: bool, per_draad: int = 100, runs: int = 3) -> float:
    """Log lines a second from DRADEN threads each ending `per_draad` reading actions (one
    line each); `apart`: each action appends in a writing transaction of its own instead."""
    from integraal.instellingen import Instellingen
    from integraal.omgeving import maak_omgeving
    from integraal.verwerking import Kanaal

    with tempfile.TemporaryDirectory() as d:
        omg = maak_omgeving(
            Instellingen(data_dir=Path(d), database_url=url, pseudoniem_sleutel="bench")
        )
        teller = iter(range(10**9))

        def draad() -> None:
            for _ in range(per_draad):
                with omg.context(None, Kanaal.TAAK, lezen=not apart) as ctx:
                    ctx.log([_verwerking(next(teller), ctx.trace_id)])

        def ronde() -> None:
            draden = [threading.Thread(target=draad) for _ in range(DRADEN)]
            for t in draden:
                t.start()
            for t in draden:
                t.join()

        per_s = DRADEN * per_draad / mediaan_tijd(ronde, runs)
        omg.database.dispose()
    return per_s


def meet(backend: str, regels: int = 1_000_000, enkel: int = 1000, runs: int = 3) -> Resultaat:
    with tijdelijke_database(backend) as url:
        samen = gelijktijdig(url, apart=False, runs=runs)
        apart = gelijktijdig(url, apart=True, runs=runs)
        engine = maak_engine(url)
        migreer(engine)
        fabriek = maak_sessiefabriek(engine)
        teller = iter(range(10**9))

        def enkele_appends() -> None:
            for _ in range(enkel):
                with transactie(fabriek) as s:
                    logboek.schrijf(s, [_verwerking(next(teller))])

        appends = enkel / mediaan_tijd(enkele_appends, runs)
        with transactie(fabriek, lezen=True) as s:
            al = logopslag.lees_kop(s).volgnummer
        blok = 10_000
        eerder = al
        t0 = time.perf_counter()
        while al < regels:
            n = min(blok, regels - al)
            with transactie(fabriek) as s:
                logboek.schrijf(s, [_verwerking(next(teller)) for _ in range(n)])
            al += n
        batch = (regels - eerder) / (time.perf_counter() - t0)

        def verifieer(processen: int | None) -> None:
            with transactie(fabriek, lezen=True) as s:
                v = logboek.verifieer(s, processen=processen)
            assert v.in_orde and v.aantal == regels, v.tekst()

        verify_s = mediaan_tijd(lambda: verifieer(None), runs)
        verify_een_s = mediaan_tijd(lambda: verifieer(1), runs)
        engine.dispose()
    return Resultaat(backend, appends, batch, samen, apart, regels, verify_s, verify_een_s)


if __name__ == "__main__":
    import sys

    print(meet(sys.argv[1] if len(sys.argv) > 1 else "sqlite", regels=20_000, enkel=200, runs=1))
