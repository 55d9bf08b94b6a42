# SPDX-License-Identifier: EUPL-1.2
"""Durable log appends per second and `verify` time for 1M entries, on SQLite and PostgreSQL.

"Durable" means each append is its own committed transaction: SQLite in WAL with
synchronous=FULL, PostgreSQL with its default fsync. The 1M log is written through the same
`logboek.schrijf` in batches (one transaction per 10 000 lines), then verified end to end.
"""

from __future__ import annotations

import os
import tempfile
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

import sqlalchemy as sa

from bench.omgeving import mediaan_tijd
from integraal import logboek
from integraal.opslag.db import maak_engine, maak_sessiefabriek, transactie
from integraal.opslag.schema import migreer


@dataclass(frozen=True)
class Resultaat:
    backend: str
    appends_per_s: float
    batch_appends_per_s: float
    regels: int
    verify_s: float


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


@contextmanager
def _database(backend: str) -> Iterator[str]:
    if backend == "sqlite":
        with tempfile.TemporaryDirectory() as d:
            yield f"sqlite:///{d}/bench.db"
        return
    basis = sa.make_url(os.environ["INTEGRAAL_TEST_POSTGRES_URL"])
    naam = f"bench_{uuid.uuid4().hex[:8]}"
    beheer = sa.create_engine(basis, isolation_level="AUTOCOMMIT")
    with beheer.connect() as c:
        c.exec_driver_sql(f'CREATE DATABASE "{naam}"')
    try:
        yield basis.set(database=naam).render_as_string(hide_password=False)
    finally:
        with beheer.connect() as c:
            c.exec_driver_sql(f'DROP DATABASE IF EXISTS "{naam}" WITH (FORCE)')
        beheer.dispose()


def meet(backend: str, regels: int = 1_000_000, enkel: int = 1000, runs: int = 3) -> Resultaat:
    with _database(backend) as url:
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

        def verifieer() -> None:
            with transactie(fabriek) as s:
                v = logboek.verifieer(s)
            assert v.in_orde and v.aantal == regels, v.tekst()

        verify_s = mediaan_tijd(verifieer, runs)
        engine.dispose()
    return Resultaat(backend, appends, batch, regels, verify_s)


if __name__ == "__main__":
    print(meet("sqlite", regels=20_000, enkel=200, runs=1))
