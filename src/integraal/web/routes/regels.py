# SPDX-License-Identifier: EUPL-1.2
"""The rule catalogue: the rules in force for everyone signed in; proposals, their effect
and the privacy officer's approval for the privacy officer and the functioneel beheerder."""

from __future__ import annotations

from fastapi import APIRouter
from fastapi.responses import HTMLResponse, Response

from integraal.beheer import catalogus as dienst
from integraal.beheer.catalogus import OordeelIn, VersieUit, VoorstelIn
from integraal.web.basis import (
    Csrf,
    Formulieren,
    Kruimel,
    Velden,
    Web,
    WebDep,
    kruimels,
    met_fouten,
)
from integraal.web.formulier import Formulierstaat

router = APIRouter()


@router.get("/regels", response_class=HTMLResponse)
def regels(w: WebDep) -> Response:
    with w.context() as ctx:
        catalogus = dienst.in_werking(ctx)
        beheert = ctx.ik.rol in dienst.VOORSTELLERS
    return w.pagina(
        "regels.html",
        catalogus=catalogus,
        beheert=beheert,
        kruimels=[Kruimel("Start", "/"), Kruimel("Deelregels")],
    )


def _kruimels(*stap: Kruimel) -> list[Kruimel]:
    """Start › Deelregels › Versies › the step."""
    start, *rest = kruimels("Versies", "/regels/versies", *stap)
    return [start, Kruimel("Deelregels", "/regels"), *rest]


@router.get("/regels/versies", response_class=HTMLResponse)
def versies(w: WebDep) -> Response:
    with w.context() as ctx:
        lijst = dienst.versies(ctx)
    return w.pagina("regelversies.html", versies=lijst, kruimels=_kruimels())


def _nieuw(w: Web, f: Formulierstaat | None = None) -> Response:
    with w.context() as ctx:
        tekst = dienst.tekst_in_werking(ctx)
    return w.pagina(
        "regelversie_nieuw.html",
        f=f or Formulierstaat({"tekst": [tekst]}, {}),
        kruimels=_kruimels(Kruimel("Wijziging voorstellen")),
    )


@router.get("/regels/versies/nieuw", response_class=HTMLResponse)
def nieuw(w: WebDep) -> Response:
    return _nieuw(w)


@router.post("/regels/versies/nieuw", response_class=HTMLResponse, dependencies=[Csrf])
def voorstellen(w: WebDep, velden: Velden) -> Response:
    def klaar(v: VersieUit) -> Response:
        return w.bevestig(
            f"/regels/versies/{v.id}",
            f"Versie {v.versie} voorgesteld",
            "Hieronder staat wat er verandert en welke besluiten van de referentieverzoeken "
            "anders uitvallen.",
            (
                "Een privacy officer die de wijziging niet zelf voorstelde, beoordeelt haar.",
                "Tot de goedkeuring blijven de huidige regels gelden.",
            ),
        )

    return w.verzend(
        VoorstelIn, velden, dienst.stel_voor, opnieuw=lambda f: _nieuw(w, f), klaar=klaar
    )


def _voorstel(w: Web, versie_id: str, formulieren: Formulieren | None = None) -> Response:
    with w.context() as ctx:
        v = dienst.voorstel(ctx, versie_id)
    fs = formulieren or {}
    return w.pagina(
        "regelversie.html",
        v=v,
        f=met_fouten(fs),
        fo=fs.get("oordeel", Formulierstaat()),
        kruimels=_kruimels(Kruimel(f"Versie {v.versie}")),
    )


@router.get("/regels/versies/{versie_id}", response_class=HTMLResponse)
def voorstel(w: WebDep, versie_id: str) -> Response:
    return _voorstel(w, versie_id)


@router.post(
    "/regels/versies/{versie_id}/oordeel", response_class=HTMLResponse, dependencies=[Csrf]
)
def oordeel(w: WebDep, versie_id: str, velden: Velden) -> Response:
    def klaar(v: VersieUit) -> Response:
        # In force in this process at once; the others follow within seconds.
        w.omgeving.volg_catalogus(meteen=True)
        if v.status == "actief":
            return w.bevestig(
                "/regels",
                f"Versie {v.versie} is in werking",
                "Besluiten vanaf nu volgen deze regels en noemen deze versie.",
                ("Eerdere besluiten blijven de versie noemen waaronder ze zijn genomen.",),
            )
        return w.bevestig(
            f"/regels/versies/{v.id}",
            f"Versie {v.versie} afgewezen",
            "De huidige regels blijven gelden. Uw toelichting staat bij de versie.",
        )

    return w.verzend(
        OordeelIn,
        velden,
        lambda ctx, invoer: dienst.beoordeel(ctx, versie_id, invoer),
        opnieuw=lambda f: _voorstel(w, versie_id, {"oordeel": f}),
        klaar=klaar,
    )
