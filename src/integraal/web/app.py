# SPDX-License-Identifier: EUPL-1.2
"""The web application: Dutch, server-rendered pages behind a session login."""

from __future__ import annotations

from importlib import resources

from fastapi import FastAPI, Request
from fastapi.responses import RedirectResponse, Response
from fastapi.staticfiles import StaticFiles
from starlette.middleware.sessions import SessionMiddleware

from integraal.bronnen.voortgang import Voortgangsbord
from integraal.omgeving import Omgeving
from integraal.web.basis import NietIngelogd, Verboden, pagina
from integraal.web.routes import (
    beslag,
    casussen,
    delen,
    kruis,
    leveringen,
    monitor,
    netwerk,
    signalen,
    toegang,
    werk,
)


def maak_web(omgeving: Omgeving) -> FastAPI:
    web = FastAPI(openapi_url=None, docs_url=None, redoc_url=None, redirect_slashes=False)
    web.state.omgeving = omgeving
    web.state.voortgang = Voortgangsbord()
    web.add_middleware(
        SessionMiddleware,
        secret_key=omgeving.instellingen.sessie_geheim_str(),
        session_cookie="integraal_sessie",
        same_site="strict",
        https_only=False,
        max_age=8 * 3600,
    )
    web.mount(
        "/static",
        StaticFiles(directory=str(resources.files("integraal.web").joinpath("static"))),
        name="static",
    )

    @web.exception_handler(NietIngelogd)
    async def _naar_login(request: Request, _exc: NietIngelogd) -> Response:
        return RedirectResponse("/inloggen", status_code=303)

    @web.exception_handler(Verboden)
    async def _verboden(request: Request, _exc: Verboden) -> Response:
        return pagina(
            request,
            "melding.html",
            None,
            status=403,
            titel="Geen toegang",
            tekst="U heeft geen toegang tot deze pagina of het formulier is verlopen.",
        )

    for module in (
        toegang,
        delen,
        leveringen,
        signalen,
        casussen,
        kruis,
        netwerk,
        werk,
        beslag,
        monitor,
    ):
        web.include_router(module.router)
    return web
