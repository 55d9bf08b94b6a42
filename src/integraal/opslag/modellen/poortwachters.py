# SPDX-License-Identifier: EUPL-1.2
"""Gatekeepers and registers: unusual-transaction reports and what FIU-Nederland does with
them, emergency freezes, notaries' refusals and the facts of their partnership, and the
Waarschuwingsregister Logistieke Sectoren (permits, connected companies, entries, lookups).

Reports, disseminations, refusals and entries are about persons: behind the door. A report's
status and analysis are FIU data the reporter never reads (Wwft art. 12 and 23).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import BigInteger, Boolean, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from integraal.opslag.modellen.basis import Basis, nu


class Ongebruikelijketransactie(Basis):
    """A report of an unusual transaction (Wwft art. 16 lid 2 a–g) as FIU-Nederland holds it.
    `status`, `analyse` and `stappen` are the FIU's; the reporter reads only what it sent."""

    __tablename__ = "ongebruikelijketransactie"
    id: Mapped[str] = mapped_column(String(20), primary_key=True)
    melder_id: Mapped[str] = mapped_column(String(80), index=True)
    sector: Mapped[str] = mapped_column(String(40), index=True)
    kanaal: Mapped[str] = mapped_column(String(10))
    melder_kenmerk: Mapped[str | None] = mapped_column(String(80))
    meldgrond: Mapped[str] = mapped_column(String(20))
    indicator: Mapped[str] = mapped_column(String(300))
    transactie_op: Mapped[dt.date]
    bedrag_centen: Mapped[int] = mapped_column(BigInteger)
    valuta: Mapped[str] = mapped_column(String(3))
    van_rekening: Mapped[str | None] = mapped_column(String(40))
    naar_rekening: Mapped[str | None] = mapped_column(String(40))
    aard: Mapped[str] = mapped_column(String(300))
    reden: Mapped[str] = mapped_column(Text)
    client: Mapped[str] = mapped_column(String(300))
    geboortedatum: Mapped[dt.date | None]
    kenmerken: Mapped[list[Any]] = mapped_column(default=list)
    status: Mapped[str] = mapped_column(String(20), index=True)
    analyse: Mapped[str | None] = mapped_column(Text)
    beoordeeld_op: Mapped[dt.date | None]
    stappen: Mapped[list[Any]] = mapped_column(default=list)
    ontvangen_door: Mapped[int] = mapped_column(ForeignKey("gebruiker.id"))
    ontvangen_op: Mapped[dt.datetime] = mapped_column(default=nu, index=True)


class Fiuverstrekking(Basis):
    """A transaction declared suspicious, provided to an investigation service (FIU-VT)."""

    __tablename__ = "fiuverstrekking"
    id: Mapped[str] = mapped_column(String(20), primary_key=True)
    melding_id: Mapped[str] = mapped_column(ForeignKey("ongebruikelijketransactie.id"), index=True)
    aan_id: Mapped[str] = mapped_column(String(80), index=True)
    toelichting: Mapped[str] = mapped_column(Text)
    besluit: Mapped[dict[str, Any]] = mapped_column(default=dict)
    verstrekt_door: Mapped[int] = mapped_column(ForeignKey("gebruiker.id"))
    verstrekt_op: Mapped[dt.datetime] = mapped_column(default=nu)


class Opschorting(Basis):
    """FIU-Nederland's request to an institution to suspend a transaction (Wwft art. 17a)."""

    __tablename__ = "opschorting"
    id: Mapped[str] = mapped_column(String(20), primary_key=True)
    instelling_id: Mapped[str] = mapped_column(String(80), index=True)
    melding_id: Mapped[str | None] = mapped_column(ForeignKey("ongebruikelijketransactie.id"))
    transactie_kenmerk: Mapped[str] = mapped_column(String(80))
    bedrag_centen: Mapped[int] = mapped_column(BigInteger)
    reden: Mapped[str] = mapped_column(Text)
    verzocht_op: Mapped[dt.date]
    werkdagen: Mapped[int] = mapped_column(Integer)
    buitenlands: Mapped[bool] = mapped_column(Boolean, default=False)
    buitenlandse_fiu: Mapped[str | None] = mapped_column(String(120))
    status: Mapped[str] = mapped_column(String(20), index=True)
    einde: Mapped[dt.date] = mapped_column(index=True)
    verlengingen: Mapped[int] = mapped_column(Integer, default=0)
    bevestigd_op: Mapped[dt.datetime | None]
    dossier_id: Mapped[str | None] = mapped_column(String(40))
    stappen: Mapped[list[Any]] = mapped_column(default=list)
    aangemaakt_door: Mapped[int] = mapped_column(ForeignKey("gebruiker.id"))
    aangemaakt_op: Mapped[dt.datetime] = mapped_column(default=nu)


