# SPDX-License-Identifier: EUPL-1.2
"""Persons as partners deliver them (FollowTheMoney Person and Address entities) turned into the
fields the engine compares, and the blocking keys used for them.

Partners write a person differently: the municipality gives first names and surname apart, the
police one full name ('J. v.d. Berg'), the tax office initials. The address may be an Address
entity with postcode and street, or only a full line ('Havenweg 12, 3089KX Rotterdam').
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from typing import Final

from integraal.kruis.blokken import Sleutel
from integraal.kruis.normaal import splits_naam
from integraal.kruis.tabel import Soort, Veld

Eigenschappen = Mapping[str, Sequence[str]]

VELDEN: Final = (
    Veld("voornaam", Soort.VOORNAAM, "voornaam"),
    Veld("achternaam", Soort.ACHTERNAAM, "achternaam"),
    Veld("geboortedatum", Soort.DATUM, "geboortedatum"),
    Veld("straat", Soort.STRAAT, "straat"),
    Veld("huisnummer", Soort.HUISNUMMER, "huisnummer"),
    Veld("postcode", Soort.POSTCODE, "postcode"),
    Veld("plaats", Soort.PLAATS, "plaats"),
    Veld("telefoon", Soort.TELEFOON, "telefoon"),
    Veld("email", Soort.EMAIL, "e-mail"),
    Veld("bsn_pseudoniem", Soort.PERSOONSNUMMER, "BSN (pseudoniem)"),
)

SLEUTELS: Final = (
    Sleutel(("achternaam.kern", "geboortedatum.jaar")),
    Sleutel(("voornaam.voorletter", "achternaam.kern")),
    Sleutel(("geboortedatum",)),
    Sleutel(("postcode", "huisnummer")),
    Sleutel(("bsn_pseudoniem",)),
    Sleutel(("telefoon",)),
    Sleutel(("email",)),
)

_STRAAT_NUMMER: Final = re.compile(r"^(?P<straat>.*?\D)\s*(?P<nummer>\d+\s*[A-Za-z]?(?:-\w+)?)$")
_POSTCODE: Final = re.compile(r"\b(\d{4}\s?[A-Za-z]{2})\b")


def _eerste(e: Eigenschappen, *props: str) -> str:
    for p in props:
        for w in e.get(p, ()):
            if w.strip():
                return w.strip()
    return ""


def _straat_en_nummer(tekst: str) -> tuple[str, str]:
    """Street and house number from one line: the number is the first word that starts with a
    digit after a word with letters, with all that follows ('Kraanvogellaan 13 1', '2e Jan
    Steenstraat 4 2hg', 'Molenlaan 7 bis'); a number glued to the street ('Kerkstraat12a')
    is found too."""
    woorden = tekst.split()
    for i in range(1, len(woorden)):
        if not (woorden[i][0].isdigit() and any(c.isalpha() for w in woorden[:i] for c in w)):
            continue
        jaartal = re.match(r"\d{4}", woorden[i]) is not None
        if jaartal and any(w[0].isdigit() for w in woorden[i + 1 :]):
            continue  # 'Laan 1940-1945 12', 'Plein 1813 4': a year in the street's name
        return " ".join(woorden[:i]), " ".join(woorden[i:])
    m = _STRAAT_NUMMER.match(tekst.strip())
    return (m["straat"].strip(), m["nummer"].replace(" ", "")) if m else (tekst.strip(), "")


def adresvelden(adres: Eigenschappen) -> dict[str, str]:
    postcode = _eerste(adres, "postalCode")
    plaats = _eerste(adres, "city")
    straat, nummer = _straat_en_nummer(_eerste(adres, "street"))
    volledig = _eerste(adres, "full")
    if volledig and not straat:
        # "Havenweg 12, 3089KX Rotterdam": the street part is before the first comma.
        straat, nummer = _straat_en_nummer(volledig.split(",")[0])
        if not postcode and (m := _POSTCODE.search(volledig)):
            postcode = m[1]
    return {"straat": straat, "huisnummer": nummer, "postcode": postcode, "plaats": plaats}


def record(
    entity_id: str, persoon: Eigenschappen, adressen: Mapping[str, Eigenschappen]
) -> dict[str, str]:
    """The compared fields of one Person; the first of its addresses that can be read."""
    voornaam, achternaam = _eerste(persoon, "firstName"), _eerste(persoon, "lastName")
    if not (voornaam and achternaam):
        gesplitst = splits_naam(_eerste(persoon, "name"))
        voornaam, achternaam = voornaam or gesplitst[0], achternaam or gesplitst[1]
    uit = {
        "id": entity_id,
        "voornaam": voornaam,
        "achternaam": achternaam,
        "geboortedatum": _eerste(persoon, "birthDate"),
        "telefoon": _eerste(persoon, "phone"),
        "email": _eerste(persoon, "email"),
        "bsn_pseudoniem": next((w for w in persoon.get("idNumber", ()) if "-pseudo:" in w), ""),
        "straat": "",
        "huisnummer": "",
        "postcode": "",
        "plaats": "",
    }
    for ref in persoon.get("addressEntity", ()):
        if ref in adressen:
            uit |= adresvelden(adressen[ref])
            break
    return uit
