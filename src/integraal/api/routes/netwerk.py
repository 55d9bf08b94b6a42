# SPDX-License-Identifier: EUPL-1.2
"""The network view of a case: relations of a subject, the shortest path, patterns."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query

from integraal.api.deps import Ctx
from integraal.kruisverwijzing import netwerk
from integraal.kruisverwijzing.netwerk import (
    KnoopUit,
    PadUit,
    Padvraag,
    PatroonUit,
    Uitbreidingsvraag,
    UitbreidingUit,
)

router = APIRouter(tags=["Netwerk"])


@router.get(
    "/casussen/{casus_id}/netwerk/startpunten",
    summary="De gekoppelde subjecten van een casus, als beginpunt van het netwerk",
)
def startpunten(ctx: Ctx, casus_id: str) -> list[KnoopUit]:
    return netwerk.startpunten(ctx, casus_id)


@router.get(
    "/casussen/{casus_id}/netwerk/knopen/{knoop_id}",
    summary="De relaties van een subject, per pagina en naar soort",
    description=(
        f"Leest ten hoogste {netwerk.MAX_RELATIES} relaties (`afgekapt` zegt of er meer zijn) en "
        f"geeft er {netwerk.PER_PAGINA} per pagina. Elke gelezen entiteit komt in het "
        "verwerkingslogboek."
    ),
)
def uitbreiden(
    ctx: Ctx, casus_id: str, knoop_id: str, vraag: Annotated[Uitbreidingsvraag, Query()]
) -> UitbreidingUit:
    return netwerk.breid_uit(ctx, casus_id, knoop_id, vraag)


@router.get(
    "/casussen/{casus_id}/netwerk/pad",
    summary="Het kortste pad tussen twee subjecten",
    description=(
        f"Breadth-first vanaf beide kanten, ten hoogste {netwerk.MAX_STAPPEN} stappen en "
        f"{netwerk.MAX_KNOPEN} bekeken subjecten (`afgekapt`)."
    ),
)
def pad(ctx: Ctx, casus_id: str, vraag: Annotated[Padvraag, Query()]) -> PadUit:
    return netwerk.kortste_pad(ctx, casus_id, vraag)


@router.get(
    "/casussen/{casus_id}/netwerk/patronen",
    summary="Patronen in de casus, elk met de reden (aanknopingspunten, geen scores)",
)
def patronen(ctx: Ctx, casus_id: str) -> list[PatroonUit]:
    return netwerk.patronen(ctx, casus_id)
