# SPDX-License-Identifier: EUPL-1.2
"""Integrity of use on the web: the privacy officer's alerts and list of shielded persons, and
the coordinator's access review."""

from __future__ import annotations

from fastapi import APIRouter
from fastapi.responses import HTMLResponse, Response

from integraal.domein.integriteit import OVERGANGEN, Afschermingssoort, Meldingstatus
from integraal.integriteit import afscherming, meldingen, toegangsreview
from integraal.integriteit.afscherming import AfgeschermdeUit, AfschermingIn
from integraal.integriteit.meldingen import BeoordelingIn
from integraal.integriteit.toegangsreview import ReviewIn
from integraal.web.basis import (
    Bevestiging,
    Csrf,
    Formulieren,
    Kruimel,
    Velden,
    Web,
    WebDep,
    handeling,
    kruimels,
    met_fouten,
)
from integraal.web.formulier import Formulierstaat

router = APIRouter()


@router.get("/integriteit", response_class=HTMLResponse)
def meldingen_pagina(w: WebDep, afgerond: bool = False) -> Response:
    with w.context() as ctx:
        lijst = meldingen.lijst(ctx, open_=not afgerond)
    return w.pagina(
        "integriteit.html",
        lijst=lijst,
        afgerond=afgerond,
        kruimels=kruimels("Integriteit", "/integriteit"),
    )


def _melding(w: Web, melding_id: str, formulieren: Formulieren | None = None) -> Response:
    with w.context() as ctx:
        m = meldingen.lees(ctx, melding_id)
    fs = formulieren or {}
    return w.pagina(
        "integriteitsmelding.html",
        m=m,
        oordelen=[(s.value, s.label) for s in Meldingstatus if s in OVERGANGEN[m.status]],
        f=met_fouten(fs),
        fo=fs.get("oordeel", Formulierstaat()),
        kruimels=kruimels("Integriteit", "/integriteit", Kruimel(m.titel)),
    )


@router.get("/integriteit/meldingen/{melding_id}", response_class=HTMLResponse)
def melding(w: WebDep, melding_id: str) -> Response:
    return _melding(w, melding_id)


handeling(
    router,
    "/integriteit/meldingen/{melding_id}/oordeel",
    BeoordelingIn,
    meldingen.beoordeel,
    _melding,
    Bevestiging(
        "Oordeel vastgelegd",
        "Uw oordeel en de uitkomst staan bij de melding; de medewerker ziet de melding niet.",
        (
            "Bij vastgesteld misbruik volgt uw organisatie haar eigen integriteitsprocedure.",
            "De maandrapportage in de monitor telt de melding mee, zonder namen.",
        ),
    ),
)


def _afscherming(w: Web, f: Formulierstaat | None = None) -> Response:
    with w.context() as ctx:
        lijst = afscherming.lijst(ctx)
    return w.pagina(
        "afscherming.html",
        lijst=lijst,
        f=f or Formulierstaat(),
        soorten=Afschermingssoort.keuzes(),
        kruimels=kruimels("Afgeschermde personen", "/afscherming"),
    )


@router.get("/afscherming", response_class=HTMLResponse)
def afscherming_pagina(w: WebDep) -> Response:
    return _afscherming(w)


@router.post("/afscherming", response_class=HTMLResponse, dependencies=[Csrf])
def afschermen(w: WebDep, velden: Velden) -> Response:
    def klaar(a: AfgeschermdeUit) -> Response:
        return w.bevestig(
            "/afscherming",
            f"{a.omschrijving} is afgeschermd",
            "Wie de gegevens van deze persoon wil lezen, moet eerst een reden opgeven.",
            (
                "Elke lezing komt als melding bij de privacy officer van de lezer.",
                "Het adres van deze persoon verschijnt niet meer in lijsten en exports.",
            ),
        )

    return w.verzend(
        AfschermingIn,
        velden,
        afscherming.voeg_toe,
        opnieuw=lambda f: _afscherming(w, f),
        klaar=klaar,
    )


@router.post(
    "/afscherming/{afscherming_id}/beeindigen", response_class=HTMLResponse, dependencies=[Csrf]
)
def beeindigen(w: WebDep, afscherming_id: str) -> Response:
    a = w.doe(lambda ctx: afscherming.beeindig(ctx, afscherming_id))
    return w.bevestig(
        "/afscherming",
        f"Afscherming van {a.omschrijving} beëindigd",
        "Lezen vraagt vanaf nu geen reden meer en geeft geen melding meer.",
    )


def _review(w: Web, f: Formulierstaat | None = None) -> Response:
    with w.context() as ctx:
        review = toegangsreview.overzicht(ctx)
    return w.pagina(
        "toegangsreview.html",
        review=review,
        f=f or Formulierstaat(),
        kruimels=kruimels("Toegangsreview", "/toegangsreview"),
    )


@router.get("/toegangsreview", response_class=HTMLResponse)
def review_pagina(w: WebDep) -> Response:
    return _review(w)


@router.post("/toegangsreview", response_class=HTMLResponse, dependencies=[Csrf])
def review_verwerken(w: WebDep, velden: Velden) -> Response:
    def klaar(n: int) -> Response:
        actie = (velden.get("actie") or ["bevestigen"])[0]
        woord = "bevestigd" if actie == "bevestigen" else "ingetrokken"
        return w.bevestig(
            "/toegangsreview",
            f"{n} {'toegang' if n == 1 else 'toegangen'} {woord}",
            "De review staat in het auditlogboek.",
            (
                "Een bevestigde toegang loopt weer een volle termijn.",
                "Wat u niet bevestigt, vervalt vanzelf aan het eind van de termijn.",
            ),
        )

    return w.verzend(
        ReviewIn, velden, toegangsreview.herzie, opnieuw=lambda f: _review(w, f), klaar=klaar
    )
