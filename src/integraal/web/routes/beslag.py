# SPDX-License-Identifier: EUPL-1.2
"""Pages of the seizure chain: objects, kennisgeving, steps, deadlines, dossiers, re-use, figures
(the same services and input models as the API)."""

from __future__ import annotations

from typing import Literal, TypeVar

from fastapi import APIRouter
from fastapi.responses import HTMLResponse, Response

from integraal.beslag import (
    cijfers,
    dossier,
    herbestemming,
    inzage,
    objecten,
    registratie,
    verloop,
    waarde,
)
from integraal.beslag.cijfers import Cijferexport, Cijfervraag
from integraal.beslag.dossier import (
    BetalingIn,
    DossierIn,
    ExecutieIn,
    Executiestatus,
    HandelingIn,
    Handelingsoort,
    VermogenIn,
    VorderingIn,
)
from integraal.beslag.herbestemming import HerbestemmingIn, OrganisatieIn
from integraal.beslag.inzage import CodeIn
from integraal.beslag.registratie import KennisgevingIn
from integraal.beslag.verloop import HerbeoordelingIn, KlaagschriftIn, OmzettingIn, OvergangIn
from integraal.beslag.waarde import WaarderingIn, Waarderingssoort
from integraal.casus import casussen
from integraal.domein.beslag import CATEGORIEEN, Grond, ObjectSoort
from integraal.domein.fouten import NietGevonden
from integraal.domein.invoer import Invoer
from integraal.gebruikers import drempels
from integraal.verwerking import Context
from integraal.web.basis import (
    Actie,
    Bevestiging,
    Csrf,
    Formulieren,
    Kruimel,
    PubliekDep,
    Velden,
    Web,
    WebDep,
    bestand,
    drempel,
    handeling,
)
from integraal.web.formulier import Formulierstaat

M = TypeVar("M", bound=Invoer)

router = APIRouter()


def _kruimels(*stap: Kruimel) -> list[Kruimel]:
    return [Kruimel("Start", "/"), Kruimel("Beslag", "/beslag" if stap else None), *stap]


def _bewaarders(w: Web) -> list[tuple[str, str]]:
    return [
        (o.id, o.naam) for o in w.omgeving.beslisser.register.organisaties if o.soort == "bewaarder"
    ]


def _parketten(w: Web) -> list[tuple[str, str]]:
    return [(o.id, o.naam) for o in w.omgeving.beslisser.register.organisaties if o.soort == "om"]


# --- Objects -----------------------------------------------------------------------------------


@router.get("/beslag", response_class=HTMLResponse)
def beslag_pagina(w: WebDep) -> Response:
    lijst = w.doe(objecten.objecten)
    return w.pagina("beslag.html", lijst=lijst, kruimels=_kruimels())


def _kennisgeving(w: Web, f: Formulierstaat | None = None, blokken: int = 1) -> Response:
    f = f or Formulierstaat.met(
        beslagenOp=w.doe(lambda ctx: ctx.nu().date()).strftime("%d-%m-%Y"), om="om"
    )
    bestaand = len({k.split(".")[1] for k in f.waarden if k.startswith("items.")})
    return w.pagina(
        "beslag_nieuw.html",
        f=f,
        blokken=max(blokken, bestaand, 1),
        soorten=ObjectSoort.keuzes(),
        gronden=[
            ("Klassiek (art. 94 Sv)", [(g.value, g.label) for g in Grond if not g.conservatoir]),
            ("Conservatoir (art. 94a Sv)", [(g.value, g.label) for g in Grond if g.conservatoir]),
        ],
        categorieen=[(str(k), v) for k, v in CATEGORIEEN.items()],
        parketten=_parketten(w),
        kruimels=_kruimels(Kruimel("Kennisgeving van inbeslagneming")),
    )


@router.get("/beslag/nieuw", response_class=HTMLResponse)
def kennisgeving_formulier(w: WebDep) -> Response:
    return _kennisgeving(w)


