# SPDX-License-Identifier: EUPL-1.2
"""What every web route shares: templates, the session actor, CSRF and Dutch refusal pages."""

from __future__ import annotations

import secrets
from collections.abc import Callable
from importlib import resources
from typing import Annotated, Any

from fastapi import Depends, Form, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from fastapi.templating import Jinja2Templates
from followthemoney import model
from followthemoney.types import registry

from integraal.casus import GeenToegang, OngeldigeInvoer
from integraal.domein.actor import Actor
from integraal.domein.labels import eigenschap_label, schema_label
from integraal.domein.rollen import ROL_LABELS, Rol
from integraal.domein.tekst import getal, zin
from integraal.gebruikers import actor_van_id
from integraal.omgeving import Omgeving
from integraal.opslag.db import Sessie, transactie

sjablonen = Jinja2Templates(directory=str(resources.files("integraal.web").joinpath("templates")))
sjablonen.env.filters["eigenschap"] = eigenschap_label
sjablonen.env.filters["schema"] = schema_label
sjablonen.env.filters["getal"] = getal


def is_verwijzing(schema: str, eigenschap: str) -> bool:
    """Whether a value names another entity, so the page links to it instead of printing it."""
    s = model.get(schema)
    prop = s.get(eigenschap) if s is not None else None
    return prop is not None and prop.type == registry.entity


sjablonen.env.globals["is_verwijzing"] = is_verwijzing


class NietIngelogd(Exception):
    pass


class Verboden(Exception):
    pass


def _omgeving(request: Request) -> Omgeving:
    omgeving: Omgeving = request.app.state.omgeving
    return omgeving


OmgevingDep = Annotated[Omgeving, Depends(_omgeving)]


def _actor(request: Request, omgeving: OmgevingDep) -> Actor:
    gebruiker_id = request.session.get("gebruiker_id")
    if not isinstance(gebruiker_id, int):
        raise NietIngelogd
    with transactie(omgeving.fabriek) as sessie:
        actor = actor_van_id(sessie, gebruiker_id)
    if actor is None:
        request.session.clear()
        raise NietIngelogd
    return actor


ActorDep = Annotated[Actor, Depends(_actor)]


def _privacy_officer(actor: ActorDep) -> Actor:
    if actor.rol is not Rol.PRIVACY_OFFICER:
        raise Verboden
    return actor


PrivacyOfficer = Annotated[Actor, Depends(_privacy_officer)]


def csrf_token(request: Request) -> str:
    token = request.session.get("csrf")
    if not isinstance(token, str):
        token = secrets.token_urlsafe(24)
        request.session["csrf"] = token
    return token


def _controleer_csrf(request: Request, csrf: Annotated[str, Form()] = "") -> None:
    verwacht = request.session.get("csrf")
    if not isinstance(verwacht, str) or not secrets.compare_digest(verwacht, csrf):
        raise Verboden


Csrf = Depends(_controleer_csrf)


def pagina(
    request: Request, sjabloon: str, actor: Actor | None, status: int = 200, **context: Any
) -> HTMLResponse:
    return sjablonen.TemplateResponse(
        request,
        sjabloon,
        {"actor": actor, "rol_labels": ROL_LABELS, "csrf": csrf_token(request), **context},
        status_code=status,
    )


def niet_gevonden(request: Request, actor: Actor | None, tekst: str) -> HTMLResponse:
    return pagina(request, "melding.html", actor, status=404, titel="Niet gevonden", tekst=tekst)


def fout(request: Request, actor: Actor | None, exc: Exception) -> Response:
    if isinstance(exc, OngeldigeInvoer):
        return pagina(
            request,
            "melding.html",
            actor,
            status=400,
            titel="Controleer de invoer",
            tekst="; ".join(f"{k}: {v}" for k, v in exc.fouten.items()),
        )
    return pagina(
        request, "melding.html", actor, status=403, titel="Niet toegestaan", tekst=zin(exc)
    )


def actie(request: Request, actor: Actor, terug: str, fn: Callable[[Sessie], Any]) -> Response:
    """One service call in one transaction; a refusal is a Dutch page, success a redirect."""
    try:
        with transactie(request.app.state.omgeving.fabriek) as sessie:
            fn(sessie)
    except (GeenToegang, OngeldigeInvoer) as exc:
        return fout(request, actor, exc)
    return RedirectResponse(terug, status_code=303)
