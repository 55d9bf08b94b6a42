# SPDX-License-Identifier: EUPL-1.2
"""Machine facts and timing helpers shared by the benchmarks."""

from __future__ import annotations

import os
import platform
import statistics
import tempfile
import time
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager

import sqlalchemy as sa


def machine() -> str:
    cpu = "onbekend"
    try:
        with open("/proc/cpuinfo") as f:
            for regel in f:
                if regel.startswith("model name"):
                    cpu = regel.split(":", 1)[1].strip()
                    break
    except OSError:
        pass
    geheugen = "?"
    try:
        with open("/proc/meminfo") as f:
            kb = int(f.readline().split()[1])
            geheugen = f"{kb / 1024 / 1024:.0f} GiB"
    except (OSError, ValueError):
        pass
    return (
        f"{os.cpu_count()} cores ({cpu}), {geheugen} RAM, {platform.system()} "
        f"{platform.release()}, Python {platform.python_version()}"
    )


def mediaan_tijd(fn: Callable[[], object], runs: int = 5) -> float:
    tijden = []
    for _ in range(runs):
        t0 = time.perf_counter()
        fn()
        tijden.append(time.perf_counter() - t0)
    return statistics.median(tijden)


def in_ms(tijden: list[float]) -> dict[str, int | None]:
    """Number, median, 95th percentile and maximum of response times, in ms."""
    return {
        "aantal": len(tijden),
        "p50": round(statistics.median(tijden) * 1000),
        "p95": round(statistics.quantiles(tijden, n=20, method="inclusive")[18] * 1000)
        if len(tijden) > 1
        else None,
        "max": round(max(tijden) * 1000),
    }


@contextmanager
def tijdelijke_database(soort: str) -> Iterator[str]:
    """A database URL that exists for the block only: a SQLite file in a temporary folder, or
    a new database on the PostgreSQL of `scripts/met-postgres`, dropped afterwards."""
    if soort == "sqlite":
        with tempfile.TemporaryDirectory() as d:
            yield f"sqlite:///{d}/bench.db"
        return
    basis = sa.make_url(os.environ["INTEGRAAL_TEST_POSTGRES_URL"])
    naam = f"bench_{uuid.uuid4().hex[:8]}"
    beheer = sa.create_engine(basis, isolation_level="AUTOCOMMIT")
    with beheer.connect() as c:
        # A measured commit must be a durable one: the tests' throw-away cluster is not.
        instellingen = {
            k: c.exec_driver_sql(f"SHOW {k}").scalar()
            for k in ("fsync", "synchronous_commit", "full_page_writes")
        }
        if set(instellingen.values()) != {"on"}:
            raise SystemExit(
                f"PostgreSQL draait niet duurzaam ({instellingen}): meet via `make bench`, "
                "`make last` of `make schaal`, of zet INTEGRAAL_PG_ALS_PRODUCTIE=1 voor "
                "scripts/met-postgres"
            )
        c.exec_driver_sql(f'CREATE DATABASE "{naam}"')
    try:
        yield basis.set(database=naam).render_as_string(hide_password=False)
    finally:
        with beheer.connect() as c:
            c.exec_driver_sql(f'DROP DATABASE IF EXISTS "{naam}" WITH (FORCE)')
        beheer.dispose()
