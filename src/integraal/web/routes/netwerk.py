# SPDX-License-Identifier: EUPL-1.2
"""The network view of a case: a subject's relations, the shortest path, patterns."""

from __future__ import annotations

import math
from typing import Annotated

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse, Response

from integraal.kruis.netwerk import RELATIE_LABELS, Relatie
from integraal.kruisverwijzing import GeenToegang, OngeldigeInvoer, netwerk
from integraal.opslag.db import transactie
from integraal.web.basis import ActorDep, OmgevingDep, fout, pagina

router = APIRouter()

_BREEDTE, _HOOGTE, _STRAAL = 960, 520, 210


def _tekening(u: netwerk.Uitbreiding) -> list[dict[str, object]]:
    """The page's relations on a circle around the subject; the table is what assistive
    technology reads, the drawing repeats it for the eye."""
    uit: list[dict[str, object]] = []
    n = max(1, len(u.regels))
    for i, r in enumerate(u.regels):
        hoek = 2 * math.pi * i / n - math.pi / 2
        dx, dy = math.cos(hoek), math.sin(hoek)
        # Names point away from the centre so neighbours on the circle do not overprint.
        anker = "start" if dx > 0.2 else "end" if dx < -0.2 else "middle"
        naam = r.ander.naam if len(r.ander.naam) <= 26 else r.ander.naam[:25] + "…"
        uit.append(
            {
                "x": round(_BREEDTE / 2 + _STRAAL * 1.3 * dx),
                "y": round(_HOOGTE / 2 + _STRAAL * dy),
                "tx": round(_BREEDTE / 2 + (_STRAAL * 1.3 + 12) * dx),
                "ty": round(_HOOGTE / 2 + (_STRAAL + 12) * dy + 4),
                "anker": anker,
                "naam": naam if n > 12 else f"{naam} ({r.label.lower()})",
                "soort": r.rand.soort.value,
            }
        )
    return uit


def _soorten(gekozen: list[str]) -> set[Relatie]:
    return {Relatie(s) for s in gekozen if s in {r.value for r in Relatie}}


@router.get("/casussen/{casus_id}/netwerk", response_class=HTMLResponse)
def netwerk_pagina(
    request: Request,
    omgeving: OmgevingDep,
    actor: ActorDep,
    casus_id: str,
    knoop: str = "",
    soort: Annotated[list[str] | None, Query()] = None,
    pagina_nr: Annotated[str, Query(alias="pagina")] = "1",
) -> Response:
    gekozen = _soorten(soort or [])
    try:
        with transactie(omgeving.fabriek) as sessie:
            starts = netwerk.startpunten(
                sessie, omgeving.beslisser, actor, casus_id, herkomst="web"
            )
            u = (
                netwerk.breid_uit(
                    sessie,
                    omgeving.beslisser,
                    actor,
                    casus_id,
                    knoop,
                    soorten=gekozen,
                    pagina=int(pagina_nr) if pagina_nr.isdigit() else 1,
                    herkomst="web",
                )
                if knoop
                else None
            )
    except (GeenToegang, OngeldigeInvoer) as exc:
        return fout(request, actor, exc)
    return pagina(
        request,
        "netwerk.html",
        actor,
        casus_id=casus_id,
        startpunten=starts,
        u=u,
        gekozen=gekozen,
        relaties=list(Relatie),
        relatie_labels=RELATIE_LABELS,
        tekening=_tekening(u) if u else [],
        breedte=_BREEDTE,
        hoogte=_HOOGTE,
        max_relaties=netwerk.MAX_RELATIES,
        per_pagina=netwerk.PER_PAGINA,
    )


@router.get("/casussen/{casus_id}/netwerk/pad", response_class=HTMLResponse)
def netwerk_pad(
    request: Request,
    omgeving: OmgevingDep,
    actor: ActorDep,
    casus_id: str,
    van: str = "",
    naar: str = "",
) -> Response:
    try:
        with transactie(omgeving.fabriek) as sessie:
            pad = netwerk.kortste_pad(
                sessie,
                omgeving.beslisser,
                actor,
                casus_id,
                van.strip(),
                naar.strip(),
                herkomst="web",
            )
    except (GeenToegang, OngeldigeInvoer) as exc:
        return fout(request, actor, exc)
    return pagina(
        request,
        "netwerk_pad.html",
        actor,
        casus_id=casus_id,
        pad=pad,
        max_stappen=netwerk.MAX_STAPPEN,
        max_knopen=netwerk.MAX_KNOPEN,
    )


@router.get("/casussen/{casus_id}/netwerk/patronen", response_class=HTMLResponse)
def netwerk_patronen(
    request: Request, omgeving: OmgevingDep, actor: ActorDep, casus_id: str
) -> Response:
    try:
        with transactie(omgeving.fabriek) as sessie:
            gevonden = netwerk.patronen(sessie, omgeving.beslisser, actor, casus_id, herkomst="web")
    except (GeenToegang, OngeldigeInvoer) as exc:
        return fout(request, actor, exc)
    return pagina(request, "netwerk_patronen.html", actor, casus_id=casus_id, patronen=gevonden)
