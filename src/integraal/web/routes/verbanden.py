# SPDX-License-Identifier: EUPL-1.2
"""The partnerships on the web: what each does and who is designated, and the WGS duty
to inform a case's subjects."""

from __future__ import annotations

from fastapi import APIRouter
from fastapi.responses import HTMLResponse, Response

from integraal.casus import casussen
from integraal.verbanden import informeren, overzicht
from integraal.verbanden.informeren import Informeerbesluit, InformerenIn, Uitstelreden, Wijze
from integraal.web.basis import (
    Bevestiging,
    Formulieren,
    Kruimel,
    Web,
    WebDep,
    handeling,
)
from integraal.web.formulier import Formulierstaat

router = APIRouter()
# --- The partnerships: what each does, who takes part, designations by decree ----------------


@router.get("/verbanden", response_class=HTMLResponse)
def verbanden_pagina(w: WebDep) -> Response:
    lijst = w.doe(overzicht.verbanden)
    return w.pagina(
        "verbanden.html",
        lijst=lijst,
        kruimels=[Kruimel("Start", "/"), Kruimel("Samenwerkingsverbanden")],
    )


@router.get("/verbanden/{verband_id}", response_class=HTMLResponse)
def verband_pagina(w: WebDep, verband_id: str) -> Response:
    v = w.doe(lambda ctx: overzicht.verband(ctx, verband_id))
    return w.pagina(
        "verband.html",
        v=v,
        kruimels=[
            Kruimel("Start", "/"),
            Kruimel("Samenwerkingsverbanden", "/verbanden"),
            Kruimel(v.naam),
        ],
    )


# --- Informing the data subject ---------------------------------------------------------------


def _informeren(w: Web, casus_id: str, formulieren: Formulieren | None = None) -> Response:
    with w.context() as ctx:
        kop = casussen.kop(ctx, casus_id)
        betrokkenen = informeren.overzicht(ctx, casus_id)
    return w.pagina(
        "casus_informeren.html",
        o=kop,
        betrokkenen=betrokkenen,
        keuzes=[(b.entiteit_id, b.naam) for b in betrokkenen],
        f=(formulieren or {}).get("informeren", Formulierstaat()),
        besluiten=Informeerbesluit.keuzes(),
        wijzen=Wijze.keuzes(),
        redenen=Uitstelreden.keuzes(),
        kruimels=[
            Kruimel("Start", "/"),
            Kruimel("Casussen", "/casussen"),
            Kruimel(f"Casus {casus_id}", f"/casussen/{casus_id}"),
            Kruimel("Betrokkenen informeren"),
        ],
    )


handeling(
    router,
    "/casussen/{casus_id}/informeren",
    InformerenIn,
    informeren.leg_vast,
    _informeren,
    Bevestiging(
        "Besluit over informeren vastgelegd",
        "Het besluit staat bij de betrokkene; eerdere besluiten blijven bewaard.",
        (
            "Bij uitstel komt de betrokkene op de herzieningsdatum terug in Mijn taken van de "
            "leden van de casus.",
        ),
    ),
    naar="/casussen/{casus_id}/informeren",
    tonen=True,
)
