# SPDX-License-Identifier: EUPL-1.2
"""Each partner's feed of chain events, as CloudEvents 1.0 JSON (structured mode).

A partner polls with the id of the last event it processed (`na`); the feed is its outbox
rows in order. Reading it is a read of seizure data: decided and logged per event.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from integraal.afpakken import toegang
from integraal.delen import Beslisser
from integraal.domein.actor import Actor
from integraal.opslag import beslag as opslag
from integraal.opslag.db import Sessie

BRON = "urn:integraal:afpakken"
TYPE_PREFIX = "nl.integraal.beslag."


@dataclass(frozen=True)
class Feedpagina:
    gebeurtenissen: list[dict[str, Any]]
    volgende: int  # pass as `na` for the next page


def lees_feed(
    sessie: Sessie,
    beslisser: Beslisser,
    actor: Actor,
    *,
    na: int = 0,
    limiet: int = 100,
    herkomst: str = "api",
) -> Feedpagina:
    rijen = opslag.feed(sessie, actor.organisatie_id, na, max(1, min(limiet, 500)))
    objecten = {g.object_id: opslag.object_(sessie, g.object_id) for _, g in rijen}
    zichtbaar = {
        o.id
        for o in toegang.lees(
            sessie, beslisser, actor, [o for o in objecten.values() if o], "beslag-feed", herkomst
        )
    }
    uit = []
    for _, g in rijen:
        if g.object_id not in zichtbaar:
            continue
        uit.append(
            {
                "specversion": "1.0",
                "id": str(g.id),
                "source": BRON,
                "type": TYPE_PREFIX + g.soort,
                "subject": g.object_id,
                "time": g.geregistreerd_op.isoformat(),
                "datacontenttype": "application/json",
                "data": {
                    "objectId": g.object_id,
                    "datum": g.tijd.isoformat(),
                    "vanStatus": g.van_status,
                    "naarStatus": g.naar_status,
                    "grondslag": g.grondslag,
                    "document": g.document,
                    "organisatie": g.organisatie_id,
                    **{k: v for k, v in g.gegevens.items() if v is not None},
                },
            }
        )
    return Feedpagina(uit, rijen[-1][0].id if rijen else na)
