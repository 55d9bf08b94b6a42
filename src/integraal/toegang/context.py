# SPDX-License-Identifier: EUPL-1.2
"""The case context a rule decision needs, read from storage."""

from __future__ import annotations

from integraal.delen import CasusContext
from integraal.domein.fouten import Conflict, GeenToegang, OngeldigeInvoer
from integraal.opslag import beheer
from integraal.opslag.modellen import Casus
from integraal.verwerking import Context


class OnbekendeCasus(OngeldigeInvoer):
    """A question names a case that does not exist: invalid input, told at the case field."""

    def __init__(self, casus_id: str) -> None:
        super().__init__({"casus_id": f"Casus {casus_id} bestaat niet."})


def casus_context(ctx: Context, casus_id: str | None) -> CasusContext | None:
    if casus_id is None:
        return None
    sessie = ctx.sessie
    casus = beheer.casus(sessie, casus_id)
    if casus is None:
        raise OnbekendeCasus(casus_id)
    return CasusContext(
        id=casus.id,
        verband_id=casus.verband_id,
        open=casus.status == "open",
        aanwijzingen_vastgelegd=bool(casus.aanwijzingen and casus.aanwijzingen.strip()),
        leden=frozenset(
            f"gebruiker:{g}"
            for g in beheer.casus_leden(sessie, casus_id, sinds=ctx.bevestigd_sinds())
        ),
    )


def vraag_in_casus(ctx: Context, casus_id: str) -> Casus:
    """The case a data request is made from: only its members ask, and only while it is open.
    The real request and the deelwijzer both ask this first, so they answer alike."""
    c = beheer.casus(ctx.sessie, casus_id)
    if c is None or ctx.ik.gebruiker_id not in beheer.casus_leden(
        ctx.sessie, casus_id, sinds=ctx.bevestigd_sinds()
    ):
        raise GeenToegang("alleen leden van de casus vragen gegevens voor de casus")
    if c.status != "open":
        raise Conflict(f"casus {casus_id} is gesloten: er worden geen gegevens meer gevraagd")
    return c
