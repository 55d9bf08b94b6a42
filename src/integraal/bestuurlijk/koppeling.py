# SPDX-License-Identifier: EUPL-1.2
"""An instrument started from a case's advice: the intervention it carries out goes into
execution when the instrument starts and is completed with its outcome (and so reaches the
case's timeline and the monitor) when the instrument decides."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from integraal.casus import advies
from integraal.casus.advies import InterventieBijwerken
from integraal.domein.casus import MAATREGELEN, InterventieSoort, InterventieStatus, Uitkomst
from integraal.domein.fouten import OngeldigeInvoer
from integraal.verwerking import Context

LABELS = MAATREGELEN[InterventieSoort.BESTUURLIJK]


def interventies(ctx: Context, maatregelen: frozenset[str]) -> list[tuple[str, str]]:
    """The reader's organisation's open interventions an instrument can carry out (for a
    select: intervention and its case, in words)."""
    return [
        (i.id, f"{LABELS.get(i.maatregel, i.maatregel_label)}, casus {i.casus_id}")
        for i in advies.van_mijn_organisatie(ctx)
        if i.maatregel in maatregelen
        and i.status in (InterventieStatus.VOORGESTELD, InterventieStatus.IN_UITVOERING)
    ]


def start(ctx: Context, interventie_id: str | None, maatregelen: frozenset[str]) -> str | None:
    """The case the instrument belongs to; its intervention goes into execution."""
    if not interventie_id:
        return None
    gekozen = {i.id: i for i in advies.van_mijn_organisatie(ctx)}.get(interventie_id)
    if gekozen is None or gekozen.maatregel not in maatregelen:
        raise OngeldigeInvoer(
            {"interventie_id": "Kies een open interventie van uw organisatie die hierbij past."}
        )
    if gekozen.status is InterventieStatus.VOORGESTELD:
        advies.werk_bij(
            ctx, interventie_id, InterventieBijwerken(status=InterventieStatus.IN_UITVOERING)
        )
    return gekozen.casus_id


def rond_af(
    ctx: Context,
    interventie_id: str | None,
    uitkomst: Uitkomst,
    dag: dt.date,
    bedrag_centen: int | None = None,
) -> None:
    if not interventie_id:
        return
    huidig = {i.id: i for i in advies.van_mijn_organisatie(ctx)}.get(interventie_id)
    if huidig is None or huidig.status is not InterventieStatus.IN_UITVOERING:
        return
    advies.werk_bij(
        ctx,
        interventie_id,
        InterventieBijwerken(
            status=InterventieStatus.AFGEROND,
            uitkomst=uitkomst,
            bedrag_euro=Decimal(bedrag_centen) / 100 if bedrag_centen is not None else None,
            datum=dag,
        ),
    )
