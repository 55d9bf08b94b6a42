# SPDX-License-Identifier: EUPL-1.2
from __future__ import annotations

import pytest

from integraal.kruis import normaal


@pytest.mark.parametrize(
    "geschreven",
    ["van der Berg", "Berg, van der", "VAN DER BERG", "van  der Berg", "Berg van der"],
)
def test_tussenvoegsel_written_any_way_gives_one_name(geschreven: str) -> None:
    assert normaal.achternaam(geschreven) == ("van der", "berg")


@pytest.mark.parametrize("geschreven", ["v.d. Berg", "Vd Berg", "v/d Berg"])
def test_v_d_stays_open_between_der_den_and_de(geschreven: str) -> None:
    assert normaal.achternaam(geschreven) == ("v d", "berg")
    for voluit in ("van der", "van den", "van de"):
        assert normaal.tussenvoegsels_passen("v d", voluit)
    assert not normaal.tussenvoegsels_passen("van der", "van den")


def test_surname_of_particles_only_keeps_them() -> None:
    assert normaal.achternaam("Van") == ("", "van")


def test_diacritics_and_punctuation_fold() -> None:
    assert normaal.vouw("Çelik-Öztürk") == "celik ozturk"
    assert normaal.vouw("Ærøskøbing") == "aeroskobing"


@pytest.mark.parametrize(
    ("tekst", "verwacht"),
    [
        ("Jan Pieter", ("jan", "jp")),
        ("J.P.", ("", "jp")),
        ("J. Pieter", ("", "jp")),
        ("", ("", "")),
    ],
)
def test_first_names_and_initials(tekst: str, verwacht: tuple[str, str]) -> None:
    assert normaal.voornamen(tekst) == verwacht


@pytest.mark.parametrize(
    "tekst", ["1980-03-15", "15-03-1980", "15/3/1980", "19800315", "1980-03-15T00:00:00"]
)
def test_dates_in_any_common_form(tekst: str) -> None:
    assert normaal.datum(tekst) == "19800315"


def test_unreadable_date_is_empty_not_an_error() -> None:
    assert normaal.datum("gisteren") == ""
    assert normaal.datum("32-13") == ""


@pytest.mark.parametrize(
    ("tekst", "verwacht"),
    [
        ("15-03-80", "19800315"),  # a two-digit year: the last century, once it has passed
        ("1-1-05", "20050101"),
        ("18 november 1966", "19661118"),
        ("18 nov. 1966", "19661118"),
        ("3 mrt 2001", "20010303"),
    ],
)
def test_dates_as_people_write_them(tekst: str, verwacht: str) -> None:
    assert normaal.datum(tekst) == verwacht


@pytest.mark.parametrize("tekst", ["+31 6 1234 5678", "0031612345678", "06-12345678"])
def test_phone_numbers_in_national_form(tekst: str) -> None:
    assert normaal.telefoon(tekst) == "0612345678"


def test_codes_ignore_spacing_and_case() -> None:
    assert normaal.code("nl91 abna 0417 1643 00") == "NL91ABNA0417164300"
    assert normaal.huisnummer("12 a") == normaal.huisnummer("12-A") == "12A"
    assert normaal.email("Jan@Example.NL ") == "jan@example.nl"
    assert normaal.email("geen adres") == ""


@pytest.mark.parametrize(
    ("naam", "verwacht"),
    [
        ("J. v.d. Berg", ("J.", "v.d. Berg")),
        ("Johannes van der Berg", ("Johannes", "van der Berg")),
        ("Mohammed el-Amrani", ("Mohammed", "el-Amrani")),
        ("M. El Amrani", ("M.", "El Amrani")),
        ("Jan Pieter Jansen", ("Jan Pieter", "Jansen")),
        ("Jansen", ("", "Jansen")),
        ("E. Berg, van der", ("E.", "Berg, van der")),
        ("Berg, Eva", ("Eva", "Berg")),
        ("", ("", "")),
    ],
)
def test_a_full_name_is_split_at_the_tussenvoegsel(naam: str, verwacht: tuple[str, str]) -> None:
    assert normaal.splits_naam(naam) == verwacht


# --- Dutch variation (issue 16) ------------------------------------------------------------


@pytest.mark.parametrize(
    ("tekst", "verwacht"),
    [
        ("1961-00-00", "19610000"),
        ("00-00-1961", "19610000"),
        ("1961", "19610000"),
        ("1958-07-00", "19580700"),
        ("07-1958", "19580700"),
        ("01-01-1961", "19610101"),  # a real date; the comparison treats 1 January as unsure
    ],
)
def test_partial_dates_keep_what_is_known(tekst: str, verwacht: str) -> None:
    assert normaal.datum(tekst) == verwacht


