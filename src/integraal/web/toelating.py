# SPDX-License-Identifier: EUPL-1.2
"""How many requests of one app process work at the same time (decision record 0022).

A request's work runs in threads that share one interpreter lock. Twenty requests working at
once do not finish sooner than four: they take turns in slices, and every turn costs. Measured
at a million statements on two cores, twenty clients without pause cost the app a fifth more
processor time per request than four at a time did, and it served a fifth fewer requests a
second. So a request waits here, on the event loop where waiting costs nothing, until one of
`plaatsen` places is free.

A place is for work. A request gives its place back while it waits for the network (a body
still coming in) and for good when its answer starts: an upload over a slow line or a download
to a slow client must not keep the quick pages waiting. Locks are only ever taken by a request
that holds a place, so a request waiting here holds none, and the one holding a lock can always
go on: a place never waits for a lock's holder.
"""

from __future__ import annotations

import asyncio

from starlette.types import ASGIApp, Message, Receive, Scope, Send


class _Plaats:
    """One request's claim on a place: taken, given back while it waits on the network, and
    given back for good when its answer starts or it ends, whatever the order these come in."""

    def __init__(self, semafoor: asyncio.Semaphore) -> None:
        self._semafoor = semafoor
        self.bezet = False
        self.klaar = False

    async def neem(self) -> None:
        if self.bezet or self.klaar:
            return
        await self._semafoor.acquire()
        if self.klaar:  # the request ended while this waited
            self._semafoor.release()
            return
        self.bezet = True

    def geef(self) -> None:
        if self.bezet:
            self.bezet = False
            self._semafoor.release()

    def sluit(self) -> None:
        self.klaar = True
        self.geef()


class Toelating:
    """At most `plaatsen` requests working at once (0: no limit)."""

    def __init__(self, app: ASGIApp, *, plaatsen: int) -> None:
        self.app, self.plaatsen = app, plaatsen
        # One semaphore per event loop: a process has one, a test may start several in turn.
        self._lus: asyncio.AbstractEventLoop | None = None
        self._semafoor: asyncio.Semaphore | None = None

    def _van_deze_lus(self) -> asyncio.Semaphore:
        lus = asyncio.get_running_loop()
        if self._semafoor is None or self._lus is not lus:
            self._lus, self._semafoor = lus, asyncio.Semaphore(self.plaatsen)
        return self._semafoor

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or self.plaatsen <= 0:
            await self.app(scope, receive, send)
            return
        plaats = _Plaats(self._van_deze_lus())

        async def ontvang() -> Message:
            # Several may wait at once (a listener for a disconnect beside the body). Only the
            # one that gave the place back takes it again: were both to wait for a place, the
            # second would wait for the one its own request holds.
            gaf = plaats.bezet
            plaats.geef()
            try:
                return await receive()
            finally:
                if gaf:
                    await plaats.neem()

        async def stuur(bericht: Message) -> None:
            if bericht["type"] == "http.response.start":
                plaats.sluit()
            await send(bericht)

        await plaats.neem()
        try:
            await self.app(scope, ontvang, stuur)
        finally:
            plaats.sluit()
