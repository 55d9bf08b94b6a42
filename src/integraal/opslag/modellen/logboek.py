# SPDX-License-Identifier: EUPL-1.2
"""The processing log (Logboek Dataverwerkingen) and the audit trail, hash-chained."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import (
    BigInteger,
    ForeignKey,
    Integer,
    String,
    Text,
)
from sqlalchemy.orm import Mapped, mapped_column

from integraal.opslag.modellen.basis import Basis, nu


class LogboekRegel(Basis):
    """A hashed processing-log line. `inhoud` is exactly the canonical text that was hashed."""

    __tablename__ = "logboek_regel"
    volgnummer: Mapped[int] = mapped_column(BigInteger, primary_key=True, autoincrement=False)
    inhoud: Mapped[str] = mapped_column(Text)
    blad_hash: Mapped[str] = mapped_column(String(64))
    keten_hash: Mapped[str] = mapped_column(String(64))
    trace_id: Mapped[str] = mapped_column(String(32), index=True)
    casus_id: Mapped[str | None] = mapped_column(String(40), index=True)
    tijd: Mapped[dt.datetime]


class LogboekBetrokkene(Basis):
    """The personal part of a log entry, kept apart so retention can delete it."""

    __tablename__ = "logboek_betrokkene"
    volgnummer: Mapped[int] = mapped_column(
        ForeignKey("logboek_regel.volgnummer"), primary_key=True
    )
    betrokkene: Mapped[str] = mapped_column(String(128), index=True)
    betrokkene_soort: Mapped[str] = mapped_column(String(40))
    zout: Mapped[str] = mapped_column(String(32))


class LogboekKop(Basis):
    """Single row holding the head of the chain; locking it serialises appends."""

    __tablename__ = "logboek_kop"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    volgnummer: Mapped[int] = mapped_column(BigInteger)
    keten_hash: Mapped[str] = mapped_column(String(64))


class LogboekBlok(Basis):
    """The Merkle root of a complete block of the log (`logboek.keten.BLOK` lines): a node of
    every later signed tree head, so a block is verified on its own (decision record 0023)."""

    __tablename__ = "logboek_blok"
    van: Mapped[int] = mapped_column(BigInteger, primary_key=True, autoincrement=False)
    tot: Mapped[int] = mapped_column(BigInteger)
    wortel_hash: Mapped[str] = mapped_column(String(64))
    tijd: Mapped[dt.datetime] = mapped_column(default=nu)


class LogboekCheckpoint(Basis):
    __tablename__ = "logboek_checkpoint"
    boomgrootte: Mapped[int] = mapped_column(BigInteger, primary_key=True, autoincrement=False)
    wortel_hash: Mapped[str] = mapped_column(String(64))
    tijd: Mapped[dt.datetime]
    sleutel_id: Mapped[str] = mapped_column(String(64))
    handtekening: Mapped[str] = mapped_column(String(200))


class AuditRecord(Basis):
    """Who did it: the actor of a processing, linked to log lines by trace id (LDV ADR)."""

    __tablename__ = "audit_record"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    trace_id: Mapped[str] = mapped_column(String(32), index=True)
    gebruiker_id: Mapped[int | None] = mapped_column(ForeignKey("gebruiker.id"))
    organisatie_id: Mapped[str | None] = mapped_column(String(80))
    actie: Mapped[str] = mapped_column(String(120))
    resultaat: Mapped[str] = mapped_column(String(40))
    herkomst: Mapped[str] = mapped_column(String(40))
    details: Mapped[dict[str, Any]] = mapped_column(default=dict)
    tijd: Mapped[dt.datetime] = mapped_column(default=nu)
