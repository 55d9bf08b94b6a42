# SPDX-License-Identifier: EUPL-1.2
"""The monitor: structure, indicators, observations, letters, financial tables, motions, areas."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import (
    Boolean,
    Float,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    String,
    Text,
)
from sqlalchemy.orm import Mapped, mapped_column

from integraal.opslag.modellen.basis import Basis, nu


class MonitorLijn(Basis):
    __tablename__ = "monitor_lijn"
    code: Mapped[str] = mapped_column(String(30), primary_key=True)
    volgorde: Mapped[int] = mapped_column(Integer)


class Lijnlabel(Basis):
    """A line's name for a period: 'verstoren' became 'doorbreken'."""

    __tablename__ = "lijnlabel"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    lijn_code: Mapped[str] = mapped_column(ForeignKey("monitor_lijn.code"))
    tekst: Mapped[str] = mapped_column(String(200))
    van: Mapped[dt.date | None]
    tot: Mapped[dt.date | None]
    bron: Mapped[str] = mapped_column(Text, default="")


class Deelopgave(Basis):
    __tablename__ = "deelopgave"
    code: Mapped[str] = mapped_column(String(60), primary_key=True)
    lijn_code: Mapped[str] = mapped_column(ForeignKey("monitor_lijn.code"))
    naam: Mapped[str] = mapped_column(String(300))
    volgorde: Mapped[int] = mapped_column(Integer)
    in_financien: Mapped[bool] = mapped_column(Boolean, default=False)


class Maatregel(Basis):
    __tablename__ = "maatregel"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    deelopgave_code: Mapped[str] = mapped_column(ForeignKey("deelopgave.code"))
    naam: Mapped[str] = mapped_column(String(300))
    omschrijving: Mapped[str] = mapped_column(Text, default="")
    eigenaar: Mapped[str] = mapped_column(String(200))
    start: Mapped[dt.date | None]
    eind: Mapped[dt.date | None]
    status: Mapped[str] = mapped_column(String(20))
    bron: Mapped[str] = mapped_column(Text, default="")
    bijgewerkt_op: Mapped[dt.datetime] = mapped_column(default=nu)
    bijgewerkt_door: Mapped[int | None] = mapped_column(ForeignKey("gebruiker.id"))


class Indicator(Basis):
    __tablename__ = "indicator"
    code: Mapped[str] = mapped_column(String(60), primary_key=True)
    naam: Mapped[str] = mapped_column(String(300))
    eenheid: Mapped[str] = mapped_column(String(40))
    decimalen: Mapped[int] = mapped_column(Integer, default=0)
    bron: Mapped[str] = mapped_column(Text)
    frequentie: Mapped[str] = mapped_column(String(20))
    niveau: Mapped[str] = mapped_column(String(20))
    lijn_code: Mapped[str | None] = mapped_column(ForeignKey("monitor_lijn.code"))
    deelopgave_code: Mapped[str | None] = mapped_column(ForeignKey("deelopgave.code"))
    live: Mapped[str | None] = mapped_column(String(40))  # computed from operational data
    uitsplitsing: Mapped[str | None] = mapped_column(String(80))  # what the breakdown is by
    omschrijving: Mapped[str] = mapped_column(Text, default="")
    # False when the breakdown lists different outcomes side by side (trained staff, contact
    # points): no total is computed or charted.
    optelbaar: Mapped[bool] = mapped_column(Boolean, default=True)


