# SPDX-License-Identifier: EUPL-1.2
"""API behaviour: tokens, deliveries, deelwijzer, log endpoints and their role guards."""

from __future__ import annotations

from fastapi.testclient import TestClient

from tests.conftest import VERGUNNINGEN_CSV, Wereld
from tests.hulp import token


def test_token_met_verkeerd_wachtwoord(client: TestClient, wereld: Wereld) -> None:
    r = client.post("/api/v1/tokens", json={"gebruikersnaam": "analist", "wachtwoord": "fout"})
    assert r.status_code == 401
    assert r.json()["detail"] == "De gebruikersnaam of het wachtwoord is niet juist."
    r = client.post("/api/v1/tokens", json={"gebruikersnaam": "bestaat-niet", "wachtwoord": "fout"})
    assert r.status_code == 401


def test_onbekend_token(client: TestClient) -> None:
    r = client.get("/api/v1/partners", headers={"Authorization": "Bearer onzin"})
    assert r.status_code == 401 and "verlopen" in r.json()["detail"]


def test_levering_uploaden_en_status(client: TestClient, wereld: Wereld) -> None:
    koppen = token(client, wereld.gemeente)
    bestanden = {"bestand": ("v.csv", VERGUNNINGEN_CSV, "text/csv")}
    data = {"mapping": "demo-gemeente-vergunningen", "casusId": "C-1"}
    r = client.post("/api/v1/leveringen", headers=koppen, files=bestanden, data=data)
    assert r.status_code == 201, r.text
    body = r.json()
    assert body["status"] == "verwerkt" and body["rijenGoed"] == 2
    assert r.headers["location"] == f"/api/v1/leveringen/{body['id']}"
    again = client.post("/api/v1/leveringen", headers=koppen, files=bestanden, data=data)
    assert (
        again.status_code == 200
        and again.json()["alOntvangen"]
        and again.json()["id"] == body["id"]
    )
    status = client.get(f"/api/v1/leveringen/{body['id']}", headers=koppen)
    assert status.json()["status"] == "verwerkt"
    # The recipient sees the delivery's metadata; another region does not.
    assert (
        client.get(
            f"/api/v1/leveringen/{body['id']}", headers=token(client, wereld.analist)
        ).status_code
        == 200
    )
    assert (
        client.get(
            f"/api/v1/leveringen/{body['id']}", headers=token(client, wereld.andere_riec)
        ).status_code
        == 404
    )


def test_levering_door_verkeerde_partner(client: TestClient, wereld: Wereld) -> None:
    r = client.post(
        "/api/v1/leveringen",
        headers=token(client, wereld.analist),
        files={"bestand": ("v.csv", VERGUNNINGEN_CSV, "text/csv")},
        data={"mapping": "demo-gemeente-vergunningen", "casusId": "C-1"},
    )
    assert r.status_code == 403


def test_levering_onbekende_mapping_of_casus(client: TestClient, wereld: Wereld) -> None:
    koppen = token(client, wereld.gemeente)
    r = client.post(
        "/api/v1/leveringen",
        headers=koppen,
        files={"bestand": ("v.csv", b"x", "text/csv")},
        data={"mapping": "bestaat-niet"},
    )
    assert r.status_code == 400 and r.json()["invalidParams"][0]["name"] == "mapping"
    r = client.post(
        "/api/v1/leveringen",
        headers=koppen,
        files={"bestand": ("v.csv", VERGUNNINGEN_CSV, "text/csv")},
        data={"mapping": "demo-gemeente-vergunningen", "casusId": "C-404"},
    )
    assert r.status_code == 400
    assert r.json()["invalidParams"] == [
        {"name": "casusId", "code": "invalid", "reason": "Casus C-404 bestaat niet."}
    ]


def test_deelwijzer_via_api(client: TestClient, wereld: Wereld) -> None:
    koppen = token(client, wereld.analist)
    r = client.post(
        "/api/v1/deelwijzer",
        headers=koppen,
        json={
            "van": "gemeente-rotterdam",
            "aan": "riec-rotterdam",
            "categorie": "identiteit",
            "doel": "integrale_aanpak",
            "casusId": "C-1",
            "feiten": ["noodzakelijk"],
        },
    )
    assert r.status_code == 200 and r.json()["toegestaan"] and r.json()["regelId"] == "WGS-RIEC-IN"
    assert "wetten.overheid.nl" in r.json()["waarom"]["wettekst"]
    r = client.post(
        "/api/v1/deelwijzer",
        headers=koppen,
        json={
            "van": "gemeente",
            "aan": "riec",
            "categorie": "identiteit",
            "doel": "integrale_aanpak",
        },
    )
    assert r.status_code == 200 and not r.json()["toegestaan"]
    assert "GEWEIGERD" in r.json()["uitleg"]
    r = client.post(
        "/api/v1/deelwijzer",
        headers=koppen,
        json={"van": "x", "aan": "riec", "categorie": "bestaat-niet", "doel": "integrale_aanpak"},
    )
    assert r.status_code == 400 and {p["name"] for p in r.json()["invalidParams"]} == {
        "van",
        "categorie",
    }


def test_logboek_alleen_voor_privacy_officer(client: TestClient, wereld: Wereld) -> None:
    assert (
        client.get("/api/v1/logboek/verificatie", headers=token(client, wereld.analist)).status_code
        == 403
    )
    koppen = token(client, wereld.privacy)
    r = client.get("/api/v1/logboek/verificatie", headers=koppen)
    assert r.status_code == 200 and r.json()["inOrde"]
    cp = client.post("/api/v1/logboek/checkpoints", headers=koppen)
    assert cp.status_code == 201 and len(cp.json()["handtekening"]) == 128


def test_casussen_en_partners(client: TestClient, wereld: Wereld) -> None:
    koppen = token(client, wereld.analist)
    # Newest first, as the case list shows them.
    assert [c["id"] for c in client.get("/api/v1/casussen", headers=koppen).json()] == [
        "C-2",
        "C-1",
    ]
    partners = client.get("/api/v1/partners", headers=koppen).json()
    riec = next(p for p in partners if p["id"] == "riec-rotterdam")
    assert "gemeente-rotterdam" in riec["deelnemers"] and riec["soortLabel"] == "RIEC"
    assert len(client.get("/api/v1/regels", headers=koppen).json()["regels"]) >= 23
