# SPDX-License-Identifier: EUPL-1.2
"""Deelwijzer, the rule catalogue and the partner register."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter

from integraal.api.deps import ActorDep, Ctx, OmgevingDep
from integraal.beheer import catalogus as catalogusbeheer
from integraal.beheer import register as registerbeheer
from integraal.beheer.catalogus import OordeelIn, VersieUit, VoorstelIn, VoorstelUit
from integraal.beheer.register import (
    RegisterUit,
    RegisterversieUit,
    RegistervoorstelIn,
    RegistervoorstelUit,
)
from integraal.toegang.deelwijzer import BesluitUit, DeelVraag, vraag_deelwijzer

router = APIRouter(tags=["Delen"])


@router.post("/deelwijzer", summary="Mag deze verstrekking? Besluit met uitleg en wetsartikel")
def deelwijzer(ctx: Ctx, vraag: DeelVraag) -> BesluitUit:
    return vraag_deelwijzer(ctx, vraag)


@router.get("/regels", summary="De deelregelcatalogus met grondslagen")
def regels(omgeving: OmgevingDep, _actor: ActorDep) -> dict[str, Any]:
    return omgeving.beslisser.catalogus.model_dump(mode="json")


@router.get(
    "/regels/versies",
    summary="Versies van de regelcatalogus: in werking, eerder en voorgesteld",
)
def regelversies(ctx: Ctx) -> list[VersieUit]:
    return catalogusbeheer.versies(ctx)


@router.post(
    "/regels/versies",
    status_code=201,
    summary="Een nieuwe versie van de regelcatalogus voorstellen (YAML)",
)
def regelversie_voorstellen(ctx: Ctx, invoer: VoorstelIn) -> VersieUit:
    return catalogusbeheer.stel_voor(ctx, invoer)


@router.get(
    "/regels/versies/{versie_id}",
    summary="Een versie met haar wijzigingen en de gevolgen voor de referentieverzoeken",
)
def regelversie(ctx: Ctx, versie_id: int) -> VoorstelUit:
    return catalogusbeheer.voorstel(ctx, versie_id)


@router.post(
    "/regels/versies/{versie_id}/oordeel",
    summary="Een voorgestelde versie goedkeuren (direct in werking) of afwijzen (vier ogen)",
)
def regelversie_beoordelen(ctx: Ctx, versie_id: int, invoer: OordeelIn) -> VersieUit:
    return catalogusbeheer.beoordeel(ctx, versie_id, invoer)


@router.get(
    "/partnerregister",
    summary="Het partnerregister in werking: organisaties, aanwijzingen en convenanten",
)
def partnerregister(ctx: Ctx) -> RegisterUit:
    return registerbeheer.in_werking(ctx)


@router.get(
    "/partnerregister/versies",
    summary="Versies van het partnerregister: in werking, gepland, eerder en voorgesteld",
)
def registerversies(ctx: Ctx) -> list[RegisterversieUit]:
    return registerbeheer.versies(ctx)


@router.post(
    "/partnerregister/versies",
    status_code=201,
    summary="Een nieuwe versie van het partnerregister voorstellen (YAML, met ingangsdatum)",
)
def registerversie_voorstellen(ctx: Ctx, invoer: RegistervoorstelIn) -> RegisterversieUit:
    return registerbeheer.stel_voor(ctx, invoer)


@router.get(
    "/partnerregister/versies/{versie_id}",
    summary="Een registerversie met haar wijzigingen en de gevolgen voor de referentieverzoeken",
)
def registerversie(ctx: Ctx, versie_id: int) -> RegistervoorstelUit:
    return registerbeheer.voorstel(ctx, versie_id)


@router.post(
    "/partnerregister/versies/{versie_id}/oordeel",
    summary="Een voorgestelde registerversie goedkeuren (in werking op haar datum) of afwijzen",
)
def registerversie_beoordelen(ctx: Ctx, versie_id: int, invoer: OordeelIn) -> RegisterversieUit:
    return registerbeheer.beoordeel(ctx, versie_id, invoer)
