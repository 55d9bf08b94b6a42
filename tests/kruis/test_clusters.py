# SPDX-License-Identifier: EUPL-1.2
from __future__ import annotations

import networkx as nx
import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from integraal.kruis.clusters import componenten, paren_in_clusters


@given(
    st.integers(1, 25).flatmap(
        lambda n: st.tuples(
            st.just(n),
            st.lists(st.tuples(st.integers(0, n - 1), st.integers(0, n - 1)), max_size=40),
        )
    )
)
@settings(max_examples=80, deadline=None)
def test_components_are_the_connected_components(geval: tuple[int, list[tuple[int, int]]]) -> None:
    n, randen = geval
    a = np.asarray([x for x, _ in randen], dtype=np.int64)
    b = np.asarray([y for _, y in randen], dtype=np.int64)
    labels = componenten(n, a, b)
    g = nx.Graph()
    g.add_nodes_from(range(n))
    g.add_edges_from(randen)
    for deel in nx.connected_components(g):
        leden = sorted(deel)
        assert {int(labels[i]) for i in leden} == {leden[0]}  # the smallest index labels it
    paren = set(paren_in_clusters(labels).tolist())
    verwacht = {
        min(i, j) * n + max(i, j)
        for deel in nx.connected_components(g)
        for i in deel
        for j in deel
        if i != j
    }
    assert paren == verwacht
