# SPDX-License-Identifier: EUPL-1.2
"""The closure and claim state machines: whatever sequence of steps a person tries, no illegal
state is reached (Hypothesis drives random sequences; a refused step changes nothing)."""

from __future__ import annotations

import contextlib
import datetime as dt

import pytest
from hypothesis import settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, invariant, rule

from integraal.domein import bestuurlijk as b
from integraal.domein.casus import OngeldigeOvergang

DAG0 = dt.date(2026, 1, 1)
dagen = st.integers(min_value=0, max_value=400).map(lambda n: DAG0 + dt.timedelta(days=n))
centen = st.integers(min_value=-5, max_value=500_000)


class Sluitingen(RuleBasedStateMachine):
    def __init__(self) -> None:
        super().__init__()
        self.s = b.Sluitingsstand()
        self.was_gesloten = False

    def _probeer(self, stap: object, *args: object) -> None:
        with contextlib.suppress(OngeldigeOvergang):
            self.s = stap(self.s, *args)  # type: ignore[operator]

    @rule()
    def waarschuw(self) -> None:
        self._probeer(b.waarschuw)

    @rule(begin=dagen, einde=dagen)
    def sluit(self, begin: dt.date, einde: dt.date) -> None:
        self._probeer(b.sluit, begin, einde)
        self.was_gesloten |= self.s.status is b.Sluitingsstatus.GESLOTEN

    @rule(einde=dagen)
    def verleng(self, einde: dt.date) -> None:
        self._probeer(b.verleng, einde)

    @rule(op=dagen)
    def beeindig(self, op: dt.date) -> None:
        self._probeer(b.beeindig, op)

    @rule(soort=st.sampled_from(b.Rechtsmiddel))
    def rechtsmiddel(self, soort: b.Rechtsmiddel) -> None:
        self._probeer(b.rechtsmiddel_in, soort)

    @rule(uitkomst=st.sampled_from(b.Uitspraak))
    def uitspraak(self, uitkomst: b.Uitspraak) -> None:
        self._probeer(b.uitspraak, uitkomst)

    @invariant()
    def periode_klopt(self) -> None:
        s = self.s
        if s.status in (b.Sluitingsstatus.GESLOTEN, b.Sluitingsstatus.BEEINDIGD) and (
            s.begin is not None
        ):
            assert s.einde is not None and s.einde >= s.begin
        if s.status is b.Sluitingsstatus.GESLOTEN:
            assert s.begin is not None and s.einde is not None and s.einde > s.begin
        # Ended only what was closed; registered at the Kadaster only while closed.
        if s.status is b.Sluitingsstatus.BEEINDIGD:
            assert self.was_gesloten
        assert s.ingeschreven_te_houden == (s.status is b.Sluitingsstatus.GESLOTEN)
        if s.verlengingen:
            assert self.was_gesloten
        if s.lopend_rechtsmiddel is not None:
            assert s.status in b.BESTREDEN_KAN


