# SPDX-License-Identifier: EUPL-1.2
"""Each comparison level on the errors partner registrations show."""

from __future__ import annotations

import numpy as np
import pytest

from integraal.kruis.tabel import Soort, Tabel, Veld
from integraal.kruis.vergelijk import standaard

VELDEN = (
    Veld("voornaam", Soort.VOORNAAM),
    Veld("achternaam", Soort.ACHTERNAAM),
    Veld("geboortedatum", Soort.DATUM),
    Veld("postcode", Soort.POSTCODE),
    Veld("huisnummer", Soort.HUISNUMMER),
    Veld("straat", Soort.STRAAT),
    Veld("iban", Soort.CODE),
    Veld("bsn_pseudoniem", Soort.CODE),
    Veld("plaats", Soort.PLAATS),
)


def _niveau(veld: str, links: dict[str, str], rechts: dict[str, str]) -> str:
    t = Tabel.maak(VELDEN, [links, rechts])
    vergelijker = next(v for v in standaard(VELDEN) if v.naam == veld)
    a, b = np.array([0]), np.array([1])
    return vergelijker.labels[int(vergelijker.niveaus(t, a, b)[0])]


@pytest.mark.parametrize(
    ("links", "rechts", "verwacht"),
    [
        ("van der Berg", "Berg, van der", "gelijk"),
        ("van der Berg", "Berg", "zelfde naam, ander tussenvoegsel"),
        ("Jansen", "Janssen", "bijna gelijk (Jaro-Winkler ≥ 0,92)"),
        ("Jansen", "Pietersen", "verschilt"),
        ("Jansen", "", "ontbreekt"),
        ("Müller", "Muller", "gelijk"),
    ],
)
def test_surname(links: str, rechts: str, verwacht: str) -> None:
    assert _niveau("achternaam", {"achternaam": links}, {"achternaam": rechts}) == verwacht


def test_first_and_last_name_swapped() -> None:
    niveau = _niveau(
        "achternaam",
        {"voornaam": "Jan", "achternaam": "Visser"},
        {"voornaam": "Visser", "achternaam": "Jan"},
    )
    assert niveau == "voornaam en achternaam verwisseld"


@pytest.mark.parametrize(
    ("links", "rechts", "verwacht"),
    [
        ("Jan Pieter", "J.P.", "voorletters passen"),
        ("Jan", "K.", "verschilt"),
        ("Johannes", "Johanes", "bijna gelijk (Jaro-Winkler ≥ 0,92)"),
        ("Jan", "jan", "gelijk"),
    ],
)
def test_first_name(links: str, rechts: str, verwacht: str) -> None:
    assert _niveau("voornaam", {"voornaam": links}, {"voornaam": rechts}) == verwacht


@pytest.mark.parametrize(
    ("links", "rechts", "verwacht"),
    [
        ("1980-03-05", "05-03-1980", "gelijk"),
        ("1980-03-05", "1980-05-03", "dag en maand verwisseld"),
        ("1980-03-05", "1981-03-05", "één cijfer anders"),
        ("1980-03-05", "1972-11-21", "verschilt"),
    ],
)
def test_date_of_birth(links: str, rechts: str, verwacht: str) -> None:
    assert _niveau("geboortedatum", {"geboortedatum": links}, {"geboortedatum": rechts}) == verwacht


def _adres(pc: str, nr: str, straat: str, plaats: str) -> dict[str, str]:
    return {"postcode": pc, "huisnummer": nr, "straat": straat, "plaats": plaats}


@pytest.mark.parametrize(
    ("links", "rechts", "verwacht"),
    [
        (
            _adres("1234 AB", "12", "Dorpsstraat", "Utrecht"),
            _adres("1234ab", "12", "Dorpstraat", "Utrecht"),
            "zelfde adres: postcode, huisnummer, straat en plaats passen",
        ),
        (
            _adres("1234 AB", "12", "Dorpsstraat", "Utrecht"),
            _adres("1234ab", "12", "", ""),
            "zelfde adres (postcode en huisnummer)",
        ),
        (
            # A place that differs is no whole agreement, however equal the rest.
            _adres("1234AB", "12", "Dorpsstraat", "Utrecht"),
            _adres("1234AB", "12", "Dorpsstraat", "Zeist"),
            "zelfde adres (postcode en huisnummer)",
        ),
        (
            _adres("1234AB", "12", "Dorpsstraat", "Utrecht"),
            _adres("1234AC", "12", "Dorpstraat", "Utrecht"),
            "bijna zelfde adres (één teken anders of straat en huisnummer)",
        ),
        (
            _adres("", "12", "Dorpsstraat", "Utrecht"),
            _adres("1234AB", "12", "Dorpstraat", ""),
            "bijna zelfde adres (één teken anders of straat en huisnummer)",
        ),
        (
            _adres("1234AB", "12", "Dorpsstraat", "Utrecht"),
            _adres("1234AB", "14", "Dorpsstraat", "Utrecht"),
            "zelfde postcode of straat, ander of geen huisnummer",
        ),
        (
            # Same street name, another town: not the same street.
            _adres("", "12", "Dorpsstraat", "Utrecht"),
            _adres("", "12", "Dorpsstraat", "Zwolle"),
            "verschilt",
        ),
        (
            _adres("1234AB", "12", "Dorpsstraat", "Utrecht"),
            _adres("1234XY", "3", "Kerkweg", "Utrecht"),
            "zelfde wijk of plaats",
        ),
        (_adres("1234AB", "12", "", ""), _adres("", "", "Kerkweg", ""), "ontbreekt"),
    ],
)
def test_address_as_one_comparison(
    links: dict[str, str], rechts: dict[str, str], verwacht: str
) -> None:
    assert _niveau("adres", links, rechts) == verwacht


def test_iban_and_pseudonym() -> None:
    assert _niveau("iban", {"iban": "NL91 ABNA 0417 1643 00"}, {"iban": "nl91abna0417164300"}) == (
        "gelijk"
    )
    # Near-equal hashes mean nothing: a pseudonym is equal or different.
    assert _niveau("bsn_pseudoniem", {"bsn_pseudoniem": "abc1"}, {"bsn_pseudoniem": "abc2"}) == (
        "verschilt"
    )


def test_whole_address_label_names_only_the_parts_compared() -> None:
    velden = (
        Veld("achternaam", Soort.ACHTERNAAM),
        Veld("postcode", Soort.POSTCODE),
        Veld("huisnummer", Soort.HUISNUMMER),
    )
    adres = next(v for v in standaard(velden) if v.naam == "adres")
    assert adres.labels[1] == "zelfde adres: postcode en huisnummer passen"
    t = Tabel.maak(velden, [{"postcode": "1234AB", "huisnummer": "1"}] * 2)
    assert adres.labels[int(adres.niveaus(t, np.array([0]), np.array([1]))[0])] == adres.labels[1]
