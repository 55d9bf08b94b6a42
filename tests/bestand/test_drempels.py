# SPDX-License-Identifier: EUPL-1.2
"""Rate limits: guessing a password and flooding the public forms are stopped with 429 and
Retry-After, told in Dutch; a lockout never reaches a person at another address."""

from __future__ import annotations

import datetime as dt

import httpx
import sqlalchemy as sa
from fastapi.testclient import TestClient

from integraal.app import maak_app
from integraal.gebruikers import drempels
from integraal.opslag.db import transactie
from integraal.opslag.modellen import Drempelteller
from tests.conftest import Wereld
from tests.hulp import WACHTWOORD, csrf


def _browser(wereld: Wereld, adres: str) -> TestClient:
    return TestClient(maak_app(wereld.omgeving), client=(adres, 50000))


def _inloggen(c: TestClient, naam: str, wachtwoord: str) -> httpx.Response:
    return c.post(
        "/inloggen",
        data={"gebruikersnaam": naam, "wachtwoord": wachtwoord, "csrf": csrf(c)},
        follow_redirects=False,
    )


def _venster_voorbij(wereld: Wereld) -> None:
    with transactie(wereld.omgeving.fabriek) as s:
        s.execute(
            sa.update(Drempelteller).values(
                begin=dt.datetime.now(dt.UTC) - dt.timedelta(minutes=16)
            )
        )


def test_raden_stopt_na_vijf_pogingen_maar_sluit_niemand_elders_buiten(wereld: Wereld) -> None:
    naam = wereld.analist.gebruikersnaam
    aanvaller = _browser(wereld, "203.0.113.7")
    for _ in range(drempels.INLOGGEN_ACCOUNT.maximum):
        r = _inloggen(aanvaller, naam, "fout-wachtwoord-123")
        assert r.status_code == 400
    # Even the right password is refused now, from this address, without being checked.
    r = _inloggen(aanvaller, naam, WACHTWOORD)
    assert r.status_code == 429
    assert 800 <= int(r.headers["retry-after"]) <= 900
    assert "te vaak een verkeerd wachtwoord" in r.text
    assert "Probeer het over 15 minuten opnieuw" in r.text
    # The person themself, elsewhere, signs in as usual.
    assert _inloggen(_browser(wereld, "198.51.100.2"), naam, WACHTWOORD).status_code == 303
    # The API's token door shares the count.
    r = aanvaller.post("/api/v1/tokens", json={"gebruikersnaam": naam, "wachtwoord": WACHTWOORD})
    assert r.status_code == 429 and r.headers["content-type"].startswith("application/problem")
    assert int(r.headers["retry-after"]) > 0 and "Probeer het over" in r.json()["detail"]
    _venster_voorbij(wereld)
    assert _inloggen(aanvaller, naam, WACHTWOORD).status_code == 303


def test_een_adres_dat_veel_accounts_probeert_wordt_gestopt(wereld: Wereld) -> None:
    aanvaller = _browser(wereld, "203.0.113.9")
    for i in range(drempels.INLOGGEN_ADRES.maximum):
        r = aanvaller.post(
            "/api/v1/tokens", json={"gebruikersnaam": f"naam{i}", "wachtwoord": "x" * 12}
        )
        assert r.status_code == 401
    r = aanvaller.post(
        "/api/v1/tokens",
        json={"gebruikersnaam": wereld.analist.gebruikersnaam, "wachtwoord": WACHTWOORD},
    )
    assert r.status_code == 429


def test_het_publieke_meldformulier_heeft_een_grens(wereld: Wereld) -> None:
    c = _browser(wereld, "203.0.113.11")
    token = csrf(c, "/melden")
    for i in range(drempels.MELDEN.maximum):
        r = c.post(
            "/melden",
            data={
                "verband": "riec-rotterdam",
                "omschrijving": f"Verdacht pand nummer {i} aan de Kerkstraat.",
                "csrf": token,
            },
        )
        assert r.status_code == 200, r.text
    r = c.post(
        "/melden",
        data={"verband": "riec-rotterdam", "omschrijving": "Nog een pand.", "csrf": token},
    )
    assert r.status_code == 429
    assert "Retry-After" in r.headers and "te vaak" in r.text
    with transactie(wereld.omgeving.fabriek) as s:
        sleutels = list(s.scalars(sa.select(Drempelteller.sleutel)))
    # The counters keep hashes, never the address itself.
    assert sleutels and not any("203.0.113" in k for k in sleutels)
