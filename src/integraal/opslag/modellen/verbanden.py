# SPDX-License-Identifier: EUPL-1.2
"""Partnership work beyond the case: the register of sharing bottlenecks (no personal data) and
the WGS duty to inform a data subject or defer it (about a person: behind the door)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from integraal.opslag.modellen.basis import Basis, nu


class Knelpunt(Basis):
    """Where lawful sharing got stuck, why, and what was done about it. Holds rules, partners,
    categories, a purpose and reasons; never a person."""

    __tablename__ = "knelpunt"
    id: Mapped[str] = mapped_column(String(20), primary_key=True)
    titel: Mapped[str] = mapped_column(String(300))
    bron: Mapped[str] = mapped_column(String(20))
    bron_id: Mapped[str | None] = mapped_column(String(40))
    thema: Mapped[str | None] = mapped_column(String(40), index=True)
    soort: Mapped[str] = mapped_column(String(30))
    verstrekker_id: Mapped[str | None] = mapped_column(String(80))
    ontvanger_id: Mapped[str | None] = mapped_column(String(80))
    verband_id: Mapped[str | None] = mapped_column(String(80), index=True)
    categorieen: Mapped[list[Any]] = mapped_column(default=list)
    doel: Mapped[str | None] = mapped_column(String(60))
    regels: Mapped[list[Any]] = mapped_column(default=list)
    omschrijving: Mapped[str] = mapped_column(Text)
    status: Mapped[str] = mapped_column(String(20), default="open", index=True)
    escalatie_naar: Mapped[str | None] = mapped_column(String(200))
    geescaleerd_op: Mapped[dt.date | None]
    escalatie_uitkomst: Mapped[str | None] = mapped_column(Text)
    oplossing_soort: Mapped[str | None] = mapped_column(String(30))
    oplossing: Mapped[str | None] = mapped_column(Text)
    opgelost_op: Mapped[dt.date | None]
    hergebruik: Mapped[list[Any]] = mapped_column(default=list)
    organisatie_id: Mapped[str] = mapped_column(String(80))
    aangemaakt_door: Mapped[int] = mapped_column(ForeignKey("gebruiker.id"))
    aangemaakt_op: Mapped[dt.datetime] = mapped_column(default=nu)
    gewijzigd_op: Mapped[dt.datetime] = mapped_column(default=nu)


class Informatieplicht(Basis):
    """One decision on informing a case subject: informed, or deferred with a reason and a
    review date. Append-only: the newest decision per subject counts, the older ones are the
    history an auditor reads."""

    __tablename__ = "informatieplicht"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    casus_id: Mapped[str] = mapped_column(ForeignKey("casus.id"), index=True)
    entity_id: Mapped[str] = mapped_column(String(128))
    status: Mapped[str] = mapped_column(String(20))
    reden: Mapped[str | None] = mapped_column(String(40))
    toelichting: Mapped[str | None] = mapped_column(Text)
    wijze: Mapped[str | None] = mapped_column(String(40))
    datum: Mapped[dt.date]
    herzien_op: Mapped[dt.date | None] = mapped_column(index=True)
    vastgelegd_door: Mapped[int] = mapped_column(ForeignKey("gebruiker.id"))
    vastgelegd_op: Mapped[dt.datetime] = mapped_column(default=nu)


class Rapportageverzoek(Basis):
    """A request to iCOV for an asset or relations report about the subjects it names, and the
    report iCOV composed for it. About persons: behind the door."""

    __tablename__ = "rapportageverzoek"
    id: Mapped[str] = mapped_column(String(20), primary_key=True)
    soort: Mapped[str] = mapped_column(String(10))
    doel: Mapped[str] = mapped_column(String(60))
    verband_id: Mapped[str] = mapped_column(String(80))
    organisatie_id: Mapped[str] = mapped_column(String(80), index=True)
    aangevraagd_door: Mapped[int] = mapped_column(ForeignKey("gebruiker.id"))
    aangevraagd_op: Mapped[dt.datetime] = mapped_column(default=nu)
    onderzoek: Mapped[str] = mapped_column(Text)
    vordering: Mapped[str | None] = mapped_column(Text)
    kenmerken: Mapped[list[Any]] = mapped_column(default=list)
    status: Mapped[str] = mapped_column(String(20), index=True)
    besluit: Mapped[dict[str, Any]] = mapped_column(default=dict)
    rapport: Mapped[dict[str, Any]] = mapped_column(default=dict)
    opgesteld_door: Mapped[int | None] = mapped_column(ForeignKey("gebruiker.id"))
    opgesteld_op: Mapped[dt.datetime | None]
    beoordeeld_door: Mapped[int | None] = mapped_column(ForeignKey("gebruiker.id"))
    beoordeeld_op: Mapped[dt.datetime | None]
    reden: Mapped[str | None] = mapped_column(Text)


class Signaalronde(Basis):
    """An FEC signal round: one description with identifiers put to every participant, who
    answers whether it knows it. The identifiers name persons: behind the door."""

    __tablename__ = "signaalronde"
    id: Mapped[str] = mapped_column(String(20), primary_key=True)
    verband_id: Mapped[str] = mapped_column(String(80), index=True)
    signaal_id: Mapped[str | None] = mapped_column(ForeignKey("signaal.id"))
    omschrijving: Mapped[str] = mapped_column(Text)
    kenmerken: Mapped[list[Any]] = mapped_column(default=list)
    aanwijzingen: Mapped[str] = mapped_column(Text)
    deelnemers: Mapped[list[Any]] = mapped_column(default=list)
    status: Mapped[str] = mapped_column(String(20), default="open")
    gestart_door: Mapped[int] = mapped_column(ForeignKey("gebruiker.id"))
    gestart_op: Mapped[dt.datetime] = mapped_column(default=nu)
    gesloten_op: Mapped[dt.datetime | None]


class Rondeantwoord(Basis):
    __tablename__ = "rondeantwoord"
    ronde_id: Mapped[str] = mapped_column(ForeignKey("signaalronde.id"), primary_key=True)
    organisatie_id: Mapped[str] = mapped_column(String(80), primary_key=True)
    bekend: Mapped[bool]
    toelichting: Mapped[str | None] = mapped_column(Text)
    beantwoord_door: Mapped[int] = mapped_column(ForeignKey("gebruiker.id"))
    beantwoord_op: Mapped[dt.datetime] = mapped_column(default=nu)


class Facilitatorindicator(Basis):
    """A Serious Crime Taskforce indicator of how facilitators work, at phenomenon level (never
    a person), published to designated banks after a second person approved it."""

    __tablename__ = "facilitatorindicator"
    id: Mapped[str] = mapped_column(String(20), primary_key=True)
    verband_id: Mapped[str] = mapped_column(String(80))
    titel: Mapped[str] = mapped_column(String(300))
    fenomeen: Mapped[str] = mapped_column(String(40))
    omschrijving: Mapped[str] = mapped_column(Text)
    signalen: Mapped[list[Any]] = mapped_column(default=list)
    status: Mapped[str] = mapped_column(String(20), default="concept")
    organisatie_id: Mapped[str] = mapped_column(String(80))
    opgesteld_door: Mapped[int] = mapped_column(ForeignKey("gebruiker.id"))
    opgesteld_op: Mapped[dt.datetime] = mapped_column(default=nu)
    goedgekeurd_door: Mapped[int | None] = mapped_column(ForeignKey("gebruiker.id"))
    gepubliceerd_op: Mapped[dt.datetime | None]
    ingetrokken_op: Mapped[dt.datetime | None]
