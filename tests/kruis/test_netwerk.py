# SPDX-License-Identifier: EUPL-1.2
"""The relation graph: edges from FtM references, expansion, shortest paths and patterns."""

from __future__ import annotations

from collections import deque

from hypothesis import given, settings
from hypothesis import strategies as st

from integraal.kruis.netwerk import (
    Patroonsoort,
    Rand,
    Ref,
    Relatie,
    Samenvoeging,
    adressen_met_veel_organisaties,
    bestuurders_van_kort_bestaande,
    gedeelde_rekeningen,
    houders_per_rekening,
    kortste_pad,
    levensduur,
    randen,
    rond,
)

SCHEMAS = {
    "p1": "Person",
    "p2": "Person",
    "p3": "Person",
    "a1": "Address",
    "k1": "Company",
    "k2": "Company",
    "r1": "BankAccount",
    "v1": "Vehicle",
    "h1": "RealEstate",
}


def _ref(eid: str, schema: str, prop: str, value: str) -> Ref:
    return Ref(eid, schema, prop, value)


def test_edges_take_their_kind_from_the_relation_and_what_it_points_at() -> None:
    refs = [
        _ref("p1", "Person", "addressEntity", "a1"),
        _ref("d1", "Directorship", "director", "p1"),
        _ref("d1", "Directorship", "organization", "k1"),
        _ref("o1", "Ownership", "owner", "p1"),
        _ref("o1", "Ownership", "asset", "r1"),
        _ref("o2", "Ownership", "owner", "p2"),
        _ref("o2", "Ownership", "asset", "h1"),
        _ref("o3", "Ownership", "owner", "p2"),
        _ref("o3", "Ownership", "asset", "v1"),
        _ref("v1", "Vehicle", "owner", "p3"),
        _ref("b1", "Payment", "payer", "k1"),
        _ref("b1", "Payment", "beneficiary", "k2"),
        _ref("f1", "Family", "person", "p1"),
        _ref("f1", "Family", "relative", "p3"),
        # Not a relation the view draws: a note about someone.
        _ref("n1", "Note", "entity", "p1"),
    ]
    soorten = {(r.van, r.naar): r.soort for r in randen(refs, SCHEMAS)}
    assert soorten == {
        ("p1", "a1"): Relatie.ADRES,
        ("p1", "k1"): Relatie.BESTUUR,
        ("p1", "r1"): Relatie.REKENING,
        ("p2", "h1"): Relatie.EIGENDOM,
        ("p2", "v1"): Relatie.VOERTUIG,
        ("v1", "p3"): Relatie.VOERTUIG,
        ("k1", "k2"): Relatie.BETALING,
        ("p1", "p3"): Relatie.OVERIG,
    }


def test_an_edge_entity_missing_one_end_draws_nothing() -> None:
    assert randen([_ref("o1", "Ownership", "owner", "p1")], SCHEMAS) == []


def test_records_joined_by_judgement_are_one_node() -> None:
    samen = Samenvoeging([["p2", "p1"]])
    refs = [
        _ref("p1", "Person", "addressEntity", "a1"),
        _ref("o1", "Ownership", "owner", "p2"),
        _ref("o1", "Ownership", "asset", "r1"),
        # Two records of one person living together is no relation to draw.
        _ref("f1", "Family", "person", "p1"),
        _ref("f1", "Family", "relative", "p2"),
    ]
    alle = randen(refs, SCHEMAS, samen)
    assert {(r.van, r.naar) for r in alle} == {("p1", "a1"), ("p1", "r1")}
    assert samen.leden("p1") == ["p1", "p2"] and samen.knoop("p2") == "p1"


def test_expansion_filters_by_kind_and_orders_by_kind() -> None:
    refs = [
        _ref("p1", "Person", "addressEntity", "a1"),
        _ref("d1", "Directorship", "director", "p1"),
        _ref("d1", "Directorship", "organization", "k1"),
        _ref("o1", "Ownership", "owner", "p1"),
        _ref("o1", "Ownership", "asset", "r1"),
        _ref("p2", "Person", "addressEntity", "a1"),
    ]
    alle = randen(refs, SCHEMAS)
    assert [r.soort for r in rond(alle, "p1")] == [Relatie.BESTUUR, Relatie.ADRES, Relatie.REKENING]
    assert [r.ander("p1") for r in rond(alle, "p1", {Relatie.REKENING})] == ["r1"]
    assert [r.ander("a1") for r in rond(alle, "a1")] == ["p1", "p2"]


def _bfs(alle: list[Rand], van: str, naar: str) -> int | None:
    afstand = {van: 0}
    rij = deque([van])
    while rij:
        x = rij.popleft()
        for r in alle:
            if x in (r.van, r.naar) and (y := r.ander(x)) not in afstand:
                afstand[y] = afstand[x] + 1
                rij.append(y)
    return afstand.get(naar)


def _buren(alle: list[Rand], gevraagd: list[set[str]]):  # type: ignore[no-untyped-def]
    def buren(front: set[str]) -> list[Rand]:
        gevraagd.append(front)
        return [r for r in alle if r.van in front or r.naar in front]

    return buren