@router.post("/beslag/nieuw", response_class=HTMLResponse, dependencies=[Csrf])
def kennisgeving_registreren(w: WebDep, velden: Velden) -> Response:
    if velden.pop("actie", None) == ["meer"]:
        # GOV.UK 'add another': one more item, nothing stored, nothing checked yet.
        bestaand = len({k.split(".")[1] for k in velden if k.startswith("items.")})
        return _kennisgeving(w, Formulierstaat(velden), blokken=bestaand + 1)
    return w.verzend(
        KennisgevingIn,
        velden,
        registratie.registreer,
        opnieuw=lambda f: _kennisgeving(w, f),
        klaar=lambda r: w.pagina(
            "beslag_geregistreerd.html",
            r=r,
            kruimels=_kruimels(Kruimel("Kennisgeving geregistreerd")),
        ),
    )


@router.get("/beslag/termijnen", response_class=HTMLResponse)
def termijnen_pagina(w: WebDep) -> Response:
    regels = w.doe(objecten.termijnlijst)
    return w.pagina(
        "beslag_termijnen.html", regels=regels, kruimels=_kruimels(Kruimel("Termijnen"))
    )


@router.get("/beslag/cijfers", response_class=HTMLResponse)
def cijfers_pagina(w: WebDep, jaar: int | None = None) -> Response:
    with w.context() as ctx:
        vandaag = ctx.nu().date()
        lijst = cijfers.lees(ctx, Cijfervraag())
        jaren = [j.jaar for j in lijst]
        gekozen = jaar if jaar in jaren else vandaag.year - 1
        reeks = cijfers.na_ijlen(ctx, gekozen)
    hoogste = max([r.bedrag_centen for r in reeks] + [1])
    return w.pagina(
        "beslag_cijfers.html",
        lijst=lijst,
        reeks=reeks,
        jaar=gekozen,
        jaren=[(str(j), str(j)) for j in jaren],
        f=Formulierstaat.met(jaar=gekozen),
        hoogste=hoogste,
        kruimels=[Kruimel("Start", "/"), Kruimel("Beslagcijfers")],
    )


@router.get("/beslag/cijfers.{formaat}")
def cijfers_export(w: WebDep, formaat: Literal["csv", "xlsx"]) -> Response:
    inhoud = w.doe(lambda ctx: cijfers.exporteer(ctx, Cijferexport(formaat=formaat)))
    return bestand(inhoud, f"beslagcijfers.{formaat}")


def _object(w: Web, object_id: str, formulieren: Formulieren | None = None) -> Response:
    with w.context() as ctx:
        b = objecten.detail(ctx, object_id)
        vandaag = ctx.nu().date()
        # A link to the case only for who can open it; the number alone says enough to others.
        casus_te_openen = b.object.casus_id in {k.id for k in casussen.lijst(ctx)}
    return w.pagina(
        "beslag_object.html",
        b=b,
        vandaag=vandaag,
        casus_te_openen=casus_te_openen,
        vervolg=[(v.naar.value, f"{v.naar.label} — {v.grondslag}") for v in b.vervolg],
        formulieren=formulieren or {},
        leeg=Formulierstaat(),
        bewaarders=_bewaarders(w),
        waarderingssoorten=Waarderingssoort.keuzes(),
        conservatoire_gronden=[(g.value, g.label) for g in Grond if g.conservatoir],
        kruimels=_kruimels(Kruimel(f"Object {b.object.id}")),
    )


@router.get("/beslag/{object_id}", response_class=HTMLResponse)
def object_pagina(w: WebDep, object_id: str) -> Response:
    return _object(w, object_id)


# The forms on an object's page, each with its own input model and service (as in the API).
def _objectactie(naam: str, invoer: type[M], dienst: Actie[M], titel: str) -> None:
    pad = f"/beslag/{{object_id}}/{naam}"
    handeling(router, pad, invoer, dienst, _object, Bevestiging(titel, _IN_HET_VERLOOP))


