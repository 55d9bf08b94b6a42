# SPDX-License-Identifier: EUPL-1.2
"""Case work in the demo world, done through the same services users call.

So the demo shows the whole chain (signals at each stage, a case with subjects, a data
request waiting for four eyes, an adopted advice with interventions and a result) and every
step of it went through the rules and the processing log like real work would.
"""

from __future__ import annotations

from typing import ParamSpec, TypeVar

from integraal import toegang
from integraal.casus import advies, casussen, deelverzoeken, signalen
from integraal.casus.advies import AdviesIn, InterventieBijwerken, VoorstelIn
from integraal.casus.casussen import SubjectIn
from integraal.casus.deelverzoeken import DeelverzoekIn
from integraal.casus.signalen import Beoordeling, Kenmerk, KenmerkSoort, SignaalIn
from integraal.demo.als import als
from integraal.domein.actor import Actor
from integraal.domein.casus import InterventieStatus, SignaalStatus, Uitkomst
from integraal.omgeving import Omgeving
from integraal.opslag import casussen as casusopslag
from integraal.opslag.db import transactie
from integraal.toegang.lezen import Zoekvraag

P = ParamSpec("P")
T = TypeVar("T")
ZAAK = "RIEC-RDM-2026-001"

SIGNALEN = [
    (
        "gemeente.rdam",
        "Een shishalounge aan de Kerkstraat is vrijwel altijd leeg, maar de omzet stijgt.",
        [("postcode", "3011 AA")],
        SignaalStatus.IN_BEHANDELING,
        "Past bij de lopende casus over de Kerkstraat; verder uitzoeken.",
    ),
    (
        "politie",
        "Bij een verkeerscontrole reed een bestuurder met een dure auto op naam van een bv.",
        [("kenteken", "QQ-123-Q")],
        None,
        "",
    ),
    (
        None,
        "Er wordt 's nachts gesjouwd met dozen bij de loods achter het bedrijventerrein.",
        [],
        SignaalStatus.AFGEWEZEN,
        "Geen aanwijzing voor ondermijning; doorgestuurd naar de wijkagent.",
    ),
]


def _zoek(omgeving: Omgeving, actor: Actor, term: str) -> list[str]:
    r = als(
        omgeving,
        actor,
        lambda ctx: toegang.zoek(
            ctx, Zoekvraag(doel="integrale_aanpak", casus_id=ZAAK, zoekterm=term)
        ),
    )
    return [e.id for e in r.resultaten if e.schema_ in ("Person", "Company")]


def speel_casuswerk(omgeving: Omgeving, actoren: dict[str, Actor]) -> None:
    """Once per database: the demo's case work is history, not something to redo."""
    with transactie(omgeving.fabriek) as sessie:
        if casusopslag.aantal_signalen(sessie, "riec-rotterdam", [s.value for s in SignaalStatus]):
            return
    for indiener, tekst, kenmerken, status, reden in SIGNALEN:
        s = als(
            omgeving,
            actoren[indiener] if indiener else None,
            signalen.dien_in,
            SignaalIn(
                verband="riec-rotterdam",
                omschrijving=tekst,
                kenmerken=[Kenmerk(soort=KenmerkSoort(k), waarde=w) for k, w in kenmerken],
            ),
        )
        if status is not None:
            als(
                omgeving,
                actoren["analist.riec"],
                signalen.beoordeel,
                s.id,
                Beoordeling(status=status, reden=reden),
            )

    analist, coord = actoren["analist.riec"], actoren["coordinator.riec"]
    for term in ("van der Berg", "El Amrani"):
        for entity_id in _zoek(omgeving, analist, term)[:2]:
            als(omgeving, analist, casussen.koppel_subject, ZAAK, SubjectIn(entiteit_id=entity_id))
    als(
        omgeving,
        analist,
        deelverzoeken.vraag,
        ZAAK,
        DeelverzoekIn(
            verstrekker="belastingdienst",
            categorieen=["financieel"],
            toelichting="Geldstromen van de exploitanten: welke rekeningen en op wiens naam.",
        ),
    )
    als(
        omgeving,
        analist,
        advies.stel_op,
        ZAAK,
        AdviesIn(
            analyse="De panden worden gebruikt om contant geld wit te wassen; bestuurlijk "
            "sluiten en fiscaal navorderen versterken elkaar.",
            interventies=[
                VoorstelIn(
                    maatregel="13b-sluiting",
                    eigenaar="gemeente-rotterdam",
                    toelichting="Kerkstraat 1",
                ),
                VoorstelIn(maatregel="navorderingsaanslag", eigenaar="belastingdienst"),
            ],
        ),
    )
    als(omgeving, coord, advies.stel_vast, ZAAK)
    gemeente, belasting = actoren["gemeente.rdam"], actoren["belasting"]
    gestart = InterventieBijwerken(status=InterventieStatus.IN_UITVOERING)
    for i in als(omgeving, gemeente, advies.van_mijn_organisatie):
        als(omgeving, gemeente, advies.werk_bij, i.id, gestart)
        als(
            omgeving,
            gemeente,
            advies.werk_bij,
            i.id,
            InterventieBijwerken(
                status=InterventieStatus.AFGEROND, uitkomst=Uitkomst.PAND_GESLOTEN
            ),
        )
    for i in als(omgeving, belasting, advies.van_mijn_organisatie):
        als(omgeving, belasting, advies.werk_bij, i.id, gestart)
