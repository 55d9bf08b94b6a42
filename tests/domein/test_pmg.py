# SPDX-License-Identifier: EUPL-1.2
"""Preventie met Gezag returns summed: reach and counts per evidence status, theme, level and
decision; the share of founded interventions; text that looks like a person is recognised."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from integraal.domein.pmg import (
    BEWERKBAAR,
    OVERGANGEN,
    Besluit,
    Bewijs,
    Interventie,
    Niveau,
    Opgavestatus,
    Risicothema,
    aandeel_bewezen,
    persoonlijk,
    tel_op,
)


def _i(bewijs: Bewijs, themas: set[Risicothema], bereik: int, besluit: Besluit) -> Interventie:
    return Interventie(
        "x", bewijs, frozenset(themas), frozenset({Niveau.POSITIEF}), bereik, 1, besluit
    )


def test_optellen_over_gemeenten() -> None:
    s = tel_op(
        {
            "gemeente-a": [
                _i(
                    Bewijs.ERKEND,
                    {Risicothema.ONDERWIJS, Risicothema.NETWERK},
                    10,
                    Besluit.CONTINUEREN,
                ),
                _i(Bewijs.INNOVATIE, {Risicothema.ONDERWIJS}, 5, Besluit.STOPPEN),
            ],
            "gemeente-b": [
                _i(Bewijs.KWALITEITSKADER, {Risicothema.NETWERK}, 7, Besluit.BIJSTELLEN)
            ],
        }
    )
    assert (s.gemeenten, s.interventies, s.bereik, s.output) == (2, 3, 22, 3)
    assert s.per_thema == {Risicothema.ONDERWIJS: 2, Risicothema.NETWERK: 2}
    assert s.bereik_per_thema == {Risicothema.ONDERWIJS: 15, Risicothema.NETWERK: 17}
    assert s.per_besluit == {Besluit.CONTINUEREN: 1, Besluit.STOPPEN: 1, Besluit.BIJSTELLEN: 1}
    assert s.per_niveau == {Niveau.POSITIEF: 3}


@given(
    st.lists(
        st.tuples(st.sampled_from(list(Bewijs)), st.integers(0, 10_000)), min_size=1, max_size=30
    )
)
def test_bereik_telt_op_en_het_aandeel_ligt_tussen_nul_en_een(
    paren: list[tuple[Bewijs, int]],
) -> None:
    alle = [_i(b, {Risicothema.ONDERWIJS}, n, Besluit.CONTINUEREN) for b, n in paren]
    s = tel_op({"g": alle})
    assert s.bereik == sum(n for _, n in paren) == s.bereik_per_thema[Risicothema.ONDERWIJS]
    aandeel = aandeel_bewezen(alle)
    assert aandeel is not None and 0 <= aandeel <= 1
    assert aandeel == sum(b is not Bewijs.INNOVATIE for b, _ in paren) / len(paren)
    assert aandeel_bewezen([]) is None


@pytest.mark.parametrize(
    ("tekst", "verwacht"),
    [
        ("Jongere met BSN 999990019 doorverwezen", True),
        ("BSN 1234 56 782", True),
        ("123.456.782", True),
        ("nummer 123456789", True),
        ("geboren 2009-02-01", True),
        ("op 01.02.2009", True),
        ("1 februari 2009", True),
        ("01-02-09", True),
        ("jan.jansen (at) voorbeeld.nl", True),
        ("j.jansen at school.nl", True),
        ("bel 06-12345678", True),
        ("100.000.000 euro subsidie", False),
        ("sinds maart 2024", False),
        ("mail naar j.jansen@voorbeeld.nl", True),
        ("geboren 14-03-2009", True),
        ("84 jongeren in 7 groepstrainingen, 2026", False),
        ("Algemene voorlichting kan averechts werken (De Jonge en Kruisbergen).", False),
        ("Begroting 1.250.000 euro", False),
    ],
)
def test_wat_op_een_persoon_lijkt(tekst: str, verwacht: bool) -> None:
    assert persoonlijk(tekst) is verwacht


def test_statusovergangen() -> None:
    assert OVERGANGEN[Opgavestatus.GOEDGEKEURD] == frozenset()
    assert Opgavestatus.INGEDIEND not in BEWERKBAAR
    assert Opgavestatus.TERUGGESTUURD in BEWERKBAAR
    bereikbaar = {Opgavestatus.UITGEVRAAGD}
    for _ in range(4):
        bereikbaar |= {n for s in bereikbaar for n in OVERGANGEN[s]}
    assert bereikbaar == set(Opgavestatus)
