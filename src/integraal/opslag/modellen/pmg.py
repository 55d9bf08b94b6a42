# SPDX-License-Identifier: EUPL-1.2
"""Preventie met Gezag: the yearly data request, each municipality's return and its
interventions. Aggregates only: counts and the municipality's words, no person."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from integraal.opslag.modellen.basis import Basis, nu


class Pmguitvraag(Basis):
    """The request for returns of one year, with its peildatum (1 March in the letters)."""

    __tablename__ = "pmg_uitvraag"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    jaar: Mapped[int] = mapped_column(Integer, unique=True)
    peildatum: Mapped[dt.date]
    uiterlijk: Mapped[dt.date]
    aangemaakt_op: Mapped[dt.datetime] = mapped_column(default=nu)
    aangemaakt_door: Mapped[int | None] = mapped_column(ForeignKey("gebruiker.id"))


class Pmgopgave(Basis):
    """One municipality's return to one request, and where it stands."""

    __tablename__ = "pmg_opgave"
    __table_args__ = (UniqueConstraint("uitvraag_id", "gemeente_id"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    uitvraag_id: Mapped[int] = mapped_column(ForeignKey("pmg_uitvraag.id"), index=True)
    gemeente_id: Mapped[str] = mapped_column(ForeignKey("organisatie.id"), index=True)
    status: Mapped[str] = mapped_column(String(20), default="uitgevraagd")
    ingediend_op: Mapped[dt.datetime | None]
    ingediend_door: Mapped[int | None] = mapped_column(ForeignKey("gebruiker.id"))
    beoordeeld_op: Mapped[dt.datetime | None]
    beoordeeld_door: Mapped[int | None] = mapped_column(ForeignKey("gebruiker.id"))
    opmerking: Mapped[str | None] = mapped_column(Text)  # the reviewer's, on sending it back
    bijgewerkt_op: Mapped[dt.datetime] = mapped_column(default=nu)


class Pmginterventie(Basis):
    __tablename__ = "pmg_interventie"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    opgave_id: Mapped[int] = mapped_column(ForeignKey("pmg_opgave.id"), index=True)
    naam: Mapped[str] = mapped_column(String(200))
    bewijs: Mapped[str] = mapped_column(String(20))
    themas: Mapped[list[Any]] = mapped_column(default=list)
    niveaus: Mapped[list[Any]] = mapped_column(default=list)
    bereik: Mapped[int] = mapped_column(Integer)
    output: Mapped[int] = mapped_column(Integer)
    output_omschrijving: Mapped[str] = mapped_column(String(200))
    besluit: Mapped[str] = mapped_column(String(20))
    motivering: Mapped[str] = mapped_column(Text)
    gebieden: Mapped[list[Any]] = mapped_column(default=list)  # CBS codes (WK…, BU…)
    bijgewerkt_op: Mapped[dt.datetime] = mapped_column(default=nu)
