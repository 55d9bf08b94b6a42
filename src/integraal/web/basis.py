# SPDX-License-Identifier: EUPL-1.2
"""What every web route shares: the signed-in person, one processing context per action,
forms bound to input models, confirmations, pages in one layout, and downloads."""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import secrets
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Annotated, Any, TypeVar
from urllib.parse import quote

from fastapi import APIRouter, Depends, Form, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from fastapi.templating import Jinja2Templates
from followthemoney import model
from followthemoney.types import registry
from pydantic import BaseModel

from integraal.delen import Geweigerd
from integraal.delen.model import Partnerregister
from integraal.delen.uitleg import Waarom
from integraal.domein.actor import Actor
from integraal.domein.fouten import Conflict, OngeldigeInvoer
from integraal.domein.invoer import valideer
from integraal.domein.rollen import ROL_LABELS
from integraal.export import MEDIATYPEN
from integraal.gebruikers import actor_van_id, drempels
from integraal.gebruikers.drempels import Drempel
from integraal.omgeving import Omgeving
from integraal.opslag.db import transactie
from integraal.verbanden import icov
from integraal.verwerking import Context, Kanaal
from integraal.web import weergave
from integraal.web.formulier import Formulierstaat, gegevens
from integraal.web.menu import Wie, menu

sjablonen = Jinja2Templates(directory=str(resources.files("integraal.web").joinpath("templates")))
weergave.registreer(sjablonen.env)


def is_verwijzing(schema: str, eigenschap: str) -> bool:
    """Whether a value names another entity, so the page links to it instead of printing it."""
    s = model.get(schema)
    prop = s.get(eigenschap) if s is not None else None
    return prop is not None and prop.type == registry.entity


sjablonen.env.globals["is_verwijzing"] = is_verwijzing


@cache
def statische_versie() -> str:
    """A fingerprint of the files under /static, in their links (`?v=`): a browser may keep
    them a year, and an upgrade that changes one is a new address."""
    h = hashlib.sha256()
    map_ = resources.files("integraal.web").joinpath("static")
    for pad in sorted(Path(str(map_)).rglob("*")):
        if pad.is_file():
            h.update(pad.name.encode())
            h.update(pad.read_bytes())
    return h.hexdigest()[:12]


sjablonen.env.globals["statische_versie"] = statische_versie

M = TypeVar("M", bound=BaseModel)
R = TypeVar("R")


class NietIngelogd(Exception):
    pass


class Verboden(Exception):
    """The form's CSRF token is missing or stale."""


@dataclass(frozen=True)
class Kruimel:
    label: str
    pad: str | None = None


@dataclass(frozen=True)
class Bevestiging:
    """The GOV.UK confirmation pattern: what happened, and what happens next."""

    titel: str
    tekst: str = ""
    volgende: tuple[str, ...] = ()


def csrf_token(request: Request) -> str:
    token = request.session.get("csrf")
    if not isinstance(token, str):
        token = secrets.token_urlsafe(24)
        request.session["csrf"] = token
    return token


# Dependencies that do no I/O are coroutines: FastAPI runs a plain function in its thread
# pool, one hop to another thread and back per dependency per request.
async def _controleer_csrf(request: Request, csrf: Annotated[str, Form()] = "") -> None:
    verwacht = request.session.get("csrf")
    if not isinstance(verwacht, str) or not secrets.compare_digest(verwacht, csrf):
        raise Verboden


Csrf = Depends(_controleer_csrf)


async def _omgeving(request: Request) -> Omgeving:
    omgeving: Omgeving = request.app.state.omgeving
    return omgeving


OmgevingDep = Annotated[Omgeving, Depends(_omgeving)]


# A page asked with these methods only reads (and logs what it read): no write lock on SQLite.
LEESMETHODEN = frozenset({"GET", "HEAD"})

# The query parameter that carries the reason to read a shielded person (see web.fouten).
AFSCHERMINGSREDEN = "afschermingsreden"


def clientadres(request: Request) -> str:
    """The client's address (behind a proxy: the one uvicorn's --proxy-headers trusts)."""
    return request.client.host if request.client else "onbekend"


