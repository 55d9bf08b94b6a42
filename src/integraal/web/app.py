# SPDX-License-Identifier: EUPL-1.2
"""Web routes: thin, session-authenticated, CSRF-protected forms."""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from importlib import resources
from typing import Annotated, Any

from fastapi import Depends, FastAPI, File, Form, Request, UploadFile
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates
from starlette.middleware.sessions import SessionMiddleware

from integraal import logboek
from integraal.bronnen.importeren import GeenLeverancier, importeer
from integraal.bronnen.lezers import OnleesbaarBestand
from integraal.bronnen.mapping import meegeleverde_mappings
from integraal.casus import GeenToegang, OngeldigeInvoer, advies, casussen, deelverzoeken, signalen
from integraal.casus.advies import Voorstel
from integraal.delen import leg_uit
from integraal.domein.actor import Actor
from integraal.domein.casus import MAATREGELEN, UITKOMSTEN, SignaalStatus
from integraal.domein.rollen import ROL_LABELS, Rol
from integraal.domein.tekst import zin
from integraal.export import naar_csv, naar_xlsx
from integraal.gebruikers import actor_van_id, authenticeer
from integraal.omgeving import Omgeving
from integraal.opslag import beheer, leveringen
from integraal.opslag.db import transactie
from integraal.toegang import Leesvraag, lees_entiteit, zoek_entiteiten
from integraal.toegang.context import OnbekendeCasus
from integraal.toegang.deelwijzer import OngeldigeVraag, vraag_deelwijzer
from integraal.toegang.inzage import inzage_verzoek

_sjablonen = Jinja2Templates(directory=str(resources.files("integraal.web").joinpath("templates")))


class NietIngelogd(Exception):
    pass


class Verboden(Exception):
    pass


def _omgeving(request: Request) -> Omgeving:
    omgeving: Omgeving = request.app.state.omgeving
    return omgeving


OmgevingDep = Annotated[Omgeving, Depends(_omgeving)]


def _actor(request: Request, omgeving: OmgevingDep) -> Actor:
    gebruiker_id = request.session.get("gebruiker_id")
    if not isinstance(gebruiker_id, int):
        raise NietIngelogd
    with transactie(omgeving.fabriek) as sessie:
        actor = actor_van_id(sessie, gebruiker_id)
    if actor is None:
        request.session.clear()
        raise NietIngelogd
    return actor


ActorDep = Annotated[Actor, Depends(_actor)]


def _privacy_officer(actor: ActorDep) -> Actor:
    if actor.rol is not Rol.PRIVACY_OFFICER:
        raise Verboden
    return actor


PrivacyOfficer = Annotated[Actor, Depends(_privacy_officer)]


def _csrf(request: Request) -> str:
    token = request.session.get("csrf")
    if not isinstance(token, str):
        token = secrets.token_urlsafe(24)
        request.session["csrf"] = token
    return token


def _controleer_csrf(request: Request, csrf: Annotated[str, Form()] = "") -> None:
    verwacht = request.session.get("csrf")
    if not isinstance(verwacht, str) or not secrets.compare_digest(verwacht, csrf):
        raise Verboden


Csrf = Depends(_controleer_csrf)


def _kenmerken(soorten: list[str], waarden: list[str]) -> list[tuple[str, str]]:
    return [(s, w) for s, w in zip(soorten, waarden, strict=False) if w.strip()]


@dataclass(frozen=True)
class Signaalformulier:
    verband: str
    omschrijving: str
    kenmerken: list[tuple[str, str]]


def _signaalformulier(
    verband: Annotated[str, Form()] = "",
    omschrijving: Annotated[str, Form()] = "",
    kenmerk_soort: Annotated[list[str] | None, Form()] = None,
    kenmerk_waarde: Annotated[list[str] | None, Form()] = None,
) -> Signaalformulier:
    return Signaalformulier(
        verband, omschrijving, _kenmerken(kenmerk_soort or [], kenmerk_waarde or [])
    )


FormulierDep = Annotated[Signaalformulier, Depends(_signaalformulier)]


