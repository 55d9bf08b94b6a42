# SPDX-License-Identifier: EUPL-1.2
"""The API answers as its OpenAPI document says, for every operation (property-based,
schemathesis): generated requests with a valid token get no 5xx, only documented statuses and
content types, and bodies that match their schemas. Runs once, on the production database,
against one demo world shared by all operations (a world per operation would cost minutes)."""

from __future__ import annotations

import itertools
import shutil
import tempfile
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import schemathesis
import sqlalchemy as sa
from fastapi.testclient import TestClient
from hypothesis import HealthCheck, given, settings
from schemathesis import GenerationMode
from schemathesis.specs.openapi.checks import positive_data_acceptance

from integraal.app import maak_app
from integraal.demo.wereld import WACHTWOORD
from integraal.instellingen import Instellingen
from integraal.omgeving import maak_omgeving
from tests.conftest import PRODUCTIE, _pg_url
from tests.demosjabloon import Demosjabloon

# Not checked: that every schema-valid request is accepted. Much is refused for reasons a
# schema cannot hold (a partner id not in the register, a case the reader is no member of,
# text with a control character), and those refusals are 400s the document lists.
# Examples per operation: every operation is called, with its valid and edge values; more
# examples find little more on 200 operations and cost minutes.
VOORBEELDEN = 4


@pytest.fixture(scope="module")
def api(demosjabloon: Demosjabloon) -> Iterator[dict[str, Any]]:
    map_ = Path(tempfile.mkdtemp(prefix="beschrijving-"))
    if PRODUCTIE == "postgresql":
        url = sa.make_url(_pg_url()).set(database=f"integraal_st_{uuid.uuid4().hex[:8]}")
        database = url.render_as_string(hide_password=False)
    else:
        database = f"sqlite:///{map_ / 'api.db'}"
    inst = Instellingen(
        data_dir=map_ / "data", database_url=database, pseudoniem_sleutel="t", achtergrond="proces"
    )
    omgeving = demosjabloon.vul(maak_omgeving(inst, initialiseer=False))
    app = maak_app(omgeving)
    with TestClient(app) as c:
        r = c.post(
            "/api/v1/tokens", json={"gebruikersnaam": "analist.riec", "wachtwoord": WACHTWOORD}
        )
        assert r.status_code == 201, r.text
        kop = {"Authorization": f"Bearer {r.json()['token']}"}
    yield {"app": app, "kop": kop}
    omgeving.database.dispose()
    if PRODUCTIE == "postgresql":
        beheer = sa.create_engine(_pg_url(), isolation_level="AUTOCOMMIT")
        with beheer.connect() as c:
            c.exec_driver_sql(f'DROP DATABASE IF EXISTS "{sa.make_url(database).database}"')
        beheer.dispose()
    shutil.rmtree(map_, ignore_errors=True)


def test_elke_operatie_antwoordt_zoals_beschreven(api: dict[str, Any]) -> None:
    """Every operation of the document, each with its own generated requests. Failures are
    collected over all operations, so one run names every operation that is off."""
    schema = schemathesis.openapi.from_asgi("/api/v1/openapi.json", api["app"])
    operaties = [resultaat.ok() for resultaat in schema.get_all_operations()]
    assert len(operaties) >= 200
    fouten: dict[str, str] = {}
    paden = schema.raw_schema["paths"]
    for operatie, modus in itertools.product(operaties, GenerationMode):
        definitie = paden[operatie.path][operatie.method.lower()]
        if modus is GenerationMode.NEGATIVE and not (
            definitie.get("parameters") or definitie.get("requestBody")
        ):
            continue  # no input to make invalid (the health checks)

        @given(case=operatie.as_strategy(modus))
        @settings(
            max_examples=VOORBEELDEN,
            deadline=None,
            derandomize=True,
            database=None,
            suppress_health_check=list(HealthCheck),
        )
        def proef(case: Any) -> None:
            case.call_and_validate(
                headers=api["kop"], excluded_checks=[positive_data_acceptance], timeout=120
            )

        try:
            proef()
        except (Exception, BaseExceptionGroup) as exc:  # each failing operation is reported
            fouten[f"{operatie.label} ({modus.value})"] = str(exc)[:600]
    assert not fouten, "\n\n".join(f"{k}:\n{v}" for k, v in sorted(fouten.items()))