_IN_HET_VERLOOP = (
    "Vastgelegd in het verloop van het object; de betrokken partners krijgen de gebeurtenis in "
    "hun feed."
)
_objectactie("stap", OvergangIn, verloop.voer_uit, "Vervolgstap vastgelegd")
_objectactie("waarde", WaarderingIn, waarde.waardeer, "Waarde vastgelegd")
_objectactie("klaagschrift", KlaagschriftIn, verloop.klaagschrift, "Klaagschrift vastgelegd")
_objectactie("herbeoordeling", HerbeoordelingIn, verloop.herbeoordeel, "Bewaring herbeoordeeld")
_objectactie(
    "omzetting", OmzettingIn, verloop.zet_om_conservatoir, "Omgezet in conservatoir beslag"
)


@router.post("/beslag/{object_id}/machtiging", response_class=HTMLResponse, dependencies=[Csrf])
def object_machtiging(w: WebDep, object_id: str) -> Response:
    w.doe(lambda ctx: verloop.verzoek_machtiging(ctx, object_id))
    return w.bevestig(
        f"/beslag/{object_id}",
        "Machtiging verzocht",
        "Het OM heeft zes weken om te beslissen (art. 117 lid 5 Sv); de termijn staat bij het "
        "object.",
    )


# --- Vermogensdossiers -------------------------------------------------------------------------


def _dossiers(w: Web, f: Formulierstaat | None = None) -> Response:
    lijst = w.doe(dossier.dossiers)
    return w.pagina(
        "dossiers.html",
        lijst=lijst,
        f=f or Formulierstaat(),
        kruimels=_kruimels(Kruimel("Vermogensdossiers")),
    )


@router.get("/vermogensdossiers", response_class=HTMLResponse)
def dossiers_pagina(w: WebDep) -> Response:
    return _dossiers(w)


@router.post("/vermogensdossiers", response_class=HTMLResponse, dependencies=[Csrf])
def dossier_openen(w: WebDep, velden: Velden) -> Response:
    return w.verzend(
        DossierIn,
        velden,
        dossier.open_dossier,
        opnieuw=lambda f: _dossiers(w, f),
        klaar=lambda d: w.bevestig(
            f"/vermogensdossiers/{d.id}",
            f"Vermogensdossier {d.id} geopend",
            "Leg onderzoekshandelingen en bekend vermogen vast; beslag in dit dossier verschijnt "
            "hier vanzelf.",
        ),
    )


def _dossier(w: Web, dossier_id: str, formulieren: Formulieren | None = None) -> Response:
    b = w.doe(lambda ctx: dossier.beeld(ctx, dossier_id))
    hoogste = max([p.bekend_centen + p.beslagen_centen for p in b.positie] + [1])
    return w.pagina(
        "dossier.html",
        b=b,
        hoogste=hoogste,
        formulieren=formulieren or {},
        leeg=Formulierstaat(),
        handelingsoorten=Handelingsoort.keuzes(),
        executiestatussen=Executiestatus.keuzes(),
        kruimels=_kruimels(
            Kruimel("Vermogensdossiers", "/vermogensdossiers"), Kruimel(f"Dossier {b.dossier.id}")
        ),
    )


@router.get("/vermogensdossiers/{dossier_id}", response_class=HTMLResponse)
def dossier_pagina(w: WebDep, dossier_id: str) -> Response:
    return _dossier(w, dossier_id)


# The forms on a dossier's page.
def _dossieractie(naam: str, invoer: type[M], dienst: Actie[M], titel: str) -> None:
    pad = f"/vermogensdossiers/{{dossier_id}}/{naam}"
    handeling(router, pad, invoer, dienst, _dossier, Bevestiging(titel))


