# SPDX-License-Identifier: EUPL-1.2
"""The cross-referencing API: start, follow, judge in bulk, refuse, undo, subjects."""

from __future__ import annotations

from fastapi.testclient import TestClient

from integraal.app import maak_app
from tests.conftest import Wereld, maak_actor
from tests.hulp import token

API = "/api/v1/casussen/C-1"


def test_the_queue_through_the_api(kruiswereld: Wereld) -> None:
    w = kruiswereld
    with TestClient(maak_app(w.omgeving)) as c:
        koppen = token(c, w.analist)
        r = c.post(f"{API}/kruisverwijzingen", json={"soort": "casus"}, headers=koppen)
        assert r.status_code == 202, r.text
        (taak,) = c.get(f"{API}/kruisverwijzingen", headers=koppen).json()
        assert taak["status"] == "klaar" and taak["gedaan"] == taak["totaal"] > 0
        rij = c.get(f"{API}/kruissuggesties", headers=koppen).json()
        eerste = rij["resultaten"][0]
        assert eerste["links"]["eigenschappen"]["name"] and eerste["uitleg"]
        assert {u["veld"] for u in eerste["uitleg"]} >= {"achternaam", "adres"}
        ids = [s["id"] for s in rij["resultaten"]]
        r = c.post(
            f"{API}/kruisoordelen", json={"suggestieIds": ids, "oordeel": "anders"}, headers=koppen
        )
        assert r.json() == {"geweigerd": []}
        # An unknown verdict is refused per field, in Dutch.
        onzin = {"suggestieIds": ids, "oordeel": "misschien"}
        r = c.post(f"{API}/kruisoordelen", json=onzin, headers=koppen)
        assert r.status_code == 400
        assert [p["name"] for p in r.json()["invalidParams"]] == ["oordeel"]
        anders = c.get(f"{API}/kruissuggesties?status=anders", headers=koppen).json()
        assert anders["totaal"] == len(ids) == rij["totaal"]
        assert anders["perStatus"] == {"anders": len(ids)}
        oordeel_id = anders["resultaten"][0]["oordelen"][0]["id"]
        r = c.post(f"{API}/kruisoordelen/{oordeel_id}/intrekken", headers=koppen)
        assert r.status_code == 204
        r = c.post(f"{API}/kruisoordelen/{oordeel_id}/intrekken", headers=koppen)
        # Withdrawing twice clashes with the state, not with the input: 409, problem+json.
        assert r.status_code == 409 and "al ingetrokken" in r.json()["detail"]
        assert r.headers["content-type"].startswith("application/problem+json")
        assert c.get(f"{API}/kruisonderwerpen", headers=koppen).json() == []
        # Outsiders: refused in Dutch, nothing shown.
        vreemd = token(c, maak_actor(w.omgeving, "vreemd", "riec-rotterdam"))
        r = c.get(f"{API}/kruissuggesties", headers=vreemd)
        assert r.status_code == 404 and "geen toegang" in r.text
