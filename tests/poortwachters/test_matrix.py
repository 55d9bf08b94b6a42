# SPDX-License-Identifier: EUPL-1.2
"""The gatekeepers' routes × roles × organisations: an unauthorised user gets nothing, changes
nothing and leaves no line in the processing log (the shape of tests/casus/test_matrix.py)."""

from __future__ import annotations

from typing import Any

import pytest
from fastapi.testclient import TestClient

from integraal.app import maak_app
from integraal.domein.rollen import Rol
from tests.conftest import Wereld, maak_actor
from tests.hulp import logaantal, roep
from tests.poortwachters.conftest import (
    CLIENT,
    GEREGISTREERD,
    NOTARISKLANT,
    TRANSACTIE,
    Poort,
    poortwereld,
)

NAMEN = (CLIENT, GEREGISTREERD, NOTARISKLANT, TRANSACTIE)


@pytest.fixture
def matrix(wereld: Wereld, poort: Poort) -> dict[str, Any]:
    ids = poortwereld(wereld, poort)
    o = wereld.omgeving
    users = {
        "bank": poort.bank,
        "bank2": maak_actor(o, "melder.spaarbank", "spaarbank-fictief", Rol.MELDER),
        "notaris": poort.notaris,
        "notaris2": poort.notaris2,
        "fiu": poort.fiu,
        "fiod": poort.fiod,
        "politie": poort.politie,
        "register": poort.register,
        "terminal": poort.terminal,
        "luchtvracht": poort.luchtvracht,
        "haven": poort.haven,
        "riec": wereld.analist,
        "gemeente": wereld.gemeente,
    }
    return {"w": wereld, "users": users, **ids}


def _lezen(m: dict[str, Any]) -> list[tuple[str, str, dict[str, Any] | None, set[str]]]:
    raadpleging = {"naam": GEREGISTREERD, "geboortedatum": "01-01-1980"}
    return [
        ("GET", f"/api/v1/meldingen/{m['melding']}", None, {"bank"}),
        ("GET", f"/api/v1/fiu/meldingen/{m['melding']}", None, {"fiu"}),
        ("GET", f"/fiu/meldingen/{m['melding']}", None, {"fiu"}),
        ("GET", f"/api/v1/verdachte-transacties/{m['vt']}", None, {"fiod"}),
        ("GET", "/api/v1/verdachte-transacties", None, {"fiod"}),
        ("GET", f"/api/v1/opschortingen/{m['opschorting']}", None, {"fiu", "bank"}),
        ("GET", "/api/v1/notariele-weigeringen", None, {"notaris"}),
        (
            "GET",
            f"/api/v1/waarschuwingsregister/registraties/{m['registratie']}",
            None,
            {"register"},
        ),
        ("GET", "/api/v1/waarschuwingsregister/registraties", None, {"register"}),
        ("POST", "/api/v1/waarschuwingsregister/_raadpleging", raadpleging, {"terminal"}),
    ]


def _wijzigen(m: dict[str, Any]) -> list[tuple[str, str, dict[str, Any] | None, set[str]]]:
    return [
        (
            "POST",
            f"/api/v1/fiu/meldingen/{m['melding']}/_verstrekking",
            {"aan": "politie", "toelichting": "Ook voor de politie van belang."},
            {"fiu"},
        ),
        ("POST", f"/api/v1/opschortingen/{m['opschorting']}/_bevestiging", None, {"bank"}),
        (
            "POST",
            f"/api/v1/opschortingen/{m['opschorting']}/_verlenging",
            {"werkdagen": 2, "motivering": "Beslag wordt voorbereid."},
            {"fiu"},
        ),
        (
            "POST",
            f"/api/v1/waarschuwingsregister/registraties/{m['registratie']}/_bezwaar",
            {"gronden": "Het ontslag is aangevochten."},
            {"register"},
        ),
    ]


def test_matrix(matrix: dict[str, Any]) -> None:
    w = matrix["w"]
    with TestClient(maak_app(w.omgeving)) as c:
        for methode, pad, body, toegestaan in _lezen(matrix):
            for naam, actor in matrix["users"].items():
                voor = logaantal(w.omgeving)
                r = roep(c, methode, pad, body, actor)
                if naam in toegestaan:
                    assert r.status_code == 200, (pad, naam, r.text[:200])
                    continue
                assert r.status_code in (200, 403, 404), (pad, naam, r.status_code)
                assert not any(n in r.text for n in NAMEN), (pad, naam)
                assert '"treffer":true' not in r.text, (pad, naam)
                assert logaantal(w.omgeving) == voor, (pad, naam)
        for methode, pad, body, toegestaan in _wijzigen(matrix):
            for naam, actor in matrix["users"].items():
                if naam in toegestaan:
                    continue
                voor = logaantal(w.omgeving)
                r = roep(c, methode, pad, body, actor)
                assert r.status_code in (403, 404), (pad, naam, r.status_code, r.text[:200])
                assert logaantal(w.omgeving) == voor, (pad, naam)
        for methode, pad, body, toegestaan in _wijzigen(matrix):
            actor = matrix["users"][sorted(toegestaan)[0]]
            r = roep(c, methode, pad, body, actor)
            assert r.status_code in (200, 201, 204), (pad, r.text[:300])
