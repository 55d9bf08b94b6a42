# SPDX-License-Identifier: EUPL-1.2
"""Persons as partners deliver them, read into the compared fields."""

from __future__ import annotations

import pytest

from integraal.kruis.personen import adresvelden, record


def test_a_police_full_name_and_address_line_are_split() -> None:
    adres = {"full": ["Havenweg 12A, 3089 KX Rotterdam"], "city": ["Rotterdam"]}
    r = record(
        "p1",
        {"name": ["J. v.d. Berg"], "birthDate": ["1970-01-02"], "addressEntity": ["a1"]},
        {"a1": adres},
    )
    assert (r["voornaam"], r["achternaam"]) == ("J.", "v.d. Berg")
    assert (r["straat"], r["huisnummer"], r["postcode"], r["plaats"]) == (
        "Havenweg",
        "12A",
        "3089 KX",
        "Rotterdam",
    )


def test_separate_name_parts_win_and_only_a_pseudonym_counts_as_bsn() -> None:
    r = record(
        "p2",
        {
            "name": ["Johannes van der Berg"],
            "firstName": ["Johannes"],
            "lastName": ["van der Berg"],
            "idNumber": ["AB1234567", "bsn-pseudo:abc"],
        },
        {},
    )
    assert (r["voornaam"], r["achternaam"], r["bsn_pseudoniem"]) == (
        "Johannes",
        "van der Berg",
        "bsn-pseudo:abc",
    )


def test_street_with_number_from_the_municipal_register() -> None:
    assert (
        adresvelden({"street": ["Lange Nieuwstraat 3-2"], "postalCode": ["3011AA"]})["huisnummer"]
        == "3-2"
    )


@pytest.mark.parametrize(
    ("regel", "verwacht"),
    [
        ("Kraanvogellaan 13 1", ("Kraanvogellaan", "13 1")),
        ("2e Jan Steenstraat 4 2hg", ("2e Jan Steenstraat", "4 2hg")),
        ("Molenlaan 7 bis", ("Molenlaan", "7 bis")),
        ("Kerkstraat12a", ("Kerkstraat", "12a")),
        ("Laan 1940-1945 12", ("Laan 1940-1945", "12")),
    ],
)
def test_street_and_number_from_one_line(regel: str, verwacht: tuple[str, str]) -> None:
    from integraal.kruis.personen import _straat_en_nummer

    assert _straat_en_nummer(regel) == verwacht
