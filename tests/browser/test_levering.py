# SPDX-License-Identifier: EUPL-1.2
"""Uploading a delivery in the browser: bytes sent, then rows processed, then the result."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from integraal.omgeving import Omgeving
from tests.browser.conftest import als, axe
from tests.conftest import BSN_JAN


def test_grote_levering_met_voortgang(
    chromium: Any,
    server: str,
    demo: Omgeving,
    tmp_path: Path,
) -> None:
    kop = "regel;bsn;naam;geboortedatum;kvk;bedrijfsnaam;opgericht;opgeheven;functie"
    rijen = [
        f"{i};{BSN_JAN};J. de Vries;1980-02-01;{99400000 + i};Bedrijf {i} B.V.;2020-01-01;;"
        "bestuurder"
        for i in range(4000)
    ]
    bestand = tmp_path / "bestuurders.csv"
    bestand.write_text(kop + "\n" + "\n".join(rijen) + "\n", encoding="utf-8")

    # The tax office answers the demo's open data request of case 001.
    pagina = als(chromium, server, "belasting")
    pagina.goto(f"{server}/leveringen")
    assert axe(pagina) == []
    pagina.select_option("#veld-mapping", "demo-belastingdienst-bestuurders")
    # The case is a choice: cases that asked the organisation for data, or it works on.
    keuzes = pagina.locator("#veld-casusId option").all_inner_texts()
    assert any("RIEC-RDM-2026-001" in k for k in keuzes), keuzes
    pagina.select_option("#veld-casusId", "RIEC-RDM-2026-001")
    pagina.set_input_files("#veld-bestand", str(bestand))
    pagina.get_by_role("button", name="Aanleveren").click()

    # The script sends the file, follows to the delivery's page, and htmx polls until done:
    # first bytes sent, then rows processed, then the result.
    pagina.wait_for_url(f"{server}/leveringen/*")
    klaar = "document.querySelector('main dl')?.innerText.includes('Verwerkt')"
    pagina.wait_for_function(klaar, timeout=60_000)
    tekst = pagina.inner_text("main")
    assert "4.000 in totaal, 4.000 goed, 0 met een fout" in tekst, tekst
    assert axe(pagina) == []

    # A refused upload shows the form again: the message at the file field, choices kept.
    pagina.goto(f"{server}/leveringen")
    pagina.select_option("#veld-mapping", "demo-belastingdienst-bestuurders")
    slecht = tmp_path / "bestuurders.pdf"
    slecht.write_bytes(b"%PDF-1.4")
    pagina.set_input_files("#veld-bestand", str(slecht))
    pagina.get_by_role("button", name="Aanleveren").click()
    pagina.wait_for_selector("[data-foutsamenvatting]")
    assert "Onbekend bestandsformaat" in pagina.inner_text("#veld-bestand-fout")
    assert pagina.input_value("#veld-mapping") == "demo-belastingdienst-bestuurders"
    assert axe(pagina) == []
