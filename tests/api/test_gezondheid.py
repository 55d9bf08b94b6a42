# SPDX-License-Identifier: EUPL-1.2
"""Liveness and readiness (issue 24): what an orchestrator asks each app process, without
signing in. Ready means the database answers and its schema is this code's."""

from __future__ import annotations

from fastapi.testclient import TestClient

from integraal.opslag.modellen import LogboekRegel
from integraal.opslag.schema import migreer, terug
from tests.conftest import Wereld


def test_een_proces_leeft_en_is_gereed(client: TestClient) -> None:
    assert client.get("/api/v1/gezondheid/levend").json() == {"status": "levend"}
    r = client.get("/api/v1/gezondheid/gereed")
    assert r.status_code == 200 and r.json() == {"status": "gereed"}


def test_een_database_op_een_oudere_versie_is_niet_gereed(
    wereld: Wereld, client: TestClient
) -> None:
    """An upgrade whose migrations have not run yet: the process lives, but is not ready."""
    engine = wereld.omgeving.database
    terug(engine, "0022")
    r = client.get("/api/v1/gezondheid/gereed")
    assert r.status_code == 503
    assert r.headers["content-type"].startswith("application/problem+json")
    assert "nog niet gereed" in r.json()["detail"] and "0022" in r.json()["detail"]
    assert client.get("/api/v1/gezondheid/levend").status_code == 200
    migreer(engine)
    assert client.get("/api/v1/gezondheid/gereed").status_code == 200


def test_gereedheid_leest_en_schrijft_niets_over_personen(
    wereld: Wereld, client: TestClient
) -> None:
    with wereld.omgeving.fabriek() as s:
        voor = s.query(LogboekRegel).count()
    for _ in range(3):
        client.get("/api/v1/gezondheid/gereed")
    with wereld.omgeving.fabriek() as s:
        assert s.query(LogboekRegel).count() == voor
