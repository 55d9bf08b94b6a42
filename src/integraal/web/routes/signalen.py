# SPDX-License-Identifier: EUPL-1.2
"""Signals: partner intake, the public tip form and triage."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Form, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from integraal.casus import GeenToegang, OngeldigeInvoer, signalen
from integraal.domein.actor import Actor
from integraal.domein.casus import SignaalStatus
from integraal.omgeving import Omgeving
from integraal.opslag.db import transactie
from integraal.web.basis import (
    ActorDep,
    Csrf,
    OmgevingDep,
    fout,
    pagina,
)


def _kenmerken(soorten: list[str], waarden: list[str]) -> list[tuple[str, str]]:
    return [(s, w) for s, w in zip(soorten, waarden, strict=False) if w.strip()]


@dataclass(frozen=True)
class Signaalformulier:
    verband: str
    omschrijving: str
    kenmerken: list[tuple[str, str]]


def _signaalformulier(
    verband: Annotated[str, Form()] = "",
    omschrijving: Annotated[str, Form()] = "",
    kenmerk_soort: Annotated[list[str] | None, Form()] = None,
    kenmerk_waarde: Annotated[list[str] | None, Form()] = None,
) -> Signaalformulier:
    return Signaalformulier(
        verband, omschrijving, _kenmerken(kenmerk_soort or [], kenmerk_waarde or [])
    )


FormulierDep = Annotated[Signaalformulier, Depends(_signaalformulier)]

router = APIRouter()


@router.get("/signalen", response_class=HTMLResponse)
def signalen_pagina(request: Request, omgeving: OmgevingDep, actor: ActorDep) -> Response:
    try:
        with transactie(omgeving.fabriek) as sessie:
            lijst = signalen.lijst(sessie, omgeving.beslisser, actor)
    except GeenToegang:
        lijst = None
    return pagina(request, "signalen.html", actor, signalen=lijst)


@router.get("/signalen/nieuw", response_class=HTMLResponse)
def signaal_nieuw(request: Request, omgeving: OmgevingDep, actor: ActorDep) -> Response:
    return pagina(
        request,
        "signaal_nieuw.html",
        actor,
        verbanden=_verbanden(omgeving, actor),
        soorten=signalen.KENMERK_LABELS,
        publiek=False,
    )


def _verbanden(omgeving: Omgeving, actor: Actor | None = None) -> list[Any]:
    """The public may write to any RIEC; a partner sees the partnerships it takes part in."""
    return [
        o
        for o in omgeving.beslisser.register.organisaties
        if o.soort in ("riec", "liec") and (actor is None or actor.organisatie_id in o.deelnemers)
    ]


def _dien_in(omgeving: Omgeving, actor: Actor | None, f: Signaalformulier) -> str:
    with transactie(omgeving.fabriek) as sessie:
        return signalen.dien_in(
            sessie,
            omgeving.beslisser,
            actor,
            verband_id=f.verband,
            omschrijving=f.omschrijving,
            kenmerken=f.kenmerken,
            sleutel=omgeving.pseudoniem_sleutel,
            herkomst="web" if actor else "publiek",
        )


@router.post("/signalen/nieuw", response_class=HTMLResponse, dependencies=[Csrf])
def signaal_indienen(
    request: Request, omgeving: OmgevingDep, actor: ActorDep, formulier: FormulierDep
) -> Response:
    try:
        nummer = _dien_in(omgeving, actor, formulier)
    except (GeenToegang, OngeldigeInvoer) as exc:
        return fout(request, actor, exc)
    return pagina(
        request,
        "melding.html",
        actor,
        titel="Signaal ontvangen",
        tekst=f"Uw signaal is vastgelegd onder nummer {nummer}.",
    )


@router.get("/melden", response_class=HTMLResponse)
def melden(request: Request, omgeving: OmgevingDep) -> Response:
    return pagina(
        request,
        "signaal_nieuw.html",
        None,
        verbanden=_verbanden(omgeving),
        soorten=signalen.KENMERK_LABELS,
        publiek=True,
    )


@router.post("/melden", response_class=HTMLResponse, dependencies=[Csrf])
def melden_verwerken(request: Request, omgeving: OmgevingDep, formulier: FormulierDep) -> Response:
    try:
        _dien_in(omgeving, None, formulier)
    except (GeenToegang, OngeldigeInvoer) as exc:
        return fout(request, None, exc)
    # No number back: a pseudonymous tip cannot be followed up, and saying so is honest.
    return pagina(
        request,
        "melding.html",
        None,
        titel="Dank voor uw melding",
        tekst="Uw melding is ontvangen. U krijgt geen reactie; uw melding is anoniem.",
    )


@router.get("/signalen/{signaal_id}", response_class=HTMLResponse)
def signaal_pagina(
    request: Request, omgeving: OmgevingDep, actor: ActorDep, signaal_id: str
) -> Response:
    try:
        with transactie(omgeving.fabriek) as sessie:
            beeld = signalen.lees(
                sessie, omgeving.beslisser, actor, signaal_id, omgeving.pseudoniem_sleutel
            )
    except GeenToegang as exc:
        return fout(request, actor, exc)
    return pagina(request, "signaal.html", actor, beeld=beeld, labels=signalen.KENMERK_LABELS)


@router.post("/signalen/{signaal_id}/beoordeling", response_class=HTMLResponse, dependencies=[Csrf])
def signaal_beoordelen(
    request: Request,
    omgeving: OmgevingDep,
    actor: ActorDep,
    signaal_id: str,
    status: Annotated[str, Form()] = "",
    reden: Annotated[str, Form()] = "",
) -> Response:
    try:
        with transactie(omgeving.fabriek) as sessie:
            signalen.beoordeel(sessie, actor, signaal_id, SignaalStatus(status), reden)
    except ValueError as exc:
        return fout(
            request,
            actor,
            exc
            if isinstance(exc, OngeldigeInvoer)
            else OngeldigeInvoer({"status": "kies een beoordeling"}),
        )
    except GeenToegang as exc:
        return fout(request, actor, exc)
    return RedirectResponse(f"/signalen/{signaal_id}", status_code=303)
