# SPDX-License-Identifier: EUPL-1.2
"""Case pages: the list, the case in sections, and one page per action (the API's services)."""

from __future__ import annotations

from typing import Any, TypeVar

from fastapi import APIRouter
from fastapi.responses import HTMLResponse, Response

from integraal.casus import advies, casussen, deelverzoeken, export
from integraal.casus.advies import AdviesIn
from integraal.casus.casussen import (
    CasusFilter,
    Casuskop,
    LidIn,
    Motivering,
    Sluiten,
    SubjectIn,
    ThemaIn,
)
from integraal.casus.deelverzoeken import DeelverzoekIn
from integraal.domein.casus import MAATREGELEN, CasusStatus, Casusthema
from integraal.domein.fouten import GeenToegang, NietGevonden
from integraal.domein.invoer import Invoer
from integraal.web.basis import (
    Actie,
    Bevestiging,
    Csrf,
    Formulieren,
    Kruimel,
    Pagina,
    Velden,
    Web,
    WebDep,
    bestand,
    handeling,
)
from integraal.web.formulier import Formulierstaat

router = APIRouter()
M = TypeVar("M", bound=Invoer)


def _kruimels(o: Casuskop | None = None, *stap: str) -> list[Kruimel]:
    uit = [Kruimel("Start", "/"), Kruimel("Casussen", "/casussen")]
    if o is not None:
        uit.append(Kruimel(f"Casus {o.id}", f"/casussen/{o.id}" if stap else None))
    uit += [Kruimel(s) for s in stap]
    return uit


@router.get("/casussen", response_class=HTMLResponse)
def casussen_pagina(w: WebDep) -> Response:
    gekozen, f = w.vraag(CasusFilter)
    filter_ = gekozen or CasusFilter()
    lijst = w.doe(lambda ctx: casussen.lijst(ctx, filter_))
    return w.pagina(
        "casussen.html",
        lijst=lijst,
        f=f,
        statussen=CasusStatus.keuzes(),
        gefilterd=bool(filter_.status or filter_.zoekterm),
        kruimels=[Kruimel("Start", "/"), Kruimel("Casussen")],
    )


@router.get("/casussen/{casus_id}", response_class=HTMLResponse)
def casus_pagina(w: WebDep, casus_id: str) -> Response:
    o = w.doe(lambda ctx: casussen.overzicht(ctx, casus_id))
    return w.pagina("casus.html", o=o, kruimels=_kruimels(o))


def _kop(w: Web, casus_id: str) -> Casuskop:
    """The case for a page that acts on it; subjects are read on the case page only."""
    return w.doe(lambda ctx: casussen.kop(ctx, casus_id))


def _stap(w: Web, o: Casuskop, sjabloon: str, titel: str, **context: Any) -> Response:
    """A page for one step on a case, below the case in the breadcrumbs."""
    return w.pagina(sjabloon, o=o, kruimels=_kruimels(o, titel), **context)


def _formulier(
    naam: str, invoer: type[M], dienst: Actie[M], pagina: Pagina, bevestiging: Bevestiging
) -> None:
    """A step with a page of its own and one form; done, back to the case."""
    pad = f"/casussen/{{casus_id}}/{naam}"
    handeling(router, pad, invoer, dienst, pagina, bevestiging, tonen=True)


# --- Indications -------------------------------------------------------------------------------


def _aanwijzingen(w: Web, casus_id: str, formulieren: Formulieren) -> Response:
    o = _kop(w, casus_id)
    f = formulieren.get("aanwijzingen") or Formulierstaat.met(motivering=o.aanwijzingen)
    return _stap(w, o, "casus_aanwijzingen.html", "Aanwijzingen vastleggen", f=f)


_AANWIJZINGEN = Bevestiging(
    "Aanwijzingen vastgelegd",
    "De motivering staat bij de casus.",
    ("Partners kunnen nu om persoonsgegevens worden gevraagd; de deelregels toetsen elk verzoek.",),
)
_formulier("aanwijzingen", Motivering, casussen.leg_aanwijzingen_vast, _aanwijzingen, _AANWIJZINGEN)


# --- Theme -------------------------------------------------------------------------------------


def _thema(w: Web, casus_id: str, formulieren: Formulieren) -> Response:
    o = _kop(w, casus_id)
    if not (o.mag.coordinator and o.mag.wijzigen):
        raise GeenToegang("alleen de coördinator kiest het thema van een open casus")
    f = formulieren.get("thema") or Formulierstaat.met(thema=o.thema.value if o.thema else None)
    return _stap(w, o, "casus_thema.html", "Thema kiezen", f=f, themas=Casusthema.keuzes())


