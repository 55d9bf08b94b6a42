# SPDX-License-Identifier: EUPL-1.2
"""Signals: partner intake, the public tip form and triage (the same services as the API)."""

from __future__ import annotations

from collections.abc import Callable

from fastapi import APIRouter
from fastapi.responses import HTMLResponse, Response

from integraal.casus import casussen, signalen
from integraal.casus.signalen import Beoordeling, KenmerkSoort, SignaalIn, SignaalUit
from integraal.domein.casus import Casusthema
from integraal.domein.poortwachters import Mainport
from integraal.gebruikers import drempels
from integraal.web.basis import Csrf, Kruimel, PubliekDep, Velden, Web, WebDep, drempel
from integraal.web.formulier import Formulierstaat

router = APIRouter()
KENMERKBLOKKEN = 3


def _formulier(w: Web, f: Formulierstaat, *, publiek: bool) -> Response:
    return w.pagina(
        "signaal_nieuw.html",
        f=f,
        publiek=publiek,
        verbanden=signalen.verbanden(
            w.omgeving.beslisser, None if publiek or w.actor is None else w.actor.organisatie_id
        ),
        soorten=KenmerkSoort.keuzes(),
        mainports=Mainport.keuzes(),
        blokken=KENMERKBLOKKEN,
        kruimels=[] if publiek else [Kruimel("Start", "/"), Kruimel("Signaal melden")],
    )


@router.get("/signalen", response_class=HTMLResponse)
def signalen_pagina(w: WebDep) -> Response:
    lijst = w.doe(signalen.lijst)
    return w.pagina(
        "signalen.html", signalen=lijst, kruimels=[Kruimel("Start", "/"), Kruimel("Signalen")]
    )


@router.get("/signalen/nieuw", response_class=HTMLResponse)
def signaal_nieuw(w: WebDep) -> Response:
    return _formulier(w, Formulierstaat(), publiek=False)


def _indienen(
    w: Web, velden: Velden, *, publiek: bool, klaar: Callable[[SignaalUit], Response]
) -> Response:
    """The same form for a partner and for the public; a public tip is stored as anonymous,
    even when someone happens to be signed in."""
    return w.verzend(
        SignaalIn,
        velden,
        signalen.dien_in,
        anoniem=publiek,
        opnieuw=lambda f: _formulier(w, f, publiek=publiek),
        klaar=klaar,
    )


@router.post("/signalen/nieuw", response_class=HTMLResponse, dependencies=[Csrf])
def signaal_indienen(w: WebDep, velden: Velden) -> Response:
    def klaar(s: SignaalUit) -> Response:
        return w.bevestig(
            "/",
            f"Signaal ontvangen onder nummer {s.id}",
            "Het signaal is vastgelegd in het logboek, met de regel die de verstrekking toestaat.",
            (
                f"Een analist van {w.naam(s.verband)} beoordeelt het signaal: in behandeling "
                "nemen of afwijzen, altijd met een reden.",
                f"Leidt het tot een casus, dan kan {w.naam(s.verband)} uw organisatie om "
                "gegevens vragen; dat verzoek ziet u bij Verzoeken.",
            ),
        )

    return _indienen(w, velden, publiek=False, klaar=klaar)


@router.get("/melden", response_class=HTMLResponse)
def melden(w: PubliekDep) -> Response:
    return _formulier(w, Formulierstaat(), publiek=True)


@router.post("/melden", response_class=HTMLResponse, dependencies=[Csrf, drempel(drempels.MELDEN)])
def melden_verwerken(w: PubliekDep, velden: Velden) -> Response:
    # No number back: a pseudonymous tip cannot be followed up, and saying so is honest.
    return _indienen(w, velden, publiek=True, klaar=lambda _s: w.pagina("melding_ontvangen.html"))


@router.get("/signalen/{signaal_id}", response_class=HTMLResponse)
def signaal_pagina(w: WebDep, signaal_id: str) -> Response:
    return _signaal(w, signaal_id, Formulierstaat(), Formulierstaat())


def _signaal(
    w: Web, signaal_id: str, beoordeling: Formulierstaat, casus: Formulierstaat
) -> Response:
    with w.context() as ctx:
        s = signalen.lees(ctx, signaal_id)
        collega_s = (
            [
                (lid.gebruikersnaam, f"{lid.naam} ({lid.rol.lower()})")
                for lid in casussen.collega_s(ctx)
            ]
            if w.ik.rol.value == "coordinator"
            else []
        )
    return w.pagina(
        "signaal.html",
        s=s,
        fb=beoordeling,
        fc=casus,
        collega_s=collega_s,
        themas=Casusthema.keuzes(),
        kruimels=[
            Kruimel("Start", "/"),
            Kruimel("Signalen", "/signalen"),
            Kruimel(f"Signaal {s.id}"),
        ],
    )


@router.post("/signalen/{signaal_id}/beoordeling", response_class=HTMLResponse, dependencies=[Csrf])
def signaal_beoordelen(w: WebDep, signaal_id: str, velden: Velden) -> Response:
    return w.verzend(
        Beoordeling,
        velden,
        lambda ctx, invoer: signalen.beoordeel(ctx, signaal_id, invoer),
        opnieuw=lambda f: _signaal(w, signaal_id, f, Formulierstaat()),
        klaar=lambda s: w.bevestig(
            f"/signalen/{signaal_id}",
            f"Signaal {s.id}: {s.status.label.lower()}",
            "De beoordeling en de reden zijn vastgelegd.",
            ("Een coördinator kan van een signaal in behandeling een casus maken.",)
            if s.status.value == "in_behandeling"
            else (),
        ),
    )


@router.post("/signalen/{signaal_id}/casus", response_class=HTMLResponse, dependencies=[Csrf])
def casus_openen(w: WebDep, signaal_id: str, velden: Velden) -> Response:
    velden = {**velden, "signalen": [signaal_id]}
    return w.verzend(
        casussen.CasusIn,
        velden,
        casussen.open_casus,
        opnieuw=lambda f: _signaal(w, signaal_id, Formulierstaat(), f),
        klaar=lambda c: w.bevestig(
            f"/casussen/{c.id}",
            f"Casus {c.id} geopend",
            f"Signaal {signaal_id} is omgezet in deze casus.",
            (
                "Leg de duidelijke en objectieve aanwijzingen vast als dat nog niet is gebeurd: "
                "pas dan verstrekken partners persoonsgegevens.",
                "Koppel subjecten vanuit Zoeken en vraag partners om gegevens.",
            ),
        ),
    )
