# SPDX-License-Identifier: EUPL-1.2
"""The hard benchmark set (`bench/kruis_moeilijk.py`): deterministic, every hard-negative
category and every kind of variation present at a modest size, truth and hard pairs checked
against the generator's own person keys, and the files in the shapes the sources use."""

from __future__ import annotations

import csv
import re
from collections import Counter
from pathlib import Path

import pytest

from bench.kruis_moeilijk import (
    A_KOLOMMEN,
    B_KOLOMMEN,
    CATEGORIEEN,
    VARIATIES,
    Koppelset,
    genereer,
    schrijf,
)

PERSONEN = 3000


@pytest.fixture(scope="module")
def set_() -> Koppelset:
    return genereer(PERSONEN, zaad=7)


def test_deterministic_for_a_seed(set_: Koppelset) -> None:
    nog_eens = genereer(PERSONEN, zaad=7)
    assert (nog_eens.a, nog_eens.b) == (set_.a, set_.b)
    assert (nog_eens.waarheid, nog_eens.harde_paren) == (set_.waarheid, set_.harde_paren)
    assert genereer(PERSONEN, zaad=8).b != set_.b


def test_sizes(set_: Koppelset) -> None:
    assert len(set_.a) == PERSONEN
    # 85 % of A in B, and B about as large as A: 15 % of B is not in A
    assert 0.82 < len(set_.waarheid) / len(set_.a) < 0.88
    assert 0.95 < len(set_.b) / len(set_.a) < 1.05
    assert 0.11 < 1 - len(set_.waarheid) / len(set_.b) < 0.19


def test_every_category_and_every_kind_occurs(set_: Koppelset) -> None:
    soorten = Counter(v for _, _, vs in set_.waarheid for v in vs.split("|") if v)
    assert set(soorten) == set(VARIATIES)
    assert min(soorten.values()) >= 10, soorten
    categorieen = Counter(c for _, _, c in set_.harde_paren)
    assert set(categorieen) == set(CATEGORIEEN)
    assert min(categorieen.values()) >= 10, categorieen


def test_truth_is_the_same_person_and_hard_pairs_are_not(set_: Koppelset) -> None:
    a, b = set_.a_persoon, set_.b_persoon
    assert all(a[x] == b[y] for x, y, _ in set_.waarheid)
    assert all(a[x] != b[y] for x, y, _ in set_.harde_paren)
    # the truth is complete: every person with a record on both sides is a true pair
    b_van = {p: y for y, p in b.items()}
    assert {(x, b_van[p]) for x, p in a.items() if p in b_van} == {
        (x, y) for x, y, _ in set_.waarheid
    }
    paren = [(x, y) for x, y, _ in set_.harde_paren]
    assert len(paren) == len(set(paren))  # one category per pair


def test_categories_are_what_they_say(set_: Koppelset) -> None:
    """Where both persons of a pair are in A, their A records show the relation."""
    a_van = {p: r for r in set_.a for p in [set_.a_persoon[r["id"]]]}
    a = {r["id"]: r for r in set_.a}
    gezien = Counter()
    for x, y, categorie in set_.harde_paren:
        een, ander = a[x], a_van.get(set_.b_persoon[y])
        if ander is None:
            continue
        gezien[categorie] += 1
        adres = ("straatnaam", "huisnummer", "huisletter", "huisnummertoevoeging", "postcode")
        samen = all(een[k] == ander[k] for k in adres)
        naam = (een["voorvoegsel"], een["geslachtsnaam"]) == (
            ander["voorvoegsel"],
            ander["geslachtsnaam"],
        )
        jaar = abs(int(een["geboortedatum"][:4]) - int(ander["geboortedatum"][:4]))
        if categorie == "tweeling":
            assert samen and naam and een["geboortedatum"] == ander["geboortedatum"]
            assert een["voornamen"].split()[0] != ander["voornamen"].split()[0]
        elif categorie == "jr_sr":
            assert samen and naam and een["voornamen"] == ander["voornamen"]
            assert 20 <= jaar <= 40
        elif categorie in ("ouder_kind", "broer_zus"):
            assert samen and naam
        elif categorie == "echtgenoten":
            assert samen
        elif categorie == "buren":
            assert not samen
            assert all(een[k] == ander[k] for k in ("straatnaam", "postcode", "woonplaats"))
        else:
            assert categorie == "naamgenoten"
            assert naam and een["woonplaats"] == ander["woonplaats"]
            assert een["voornamen"].split()[0] == ander["voornamen"].split()[0]
    assert set(gezien) == set(CATEGORIEEN)


def test_register_holds_clean_values(set_: Koppelset) -> None:
    datums = [r["geboortedatum"] for r in set_.a]
    assert all(re.fullmatch(r"\d{4}-\d{2}-\d{2}", d) for d in datums)
    onbekend = sum(d.endswith("-00") for d in datums)
    assert 0 < onbekend < 0.03 * len(datums)
    assert any(r["huisletter"] for r in set_.a) and any(r["huisnummertoevoeging"] for r in set_.a)
    assert all(re.fullmatch(r"\d{4}[A-Z]{2}", r["postcode"]) for r in set_.a)
    bsn = [r["bsn_pseudoniem"] for r in set_.b]
    assert 0.1 < sum(map(bool, bsn)) / len(bsn) < 0.2
    assert all(re.fullmatch(r"[0-9a-f]{32}", x) for x in bsn if x)


def test_files_use_the_sources_delimiters(set_: Koppelset, tmp_path: Path) -> None:
    paden = schrijf(tmp_path, 200, zaad=3)
    with paden["b"].open(encoding="utf-8", newline="") as f:
        b = list(csv.reader(f, delimiter=";"))
    assert tuple(b[0]) == B_KOLOMMEN and all(len(r) == len(B_KOLOMMEN) for r in b)
    with paden["a"].open(encoding="utf-8", newline="") as f:
        a = list(csv.DictReader(f))
    assert tuple(a[0]) == A_KOLOMMEN and len(a) == 200
    with paden["waarheid"].open(encoding="utf-8", newline="") as f:
        assert next(csv.reader(f)) == ["a_id", "b_id", "variaties"]
    with paden["harde_paren"].open(encoding="utf-8", newline="") as f:
        assert next(csv.reader(f)) == ["a_id", "b_id", "categorie"]