def drempel(d: Drempel) -> Any:
    """A public form's rate limit as a route dependency: refused at the limit (429 with
    Retry-After, `web.fouten`), else counted, before the form is read."""

    def _toets(request: Request, omgeving: OmgevingDep) -> None:
        with transactie(omgeving.fabriek) as sessie:
            drempels.publiek(sessie, d, clientadres(request), dt.datetime.now(dt.UTC))

    return Depends(_toets)


def actor_of_niemand(request: Request, omgeving: OmgevingDep) -> Actor | None:
    gebruiker_id = request.session.get("gebruiker_id")
    if not isinstance(gebruiker_id, int):
        return None
    with transactie(omgeving.fabriek, lezen=True) as sessie:
        actor = actor_van_id(
            sessie,
            gebruiker_id,
            termijn=omgeving.instellingen.toegangstermijn,
            stempel_bij_inloggen=request.session.get("stempel"),
        )
    if actor is None:
        request.session.clear()
    return actor


async def _actor(actor: Annotated[Actor | None, Depends(actor_of_niemand)]) -> Actor:
    if actor is None:
        raise NietIngelogd
    return actor


ActorDep = Annotated[Actor, Depends(_actor)]


def _bevestiging(request: Request) -> Bevestiging | None:
    gegevens_ = request.session.pop("bevestiging", None)
    if not isinstance(gegevens_, dict):
        return None
    return Bevestiging(
        str(gegevens_.get("titel", "")),
        str(gegevens_.get("tekst", "")),
        tuple(str(x) for x in gegevens_.get("volgende", ())),
    )


def wie(register: Partnerregister, actor: Actor) -> Wie:
    """The person for the menu: their kind of organisation, the parts of partnership work it
    does (a RIEC's cases) and those it takes part in (answering FEC rounds, asking iCOV)."""
    try:
        soort = register.zoek(actor.organisatie_id).soort
    except KeyError:
        soort = ""
    werkwijze = register.werkwijze(actor.organisatie_id)
    onderdelen = frozenset(o.value for o in werkwijze.onderdelen) if werkwijze else frozenset()
    deelname = {o.value for o in register.als_deelnemer(actor.organisatie_id, dt.date.today())}
    if not icov.mag_aanvragen(register, actor):
        deelname.discard("rapportages")
    return Wie(actor, soort, onderdelen, frozenset(deelname))


def render(
    request: Request,
    sjabloon: str,
    actor: Actor | None,
    *,
    status: int = 200,
    kruimels: Sequence[Kruimel] = (),
    **context: Any,
) -> HTMLResponse:
    """A page in the common layout: the menu for this person, breadcrumbs, a confirmation."""
    omgeving: Omgeving = request.app.state.omgeving
    # Outside the session middleware (an error page for a crash) there is no session.
    sessie = "session" in request.scope
    items = []
    organisatie = None
    if actor is not None:
        register = omgeving.beslisser.register
        with contextlib.suppress(KeyError):
            organisatie = register.zoek(actor.organisatie_id).naam
        items = menu(wie(register, actor), request.url.path)
    return sjablonen.TemplateResponse(
        request,
        sjabloon,
        {
            "actor": actor,
            "rol_labels": ROL_LABELS,
            "organisatie_naam": organisatie,
            "csrf": csrf_token(request) if sessie else "",
            "menu": items,
            "kruimels": list(kruimels),
            "bevestiging": _bevestiging(request) if sessie else None,
            "f": Formulierstaat(),
            **context,
        },
        status_code=status,
    )


