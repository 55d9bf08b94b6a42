# SPDX-License-Identifier: EUPL-1.2
"""NLGov REST API Design Rules that can be checked mechanically, plus the committed OpenAPI."""

from __future__ import annotations

import base64
import hashlib
import json
import re
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from integraal import API_VERSION
from integraal.api.app import maak_api
from tests.conftest import PRODUCTIE, Wereld
from tests.hulp import token

# Headers, the published description, routing: the same whatever the database, so these run
# once, on the production one (the error and input tests below run on both).
_EENMAAL = pytest.mark.parametrize("database_url", [PRODUCTIE], indirect=True)

OPENAPI_BESTAND = Path(__file__).parents[2] / "docs" / "openapi.json"


@_EENMAAL
def test_openapi_gepubliceerd_zonder_inloggen_met_cors(client: TestClient) -> None:
    r = client.get("/api/v1/openapi.json")
    assert r.status_code == 200
    assert r.headers["access-control-allow-origin"] == "*"
    spec = r.json()
    assert spec["openapi"].startswith("3.")
    assert spec["info"]["contact"]["email"]
    assert spec["servers"] == [{"url": "/api/v1"}]


def test_gecommitteerde_openapi_is_actueel() -> None:
    actueel = json.dumps(maak_api(None).openapi(), indent=2, ensure_ascii=False, sort_keys=True)
    assert OPENAPI_BESTAND.read_text().strip() == actueel.strip(), "draai `make openapi`"


def test_paden_kebab_case_zonder_slash_op_het_eind_en_meervoud() -> None:
    for pad in maak_api(None).openapi()["paths"]:
        assert not pad.endswith("/")
        for deel in pad.strip("/").split("/"):
            if deel.startswith("{"):
                continue
            assert re.fullmatch(r"_?[a-z0-9]+(-[a-z0-9]+)*", deel), pad


def test_eigenschappen_camel_case() -> None:
    spec = maak_api(None).openapi()
    for naam, schema in spec["components"]["schemas"].items():
        for prop in schema.get("properties", {}):
            if naam == "Catalogus" or schema.get("additionalProperties"):
                continue
            assert re.fullmatch(r"[a-z][a-zA-Z0-9]*", prop), f"{naam}.{prop}"


@_EENMAAL
def test_api_version_op_elk_antwoord(client: TestClient, wereld: Wereld) -> None:
    koppen = token(client, wereld.analist)
    for methode, pad in [
        ("GET", "/api/v1/partners"),
        ("GET", "/api/v1/bestaat-niet"),
        ("POST", "/api/v1/deelwijzer"),
        ("GET", "/api/v1/openapi.json"),
    ]:
        r = client.request(methode, pad, headers=koppen, json={})
        assert r.headers["api-version"] == API_VERSION, pad


def test_fouten_zijn_problem_json_in_het_nederlands(client: TestClient, wereld: Wereld) -> None:
    r = client.get("/api/v1/partners")
    assert r.status_code == 401 and r.headers["content-type"] == "application/problem+json"
    assert r.json()["title"] == "Niet ingelogd" and r.json()["status"] == 401
    r = client.get("/api/v1/partners/bestaat-niet", headers=token(client, wereld.analist))
    assert r.status_code == 404 and r.json()["title"] == "Niet gevonden"


def test_ongeldige_invoer_is_400_met_alle_fouten(client: TestClient, wereld: Wereld) -> None:
    r = client.post(
        "/api/v1/entiteiten/_zoek",
        headers=token(client, wereld.analist),
        json={"limiet": 0, "onbekend": 1},
    )
    assert r.status_code == 400 and r.headers["content-type"] == "application/problem+json"
    namen = {p["name"] for p in r.json()["invalidParams"]}
    assert namen == {"doel", "limiet", "onbekend"}


@_EENMAAL
def test_geen_slash_op_het_eind(client: TestClient, wereld: Wereld) -> None:
    r = client.get(
        "/api/v1/partners/", headers=token(client, wereld.analist), follow_redirects=False
    )
    assert r.status_code == 404