def _pagina(
    request: Request, sjabloon: str, actor: Actor | None, status: int = 200, **context: Any
) -> HTMLResponse:
    return _sjablonen.TemplateResponse(
        request,
        sjabloon,
        {"actor": actor, "rol_labels": ROL_LABELS, "csrf": _csrf(request), **context},
        status_code=status,
    )


def maak_web(omgeving: Omgeving) -> FastAPI:
    web = FastAPI(openapi_url=None, docs_url=None, redoc_url=None, redirect_slashes=False)
    web.state.omgeving = omgeving
    web.add_middleware(
        SessionMiddleware,
        secret_key=omgeving.instellingen.sessie_geheim_str(),
        session_cookie="integraal_sessie",
        same_site="strict",
        https_only=False,
        max_age=8 * 3600,
    )
    web.mount(
        "/static",
        StaticFiles(directory=str(resources.files("integraal.web").joinpath("static"))),
        name="static",
    )

    @web.exception_handler(NietIngelogd)
    async def _naar_login(request: Request, _exc: NietIngelogd) -> Response:
        return RedirectResponse("/inloggen", status_code=303)

    @web.exception_handler(Verboden)
    async def _verboden(request: Request, _exc: Verboden) -> Response:
        return _pagina(
            request,
            "melding.html",
            None,
            status=403,
            titel="Geen toegang",
            tekst="U heeft geen toegang tot deze pagina of het formulier is verlopen.",
        )

    @web.get("/inloggen", response_class=HTMLResponse)
    def inloggen(request: Request) -> Response:
        return _pagina(request, "inloggen.html", None)

    @web.post("/inloggen", response_class=HTMLResponse, dependencies=[Csrf])
    def inloggen_verwerken(
        request: Request,
        omgeving: OmgevingDep,
        gebruikersnaam: Annotated[str, Form()] = "",
        wachtwoord: Annotated[str, Form()] = "",
    ) -> Response:
        with transactie(omgeving.fabriek) as sessie:
            actor = authenticeer(sessie, gebruikersnaam, wachtwoord)
            logboek.schrijf_audit(
                sessie,
                trace_id=logboek.nieuwe_trace_id(),
                gebruiker_id=actor.gebruiker_id if actor else None,
                organisatie_id=actor.organisatie_id if actor else None,
                actie="inloggen",
                resultaat="gelukt" if actor else "mislukt",
                herkomst="web",
            )
        if actor is None:
            return _pagina(
                request,
                "inloggen.html",
                None,
                status=400,
                fout="Gebruikersnaam of wachtwoord onjuist.",
                gebruikersnaam=gebruikersnaam,
            )
        request.session.clear()
        request.session["gebruiker_id"] = actor.gebruiker_id
        return RedirectResponse("/", status_code=303)

    @web.post("/uitloggen", dependencies=[Csrf])
    def uitloggen(request: Request) -> Response:
        request.session.clear()
        return RedirectResponse("/inloggen", status_code=303)

    @web.get("/", response_class=HTMLResponse)
    def start(request: Request, omgeving: OmgevingDep, actor: ActorDep) -> Response:
        with transactie(omgeving.fabriek) as sessie:
            casussen = beheer.casussen_van_gebruiker(sessie, actor.gebruiker_id)
        return _pagina(request, "start.html", actor, casussen=casussen)

    @web.get("/deelwijzer", response_class=HTMLResponse)
    def deelwijzer(request: Request, omgeving: OmgevingDep, actor: ActorDep) -> Response:
        return _pagina(request, "deelwijzer.html", actor, beslisser=omgeving.beslisser, vraag={})

    @web.post("/deelwijzer", response_class=HTMLResponse, dependencies=[Csrf])
    def deelwijzer_vragen(
        request: Request,
        omgeving: OmgevingDep,
        actor: ActorDep,
        van: Annotated[str, Form()] = "",
        aan: Annotated[str, Form()] = "",
        categorie: Annotated[str, Form()] = "",
        doel: Annotated[str, Form()] = "",
        casus: Annotated[str, Form()] = "",
    ) -> Response:
        vraag = {"van": van, "aan": aan, "categorie": categorie, "doel": doel, "casus": casus}
        try:
            with transactie(omgeving.fabriek) as sessie:
                besluit = vraag_deelwijzer(
                    sessie,
                    omgeving.beslisser,
                    van=van,
                    aan=aan,
                    categorie=categorie,
                    doel=doel,
                    casus_id=casus.strip() or None,
                    actor=actor.ref,
                )
        except OngeldigeVraag as exc:
            return _pagina(
                request,
                "deelwijzer.html",
                actor,
                status=400,
                beslisser=omgeving.beslisser,
                vraag=vraag,
                fouten=exc.fouten,
            )
        except OnbekendeCasus as exc:
            return _pagina(
                request,
                "deelwijzer.html",
                actor,
                status=400,
                beslisser=omgeving.beslisser,
                vraag=vraag,
                fouten={"casus": str(exc)},
            )
        uitleg = leg_uit(besluit, omgeving.beslisser.catalogus, omgeving.beslisser.register)
        return _pagina(
            request,
            "deelwijzer.html",
            actor,
            beslisser=omgeving.beslisser,
            vraag=vraag,
            besluit=besluit,
            uitleg=uitleg,
        )

    @web.get("/leveringen", response_class=HTMLResponse)
    def leveringen_pagina(request: Request, omgeving: OmgevingDep, actor: ActorDep) -> Response:
        with transactie(omgeving.fabriek) as sessie:
            lijst = leveringen.lijst_leveringen(
                sessie, None if actor.rol is Rol.FUNCTIONEEL_BEHEERDER else [actor.organisatie_id]
            )
        eigen = [m for m in meegeleverde_mappings().values() if m.partner == actor.organisatie_id]
        return _pagina(request, "leveringen.html", actor, leveringen=lijst, mappings=eigen)

    @web.post("/leveringen", response_class=HTMLResponse, dependencies=[Csrf])
    def levering_uploaden(
        request: Request,
        omgeving: OmgevingDep,
        actor: ActorDep,
        bestand: Annotated[UploadFile, File()],
        mapping: Annotated[str, Form()] = "",
        casus: Annotated[str, Form()] = "",
    ) -> Response:
        m = meegeleverde_mappings().get(mapping)
        fout = None
        if m is None:
            fout = "Kies een leveringsafspraak."
        else:
            try:
                r = importeer(
                    omgeving.fabriek,
                    omgeving.beslisser,
                    actor,
                    m,
                    bestand.filename or "levering",
                    bestand.file.read(),
                    pseudoniem_sleutel=omgeving.pseudoniem_sleutel,
                    casus_id=casus.strip() or None,
                    herkomst="web",
                )
                return RedirectResponse(f"/leveringen/{r.levering_id}", status_code=303)
            except (GeenLeverancier, OnleesbaarBestand, OnbekendeCasus) as exc:
                fout = zin(exc)
        with transactie(omgeving.fabriek) as sessie:
            lijst = leveringen.lijst_leveringen(sessie, [actor.organisatie_id])
        eigen = [x for x in meegeleverde_mappings().values() if x.partner == actor.organisatie_id]
        return _pagina(
            request,
            "leveringen.html",
            actor,
            status=400,
            leveringen=lijst,
            mappings=eigen,
            fout=fout,
        )

    @web.get("/leveringen/{levering_id}", response_class=HTMLResponse)
    def levering_pagina(
        request: Request, omgeving: OmgevingDep, actor: ActorDep, levering_id: str
    ) -> Response:
        with transactie(omgeving.fabriek) as sessie:
            lev = leveringen.haal_levering(sessie, levering_id)
        zichtbaar = lev is not None and (
            actor.organisatie_id in (lev.partner_id, lev.ontvanger_id)
            or actor.rol is Rol.FUNCTIONEEL_BEHEERDER
        )
        if not zichtbaar:
            return _pagina(
                request,
                "melding.html",
                actor,
                status=404,
                titel="Niet gevonden",
                tekst="Deze levering bestaat niet of is niet van uw organisatie.",
            )
        return _pagina(request, "levering.html", actor, lev=lev)

    @web.get("/zoeken", response_class=HTMLResponse)
    def zoeken(request: Request, omgeving: OmgevingDep, actor: ActorDep) -> Response:
        with transactie(omgeving.fabriek) as sessie:
            casussen = beheer.casussen_van_gebruiker(sessie, actor.gebruiker_id)
        return _pagina(
            request,
            "zoeken.html",
            actor,
            casussen=casussen,
            vraag={},
            doelen=omgeving.beslisser.catalogus.doelen,
        )

    @web.post("/zoeken", response_class=HTMLResponse, dependencies=[Csrf])
    def zoeken_verwerken(
        request: Request,
        omgeving: OmgevingDep,
        actor: ActorDep,
        zoekterm: Annotated[str, Form()] = "",
        doel: Annotated[str, Form()] = "",
        casus: Annotated[str, Form()] = "",
    ) -> Response:
        vraag = {"zoekterm": zoekterm, "doel": doel, "casus": casus}
        fout = None
        resultaten = []
        try:
            with transactie(omgeving.fabriek) as sessie:
                casussen = beheer.casussen_van_gebruiker(sessie, actor.gebruiker_id)
                resultaten = zoek_entiteiten(
                    sessie,
                    omgeving.beslisser,
                    actor,
                    Leesvraag(doel or "integrale_aanpak", casus or None, "web"),
                    pseudoniem_sleutel=omgeving.pseudoniem_sleutel,
                    term=zoekterm or None,
                )
        except OnbekendeCasus as exc:
            fout = zin(exc)
            casussen = []
        return _pagina(
            request,
            "zoeken.html",
            actor,
            casussen=casussen,
            vraag=vraag,
            resultaten=resultaten,
            gezocht=True,
            fout=fout,
            doelen=omgeving.beslisser.catalogus.doelen,
        )

    @web.get("/entiteiten/{entiteit_id}", response_class=HTMLResponse)
    def entiteit_pagina(
        request: Request,
        omgeving: OmgevingDep,
        actor: ActorDep,
        entiteit_id: str,
        doel: str = "integrale_aanpak",
        casus: str = "",
    ) -> Response:
        try:
            with transactie(omgeving.fabriek) as sessie:
                beeld = lees_entiteit(
                    sessie,
                    omgeving.beslisser,
                    actor,
                    Leesvraag(doel, casus or None, "web"),
                    entiteit_id,
                )
        except OnbekendeCasus:
            beeld = None
        if beeld is None:
            return _pagina(
                request,
                "melding.html",
                actor,
                status=404,
                titel="Niet gevonden",
                tekst="Deze entiteit bestaat niet of geen deelregel staat u toe haar te lezen.",
            )
        return _pagina(request, "entiteit.html", actor, beeld=beeld, doel=doel, casus=casus)

    @web.get("/logboek", response_class=HTMLResponse)
    def logboek_pagina(request: Request, omgeving: OmgevingDep, po: PrivacyOfficer) -> Response:
        with transactie(omgeving.fabriek) as sessie:
            verificatie = logboek.verifieer(sessie)
        return _pagina(request, "logboek.html", po, verificatie=verificatie)

    @web.post("/logboek/inzage", response_class=HTMLResponse, dependencies=[Csrf])
    def logboek_inzage(
        request: Request,
        omgeving: OmgevingDep,
        po: PrivacyOfficer,
        betrokkene: Annotated[str, Form()] = "",
    ) -> Response:
        with transactie(omgeving.fabriek) as sessie:
            verificatie = logboek.verifieer(sessie)
            regels = None
            if betrokkene.strip():
                _, regels = inzage_verzoek(
                    sessie, po, betrokkene, omgeving.pseudoniem_sleutel, "web"
                )
        return _pagina(request, "logboek.html", po, verificatie=verificatie, inzage=regels)

    def _fout(request: Request, actor: Actor | None, exc: Exception, status: int = 400) -> Response:
        if isinstance(exc, OngeldigeInvoer):
            return _pagina(
                request,
                "melding.html",
                actor,
                status=400,
                titel="Controleer de invoer",
                tekst="; ".join(f"{k}: {v}" for k, v in exc.fouten.items()),
            )
        return _pagina(
            request, "melding.html", actor, status=403, titel="Niet toegestaan", tekst=zin(exc)
        )

    @web.get("/signalen", response_class=HTMLResponse)
    def signalen_pagina(request: Request, omgeving: OmgevingDep, actor: ActorDep) -> Response:
        try:
            with transactie(omgeving.fabriek) as sessie:
                lijst = signalen.lijst(sessie, omgeving.beslisser, actor)
        except GeenToegang:
            lijst = None
        return _pagina(request, "signalen.html", actor, signalen=lijst)

    @web.get("/signalen/nieuw", response_class=HTMLResponse)
    def signaal_nieuw(request: Request, omgeving: OmgevingDep, actor: ActorDep) -> Response:
        return _pagina(
            request,
            "signaal_nieuw.html",
            actor,
            verbanden=_verbanden(omgeving, actor),
            soorten=signalen.KENMERK_LABELS,
            publiek=False,
        )

    def _verbanden(omgeving: Omgeving, actor: Actor | None = None) -> list[Any]:
        """The public may write to any RIEC; a partner sees the partnerships it takes part in."""
        return [
            o
            for o in omgeving.beslisser.register.organisaties
            if o.soort in ("riec", "liec")
            and (actor is None or actor.organisatie_id in o.deelnemers)
        ]

    def _dien_in(omgeving: Omgeving, actor: Actor | None, f: Signaalformulier) -> str:
        with transactie(omgeving.fabriek) as sessie:
            return signalen.dien_in(
                sessie,
                omgeving.beslisser,
                actor,
                verband_id=f.verband,
                omschrijving=f.omschrijving,
                kenmerken=f.kenmerken,
                sleutel=omgeving.pseudoniem_sleutel,
                herkomst="web" if actor else "publiek",
            )

    @web.post("/signalen/nieuw", response_class=HTMLResponse, dependencies=[Csrf])
    def signaal_indienen(
        request: Request, omgeving: OmgevingDep, actor: ActorDep, formulier: FormulierDep
    ) -> Response:
        try:
            nummer = _dien_in(omgeving, actor, formulier)
        except (GeenToegang, OngeldigeInvoer) as exc:
            return _fout(request, actor, exc)
        return _pagina(
            request,
            "melding.html",
            actor,
            titel="Signaal ontvangen",
            tekst=f"Uw signaal is vastgelegd onder nummer {nummer}.",
        )

    @web.get("/melden", response_class=HTMLResponse)
    def melden(request: Request, omgeving: OmgevingDep) -> Response:
        return _pagina(
            request,
            "signaal_nieuw.html",
            None,
            verbanden=_verbanden(omgeving),
            soorten=signalen.KENMERK_LABELS,
            publiek=True,
        )

    @web.post("/melden", response_class=HTMLResponse, dependencies=[Csrf])
    def melden_verwerken(
        request: Request, omgeving: OmgevingDep, formulier: FormulierDep
    ) -> Response:
        try:
            _dien_in(omgeving, None, formulier)
        except (GeenToegang, OngeldigeInvoer) as exc:
            return _fout(request, None, exc)
        # No number back: a pseudonymous tip cannot be followed up, and saying so is honest.
        return _pagina(
            request,
            "melding.html",
            None,
            titel="Dank voor uw melding",
            tekst="Uw melding is ontvangen. U krijgt geen reactie; uw melding is anoniem.",
        )

    @web.get("/signalen/{signaal_id}", response_class=HTMLResponse)
    def signaal_pagina(
        request: Request, omgeving: OmgevingDep, actor: ActorDep, signaal_id: str
    ) -> Response:
        try:
            with transactie(omgeving.fabriek) as sessie:
                beeld = signalen.lees(
                    sessie, omgeving.beslisser, actor, signaal_id, omgeving.pseudoniem_sleutel
                )
        except GeenToegang as exc:
            return _fout(request, actor, exc)
        return _pagina(request, "signaal.html", actor, beeld=beeld, labels=signalen.KENMERK_LABELS)

    @web.post(
        "/signalen/{signaal_id}/beoordeling", response_class=HTMLResponse, dependencies=[Csrf]
    )
    def signaal_beoordelen(
        request: Request,
        omgeving: OmgevingDep,
        actor: ActorDep,
        signaal_id: str,
        status: Annotated[str, Form()] = "",
        reden: Annotated[str, Form()] = "",
    ) -> Response:
        try:
            with transactie(omgeving.fabriek) as sessie:
                signalen.beoordeel(sessie, actor, signaal_id, SignaalStatus(status), reden)
        except ValueError as exc:
            return _fout(
                request,
                actor,
                exc
                if isinstance(exc, OngeldigeInvoer)
                else OngeldigeInvoer({"status": "kies een beoordeling"}),
            )
        except GeenToegang as exc:
            return _fout(request, actor, exc)
        return RedirectResponse(f"/signalen/{signaal_id}", status_code=303)

    @web.post("/casussen", response_class=HTMLResponse, dependencies=[Csrf])
    def casus_openen(
        request: Request,
        omgeving: OmgevingDep,
        actor: ActorDep,
        titel: Annotated[str, Form()] = "",
        signaal: Annotated[list[str] | None, Form()] = None,
        aanwijzingen: Annotated[str, Form()] = "",
        leden: Annotated[str, Form()] = "",
    ) -> Response:
        try:
            with transactie(omgeving.fabriek) as sessie:
                nummer = casussen.open_casus(
                    sessie,
                    actor,
                    titel=titel,
                    doel="integrale_aanpak",
                    signaal_ids=signaal or [],
                    aanwijzingen=aanwijzingen or None,
                    leden=[x.strip() for x in leden.split(",") if x.strip()],
                )
        except (GeenToegang, OngeldigeInvoer) as exc:
            return _fout(request, actor, exc)
        return RedirectResponse(f"/casussen/{nummer}", status_code=303)

    @web.get("/casussen/{casus_id}", response_class=HTMLResponse)
    def casus_pagina(
        request: Request, omgeving: OmgevingDep, actor: ActorDep, casus_id: str
    ) -> Response:
        try:
            with transactie(omgeving.fabriek) as sessie:
                o = casussen.overzicht(sessie, omgeving.beslisser, actor, casus_id)
        except GeenToegang as exc:
            return _pagina(
                request, "melding.html", actor, status=404, titel="Niet gevonden", tekst=zin(exc)
            )
        orgs = [
            x for x in omgeving.beslisser.register.organisaties if x.soort not in ("riec", "liec")
        ]
        return _pagina(
            request,
            "casus.html",
            actor,
            o=o,
            organisaties=orgs,
            maatregelen=MAATREGELEN,
            categorieen=omgeving.beslisser.catalogus.categorieen,
        )

    def _actie(request: Request, actor: Actor, terug: str, fn: Any) -> Response:
        """One service call in one transaction; a refusal is a Dutch page, success a redirect."""
        try:
            with transactie(request.app.state.omgeving.fabriek) as sessie:
                fn(sessie)
        except (GeenToegang, OngeldigeInvoer) as exc:
            return _fout(request, actor, exc)
        return RedirectResponse(terug, status_code=303)

    def _casusactie(request: Request, actor: Actor, casus_id: str, fn: Any) -> Response:
        return _actie(request, actor, f"/casussen/{casus_id}", fn)

    @web.post("/casussen/{casus_id}/aanwijzingen", dependencies=[Csrf])
    def casus_aanwijzingen(
        request: Request, actor: ActorDep, casus_id: str, motivering: Annotated[str, Form()] = ""
    ) -> Response:
        return _casusactie(
            request,
            actor,
            casus_id,
            lambda s: casussen.leg_aanwijzingen_vast(s, actor, casus_id, motivering),
        )

    @web.post("/casussen/{casus_id}/leden", dependencies=[Csrf])
    def casus_lid(
        request: Request,
        actor: ActorDep,
        casus_id: str,
        gebruikersnaam: Annotated[str, Form()] = "",
    ) -> Response:
        return _casusactie(
            request,
            actor,
            casus_id,
            lambda s: casussen.voeg_lid_toe(s, actor, casus_id, gebruikersnaam),
        )

    @web.post("/casussen/{casus_id}/subjecten", dependencies=[Csrf])
    def casus_subject(
        request: Request,
        omgeving: OmgevingDep,
        actor: ActorDep,
        casus_id: str,
        entiteit: Annotated[str, Form()] = "",
    ) -> Response:
        return _casusactie(
            request,
            actor,
            casus_id,
            lambda s: casussen.koppel_subject(s, omgeving.beslisser, actor, casus_id, entiteit),
        )

    @web.post("/casussen/{casus_id}/deelverzoeken", dependencies=[Csrf])
    def casus_deelverzoek(
        request: Request,
        omgeving: OmgevingDep,
        actor: ActorDep,
        casus_id: str,
        verstrekker: Annotated[str, Form()] = "",
        categorie: Annotated[list[str] | None, Form()] = None,
        toelichting: Annotated[str, Form()] = "",
    ) -> Response:
        return _casusactie(
            request,
            actor,
            casus_id,
            lambda s: deelverzoeken.vraag(
                s,
                omgeving.beslisser,
                actor,
                casus_id=casus_id,
                verstrekker_id=verstrekker,
                categorieen=categorie or [],
                toelichting=toelichting,
            ),
        )

    @web.post("/casussen/{casus_id}/sluiten", dependencies=[Csrf])
    def casus_sluiten(
        request: Request, actor: ActorDep, casus_id: str, reden: Annotated[str, Form()] = ""
    ) -> Response:
        return _casusactie(
            request, actor, casus_id, lambda s: casussen.sluit(s, actor, casus_id, reden)
        )

    @web.get("/deelverzoeken", response_class=HTMLResponse)
    def deelverzoeken_pagina(request: Request, omgeving: OmgevingDep, actor: ActorDep) -> Response:
        with transactie(omgeving.fabriek) as sessie:
            lijst = deelverzoeken.te_beoordelen(sessie, actor)
            eigen = leveringen.lijst_leveringen(sessie, [actor.organisatie_id])
        return _pagina(
            request,
            "deelverzoeken.html",
            actor,
            lijst=lijst,
            leveringen=[
                x for x in eigen if x.status == "verwerkt" and x.partner_id == actor.organisatie_id
            ],
        )

    @web.post("/deelverzoeken/{deelverzoek_id}/goedkeuren", dependencies=[Csrf])
    def dv_goedkeuren(request: Request, actor: ActorDep, deelverzoek_id: str) -> Response:
        return _actie(
            request,
            actor,
            "/deelverzoeken",
            lambda s: deelverzoeken.keur_goed(s, actor, deelverzoek_id),
        )

    @web.post("/deelverzoeken/{deelverzoek_id}/afwijzen", dependencies=[Csrf])
    def dv_afwijzen(
        request: Request, actor: ActorDep, deelverzoek_id: str, reden: Annotated[str, Form()] = ""
    ) -> Response:
        return _actie(
            request,
            actor,
            "/deelverzoeken",
            lambda s: deelverzoeken.wijs_af(s, actor, deelverzoek_id, reden),
        )

    @web.post("/deelverzoeken/{deelverzoek_id}/antwoord", dependencies=[Csrf])
    def dv_antwoord(
        request: Request,
        actor: ActorDep,
        deelverzoek_id: str,
        levering: Annotated[str, Form()] = "",
    ) -> Response:
        return _actie(
            request,
            actor,
            "/deelverzoeken",
            lambda s: deelverzoeken.beantwoord(s, actor, deelverzoek_id, levering),
        )

    @web.post("/casussen/{casus_id}/advies", dependencies=[Csrf])
    def casus_advies(
        request: Request,
        omgeving: OmgevingDep,
        actor: ActorDep,
        casus_id: str,
        analyse: Annotated[str, Form()] = "",
        maatregel: Annotated[list[str] | None, Form()] = None,
        eigenaar: Annotated[list[str] | None, Form()] = None,
    ) -> Response:
        voorstellen = [
            Voorstel(m.split(":", 1)[0], m.split(":", 1)[-1], e)
            for m, e in zip(maatregel or [], eigenaar or [], strict=False)
            if m and e
        ]
        return _casusactie(
            request,
            actor,
            casus_id,
            lambda s: advies.stel_op(s, omgeving.beslisser, actor, casus_id, analyse, voorstellen),
        )

    @web.post("/casussen/{casus_id}/advies/vaststellen", dependencies=[Csrf])
    def casus_advies_vaststellen(
        request: Request, omgeving: OmgevingDep, actor: ActorDep, casus_id: str
    ) -> Response:
        return _casusactie(
            request,
            actor,
            casus_id,
            lambda s: advies.stel_vast(s, omgeving.beslisser, actor, casus_id),
        )

    @web.get("/casussen/{casus_id}/export.{formaat}")
    def casus_export(
        request: Request, omgeving: OmgevingDep, actor: ActorDep, casus_id: str, formaat: str
    ) -> Response:
        if formaat not in ("csv", "xlsx"):
            return _pagina(
                request,
                "melding.html",
                actor,
                status=404,
                titel="Niet gevonden",
                tekst="Exporteer als csv of xlsx.",
            )
        try:
            with transactie(omgeving.fabriek) as sessie:
                o = casussen.overzicht(sessie, omgeving.beslisser, actor, casus_id)
                logboek.schrijf_audit(
                    sessie,
                    trace_id=logboek.nieuwe_trace_id(),
                    gebruiker_id=actor.gebruiker_id,
                    organisatie_id=actor.organisatie_id,
                    actie=f"casus exporteren ({formaat})",
                    resultaat="toegestaan",
                    herkomst="web",
                    details={"casus": casus_id},
                )
        except GeenToegang as exc:
            return _pagina(
                request, "melding.html", actor, status=404, titel="Niet gevonden", tekst=zin(exc)
            )
        beelden = [b for _, b in o.subjecten if b is not None]
        inhoud = naar_csv(beelden) if formaat == "csv" else naar_xlsx(beelden)
        soort = (
            "text/csv; charset=utf-8"
            if formaat == "csv"
            else "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        )
        return Response(
            inhoud,
            media_type=soort,
            headers={"Content-Disposition": f'attachment; filename="casus-{casus_id}.{formaat}"'},
        )

    @web.get("/interventies", response_class=HTMLResponse)
    def interventies_pagina(request: Request, omgeving: OmgevingDep, actor: ActorDep) -> Response:
        with transactie(omgeving.fabriek) as sessie:
            lijst = advies.van_mijn_organisatie(sessie, actor)
        return _pagina(request, "interventies.html", actor, lijst=lijst, uitkomsten=UITKOMSTEN)

    @web.post("/interventies/{interventie_id}", dependencies=[Csrf])
    def interventie_bijwerken(
        request: Request,
        actor: ActorDep,
        interventie_id: str,
        status: Annotated[str, Form()] = "",
        uitkomst: Annotated[str, Form()] = "",
        bedrag: Annotated[str, Form()] = "",
    ) -> Response:
        try:
            euro = float(bedrag.replace(".", "").replace(",", ".")) if bedrag.strip() else None
        except ValueError:
            return _fout(
                request, actor, OngeldigeInvoer({"bedrag": "vul een bedrag in, bv. 1.250,00"})
            )
        try:
            with transactie(request.app.state.omgeving.fabriek) as sessie:
                advies.werk_bij(
                    sessie,
                    actor,
                    interventie_id,
                    status=status,
                    uitkomst=uitkomst or None,
                    bedrag_euro=euro,
                )
        except (GeenToegang, OngeldigeInvoer) as exc:
            return _fout(request, actor, exc)
        return RedirectResponse("/interventies", status_code=303)

    return web
