# SPDX-License-Identifier: EUPL-1.2
"""Search and entity pages: only through the door, each read decided and logged."""

from __future__ import annotations

from fastapi import APIRouter
from fastapi.responses import HTMLResponse, Response

from integraal import toegang
from integraal.casus import casussen
from integraal.domein.fouten import OngeldigeInvoer
from integraal.toegang.lezen import Leesdoel, Zoekresultaat, Zoekvraag
from integraal.web.basis import Csrf, Kruimel, Velden, Web, WebDep
from integraal.web.formulier import Formulierstaat

router = APIRouter()


def _zoeken(w: Web, f: Formulierstaat, resultaat: Zoekresultaat | None = None) -> Response:
    eigen = w.doe(lambda ctx: casussen.lijst(ctx))
    return w.pagina(
        "zoeken.html",
        f=f,
        resultaat=resultaat,
        casussen=[(c.id, f"{c.id} — {c.titel}") for c in eigen if c.status.value == "open"],
        doelen=list(w.omgeving.beslisser.catalogus.doelen.items()),
        kruimels=[Kruimel("Start", "/"), Kruimel("Zoeken")],
    )


@router.get("/zoeken", response_class=HTMLResponse)
def zoeken(w: WebDep, casus: str | None = None) -> Response:
    # The case's own purpose (a Zorg- en Veiligheidshuis searches for its complex case), else
    # the RIEC's; the rules decide either way.
    doel = "integrale_aanpak"
    if casus:
        eigen = {c.id: c.doel for c in w.doe(lambda ctx: casussen.lijst(ctx))}
        doel = eigen.get(casus, doel)
    return _zoeken(w, Formulierstaat.met(doel=doel, casusId=casus))


@router.post("/zoeken", response_class=HTMLResponse, dependencies=[Csrf])
def zoeken_verwerken(w: WebDep, velden: Velden) -> Response:
    return w.toon_antwoord(
        Zoekvraag, velden, toegang.zoek, lambda f, r: _zoeken(w, f, r), leest=True
    )


@router.get("/entiteiten/{entiteit_id}", response_class=HTMLResponse)
def entiteit_pagina(w: WebDep, entiteit_id: str) -> Response:
    gekozen, f = w.vraag(Leesdoel)
    if gekozen is None:
        raise OngeldigeInvoer(f.fouten)
    vraag = gekozen
    e = w.doe(lambda ctx: toegang.entiteit(ctx, entiteit_id, vraag))
    kruimels = [Kruimel("Start", "/")]
    if vraag.casus_id:
        kruimels += [
            Kruimel("Casussen", "/casussen"),
            Kruimel(f"Casus {vraag.casus_id}", f"/casussen/{vraag.casus_id}"),
        ]
    else:
        kruimels.append(Kruimel("Zoeken", "/zoeken"))
    return w.pagina(
        "entiteit.html",
        e=e,
        doel=vraag.doel,
        casus=vraag.casus_id or "",
        kruimels=[*kruimels, Kruimel(e.naam)],
    )
