# SPDX-License-Identifier: EUPL-1.2
"""Interventions of an adopted advice, reported by the owning organisation."""

from __future__ import annotations

from fastapi import APIRouter

from integraal.api.deps import Ctx
from integraal.casus import advies
from integraal.casus.advies import InterventieBijwerken, InterventieUit

router = APIRouter(tags=["Interventies"])


@router.get("/interventies", summary="Interventies waarvan uw organisatie eigenaar is")
def interventies(ctx: Ctx) -> list[InterventieUit]:
    return advies.van_mijn_organisatie(ctx)


@router.post(
    "/interventies/{interventie_id}/_bijwerken",
    summary="Status en uitkomst van een interventie vastleggen",
)
def interventie_bijwerken(
    ctx: Ctx, interventie_id: str, invoer: InterventieBijwerken
) -> InterventieUit:
    return advies.werk_bij(ctx, interventie_id, invoer)
