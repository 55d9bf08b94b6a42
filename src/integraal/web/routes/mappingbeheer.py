# SPDX-License-Identifier: EUPL-1.2
"""Delivery mappings: composed from a sample file, tried on its first rows, proposed, and
approved by the receiving partnership's privacy officer."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, File, UploadFile
from fastapi.responses import HTMLResponse, Response

from integraal.beheer import mappings as dienst
from integraal.beheer.mappings import ConceptIn, MappingIn, MappingversieUit, OordeelIn, Proef
from integraal.bronnen import voorbeeld as vb
from integraal.domein.fouten import OngeldigeInvoer
from integraal.domein.invoer import valideer
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
from integraal.web.formulier import Formulierstaat, gegevens

router = APIRouter()
LIJST = "/beheer/mappings"
# The sample's first rows, for the beheerder's own session only (never stored elsewhere).
VOORBEELD = "mappingvoorbeeld"


def _kruimels(*stap: Kruimel) -> list[Kruimel]:
    return kruimels("Leveringsafspraken", LIJST, *stap)


@router.get(LIJST, response_class=HTMLResponse)
def lijst(w: WebDep) -> Response:
    with w.context() as ctx:
        versies = dienst.lijst(ctx)
    return w.pagina("mappings.html", versies=versies, kruimels=_kruimels())


def _nieuw(w: Web, f: Formulierstaat | None = None, status: int = 200) -> Response:
    with w.context() as ctx:
        partners = dienst.partners(ctx)
        doelen = dienst.doelen(ctx)
    return w.pagina(
        "mapping_nieuw.html",
        status=status,
        f=f or Formulierstaat(),
        partners=partners,
        doelen=doelen,
        kruimels=_kruimels(Kruimel("Nieuwe leveringsafspraak")),
    )


@router.get(f"{LIJST}/nieuw", response_class=HTMLResponse)
def nieuw(w: WebDep) -> Response:
    return _nieuw(w)


async def _lees_voorbeeld(bestand: UploadFile | None) -> vb.Voorbeeld:
    if bestand is None:
        return vb.lees_monster("", b"")
    return vb.lees_monster(bestand.filename or "", await bestand.read(vb.MAX_BESTAND + 1))


def _opstellen(
    w: Web,
    f: Formulierstaat,
    *,
    proef: Proef | None = None,
    status: int = 200,
) -> Response:
    voorbeeld = w.request.session.get(VOORBEELD)
    return w.pagina(
        "mapping_opstellen.html",
        status=status,
        f=f,
        proef=proef,
        voorbeeld=voorbeeld["bestandsnaam"] if isinstance(voorbeeld, dict) else None,
        kruimels=_kruimels(Kruimel("Leveringsafspraak opstellen")),
    )


@router.post(f"{LIJST}/nieuw", response_class=HTMLResponse, dependencies=[Csrf])
async def concept_maken(
    w: WebDep, velden: Velden, bestand: Annotated[UploadFile | None, File()] = None
) -> Response:
    try:
        invoer = valideer(ConceptIn, gegevens(ConceptIn, velden))
        voorbeeld = await _lees_voorbeeld(bestand)
        with w.context() as ctx:
            tekst = dienst.concept(ctx, invoer, voorbeeld)
    except OngeldigeInvoer as exc:
        return _nieuw(w, Formulierstaat(velden, exc.fouten), status=400)
    w.request.session[VOORBEELD] = voorbeeld.als_json()
    return _opstellen(w, Formulierstaat({"tekst": [tekst]}, {}))


@router.get(LIJST + "/{versie_id}/nieuwe-versie", response_class=HTMLResponse)
def nieuwe_versie(w: WebDep, versie_id: str) -> Response:
    with w.context() as ctx:
        v = dienst.voorstel(ctx, versie_id)
    return _opstellen(w, Formulierstaat({"tekst": [v.tekst]}, {}))


@router.post(f"{LIJST}/opstellen", response_class=HTMLResponse, dependencies=[Csrf])
async def opstellen(
    w: WebDep, velden: Velden, bestand: Annotated[UploadFile | None, File()] = None
) -> Response:
    """Try the draft on the sample ("voorbeeld") or propose it ("voorstellen"); a new sample
    file, when one is chosen, replaces the one kept."""
    try:
        if bestand is not None and bestand.filename:
            w.request.session[VOORBEELD] = (await _lees_voorbeeld(bestand)).als_json()
        actie = (velden.get("actie") or [""])[0]
        velden = {k: v for k, v in velden.items() if k != "actie"}  # the button, not input
        if actie == "voorstellen":
            invoer = valideer(MappingIn, gegevens(MappingIn, velden))
            with w.context() as ctx:
                v: MappingversieUit = dienst.stel_voor(ctx, invoer)
            w.request.session.pop(VOORBEELD, None)
            return w.bevestig(
                f"{LIJST}/{v.id}",
                f"Versie {v.versie} van ‘{v.titel}’ voorgesteld",
                "De privacy officer van de ontvanger beoordeelt haar.",
                (
                    "Tot de goedkeuring levert de leverancier onder de vorige versie, of nog niet.",
                    "Het voorbeeldbestand is uit uw sessie verwijderd.",
                ),
            )
        bewaard: Any = w.request.session.get(VOORBEELD)
        if not isinstance(bewaard, dict):
            raise OngeldigeInvoer(
                {"bestand": "Kies een voorbeeldbestand om de afspraak op te proberen."}
            )
        tekst = (velden.get("tekst") or [""])[0]
        with w.context() as ctx:
            proef = dienst.probeer(ctx, tekst, vb.Voorbeeld.van_json(bewaard))
    except OngeldigeInvoer as exc:
        return _opstellen(w, Formulierstaat(velden, exc.fouten), status=400)
    return _opstellen(w, Formulierstaat(velden, {}), proef=proef)


def _voorstel(w: Web, versie_id: str, formulieren: Formulieren | None = None) -> Response:
    with w.context() as ctx:
        v = dienst.voorstel(ctx, versie_id)
    fs = formulieren or {}
    return w.pagina(
        "mapping.html",
        v=v,
        f=met_fouten(fs),
        fo=fs.get("oordeel", Formulierstaat()),
        kruimels=_kruimels(Kruimel(f"{v.titel}, versie {v.versie}")),
    )


@router.get(LIJST + "/{versie_id}", response_class=HTMLResponse)
def voorstel(w: WebDep, versie_id: str) -> Response:
    return _voorstel(w, versie_id)


@router.post(LIJST + "/{versie_id}/oordeel", response_class=HTMLResponse, dependencies=[Csrf])
def oordeel(w: WebDep, versie_id: str, velden: Velden) -> Response:
    def klaar(v: MappingversieUit) -> Response:
        if v.status == "actief":
            return w.bevestig(
                f"{LIJST}/{v.id}",
                f"Versie {v.versie} van ‘{v.titel}’ is in gebruik",
                "Leveringen vanaf nu worden met deze versie gelezen en noemen haar.",
            )
        return w.bevestig(
            f"{LIJST}/{v.id}",
            f"Versie {v.versie} van ‘{v.titel}’ afgewezen",
            "De vorige versie blijft in gebruik. Uw toelichting staat bij de versie.",
        )

    return w.verzend(
        OordeelIn,
        velden,
        lambda ctx, invoer: dienst.beoordeel(ctx, versie_id, invoer),
        opnieuw=lambda f: _voorstel(w, versie_id, {"oordeel": f}),
        klaar=klaar,
    )
