# SPDX-License-Identifier: EUPL-1.2
"""The API application, mounted at /api/v1 by the main app."""

from __future__ import annotations

from collections.abc import Awaitable, Callable

from fastapi import FastAPI, Request, Response
from fastapi.routing import APIRoute

from integraal import API_VERSION
from integraal.api import fouten
from integraal.api.routes import (
    algemeen,
    beslag,
    casussen,
    delen,
    entiteiten,
    kruis,
    leveringen,
    logboek,
    monitor,
    netwerk,
)
from integraal.omgeving import Omgeving

BESCHRIJVING = """
Integraal deelt gegevens voor de integrale aanpak van ondermijning alleen op een grondslag.
Elke lezing van partnergegevens gaat langs de deelregels (standaard weigeren, met uitleg) en
wordt vastgelegd in het logboek dataverwerkingen. Persoonsgegevens staan nooit in een URL.
"""


def _operatie_id(route: APIRoute) -> str:
    return route.name


def maak_api(omgeving: Omgeving | None) -> FastAPI:
    """The API app; without an environment it serves only to produce the OpenAPI document."""
    api = FastAPI(
        title="Integraal API",
        version=API_VERSION,
        description=BESCHRIJVING,
        openapi_url="/openapi.json",
        docs_url="/docs",
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
    for module in (
        algemeen,
        leveringen,
        entiteiten,
        delen,
        logboek,
        casussen,
        kruis,
        netwerk,
        beslag,
        monitor,
    ):
        api.include_router(module.router)

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
