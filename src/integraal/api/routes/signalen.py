# SPDX-License-Identifier: EUPL-1.2
"""Signals: partner intake and triage (each handler: one service, one input model)."""

from __future__ import annotations

from fastapi import APIRouter, Response

from integraal.api.deps import Ctx
from integraal.casus import signalen
from integraal.casus.signalen import Beoordeling, SignaalIn, SignaalUit

router = APIRouter(tags=["Signalen"])


@router.post(
    "/signalen",
    status_code=201,
    summary="Een signaal melden bij het RIEC (langs de deelregels, gelogd)",
)
def signaal_melden(ctx: Ctx, invoer: SignaalIn, response: Response) -> SignaalUit:
    s = signalen.dien_in(ctx, invoer)
    response.headers["Location"] = f"/api/v1/signalen/{s.id}"
    return s


@router.get("/signalen", summary="Signalen van uw verband (gelogd)")
def signalen_lijst(ctx: Ctx) -> list[SignaalUit]:
    return signalen.lijst(ctx)


@router.get(
    "/signalen/{signaal_id}",
    summary="Eén signaal, met subjecten die al bekend zijn in uw casussen",
)
def signaal(ctx: Ctx, signaal_id: str) -> SignaalUit:
    return signalen.lees(ctx, signaal_id)


@router.post(
    "/signalen/{signaal_id}/_beoordeel",
    summary="Een signaal in behandeling nemen of afwijzen, met reden",
)
def signaal_beoordelen(ctx: Ctx, signaal_id: str, invoer: Beoordeling) -> SignaalUit:
    return signalen.beoordeel(ctx, signaal_id, invoer)
