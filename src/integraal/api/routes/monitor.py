# SPDX-License-Identifier: EUPL-1.2
"""The monitor: structure, indicators, finances, motions and commitments, documents, report."""

from __future__ import annotations

import datetime as dt
from typing import Literal

from fastapi import APIRouter, Query, Response

from integraal.api.deps import ActorDep, OmgevingDep
from integraal.api.diensten import actie, dienst
from integraal.api.fouten import Probleem
from integraal.api.monitorschemas import (
    AfwijkingUit,
    BeoordelingIn,
    DeelopgaveUit,
    FinancienUit,
    GebiedsbeeldUit,
    GebiedswaardeUit,
    IndicatorUit,
    KolomUit,
    LidUit,
    LijnlabelUit,
    LijnUit,
    MaatregelIn,
    MaatregelUit,
    OpdrachtUit,
    PuntUit,
    RijUit,
    TabelUit,
    TrefferUit,
    WaardeIn,
)
from integraal.export import MEDIATYPEN, tabel
from integraal.monitor import (
    financien,
    gebiedsbeeld,
    indicatoren,
    opdrachten,
    rapport,
    structuur,
)
from integraal.monitor.indicatoren import IndicatorBeeld
from integraal.opslag import monitor as opslag

router = APIRouter(tags=["Monitor"])


@router.get(
    "/monitor/structuur",
    response_model=list[LijnUit],
    summary="Lijnen, deelopgaven en maatregelen (lijnnamen zoals op de datum)",
)
def lees_structuur(
    omgeving: OmgevingDep, _actor: ActorDep, datum: dt.date | None = None
) -> list[LijnUit]:
    with dienst(omgeving) as s:
        lijnen = structuur.structuur(s, datum)
    return [
        LijnUit(
            code=lijn.code.value,
            naam=lijn.naam,
            labels=[
                LijnlabelUit(tekst=b.tekst, van=b.van, tot=b.tot, bron=b.bron) for b in lijn.labels
            ],
            deelopgaven=[
                DeelopgaveUit(
                    code=d.code,
                    naam=d.naam,
                    in_financien=d.in_financien,
                    maatregelen=[
                        MaatregelUit(
                            id=m.id,
                            naam=m.naam,
                            omschrijving=m.omschrijving,
                            eigenaar=m.eigenaar,
                            start=m.start,
                            eind=m.eind,
                            status=m.status.value,
                        )
                        for m in d.maatregelen
                    ],
                )
                for d in lijn.deelopgaven
            ],
        )
        for lijn in lijnen
    ]


@router.put(
    "/monitor/maatregelen/{maatregel_id}",
    status_code=204,
    response_class=Response,
    summary="Status van een maatregel bijwerken (beleidsmedewerker)",
)
def wijzig_maatregel(
    omgeving: OmgevingDep, actor: ActorDep, maatregel_id: int, invoer: MaatregelIn
) -> Response:
    return actie(
        omgeving,
        lambda s: structuur.wijzig_maatregel(s, actor, maatregel_id, invoer.status, invoer.eind),
    )


def _indicator(i: IndicatorBeeld) -> IndicatorUit:
    return IndicatorUit(
        code=i.code,
        naam=i.naam,
        eenheid=i.eenheid,
        bron=i.bron,
        frequentie=i.frequentie,
        niveau=i.niveau,
        lijn=i.lijn,
        deelopgave=i.deelopgave,
        live=i.live,
        peildatum=i.peildatum,
        punten=[PuntUit.model_validate(p, from_attributes=True) for p in i.punten],
    )


def _peil(peildatum: dt.datetime | None) -> dt.datetime | None:
    if peildatum is not None and peildatum.tzinfo is None:
        return peildatum.replace(tzinfo=dt.UTC)
    return peildatum


@router.get(
    "/monitor/indicatoren",
    response_model=list[IndicatorUit],
    summary="Indicatoren met hun waarden zoals bekend op de peildatum",
)
def lees_indicatoren(
    omgeving: OmgevingDep, _actor: ActorDep, peildatum: dt.datetime | None = None
) -> list[IndicatorUit]:
    with dienst(omgeving) as s:
        return [_indicator(i) for i in indicatoren.overzicht(s, _peil(peildatum))]


