# SPDX-License-Identifier: EUPL-1.2
"""Integrity of use: the privacy officer's alerts and shielded persons, the coordinator's
access review. The same services as the web pages, the same rules and the same log lines."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query

from integraal.api.deps import Ctx
from integraal.integriteit import afscherming, meldingen, toegangsreview
from integraal.integriteit.afscherming import AfgeschermdeUit, AfschermingIn
from integraal.integriteit.meldingen import BeoordelingIn, MeldingUit
from integraal.integriteit.toegangsreview import ReviewIn, Toegangsreview

router = APIRouter(tags=["Integriteit"])


@router.get(
    "/integriteit/meldingen",
    summary="Integriteitsmeldingen over medewerkers van uw organisatie (privacy officer)",
)
def integriteitsmeldingen(ctx: Ctx, afgerond: Annotated[bool, Query()] = False) -> list[MeldingUit]:
    return meldingen.lijst(ctx, open_=not afgerond)


@router.get("/integriteit/meldingen/{melding_id}", summary="Eén integriteitsmelding met bewijs")
def integriteitsmelding(ctx: Ctx, melding_id: str) -> MeldingUit:
    return meldingen.lees(ctx, melding_id)


@router.post(
    "/integriteit/meldingen/{melding_id}/oordeel",
    summary="Een integriteitsmelding beoordelen (in behandeling, verklaard, misbruik)",
)
def integriteitsmelding_beoordelen(ctx: Ctx, melding_id: str, invoer: BeoordelingIn) -> MeldingUit:
    return meldingen.beoordeel(ctx, melding_id, invoer)


@router.get("/afscherming", summary="Afgeschermde personen van uw organisatie (privacy officer)")
def afgeschermden(ctx: Ctx) -> list[AfgeschermdeUit]:
    return afscherming.lijst(ctx)


@router.post("/afscherming", status_code=201, summary="Een persoon afschermen")
def afschermen(ctx: Ctx, invoer: AfschermingIn) -> AfgeschermdeUit:
    return afscherming.voeg_toe(ctx, invoer)


@router.post("/afscherming/{afscherming_id}/beeindigen", summary="Een afscherming beëindigen")
def afscherming_beeindigen(ctx: Ctx, afscherming_id: str) -> AfgeschermdeUit:
    return afscherming.beeindig(ctx, afscherming_id)


@router.get("/toegangsreview", summary="Lidmaatschappen en rollen van uw organisatie (coördinator)")
def review(ctx: Ctx) -> Toegangsreview:
    return toegangsreview.overzicht(ctx)


@router.post("/toegangsreview", summary="Lidmaatschappen en rollen bevestigen of intrekken")
def review_verwerken(ctx: Ctx, invoer: ReviewIn) -> int:
    return toegangsreview.herzie(ctx, invoer)
