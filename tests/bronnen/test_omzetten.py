# SPDX-License-Identifier: EUPL-1.2
"""Turning a row's text into values: a date read by pattern reads as `strptime` reads it."""

from __future__ import annotations

import datetime as dt

from hypothesis import given
from hypothesis import strategies as st

from integraal.bronnen.omzetten import _cijferpatroon, _datum

_FORMATEN = ["%d-%m-%Y", "%Y-%m-%d", "%d/%m/%Y", "%Y%m%d", "%d.%m.%Y", "%m-%d-%Y", "%d %m %Y"]


def _zoals_strptime(ruw: str, formaat: str) -> str | None:
    try:
        return dt.datetime.strptime(ruw, formaat).date().isoformat()
    except ValueError:
        return None


def _gelezen(ruw: str, formaat: str) -> str | None:
    try:
        return _datum(ruw, formaat)
    except ValueError:
        return None


@given(
    formaat=st.sampled_from(_FORMATEN),
    dag=st.integers(0, 39),
    maand=st.integers(0, 19),
    jaar=st.integers(0, 9999),
    breed=st.booleans(),
)
def test_een_datum_leest_als_strptime(
    formaat: str, dag: int, maand: int, jaar: int, breed: bool
) -> None:
    """Dates with and without leading zeros, impossible ones included (day 31 of February,
    month 13, year 0): the same date or the same refusal."""
    velden = {"%d": dag, "%m": maand, "%Y": jaar}
    ruw = formaat
    for veld, getal in velden.items():
        ruw = ruw.replace(veld, f"{getal:0{4 if veld == '%Y' else 2}d}" if breed else str(getal))
    assert _gelezen(ruw, formaat) == _zoals_strptime(ruw, formaat)


@given(formaat=st.sampled_from(_FORMATEN), ruw=st.text(alphabet="0123456789-/. ", max_size=12))
def test_willekeurige_tekst_leest_als_strptime(formaat: str, ruw: str) -> None:
    assert _gelezen(ruw, formaat) == _zoals_strptime(ruw, formaat)


def test_alleen_formaten_van_cijfers_krijgen_een_patroon() -> None:
    assert _cijferpatroon("%d-%m-%Y") is not None
    assert _cijferpatroon("%Y%m%d") is not None
    for anders in ("%d-%b-%Y", "%d-%m-%y", "%d-%m", "%%d-%m-%Y", "%d-%m-%Y %H:%M"):
        assert _cijferpatroon(anders) is None, anders
    # Read by strptime: one digit, and a month by name.
    assert _datum("1-2-2000", "%d-%m-%Y") == "2000-02-01"
    assert _datum("01-feb-2000", "%d-%b-%Y") == "2000-02-01"
