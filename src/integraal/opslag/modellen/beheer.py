# SPDX-License-Identifier: EUPL-1.2
"""Organisations, accounts and API tokens."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import (
    Boolean,
    ForeignKey,
    Integer,
    String,
)
from sqlalchemy.orm import Mapped, mapped_column

from integraal.opslag.modellen.basis import Basis, nu


class Organisatie(Basis):
    __tablename__ = "organisatie"
    id: Mapped[str] = mapped_column(String(80), primary_key=True)
    naam: Mapped[str] = mapped_column(String(200))
    soort: Mapped[str] = mapped_column(String(40))
    regio: Mapped[str | None] = mapped_column(String(80))


class Gebruiker(Basis):
    __tablename__ = "gebruiker"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    gebruikersnaam: Mapped[str] = mapped_column(String(80), unique=True)
    naam: Mapped[str] = mapped_column(String(200))
    wachtwoord_hash: Mapped[str] = mapped_column(String(200))
    organisatie_id: Mapped[str] = mapped_column(ForeignKey("organisatie.id"))
    rol: Mapped[str] = mapped_column(String(40))
    actief: Mapped[bool] = mapped_column(Boolean, default=True)
    aangemaakt_op: Mapped[dt.datetime] = mapped_column(default=nu)
    # The access review: a role not confirmed within the review term lapses with the account.
    rol_bevestigd_op: Mapped[dt.datetime] = mapped_column(default=nu)
    rol_bevestigd_door: Mapped[int | None] = mapped_column(ForeignKey("gebruiker.id"))


class Nummer(Basis):
    """The last number given under a stem such as `S-2026-` (`opslag.nummers`)."""

    __tablename__ = "nummer"
    stam: Mapped[str] = mapped_column(String(40), primary_key=True)
    laatste: Mapped[int] = mapped_column(Integer)


class Token(Basis):
    __tablename__ = "token"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    gebruiker_id: Mapped[int] = mapped_column(ForeignKey("gebruiker.id"))
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    aangemaakt_op: Mapped[dt.datetime] = mapped_column(default=nu)
    verloopt_op: Mapped[dt.datetime]
