# SPDX-License-Identifier: EUPL-1.2
"""The case context a rule decision needs, read from storage."""

from __future__ import annotations

from integraal.delen import CasusContext
from integraal.opslag import beheer
from integraal.opslag.db import Sessie


class OnbekendeCasus(LookupError):
    pass


def casus_context(sessie: Sessie, casus_id: str | None) -> CasusContext | None:
    if casus_id is None:
        return None
    casus = beheer.casus(sessie, casus_id)
    if casus is None:
        raise OnbekendeCasus(f"casus {casus_id} bestaat niet")
    return CasusContext(
        id=casus.id,
        verband_id=casus.verband_id,
        open=casus.status == "open",
        aanwijzingen_vastgelegd=bool(casus.aanwijzingen and casus.aanwijzingen.strip()),
        leden=frozenset(f"gebruiker:{g}" for g in beheer.casus_leden(sessie, casus_id)),
    )
