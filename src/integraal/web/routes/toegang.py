# SPDX-License-Identifier: EUPL-1.2
"""Logging in and out, and the start page."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Form, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from integraal import logboek
from integraal.gebruikers import authenticeer
from integraal.opslag import beheer
from integraal.opslag.db import transactie
from integraal.web.basis import (
    ActorDep,
    Csrf,
    OmgevingDep,
    pagina,
)

router = APIRouter()


@router.get("/inloggen", response_class=HTMLResponse)
def inloggen(request: Request) -> Response:
    return pagina(request, "inloggen.html", None)


@router.post("/inloggen", response_class=HTMLResponse, dependencies=[Csrf])
def inloggen_verwerken(
    request: Request,
    omgeving: OmgevingDep,
    gebruikersnaam: Annotated[str, Form()] = "",
    wachtwoord: Annotated[str, Form()] = "",
) -> Response:
    with transactie(omgeving.fabriek) as sessie:
        actor = authenticeer(sessie, gebruikersnaam, wachtwoord)
        logboek.schrijf_audit(
            sessie,
            trace_id=logboek.nieuwe_trace_id(),
            gebruiker_id=actor.gebruiker_id if actor else None,
            organisatie_id=actor.organisatie_id if actor else None,
            actie="inloggen",
            resultaat="gelukt" if actor else "mislukt",
            herkomst="web",
        )
    if actor is None:
        return pagina(
            request,
            "inloggen.html",
            None,
            status=400,
            fout="Gebruikersnaam of wachtwoord onjuist.",
            gebruikersnaam=gebruikersnaam,
        )
    request.session.clear()
    request.session["gebruiker_id"] = actor.gebruiker_id
    return RedirectResponse("/", status_code=303)


@router.post("/uitloggen", dependencies=[Csrf])
def uitloggen(request: Request) -> Response:
    request.session.clear()
    return RedirectResponse("/inloggen", status_code=303)


@router.get("/", response_class=HTMLResponse)
def start(request: Request, omgeving: OmgevingDep, actor: ActorDep) -> Response:
    with transactie(omgeving.fabriek) as sessie:
        casussen = beheer.casussen_van_gebruiker(sessie, actor.gebruiker_id)
    return pagina(request, "start.html", actor, casussen=casussen)
