# SPDX-License-Identifier: EUPL-1.2
"""Matching on a local Dask cluster of two worker processes gives what one process gives: the
same pairs, levels, model and weights, bit for bit, however the pairs are split."""

from __future__ import annotations

import tempfile
from collections.abc import Iterator
from pathlib import Path

import numpy as np
import pytest

from bench.kruis import CLI_MAPPING, NL_SLEUTELS, NL_VELDEN, _velden
from bench.kruis_data import records
from integraal.kruis import bestanden, verdeeld
from integraal.kruis import koppel as koppel_module
from integraal.kruis.blokken import Sleutel
from integraal.kruis.koppel import Uitkomst, koppel
from integraal.kruis.tabel import Tabel

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def client() -> Iterator[verdeeld.Client]:
    c = verdeeld.lokaal(2, geheugen="2GiB")
    assert len(c.nthreads()) == 2  # two worker processes
    yield c
    c.close()
    c.cluster.close()  # type: ignore[union-attr]


def _gelijk(een: Uitkomst, twee: Uitkomst) -> None:
    assert np.array_equal(een.a, twee.a) and np.array_equal(een.b, twee.b)
    assert np.array_equal(een.niveaus, twee.niveaus)
    assert np.array_equal(een.tegen, twee.tegen)
    assert een.model.als_dict() == twee.model.als_dict()
    assert np.array_equal(een.gewicht, twee.gewicht)
    assert een.blokken == twee.blokken


@pytest.fixture(scope="module")
def nl() -> Tabel:
    return Tabel.maak(_velden(NL_VELDEN), list(records(4000, zaad=7)))


@pytest.mark.parametrize("delen", [2, 5])
def test_deduplicating_on_two_workers_equals_one_process(
    client: verdeeld.Client, nl: Tabel, delen: int
) -> None:
    sleutels = [Sleutel(k) for k in NL_SLEUTELS]
    een = koppel(nl, sleutels)
    v = verdeeld.koppel_verdeeld(client, nl, sleutels, delen=delen)
    assert v.aantal == len(een.a)
    _gelijk(een, v.verzamel())
    boven = v.boven(0.9)
    kies = een.kans >= 0.9
    assert np.array_equal(boven.a, een.a[kies]) and np.array_equal(boven.gewicht, een.gewicht[kies])
    v.sluit()


def test_a_sample_smaller_than_the_keys_pairs_is_the_same_sample(
    client: verdeeld.Client, nl: Tabel, monkeypatch: pytest.MonkeyPatch
) -> None:
    """With a sample smaller than a key's pairs the parts' own samples are merged: the model
    is still the one process's model."""
    monkeypatch.setattr(koppel_module, "MONSTER", 500)
    monkeypatch.setattr(verdeeld, "MONSTER", 500)
    sleutels = [Sleutel(k) for k in NL_SLEUTELS]
    een = koppel(nl, sleutels)
    assert max(b.paren for b in een.blokken) > 500
    _gelijk(een, verdeeld.koppel_verdeeld(client, nl, sleutels, delen=3).verzamel())


def test_linking_households_equals_one_process(client: verdeeld.Client) -> None:
    """The hard set (households, twins, Jr/Sr) linked across two files, where the penalties
    for counter-evidence are fitted from the sums over all pairs; then learning from verdicts
    rescores the pairs on the workers as in one process."""
    with tempfile.TemporaryDirectory() as d:
        from bench.kruis_moeilijk import schrijf

        schrijf(Path(d), 2000, 7)
        paden = [Path(d) / "a.csv", Path(d) / "b.csv"]
        t = bestanden.maak_tabel(paden, bestanden.lees_mapping(CLI_MAPPING))
    sleutels = bestanden.sleutels_voor(t.velden)
    een = koppel(t, sleutels, koppelen=True)
    assert een.model.tegen[3] < -10  # the sums decided something
    v = verdeeld.koppel_verdeeld(client, t, sleutels, koppelen=True, delen=4)
    _gelijk(een, v.verzamel())

    index = np.flatnonzero((een.kans > 0.2) & (een.kans < 0.99))[:40]
    een.leer(index, np.arange(len(index)) % 2 == 0)
    v.herweeg(een.model)
    _gelijk(een, v.verzamel())


def test_a_delivery_against_a_stored_model(client: verdeeld.Client, nl: Tabel) -> None:
    sleutels = [Sleutel(k) for k in NL_SLEUTELS]
    model = koppel(nl, sleutels).model
    nieuw = np.zeros(nl.n, dtype=np.bool_)
    nieuw[-300:] = True
    een = koppel(nl, sleutels, model=model, nieuw=nieuw)
    _gelijk(
        een, verdeeld.koppel_verdeeld(client, nl, sleutels, model=model, nieuw=nieuw).verzamel()
    )
