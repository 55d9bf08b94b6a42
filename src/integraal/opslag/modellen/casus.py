# SPDX-License-Identifier: EUPL-1.2
"""The RIEC workflow: cases, signals, subjects, requests, members, advice, interventions, events."""

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


class Casus(Basis):
    __tablename__ = "casus"
    id: Mapped[str] = mapped_column(String(40), primary_key=True)
    titel: Mapped[str] = mapped_column(String(300))
    verband_id: Mapped[str] = mapped_column(ForeignKey("organisatie.id"))
    doel: Mapped[str] = mapped_column(String(60))
    aanwijzingen: Mapped[str | None] = mapped_column(Text)
    status: Mapped[str] = mapped_column(String(20), default="open")
    aangemaakt_op: Mapped[dt.datetime] = mapped_column(default=nu)
    aangemaakt_door: Mapped[int | None] = mapped_column(ForeignKey("gebruiker.id"))
    gesloten_op: Mapped[dt.datetime | None]
    sluitreden: Mapped[str | None] = mapped_column(Text)
    # The logistic hub the case is about (taken over from its signals).
    mainport: Mapped[str | None] = mapped_column(String(30), index=True)
    # The phenomenon the case is about (domein.casus.Casusthema), for the monitor's breakdowns.
    thema: Mapped[str | None] = mapped_column(String(30), index=True)


class Signaal(Basis):
    """An incoming signal: from a partner user, or a pseudonymous tip from the public."""

    __tablename__ = "signaal"
    id: Mapped[str] = mapped_column(String(20), primary_key=True)
    verband_id: Mapped[str] = mapped_column(ForeignKey("organisatie.id"))
    organisatie_id: Mapped[str | None] = mapped_column(ForeignKey("organisatie.id"))
    ingediend_door: Mapped[int | None] = mapped_column(ForeignKey("gebruiker.id"))
    omschrijving: Mapped[str] = mapped_column(Text)
    kenmerken: Mapped[list[Any]] = mapped_column(default=list)
    status: Mapped[str] = mapped_column(String(20), default="nieuw")
    reden: Mapped[str | None] = mapped_column(Text)
    beoordeeld_door: Mapped[int | None] = mapped_column(ForeignKey("gebruiker.id"))
    casus_id: Mapped[str | None] = mapped_column(ForeignKey("casus.id"))
    aangemaakt_op: Mapped[dt.datetime] = mapped_column(default=nu)
    gewijzigd_op: Mapped[dt.datetime] = mapped_column(default=nu)
    # How it came in (participant, public, covenant contact point) and under which covenant
    # version ("mainport-rotterdam@2"); the mainport it is about.
    kanaal: Mapped[str] = mapped_column(String(20), default="deelnemer")
    convenant: Mapped[str | None] = mapped_column(String(80))
    mainport: Mapped[str | None] = mapped_column(String(30), index=True)


class CasusSubject(Basis):
    """An entity (person, company, address, ...) linked to a case by a member."""

    __tablename__ = "casus_subject"
    casus_id: Mapped[str] = mapped_column(ForeignKey("casus.id"), primary_key=True)
    entity_id: Mapped[str] = mapped_column(String(128), primary_key=True)
    schema: Mapped[str] = mapped_column(String(60))
    toegevoegd_door: Mapped[int] = mapped_column(ForeignKey("gebruiker.id"))
    toegevoegd_op: Mapped[dt.datetime] = mapped_column(default=nu)


class Deelverzoek(Basis):
    """A case's request to a partner for categories of data; rule decision, then four eyes."""

    __tablename__ = "deelverzoek"
    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    casus_id: Mapped[str] = mapped_column(ForeignKey("casus.id"), index=True)
    verstrekker_id: Mapped[str] = mapped_column(ForeignKey("organisatie.id"))
    categorieen: Mapped[list[Any]] = mapped_column(default=list)
    toelichting: Mapped[str] = mapped_column(Text)
    status: Mapped[str] = mapped_column(String(30))
    besluiten: Mapped[list[Any]] = mapped_column(default=list)
    aangevraagd_door: Mapped[int] = mapped_column(ForeignKey("gebruiker.id"))
    aangevraagd_op: Mapped[dt.datetime] = mapped_column(default=nu)
    beoordeeld_door: Mapped[int | None] = mapped_column(ForeignKey("gebruiker.id"))
    beoordeeld_op: Mapped[dt.datetime | None]
    reden: Mapped[str | None] = mapped_column(Text)
    levering_id: Mapped[str | None] = mapped_column(ForeignKey("levering.id"))
    beantwoord_door: Mapped[int | None] = mapped_column(ForeignKey("gebruiker.id"))
    beantwoord_op: Mapped[dt.datetime | None]


class CasusLid(Basis):
    __tablename__ = "casus_lid"
    casus_id: Mapped[str] = mapped_column(ForeignKey("casus.id"), primary_key=True)
    gebruiker_id: Mapped[int] = mapped_column(ForeignKey("gebruiker.id"), primary_key=True)
    # The access review: a membership not confirmed within the review term lapses.
    bevestigd_op: Mapped[dt.datetime] = mapped_column(default=nu)
    bevestigd_door: Mapped[int | None] = mapped_column(ForeignKey("gebruiker.id"))


class Advies(Basis):
    """The integrated enforcement advice of a case (one per case; the coordinator adopts it)."""

    __tablename__ = "advies"
    casus_id: Mapped[str] = mapped_column(ForeignKey("casus.id"), primary_key=True)
    analyse: Mapped[str] = mapped_column(Text)
    status: Mapped[str] = mapped_column(String(20), default="concept")
    opgesteld_door: Mapped[int] = mapped_column(ForeignKey("gebruiker.id"))
    vastgesteld_door: Mapped[int | None] = mapped_column(ForeignKey("gebruiker.id"))
    vastgesteld_op: Mapped[dt.datetime | None]


class Interventie(Basis):
    __tablename__ = "interventie"
    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    casus_id: Mapped[str] = mapped_column(ForeignKey("casus.id"), index=True)
    soort: Mapped[str] = mapped_column(String(20))
    maatregel: Mapped[str] = mapped_column(String(60))
    eigenaar_id: Mapped[str] = mapped_column(ForeignKey("organisatie.id"), index=True)
    status: Mapped[str] = mapped_column(String(20), default="voorgesteld")
    toelichting: Mapped[str | None] = mapped_column(Text)
    gestart_op: Mapped[dt.date | None]
    afgerond_op: Mapped[dt.date | None]
    uitkomst: Mapped[str | None] = mapped_column(String(60))
    bedrag_centen: Mapped[int | None] = mapped_column(BigInteger)
    bijgewerkt_door: Mapped[int | None] = mapped_column(ForeignKey("gebruiker.id"))


class Gebeurtenis(Basis):
    """Facts for the monitor, without personal data: case opened or closed, intervention result."""

    __tablename__ = "gebeurtenis"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    soort: Mapped[str] = mapped_column(String(40), index=True)
    casus_id: Mapped[str | None] = mapped_column(String(40))
    verband_id: Mapped[str | None] = mapped_column(String(80))
    organisatie_id: Mapped[str | None] = mapped_column(String(80))
    tijd: Mapped[dt.datetime] = mapped_column(default=nu)
    gegevens: Mapped[dict[str, Any]] = mapped_column(default=dict)


# --- Afpakken: the seizure chain ---------------------------------------------------------------
