# SPDX-License-Identifier: EUPL-1.2
from __future__ import annotations

from itertools import combinations

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from integraal.kruis.blokken import (
    Sleutel,
    blokdelen,
    kandidaten,
    kleinste,
    meng,
    paren_binnen_groepen,
    paren_voor,
)
from integraal.kruis.tabel import Soort, Tabel, Veld

VELDEN = (Veld("naam", Soort.TEKST), Veld("plaats", Soort.TEKST))
waarden = st.sampled_from(["", "a", "b", "c"])
records = st.lists(st.fixed_dictionaries({"naam": waarden, "plaats": waarden}), max_size=30)


def _brute(rs: list[dict[str, str]], kolommen: tuple[str, ...]) -> set[tuple[int, int]]:
    return {
        (i, j)
        for i, j in combinations(range(len(rs)), 2)
        if all(rs[i][k] and rs[i][k] == rs[j][k] for k in kolommen)
    }


@given(records)
@settings(max_examples=60, deadline=None)
def test_pairs_are_exactly_those_sharing_the_key(rs: list[dict[str, str]]) -> None:
    t = Tabel.maak(VELDEN, rs)
    for kolommen in (("naam",), ("naam", "plaats")):
        a, b, _ = kandidaten(t, [Sleutel(kolommen)])
        assert set(zip(a.tolist(), b.tolist(), strict=True)) == _brute(rs, kolommen)


@given(st.lists(st.integers(1, 6), max_size=8))
def test_pairs_within_groups_match_brute_force(groottes: list[int]) -> None:
    begin = (np.cumsum(groottes) - np.asarray(groottes, dtype=np.int64)).astype(np.int64)
    volgorde = np.arange(sum(groottes), dtype=np.int64)
    a, b = paren_binnen_groepen(volgorde, begin, np.asarray(groottes, dtype=np.int64))
    verwacht = {
        (int(s) + i, int(s) + j)
        for s, g in zip(begin, groottes, strict=True)
        for i, j in combinations(range(g), 2)
    }
    assert set(zip(a.tolist(), b.tolist(), strict=True)) == verwacht
    assert len(a) == len(verwacht)


def test_a_too_large_block_is_skipped_and_reported() -> None:
    rs = [{"naam": "jansen", "plaats": str(i)} for i in range(10)] + [
        {"naam": "pietersen", "plaats": "x"},
        {"naam": "pietersen", "plaats": "y"},
    ]
    t = Tabel.maak(VELDEN, rs)
    a, b, verslag = kandidaten(t, [Sleutel(("naam",), max_blok=5)])
    assert list(zip(a.tolist(), b.tolist(), strict=True)) == [(10, 11)]
    assert verslag[0].overgeslagen_blokken == 1 and verslag[0].overgeslagen_records == 10


def test_linking_makes_only_pairs_across_the_two_sources() -> None:
    rs = [{"naam": "a", "plaats": "", "bron": str(i % 2)} for i in range(6)]
    t = Tabel.maak(VELDEN, rs, bron=lambda r: int(str(r["bron"])))
    a, b, _ = kandidaten(t, [Sleutel(("naam",))], koppelen=True)
    assert len(a) == 9 and all(t.bron[a] != t.bron[b])


@given(records, st.integers(0, 30))
@settings(max_examples=60, deadline=None)
def test_new_delivery_gets_exactly_the_pairs_with_a_new_record(
    rs: list[dict[str, str]], eerste_nieuwe: int
) -> None:
    t = Tabel.maak(VELDEN, rs)
    nieuw = np.arange(t.n) >= eerste_nieuwe
    sleutels = [Sleutel(("naam",)), Sleutel(("plaats",))]
    alle_a, alle_b, _ = kandidaten(t, sleutels)
    a, b, _ = kandidaten(t, sleutels, nieuw=nieuw)
    verwacht = {
        (i, j)
        for i, j in zip(alle_a.tolist(), alle_b.tolist(), strict=True)
        if nieuw[i] or nieuw[j]
    }
    assert set(zip(a.tolist(), b.tolist(), strict=True)) == verwacht


@settings(max_examples=60, deadline=None)
@given(
    st.lists(st.integers(0, 10**12), unique=True, max_size=300),
    st.integers(1, 6),
    st.integers(1, 50),
)
def test_the_sample_of_a_union_is_the_sample_of_its_parts_samples(
    codes: list[int], delen: int, k: int
) -> None:
    paren = np.asarray(codes, dtype=np.int64)
    deel = meng(paren, 1) % np.uint64(delen)
    stukken = [kleinste(paren[deel == np.uint64(p)], k) for p in range(delen)]
    samen = np.concatenate(stukken) if stukken else paren[:0]
    assert np.array_equal(kleinste(samen, k), kleinste(paren, k))
    assert len(kleinste(paren, k)) == min(k, len(paren))


@given(records, st.integers(1, 5), st.lists(st.booleans(), max_size=30))
@settings(max_examples=80, deadline=None)
def test_blocking_in_parts_gives_every_pair_once(
    rs: list[dict[str, str]], delen: int, nieuw_: list[bool]
) -> None:
    """A key's blocks in parts (`blokdelen`), each part's records alone (`Tabel.deel`), as a
    worker gets them: disjoint parts that together make the key's pairs, with the same
    skipped blocks and records, also for a new delivery."""
    t = Tabel.maak(VELDEN, rs)
    s = Sleutel(("naam", "plaats"), max_blok=3)
    nieuw = np.asarray((nieuw_ + [False] * t.n)[: t.n], dtype=np.bool_) if nieuw_ else None
    heel, verslag = paren_voor(t, s, False, nieuw)
    rijen, blokken, records = blokdelen(t, s, delen, nieuw)
    assert (blokken, records) == (verslag.overgeslagen_blokken, verslag.overgeslagen_records)
    stukken = []
    for r in rijen:
        deel = t.deel(r)
        lokaal, _ = paren_voor(deel, s, False, None if nieuw is None else nieuw[r])
        stukken.append(r[lokaal // deel.n] * t.n + r[lokaal % deel.n])
        for kolom in ("naam", "plaats"):  # the same values, renumbered
            assert [deel.waarde(kolom, i) for i in range(deel.n)] == [
                t.waarde(kolom, int(i)) for i in r
            ]
    samen = np.concatenate(stukken) if stukken else heel[:0]
    assert np.array_equal(np.sort(samen), heel)


def test_a_part_of_a_table_keeps_empty_columns_empty() -> None:
    t = Tabel.maak(VELDEN, [{"naam": "a", "plaats": ""}, {"naam": "b", "plaats": ""}])
    deel = t.deel(np.asarray([1], dtype=np.int64))
    assert deel.n == 1 and deel.waarde("naam", 0) == "b" and deel.waarde("plaats", 0) == ""
    assert len(deel.uniek["plaats"]) == 0
