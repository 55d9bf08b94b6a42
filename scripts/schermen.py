# SPDX-License-Identifier: EUPL-1.2
"""Screenshots of pages as a given demo user, at 1366 and 390 px, to look at before calling a
page done. Runs the app on a copy of the demo database in Debian's chromium.

    .venv/bin/python scripts/schermen.py --gebruiker analist.riec / /casussen /signalen
    .venv/bin/python scripts/schermen.py --uit /tmp/schermen --gebruiker - /melden
"""

from __future__ import annotations

import argparse
import socket
import tempfile
import threading
import time
from pathlib import Path

import uvicorn
from playwright.sync_api import sync_playwright

from integraal.app import maak_app
from integraal.demo.wereld import WACHTWOORD, laad_demo
from integraal.instellingen import Instellingen
from integraal.omgeving import maak_omgeving

UITSTEKERS = """() => {
  const w = document.documentElement.clientWidth, uit = [];
  const geklemd = (e) => {
    for (let p = e.parentElement; p; p = p.parentElement) {
      const o = getComputedStyle(p).overflowX;
      if (o === 'auto' || o === 'hidden' || o === 'scroll') return true;
    }
    return false;
  };
  for (const e of document.querySelectorAll('body *')) {
    const r = e.getBoundingClientRect();
    if (r.right > w + 1 && !geklemd(e)) uit.push(e.tagName + '.' + e.className + ' ' + Math.round(r.right));
  }
  return uit.slice(0, 12);
}"""
ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def main() -> None:
    p = argparse.ArgumentParser()
    p.add_argument("paden", nargs="+")
    p.add_argument("--gebruiker", default="analist.riec", help="'-' voor niet ingelogd")
    p.add_argument("--uit", default="/tmp/schermen")
    p.add_argument("--breedtes", default="1366,390")
    a = p.parse_args()
    uit = Path(a.uit)
    uit.mkdir(parents=True, exist_ok=True)
    map_ = Path(tempfile.mkdtemp())
    omgeving = maak_omgeving(
        Instellingen(
            data_dir=map_ / "data",
            database_url=f"sqlite:///{map_ / 'demo.db'}",
            pseudoniem_sleutel="schermen",
        )
    )
    laad_demo(omgeving)
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        poort = s.getsockname()[1]
    server = uvicorn.Server(
        uvicorn.Config(maak_app(omgeving), host="127.0.0.1", port=poort, log_level="warning")
    )
    threading.Thread(target=server.run, daemon=True).start()
    while not server.started:
        time.sleep(0.05)
    basis = f"http://127.0.0.1:{poort}"
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path="/usr/bin/chromium", args=ARGS)
        for breedte in (int(b) for b in a.breedtes.split(",")):
            pagina = browser.new_page(viewport={"width": breedte, "height": 900})
            if a.gebruiker != "-":
                pagina.goto(basis + "/inloggen")
                pagina.fill("#veld-gebruikersnaam", a.gebruiker)
                pagina.fill("#veld-wachtwoord", WACHTWOORD)
                pagina.click("button[type=submit]")
            for pad in a.paden:
                pagina.goto(basis + pad)
                naam = pad.strip("/").replace("/", "_").replace("?", "_") or "start"
                bestand = uit / f"{naam}-{breedte}.png"
                pagina.screenshot(path=str(bestand), full_page=True)
                overloop = pagina.evaluate(
                    "document.documentElement.scrollWidth > document.documentElement.clientWidth"
                )
                print(bestand, "OVERLOOP" if overloop else "")
                if overloop:
                    # The outermost elements that stick out, to see what to fix.
                    print(pagina.evaluate(UITSTEKERS))
            pagina.close()
        browser.close()
    server.should_exit = True


if __name__ == "__main__":
    main()
