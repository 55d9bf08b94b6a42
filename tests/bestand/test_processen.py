# SPDX-License-Identifier: EUPL-1.2
"""Several app processes behind one port (issue 24): `integraal serve --workers 2` on
PostgreSQL. A person's session, their reads and the processing log hold whichever process
answers: sessions, progress and jobs live in the database, and both processes append to the
one hash chain."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from integraal import logboek
from integraal.opslag.db import transactie
from tests.conftest import WACHTWOORD, Wereld
from tests.hulp import csrf

_WACHT = 90.0
METRICS_TOKEN = "geheim-voor-prometheus"


def _vrije_poort() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _app_processen(pid: int) -> int:
    """The server's app processes (uvicorn starts them with multiprocessing's spawn, beside
    multiprocessing's own resource tracker)."""
    n = 0
    for taak in Path(f"/proc/{pid}/task").iterdir():
        for kind in (taak / "children").read_text().split():
            try:
                opdracht = Path(f"/proc/{kind}/cmdline").read_bytes()
            except OSError:
                continue
            n += b"spawn_main" in opdracht
    return n


@pytest.fixture
def server(wereld: Wereld) -> Iterator[str]:
    inst = wereld.omgeving.instellingen
    if wereld.omgeving.database.dialect.name != "postgresql":
        pytest.skip("meerdere app-processen draaien in productie op PostgreSQL")
    poort = _vrije_poort()
    omgeving = {
        **os.environ,
        "INTEGRAAL_DATABASE_URL": inst.database,
        "INTEGRAAL_DATA_DIR": str(inst.data_dir),
        "INTEGRAAL_PSEUDONIEM_SLEUTEL": inst.pseudoniem_sleutel or "",
        "INTEGRAAL_METRICS_TOKEN": METRICS_TOKEN,
    }
    proces = subprocess.Popen(
        [sys.executable, "-m", "integraal.cli", "serve", "--workers", "2", "--port", str(poort)],
        env=omgeving,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        start_new_session=True,
    )
    adres = f"http://127.0.0.1:{poort}"
    try:
        einde = time.monotonic() + _WACHT
        while time.monotonic() < einde:
            try:
                if httpx.get(f"{adres}/api/v1/gezondheid/gereed").status_code == 200:
                    break
            except httpx.TransportError:
                pass
            time.sleep(0.2)
        else:
            raise AssertionError("de server werd niet gereed")
        while time.monotonic() < einde and _app_processen(proces.pid) < 2:
            time.sleep(0.2)
        assert _app_processen(proces.pid) == 2
        # Each process ready before the first request (a new connection each time reaches
        # either; a process still starting does not accept yet).
        for _ in range(10):
            assert httpx.get(f"{adres}/api/v1/gezondheid/gereed").status_code == 200
        yield adres
    finally:
        os.killpg(proces.pid, 15)
        proces.wait(30)


def test_twee_processen_achter_een_poort(wereld: Wereld, server: str) -> None:
    # A new connection for every request, so the operating system hands them to both.
    nieuw = httpx.Limits(max_keepalive_connections=0)
    with httpx.Client(base_url=server, limits=nieuw, follow_redirects=False) as c:
        token = c.post(
            "/api/v1/tokens",
            json={"gebruikersnaam": wereld.analist.gebruikersnaam, "wachtwoord": WACHTWOORD},
        ).json()["token"]
        kop = {"Authorization": f"Bearer {token}"}
        # The web session: signed in on one process, used on whichever answers next.
        aangemeld = c.post(
            "/inloggen",
            data={
                "gebruikersnaam": wereld.analist.gebruikersnaam,
                "wachtwoord": WACHTWOORD,
                "csrf": csrf(c),  # type: ignore[arg-type]
            },
        )
        assert aangemeld.status_code == 303, aangemeld.text
        antwoorden = []
        for i in range(40):
            if i % 2:
                antwoorden.append(c.get("/api/v1/signalen", headers=kop).status_code)
            else:
                antwoorden.append(c.get("/casussen/C-1").status_code)
    assert antwoorden == [200] * 40
    with transactie(wereld.omgeving.fabriek, lezen=True) as s:
        v = logboek.verifieer(s)
    assert v.in_orde, v.tekst()

    # The metrics are the sum over both processes, whichever one answers the scrape: every
    # scrape counts all twenty case pages, though each process served only some of them.
    with httpx.Client(base_url=server, limits=nieuw) as c:
        for _ in range(4):
            tekst = c.get("/metrics", headers={"Authorization": f"Bearer {METRICS_TOKEN}"}).text
            regel = next(
                r
                for r in tekst.splitlines()
                if r.startswith("integraal_verzoek_seconden_count")
                and 'route="/casussen/{casus_id}"' in r
            )
            assert float(regel.rsplit(" ", 1)[1]) == 20
