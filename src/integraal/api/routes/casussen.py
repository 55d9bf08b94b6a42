# SPDX-License-Identifier: EUPL-1.2
"""Cases and their advice (each handler: one service, one input model)."""

from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter, Query, Response

from integraal.api.deps import Ctx, bestand, downloadantwoord
from integraal.casus import advies, casussen, export
from integraal.casus.advies import AdviesIn, AdviesUit
from integraal.casus.casussen import (
    CasusFilter,
    CasusIn,
    Casusoverzicht,
    CasusUit,
    LidIn,
    Motivering,
    Sluiten,
    SubjectIn,
    ThemaIn,
)
from integraal.toegang import EntiteitUit

router = APIRouter(tags=["Casussen"])


@router.get("/casussen", summary="Casussen waaraan u werkt (zonder persoonsgegevens)")
def casussen_lijst(ctx: Ctx, filter_: Annotated[CasusFilter, Query()]) -> list[CasusUit]:
    return casussen.lijst(ctx, filter_)


@router.post(
    "/casussen",
    status_code=201,
    summary="Een casus openen uit een of meer signalen (coördinator)",
)
def casus_openen(ctx: Ctx, invoer: CasusIn, response: Response) -> CasusUit:
    c = casussen.open_casus(ctx, invoer)
    response.headers["Location"] = f"/api/v1/casussen/{c.id}"
    return c


@router.get(
    "/casussen/{casus_id}",
    summary="Casusoverzicht: leden, subjecten (langs de deelregels), verzoeken, advies, tijdlijn",
)
def casus(ctx: Ctx, casus_id: str) -> Casusoverzicht:
    return casussen.overzicht(ctx, casus_id)


@router.get(
    "/casussen/{casus_id}/export",
    summary="Casusoverzicht exporteren als CSV of Excel (langs de deelregels, vastgelegd)",
    response_class=Response,
    responses=downloadantwoord(
        "Casus, subjecten met herkomst, verzoeken, advies, interventies en tijdlijn, met "
        "Nederlandse kolomnamen."
    ),
)
def casus_export(
    ctx: Ctx,
    casus_id: str,
    formaat: Annotated[Literal["csv", "xlsx"], Query(description="csv of xlsx")] = "csv",
) -> Response:
    return bestand(export.exporteer(ctx, casus_id, formaat), f"casus-{casus_id}.{formaat}")


@router.post(
    "/casussen/{casus_id}/aanwijzingen",
    status_code=204,
    summary="Duidelijke en objectieve aanwijzingen vastleggen, met motivering",
)
def aanwijzingen(ctx: Ctx, casus_id: str, invoer: Motivering) -> None:
    casussen.leg_aanwijzingen_vast(ctx, casus_id, invoer)


@router.post(
    "/casussen/{casus_id}/thema",
    status_code=204,
    summary="Het thema van de casus vastleggen (voor de monitor)",
)
def thema(ctx: Ctx, casus_id: str, invoer: ThemaIn) -> None:
    casussen.leg_thema_vast(ctx, casus_id, invoer)


@router.post("/casussen/{casus_id}/leden", status_code=204, summary="Een lid toevoegen")
def lid_toevoegen(ctx: Ctx, casus_id: str, invoer: LidIn) -> None:
    casussen.voeg_lid_toe(ctx, casus_id, invoer)


@router.post(
    "/casussen/{casus_id}/subjecten",
    summary="Een entiteit die u in de casus mag zien aan de casus koppelen",
)
def subject_koppelen(ctx: Ctx, casus_id: str, invoer: SubjectIn) -> EntiteitUit:
    return casussen.koppel_subject(ctx, casus_id, invoer)


@router.post(
    "/casussen/{casus_id}/_sluit",
    status_code=204,
    summary="De casus sluiten, met reden (lopende interventies: bevestigen)",
)
def casus_sluiten(ctx: Ctx, casus_id: str, invoer: Sluiten) -> None:
    casussen.sluit(ctx, casus_id, invoer)


@router.put("/casussen/{casus_id}/advies", summary="Het handhavingsadvies opstellen of herzien")
def advies_opstellen(ctx: Ctx, casus_id: str, invoer: AdviesIn) -> AdviesUit:
    return advies.stel_op(ctx, casus_id, invoer)


@router.post(
    "/casussen/{casus_id}/advies/_vaststellen",
    status_code=204,
    summary="Het advies vaststellen (coördinator, niet de opsteller)",
)
def advies_vaststellen(ctx: Ctx, casus_id: str) -> None:
    advies.stel_vast(ctx, casus_id)
