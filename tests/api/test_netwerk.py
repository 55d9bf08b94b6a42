# SPDX-License-Identifier: EUPL-1.2
"""The network API: expansion by kind and page, path, patterns, refusals."""

from __future__ import annotations

import sqlalchemy as sa
from fastapi.testclient import TestClient

from integraal.app import maak_app
from integraal.opslag.db import transactie
from integraal.opslag.modellen import Statement
from tests.conftest import Wereld
from tests.hulp import token

API = "/api/v1/casussen/C-1/netwerk"


def _id(w: Wereld, waarde: str) -> str:
    with transactie(w.omgeving.fabriek) as s:
        return str(
            s.scalars(sa.select(Statement.entity_id).where(Statement.value == waarde)).first()
        )


def test_the_network_through_the_api(netwerkwereld: Wereld) -> None:
    w = netwerkwereld
    with TestClient(maak_app(w.omgeving)) as c:
        koppen = token(c, w.analist)
        q = _id(w, "Q. de Graaf")
        r = c.get(f"{API}/knopen/{q}", headers=koppen)
        assert r.status_code == 200, r.text
        u = r.json()
        assert u["centrum"]["naam"] == "Q. de Graaf" and u["centrum"]["schema"] == "Person"
        assert u["perSoort"] == {"bestuur": 4} and not u["afgekapt"]
        assert {x["ander"]["naam"] for x in u["relaties"]} >= {"Snel 1 B.V.", "Blijvend B.V."}
        assert c.get(f"{API}/knopen/{q}?soort=adres", headers=koppen).json()["relaties"] == []
        assert c.get(f"{API}/knopen/{q}?soort=onzin", headers=koppen).status_code == 400

        snel = _id(w, "Snel 2 B.V.")
        p = c.get(f"{API}/pad", params={"van": q, "naar": snel}, headers=koppen).json()
        assert p["gevonden"] and [s["relatie"]["soort"] for s in p["stappen"]] == ["bestuur"]

        patronen = c.get(f"{API}/patronen", headers=koppen).json()
        assert {x["soort"] for x in patronen} == {
            "adres-veel-organisaties",
            "bestuurder-kort-bestaande",
            "gedeelde-rekening",
        }
        assert all(x["reden"] for x in patronen)

        vreemd = token(c, w.buitenstaander)
        # Not a member: the case is not there for them.
        assert c.get(f"{API}/patronen", headers=vreemd).status_code == 404
        # A subject that is not there (or not visible) is not found, not a bad request.
        r = c.get(f"{API}/knopen/bestaat-niet", headers=koppen)
        assert r.status_code == 404 and "bestaat niet" in r.json()["detail"]
