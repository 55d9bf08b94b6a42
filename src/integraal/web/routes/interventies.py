# SPDX-License-Identifier: EUPL-1.2
"""Interventions of an adopted advice: the owning organisation reports progress and outcome."""

from __future__ import annotations

from fastapi import APIRouter
from fastapi.responses import HTMLResponse, Response

from integraal.casus import advies
from integraal.casus.advies import InterventieBijwerken
from integraal.domein.casus import Uitkomst
from integraal.web.basis import Csrf, Kruimel, Velden, Web, WebDep
from integraal.web.formulier import Formulierstaat

router = APIRouter()


def _pagina(w: Web, fouten: dict[str, Formulierstaat] | None = None) -> Response:
    lijst = w.doe(advies.van_mijn_organisatie)
    return w.pagina(
        "interventies.html",
        lijst=lijst,
        formulieren=fouten or {},
        leeg=Formulierstaat(),
        uitkomsten=Uitkomst.keuzes(),
        kruimels=[Kruimel("Start", "/"), Kruimel("Interventies")],
    )


@router.get("/interventies", response_class=HTMLResponse)
def interventies_pagina(w: WebDep) -> Response:
    return _pagina(w)


@router.post("/interventies/{interventie_id}", response_class=HTMLResponse, dependencies=[Csrf])
def interventie_bijwerken(w: WebDep, interventie_id: str, velden: Velden) -> Response:
    return w.verzend(
        InterventieBijwerken,
        velden,
        lambda ctx, invoer: advies.werk_bij(ctx, interventie_id, invoer),
        opnieuw=lambda f: _pagina(w, {interventie_id: f}),
        klaar=lambda i: w.bevestig(
            f"/interventies#interventie-{i.id}",
            f"{i.maatregel_label}: {i.status.label.lower()}",
            "De stand is vastgelegd; het RIEC ziet hem in de tijdlijn van de casus en de "
            "monitor telt de uitkomst mee.",
        ),
    )
