# SPDX-License-Identifier: EUPL-1.2
"""The register of sharing bottlenecks: in one step from a refusal, by hand, classified,
escalated, resolved and reused."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query

from integraal.api.deps import Ctx
from integraal.verbanden import knelpunten
from integraal.verbanden.knelpunten import (
    EscalatieIn,
    HergebruikIn,
    Indeling,
    KnelpuntFilter,
    KnelpuntIn,
    KnelpuntUit,
    OplossingIn,
    UitDeelverzoek,
    UitDeelwijzer,
)

router = APIRouter(tags=["Knelpunten"])


@router.get("/knelpunten", summary="Het register van knelpunten in gegevensdeling")
def knelpunten_lijst(ctx: Ctx, filter_: Annotated[KnelpuntFilter, Query()]) -> list[KnelpuntUit]:
    return knelpunten.lijst(ctx, filter_)


@router.post("/knelpunten", status_code=201, summary="Een knelpunt met de hand vastleggen")
def knelpunt_vastleggen(ctx: Ctx, invoer: KnelpuntIn) -> KnelpuntUit:
    return knelpunten.leg_vast(ctx, invoer)


@router.post(
    "/knelpunten/uit-deelwijzer",
    status_code=201,
    summary="Een weigering van de deelwijzer in één stap als knelpunt vastleggen",
)
def knelpunt_uit_deelwijzer(ctx: Ctx, invoer: UitDeelwijzer) -> KnelpuntUit:
    return knelpunten.uit_deelwijzer(ctx, invoer)


@router.post(
    "/deelverzoeken/{deelverzoek_id}/knelpunt",
    status_code=201,
    summary="Een geweigerd of afgewezen deelverzoek in één stap als knelpunt vastleggen",
)
def knelpunt_uit_deelverzoek(ctx: Ctx, deelverzoek_id: str, invoer: UitDeelverzoek) -> KnelpuntUit:
    return knelpunten.uit_deelverzoek(ctx, deelverzoek_id, invoer)


@router.get("/knelpunten/{knelpunt_id}", summary="Eén knelpunt")
def knelpunt(ctx: Ctx, knelpunt_id: str) -> KnelpuntUit:
    return knelpunten.lees(ctx, knelpunt_id)


@router.post("/knelpunten/{knelpunt_id}/_indelen", summary="Thema en soort vastleggen")
def indelen(ctx: Ctx, knelpunt_id: str, invoer: Indeling) -> KnelpuntUit:
    return knelpunten.deel_in(ctx, knelpunt_id, invoer)


@router.post("/knelpunten/{knelpunt_id}/_escaleren", summary="Escalatie en uitkomst vastleggen")
def escaleren(ctx: Ctx, knelpunt_id: str, invoer: EscalatieIn) -> KnelpuntUit:
    return knelpunten.escaleer(ctx, knelpunt_id, invoer)


@router.post("/knelpunten/{knelpunt_id}/_oplossen", summary="De oplossing vastleggen")
def oplossen(ctx: Ctx, knelpunt_id: str, invoer: OplossingIn) -> KnelpuntUit:
    return knelpunten.los_op(ctx, knelpunt_id, invoer)


@router.post(
    "/knelpunten/{knelpunt_id}/_hergebruik", summary="Vastleggen waar de oplossing is hergebruikt"
)
def hergebruik(ctx: Ctx, knelpunt_id: str, invoer: HergebruikIn) -> KnelpuntUit:
    return knelpunten.hergebruik(ctx, knelpunt_id, invoer)
