# SPDX-License-Identifier: EUPL-1.2
"""Helpers for tests that talk to the API and web pages."""

from __future__ import annotations

import re

from fastapi.testclient import TestClient

from integraal.domein.actor import Actor
from tests.conftest import WACHTWOORD


def token(client: TestClient, actor: Actor) -> dict[str, str]:
    r = client.post(
        "/api/v1/tokens", json={"gebruikersnaam": actor.gebruikersnaam, "wachtwoord": WACHTWOORD}
    )
    assert r.status_code == 201, r.text
    return {"Authorization": f"Bearer {r.json()['token']}"}


def csrf(client: TestClient, pad: str = "/inloggen") -> str:
    r = client.get(pad)
    m = re.search(r'name="csrf" value="([^"]+)"', r.text)
    assert m, r.text[:500]
    return m.group(1)


def web_login(client: TestClient, actor: Actor) -> None:
    r = client.post(
        "/inloggen",
        data={
            "gebruikersnaam": actor.gebruikersnaam,
            "wachtwoord": WACHTWOORD,
            "csrf": csrf(client),
        },
        follow_redirects=False,
    )
    assert r.status_code == 303, r.text
