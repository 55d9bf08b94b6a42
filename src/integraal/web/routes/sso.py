# SPDX-License-Identifier: EUPL-1.2
"""Signing in through one's own organisation (OpenID Connect) and signing out there too."""

from __future__ import annotations

import secrets

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from integraal.domein.fouten import NietGevonden
from integraal.gebruikers import actor_van, stempel
from integraal.gebruikers import sso as dienst
from integraal.gebruikers.sso import Aanbieder, SsoGeweigerd
from integraal.web.basis import PubliekDep, Web
from integraal.web.sessies import vernieuw

router = APIRouter()
# Binds a sign-in to the browser that started it. SameSite=Lax, unlike the session's cookie,
# so it comes along when the provider sends the person back (a top-level GET).
BINDING = "integraal_sso"
BINDING_PAD = "/inloggen/sso"


def aanbieders(request: Request) -> dict[str, Aanbieder]:
    uit: dict[str, Aanbieder] = request.app.state.sso
    return uit


def _aanbieder(w: Web, naam: str) -> Aanbieder:
    a = aanbieders(w.request).get(naam)
    if a is None:
        raise NietGevonden("Deze manier van inloggen bestaat niet (meer).")
    return a


def basis_url(w: Web) -> str:
    return (w.omgeving.instellingen.basis_url or str(w.request.base_url)).rstrip("/")


def _terug(w: Web, a: Aanbieder) -> str:
    return f"{basis_url(w)}/inloggen/sso/{a.naam}/terug"


def _veilig(pad: str | None) -> str:
    if pad and pad.startswith("/") and not pad.startswith("//") and "\\" not in pad:
        return pad[:300]
    return "/"


def _geweigerd(w: Web, a: Aanbieder | None, melding: str) -> Response:
    with w.context(anoniem=True, schrijft=True) as ctx:
        ctx.audit("inloggen", "geweigerd", via=a.naam if a else None, reden=melding)
    r = w.pagina("inloggen_sso_geweigerd.html", status=403, melding=melding, aanbieder=a)
    r.delete_cookie(BINDING, path=BINDING_PAD)
    return r


@router.get("/inloggen/sso/{naam}", response_class=HTMLResponse)
def sso_beginnen(w: PubliekDep, naam: str, volgende: str | None = None) -> Response:
    a = _aanbieder(w, naam)
    try:
        begin = dienst.begin(a, _terug(w, a))
    except SsoGeweigerd as exc:
        return _geweigerd(w, a, exc.melding)
    binding = secrets.token_urlsafe(32)
    with w.context(anoniem=True, schrijft=True) as ctx:
        dienst.bewaar_aanvraag(ctx.sessie, a, begin, binding, _veilig(volgende), ctx.nu())
    r = RedirectResponse(begin.url, status_code=303)
    r.set_cookie(
        BINDING,
        binding,
        max_age=int(dienst.AANVRAAG_GELDIG.total_seconds()),
        path=BINDING_PAD,
        httponly=True,
        samesite="lax",
        secure=w.request.url.scheme == "https",
    )
    return r


@router.get("/inloggen/sso/{naam}/terug", response_class=HTMLResponse)
def sso_terug(
    w: PubliekDep,
    naam: str,
    code: str | None = None,
    state: str | None = None,
    error: str | None = None,
) -> Response:
    a = _aanbieder(w, naam)
    inst = w.omgeving.instellingen
    try:
        with w.context(anoniem=True, schrijft=True) as ctx:
            aanvraag = dienst.neem_aanvraag(
                ctx.sessie, a, state or "", w.request.cookies.get(BINDING, ""), ctx.nu()
            )
            volgende = aanvraag.volgende
            verifier, nonce = aanvraag.verifier, aanvraag.nonce
        if error or not code:
            raise SsoGeweigerd(
                "Inloggen bij uw organisatie is afgebroken of geweigerd. Probeer het opnieuw, "
                "of log in met een account van Integraal zelf."
            )
        ident = dienst.voltooi(a, code, verifier, nonce, _terug(w, a))
        with w.context(anoniem=True, schrijft=True) as ctx:
            g = dienst.account(ctx.sessie, a, ident, nu=ctx.nu(), termijn=inst.toegangstermijn)
            ctx.sessie.flush()
            actor = actor_van(g)
            ctx.actor = actor
            ctx.audit("inloggen", "gelukt", via=a.naam)
            vingerafdruk = stempel(g)
    except SsoGeweigerd as exc:
        return _geweigerd(w, a, exc.melding)
    w.request.session.clear()
    w.request.session.update(
        gebruiker_id=actor.gebruiker_id, stempel=vingerafdruk, sso=a.naam, id_token=ident.id_token
    )
    vernieuw(w.request)
    # Not a redirect: the session's cookie is SameSite=Strict, and a redirect in a chain the
    # provider started would still count as coming from elsewhere. This page is ours, so the
    # next step (a refresh it asks for) carries the cookie.
    r = w.pagina("inloggen_sso_verder.html", naar=volgende)
    r.delete_cookie(BINDING, path=BINDING_PAD)
    return r


def uitlog_adres(w: Web, naam: object, id_token: object) -> str | None:
    """Where to sign out at the provider too, for a session that signed in there."""
    a = aanbieders(w.request).get(naam) if isinstance(naam, str) else None
    if a is None:
        return None
    try:
        return dienst.uitlog_url(
            a, id_token if isinstance(id_token, str) else None, f"{basis_url(w)}/uitgelogd"
        )
    except SsoGeweigerd:
        return None  # the provider cannot be reached: signed out here at least


@router.get("/uitgelogd", response_class=HTMLResponse)
def uitgelogd(w: PubliekDep) -> Response:
    return w.pagina("uitgelogd.html")
