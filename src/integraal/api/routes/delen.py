# SPDX-License-Identifier: EUPL-1.2
"""Deelwijzer and the rule catalogue."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter

from integraal.api.deps import ActorDep, OmgevingDep
from integraal.api.diensten import dienst
from integraal.api.schemas import BesluitUit, DeelVraag
from integraal.delen import leg_uit
from integraal.toegang.deelwijzer import vraag_deelwijzer

router = APIRouter(tags=["Delen"])


@router.post(
    "/deelwijzer",
    response_model=BesluitUit,
    summary="Mag deze verstrekking? Besluit met uitleg en wetsartikel",
)
def deelwijzer(omgeving: OmgevingDep, actor: ActorDep, vraag: DeelVraag) -> BesluitUit:
    with dienst(omgeving) as sessie:
        besluit = vraag_deelwijzer(
            sessie,
            omgeving.beslisser,
            van=vraag.van,
            aan=vraag.aan,
            categorie=vraag.categorie,
            doel=vraag.doel,
            casus_id=vraag.casus_id,
            feiten=vraag.feiten,
            datum=vraag.datum,
            actor=actor.ref,
        )
    b = besluit
    return BesluitUit(
        besluit_id=b.besluit_id,
        toegestaan=b.toegestaan,
        regel_id=b.regel_id,
        grondslag=(
            {
                **b.grondslag.model_dump(),
                "juriconnect": b.grondslag.juriconnect,
                "url": b.grondslag.url,
            }
            if b.grondslag
            else None
        ),
        voldaan=[t.model_dump() for t in b.voldaan],
        niet_voldaan=[t.model_dump() for t in b.niet_voldaan],
        verplichtingen=b.verplichtingen.model_dump() if b.verplichtingen else None,
        overwogen=[o.model_dump() for o in b.overwogen],
        catalogus_versie=b.catalogus_versie,
        uitleg=leg_uit(b, omgeving.beslisser.catalogus, omgeving.beslisser.register),
    )


@router.get("/regels", summary="De deelregelcatalogus met grondslagen")
def regels(omgeving: OmgevingDep, _actor: ActorDep) -> dict[str, Any]:
    return omgeving.beslisser.catalogus.model_dump(mode="json")
