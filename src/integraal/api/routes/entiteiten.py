# SPDX-License-Identifier: EUPL-1.2
"""Entities: only through the door (integraal.toegang), each read decided and logged."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query

from integraal import toegang
from integraal.api.deps import Ctx, LeesCtx
from integraal.toegang import EntiteitUit
from integraal.toegang.lezen import Leesdoel, Zoekresultaat, Zoekvraag

router = APIRouter(tags=["Entiteiten"])


@router.get(
    "/entiteiten/{entiteit_id}",
    summary="Eén entiteit, voor zover een deelregel het lezen toestaat",
)
def entiteit(ctx: Ctx, entiteit_id: str, vraag: Annotated[Leesdoel, Query()]) -> EntiteitUit:
    return toegang.entiteit(ctx, entiteit_id, vraag)


@router.post(
    "/entiteiten/_zoek",
    summary="Zoeken in entiteiten die u mag zien (zoektermen in de body, niet in de URL)",
)
def zoek(ctx: LeesCtx, vraag: Zoekvraag) -> Zoekresultaat:
    return toegang.zoek(ctx, vraag)
