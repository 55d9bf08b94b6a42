# SPDX-License-Identifier: EUPL-1.2
"""Free text that must name no one (a bottleneck, a facilitator indicator, an answer to a round):
what looks like an identifier is found however it is written; ordinary numbers are not."""

from __future__ import annotations

import pytest

from integraal.domein.identificatie import kenmerk_in

GEVONDEN = {
    "BSN 111222333": "een BSN",
    "BSN 111 222 333": "een BSN",
    "BSN 111.222.333": "een BSN",
    "rekening NL91ABNA0417164300": "een IBAN",
    "rekening nl91abna0417164300": "een IBAN",
    "rekening NL91-ABNA-0417-1643-00": "een IBAN",
    "rekening NL91 ABNA 0417 1643 00": "een IBAN",
    "bel 06-12345678": "een telefoonnummer",
    "bel 06 1234 5678": "een telefoonnummer",
    "bel 0031 6 12345678": "een telefoonnummer",
    "bel +31612345678": "een telefoonnummer",
    "bel 010-1234567": "een telefoonnummer",
    "mail a.b@voorbeeld.nl": "een e-mailadres",
    "woont op 3011 AB 12": "een postcode met huisnummer",
    "woont op 3011ab 12": "een postcode met huisnummer",
    "in de wijk 3011 AB": "een postcode",
    "KvK 99000001": "een KvK-nummer",
    "kenteken XX-123-X": "een kenteken",
    "kenteken 12-abc-3": "een kenteken",
}
NIET = [
    "casus C-2026-0001 en verzoek R-2026-0002",
    "bedrag 1.250.000 euro, of 12.345.678",
    "tussen 2026 en 2027 twaalf meldingen",
    "Stb. 2024, 380 en Stcrt. 2025, nr. 90002",
    "art. 126nd Sv en art. 7:457 BW",
    "datum 01-01-2026, sinds 2022",
    "een nummer als 123456789 dat de elfproef niet haalt",
]


@pytest.mark.parametrize(("tekst", "soort"), sorted(GEVONDEN.items()))
def test_gevonden(tekst: str, soort: str) -> None:
    assert kenmerk_in(tekst) == soort


@pytest.mark.parametrize("tekst", NIET)
def test_niet_gevonden(tekst: str) -> None:
    assert kenmerk_in(tekst) is None
