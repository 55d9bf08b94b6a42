# SPDX-License-Identifier: EUPL-1.2
"""Metrics for operators: only with a configured token, counts only (no ids in the labels),
request latency per route template, log lines appended, decisions, and the work waiting."""

from __future__ import annotations

import json
import logging
import re
from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient

from integraal.app import maak_app
from integraal.meting import logs
from integraal.omgeving import maak_omgeving
from tests.conftest import Wereld
from tests.hulp import token

TOKEN = "scrape-token"


@pytest.fixture
def met_token(met_levering: Wereld) -> Iterator[TestClient]:
    inst = met_levering.omgeving.instellingen.model_copy(update={"metrics_token": TOKEN})
    o = maak_omgeving(inst, initialiseer=False)
    with TestClient(maak_app(o)) as c:
        yield c
    o.database.dispose()


def _waarde(tekst: str, naam: str, **labels: str) -> float:
    for regel in tekst.splitlines():
        if not regel.startswith(naam + "{") and not regel.startswith(naam + " "):
            continue
        if all(f'{k}="{v}"' in regel for k, v in labels.items()):
            return float(regel.rsplit(" ", 1)[1])
    return 0.0


def test_zonder_token_bestaat_metrics_niet(client: TestClient) -> None:
    assert client.get("/metrics").status_code == 404
    assert client.get("/metrics", headers={"Authorization": "Bearer iets"}).status_code == 404


def test_metrics_alleen_met_het_token(met_token: TestClient) -> None:
    assert met_token.get("/metrics").status_code == 404
    assert met_token.get("/metrics", headers={"Authorization": "Bearer fout"}).status_code == 404
    r = met_token.get("/metrics", headers={"Authorization": f"Bearer {TOKEN}"})
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/plain")


def test_metrics_tellen_verzoeken_logregels_en_besluiten(
    met_token: TestClient, met_levering: Wereld
) -> None:
    scrape = {"Authorization": f"Bearer {TOKEN}"}
    voor = met_token.get("/metrics", headers=scrape).text
    koppen = token(met_token, met_levering.analist)
    levering = met_token.get("/api/v1/leveringen", headers=koppen).json()[0]["id"]
    met_token.get(f"/api/v1/leveringen/{levering}", headers=koppen)
    # A read of a person's data: a decision and a log line.
    gevonden = met_token.post(
        "/api/v1/entiteiten/_zoek",
        json={"doel": "integrale_aanpak", "casusId": "C-1", "zoekterm": "vries"},
        headers=koppen,
    )
    assert gevonden.status_code == 200, gevonden.text
    na = met_token.get("/metrics", headers=scrape).text

    route = "/api/v1/leveringen/{levering_id}"
    assert _waarde(na, "integraal_verzoek_seconden_count", route=route, status="2xx") == 1 + (
        _waarde(voor, "integraal_verzoek_seconden_count", route=route, status="2xx")
    )
    assert levering not in na, "geen ids in de labels"
    assert _waarde(na, "integraal_logboek_regels_total") > _waarde(
        voor, "integraal_logboek_regels_total"
    )
    assert _waarde(na, "integraal_besluiten_total", uitkomst="toegestaan") > _waarde(
        voor, "integraal_besluiten_total", uitkomst="toegestaan"
    )
    assert re.search(r'integraal_werk_onderweg\{soort="levering"\} 0\.0', na)


def test_logs_als_json(capsys: pytest.CaptureFixture[str]) -> None:
    wortel = logging.getLogger()
    handlers, niveau = list(wortel.handlers), wortel.level
    logs.stel_in("json")
    try:
        logging.getLogger("integraal.achtergrond").warning("opdracht %s weer in de wachtrij", 7)
        regel = json.loads(capsys.readouterr().err.strip().splitlines()[-1])
    finally:
        wortel.handlers[:] = handlers
        wortel.setLevel(niveau)
    assert regel["niveau"] == "WARNING" and regel["bron"] == "integraal.achtergrond"
    assert regel["message"] == "opdracht 7 weer in de wachtrij" and "tijd" in regel
