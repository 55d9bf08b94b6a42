# SPDX-License-Identifier: EUPL-1.2
"""Lines named per period, the Kamer's status words, revisions, small-cell suppression."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from integraal.domein.monitor import (
    Lijnlabel,
    Observatie,
    TKStatus,
    geldend,
    label_op,
    onderdruk,
)

LABELS = [
    Lijnlabel("Doorbreken van criminele netwerken", None, dt.date(2023, 5, 22), "348"),
    Lijnlabel("Verstoren", dt.date(2023, 5, 22), dt.date(2025, 12, 19), "417"),
    Lijnlabel("Doorbreken", dt.date(2025, 12, 19), None, "492"),
]


@pytest.mark.parametrize(
    ("datum", "naam"),
    [
        (dt.date(2021, 11, 17), "Doorbreken van criminele netwerken"),
        (dt.date(2023, 5, 22), "Verstoren"),
        (dt.date(2024, 6, 1), "Verstoren"),
        (dt.date(2025, 12, 18), "Verstoren"),
        (dt.date(2025, 12, 19), "Doorbreken"),
    ],
)
def test_een_lijn_heeft_de_naam_van_de_periode(datum: dt.date, naam: str) -> None:
    assert label_op(LABELS, datum) == naam


def test_status_van_de_kamer_in_beide_schrijfwijzen() -> None:
    assert TKStatus.lees("Deels Voldaan") is TKStatus.DEELS_VOLDAAN
    assert TKStatus.lees("deels voldaan") is TKStatus.DEELS_VOLDAAN
    with pytest.raises(ValueError, match="onbekende status"):
        TKStatus.lees("Niet nagekomen")  # used by third-party code, not in the XSD


def _obs(periode: str, waarde: str, dag: int) -> Observatie:
    return Observatie(
        "beslagwaarde", periode, Decimal(waarde), dt.datetime(2024, 6, dag, tzinfo=dt.UTC)
    )


def test_een_herziening_vervangt_vanaf_haar_registratie() -> None:
    alle = [_obs("2023", "371.8", 1), _obs("2023", "402.5", 20), _obs("2022", "321.2", 1)]
    nu = geldend(alle)
    assert nu[("beslagwaarde", "2023", "NL", "")].waarde == Decimal("402.5")
    eerder = geldend(alle, dt.datetime(2024, 6, 10, tzinfo=dt.UTC))
    assert eerder[("beslagwaarde", "2023", "NL", "")].waarde == Decimal("371.8")
    assert len(eerder) == 2


def test_kleine_cellen_en_aanvullende_onderdrukking() -> None:
    cellen = onderdruk({"bestuurlijk": 12, "fiscaal": 3, "strafrechtelijk": 7})
    assert cellen["fiscaal"].waarde is None
    # with one hidden cell and a published total, 3 could be recomputed: hide the next smallest
    assert cellen["strafrechtelijk"].waarde is None
    assert cellen["bestuurlijk"].waarde == 12
    assert onderdruk({"a": 0, "b": 9})["a"].waarde == 0


@given(st.dictionaries(st.text(min_size=1, max_size=3), st.integers(0, 40), max_size=6))
def test_geen_klein_aantal_zichtbaar_en_nooit_een_enkele_verborgen_cel(
    telling: dict[str, int],
) -> None:
    cellen = onderdruk(telling)
    zichtbaar = [c.waarde for c in cellen.values() if c.waarde is not None]
    assert all(w == 0 or w >= 5 for w in zichtbaar)
    verborgen = [s for s, c in cellen.items() if c.waarde is None]
    andere = [s for s, n in telling.items() if n > 0 and s not in verborgen]
    assert len(verborgen) != 1 or not andere
