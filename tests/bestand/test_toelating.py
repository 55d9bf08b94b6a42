# SPDX-License-Identifier: EUPL-1.2
"""At most so many requests of one app process work at once; one waiting for the network holds
no place, and every place comes back, also after an error (web.toelating)."""

from __future__ import annotations

import asyncio
import dataclasses
from collections.abc import Awaitable, Callable, Coroutine
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import Any

import pytest
from fastapi.testclient import TestClient
from starlette.types import Message, Receive, Scope, Send

from integraal.app import maak_app
from integraal.web.toelating import Toelating
from tests.conftest import Wereld

HTTP: Scope = {"type": "http", "method": "GET", "path": "/", "headers": []}


@dataclass
class Werk:
    """A fake app: counts who works at once, and holds each request until it is let go."""

    bezig: int = 0
    hoogste: int = 0
    gedaan: list[str] = field(default_factory=list)
    los: dict[str, asyncio.Event] = field(default_factory=dict)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        naam = scope["path"]
        if scope["method"] == "POST":
            while (await receive()).get("more_body"):
                pass
        self.bezig += 1
        self.hoogste = max(self.hoogste, self.bezig)
        try:
            if naam in self.los:
                await self.los[naam].wait()
            else:
                await asyncio.sleep(0)
            if naam == "/fout":
                raise RuntimeError("kapot")
        finally:
            self.bezig -= 1
        await send({"type": "http.response.start", "status": 200, "headers": []})
        await send({"type": "http.response.body", "body": b"klaar", "more_body": True})
        await send({"type": "http.response.body", "body": b""})
        self.gedaan.append(naam)


async def _niets() -> Message:
    return {"type": "http.request", "body": b"", "more_body": False}


async def _weg(_bericht: Message) -> None:
    return None


def _verzoek(
    deur: Toelating,
    pad: str,
    *,
    methode: str = "GET",
    receive: Callable[[], Awaitable[Message]] = _niets,
    send: Callable[[Message], Awaitable[None]] = _weg,
) -> Awaitable[None]:
    return deur({**HTTP, "path": pad, "method": methode}, receive, send)


def _draai(proef: Coroutine[Any, Any, None]) -> None:
    """In a thread of its own: a browser test before this one in the same process may leave
    an event loop running in this thread (Playwright's synchronous API)."""
    with ThreadPoolExecutor(1) as draad:
        draad.submit(asyncio.run, proef).result()


async def _tot(voorwaarde: Callable[[], bool]) -> None:
    for _ in range(1000):
        if voorwaarde():
            return
        await asyncio.sleep(0)
    raise AssertionError("niet gebeurd")


def test_niet_meer_verzoeken_tegelijk_aan_het_werk_dan_er_plaatsen_zijn() -> None:
    async def proef() -> None:
        werk = Werk()
        deur = Toelating(werk, plaatsen=2)
        await asyncio.gather(*(_verzoek(deur, f"/{i}") for i in range(12)))
        assert werk.hoogste == 2 and len(werk.gedaan) == 12
        # Held requests are let in as soon as a place comes back, in turn.
        werk.los = {"/a": asyncio.Event(), "/b": asyncio.Event()}
        lopend = [asyncio.create_task(_verzoek(deur, p)) for p in ("/a", "/b", "/c")]
        await _tot(lambda: werk.bezig == 2)
        for _ in range(20):
            await asyncio.sleep(0)
        assert "/c" not in werk.gedaan and werk.bezig == 2
        werk.los["/a"].set()
        await _tot(lambda: "/c" in werk.gedaan)
        werk.los["/b"].set()
        await asyncio.gather(*lopend)

    _draai(proef())


def test_wie_op_het_netwerk_wacht_houdt_geen_plaats_bezet() -> None:
    async def proef() -> None:
        werk = Werk()
        deur = Toelating(werk, plaatsen=1)
        # An upload whose second half is slow to come in.
        rest = asyncio.Event()
        delen = iter((b"eerste helft", b"tweede helft"))

        async def traag_binnen() -> Message:
            deel = next(delen)
            if deel == b"tweede helft":
                await rest.wait()
            return {"type": "http.request", "body": deel, "more_body": deel == b"eerste helft"}

        upload = asyncio.create_task(
            _verzoek(deur, "/upload", methode="POST", receive=traag_binnen)
        )
        await asyncio.wait_for(_verzoek(deur, "/pagina"), 5)  # not held up by the upload
        # An answer going out to a slow client: its place is free once the answer starts.
        weg = asyncio.Event()

        async def trage_client(bericht: Message) -> None:
            if bericht["type"] == "http.response.body" and bericht.get("body"):
                await weg.wait()

        download = asyncio.create_task(_verzoek(deur, "/download", send=trage_client))
        await _tot(lambda: werk.bezig == 0 and not download.done())
        await asyncio.wait_for(_verzoek(deur, "/nog-een-pagina"), 5)
        rest.set()
        weg.set()
        await asyncio.gather(upload, download)
        assert sorted(werk.gedaan) == ["/download", "/nog-een-pagina", "/pagina", "/upload"]
        assert werk.hoogste == 1

    _draai(proef())


