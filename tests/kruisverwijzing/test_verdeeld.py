# SPDX-License-Identifier: EUPL-1.2
"""A run in a case with a Dask scheduler configured (INTEGRAAL_DASK): a large scope is scored
on the workers and stores the suggestions one process would store; a small one stays here."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import numpy as np
import pytest
import sqlalchemy as sa

from bench.kruis_data import records
from integraal.kruis import personen, verdeeld
from integraal.kruis.tabel import Tabel
from integraal.kruis.verdeeld import Client, lokaal
from integraal.kruisverwijzing import taken
from integraal.kruisverwijzing.taken import KruistaakIn
from integraal.opslag.db import transactie
from integraal.opslag.modellen import Kruissuggestie, Kruistaak
from tests.conftest import Wereld
from tests.hulp import doe

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def client() -> Iterator[Client]:
    c = lokaal(2, geheugen="2GiB")
    yield c
    cluster = c.cluster
    c.close()
    assert cluster is not None
    cluster.close()


def _voorbereid(aantal: int) -> taken._Voorbereid:
    rs = list(records(aantal, zaad=3))
    tabel = Tabel.maak(personen.VELDEN, rs)
    return taken._Voorbereid(tabel, [frozenset({"x"})] * tabel.n, koppelen=False)


def test_a_large_scope_is_scored_on_the_workers_as_here(
    client: Client, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(taken, "EIGEN_MODEL_VANAF", 2000)  # a model of its own, as when large
    v = _voorbereid(2500)
    taak = Kruistaak(id="t", casus_id="C-1", soort=taken.Soort.CASUS.value, parameters={})
    hier: Any = taken._score(v, taak)
    daar = taken._score(v, taak, client)
    assert daar.model.als_dict() == hier.model.als_dict()
    kies = hier.kans >= taken.DREMPEL
    boven = daar.boven(taken.DREMPEL)
    assert np.array_equal(boven.a, hier.a[kies]) and np.array_equal(boven.b, hier.b[kies])
    assert np.array_equal(boven.gewicht, hier.gewicht[kies])
    assert len(boven.a) > 100  # a run that finds something
    daar.sluit()


def test_only_a_large_scope_with_a_scheduler_goes_to_the_workers(
    client: Client, monkeypatch: pytest.MonkeyPatch
) -> None:
    adres = client.scheduler.address
    monkeypatch.setattr(taken, "VERDEELD_VANAF", 500)
    monkeypatch.setattr(taken, "EIGEN_MODEL_VANAF", 100)
    groot, klein = _voorbereid(600), _voorbereid(300)
    with taken._werkers(groot, adres) as c:
        assert c is not None and len(c.nthreads()) == 2
    with taken._werkers(groot, None) as c:
        assert c is None
    with taken._werkers(klein, adres) as c:
        assert c is None
    assert len(client.nthreads()) == 2  # a run's client leaves the scheduler running


def test_a_run_in_a_case_stores_the_same_suggestions_with_workers(
    kruiswereld: Wereld, client: Client, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The same case scored with the same model (as a resumed run has it) here and on the
    workers: the same suggestions, to the last bit of their weights."""
    w = kruiswereld

    def run(
        dask: str | None, model: dict[str, Any] | None = None
    ) -> tuple[set[tuple[Any, ...]], dict[str, Any] | None]:
        taak = doe(w.omgeving, w.analist, taken.start, "C-1", KruistaakIn())
        with transactie(w.omgeving.fabriek) as s:
            s.execute(sa.update(Kruistaak).where(Kruistaak.id == taak.id).values(model=model))
        assert taken.voer_uit(w.omgeving.context, taak.id, dask=dask).status == "klaar"
        with transactie(w.omgeving.fabriek) as s:
            uit = {
                (x.links, x.rechts, x.kans, x.gewicht)
                for x in s.scalars(
                    sa.select(Kruissuggestie).where(Kruissuggestie.taak_id == taak.id)
                )
            }
            s.execute(sa.delete(Kruissuggestie))  # so the next run stores them again
            t = s.get(Kruistaak, taak.id)
            assert t is not None
            return uit, t.model

    adres = client.scheduler.address
    _, model = run(None)  # the standard model, its prior fitted to this case
    hier, _ = run(adres, model)  # below the size for workers: here
    monkeypatch.setattr(taken, "VERDEELD_VANAF", 0)
    monkeypatch.setattr(taken, "EIGEN_MODEL_VANAF", 0)
    echt, gebruikt = verdeeld.koppel_verdeeld, []

    def spion(*args: Any, **kwargs: Any) -> Any:
        gebruikt.append(kwargs["model"])
        return echt(*args, **kwargs)

    monkeypatch.setattr(verdeeld, "koppel_verdeeld", spion)
    op_werkers, _ = run(adres, model)
    assert len(gebruikt) == 1 and gebruikt[0] is not None  # on the workers, with the model
    assert op_werkers == hier and len(hier) >= 2
