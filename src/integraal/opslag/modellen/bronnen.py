# SPDX-License-Identifier: EUPL-1.2
"""Deliveries of partners and the statements they became (about persons: read via toegang)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import (
    BigInteger,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column

from integraal.opslag.modellen.basis import Basis, nu


class Levering(Basis):
    __tablename__ = "levering"
    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    # sha256 over mapping, case and content: "the same delivery" in one indexable value.
    sleutel: Mapped[str] = mapped_column(String(64), unique=True)
    partner_id: Mapped[str] = mapped_column(ForeignKey("organisatie.id"))
    ontvanger_id: Mapped[str] = mapped_column(ForeignKey("organisatie.id"))
    mapping: Mapped[str] = mapped_column(String(120))
    # The version of the mapping it was read with (issue 25); None before versions existed.
    mapping_versie: Mapped[int | None] = mapped_column(Integer)
    dataset: Mapped[str] = mapped_column(String(120))
    doel: Mapped[str] = mapped_column(String(60))
    casus_id: Mapped[str | None] = mapped_column(ForeignKey("casus.id"))
    bestandsnaam: Mapped[str] = mapped_column(String(300))
    formaat: Mapped[str] = mapped_column(String(10))
    inhoud_hash: Mapped[str] = mapped_column(String(64))
    status: Mapped[str] = mapped_column(String(20))
    rijen_totaal: Mapped[int] = mapped_column(Integer, default=0)
    rijen_goed: Mapped[int] = mapped_column(Integer, default=0)
    rijen_fout: Mapped[int] = mapped_column(Integer, default=0)
    entiteiten: Mapped[int] = mapped_column(Integer, default=0)
    fouten: Mapped[list[Any]] = mapped_column(default=list)
    melding: Mapped[str | None] = mapped_column(Text)
    geleverd_door: Mapped[int | None] = mapped_column(ForeignKey("gebruiker.id"))
    ontvangen_op: Mapped[dt.datetime] = mapped_column(default=nu)
    verwerkt_op: Mapped[dt.datetime | None]
    # The process writing it while 'in_behandeling', and when it last wrote (opslag.werker).
    verwerker: Mapped[str | None] = mapped_column(String(200))
    levend_op: Mapped[dt.datetime | None]
    # Progress while 'in_behandeling', in the database so every app process can show it: the
    # rows read so far (at each staged batch) against an estimate made when it was offered.
    rijen_gelezen: Mapped[int | None] = mapped_column(Integer)
    rijen_geschat: Mapped[int | None] = mapped_column(Integer)


class Mappingversie(Basis):
    """A version of a delivery mapping (its YAML text): the one in force for its name,
    earlier ones, and proposals waiting for the approval of the receiving partnership's
    privacy officer (four eyes)."""

    __tablename__ = "mappingversie"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    naam: Mapped[str] = mapped_column(String(80), index=True)
    versie: Mapped[int] = mapped_column(Integer)
    tekst: Mapped[str] = mapped_column(Text)
    status: Mapped[str] = mapped_column(String(20), index=True)
    partner_id: Mapped[str] = mapped_column(String(80))
    ontvanger_id: Mapped[str] = mapped_column(String(80))
    toelichting: Mapped[str] = mapped_column(Text, default="")
    # None: shipped with Integraal (the seed of a new installation, or an upgrade's proposal).
    voorgesteld_door: Mapped[int | None] = mapped_column(ForeignKey("gebruiker.id"))
    voorgesteld_op: Mapped[dt.datetime] = mapped_column(default=nu)
    beoordeeld_door: Mapped[int | None] = mapped_column(ForeignKey("gebruiker.id"))
    beoordeeld_op: Mapped[dt.datetime | None]
    oordeel: Mapped[str | None] = mapped_column(Text)

    __table_args__ = (UniqueConstraint("naam", "versie"),)


class Statement(Basis):
    """One property value of one FtM entity, with where it came from and under which basis."""

    __tablename__ = "statement"
    __table_args__ = (
        Index("ix_statement_houder_categorie", "houder_id", "categorie"),
        Index("ix_statement_waarde", "prop_type", "value"),
    )
    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    entity_id: Mapped[str] = mapped_column(String(128), index=True)
    schema: Mapped[str] = mapped_column(String(60))
    prop: Mapped[str] = mapped_column(String(60))
    prop_type: Mapped[str] = mapped_column(String(30))
    value: Mapped[str] = mapped_column(Text)
    original_value: Mapped[str | None] = mapped_column(Text)
    dataset: Mapped[str] = mapped_column(String(120))
    levering_id: Mapped[str] = mapped_column(ForeignKey("levering.id"), index=True)
    bron_id: Mapped[str] = mapped_column(ForeignKey("organisatie.id"))
    houder_id: Mapped[str] = mapped_column(ForeignKey("organisatie.id"))
    casus_id: Mapped[str | None] = mapped_column(ForeignKey("casus.id"))
    source_record_id: Mapped[str] = mapped_column(String(200))
    categorie: Mapped[str] = mapped_column(String(60))
    grondslag: Mapped[str] = mapped_column(String(60))
    first_seen: Mapped[dt.datetime]
    last_seen: Mapped[dt.datetime]


class StatementGroep(Basis):
    """A (holder, source, category, case) that holds statements: the unit the rule engine
    decides on, kept at import so a search or page does not scan every statement for it
    (decision record 0022). `sleutel` joins the four, as a unique key that treats 'no case' as
    one value."""

    __tablename__ = "statement_groep"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    sleutel: Mapped[str] = mapped_column(String(400), unique=True)
    houder_id: Mapped[str] = mapped_column(String(80))
    bron_id: Mapped[str] = mapped_column(String(80))
    categorie: Mapped[str] = mapped_column(String(60))
    casus_id: Mapped[str | None] = mapped_column(String(40), index=True)


class KlaargezetStatement(Basis):
    """A statement of a delivery still being processed: written in bounded batches, invisible
    to every reader, and moved into `statement` in one step when the delivery is complete
    (decision record 0021). Moved or deleted, and read back only by the door that logs the
    delivery's entities as received (`opslag.klaargezet`).

    No key on the statement: a statement staged twice is moved once (the move skips what
    `statement` already holds). On PostgreSQL the table is UNLOGGED and filled by COPY
    (migration 0021, decision record 0022): a crash empties it, which is what recovery does
    with staged rows anyway."""

    __tablename__ = "statement_klaargezet"
    nr: Mapped[int] = mapped_column(
        BigInteger().with_variant(Integer, "sqlite"), primary_key=True, autoincrement=True
    )
    # No foreign key (migration 0032): it was checked per staged row and guarded nothing; a
    # delivery's row is committed before it stages, and deliveries are never deleted.
    levering_id: Mapped[str] = mapped_column(String(36))
    id: Mapped[str] = mapped_column(String(64))
    entity_id: Mapped[str] = mapped_column(String(128))
    schema: Mapped[str] = mapped_column(String(60))
    prop: Mapped[str] = mapped_column(String(60))
    prop_type: Mapped[str] = mapped_column(String(30))
    value: Mapped[str] = mapped_column(Text)
    original_value: Mapped[str | None] = mapped_column(Text)
    dataset: Mapped[str] = mapped_column(String(120))
    bron_id: Mapped[str] = mapped_column(String(80))
    houder_id: Mapped[str] = mapped_column(String(80))
    casus_id: Mapped[str | None] = mapped_column(String(40))
    source_record_id: Mapped[str] = mapped_column(String(200))
    categorie: Mapped[str] = mapped_column(String(60))
    grondslag: Mapped[str] = mapped_column(String(60))
