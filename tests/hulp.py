# SPDX-License-Identifier: EUPL-1.2
"""Helpers for tests: the API and web pages, services in a context, and row factories."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from typing import Any, TypeVar

from fastapi.testclient import TestClient

from integraal.bronnen.importeren import Importresultaat, importeer
from integraal.bronnen.mapping import meegeleverde_mappings
from integraal.domein.actor import Actor
from integraal.omgeving import Omgeving
from integraal.opslag.db import transactie
from integraal.opslag.modellen import Casus, CasusLid, Levering, nu
from integraal.verwerking import Kanaal

R = TypeVar("R")
# The password of every test account (conftest creates them).
WACHTWOORD = "een-lang-testwachtwoord"


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


# --- Services and rows, one helper each ---------------------------------------------------------


def doe(
    omgeving: Omgeving,
    actor: Actor | None,
    actie: Callable[..., R],
    *args: Any,
    kanaal: Kanaal = Kanaal.API,
    klok: Callable[[], dt.datetime] | None = None,
    **kwargs: Any,
) -> R:
    """Call a service as `actor` in one processing context (one transaction, one trace id)."""
    with omgeving.context(actor, kanaal, klok=klok) as ctx:
        return actie(ctx, *args, **kwargs)


def lever(
    omgeving: Omgeving,
    actor: Actor,
    mapping: str,
    bestandsnaam: str,
    inhoud: bytes,
    *,
    casus_id: str | None = None,
) -> Importresultaat:
    """A partner delivery under one of the shipped mappings, as the API would offer it."""
    return importeer(
        omgeving.context,
        actor,
        meegeleverde_mappings()[mapping],
        bestandsnaam,
        inhoud,
        casus_id=casus_id,
    )


def maak_casus(
    omgeving: Omgeving,
    casus_id: str,
    *leden: Actor,
    titel: str = "Testcasus",
    verband: str = "riec-rotterdam",
    aanwijzingen: str | None = "Twee onafhankelijke meldingen over hetzelfde pand.",
    status: str = "open",
) -> str:
    """A case row with its members, without going through the workflow."""
    with transactie(omgeving.fabriek) as s:
        s.add(
            Casus(
                id=casus_id,
                titel=titel,
                verband_id=verband,
                doel="integrale_aanpak",
                aanwijzingen=aanwijzingen,
                status=status,
            )
        )
        s.flush()
        s.add_all([CasusLid(casus_id=casus_id, gebruiker_id=a.gebruiker_id) for a in leden])
    return casus_id


def lid(omgeving: Omgeving, casus_id: str, *actoren: Actor) -> None:
    with transactie(omgeving.fabriek) as s:
        s.add_all([CasusLid(casus_id=casus_id, gebruiker_id=a.gebruiker_id) for a in actoren])


# --- Matrices: many users against many routes ---------------------------------------------------


def logaantal(omgeving: Omgeving) -> int:
    """Lines in the processing log (a refused call must not add one)."""
    import sqlalchemy as sa

    from integraal.opslag.modellen import LogboekRegel

    with transactie(omgeving.fabriek) as s:
        return int(s.scalar(sa.select(sa.func.count()).select_from(LogboekRegel)) or 0)


def token_eenmaal(c: TestClient, actor: Actor) -> dict[str, str]:
    """One token per user for this client (and so this database): signing in is not what a
    matrix tests."""
    tokens: dict[str, dict[str, str]] = c.__dict__.setdefault("_tokens", {})
    if actor.gebruikersnaam not in tokens:
        tokens[actor.gebruikersnaam] = token(c, actor)
    return tokens[actor.gebruikersnaam]


def roep(c: TestClient, methode: str, pad: str, body: dict[str, Any] | None, actor: Actor) -> Any:
    """An API call with the user's token, or a page as the signed-in user."""
    if pad.startswith("/api/"):
        return c.request(methode, pad, json=body, headers=token_eenmaal(c, actor))
    c.cookies.clear()
    web_login(c, actor)
    return c.request(methode, pad, follow_redirects=False)


def dode_werker() -> str:
    """The name (opslag.werker) a process had, taken while it lived; it has ended since, as
    after a kill -9."""
    import subprocess
    import sys

    code = "from integraal.opslag.werker import deze_werker; print(deze_werker())"
    return subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout.strip()


def levering_in_behandeling(
    omgeving: Omgeving, levering_id: str, *, verwerker: str | None = None
) -> None:
    """A delivery row left 'in_behandeling' (by a crash, or a process still writing it)."""
    with transactie(omgeving.fabriek) as s:
        s.add(
            Levering(
                id=levering_id,
                sleutel=levering_id * 64,
                partner_id="gemeente-rotterdam",
                ontvanger_id="riec-rotterdam",
                mapping="m",
                dataset="d",
                doel="integrale_aanpak",
                bestandsnaam="b",
                formaat="csv",
                inhoud_hash="h",
                status="in_behandeling",
                fouten=[],
                ontvangen_op=nu(),
                verwerker=verwerker,
                levend_op=nu(),
            )
        )
