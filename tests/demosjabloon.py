# SPDX-License-Identifier: EUPL-1.2
"""The demo world loaded once per test process and database kind, then copied.

Loading the demo takes seconds (it runs every service the users would); some twenty tests
start from it. A loaded SQLite file is copied, a PostgreSQL database is re-created from a
template — the same trick the suite already uses for the empty migrated database. The demo is
dated relative to today and seeded, so a copy is the world a fresh load would give in this run.
test_demo.py still loads it for real (twice, to prove it is idempotent)."""

from __future__ import annotations

import shutil
import tempfile
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
import sqlalchemy as sa

from integraal.instellingen import Instellingen
from integraal.omgeving import Omgeving, maak_omgeving


class Demosjabloon:
    def __init__(self) -> None:
        self._sqlite: Path | None = None
        self._pg: dict[str, str] = {}  # server URL -> template database name
        self._map = Path(tempfile.mkdtemp(prefix="demosjabloon-"))

    def _laad(self, url: str) -> None:
        from integraal.demo.wereld import laad_demo

        o = maak_omgeving(
            Instellingen(
                data_dir=self._map / "data",
                database_url=url,
                pseudoniem_sleutel="test-sleutel",
                achtergrond="proces",
            )
        )
        laad_demo(o)
        o.database.dispose()

    def vul(self, omgeving: Omgeving) -> Omgeving:
        """Make `omgeving`'s database the demo world (its engine reconnects afterwards)."""
        url = sa.make_url(omgeving.instellingen.database)
        omgeving.database.dispose()
        if url.get_backend_name() == "sqlite":
            if self._sqlite is None:
                self._sqlite = self._map / "demo.db"
                self._laad(f"sqlite:///{self._sqlite}")
            assert url.database
            shutil.copyfile(self._sqlite, url.database)
        else:
            server = url.set(database="postgres").render_as_string(hide_password=False)
            beheer = sa.create_engine(server, isolation_level="AUTOCOMMIT")
            if server not in self._pg:
                naam = f"integraal_demo_{uuid.uuid4().hex[:8]}"
                with beheer.connect() as c:
                    c.exec_driver_sql(f'CREATE DATABASE "{naam}"')
                self._laad(url.set(database=naam).render_as_string(hide_password=False))
                self._pg[server] = naam
            with beheer.connect() as c:
                c.exec_driver_sql(f'DROP DATABASE IF EXISTS "{url.database}" WITH (FORCE)')
                c.exec_driver_sql(f'CREATE DATABASE "{url.database}" TEMPLATE "{self._pg[server]}"')
            beheer.dispose()
        omgeving.database.dispose()
        return omgeving

    def ruim_op(self) -> None:
        for server, naam in self._pg.items():
            beheer = sa.create_engine(server, isolation_level="AUTOCOMMIT")
            with beheer.connect() as c:
                c.exec_driver_sql(f'DROP DATABASE IF EXISTS "{naam}" WITH (FORCE)')
            beheer.dispose()
        shutil.rmtree(self._map, ignore_errors=True)


@pytest.fixture(scope="session")
def demosjabloon() -> Iterator[Demosjabloon]:
    s = Demosjabloon()
    yield s
    s.ruim_op()
