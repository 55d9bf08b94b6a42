# SPDX-License-Identifier: EUPL-1.2
"""Tokens, partners, mappings, cases of the user."""

from __future__ import annotations

import datetime as dt

from fastapi import APIRouter, Request

from integraal.api.deps import ActorDep, OmgevingDep, clientadres
from integraal.api.fouten import Probleem
from integraal.api.schemas import (
    GebruikerUit,
    MappingUit,
    PartnerUit,
    TokenUit,
)
from integraal.bronnen import afspraken
from integraal.gebruikers import geef_token, tweede_factor
from integraal.gebruikers.aanmelden import CodeIn, Tokenaanvraag, bevestig_code, meld_aan
from integraal.gebruikers.tweede_factor import Stap
from integraal.opslag.db import transactie

router = APIRouter()


@router.post(
    "/tokens",
    status_code=201,
    response_model=TokenUit,
    tags=["Toegang"],
    summary="Token aanvragen met gebruikersnaam en wachtwoord",
)
def token_aanvragen(request: Request, omgeving: OmgevingDep, gegevens: Tokenaanvraag) -> TokenUit:
    adres, nu, inst = clientadres(request), dt.datetime.now(dt.UTC), omgeving.instellingen
    with transactie(omgeving.fabriek) as sessie:
        a = meld_aan(
            sessie,
            gegevens,
            adres=adres,
            nu=nu,
            termijn=inst.toegangstermijn,
            verplicht=inst.tweede_factor_verplicht,
        )
        actor = a.actor
        if a.actor is not None and a.stap is Stap.CODE:
            # Password and code in one request: the code field is the web's second page.
            actor = bevestig_code(
                sessie,
                a.actor.gebruiker_id,
                a.actor.gebruikersnaam,
                CodeIn(code=gegevens.code or ""),
                adres=adres,
                nu=nu,
                termijn=inst.toegangstermijn,
            )
    # Refused after the commit: a failed attempt must count.
    if a.actor is None:
        raise Probleem(401, a.melding or "")
    if a.stap is Stap.ONTBREEKT:
        raise Probleem(403, a.melding or "")
    if actor is None:
        raise Probleem(401, "Dit account vraagt ook een code. " + tweede_factor.ONJUIST)
    with transactie(omgeving.fabriek) as sessie:
        token, verloopt = geef_token(sessie, actor)
    return TokenUit(
        token=token,
        verloopt_op=verloopt,
        gebruiker=GebruikerUit(
            gebruikersnaam=actor.gebruikersnaam,
            naam=actor.naam,
            organisatie=actor.organisatie_id,
            rol=actor.rol.value,
        ),
    )


def _partner(omgeving: OmgevingDep, org_id: str) -> PartnerUit:
    register = omgeving.beslisser.register
    org = register.organisatie(org_id)
    return PartnerUit(
        id=org.id,
        naam=org.naam,
        soort=org.soort,
        soort_label=register.soorten[org.soort].label,
        regio=org.regio,
        deelnemers=sorted(register.deelnemers_op(org.id, dt.date.today())),
    )


@router.get(
    "/partners",
    response_model=list[PartnerUit],
    tags=["Partners"],
    summary="Organisaties en samenwerkingsverbanden",
)
def partners(omgeving: OmgevingDep, _actor: ActorDep) -> list[PartnerUit]:
    return [_partner(omgeving, o.id) for o in omgeving.beslisser.register.organisaties]


@router.get(
    "/partners/{partner_id}",
    response_model=PartnerUit,
    tags=["Partners"],
    summary="Eén organisatie of samenwerkingsverband",
)
def partner(omgeving: OmgevingDep, _actor: ActorDep, partner_id: str) -> PartnerUit:
    try:
        return _partner(omgeving, partner_id)
    except KeyError as exc:
        raise Probleem(404, f"Partner {partner_id} bestaat niet.") from exc


@router.get(
    "/mappings",
    response_model=list[MappingUit],
    tags=["Leveringen"],
    summary="Leveringsafspraken (mappings) met hun categorieën",
)
def mappings(omgeving: OmgevingDep, _actor: ActorDep) -> list[MappingUit]:
    with transactie(omgeving.fabriek, lezen=True) as sessie:
        geldend = afspraken.geldend(sessie)
    return [
        MappingUit(
            naam=m.naam,
            titel=m.titel,
            partner=m.partner,
            ontvanger=m.ontvanger,
            doel=m.doel,
            categorieen=sorted(m.categorieen),
            bij_fout=m.bij_fout.value,
            kolommen=sorted(m.kolommen),
        )
        for m in (a.mapping for a in geldend.values())
    ]
