# SPDX-License-Identifier: EUPL-1.2
"""The sharing guide, search, entity pages and the privacy officer's log pages."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Form, Request
from fastapi.responses import HTMLResponse, Response

from integraal import logboek
from integraal.delen import leg_uit
from integraal.domein.tekst import zin
from integraal.opslag import beheer
from integraal.opslag.db import transactie
from integraal.toegang import Leesvraag, lees_entiteit, zoek_entiteiten
from integraal.toegang.context import OnbekendeCasus
from integraal.toegang.deelwijzer import OngeldigeVraag, vraag_deelwijzer
from integraal.toegang.inzage import inzage_verzoek
from integraal.web.basis import (
    ActorDep,
    Csrf,
    OmgevingDep,
    PrivacyOfficer,
    niet_gevonden,
    pagina,
)

router = APIRouter()


@router.get("/deelwijzer", response_class=HTMLResponse)
def deelwijzer(request: Request, omgeving: OmgevingDep, actor: ActorDep) -> Response:
    return pagina(request, "deelwijzer.html", actor, beslisser=omgeving.beslisser, vraag={})


@router.post("/deelwijzer", response_class=HTMLResponse, dependencies=[Csrf])
def deelwijzer_vragen(
    request: Request,
    omgeving: OmgevingDep,
    actor: ActorDep,
    van: Annotated[str, Form()] = "",
    aan: Annotated[str, Form()] = "",
    categorie: Annotated[str, Form()] = "",
    doel: Annotated[str, Form()] = "",
    casus: Annotated[str, Form()] = "",
) -> Response:
    vraag = {"van": van, "aan": aan, "categorie": categorie, "doel": doel, "casus": casus}
    try:
        with transactie(omgeving.fabriek) as sessie:
            besluit = vraag_deelwijzer(
                sessie,
                omgeving.beslisser,
                van=van,
                aan=aan,
                categorie=categorie,
                doel=doel,
                casus_id=casus.strip() or None,
                actor=actor.ref,
            )
    except OngeldigeVraag as exc:
        return pagina(
            request,
            "deelwijzer.html",
            actor,
            status=400,
            beslisser=omgeving.beslisser,
            vraag=vraag,
            fouten=exc.fouten,
        )
    except OnbekendeCasus as exc:
        return pagina(
            request,
            "deelwijzer.html",
            actor,
            status=400,
            beslisser=omgeving.beslisser,
            vraag=vraag,
            fouten={"casus": str(exc)},
        )
    uitleg = leg_uit(besluit, omgeving.beslisser.catalogus, omgeving.beslisser.register)
    return pagina(
        request,
        "deelwijzer.html",
        actor,
        beslisser=omgeving.beslisser,
        vraag=vraag,
        besluit=besluit,
        uitleg=uitleg,
    )


@router.get("/zoeken", response_class=HTMLResponse)
def zoeken(request: Request, omgeving: OmgevingDep, actor: ActorDep) -> Response:
    with transactie(omgeving.fabriek) as sessie:
        casussen = beheer.casussen_van_gebruiker(sessie, actor.gebruiker_id)
    return pagina(
        request,
        "zoeken.html",
        actor,
        casussen=casussen,
        vraag={},
        doelen=omgeving.beslisser.catalogus.doelen,
    )


@router.post("/zoeken", response_class=HTMLResponse, dependencies=[Csrf])
def zoeken_verwerken(
    request: Request,
    omgeving: OmgevingDep,
    actor: ActorDep,
    zoekterm: Annotated[str, Form()] = "",
    doel: Annotated[str, Form()] = "",
    casus: Annotated[str, Form()] = "",
) -> Response:
    vraag = {"zoekterm": zoekterm, "doel": doel, "casus": casus}
    fout = None
    resultaten = []
    try:
        with transactie(omgeving.fabriek) as sessie:
            casussen = beheer.casussen_van_gebruiker(sessie, actor.gebruiker_id)
            resultaten = zoek_entiteiten(
                sessie,
                omgeving.beslisser,
                actor,
                Leesvraag(doel or "integrale_aanpak", casus or None, "web"),
                pseudoniem_sleutel=omgeving.pseudoniem_sleutel,
                term=zoekterm or None,
            )
    except OnbekendeCasus as exc:
        fout = zin(exc)
        casussen = []
    return pagina(
        request,
        "zoeken.html",
        actor,
        casussen=casussen,
        vraag=vraag,
        resultaten=resultaten,
        gezocht=True,
        fout=fout,
        doelen=omgeving.beslisser.catalogus.doelen,
    )


@router.get("/entiteiten/{entiteit_id}", response_class=HTMLResponse)
def entiteit_pagina(
    request: Request,
    omgeving: OmgevingDep,
    actor: ActorDep,
    entiteit_id: str,
    doel: str = "integrale_aanpak",
    casus: str = "",
) -> Response:
    try:
        with transactie(omgeving.fabriek) as sessie:
            beeld = lees_entiteit(
                sessie,
                omgeving.beslisser,
                actor,
                Leesvraag(doel, casus or None, "web"),
                entiteit_id,
            )
    except OnbekendeCasus:
        beeld = None
    if beeld is None:
        return niet_gevonden(
            request,
            actor,
            "Deze entiteit bestaat niet of geen deelregel staat u toe haar te lezen.",
        )
    return pagina(request, "entiteit.html", actor, beeld=beeld, doel=doel, casus=casus)


@router.get("/logboek", response_class=HTMLResponse)
def logboek_pagina(request: Request, omgeving: OmgevingDep, po: PrivacyOfficer) -> Response:
    with transactie(omgeving.fabriek) as sessie:
        verificatie = logboek.verifieer(sessie)
    return pagina(request, "logboek.html", po, verificatie=verificatie)


@router.post("/logboek/inzage", response_class=HTMLResponse, dependencies=[Csrf])
def logboek_inzage(
    request: Request,
    omgeving: OmgevingDep,
    po: PrivacyOfficer,
    betrokkene: Annotated[str, Form()] = "",
) -> Response:
    with transactie(omgeving.fabriek) as sessie:
        verificatie = logboek.verifieer(sessie)
        regels = None
        if betrokkene.strip():
            _, regels = inzage_verzoek(sessie, po, betrokkene, omgeving.pseudoniem_sleutel, "web")
    return pagina(request, "logboek.html", po, verificatie=verificatie, inzage=regels)
