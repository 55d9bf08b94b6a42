# SPDX-License-Identifier: EUPL-1.2
"""The partnerships' own work: iCOV report requests, FEC signal rounds and facilitator
indicators, the WGS duty to inform a case subject and the register of sharing bottlenecks."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query

from integraal.api.deps import Ctx
from integraal.verbanden import fec, icov, informeren, knelpunten, overzicht
from integraal.verbanden.fec import (
    FacilitatorindicatorIn,
    FacilitatorindicatorUit,
    RondeantwoordIn,
    RondeIn,
    RondeUit,
)
from integraal.verbanden.icov import (
    RapportageverzoekIn,
    RapportageverzoekKop,
    RapportageverzoekUit,
    RedenIn,
)
from integraal.verbanden.informeren import BeslissingUit, BetrokkeneUit, InformerenIn
from integraal.verbanden.knelpunten import (
    EscalatieIn,
    HergebruikIn,
    Indeling,
    KnelpuntFilter,
    KnelpuntIn,
    KnelpuntUit,
    OplossingIn,
    UitDeelverzoek,
    UitDeelwijzer,
)
from integraal.verbanden.overzicht import VerbandUit

router = APIRouter(tags=["Knelpunten en informeren"])


@router.get("/knelpunten", summary="Het register van knelpunten in gegevensdeling")
def knelpunten_lijst(ctx: Ctx, filter_: Annotated[KnelpuntFilter, Query()]) -> list[KnelpuntUit]:
    return knelpunten.lijst(ctx, filter_)


@router.post("/knelpunten", status_code=201, summary="Een knelpunt met de hand vastleggen")
def knelpunt_vastleggen(ctx: Ctx, invoer: KnelpuntIn) -> KnelpuntUit:
    return knelpunten.leg_vast(ctx, invoer)


@router.post(
    "/knelpunten/uit-deelwijzer",
    status_code=201,
    summary="Een weigering van de deelwijzer in één stap als knelpunt vastleggen",
)
def knelpunt_uit_deelwijzer(ctx: Ctx, invoer: UitDeelwijzer) -> KnelpuntUit:
    return knelpunten.uit_deelwijzer(ctx, invoer)


@router.post(
    "/deelverzoeken/{deelverzoek_id}/knelpunt",
    status_code=201,
    summary="Een geweigerd of afgewezen deelverzoek in één stap als knelpunt vastleggen",
)
def knelpunt_uit_deelverzoek(ctx: Ctx, deelverzoek_id: str, invoer: UitDeelverzoek) -> KnelpuntUit:
    return knelpunten.uit_deelverzoek(ctx, deelverzoek_id, invoer)


@router.get("/knelpunten/{knelpunt_id}", summary="Eén knelpunt")
def knelpunt(ctx: Ctx, knelpunt_id: str) -> KnelpuntUit:
    return knelpunten.lees(ctx, knelpunt_id)


@router.post("/knelpunten/{knelpunt_id}/_indelen", summary="Thema en soort vastleggen")
def indelen(ctx: Ctx, knelpunt_id: str, invoer: Indeling) -> KnelpuntUit:
    return knelpunten.deel_in(ctx, knelpunt_id, invoer)


@router.post("/knelpunten/{knelpunt_id}/_escaleren", summary="Escalatie en uitkomst vastleggen")
def escaleren(ctx: Ctx, knelpunt_id: str, invoer: EscalatieIn) -> KnelpuntUit:
    return knelpunten.escaleer(ctx, knelpunt_id, invoer)


@router.post("/knelpunten/{knelpunt_id}/_oplossen", summary="De oplossing vastleggen")
def oplossen(ctx: Ctx, knelpunt_id: str, invoer: OplossingIn) -> KnelpuntUit:
    return knelpunten.los_op(ctx, knelpunt_id, invoer)


@router.post(
    "/knelpunten/{knelpunt_id}/_hergebruik", summary="Vastleggen waar de oplossing is hergebruikt"
)
def hergebruik(ctx: Ctx, knelpunt_id: str, invoer: HergebruikIn) -> KnelpuntUit:
    return knelpunten.hergebruik(ctx, knelpunt_id, invoer)


@router.get(
    "/casussen/{casus_id}/informeren",
    summary="Betrokkenen van de casus met het besluit over informeren (WGS)",
)
def informeren_overzicht(ctx: Ctx, casus_id: str) -> list[BetrokkeneUit]:
    return informeren.overzicht(ctx, casus_id)


@router.post(
    "/casussen/{casus_id}/informeren",
    status_code=201,
    summary="Vastleggen dat een betrokkene is geïnformeerd, of uitstellen met reden",
)
def informeren_vastleggen(ctx: Ctx, casus_id: str, invoer: InformerenIn) -> BeslissingUit:
    return informeren.leg_vast(ctx, casus_id, invoer)


@router.get("/rapportages", summary="iCOV-rapportageverzoeken: uw eigen, of (bij iCOV) alle")
def rapportages(ctx: Ctx) -> list[RapportageverzoekKop]:
    return icov.lijst(ctx)


@router.post(
    "/rapportages",
    status_code=201,
    summary="iCOV om een vermogens- of relatierapportage vragen; de deelregels beslissen eerst",
)
def rapportage_aanvragen(ctx: Ctx, invoer: RapportageverzoekIn) -> RapportageverzoekUit:
    return icov.vraag_aan(ctx, invoer)


@router.get("/rapportages/{verzoek_id}", summary="Eén rapportageverzoek, met de rapportage")
def rapportage(ctx: Ctx, verzoek_id: str) -> RapportageverzoekUit:
    return icov.lees(ctx, verzoek_id)


@router.post(
    "/rapportages/{verzoek_id}/_opstellen",
    summary="iCOV stelt de rapportage op uit de leveringen van de deelnemers",
)
def rapportage_opstellen(ctx: Ctx, verzoek_id: str) -> RapportageverzoekUit:
    return icov.stel_op(ctx, verzoek_id)


@router.post(
    "/rapportages/{verzoek_id}/_goedkeuren",
    status_code=204,
    summary="Een tweede iCOV-medewerker keurt goed; de rapportage gaat naar de aanvrager",
)
def rapportage_goedkeuren(ctx: Ctx, verzoek_id: str) -> None:
    icov.keur_goed(ctx, verzoek_id)


@router.post(
    "/rapportages/{verzoek_id}/_afwijzen", status_code=204, summary="iCOV wijst af, met reden"
)
def rapportage_afwijzen(ctx: Ctx, verzoek_id: str, invoer: RedenIn) -> None:
    icov.wijs_af(ctx, verzoek_id, invoer)


@router.get("/signaalronden", summary="Signaalronden: van het FEC, of (deelnemer) aan u gericht")
def signaalronden(ctx: Ctx) -> list[RondeUit]:
    return fec.lijst(ctx)


@router.post(
    "/signaalronden",
    status_code=201,
    summary="Een signaal in een ronde voorleggen aan alle deelnemers van het FEC",
)
def signaalronde_starten(ctx: Ctx, invoer: RondeIn) -> RondeUit:
    return fec.start(ctx, invoer)


@router.get("/signaalronden/{ronde_id}", summary="Eén signaalronde, met de antwoorden (FEC)")
def signaalronde(ctx: Ctx, ronde_id: str) -> RondeUit:
    return fec.lees(ctx, ronde_id)


@router.post(
    "/signaalronden/{ronde_id}/_antwoord",
    status_code=204,
    summary="Antwoorden of het signaal bij uw organisatie bekend is",
)
def signaalronde_antwoorden(ctx: Ctx, ronde_id: str, invoer: RondeantwoordIn) -> None:
    fec.beantwoord(ctx, ronde_id, invoer)


@router.post("/signaalronden/{ronde_id}/_sluiten", status_code=204, summary="Ronde sluiten")
def signaalronde_sluiten(ctx: Ctx, ronde_id: str) -> None:
    fec.sluit(ctx, ronde_id)


@router.get(
    "/facilitatorindicatoren",
    summary="Indicatoren van facilitators (taskforce); een bank ziet de gedeelde",
)
def facilitatorindicatoren(ctx: Ctx) -> list[FacilitatorindicatorUit]:
    return fec.indicatoren(ctx)


@router.post(
    "/facilitatorindicatoren",
    status_code=201,
    summary="Een indicator opstellen (fenomeenniveau, nooit een persoon)",
)
def indicator_opstellen(ctx: Ctx, invoer: FacilitatorindicatorIn) -> FacilitatorindicatorUit:
    return fec.stel_op(ctx, invoer)


@router.post(
    "/facilitatorindicatoren/{indicator_id}/_delen",
    summary="Goedkeuren door een tweede persoon en delen met de aangewezen banken",
)
def indicator_delen(ctx: Ctx, indicator_id: str) -> list[str]:
    return fec.publiceer(ctx, indicator_id)


@router.post(
    "/facilitatorindicatoren/{indicator_id}/_intrekken",
    status_code=204,
    summary="Een indicator intrekken",
)
def indicator_intrekken(ctx: Ctx, indicator_id: str) -> None:
    fec.trek_in(ctx, indicator_id)


@router.get("/verbanden", summary="De samenwerkingsverbanden en wat elk doet (werkwijze)")
def verbanden_lijst(ctx: Ctx) -> list[VerbandUit]:
    return overzicht.verbanden(ctx)


@router.get(
    "/verbanden/{verband_id}",
    summary="Eén samenwerkingsverband: werkwijze, deelnemers vandaag en aanwijzingen bij besluit",
)
def verband(ctx: Ctx, verband_id: str) -> VerbandUit:
    return overzicht.verband(ctx, verband_id)
