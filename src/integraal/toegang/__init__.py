# SPDX-License-Identifier: EUPL-1.2
"""The one way to read partner statements: ask the rule engine, filter, log."""

from integraal.toegang.lezen import (
    Entiteitbeeld,
    Leesvraag,
    Weggelaten,
    lees_entiteit,
    zoek_entiteiten,
)

__all__ = ["Entiteitbeeld", "Leesvraag", "Weggelaten", "lees_entiteit", "zoek_entiteiten"]
