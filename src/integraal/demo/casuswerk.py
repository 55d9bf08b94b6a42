# SPDX-License-Identifier: EUPL-1.2
"""Case work in the demo world, done through the same services users call.

So the demo shows the whole chain (signals at each stage, a case with subjects, a data
request waiting for four eyes, an adopted advice with interventions and a result) and every
step of it went through the rules and the processing log like real work would.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Concatenate, ParamSpec, TypeVar

from integraal.casus import advies, casussen, deelverzoeken, signalen
from integraal.casus.advies import Voorstel
from integraal.domein.actor import Actor
from integraal.domein.casus import SignaalStatus
from integraal.omgeving import Omgeving
from integraal.opslag import casussen as casusopslag
from integraal.opslag.db import Sessie, transactie
from integraal.toegang import Leesvraag, zoek_entiteiten

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


def _in(
    omgeving: Omgeving, fn: Callable[Concatenate[Sessie, P], T], *args: P.args, **kwargs: P.kwargs
) -> T:
    with transactie(omgeving.fabriek) as sessie:
        return fn(sessie, *args, **kwargs)


def _zoek(omgeving: Omgeving, actor: Actor, term: str) -> list[str]:
    with transactie(omgeving.fabriek) as sessie:
        beelden = zoek_entiteiten(
            sessie,
            omgeving.beslisser,
            actor,
            Leesvraag("integrale_aanpak", ZAAK, "demo"),
            pseudoniem_sleutel=omgeving.pseudoniem_sleutel,
            term=term,
        )
    return [b.id for b in beelden if b.schema in ("Person", "Company")]


def speel_casuswerk(omgeving: Omgeving, actoren: dict[str, Actor]) -> None:
    """Once per database: the demo's case work is history, not something to redo."""
    with transactie(omgeving.fabriek) as sessie:
        if casusopslag.signalen_van_verband(sessie, "riec-rotterdam"):
            return
    b = omgeving.beslisser
    for indiener, tekst, kenmerken, status, reden in SIGNALEN:
        nummer = _in(
            omgeving,
            signalen.dien_in,
            b,
            actoren[indiener] if indiener else None,
            verband_id="riec-rotterdam",
            omschrijving=tekst,
            kenmerken=kenmerken,
            sleutel=omgeving.pseudoniem_sleutel,
            herkomst="demo",
        )
        if status is not None:
            _in(omgeving, signalen.beoordeel, actoren["analist.riec"], nummer, status, reden)

    analist, coord = actoren["analist.riec"], actoren["coordinator.riec"]
    for term in ("van der Berg", "El Amrani"):
        for entity_id in _zoek(omgeving, analist, term)[:2]:
            _in(omgeving, casussen.koppel_subject, b, analist, ZAAK, entity_id)
    _in(
        omgeving,
        deelverzoeken.vraag,
        b,
        analist,
        casus_id=ZAAK,
        verstrekker_id="belastingdienst",
        categorieen=["financieel"],
        toelichting="Geldstromen van de exploitanten: welke rekeningen en op wiens naam.",
    )
    _in(
        omgeving,
        advies.stel_op,
        b,
        analist,
        ZAAK,
        "De panden worden gebruikt om contant geld wit te wassen; bestuurlijk sluiten en "
        "fiscaal navorderen versterken elkaar.",
        [
            Voorstel("bestuurlijk", "13b-sluiting", "gemeente-rotterdam", "Kerkstraat 1"),
            Voorstel("fiscaal", "navorderingsaanslag", "belastingdienst"),
        ],
    )
    _in(omgeving, advies.stel_vast, b, coord, ZAAK)
    for i in _in(omgeving, advies.van_mijn_organisatie, actoren["gemeente.rdam"]):
        _in(omgeving, advies.werk_bij, actoren["gemeente.rdam"], i.id, status="in_uitvoering")
        _in(
            omgeving,
            advies.werk_bij,
            actoren["gemeente.rdam"],
            i.id,
            status="afgerond",
            uitkomst="pand_gesloten",
        )
    for i in _in(omgeving, advies.van_mijn_organisatie, actoren["belasting"]):
        _in(omgeving, advies.werk_bij, actoren["belasting"], i.id, status="in_uitvoering")
