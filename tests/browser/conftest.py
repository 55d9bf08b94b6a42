# SPDX-License-Identifier: EUPL-1.2
"""A live server in a thread and Debian's chromium driven by Playwright (never a downloaded one)."""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import uvicorn

from integraal.app import maak_app
from integraal.instellingen import Instellingen
from integraal.omgeving import Omgeving, maak_omgeving
from tests.conftest import PRODUCTIE
from tests.demosjabloon import Demosjabloon

CHROMIUM = Path("/usr/bin/chromium")
AXE = Path(__file__).parent / "vendor" / "axe.min.js"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if "tests/browser" in str(item.fspath):
            item.add_marker(pytest.mark.browser)


@pytest.fixture
def omgeving(tmp_path: Path) -> Iterator[Omgeving]:
    """Browser journeys run against the embedded database; the suite proves both elsewhere."""
    inst = Instellingen(
        data_dir=tmp_path / "data",
        database_url=f"sqlite:///{tmp_path / 'b.db'}",
        pseudoniem_sleutel="test-sleutel",
    )
    o = maak_omgeving(inst)
    yield o
    o.database.dispose()


@pytest.fixture
def demo(omgeving: Omgeving, demosjabloon: Demosjabloon) -> Omgeving:
    """The demo world (a copy of one loaded once per process and database)."""
    return demosjabloon.vul(omgeving)


def _vrije_poort() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture
def server(omgeving: Omgeving) -> Iterator[str]:
    poort = _vrije_poort()
    config = uvicorn.Config(maak_app(omgeving), host="127.0.0.1", port=poort, log_level="warning")
    srv = uvicorn.Server(config)
    draad = threading.Thread(target=srv.run, daemon=True)
    draad.start()
    for _ in range(100):
        if srv.started:
            break
        time.sleep(0.05)
    yield f"http://127.0.0.1:{poort}"
    srv.should_exit = True
    draad.join(timeout=5)


@pytest.fixture(scope="session")
def chromium() -> Iterator[object]:
    if not CHROMIUM.exists():
        pytest.fail("Debian's chromium ontbreekt: apt-get install chromium (.ci/run doet dat)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield browser
        browser.close()


# axe-core with every WCAG 2.x A/AA rule, 2.2's target size included; any impact counts.
WCAG = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]


def axe(pagina: Any) -> list[str]:
    """The axe-core violations on the page as 'rule: first target' lines (empty is good)."""
    # After a click the next page may still be loading; measured before its stylesheet
    # applies, every link is an unstyled (too small) target.
    pagina.wait_for_load_state("load")
    pagina.wait_for_function("() => [...document.styleSheets].every((s) => s.cssRules !== null)")
    pagina.add_script_tag(content=AXE.read_text())
    uitkomst = pagina.evaluate(
        "async (tags) => "
        "(await axe.run(document, {runOnly: {type: 'tag', values: tags}})).violations",
        WCAG,
    )
    return [f"{v['id']} ({v['impact']}): {v['nodes'][0]['target']}" for v in uitkomst]


def als(chromium: Any, server: str, gebruiker: str) -> Any:
    """A page signed in as a demo user (its own browser context, CSP bypassed for axe)."""
    from integraal.demo.wereld import WACHTWOORD

    context = chromium.new_context(bypass_csp=True, viewport={"width": 1366, "height": 900})
    pagina = context.new_page()
    pagina.goto(f"{server}/inloggen")
    pagina.fill("#veld-gebruikersnaam", gebruiker)
    pagina.fill("#veld-wachtwoord", WACHTWOORD)
    pagina.get_by_role("button", name="Inloggen").click()
    pagina.wait_for_url(f"{server}/")
    return pagina


def bevestiging(pagina: Any) -> str:
    """The confirmation shown once after an action (the GOV.UK pattern)."""
    return str(pagina.locator("[data-bevestiging]").inner_text())


# The browser journeys of a whole area run once, on the production database (PostgreSQL, or
# SQLite when the suite runs without it); the other browser tests use SQLite, and the services
# under the journeys are tested on both.
OP_PRODUCTIE = pytest.mark.parametrize("database_url", [PRODUCTIE], indirect=True)
