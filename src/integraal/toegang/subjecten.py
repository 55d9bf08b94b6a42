# SPDX-License-Identifier: EUPL-1.2
"""The door for a case's subjects: which entities a case is about, each read through the
rule engine as far as the reader may see it (a log line per entity read)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from integraal.opslag import beheer
from integraal.opslag import subjecten as opslag
from integraal.opslag.modellen import CasusSubject
from integraal.toegang.lezen import Entiteitbeeld, Leesvraag, lees_entiteit, lees_entiteiten
from integraal.verwerking import Context


@dataclass(frozen=True)
class Subject:
    entity_id: str
    schema: str
    toegevoegd_op: dt.datetime
    beeld: Entiteitbeeld | None  # None: the reader may not see this entity in this case


def van_casus(ctx: Context, vraag: Leesvraag, casus_id: str) -> list[Subject]:
    """The case's subjects in the order they were linked, each read through the rules."""
    gekoppeld = opslag.van_casus(ctx.sessie, casus_id)
    beelden = lees_entiteiten(ctx, vraag, [s.entity_id for s in gekoppeld])
    return [
        Subject(s.entity_id, s.schema, s.toegevoegd_op, beelden[s.entity_id]) for s in gekoppeld
    ]


def koppel(ctx: Context, vraag: Leesvraag, casus_id: str, entity_id: str) -> Entiteitbeeld | None:
    """Link an entity the reader may see in the case (the check is itself a logged read);
    None when it may not be seen, and then nothing is linked."""
    beeld = lees_entiteit(ctx, vraag, entity_id)
    if beeld is None:
        return None
    if opslag.subject(ctx.sessie, casus_id, entity_id) is None:
        beheer.bewaar(
            ctx.sessie,
            CasusSubject(
                casus_id=casus_id,
                entity_id=entity_id,
                schema=beeld.schema,
                toegevoegd_door=ctx.ik.gebruiker_id,
                toegevoegd_op=ctx.nu(),
            ),
        )
    return beeld


def koppelingen(ctx: Context, casus_id: str) -> list[CasusSubject]:
    """Which entities are the case's subjects (ids and kinds, no values): for a provision's
    own log lines, one per subject, or to start a read that then passes the door per
    entity. Nothing of the subjects themselves is in it."""
    return opslag.van_casus(ctx.sessie, casus_id)
