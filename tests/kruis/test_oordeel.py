# SPDX-License-Identifier: EUPL-1.2
"""Judgements: four eyes, transitive merges, negatives that block, undo that restores."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from integraal.kruis.oordeel import (
    Oordeel,
    Paarstatus,
    Stem,
    Weigering,
    controleer,
    paar,
    stand,
)

RECORDS = ["a", "b", "c", "d", "e"]


def _stem(nr: int, x: str, y: str, oordeel: Oordeel, gebruiker: int = 1, org: str = "riec") -> Stem:
    return Stem(nr, x, y, oordeel, gebruiker, org)


def test_one_yes_waits_for_a_second_person() -> None:
    s = stand([_stem(1, "a", "b", Oordeel.ZELFDE)])
    assert s.status[("a", "b")] is Paarstatus.WACHT
    assert s.onderwerp_van("a") != s.onderwerp_van("b")
    s = stand([_stem(1, "a", "b", Oordeel.ZELFDE), _stem(2, "a", "b", Oordeel.ZELFDE, 2)])
    assert s.onderwerp_van("b") == "a"


def test_across_organisations_the_second_pair_of_eyes_is_from_another_one() -> None:
    twee_riec = [_stem(1, "a", "b", Oordeel.ZELFDE), _stem(2, "a", "b", Oordeel.ZELFDE, 2)]
    assert stand(twee_riec, {("a", "b"): True}).status[("a", "b")] is Paarstatus.WACHT
    gemengd = [_stem(1, "a", "b", Oordeel.ZELFDE), _stem(2, "b", "a", Oordeel.ZELFDE, 3, "fiod")]
    assert stand(gemengd, {("a", "b"): True}).status[("a", "b")] is Paarstatus.ZELFDE


def _ja(nr: int, x: str, y: str) -> list[Stem]:
    return [_stem(2 * nr, x, y, Oordeel.ZELFDE, 1), _stem(2 * nr + 1, x, y, Oordeel.ZELFDE, 2)]


def test_yes_merges_transitively_and_no_blocks() -> None:
    s = stand(_ja(1, "a", "b") + _ja(2, "b", "c"))
    assert s.leden("a") == ["a", "b", "c"]
    met_nee = [_stem(0, "a", "d", Oordeel.ANDERS), *_ja(1, "a", "b"), *_ja(2, "c", "d")]
    s = stand(met_nee)
    with pytest.raises(Weigering, match="als verschillend"):
        controleer(s, _stem(9, "b", "c", Oordeel.ZELFDE))
    # Even when the votes are cast anyway, the merge does not take effect.
    s = stand([*met_nee, *_ja(5, "b", "c")])
    assert s.status[("b", "c")] is Paarstatus.GEBLOKKEERD
    assert s.onderwerp_van("a") != s.onderwerp_van("d")


stemmen = st.lists(
    st.tuples(
        st.sampled_from(RECORDS),
        st.sampled_from(RECORDS),
        st.sampled_from(list(Oordeel)),
        st.integers(1, 3),
        st.sampled_from(["riec", "fiod"]),
        st.booleans(),
    ),
    max_size=25,
)


def _maak(ruw: list[tuple[str, str, Oordeel, int, str, bool]]) -> list[Stem]:
    return [
        Stem(i, x, y, o, g, org, ingetrokken)
        for i, (x, y, o, g, org, ingetrokken) in enumerate(ruw)
        if x != y
    ]


@settings(max_examples=300, deadline=None)
@given(stemmen)
def test_no_subject_ever_holds_two_records_judged_different(
    ruw: list[tuple[str, str, Oordeel, int, str, bool]],
) -> None:
    s = stand(_maak(ruw))
    for x, y in s.anders:
        assert s.onderwerp_van(x) != s.onderwerp_van(y)


@settings(max_examples=300, deadline=None)
@given(stemmen)
def test_subjects_are_the_components_of_the_effective_yes_pairs(
    ruw: list[tuple[str, str, Oordeel, int, str, bool]],
) -> None:
    s = stand(_maak(ruw))
    effectief = [p for p, status in s.status.items() if status is Paarstatus.ZELFDE]
    for x, y in effectief:
        assert s.onderwerp_van(x) == s.onderwerp_van(y)
    # Transitive: records in one subject are linked by a chain of effective pairs.
    for r, o in s.onderwerp.items():
        bereikt, rand = {o}, [o]
        while rand:
            k = rand.pop()
            for x, y in effectief:
                for van, naar in ((x, y), (y, x)):
                    if van == k and naar not in bereikt:
                        bereikt.add(naar)
                        rand.append(naar)
        assert r in bereikt


@settings(max_examples=300, deadline=None)
@given(stemmen, st.sampled_from(RECORDS), st.sampled_from(RECORDS), st.sampled_from(list(Oordeel)))
def test_withdrawing_a_vote_restores_the_state_before_it(
    ruw: list[tuple[str, str, Oordeel, int, str, bool]], x: str, y: str, oordeel: Oordeel
) -> None:
    if x == y:
        return
    voor = _maak(ruw)
    nieuw = Stem(len(ruw) + 1, x, y, oordeel, 1, "riec")
    na_intrekken = [*voor, Stem(nieuw.volgnummer, x, y, oordeel, 1, "riec", ingetrokken=True)]
    a, b = stand(voor), stand(na_intrekken)
    assert a.onderwerp == b.onderwerp and a.anders == b.anders
    assert {p: s for p, s in b.status.items() if p != paar(x, y) or p in a.status} == a.status
