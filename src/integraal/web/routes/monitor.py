# SPDX-License-Identifier: EUPL-1.2
"""Monitor pages: the approach's structure, indicators, finances, motions and commitments,
documents with search, and the progress report as HTML and PDF."""

from __future__ import annotations

import datetime as dt
from typing import Annotated

from fastapi import APIRouter, Form, Request
from fastapi.responses import HTMLResponse, Response
from markupsafe import Markup

from integraal.domein.fouten import OngeldigeInvoer
from integraal.domein.monitor import (
    MAATREGELSTATUS_LABELS,
    UITVOERING_LABELS,
    Soort,
    TKStatus,
)
from integraal.domein.tekst import lees_bedrag
from integraal.export import MEDIATYPEN, tabel
from integraal.monitor import (
    financien,
    gebiedsbeeld,
    indicatoren,
    opdrachten,
    rapport,
    structuur,
)
from integraal.opslag import monitor as opslag
from integraal.opslag.db import Sessie, transactie
from integraal.web.basis import (
    ActorDep,
    Csrf,
    OmgevingDep,
    actie,
    fout,
    niet_gevonden,
    pagina,
)

router = APIRouter()


def _bestand(inhoud: bytes, formaat: str, naam: str) -> Response:
    return Response(
        inhoud,
        media_type=MEDIATYPEN[formaat],
        headers={"Content-Disposition": f'attachment; filename="{naam}.{formaat}"'},
    )


def _datum(tekst: str, veld: str) -> dt.date | None:
    if not tekst.strip():
        return None
    try:
        return dt.date.fromisoformat(tekst.strip())
    except ValueError:
        raise OngeldigeInvoer({veld: "vul een datum in als jjjj-mm-dd"}) from None


@router.get("/monitor", response_class=HTMLResponse)
def overzicht(request: Request, omgeving: OmgevingDep, actor: ActorDep) -> Response:
    with transactie(omgeving.fabriek) as s:
        lijnen = structuur.structuur(s)
        alle = indicatoren.overzicht(s)
        lijst = opdrachten.lijst(s)
        afwijkingen = financien.controle(financien.tabellen(s))
    per_status: dict[str, int] = {}
    for o in lijst:
        per_status[o.tk_status.value] = per_status.get(o.tk_status.value, 0) + 1
    return pagina(
        request,
        "monitor.html",
        actor,
        lijnen=lijnen,
        indicatoren=alle,
        per_status=per_status,
        te_beoordelen=sum(1 for o in lijst if not o.beoordeeld),
        afwijkingen=afwijkingen,
        statussen=MAATREGELSTATUS_LABELS,
        vandaag=dt.date.today(),
    )


@router.post("/monitor/maatregelen/{maatregel_id}", dependencies=[Csrf])
def maatregel_wijzigen(
    request: Request,
    actor: ActorDep,
    maatregel_id: int,
    status: Annotated[str, Form()] = "",
    eind: Annotated[str, Form()] = "",
) -> Response:
    def doe(s: Sessie) -> None:
        structuur.wijzig_maatregel(s, actor, maatregel_id, status, _datum(eind, "eind"))

    return actie(request, actor, "/monitor#maatregelen", doe)


@router.get("/monitor/indicatoren/{code}.{formaat}")
def indicator_export(
    request: Request, omgeving: OmgevingDep, actor: ActorDep, code: str, formaat: str
) -> Response:
    if formaat not in MEDIATYPEN:
        return niet_gevonden(request, actor, "Exporteer als csv of xlsx.")
    with transactie(omgeving.fabriek) as s:
        if opslag.indicator(s, code) is None:
            return niet_gevonden(request, actor, "Deze indicator bestaat niet.")
        beeld = indicatoren.reeks(s, code)
    return _bestand(tabel(indicatoren.KOLOMMEN, indicatoren.rijen(beeld), formaat), formaat, code)


@router.get("/monitor/indicatoren/{code}", response_class=HTMLResponse)
def indicator(request: Request, omgeving: OmgevingDep, actor: ActorDep, code: str) -> Response:
    with transactie(omgeving.fabriek) as s:
        if opslag.indicator(s, code) is None:
            return niet_gevonden(request, actor, "Deze indicator bestaat niet.")
        beeld = indicatoren.reeks(s, code)
        historie = [] if beeld.live else indicatoren.revisies(s, code)
    return pagina(
        request,
        "monitor_indicator.html",
        actor,
        i=beeld,
        grafiek=rapport.grafiek(beeld) if beeld.punten else None,
        historie=historie,
    )


