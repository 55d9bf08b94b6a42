# SPDX-License-Identifier: EUPL-1.2
from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from integraal.domein.casus import (
    CASUS_OVERGANGEN,
    DEELVERZOEK_OVERGANGEN,
    INTERVENTIE_OVERGANGEN,
    SIGNAAL_OVERGANGEN,
    CasusStatus,
    DeelverzoekStatus,
    OngeldigeOvergang,
    SignaalStatus,
    controleer,
    vier_ogen,
)

ALLE = [SIGNAAL_OVERGANGEN, CASUS_OVERGANGEN, DEELVERZOEK_OVERGANGEN, INTERVENTIE_OVERGANGEN]


@pytest.mark.parametrize("overgangen", ALLE)
def test_elke_status_heeft_een_regel_en_eindstatussen_zijn_eindig(overgangen: dict) -> None:  # type: ignore[type-arg]
    statussen = set(overgangen)
    assert statussen == set(type(next(iter(statussen))))
    for naar in overgangen.values():
        assert naar <= statussen


@given(st.lists(st.sampled_from(list(SignaalStatus)), max_size=10))
def test_signaal_komt_nooit_terug_uit_een_eindstatus(pad: list[SignaalStatus]) -> None:
    status = SignaalStatus.NIEUW
    for naar in pad:
        try:
            controleer(SIGNAAL_OVERGANGEN, status, naar)
        except OngeldigeOvergang:
            continue
        assert status not in (SignaalStatus.OMGEZET, SignaalStatus.AFGEWEZEN)
        status = naar


def test_gesloten_casus_blijft_gesloten() -> None:
    with pytest.raises(OngeldigeOvergang, match="kan niet"):
        controleer(CASUS_OVERGANGEN, CasusStatus.GESLOTEN, CasusStatus.OPEN)


def test_deelverzoek_pas_beantwoord_na_goedkeuring() -> None:
    with pytest.raises(OngeldigeOvergang):
        controleer(
            DEELVERZOEK_OVERGANGEN,
            DeelverzoekStatus.WACHT_OP_GOEDKEURING,
            DeelverzoekStatus.BEANTWOORD,
        )
    controleer(DEELVERZOEK_OVERGANGEN, DeelverzoekStatus.GOEDGEKEURD, DeelverzoekStatus.BEANTWOORD)


def test_vier_ogen() -> None:
    vier_ogen(1, 2, "politie", "politie")
    with pytest.raises(OngeldigeOvergang, match="eigen verzoek"):
        vier_ogen(1, 1, "politie", "politie")
    with pytest.raises(OngeldigeOvergang, match="verstrekkende organisatie"):
        vier_ogen(1, 2, "riec-rotterdam", "politie")
