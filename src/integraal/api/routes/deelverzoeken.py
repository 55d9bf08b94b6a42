# SPDX-License-Identifier: EUPL-1.2
"""Data requests: asked in a case, judged by the providing organisation (four eyes)."""

from __future__ import annotations

from fastapi import APIRouter

from integraal.api.deps import Ctx
from integraal.casus import deelverzoeken
from integraal.casus.deelverzoeken import AntwoordIn, DeelverzoekIn, DeelverzoekUit, Reden

router = APIRouter(tags=["Deelverzoeken"])


@router.post(
    "/casussen/{casus_id}/deelverzoeken",
    status_code=201,
    summary="Een partner om gegevens vragen; de deelregels beslissen per categorie",
)
def deelverzoek_doen(ctx: Ctx, casus_id: str, invoer: DeelverzoekIn) -> DeelverzoekUit:
    return deelverzoeken.vraag(ctx, casus_id, invoer)


@router.get(
    "/deelverzoeken",
    summary="Deelverzoeken aan uw organisatie die op goedkeuring of antwoord wachten",
)
def deelverzoeken_lijst(ctx: Ctx) -> list[DeelverzoekUit]:
    return deelverzoeken.te_beoordelen(ctx)


@router.get("/deelverzoeken/{deelverzoek_id}", summary="Eén deelverzoek aan uw organisatie")
def deelverzoek(ctx: Ctx, deelverzoek_id: str) -> DeelverzoekUit:
    return deelverzoeken.lees(ctx, deelverzoek_id)


@router.post(
    "/deelverzoeken/{deelverzoek_id}/_goedkeuren",
    status_code=204,
    summary="Goedkeuren door een tweede persoon van de verstrekker (vierogenprincipe)",
)
def goedkeuren(ctx: Ctx, deelverzoek_id: str) -> None:
    deelverzoeken.keur_goed(ctx, deelverzoek_id)


@router.post(
    "/deelverzoeken/{deelverzoek_id}/_afwijzen", status_code=204, summary="Afwijzen, met reden"
)
def afwijzen(ctx: Ctx, deelverzoek_id: str, invoer: Reden) -> None:
    deelverzoeken.wijs_af(ctx, deelverzoek_id, invoer)


@router.post(
    "/deelverzoeken/{deelverzoek_id}/_beantwoord",
    status_code=204,
    summary="Een verwerkte levering koppelen als antwoord",
)
def beantwoorden(ctx: Ctx, deelverzoek_id: str, invoer: AntwoordIn) -> None:
    deelverzoeken.beantwoord(ctx, deelverzoek_id, invoer)
