# SPDX-License-Identifier: EUPL-1.2
"""Preventie met Gezag on the web: the request, a municipality's return, the review."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter
from fastapi.responses import HTMLResponse, Response

from integraal.domein.fouten import Conflict, GeenToegang
from integraal.domein.pmg import Besluit, Bewijs, Niveau, Risicothema
from integraal.monitor import pmg
from integraal.monitor.pmg import (
    BeoordelingIn,
    IndienIn,
    InterventieIn,
    InterventieUit,
    OpgaveUit,
    UitvraagIn,
    UitvraagUit,
)
from integraal.web.basis import Csrf, Formulieren, Kruimel, Velden, Web, WebDep
from integraal.web.formulier import Formulierstaat

router = APIRouter()

_KEUZES: dict[str, Any] = {
    "bewijzen": Bewijs.keuzes(),
    "themas": Risicothema.keuzes(),
    "niveaus": Niveau.keuzes(),
    "besluiten": Besluit.keuzes(),
}


def _kruimels(*stap: Kruimel) -> list[Kruimel]:
    return [
        Kruimel("Start", "/"),
        Kruimel("Preventie met Gezag", "/pmg" if stap else None),
        *stap,
    ]


def _opgavekruimel(o: OpgaveUit, *stap: Kruimel) -> list[Kruimel]:
    titel = f"Opgave {o.gemeente_naam} {o.jaar}"
    return _kruimels(Kruimel(titel, f"/pmg/opgaven/{o.id}" if stap else None), *stap)


@router.get("/pmg", response_class=HTMLResponse)
def overzicht(w: WebDep) -> Response:
    o = w.doe(pmg.overzicht)
    return w.pagina("pmg.html", o=o, kruimels=_kruimels())


def _nieuw(w: Web, f: Formulierstaat) -> Response:
    with w.context() as ctx:
        if not pmg.is_beoordelaar(ctx):
            raise GeenToegang(
                "alleen een beleidsmedewerker van de monitor, niet van een gemeente, zet een "
                "uitvraag uit"
            )
        gemeenten = pmg.deelnemers(ctx)
    return w.pagina(
        "pmg_uitvraag.html",
        f=f,
        gemeenten=gemeenten,
        kruimels=_kruimels(Kruimel("Nieuwe uitvraag")),
    )


@router.get("/pmg/uitvragen/nieuw", response_class=HTMLResponse)
def uitvraag_nieuw(w: WebDep) -> Response:
    return _nieuw(w, Formulierstaat())


@router.post("/pmg/uitvragen", response_class=HTMLResponse, dependencies=[Csrf])
def uitvraag_uitzetten(w: WebDep, velden: Velden) -> Response:
    def klaar(u: UitvraagUit) -> Response:
        return w.bevestig(
            "/pmg",
            f"Uitvraag {u.jaar} uitgezet",
            (
                "1 gemeente kan haar opgave invullen"
                if len(u.opgaven) == 1
                else f"{len(u.opgaven)} gemeenten kunnen hun opgave invullen"
            )
            + f", peildatum {u.peildatum:%d-%m-%Y}.",
            (
                "De gemeenten zien de opgave bij hun taken en vullen per interventie het bereik, "
                "de output en het besluit in.",
                *(
                    (
                        f"Let op: {', '.join(u.zonder_invuller)} "
                        f"{'heeft' if len(u.zonder_invuller) == 1 else 'hebben'} nog geen "
                        "beleids- of OOV-adviseur in Integraal. Vraag de functioneel beheerder "
                        "een account aan te maken, anders kan niemand de opgave invullen.",
                    )
                    if u.zonder_invuller
                    else ()
                ),
                "Een ingediende opgave komt bij u ter beoordeling; pas een goedgekeurde opgave "
                "telt mee in de voortgangsrapportage.",
            ),
        )

    return w.verzend(UitvraagIn, velden, pmg.zet_uit, opnieuw=lambda f: _nieuw(w, f), klaar=klaar)


def _opgave(w: Web, opgave_id: int, formulieren: Formulieren) -> Response:
    o = w.doe(lambda ctx: pmg.lees(ctx, opgave_id))
    return w.pagina(
        "pmg_opgave.html",
        o=o,
        fi=formulieren.get("indienen", Formulierstaat()),
        fb=formulieren.get("beoordelen", Formulierstaat()),
        kruimels=_opgavekruimel(o),
    )


@router.get("/pmg/opgaven/{opgave_id}", response_class=HTMLResponse)
def opgave(w: WebDep, opgave_id: int) -> Response:
    return _opgave(w, opgave_id, {})


def _interventieformulier(
    w: Web, opgave_id: int, f: Formulierstaat, interventie_id: int | None = None
) -> Response:
    o = w.doe(lambda ctx: pmg.lees(ctx, opgave_id))
    if not o.mag_invullen:
        raise Conflict(
            f"De opgave is {o.status.label.lower()}; alleen de eigen gemeente wijzigt een "
            "opgave die nog niet is ingediend of is teruggestuurd."
        )
    titel = "Interventie wijzigen" if interventie_id else "Interventie toevoegen"
    return w.pagina(
        "pmg_interventie.html",
        o=o,
        f=f,
        interventie_id=interventie_id,
        titel=titel,
        kruimels=_opgavekruimel(o, Kruimel(titel)),
        **_KEUZES,
    )


def _ingevuld(i: InterventieUit) -> Formulierstaat:
    return Formulierstaat.met(
        naam=i.naam,
        bewijs=i.bewijs.value,
        themas=[t.value for t in i.themas],
        niveaus=[n.value for n in i.niveaus],
        bereik=str(i.bereik),
        output=str(i.output),
        outputOmschrijving=i.output_omschrijving,
        besluit=i.besluit.value,
        motivering=i.motivering,
        gebieden=" ".join(i.gebieden),
    )


@router.get("/pmg/opgaven/{opgave_id}/interventies/nieuw", response_class=HTMLResponse)
def interventie_nieuw(w: WebDep, opgave_id: int) -> Response:
    return _interventieformulier(w, opgave_id, Formulierstaat())


@router.post(
    "/pmg/opgaven/{opgave_id}/interventies", response_class=HTMLResponse, dependencies=[Csrf]
)
def interventie_toevoegen(w: WebDep, opgave_id: int, velden: Velden) -> Response:
    return w.verzend(
        InterventieIn,
        velden,
        lambda ctx, invoer: pmg.voeg_toe(ctx, opgave_id, invoer),
        opnieuw=lambda f: _interventieformulier(w, opgave_id, f),
        klaar=lambda i: w.bevestig(
            f"/pmg/opgaven/{opgave_id}",
            f"{i.naam} toegevoegd",
            "De interventie staat in de opgave.",
            ("Voeg de andere interventies toe en dien de opgave in als ze compleet is.",),
        ),
    )


@router.get("/pmg/opgaven/{opgave_id}/interventies/{interventie_id}", response_class=HTMLResponse)
def interventie_pagina(w: WebDep, opgave_id: int, interventie_id: int) -> Response:
    i = w.doe(lambda ctx: pmg.interventie(ctx, opgave_id, interventie_id))
    return _interventieformulier(w, opgave_id, _ingevuld(i), interventie_id)


@router.post(
    "/pmg/opgaven/{opgave_id}/interventies/{interventie_id}",
    response_class=HTMLResponse,
    dependencies=[Csrf],
)
def interventie_wijzigen(
    w: WebDep, opgave_id: int, interventie_id: int, velden: Velden
) -> Response:
    return w.verzend(
        InterventieIn,
        velden,
        lambda ctx, invoer: pmg.wijzig(ctx, opgave_id, interventie_id, invoer),
        opnieuw=lambda f: _interventieformulier(w, opgave_id, f, interventie_id),
        klaar=lambda i: w.bevestig(
            f"/pmg/opgaven/{opgave_id}", f"{i.naam} gewijzigd", "De opgave is bijgewerkt."
        ),
    )


@router.post(
    "/pmg/opgaven/{opgave_id}/interventies/{interventie_id}/verwijderen",
    response_class=HTMLResponse,
    dependencies=[Csrf],
)
def interventie_verwijderen(w: WebDep, opgave_id: int, interventie_id: int) -> Response:
    i = w.doe(lambda ctx: pmg.verwijder(ctx, opgave_id, interventie_id))
    return w.bevestig(
        f"/pmg/opgaven/{opgave_id}", f"{i.naam} verwijderd", "De interventie is uit de opgave."
    )


@router.post("/pmg/opgaven/{opgave_id}/indienen", response_class=HTMLResponse, dependencies=[Csrf])
def indienen(w: WebDep, opgave_id: int, velden: Velden) -> Response:
    return w.verzend(
        IndienIn,
        velden,
        lambda ctx, invoer: pmg.dien_in(ctx, opgave_id, invoer),
        opnieuw=lambda f: _opgave(w, opgave_id, {"indienen": f}),
        klaar=lambda o: w.bevestig(
            f"/pmg/opgaven/{opgave_id}",
            f"Opgave {o.gemeente_naam} {o.jaar} ingediend",
            "De beleidsmedewerker van de monitor beoordeelt de opgave.",
            (
                "Wordt ze goedgekeurd, dan telt ze mee in de voortgangsrapportage.",
                "Wordt ze teruggestuurd, dan ziet u hier wat moet worden aangevuld.",
            ),
        ),
    )


@router.post(
    "/pmg/opgaven/{opgave_id}/beoordelen", response_class=HTMLResponse, dependencies=[Csrf]
)
def beoordelen(w: WebDep, opgave_id: int, velden: Velden) -> Response:
    def klaar(o: OpgaveUit) -> Response:
        goed = o.status.value == "goedgekeurd"
        return w.bevestig(
            f"/pmg/opgaven/{opgave_id}",
            f"Opgave {o.gemeente_naam} {o.jaar} {'goedgekeurd' if goed else 'teruggestuurd'}",
            "De opgave telt mee in de voortgangsrapportage."
            if goed
            else "De gemeente ziet uw opmerking en kan de opgave aanvullen.",
        )

    return w.verzend(
        BeoordelingIn,
        velden,
        lambda ctx, invoer: pmg.beoordeel(ctx, opgave_id, invoer),
        opnieuw=lambda f: _opgave(w, opgave_id, {"beoordelen": f}),
        klaar=klaar,
    )
