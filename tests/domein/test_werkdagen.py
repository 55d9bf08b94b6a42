# SPDX-License-Identifier: EUPL-1.2
"""Working days and the freeze term, property-tested against an independent Dutch calendar.

The oracle is the `holidays` package (a different implementation and source). It differs from
the Algemene termijnenwet in two ways we check explicitly rather than paper over: it lists Good
Friday (not a recognised holiday for terms) and has Liberation Day only every fifth year (the
Act names 5 May every year)."""

from __future__ import annotations

import datetime as dt

import holidays
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from integraal.domein import werkdagen as w
from integraal.domein.casus import OngeldigeOvergang
from integraal.domein.poortwachters import (
    OPSCHORTING_MAXIMUM,
    Opschortingstatus,
    bevestig,
    hef_op,
    nieuwe_opschorting,
    verleng,
)

jaren = st.integers(min_value=2000, max_value=2099)
dagen = st.dates(min_value=dt.date(2026, 7, 1), max_value=dt.date(2099, 12, 1))
termijnen = st.integers(min_value=1, max_value=OPSCHORTING_MAXIMUM)


def _volgens_orakel(jaar: int) -> set[dt.date]:
    """The oracle's weekday holidays, brought to the Act's list."""
    uit = set()
    for dag, naam in holidays.country_holidays("NL", years=jaar, language="en_US").items():
        if "Good Friday" in naam:
            continue  # not in art. 3 Algemene termijnenwet
        uit.add(dag)
    uit.add(dt.date(jaar, 5, 5))  # the Act: every year
    return {d for d in uit if d.weekday() < 5}


@given(jaren)
@settings(deadline=None)  # the first call loads the holidays package; under load it is slow
def test_feestdagen_gelijk_aan_een_onafhankelijke_kalender(jaar: int) -> None:
    eigen = {d for d in w.feestdagen(jaar) if d.weekday() < 5}
    assert eigen == _volgens_orakel(jaar)


def test_bekende_jaren() -> None:
    """Anchors a reader can check on a calendar."""
    assert w.feestdagen(2026)[dt.date(2026, 4, 6)] == "Tweede paasdag"
    assert w.feestdagen(2026)[dt.date(2026, 5, 14)] == "Hemelvaartsdag"
    assert w.koningsdag(2025) == dt.date(2025, 4, 26)  # the 27th was a Sunday
    assert w.koningsdag(2026) == dt.date(2026, 4, 27)
    assert not w.is_werkdag(dt.date(2026, 12, 25))
    assert w.waarom_geen_werkdag(dt.date(2026, 12, 26)) == "zaterdag"
    assert w.is_werkdag(dt.date(2026, 4, 3))  # Good Friday counts as a working day


@given(dagen, termijnen)
def test_termijn_telt_precies_zoveel_werkdagen(begin: dt.date, n: int) -> None:
    einde = w.na_werkdagen(begin, n)
    assert w.is_werkdag(einde)
    assert w.werkdagen_tussen(begin, einde) == n
    tussen = [begin + dt.timedelta(days=i) for i in range(1, (einde - begin).days + 1)]
    assert sum(w.is_werkdag(d) for d in tussen) == n
    # n working days plus the weekends in between (at most n // 5 + 2 of them) and at most
    # three weekday holidays (Christmas, Boxing Day, New Year's Day): 22 December 2045, a
    # Friday, plus four working days ends on 2 January.
    assert (einde - begin).days <= n + 2 * (n // 5 + 2) + 3


@given(dagen, termijnen, termijnen)
def test_langere_termijn_eindigt_later(begin: dt.date, a: int, b: int) -> None:
    if a < b:
        assert w.na_werkdagen(begin, a) < w.na_werkdagen(begin, b)


def test_kerst_en_nieuwjaar_over_een_weekend() -> None:
    assert w.na_werkdagen(dt.date(2045, 12, 22), 4) == dt.date(2046, 1, 2)


def test_kerst_en_nieuwjaar() -> None:
    """A request on Wednesday 23 December 2026: Thursday 24 counts, Christmas falls on Friday
    and Saturday; five days end on Thursday 31 December. A sixth skips New Year's Day (a
    Friday) and the weekend: Monday 4 January 2027."""
    assert w.na_werkdagen(dt.date(2026, 12, 23), 5) == dt.date(2026, 12, 31)
    assert w.na_werkdagen(dt.date(2026, 12, 23), 6) == dt.date(2027, 1, 4)


@given(dagen, st.integers(min_value=1, max_value=5), st.integers(min_value=1, max_value=9))
def test_opschorting_blijft_binnen_tien_werkdagen(begin: dt.date, n: int, extra: int) -> None:
    s = nieuwe_opschorting(begin, n, buitenlands=False)
    assert s.einde == w.na_werkdagen(begin, n)
    try:
        s = verleng(s, extra, begin)
    except OngeldigeOvergang:
        assert n + extra > OPSCHORTING_MAXIMUM
    assert s.werkdagen <= OPSCHORTING_MAXIMUM
    assert w.werkdagen_tussen(begin, s.einde) == s.werkdagen
    assert s.op(s.einde) is Opschortingstatus.VERZOCHT
    assert s.op(s.einde + dt.timedelta(days=1)) is Opschortingstatus.VERLOPEN


def test_opschorting_grenzen() -> None:
    dag = dt.date(2026, 11, 30)
    with pytest.raises(OngeldigeOvergang, match="1 juli 2026"):
        nieuwe_opschorting(dt.date(2026, 6, 30), 5, buitenlands=False)
    with pytest.raises(OngeldigeOvergang, match="buitenlandse FIU"):
        nieuwe_opschorting(dag, 6, buitenlands=False)
    assert nieuwe_opschorting(dag, 10, buitenlands=True).werkdagen == 10
    s = bevestig(nieuwe_opschorting(dag, 5, buitenlands=False), dag)
    assert s.status is Opschortingstatus.OPGESCHORT
    with pytest.raises(OngeldigeOvergang, match="al bevestigd"):
        bevestig(s, dag)
    with pytest.raises(OngeldigeOvergang, match="termijn verstreken"):
        hef_op(s, s.einde + dt.timedelta(days=1))
    assert hef_op(s, s.einde).status is Opschortingstatus.OPGEHEVEN