class Observatie(Basis):
    """One published or registered value; a revision is a new row, the old one stays."""

    __tablename__ = "observatie"
    __table_args__ = (Index("ix_observatie_sleutel", "indicator_code", "periode"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    indicator_code: Mapped[str] = mapped_column(ForeignKey("indicator.code"))
    periode: Mapped[str] = mapped_column(String(20))
    gebied: Mapped[str] = mapped_column(String(20), default="NL")
    uitsplitsing: Mapped[str] = mapped_column(String(80), default="")
    waarde: Mapped[float] = mapped_column(Float)
    voorlopig: Mapped[bool] = mapped_column(Boolean, default=False)
    peildatum: Mapped[dt.date | None]
    bron: Mapped[str] = mapped_column(Text, default="")
    citaat: Mapped[str | None] = mapped_column(Text)
    geregistreerd_op: Mapped[dt.datetime] = mapped_column(default=nu)
    geregistreerd_door: Mapped[int | None] = mapped_column(ForeignKey("gebruiker.id"))


class Document(Basis):
    __tablename__ = "document"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    sleutel: Mapped[str] = mapped_column(String(80), unique=True)
    titel: Mapped[str] = mapped_column(String(300))
    soort: Mapped[str] = mapped_column(String(60))
    datum: Mapped[dt.date | None]
    kenmerk: Mapped[str | None] = mapped_column(String(120))
    tekst: Mapped[str] = mapped_column(Text)
    geladen_op: Mapped[dt.datetime] = mapped_column(default=nu)


class Passage(Basis):
    """A paragraph of a document: the unit of full-text search."""

    __tablename__ = "passage"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    document_id: Mapped[int] = mapped_column(ForeignKey("document.id"), index=True)
    volgnummer: Mapped[int] = mapped_column(Integer)
    kop: Mapped[str | None] = mapped_column(String(300))
    tekst: Mapped[str] = mapped_column(Text)


class Voetnoot(Basis):
    __tablename__ = "voetnoot"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    document_id: Mapped[int] = mapped_column(ForeignKey("document.id"), index=True)
    nummer: Mapped[str] = mapped_column(String(10))
    tekst: Mapped[str] = mapped_column(Text)


class Documentverwijzing(Basis):
    __tablename__ = "documentverwijzing"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    document_id: Mapped[int] = mapped_column(ForeignKey("document.id"), index=True)
    tekst: Mapped[str] = mapped_column(Text)
    sleutel: Mapped[str] = mapped_column(String(80))
    citeertitel: Mapped[str] = mapped_column(String(200))
    url: Mapped[str | None] = mapped_column(String(300))
    twijfel: Mapped[str | None] = mapped_column(Text)


class Financieeltabel(Basis):
    __tablename__ = "financieeltabel"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    document_id: Mapped[int | None] = mapped_column(ForeignKey("document.id"))
    bron: Mapped[str] = mapped_column(String(200))
    nummer: Mapped[int] = mapped_column(Integer)
    titel: Mapped[str] = mapped_column(String(300))
    eenheid: Mapped[str] = mapped_column(String(40))
    kolommen: Mapped[list[Any]] = mapped_column(default=list)
    geladen_op: Mapped[dt.datetime] = mapped_column(default=nu)


class Financieelrij(Basis):
    __tablename__ = "financieelrij"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    tabel_id: Mapped[int] = mapped_column(ForeignKey("financieeltabel.id"), index=True)
    volgorde: Mapped[int] = mapped_column(Integer)
    soort: Mapped[str] = mapped_column(String(12))
    groep: Mapped[str] = mapped_column(String(200), default="")
    omschrijving: Mapped[str] = mapped_column(Text)
    deelopgave_code: Mapped[str | None] = mapped_column(ForeignKey("deelopgave.code"))
    waarden: Mapped[list[Any]] = mapped_column(default=list)  # thousands of euro; None = blank


class Kameropdracht(Basis):
    """A motion adopted or a commitment made in the Tweede Kamer, and what became of it."""

    __tablename__ = "kameropdracht"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    soort: Mapped[str] = mapped_column(String(12))
    thema: Mapped[str] = mapped_column(String(120), default="")
    onderwerp: Mapped[str] = mapped_column(Text)
    kop: Mapped[str] = mapped_column(Text, default="")
    leden: Mapped[list[Any]] = mapped_column(default=list)  # [{"naam", "partij"}]
    cum_suis: Mapped[bool] = mapped_column(Boolean, default=False)
    nummer: Mapped[str | None] = mapped_column(String(40))  # TK: TZ202412-116, 2025Z03792
    verwijzing: Mapped[str | None] = mapped_column(String(200))
    tk_status: Mapped[str] = mapped_column(String(20))
    uitvoering: Mapped[str | None] = mapped_column(String(20))
    status_reden: Mapped[str] = mapped_column(Text, default="")
    stand: Mapped[str] = mapped_column(Text, default="")
    termijn: Mapped[dt.date | None]
    maatregel_id: Mapped[int | None] = mapped_column(ForeignKey("maatregel.id"))
    document_id: Mapped[int | None] = mapped_column(ForeignKey("document.id"))
    onderdeel: Mapped[str | None] = mapped_column(String(10))  # "a." in the appendix
    beoordeeld_door: Mapped[int | None] = mapped_column(ForeignKey("gebruiker.id"))
    beoordeeld_op: Mapped[dt.datetime | None]
    bijgewerkt_op: Mapped[dt.datetime] = mapped_column(default=nu)
    # Set by the sync with the Kamer's open data: its guid, its last change, and whether the
    # Kamer has since withdrawn the record (soft delete there; kept here with a mark).
    tk_id: Mapped[str | None] = mapped_column(String(36))
    tk_gewijzigd_op: Mapped[dt.datetime | None]
    tk_verwijderd: Mapped[bool] = mapped_column(Boolean, default=False)


class Gebied(Basis):
    """A CBS area: gemeente (GM), wijk (WK) or buurt (BU); never anything finer."""

    __tablename__ = "gebied"
    code: Mapped[str] = mapped_column(String(12), primary_key=True)
    naam: Mapped[str] = mapped_column(String(200))
    niveau: Mapped[str] = mapped_column(String(10))
    ouder_code: Mapped[str | None] = mapped_column(String(12))


class Gebiedscijfer(Basis):
    __tablename__ = "gebiedscijfer"
    __table_args__ = (Index("ix_gebiedscijfer_keuze", "onderwerp", "periode"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    bron: Mapped[str] = mapped_column(String(80))  # CBS table id and fetch date
    periode: Mapped[str] = mapped_column(String(10))
    gebied_code: Mapped[str] = mapped_column(ForeignKey("gebied.code"))
    onderwerp: Mapped[str] = mapped_column(String(120))
    waarde: Mapped[float] = mapped_column(Float)
    opgehaald_op: Mapped[dt.datetime] = mapped_column(default=nu)


# --- Kruisverwijzing: matching runs, suggestions and judgements --------------------------------


class Rapportopdracht(Basis):
    """The PDF report being made for one person: its step, then the file or why it failed.
    In the database, so any app process shows the step and serves the file (issue 24); kept an
    hour (`monitor.rapportwerk`). The report holds no personal data: it is published."""

    __tablename__ = "rapportopdracht"
    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    gebruiker_id: Mapped[int] = mapped_column(ForeignKey("gebruiker.id", ondelete="CASCADE"))
    stap: Mapped[str] = mapped_column(String(20))
    begonnen: Mapped[dt.datetime] = mapped_column(index=True)
    bestandsnaam: Mapped[str] = mapped_column(String(200), default="")
    melding: Mapped[str] = mapped_column(Text, default="")
    inhoud: Mapped[bytes | None] = mapped_column(LargeBinary)
