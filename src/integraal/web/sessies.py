# SPDX-License-Identifier: EUPL-1.2
"""Web sessions kept on the server (decision record 0021).

The cookie holds a random key and nothing else; the session's data (who signed in, the form
token, a confirmation to show once) lives in the database under the key's hash. So signing out
ends the session everywhere, a copied cookie is worthless afterwards, a changed password or
role ends it (`gebruikers.stempel`), and the server enforces an idle and an absolute timeout.
The cookie is `Secure` whenever the request came over HTTPS (behind a proxy: uvicorn's
`--proxy-headers`), `HttpOnly` and `SameSite=Strict`.

Why not Starlette's SessionMiddleware: it signs the data into the cookie, readable by anyone
who has it and valid until it expires. Why not `starsessions`: it writes the store on every
response (a write per page view, on SQLite the write lock) and fixes `Secure` at start-up.
"""

from __future__ import annotations

import copy
import datetime as dt
import hashlib
import re
import secrets
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from anyio import to_thread
from starlette.datastructures import MutableHeaders
from starlette.requests import HTTPConnection, Request
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from integraal.opslag import websessies
from integraal.opslag.db import Sessiefabriek, transactie

COOKIE = "integraal_sessie"
# Where the public static files are served (`web.app`).
STATISCH = "/static/"
_SLEUTEL = re.compile(r"[A-Za-z0-9_-]{43}")
# A session in use is marked as used at most this often (a write per page view would hold
# SQLite's write lock for every reader).
AANRAKEN = dt.timedelta(seconds=60)
OPRUIMEN = dt.timedelta(minutes=10)
_STAAT = "integraal.sessie"


def _hash(sleutel: str) -> str:
    return hashlib.sha256(sleutel.encode()).hexdigest()


def _nu() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


@dataclass
class _Staat:
    sleutel_hash: str | None
    gebruikt_op: dt.datetime | None
    origineel: dict[str, Any] = field(default_factory=dict)
    vernieuwen: bool = False


def vernieuw(request: Request) -> None:
    """A new key for this session at the end of the request (signing in: no fixation)."""
    staat = request.scope.get(_STAAT)
    if isinstance(staat, _Staat):
        staat.vernieuwen = True


class Sessies:
    def __init__(
        self,
        app: ASGIApp,
        *,
        fabriek: Sessiefabriek,
        inactief: dt.timedelta,
        maximaal: dt.timedelta,
        klok: Callable[[], dt.datetime] = _nu,
    ) -> None:
        self.app, self.fabriek, self.klok = app, fabriek, klok
        self.inactief, self.maximaal = inactief, maximaal
        self._opgeruimd = dt.datetime.min.replace(tzinfo=dt.UTC)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        # A static file is the same for everyone: no session read from the database for it.
        if scope["type"] != "http" or scope["path"].startswith(STATISCH):
            await self.app(scope, receive, send)
            return
        sleutel = HTTPConnection(scope).cookies.get(COOKIE, "")
        staat, gegevens = await to_thread.run_sync(self._laad, sleutel)
        scope["session"] = gegevens
        scope[_STAAT] = staat

        async def stuur(bericht: Message) -> None:
            if bericht["type"] == "http.response.start":
                https = scope.get("scheme") == "https"
                koekje = await to_thread.run_sync(self._bewaar, staat, gegevens, https)
                if koekje is not None:
                    MutableHeaders(scope=bericht).append("set-cookie", koekje)
            await send(bericht)

        await self.app(scope, receive, stuur)

    def _laad(self, sleutel: str) -> tuple[_Staat, dict[str, Any]]:
        if not _SLEUTEL.fullmatch(sleutel):
            return _Staat(None, None), {}
        sleutel_hash, nu = _hash(sleutel), self.klok()
        with transactie(self.fabriek, lezen=True) as sessie:
            rij = websessies.lees(sessie, sleutel_hash)
        if rij is None:
            return _Staat(None, None), {}
        if rij.gebruikt_op < nu - self.inactief or rij.aangemaakt_op < nu - self.maximaal:
            # Expired: removed when the answer is sent; new data gets a new key.
            return _Staat(sleutel_hash, rij.gebruikt_op, vernieuwen=True), {}
        gegevens = dict(rij.gegevens)
        return _Staat(sleutel_hash, rij.gebruikt_op, copy.deepcopy(gegevens)), gegevens

    def _bewaar(self, staat: _Staat, gegevens: dict[str, Any], https: bool) -> str | None:
        """The Set-Cookie header the response needs, if any."""
        nu = self.klok()
        gebruiker = gegevens.get("gebruiker_id")
        gebruiker_id = gebruiker if isinstance(gebruiker, int) else None
        vlaggen = "Path=/; HttpOnly; SameSite=Strict" + ("; Secure" if https else "")
        with transactie(self.fabriek) as sessie:
            if nu - self._opgeruimd > OPRUIMEN:
                self._opgeruimd = nu
                websessies.ruim_op(
                    sessie, inactief_sinds=nu - self.inactief, begonnen_voor=nu - self.maximaal
                )
            if not gegevens:
                if staat.sleutel_hash is None:
                    return None
                websessies.verwijder(sessie, staat.sleutel_hash)
                return f"{COOKIE}=; Max-Age=0; {vlaggen}"
            if staat.sleutel_hash is None or staat.vernieuwen:
                if staat.sleutel_hash is not None:
                    websessies.verwijder(sessie, staat.sleutel_hash)
                sleutel = secrets.token_urlsafe(32)
                websessies.bewaar(sessie, _hash(sleutel), gegevens, gebruiker_id, nu)
                return f"{COOKIE}={sleutel}; {vlaggen}"
            if gegevens != staat.origineel:
                websessies.bewaar(sessie, staat.sleutel_hash, gegevens, gebruiker_id, nu)
            elif staat.gebruikt_op is None or nu - staat.gebruikt_op > AANRAKEN:
                websessies.raak_aan(sessie, staat.sleutel_hash, nu)
        return None
