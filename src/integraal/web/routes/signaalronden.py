# SPDX-License-Identifier: EUPL-1.2
"""The FEC on the web: signal rounds among its participants and the Serious Crime
Taskforce's facilitator indicators for designated banks."""

from __future__ import annotations

from fastapi import APIRouter
from fastapi.responses import HTMLResponse, Response

from integraal.casus.signalen import KenmerkSoort
from integraal.verbanden import fec
from integraal.verbanden.fec import FacilitatorindicatorIn, Fenomeen, RondeantwoordIn, RondeIn
from integraal.web.basis import (
    Bevestiging,
    Csrf,
    Formulieren,
    Kruimel,
    Velden,
    Web,
    WebDep,
    handeling,
)
from integraal.web.formulier import Formulierstaat

router = APIRouter()
KENMERKBLOKKEN = 3
# --- FEC signal rounds ----------------------------------------------------------------------------


def _rondekruimels(*stap: Kruimel) -> list[Kruimel]:
    return [
        Kruimel("Start", "/"),
        Kruimel("Signaalronden", "/signaalronden" if stap else None),
        *stap,
    ]


@router.get("/signaalronden", response_class=HTMLResponse)
def signaalronden_pagina(w: WebDep) -> Response:
    with w.context() as ctx:
        lijst = fec.lijst(ctx)
        werkwijze = ctx.beslisser.register.werkwijze(ctx.ik.organisatie_id)
    return w.pagina(
        "signaalronden.html",
        lijst=lijst,
        bij_fec=werkwijze is not None,
        kruimels=_rondekruimels(),
    )


def _ronde_nieuw(w: Web, f: Formulierstaat) -> Response:
    return w.pagina(
        "signaalronde_nieuw.html",
        f=f,
        soorten=KenmerkSoort.keuzes(),
        blokken=KENMERKBLOKKEN,
        kruimels=_rondekruimels(Kruimel("Nieuwe ronde")),
    )


@router.get("/signaalronden/nieuw", response_class=HTMLResponse)
def signaalronde_nieuw(w: WebDep) -> Response:
    signaal = w.request.query_params.get("signaal")
    return _ronde_nieuw(w, Formulierstaat.met(signaalId=signaal) if signaal else Formulierstaat())


@router.post("/signaalronden", response_class=HTMLResponse, dependencies=[Csrf])
def signaalronde_starten(w: WebDep, velden: Velden) -> Response:
    return w.verzend(
        RondeIn,
        velden,
        fec.start,
        opnieuw=lambda f: _ronde_nieuw(w, f),
        klaar=lambda r: w.bevestig(
            f"/signaalronden/{r.id}",
            f"Signaalronde {r.id} gestart",
            f"Het signaal ligt nu bij {len(r.deelnemers)} deelnemers van het FEC; elke "
            "verstrekking staat in het logboek.",
            (
                "Elke deelnemer antwoordt of het signaal bij hem bekend is; alleen het FEC ziet "
                "de antwoorden.",
                "Is de drempel gehaald, open dan een casus vanuit het signaal.",
            ),
        ),
    )


def _ronde(w: Web, ronde_id: str, formulieren: Formulieren | None = None) -> Response:
    r = w.doe(lambda ctx: fec.lees(ctx, ronde_id))
    return w.pagina(
        "signaalronde.html",
        r=r,
        f=(formulieren or {}).get("antwoord", Formulierstaat()),
        kruimels=_rondekruimels(Kruimel(f"Ronde {r.id}")),
    )


@router.get("/signaalronden/{ronde_id}", response_class=HTMLResponse)
def signaalronde_pagina(w: WebDep, ronde_id: str) -> Response:
    return _ronde(w, ronde_id)


handeling(
    router,
    "/signaalronden/{ronde_id}/antwoord",
    RondeantwoordIn,
    fec.beantwoord,
    _ronde,
    Bevestiging(
        "Antwoord verstuurd",
        "Het FEC ziet uw antwoord; de andere deelnemers niet.",
        ("U kunt uw antwoord aanpassen zolang de ronde open is.",),
    ),
)


@router.post("/signaalronden/{ronde_id}/sluiten", response_class=HTMLResponse, dependencies=[Csrf])
def signaalronde_sluiten(w: WebDep, ronde_id: str) -> Response:
    with w.context() as ctx:
        fec.sluit(ctx, ronde_id)
    return w.bevestig(
        f"/signaalronden/{ronde_id}",
        "Ronde gesloten",
        "Deelnemers kunnen niet meer antwoorden.",
    )


# --- Serious Crime Taskforce: facilitator indicators ----------------------------------------


def _indicatorkruimels(*stap: Kruimel) -> list[Kruimel]:
    return [
        Kruimel("Start", "/"),
        Kruimel("Facilitatorindicatoren", "/facilitatorindicatoren" if stap else None),
        *stap,
    ]


def _indicatoren(w: Web, f: Formulierstaat | None = None) -> Response:
    with w.context() as ctx:
        lijst = fec.indicatoren(ctx)
        opsteller = fec.mag_opstellen(ctx)
    return w.pagina(
        "facilitatorindicatoren.html",
        lijst=lijst,
        opsteller=opsteller,
        f=f or Formulierstaat(),
        fenomenen=Fenomeen.keuzes(),
        kruimels=_indicatorkruimels(),
    )


@router.get("/facilitatorindicatoren", response_class=HTMLResponse)
def indicatoren_pagina(w: WebDep) -> Response:
    return _indicatoren(w)


@router.post("/facilitatorindicatoren", response_class=HTMLResponse, dependencies=[Csrf])
def indicator_opstellen(w: WebDep, velden: Velden) -> Response:
    # One signal per line in a text area: the model takes a list; a refusal shows the text.
    gesplitst = dict(velden)
    gesplitst["signalen"] = [
        r.strip() for v in velden.get("signalen", []) for r in v.splitlines() if r.strip()
    ]
    return w.verzend(
        FacilitatorindicatorIn,
        gesplitst,
        fec.stel_op,
        opnieuw=lambda f: _indicatoren(w, Formulierstaat(dict(velden), f.fouten)),
        klaar=lambda i: w.bevestig(
            "/facilitatorindicatoren",
            "Indicator opgesteld",
            f"‘{i.titel}’ is een concept.",
            (
                "Een tweede medewerker van een overheidsdeelnemer keurt haar goed.",
                "Daarna gaat zij naar de banken die op dat moment zijn aangewezen.",
            ),
        ),
    )


@router.post(
    "/facilitatorindicatoren/{indicator_id}/delen",
    response_class=HTMLResponse,
    dependencies=[Csrf],
)
def indicator_delen(w: WebDep, indicator_id: str) -> Response:
    with w.context() as ctx:
        banken = fec.publiceer(ctx, indicator_id)
    return w.bevestig(
        "/facilitatorindicatoren",
        "Indicator goedgekeurd en gedeeld",
        "Gedeeld met "
        + (", ".join(w.naam(b) for b in banken) or "geen bank: er is vandaag geen aangewezen")
        + ".",
        ("Een bank die niet meer is aangewezen, ziet de indicator niet meer.",),
    )


@router.post(
    "/facilitatorindicatoren/{indicator_id}/intrekken",
    response_class=HTMLResponse,
    dependencies=[Csrf],
)
def indicator_intrekken(w: WebDep, indicator_id: str) -> Response:
    with w.context() as ctx:
        fec.trek_in(ctx, indicator_id)
    return w.bevestig(
        "/facilitatorindicatoren", "Indicator ingetrokken", "De banken zien haar niet meer."
    )
