# SPDX-License-Identifier: EUPL-1.2
"""Signing in (password, then the code of a second factor where the account has one) and
signing out."""

from __future__ import annotations

import datetime as dt

from fastapi import APIRouter
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from integraal.domein.actor import Actor
from integraal.domein.fouten import OngeldigeInvoer
from integraal.domein.invoer import valideer
from integraal.gebruikers import Inloggegevens, drempels, stempel_van, tweede_factor
from integraal.gebruikers.aanmelden import CodeIn, bevestig_code, meld_aan
from integraal.gebruikers.tweede_factor import Stap
from integraal.verwerking import Context
from integraal.web.basis import Csrf, PubliekDep, Velden, Web, clientadres
from integraal.web.formulier import Formulierstaat, gegevens
from integraal.web.routes.sso import aanbieders, uitlog_adres
from integraal.web.sessies import vernieuw

router = APIRouter()
# How long the code may take after the password was accepted.
CODE_TERMIJN = dt.timedelta(minutes=5)


def _veilig_vervolg(pad: str | None) -> str:
    """Only a path on this site (an absolute URL or //host would be an open redirect)."""
    if pad and pad.startswith("/") and not pad.startswith("//") and "\\" not in pad:
        return pad
    return "/"


def _te_vaak(w: Web, sjabloon: str, exc: drempels.TeVaak, vervolg: str) -> Response:
    f = Formulierstaat({}, {"": exc.melding})
    pagina = w.pagina(sjabloon, status=429, f=f, volgende=vervolg)
    pagina.headers["Retry-After"] = str(exc.seconden)
    return pagina


def _ingelogd(w: Web, ctx: Context, actor: Actor, vervolg: str) -> Response:
    stempel = stempel_van(ctx.sessie, actor.gebruiker_id)
    w.request.session.clear()
    w.request.session.update(gebruiker_id=actor.gebruiker_id, stempel=stempel)
    vernieuw(w.request)  # a new key once signed in: a key planted before is worthless
    return RedirectResponse(vervolg, status_code=303)


def _pagina(w: Web, vervolg: str, status: int = 200, f: Formulierstaat | None = None) -> Response:
    """The sign-in page: the organisations one can sign in through, and the local form."""
    return w.pagina(
        "inloggen.html",
        status=status,
        volgende=vervolg,
        aanbieders=sorted(aanbieders(w.request).values(), key=lambda a: a.titel),
        f=f or Formulierstaat(),
    )


@router.get("/inloggen", response_class=HTMLResponse)
def inloggen(w: PubliekDep, volgende: str | None = None) -> Response:
    return _pagina(w, _veilig_vervolg(volgende))


@router.post("/inloggen", response_class=HTMLResponse, dependencies=[Csrf])
def inloggen_verwerken(w: PubliekDep, velden: Velden, volgende: str | None = None) -> Response:
    vervolg = _veilig_vervolg(volgende)
    try:
        invoer = valideer(Inloggegevens, gegevens(Inloggegevens, velden))
    except OngeldigeInvoer as exc:
        return _pagina(w, vervolg, 400, f=Formulierstaat(velden, exc.fouten))
    inst = w.omgeving.instellingen
    with w.context(anoniem=True) as ctx:
        try:
            a = meld_aan(
                ctx.sessie,
                invoer,
                adres=clientadres(w.request),
                nu=ctx.nu(),
                termijn=inst.toegangstermijn,
                verplicht=inst.tweede_factor_verplicht,
            )
        except drempels.TeVaak as exc:
            ctx.audit("inloggen", "geweigerd", reden="te vaak geprobeerd")
            return _te_vaak(w, "inloggen.html", exc, vervolg)
        # From here the context acts for whoever gave the password, so the record names them.
        ctx.actor = a.actor
        if a.actor is None:
            ctx.audit("inloggen", "mislukt")
            # One message for both fields: which of the two was wrong is not told.
            fout = Formulierstaat(
                {"gebruikersnaam": [invoer.gebruikersnaam]}, {"gebruikersnaam": a.melding or ""}
            )
            return _pagina(w, vervolg, 400, f=fout)
        if a.stap is Stap.ONTBREEKT:
            ctx.audit("inloggen", "geweigerd", reden="tweede factor niet ingesteld")
            fout = Formulierstaat({}, {"": a.melding or ""})
            return _pagina(w, vervolg, 403, f=fout)
        if a.stap is Stap.CODE:
            ctx.audit("inloggen", "wachtwoord juist, wacht op code")
            # Not signed in yet: the session only remembers whose code to ask, briefly.
            w.request.session.clear()
            w.request.session.update(
                code_voor=a.actor.gebruiker_id,
                naam=a.actor.gebruikersnaam,
                tot=(ctx.nu() + CODE_TERMIJN).isoformat(),
            )
            vernieuw(w.request)
            return RedirectResponse(f"/inloggen/code?volgende={vervolg}", status_code=303)
        ctx.audit("inloggen", "gelukt")
        return _ingelogd(w, ctx, a.actor, vervolg)


@router.get("/inloggen/code", response_class=HTMLResponse)
def code_vragen(w: PubliekDep, volgende: str | None = None) -> Response:
    if not isinstance(w.request.session.get("code_voor"), int):
        return RedirectResponse("/inloggen", status_code=303)
    return w.pagina("inloggen_code.html", volgende=_veilig_vervolg(volgende))


@router.post("/inloggen/code", response_class=HTMLResponse, dependencies=[Csrf])
def code_verwerken(w: PubliekDep, velden: Velden, volgende: str | None = None) -> Response:
    vervolg = _veilig_vervolg(volgende)
    gebruiker_id, naam = w.request.session.get("code_voor"), w.request.session.get("naam")
    tot = w.request.session.get("tot")
    if (
        not isinstance(gebruiker_id, int)
        or not isinstance(naam, str)
        or not isinstance(tot, str)
        or dt.datetime.fromisoformat(tot) < dt.datetime.now(dt.UTC)
    ):
        # Too late (or never asked): the password is asked again.
        w.request.session.clear()
        return RedirectResponse("/inloggen", status_code=303)
    try:
        invoer = valideer(CodeIn, gegevens(CodeIn, velden))
    except OngeldigeInvoer as exc:
        f = Formulierstaat({}, exc.fouten)
        return w.pagina("inloggen_code.html", status=400, f=f, volgende=vervolg)
    with w.context(anoniem=True) as ctx:
        try:
            actor = bevestig_code(
                ctx.sessie,
                gebruiker_id,
                naam,
                invoer,
                adres=clientadres(w.request),
                nu=ctx.nu(),
                termijn=w.omgeving.instellingen.toegangstermijn,
            )
        except drempels.TeVaak as exc:
            return _te_vaak(w, "inloggen_code.html", exc, vervolg)
        if actor is None:
            ctx.audit("inloggen", "mislukt", reden="code onjuist")
            f = Formulierstaat({}, {"code": tweede_factor.ONJUIST})
            return w.pagina("inloggen_code.html", status=400, f=f, volgende=vervolg)
        ctx.actor = actor
        ctx.audit("inloggen", "gelukt")
        return _ingelogd(w, ctx, actor, vervolg)


@router.post("/uitloggen", dependencies=[Csrf])
def uitloggen(w: PubliekDep) -> Response:
    """Signed out here, and, for a session that signed in at its organisation, sent there
    to sign out too (it sends the person back to /uitgelogd)."""
    sessie = w.request.session
    elders = uitlog_adres(w, sessie.get("sso"), sessie.get("id_token"))
    sessie.clear()
    return RedirectResponse(elders or "/inloggen", status_code=303)
