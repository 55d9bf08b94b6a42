# SPDX-License-Identifier: EUPL-1.2
"""Preventie met Gezag: the yearly request, a municipality's return and its review. The same
services as the web pages; aggregates only."""

from __future__ import annotations

from fastapi import APIRouter

from integraal.api.deps import Ctx
from integraal.monitor import pmg
from integraal.monitor.pmg import (
    BeoordelingIn,
    IndienIn,
    InterventieIn,
    InterventieUit,
    OpgaveUit,
    PmgOverzicht,
    UitvraagIn,
    UitvraagUit,
)

router = APIRouter(tags=["Preventie met Gezag"])


@router.get("/pmg", summary="Uitvragen en opgaven die u mag zien")
def overzicht(ctx: Ctx) -> PmgOverzicht:
    return pmg.overzicht(ctx)


@router.post("/pmg/uitvragen", status_code=201, summary="Een jaarlijkse uitvraag uitzetten")
def uitvraag(ctx: Ctx, invoer: UitvraagIn) -> UitvraagUit:
    return pmg.zet_uit(ctx, invoer)


@router.get("/pmg/opgaven/{opgave_id}", summary="Eén opgave met haar interventies")
def opgave(ctx: Ctx, opgave_id: int) -> OpgaveUit:
    return pmg.lees(ctx, opgave_id)


@router.post(
    "/pmg/opgaven/{opgave_id}/interventies",
    status_code=201,
    summary="Een interventie aan de opgave toevoegen (de eigen gemeente)",
)
def interventie_toevoegen(ctx: Ctx, opgave_id: int, invoer: InterventieIn) -> InterventieUit:
    return pmg.voeg_toe(ctx, opgave_id, invoer)


@router.put(
    "/pmg/opgaven/{opgave_id}/interventies/{interventie_id}",
    summary="Een interventie in de opgave wijzigen",
)
def interventie_wijzigen(
    ctx: Ctx, opgave_id: int, interventie_id: int, invoer: InterventieIn
) -> InterventieUit:
    return pmg.wijzig(ctx, opgave_id, interventie_id, invoer)


@router.delete(
    "/pmg/opgaven/{opgave_id}/interventies/{interventie_id}",
    summary="Een interventie uit de opgave verwijderen",
)
def interventie_verwijderen(ctx: Ctx, opgave_id: int, interventie_id: int) -> InterventieUit:
    return pmg.verwijder(ctx, opgave_id, interventie_id)


@router.post("/pmg/opgaven/{opgave_id}/indienen", summary="De opgave indienen ter beoordeling")
def indienen(ctx: Ctx, opgave_id: int, invoer: IndienIn) -> OpgaveUit:
    return pmg.dien_in(ctx, opgave_id, invoer)


@router.post(
    "/pmg/opgaven/{opgave_id}/beoordelen",
    summary="Een ingediende opgave goedkeuren of terugsturen (beleidsmedewerker monitor)",
)
def beoordelen(ctx: Ctx, opgave_id: int, invoer: BeoordelingIn) -> OpgaveUit:
    return pmg.beoordeel(ctx, opgave_id, invoer)
