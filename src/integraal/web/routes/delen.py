# SPDX-License-Identifier: EUPL-1.2
"""The deelwijzer: ask the rules before asking a partner (the API's service and input)."""

from __future__ import annotations

from fastapi import APIRouter
from fastapi.responses import HTMLResponse, Response

from integraal.casus import casussen
from integraal.toegang.deelwijzer import BesluitUit, DeelVraag, feiten, vraag_deelwijzer
from integraal.web.basis import Csrf, Kruimel, Velden, Web, WebDep
from integraal.web.formulier import Formulierstaat

router = APIRouter()


def _pagina(w: Web, f: Formulierstaat, besluit: BesluitUit | None = None) -> Response:
    beslisser = w.omgeving.beslisser
    register = beslisser.register
    soorten = [
        (sid, f"een {s.label.lower()} (elke organisatie van deze soort)")
        for sid, s in register.soorten.items()
    ]
    groepen: dict[str, list[tuple[str, str]]] = {}
    for o in register.organisaties:
        groepen.setdefault(register.soorten[o.soort].label, []).append((o.id, o.naam))
    organisaties = [("Soort organisatie", soorten), *sorted(groepen.items())]
    eigen = w.doe(lambda ctx: casussen.lijst(ctx)) if w.actor else []
    return w.pagina(
        "deelwijzer.html",
        f=f,
        besluit=besluit,
        organisaties=organisaties,
        categorieen=sorted(
            ((k, c.label) for k, c in beslisser.catalogus.categorieen.items()), key=lambda p: p[1]
        ),
        doelen=list(beslisser.catalogus.doelen.items()),
        casussen=[(c.id, f"{c.id} — {c.titel}") for c in eigen],
        feiten=[(v.naam, v.label[:1].upper() + v.label[1:]) for v in feiten()],
        kruimels=[Kruimel("Start", "/"), Kruimel("Deelwijzer")],
    )


@router.get("/deelwijzer", response_class=HTMLResponse)
def deelwijzer(w: WebDep) -> Response:
    return _pagina(w, Formulierstaat.met(doel="integrale_aanpak"))


@router.post("/deelwijzer", response_class=HTMLResponse, dependencies=[Csrf])
def deelwijzer_vragen(w: WebDep, velden: Velden) -> Response:
    return w.toon_antwoord(DeelVraag, velden, vraag_deelwijzer, lambda f, b: _pagina(w, f, b))
