# SPDX-License-Identifier: EUPL-1.2
"""Tables. Dutch domain names, English plumbing; timestamps are timezone-aware UTC."""

from __future__ import annotations

import datetime as dt
from typing import Any, ClassVar

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Text,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column
from sqlalchemy.types import TypeDecorator


def nu() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


class UTCDateTime(TypeDecorator[dt.datetime]):
    """SQLite forgets time zones; store UTC and hand back aware datetimes on both backends."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: dt.datetime | None, dialect: Any) -> dt.datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naïeve datetime; gebruik UTC met tijdzone")
        return value.astimezone(dt.UTC)

    def process_result_value(self, value: dt.datetime | None, dialect: Any) -> dt.datetime | None:
        if value is None:
            return None
        return value.replace(tzinfo=dt.UTC) if value.tzinfo is None else value.astimezone(dt.UTC)


NAAMGEVING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Basis(DeclarativeBase):
    metadata = MetaData(naming_convention=NAAMGEVING)
    type_annotation_map: ClassVar[dict[Any, Any]] = {
        dt.datetime: UTCDateTime(),
        dict[str, Any]: JSON,
        list[Any]: JSON,
    }


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


class Token(Basis):
    __tablename__ = "token"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    gebruiker_id: Mapped[int] = mapped_column(ForeignKey("gebruiker.id"))
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    aangemaakt_op: Mapped[dt.datetime] = mapped_column(default=nu)
    verloopt_op: Mapped[dt.datetime]


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


class CasusLid(Basis):
    __tablename__ = "casus_lid"
    casus_id: Mapped[str] = mapped_column(ForeignKey("casus.id"), primary_key=True)
    gebruiker_id: Mapped[int] = mapped_column(ForeignKey("gebruiker.id"), primary_key=True)


class Levering(Basis):
    __tablename__ = "levering"
    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    # sha256 over mapping, case and content: "the same delivery" in one indexable value.
    sleutel: Mapped[str] = mapped_column(String(64), unique=True)
    partner_id: Mapped[str] = mapped_column(ForeignKey("organisatie.id"))
    ontvanger_id: Mapped[str] = mapped_column(ForeignKey("organisatie.id"))
    mapping: Mapped[str] = mapped_column(String(120))
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
