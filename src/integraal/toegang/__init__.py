# SPDX-License-Identifier: EUPL-1.2
"""The one door for personal data: ask the rule engine, read only what is allowed, log it."""

from integraal.toegang.lezen import (
    Entiteitbeeld,
    EntiteitUit,
    Leesvraag,
    Weggelaten,
    entiteit,
    lees_entiteit,
    zoek,
    zoek_entiteiten,
)

__all__ = [
    "EntiteitUit",
    "Entiteitbeeld",
    "Leesvraag",
    "Weggelaten",
    "entiteit",
    "lees_entiteit",
    "zoek",
    "zoek_entiteiten",
]
