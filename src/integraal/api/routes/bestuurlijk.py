# SPDX-License-Identifier: EUPL-1.2
"""The municipality's administrative instruments: Bibob procedures and the register, the
police's administrative reports, closures, administrative claims, and the Kadaster plot feed."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query

from integraal.api.deps import Ctx
from integraal.bestuurlijk import bibob, kadaster, sluitingen, vorderingen
from integraal.bestuurlijk.bibob import (
    BibobbesluitIn,
    BibobIn,
    BibobKop,
    BibobUit,
    ConclusieUit,
    ExtractIn,
    ExtractKop,
    ExtractUit,
    LbbAdviesIn,
    OnderzoekIn,
    RegistervraagIn,
    VoornemenIn,
    ZienswijzeIn,
)
from integraal.bestuurlijk.kadaster import (
    AbonnementIn,
    AbonnementUit,
    Feedvraag,
    PerceelfeedUit,
)
from integraal.bestuurlijk.sluitingen import (
    BeeindigingIn,
    RapportageIn,
    RapportageKop,
    RapportageUit,
    RechtsmiddelIn,
    SluitingIn,
    SluitingKop,
    SluitingsbesluitIn,
    SluitingUit,
    UitspraakIn,
    VerlengingIn,
)
from integraal.bestuurlijk.vorderingen import (
    VorderingIn,
    VorderingKop,
    VorderingsstapIn,
    VorderingUit,
)

router = APIRouter(tags=["Bestuurlijk"])

# --- Bibob ---------------------------------------------------------------------------------------


@router.get("/bibob", summary="Bibob-procedures van uw gemeente")
def bibob_lijst(ctx: Ctx) -> list[BibobKop]:
    return bibob.lijst(ctx)


@router.post("/bibob", status_code=201, summary="Een Bibob-procedure starten")
def bibob_starten(ctx: Ctx, invoer: BibobIn) -> BibobUit:
    return bibob.start(ctx, invoer)


@router.get("/bibob/{procedure_id}", summary="Eén Bibob-procedure, met het advies (geheim)")
def bibob_procedure(ctx: Ctx, procedure_id: str) -> BibobUit:
    return bibob.lees(ctx, procedure_id)


@router.post(
    "/bibob/{procedure_id}/_onderzoek",
    status_code=204,
    summary="Vragenlijst en eigen onderzoek vastleggen",
)
def bibob_onderzoek(ctx: Ctx, procedure_id: str, invoer: OnderzoekIn) -> None:
    bibob.onderzoek(ctx, procedure_id, invoer)


@router.post(
    "/bibob/{procedure_id}/_advies-vragen",
    status_code=204,
    summary="Advies vragen aan het Landelijk Bureau Bibob (termijn acht weken)",
)
def bibob_advies_vragen(ctx: Ctx, procedure_id: str) -> None:
    bibob.vraag_advies(ctx, procedure_id)


@router.post(
    "/bibob/{procedure_id}/_termijn-verlengen",
    status_code=204,
    summary="De adviestermijn van het LBB eenmaal met vier weken verlengen",
)
def bibob_verlengen(ctx: Ctx, procedure_id: str) -> None:
    bibob.verleng(ctx, procedure_id)


@router.post(
    "/bibob/{procedure_id}/_advies",
    status_code=204,
    summary="Het advies van het LBB vastleggen (blijft geheim)",
)
def bibob_advies(ctx: Ctx, procedure_id: str, invoer: LbbAdviesIn) -> None:
    bibob.ontvang_advies(ctx, procedure_id, invoer)


@router.post(
    "/bibob/{procedure_id}/_extract",
    status_code=204,
    summary="Een extract van het eigen onderzoek met het RIEC delen",
)
def bibob_extract_delen(ctx: Ctx, procedure_id: str, invoer: ExtractIn) -> None:
    bibob.deel_extract(ctx, procedure_id, invoer)


@router.post(
    "/bibob/{procedure_id}/_voornemen",
    status_code=204,
    summary="Het voornemen versturen en de aanvrager om een zienswijze vragen",
)
def bibob_voornemen(ctx: Ctx, procedure_id: str, invoer: VoornemenIn) -> None:
    bibob.voornemen(ctx, procedure_id, invoer)


@router.post(
    "/bibob/{procedure_id}/_zienswijze",
    status_code=204,
    summary="De zienswijze van de aanvrager vastleggen",
)
def bibob_zienswijze(ctx: Ctx, procedure_id: str, invoer: ZienswijzeIn) -> None:
    bibob.zienswijze(ctx, procedure_id, invoer)


@router.post(
    "/bibob/{procedure_id}/_besluit",
    status_code=204,
    summary="Besluiten: verlenen, onder voorwaarden, weigeren of intrekken",
)
def bibob_besluit(ctx: Ctx, procedure_id: str, invoer: BibobbesluitIn) -> None:
    bibob.besluit(ctx, procedure_id, invoer)


@router.post(
    "/bibob-register/_zoeken",
    summary="Conclusies in het Bibob-register hergebruiken (het hergebruik wordt gelogd)",
)
def bibob_register(ctx: Ctx, invoer: RegistervraagIn) -> list[ConclusieUit]:
    return bibob.register(ctx, invoer)


@router.get("/bibob-extracten", summary="Bibob-extracten die gemeenten met uw RIEC deelden")
def bibob_extracten(ctx: Ctx) -> list[ExtractKop]:
    return bibob.extracten(ctx)


@router.get("/bibob-extracten/{procedure_id}", summary="Eén Bibob-extract (nooit het advies)")
def bibob_extract(ctx: Ctx, procedure_id: str) -> ExtractUit:
    return bibob.extract(ctx, procedure_id)


# --- Administrative reports and closures ---------------------------------------------------


@router.get(
    "/bestuurlijke-rapportages",
    summary="Bestuurlijke rapportages die u stuurde (politie) of ontving (gemeente)",
)
def bestuurlijke_rapportages(ctx: Ctx) -> list[RapportageKop]:
    return sluitingen.rapportages(ctx)


@router.post(
    "/bestuurlijke-rapportages",
    status_code=201,
    summary="Een bestuurlijke rapportage aan de burgemeester sturen (politie)",
)
def rapportage_sturen(ctx: Ctx, invoer: RapportageIn) -> RapportageUit:
    return sluitingen.stuur_rapportage(ctx, invoer)


@router.get("/bestuurlijke-rapportages/{rapportage_id}", summary="Eén bestuurlijke rapportage")
def bestuurlijke_rapportage(ctx: Ctx, rapportage_id: str) -> RapportageUit:
    return sluitingen.lees_rapportage(ctx, rapportage_id)


@router.post(
    "/bestuurlijke-rapportages/{rapportage_id}/_sluiting",
    status_code=201,
    summary="Op de rapportage een sluitingsdossier openen",
)
def sluiting_voorbereiden(ctx: Ctx, rapportage_id: str, invoer: SluitingIn) -> SluitingUit:
    return sluitingen.bereid_voor(ctx, rapportage_id, invoer)


@router.get("/sluitingen", summary="Sluitingen van uw gemeente")
def sluiting_lijst(ctx: Ctx) -> list[SluitingKop]:
    return sluitingen.lijst(ctx)


@router.get("/sluitingen/{sluiting_id}", summary="Eén sluiting, met de berichten aan het Kadaster")
def sluiting(ctx: Ctx, sluiting_id: str) -> SluitingUit:
    return sluitingen.lees(ctx, sluiting_id)


@router.post(
    "/sluitingen/{sluiting_id}/_besluit",
    status_code=204,
    summary="Waarschuwen of sluiten (een 13b-sluiting gaat naar het Kadaster)",
)
def sluiting_besluit(ctx: Ctx, sluiting_id: str, invoer: SluitingsbesluitIn) -> None:
    sluitingen.besluit(ctx, sluiting_id, invoer)


@router.post(
    "/sluitingen/{sluiting_id}/_verlengen", status_code=204, summary="De sluiting verlengen"
)
def sluiting_verlengen(ctx: Ctx, sluiting_id: str, invoer: VerlengingIn) -> None:
    sluitingen.verleng(ctx, sluiting_id, invoer)


@router.post(
    "/sluitingen/{sluiting_id}/_rechtsmiddel",
    status_code=204,
    summary="Bezwaar, voorlopige voorziening of beroep vastleggen",
)
def sluiting_rechtsmiddel(ctx: Ctx, sluiting_id: str, invoer: RechtsmiddelIn) -> None:
    sluitingen.rechtsmiddel(ctx, sluiting_id, invoer)


@router.post(
    "/sluitingen/{sluiting_id}/_uitspraak",
    status_code=204,
    summary="De uitspraak vastleggen (gegrond trekt het besluit in)",
)
def sluiting_uitspraak(ctx: Ctx, sluiting_id: str, invoer: UitspraakIn) -> None:
    sluitingen.uitspraak(ctx, sluiting_id, invoer)


@router.post(
    "/sluitingen/{sluiting_id}/_beeindigen",
    status_code=204,
    summary="De sluiting beëindigen (de beperking wordt doorgehaald)",
)
def sluiting_beeindigen(ctx: Ctx, sluiting_id: str, invoer: BeeindigingIn) -> None:
    sluitingen.beeindig(ctx, sluiting_id, invoer)


# --- Administrative claims ------------------------------------------------------------------------


@router.get("/vorderingen", summary="Bestuurlijke vorderingen van uw gemeente")
def vordering_lijst(ctx: Ctx) -> list[VorderingKop]:
    return vorderingen.lijst(ctx)


@router.post(
    "/vorderingen",
    status_code=201,
    summary="Een last onder dwangsom of bestuurlijke boete vastleggen",
)
def vordering_opleggen(ctx: Ctx, invoer: VorderingIn) -> VorderingUit:
    return vorderingen.leg_op(ctx, invoer)


@router.get("/vorderingen/{vordering_id}", summary="Eén bestuurlijke vordering")
def bestuurlijke_vordering(ctx: Ctx, vordering_id: str) -> VorderingUit:
    return vorderingen.lees(ctx, vordering_id)


@router.post(
    "/vorderingen/{vordering_id}/_stap",
    status_code=204,
    summary="Verbeuren, betalen, nakomen, invorderen, oninbaar of vervallen",
)
def vordering_stap(ctx: Ctx, vordering_id: str, invoer: VorderingsstapIn) -> None:
    vorderingen.stap(ctx, vordering_id, invoer)


# --- Kadaster ----------------------------------------------------------------------------------


@router.get("/kadaster/abonnementen", summary="De percelen die u volgt")
def abonnementen(ctx: Ctx) -> list[AbonnementUit]:
    return kadaster.abonnementen(ctx)


@router.post("/kadaster/abonnementen", status_code=201, summary="Een perceel volgen")
def perceel_volgen(ctx: Ctx, invoer: AbonnementIn) -> AbonnementUit:
    return kadaster.volg(ctx, invoer)


@router.delete(
    "/kadaster/abonnementen/{perceel}", status_code=204, summary="Een perceel niet meer volgen"
)
def perceel_ontvolgen(ctx: Ctx, perceel: str) -> None:
    kadaster.ontvolg(ctx, perceel)


@router.get(
    "/kadaster/feed", summary="Mutaties en beperkingen op de percelen die u volgt (CloudEvents)"
)
def perceelfeed(ctx: Ctx, vraag: Annotated[Feedvraag, Query()]) -> PerceelfeedUit:
    return kadaster.feed(ctx, vraag)
