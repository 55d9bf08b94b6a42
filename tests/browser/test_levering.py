# SPDX-License-Identifier: EUPL-1.2
"""Uploading a delivery in the browser: bytes sent, then rows processed, then the result."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from integraal.omgeving import Omgeving
from tests.browser.test_casusreis import _als
from tests.browser.test_toegankelijkheid import _axe
from tests.conftest import BSN_JAN


def test_grote_levering_met_voortgang(
    chromium: Any,
    server: str,
    demo: Omgeving,
    tmp_path: Path,
) -> None:
    kop = (
        "dossiernummer;bsn;voornamen;achternaam;geboortedatum;straat;huisnummer;postcode;plaats;"
        "bedrijfsnaam;kvk;vergunning;functie"
    )
    rijen = [
        f"V{i};{BSN_JAN};Jan;de Vries;01-02-1980;Kerkstraat;{i % 90 + 1};3011AA;Rotterdam;;;;"
        for i in range(4000)
    ]
    bestand = tmp_path / "vergunningen.csv"
    bestand.write_text(kop + "\n" + "\n".join(rijen) + "\n", encoding="utf-8")

    pagina = _als(chromium, server, "gemeente.rdam")
    pagina.goto(f"{server}/leveringen")
    pagina.select_option("#mapping", "demo-gemeente-vergunningen")
    pagina.fill("#casus", "RIEC-RDM-2026-001")
    pagina.set_input_files("#bestand", str(bestand))
    pagina.click("form[data-uploadvoortgang] button[type=submit]")

    # The script sends the file, follows to the delivery's page, and htmx polls until done.
    pagina.wait_for_url(f"{server}/leveringen/*")
    klaar = "document.querySelector('dl')?.innerText.includes('verwerkt')"
    pagina.wait_for_function(klaar, timeout=60_000)
    tekst = pagina.inner_text("main")
    assert "4000 totaal, 4000 goed, 0 fout" in tekst, tekst
    assert _axe(pagina) == []

    # A refused upload shows the server's Dutch explanation on the same page.
    pagina.goto(f"{server}/leveringen")
    slecht = tmp_path / "vergunningen.pdf"
    slecht.write_bytes(b"%PDF-1.4")
    pagina.set_input_files("#bestand", str(slecht))
    pagina.click("form[data-uploadvoortgang] button[type=submit]")
    pagina.wait_for_selector("[role=alert]")
    assert "Onbekend bestandsformaat" in pagina.inner_text("[role=alert]")
