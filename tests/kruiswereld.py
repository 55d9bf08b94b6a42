# SPDX-License-Identifier: EUPL-1.2
"""A case holding one person as three partners deliver her: the municipality with BSN and full
name, the tax office with initials, the police with one name line and an address line, and
no BSN. Plus bystanders, so there is something not to match."""

from __future__ import annotations

import json

import pytest

from integraal.bronnen.mapping import meegeleverde_mappings
from tests.conftest import Wereld, maak_actor
from tests.hulp import lever

BSN_EVA = "999990019"
BSN_PIM = "999990020"
BSN_KIM = "999990032"

GEMEENTE = (
    "dossiernummer;bsn;voornamen;achternaam;geboortedatum;straat;huisnummer;postcode;plaats;"
    "bedrijfsnaam;kvk;vergunning;functie\n"
    f"D1;{BSN_EVA};Eva;van der Berg;03-04-1981;Havenweg;12;3089KX;Rotterdam;;;;\n"
    f"D2;{BSN_PIM};Pim;Jansen;31-12-1970;Dorpsweg;2;3012BB;Rotterdam;;;;\n"
).encode()

BELASTING = (
    "regel;bsn;naam;geboortedatum;iban;bank\n"
    f"1;{BSN_EVA};E. Berg, van der;1981-04-03;NL20ZZZZ4280387012;Voorbeeldbank\n"
    f"2;{BSN_KIM};K. de Wit;1990-06-15;NL46ZZZZ2095513148;Voorbeeldbank\n"
).encode()

POLITIE = "\n".join(
    json.dumps(r)
    for r in [
        {
            "id": "a1",
            "schema": "Address",
            "properties": {"full": ["Havenweg 12, 3089 KX Rotterdam"], "city": ["Rotterdam"]},
        },
        {
            "id": "p1",
            "schema": "Person",
            "properties": {
                "name": ["E. v.d. Berg"],
                "birthDate": ["1981-04-03"],
                "addressEntity": ["a1"],
            },
        },
        {
            "id": "p2",
            "schema": "Person",
            "properties": {"name": ["Lotte Visser"], "birthDate": ["1965-09-09"]},
        },
    ]
).encode()


@pytest.fixture
def kruiswereld(wereld: Wereld) -> Wereld:
    o = wereld.omgeving
    actoren = {
        "gemeente-rotterdam": wereld.gemeente,
        "belastingdienst": maak_actor(o, "belasting", "belastingdienst"),
        "politie": maak_actor(o, "politie", "politie"),
    }
    mappings = meegeleverde_mappings()
    for mapping, inhoud, naam in (
        ("demo-gemeente-vergunningen", GEMEENTE, "v.csv"),
        ("demo-belastingdienst-rekeningen", BELASTING, "r.csv"),
        ("demo-politie-ftm", POLITIE, "p.jsonl"),
    ):
        m = mappings[mapping]
        r = lever(o, actoren[m.partner], mapping, naam, inhoud, casus_id="C-1")
        assert r.status == "verwerkt", r.melding
    return wereld