@pytest.mark.parametrize(
    ("geschreven", "verwacht"),
    [
        ("12a", "12A"),
        ("12 A", "12A"),
        ("12-A", "12A"),
        ("4-II", "4-2"),
        ("4-2", "4-2"),
        ("4 2hg", "4-2"),
        ("4 2e etage", "4-2"),
        ("7 bis", "7-BIS"),
        ("0012", "12"),
        ("13 1", "13-1"),
        ("126a1", "126A-1"),
        ("70-I", "70-1"),  # the Amsterdam way: -I first floor, -H ground floor
        ("73-H", "73-HS"),
        ("52 huis", "52-HS"),
        ("42/4", "42-4"),
    ],
)
def test_house_number_as_number_letter_and_addition(geschreven: str, verwacht: str) -> None:
    assert normaal.huisnummer(geschreven) == verwacht


@pytest.mark.parametrize(
    "varianten",
    [
        ("Mohammed", "Muhammad", "Mohamad", "Mohamed"),
        ("Youssef", "Yusuf", "Joesoef"),
        ("Yılmaz", "Yilmaz", "Jilmaz"),
        ("Khalid", "Chalid"),
        ("Bruijn", "Bruyn"),
    ],
)
def test_transliterations_share_a_sound_key(varianten: tuple[str, ...]) -> None:
    assert len({normaal.klank(v) for v in varianten}) == 1
    assert normaal.klank(varianten[0])


def test_the_dotless_i_is_a_letter_not_a_gap() -> None:
    assert normaal.vouw("Yılmaz") == "yilmaz"


@pytest.mark.parametrize(
    ("naam", "delen"),
    [
        ("Jansen-de Vries", ["jansen", "vries"]),
        ("de Vries e/v Jansen", ["vries", "jansen"]),
        ("Kuijpers-van den Broek", ["kuijpers", "broek"]),
        ("van den Broek", ["broek"]),
    ],
)
def test_married_and_double_barrel_names_in_parts(naam: str, delen: list[str]) -> None:
    assert normaal.naamdelen(naam) == delen


@pytest.mark.parametrize(
    ("tekst", "verwacht"),
    [("GM", ("", "gm")), ("JJ", ("", "jj")), ("JAN", ("jan", "j")), ("Jan Pieter", ("jan", "jp"))],
)
def test_initials_without_dots(tekst: str, verwacht: tuple[str, str]) -> None:
    assert normaal.voornamen(tekst) == verwacht


@pytest.mark.parametrize(
    ("naam", "verwacht"),
    [("Vries, Jan de", ("Jan", "de Vries")), ("Vries de, J.", ("J.", "Vries de"))],
)
def test_sort_form_with_trailing_particles(naam: str, verwacht: tuple[str, str]) -> None:
    assert normaal.splits_naam(naam) == verwacht
    assert normaal.achternaam(verwacht[1]) == ("de", "vries")


def test_call_names_table_ships_with_its_source_and_licence() -> None:
    from importlib import resources

    kop = resources.files("integraal.kruis").joinpath("data", "roepnamen.csv").read_text("utf-8")
    assert "SPDX-License-Identifier" in kop and "Compiled by hand" in kop
    assert normaal.voornamen_passen("kees", "johannes cornelis")
    assert normaal.voornamen_passen("mien", "wilhelmina")
    assert normaal.voornamen_passen("jan", "johannes")
    assert not normaal.voornamen_passen("daan", "sem")


@pytest.mark.parametrize(
    ("naam", "verwacht"),
    [
        ("Dhr. H. Jansen", ("H.", "Jansen")),
        ("Mevr. A.Jagesar", ("A.", "Jagesar")),
        ("T.J. Verbeek", ("T.J.", "Verbeek")),  # a capital T. is an initial, not 't
        ("T. Verhoeven", ("T.", "Verhoeven")),
        ("Jan van 't Hof", ("Jan", "van 't Hof")),
        ("P.M.L.Lammers", ("P.M.L.", "Lammers")),
        ("I.de Jong", ("I.", "de Jong")),
        ("P. Groenewoud (Piet)", ("P.", "Groenewoud")),
        ("van Dijk", ("", "van Dijk")),
        ("M. Kok-v/d Heijden", ("M.", "Kok-v/d Heijden")),
        ("Sandhya Chotoe e/v Bhagwandin", ("Sandhya", "Chotoe e/v Bhagwandin")),
    ],
)
def test_full_names_as_registers_print_them(naam: str, verwacht: tuple[str, str]) -> None:
    assert normaal.splits_naam(naam) == verwacht


@pytest.mark.parametrize(
    ("x", "y", "verwacht"),
    [
        ("johannes", "johanna", True),
        ("hendrik", "hendrika", True),
        ("cornelis", "cornelia", True),
        ("michel", "michelle", True),
        ("anna", "anne", False),
        ("jan", "johannes", False),
    ],
)
def test_male_and_female_forms_of_one_name(x: str, y: str, verwacht: bool) -> None:
    assert normaal.andere_vorm(x, y) is verwacht
