# SPDX-License-Identifier: EUPL-1.2
"""Cross-referencing in a case: runs, the judgement queue, votes and the subjects they make."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, BackgroundTasks, Query, Response

from integraal.api.deps import ActorDep, OmgevingDep
from integraal.api.diensten import actie, dienst
from integraal.api.kruisschemas import (
    KruistaakIn,
    KruistaakUit,
    OnderwerpUit,
    OordeelAntwoord,
    OordeelIn,
    OordeelUit,
    SuggestieUit,
    UitlegUit,
    Wachtrijpagina,
    WeigeringUit,
)
from integraal.api.routes.entiteiten import _uit as entiteit_uit
from integraal.kruis.oordeel import Oordeel, Paarstatus
from integraal.kruisverwijzing import oordelen, taken
from integraal.opslag import kruis as kruisopslag
from integraal.opslag.modellen import Kruistaak

router = APIRouter(tags=["Kruisverwijzing"])


def _taak(t: Kruistaak) -> KruistaakUit:
    return KruistaakUit(
        id=t.id,
        casus_id=t.casus_id,
        soort=t.soort,
        status=t.status,
        stap=t.stap,
        gedaan=t.gedaan,
        totaal=t.totaal,
        fout=t.fout,
        aangemaakt=t.aangemaakt,
    )


@router.post(
    "/casussen/{casus_id}/kruisverwijzingen",
    status_code=202,
    response_model=KruistaakUit,
    summary="Start een kruisverwijzing in een casus (loopt op de achtergrond)",
)
def start(
    omgeving: OmgevingDep,
    actor: ActorDep,
    achtergrond: BackgroundTasks,
    casus_id: str,
    vraag: KruistaakIn,
) -> KruistaakUit:
    with dienst(omgeving) as sessie:
        taak_id = taken.start(
            sessie,
            actor,
            casus_id,
            taken.Soort(vraag.soort),
            levering_id=vraag.levering_id,
            datasets=(vraag.datasets[0], vraag.datasets[1]) if vraag.datasets else None,
        )
        sessie.flush()
        t = kruisopslag.taak(sessie, taak_id)
        assert t is not None
        uit = _taak(t)
    achtergrond.add_task(taken.op_achtergrond, omgeving.fabriek, omgeving.beslisser, taak_id, "api")
    return uit


@router.get(
    "/casussen/{casus_id}/kruisverwijzingen",
    response_model=list[KruistaakUit],
    summary="Kruisverwijzingen van een casus, met voortgang",
)
def lijst(omgeving: OmgevingDep, actor: ActorDep, casus_id: str) -> list[KruistaakUit]:
    with dienst(omgeving) as sessie:
        taken.lid_van_casus(sessie, actor, casus_id, open_vereist=False)
        return [_taak(t) for t in kruisopslag.taken_van_casus(sessie, casus_id)]


@router.get(
    "/casussen/{casus_id}/kruissuggesties",
    response_model=Wachtrijpagina,
    summary="De beoordelingswachtrij: elk paar naast elkaar, met uitleg per veld (gelogd)",
)
def wachtrij(
    omgeving: OmgevingDep,
    actor: ActorDep,
    casus_id: str,
    status: Annotated[Paarstatus | None, Query()] = None,
    pagina: Annotated[int, Query(ge=1, le=100_000)] = 1,
) -> Wachtrijpagina:
    with dienst(omgeving) as sessie:
        rij = oordelen.wachtrij(
            sessie,
            omgeving.beslisser,
            actor,
            casus_id,
            status=status,
            pagina=pagina,
            herkomst="api",
        )
    return Wachtrijpagina(
        resultaten=[
            SuggestieUit(
                id=r.suggestie.id,
                kans=r.suggestie.kans,
                gewicht=r.suggestie.gewicht,
                status=r.status.value,
                over_organisaties=r.suggestie.over_organisaties,
                uitleg=[
                    UitlegUit(
                        **u,
                        links=r.waarden.get(u["veld"], ("", ""))[0],
                        rechts=r.waarden.get(u["veld"], ("", ""))[1],
                    )
                    for u in r.suggestie.uitleg
                ],
                links=entiteit_uit(r.links) if r.links else None,
                rechts=entiteit_uit(r.rechts) if r.rechts else None,
                oordelen=[
                    OordeelUit(
                        id=o.id,
                        oordeel=o.oordeel,
                        gebruiker_id=o.gebruiker_id,
                        organisatie_id=o.organisatie_id,
                        toelichting=o.toelichting,
                        tijd=o.tijd,
                        ingetrokken_op=o.ingetrokken_op,
                    )
                    for o in r.oordelen
                ],
            )
            for r in rij.regels
        ],
        totaal=rij.totaal,
        pagina=rij.pagina,
        paginas=rij.paginas,
        per_status=rij.per_status,
    )


@router.post(
    "/casussen/{casus_id}/kruisoordelen",
    response_model=OordeelAntwoord,
    summary="Oordeel over één of meer suggesties (zelfde, anders, onzeker)",
)
def beoordeel(
    omgeving: OmgevingDep, actor: ActorDep, casus_id: str, vraag: OordeelIn
) -> OordeelAntwoord:
    with dienst(omgeving) as sessie:
        geweigerd = oordelen.beoordeel(
            sessie,
            actor,
            casus_id,
            vraag.suggestie_ids,
            Oordeel(vraag.oordeel),
            vraag.toelichting,
            herkomst="api",
        )
    return OordeelAntwoord(
        geweigerd=[WeigeringUit(suggestie_id=g.suggestie_id, reden=g.reden) for g in geweigerd]
    )


@router.post(
    "/casussen/{casus_id}/kruisoordelen/{oordeel_id}/intrekken",
    status_code=204,
    summary="Trek een eigen oordeel in (ongedaan maken)",
)
def trek_in(omgeving: OmgevingDep, actor: ActorDep, casus_id: str, oordeel_id: int) -> Response:
    return actie(
        omgeving, lambda s: oordelen.trek_in(s, actor, casus_id, oordeel_id, herkomst="api")
    )


@router.get(
    "/casussen/{casus_id}/kruisonderwerpen",
    response_model=list[OnderwerpUit],
    summary="Subjecten die de oordelen samenvoegden (records per subject)",
)
def onderwerpen(omgeving: OmgevingDep, actor: ActorDep, casus_id: str) -> list[OnderwerpUit]:
    with dienst(omgeving) as sessie:
        return [
            OnderwerpUit(id=o.id, leden=o.leden)
            for o in oordelen.onderwerpen(sessie, actor, casus_id)
        ]
