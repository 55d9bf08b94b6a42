# SPDX-License-Identifier: EUPL-1.2
"""Requests for data addressed to a partner: judge them (four eyes) and answer them."""

from __future__ import annotations

from typing import TypeVar

from fastapi import APIRouter
from fastapi.responses import HTMLResponse, Response

from integraal.casus import deelverzoeken
from integraal.casus.deelverzoeken import AntwoordIn, Reden
from integraal.domein.invoer import Invoer
from integraal.web.basis import (
    Actie,
    Bevestiging,
    Csrf,
    Formulieren,
    Kruimel,
    Web,
    WebDep,
    handeling,
)
from integraal.web.formulier import Formulierstaat

router = APIRouter()
M = TypeVar("M", bound=Invoer)


def _kruimels(*stap: Kruimel) -> list[Kruimel]:
    return [Kruimel("Start", "/"), Kruimel("Verzoeken", "/deelverzoeken" if stap else None), *stap]


@router.get("/deelverzoeken", response_class=HTMLResponse)
def deelverzoeken_pagina(w: WebDep) -> Response:
    lijst = w.doe(deelverzoeken.te_beoordelen)
    return w.pagina("deelverzoeken.html", lijst=lijst, kruimels=_kruimels())


def _verzoek(w: Web, deelverzoek_id: str, formulieren: Formulieren | None = None) -> Response:
    formulieren = formulieren or {}
    with w.context() as ctx:
        d = deelverzoeken.lees(ctx, deelverzoek_id)
        keuzes = deelverzoeken.antwoordkeuzes(ctx, deelverzoek_id)
    return w.pagina(
        "deelverzoek.html",
        d=d,
        fa=formulieren.get("afwijzen", Formulierstaat()),
        fb=formulieren.get("antwoord", Formulierstaat()),
        leveringen=[
            (k.levering_id, f"{k.bestandsnaam} ({k.ontvangen_op:%d-%m-%Y})") for k in keuzes
        ],
        kruimels=_kruimels(Kruimel("Verzoek over casus " + d.casus_id)),
    )


@router.get("/deelverzoeken/{deelverzoek_id}", response_class=HTMLResponse)
def deelverzoek_pagina(w: WebDep, deelverzoek_id: str) -> Response:
    return _verzoek(w, deelverzoek_id)


@router.get("/deelverzoeken/{deelverzoek_id}/goedkeuren", response_class=HTMLResponse)
def goedkeuren_bevestigen(w: WebDep, deelverzoek_id: str) -> Response:
    d = w.doe(lambda ctx: deelverzoeken.lees(ctx, deelverzoek_id))
    return w.pagina(
        "deelverzoek_goedkeuren.html",
        d=d,
        kruimels=_kruimels(
            Kruimel("Verzoek over casus " + d.casus_id, f"/deelverzoeken/{d.id}"),
            Kruimel("Goedkeuren"),
        ),
    )


@router.post("/deelverzoeken/{deelverzoek_id}/goedkeuren", dependencies=[Csrf])
def goedkeuren(w: WebDep, deelverzoek_id: str) -> Response:
    with w.context() as ctx:
        deelverzoeken.keur_goed(ctx, deelverzoek_id)
    return w.bevestig(
        f"/deelverzoeken/{deelverzoek_id}",
        "Verzoek goedgekeurd",
        "De goedkeuring is vastgelegd.",
        (
            "Een collega levert de gegevens aan als levering voor deze casus; wie goedkeurde, "
            "levert niet zelf (vierogenprincipe).",
            "Koppel daarna de levering hier als antwoord.",
        ),
    )


def _beslissing(naam: str, invoer: type[M], dienst: Actie[M], bevestiging: Bevestiging) -> None:
    # A decision goes back to the list, where the next request waits.
    pad = f"/deelverzoeken/{{deelverzoek_id}}/{naam}"
    handeling(router, pad, invoer, dienst, _verzoek, bevestiging, naar="/deelverzoeken")


_AFGEWEZEN = Bevestiging(
    "Verzoek afgewezen", "Het RIEC ziet de afwijzing met uw reden bij de casus."
)
_BEANTWOORD = Bevestiging(
    "Verzoek beantwoord",
    "De levering is aan het verzoek gekoppeld; het RIEC ziet de gegevens bij de casus, voor "
    "zover de deelregels het toestaan.",
)
_beslissing("afwijzen", Reden, deelverzoeken.wijs_af, _AFGEWEZEN)
_beslissing("antwoord", AntwoordIn, deelverzoeken.beantwoord, _BEANTWOORD)
