# SPDX-License-Identifier: EUPL-1.2
"""RFC 9457 problem details for every error, Dutch titles, 400 with all invalid parameters."""

from __future__ import annotations

import logging
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from pydantic import BaseModel
from starlette.exceptions import HTTPException as StarletteHTTPException

from integraal.delen import Geweigerd
from integraal.domein.fouten import (
    Conflict,
    GeenToegang,
    NietGevonden,
    OngeldigeInvoer,
    Weigering,
)
from integraal.domein.invoer import beschrijf
from integraal.domein.tekst import zin
from integraal.gebruikers.drempels import TeVaak

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
    429: "Te vaak geprobeerd",
    500: "Interne fout",
    503: "Niet beschikbaar",
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
    headers = {"WWW-Authenticate": "Bearer"} if status == 401 else {}
    if status == 429 and "retryAfter" in extra:
        headers["Retry-After"] = str(extra["retryAfter"])
    return JSONResponse(body, status_code=status, media_type=PROBLEEM, headers=headers or None)


_CODES = {
    "missing": "required",
    "string_too_short": "min_length",
    "string_too_long": "max_length",
    "string_type": "invalid_type",
    "int_parsing": "invalid_type",
    "greater_than_equal": "minimum",
    "less_than_equal": "maximum",
    "extra_forbidden": "unknown_field",
    "json_invalid": "invalid_json",
    "literal_error": "invalid_choice",
    "enum": "invalid_choice",
}


def _invoermodel(request: Request) -> type[BaseModel] | None:
    """The input model of the route that refused the request, to name its fields."""
    route = request.scope.get("route")
    dependant = getattr(route, "dependant", None)
    velden = [*getattr(dependant, "body_params", ()), *getattr(dependant, "query_params", ())]
    for veld in velden:
        annotatie = getattr(veld.field_info, "annotation", None)
        if isinstance(annotatie, type) and issubclass(annotatie, BaseModel):
            return annotatie
    return None


def _ongeldig(errors: list[Any], model: type[BaseModel] | None) -> list[dict[str, str]]:
    """Pydantic's errors with our Dutch messages (the ones the web forms show too)."""
    uit = []
    for e in errors:
        loc = [p for p in e.get("loc", ()) if p not in ("body", "query", "path", "header")]
        uit.append(
            {
                "name": ".".join(str(p) for p in loc) or "body",
                "code": _CODES.get(e.get("type", ""), "invalid"),
                "reason": beschrijf(e, model, loc),
            }
        )
    return uit


def ongeldige_parameters(fouten: dict[str, str]) -> list[dict[str, str]]:
    return [{"name": k or "body", "code": "invalid", "reason": v} for k, v in fouten.items()]


_STARLETTE = {"Not Found", "Method Not Allowed", "Not Acceptable", "Unsupported Media Type"}
_HTTP = {
    404: "De gevraagde bron bestaat niet of u heeft er geen toegang toe.",
    405: "Deze methode is op dit adres niet toegestaan; zie de API-documentatie.",
}

# The status of a refusal follows from its type, never from its text.
STATUS: dict[type[Weigering], int] = {
    OngeldigeInvoer: 400,
    GeenToegang: 403,
    NietGevonden: 404,
    Conflict: 409,
    TeVaak: 429,
}


async def _weigering(request: Request, exc: Exception) -> JSONResponse:
    """A service's refusal in its own words, with what its kind adds: every field's message
    for bad input, the rule behind a refusal by the rule engine."""
    assert isinstance(exc, Weigering)
    status = next(v for k, v in STATUS.items() if isinstance(exc, k))
    detail = zin(exc.melding)
    extra: dict[str, Any] = {}
    if isinstance(exc, OngeldigeInvoer):
        detail = "De invoer is onvolledig of ongeldig; zie invalidParams."
        extra = {"invalidParams": ongeldige_parameters(exc.fouten)}
    elif isinstance(exc, TeVaak):
        extra = {"retryAfter": exc.seconden}
    elif isinstance(exc, Geweigerd):
        b = exc.besluit
        extra = {"regelId": b.regel_id, "besluitId": b.besluit_id, "uitleg": exc.uitleg}
    return probleem(status, detail, request.url.path, **extra)


def registreer(app: FastAPI) -> None:
    """Every refusal type mapped once: the status follows from the type, never the text."""
    for soort in STATUS:
        app.add_exception_handler(soort, _weigering)

    @app.exception_handler(Probleem)
    async def _probleem(request: Request, exc: Probleem) -> JSONResponse:
        return probleem(exc.status, exc.detail, request.url.path, **exc.extra)

    @app.exception_handler(RequestValidationError)
    async def _validatie(request: Request, exc: RequestValidationError) -> JSONResponse:
        ongeldig = _ongeldig(list(exc.errors()), _invoermodel(request))
        detail = "Een of meer parameters zijn ongeldig; zie invalidParams."
        return probleem(400, detail, request.url.path, invalidParams=ongeldig)

    @app.exception_handler(StarletteHTTPException)
    async def _http(request: Request, exc: StarletteHTTPException) -> JSONResponse:
        # Starlette's own texts ("Not Found", "Method Not Allowed") are English: say it in Dutch.
        eigen = isinstance(exc.detail, str) and exc.detail not in _STARLETTE
        detail = str(exc.detail) if eigen else _HTTP.get(exc.status_code, "")
        return probleem(
            exc.status_code, detail or TITELS.get(exc.status_code, "Fout"), request.url.path
        )

    @app.exception_handler(Exception)
    async def _intern(request: Request, exc: Exception) -> JSONResponse:
        log.exception("onverwachte fout", exc_info=exc)
        detail = "Er ging iets mis aan onze kant; probeer het later opnieuw."
        return probleem(500, detail, request.url.path)
