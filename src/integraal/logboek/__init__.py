# SPDX-License-Identifier: EUPL-1.2
"""Processing log (Logboek Dataverwerkingen): append-only, hash-chained, Merkle checkpoints."""

from integraal.logboek.dienst import (
    STATUS_FOUT,
    STATUS_OK,
    Verificatie,
    VerificatieUit,
    Verwerking,
    inzage,
    maak_checkpoint,
    nieuwe_trace_id,
    schrijf,
    schrijf_audit,
    schrijf_handeling,
    verifieer,
)

__all__ = [
    "STATUS_FOUT",
    "STATUS_OK",
    "Verificatie",
    "VerificatieUit",
    "Verwerking",
    "inzage",
    "maak_checkpoint",
    "nieuwe_trace_id",
    "schrijf",
    "schrijf_audit",
    "schrijf_handeling",
    "verifieer",
]
