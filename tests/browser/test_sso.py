# SPDX-License-Identifier: EUPL-1.2
"""Single sign-on end to end in Chromium, against a real OpenID Connect provider started
locally (panva/oidc-provider): a police analyst signs in with her organisation's account
and out again at both ends; a person of an organisation that is not connected, and one
without a role, are refused with the reason."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa
import uvicorn

from integraal.app import maak_app
from integraal.instellingen import Instellingen
from integraal.omgeving import Omgeving, maak_omgeving
from integraal.opslag.db import transactie
from tests.browser.conftest import OP_PRODUCTIE, axe
from tests.oidc.aanbieder import aanbieder, aanbiedersbestand, vrije_poort

pytestmark = OP_PRODUCTIE
SCHERMEN = Path(__file__).parents[2] / "var" / "schermen"


@pytest.fixture
def sso_server(tmp_path: Path, database_url: str) -> Iterator[tuple[str, Omgeving]]:
    poort = vrije_poort()
    adres = f"http://127.0.0.1:{poort}"
    with aanbieder(adres) as uitgever:
        inst = Instellingen(
            data_dir=tmp_path / "data",
            database_url=database_url,
            pseudoniem_sleutel="test-sleutel",
            achtergrond="proces",
            oidc_bestand=aanbiedersbestand(tmp_path / "sso.yaml", uitgever),
        )
        o = maak_omgeving(inst, initialiseer=False)
        srv = uvicorn.Server(
            uvicorn.Config(maak_app(o), host="127.0.0.1", port=poort, log_level="warning")
        )
        draad = threading.Thread(target=srv.run, daemon=True)
        draad.start()
        while not srv.started:
            time.sleep(0.05)
        try:
            yield adres, o
        finally:
            srv.should_exit = True
            draad.join(timeout=5)
            o.database.dispose()


def _bij_de_organisatie(pagina: Any, server: str, wie: str) -> None:
    """From our sign-in page through the provider's own login and consent pages."""
    pagina.goto(f"{server}/inloggen")
    pagina.get_by_role("link", name="Inloggen via Politie").click()
    pagina.locator("input[name=login]").fill(wie)
    pagina.locator("input[name=password]").fill("wat-dan-ook")
    pagina.locator("button[type=submit]").click()
    pagina.get_by_role("button", name="Continue").click()


def test_inloggen_en_uitloggen_via_de_eigen_organisatie(
    chromium: Any, sso_server: tuple[str, Omgeving]
) -> None:
    server, o = sso_server
    context = chromium.new_context(bypass_csp=True, viewport={"width": 1366, "height": 900})
    pagina = context.new_page()
    pagina.goto(f"{server}/inloggen")
    assert axe(pagina) == []
    SCHERMEN.mkdir(parents=True, exist_ok=True)
    pagina.screenshot(path=str(SCHERMEN / "sso-inloggen-1366.png"), full_page=True)
    _bij_de_organisatie(pagina, server, "p.jansen")
    pagina.wait_for_url(f"{server}/")
    assert "Petra Jansen" in pagina.locator(".kop__naam").inner_text()
    assert "Analist" in pagina.locator(".kop__rol").inner_text()
    with transactie(o.fabriek) as s:
        rij = s.execute(
            sa.text(
                "SELECT organisatie_id, rol, extern_id, laatst_ingelogd FROM gebruiker "
                "WHERE naam = 'Petra Jansen'"
            )
        ).one()
        assert rij[:3] == ("politie", "analist", "p.jansen") and rij[3] is not None
        assert s.execute(sa.text("SELECT count(*) FROM sso_aanvraag")).scalar_one() == 0

    # Out here and at the provider: it asks to confirm, then sends the person back.
    pagina.get_by_role("button", name="Uitloggen").click()
    pagina.locator("button[name=logout][value=yes]").click()
    pagina.wait_for_url(f"{server}/uitgelogd")
    assert "U bent uitgelogd" in pagina.content()
    assert axe(pagina) == []
    pagina.goto(f"{server}/")
    assert pagina.url.startswith(f"{server}/inloggen")
    context.close()


@pytest.mark.parametrize(
    ("wie", "reden"),
    [
        ("o.buiten", "niet aangesloten"),
        ("z.zonderrol", "nog geen rol"),
    ],
)
def test_geweigerd_met_de_reden(
    chromium: Any, sso_server: tuple[str, Omgeving], wie: str, reden: str
) -> None:
    server, o = sso_server
    context = chromium.new_context(bypass_csp=True, viewport={"width": 390, "height": 844})
    pagina = context.new_page()
    _bij_de_organisatie(pagina, server, wie)
    pagina.wait_for_url(f"{server}/inloggen/sso/politie/terug*")
    assert "Inloggen is niet gelukt" in pagina.locator("h1").inner_text()
    assert reden in pagina.locator("[role=alert]").inner_text()
    assert axe(pagina) == []
    pagina.screenshot(path=str(SCHERMEN / f"sso-geweigerd-{wie}-390.png"), full_page=True)
    with transactie(o.fabriek) as s:
        extern = sa.text("SELECT count(*) FROM gebruiker WHERE extern_id IS NOT NULL")
        assert s.execute(extern).scalar_one() == 0, "geen account aangemaakt"
    context.close()
