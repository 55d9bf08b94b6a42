# SPDX-License-Identifier: EUPL-1.2
"""Entities: only through the policy-enforced layer (integraal.toegang)."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query

from integraal.api.deps import ActorDep, OmgevingDep
from integraal.api.diensten import dienst
from integraal.api.fouten import Probleem
from integraal.api.schemas import EntiteitUit, HerkomstUit, WeggelatenUit, Zoekresultaat, Zoekvraag
from integraal.toegang import Entiteitbeeld, Leesvraag, lees_entiteit, zoek_entiteiten

router = APIRouter(tags=["Entiteiten"])


def _uit(b: Entiteitbeeld) -> EntiteitUit:
    return EntiteitUit(
        id=b.id,
        schema_=b.schema,
        eigenschappen=b.eigenschappen,
        herkomst=[HerkomstUit(**vars(h)) for h in b.herkomst],
        weggelaten=[WeggelatenUit(**vars(w)) for w in b.weggelaten],
    )


@router.get(
    "/entiteiten/{entiteit_id}",
    response_model=EntiteitUit,
    summary="Eén entiteit, voor zover een deelregel het lezen toestaat",
)
def entiteit(
    omgeving: OmgevingDep,
    actor: ActorDep,
    entiteit_id: str,
    doel: Annotated[str, Query(min_length=1, max_length=60, description="Doel van het lezen")],
    casus_id: Annotated[str | None, Query(alias="casusId", max_length=40)] = None,
) -> EntiteitUit:
    with dienst(omgeving) as sessie:
        beeld = lees_entiteit(
            sessie, omgeving.beslisser, actor, Leesvraag(doel, casus_id, "api"), entiteit_id
        )
    if beeld is None:
        raise Probleem(
            404, "Deze entiteit bestaat niet of geen deelregel staat u toe haar te lezen."
        )
    return _uit(beeld)


@router.post(
    "/entiteiten/_zoek",
    response_model=Zoekresultaat,
    summary="Zoeken in entiteiten die u mag zien (zoektermen in de body, niet in de URL)",
)
def zoek(omgeving: OmgevingDep, actor: ActorDep, vraag: Zoekvraag) -> Zoekresultaat:
    with dienst(omgeving) as sessie:
        beelden = zoek_entiteiten(
            sessie,
            omgeving.beslisser,
            actor,
            Leesvraag(vraag.doel, vraag.casus_id, "api"),
            pseudoniem_sleutel=omgeving.pseudoniem_sleutel,
            term=vraag.zoekterm,
            schema=vraag.schema_,
            limiet=vraag.limiet,
            na=vraag.na,
        )
    volgende = beelden[-1].id if len(beelden) == vraag.limiet else None
    return Zoekresultaat(resultaten=[_uit(b) for b in beelden], volgende=volgende)
