# SPDX-License-Identifier: EUPL-1.2
"""iCOV report requests on the web: asking, composing, approving (four eyes) and reading."""

from __future__ import annotations

from fastapi import APIRouter
from fastapi.responses import HTMLResponse, Response

from integraal.casus.signalen import KenmerkSoort
from integraal.verbanden import icov
from integraal.verbanden.icov import (
    Rapportagedoel,
    Rapportagesoort,
    Rapportagestatus,
    RapportageverzoekIn,
    RapportageverzoekUit,
    RedenIn,
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
# --- iCOV report requests ---------------------------------------------------------------------

KENMERKBLOKKEN = 3


def _rapportkruimels(*stap: Kruimel) -> list[Kruimel]:
    return [
        Kruimel("Start", "/"),
        Kruimel("iCOV-rapportages", "/rapportages" if stap else None),
        *stap,
    ]


@router.get("/rapportages", response_class=HTMLResponse)
def rapportages_pagina(w: WebDep) -> Response:
    with w.context() as ctx:
        lijst = icov.lijst(ctx)
        werkwijze = ctx.beslisser.register.werkwijze(ctx.ik.organisatie_id)
    return w.pagina(
        "rapportages.html",
        lijst=lijst,
        bij_icov=werkwijze is not None,
        kruimels=_rapportkruimels(),
    )


def _rapportage_nieuw(w: Web, f: Formulierstaat) -> Response:
    return w.pagina(
        "rapportage_nieuw.html",
        f=f,
        soorten=Rapportagesoort.keuzes(),
        doelen=Rapportagedoel.keuzes(),
        kenmerksoorten=[(k.value, k.label) for k in KenmerkSoort if k in icov.KENMERKEN],
        blokken=KENMERKBLOKKEN,
        kruimels=_rapportkruimels(Kruimel("Aanvragen")),
    )


@router.get("/rapportages/nieuw", response_class=HTMLResponse)
def rapportage_nieuw(w: WebDep) -> Response:
    return _rapportage_nieuw(w, Formulierstaat())


@router.post("/rapportages", response_class=HTMLResponse, dependencies=[Csrf])
def rapportage_aanvragen(w: WebDep, velden: Velden) -> Response:
    def klaar(v: RapportageverzoekUit) -> Response:
        if v.status is Rapportagestatus.GEWEIGERD:
            return w.bevestig(
                f"/rapportages/{v.id}",
                "De deelregels staan deze rapportage niet toe",
                "Het verzoek is vastgelegd, maar niet naar iCOV gestuurd. Bij het verzoek staat "
                "waarom.",
                ("Is dit een knelpunt in de samenwerking? Leg het vast in het register.",),
            )
        return w.bevestig(
            f"/rapportages/{v.id}",
            f"Verzoek {v.id} ingediend bij iCOV",
            "iCOV stelt de rapportage op uit de leveringen van de deelnemers.",
            (
                "Een tweede medewerker van iCOV keurt de rapportage goed.",
                "Daarna staat zij hier, alleen voor u.",
            ),
        )

    return w.verzend(
        RapportageverzoekIn,
        velden,
        icov.vraag_aan,
        opnieuw=lambda f: _rapportage_nieuw(w, f),
        klaar=klaar,
    )


def _rapportage(w: Web, verzoek_id: str, formulieren: Formulieren | None = None) -> Response:
    v = w.doe(lambda ctx: icov.lees(ctx, verzoek_id))
    return w.pagina(
        "rapportage.html",
        v=v,
        fa=(formulieren or {}).get("afwijzen", Formulierstaat()),
        kruimels=_rapportkruimels(Kruimel(f"Verzoek {v.id}")),
    )


@router.get("/rapportages/{verzoek_id}", response_class=HTMLResponse)
def rapportage_pagina(w: WebDep, verzoek_id: str) -> Response:
    return _rapportage(w, verzoek_id)


@router.post(
    "/rapportages/{verzoek_id}/opstellen", response_class=HTMLResponse, dependencies=[Csrf]
)
def rapportage_opstellen(w: WebDep, verzoek_id: str) -> Response:
    with w.context() as ctx:
        icov.stel_op(ctx, verzoek_id)
    return w.bevestig(
        f"/rapportages/{verzoek_id}",
        "Rapportage opgesteld",
        "De rapportage is samengesteld uit de leveringen van de deelnemers; het lezen staat in "
        "het logboek.",
        ("Een tweede medewerker van iCOV controleert haar en keurt haar goed.",),
    )


@router.post(
    "/rapportages/{verzoek_id}/goedkeuren", response_class=HTMLResponse, dependencies=[Csrf]
)
def rapportage_goedkeuren(w: WebDep, verzoek_id: str) -> Response:
    with w.context() as ctx:
        icov.keur_goed(ctx, verzoek_id)
    return w.bevestig(
        f"/rapportages/{verzoek_id}",
        "Rapportage goedgekeurd en geleverd",
        "Alleen de aanvrager ziet haar; de verstrekking staat per subject in het logboek.",
    )


handeling(
    router,
    "/rapportages/{verzoek_id}/afwijzen",
    RedenIn,
    icov.wijs_af,
    _rapportage,
    Bevestiging("Verzoek afgewezen", "De aanvrager ziet de afwijzing met uw reden."),
)
