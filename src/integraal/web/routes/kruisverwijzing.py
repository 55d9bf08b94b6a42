# SPDX-License-Identifier: EUPL-1.2
"""Cross-referencing in a case: start a run, watch it, judge the suggestions side by side."""

from __future__ import annotations

from fastapi import APIRouter, BackgroundTasks
from fastapi.responses import HTMLResponse, Response

from integraal import achtergrond
from integraal.achtergrond import Opdracht
from integraal.domein.invoer import valideer
from integraal.kruis.oordeel import Oordeel, Paarstatus
from integraal.kruisverwijzing import oordelen, taken
from integraal.kruisverwijzing.oordelen import OordeelIn, Wachtrijvraag
from integraal.kruisverwijzing.taken import KruistaakIn
from integraal.web.basis import Csrf, Kruimel, Velden, Web, WebDep
from integraal.web.formulier import Formulierstaat, gegevens

router = APIRouter()


def _pagina(
    w: Web,
    casus_id: str,
    *,
    start: Formulierstaat | None = None,
    oordeel: Formulierstaat | None = None,
) -> Response:
    q = {k: [v] for k, v in w.request.query_params.items()}
    vraag = valideer(Wachtrijvraag, gegevens(Wachtrijvraag, q))
    with w.context() as ctx:
        rij = oordelen.wachtrij(ctx, casus_id, vraag)
        lijst = taken.lijst(ctx, casus_id)
        subjecten = oordelen.onderwerpen(ctx, casus_id)
        keuzes = taken.keuzes(ctx, casus_id)
    return w.pagina(
        "kruisverwijzing.html",
        casus_id=casus_id,
        rij=rij,
        taken=lijst,
        subjecten=subjecten,
        gekozen_status=vraag.status,
        statussen=list(Paarstatus),
        oordelen=list(Oordeel),
        per_pagina=oordelen.PER_PAGINA,
        soorten=taken.Soort.keuzes(),
        leerkeuzes=taken.Leren.keuzes(),
        keuzes=keuzes,
        fs=start or Formulierstaat.met(soort="casus", leren="casus"),
        fo=oordeel or Formulierstaat(),
        kruimels=[
            Kruimel("Start", "/"),
            Kruimel("Casussen", "/casussen"),
            Kruimel(f"Casus {casus_id}", f"/casussen/{casus_id}"),
            Kruimel("Kruisverwijzing"),
        ],
    )


@router.get("/casussen/{casus_id}/kruisverwijzing", response_class=HTMLResponse)
def kruis_pagina(w: WebDep, casus_id: str) -> Response:
    return _pagina(w, casus_id)


@router.post(
    "/casussen/{casus_id}/kruisverwijzing", response_class=HTMLResponse, dependencies=[Csrf]
)
def kruis_starten(w: WebDep, na: BackgroundTasks, casus_id: str, velden: Velden) -> Response:
    def klaar(t: taken.KruistaakUit) -> Response:
        achtergrond.plaats(w.omgeving, Opdracht.kruisverwijzing(t.id), na.add_task)
        return w.bevestig(
            f"/casussen/{casus_id}/kruisverwijzing#taken",
            "Kruisverwijzing gestart",
            "De vergelijking loopt op de achtergrond; de voortgang staat hieronder.",
            ("Zodra hij klaar is, verschijnen de suggesties om te beoordelen.",),
        )

    return w.verzend(
        KruistaakIn,
        velden,
        lambda ctx, invoer: taken.start(ctx, casus_id, invoer),
        opnieuw=lambda f: _pagina(w, casus_id, start=f),
        klaar=klaar,
    )


@router.post(
    "/casussen/{casus_id}/kruisverwijzing/taken/{taak_id}/hervatten",
    response_class=HTMLResponse,
    dependencies=[Csrf],
)
def kruis_hervatten(w: WebDep, na: BackgroundTasks, casus_id: str, taak_id: str) -> Response:
    w.doe(lambda ctx: taken.taak_van_casus(ctx, casus_id, taak_id))
    achtergrond.plaats(w.omgeving, Opdracht.kruisverwijzing(taak_id), na.add_task)
    return w.bevestig(
        f"/casussen/{casus_id}/kruisverwijzing#taken",
        "Kruisverwijzing hervat",
        "De vergelijking gaat verder waar hij stopte; niets wordt dubbel opgeslagen.",
    )


@router.get(
    "/casussen/{casus_id}/kruisverwijzing/taken/{taak_id}/voortgang", response_class=HTMLResponse
)
def kruis_voortgang(w: WebDep, casus_id: str, taak_id: str) -> Response:
    t = w.doe(lambda ctx: taken.taak_van_casus(ctx, casus_id, taak_id, open_vereist=False))
    return w.pagina("_kruis_voortgang.html", t=t, casus_id=casus_id)


@router.post(
    "/casussen/{casus_id}/kruisverwijzing/oordeel",
    response_class=HTMLResponse,
    dependencies=[Csrf],
)
def kruis_oordeel(w: WebDep, casus_id: str, velden: Velden) -> Response:
    """Bulk (the ticked suggestions) or one (a row's own button, its own form)."""
    terug = (velden.pop("terug", None) or [""])[-1]
    doel = (
        terug
        if terug.startswith(f"/casussen/{casus_id}/kruisverwijzing")
        else (f"/casussen/{casus_id}/kruisverwijzing")
    )

    def klaar(a: oordelen.OordeelAntwoord) -> Response:
        if a.geweigerd:
            return w.bevestig(
                doel,
                "Niet elk oordeel is vastgelegd",
                " ".join(f"Suggestie {g.suggestie_id}: {g.reden}." for g in a.geweigerd),
            )
        return w.bevestig(
            doel + "#suggesties",
            "Oordeel vastgelegd",
            "U kunt het intrekken zolang de casus open is.",
        )

    return w.verzend(
        OordeelIn,
        velden,
        lambda ctx, invoer: oordelen.beoordeel(ctx, casus_id, invoer),
        opnieuw=lambda f: _pagina(w, casus_id, oordeel=f),
        klaar=klaar,
    )


@router.post(
    "/casussen/{casus_id}/kruisverwijzing/oordelen/{oordeel_id}/intrekken",
    response_class=HTMLResponse,
    dependencies=[Csrf],
)
def kruis_intrekken(w: WebDep, casus_id: str, oordeel_id: int) -> Response:
    w.doe(lambda ctx: oordelen.trek_in(ctx, casus_id, oordeel_id))
    return w.bevestig(
        f"/casussen/{casus_id}/kruisverwijzing#suggesties",
        "Oordeel ingetrokken",
        "Het oordeel blijft zichtbaar als ingetrokken; de stand is herberekend.",
    )
