# SPDX-License-Identifier: EUPL-1.2
"""The page of the person seized from: their objects, where each stands, and their rights.

Reached with the personal code on the bewijs van ontvangst, without an account. It is a
provision to the data subject (AVG-15-BESLAGENE): decided and logged like any other.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from integraal import logboek
from integraal.afpakken import toegang
from integraal.afpakken.registratie import code_hash
from integraal.delen import Beslisser, Verzoek
from integraal.domein.beslag import BeslagStatus, klaagschrift_tot
from integraal.opslag import beslag as opslag
from integraal.opslag.db import Sessie
from integraal.opslag.modellen import Beslaggebeurtenis, Beslagobject


@dataclass(frozen=True)
class Inzage:
    naam: str
    objecten: list[tuple[Beslagobject, list[Beslaggebeurtenis], dt.date]]


def rechten(obj: Beslagobject) -> list[str]:
    """The rights that apply in this state, in plain Dutch."""
    uit = [
        "U kunt een klaagschrift indienen bij de rechtbank tegen het beslag of het uitblijven van "
        "teruggave (art. 552a Sv)."
    ]
    if obj.status in (BeslagStatus.GEHANDHAAFD.value, BeslagStatus.IN_BEWARING.value):
        uit.append(
            "U kunt schriftelijk afstand doen; het OM kan het voorwerp dan teruggeven aan de "
            "rechthebbende of als verbeurd behandelen (art. 116 lid 2 Sv)."
        )
    if obj.status == BeslagStatus.VOORNEMEN_TERUGGAVE_DERDE.value:
        uit.append(
            "Het OM wil het voorwerp aan een ander teruggeven. Binnen veertien dagen kunt u "
            "daartegen een klaagschrift indienen (art. 116 lid 3 Sv)."
        )
    return uit


def inzage(
    sessie: Sessie, beslisser: Beslisser, code: str, herkomst: str = "publiek"
) -> Inzage | None:
    """None for an unknown code: the answer does not say whether a code exists."""
    b = opslag.beslagene_met_code(sessie, code_hash(code))
    if b is None:
        return None
    objecten = opslag.objecten_van_beslagene(sessie, b.id)
    besluiten = [
        beslisser.beslis(
            Verzoek(
                van=o.om_id,
                aan="betrokkene",
                categorie="beslag",
                doel="inzage_betrokkene",
                feiten=frozenset({"eigen_gegevens"}),
            )
        )
        for o in objecten
    ]
    toegestaan = [(o, bs) for o, bs in zip(objecten, besluiten, strict=True) if bs.toegestaan]
    trace = logboek.nieuwe_trace_id()
    logboek.schrijf(
        sessie,
        [
            toegang.verwerking(
                bs,
                naam="beslag inzien door de beslagene",
                activiteit="beslag-inzage-betrokkene",
                trace_id=trace,
                verstrekker=o.om_id,
                ontvanger="betrokkene",
                casus_id=o.casus_id,
                betrokkene=f"beslagene:{b.id}",
                doel="inzage_betrokkene",
            )
            for o, bs in toegestaan
        ],
    )
    logboek.schrijf_audit(
        sessie,
        trace_id=trace,
        gebruiker_id=None,
        organisatie_id=None,
        actie="beslag inzien (beslagene)",
        resultaat="toegestaan",
        herkomst=herkomst,
        details={"objecten": len(toegestaan)},
    )
    gebeurtenissen = opslag.gebeurtenissen(sessie, [o.id for o, _ in toegestaan])
    return Inzage(
        b.naam,
        [
            (
                o,
                [g for g in gebeurtenissen if g.object_id == o.id and g.naar_status],
                klaagschrift_tot(o.beslagen_op, o.einde_zaak_op),
            )
            for o, _ in toegestaan
        ],
    )
