# SPDX-License-Identifier: EUPL-1.2
"""Users and roles of one's own organisation (the functioneel beheerder, the coordinator):
the same services as the web pages, the same rules and the same audit records."""

from __future__ import annotations

from fastapi import APIRouter

from integraal.api.deps import Ctx, PubliekCtx, drempel
from integraal.beheer import gebruikers as dienst
from integraal.beheer.gebruikers import (
    GebruikerIn,
    GebruikerUit,
    RolIn,
    Uitnodigingsbewijs,
    WachtwoordIn,
)
from integraal.domein.invoer import Uitvoer
from integraal.gebruikers import drempels

router = APIRouter(tags=["Gebruikers"])


@router.get("/gebruikers", summary="Gebruikers van uw organisatie met rol en laatste inlog")
def gebruikers(ctx: Ctx) -> list[GebruikerUit]:
    return dienst.lijst(ctx)


@router.post(
    "/gebruikers",
    status_code=201,
    summary="Een collega uitnodigen: het account en de link waarmee hij een wachtwoord kiest",
)
def uitnodigen(ctx: Ctx, invoer: GebruikerIn) -> Uitnodigingsbewijs:
    return dienst.nodig_uit(ctx, invoer)


@router.get("/gebruikers/{gebruiker_id}", summary="Eén gebruiker van uw organisatie")
def gebruiker(ctx: Ctx, gebruiker_id: int) -> GebruikerUit:
    return dienst.lees(ctx, gebruiker_id)


@router.post("/gebruikers/{gebruiker_id}/_rol", summary="De rol van een gebruiker wijzigen")
def rol_wijzigen(ctx: Ctx, gebruiker_id: int, invoer: RolIn) -> GebruikerUit:
    return dienst.wijzig_rol(ctx, gebruiker_id, invoer)


@router.post(
    "/gebruikers/{gebruiker_id}/_uitschakelen",
    summary="Een account uitschakelen (sessies en tokens eindigen direct)",
)
def uitschakelen(ctx: Ctx, gebruiker_id: int) -> GebruikerUit:
    return dienst.schakel_uit(ctx, gebruiker_id)


@router.post("/gebruikers/{gebruiker_id}/_inschakelen", summary="Een account weer inschakelen")
def inschakelen(ctx: Ctx, gebruiker_id: int) -> GebruikerUit:
    return dienst.schakel_in(ctx, gebruiker_id)


@router.post(
    "/gebruikers/{gebruiker_id}/_uitnodiging",
    summary="Een nieuwe uitnodiging (een nieuw wachtwoord kiezen)",
)
def opnieuw_uitnodigen(ctx: Ctx, gebruiker_id: int) -> Uitnodigingsbewijs:
    return dienst.nieuwe_uitnodiging(ctx, gebruiker_id)


class Aanvaarding(Uitvoer):
    gebruikersnaam: str


@router.post(
    "/uitnodigingen/{token}",
    summary="Een uitnodiging aanvaarden: zelf een wachtwoord kiezen (zonder inloggen)",
    dependencies=[drempel(drempels.UITNODIGING)],
)
def uitnodiging_aanvaarden(ctx: PubliekCtx, token: str, invoer: WachtwoordIn) -> Aanvaarding:
    return Aanvaarding(gebruikersnaam=dienst.aanvaard(ctx, token, invoer))
