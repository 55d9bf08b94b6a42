# SPDX-License-Identifier: EUPL-1.2
"""A read's log line is committed before the first byte of the answer leaves the server.

The processing context is a dependency with `scope="function"`: FastAPI tears it down (commits)
when the handler returns, before the response is sent. Were it torn down after sending, data
could leave without its log line when the commit then failed."""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa
from fastapi.testclient import TestClient

from integraal.app import maak_app
from integraal.opslag.db import transactie
from integraal.opslag.modellen import LogboekRegel, Statement
from tests.conftest import Wereld
from tests.hulp import token


def _regels(w: Wereld) -> int:
    with transactie(w.omgeving.fabriek) as s:
        return int(s.scalar(sa.select(sa.func.count()).select_from(LogboekRegel)) or 0)


def test_logregel_staat_vast_voordat_het_antwoord_vertrekt(met_levering: Wereld) -> None:
    w = met_levering
    app = maak_app(w.omgeving)
    bij_start: list[int] = []

    async def meten(scope: Any, receive: Any, send: Any) -> None:
        async def zend(bericht: dict[str, Any]) -> None:
            if bericht["type"] == "http.response.start" and scope["path"].startswith(
                "/api/v1/entiteiten/"
            ):
                # Another connection: sees only what was committed.
                bij_start.append(_regels(w))
            await send(bericht)

        await app(scope, receive, zend)

    with transactie(w.omgeving.fabriek) as s:
        jan = s.scalars(
            sa.select(Statement.entity_id).where(Statement.value == "Jan de Vries")
        ).first()
    with TestClient(meten) as c:
        koppen = token(c, w.analist)
        voor = _regels(w)
        r = c.get(f"/api/v1/entiteiten/{jan}?doel=integrale_aanpak&casusId=C-1", headers=koppen)
    assert r.status_code == 200 and "Jan de Vries" in r.text
    assert bij_start and bij_start[0] > voor, (voor, bij_start)
