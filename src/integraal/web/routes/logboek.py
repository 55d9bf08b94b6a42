# SPDX-License-Identifier: EUPL-1.2
"""The privacy officer's pages: the log's verification and data-subject access."""

from __future__ import annotations

from fastapi import APIRouter
from fastapi.responses import HTMLResponse, Response

from integraal.domein.fouten import GeenToegang
from integraal.domein.rollen import Rol
from integraal.logboek import VerificatieUit
from integraal.toegang.inzage import InzageUit, InzageVraag, inzage_verzoek
from integraal.web.basis import Csrf, Kruimel, Velden, Web, WebDep
from integraal.web.formulier import Formulierstaat

router = APIRouter()


def _pagina(w: Web, f: Formulierstaat, inzage: InzageUit | None = None) -> Response:
    if w.ik.rol is not Rol.PRIVACY_OFFICER:
        raise GeenToegang("het logboek is er voor de privacy officer")
    verificatie = VerificatieUit.van(w.omgeving.verifieer_logboek())
    return w.pagina(
        "logboek.html",
        f=f,
        verificatie=verificatie,
        inzage=inzage,
        kruimels=[Kruimel("Start", "/"), Kruimel("Logboek")],
    )


@router.get("/logboek", response_class=HTMLResponse)
def logboek_pagina(w: WebDep) -> Response:
    return _pagina(w, Formulierstaat())


@router.post("/logboek/inzage", response_class=HTMLResponse, dependencies=[Csrf])
def logboek_inzage(w: WebDep, velden: Velden) -> Response:
    # The BSN typed is not shown again: the page names only the pseudonymised subject.
    return w.toon_antwoord(
        InzageVraag, velden, inzage_verzoek, lambda f, uit: _pagina(w, f, uit), herhaal=False
    )
