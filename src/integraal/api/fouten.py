# SPDX-License-Identifier: EUPL-1.2
"""RFC 9457 problem details for every error, Dutch titles, 400 with all invalid parameters."""

from __future__ import annotations

import logging
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

PROBLEEM = "application/problem+json"
log = logging.getLogger("integraal.api")

TITELS = {
    400: "Ongeldige invoer",
    401: "Niet ingelogd",
    403: "Geen toegang",
    404: "Niet gevonden",
    405: "Methode niet toegestaan",
    406: "Gevraagd formaat niet beschikbaar",
    409: "Conflict",
    413: "Bestand te groot",
    415: "Formaat van de invoer niet ondersteund",
    422: "Verzoek niet uitvoerbaar",
    500: "Interne fout",
}


class Probleem(Exception):
    def __init__(self, status: int, detail: str, **extra: Any) -> None:
        super().__init__(detail)
        self.status, self.detail, self.extra = status, detail, extra


def probleem(status: int, detail: str, instance: str, **extra: Any) -> JSONResponse:
    body = {
        "type": f"https://integraal.example/problemen/{status}",
        "title": TITELS.get(status, "Fout"),
        "status": status,
        "detail": detail,
        "instance": instance,
        **extra,
    }
    headers = {"WWW-Authenticate": "Bearer"} if status == 401 else None
    return JSONResponse(body, status_code=status, media_type=PROBLEEM, headers=headers)


_CODES = {
    "missing": ("required", "dit veld is verplicht"),
    "string_too_short": ("min_length", "de waarde is te kort"),
    "string_too_long": ("max_length", "de waarde is te lang"),
    "string_type": ("invalid_type", "verwacht tekst"),
    "int_parsing": ("invalid_type", "verwacht een geheel getal"),
    "greater_than_equal": ("minimum", "de waarde is te klein"),
    "less_than_equal": ("maximum", "de waarde is te groot"),
    "extra_forbidden": ("unknown_field", "dit veld is onbekend"),
    "json_invalid": ("invalid_json", "de invoer is geen geldige JSON"),
    "literal_error": ("invalid_choice", "de waarde is geen toegestane keuze"),
    "enum": ("invalid_choice", "de waarde is geen toegestane keuze"),
}


def _ongeldig(errors: list[Any]) -> list[dict[str, str]]:
    uit = []
    for e in errors:
        loc = [str(p) for p in e.get("loc", ()) if p not in ("body", "query", "path", "header")]
        code, reden = _CODES.get(e.get("type", ""), ("invalid", "de waarde is ongeldig"))
        uit.append({"name": ".".join(loc) or "body", "code": code, "reason": reden})
    return uit


def registreer(app: FastAPI) -> None:
    @app.exception_handler(Probleem)
    async def _probleem(request: Request, exc: Probleem) -> JSONResponse:
        return probleem(exc.status, exc.detail, request.url.path, **exc.extra)

    @app.exception_handler(RequestValidationError)
    async def _validatie(request: Request, exc: RequestValidationError) -> JSONResponse:
        return probleem(
            400,
            "Een of meer parameters zijn ongeldig; zie invalidParams.",
            request.url.path,
            invalidParams=_ongeldig(list(exc.errors())),
        )

    @app.exception_handler(StarletteHTTPException)
    async def _http(request: Request, exc: StarletteHTTPException) -> JSONResponse:
        detail = exc.detail if isinstance(exc.detail, str) and exc.status_code != 404 else None
        if exc.status_code == 404 and isinstance(exc.detail, str) and exc.detail != "Not Found":
            detail = exc.detail
        return probleem(
            exc.status_code,
            detail or "De gevraagde bron bestaat niet of u heeft er geen toegang toe.",
            request.url.path,
        )

    @app.exception_handler(Exception)
    async def _intern(request: Request, exc: Exception) -> JSONResponse:
        log.exception("onverwachte fout", exc_info=exc)
        return probleem(
            500, "Er ging iets mis aan onze kant; probeer het later opnieuw.", request.url.path
        )
