# SPDX-License-Identifier: EUPL-1.2
"""Swagger UI and ReDoc render offline in real chromium: under their own CSP, every file comes
from the vendored copies and no request leaves the local server."""

from __future__ import annotations

from typing import Any

import pytest

API_TITEL = "Integraal API"


def _bekijk_beide(pagina: Any, server: str) -> None:
    antwoord = pagina.goto(f"{server}/api/v1/docs")
    assert antwoord is not None and antwoord.status == 200
    assert "default-src 'none'" in antwoord.headers["content-security-policy"]
    pagina.locator(".opblock").first.wait_for(state="visible")
    pagina.locator(".info .title", has_text=API_TITEL).wait_for(state="visible")
    pagina.locator(".opblock-summary").first.click()
    pagina.locator(".opblock-body").first.wait_for(state="visible")

    antwoord = pagina.goto(f"{server}/api/v1/redoc")
    assert antwoord is not None and antwoord.status == 200
    assert "default-src 'none'" in antwoord.headers["content-security-policy"]
    pagina.locator("h1", has_text=API_TITEL).wait_for(state="visible")
    pagina.locator("[data-section-id^='operation/'] h2").first.wait_for(state="visible")
    # The search index runs in ReDoc's worker (a blob: URL): the policy must allow it.
    pagina.locator("[role=search] input").fill("token")
    pagina.locator("[data-role='search:results'] li").first.wait_for(state="visible")


def test_api_documentatie_werkt_offline_onder_de_csp(chromium: Any, server: str) -> None:
    from playwright.sync_api import TimeoutError as PlaywrightTimeout

    # No bypass_csp: the pages must work under the policy the app sends.
    context = chromium.new_context(viewport={"width": 1366, "height": 900})
    # Swagger UI lays out every operation of the spec in the browser: on a busy 2-core
    # machine (the whole suite beside it) that once took longer than 15 s. The test is about
    # the policy, not speed.
    context.set_default_timeout(60_000)
    pagina = context.new_page()
    naar_buiten: list[str] = []
    csp_meldingen: list[str] = []
    fouten: list[str] = []

    def _alleen_lokaal(route: Any) -> None:
        if route.request.url.startswith(server + "/"):
            route.continue_()
        else:
            naar_buiten.append(route.request.url)
            route.abort()

    def _console(bericht: Any) -> None:
        if "Content Security Policy" in bericht.text or "Content-Security-Policy" in bericht.text:
            csp_meldingen.append(bericht.text)
        elif bericht.type == "error":
            fouten.append(bericht.text)

    pagina.route("**/*", _alleen_lokaal)
    pagina.on("console", _console)
    pagina.on("pageerror", lambda fout: fouten.append(str(fout)))
    try:
        _bekijk_beide(pagina, server)
    except PlaywrightTimeout as e:
        pytest.fail(
            f"{e.message.splitlines()[0]}\nCSP: {csp_meldingen}\nfouten: {fouten}\n"
            f"naar buiten: {naar_buiten}"
        )
    finally:
        context.close()
    assert naar_buiten == []
    assert csp_meldingen == []
    assert fouten == []
