# SPDX-License-Identifier: EUPL-1.2
"""The network view of a case: a subject's relations, the shortest path, patterns."""

from __future__ import annotations

import math

from fastapi import APIRouter
from fastapi.responses import HTMLResponse, Response

from integraal.domein.invoer import valideer
from integraal.kruis.netwerk import RELATIE_LABELS, Relatie
from integraal.kruisverwijzing import netwerk
from integraal.kruisverwijzing.netwerk import Padvraag, Uitbreidingsvraag, UitbreidingUit
from integraal.web.basis import Kruimel, Web, WebDep
from integraal.web.formulier import gegevens

router = APIRouter()

_BREEDTE, _HOOGTE, _STRAAL = 960, 520, 210


def _tekening(u: UitbreidingUit) -> list[dict[str, object]]:
    """The page's relations on a circle around the subject; the table is what assistive
    technology reads, the drawing repeats it for the eye."""
    uit: list[dict[str, object]] = []
    n = max(1, len(u.relaties))
    for i, r in enumerate(u.relaties):
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
                "soort": r.soort.value,
            }
        )
    return uit


def _query(w: Web) -> dict[str, list[str]]:
    uit: dict[str, list[str]] = {}
    for k, v in w.request.query_params.multi_items():
        uit.setdefault(k, []).append(v)
    return uit


def _kruimels(casus_id: str, *stap: Kruimel) -> list[Kruimel]:
    return [
        Kruimel("Start", "/"),
        Kruimel("Casussen", "/casussen"),
        Kruimel(f"Casus {casus_id}", f"/casussen/{casus_id}"),
        *stap,
    ]


@router.get("/casussen/{casus_id}/netwerk", response_class=HTMLResponse)
def netwerk_pagina(w: WebDep, casus_id: str, knoop: str = "") -> Response:
    q = _query(w)
    q.pop("knoop", None)
    vraag = valideer(Uitbreidingsvraag, gegevens(Uitbreidingsvraag, q))
    with w.context() as ctx:
        starts = netwerk.startpunten(ctx, casus_id)
        u = netwerk.breid_uit(ctx, casus_id, knoop, vraag) if knoop else None
    return w.pagina(
        "netwerk.html",
        casus_id=casus_id,
        startpunten=starts,
        pad_opties=[
            (k.id, f"{k.naam} ({k.soort.lower()})")
            for k in starts
            if u is None or k.id != u.centrum.id
        ],
        u=u,
        gekozen=set(vraag.soort),
        relaties=list(Relatie),
        relatie_labels=RELATIE_LABELS,
        tekening=_tekening(u) if u else [],
        breedte=_BREEDTE,
        hoogte=_HOOGTE,
        max_relaties=netwerk.MAX_RELATIES,
        per_pagina=netwerk.PER_PAGINA,
        kruimels=_kruimels(casus_id, Kruimel("Netwerk")),
    )


@router.get("/casussen/{casus_id}/netwerk/pad", response_class=HTMLResponse)
def netwerk_pad(w: WebDep, casus_id: str) -> Response:
    vraag = valideer(Padvraag, gegevens(Padvraag, _query(w)))
    pad = w.doe(lambda ctx: netwerk.kortste_pad(ctx, casus_id, vraag))
    return w.pagina(
        "netwerk_pad.html",
        casus_id=casus_id,
        pad=pad,
        max_stappen=netwerk.MAX_STAPPEN,
        max_knopen=netwerk.MAX_KNOPEN,
        kruimels=_kruimels(
            casus_id, Kruimel("Netwerk", f"/casussen/{casus_id}/netwerk"), Kruimel("Kortste pad")
        ),
    )


@router.get("/casussen/{casus_id}/netwerk/patronen", response_class=HTMLResponse)
def netwerk_patronen(w: WebDep, casus_id: str) -> Response:
    gevonden = w.doe(lambda ctx: netwerk.patronen(ctx, casus_id))
    return w.pagina(
        "netwerk_patronen.html",
        casus_id=casus_id,
        patronen=gevonden,
        kruimels=_kruimels(
            casus_id, Kruimel("Netwerk", f"/casussen/{casus_id}/netwerk"), Kruimel("Patronen")
        ),
    )
