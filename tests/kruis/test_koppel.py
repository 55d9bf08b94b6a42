# SPDX-License-Identifier: EUPL-1.2
"""A matching run end to end on a small synthetic Dutch set with known truth."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bench.kruis import NL_SLEUTELS, NL_VELDEN, _velden, _ware_paren
from bench.kruis_data import records
from integraal.kruis.blokken import Sleutel
from integraal.kruis.koppel import Uitkomst, koppel
from integraal.kruis.model import Model, globale_prior, som_van
from integraal.kruis.tabel import Tabel

SLEUTELS = [Sleutel(k) for k in NL_SLEUTELS]


@pytest.fixture(scope="module")
def set_() -> list[dict[str, str]]:
    return list(records(4000, zaad=7))


@pytest.fixture(scope="module")
def uitkomst(set_: list[dict[str, str]]) -> Uitkomst:
    return koppel(Tabel.maak(_velden(NL_VELDEN), set_), SLEUTELS)


def test_finds_the_planted_duplicates(set_: list[dict[str, str]], uitkomst: Uitkomst) -> None:
    waar = _ware_paren([r["entiteit"] for r in set_], None)
    a, b = uitkomst.boven(0.9)
    voorspeld = a * uitkomst.tabel.n + b
    tp = len(np.intersect1d(voorspeld, waar))
    precisie, recall = tp / len(voorspeld), tp / len(waar)
    assert precisie > 0.97 and recall > 0.95, (precisie, recall)


def test_every_suggestion_is_explained_field_by_field(uitkomst: Uitkomst) -> None:
    i = int(np.argmax(uitkomst.kans))
    uitleg = uitkomst.uitleg(i)
    # Postcode, house number, street and place are one piece of evidence: the address.
    assert [u.veld for u in uitleg] == [
        "voornaam",
        "achternaam",
        "geboortedatum",
        "adres",
        "telefoon",
        "email",
        "bsn_pseudoniem",
    ]
    totaal = uitkomst.model.basisgewicht + sum(u.gewicht for u in uitleg)
    assert totaal == pytest.approx(uitkomst.gewicht[i], abs=0.05)
    gelijk = [u for u in uitleg if u.niveau == "gelijk" and u.veld == "achternaam"]
    assert all(u.aandeel is not None and 0 < u.aandeel <= 1 for u in gelijk)


def test_weights_read_as_evidence(uitkomst: Uitkomst) -> None:
    """Agreement counts for, difference against — for every field."""
    for labels, w in zip(uitkomst.model.labels, uitkomst.model.gewichten(), strict=True):
        assert w[1] > 0 > w[labels.index("verschilt")]  # level 1 is the strongest agreement
        assert w[0] == 0  # missing is no evidence


def test_a_stored_model_gives_the_same_scores(uitkomst: Uitkomst) -> None:
    model = Model.uit_dict(uitkomst.model.als_dict())
    opnieuw = koppel(uitkomst.tabel, SLEUTELS, model=model)
    assert np.array_equal(opnieuw.a, uitkomst.a)
    assert np.allclose(opnieuw.gewicht, uitkomst.gewicht)


def test_a_new_delivery_scores_as_in_a_full_run(
    set_: list[dict[str, str]], uitkomst: Uitkomst
) -> None:
    """Incremental: the pairs with a new record, and their weights, are those a full run with
    the same model gives — without touching the pairs among existing records."""
    bestaand, nieuw = set_[:-300], set_[-300:]
    t = Tabel.maak(_velden(NL_VELDEN), bestaand)
    t2 = t.voeg_toe(nieuw)
    masker = np.arange(t2.n) >= t.n
    inc = koppel(t2, SLEUTELS, model=uitkomst.model, nieuw=masker)
    vol = koppel(Tabel.maak(_velden(NL_VELDEN), set_), SLEUTELS, model=uitkomst.model)
    met_nieuw = masker[vol.a] | masker[vol.b]
    assert np.array_equal(inc.a, vol.a[met_nieuw]) and np.array_equal(inc.b, vol.b[met_nieuw])
    # Frequencies of values grow with the delivery, so compare without the adjustment.
    assert np.array_equal(inc.niveaus, vol.niveaus[met_nieuw])


def test_the_prior_is_the_share_of_matches_among_all_pairs() -> None:
    """Candidates that are certainly matches (strong evidence) or certainly not: the prior
    settles at their number over all pairs, whatever the number of candidates."""
    bewijs = np.array([60.0] * 30 + [-60.0] * 10_000)
    assert globale_prior(som_van(bewijs), len(bewijs), 1_000_000) == pytest.approx(
        30 / 1_000_000, rel=1e-3
    )


def test_a_blocking_key_names_the_fields_it_reads() -> None:
    assert Sleutel(("achternaam.kern", "geboortedatum.jaar")).velden == {
        "achternaam",
        "geboortedatum",
    }


def test_the_shipped_standard_model_fits_the_person_comparisons() -> None:
    """If a comparison's levels change, scripts/kruis_standaardmodel.py must be run again."""
    from integraal.kruis import personen
    from integraal.kruis.standaardmodel import laad
    from integraal.kruis.vergelijk import standaard

    model, verg = laad(), standaard(personen.VELDEN)
    assert model.velden == tuple(v.naam for v in verg)
    assert model.labels == tuple(v.labels for v in verg)


