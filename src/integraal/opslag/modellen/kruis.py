# SPDX-License-Identifier: EUPL-1.2
"""Cross-referencing jobs, their suggestions and the human judgements on them."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import (
    JSON,
    Boolean,
    Float,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
)
from sqlalchemy.orm import Mapped, mapped_column

from integraal.opslag.modellen.basis import Basis, nu


class Kruistaak(Basis):
    """One matching run in a case. Progress and the estimated model are stored as the run goes,
    so a run stopped halfway resumes where it was, without estimating or storing twice."""

    __tablename__ = "kruistaak"
    id: Mapped[str] = mapped_column(String(40), primary_key=True)
    casus_id: Mapped[str] = mapped_column(ForeignKey("casus.id"), index=True)
    soort: Mapped[str] = mapped_column(String(20))  # casus | levering | datasets
    parameters: Mapped[dict[str, Any]] = mapped_column(default=dict)
    status: Mapped[str] = mapped_column(String(20), default="wachtend")
    stap: Mapped[str] = mapped_column(String(40), default="")
    gedaan: Mapped[int] = mapped_column(Integer, default=0)
    totaal: Mapped[int] = mapped_column(Integer, default=0)
    model: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    fout: Mapped[str | None] = mapped_column(Text)
    gestart_door: Mapped[int] = mapped_column(ForeignKey("gebruiker.id"))
    organisatie_id: Mapped[str] = mapped_column(String(80))
    aangemaakt: Mapped[dt.datetime] = mapped_column(default=nu)
    bijgewerkt: Mapped[dt.datetime] = mapped_column(default=nu)
    verwerker: Mapped[str | None] = mapped_column(String(200))  # the process (opslag.werker)


class Kruissuggestie(Basis):
    """A suggested pair: its score and the explanation per field (levels and weights; the
    values themselves are read through the policy layer each time the pair is shown)."""

    __tablename__ = "kruissuggestie"
    __table_args__ = (Index("uq_kruissuggestie_paar", "casus_id", "links", "rechts", unique=True),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    taak_id: Mapped[str] = mapped_column(ForeignKey("kruistaak.id"), index=True)
    casus_id: Mapped[str] = mapped_column(ForeignKey("casus.id"))
    links: Mapped[str] = mapped_column(String(128))
    rechts: Mapped[str] = mapped_column(String(128))
    kans: Mapped[float] = mapped_column(Float)
    gewicht: Mapped[float] = mapped_column(Float)
    uitleg: Mapped[list[Any]] = mapped_column(default=list)
    over_organisaties: Mapped[bool] = mapped_column(Boolean, default=False)


class Kruisoordeel(Basis):
    """A vote on a pair; withdrawn (undo) rather than deleted, so who decided what stays known."""

    __tablename__ = "kruisoordeel"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    casus_id: Mapped[str] = mapped_column(ForeignKey("casus.id"), index=True)
    links: Mapped[str] = mapped_column(String(128))
    rechts: Mapped[str] = mapped_column(String(128))
    oordeel: Mapped[str] = mapped_column(String(20))
    toelichting: Mapped[str | None] = mapped_column(Text)
    gebruiker_id: Mapped[int] = mapped_column(ForeignKey("gebruiker.id"))
    organisatie_id: Mapped[str] = mapped_column(String(80))
    tijd: Mapped[dt.datetime] = mapped_column(default=nu)
    ingetrokken_op: Mapped[dt.datetime | None]
