# SPDX-License-Identifier: EUPL-1.2
"""iCOV report requests: asked by a participant, composed and approved by iCOV (four eyes),
delivered to the requester only."""

from __future__ import annotations

from fastapi import APIRouter

from integraal.api.deps import Ctx
from integraal.verbanden import icov
from integraal.verbanden.icov import (
    RapportageverzoekIn,
    RapportageverzoekKop,
    RapportageverzoekUit,
    RedenIn,
)

router = APIRouter(tags=["iCOV-rapportages"])


@router.get("/rapportages", summary="iCOV-rapportageverzoeken: uw eigen, of (bij iCOV) alle")
def rapportages(ctx: Ctx) -> list[RapportageverzoekKop]:
    return icov.lijst(ctx)


@router.post(
    "/rapportages",
    status_code=201,
    summary="iCOV om een vermogens- of relatierapportage vragen; de deelregels beslissen eerst",
)
def rapportage_aanvragen(ctx: Ctx, invoer: RapportageverzoekIn) -> RapportageverzoekUit:
    return icov.vraag_aan(ctx, invoer)


@router.get("/rapportages/{verzoek_id}", summary="Eén rapportageverzoek, met de rapportage")
def rapportage(ctx: Ctx, verzoek_id: str) -> RapportageverzoekUit:
    return icov.lees(ctx, verzoek_id)


@router.post(
    "/rapportages/{verzoek_id}/_opstellen",
    summary="iCOV stelt de rapportage op uit de leveringen van de deelnemers",
)
def rapportage_opstellen(ctx: Ctx, verzoek_id: str) -> RapportageverzoekUit:
    return icov.stel_op(ctx, verzoek_id)


@router.post(
    "/rapportages/{verzoek_id}/_goedkeuren",
    status_code=204,
    summary="Een tweede iCOV-medewerker keurt goed; de rapportage gaat naar de aanvrager",
)
def rapportage_goedkeuren(ctx: Ctx, verzoek_id: str) -> None:
    icov.keur_goed(ctx, verzoek_id)


@router.post(
    "/rapportages/{verzoek_id}/_afwijzen", status_code=204, summary="iCOV wijst af, met reden"
)
def rapportage_afwijzen(ctx: Ctx, verzoek_id: str, invoer: RedenIn) -> None:
    icov.wijs_af(ctx, verzoek_id, invoer)
