# SPDX-License-Identifier: EUPL-1.2
"""Refusals and errors as Dutch pages in the common layout, mapped once by type."""

from __future__ import annotations

import logging

from fastapi import FastAPI, Request
from fastapi.responses import Response
from starlette.exceptions import HTTPException as StarletteHTTPException

from integraal.domein.actor import Actor
from integraal.domein.fouten import (
    Conflict,
    GeenToegang,
    NietGevonden,
    OngeldigeInvoer,
    Weigering,
)
from integraal.domein.tekst import zin
from integraal.gebruikers.drempels import TeVaak
from integraal.toegang.afscherming import RedenVereist
from integraal.web.basis import (
    AFSCHERMINGSREDEN,
    NietIngelogd,
    Verboden,
    actor_of_niemand,
    naar_inloggen,
    render,
)
from integraal.web.formulier import Formulierstaat

log = logging.getLogger("integraal.web")


def _actor(request: Request) -> Actor | None:
    """Who is signed in, without failing: an error page must never raise itself (outside the
    session middleware, for a 500, there is no session to read)."""
    try:
        return actor_of_niemand(request, request.app.state.omgeving)
    except Exception:
        return None


# Pages whose words do not depend on the error: (status, title, what to do).
VERLOPEN = (
    403,
    "Het formulier is verlopen",
    "Om veiligheidsredenen werkt een formulier maar een tijd. Ga terug, laad de pagina opnieuw "
    "en verstuur het nog een keer.",
)
ALLEEN_VERSTUREN = (
    405,
    "Dit adres werkt zo niet",
    "Deze pagina is er alleen om een formulier naar te versturen. Gebruik het menu of ga naar de "
    "startpagina.",
)
ONBEKEND_ADRES = (
    404,
    "Pagina niet gevonden",
    "Dit adres bestaat niet. Controleer het adres, of ga via het menu verder.",
)
INTERN = (
    500,
    "Er ging iets mis",
    "Er ging iets mis aan onze kant. Wat u net deed, is niet opgeslagen. Probeer het over een "
    "paar minuten opnieuw.",
)
# A refusal in the service's own words, under a title for its kind.
WEIGERINGEN: dict[type[Weigering], tuple[int, str]] = {
    GeenToegang: (403, "Geen toegang"),
    NietGevonden: (404, "Niet gevonden"),
    Conflict: (409, "Dit kan nu niet"),
    TeVaak: (429, "Even wachten"),
}


async def weiger(request: Request, status: int, tekst: str) -> Response:
    """A refusal at the door (`web.grenzen`), before a route ran."""
    titel = "Het bestand is te groot" if status == 413 else "Dit lukt niet"
    return _pagina(request, status, titel, tekst)


def _pagina(
    request: Request, status: int, titel: str, tekst: str, *, fouten: list[str] | None = None
) -> Response:
    return render(
        request,
        "fout.html",
        _actor(request),
        status=status,
        titel=titel,
        tekst=tekst,
        meldingen=fouten or [],
    )


async def _weigering(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, Weigering)
    status, titel = next(v for k, v in WEIGERINGEN.items() if isinstance(exc, k))
    antwoord = _pagina(request, status, titel, zin(exc.melding))
    if isinstance(exc, TeVaak):
        antwoord.headers["Retry-After"] = str(exc.seconden)
    return antwoord


def registreer(app: FastAPI) -> None:
    @app.exception_handler(NietIngelogd)
    async def _naar_login(request: Request, _exc: NietIngelogd) -> Response:
        return naar_inloggen(request)

    @app.exception_handler(Verboden)
    async def _verboden(request: Request, _exc: Verboden) -> Response:
        return _pagina(request, *VERLOPEN)

    for soort in WEIGERINGEN:
        app.add_exception_handler(soort, _weigering)

    @app.exception_handler(RedenVereist)
    async def _reden(request: Request, _exc: RedenVereist) -> Response:
        # GOV.UK: ask for what is missing on the same address, keeping what was asked.
        parameters = [
            (k, v) for k, v in request.query_params.multi_items() if k != AFSCHERMINGSREDEN
        ]
        gegeven = AFSCHERMINGSREDEN in request.query_params
        fouten = {AFSCHERMINGSREDEN: "Geef op waarom u deze gegevens leest."} if gegeven else {}
        return render(
            request,
            "afscherming_reden.html",
            _actor(request),
            status=409 if gegeven else 200,
            pad=request.url.path,
            parameters=parameters,
            f=Formulierstaat({}, fouten),
        )

    @app.exception_handler(OngeldigeInvoer)
    async def _ongeldig(request: Request, exc: OngeldigeInvoer) -> Response:
        meldingen = [zin(v) for v in exc.fouten.values()]
        titel = "Controleer wat u heeft ingevuld"
        return _pagina(request, 400, titel, "Niet alles wat u stuurde is juist:", fouten=meldingen)

    @app.exception_handler(StarletteHTTPException)
    async def _http(request: Request, exc: StarletteHTTPException) -> Response:
        if exc.status_code == 405:
            return _pagina(request, *ALLEEN_VERSTUREN)
        if exc.status_code == 404:
            return _pagina(request, *ONBEKEND_ADRES)
        return _pagina(request, exc.status_code, "Dit lukt niet", zin(str(exc.detail)))

    @app.exception_handler(Exception)
    async def _intern(request: Request, exc: Exception) -> Response:
        log.exception("onverwachte fout", exc_info=exc)
        return _pagina(request, *INTERN)