@dataclass
class Web:
    """One request of a signed-in person (or of the public, when `actor` is None)."""

    request: Request
    omgeving: Omgeving
    actor: Actor | None

    @property
    def ik(self) -> Actor:
        if self.actor is None:
            raise NietIngelogd
        return self.actor

    @contextmanager
    def context(
        self, *, anoniem: bool = False, schrijft: bool = False, leest: bool = False
    ) -> Iterator[Context]:
        """One action in one transaction; it commits before the page is built. `anoniem`:
        as the public, even when someone is signed in (an anonymous tip stays anonymous).
        A GET only reads (`Omgeving.context`), unless it `schrijft`: it records an action;
        a POST that `leest` only reads too (a search, its terms kept out of the URL)."""
        reden = (self.request.query_params.get(AFSCHERMINGSREDEN) or "").strip()[:500] or None
        with self.omgeving.context(
            None if anoniem else self.actor,
            Kanaal.WEB,
            reden=reden,
            lezen=(self.request.method in LEESMETHODEN or leest) and not schrijft,
        ) as ctx:
            yield ctx

    def naam(self, org_id: str) -> str:
        """An organisation's name for a sentence (templates use the `organisatie` filter)."""
        return self.omgeving.beslisser.register.naam(org_id)

    def doe(self, actie: Callable[[Context], R], *, schrijft: bool = False) -> R:
        with self.context(schrijft=schrijft) as ctx:
            return actie(ctx)

    def pagina(
        self,
        sjabloon: str,
        *,
        status: int = 200,
        kruimels: Sequence[Kruimel] = (),
        **context: Any,
    ) -> HTMLResponse:
        return render(
            self.request, sjabloon, self.actor, status=status, kruimels=kruimels, **context
        )

    def verzend(
        self,
        invoer: type[M],
        waarden: Mapping[str, list[str]],
        actie: Callable[[Context, M], R],
        *,
        opnieuw: Callable[[Formulierstaat], Response],
        klaar: Callable[[R], Response],
        anoniem: bool = False,
        leest: bool = False,
    ) -> Response:
        """Validate, act in one transaction, then confirm; a refusal shows the form again
        with every problem and everything typed (nothing was stored: the transaction rolled
        back)."""

        def in_context(model_: M) -> R:
            with self.context(anoniem=anoniem, leest=leest) as ctx:
                return actie(ctx, model_)

        return self.verwerk(invoer, waarden, in_context, opnieuw=opnieuw, klaar=klaar)

    def verwerk(
        self,
        invoer: type[M],
        waarden: Mapping[str, list[str]],
        actie: Callable[[M], R],
        *,
        opnieuw: Callable[[Formulierstaat], Response],
        klaar: Callable[[R], Response],
    ) -> Response:
        """`verzend` for a service that opens its own transactions (a delivery commits in
        two phases): the same validation and the same form again on a refusal."""
        try:
            uit = actie(valideer(invoer, gegevens(invoer, waarden)))
        except OngeldigeInvoer as exc:
            antwoord = opnieuw(Formulierstaat(dict(waarden), exc.fouten))
            antwoord.status_code = 400
            return antwoord
        except Conflict as exc:
            antwoord = opnieuw(Formulierstaat(dict(waarden), {"": exc.melding}))
            antwoord.status_code = 409
            return antwoord
        return klaar(uit)

    def toon_antwoord(
        self,
        invoer: type[M],
        waarden: Mapping[str, list[str]],
        actie: Callable[[Context, M], R],
        pagina: Callable[[Formulierstaat, R | None], Response],
        *,
        herhaal: bool = True,
        geweigerd: Callable[[Formulierstaat, Waarom], Response] | None = None,
        leest: bool = False,
    ) -> Response:
        """A question answered on its own page, below the form: a refusal shows the problems,
        an answer the form as typed (`herhaal=False`: empty, where what was typed must not be
        shown again). With `geweigerd`, a rule's refusal is that page with the explanation
        (403) instead of the general refusal page. `leest`: the question only reads."""
        getypt = Formulierstaat(dict(waarden) if herhaal else {})
        try:
            return self.verzend(
                invoer,
                waarden,
                actie,
                opnieuw=lambda f: pagina(f, None),
                klaar=lambda r: pagina(getypt, r),
                leest=leest,
            )
        except Geweigerd as exc:
            if geweigerd is None:
                raise
            antwoord = geweigerd(getypt, exc.waarom)
            antwoord.status_code = 403
            return antwoord

    def vraag(self, invoer: type[M]) -> tuple[M | None, Formulierstaat]:
        """A GET form (a filter, a search) bound to its input model: bad input is shown at
        its field, and the page shows what it would without the filter (None)."""
        params = self.request.query_params
        # The reason for reading a shielded person belongs to the context, not to the form.
        waarden = {k: params.getlist(k) for k in params if k != AFSCHERMINGSREDEN}
        try:
            return valideer(invoer, gegevens(invoer, waarden)), Formulierstaat(waarden)
        except OngeldigeInvoer as exc:
            return None, Formulierstaat(waarden, exc.fouten)

    def bevestig(
        self, naar: str, titel: str, tekst: str = "", volgende: Sequence[str] = ()
    ) -> RedirectResponse:
        """Post/redirect/get with a confirmation shown once on the next page."""
        self.request.session["bevestiging"] = {
            "titel": titel,
            "tekst": tekst,
            "volgende": list(volgende),
        }
        return RedirectResponse(naar, status_code=303)


