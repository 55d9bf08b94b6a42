# SPDX-License-Identifier: EUPL-1.2
"""A matching run end to end on a small synthetic Dutch set with known truth."""

from __future__ import annotations

import numpy as np
import pytest

from bench.kruis import NL_SLEUTELS, NL_VELDEN, _velden, _ware_paren
from bench.kruis_data import records
from integraal.kruis.blokken import Sleutel
from integraal.kruis.koppel import Uitkomst, koppel
from integraal.kruis.model import Model, globale_prior
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
    assert globale_prior(bewijs, 1_000_000) == pytest.approx(30 / 1_000_000, rel=1e-3)


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
