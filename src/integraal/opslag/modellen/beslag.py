# SPDX-License-Identifier: EUPL-1.2
"""The seizure chain: objects, persons seized from, valuations, events, asset files, re-use."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import (
    BigInteger,
    Boolean,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
)
from sqlalchemy.orm import Mapped, mapped_column

from integraal.opslag.modellen.basis import Basis, nu


class Vermogensdossier(Basis):
    """A suspect's asset position from the start of an investigation to execution."""

    __tablename__ = "vermogensdossier"
    id: Mapped[str] = mapped_column(String(40), primary_key=True)
    verdachte: Mapped[str] = mapped_column(String(300))
    parketnummer: Mapped[str | None] = mapped_column(String(40))
    casus_id: Mapped[str | None] = mapped_column(ForeignKey("casus.id"))
    organisatie_id: Mapped[str] = mapped_column(ForeignKey("organisatie.id"))
    vordering_centen: Mapped[int | None] = mapped_column(BigInteger)
    executiestatus: Mapped[str] = mapped_column(String(30), default="geen")
    aangemaakt_op: Mapped[dt.datetime] = mapped_column(default=nu)


class Medeschuldenaar(Basis):
    """Jointly and severally liable (art. 36e lid 7 Sr): the claim is counted once."""

    __tablename__ = "medeschuldenaar"
    dossier_id: Mapped[str] = mapped_column(ForeignKey("vermogensdossier.id"), primary_key=True)
    ander_id: Mapped[str] = mapped_column(ForeignKey("vermogensdossier.id"), primary_key=True)


class Onderzoekshandeling(Basis):
    __tablename__ = "onderzoekshandeling"
    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    dossier_id: Mapped[str] = mapped_column(ForeignKey("vermogensdossier.id"), index=True)
    soort: Mapped[str] = mapped_column(String(40))
    datum: Mapped[dt.date]
    omschrijving: Mapped[str] = mapped_column(Text)
    opbrengst_centen: Mapped[int | None] = mapped_column(BigInteger)
    door: Mapped[int | None] = mapped_column(ForeignKey("gebruiker.id"))
    geregistreerd_op: Mapped[dt.datetime] = mapped_column(default=nu)


class BekendVermogen(Basis):
    """An asset known to the investigation, seized or not (yet)."""

    __tablename__ = "bekend_vermogen"
    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    dossier_id: Mapped[str] = mapped_column(ForeignKey("vermogensdossier.id"), index=True)
    soort: Mapped[str] = mapped_column(String(20))
    omschrijving: Mapped[str] = mapped_column(Text)
    waarde_centen: Mapped[int | None] = mapped_column(BigInteger)
    bekend_sinds: Mapped[dt.date]
    geregistreerd_op: Mapped[dt.datetime] = mapped_column(default=nu)


class Betaling(Basis):
    """A payment on the claim received by the CJIB."""

    __tablename__ = "betaling"
    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    dossier_id: Mapped[str] = mapped_column(ForeignKey("vermogensdossier.id"), index=True)
    bedrag_centen: Mapped[int] = mapped_column(BigInteger)
    ontvangen_op: Mapped[dt.date]
    geregistreerd_op: Mapped[dt.datetime] = mapped_column(default=nu)


class Beslagene(Basis):
    """The person seized from (one kennisgeving each); reaches their page with a personal code."""

    __tablename__ = "beslagene"
    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    naam: Mapped[str] = mapped_column(String(300))
    # sha256 of a high-entropy code handed over with the bewijs van ontvangst.
    inzagecode_hash: Mapped[str] = mapped_column(String(64), unique=True)
    aangemaakt_op: Mapped[dt.datetime] = mapped_column(default=nu)


