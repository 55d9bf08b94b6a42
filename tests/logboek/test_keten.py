# SPDX-License-Identifier: EUPL-1.2
from __future__ import annotations

import datetime as dt

from hypothesis import given
from hypothesis import strategies as st

from integraal.logboek.keten import (
    MerkleFront,
    blad_hash,
    controleer_inclusie,
    inclusiebewijs,
    merkle_wortel,
    merkle_wortel_recursief,
)
from integraal.logboek.ondertekening import Checkpoint, Ed25519PrivateKey

BLADEN = st.lists(st.binary(max_size=8), max_size=80).map(
    lambda xs: [blad_hash(x.hex()) for x in xs]
)


@given(BLADEN)
def test_snelle_wortel_is_rfc_wortel(bladen: list[bytes]) -> None:
    assert merkle_wortel(bladen) == merkle_wortel_recursief(bladen)


@given(BLADEN)
def test_front_geeft_op_elke_grootte_de_rfc_wortel(bladen: list[bytes]) -> None:
    front = MerkleFront()
    for i, b in enumerate(bladen, start=1):
        front.voeg_toe(b)
        assert front.wortel() == merkle_wortel_recursief(bladen[:i])


@given(BLADEN.filter(lambda b: len(b) > 1), st.data())
def test_inclusiebewijs(bladen: list[bytes], data: st.DataObject) -> None:
    i = data.draw(st.integers(0, len(bladen) - 1))
    wortel = merkle_wortel(bladen)
    bewijs = inclusiebewijs(i, bladen)
    assert controleer_inclusie(i, len(bladen), bladen[i], bewijs, wortel)
    assert not controleer_inclusie(i, len(bladen), blad_hash("vervalst"), bewijs, wortel)


def test_rfc_9162_bekende_waarden() -> None:
    # Empty tree hash and leaf hash per RFC 9162 §2.1.1.
    assert (
        merkle_wortel([]).hex()
        == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"
    )
    assert blad_hash("").hex() == "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d"


def test_checkpoint_handtekening() -> None:
    sleutel = Ed25519PrivateKey.generate()
    cp = Checkpoint.onderteken(sleutel, 3, "ab" * 32, dt.datetime(2026, 1, 1, tzinfo=dt.UTC))
    assert cp.handtekening_geldig()
    assert Checkpoint.uit_json(cp.naar_json()) == cp
    vervalst = Checkpoint(
        4, cp.wortel_hash, cp.tijd, cp.sleutel_id, cp.publieke_sleutel, cp.handtekening
    )
    assert not vervalst.handtekening_geldig()
    ander = Ed25519PrivateKey.generate().public_key().public_bytes_raw().hex()
    assert not cp.handtekening_geldig(ander)
