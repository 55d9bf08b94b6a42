# SPDX-License-Identifier: EUPL-1.2
"""Signing in and out."""

from __future__ import annotations

from fastapi import APIRouter
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from integraal.domein.fouten import OngeldigeInvoer
from integraal.domein.invoer import valideer
from integraal.gebruikers import Inloggegevens, authenticeer
from integraal.web.basis import Csrf, PubliekDep, Velden
from integraal.web.formulier import Formulierstaat, gegevens

router = APIRouter()


def _veilig_vervolg(pad: str | None) -> str:
    """Only a path on this site (an absolute URL or //host would be an open redirect)."""
    if pad and pad.startswith("/") and not pad.startswith("//") and "\\" not in pad:
        return pad
    return "/"


@router.get("/inloggen", response_class=HTMLResponse)
def inloggen(w: PubliekDep, volgende: str | None = None) -> Response:
    return w.pagina("inloggen.html", volgende=_veilig_vervolg(volgende))


@router.post("/inloggen", response_class=HTMLResponse, dependencies=[Csrf])
def inloggen_verwerken(w: PubliekDep, velden: Velden, volgende: str | None = None) -> Response:
    vervolg = _veilig_vervolg(volgende)
    try:
        invoer = valideer(Inloggegevens, gegevens(Inloggegevens, velden))
    except OngeldigeInvoer as exc:
        return w.pagina(
            "inloggen.html", status=400, f=Formulierstaat(velden, exc.fouten), volgende=vervolg
        )
    with w.context(anoniem=True) as ctx:
        actor = authenticeer(
            ctx.sessie,
            invoer.gebruikersnaam,
            invoer.wachtwoord,
            termijn=w.omgeving.instellingen.toegangstermijn,
        )
        # From here the context acts for whoever signed in, so the audit record names them.
        ctx.actor = actor
        ctx.audit("inloggen", "gelukt" if actor else "mislukt")
    if actor is None:
        # One message for both fields: which of the two was wrong is not told.
        fout = Formulierstaat(
            {"gebruikersnaam": [invoer.gebruikersnaam]},
            {"gebruikersnaam": "De gebruikersnaam of het wachtwoord is niet juist."},
        )
        return w.pagina("inloggen.html", status=400, f=fout, volgende=vervolg)
    w.request.session.clear()
    w.request.session["gebruiker_id"] = actor.gebruiker_id
    return RedirectResponse(vervolg, status_code=303)


@router.post("/uitloggen", dependencies=[Csrf])
def uitloggen(w: PubliekDep) -> Response:
    w.request.session.clear()
    return RedirectResponse("/inloggen", status_code=303)
