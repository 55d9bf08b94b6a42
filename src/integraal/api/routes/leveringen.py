# SPDX-License-Identifier: EUPL-1.2
"""Deliveries: upload, status with row errors, list (the web calls the same services)."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, BackgroundTasks, Form, Response, UploadFile

from integraal import achtergrond
from integraal.achtergrond import Opdracht
from integraal.api.deps import ActorDep, Ctx, OmgevingDep
from integraal.beheer import mappings as mappingbeheer
from integraal.beheer.mappings import (
    ConceptIn,
    MappingIn,
    MappingversieUit,
    MappingvoorstelUit,
    Proef,
)
from integraal.beheer.mappings import OordeelIn as MappingOordeelIn
from integraal.bronnen import leveringen, ontvangst
from integraal.bronnen import voorbeeld as vb
from integraal.bronnen.importeren import Aanbod, Importresultaat, verwerk
from integraal.bronnen.leveringen import MAX_BESTAND, Bestand, LeveringIn, LeveringUit
from integraal.domein.invoer import Invoer, Uitvoer, veld
from integraal.verwerking import Kanaal

router = APIRouter(tags=["Leveringen"])


class Concepttekst(Uitvoer):
    tekst: str


class LeveringFormulier(LeveringIn):
    """The delivery's input as a multipart form: the shared model plus the file itself."""

    bestand: UploadFile = veld(
        "Bestand", hint="CSV, Excel (.xlsx) of FtM JSON lines, hoogstens 100 MB."
    )


@router.post(
    "/leveringen",
    status_code=201,
    summary="Een levering aanbieden (CSV, Excel of FtM JSON lines)",
    responses={
        200: {"description": "Dezelfde levering was al ontvangen"},
        202: {
            "description": "Aangenomen en in de wachtrij gezet (PostgreSQL met werkers); "
            "volg de status op de Location"
        },
    },
)
def levering_aanbieden(
    omgeving: OmgevingDep,
    actor: ActorDep,
    response: Response,
    na: BackgroundTasks,
    formulier: Annotated[LeveringFormulier, Form(media_type="multipart/form-data")],
) -> LeveringUit:
    """Processed before the answer in one process; with a job queue (PostgreSQL), a worker
    processes it and the answer is 202 with the delivery still "in behandeling"."""
    # Copied to disk in blocks; one byte more than allowed is enough to refuse it.
    pad = ontvangst.ontvang(formulier.bestand.file, omgeving.instellingen.data_dir, MAX_BESTAND + 1)
    overgedragen = False
    try:
        r = leveringen.bied_levering_aan(
            omgeving.context,
            actor,
            formulier,
            Bestand(formulier.bestand.filename or "", pad),
            kanaal=Kanaal.API,
        )
        if isinstance(r, Aanbod) and omgeving.instellingen.achtergrond_in_wachtrij:
            achtergrond.plaats(omgeving, Opdracht.levering(r), na.add_task)
            overgedragen = True
            response.status_code = 202
        elif isinstance(r, Aanbod):
            r = verwerk(omgeving.context, r)
    finally:
        if not overgedragen:
            pad.unlink(missing_ok=True)
    al_ontvangen = isinstance(r, Importresultaat) and r.al_ontvangen
    with omgeving.context(actor, Kanaal.API) as ctx:
        uit = leveringen.lees(ctx, r.levering_id, al_ontvangen=al_ontvangen)
    response.headers["Location"] = f"/api/v1/leveringen/{uit.id}"
    if al_ontvangen:
        response.status_code = 200
    return uit


@router.get("/leveringen", summary="Leveringen van of aan uw organisatie")
def leveringen_lijst(ctx: Ctx) -> list[LeveringUit]:
    return leveringen.lijst(ctx)


@router.get("/leveringen/{levering_id}", summary="Status en rijfouten van één levering")
def levering(ctx: Ctx, levering_id: str) -> LeveringUit:
    return leveringen.lees(ctx, levering_id)


class ConceptFormulier(ConceptIn):
    """The draft's input as a multipart form: the shared model plus the sample file."""

    bestand: UploadFile = veld("Voorbeeldbestand", hint="CSV of Excel (.xlsx), hoogstens 5 MB.")


class ProefFormulier(Invoer):
    tekst: str = veld("De leveringsafspraak (YAML)", min_length=10, max_length=200_000)
    bestand: UploadFile = veld("Voorbeeldbestand", hint="CSV of Excel (.xlsx), hoogstens 5 MB.")


async def _voorbeeld(bestand: UploadFile) -> vb.Voorbeeld:
    return vb.lees_monster(bestand.filename or "", await bestand.read(vb.MAX_BESTAND + 1))


@router.post(
    "/mappings/_concept",
    summary="Een eerste opzet van een leveringsafspraak uit een voorbeeldbestand (YAML)",
)
async def mapping_concept(
    ctx: Ctx, formulier: Annotated[ConceptFormulier, Form(media_type="multipart/form-data")]
) -> Concepttekst:
    voorbeeld = await _voorbeeld(formulier.bestand)
    return Concepttekst(tekst=mappingbeheer.concept(ctx, formulier, voorbeeld))


@router.post(
    "/mappings/_proef",
    summary="Een leveringsafspraak uitproberen op de eerste rijen van een voorbeeldbestand",
)
async def mapping_proef(
    ctx: Ctx, formulier: Annotated[ProefFormulier, Form(media_type="multipart/form-data")]
) -> Proef:
    voorbeeld = await _voorbeeld(formulier.bestand)
    return mappingbeheer.probeer(ctx, formulier.tekst, voorbeeld)


@router.get("/mappings/versies", summary="Versies van de leveringsafspraken van uw organisatie")
def mappingversies(ctx: Ctx) -> list[MappingversieUit]:
    return mappingbeheer.lijst(ctx)


@router.post(
    "/mappings/versies",
    status_code=201,
    summary="Een (nieuwe versie van een) leveringsafspraak voorstellen",
)
def mapping_voorstellen(ctx: Ctx, invoer: MappingIn) -> MappingversieUit:
    return mappingbeheer.stel_voor(ctx, invoer)


@router.get("/mappings/versies/{versie_id}", summary="Eén versie van een leveringsafspraak")
def mappingversie(ctx: Ctx, versie_id: int) -> MappingvoorstelUit:
    return mappingbeheer.voorstel(ctx, versie_id)


@router.post(
    "/mappings/versies/{versie_id}/oordeel",
    summary="Een voorgestelde leveringsafspraak goedkeuren of afwijzen (privacy officer)",
)
def mapping_beoordelen(ctx: Ctx, versie_id: int, invoer: MappingOordeelIn) -> MappingversieUit:
    return mappingbeheer.beoordeel(ctx, versie_id, invoer)
