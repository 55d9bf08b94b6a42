# SPDX-License-Identifier: EUPL-1.2
"""The register of sharing bottlenecks on the web: in one step from a refusal, by hand,
classified, escalated, resolved and reused."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter
from fastapi.responses import HTMLResponse, Response

from integraal.domein.knelpunt import Knelpuntsoort, Knelpuntstatus, Knelpuntthema, Oplossingssoort
from integraal.verbanden import knelpunten
from integraal.verbanden.knelpunten import (
    EscalatieIn,
    HergebruikIn,
    Indeling,
    KnelpuntFilter,
    KnelpuntIn,
    KnelpuntUit,
    OplossingIn,
    UitDeelverzoek,
    UitDeelwijzer,
)
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

_VOLGENDE = (
    "Deel het knelpunt in naar thema en soort, als dat nog niet is gebeurd.",
    "Leg vast waarheen het is geëscaleerd en, als het is opgelost, de oplossing.",
    "De monitor telt het mee in de cijfers over knelpunten en in de voortgangsrapportage.",
)


def _kruimels(*stap: Kruimel) -> list[Kruimel]:
    return [Kruimel("Start", "/"), Kruimel("Knelpunten", "/knelpunten" if stap else None), *stap]


def _keuzes(w: Web) -> dict[str, Any]:
    beslisser = w.omgeving.beslisser
    register, catalogus = beslisser.register, beslisser.catalogus
    groepen: dict[str, list[tuple[str, str]]] = {}
    for o in register.organisaties:
        groepen.setdefault(register.soorten[o.soort].label, []).append((o.id, o.naam))
    return {
        "themas": Knelpuntthema.keuzes(),
        "soorten": Knelpuntsoort.keuzes(),
        "statussen": Knelpuntstatus.keuzes(),
        "oplossingen": Oplossingssoort.keuzes(),
        "organisaties": sorted(groepen.items()),
        "categorieen": sorted(
            ((k, c.label) for k, c in catalogus.categorieen.items()), key=lambda p: p[1]
        ),
        "doelen": list(catalogus.doelen.items()),
        "regelkeuzes": [(r.id, r.titel) for r in catalogus.regels],
    }


def _gemaakt(w: Web, k: KnelpuntUit) -> Response:
    return w.bevestig(f"/knelpunten/{k.id}", "Knelpunt vastgelegd", k.titel, _VOLGENDE)


@router.get("/knelpunten", response_class=HTMLResponse)
def knelpunten_pagina(w: WebDep) -> Response:
    filter_, f = w.vraag(KnelpuntFilter)
    lijst = w.doe(lambda ctx: knelpunten.lijst(ctx, filter_))
    return w.pagina("knelpunten.html", lijst=lijst, f=f, kruimels=_kruimels(), **_keuzes(w))


def _nieuw(w: Web, f: Formulierstaat) -> Response:
    return w.pagina(
        "knelpunt_nieuw.html",
        f=f,
        kruimels=_kruimels(Kruimel("Vastleggen")),
        **_keuzes(w),
    )


@router.get("/knelpunten/nieuw", response_class=HTMLResponse)
def knelpunt_nieuw(w: WebDep) -> Response:
    return _nieuw(w, Formulierstaat())


@router.post("/knelpunten", response_class=HTMLResponse, dependencies=[Csrf])
def knelpunt_vastleggen(w: WebDep, velden: Velden) -> Response:
    return w.verzend(
        KnelpuntIn,
        velden,
        knelpunten.leg_vast,
        opnieuw=lambda f: _nieuw(w, f),
        klaar=lambda k: _gemaakt(w, k),
    )


@router.post("/knelpunten/uit-deelwijzer", response_class=HTMLResponse, dependencies=[Csrf])
def knelpunt_uit_deelwijzer(w: WebDep, velden: Velden) -> Response:
    # The fields are the deelwijzer's own question; a problem goes back to the deelwijzer.
    return w.verzend(
        UitDeelwijzer,
        velden,
        knelpunten.uit_deelwijzer,
        opnieuw=lambda f: w.bevestig(
            "/deelwijzer", "Het knelpunt is niet vastgelegd", " ".join(f.fouten.values())
        ),
        klaar=lambda k: _gemaakt(w, k),
    )


@router.post(
    "/deelverzoeken/{deelverzoek_id}/knelpunt",
    response_class=HTMLResponse,
    dependencies=[Csrf],
)
def knelpunt_uit_deelverzoek(w: WebDep, deelverzoek_id: str, velden: Velden) -> Response:
    return w.verzend(
        UitDeelverzoek,
        velden,
        lambda ctx, invoer: knelpunten.uit_deelverzoek(ctx, deelverzoek_id, invoer),
        opnieuw=lambda f: w.bevestig(
            "/knelpunten", "Het knelpunt is niet vastgelegd", " ".join(f.fouten.values())
        ),
        klaar=lambda k: _gemaakt(w, k),
    )


def _knelpunt(w: Web, knelpunt_id: str, formulieren: Formulieren | None = None) -> Response:
    k = w.doe(lambda ctx: knelpunten.lees(ctx, knelpunt_id))
    return w.pagina(
        "knelpunt.html",
        k=k,
        regels=w.omgeving.beslisser.catalogus.regeltitels(",".join(k.regels)),
        formulieren=formulieren or {},
        leeg=Formulierstaat(),
        kruimels=_kruimels(Kruimel(k.titel)),
        **_keuzes(w),
    )


@router.get("/knelpunten/{knelpunt_id}", response_class=HTMLResponse)
def knelpunt_pagina(w: WebDep, knelpunt_id: str) -> Response:
    return _knelpunt(w, knelpunt_id)


handeling(
    router,
    "/knelpunten/{knelpunt_id}/indelen",
    Indeling,
    knelpunten.deel_in,
    _knelpunt,
    Bevestiging("Indeling opgeslagen"),
)
handeling(
    router,
    "/knelpunten/{knelpunt_id}/escaleren",
    EscalatieIn,
    knelpunten.escaleer,
    _knelpunt,
    Bevestiging(
        "Escalatie vastgelegd",
        "Leg de uitkomst vast zodra die er is; de monitor telt het knelpunt als open.",
    ),
)
handeling(
    router,
    "/knelpunten/{knelpunt_id}/oplossen",
    OplossingIn,
    knelpunten.los_op,
    _knelpunt,
    Bevestiging(
        "Oplossing vastgelegd",
        "Het knelpunt is afgesloten.",
        ("Leg vast waar de oplossing later wordt hergebruikt: zo ziet de monitor wat werkt.",),
    ),
)
handeling(
    router,
    "/knelpunten/{knelpunt_id}/hergebruik",
    HergebruikIn,
    knelpunten.hergebruik,
    _knelpunt,
    Bevestiging("Hergebruik vastgelegd"),
)
