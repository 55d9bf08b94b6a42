# SPDX-License-Identifier: EUPL-1.2
"""Cross-referencing in a case: start a run, watch it, judge the suggestions side by side."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, BackgroundTasks, Form, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from integraal.kruis.oordeel import Oordeel, Paarstatus
from integraal.kruisverwijzing import GeenToegang, OngeldigeInvoer, oordelen, taken
from integraal.opslag import kruis as kruisopslag
from integraal.opslag.db import transactie
from integraal.web.basis import ActorDep, Csrf, OmgevingDep, actie, fout, pagina

router = APIRouter()

OORDEEL_LABELS = {
    Oordeel.ZELFDE: "Zelfde persoon",
    Oordeel.ANDERS: "Verschillende personen",
    Oordeel.ONZEKER: "Weet ik niet",
}


@router.get("/casussen/{casus_id}/kruisverwijzing", response_class=HTMLResponse)
def kruis_pagina(
    request: Request,
    omgeving: OmgevingDep,
    actor: ActorDep,
    casus_id: str,
    status: str = "",
    pagina_nr: Annotated[str, Query(alias="pagina")] = "1",
) -> Response:
    gekozen = status if status in {s.value for s in Paarstatus} else None
    nummer = int(pagina_nr) if pagina_nr.isdigit() else 1
    try:
        with transactie(omgeving.fabriek) as sessie:
            rij = oordelen.wachtrij(
                sessie,
                omgeving.beslisser,
                actor,
                casus_id,
                status=gekozen,
                pagina=nummer,
                herkomst="web",
            )
            lijst = kruisopslag.taken_van_casus(sessie, casus_id)
            subjecten = oordelen.onderwerpen(sessie, actor, casus_id)
    except (GeenToegang, OngeldigeInvoer) as exc:
        return fout(request, actor, exc)
    return pagina(
        request,
        "kruisverwijzing.html",
        actor,
        casus_id=casus_id,
        rij=rij,
        taken=lijst,
        subjecten=subjecten,
        gekozen_status=gekozen or "",
        statussen=list(Paarstatus),
        status_labels=taken.STATUS_LABELS,
        oordeel_labels=OORDEEL_LABELS,
    )


@router.post(
    "/casussen/{casus_id}/kruisverwijzing", response_class=HTMLResponse, dependencies=[Csrf]
)
def kruis_starten(
    request: Request,
    omgeving: OmgevingDep,
    actor: ActorDep,
    achtergrond: BackgroundTasks,
    casus_id: str,
    soort: Annotated[str, Form()] = "casus",
    levering: Annotated[str, Form()] = "",
    dataset_a: Annotated[str, Form()] = "",
    dataset_b: Annotated[str, Form()] = "",
) -> Response:
    try:
        gekozen = taken.Soort(soort)
    except ValueError:
        return fout(request, actor, OngeldigeInvoer({"soort": "kies wat tegen wat wordt gelegd"}))
    try:
        with transactie(omgeving.fabriek) as sessie:
            taak_id = taken.start(
                sessie,
                actor,
                casus_id,
                gekozen,
                levering_id=levering.strip() or None,
                datasets=(dataset_a.strip(), dataset_b.strip()) if dataset_a or dataset_b else None,
            )
    except (GeenToegang, OngeldigeInvoer) as exc:
        return fout(request, actor, exc)
    achtergrond.add_task(taken.op_achtergrond, omgeving.fabriek, omgeving.beslisser, taak_id, "web")
    return RedirectResponse(f"/casussen/{casus_id}/kruisverwijzing#taken", status_code=303)


@router.post(
    "/casussen/{casus_id}/kruisverwijzing/taken/{taak_id}/hervatten",
    response_class=HTMLResponse,
    dependencies=[Csrf],
)
def kruis_hervatten(
    request: Request,
    omgeving: OmgevingDep,
    actor: ActorDep,
    achtergrond: BackgroundTasks,
    casus_id: str,
    taak_id: str,
) -> Response:
    try:
        with transactie(omgeving.fabriek) as sessie:
            taken.taak_van_casus(sessie, actor, casus_id, taak_id)
    except (GeenToegang, OngeldigeInvoer) as exc:
        return fout(request, actor, exc)
    achtergrond.add_task(taken.op_achtergrond, omgeving.fabriek, omgeving.beslisser, taak_id, "web")
    return RedirectResponse(f"/casussen/{casus_id}/kruisverwijzing#taken", status_code=303)


@router.get(
    "/casussen/{casus_id}/kruisverwijzing/taken/{taak_id}/voortgang", response_class=HTMLResponse
)
def kruis_voortgang(
    request: Request, omgeving: OmgevingDep, actor: ActorDep, casus_id: str, taak_id: str
) -> Response:
    try:
        with transactie(omgeving.fabriek) as sessie:
            t = taken.taak_van_casus(sessie, actor, casus_id, taak_id, open_vereist=False)
            sessie.expunge(t)
    except (GeenToegang, OngeldigeInvoer) as exc:
        return fout(request, actor, exc)
    return pagina(
        request,
        "_kruis_voortgang.html",
        actor,
        t=t,
        casus_id=casus_id,
        status_labels=taken.STATUS_LABELS,
    )


@router.post(
    "/casussen/{casus_id}/kruisverwijzing/oordeel",
    response_class=HTMLResponse,
    dependencies=[Csrf],
)
def kruis_oordeel(
    request: Request,
    omgeving: OmgevingDep,
    actor: ActorDep,
    casus_id: str,
    oordeel: Annotated[str, Form()] = "",
    suggestie: Annotated[list[int] | None, Form()] = None,
    enkel: Annotated[str, Form()] = "",
    toelichting: Annotated[str, Form()] = "",
    terug: Annotated[str, Form()] = "",
) -> Response:
    """Bulk (the ticked suggestions, `oordeel`) or one (`enkel` = "<id>|<oordeel>")."""
    if enkel:
        nummer, _, oordeel = enkel.partition("|")
        suggestie = [int(nummer)] if nummer.isdigit() else []
    try:
        gekozen = Oordeel(oordeel)
    except ValueError:
        return fout(
            request, actor, OngeldigeInvoer({"oordeel": "kies zelfde, anders of weet niet"})
        )
    try:
        with transactie(omgeving.fabriek) as sessie:
            geweigerd = oordelen.beoordeel(
                sessie,
                actor,
                casus_id,
                suggestie or [],
                gekozen,
                toelichting.strip() or None,
                herkomst="web",
            )
    except (GeenToegang, OngeldigeInvoer) as exc:
        return fout(request, actor, exc)
    if geweigerd:
        return fout(
            request,
            actor,
            OngeldigeInvoer({f"suggestie {g.suggestie_id}": g.reden for g in geweigerd}),
        )
    doel = (
        terug
        if terug.startswith(f"/casussen/{casus_id}/kruisverwijzing")
        else (f"/casussen/{casus_id}/kruisverwijzing")
    )
    return RedirectResponse(doel, status_code=303)


@router.post(
    "/casussen/{casus_id}/kruisverwijzing/oordelen/{oordeel_id}/intrekken",
    response_class=HTMLResponse,
    dependencies=[Csrf],
)
def kruis_intrekken(
    request: Request, omgeving: OmgevingDep, actor: ActorDep, casus_id: str, oordeel_id: int
) -> Response:
    return actie(
        request,
        actor,
        f"/casussen/{casus_id}/kruisverwijzing",
        lambda s: oordelen.trek_in(s, actor, casus_id, oordeel_id, herkomst="web"),
    )
