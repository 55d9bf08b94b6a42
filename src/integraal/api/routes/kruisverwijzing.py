# SPDX-License-Identifier: EUPL-1.2
"""Cross-referencing in a case: runs, the judgement queue, votes and the subjects they make."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, BackgroundTasks, Query

from integraal import achtergrond
from integraal.achtergrond import Opdracht
from integraal.api.deps import Ctx, OmgevingDep
from integraal.kruisverwijzing import oordelen, taken
from integraal.kruisverwijzing.oordelen import (
    OnderwerpUit,
    OordeelAntwoord,
    OordeelIn,
    Wachtrijpagina,
    Wachtrijvraag,
)
from integraal.kruisverwijzing.taken import KruistaakIn, KruistaakUit

router = APIRouter(tags=["Kruisverwijzing"])


@router.post(
    "/casussen/{casus_id}/kruisverwijzingen",
    status_code=202,
    summary="Start een kruisverwijzing in een casus (loopt op de achtergrond)",
)
def start(
    ctx: Ctx,
    omgeving: OmgevingDep,
    na: BackgroundTasks,
    casus_id: str,
    invoer: KruistaakIn,
) -> KruistaakUit:
    t = taken.start(ctx, casus_id, invoer)
    achtergrond.plaats(omgeving, Opdracht.kruisverwijzing(t.id), na.add_task)
    return t


@router.get(
    "/casussen/{casus_id}/kruisverwijzingen",
    summary="Kruisverwijzingen van een casus, met voortgang",
)
def lijst(ctx: Ctx, casus_id: str) -> list[KruistaakUit]:
    return taken.lijst(ctx, casus_id)


@router.get(
    "/casussen/{casus_id}/kruissuggesties",
    summary="De beoordelingswachtrij: elk paar naast elkaar, met uitleg per veld (gelogd)",
)
def wachtrij(ctx: Ctx, casus_id: str, vraag: Annotated[Wachtrijvraag, Query()]) -> Wachtrijpagina:
    return oordelen.wachtrij(ctx, casus_id, vraag)


@router.post(
    "/casussen/{casus_id}/kruisoordelen",
    summary="Oordeel over één of meer suggesties (zelfde, anders, onzeker)",
)
def beoordeel(ctx: Ctx, casus_id: str, invoer: OordeelIn) -> OordeelAntwoord:
    return oordelen.beoordeel(ctx, casus_id, invoer)


@router.post(
    "/casussen/{casus_id}/kruisoordelen/{oordeel_id}/intrekken",
    status_code=204,
    summary="Trek een eigen oordeel in (ongedaan maken)",
)
def trek_in(ctx: Ctx, casus_id: str, oordeel_id: int) -> None:
    oordelen.trek_in(ctx, casus_id, oordeel_id)


@router.get(
    "/casussen/{casus_id}/kruisonderwerpen",
    summary="Subjecten die de oordelen samenvoegden (records per subject)",
)
def onderwerpen(ctx: Ctx, casus_id: str) -> list[OnderwerpUit]:
    return oordelen.onderwerpen(ctx, casus_id)
