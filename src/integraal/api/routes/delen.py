# SPDX-License-Identifier: EUPL-1.2
"""Deelwijzer and the rule catalogue."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter

from integraal.api.deps import ActorDep, Ctx, OmgevingDep
from integraal.toegang.deelwijzer import BesluitUit, DeelVraag, vraag_deelwijzer

router = APIRouter(tags=["Delen"])


@router.post("/deelwijzer", summary="Mag deze verstrekking? Besluit met uitleg en wetsartikel")
def deelwijzer(ctx: Ctx, vraag: DeelVraag) -> BesluitUit:
    return vraag_deelwijzer(ctx, vraag)


@router.get("/regels", summary="De deelregelcatalogus met grondslagen")
def regels(omgeving: OmgevingDep, _actor: ActorDep) -> dict[str, Any]:
    return omgeving.beslisser.catalogus.model_dump(mode="json")