@router.post("/monitor/indicatoren/{code}", dependencies=[Csrf])
def indicator_waarde(
    request: Request,
    actor: ActorDep,
    code: str,
    periode: Annotated[str, Form()] = "",
    uitsplitsing: Annotated[str, Form()] = "",
    waarde: Annotated[str, Form()] = "",
    bron: Annotated[str, Form()] = "",
    voorlopig: Annotated[str, Form()] = "",
) -> Response:
    def doe(s: Sessie) -> None:
        try:
            getal = float(lees_bedrag(waarde))
        except (ValueError, TypeError):
            raise OngeldigeInvoer({"waarde": "vul een getal in, zoals 371,8"}) from None
        indicatoren.registreer(
            s,
            actor,
            code,
            periode,
            getal,
            uitsplitsing=uitsplitsing,
            voorlopig=bool(voorlopig),
            bron=bron,
        )

    return actie(request, actor, f"/monitor/indicatoren/{code}", doe)


@router.get("/monitor/financien", response_class=HTMLResponse)
def financien_pagina(request: Request, omgeving: OmgevingDep, actor: ActorDep) -> Response:
    with transactie(omgeving.fabriek) as s:
        tabellen = financien.tabellen(s)
    afwijkingen = financien.controle(tabellen)
    periode, posten = financien.plan_realisatie(tabellen)
    return pagina(
        request,
        "monitor_financien.html",
        actor,
        tabellen=list(tabellen.values()),
        afwijkingen=afwijkingen,
        periode=periode,
        posten=posten,
        grafiek=rapport.plan_grafiek(periode, posten),
    )


@router.get("/monitor/financien/tabel-{nummer}.{formaat}")
def financien_export(
    request: Request, omgeving: OmgevingDep, actor: ActorDep, nummer: int, formaat: str
) -> Response:
    if formaat not in MEDIATYPEN:
        return niet_gevonden(request, actor, "Exporteer als csv of xlsx.")
    with transactie(omgeving.fabriek) as s:
        t = financien.tabellen(s).get(nummer)
    if t is None:
        return niet_gevonden(request, actor, "Deze tabel bestaat niet.")
    return _bestand(
        tabel(financien.kolommen(t), financien.rijen(t), formaat), formaat, f"tabel-{nummer}"
    )


@router.get("/monitor/moties.{formaat}")
def moties_export(
    request: Request, omgeving: OmgevingDep, actor: ActorDep, formaat: str
) -> Response:
    if formaat not in MEDIATYPEN:
        return niet_gevonden(request, actor, "Exporteer als csv of xlsx.")
    with transactie(omgeving.fabriek) as s:
        lijst = opdrachten.lijst(s)
    return _bestand(
        tabel(opdrachten.KOLOMMEN, opdrachten.rijen(lijst), formaat),
        formaat,
        "moties-en-toezeggingen",
    )


@router.get("/monitor/moties", response_class=HTMLResponse)
def moties(
    request: Request,
    omgeving: OmgevingDep,
    actor: ActorDep,
    soort: str = "",
    status: str = "",
) -> Response:
    with transactie(omgeving.fabriek) as s:
        lijst = opdrachten.lijst(s)
    if soort:
        lijst = [o for o in lijst if o.soort.value == soort]
    if status:
        lijst = [o for o in lijst if o.tk_status.value == status]
    return pagina(
        request,
        "monitor_moties.html",
        actor,
        lijst=lijst,
        soort=soort,
        gekozen_status=status,
        soorten=list(Soort),
        statussen=list(TKStatus),
    )


@router.get("/monitor/moties/{opdracht_id}", response_class=HTMLResponse)
def motie(request: Request, omgeving: OmgevingDep, actor: ActorDep, opdracht_id: int) -> Response:
    with transactie(omgeving.fabriek) as s:
        if opslag.opdracht(s, opdracht_id) is None:
            return niet_gevonden(request, actor, "Deze motie of toezegging bestaat niet.")
        o = opdrachten.een(s, opdracht_id)
        maatregelen = opslag.maatregelen(s)
    return pagina(
        request,
        "monitor_motie.html",
        actor,
        o=o,
        statussen=list(TKStatus),
        uitvoeringen=UITVOERING_LABELS,
        maatregelen=[(m.id, m.naam) for m in maatregelen],
    )


