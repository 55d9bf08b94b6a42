# SPDX-License-Identifier: EUPL-1.2
"""Dates a dossier records that cannot lie in the future (a finding, a receipt, a payment)."""

from __future__ import annotations

import datetime as dt

from integraal.domein.fouten import OngeldigeInvoer
from integraal.verwerking import Context


def niet_in_de_toekomst(ctx: Context, **datums: dt.date | None) -> None:
    vandaag = ctx.nu().date()
    fouten = {
        veld: "Deze datum ligt in de toekomst; vul de dag in waarop het gebeurde."
        for veld, dag in datums.items()
        if dag is not None and dag > vandaag
    }
    if fouten:
        raise OngeldigeInvoer(fouten)
