# SPDX-License-Identifier: EUPL-1.2
"""Each partner's feed of chain events, as CloudEvents 1.0 JSON (structured mode).

A partner polls with the id of the last event it processed (`na`); the feed is its outbox
rows in order. Reading it is a read of seizure data: decided and logged per object.
"""

from __future__ import annotations

import datetime as dt

from pydantic import Field

from integraal.domein.invoer import Invoer, Uitvoer, veld
from integraal.toegang import beslag as deur
from integraal.verwerking import Context

BRON = "urn:integraal:afpakken"
TYPE_PREFIX = "nl.integraal.beslag."


class Feedvraag(Invoer):
    na: int = veld("Na gebeurtenis", standaard=0, ge=0, le=2**62)
    limiet: int = veld("Aantal", standaard=100, ge=1, le=500)


class Ketendata(Uitvoer):
    """The event's own data: what happened to which object, on which basis."""

    object_id: str
    datum: dt.date
    van_status: str | None = None
    naar_status: str | None = None
    grondslag: str | None = None
    document: str | None = None
    organisatie: str | None = None
    reden: str | None = None
    soort_object: str | None = None
    categorie: int | None = None
    herhaling_van: str | None = None
    methode: str | None = None
    bedrag_centen: int | None = None
    van_grond: str | None = None
    naar_grond: str | None = None


class CloudEvent(Uitvoer):
    """A chain event in the CloudEvents 1.0 envelope (its attribute names are the spec's)."""

    specversion: str = "1.0"
    id: str
    source: str = BRON
    type: str
    subject: str
    time: dt.datetime
    datacontenttype: str = "application/json"
    data: Ketendata


class FeedUit(Uitvoer):
    gebeurtenissen: list[CloudEvent]
    volgende: int = Field(description="geef mee als `na` voor de volgende pagina")


def lees_feed(ctx: Context, vraag: Feedvraag) -> FeedUit:
    regels, volgende = deur.feed(ctx, vraag.na, vraag.limiet)
    return FeedUit(
        gebeurtenissen=[
            CloudEvent(
                id=str(r.gebeurtenis.id),
                type=TYPE_PREFIX + r.gebeurtenis.soort,
                subject=r.gebeurtenis.object_id,
                time=r.gebeurtenis.geregistreerd_op,
                data=Ketendata(
                    object_id=r.gebeurtenis.object_id,
                    datum=r.gebeurtenis.tijd,
                    van_status=r.gebeurtenis.van_status,
                    naar_status=r.gebeurtenis.naar_status,
                    grondslag=r.gebeurtenis.grondslag,
                    document=r.gebeurtenis.document,
                    organisatie=r.gebeurtenis.organisatie_id,
                    **{k: v for k, v in r.gebeurtenis.gegevens.items() if v is not None},
                ),
            )
            for r in regels
        ],
        volgende=volgende,
    )
