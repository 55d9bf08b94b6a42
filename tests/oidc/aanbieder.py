# SPDX-License-Identifier: EUPL-1.2
"""The real OpenID Connect provider of tests/oidc (panva/oidc-provider on Node.js), started
for a test: installed from its lock file on first use, stopped afterwards."""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import httpx
import pytest

MAP = Path(__file__).parent
CLIENT_ID = "integraal"
CLIENT_SECRET = "integraal-test-geheim"


def vrije_poort() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _installeer() -> None:
    if (MAP / "node_modules" / "oidc-provider").is_dir():
        return
    npm = shutil.which("npm")
    if npm is None or shutil.which("node") is None:
        pytest.fail("Node.js en npm ontbreken: apt-get install nodejs npm (.ci/run doet dat)")
    subprocess.run(
        [npm, "ci", "--no-audit", "--no-fund", "--silent"], cwd=MAP, check=True, timeout=300
    )


@contextmanager
def aanbieder(app_adres: str) -> Iterator[str]:
    """The provider's issuer URL, for an app at `app_adres` (its two return addresses)."""
    _installeer()
    poort = vrije_poort()
    proces = subprocess.Popen(
        [
            "node",
            str(MAP / "provider.mjs"),
            str(poort),
            f"{app_adres}/inloggen/sso/politie/terug",
            f"{app_adres}/uitgelogd",
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    uitgever = f"http://127.0.0.1:{poort}"
    try:
        einde = time.monotonic() + 30
        while True:
            try:
                if httpx.get(f"{uitgever}/.well-known/openid-configuration").status_code == 200:
                    break
            except httpx.TransportError:
                pass
            if time.monotonic() > einde or proces.poll() is not None:
                raise AssertionError("de OpenID Connect-aanbieder startte niet")
            time.sleep(0.1)
        yield uitgever
    finally:
        os.killpg(proces.pid, signal.SIGTERM)
        proces.wait(10)


def aanbiedersbestand(pad: Path, uitgever: str) -> Path:
    """The app's providers' file for this provider: the police, its roles from a claim."""
    pad.write_text(
        f"""aanbieders:
  - naam: politie
    titel: Politie
    uitgever: {uitgever}
    client_id: {CLIENT_ID}
    client_secret: {CLIENT_SECRET}
    scope: openid profile email organisatie
    organisatie_claim: organisatie
    organisaties:
      politie: politie
    rollen_claim: integraal_rollen
    rollen:
      analist: analist
""",
        encoding="utf-8",
    )
    return pad
