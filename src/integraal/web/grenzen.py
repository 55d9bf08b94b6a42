# SPDX-License-Identifier: EUPL-1.2
"""Limits at the door, before any route runs, for the web pages and the API alike: the size
of what is sent, and invisible control characters in an address (decision record 0021).

Starlette's own body limit answers in English plain text, replacing even our own answer
whenever a Content-Length was too large, and FastAPI turns an error raised while a form
streams in into "There was an error parsing the body"; so the limit is kept here, where the
refusal can be told in Dutch in each app's own form (a page or a problem document).
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from urllib.parse import unquote_plus

from starlette.requests import Request
from starlette.responses import Response
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from integraal.domein.stuurtekens import MELDING, heeft_stuurteken, pad_heeft_stuurteken
from integraal.domein.tekst import te_groot

Weigeraar = Callable[[Request, int, str], Awaitable[Response]]


class _TeGroot(Exception):
    """Raised into the route that reads past the limit; the door answers instead."""


class Grenzen:
    """A body over `max_bytes` is refused with 413: at once when its Content-Length says so,
    else while it streams in (Starlette spools a file to disk as it arrives, so nothing over
    the limit is ever kept). An address with a control character is refused with 400."""

    def __init__(self, app: ASGIApp, *, max_bytes: int, weiger: Weigeraar) -> None:
        self.app, self.max_bytes, self.weiger = app, max_bytes, weiger

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        query = unquote_plus(scope.get("query_string", b"").decode("latin-1"))
        if pad_heeft_stuurteken(scope["path"]) or heeft_stuurteken(query):
            antwoord = await self.weiger(Request(scope), 400, f"Het adres {MELDING}.")
            await antwoord(scope, receive, send)
            return
        grens = self.max_bytes
        lengte = dict(scope["headers"]).get(b"content-length", b"")
        if lengte.isdigit() and int(lengte) > grens:
            await self._te_groot(scope, receive, send)
            return

        gelezen, overschreden, begonnen = 0, False, False

        async def ontvang() -> Message:
            nonlocal gelezen, overschreden
            if overschreden:
                raise _TeGroot
            bericht = await receive()
            if bericht["type"] == "http.request":
                gelezen += len(bericht.get("body", b""))
                if gelezen > grens:
                    overschreden = True
                    raise _TeGroot
            return bericht

        async def stuur(bericht: Message) -> None:
            # Whatever the app makes of the interrupted body (a 400, a 500), the answer is 413.
            nonlocal begonnen
            if overschreden:
                if not begonnen:
                    begonnen = True
                    await self._te_groot(scope, receive, send)
                return
            begonnen = begonnen or bericht["type"] == "http.response.start"
            await send(bericht)

        try:
            await self.app(scope, ontvang, stuur)
        except Exception:
            if not overschreden:
                raise
            if not begonnen:
                await self._te_groot(scope, receive, send)

    async def _te_groot(self, scope: Scope, receive: Receive, send: Send) -> None:
        antwoord = await self.weiger(Request(scope), 413, te_groot(self.max_bytes))
        await antwoord(scope, receive, send)
