# SPDX-License-Identifier: EUPL-1.2
from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient

from integraal.app import maak_app
from integraal.domein.actor import Actor
from tests.conftest import WACHTWOORD, Wereld


@pytest.fixture
def client(wereld: Wereld) -> Iterator[TestClient]:
    with TestClient(maak_app(wereld.omgeving)) as c:
        yield c


def token(client: TestClient, actor: Actor) -> dict[str, str]:
    r = client.post("/api/v1/tokens", json={"gebruikersnaam": actor.gebruikersnaam, "wachtwoord": WACHTWOORD})
    assert r.status_code == 201, r.text
    return {"Authorization": f"Bearer {r.json()['token']}"}


def csrf(client: TestClient, pad: str = "/inloggen") -> str:
    r = client.get(pad)
    m = re.search(r'name="csrf" value="([^"]+)"', r.text)
    assert m, r.text[:500]
    return m.group(1)


def web_login(client: TestClient, actor: Actor) -> None:
    r = client.post("/inloggen", data={"gebruikersnaam": actor.gebruikersnaam, "wachtwoord": WACHTWOORD,
                                       "csrf": csrf(client)}, follow_redirects=False)
    assert r.status_code == 303, r.text
