# SPDX-License-Identifier: EUPL-1.2
"""The seizure chain: kennisgevingen, objects and their steps, deadlines, feed, figures."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, Response

from integraal.api.deps import Ctx, PubliekCtx, bestand, downloadantwoord, drempel
from integraal.beslag import (
    cijfers,
    dossier,
    feed,
    herbestemming,
    inzage,
    objecten,
    registratie,
    verloop,
    waarde,
)
from integraal.beslag.cijfers import Cijferexport, Cijfervraag, Jaarcijfer, NaijlUit
from integraal.beslag.dossier import (
    BetalingIn,
    DossierDetail,
    DossierIn,
    DossierUit,
    ExecutieIn,
    HandelingIn,
    VermogenIn,
    VorderingIn,
)
from integraal.beslag.feed import FeedUit, Feedvraag
from integraal.beslag.herbestemming import (
    HerbestemmingIn,
    MaatschappelijkeOrganisatieUit,
    OrganisatieIn,
    SuggestieUit,
)
from integraal.beslag.inzage import CodeIn, InzageUit
from integraal.beslag.objecten import ObjectDetail, Objectfilter, ObjectUit, TermijnregelUit
from integraal.beslag.registratie import KennisgevingIn, RegistratieUit
from integraal.beslag.verloop import HerbeoordelingIn, KlaagschriftIn, OmzettingIn, OvergangIn
from integraal.beslag.waarde import WaarderingIn
from integraal.gebruikers import drempels

router = APIRouter(tags=["Afpakken"])


@router.post(
    "/kennisgevingen",
    status_code=201,
    summary="Kennisgeving van inbeslagneming registreren (opsporing)",
)
def kennisgeving(ctx: Ctx, invoer: KennisgevingIn) -> RegistratieUit:
    return registratie.registreer(ctx, invoer)


@router.get(
    "/beslagobjecten",
    summary="Beslagobjecten waarbij uw organisatie betrokken is (langs de deelregels, gelogd)",
)
def beslagobjecten(ctx: Ctx, filter_: Annotated[Objectfilter, Query()]) -> list[ObjectUit]:
    return objecten.objecten(ctx, filter_)


@router.get(
    "/beslagobjecten/{object_id}",
    summary="Eén beslagobject met waarde, verloop, termijnen en mogelijke vervolgstappen",
)
def beslagobject(ctx: Ctx, object_id: str) -> ObjectDetail:
    return objecten.detail(ctx, object_id)


@router.post(
    "/beslagobjecten/{object_id}/_overgang",
    status_code=204,
    summary="Vervolgstap: handhaven, bewaren, vervreemden, teruggeven … (rol, grondslag, stukken)",
)
def overgang(ctx: Ctx, object_id: str, invoer: OvergangIn) -> None:
    verloop.voer_uit(ctx, object_id, invoer)


@router.post(
    "/beslagobjecten/{object_id}/_verzoek-machtiging",
    status_code=204,
    summary="Bewaarder verzoekt om machtiging tot vervreemding of vernietiging (art. 117 Sv)",
)
def verzoek_machtiging(ctx: Ctx, object_id: str) -> None:
    verloop.verzoek_machtiging(ctx, object_id)


@router.post(
    "/beslagobjecten/{object_id}/klaagschrift",
    status_code=204,
    summary="Klaagschrift (art. 552a Sv) vastleggen, of de beschikking erop",
)
def klaagschrift(ctx: Ctx, object_id: str, invoer: KlaagschriftIn) -> None:
    verloop.klaagschrift(ctx, object_id, invoer)


@router.post(
    "/beslagobjecten/{object_id}/_herbeoordeel",
    status_code=204,
    summary="Filtermoment F3: bewaring herbeoordelen met motivering",
)
def herbeoordeel(ctx: Ctx, object_id: str, invoer: HerbeoordelingIn) -> None:
    verloop.herbeoordeel(ctx, object_id, invoer)


@router.post(
    "/beslagobjecten/{object_id}/_omzetten",
    status_code=204,
    summary="Klassiek beslag omzetten in conservatoir beslag (art. 94a en 103 Sv)",
)
def omzetten(ctx: Ctx, object_id: str, invoer: OmzettingIn) -> None:
    verloop.zet_om_conservatoir(ctx, object_id, invoer)


@router.post(
    "/beslagobjecten/{object_id}/waarderingen",
    status_code=204,
    summary="Waarde vastleggen: taxatie, omrekening tegen een koers met bron, of opbrengst",
)
def waardering(ctx: Ctx, object_id: str, invoer: WaarderingIn) -> None:
    waarde.waardeer(ctx, object_id, invoer)


@router.post(
    "/beslagobjecten/{object_id}/_herbestemmen",
    status_code=204,
    summary="Verbeurde goederen overdragen aan een maatschappelijke organisatie (MaHer)",
)
def herbestemmen(ctx: Ctx, object_id: str, invoer: HerbestemmingIn) -> None:
    herbestemming.draag_over(ctx, object_id, invoer)


@router.get(
    "/termijnen",
    summary="Termijnen die binnen twee weken vervallen of verlopen zijn (filtermomenten, 117, 116)",
)
def termijnen(ctx: Ctx) -> list[TermijnregelUit]:
    return objecten.termijnlijst(ctx)


@router.get(
    "/beslagfeed",
    summary="Ketengebeurtenissen voor uw organisatie als CloudEvents (na = laatst verwerkte id)",
)
def beslagfeed(ctx: Ctx, vraag: Annotated[Feedvraag, Query()]) -> FeedUit:
    return feed.lees_feed(ctx, vraag)


@router.post(
    "/beslag/_inzage",
    summary="De beslagene ziet met de persoonlijke code zijn beslag, de stand en zijn rechten",
    dependencies=[drempel(drempels.MIJN_BESLAG)],
)
def beslag_inzage(ctx: PubliekCtx, invoer: CodeIn) -> InzageUit:
    return inzage.inzage(ctx, invoer)


@router.get("/vermogensdossiers", summary="Vermogensdossiers (gelogd)")
def vermogensdossiers(ctx: Ctx) -> list[DossierUit]:
    return dossier.dossiers(ctx)


@router.post("/vermogensdossiers", status_code=201, summary="Vermogensdossier openen")
def dossier_openen(ctx: Ctx, invoer: DossierIn) -> DossierUit:
    return dossier.open_dossier(ctx, invoer)


@router.get(
    "/vermogensdossiers/{dossier_id}",
    summary="Vermogenspositie in de tijd, onderzoekshandelingen, vordering en executie",
)
def vermogensdossier(ctx: Ctx, dossier_id: str) -> DossierDetail:
    return dossier.beeld(ctx, dossier_id)


@router.post(
    "/vermogensdossiers/{dossier_id}/onderzoekshandelingen",
    status_code=204,
    summary="Onderzoekshandeling met opbrengst vastleggen",
)
def handeling(ctx: Ctx, dossier_id: str, invoer: HandelingIn) -> None:
    dossier.voeg_handeling_toe(ctx, dossier_id, invoer)


@router.post(
    "/vermogensdossiers/{dossier_id}/vermogen",
    status_code=204,
    summary="Bekend vermogen vastleggen",
)
def vermogen(ctx: Ctx, dossier_id: str, invoer: VermogenIn) -> None:
    dossier.voeg_vermogen_toe(ctx, dossier_id, invoer)


@router.post(
    "/vermogensdossiers/{dossier_id}/vordering",
    status_code=204,
    summary="Ontnemingsvordering met hoofdelijk aansprakelijke medeschuldenaren",
)
def vordering(ctx: Ctx, dossier_id: str, invoer: VorderingIn) -> None:
    dossier.stel_vordering_vast(ctx, dossier_id, invoer)


@router.post(
    "/vermogensdossiers/{dossier_id}/executie",
    status_code=204,
    summary="Stand van de executie vastleggen",
)
def executie(ctx: Ctx, dossier_id: str, invoer: ExecutieIn) -> None:
    dossier.werk_executie_bij(ctx, dossier_id, invoer)


@router.post(
    "/vermogensdossiers/{dossier_id}/betalingen",
    status_code=204,
    summary="Betaling op de vordering (CJIB) vastleggen",
)
def betaling(ctx: Ctx, dossier_id: str, invoer: BetalingIn) -> None:
    dossier.registreer_betaling(ctx, dossier_id, invoer)


@router.post(
    "/maatschappelijke-organisaties",
    status_code=201,
    summary="Maatschappelijke organisatie met haar behoeften registreren (MaHer)",
)
def maatschappelijke_organisatie(ctx: Ctx, invoer: OrganisatieIn) -> MaatschappelijkeOrganisatieUit:
    return herbestemming.registreer_organisatie(ctx, invoer)


@router.get(
    "/herbestemming/suggesties",
    summary="Suggesties: verbeurde goederen tot € 100 bij organisaties die erom vragen",
)
def herbestemming_suggesties(ctx: Ctx) -> list[SuggestieUit]:
    return herbestemming.suggesties(ctx)


@router.get(
    "/beslagcijfers",
    summary="Beslagwaarde per jaar zoals bekend op de peildatum (zonder persoonsgegevens)",
)
def beslagcijfers(ctx: Ctx, vraag: Annotated[Cijfervraag, Query()]) -> list[Jaarcijfer]:
    return cijfers.lees(ctx, vraag)


@router.get(
    "/beslagcijfers/naijl",
    summary="Hoe het cijfer van één jaar groeide over latere peildata (na-ijleffect)",
)
def naijl(ctx: Ctx, jaar: int) -> list[NaijlUit]:
    return cijfers.na_ijlen(ctx, jaar)


@router.get(
    "/beslagcijfers/export",
    summary="Beslagcijfers als CSV of Excel",
    response_class=Response,
    responses=downloadantwoord(),
)
def cijfers_export(ctx: Ctx, vraag: Annotated[Cijferexport, Query()]) -> Response:
    return bestand(cijfers.exporteer(ctx, vraag), f"beslagcijfers.{vraag.formaat}")
