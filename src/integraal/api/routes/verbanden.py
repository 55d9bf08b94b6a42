# SPDX-License-Identifier: EUPL-1.2
"""The partnerships (what each does, who is designated) and the WGS duty to inform a case's
subjects."""

from __future__ import annotations

from fastapi import APIRouter

from integraal.api.deps import Ctx
from integraal.verbanden import informeren, overzicht
from integraal.verbanden.informeren import BeslissingUit, BetrokkeneUit, InformerenIn
from integraal.verbanden.overzicht import VerbandUit

router = APIRouter(tags=["Samenwerkingsverbanden"])


@router.get(
    "/casussen/{casus_id}/informeren",
    summary="Betrokkenen van de casus met het besluit over informeren (WGS)",
)
def informeren_overzicht(ctx: Ctx, casus_id: str) -> list[BetrokkeneUit]:
    return informeren.overzicht(ctx, casus_id)


@router.post(
    "/casussen/{casus_id}/informeren",
    status_code=201,
    summary="Vastleggen dat een betrokkene is geïnformeerd, of uitstellen met reden",
)
def informeren_vastleggen(ctx: Ctx, casus_id: str, invoer: InformerenIn) -> BeslissingUit:
    return informeren.leg_vast(ctx, casus_id, invoer)


@router.get("/verbanden", summary="De samenwerkingsverbanden en wat elk doet (werkwijze)")
def verbanden_lijst(ctx: Ctx) -> list[VerbandUit]:
    return overzicht.verbanden(ctx)


@router.get(
    "/verbanden/{verband_id}",
    summary="Eén samenwerkingsverband: werkwijze, deelnemers vandaag en aanwijzingen bij besluit",
)
def verband(ctx: Ctx, verband_id: str) -> VerbandUit:
    return overzicht.verband(ctx, verband_id)
