# SPDX-License-Identifier: EUPL-1.2
"""Deliveries: upload, processing in the background with a live progress bar, status pages."""

from __future__ import annotations

import logging
from typing import Annotated

from fastapi import APIRouter, BackgroundTasks, Depends, File, Form, Request, UploadFile
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from integraal.bronnen.importeren import (
    Aanbod,
    GeenLeverancier,
    Importresultaat,
    Voortgang,
    bied_aan,
    verwerk,
)
from integraal.bronnen.lezers import OnleesbaarBestand
from integraal.bronnen.mapping import meegeleverde_mappings
from integraal.bronnen.voortgang import Voortgangsbord
from integraal.domein.actor import Actor
from integraal.domein.rollen import Rol
from integraal.domein.tekst import zin
from integraal.omgeving import Omgeving
from integraal.opslag import leveringen
from integraal.opslag.db import transactie
from integraal.opslag.modellen import Levering
from integraal.toegang.context import OnbekendeCasus
from integraal.web.basis import (
    ActorDep,
    Csrf,
    OmgevingDep,
    niet_gevonden,
    pagina,
)

router = APIRouter()
log = logging.getLogger(__name__)


def _bord(request: Request) -> Voortgangsbord:
    bord: Voortgangsbord = request.app.state.voortgang
    return bord


BordDep = Annotated[Voortgangsbord, Depends(_bord)]


def _lijstpagina(
    request: Request, omgeving: Omgeving, actor: Actor, status: int = 200, fout: str | None = None
) -> Response:
    with transactie(omgeving.fabriek) as sessie:
        lijst = leveringen.lijst_leveringen(
            sessie, None if actor.rol is Rol.FUNCTIONEEL_BEHEERDER else [actor.organisatie_id]
        )
    eigen = [m for m in meegeleverde_mappings().values() if m.partner == actor.organisatie_id]
    return pagina(
        request,
        "leveringen.html",
        actor,
        status=status,
        leveringen=lijst,
        mappings=eigen,
        fout=fout,
    )


@router.get("/leveringen", response_class=HTMLResponse)
def leveringen_pagina(request: Request, omgeving: OmgevingDep, actor: ActorDep) -> Response:
    return _lijstpagina(request, omgeving, actor)


def _verwerk_op_achtergrond(
    omgeving: Omgeving, aanbod: Aanbod, meld: Voortgang, bord: Voortgangsbord
) -> None:
    try:
        verwerk(
            omgeving.fabriek, aanbod, pseudoniem_sleutel=omgeving.pseudoniem_sleutel, voortgang=meld
        )
    except Exception:
        # The delivery is already marked failed with a Dutch message; the trace is for operators.
        log.exception("verwerking van levering %s afgebroken", aanbod.levering_id)
    finally:
        bord.klaar(aanbod.levering_id)


@router.post("/leveringen", response_class=HTMLResponse, dependencies=[Csrf])
def levering_uploaden(
    request: Request,
    omgeving: OmgevingDep,
    actor: ActorDep,
    bord: BordDep,
    taken: BackgroundTasks,
    bestand: Annotated[UploadFile, File()],
    mapping: Annotated[str, Form()] = "",
    casus: Annotated[str, Form()] = "",
) -> Response:
    """Decide and register now; process after the answer, so the user watches it progress."""
    m = meegeleverde_mappings().get(mapping)
    if m is None:
        return _lijstpagina(request, omgeving, actor, 400, "Kies een leveringsafspraak.")
    try:
        aanbod = bied_aan(
            omgeving.fabriek,
            omgeving.beslisser,
            actor,
            m,
            bestand.filename or "levering",
            bestand.file.read(),
            casus_id=casus.strip() or None,
            herkomst="web",
        )
    except (GeenLeverancier, OnleesbaarBestand, OnbekendeCasus) as exc:
        return _lijstpagina(request, omgeving, actor, 400, zin(exc))
    if not isinstance(aanbod, Importresultaat):
        meld = bord.begin(aanbod.levering_id, aanbod.geschat_aantal_rijen)
        taken.add_task(_verwerk_op_achtergrond, omgeving, aanbod, meld, bord)
    return RedirectResponse(f"/leveringen/{aanbod.levering_id}", status_code=303)


def _zichtbare_levering(omgeving: Omgeving, actor: Actor, levering_id: str) -> Levering | None:
    with transactie(omgeving.fabriek) as sessie:
        lev = leveringen.haal_levering(sessie, levering_id)
    if lev is None:
        return None
    if actor.organisatie_id in (lev.partner_id, lev.ontvanger_id):
        return lev
    return lev if actor.rol is Rol.FUNCTIONEEL_BEHEERDER else None


_NIET_ZICHTBAAR = "Deze levering bestaat niet of is niet van uw organisatie."


@router.get("/leveringen/{levering_id}", response_class=HTMLResponse)
def levering_pagina(
    request: Request, omgeving: OmgevingDep, actor: ActorDep, bord: BordDep, levering_id: str
) -> Response:
    lev = _zichtbare_levering(omgeving, actor, levering_id)
    if lev is None:
        return niet_gevonden(request, actor, _NIET_ZICHTBAAR)
    return pagina(request, "levering.html", actor, lev=lev, stand=bord.stand(lev.id))


@router.get("/leveringen/{levering_id}/voortgang", response_class=HTMLResponse)
def levering_voortgang(
    request: Request, omgeving: OmgevingDep, actor: ActorDep, bord: BordDep, levering_id: str
) -> Response:
    """The progress fragment htmx polls; once processing ended, htmx reloads the whole page."""
    lev = _zichtbare_levering(omgeving, actor, levering_id)
    if lev is None:
        return niet_gevonden(request, actor, _NIET_ZICHTBAAR)
    if lev.status != "in_behandeling":
        return Response(status_code=200, headers={"HX-Refresh": "true"})
    return pagina(request, "_voortgang.html", actor, lev=lev, stand=bord.stand(lev.id))
