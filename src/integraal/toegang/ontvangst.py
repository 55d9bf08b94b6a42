# SPDX-License-Identifier: EUPL-1.2
"""The door for a delivery's own staged entities: read back at its end only to be logged as
received, one line each, under the decisions its offer was taken with."""

from __future__ import annotations

from collections.abc import Callable

from integraal import logboek
from integraal.opslag import klaargezet
from integraal.opslag.klaargezet import Entiteit
from integraal.verwerking import Context

__all__ = ["Entiteit", "meld_ontvangen"]


def meld_ontvangen(
    ctx: Context,
    levering_id: str,
    regel: Callable[[Entiteit], logboek.Verwerking],
    per: int,
) -> tuple[int, frozenset[str]]:
    """Every entity the delivery staged gets its log line (`regel`), `per` at a time, each
    block written before the next is read. Returns how many entities there were and the
    categories they were delivered in."""
    aantal = 0
    categorieen: set[str] = set()
    for blok in klaargezet.entiteiten(ctx.sessie, levering_id, per):
        ctx.log_nu(regel(e) for e in blok)
        aantal += len(blok)
        categorieen.update(c for e in blok for c in e.categorieen)
    return aantal, frozenset(categorieen)