async def _web(request: Request, omgeving: OmgevingDep, actor: ActorDep) -> Web:
    return Web(request, omgeving, actor)


async def _publiek(
    request: Request,
    omgeving: OmgevingDep,
    actor: Annotated[Actor | None, Depends(actor_of_niemand)],
) -> Web:
    return Web(request, omgeving, actor)


WebDep = Annotated[Web, Depends(_web)]
PubliekDep = Annotated[Web, Depends(_publiek)]


async def _formuliervelden(request: Request) -> dict[str, list[str]]:
    formulier = await request.form()
    uit: dict[str, list[str]] = {}
    for naam, waarde in formulier.multi_items():
        if isinstance(waarde, str):
            uit.setdefault(naam, []).append(waarde)
    return uit


Velden = Annotated[dict[str, list[str]], Depends(_formuliervelden)]


def naar_inloggen(request: Request) -> RedirectResponse:
    volgende = request.url.path + (f"?{request.url.query}" if request.url.query else "")
    doel = "/inloggen" if volgende == "/" else f"/inloggen?volgende={quote(volgende)}"
    return RedirectResponse(doel, status_code=303)


Formulieren = dict[str, Formulierstaat]


def met_fouten(formulieren: Formulieren) -> Formulierstaat:
    """The page's form with problems, if any (the page title then starts with 'Fout:')."""
    return next((f for f in formulieren.values() if f.fouten), Formulierstaat())


def kruimels(label: str, pad: str, *stap: Kruimel) -> list[Kruimel]:
    """Start › the area's list › the step: the list is a link only below it."""
    return [Kruimel("Start", "/"), Kruimel(label, pad if stap else None), *stap]


# The page of one thing (an object, a dossier, a request), with the forms that came back refused.
Pagina = Callable[[Web, str, Formulieren], Response]
# A service acting on one thing, named by its id, with a validated input model.
Actie = Callable[[Context, str, M], object]


def handeling(
    router: APIRouter,
    pad: str,
    invoer: type[M],
    dienst: Actie[M],
    pagina: Pagina,
    bevestiging: Bevestiging,
    *,
    naar: str | None = None,
    tonen: bool = False,
) -> None:
    """A form that acts with one service on the one thing its path names (`{object_id}`).

    The fields bind to `invoer`; a refusal shows `pagina` again with the problems at the form
    named by the path's last part; success goes to `naar` (the thing's page unless said
    otherwise) with the confirmation, whose title may name the thing as the path does.
    `tonen`: the form also has a page of its own at the same path."""
    formulier = pad.rsplit("/", 1)[-1]
    doel = naar or pad.rsplit("/", 1)[0]

    if tonen:

        @router.get(pad, response_class=HTMLResponse)
        def toon(w: WebDep) -> Response:
            (sleutel,) = w.request.path_params.values()
            return pagina(w, sleutel, {})

    @router.post(pad, response_class=HTMLResponse, dependencies=[Csrf])
    def verwerk(w: WebDep, velden: Velden) -> Response:
        (sleutel,) = w.request.path_params.values()
        return w.verzend(
            invoer,
            velden,
            lambda ctx, model_: dienst(ctx, sleutel, model_),
            opnieuw=lambda f: pagina(w, sleutel, {formulier: f}),
            klaar=lambda _: w.bevestig(
                doel.format_map(w.request.path_params),
                bevestiging.titel.format_map(w.request.path_params),
                bevestiging.tekst,
                bevestiging.volgende,
            ),
        )


# A format the export services make, and PDF (the progress report).
_MEDIATYPEN = {**MEDIATYPEN, "pdf": "application/pdf"}


def bestand(inhoud: bytes, bestandsnaam: str) -> Response:
    """A download the browser saves under `bestandsnaam`; its extension says the media type."""
    return Response(
        inhoud,
        media_type=_MEDIATYPEN[bestandsnaam.rsplit(".", 1)[-1]],
        headers={"Content-Disposition": f'attachment; filename="{bestandsnaam}"'},
    )
