# SPDX-License-Identifier: EUPL-1.2
"""A pooled PostgreSQL connection that the server dropped while it rested is replaced before
use, without the request noticing; one handed back moments ago is used without a test (a
round trip per transaction saved, issue 23)."""

from __future__ import annotations

import pytest
import sqlalchemy as sa

from integraal.opslag import db
from integraal.opslag.db import transactie
from tests.conftest import Wereld


def _backend(wereld: Wereld) -> int:
    with transactie(wereld.omgeving.fabriek) as s:
        return int(s.execute(sa.text("SELECT pg_backend_pid()")).scalar_one())


def _verbreek(wereld: Wereld, pid: int) -> None:
    """The server ends that connection, as a restart or an idle timeout would."""
    beheer = sa.create_engine(wereld.omgeving.database.url, poolclass=sa.pool.NullPool)
    with beheer.connect() as c:
        assert c.execute(sa.text("SELECT pg_terminate_backend(:p)"), {"p": pid}).scalar()
    beheer.dispose()


@pytest.fixture
def pg(wereld: Wereld) -> Wereld:
    if wereld.omgeving.database.dialect.name != "postgresql":
        pytest.skip("alleen PostgreSQL houdt verbindingen in een pool die de server kan sluiten")
    # One connection in the pool, so the next transaction gets the one the server closed.
    wereld.omgeving.database.dispose()
    return wereld


def test_een_verbroken_verbinding_na_rust_wordt_vervangen(
    pg: Wereld, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(db, "RUST_VOOR_PING", 0.0)
    pid = _backend(pg)
    _verbreek(pg, pid)
    assert _backend(pg) != pid


def test_een_verbinding_van_zojuist_wordt_niet_getest(
    pg: Wereld, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The other side of the trade: within the rest period a closed connection is used as it
    is, and that one transaction fails (the pool then starts afresh)."""
    monkeypatch.setattr(db, "RUST_VOOR_PING", 3600.0)
    pid = _backend(pg)
    _verbreek(pg, pid)
    with pytest.raises(sa.exc.OperationalError):
        _backend(pg)
    assert _backend(pg) != pid