class Notarisweigering(Basis):
    """A notary's refusal or termination for money-laundering, fraud or terrorist-financing
    risk. `toelichting` stays at the office; other notaries read kind, reason, date and
    office, and only under AMLR-75."""

    __tablename__ = "notarisweigering"
    id: Mapped[str] = mapped_column(String(20), primary_key=True)
    organisatie_id: Mapped[str] = mapped_column(String(80), index=True)
    soort: Mapped[str] = mapped_column(String(20))
    reden: Mapped[str] = mapped_column(String(30))
    op: Mapped[dt.date]
    client: Mapped[str] = mapped_column(String(300))
    kenmerken: Mapped[list[Any]] = mapped_column(default=list)
    toelichting: Mapped[str] = mapped_column(Text)
    vastgelegd_door: Mapped[int] = mapped_column(ForeignKey("gebruiker.id"))
    vastgelegd_op: Mapped[dt.datetime] = mapped_column(default=nu)


class Partnerschapsfeit(Basis):
    """What an office recorded before it shares under AMLR art. 75: the notification to its
    supervisor, its DPIA. The rule checks them as facts."""

    __tablename__ = "partnerschapsfeit"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    organisatie_id: Mapped[str] = mapped_column(String(80), index=True)
    soort: Mapped[str] = mapped_column(String(30))
    op: Mapped[dt.date]
    kenmerk: Mapped[str] = mapped_column(String(120))
    vastgelegd_door: Mapped[int] = mapped_column(ForeignKey("gebruiker.id"))
    vastgelegd_op: Mapped[dt.datetime] = mapped_column(default=nu)


class Apvergunning(Basis):
    """A permit of the Autoriteit Persoonsgegevens for a warning register (UAVG art. 33)."""

    __tablename__ = "apvergunning"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    register_id: Mapped[str] = mapped_column(String(80), index=True)
    nummer: Mapped[str] = mapped_column(String(60))
    reikwijdte: Mapped[str] = mapped_column(Text)
    criteria: Mapped[list[Any]] = mapped_column(default=list)
    bewaartermijn_maanden: Mapped[int] = mapped_column(Integer)
    geldig_van: Mapped[dt.date]
    geldig_tot: Mapped[dt.date | None]
    ingetrokken_op: Mapped[dt.date | None]
    vastgelegd_door: Mapped[int] = mapped_column(ForeignKey("gebruiker.id"))
    vastgelegd_op: Mapped[dt.datetime] = mapped_column(default=nu)


class Registeraansluiting(Basis):
    """A company connected to a warning register: only these may look up."""

    __tablename__ = "registeraansluiting"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    register_id: Mapped[str] = mapped_column(String(80), index=True)
    organisatie_id: Mapped[str] = mapped_column(String(80), index=True)
    sinds: Mapped[dt.date]
    tot: Mapped[dt.date | None]


class Waarschuwingsregistratie(Basis):
    """An entry in the warning register: a person, the criterion and its evidence, a fixed
    term, the notice to the person, an objection. `sleutel` is the keyed pseudonym of name and
    date of birth that a lookup is matched on."""

    __tablename__ = "waarschuwingsregistratie"
    id: Mapped[str] = mapped_column(String(20), primary_key=True)
    register_id: Mapped[str] = mapped_column(String(80), index=True)
    vergunning_id: Mapped[int] = mapped_column(ForeignKey("apvergunning.id"))
    naam: Mapped[str] = mapped_column(String(300))
    geboortedatum: Mapped[dt.date]
    sleutel: Mapped[str] = mapped_column(String(80), index=True)
    criterium: Mapped[str] = mapped_column(String(30))
    bewijs: Mapped[str] = mapped_column(Text)
    aangemeld_door: Mapped[str] = mapped_column(String(80))
    ingeschreven_op: Mapped[dt.date]
    einde: Mapped[dt.date] = mapped_column(index=True)
    kennisgeving_op: Mapped[dt.date | None]
    status: Mapped[str] = mapped_column(String(20), index=True)
    bezwaar_op: Mapped[dt.date | None]
    stappen: Mapped[list[Any]] = mapped_column(default=list)
    vastgelegd_door: Mapped[int] = mapped_column(ForeignKey("gebruiker.id"))
    vastgelegd_op: Mapped[dt.datetime] = mapped_column(default=nu)


class Registerraadpleging(Basis):
    """One lookup: which company, when, hit or not. Kept with the entry it hit, so the person
    can see who looked them up (inzage, AVG art. 15 lid 1 onder c)."""

    __tablename__ = "registerraadpleging"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    register_id: Mapped[str] = mapped_column(String(80), index=True)
    organisatie_id: Mapped[str] = mapped_column(String(80), index=True)
    registratie_id: Mapped[str | None] = mapped_column(
        ForeignKey("waarschuwingsregistratie.id"), index=True
    )
    treffer: Mapped[bool] = mapped_column(Boolean)
    op: Mapped[dt.datetime] = mapped_column(default=nu)
