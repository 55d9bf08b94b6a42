# SPDX-License-Identifier: EUPL-1.2
"""Sharing rules: the catalogue, the evaluator and its explanations."""

from integraal.delen.catalogus import laad_catalogus, laad_register, standaard_beslisser
from integraal.delen.evaluator import Beslisser
from integraal.delen.model import Besluit, CasusContext, Verzoek
from integraal.delen.uitleg import Waarom, in_woorden, leg_uit, waarom
from integraal.delen.weigering import Geweigerd

__all__ = [
    "Beslisser",
    "Besluit",
    "CasusContext",
    "Geweigerd",
    "Verzoek",
    "Waarom",
    "in_woorden",
    "laad_catalogus",
    "laad_register",
    "leg_uit",
    "standaard_beslisser",
    "waarom",
]