_THEMA = Bevestiging(
    "Thema vastgelegd",
    "Het thema staat bij de casus.",
    ("De monitor telt de casus, haar interventies en bedragen voortaan onder dit thema.",),
)
_formulier("thema", ThemaIn, casussen.leg_thema_vast, _thema, _THEMA)


# --- Members -----------------------------------------------------------------------------------


def _leden(w: Web, casus_id: str, formulieren: Formulieren) -> Response:
    with w.context() as ctx:
        o = casussen.kop(ctx, casus_id)
        kandidaten = casussen.kandidaat_leden(ctx, casus_id)
    return _stap(
        w,
        o,
        "casus_lid.html",
        "Lid toevoegen",
        f=formulieren.get("leden", Formulierstaat()),
        kandidaten=[(k.gebruikersnaam, f"{k.naam} ({k.rol.lower()})") for k in kandidaten],
    )


_LID_TOEGEVOEGD = Bevestiging(
    "Lid toegevoegd",
    "De collega ziet de casus nu op de startpagina en leest de subjecten voor zover de "
    "deelregels het toestaan.",
)
_formulier("leden", LidIn, casussen.voeg_lid_toe, _leden, _LID_TOEGEVOEGD)


# --- Subjects ----------------------------------------------------------------------------------


@router.post("/casussen/{casus_id}/subjecten", response_class=HTMLResponse, dependencies=[Csrf])
def subject_koppelen(w: WebDep, casus_id: str, velden: Velden) -> Response:
    def opnieuw(f: Formulierstaat) -> Response:
        raise NietGevonden(" ".join(f.fouten.values()) or "deze entiteit is niet gevonden")

    return w.verzend(
        SubjectIn,
        velden,
        lambda ctx, invoer: casussen.koppel_subject(ctx, casus_id, invoer),
        opnieuw=opnieuw,
        klaar=lambda e: w.bevestig(
            f"/casussen/{casus_id}#subjecten",
            f"{e.naam} gekoppeld aan casus {casus_id}",
            "Het lezen is vastgelegd in het logboek.",
        ),
    )


# --- Data requests -----------------------------------------------------------------------------


def _partners(w: Web) -> list[tuple[str, list[tuple[str, str]]]]:
    """Partners grouped by kind, so a long list can be scanned."""
    register = w.omgeving.beslisser.register
    groepen: dict[str, list[tuple[str, str]]] = {}
    for org in register.organisaties:
        if register.soorten[org.soort].samenwerkingsverband:
            continue
        groepen.setdefault(register.soorten[org.soort].label, []).append((org.id, org.naam))
    return sorted((k, sorted(v, key=lambda p: p[1])) for k, v in groepen.items())


def _deelverzoek(w: Web, casus_id: str, f: Formulierstaat | None = None) -> Response:
    categorieen = w.omgeving.beslisser.catalogus.categorieen
    return _stap(
        w,
        _kop(w, casus_id),
        "casus_deelverzoek.html",
        "Gegevens vragen",
        f=f or Formulierstaat(),
        partners=_partners(w),
        categorieen=sorted(((k, c.label) for k, c in categorieen.items()), key=lambda p: p[1]),
    )


@router.get("/casussen/{casus_id}/deelverzoeken/nieuw", response_class=HTMLResponse)
def deelverzoek_nieuw(w: WebDep, casus_id: str) -> Response:
    return _deelverzoek(w, casus_id)


@router.post("/casussen/{casus_id}/deelverzoeken", response_class=HTMLResponse, dependencies=[Csrf])
def deelverzoek_doen(w: WebDep, casus_id: str, velden: Velden) -> Response:
    def klaar(d: deelverzoeken.DeelverzoekUit) -> Response:
        if d.status.value == "geweigerd":
            return w.bevestig(
                f"/casussen/{casus_id}#deelverzoeken",
                "De deelregels staan dit verzoek niet toe",
                "Het verzoek is vastgelegd, maar niet aan de partner voorgelegd. Bij het verzoek "
                "staat per categorie waarom.",
            )
        return w.bevestig(
            f"/casussen/{casus_id}#deelverzoeken",
            "Verzoek verstuurd",
            f"De deelregels staan het verzoek toe; het ligt nu bij {w.naam(d.verstrekker)}.",
            (
                "Een tweede medewerker van de partner keurt het verzoek goed of wijst het af "
                "(vierogenprincipe).",
                "Na goedkeuring levert de partner de gegevens; u ziet ze dan bij de subjecten.",
            ),
        )

    return w.verzend(
        DeelverzoekIn,
        velden,
        lambda ctx, invoer: deelverzoeken.vraag(ctx, casus_id, invoer),
        opnieuw=lambda f: _deelverzoek(w, casus_id, f),
        klaar=klaar,
    )


# --- Advice ------------------------------------------------------------------------------------


