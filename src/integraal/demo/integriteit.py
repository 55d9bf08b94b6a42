# SPDX-License-Identifier: EUPL-1.2
"""Integrity of use in the demo world, through the same services users call:

- the municipality's delivery to the first case names a (fictitious) prison guard; the RIEC's
  privacy officer shields her, and the analyst then opens her data with a stated reason, which
  raises an alert in the privacy officer's queue;
- the coordinator confirmed the analyst's membership of the first case 80 days ago (the
  demo's clock), so it lapses within two weeks and shows in the coordinator's tasks;
- the privacy officer runs the detection rules over the log once.

The guard is a person of her own, so no other part of the demo story needs a reason to read.
"""

from __future__ import annotations

import datetime as dt

from integraal.bronnen.importeren import importeer
from integraal.bronnen.mapping import meegeleverde_mappings
from integraal.demo.als import als
from integraal.domein.actor import Actor
from integraal.domein.integriteit import Afschermingssoort
from integraal.integriteit import afscherming, controle, toegangsreview
from integraal.integriteit.afscherming import AfschermingIn
from integraal.integriteit.toegangsreview import ReviewIn
from integraal.omgeving import Omgeving
from integraal.toegang.lezen import Leesdoel, Zoekvraag, entiteit, zoek
from integraal.verwerking import Kanaal

ZAAK = "RIEC-RDM-2026-001"
# From the BRP test range (99999xxxx) and used nowhere else in the demo.
BSN_BEWAARDER = "999990901"
BEWAARDER = (
    "dossiernummer;bsn;voornamen;achternaam;geboortedatum;straat;huisnummer;postcode;plaats;"
    "bedrijfsnaam;kvk;vergunning;functie\n"
    f"V-2026-0901;{BSN_BEWAARDER};Marloes;Verhoeven;14-03-1986;Lindelaan;7;3042BK;Rotterdam;"
    ";;;\n"
)


def speel_integriteit(omgeving: Omgeving, actoren: dict[str, Actor]) -> None:
    po, analist = actoren["privacy.riec"], actoren["analist.riec"]
    coord, gemeente = actoren["coordinator.riec"], actoren["gemeente.rdam"]
    if als(omgeving, po, afscherming.lijst):
        return  # loaded before: the story is told once
    importeer(
        omgeving.context,
        gemeente,
        meegeleverde_mappings()["demo-gemeente-vergunningen"],
        "vergunning-bewaarder.csv",
        BEWAARDER.encode(),
        casus_id=ZAAK,
        kanaal=Kanaal.DEMO,
    )
    gevonden = als(
        omgeving,
        analist,
        zoek,
        Zoekvraag(doel="integrale_aanpak", casus_id=ZAAK, zoekterm=BSN_BEWAARDER),
    )
    als(
        omgeving,
        po,
        afscherming.voeg_toe,
        AfschermingIn(
            kenmerk=BSN_BEWAARDER,
            soort=Afschermingssoort.FUNCTIONARIS,
            omschrijving="Bewaarder penitentiaire inrichting (fictief)",
            reden="Bedreigd door een criminele organisatie; alleen lezen met een reden.",
        ),
    )
    if gevonden.resultaten:
        with omgeving.context(
            analist, Kanaal.DEMO, reden="Zij is getuige in de casus; ik controleer haar identiteit."
        ) as ctx:
            entiteit(
                ctx, gevonden.resultaten[0].id, Leesdoel(doel="integrale_aanpak", casus_id=ZAAK)
            )
    lid = f"lid:{ZAAK}:{analist.gebruiker_id}"
    if any(r.sleutel == lid for r in als(omgeving, coord, toegangsreview.overzicht).regels):
        toen = dt.datetime.now(dt.UTC) - dt.timedelta(days=80)
        with omgeving.context(coord, Kanaal.DEMO, klok=lambda: toen) as ctx:
            toegangsreview.herzie(ctx, ReviewIn(gekozen=[lid]))
    als(omgeving, po, controle.voer_uit)
