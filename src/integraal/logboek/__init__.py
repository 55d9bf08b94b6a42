# SPDX-License-Identifier: EUPL-1.2
"""Processing log (Logboek Dataverwerkingen): append-only, hash-chained, Merkle checkpoints."""

from integraal.logboek.dienst import (
    Verificatie,
    Verwerking,
    inzage,
    maak_checkpoint,
    nieuwe_trace_id,
    schrijf,
    schrijf_audit,
    verifieer,
)

__all__ = [
    "Verificatie",
    "Verwerking",
    "inzage",
    "maak_checkpoint",
    "nieuwe_trace_id",
    "schrijf",
    "schrijf_audit",
    "verifieer",
]
