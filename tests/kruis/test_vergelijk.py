# SPDX-License-Identifier: EUPL-1.2
"""Each comparison level on the errors partner registrations show."""

from __future__ import annotations

import numpy as np
import pytest

from integraal.kruis.tabel import Soort, Tabel, Veld
from integraal.kruis.vergelijk import TEGENBEWIJS, standaard, tegenbewijs

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


def test_half_a_swap_is_its_own_level() -> None:
    """One record's first name is the other's surname, the other name lost to errors."""
    niveau = _niveau(
        "achternaam",
        {"voornaam": "Benjamin", "achternaam": "Purbel"},
        {"voornaam": "Brain", "achternaam": "Benjamin"},
    )
    assert niveau == "kruislings: voornaam van de een is achternaam van de ander"


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
        ("Jan", "K.", "voorletters verschillen"),
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
        ("1980-03-05", "1972-11-21", "jaren verschil"),
        ("1980-03-05", "1980-11-21", "verschilt"),
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
            # Same street name, another town: not the same street, a level of its own (EM
            # learns whether it is a common street name elsewhere or a mistyped place).
            _adres("", "12", "Dorpsstraat", "Utrecht"),
            _adres("", "12", "Dorpsstraat", "Zwolle"),
            "zelfde straatnaam, andere plaats",
        ),
        (
            _adres("1234AB", "12", "Dorpsstraat", "Utrecht"),
            _adres("1234XY", "3", "Kerkweg", "Utrecht"),
            "zelfde wijk of plaats, of bijna zelfde postcode",
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


# --- Dutch variation (issue 16) ------------------------------------------------------------


@pytest.mark.parametrize(
    ("links", "rechts", "verwacht"),
    [
        ("v.d. Berg", "van den Berg", "gelijk"),
        ("v.d. Berg", "van der Berg", "gelijk"),
        ("van der Berg", "van den Berg", "zelfde naam, ander tussenvoegsel"),
        (
            "Kuijpers-van den Broek",
            "van den Broek",
            "deel van een dubbele of getrouwde naam gelijk",
        ),
        ("de Vries e/v Jansen", "de Vries", "deel van een dubbele of getrouwde naam gelijk"),
        ("Jansen-de Vries", "Jansen", "deel van een dubbele of getrouwde naam gelijk"),
        ("Yılmaz", "Yilmaz", "gelijk"),
        ("Yılmaz", "Jilmaz", "klinkt gelijk (andere spelling of transliteratie)"),
        ("Jansen-de Vries", "Bakker", "verschilt"),
    ],
)
def test_surname_dutch_variation(links: str, rechts: str, verwacht: str) -> None:
    assert _niveau("achternaam", {"achternaam": links}, {"achternaam": rechts}) == verwacht


@pytest.mark.parametrize(
    ("links", "rechts", "verwacht"),
    [
        ("Kees", "Cornelis", "roepnaam of een andere voornaam past"),
        ("Mien", "Wilhelmina", "roepnaam of een andere voornaam past"),
        ("Jan", "Johannes Petrus", "roepnaam of een andere voornaam past"),
        # Goes by the second given name.
        ("Petrus", "Johannes Petrus", "roepnaam of een andere voornaam past"),
        ("Kees", "Johannes Cornelis", "roepnaam of een andere voornaam past"),
        ("Mohammed", "Muhammad", "roepnaam of een andere voornaam past"),  # in the table
        ("Soufiane", "Sofyan", "klinkt gelijk (andere spelling of transliteratie)"),
        ("Chakib", "Shakib", "klinkt gelijk (andere spelling of transliteratie)"),
        ("Liv", "Iv", "lijkt erop (Jaro-Winkler ≥ 0,80)"),
        ("Daan", "Sem", "verschilt"),
        ("Johannes", "Johanna", "verschilt"),  # a father and a daughter, not a typing error
        ("van den Berg", "Jan", "ontbreekt"),  # a surname in the first-name field
    ],
)
def test_first_name_dutch_variation(links: str, rechts: str, verwacht: str) -> None:
    assert _niveau("voornaam", {"voornaam": links}, {"voornaam": rechts}) == verwacht


@pytest.mark.parametrize(
    ("links", "rechts", "verwacht"),
    [
        ("1961-00-00", "15-03-1961", "gedeeltelijk bekend, past"),
        ("1961", "1961-03-15", "gedeeltelijk bekend, past"),
        ("01-01-1961", "1961-03-15", "gedeeltelijk bekend, past"),
        ("00-00-1961", "1961-00-00", "gedeeltelijk bekend, past"),  # only the year is known
        ("1958-07-00", "1958-07-21", "gedeeltelijk bekend, past"),
        ("1958-07-00", "1958-08-21", "verschilt"),
        ("1961-00-00", "1975-03-15", "jaren verschil"),
        # A typing error in the year with day and month swapped is no father and son.
        ("1982-12-09", "1986-09-12", "verschilt"),
        ("1969-04-07", "3969-04-07", "één cijfer anders"),
    ],
)
def test_partial_dates(links: str, rechts: str, verwacht: str) -> None:
    assert _niveau("geboortedatum", {"geboortedatum": links}, {"geboortedatum": rechts}) == verwacht


@pytest.mark.parametrize(
    ("links", "rechts", "verwacht"),
    [
        ("12a", "12 A", "zelfde adres: postcode, huisnummer, straat en plaats passen"),
        ("12-A", "12A", "zelfde adres: postcode, huisnummer, straat en plaats passen"),
        ("4-II", "4-2", "zelfde adres: postcode, huisnummer, straat en plaats passen"),
        ("4 2hg", "4-II", "zelfde adres: postcode, huisnummer, straat en plaats passen"),
        ("12", "12A", "zelfde adres: postcode, huisnummer, straat en plaats passen"),
        # Neighbours in one building.
        ("12A", "12B", "zelfde postcode of straat, ander of geen huisnummer"),
        ("4-I", "4-II", "zelfde postcode of straat, ander of geen huisnummer"),
    ],
)
def test_house_number_letter_and_addition(links: str, rechts: str, verwacht: str) -> None:
    adres_a = _adres("1234AB", links, "Dorpsstraat", "Utrecht")
    adres_b = _adres("1234AB", rechts, "Dorpsstraat", "Utrecht")
    assert _niveau("adres", adres_a, adres_b) == verwacht


def _tegen(links: dict[str, str], rechts: dict[str, str]) -> str:
    t = Tabel.maak(VELDEN, [links, rechts])
    verg = standaard(VELDEN)
    a, b = np.array([0]), np.array([1])
    niveaus = np.stack([v.niveaus(t, a, b) for v in verg], axis=1)
    return TEGENBEWIJS[int(tegenbewijs(verg, niveaus)[0])]


_HUIS = {"postcode": "1234AB", "huisnummer": "12", "straat": "Dorpsstraat", "plaats": "Utrecht"}


@pytest.mark.parametrize(
    ("links", "rechts", "verwacht"),
    [
        # Twins: same surname, date and address, another first name.
        (
            {"voornaam": "Daan", "achternaam": "de Jong", "geboortedatum": "2001-05-04"},
            {"voornaam": "Sem", "achternaam": "de Jong", "geboortedatum": "2001-05-04"},
            "andere persoon: zelfde familie, andere voornaam (huisgenoot of tweeling)",
        ),
        # Jr and Sr: same names and address, decades apart.
        (
            {"voornaam": "Jan", "achternaam": "Bakker", "geboortedatum": "1950-02-11"},
            {"voornaam": "Jan", "achternaam": "Bakker", "geboortedatum": "1981-09-30"},
            "andere persoon: geboortedata jaren uit elkaar",
        ),
        # A call name is no other person.
        (
            {"voornaam": "Kees", "achternaam": "Bakker", "geboortedatum": "1950-02-11"},
            {"voornaam": "Cornelis", "achternaam": "Bakker", "geboortedatum": "1950-02-11"},
            "",
        ),
        # One pseudonymised BSN is one person, whatever the first names say.
        (
            {"voornaam": "Naomi", "achternaam": "Visser", "bsn_pseudoniem": "aa11"},
            {"voornaam": "Sdomi", "achternaam": "Visser", "bsn_pseudoniem": "aa11"},
            "",
        ),
        (
            {"voornaam": "Jan", "achternaam": "Visser", "bsn_pseudoniem": "aa11"},
            {"voornaam": "Jan", "achternaam": "Visser", "bsn_pseudoniem": "bb22"},
            "andere persoon: twee verschillende BSN-pseudoniemen",
        ),
    ],
)
def test_counter_evidence_no_agreement_outweighs(
    links: dict[str, str], rechts: dict[str, str], verwacht: str
) -> None:
    assert _tegen(links | _HUIS, rechts | _HUIS) == verwacht
