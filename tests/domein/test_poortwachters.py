# SPDX-License-Identifier: EUPL-1.2
"""Reports, entries and permits as pure state: what may follow what, and when an entry hits."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from integraal.domein import poortwachters as p
from integraal.domein.casus import OngeldigeOvergang

dagen = st.dates(min_value=dt.date(2000, 1, 1), max_value=dt.date(2090, 12, 31))


def test_melding_alleen_verdacht_na_analyse_en_alleen_verdacht_verstrekt() -> None:
    s = p.Meldingstatus.ONTVANGEN
    with pytest.raises(OngeldigeOvergang):
        p.meldingstap(s, p.Meldingstatus.VERDACHT)
    with pytest.raises(OngeldigeOvergang, match="verdacht verklaarde"):
        p.mag_verstrekken(s)
    s = p.meldingstap(s, p.Meldingstatus.IN_ANALYSE)
    niet = p.meldingstap(s, p.Meldingstatus.NIET_VERDACHT)
    assert p.meldingstap(niet, p.Meldingstatus.IN_ANALYSE) is p.Meldingstatus.IN_ANALYSE
    verdacht = p.meldingstap(s, p.Meldingstatus.VERDACHT)
    p.mag_verstrekken(verdacht)
    with pytest.raises(OngeldigeOvergang):
        p.meldingstap(verdacht, p.Meldingstatus.NIET_VERDACHT)


@given(dagen, st.integers(min_value=1, max_value=120))
def test_registratietermijn(begin: dt.date, maanden: int) -> None:
    einde = p.registratie_einde(begin, maanden)
    volgende = einde + dt.timedelta(days=1)
    # the term ends the day before the same date `maanden` later (or the month's last day)
    assert (volgende.year - begin.year) * 12 + volgende.month - begin.month == maanden
    assert volgende.day == begin.day or (volgende.day < begin.day)
    assert p.treft(p.Registratiestatus.INGESCHREVEN, einde, einde)
    assert not p.treft(p.Registratiestatus.INGESCHREVEN, einde, volgende)
    assert p.treft(p.Registratiestatus.BEZWAAR, einde, begin)
    assert not p.treft(p.Registratiestatus.DOORGEHAALD, einde, begin)


def test_registratietermijn_schrikkeljaar() -> None:
    assert p.registratie_einde(dt.date(2027, 2, 28), 12) == dt.date(2028, 2, 27)
    assert p.registratie_einde(dt.date(2028, 2, 29), 12) == dt.date(2029, 2, 27)


def test_doorgehaald_blijft_doorgehaald() -> None:
    with pytest.raises(OngeldigeOvergang):
        p.registratiestap(p.Registratiestatus.DOORGEHAALD, p.Registratiestatus.INGESCHREVEN)
    assert (
        p.registratiestap(p.Registratiestatus.BEZWAAR, p.Registratiestatus.DOORGEHAALD)
        is p.Registratiestatus.DOORGEHAALD
    )


def test_vergunning_geldigheid() -> None:
    oud = p.Vergunning(
        "AP-1", dt.date(2024, 1, 1), dt.date(2025, 12, 31), frozenset(p.Registratiecriterium), 24
    )
    nieuw = p.Vergunning(
        "AP-2",
        dt.date(2026, 1, 1),
        None,
        frozenset({p.Registratiecriterium.ONTSLAG}),
        36,
        ingetrokken_op=dt.date(2027, 1, 1),
    )
    assert p.geldige_vergunning([oud, nieuw], dt.date(2025, 6, 1)) is oud
    assert p.geldige_vergunning([oud, nieuw], dt.date(2026, 6, 1)) is nieuw
    assert p.geldige_vergunning([oud, nieuw], dt.date(2027, 1, 1)) is None
    assert p.geldige_vergunning([], dt.date(2026, 6, 1)) is None