_dossieractie(
    "handeling", HandelingIn, dossier.voeg_handeling_toe, "Onderzoekshandeling vastgelegd"
)
_dossieractie("vermogen", VermogenIn, dossier.voeg_vermogen_toe, "Bekend vermogen vastgelegd")
_dossieractie("vordering", VorderingIn, dossier.stel_vordering_vast, "Vordering vastgelegd")
_dossieractie("executie", ExecutieIn, dossier.werk_executie_bij, "Stand van de executie vastgelegd")
_dossieractie("betaling", BetalingIn, dossier.registreer_betaling, "Betaling vastgelegd")


# --- Social re-use -----------------------------------------------------------------------------


def _herbestemming(w: Web, f: Formulierstaat | None = None) -> Response:
    with w.context() as ctx:
        suggesties = herbestemming.suggesties(ctx)
        organisaties = herbestemming.organisaties(ctx)
    return w.pagina(
        "herbestemming.html",
        suggesties=suggesties,
        organisaties=organisaties,
        f=f or Formulierstaat(),
        kruimels=_kruimels(Kruimel("Maatschappelijk herbestemmen")),
    )


@router.get("/herbestemming", response_class=HTMLResponse)
def herbestemming_pagina(w: WebDep) -> Response:
    return _herbestemming(w)


@router.post("/herbestemming/organisaties", response_class=HTMLResponse, dependencies=[Csrf])
def herbestemming_organisatie(w: WebDep, velden: Velden) -> Response:
    # One text field with commas on the page; a list in the model.
    velden = {**velden, "behoeften": [b for v in velden.get("behoeften", []) for b in v.split(",")]}
    return w.verzend(
        OrganisatieIn,
        velden,
        herbestemming.registreer_organisatie,
        opnieuw=lambda f: _herbestemming(w, f),
        klaar=lambda o: w.bevestig(
            "/herbestemming",
            f"{o.naam} geregistreerd",
            "Passende verbeurdverklaarde goederen verschijnen bij de suggesties.",
        ),
    )


@router.post("/herbestemming/{object_id}", response_class=HTMLResponse, dependencies=[Csrf])
def herbestemming_overdragen(w: WebDep, object_id: str, velden: Velden) -> Response:
    return w.verzend(
        HerbestemmingIn,
        velden,
        lambda ctx, invoer: herbestemming.draag_over(ctx, object_id, invoer),
        opnieuw=lambda f: _herbestemming(w, f),
        klaar=lambda _: w.bevestig(
            "/herbestemming",
            f"Object {object_id} overgedragen",
            "Het object is maatschappelijk herbestemd; doorverkoop is niet toegestaan.",
        ),
    )


# --- The person seized from --------------------------------------------------------------------


@router.get("/mijn-beslag", response_class=HTMLResponse)
def inzage_formulier(w: PubliekDep) -> Response:
    return w.pagina("mijn_beslag.html")


@router.post(
    "/mijn-beslag", response_class=HTMLResponse, dependencies=[Csrf, drempel(drempels.MIJN_BESLAG)]
)
def inzage_tonen(w: PubliekDep, velden: Velden) -> Response:
    def doe(ctx: Context, invoer: CodeIn) -> inzage.InzageUit | None:
        try:
            return inzage.inzage(ctx, invoer)
        except NietGevonden:
            return None

    def klaar(i: inzage.InzageUit | None) -> Response:
        if i is None:
            fout = Formulierstaat(
                {},
                {
                    "code": "Deze code is niet bekend. Controleer de code op uw bewijs van "
                    "ontvangst."
                },
            )
            return w.pagina("mijn_beslag.html", status=400, f=fout)
        return w.pagina("mijn_beslag.html", inzage=i)

    return w.verzend(
        CodeIn,
        velden,
        doe,
        opnieuw=lambda f: w.pagina("mijn_beslag.html", f=f),
        klaar=klaar,
        anoniem=True,
    )