@router.get(
    "/monitor/indicatoren/{code}",
    response_model=IndicatorUit,
    summary="Eén indicator; kleine aantallen worden niet getoond",
)
def lees_indicator(
    omgeving: OmgevingDep, _actor: ActorDep, code: str, peildatum: dt.datetime | None = None
) -> IndicatorUit:
    with dienst(omgeving) as s:
        if opslag.indicator(s, code) is None:
            raise Probleem(404, "Deze indicator bestaat niet.")
        return _indicator(indicatoren.reeks(s, code, _peil(peildatum)))


@router.get(
    "/monitor/indicatoren/{code}/export",
    summary="Een indicator als CSV of Excel",
    response_class=Response,
    responses={200: {"content": {m.split(";")[0]: {} for m in MEDIATYPEN.values()}}},
)
def exporteer_indicator(
    omgeving: OmgevingDep, _actor: ActorDep, code: str, formaat: Literal["csv", "xlsx"] = "csv"
) -> Response:
    with dienst(omgeving) as s:
        if opslag.indicator(s, code) is None:
            raise Probleem(404, "Deze indicator bestaat niet.")
        beeld = indicatoren.reeks(s, code)
    return Response(
        tabel(indicatoren.KOLOMMEN, indicatoren.rijen(beeld), formaat),
        media_type=MEDIATYPEN[formaat],
        headers={"Content-Disposition": f'attachment; filename="{code}.{formaat}"'},
    )


@router.post(
    "/monitor/indicatoren/{code}/waarden",
    status_code=204,
    response_class=Response,
    summary="Een waarde of herziening vastleggen (beleidsmedewerker); de oude blijft bewaard",
)
def leg_waarde_vast(
    omgeving: OmgevingDep, actor: ActorDep, code: str, invoer: WaardeIn
) -> Response:
    return actie(
        omgeving,
        lambda s: indicatoren.registreer(
            s,
            actor,
            code,
            invoer.periode,
            invoer.waarde,
            uitsplitsing=invoer.uitsplitsing,
            voorlopig=invoer.voorlopig,
            bron=invoer.bron,
            peildatum=invoer.peildatum,
        ),
    )


@router.get(
    "/monitor/financien",
    response_model=FinancienUit,
    summary="Financiële tabellen met de controle van subtotalen, totalen en aansluitingen",
)
def lees_financien(omgeving: OmgevingDep, _actor: ActorDep) -> FinancienUit:
    with dienst(omgeving) as s:
        tabellen = financien.tabellen(s)
    afwijkingen = financien.controle(tabellen)
    return FinancienUit(
        tabellen=[
            TabelUit(
                nummer=t.nummer,
                titel=t.titel,
                eenheid=t.eenheid,
                bron=t.bron,
                kolommen=[
                    KolomUit(sleutel=k.sleutel, kop=k.kop, soort=k.soort.value, periode=k.periode)
                    for k in t.kolommen
                ],
                rijen=[
                    RijUit(
                        soort=r.soort.value,
                        groep=r.groep,
                        omschrijving=r.omschrijving,
                        deelopgave=r.deelopgave,
                        waarden=list(r.waarden),
                    )
                    for r in t.rijen
                ],
            )
            for t in tabellen.values()
        ],
        afwijkingen=[
            AfwijkingUit(
                tabel=a.tabel,
                rij=a.rij,
                kolom=a.kolom,
                vermeld=a.vermeld,
                berekend=a.berekend,
                melding=a.melding,
            )
            for a in afwijkingen
        ],
    )


