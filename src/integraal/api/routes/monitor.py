# SPDX-License-Identifier: EUPL-1.2
"""The monitor: structure, indicators, finances, motions and commitments, documents, report
(the web calls the same services with the same input models)."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Literal

from fastapi import APIRouter, Query, Response

from integraal.api.deps import Ctx, OmgevingDep, bestand, downloadantwoord
from integraal.api.fouten import Probleem
from integraal.export import tabel
from integraal.monitor import (
    documenten,
    financien,
    gebiedsbeeld,
    indicatoren,
    opdrachten,
    rapport,
    structuur,
)
from integraal.monitor.documenten import TrefferUit, Zoekopdracht
from integraal.monitor.financien import FinancienUit
from integraal.monitor.gebiedsbeeld import GebiedsbeeldUit, Gebiedsvraag
from integraal.monitor.indicatoren import (
    IndicatorIn,
    IndicatorUit,
    Indicatorvraag,
    Punt,
    Uitsplitsvraag,
    WaardeIn,
)
from integraal.monitor.opdrachten import BeoordelingIn, Opdrachtfilter, OpdrachtIn, OpdrachtUit
from integraal.monitor.rapport import Rapportvraag
from integraal.monitor.structuur import LijnUit, MaatregelIn, MaatregelNieuwIn, MaatregelUit

router = APIRouter(tags=["Monitor"])


@router.get(
    "/monitor/structuur", summary="Lijnen, deelopgaven en maatregelen (lijnnamen zoals op de datum)"
)
def lees_structuur(ctx: Ctx, datum: dt.date | None = None) -> list[LijnUit]:
    return structuur.structuur(ctx, datum)


@router.put(
    "/monitor/maatregelen/{maatregel_id}",
    summary="Status van een maatregel bijwerken (beleidsmedewerker)",
)
def wijzig_maatregel(ctx: Ctx, maatregel_id: int, invoer: MaatregelIn) -> MaatregelUit:
    return structuur.wijzig_maatregel(ctx, maatregel_id, invoer)


@router.get(
    "/monitor/indicatoren", summary="Indicatoren met hun waarden zoals bekend op de peildatum"
)
def lees_indicatoren(ctx: Ctx, vraag: Annotated[Indicatorvraag, Query()]) -> list[IndicatorUit]:
    return indicatoren.overzicht(ctx, vraag)


@router.post(
    "/monitor/maatregelen", status_code=201, summary="Een maatregel toevoegen (beleidsmedewerker)"
)
def maak_maatregel(ctx: Ctx, invoer: MaatregelNieuwIn) -> MaatregelUit:
    return structuur.maak_maatregel(ctx, invoer)


@router.post(
    "/monitor/indicatoren", status_code=201, summary="Een indicator toevoegen (beleidsmedewerker)"
)
def maak_indicator(ctx: Ctx, invoer: IndicatorIn) -> IndicatorUit:
    return indicatoren.maak_indicator(ctx, invoer)


@router.put(
    "/monitor/indicatoren/{code}",
    summary="De definitie van een indicator wijzigen; waarden en herzieningen blijven",
)
def wijzig_indicator(ctx: Ctx, code: str, invoer: IndicatorIn) -> IndicatorUit:
    return indicatoren.wijzig_indicator(ctx, code, invoer)


@router.post(
    "/monitor/opdrachten",
    status_code=201,
    summary="Een motie of toezegging vastleggen die niet in een bijlage staat (beleidsmedewerker)",
)
def leg_opdracht_vast(ctx: Ctx, invoer: OpdrachtIn) -> OpdrachtUit:
    return opdrachten.vastleggen(ctx, invoer)


@router.get(
    "/monitor/indicatoren/{code}", summary="Eén indicator; kleine aantallen worden niet getoond"
)
def lees_indicator(ctx: Ctx, code: str, vraag: Annotated[Uitsplitsvraag, Query()]) -> IndicatorUit:
    return indicatoren.indicator(ctx, code, vraag)


@router.get(
    "/monitor/indicatoren/{code}/export",
    summary="Een indicator als CSV of Excel",
    response_class=Response,
    responses=downloadantwoord(),
)
def exporteer_indicator(ctx: Ctx, code: str, formaat: Literal["csv", "xlsx"] = "csv") -> Response:
    beeld = indicatoren.indicator(ctx, code)
    inhoud = tabel(indicatoren.KOLOMMEN, indicatoren.rijen(beeld), formaat)
    return bestand(inhoud, f"{code}.{formaat}")


@router.post(
    "/monitor/indicatoren/{code}/waarden",
    status_code=201,
    summary="Een waarde of herziening vastleggen (beleidsmedewerker); de oude blijft bewaard",
)
def leg_waarde_vast(ctx: Ctx, code: str, invoer: WaardeIn) -> Punt:
    return indicatoren.registreer(ctx, code, invoer)


@router.get(
    "/monitor/financien",
    summary="Financiële tabellen met de controle van subtotalen, totalen en aansluitingen",
)
def lees_financien(ctx: Ctx) -> FinancienUit:
    return financien.overzicht(ctx)


@router.get("/monitor/opdrachten", summary="Moties en toezeggingen met status en uitvoering")
def lees_opdrachten(ctx: Ctx, filter_: Annotated[Opdrachtfilter, Query()]) -> list[OpdrachtUit]:
    return opdrachten.lijst(ctx, filter_)


@router.put(
    "/monitor/opdrachten/{opdracht_id}/beoordeling",
    summary="Een motie of toezegging beoordelen (beleidsmedewerker)",
)
def beoordeel_opdracht(ctx: Ctx, opdracht_id: int, invoer: BeoordelingIn) -> OpdrachtUit:
    return opdrachten.beoordeel(ctx, opdracht_id, invoer)


@router.get("/monitor/documenten", summary="Zoeken in de brieven (Nederlandse woordvormen)")
def zoek_documenten(ctx: Ctx, vraag: Annotated[Zoekopdracht, Query()]) -> list[TrefferUit]:
    return documenten.zoek(ctx, vraag)


@router.get(
    "/monitor/rapport",
    summary="De voortgangsrapportage als HTML of PDF",
    response_class=Response,
    responses={200: {"content": {"text/html": {}, "application/pdf": {}}}},
)
def lees_rapport(
    ctx: Ctx, omgeving: OmgevingDep, vraag: Annotated[Rapportvraag, Query()]
) -> Response:
    r = rapport.stel_samen(ctx, vraag.peil)
    html = rapport.html(r)
    if vraag.formaat == "html":
        return Response(html, media_type="text/html; charset=utf-8")
    try:
        bewaarmap = omgeving.instellingen.data_dir / rapport.MAP
        return Response(rapport.pdf(html, bewaarmap), media_type="application/pdf")
    except rapport.PdfNietBeschikbaar as exc:
        raise Probleem(503, str(exc)) from exc


@router.get(
    "/monitor/gebiedsbeeld",
    summary="Cijfers per gemeente, wijk of buurt (nooit fijner; kleine aantallen verborgen)",
)
def lees_gebiedsbeeld(ctx: Ctx, vraag: Annotated[Gebiedsvraag, Query()]) -> GebiedsbeeldUit:
    return GebiedsbeeldUit.van(gebiedsbeeld.bekijk(ctx, vraag))
