# SPDX-License-Identifier: EUPL-1.2
"""The door for decisions on informing a case subject: a reader sees a subject's decisions only
for the subjects the rules let them see in the case (each of those reads is a log line), and
recording a decision is itself a read of that subject."""

from __future__ import annotations

from dataclasses import dataclass

from integraal.opslag import beheer
from integraal.opslag import informeren as opslag
from integraal.opslag.modellen import Informatieplicht
from integraal.toegang.lezen import Leesvraag
from integraal.toegang.subjecten import Subject, van_casus
from integraal.verwerking import Context


@dataclass(frozen=True)
class Betrokkene:
    subject: Subject
    beslissingen: tuple[Informatieplicht, ...]  # oldest first; the last one counts

    @property
    def laatste(self) -> Informatieplicht | None:
        return self.beslissingen[-1] if self.beslissingen else None


def van_casus_met_beslissingen(ctx: Context, vraag: Leesvraag, casus_id: str) -> list[Betrokkene]:
    """The case's subjects the reader may see, each with its decisions on informing."""
    zichtbaar = [s for s in van_casus(ctx, vraag, casus_id) if s.beeld is not None]
    per: dict[str, list[Informatieplicht]] = {}
    for r in opslag.van_casus(ctx.sessie, casus_id):
        per.setdefault(r.entity_id, []).append(r)
    return [Betrokkene(s, tuple(per.get(s.entity_id, ()))) for s in zichtbaar]


def leg_vast(ctx: Context, vraag: Leesvraag, beslissing: Informatieplicht) -> Subject | None:
    """Store a decision about a subject the reader may see; None (and nothing stored) when the
    subject is not in the case or not visible to the reader."""
    for s in van_casus(ctx, vraag, beslissing.casus_id):
        if s.entity_id == beslissing.entity_id and s.beeld is not None:
            beheer.bewaar(ctx.sessie, beslissing)
            return s
    return None
