# SPDX-License-Identifier: EUPL-1.2
"""What every API route shares: the environment, the authenticated actor, role guards, one
processing context per request, and downloads."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import Annotated, Any

from fastapi import Depends, Header, Request, Response
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer

from integraal.api.fouten import Probleem
from integraal.domein.actor import Actor
from integraal.domein.rollen import ROL_LABELS, Rol
from integraal.export import MEDIATYPEN
from integraal.gebruikers import actor_van_token, drempels
from integraal.gebruikers.drempels import Drempel
from integraal.omgeving import Omgeving
from integraal.opslag.db import transactie
from integraal.verwerking import Context, Kanaal


# No I/O, so a coroutine: a plain function would go to the thread pool and back (web.basis).
async def _omgeving(request: Request) -> Omgeving:
    omgeving: Omgeving = request.app.state.omgeving
    return omgeving


OmgevingDep = Annotated[Omgeving, Depends(_omgeving)]
_bearer = HTTPBearer(auto_error=False, description="Token uit POST /api/v1/tokens")


def _actor(
    omgeving: OmgevingDep,
    cred: Annotated[HTTPAuthorizationCredentials | None, Depends(_bearer)],
) -> Actor:
    if cred is None or cred.scheme.lower() != "bearer":
        raise Probleem(401, "Log in: stuur een Bearer-token mee (POST /api/v1/tokens).")
    with transactie(omgeving.fabriek, lezen=True) as sessie:
        actor = actor_van_token(
            sessie, cred.credentials, termijn=omgeving.instellingen.toegangstermijn
        )
    if actor is None:
        raise Probleem(401, "Het token is onbekend of verlopen; vraag een nieuw token aan.")
    return actor


ActorDep = Annotated[Actor, Depends(_actor)]


class Vereist:
    """Role guard as a dependency, so handlers never branch on roles themselves."""

    def __init__(self, *rollen: Rol) -> None:
        self.rollen = frozenset(rollen)

    async def __call__(self, actor: ActorDep) -> Actor:
        if actor.rol not in self.rollen:
            namen = ", ".join(sorted(ROL_LABELS[r].lower() for r in self.rollen))
            raise Probleem(403, f"Deze handeling is voorbehouden aan de rol {namen}.")
        return actor


PrivacyOfficer = Annotated[Actor, Depends(Vereist(Rol.PRIVACY_OFFICER))]
AlleenPrivacyOfficer = Depends(Vereist(Rol.PRIVACY_OFFICER))


Afschermingsreden = Annotated[
    str | None,
    Header(
        alias="Afschermingsreden",
        max_length=500,
        description="De reden om gegevens van een afgeschermde persoon te lezen; zonder "
        "reden weigert Integraal zo'n lezing (409).",
    ),
]


def _open(
    omgeving: Omgeving, actor: Actor | None, reden: str | None, *, lezen: bool
) -> Iterator[Context]:
    with omgeving.context(
        actor, Kanaal.API, reden=(reden or "").strip() or None, lezen=lezen
    ) as ctx:
        yield ctx


def _context(
    request: Request, omgeving: OmgevingDep, actor: ActorDep, reden: Afschermingsreden = None
) -> Iterator[Context]:
    """One processing context and transaction per request. Scoped to the handler, so it
    commits (the read's log line with it) before the answer is sent, and a failed commit is
    an error answer instead of data without a log line."""
    yield from _open(omgeving, actor, reden, lezen=request.method in ("GET", "HEAD"))


Ctx = Annotated[Context, Depends(_context, scope="function")]


def _schrijvende_context(
    omgeving: OmgevingDep,
    actor: ActorDep,
) -> Iterator[Context]:
    """For a GET that records an action besides reading (access given to a data subject)."""
    with omgeving.context(actor, Kanaal.API) as ctx:
        yield ctx


SchrijfCtx = Annotated[Context, Depends(_schrijvende_context, scope="function")]


def _lezende_context(
    omgeving: OmgevingDep, actor: ActorDep, reden: Afschermingsreden = None
) -> Iterator[Context]:
    """For a POST that only reads (a search: its terms go in the body, not in the URL): a
    reading context like a GET's, so its log lines join the group commit."""
    yield from _open(omgeving, actor, reden, lezen=True)


LeesCtx = Annotated[Context, Depends(_lezende_context, scope="function")]


def clientadres(request: Request) -> str:
    return request.client.host if request.client else "onbekend"


def drempel(d: Drempel) -> Any:
    """A public operation's rate limit (429 with Retry-After), counted before it runs."""

    def _toets(request: Request, omgeving: OmgevingDep) -> None:
        with transactie(omgeving.fabriek) as sessie:
            drempels.publiek(sessie, d, clientadres(request), dt.datetime.now(dt.UTC))

    return Depends(_toets)


def _publieke_context(omgeving: OmgevingDep) -> Iterator[Context]:
    """A context without an actor: the public (a tip, the person seized from with a code)."""
    with omgeving.context(None, Kanaal.API) as ctx:
        yield ctx


PubliekCtx = Annotated[Context, Depends(_publieke_context, scope="function")]


def bestand(inhoud: bytes, bestandsnaam: str) -> Response:
    """A download saved under `bestandsnaam`; its extension (csv, xlsx) says the media type."""
    return Response(
        inhoud,
        media_type=MEDIATYPEN[bestandsnaam.rsplit(".", 1)[-1]],
        headers={"Content-Disposition": f'attachment; filename="{bestandsnaam}"'},
    )


def downloadantwoord(beschrijving: str | None = None) -> dict[int | str, dict[str, Any]]:
    """A download's answer in the OpenAPI document: the file itself, as CSV or Excel."""
    antwoord: dict[str, Any] = {"content": {m.split(";")[0]: {} for m in MEDIATYPEN.values()}}
    return {200: {"description": beschrijving, **antwoord} if beschrijving else antwoord}
