# SPDX-License-Identifier: EUPL-1.2
"""Users and roles of one's own organisation (the functioneel beheerder, the coordinator),
and the invitation link with which an invitee sets their own password."""

from __future__ import annotations

from fastapi import APIRouter
from fastapi.responses import HTMLResponse, Response

from integraal.beheer import gebruikers as dienst
from integraal.beheer.gebruikers import GebruikerIn, RolIn, Uitnodigingsbewijs, WachtwoordIn
from integraal.domein.fouten import OngeldigeInvoer
from integraal.domein.rollen import ROL_LABELS
from integraal.gebruikers import drempels
from integraal.web.basis import (
    Bevestiging,
    Csrf,
    Formulieren,
    Kruimel,
    PubliekDep,
    Velden,
    Web,
    WebDep,
    drempel,
    handeling,
    kruimels,
    met_fouten,
)
from integraal.web.formulier import Formulierstaat
from integraal.web.routes.sso import basis_url

router = APIRouter()
LIJST = "/beheer/gebruikers"


def _kruimels(*stap: Kruimel) -> list[Kruimel]:
    return kruimels("Gebruikers", LIJST, *stap)


@router.get(LIJST, response_class=HTMLResponse)
def lijst(w: WebDep) -> Response:
    with w.context() as ctx:
        gebruikers = dienst.lijst(ctx)
    return w.pagina("gebruikers.html", gebruikers=gebruikers, kruimels=_kruimels())


def _nieuw(w: Web, f: Formulierstaat | None = None) -> Response:
    with w.context() as ctx:
        rollen = [(r.value, ROL_LABELS[r]) for r in dienst.toekenbare_rollen(ctx)]
    return w.pagina(
        "gebruiker_nieuw.html",
        f=f or Formulierstaat(),
        rollen=rollen,
        kruimels=_kruimels(Kruimel("Gebruiker uitnodigen")),
    )


@router.get(f"{LIJST}/nieuw", response_class=HTMLResponse)
def nieuw(w: WebDep) -> Response:
    return _nieuw(w)


def _uitnodiging_tonen(w: Web, bewijs: Uitnodigingsbewijs, titel: str) -> Response:
    """Shown once: the link is not kept, so this page is the only place it appears."""
    return w.pagina(
        "uitnodiging_gemaakt.html",
        titel=titel,
        b=bewijs,
        link=f"{basis_url(w)}{bewijs.pad}",
        kruimels=_kruimels(Kruimel(bewijs.gebruiker.naam)),
    )


@router.post(f"{LIJST}/nieuw", response_class=HTMLResponse, dependencies=[Csrf])
def uitnodigen(w: WebDep, velden: Velden) -> Response:
    return w.verzend(
        GebruikerIn,
        velden,
        dienst.nodig_uit,
        opnieuw=lambda f: _nieuw(w, f),
        klaar=lambda b: _uitnodiging_tonen(w, b, "Uitnodiging gemaakt"),
    )


def _gebruiker(w: Web, gebruiker_id: str, formulieren: Formulieren | None = None) -> Response:
    with w.context() as ctx:
        g = dienst.lees(ctx, gebruiker_id)
        rollen = [(r.value, ROL_LABELS[r]) for r in dienst.toekenbare_rollen(ctx)]
    fs = formulieren or {}
    return w.pagina(
        "gebruiker.html",
        g=g,
        rollen=rollen,
        f=met_fouten(fs),
        fr=fs.get("rol", Formulierstaat()),
        kruimels=_kruimels(Kruimel(g.naam)),
    )


@router.get(LIJST + "/{gebruiker_id}", response_class=HTMLResponse)
def gebruiker(w: WebDep, gebruiker_id: str) -> Response:
    return _gebruiker(w, gebruiker_id)


handeling(
    router,
    LIJST + "/{gebruiker_id}/rol",
    RolIn,
    dienst.wijzig_rol,
    _gebruiker,
    Bevestiging(
        "Rol gewijzigd",
        "De nieuwe rol geldt vanaf de volgende keer dat deze persoon inlogt.",
        ("Wie nu is ingelogd, is uitgelogd en logt opnieuw in met de nieuwe rol.",),
    ),
)


@router.post(LIJST + "/{gebruiker_id}/uitschakelen", dependencies=[Csrf])
def uitschakelen(w: WebDep, gebruiker_id: str) -> Response:
    g = w.doe(lambda ctx: dienst.schakel_uit(ctx, gebruiker_id))
    return w.bevestig(
        f"{LIJST}/{g.id}",
        f"Account van {g.naam} uitgeschakeld",
        "Deze persoon kan niet meer inloggen; wie was ingelogd, is uitgelogd en API-tokens "
        "werken niet meer.",
        ("U kunt het account later weer inschakelen; de rol blijft bewaard.",),
    )


@router.post(LIJST + "/{gebruiker_id}/inschakelen", dependencies=[Csrf])
def inschakelen(w: WebDep, gebruiker_id: str) -> Response:
    g = w.doe(lambda ctx: dienst.schakel_in(ctx, gebruiker_id))
    return w.bevestig(
        f"{LIJST}/{g.id}",
        f"Account van {g.naam} ingeschakeld",
        "Deze persoon kan weer inloggen, met de rol die het account had.",
    )


@router.post(
    LIJST + "/{gebruiker_id}/uitnodiging", response_class=HTMLResponse, dependencies=[Csrf]
)
def opnieuw_uitnodigen(w: WebDep, gebruiker_id: str) -> Response:
    try:
        bewijs = w.doe(lambda ctx: dienst.nieuwe_uitnodiging(ctx, gebruiker_id))
    except OngeldigeInvoer as exc:
        return _gebruiker(w, gebruiker_id, {"uitnodiging": Formulierstaat({}, exc.fouten)})
    return _uitnodiging_tonen(w, bewijs, "Nieuwe uitnodiging gemaakt")


@router.get("/uitnodiging/{token}", response_class=HTMLResponse)
def uitnodiging(w: PubliekDep, token: str) -> Response:
    naam = w.doe(lambda ctx: dienst.uitnodiging_geldig(ctx, token))
    return w.pagina("uitnodiging.html", naam=naam, token=token, f=Formulierstaat())


@router.post(
    "/uitnodiging/{token}",
    response_class=HTMLResponse,
    dependencies=[Csrf, drempel(drempels.UITNODIGING)],
)
def uitnodiging_aanvaarden(w: PubliekDep, token: str, velden: Velden) -> Response:
    def opnieuw(f: Formulierstaat) -> Response:
        naam = w.doe(lambda ctx: dienst.uitnodiging_geldig(ctx, token))
        return w.pagina("uitnodiging.html", status=400, naam=naam, token=token, f=f)

    return w.verzend(
        WachtwoordIn,
        velden,
        lambda ctx, invoer: dienst.aanvaard(ctx, token, invoer),
        opnieuw=opnieuw,
        klaar=lambda naam: w.pagina("uitnodiging_aanvaard.html", gebruikersnaam=naam),
        anoniem=True,
    )
