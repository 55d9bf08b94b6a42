# SPDX-License-Identifier: EUPL-1.2
"""Tables from records or from columns code the same values; a delivery appended later
shares the code books."""

from __future__ import annotations

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from integraal.kruis.blokken import uniek
from integraal.kruis.tabel import Soort, Tabel, Veld

VELDEN = (
    Veld("voornaam", Soort.VOORNAAM),
    Veld("achternaam", Soort.ACHTERNAAM),
    Veld("geboortedatum", Soort.DATUM),
    Veld("postcode", Soort.POSTCODE),
    Veld("telefoon", Soort.TELEFOON),
)
_waarde = st.one_of(
    st.none(),
    st.sampled_from(
        [
            "",
            "Jan",
            "J.",
            "van der Berg",
            "Berg, van der",
            "1980-03-15",
            "15-03-1980",
            "3011 aa",
            "3011AA",
            "06-12345678",
            "+31 6 1234 5678",
            "Ünal",
        ]
    ),
)
_record = st.fixed_dictionaries({v.naam: _waarde for v in VELDEN})


def _waarden(t: Tabel) -> dict[str, list[str]]:
    return {k: [t.waarde(k, i) for i in range(t.n)] for k in t.codes}


@settings(max_examples=60, deadline=None)
@given(st.lists(_record, max_size=12), st.lists(_record, max_size=5))
def test_columns_records_and_appending_agree(
    records: list[dict[str, str | None]], later: list[dict[str, str | None]]
) -> None:
    uit_records = Tabel.maak(VELDEN, records)
    kolommen = {v.naam: [r[v.naam] for r in records] for v in VELDEN}
    uit_kolommen = Tabel.uit_kolommen(VELDEN, kolommen, [str(i) for i in range(len(records))])
    assert _waarden(uit_records) == _waarden(uit_kolommen)
    # Equal normalised values, equal codes; missing is −1.
    for k, codes in uit_kolommen.codes.items():
        w = _waarden(uit_kolommen)[k]
        for i in range(len(w)):
            for j in range(len(w)):
                assert (codes[i] == codes[j]) == (w[i] == w[j])
            assert (codes[i] < 0) == (w[i] == "")
    samen = uit_records.voeg_toe(later)
    assert _waarden(samen) == _waarden(Tabel.maak(VELDEN, records + later))
    for k in samen.codes:
        assert np.array_equal(samen.codes[k][: len(records)], uit_records.codes[k])


def test_phone_and_code_normalise_the_same_with_and_without_punctuation() -> None:
    t = Tabel.maak(
        VELDEN,
        [
            {"telefoon": "0612345678"},
            {"telefoon": "06-12345678"},
            {"telefoon": "+31612345678"},
            {"postcode": "3011aa"},
            {"postcode": "3011 AA"},
        ],
    )
    assert {t.waarde("telefoon", i) for i in range(3)} == {"0612345678"}
    assert t.waarde("postcode", 3) == t.waarde("postcode", 4) == "3011AA"


@given(st.lists(st.integers(-5, 5)))
def test_distinct_values_sorted(x: list[int]) -> None:
    assert uniek(np.asarray(x, dtype=np.int64)).tolist() == sorted(set(x))
