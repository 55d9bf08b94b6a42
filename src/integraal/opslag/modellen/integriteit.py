# SPDX-License-Identifier: EUPL-1.2
"""Integrity of use: alerts for the privacy officer, the detection cursor, shielded persons."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import BigInteger, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from integraal.opslag.modellen.basis import Basis, nu


class Integriteitsmelding(Basis):
    """An alert about the use of the system by one user; only their privacy officer sees it."""

    __tablename__ = "integriteitsmelding"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    # The same finding made twice (by the door and by a later run) is one alert.
    sleutel: Mapped[str] = mapped_column(String(160), unique=True)
    regel: Mapped[str] = mapped_column(String(40), index=True)
    gebruiker_id: Mapped[int] = mapped_column(ForeignKey("gebruiker.id"), index=True)
    organisatie_id: Mapped[str | None] = mapped_column(String(80), index=True)
    tijd: Mapped[dt.datetime]
    gemeld_op: Mapped[dt.datetime] = mapped_column(default=nu)
    uitleg: Mapped[str] = mapped_column(Text)
    # The evidence: log line numbers, times, activities and subjects as "betrokkene 1, 2, ...".
    bewijs: Mapped[list[Any]] = mapped_column(default=list)
    status: Mapped[str] = mapped_column(String(20), default="nieuw")
    uitkomst: Mapped[str | None] = mapped_column(Text)
    beslist_door: Mapped[int | None] = mapped_column(ForeignKey("gebruiker.id"))
    beslist_op: Mapped[dt.datetime | None]


class Integriteitscursor(Basis):
    """Where the last detection run stopped, and the windows it had open."""

    __tablename__ = "integriteitscursor"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    volgnummer: Mapped[int] = mapped_column(BigInteger, default=0)
    audit_id: Mapped[int] = mapped_column(Integer, default=0)
    toestand: Mapped[dict[str, Any]] = mapped_column(default=dict)
    bijgewerkt_op: Mapped[dt.datetime] = mapped_column(default=nu)


class AfgeschermdePersoon(Basis):
    """A person whose data needs a stated reason to read and always raises an alert."""

    __tablename__ = "afgeschermde_persoon"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    # As the processing log names the person: a BSN pseudonym or an entity id.
    betrokkene: Mapped[str] = mapped_column(String(128), index=True)
    betrokkene_soort: Mapped[str] = mapped_column(String(40))
    soort: Mapped[str] = mapped_column(String(20))
    organisatie_id: Mapped[str] = mapped_column(ForeignKey("organisatie.id"))
    omschrijving: Mapped[str] = mapped_column(String(200))
    reden: Mapped[str] = mapped_column(Text)
    toegevoegd_door: Mapped[int] = mapped_column(ForeignKey("gebruiker.id"))
    toegevoegd_op: Mapped[dt.datetime] = mapped_column(default=nu)
    beeindigd_op: Mapped[dt.datetime | None]