def test_elke_plaats_komt_terug_ook_na_een_fout_of_twee_luisteraars() -> None:
    async def proef() -> None:
        werk = Werk()
        deur = Toelating(werk, plaatsen=2)
        for _ in range(3):
            with pytest.raises(RuntimeError):
                await asyncio.wait_for(_verzoek(deur, "/fout"), 5)

        # A body read beside a listener for a disconnect: two waits on the network at once,
        # while another request takes the place they gave back.
        netwerk = asyncio.Event()

        async def later() -> Message:
            await netwerk.wait()
            return {"type": "http.request", "body": b"", "more_body": False}

        async def twee_luisteraars(scope: Scope, receive: Receive, send: Send) -> None:
            if scope["path"] == "/luisteraars":
                await asyncio.gather(receive(), receive())
            await werk(scope, receive, send)

        een = Toelating(twee_luisteraars, plaatsen=1)
        werk.los["/tussendoor"] = asyncio.Event()
        luisteraars = asyncio.create_task(_verzoek(een, "/luisteraars", receive=later))
        tussendoor = asyncio.create_task(_verzoek(een, "/tussendoor"))
        await _tot(lambda: werk.bezig == 1)
        netwerk.set()
        for _ in range(20):
            await asyncio.sleep(0)
        werk.los["/tussendoor"].set()
        await asyncio.wait_for(asyncio.gather(luisteraars, tussendoor), 5)
        del werk.los["/tussendoor"]
        # Both places are free again, and no more than both: three that wait, two that work.
        werk.los = {p: asyncio.Event() for p in ("/x", "/y", "/z")}
        lopend = [asyncio.create_task(_verzoek(deur, p)) for p in werk.los]
        await _tot(lambda: werk.bezig == 2)
        for _ in range(20):
            await asyncio.sleep(0)
        assert werk.bezig == 2
        for e in werk.los.values():
            e.set()
        await asyncio.wait_for(asyncio.gather(*lopend), 5)
        assert werk.hoogste == 2

    _draai(proef())


def test_zonder_grens_gaat_alles_tegelijk() -> None:
    async def proef() -> None:
        werk = Werk()
        werk.los = {f"/{i}": asyncio.Event() for i in range(5)}
        deur = Toelating(werk, plaatsen=0)
        lopend = [asyncio.create_task(_verzoek(deur, p)) for p in werk.los]
        await _tot(lambda: werk.bezig == 5)
        for e in werk.los.values():
            e.set()
        await asyncio.gather(*lopend)

    _draai(proef())


def test_een_plaats_die_pas_vrijkomt_na_het_verzoek_gaat_naar_het_volgende() -> None:
    async def proef() -> None:
        werk = Werk()
        netwerk, antwoorden = asyncio.Event(), asyncio.Event()
        achtergelaten: list[asyncio.Task[Message]] = []

        async def later() -> Message:
            await netwerk.wait()
            return {"type": "http.disconnect"}

        async def met_luisteraar(scope: Scope, receive: Receive, send: Send) -> None:
            if scope["path"] != "/luisteraar":
                await werk(scope, receive, send)
                return
            # A listener for a disconnect that outlives its request.
            achtergelaten.append(asyncio.create_task(receive()))
            await antwoorden.wait()
            await send({"type": "http.response.start", "status": 200, "headers": []})
            await send({"type": "http.response.body", "body": b""})

        deur = Toelating(met_luisteraar, plaatsen=1)
        werk.los["/bezet"] = asyncio.Event()
        verzoek = asyncio.create_task(_verzoek(deur, "/luisteraar", receive=later))
        bezet = asyncio.create_task(_verzoek(deur, "/bezet"))
        await _tot(lambda: werk.bezig == 1)
        netwerk.set()  # the listener wants its place back, and waits: "/bezet" has it
        for _ in range(20):
            await asyncio.sleep(0)
        antwoorden.set()  # meanwhile the request answers and ends
        await asyncio.wait_for(verzoek, 5)
        werk.los["/bezet"].set()
        await asyncio.wait_for(asyncio.gather(bezet, *achtergelaten), 5)
        # The place the listener got after its request had ended went on to the next one.
        await asyncio.wait_for(_verzoek(deur, "/daarna"), 5)

    _draai(proef())


def test_de_app_laat_zoveel_verzoeken_tegelijk_werken_als_ingesteld(wereld: Wereld) -> None:
    ingesteld = dataclasses.replace(
        wereld.omgeving,
        instellingen=wereld.omgeving.instellingen.model_copy(update={"verzoeken_tegelijk": 3}),
    )
    deuren = [m for m in maak_app(ingesteld).user_middleware if m.cls is Toelating]
    assert [d.kwargs for d in deuren] == [{"plaatsen": 3}]
    # And a page still answers through it.
    with TestClient(maak_app(ingesteld)) as c:
        assert c.get("/inloggen").status_code == 200
