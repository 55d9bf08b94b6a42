# SPDX-License-Identifier: EUPL-1.2
from __future__ import annotations

from integraal.domein.pseudoniem import is_pseudoniem, pseudoniem


def test_pseudoniem_is_stabiel_en_sleutelgebonden() -> None:
    a = pseudoniem(b"sleutel-a", "bsn", "999990019")
    assert a == pseudoniem(b"sleutel-a", "bsn", "999990019")
    assert a != pseudoniem(b"sleutel-b", "bsn", "999990019")
    assert "999990019" not in a
    assert is_pseudoniem(a)
