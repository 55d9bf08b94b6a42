# SPDX-License-Identifier: EUPL-1.2
"""Processing log (Logboek Dataverwerkingen): append-only, hash-chained, Merkle checkpoints."""

from integraal.logboek.dienst import (
    STATUS_FOUT,
    STATUS_OK,
    WISSING,
    Verificatie,
    VerificatieUit,
    Verwerking,
    aantal_regels,
    groei_sinds_checkpoint,
    inzage,
    maak_checkpoint,
    nieuwe_trace_id,
    schrijf,
    schrijf_audit,
    schrijf_audits,
    schrijf_handeling,
    verifieer,
    verifieer_blok,
    wis_persoonsdelen,
)

__all__ = [
    "STATUS_FOUT",
    "STATUS_OK",
    "WISSING",
    "Verificatie",
    "VerificatieUit",
    "Verwerking",
    "aantal_regels",
    "groei_sinds_checkpoint",
    "inzage",
    "maak_checkpoint",
    "nieuwe_trace_id",
    "schrijf",
    "schrijf_audit",
    "schrijf_audits",
    "schrijf_handeling",
    "verifieer",
    "verifieer_blok",
    "wis_persoonsdelen",
]
