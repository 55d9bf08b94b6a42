# SPDX-License-Identifier: EUPL-1.2
"""Liveness and readiness, for whatever runs the app processes (a container orchestrator, a
load balancer): no sign-in, no personal data, nothing written."""

from __future__ import annotations

from typing import Literal

from fastapi import APIRouter

from integraal.api.deps import OmgevingDep
from integraal.api.fouten import Probleem
from integraal.domein.invoer import Uitvoer

router = APIRouter(tags=["Beheer"])


class Gezondheid(Uitvoer):
    status: Literal["levend", "gereed"]


@router.get("/gezondheid/levend", summary="Of dit app-proces antwoordt (liveness)")
def levend() -> Gezondheid:
    return Gezondheid(status="levend")


@router.get(
    "/gezondheid/gereed",
    summary="Of dit app-proces verzoeken aankan: database bereikbaar, schema bijgewerkt "
    "(readiness)",
    responses={503: {"description": "Nog niet gereed; de reden staat in `detail`"}},
)
def gereed(omgeving: OmgevingDep) -> Gezondheid:
    reden = omgeving.gereed()
    if reden is not None:
        raise Probleem(503, f"Integraal is nog niet gereed: {reden}.")
    return Gezondheid(status="gereed")
