# SPDX-License-Identifier: EUPL-1.2
"""Preventie met Gezag in the demo world, through the same services users call: the monitor's
policy officer sends the 2026 request to Rotterdam and Schiedam; Rotterdam's public-order
adviser fills in three interventions in the (fictitious) Havenkwartier and sends the return
in; the policy officer approves it, so it appears in the progress report. Schiedam's return
is still open. Counts and words only, all fictitious."""

from __future__ import annotations

import datetime as dt

from integraal.demo.als import als
from integraal.domein.actor import Actor
from integraal.monitor import pmg
from integraal.monitor.pmg import BeoordelingIn, IndienIn, InterventieIn, UitvraagIn
from integraal.omgeving import Omgeving

JAAR = 2026
INTERVENTIES = [
    {
        "naam": "Alleen Jij bepaalt Wie je Bent",
        "bewijs": "erkend",
        "themas": ["ontwikkeling", "netwerk"],
        "niveaus": ["positief"],
        "bereik": 84,
        "output": 7,
        "output_omschrijving": "groepstrainingen op scholen",
        "besluit": "continueren",
        "motivering": "Erkende interventie; de scholen in het Havenkwartier willen door.",
        "gebieden": "WK999901",
    },
    {
        "naam": "Straatcoaches en jongerenwerk in de avond",
        "bewijs": "kwaliteitskader",
        "themas": ["criminaliteit", "netwerk"],
        "niveaus": ["intensief"],
        "bereik": 132,
        "output": 41,
        "output_omschrijving": "doorverwijzingen naar hulp of Halt",
        "besluit": "bijstellen",
        "motivering": "Meer inzet rond de Kadebuurt, waar ronselen voor uithalen toeneemt.",
        "gebieden": "BU99990101 WK999901",
    },
    {
        "naam": "Voorlichting op scholen over drugscriminaliteit",
        "bewijs": "innovatie",
        "themas": ["onderwijs"],
        "niveaus": ["positief"],
        "bereik": 310,
        "output": 12,
        "output_omschrijving": "voorlichtingen",
        "besluit": "stoppen",
        "motivering": "Algemene voorlichting kan averechts werken (De Jonge en Kruisbergen).",
        "gebieden": "",
    },
]


def speel_pmg(omgeving: Omgeving, actoren: dict[str, Actor]) -> None:
    beleid, oov = actoren["beleid.riec"], actoren["oov.rdam"]
    if als(omgeving, beleid, pmg.overzicht).uitvragen:
        return  # loaded before: the story is told once
    uitvraag = als(
        omgeving,
        beleid,
        pmg.zet_uit,
        UitvraagIn(
            jaar=JAAR,
            peildatum=dt.date(JAAR, 3, 1),
            uiterlijk=dt.date(JAAR, 4, 1),
            gemeenten=["gemeente-rotterdam", "gemeente-schiedam"],
        ),
    )
    rotterdam = next(o for o in uitvraag.opgaven if o.gemeente == "gemeente-rotterdam")
    for i in INTERVENTIES:
        als(omgeving, oov, pmg.voeg_toe, rotterdam.id, InterventieIn.model_validate(i))
    als(omgeving, oov, pmg.dien_in, rotterdam.id, IndienIn(zonder_personen=True))
    als(omgeving, beleid, pmg.beoordeel, rotterdam.id, BeoordelingIn(oordeel="goedkeuren"))