# --- Households, one-to-one and learning (issue 16) -----------------------------------------


def test_learning_from_verdicts_moves_the_judged_levels_only() -> None:
    from integraal.kruis.model import leer

    model = Model.uit_dict(
        {
            "velden": ["a", "b"],
            "labels": [["ontbreekt", "gelijk", "verschilt"]] * 2,
            "m": [[0, 0.9, 0.1], [0, 0.8, 0.2]],
            "u": [[0, 0.01, 0.99], [0, 0.1, 0.9]],
            "prior": 0.001,
        }
    )
    # People said "different" to pairs equal on a and b: the weight of "gelijk" falls.
    niveaus = np.array([[1, 1]] * 20, dtype=np.int8)
    geleerd = leer(model, niveaus, model.gewicht(niveaus), np.zeros(20, dtype=np.bool_))
    assert geleerd.oordelen == 20
    assert geleerd.gewichten()[0][1] < model.gewichten()[0][1]
    assert geleerd.gewichten()[0][2] == pytest.approx(model.gewichten()[0][2])  # not judged
    assert geleerd.correctie[0][0] == 0.0  # "ontbreekt" carries no evidence
    # Stored and read back, it scores the same.
    terug = Model.uit_dict(geleerd.als_dict())
    assert np.allclose(terug.gewicht(niveaus), geleerd.gewicht(niveaus))


def test_no_verdicts_change_nothing() -> None:
    from integraal.kruis.model import leer

    model = Model.uit_dict(
        {"velden": ["a"], "labels": [["o", "g", "v"]], "m": [[0, 0.9, 0.1]],
         "u": [[0, 0.1, 0.9]], "prior": 0.01}
    )  # fmt: skip
    leeg = np.zeros((0, 1), dtype=np.int8)
    geleerd = leer(model, leeg, np.zeros(0), np.zeros(0, dtype=np.bool_))
    assert np.allclose(geleerd.gewichten()[0], model.gewichten()[0])


