# SPDX-License-Identifier: EUPL-1.2
"""Which suggested pairs are kept: one-to-one between two registers, and groups that a single
weak link cannot chain together."""

from __future__ import annotations

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from integraal.kruis.toewijzing import een_op_een, groepen

_PAREN = st.integers(2, 12).flatmap(
    lambda n: st.tuples(
        st.just(n),
        st.lists(
            st.tuples(st.integers(0, n - 1), st.integers(0, n - 1), st.floats(0, 1)),
            max_size=30,
        ).map(lambda r: [(x, y, p) for x, y, p in r if x != y]),
    )
)


def _arrays(randen: list[tuple[int, int, float]]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    return (
        np.asarray([x for x, _, _ in randen], dtype=np.int64),
        np.asarray([y for _, y, _ in randen], dtype=np.int64),
        np.asarray([p for _, _, p in randen], dtype=np.float64),
    )


@given(_PAREN)
@settings(max_examples=100, deadline=None)
def test_one_to_one_keeps_each_record_once_best_first(geval: tuple[int, list]) -> None:
    _, randen = geval
    a, b, kans = _arrays(randen)
    gehouden = een_op_een(a, b, kans, 0.5)
    records = np.concatenate((a[gehouden], b[gehouden])).tolist()
    assert len(records) == len(set(records))  # no record twice
    assert (kans[gehouden] >= 0.5).all()
    # Every pair left out above the threshold lost to a pair on one of its records that was
    # at least as likely: kept, or an equally likely rival that left both to a person.
    for i in np.flatnonzero(kans >= 0.5):
        if i in gehouden:
            continue
        assert any(
            {int(a[i]), int(b[i])} & {int(a[j]), int(b[j])} and kans[j] >= kans[i] - 1e-9
            for j in range(len(a))
            if j != i
        )


def test_an_equally_likely_rival_leaves_both_to_a_person() -> None:
    # "L.A. Groen" (right, 2) fits twins Lieke Anna (0) and Lotte Anna (1) equally well.
    a, b, kans = _arrays([(0, 2, 0.97), (1, 2, 0.97), (3, 4, 0.99)])
    assert een_op_een(a, b, kans, 0.9).tolist() == [2]


def test_one_to_one_prefers_the_better_pair() -> None:
    # Records 0 and 1 on the left both look like 2 on the right; 0–2 is the better pair.
    a, b, kans = _arrays([(1, 2, 0.93), (0, 2, 0.99), (1, 3, 0.95)])
    assert sorted(een_op_een(a, b, kans, 0.9).tolist()) == [1, 2]


@given(_PAREN)
@settings(max_examples=100, deadline=None)
def test_groups_never_join_records_the_evidence_keeps_apart(geval: tuple[int, list]) -> None:
    n, randen = geval
    uniek = {(min(x, y), max(x, y)): p for x, y, p in randen}  # one score per pair
    a, b, kans = _arrays([(x, y, p) for (x, y), p in uniek.items()])
    labels = groepen(n, a, b, kans, 0.9, tegen=0.5)
    for (x, y), p in uniek.items():
        assert not (p < 0.5 and labels[x] == labels[y]), (x, y, p, labels.tolist())
    for groep in set(labels.tolist()):
        leden = [i for i in range(n) if labels[i] == groep]
        assert groep == min(leden)  # the smallest record labels its group
        if len(leden) > 1:  # and every member is linked to another above the threshold
            for i in leden:
                assert any(
                    p >= 0.9 and i in (x, y) and labels[x] == labels[y]
                    for (x, y), p in uniek.items()
                )


def test_one_weak_link_does_not_chain_two_people() -> None:
    """Jan sr (0) and Jan jr (1) are different (0.01); an ambiguous record (2) looks like
    both. It joins the better one, not both."""
    a, b, kans = _arrays([(0, 1, 0.01), (0, 2, 0.97), (1, 2, 0.95)])
    labels = groepen(3, a, b, kans, 0.9)
    assert labels[0] == labels[2] != labels[1]