@router.get(
    "/monitor/opdrachten",
    response_model=list[OpdrachtUit],
    summary="Moties en toezeggingen met status en uitvoering",
)
def lees_opdrachten(omgeving: OmgevingDep, _actor: ActorDep) -> list[OpdrachtUit]:
    with dienst(omgeving) as s:
        lijst = opdrachten.lijst(s)
    return [
        OpdrachtUit(
            id=o.id,
            soort=o.soort.value,
            thema=o.thema,
            onderdeel=o.onderdeel,
            onderwerp=o.onderwerp,
            leden=[LidUit(naam=str(lid["naam"]), partij=lid.get("partij")) for lid in o.leden],
            cum_suis=o.cum_suis,
            nummer=o.nummer,
            verwijzing=o.verwijzing,
            verwijzing_url=o.verwijzing_url,
            tk_status=o.tk_status.value,
            uitvoering=o.uitvoering.value if o.uitvoering else None,
            status_reden=o.status_reden,
            termijn=o.termijn,
            maatregel_id=o.maatregel_id,
            beoordeeld=o.beoordeeld,
            tk_ingetrokken=o.tk_ingetrokken,
        )
        for o in lijst
    ]


@router.put(
    "/monitor/opdrachten/{opdracht_id}/beoordeling",
    status_code=204,
    response_class=Response,
    summary="Een motie of toezegging beoordelen (beleidsmedewerker)",
)
def beoordeel_opdracht(
    omgeving: OmgevingDep, actor: ActorDep, opdracht_id: int, invoer: BeoordelingIn
) -> Response:
    return actie(
        omgeving,
        lambda s: opdrachten.beoordeel(
            s,
            actor,
            opdracht_id,
            tk_status=invoer.tk_status,
            uitvoering=invoer.uitvoering,
            maatregel_id=invoer.maatregel_id,
            termijn=invoer.termijn,
            nummer=invoer.nummer,
            verwijzing=invoer.verwijzing,
        ),
    )


@router.get(
    "/monitor/documenten",
    response_model=list[TrefferUit],
    summary="Zoeken in de brieven (Nederlandse woordvormen)",
)
def zoek_documenten(
    omgeving: OmgevingDep, _actor: ActorDep, zoek: str = Query(min_length=1, max_length=200)
) -> list[TrefferUit]:
    with dienst(omgeving) as s:
        treffers = opslag.zoek(s, zoek)
    return [
        TrefferUit(
            document=t.document_sleutel, titel=t.document_titel, kop=t.kop, fragment=t.fragment
        )
        for t in treffers
    ]


@router.get(
    "/monitor/rapport",
    summary="De voortgangsrapportage als HTML of PDF",
    response_class=Response,
    responses={200: {"content": {"text/html": {}, "application/pdf": {}}}},
)
def lees_rapport(
    omgeving: OmgevingDep,
    _actor: ActorDep,
    formaat: Literal["html", "pdf"] = "html",
    peildatum: dt.datetime | None = None,
) -> Response:
    with dienst(omgeving) as s:
        r = rapport.stel_samen(s, _peil(peildatum))
    html = rapport.html(r)
    if formaat == "html":
        return Response(html, media_type="text/html; charset=utf-8")
    try:
        return Response(rapport.pdf(html), media_type="application/pdf")
    except rapport.PdfNietBeschikbaar as exc:
        raise Probleem(503, str(exc)) from exc


@router.get(
    "/monitor/gebiedsbeeld",
    response_model=GebiedsbeeldUit,
    summary="Cijfers per gemeente, wijk of buurt (nooit fijner; kleine aantallen verborgen)",
)
def lees_gebiedsbeeld(
    omgeving: OmgevingDep,
    _actor: ActorDep,
    niveau: Literal["gemeente", "wijk", "buurt"] = "buurt",
    onderwerp: str | None = None,
    periode: str | None = None,
) -> GebiedsbeeldUit:
    with dienst(omgeving) as s:
        b = gebiedsbeeld.beeld(s, niveau, onderwerp, periode)
    if b is None:
        raise Probleem(404, "Er zijn nog geen gebiedscijfers geladen.")
    return GebiedsbeeldUit(
        bron=b.bron,
        niveau=b.niveau,
        onderwerp=b.onderwerp,
        periode=b.periode,
        onderwerpen=b.onderwerpen,
        perioden=b.perioden,
        waarden=[
            GebiedswaardeUit(code=w.code, naam=w.naam, ligt_in=w.ouder, waarde=w.cel.waarde)
            for w in b.waarden
        ],
    )
