# SPDX-License-Identifier: EUPL-1.2
"""Work queues of partner organisations: data requests to judge and interventions."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Form, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from integraal.casus import GeenToegang, OngeldigeInvoer, advies, deelverzoeken
from integraal.domein.casus import UITKOMSTEN
from integraal.domein.tekst import lees_bedrag
from integraal.opslag import leveringen
from integraal.opslag.db import transactie
from integraal.web.basis import (
    ActorDep,
    Csrf,
    OmgevingDep,
    actie,
    fout,
    pagina,
)

router = APIRouter()


@router.get("/deelverzoeken", response_class=HTMLResponse)
def deelverzoeken_pagina(request: Request, omgeving: OmgevingDep, actor: ActorDep) -> Response:
    with transactie(omgeving.fabriek) as sessie:
        lijst = deelverzoeken.te_beoordelen(sessie, actor)
        eigen = leveringen.lijst_leveringen(sessie, [actor.organisatie_id])
    return pagina(
        request,
        "deelverzoeken.html",
        actor,
        lijst=lijst,
        leveringen=[
            x for x in eigen if x.status == "verwerkt" and x.partner_id == actor.organisatie_id
        ],
    )


@router.post("/deelverzoeken/{deelverzoek_id}/goedkeuren", dependencies=[Csrf])
def dv_goedkeuren(request: Request, actor: ActorDep, deelverzoek_id: str) -> Response:
    return actie(
        request,
        actor,
        "/deelverzoeken",
        lambda s: deelverzoeken.keur_goed(s, actor, deelverzoek_id),
    )


@router.post("/deelverzoeken/{deelverzoek_id}/afwijzen", dependencies=[Csrf])
def dv_afwijzen(
    request: Request, actor: ActorDep, deelverzoek_id: str, reden: Annotated[str, Form()] = ""
) -> Response:
    return actie(
        request,
        actor,
        "/deelverzoeken",
        lambda s: deelverzoeken.wijs_af(s, actor, deelverzoek_id, reden),
    )


@router.post("/deelverzoeken/{deelverzoek_id}/antwoord", dependencies=[Csrf])
def dv_antwoord(
    request: Request,
    actor: ActorDep,
    deelverzoek_id: str,
    levering: Annotated[str, Form()] = "",
) -> Response:
    return actie(
        request,
        actor,
        "/deelverzoeken",
        lambda s: deelverzoeken.beantwoord(s, actor, deelverzoek_id, levering),
    )


@router.get("/interventies", response_class=HTMLResponse)
def interventies_pagina(request: Request, omgeving: OmgevingDep, actor: ActorDep) -> Response:
    with transactie(omgeving.fabriek) as sessie:
        lijst = advies.van_mijn_organisatie(sessie, actor)
    return pagina(request, "interventies.html", actor, lijst=lijst, uitkomsten=UITKOMSTEN)


@router.post("/interventies/{interventie_id}", dependencies=[Csrf])
def interventie_bijwerken(
    request: Request,
    actor: ActorDep,
    interventie_id: str,
    status: Annotated[str, Form()] = "",
    uitkomst: Annotated[str, Form()] = "",
    bedrag: Annotated[str, Form()] = "",
) -> Response:
    try:
        euro = lees_bedrag(bedrag) if bedrag.strip() else None
    except ValueError:
        return fout(request, actor, OngeldigeInvoer({"bedrag": "vul een bedrag in, bv. 1.250,00"}))
    try:
        with transactie(request.app.state.omgeving.fabriek) as sessie:
            advies.werk_bij(
                sessie,
                actor,
                interventie_id,
                status=status,
                uitkomst=uitkomst or None,
                bedrag_euro=euro,
            )
    except (GeenToegang, OngeldigeInvoer) as exc:
        return fout(request, actor, exc)
    return RedirectResponse("/interventies", status_code=303)