@_EENMAAL
def test_beveiligingskoppen(client: TestClient) -> None:
    r = client.get("/inloggen")
    assert r.headers["x-frame-options"] == "DENY"
    assert "frame-ancestors 'none'" in r.headers["content-security-policy"]
    assert "default-src 'none'" in r.headers["content-security-policy"]
    # The progress pages poll their own origin; a policy without this leaves them hanging
    # (the browser tests bypass the policy for axe-core, so this test guards it).
    assert "connect-src 'self'" in r.headers["content-security-policy"]
    assert r.headers["cache-control"] == "no-store"
    # The page's own static files are kept by the browser, at a fingerprinted address.
    link = re.search(r'href="(/static/integraal\.css\?v=[0-9a-f]{12})"', r.text)
    assert link is not None
    css = client.get(link.group(1))
    assert css.headers["cache-control"] == "public, max-age=31536000, immutable"
    assert client.get("/static/bestaat-niet.css").headers["cache-control"] == "no-store"
    r = client.get("/api/v1/openapi.json")
    assert r.headers["x-content-type-options"] == "nosniff"
    assert r.headers["cache-control"] == "no-store"


def test_interne_fout_lekt_geen_details(
    client: TestClient, wereld: Wereld, monkeypatch: object
) -> None:
    from integraal.casus import casussen

    def kapot(*a: object, **k: object) -> None:
        raise RuntimeError("SELECT geheim FROM tabel")

    monkeypatch.setattr(casussen.beheer, "casussen_van_gebruiker", kapot)  # type: ignore[attr-defined]
    c = TestClient(client.app, raise_server_exceptions=False)
    r = c.get("/api/v1/casussen", headers=token(c, wereld.analist))
    assert r.status_code == 500 and "SELECT" not in r.text and r.json()["title"] == "Interne fout"


@_EENMAAL
def test_api_documentatie_alleen_uit_eigen_bestanden(client: TestClient) -> None:
    for pad in ("/api/v1/docs", "/api/v1/redoc"):
        r = client.get(pad)
        assert r.status_code == 200 and r.headers["content-type"].startswith("text/html"), pad
        assert not re.search(r"https?://", r.text), pad
        bronnen = re.findall(r"<(?:script|link)\b[^>]*\b(?:src|href)=\"([^\"]*)\"", r.text)
        eigen = [b for b in bronnen if b != "data:,"]
        assert eigen and all(b.startswith("/api/v1/static/vendor/") for b in eigen), bronnen
        csp = r.headers["content-security-policy"]
        assert "default-src 'none'" in csp and "frame-ancestors 'none'" in csp
        assert "http" not in csp and "*" not in csp
        assert r.headers["x-frame-options"] == "DENY"
        # Swagger UI's inline start script is allowed by exactly its hash, nothing broader.
        for script in re.findall(r"<script>(.*?)</script>", r.text, re.DOTALL):
            digest = base64.b64encode(hashlib.sha256(script.encode()).digest()).decode()
            assert f"'sha256-{digest}'" in csp
        assert "'unsafe-eval'" not in csp
        for bron in eigen:
            b = client.get(bron)
            assert b.status_code == 200 and b.content, bron
            soort = "text/css" if bron.endswith(".css") else "text/javascript"
            assert b.headers["content-type"].startswith(soort), bron


@_EENMAAL
def test_onbekend_adres_en_methode_in_het_nederlands(client: TestClient) -> None:
    r = client.get("/api/v1/bestaat-niet")
    assert r.status_code == 404 and r.headers["content-type"] == "application/problem+json"
    assert r.json()["detail"].startswith("De gevraagde bron bestaat niet")
    r = client.delete("/api/v1/partners")
    assert r.status_code == 405 and r.json()["title"] == "Methode niet toegestaan"
    assert "Method Not Allowed" not in r.text and "niet toegestaan" in r.json()["detail"]
