# SPDX-License-Identifier: EUPL-1.2
"""Case pages and case actions, advice and export."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Form, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from integraal.casus import GeenToegang, OngeldigeInvoer, advies, casussen, deelverzoeken
from integraal.casus.advies import Voorstel
from integraal.domein.actor import Actor
from integraal.domein.casus import MAATREGELEN
from integraal.domein.tekst import zin
from integraal.export import MEDIATYPEN, exporteer
from integraal.opslag.db import transactie
from integraal.web.basis import (
    ActorDep,
    Csrf,
    OmgevingDep,
    actie,
    fout,
    niet_gevonden,
    pagina,
)

router = APIRouter()


@router.post("/casussen", response_class=HTMLResponse, dependencies=[Csrf])
def casus_openen(
    request: Request,
    omgeving: OmgevingDep,
    actor: ActorDep,
    titel: Annotated[str, Form()] = "",
    signaal: Annotated[list[str] | None, Form()] = None,
    aanwijzingen: Annotated[str, Form()] = "",
    leden: Annotated[str, Form()] = "",
) -> Response:
    try:
        with transactie(omgeving.fabriek) as sessie:
            nummer = casussen.open_casus(
                sessie,
                actor,
                titel=titel,
                doel="integrale_aanpak",
                signaal_ids=signaal or [],
                aanwijzingen=aanwijzingen or None,
                leden=[x.strip() for x in leden.split(",") if x.strip()],
            )
    except (GeenToegang, OngeldigeInvoer) as exc:
        return fout(request, actor, exc)
    return RedirectResponse(f"/casussen/{nummer}", status_code=303)


@router.get("/casussen/{casus_id}", response_class=HTMLResponse)
def casus_pagina(
    request: Request, omgeving: OmgevingDep, actor: ActorDep, casus_id: str
) -> Response:
    try:
        with transactie(omgeving.fabriek) as sessie:
            o = casussen.overzicht(sessie, omgeving.beslisser, actor, casus_id)
    except GeenToegang as exc:
        return niet_gevonden(request, actor, zin(exc))
    orgs = [x for x in omgeving.beslisser.register.organisaties if x.soort not in ("riec", "liec")]
    return pagina(
        request,
        "casus.html",
        actor,
        o=o,
        organisaties=orgs,
        maatregelen=MAATREGELEN,
        categorieen=omgeving.beslisser.catalogus.categorieen,
    )


def _casusactie(request: Request, actor: Actor, casus_id: str, fn: Any) -> Response:
    return actie(request, actor, f"/casussen/{casus_id}", fn)


@router.post("/casussen/{casus_id}/aanwijzingen", dependencies=[Csrf])
def casus_aanwijzingen(
    request: Request, actor: ActorDep, casus_id: str, motivering: Annotated[str, Form()] = ""
) -> Response:
    return _casusactie(
        request,
        actor,
        casus_id,
        lambda s: casussen.leg_aanwijzingen_vast(s, actor, casus_id, motivering),
    )


@router.post("/casussen/{casus_id}/leden", dependencies=[Csrf])
def casus_lid(
    request: Request,
    actor: ActorDep,
    casus_id: str,
    gebruikersnaam: Annotated[str, Form()] = "",
) -> Response:
    return _casusactie(
        request,
        actor,
        casus_id,
        lambda s: casussen.voeg_lid_toe(s, actor, casus_id, gebruikersnaam),
    )


@router.post("/casussen/{casus_id}/subjecten", dependencies=[Csrf])
def casus_subject(
    request: Request,
    omgeving: OmgevingDep,
    actor: ActorDep,
    casus_id: str,
    entiteit: Annotated[str, Form()] = "",
) -> Response:
    return _casusactie(
        request,
        actor,
        casus_id,
        lambda s: casussen.koppel_subject(s, omgeving.beslisser, actor, casus_id, entiteit),
    )


@router.post("/casussen/{casus_id}/deelverzoeken", dependencies=[Csrf])
def casus_deelverzoek(
    request: Request,
    omgeving: OmgevingDep,
    actor: ActorDep,
    casus_id: str,
    verstrekker: Annotated[str, Form()] = "",
    categorie: Annotated[list[str] | None, Form()] = None,
    toelichting: Annotated[str, Form()] = "",
) -> Response:
    return _casusactie(
        request,
        actor,
        casus_id,
        lambda s: deelverzoeken.vraag(
            s,
            omgeving.beslisser,
            actor,
            casus_id=casus_id,
            verstrekker_id=verstrekker,
            categorieen=categorie or [],
            toelichting=toelichting,
        ),
    )


@router.post("/casussen/{casus_id}/sluiten", dependencies=[Csrf])
def casus_sluiten(
    request: Request, actor: ActorDep, casus_id: str, reden: Annotated[str, Form()] = ""
) -> Response:
    return _casusactie(
        request, actor, casus_id, lambda s: casussen.sluit(s, actor, casus_id, reden)
    )


@router.post("/casussen/{casus_id}/advies", dependencies=[Csrf])
def casus_advies(
    request: Request,
    omgeving: OmgevingDep,
    actor: ActorDep,
    casus_id: str,
    analyse: Annotated[str, Form()] = "",
    maatregel: Annotated[list[str] | None, Form()] = None,
    eigenaar: Annotated[list[str] | None, Form()] = None,
) -> Response:
    voorstellen = [
        Voorstel(m.split(":", 1)[0], m.split(":", 1)[-1], e)
        for m, e in zip(maatregel or [], eigenaar or [], strict=False)
        if m and e
    ]
    return _casusactie(
        request,
        actor,
        casus_id,
        lambda s: advies.stel_op(s, omgeving.beslisser, actor, casus_id, analyse, voorstellen),
    )


@router.post("/casussen/{casus_id}/advies/vaststellen", dependencies=[Csrf])
def casus_advies_vaststellen(
    request: Request, omgeving: OmgevingDep, actor: ActorDep, casus_id: str
) -> Response:
    return _casusactie(
        request,
        actor,
        casus_id,
        lambda s: advies.stel_vast(s, omgeving.beslisser, actor, casus_id),
    )


@router.get("/casussen/{casus_id}/export.{formaat}")
def casus_export(
    request: Request, omgeving: OmgevingDep, actor: ActorDep, casus_id: str, formaat: str
) -> Response:
    if formaat not in ("csv", "xlsx"):
        return niet_gevonden(request, actor, "Exporteer als csv of xlsx.")
    try:
        with transactie(omgeving.fabriek) as sessie:
            beelden = casussen.voor_export(
                sessie, omgeving.beslisser, actor, casus_id, formaat, "web"
            )
    except GeenToegang as exc:
        return niet_gevonden(request, actor, zin(exc))
    return Response(
        exporteer(beelden, formaat),
        media_type=MEDIATYPEN[formaat],
        headers={"Content-Disposition": f'attachment; filename="casus-{casus_id}.{formaat}"'},
    )