_knopen = st.sampled_from([f"n{i}" for i in range(8)])


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(_knopen, _knopen), max_size=14), _knopen, _knopen)
def test_the_path_found_is_a_shortest_path(
    paren: list[tuple[str, str]], van: str, naar: str
) -> None:
    alle = [
        Rand(a, b, Relatie.OVERIG, f"e{i}", "UnknownLink")
        for i, (a, b) in enumerate(paren)
        if a != b
    ]
    gevraagd: list[set[str]] = []
    zoek = kortste_pad(_buren(alle, gevraagd), van, naar, max_stappen=20, max_knopen=100)
    verwacht = _bfs(alle, van, naar)
    if verwacht is None:
        assert zoek.randen is None and not zoek.afgekapt
        return
    assert zoek.randen is not None and len(zoek.randen) == verwacht
    # A chain: each edge starts where the previous one ended.
    hier = van
    for r in zoek.randen:
        assert hier in (r.van, r.naar)
        hier = r.ander(hier)
    assert hier == naar


def test_a_path_search_stops_at_its_cap_and_says_so() -> None:
    keten = [Rand(f"n{i}", f"n{i + 1}", Relatie.OVERIG, f"e{i}", "UnknownLink") for i in range(10)]
    zoek = kortste_pad(_buren(keten, []), "n0", "n10", max_stappen=4)
    assert zoek.randen is None and zoek.afgekapt
    assert kortste_pad(_buren(keten, []), "n0", "n10", max_stappen=10).randen == keten


def test_many_organisations_at_one_address_is_a_lead_with_its_reason() -> None:
    schemas = {f"k{i}": "Company" for i in range(6)} | {"p1": "Person", "a1": "Address"}
    refs = [_ref(f"k{i}", "Company", "addressEntity", "a1") for i in range(5)]
    refs.append(_ref("p1", "Person", "addressEntity", "a1"))
    (p,) = adressen_met_veel_organisaties(randen(refs, schemas), schemas)
    assert p.soort is Patroonsoort.ADRES_MET_VEEL_ORGANISATIES
    assert p.kern == "a1" and len(p.betrokken) == 5
    assert "5 organisaties" in p.reden and "signaleringsgrens: 5" in p.reden
    # One fewer is no lead: persons living there do not count.
    assert adressen_met_veel_organisaties(randen(refs[1:], schemas), schemas) == []


def test_lifetime_of_partial_dates_is_the_longest_possible() -> None:
    assert levensduur(["2021-03-01"], ["2022-03-01"]) == 365
    assert levensduur(["2021"], ["2022"]) == 729
    assert levensduur(["2021-03"], ["2021-04"]) == 60
    assert levensduur(["2021-03-01"], []) is None
    assert levensduur(["onbekend"], ["2022"]) is None


def test_one_director_of_many_short_lived_organisations() -> None:
    schemas = {"p1": "Person", "p2": "Person"} | {f"k{i}": "Company" for i in range(5)}
    refs = []
    for i in range(4):
        refs += [
            _ref(f"d{i}", "Directorship", "director", "p1"),
            _ref(f"d{i}", "Directorship", "organization", f"k{i}"),
        ]
    refs += [
        _ref("d9", "Directorship", "director", "p2"),
        _ref("d9", "Directorship", "organization", "k4"),
    ]
    dagen = {"k0": 200, "k1": 400, "k2": 700, "k3": 3000, "k4": 100}
    (p,) = bestuurders_van_kort_bestaande(randen(refs, schemas), schemas, dagen)
    assert p.kern == "p1" and p.betrokken == ("k0", "k1", "k2")
    assert "3 organisaties" in p.reden
    # An organisation whose end is unknown is not counted as short-lived.
    dagen["k2"] = None  # type: ignore[assignment]
    assert bestuurders_van_kort_bestaande(randen(refs, schemas), schemas, dagen) == []


def test_an_account_shared_by_unrelated_persons() -> None:
    schemas = {"p1": "Person", "p2": "Person", "p3": "Person", "r1": "BankAccount", "a1": "Address"}
    bezit = [
        x
        for p in ("p1", "p2", "p3")
        for x in (_ref(f"o{p}", "Ownership", "owner", p), _ref(f"o{p}", "Ownership", "asset", "r1"))
    ]
    alle = randen(bezit, schemas)
    houders = houders_per_rekening(alle, schemas)
    assert houders == {"r1": {"p1", "p2", "p3"}}
    (p,) = gedeelde_rekeningen(houders, alle)
    assert p.kern == "r1" and "3 groepen" in p.reden
    # A shared address and a family tie join all three: no lead.
    banden = [
        _ref("p1", "Person", "addressEntity", "a1"),
        _ref("p2", "Person", "addressEntity", "a1"),
        _ref("f1", "Family", "person", "p2"),
        _ref("f1", "Family", "relative", "p3"),
    ]
    assert gedeelde_rekeningen(houders, randen(bezit + banden, schemas)) == []
    # Only the family tie: p1 stands apart, two groups.
    (p,) = gedeelde_rekeningen(houders, randen(bezit + banden[2:], schemas))
    assert "2 groepen" in p.reden
