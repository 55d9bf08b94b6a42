# SPDX-License-Identifier: EUPL-1.2
"""Data-subject access (AVG art. 15) from the processing log; the request itself is logged."""

from __future__ import annotations

from integraal import logboek
from integraal.domein.actor import Actor
from integraal.domein.identificatie import OngeldigeWaarde, bsn
from integraal.domein.pseudoniem import pseudoniem
from integraal.logboek.dienst import InzageRegel
from integraal.opslag.db import Sessie


def betrokkene_sleutel(invoer: str, sleutel: bytes) -> tuple[str, str]:
    """A BSN becomes its pseudonym; anything else is taken as pseudonym or entity id."""
    try:
        return pseudoniem(sleutel, "bsn", bsn(invoer)), "BSN-pseudoniem"
    except OngeldigeWaarde:
        return invoer.strip(), "entiteit"


def inzage_verzoek(
    sessie: Sessie, actor: Actor, invoer: str, sleutel: bytes, herkomst: str
) -> tuple[str, list[InzageRegel]]:
    betrokkene, soort = betrokkene_sleutel(invoer, sleutel)
    regels = logboek.inzage(sessie, betrokkene)
    trace_id = logboek.nieuwe_trace_id()
    logboek.schrijf(
        sessie,
        [
            logboek.Verwerking(
                naam="inzage logboek",
                activiteit="inzage-logboek",
                trace_id=trace_id,
                besluit_id=None,
                regel_id=None,
                grondslag="AVG art. 15 (recht op inzage)",
                doel="inzageverzoek",
                verstrekker=None,
                ontvanger=actor.organisatie_id,
                categorieen=("logboek",),
                betrokkene=betrokkene,
                betrokkene_soort=soort,
            )
        ],
    )
    logboek.schrijf_audit(
        sessie,
        trace_id=trace_id,
        gebruiker_id=actor.gebruiker_id,
        organisatie_id=actor.organisatie_id,
        actie="inzage logboek",
        resultaat="toegestaan",
        herkomst=herkomst,
        details={"aantal": len(regels)},
    )
    return soort, regels
