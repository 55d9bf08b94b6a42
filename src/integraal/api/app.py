# SPDX-License-Identifier: EUPL-1.2
"""The API application, mounted at /api/v1 by the main app."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from importlib import resources
from typing import Any

from fastapi import FastAPI, Request, Response
from fastapi.openapi.docs import get_redoc_html, get_swagger_ui_html
from fastapi.responses import HTMLResponse
from fastapi.routing import APIRoute
from fastapi.staticfiles import StaticFiles

from integraal import API_VERSION
from integraal.api import fouten
from integraal.api.beschrijving import met_fouten
from integraal.api.routes import (
    algemeen,
    beslag,
    bestuurlijk,
    casussen,
    deelverzoeken,
    delen,
    entiteiten,
    gebruikers,
    gezondheid,
    integriteit,
    interventies,
    knelpunten,
    kruisverwijzing,
    leveringen,
    logboek,
    monitor,
    netwerk,
    pmg,
    poortwachters,
    rapportages,
    signaalronden,
    signalen,
    verbanden,
)
from integraal.omgeving import Omgeving

BESCHRIJVING = """
Integraal deelt gegevens voor de integrale aanpak van ondermijning alleen op een grondslag.
Elke lezing van partnergegevens gaat langs de deelregels (standaard weigeren, met uitleg) en
wordt vastgelegd in het logboek dataverwerkingen. Persoonsgegevens staan nooit in een URL.
"""

DOCS_TITEL = "Integraal API — documentatie"
_OPENAPI_URL = "/api/v1/openapi.json"
_VENDOR = "/api/v1/static/vendor"


def swagger_pagina() -> HTMLResponse:
    """Swagger UI from the vendored files: the page loads nothing from another origin."""
    return get_swagger_ui_html(
        openapi_url=_OPENAPI_URL,
        title=DOCS_TITEL,
        swagger_js_url=f"{_VENDOR}/swagger-ui-bundle.js",
        swagger_css_url=f"{_VENDOR}/swagger-ui.css",
        swagger_favicon_url="data:,",
        # No badge that sends the document to validator.swagger.io.
        swagger_ui_parameters={"validatorUrl": None},
    )


def redoc_pagina() -> HTMLResponse:
    """ReDoc from the vendored bundle, without Google Fonts."""
    return get_redoc_html(
        openapi_url=_OPENAPI_URL,
        title=DOCS_TITEL,
        redoc_js_url=f"{_VENDOR}/redoc.standalone.js",
        redoc_favicon_url="data:,",
        with_google_fonts=False,
    )


def _operatie_id(route: APIRoute) -> str:
    return route.name


def maak_api(omgeving: Omgeving | None) -> FastAPI:
    """The API app; without an environment it serves only to produce the OpenAPI document."""
    api = FastAPI(
        title="Integraal API",
        version=API_VERSION,
        description=BESCHRIJVING,
        openapi_url="/openapi.json",
        docs_url=None,
        redoc_url=None,
        redirect_slashes=False,
        servers=[{"url": "/api/v1"}],
        contact={
            "name": "Integraal-ontwikkelaars",
            "url": "https://integraal.example/contact",
            "email": "integraal@integraal.example",
        },
        license_info={"name": "EUPL-1.2", "identifier": "EUPL-1.2"},
        generate_unique_id_function=_operatie_id,
    )
    api.state.omgeving = omgeving
    fouten.registreer(api)
    fastapi_openapi = api.openapi

    def _openapi() -> dict[str, Any]:
        if api.openapi_schema is None:
            api.openapi_schema = met_fouten(fastapi_openapi())
        return api.openapi_schema

    api.openapi = _openapi  # type: ignore[method-assign]
    for module in (
        gezondheid,
        algemeen,
        leveringen,
        entiteiten,
        delen,
        logboek,
        signalen,
        casussen,
        deelverzoeken,
        interventies,
        kruisverwijzing,
        netwerk,
        beslag,
        monitor,
        knelpunten,
        rapportages,
        signaalronden,
        verbanden,
        bestuurlijk,
        poortwachters,
        integriteit,
        pmg,
        gebruikers,
    ):
        api.include_router(module.router)
    api.mount(
        "/static",
        StaticFiles(directory=str(resources.files("integraal.api").joinpath("static"))),
        name="static",
    )

    @api.get("/docs", include_in_schema=False)
    async def _docs() -> HTMLResponse:
        return swagger_pagina()

    @api.get("/redoc", include_in_schema=False)
    async def _redoc() -> HTMLResponse:
        return redoc_pagina()

    @api.middleware("http")
    async def _versie(
        request: Request, call_next: Callable[[Request], Awaitable[Response]]
    ) -> Response:
        response = await call_next(request)
        response.headers["API-Version"] = API_VERSION
        if request.url.path.endswith("/openapi.json"):
            response.headers["Access-Control-Allow-Origin"] = "*"
        return response

    return api
