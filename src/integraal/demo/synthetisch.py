# SPDX-License-Identifier: EUPL-1.2
"""Identifiers that cannot belong to anyone real.

BSNs come from the 99999xxxx range that the BRP keeps for test environments; IBANs use the
non-existent bank code ZZZZ; KvK numbers start with 99; licence plates use Q, a letter the RDW
does not issue. Each still passes its checksum, so imports validate them like real ones.
"""

from __future__ import annotations

import random
from collections.abc import Iterator

from stdnum import iban as _iban

from integraal.domein.identificatie import OngeldigeWaarde, bsn


def test_bsns() -> Iterator[str]:
    for n in range(999990000, 1000000000):
        try:
            yield bsn(str(n))
        except OngeldigeWaarde:
            continue


def iban(rng: random.Random) -> str:
    rekening = f"{rng.randrange(10**9, 10**10):010d}"
    controle = _iban.calc_check_digits(f"NL00ZZZZ{rekening}")
    return f"NL{controle}ZZZZ{rekening}"


def kvk(rng: random.Random) -> str:
    return f"99{rng.randrange(10**6):06d}"


def kenteken(rng: random.Random) -> str:
    return f"QQ-{rng.randrange(100, 1000)}-Q"