def _advies(w: Web, casus_id: str, f: Formulierstaat | None = None, blokken: int = 1) -> Response:
    with w.context() as ctx:
        o = casussen.kop(ctx, casus_id)
        eigenaars = advies.bevoegde_eigenaars(ctx, casus_id)
    if f is None:
        f = Formulierstaat.met(analyse=o.advies.analyse if o.advies else None)
        for n, i in enumerate(o.interventies):
            f.waarden[f"interventies.{n}.maatregel"] = [i.maatregel]
            f.waarden[f"interventies.{n}.eigenaar"] = [i.eigenaar]
    bestaand = len({k.split(".")[1] for k in f.waarden if k.startswith("interventies.")})
    return _stap(
        w,
        o,
        "casus_advies.html",
        o.advies_naam or "Advies",
        f=f,
        blokken=max(blokken, bestaand, 1),
        maatregelen=[
            (s.label, list(lijst.items())) for s, lijst in MAATREGELEN.items() if s in eigenaars
        ],
        eigenaars=[(f"{s.label}: bevoegd", lijst) for s, lijst in eigenaars.items()],
    )


@router.get("/casussen/{casus_id}/advies", response_class=HTMLResponse)
def advies_pagina(w: WebDep, casus_id: str) -> Response:
    return _advies(w, casus_id)


@router.post("/casussen/{casus_id}/advies", response_class=HTMLResponse, dependencies=[Csrf])
def advies_opslaan(w: WebDep, casus_id: str, velden: Velden) -> Response:
    if velden.pop("actie", None) == ["meer"]:
        # GOV.UK 'add another': one more block, nothing stored, nothing checked yet.
        bestaand = len({k.split(".")[1] for k in velden if k.startswith("interventies.")})
        return _advies(w, casus_id, Formulierstaat(velden), blokken=bestaand + 1)
    return w.verzend(
        AdviesIn,
        velden,
        lambda ctx, invoer: advies.stel_op(ctx, casus_id, invoer),
        opnieuw=lambda f: _advies(w, casus_id, f),
        klaar=lambda _: _concept_opgeslagen(w, casus_id),
    )


def _concept_opgeslagen(w: Web, casus_id: str) -> Response:
    kort = _kop(w, casus_id).advies_kort
    return w.bevestig(
        f"/casussen/{casus_id}#advies",
        f"Concept{kort} opgeslagen",
        f"Het {kort} is nog een concept; het gaat pas naar de eigenaars als een coördinator "
        "het vaststelt.",
        (f"Een coördinator die het {kort} niet zelf opstelde, stelt het vast (vierogenprincipe).",),
    )


@router.get("/casussen/{casus_id}/advies/vaststellen", response_class=HTMLResponse)
def advies_vaststellen_bevestigen(w: WebDep, casus_id: str) -> Response:
    kop = _kop(w, casus_id)
    return _stap(w, kop, "casus_vaststellen.html", f"{kop.advies_kort.capitalize()} vaststellen")


@router.post(
    "/casussen/{casus_id}/advies/vaststellen", response_class=HTMLResponse, dependencies=[Csrf]
)
def advies_vaststellen(w: WebDep, casus_id: str) -> Response:
    with w.context() as ctx:
        advies.stel_vast(ctx, casus_id)
        kop = casussen.kop(ctx, casus_id)
    kort, actie = kop.advies_kort, kop.actie_naam.lower()
    return w.bevestig(
        f"/casussen/{casus_id}#advies",
        f"{kort.capitalize()} vastgesteld",
        f"Het {kort} is verstrekt aan de eigenaars van de {actie}s; elke verstrekking staat "
        "in het logboek.",
        (f"De eigenaars voeren hun {actie}s uit en rapporteren de uitkomst in Integraal.",),
    )


# --- Closing -----------------------------------------------------------------------------------


def _sluiten(w: Web, casus_id: str, formulieren: Formulieren) -> Response:
    f = formulieren.get("sluiten", Formulierstaat())
    return _stap(w, _kop(w, casus_id), "casus_sluiten.html", "Casus sluiten", f=f)


_GESLOTEN = Bevestiging(
    "Casus {casus_id} gesloten",
    "De casus kan niet meer worden gewijzigd.",
    ("De gegevens van de casus worden vernietigd zodra hun bewaartermijn verstrijkt.",),
)
_formulier("sluiten", Sluiten, casussen.sluit, _sluiten, _GESLOTEN)


@router.get("/casussen/{casus_id}/export.{formaat}")
def casus_export(w: WebDep, casus_id: str, formaat: str) -> Response:
    if formaat not in export.FORMATEN:
        raise NietGevonden("exporteer als csv of xlsx")
    inhoud = w.doe(lambda ctx: export.exporteer(ctx, casus_id, formaat))
    return bestand(inhoud, f"casus-{casus_id}.{formaat}")
