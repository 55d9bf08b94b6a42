# SPDX-License-Identifier: EUPL-1.2
"""The FEC: signal rounds among its participants, and the Serious Crime Taskforce's
facilitator indicators for designated banks."""

from __future__ import annotations

from fastapi import APIRouter

from integraal.api.deps import Ctx
from integraal.verbanden import fec
from integraal.verbanden.fec import (
    FacilitatorindicatorIn,
    FacilitatorindicatorUit,
    RondeantwoordIn,
    RondeIn,
    RondeUit,
)

router = APIRouter(tags=["FEC"])


@router.get("/signaalronden", summary="Signaalronden: van het FEC, of (deelnemer) aan u gericht")
def signaalronden(ctx: Ctx) -> list[RondeUit]:
    return fec.lijst(ctx)


@router.post(
    "/signaalronden",
    status_code=201,
    summary="Een signaal in een ronde voorleggen aan alle deelnemers van het FEC",
)
def signaalronde_starten(ctx: Ctx, invoer: RondeIn) -> RondeUit:
    return fec.start(ctx, invoer)


@router.get("/signaalronden/{ronde_id}", summary="Eén signaalronde, met de antwoorden (FEC)")
def signaalronde(ctx: Ctx, ronde_id: str) -> RondeUit:
    return fec.lees(ctx, ronde_id)


@router.post(
    "/signaalronden/{ronde_id}/_antwoord",
    status_code=204,
    summary="Antwoorden of het signaal bij uw organisatie bekend is",
)
def signaalronde_antwoorden(ctx: Ctx, ronde_id: str, invoer: RondeantwoordIn) -> None:
    fec.beantwoord(ctx, ronde_id, invoer)


@router.post("/signaalronden/{ronde_id}/_sluiten", status_code=204, summary="Ronde sluiten")
def signaalronde_sluiten(ctx: Ctx, ronde_id: str) -> None:
    fec.sluit(ctx, ronde_id)


@router.get(
    "/facilitatorindicatoren",
    summary="Indicatoren van facilitators (taskforce); een bank ziet de gedeelde",
)
def facilitatorindicatoren(ctx: Ctx) -> list[FacilitatorindicatorUit]:
    return fec.indicatoren(ctx)


@router.post(
    "/facilitatorindicatoren",
    status_code=201,
    summary="Een indicator opstellen (fenomeenniveau, nooit een persoon)",
)
def indicator_opstellen(ctx: Ctx, invoer: FacilitatorindicatorIn) -> FacilitatorindicatorUit:
    return fec.stel_op(ctx, invoer)


@router.post(
    "/facilitatorindicatoren/{indicator_id}/_delen",
    summary="Goedkeuren door een tweede persoon en delen met de aangewezen banken",
)
def indicator_delen(ctx: Ctx, indicator_id: str) -> list[str]:
    return fec.publiceer(ctx, indicator_id)


@router.post(
    "/facilitatorindicatoren/{indicator_id}/_intrekken",
    status_code=204,
    summary="Een indicator intrekken",
)
def indicator_intrekken(ctx: Ctx, indicator_id: str) -> None:
    fec.trek_in(ctx, indicator_id)
