# SPDX-License-Identifier: EUPL-1.2
"""The ASGI application: web pages at /, the API at /api/v1."""

from __future__ import annotations

from collections.abc import Awaitable, Callable

from fastapi import FastAPI, Request, Response

from integraal.api.app import maak_api
from integraal.omgeving import Omgeving, maak_omgeving
from integraal.web.app import maak_web

BEVEILIGINGSKOPPEN = {
    "Cache-Control": "no-store",
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "no-referrer",
    "Strict-Transport-Security": "max-age=31536000",
}
CSP_HTML = (
    "default-src 'none'; style-src 'self'; img-src 'self' data:; script-src 'self'; "
    "form-action 'self'; frame-ancestors 'none'; base-uri 'none'"
)
CSP_API = "frame-ancestors 'none'"


def maak_app(omgeving: Omgeving | None = None) -> FastAPI:
    omgeving = omgeving or maak_omgeving()
    app = maak_web(omgeving)
    api = maak_api(omgeving)
    app.mount("/api/v1", api)

    @app.middleware("http")
    async def _koppen(
        request: Request, call_next: Callable[[Request], Awaitable[Response]]
    ) -> Response:
        response = await call_next(request)
        for k, v in BEVEILIGINGSKOPPEN.items():
            response.headers.setdefault(k, v)
        is_docs = request.url.path == "/api/v1/docs"
        if not is_docs:
            is_api = request.url.path.startswith("/api/")
            response.headers.setdefault("Content-Security-Policy", CSP_API if is_api else CSP_HTML)
        return response

    return app
