# SPDX-License-Identifier: EUPL-1.2
"""Keeping the monitor up to date in the app: new measures, indicators and their definitions,
motions and commitments entered by hand (the policy officer; every change audited). Mounted
before the monitor's own pages, so `/monitor/…/nieuw` is not read as an id."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter
from fastapi.responses import HTMLResponse, Response

from integraal.domein.fouten import GeenToegang
from integraal.domein.monitor import Maatregelstatus, Soort, TKStatus, Uitvoering
from integraal.monitor import indicatoren, opdrachten, structuur
from integraal.monitor.indicatoren import Frequentie, IndicatorIn, IndicatorUit
from integraal.monitor.opdrachten import OpdrachtIn, OpdrachtUit
from integraal.monitor.rechten import BEWERKERS
from integraal.monitor.structuur import MaatregelNieuwIn, MaatregelUit
from integraal.web.basis import Csrf, Kruimel, Velden, Web, WebDep
from integraal.web.formulier import Formulierstaat

router = APIRouter()


def _kruimels(titel: str) -> list[Kruimel]:
    return [Kruimel("Start", "/"), Kruimel("Monitor", "/monitor"), Kruimel(titel)]


def _alleen_bewerker(w: Web) -> None:
    """Asking for one of these forms is already a question for the editor."""
    if w.ik.rol not in BEWERKERS:
        raise GeenToegang("alleen beleidsmedewerkers werken de monitor bij")


def _keuzes(w: Web) -> dict[str, Any]:
    _alleen_bewerker(w)
    with w.context() as ctx:
        return {
            "deelopgaven": structuur.deelopgavekeuzes(ctx),
            "maatregelen": structuur.maatregelkeuzes(ctx),
        }


# --- Measures ----------------------------------------------------------------------------------


def _maatregel_nieuw(w: Web, f: Formulierstaat) -> Response:
    return w.pagina(
        "monitor_maatregel_nieuw.html",
        f=f,
        statussen=Maatregelstatus.keuzes(),
        kruimels=_kruimels("Maatregel toevoegen"),
        **_keuzes(w),
    )


@router.get("/monitor/maatregelen/nieuw", response_class=HTMLResponse)
def maatregel_nieuw(w: WebDep) -> Response:
    return _maatregel_nieuw(w, Formulierstaat.met(status=Maatregelstatus.LOPEND.value))


@router.post("/monitor/maatregelen", response_class=HTMLResponse, dependencies=[Csrf])
def maatregel_aanmaken(w: WebDep, velden: Velden) -> Response:
    def klaar(m: MaatregelUit) -> Response:
        return w.bevestig(
            f"/monitor/maatregelen/{m.id}",
            f"Maatregel ‘{m.naam}’ toegevoegd",
            "De maatregel staat in de monitor onder haar deelopgave.",
            ("De voortgangsrapportage neemt haar op met eigenaar, data en status.",),
        )

    return w.verzend(
        MaatregelNieuwIn,
        velden,
        structuur.maak_maatregel,
        opnieuw=lambda f: _maatregel_nieuw(w, f),
        klaar=klaar,
    )


# --- Indicators --------------------------------------------------------------------------------


def _indicatorformulier(w: Web, f: Formulierstaat, code: str | None = None) -> Response:
    titel = "Definitie wijzigen" if code else "Indicator toevoegen"
    return w.pagina(
        "monitor_indicator_definitie.html",
        f=f,
        code=code,
        titel=titel,
        frequenties=Frequentie.keuzes(),
        kruimels=_kruimels(titel),
        **_keuzes(w),
    )


@router.get("/monitor/indicatoren/nieuw", response_class=HTMLResponse)
def indicator_nieuw(w: WebDep) -> Response:
    return _indicatorformulier(w, Formulierstaat.met(optelbaar="true", decimalen="0"))


@router.post("/monitor/indicatoren", response_class=HTMLResponse, dependencies=[Csrf])
def indicator_aanmaken(w: WebDep, velden: Velden) -> Response:
    def klaar(i: IndicatorUit) -> Response:
        return w.bevestig(
            f"/monitor/indicatoren/{i.code}",
            f"Indicator ‘{i.naam}’ toegevoegd",
            "Leg hieronder de eerste waarden vast, elk met zijn bron.",
        )

    return w.verzend(
        IndicatorIn,
        velden,
        indicatoren.maak_indicator,
        opnieuw=lambda f: _indicatorformulier(w, f),
        klaar=klaar,
    )


@router.get("/monitor/indicatoren/{code}/definitie", response_class=HTMLResponse)
def indicator_definitie(w: WebDep, code: str) -> Response:
    _alleen_bewerker(w)
    i = w.doe(lambda ctx: indicatoren.indicator(ctx, code))
    f = Formulierstaat.met(
        naam=i.naam,
        omschrijving=i.omschrijving,
        eenheid=i.eenheid,
        decimalen=str(i.decimalen),
        bron=i.bron,
        frequentie=i.frequentie,
        niveau=i.niveau,
        deelopgave=i.deelopgave,
        uitsplitsing=i.uitsplitsing,
        optelbaar="true" if i.optelbaar else None,
    )
    return _indicatorformulier(w, f, code)


@router.post(
    "/monitor/indicatoren/{code}/definitie", response_class=HTMLResponse, dependencies=[Csrf]
)
def indicator_definitie_wijzigen(w: WebDep, code: str, velden: Velden) -> Response:
    return w.verzend(
        IndicatorIn,
        velden,
        lambda ctx, invoer: indicatoren.wijzig_indicator(ctx, code, invoer),
        opnieuw=lambda f: _indicatorformulier(w, f, code),
        klaar=lambda i: w.bevestig(
            f"/monitor/indicatoren/{code}",
            f"Definitie van ‘{i.naam}’ gewijzigd",
            "De vastgelegde waarden en hun herzieningen blijven zoals ze waren.",
        ),
    )


# --- Motions and commitments -------------------------------------------------------------------


def _motie_nieuw(w: Web, f: Formulierstaat) -> Response:
    return w.pagina(
        "monitor_motie_nieuw.html",
        f=f,
        soorten=Soort.keuzes(),
        tk_statussen=TKStatus.keuzes(),
        uitvoeringen=Uitvoering.keuzes(),
        kruimels=_kruimels("Motie of toezegging toevoegen"),
        **_keuzes(w),
    )


@router.get("/monitor/moties/nieuw", response_class=HTMLResponse)
def motie_nieuw(w: WebDep) -> Response:
    return _motie_nieuw(w, Formulierstaat.met(tkStatus=TKStatus.OPENSTAAND.value))


@router.post("/monitor/moties", response_class=HTMLResponse, dependencies=[Csrf])
def motie_vastleggen(w: WebDep, velden: Velden) -> Response:
    def klaar(o: OpdrachtUit) -> Response:
        return w.bevestig(
            f"/monitor/moties/{o.id}",
            f"{o.soort.label} vastgelegd",
            o.onderwerp,
            ("De bijlage van de voortgangsrapportage neemt haar op met haar status.",),
        )

    return w.verzend(
        OpdrachtIn, velden, opdrachten.vastleggen, opnieuw=lambda f: _motie_nieuw(w, f), klaar=klaar
    )