class Vorderingen(RuleBasedStateMachine):
    def __init__(self) -> None:
        super().__init__()
        self.v: b.Vorderingstand | None = None
        self.vorige: b.Vorderingstatus | None = None

    def _probeer(self, stap: object, *args: object) -> None:
        if self.v is None:
            return
        voor = self.v
        try:
            self.v = stap(self.v, *args)  # type: ignore[operator]
        except OngeldigeOvergang:
            assert self.v == voor

    @rule(
        soort=st.sampled_from(b.Vorderingsoort),
        bedrag=centen,
        maximum=st.none() | centen,
    )
    def leg_op(self, soort: b.Vorderingsoort, bedrag: int, maximum: int | None) -> None:
        if self.v is None:
            with contextlib.suppress(OngeldigeOvergang):
                self.v = b.nieuwe_vordering(soort, bedrag, maximum)

    @rule(bedrag=centen)
    def verbeur(self, bedrag: int) -> None:
        self._probeer(b.verbeurd, bedrag)

    @rule(bedrag=centen)
    def betaal(self, bedrag: int) -> None:
        self._probeer(b.betaling, bedrag)

    @rule()
    def nakomen(self) -> None:
        self._probeer(b.nagekomen)

    @rule()
    def invorderen(self) -> None:
        self._probeer(b.invordering)

    @rule()
    def oninbaar(self) -> None:
        self._probeer(b.oninbaar)

    @rule()
    def vervallen(self) -> None:
        self._probeer(b.vervallen)

    @invariant()
    def bedragen_kloppen(self) -> None:
        v = self.v
        if v is None:
            return
        assert 0 <= v.betaald <= v.verschuldigd <= v.maximum
        if v.status is b.Vorderingstatus.BETAALD:
            assert v.open == 0 and v.betaald > 0
        if v.soort is b.Vorderingsoort.BOETE:
            assert v.status not in (b.Vorderingstatus.VERBEURD, b.Vorderingstatus.NAGEKOMEN)
        if v.status is b.Vorderingstatus.NAGEKOMEN:
            assert v.soort is b.Vorderingsoort.DWANGSOM and v.open == 0
        if v.status is b.Vorderingstatus.VERBEURD:
            assert v.soort is b.Vorderingsoort.DWANGSOM and v.verschuldigd > 0
        if v.status is b.Vorderingstatus.INVORDERING:
            assert v.open > 0
        if v.soort is b.Vorderingsoort.BOETE:
            assert v.verschuldigd == v.maximum or v.status is b.Vorderingstatus.VERVALLEN


TestSluitingen = Sluitingen.TestCase
TestSluitingen.settings = settings(max_examples=60, stateful_step_count=25, deadline=None)
TestVorderingen = Vorderingen.TestCase
TestVorderingen.settings = settings(max_examples=60, stateful_step_count=25, deadline=None)


def test_lbb_termijn_is_acht_weken_en_eenmaal_vier_erbij() -> None:
    assert b.lbb_uiterste_datum(DAG0, False) == dt.date(2026, 2, 26)
    assert b.lbb_uiterste_datum(DAG0, True) == dt.date(2026, 3, 26)


def test_nadelig_besluit_pas_na_zienswijze() -> None:
    weigeren, voornemen = b.Bibobbesluit.WEIGEREN, b.Bibobstatus.VOORNEMEN
    with pytest.raises(OngeldigeOvergang, match="zienswijze"):
        b.bibob_besluit(b.Bibobstatus.ADVIES_ONTVANGEN, weigeren, None, False)
    with pytest.raises(OngeldigeOvergang, match="termijn voor de zienswijze loopt nog"):
        b.bibob_besluit(voornemen, weigeren, weigeren, False)
    with pytest.raises(OngeldigeOvergang, match="wijkt af van het voornemen"):
        b.bibob_besluit(voornemen, b.Bibobbesluit.INTREKKEN, weigeren, True)
    assert b.bibob_besluit(voornemen, weigeren, weigeren, True) is b.Bibobstatus.BESLOTEN
    # Milder than announced needs no new hearing.
    assert (
        b.bibob_besluit(voornemen, b.Bibobbesluit.VOORWAARDEN, weigeren, True)
        is b.Bibobstatus.BESLOTEN
    )
    assert (
        b.bibob_besluit(b.Bibobstatus.ONDERZOEK, b.Bibobbesluit.VERLENEN, None, False)
        is b.Bibobstatus.BESLOTEN
    )
    with pytest.raises(OngeldigeOvergang):
        b.bibob_stap(b.Bibobstatus.ADVIES_GEVRAAGD, b.Bibobstatus.BESLOTEN)


def test_hergebruik_vijf_jaar_ook_op_schrikkeldag() -> None:
    assert b.hergebruik_tot(dt.date(2024, 2, 29)) == dt.date(2029, 2, 28)
