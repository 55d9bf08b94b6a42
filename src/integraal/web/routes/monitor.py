# SPDX-License-Identifier: EUPL-1.2
"""Monitor pages: the approach's structure, indicators, finances, motions and commitments,
documents with search, the area picture and the progress report (the same services and
input models as the API)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Annotated, Literal

from fastapi import APIRouter, BackgroundTasks, Depends, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from markupsafe import Markup

from integraal import achtergrond
from integraal.achtergrond import Opdracht
from integraal.domein.fouten import NietGevonden, OngeldigeInvoer
from integraal.domein.monitor import Maatregelstatus, Soort, TKStatus, Uitvoering
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
from integraal.monitor.documenten import Zoekopdracht
from integraal.monitor.gebiedsbeeld import Gebiedsniveau, Gebiedsvraag
from integraal.monitor.indicatoren import Uitsplitsvraag, WaardeIn
from integraal.monitor.opdrachten import BeoordelingIn, Opdrachtfilter, OpdrachtUit
from integraal.monitor.rapportwerk import Rapportbord, Rapportopdracht
from integraal.monitor.rechten import BEWERKERS
from integraal.monitor.structuur import MaatregelIn, MaatregelUit
from integraal.monitor.uitsplitsing import Naar
from integraal.web.basis import Csrf, Kruimel, Velden, Web, WebDep, bestand
from integraal.web.formulier import Formulierstaat

router = APIRouter()
Formaat = Literal["csv", "xlsx"]


def _bord(request: Request) -> Rapportbord:
    bord: Rapportbord = request.app.state.rapporten
    return bord


BordDep = Annotated[Rapportbord, Depends(_bord)]


def _tabel(
    kolommen: Sequence[str], rijen: Sequence[Sequence[object]], formaat: Formaat, naam: str
) -> Response:
    """A table of the monitor as a CSV or Excel download."""
    return bestand(tabel(kolommen, rijen, formaat), f"{naam}.{formaat}")


def _kruimels(*meer: Kruimel) -> list[Kruimel]:
    return [Kruimel("Start", "/"), Kruimel("Monitor", "/monitor"), *meer]


def _bewerker(w: Web) -> bool:
    return w.ik.rol in BEWERKERS


@router.get("/monitor", response_class=HTMLResponse)
def overzicht(w: WebDep) -> Response:
    with w.context() as ctx:
        lijnen = structuur.structuur(ctx)
        alle = indicatoren.overzicht(ctx)
        lijst = opdrachten.lijst(ctx)
        afwijkingen = financien.overzicht(ctx).afwijkingen
    per_status: dict[TKStatus, int] = {}
    for o in lijst:
        per_status[o.tk_status] = per_status.get(o.tk_status, 0) + 1
    return w.pagina(
        "monitor.html",
        lijnen=lijnen,
        lijnnamen={lijn.code: lijn.naam for lijn in lijnen},
        indicatoren=alle,
        per_status=per_status,
        te_beoordelen=sum(1 for o in lijst if not o.beoordeeld),
        afwijkingen=afwijkingen,
        bewerker=_bewerker(w),
        kruimels=[Kruimel("Start", "/"), Kruimel("Monitor")],
    )


# --- Measures ----------------------------------------------------------------------------------


def _maatregel(w: Web, maatregel_id: int, f: Formulierstaat | None = None) -> Response:
    with w.context() as ctx:
        gevonden = next(
            (
                (m, d.code)
                for lijn in structuur.structuur(ctx)
                for d in lijn.deelopgaven
                for m in d.maatregelen
                if m.id == maatregel_id
            ),
            None,
        )
        keuzes = structuur.deelopgavekeuzes(ctx)
    m, deelopgave = gevonden if gevonden else (None, None)
    if m is None:
        raise NietGevonden("Deze maatregel bestaat niet.")
    return w.pagina(
        "monitor_maatregel.html",
        m=m,
        f=f
        or Formulierstaat.met(
            status=m.status.value,
            naam=m.naam,
            eigenaar=m.eigenaar,
            deelopgave=deelopgave,
            start=m.start.strftime("%d-%m-%Y") if m.start else None,
            eind=m.eind.strftime("%d-%m-%Y") if m.eind else None,
            omschrijving=m.omschrijving or None,
        ),
        statussen=Maatregelstatus.keuzes(),
        deelopgaven=keuzes,
        bewerker=_bewerker(w),
        kruimels=_kruimels(Kruimel(m.naam)),
    )


@router.get("/monitor/maatregelen/{maatregel_id}", response_class=HTMLResponse)
def maatregel(w: WebDep, maatregel_id: int) -> Response:
    return _maatregel(w, maatregel_id)


@router.post(
    "/monitor/maatregelen/{maatregel_id}", response_class=HTMLResponse, dependencies=[Csrf]
)
def maatregel_wijzigen(w: WebDep, maatregel_id: int, velden: Velden) -> Response:
    def klaar(m: MaatregelUit) -> Response:
        return w.bevestig(
            "/monitor#maatregelen",
            f"‘{m.naam}’ bijgewerkt: {m.status.label.lower()}",
            "De wijziging is vastgelegd met uw naam en het tijdstip.",
            ("De voortgangsrapportage toont vanaf nu deze status.",),
        )

    return w.verzend(
        MaatregelIn,
        velden,
        lambda ctx, invoer: structuur.wijzig_maatregel(ctx, maatregel_id, invoer),
        opnieuw=lambda f: _maatregel(w, maatregel_id, f),
        klaar=klaar,
    )


# --- Indicators --------------------------------------------------------------------------------


@router.get("/monitor/indicatoren/{code}.{formaat}")
def indicator_export(w: WebDep, code: str, formaat: Formaat) -> Response:
    vraag, fv = w.vraag(Uitsplitsvraag)
    if fv.fouten:
        raise OngeldigeInvoer(fv.fouten)
    beeld = w.doe(lambda ctx: indicatoren.indicator(ctx, code, vraag))
    naam = f"{code}-{beeld.naar.value}" if beeld.naar else code
    return _tabel(indicatoren.KOLOMMEN, indicatoren.rijen(beeld), formaat, naam)


def _indicator(w: Web, code: str, f: Formulierstaat) -> Response:
    vraag, fv = w.vraag(Uitsplitsvraag)
    with w.context() as ctx:
        beeld = indicatoren.indicator(ctx, code, vraag)
        historie = [] if beeld.live else indicatoren.revisies(ctx, code)
    return w.pagina(
        "monitor_indicator.html",
        i=beeld,
        f=f if f.fouten else fv,
        grafiek=rapport.grafiek(beeld) if beeld.punten else None,
        historie=historie,
        bewerker=_bewerker(w),
        uitsplitsingen=Naar.keuzes(),
        kruimels=_kruimels(Kruimel(beeld.naam)),
    )


@router.get("/monitor/indicatoren/{code}", response_class=HTMLResponse)
def indicator(w: WebDep, code: str) -> Response:
    return _indicator(w, code, Formulierstaat())


@router.post("/monitor/indicatoren/{code}", response_class=HTMLResponse, dependencies=[Csrf])
def indicator_waarde(w: WebDep, code: str, velden: Velden) -> Response:
    return w.verzend(
        WaardeIn,
        velden,
        lambda ctx, invoer: indicatoren.registreer(ctx, code, invoer),
        opnieuw=lambda f: _indicator(w, code, f),
        klaar=lambda p: w.bevestig(
            f"/monitor/indicatoren/{code}",
            f"Waarde voor {p.periode} vastgelegd",
            "Een eerdere waarde voor dezelfde periode blijft bewaard als herziening.",
            ("Rapportages met een eerdere peildatum blijven gelijk.",),
        ),
    )


# --- Finances ----------------------------------------------------------------------------------


@router.get("/monitor/financien", response_class=HTMLResponse)
def financien_pagina(w: WebDep) -> Response:
    o = w.doe(financien.overzicht)
    return w.pagina(
        "monitor_financien.html",
        o=o,
        grafiek=rapport.plan_grafiek(o.plan_periode, o.plan_realisatie),
        kruimels=_kruimels(Kruimel("Financiën")),
    )


@router.get("/monitor/financien/tabel-{nummer}.{formaat}")
def financien_export(w: WebDep, nummer: int, formaat: Formaat) -> Response:
    t = w.doe(lambda ctx: financien.tabel_(ctx, nummer))
    return _tabel(financien.kolommen(t), financien.rijen(t), formaat, f"tabel-{nummer}")


# --- Motions and commitments ------------------------------------------------------------------


@router.get("/monitor/moties.{formaat}")
def moties_export(w: WebDep, formaat: Formaat) -> Response:
    lijst = w.doe(lambda ctx: opdrachten.lijst(ctx))
    return _tabel(opdrachten.KOLOMMEN, opdrachten.rijen(lijst), formaat, "moties-en-toezeggingen")


@router.get("/monitor/moties", response_class=HTMLResponse)
def moties(w: WebDep) -> Response:
    filter_, f = w.vraag(Opdrachtfilter)
    lijst = w.doe(lambda ctx: opdrachten.lijst(ctx, filter_))
    return w.pagina(
        "monitor_moties.html",
        lijst=lijst,
        f=f,
        gefilterd=filter_ is not None and (filter_.soort or filter_.status) is not None,
        soorten=Soort.keuzes(),
        statussen=TKStatus.keuzes(),
        kruimels=_kruimels(Kruimel("Moties en toezeggingen")),
    )


def _motie(w: Web, opdracht_id: int, f: Formulierstaat | None = None) -> Response:
    with w.context() as ctx:
        o = opdrachten.een(ctx, opdracht_id)
        maatregelen = structuur.maatregelkeuzes(ctx)
    return w.pagina(
        "monitor_motie.html",
        o=o,
        f=f or _beoordeling(o),
        statussen=TKStatus.keuzes(),
        uitvoeringen=Uitvoering.keuzes(),
        maatregelen=maatregelen,
        bewerker=_bewerker(w),
        kruimels=_kruimels(
            Kruimel("Moties en toezeggingen", "/monitor/moties"),
            Kruimel(f"{o.soort.label} {o.onderdeel or ''}".strip()),
        ),
    )


def _beoordeling(o: OpdrachtUit) -> Formulierstaat:
    return Formulierstaat.met(
        tkStatus=o.tk_status.value,
        uitvoering=o.uitvoering.value if o.uitvoering else None,
        maatregelId=o.maatregel_id,
        termijn=o.termijn.strftime("%d-%m-%Y") if o.termijn else None,
        nummer=o.nummer,
        verwijzing=o.verwijzing,
    )


@router.get("/monitor/moties/{opdracht_id}", response_class=HTMLResponse)
def motie(w: WebDep, opdracht_id: int) -> Response:
    return _motie(w, opdracht_id)


@router.post("/monitor/moties/{opdracht_id}", response_class=HTMLResponse, dependencies=[Csrf])
def motie_beoordelen(w: WebDep, opdracht_id: int, velden: Velden) -> Response:
    return w.verzend(
        BeoordelingIn,
        velden,
        lambda ctx, invoer: opdrachten.beoordeel(ctx, opdracht_id, invoer),
        opnieuw=lambda f: _motie(w, opdracht_id, f),
        klaar=lambda o: w.bevestig(
            f"/monitor/moties/{opdracht_id}",
            f"{o.soort.label} beoordeeld: {o.tk_status.label.lower()}",
            "Vanaf nu telt de status als beoordeeld; de voortgangsrapportage neemt haar over.",
        ),
    )


# --- Documents ---------------------------------------------------------------------------------


@router.get("/monitor/documenten", response_class=HTMLResponse)
def documenten_pagina(w: WebDep) -> Response:
    vraag, f = w.vraag(Zoekopdracht) if "zoek" in w.request.query_params else (None, None)
    with w.context() as ctx:
        docs = documenten.lijst(ctx)
        try:
            treffers = documenten.zoek(ctx, vraag) if vraag else []
        except OngeldigeInvoer as exc:  # words that narrow nothing: said at the field
            treffers, f = [], Formulierstaat(f.waarden if f else {}, exc.fouten)
            vraag = None
    return w.pagina(
        "monitor_documenten.html",
        documenten=docs,
        vraag=vraag,
        f=f or Formulierstaat(),
        treffers=treffers,
        kruimels=_kruimels(Kruimel("Documenten")),
    )


@router.get("/monitor/documenten/{sleutel}", response_class=HTMLResponse)
def document(w: WebDep, sleutel: str) -> Response:
    doc = w.doe(lambda ctx: documenten.lees(ctx, sleutel))
    return w.pagina(
        "monitor_document.html",
        doc=doc,
        kruimels=_kruimels(Kruimel("Documenten", "/monitor/documenten"), Kruimel(doc.titel)),
    )


# --- The progress report -----------------------------------------------------------------------


@router.get("/monitor/rapport", response_class=HTMLResponse)
def rapport_html(w: WebDep) -> Response:
    r = w.doe(rapport.stel_samen)
    return w.pagina(
        "monitor_rapport.html",
        inhoud=rapport.inhoud(r),
        kruimels=_kruimels(Kruimel("Voortgangsrapportage")),
    )


@router.post("/monitor/rapport/pdf", dependencies=[Csrf])
def rapport_pdf_maken(w: WebDep, bord: BordDep, taken: BackgroundTasks) -> Response:
    """Start the PDF after the answer; the next page shows its progress and then the link."""
    o = bord.begin(w.ik)
    achtergrond.plaats(w.omgeving, Opdracht.rapport(o.id, w.ik), taken.add_task)
    return RedirectResponse(f"/monitor/rapport/pdf/{o.id}", status_code=303)


def _opdracht(
    w: Web, bord: Rapportbord, opdracht_id: str, *, met_inhoud: bool = False
) -> Rapportopdracht:
    o = bord.van(opdracht_id, w.ik, met_inhoud=met_inhoud)
    if o is None:
        raise NietGevonden(
            "Deze PDF bestaat niet (meer). Een PDF blijft een uur beschikbaar; maak een nieuwe."
        )
    return o


@router.get("/monitor/rapport/pdf/{opdracht_id}", response_class=HTMLResponse)
def rapport_pdf_stand(w: WebDep, bord: BordDep, opdracht_id: str) -> Response:
    o = _opdracht(w, bord, opdracht_id)
    if w.request.headers.get("HX-Request") and not o.bezig:
        return Response(status_code=200, headers={"HX-Refresh": "true"})
    sjabloon = "_rapport_voortgang.html" if w.request.headers.get("HX-Request") else None
    return w.pagina(
        sjabloon or "monitor_rapport_pdf.html",
        o=o,
        kruimels=_kruimels(Kruimel("Voortgangsrapportage als PDF")),
    )


@router.get("/monitor/rapport/pdf/{opdracht_id}/bestand")
def rapport_pdf_bestand(w: WebDep, bord: BordDep, opdracht_id: str) -> Response:
    o = _opdracht(w, bord, opdracht_id, met_inhoud=True)
    if o.bezig or not o.inhoud:
        return RedirectResponse(f"/monitor/rapport/pdf/{o.id}", status_code=303)
    return bestand(o.inhoud, o.bestandsnaam)


# --- The area picture --------------------------------------------------------------------------


@router.get("/monitor/gebiedsbeeld.{formaat}")
def gebiedsbeeld_export(w: WebDep, formaat: Formaat) -> Response:
    vraag, f = w.vraag(Gebiedsvraag)
    if vraag is None:
        # A download is not a page to correct: say what was wrong instead of another level.
        raise OngeldigeInvoer(f.fouten)
    b = w.doe(lambda ctx: gebiedsbeeld.bekijk(ctx, vraag))
    return _tabel(gebiedsbeeld.KOLOMMEN, gebiedsbeeld.rijen(b), formaat, "gebiedsbeeld")


@router.get("/monitor/gebiedsbeeld", response_class=HTMLResponse)
def gebiedsbeeld_pagina(w: WebDep) -> Response:
    vraag, f = w.vraag(Gebiedsvraag)
    try:
        b = w.doe(lambda ctx: gebiedsbeeld.bekijk(ctx, vraag or Gebiedsvraag()))
    except NietGevonden:
        b = None
    return w.pagina(
        "monitor_gebiedsbeeld.html",
        b=b,
        f=f,
        niveaus=Gebiedsniveau.keuzes(),
        onderwerpen=[(o, o) for o in b.onderwerpen] if b else [],
        perioden=[(p, p) for p in b.perioden] if b else [],
        kaart=Markup(gebiedsbeeld.tegelkaart(b)) if b else None,
        voorbeeld=gebiedsbeeld.VOORBEELD,
        kruimels=_kruimels(Kruimel("Gebiedsbeeld")),
    )
