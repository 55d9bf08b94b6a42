# SPDX-License-Identifier: EUPL-1.2
"""Deliveries: upload, processing in the background with a live progress bar, status pages
(the same services and input model as the API)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

from fastapi import APIRouter, BackgroundTasks, File, UploadFile
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from integraal import achtergrond
from integraal.achtergrond import Opdracht
from integraal.bronnen import leveringen, ontvangst, voortgang
from integraal.bronnen.importeren import Aanbod, Importresultaat
from integraal.bronnen.leveringen import MAX_BESTAND, Bestand, LeveringIn, Leveringstatus
from integraal.verwerking import Kanaal
from integraal.web.basis import Csrf, Kruimel, Velden, Web, WebDep
from integraal.web.formulier import Formulierstaat

router = APIRouter()


def _lijstpagina(w: Web, f: Formulierstaat) -> Response:
    with w.context() as ctx:
        lijst = leveringen.lijst(ctx)
        afspraken = leveringen.afspraken(ctx)
        casussen = leveringen.casuskeuzes(ctx)
    return w.pagina(
        "leveringen.html",
        f=f,
        leveringen=lijst,
        afspraken=[(a.naam, f"{a.titel} (aan {w.naam(a.ontvanger)})") for a in afspraken],
        casussen=[(k.casus_id, f"{k.casus_id} ({k.toelichting})") for k in casussen],
        kruimels=[Kruimel("Start", "/"), Kruimel("Leveringen")],
    )


@router.get("/leveringen", response_class=HTMLResponse)
def leveringen_pagina(w: WebDep) -> Response:
    return _lijstpagina(w, Formulierstaat())


@router.post("/leveringen", response_class=HTMLResponse, dependencies=[Csrf])
def levering_uploaden(
    w: WebDep,
    velden: Velden,
    taken: BackgroundTasks,
    bestand: Annotated[UploadFile | None, File()] = None,
) -> Response:
    """Decide and register now; process in the background (after the answer, or by a worker),
    so the user watches it progress. The file is copied to disk in blocks (one byte past the
    limit is enough to refuse it); the job removes it when done, this request when nothing is
    left to do."""
    naam = (bestand.filename or "") if bestand is not None else ""
    ontvangen: Path | None = None
    overgedragen = False

    def bied_aan(invoer: LeveringIn) -> Aanbod | Importresultaat:
        nonlocal ontvangen
        if bestand is not None:
            ontvangen = ontvangst.ontvang(
                bestand.file, w.omgeving.instellingen.data_dir, MAX_BESTAND + 1
            )
        return leveringen.bied_levering_aan(
            w.omgeving.context,
            w.ik,
            invoer,
            Bestand(naam, ontvangen or b""),
            kanaal=Kanaal.WEB,
        )

    def naar_levering(aanbod: Aanbod | Importresultaat) -> Response:
        nonlocal overgedragen
        if isinstance(aanbod, Aanbod):
            # The job owns the received file from here and removes it when done.
            achtergrond.plaats(w.omgeving, Opdracht.levering(aanbod), taken.add_task)
            overgedragen = True
        return RedirectResponse(f"/leveringen/{aanbod.levering_id}", status_code=303)

    try:
        return w.verwerk(
            LeveringIn,
            velden,
            bied_aan,
            opnieuw=lambda f: _lijstpagina(w, f),
            klaar=naar_levering,
        )
    finally:
        if ontvangen is not None and not overgedragen:
            ontvangen.unlink(missing_ok=True)


def _kruimels(titel: str) -> list[Kruimel]:
    return [Kruimel("Start", "/"), Kruimel("Leveringen", "/leveringen"), Kruimel(titel)]


@router.get("/leveringen/{levering_id}", response_class=HTMLResponse)
def levering_pagina(w: WebDep, levering_id: str) -> Response:
    lev = w.doe(lambda ctx: leveringen.lees(ctx, levering_id))
    return w.pagina(
        "levering.html",
        lev=lev,
        stand=voortgang.stand(lev),
        kruimels=_kruimels(f"Levering {lev.bestandsnaam}"),
    )


@router.get("/leveringen/{levering_id}/voortgang", response_class=HTMLResponse)
def levering_voortgang(w: WebDep, levering_id: str) -> Response:
    """The progress fragment htmx polls; once processing ended, htmx reloads the whole page."""
    lev = w.doe(lambda ctx: leveringen.lees(ctx, levering_id))
    if lev.status is not Leveringstatus.IN_BEHANDELING:
        return Response(status_code=200, headers={"HX-Refresh": "true"})
    return w.pagina("_voortgang.html", lev=lev, stand=voortgang.stand(lev))
