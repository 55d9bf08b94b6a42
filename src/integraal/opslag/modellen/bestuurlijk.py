# SPDX-License-Identifier: EUPL-1.2
"""The municipality's administrative instruments: Bibob procedures and the register of
conclusions, the police's administrative reports, closures, administrative claims, and the
Kadaster messages and subscriptions (plot data only).

Procedures, reports, closures and claims are about persons (an applicant, the residents of a
closed home, a debtor): behind the door. Kadaster messages, subscriptions and plot events hold
plot data only.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from integraal.opslag.modellen.basis import Basis, nu


class Bibobprocedure(Basis):
    """A Bibob procedure for one application. `advies` is the LBB's advice: secret under art.
    28 Wet Bibob, read only by the body that asked for it."""

    __tablename__ = "bibobprocedure"
    id: Mapped[str] = mapped_column(String(20), primary_key=True)
    organisatie_id: Mapped[str] = mapped_column(String(80), index=True)
    aanleiding: Mapped[str] = mapped_column(String(20))
    onderwerp: Mapped[str] = mapped_column(String(300))
    aanvrager: Mapped[str] = mapped_column(String(300))
    kenmerken: Mapped[list[Any]] = mapped_column(default=list)
    vragenlijst_op: Mapped[dt.date | None]
    eigen_onderzoek: Mapped[str | None] = mapped_column(Text)
    status: Mapped[str] = mapped_column(String(20), index=True)
    lbb_gevraagd_op: Mapped[dt.date | None]
    lbb_verlengd: Mapped[bool] = mapped_column(default=False)
    advies: Mapped[str | None] = mapped_column(Text)
    conclusie: Mapped[str | None] = mapped_column(String(20))
    advies_ontvangen_op: Mapped[dt.date | None]
    voornemen: Mapped[str | None] = mapped_column(String(20))
    zienswijze_tot: Mapped[dt.date | None]
    zienswijze: Mapped[str | None] = mapped_column(Text)
    besluit: Mapped[str | None] = mapped_column(String(20))
    motivering: Mapped[str | None] = mapped_column(Text)
    besloten_op: Mapped[dt.date | None]
    riec_id: Mapped[str | None] = mapped_column(String(80), index=True)
    extract: Mapped[str | None] = mapped_column(Text)
    extract_op: Mapped[dt.date | None]
    stappen: Mapped[list[Any]] = mapped_column(default=list)
    casus_id: Mapped[str | None] = mapped_column(String(20))
    interventie_id: Mapped[str | None] = mapped_column(String(40))
    aangemaakt_door: Mapped[int] = mapped_column(ForeignKey("gebruiker.id"))
    aangemaakt_op: Mapped[dt.datetime] = mapped_column(default=nu)


class Bibobconclusie(Basis):
    """A conclusion in the register other bodies may re-use within the term: the degree of
    danger and whom it is about (stored identifiers), never the advice."""

    __tablename__ = "bibobconclusie"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    procedure_id: Mapped[str] = mapped_column(ForeignKey("bibobprocedure.id"))
    organisatie_id: Mapped[str] = mapped_column(String(80))
    kenmerken: Mapped[list[Any]] = mapped_column(default=list)
    conclusie: Mapped[str] = mapped_column(String(20))
    vastgesteld_op: Mapped[dt.date]
    geldig_tot: Mapped[dt.date] = mapped_column(index=True)
    hergebruik: Mapped[list[Any]] = mapped_column(default=list)


class Bestuurlijkerapportage(Basis):
    """The police's administrative report to the mayor about an object (the basis of a
    closure), provided under WPG-GEZAG-13B or WPG-GEZAG-174A."""

    __tablename__ = "bestuurlijkerapportage"
    id: Mapped[str] = mapped_column(String(20), primary_key=True)
    van_id: Mapped[str] = mapped_column(String(80), index=True)
    aan_id: Mapped[str] = mapped_column(String(80), index=True)
    grond: Mapped[str] = mapped_column(String(20))
    bag_id: Mapped[str] = mapped_column(String(16))
    bag_soort: Mapped[str] = mapped_column(String(20))
    adres: Mapped[str] = mapped_column(String(300))
    buurt_code: Mapped[str | None] = mapped_column(String(10))
    perceel: Mapped[str | None] = mapped_column(String(40))
    feiten_op: Mapped[dt.date]
    samenvatting: Mapped[str] = mapped_column(Text)
    status: Mapped[str] = mapped_column(String(20))
    besluit: Mapped[dict[str, Any]] = mapped_column(default=dict)
    opgesteld_door: Mapped[int] = mapped_column(ForeignKey("gebruiker.id"))
    opgesteld_op: Mapped[dt.datetime] = mapped_column(default=nu)


class Sluiting(Basis):
    """A closure decision on one BAG object, from warning to end, with its legal remedies."""

    __tablename__ = "sluiting"
    id: Mapped[str] = mapped_column(String(20), primary_key=True)
    organisatie_id: Mapped[str] = mapped_column(String(80), index=True)
    rapportage_id: Mapped[str] = mapped_column(ForeignKey("bestuurlijkerapportage.id"))
    grond: Mapped[str] = mapped_column(String(20))
    bag_id: Mapped[str] = mapped_column(String(16))
    bag_soort: Mapped[str] = mapped_column(String(20))
    adres: Mapped[str] = mapped_column(String(300))
    buurt_code: Mapped[str | None] = mapped_column(String(10), index=True)
    perceel: Mapped[str | None] = mapped_column(String(40))
    status: Mapped[str] = mapped_column(String(20), index=True)
    motivering: Mapped[str | None] = mapped_column(Text)
    besloten_op: Mapped[dt.date | None]
    begin: Mapped[dt.date | None]
    einde: Mapped[dt.date | None] = mapped_column(index=True)
    verlengingen: Mapped[int] = mapped_column(default=0)
    lopend_rechtsmiddel: Mapped[str | None] = mapped_column(String(30))
    rechtsmiddel_op: Mapped[dt.date | None]
    stappen: Mapped[list[Any]] = mapped_column(default=list)
    casus_id: Mapped[str | None] = mapped_column(String(20))
    interventie_id: Mapped[str | None] = mapped_column(String(40))
    aangemaakt_door: Mapped[int] = mapped_column(ForeignKey("gebruiker.id"))
    aangemaakt_op: Mapped[dt.datetime] = mapped_column(default=nu)


class Bestuurlijkevordering(Basis):
    """A last onder dwangsom or bestuurlijke boete as a claim: amounts in cents, payments and
    steps as history."""

    __tablename__ = "bestuurlijkevordering"
    id: Mapped[str] = mapped_column(String(20), primary_key=True)
    organisatie_id: Mapped[str] = mapped_column(String(80), index=True)
    soort: Mapped[str] = mapped_column(String(30))
    schuldenaar: Mapped[str] = mapped_column(String(300))
    kenmerken: Mapped[list[Any]] = mapped_column(default=list)
    omschrijving: Mapped[str] = mapped_column(Text)
    bedrag_centen: Mapped[int]
    maximum_centen: Mapped[int]
    verschuldigd_centen: Mapped[int] = mapped_column(default=0)
    betaald_centen: Mapped[int] = mapped_column(default=0)
    status: Mapped[str] = mapped_column(String(20), index=True)
    opgelegd_op: Mapped[dt.date]
    termijn_tot: Mapped[dt.date | None]
    stappen: Mapped[list[Any]] = mapped_column(default=list)
    sluiting_id: Mapped[str | None] = mapped_column(String(20))
    casus_id: Mapped[str | None] = mapped_column(String(20))
    interventie_id: Mapped[str | None] = mapped_column(String(40))
    aangemaakt_door: Mapped[int] = mapped_column(ForeignKey("gebruiker.id"))
    aangemaakt_op: Mapped[dt.datetime] = mapped_column(default=nu)


class Kadasterbericht(Basis):
    """An outgoing message to the Kadaster: registering a closure as a public-law restriction,
    or withdrawing it. Plot data and the decision only (WKPB-13B)."""

    __tablename__ = "kadasterbericht"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    sluiting_id: Mapped[str] = mapped_column(ForeignKey("sluiting.id"), index=True)
    soort: Mapped[str] = mapped_column(String(20))
    perceel: Mapped[str] = mapped_column(String(40))
    inhoud: Mapped[dict[str, Any]] = mapped_column(default=dict)
    status: Mapped[str] = mapped_column(String(20))
    kenmerk: Mapped[str | None] = mapped_column(String(60))
    verzonden_op: Mapped[dt.datetime] = mapped_column(default=nu)
    beantwoord_op: Mapped[dt.datetime | None]
    antwoord: Mapped[dict[str, Any]] = mapped_column(default=dict)


class Perceelabonnement(Basis):
    """A party (a mortgage lender) watching a plot for ownership changes and restrictions."""

    __tablename__ = "perceelabonnement"
    __table_args__ = (UniqueConstraint("organisatie_id", "perceel"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    organisatie_id: Mapped[str] = mapped_column(String(80), index=True)
    perceel: Mapped[str] = mapped_column(String(40), index=True)
    sinds: Mapped[dt.datetime] = mapped_column(default=nu)


class Kadastergebeurtenis(Basis):
    """Something that happened to a plot: an ownership change reported by the Kadaster, or a
    restriction registered or withdrawn. The subscription feed's rows; never an owner."""

    __tablename__ = "kadastergebeurtenis"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    perceel: Mapped[str] = mapped_column(String(40), index=True)
    soort: Mapped[str] = mapped_column(String(30))
    datum: Mapped[dt.date]
    kenmerk: Mapped[str | None] = mapped_column(String(60), unique=True)
    geregistreerd_op: Mapped[dt.datetime] = mapped_column(default=nu)