@pytest.fixture(scope="module")
def huishoudens() -> tuple[Uitkomst, list[tuple[int, int, str]], np.ndarray]:
    """The hard set (households, twins, Jr/Sr) at a small size, its two files read and linked
    as `integraal kruis bestanden` does (the benchmark's mapping, the product's keys): the
    uitkomst, the hard pairs and the true pairs as rows of the table."""
    import tempfile
    from pathlib import Path

    from bench.kruis import CLI_MAPPING
    from bench.kruis_moeilijk import genereer, schrijf
    from integraal.kruis import bestanden

    with tempfile.TemporaryDirectory() as d:
        schrijf(Path(d), 3000, 7)
        paden = [Path(d) / "a.csv", Path(d) / "b.csv"]
        t = bestanden.maak_tabel(paden, bestanden.lees_mapping(CLI_MAPPING))
    u = koppel(t, bestanden.sleutels_voor(t.velden), koppelen=True)
    rij = {x: i for i, x in enumerate(t.ids)}
    set_ = genereer(3000, zaad=7)
    hard = [(rij[f"a.csv:{a}"], rij[f"b.csv:{b}"], c) for a, b, c in set_.harde_paren]
    waar = np.asarray(
        [rij[f"a.csv:{a}"] * t.n + rij[f"b.csv:{b}"] for a, b, _ in set_.waarheid], dtype=np.int64
    )
    return u, hard, waar


def test_housemates_are_not_one_person(
    huishoudens: tuple[Uitkomst, list[tuple[int, int, str]], np.ndarray],
) -> None:
    from integraal.kruis.toewijzing import een_op_een

    u, hard, waar = huishoudens
    # Where families live together the counter-evidence is weighed heavily, from the data.
    assert u.model.tegen[3] < -10 and u.model.tegen[2] < -10
    gekozen = een_op_een(u.a, u.b, u.kans, 0.9)
    voorspeld = set((u.a[gekozen] * u.tabel.n + u.b[gekozen]).tolist())
    for categorie in {c for _, _, c in hard}:
        paren = [x * u.tabel.n + y for x, y, c in hard if c == categorie]
        vals = sum(p in voorspeld for p in paren) / len(paren)
        assert vals <= 0.10, (categorie, vals)  # the benchmark's target is 5 % at 100k
    tp = len(voorspeld & set(waar.tolist()))
    assert tp / len(voorspeld) > 0.98 and tp / len(waar) > 0.95


def test_without_households_the_counter_evidence_costs_nothing(uitkomst: Uitkomst) -> None:
    """The old synthetic set has no families at one address: one person's records show
    "another first name" no more often than the model expects, so the weighed penalties stay
    0 and nothing is lost (FEBRL the same, in the benchmark)."""
    assert uitkomst.model.tegen == {2: 0.0, 3: 0.0}


@given(
    st.floats(-30, 30),
    st.floats(0.1, 5.0),
    st.integers(1, 5),
)
@settings(max_examples=50, deadline=None)
def test_a_bisection_levels_at_a_time_takes_the_same_steps(
    midden: float, helling: float, tegelijk: int
) -> None:
    """Asking for several levels' midpoints at once (as workers are asked) ends where one
    level at a time ends, to the same number."""
    from integraal.kruis.koppel import halveer

    gevraagd: list[int] = []

    def som(punten: Sequence[float]) -> list[float]:
        gevraagd.append(len(punten))
        return [float(1 / (1 + np.exp(helling * (p - midden)))) for p in punten]

    een = halveer(som, 0.5, -40.0, 0.0, 1)
    rondes_een = len(gevraagd)
    gevraagd.clear()
    assert halveer(som, 0.5, -40.0, 0.0, tegelijk) == een
    assert len(gevraagd) == -(-rondes_een // tegelijk)


@given(st.lists(st.floats(-80, 80), max_size=200), st.integers(1, 6), st.floats(-10, 10))
@settings(max_examples=50, deadline=None)
def test_a_sum_of_probabilities_is_the_same_in_any_order_and_split(
    gewicht: list[float], delen: int, erbij: float
) -> None:
    from integraal.kruis.model import kanssom

    w = np.asarray(gewicht, dtype=np.float64)
    heel = kanssom(w, erbij)
    schudden = np.random.default_rng(len(gewicht)).permutation(len(w))
    stukken = np.array_split(w[schudden], delen)
    assert sum(kanssom(s, erbij) for s in stukken) == heel
    gewoon = float(Model.kans(w + erbij).sum())
    assert heel / 2**40 == pytest.approx(gewoon, abs=1e-9 * (len(w) + 1))
