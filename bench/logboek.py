# SPDX-License-Identifier: EUPL-1.2
"""Durable log appends per second and `verify` time for 1M entries, on SQLite and PostgreSQL.

"Durable" means each append is its own committed transaction: SQLite in WAL with
synchronous=FULL, PostgreSQL with its default fsync. The 1M log is written through the same
`logboek.schrijf` in batches (one transaction per 10 000 lines), then verified end to end:
as the CLI does (in parts over one worker process per core) and in one process.
"""

from __future__ import annotations

import time
import uuid
from dataclasses import dataclass

from bench.omgeving import mediaan_tijd, tijdelijke_database
from integraal import logboek
from integraal.opslag.db import maak_engine, maak_sessiefabriek, transactie
from integraal.opslag.schema import migreer


@dataclass(frozen=True)
class Resultaat:
    backend: str
    appends_per_s: float
    batch_appends_per_s: float
    regels: int
    verify_s: float  # as `integraal logboek verify` runs it: in parts over worker processes
    verify_een_proces_s: float


def _verwerking(i: int) -> logboek.Verwerking:
    return logboek.Verwerking(
        naam="entiteit lezen",
        activiteit="entiteit-lezen",
        trace_id=logboek.nieuwe_trace_id(),
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


def meet(backend: str, regels: int = 1_000_000, enkel: int = 1000, runs: int = 3) -> Resultaat:
    with tijdelijke_database(backend) as url:
        engine = maak_engine(url)
        migreer(engine)
        fabriek = maak_sessiefabriek(engine)
        teller = iter(range(10**9))

        def enkele_appends() -> None:
            for _ in range(enkel):
                with transactie(fabriek) as s:
                    logboek.schrijf(s, [_verwerking(next(teller))])

        appends = enkel / mediaan_tijd(enkele_appends, runs)
        al = enkel * runs
        blok = 10_000
        t0 = time.perf_counter()
        while al < regels:
            n = min(blok, regels - al)
            with transactie(fabriek) as s:
                logboek.schrijf(s, [_verwerking(next(teller)) for _ in range(n)])
            al += n
        batch = (regels - enkel * runs) / (time.perf_counter() - t0)

        def verifieer(processen: int | None) -> None:
            with transactie(fabriek, lezen=True) as s:
                v = logboek.verifieer(s, processen=processen)
            assert v.in_orde and v.aantal == regels, v.tekst()

        verify_s = mediaan_tijd(lambda: verifieer(None), runs)
        verify_een_s = mediaan_tijd(lambda: verifieer(1), runs)
        engine.dispose()
    return Resultaat(backend, appends, batch, regels, verify_s, verify_een_s)


if __name__ == "__main__":
    print(meet("sqlite", regels=20_000, enkel=200, runs=1))
