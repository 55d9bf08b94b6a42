# SPDX-License-Identifier: EUPL-1.2
"""The optional second factor (TOTP): asked after the password on the web, with the token
request in the API and on the command line; required for person-data roles when the
installation says so; a code works once."""

from __future__ import annotations

import dataclasses
import re
from urllib.parse import parse_qs, urlsplit

import pyotp
import pytest
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from integraal.app import maak_app
from integraal.cli import app as cli
from integraal.domein.rollen import Rol
from integraal.gebruikers import tweede_factor
from integraal.opslag.db import transactie
from tests.conftest import Wereld, maak_actor
from tests.hulp import WACHTWOORD, csrf


def _stel_in(wereld: Wereld, naam: str) -> pyotp.TOTP:
    with transactie(wereld.omgeving.fabriek) as s:
        adres = tweede_factor.stel_in(s, naam)
    return pyotp.TOTP(parse_qs(urlsplit(adres).query)["secret"][0])


def _wachtwoord(c: TestClient, naam: str) -> str:
    r = c.post(
        "/inloggen",
        data={"gebruikersnaam": naam, "wachtwoord": WACHTWOORD, "csrf": csrf(c)},
        follow_redirects=False,
    )
    assert r.status_code == 303, r.text
    return r.headers["location"]


def _code(c: TestClient, code: str) -> int:
    token = csrf(c, "/inloggen/code")
    r = c.post("/inloggen/code", data={"code": code, "csrf": token}, follow_redirects=False)
    return r.status_code


def test_na_het_wachtwoord_de_code_en_een_code_werkt_maar_eenmaal(
    client: TestClient, wereld: Wereld
) -> None:
    totp = _stel_in(wereld, wereld.analist.gebruikersnaam)
    assert _wachtwoord(client, wereld.analist.gebruikersnaam).startswith("/inloggen/code")
    # The password alone does not sign in.
    assert client.get("/casussen", follow_redirects=False).status_code == 303
    pagina = client.get("/inloggen/code")
    assert 'autocomplete="one-time-code"' in pagina.text
    assert _code(client, "000000" if totp.now() != "000000" else "111111") == 400
    assert (
        "De code klopt niet"
        in client.post(
            "/inloggen/code", data={"code": "12", "csrf": csrf(client, "/inloggen/code")}
        ).text
    )
    code = totp.now()
    assert _code(client, code) == 303
    assert client.get("/casussen", follow_redirects=False).status_code == 200

    # The same code a second time (someone who looked over a shoulder) is refused.
    with TestClient(maak_app(wereld.omgeving)) as ander:
        _wachtwoord(ander, wereld.analist.gebruikersnaam)
        assert _code(ander, code) == 400


def test_de_api_en_de_opdrachtregel_vragen_de_code_ook(
    wereld: Wereld, cli_omgeving: Wereld
) -> None:
    totp = _stel_in(wereld, wereld.analist.gebruikersnaam)
    with TestClient(maak_app(wereld.omgeving)) as c:
        aanvraag = {"gebruikersnaam": wereld.analist.gebruikersnaam, "wachtwoord": WACHTWOORD}
        r = c.post("/api/v1/tokens", json=aanvraag)
        assert r.status_code == 401 and "code" in r.json()["detail"]
        r = c.post("/api/v1/tokens", json={**aanvraag, "code": totp.now()})
        assert r.status_code == 201, r.text
    r = CliRunner().invoke(
        cli,
        ["entiteit", "zoek", "Vries", "--gebruiker", wereld.analist.gebruikersnaam],
        env={"INTEGRAAL_WACHTWOORD": WACHTWOORD, "INTEGRAAL_CODE": "999999"},
    )
    assert r.exit_code != 0 and "De code klopt niet" in r.output


def test_de_opdrachtregel_stelt_de_tweede_factor_in(cli_omgeving: Wereld) -> None:
    r = CliRunner().invoke(cli, ["gebruiker", "tweede-factor", "analist"])
    assert r.exit_code == 0, r.output
    assert re.search(r"otpauth://totp/Integraal:analist\?secret=[A-Z2-7]+", r.output)
    r = CliRunner().invoke(cli, ["gebruiker", "tweede-factor", "niemand"])
    assert r.exit_code == 2 and "geen gebruiker niemand" in r.output


@pytest.fixture
def verplicht(wereld: Wereld) -> TestClient:
    o = wereld.omgeving
    streng = dataclasses.replace(
        o, instellingen=o.instellingen.model_copy(update={"tweede_factor_verplicht": True})
    )
    return TestClient(maak_app(streng))


def test_verplicht_voor_wie_persoonsgegevens_leest(verplicht: TestClient, wereld: Wereld) -> None:
    r = verplicht.post(
        "/inloggen",
        data={
            "gebruikersnaam": wereld.analist.gebruikersnaam,
            "wachtwoord": WACHTWOORD,
            "csrf": csrf(verplicht),
        },
        follow_redirects=False,
    )
    assert r.status_code == 403 and "tweede factor verplicht" in r.text
    r = verplicht.post(
        "/api/v1/tokens",
        json={"gebruikersnaam": wereld.analist.gebruikersnaam, "wachtwoord": WACHTWOORD},
    )
    assert r.status_code == 403
    # A policy officer reads figures only: the password is enough.
    maak_actor(wereld.omgeving, "beleid", "riec-rotterdam", Rol.BELEIDSMEDEWERKER)
    r = verplicht.post(
        "/api/v1/tokens", json={"gebruikersnaam": "beleid", "wachtwoord": WACHTWOORD}
    )
    assert r.status_code == 201, r.text