@router.post("/monitor/moties/{opdracht_id}", dependencies=[Csrf])
def motie_beoordelen(
    request: Request,
    actor: ActorDep,
    opdracht_id: int,
    tk_status: Annotated[str, Form()] = "",
    uitvoering: Annotated[str, Form()] = "",
    maatregel: Annotated[str, Form()] = "",
    termijn: Annotated[str, Form()] = "",
    nummer: Annotated[str, Form()] = "",
    verwijzing: Annotated[str, Form()] = "",
) -> Response:
    def doe(s: Sessie) -> None:
        opdrachten.beoordeel(
            s,
            actor,
            opdracht_id,
            tk_status=tk_status,
            uitvoering=uitvoering or None,
            maatregel_id=int(maatregel) if maatregel.isdigit() else None,
            termijn=_datum(termijn, "termijn"),
            nummer=nummer.strip() or None,
            verwijzing=verwijzing.strip() or None,
        )

    return actie(request, actor, f"/monitor/moties/{opdracht_id}", doe)


@router.get("/monitor/documenten", response_class=HTMLResponse)
def documenten(request: Request, omgeving: OmgevingDep, actor: ActorDep, q: str = "") -> Response:
    with transactie(omgeving.fabriek) as s:
        docs = opslag.documenten(s)
        treffers = opslag.zoek(s, q[:200]) if q.strip() else []
    return pagina(
        request, "monitor_documenten.html", actor, documenten=docs, q=q, treffers=treffers
    )


@router.get("/monitor/documenten/{sleutel}", response_class=HTMLResponse)
def document(request: Request, omgeving: OmgevingDep, actor: ActorDep, sleutel: str) -> Response:
    with transactie(omgeving.fabriek) as s:
        doc = opslag.document(s, sleutel)
        if doc is None:
            return niet_gevonden(request, actor, "Dit document bestaat niet.")
        passages = opslag.passages(s, doc.id)
        noten = opslag.voetnoten(s, doc.id)
        verwijzingen = opslag.documentverwijzingen(s, doc.id)
    return pagina(
        request,
        "monitor_document.html",
        actor,
        doc=doc,
        passages=passages,
        noten=noten,
        verwijzingen=verwijzingen,
    )


@router.get("/monitor/rapport", response_class=HTMLResponse)
def rapport_html(omgeving: OmgevingDep, _actor: ActorDep) -> Response:
    with transactie(omgeving.fabriek) as s:
        r = rapport.stel_samen(s)
    return HTMLResponse(rapport.html(r))


@router.get("/monitor/rapport.pdf")
def rapport_pdf(request: Request, omgeving: OmgevingDep, actor: ActorDep) -> Response:
    with transactie(omgeving.fabriek) as s:
        r = rapport.stel_samen(s)
    try:
        inhoud = rapport.pdf(rapport.html(r))
    except rapport.PdfNietBeschikbaar as exc:
        return pagina(
            request, "melding.html", actor, status=503, titel="PDF niet beschikbaar", tekst=str(exc)
        )
    naam = f"voortgangsrapportage-{r.peildatum.date().isoformat()}.pdf"
    return Response(
        inhoud,
        media_type="application/pdf",
        headers={"Content-Disposition": f'attachment; filename="{naam}"'},
    )


@router.get("/monitor/gebiedsbeeld.{formaat}")
def gebiedsbeeld_export(
    request: Request,
    omgeving: OmgevingDep,
    actor: ActorDep,
    formaat: str,
    niveau: str = "buurt",
    onderwerp: str = "",
    periode: str = "",
) -> Response:
    if formaat not in MEDIATYPEN:
        return niet_gevonden(request, actor, "Exporteer als csv of xlsx.")
    try:
        with transactie(omgeving.fabriek) as s:
            b = gebiedsbeeld.beeld(s, niveau, onderwerp or None, periode or None)
    except OngeldigeInvoer as exc:
        return fout(request, actor, exc)
    if b is None:
        return niet_gevonden(request, actor, "Er zijn nog geen gebiedscijfers geladen.")
    return _bestand(
        tabel(gebiedsbeeld.KOLOMMEN, gebiedsbeeld.rijen(b), formaat), formaat, "gebiedsbeeld"
    )


@router.get("/monitor/gebiedsbeeld", response_class=HTMLResponse)
def gebiedsbeeld_pagina(
    request: Request,
    omgeving: OmgevingDep,
    actor: ActorDep,
    niveau: str = "buurt",
    onderwerp: str = "",
    periode: str = "",
) -> Response:
    try:
        with transactie(omgeving.fabriek) as s:
            b = gebiedsbeeld.beeld(s, niveau, onderwerp or None, periode or None)
    except OngeldigeInvoer as exc:
        return fout(request, actor, exc)
    return pagina(
        request,
        "monitor_gebiedsbeeld.html",
        actor,
        b=b,
        kaart=Markup(gebiedsbeeld.tegelkaart(b)) if b else None,
        voorbeeld=gebiedsbeeld.VOORBEELD,
    )