class Beslagobject(Basis):
    __tablename__ = "beslagobject"
    __table_args__ = (Index("ux_beslagobject_kvi", "kvi_nummer", "volgnummer", unique=True),)
    id: Mapped[str] = mapped_column(String(40), primary_key=True)
    kvi_nummer: Mapped[str] = mapped_column(String(40))
    volgnummer: Mapped[int] = mapped_column(Integer)
    soort: Mapped[str] = mapped_column(String(20))
    omschrijving: Mapped[str] = mapped_column(Text)
    aantal: Mapped[str | None] = mapped_column(String(40))
    kenmerk: Mapped[str | None] = mapped_column(String(120))
    goederencategorie: Mapped[str | None] = mapped_column(String(60))
    grond: Mapped[str] = mapped_column(String(40))
    categorie: Mapped[int] = mapped_column(Integer)
    status: Mapped[str] = mapped_column(String(30), index=True)
    status_sinds: Mapped[dt.date]
    beslagen_op: Mapped[dt.date] = mapped_column(index=True)
    geregistreerd_op: Mapped[dt.datetime] = mapped_column(default=nu)
    organisatie_id: Mapped[str] = mapped_column(ForeignKey("organisatie.id"), index=True)
    om_id: Mapped[str] = mapped_column(ForeignKey("organisatie.id"))
    bewaarder_id: Mapped[str | None] = mapped_column(ForeignKey("organisatie.id"))
    beslagene_id: Mapped[str] = mapped_column(ForeignKey("beslagene.id"), index=True)
    casus_id: Mapped[str | None] = mapped_column(ForeignKey("casus.id"))
    dossier_id: Mapped[str | None] = mapped_column(ForeignKey("vermogensdossier.id"), index=True)
    rechtshulp: Mapped[bool] = mapped_column(Boolean, default=False)
    dedup_sleutel: Mapped[str] = mapped_column(String(64), index=True)
    waarde_centen: Mapped[int | None] = mapped_column(BigInteger)
    beoordeeld_op: Mapped[dt.date | None]
    machtiging_verzocht_op: Mapped[dt.date | None]
    beklag_aanhangig: Mapped[bool] = mapped_column(Boolean, default=False)
    einde_zaak_op: Mapped[dt.date | None]


class Beslagwaardering(Basis):
    """Value history: custodian valuation, day-rate conversion, proceeds (transaction time)."""

    __tablename__ = "beslagwaardering"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    object_id: Mapped[str] = mapped_column(ForeignKey("beslagobject.id"), index=True)
    bedrag_centen: Mapped[int] = mapped_column(BigInteger)
    methode: Mapped[str] = mapped_column(String(20))
    eenheid: Mapped[str | None] = mapped_column(String(20))
    hoeveelheid: Mapped[str | None] = mapped_column(String(60))
    koers: Mapped[str | None] = mapped_column(String(60))
    koersbron: Mapped[str | None] = mapped_column(String(200))
    koers_op: Mapped[dt.datetime | None]
    geregistreerd_op: Mapped[dt.datetime] = mapped_column(default=nu)
    door: Mapped[int | None] = mapped_column(ForeignKey("gebruiker.id"))


class Beslaggebeurtenis(Basis):
    """Append-only chain events (research A5); the outbox points at them per recipient."""

    __tablename__ = "beslaggebeurtenis"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    object_id: Mapped[str] = mapped_column(ForeignKey("beslagobject.id"), index=True)
    soort: Mapped[str] = mapped_column(String(60))
    tijd: Mapped[dt.date]
    geregistreerd_op: Mapped[dt.datetime] = mapped_column(default=nu)
    organisatie_id: Mapped[str | None] = mapped_column(ForeignKey("organisatie.id"))
    gebruiker_id: Mapped[int | None] = mapped_column(ForeignKey("gebruiker.id"))
    van_status: Mapped[str | None] = mapped_column(String(30))
    naar_status: Mapped[str | None] = mapped_column(String(30))
    grondslag: Mapped[str | None] = mapped_column(Text)
    document: Mapped[str | None] = mapped_column(Text)
    gegevens: Mapped[dict[str, Any]] = mapped_column(default=dict)


class Uitbak(Basis):
    """One row per event and recipient: a partner's feed is its rows in id order."""

    __tablename__ = "uitbak"
    __table_args__ = (Index("ix_uitbak_ontvanger", "ontvanger_id", "id"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    ontvanger_id: Mapped[str] = mapped_column(ForeignKey("organisatie.id"))
    gebeurtenis_id: Mapped[int] = mapped_column(ForeignKey("beslaggebeurtenis.id"))


class MaatschappelijkeOrganisatie(Basis):
    __tablename__ = "maatschappelijke_organisatie"
    id: Mapped[str] = mapped_column(String(60), primary_key=True)
    naam: Mapped[str] = mapped_column(String(200))
    plaats: Mapped[str] = mapped_column(String(100))
    behoeften: Mapped[list[Any]] = mapped_column(default=list)


class Herbestemming(Basis):
    __tablename__ = "herbestemming"
    object_id: Mapped[str] = mapped_column(ForeignKey("beslagobject.id"), primary_key=True)
    organisatie_id: Mapped[str] = mapped_column(ForeignKey("maatschappelijke_organisatie.id"))
    overgedragen_op: Mapped[dt.date]
    door: Mapped[int | None] = mapped_column(ForeignKey("gebruiker.id"))
    geregistreerd_op: Mapped[dt.datetime] = mapped_column(default=nu)


# --- Monitor: the approach itself ------------------------------------------------------------
