# SPDX-License-Identifier: EUPL-1.2
"""Counts of integrity alerts without names: per month, rule and whether misuse was found."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import select
from sqlalchemy.orm import Session

from integraal.opslag.modellen import Integriteitsmelding


def per_maand(sessie: Session, peil: dt.datetime) -> list[tuple[dt.datetime, str, str]]:
    """(moment, rule, status) of every alert raised up to the reference moment."""
    rijen = sessie.execute(
        select(Integriteitsmelding.tijd, Integriteitsmelding.regel, Integriteitsmelding.status)
        .where(Integriteitsmelding.tijd <= peil)
        .order_by(Integriteitsmelding.tijd)
    )
    return [(t, r, s) for t, r, s in rijen]
