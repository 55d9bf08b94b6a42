# SPDX-License-Identifier: EUPL-1.2
"""The network view of a case: relations of a subject, the shortest path, patterns."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query

from integraal.api.deps import ActorDep, OmgevingDep
from integraal.api.diensten import dienst
from integraal.api.kruisschemas import (
    KnoopUit,
    PadstapUit,
    PadUit,
    PatroonUit,
    RelatieUit,
    UitbreidingUit,
)
from integraal.kruis.netwerk import Relatie
from integraal.kruisverwijzing import netwerk

router = APIRouter(tags=["Netwerk"])


def _knoop(k: netwerk.Knoop) -> KnoopUit:
    return KnoopUit(id=k.id, leden=list(k.leden), schema_=k.schema, soort=k.soort, naam=k.naam)


def _relatie(r: netwerk.Relatieregel) -> RelatieUit:
    return RelatieUit(
        soort=r.rand.soort.value,
        label=r.label,
        van=r.rand.van,
        naar=r.rand.naar,
        via=r.rand.via,
        via_schema=r.rand.schema,
        omschrijving=r.omschrijving,
        ander=_knoop(r.ander),
    )


@router.get(
    "/casussen/{casus_id}/netwerk/startpunten",
    response_model=list[KnoopUit],
    summary="De gekoppelde subjecten van een casus, als beginpunt van het netwerk",
)
def startpunten(omgeving: OmgevingDep, actor: ActorDep, casus_id: str) -> list[KnoopUit]:
    with dienst(omgeving) as sessie:
        knopen = netwerk.startpunten(sessie, omgeving.beslisser, actor, casus_id, herkomst="api")
        return [_knoop(k) for k in knopen]


@router.get(
    "/casussen/{casus_id}/netwerk/knopen/{knoop_id}",
    response_model=UitbreidingUit,
    summary="De relaties van een subject, per pagina en naar soort",
    description=(
        f"Leest ten hoogste {netwerk.MAX_RELATIES} relaties (`afgekapt` zegt of er meer zijn) en "
        f"geeft er {netwerk.PER_PAGINA} per pagina. Elke gelezen entiteit komt in het "
        "verwerkingslogboek."
    ),
)
def uitbreiden(
    omgeving: OmgevingDep,
    actor: ActorDep,
    casus_id: str,
    knoop_id: str,
    soort: Annotated[list[Relatie] | None, Query()] = None,
    pagina: Annotated[int, Query(ge=1)] = 1,
) -> UitbreidingUit:
    with dienst(omgeving) as sessie:
        u = netwerk.breid_uit(
            sessie,
            omgeving.beslisser,
            actor,
            casus_id,
            knoop_id,
            soorten=set(soort or []),
            pagina=pagina,
            herkomst="api",
        )
        return UitbreidingUit(
            centrum=_knoop(u.centrum),
            relaties=[_relatie(r) for r in u.regels],
            totaal=u.totaal,
            per_soort={k.value: v for k, v in u.per_soort.items()},
            pagina=u.pagina,
            paginas=u.paginas,
            afgekapt=u.afgekapt,
        )


@router.get(
    "/casussen/{casus_id}/netwerk/pad",
    response_model=PadUit,
    summary="Het kortste pad tussen twee subjecten",
    description=(
        f"Breadth-first vanaf beide kanten, ten hoogste {netwerk.MAX_STAPPEN} stappen en "
        f"{netwerk.MAX_KNOPEN} bekeken subjecten (`afgekapt`)."
    ),
)
def pad(
    omgeving: OmgevingDep,
    actor: ActorDep,
    casus_id: str,
    van: Annotated[str, Query(min_length=1, max_length=128)],
    naar: Annotated[str, Query(min_length=1, max_length=128)],
) -> PadUit:
    with dienst(omgeving) as sessie:
        p = netwerk.kortste_pad(
            sessie, omgeving.beslisser, actor, casus_id, van, naar, herkomst="api"
        )
        return PadUit(
            van=_knoop(p.van),
            naar=_knoop(p.naar),
            gevonden=p.stappen is not None,
            stappen=[
                PadstapUit(van=_knoop(s.van), relatie=_relatie(s.regel)) for s in p.stappen or []
            ],
            bezocht=p.bezocht,
            afgekapt=p.afgekapt,
        )


@router.get(
    "/casussen/{casus_id}/netwerk/patronen",
    response_model=list[PatroonUit],
    summary="Patronen in de casus, elk met de reden (aanknopingspunten, geen scores)",
)
def patronen(omgeving: OmgevingDep, actor: ActorDep, casus_id: str) -> list[PatroonUit]:
    with dienst(omgeving) as sessie:
        return [
            PatroonUit(
                soort=p.patroon.soort.value,
                label=p.label,
                reden=p.patroon.reden,
                kern=_knoop(p.kern),
                betrokken=[_knoop(k) for k in p.betrokken],
            )
            for p in netwerk.patronen(sessie, omgeving.beslisser, actor, casus_id, herkomst="api")
        ]
