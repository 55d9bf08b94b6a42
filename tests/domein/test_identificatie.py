# SPDX-License-Identifier: EUPL-1.2
from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from integraal.domein import identificatie as ident
from integraal.domein.identificatie import OngeldigeWaarde


@pytest.mark.parametrize("waarde", ["999990019", "9999.90.019", " 999990019 ", "111222333"])
def test_geldige_bsn(waarde: str) -> None:
    assert len(ident.bsn(waarde)) == 9


@pytest.mark.parametrize(
    ("waarde", "reden"),
    [
        ("123456789", "elfproef"),
        ("12345", "9 cijfers"),
        ("abcdefghi", "9 cijfers"),
        ("000000000", "elfproef"),
    ],
)
def test_ongeldige_bsn_met_nederlandse_reden(waarde: str, reden: str) -> None:
    with pytest.raises(OngeldigeWaarde, match=reden):
        ident.bsn(waarde)


def test_bsn_van_acht_cijfers_krijgt_voorloopnul() -> None:
    assert ident.bsn("11222335") == "011222335"


@given(st.integers(min_value=0, max_value=8), st.integers(min_value=1, max_value=9))
def test_een_cijfer_wijzigen_breekt_de_elfproef(positie: int, delta: int) -> None:
    geldig = "999990019"
    cijfers = list(geldig)
    cijfers[positie] = str((int(cijfers[positie]) + delta) % 10)
    with pytest.raises(OngeldigeWaarde):
        ident.bsn("".join(cijfers))


def test_rsin_en_kvk() -> None:
    assert ident.rsin("999990019") == "999990019"
    with pytest.raises(OngeldigeWaarde, match="elfproef"):
        ident.rsin("123456789")
    assert ident.kvk_nummer("9900 0001") == "99000001"
    with pytest.raises(OngeldigeWaarde, match="8 cijfers"):
        ident.kvk_nummer("1234567")


def test_iban() -> None:
    assert ident.iban("nl91 abna 0417 1643 00") == "NL91ABNA0417164300"
    with pytest.raises(OngeldigeWaarde, match="IBAN"):
        ident.iban("NL91ABNA0417164301")


def test_postcode() -> None:
    assert ident.postcode("3011 aa") == "3011AA"
    for fout in ("0123AB", "3011", "3011 SS"):
        with pytest.raises(OngeldigeWaarde, match="postcode"):
            ident.postcode(fout)


@pytest.mark.parametrize(
    "plaat", ["AB-12-34", "12-AB-34", "1-ABC-23", "GB-123-X", "QQ-123-Q", "99-XX-XX"]
)
def test_kenteken_sidecodes(plaat: str) -> None:
    assert "-" not in ident.kenteken(plaat)


def test_kenteken_ongeldig() -> None:
    with pytest.raises(OngeldigeWaarde, match="sidecode"):
        ident.kenteken("ABCDEFG")


def test_bag_id() -> None:
    assert ident.bag_objecttype("0599010000123456") == "verblijfsobject"
    assert ident.bag_objecttype("0599100000123456") == "pand"
    with pytest.raises(OngeldigeWaarde, match="objecttype"):
        ident.bag_id("0599990000123456")
    with pytest.raises(OngeldigeWaarde, match="16 cijfers"):
        ident.bag_id("12345")
