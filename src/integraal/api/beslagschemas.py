# SPDX-License-Identifier: EUPL-1.2
"""API representations of the seizure chain (camelCase JSON, Dutch field names)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from pydantic import Field

from integraal.api.schemas import Model


class ItemIn(Model):
    soort: str = Field(
        description="contant, banktegoed, crypto, voertuig, onroerend_goed, goederen, vordering"
    )
    omschrijving: str = Field(max_length=2000)
    grond: str = Field(description="bijv. 94-verbeurdverklaring of 94a-ontneming")
    categorie: int = Field(description="beslagcategorie 1 tot en met 5 (Aanwijzing inbeslagneming)")
    aantal: str = ""
    kenmerk: str = Field("", description="kenteken, IBAN of walletadres")
    bedrag_euro: float | None = None
    goederencategorie: str = ""


class KennisgevingIn(Model):
    kvi_nummer: str = Field(max_length=40)
    beslagen_op: dt.date
    beslagene: str = Field(max_length=300)
    om: str = "om"
    casus_id: str | None = None
    dossier_id: str | None = None
    rechtshulp: bool = Field(False, description="beslag op een buitenlands rechtshulpverzoek")
    items: list[ItemIn] = Field(min_length=1, max_length=200)


class RegistratieUit(Model):
    object_ids: list[str]
    beslagene_id: str
    inzagecode: str = Field(description="Eenmalig: hoort op het bewijs van ontvangst")


class ObjectUit(Model):
    id: str
    kvi_nummer: str
    volgnummer: int
    soort: str
    omschrijving: str
    kenmerk: str | None
    grond: str
    categorie: int
    status: str
    status_sinds: dt.date
    beslagen_op: dt.date
    organisatie: str
    om: str
    bewaarder: str | None
    beslagene: str | None = None
    casus_id: str | None
    dossier_id: str | None
    rechtshulp: bool
    waarde_centen: int | None
    klaagschrift_aanhangig: bool


class WaarderingUit(Model):
    bedrag_centen: int
    methode: str
    eenheid: str | None
    hoeveelheid: str | None
    koers: str | None
    koersbron: str | None
    koers_op: dt.datetime | None
    geregistreerd_op: dt.datetime


class GebeurtenisUit(Model):
    soort: str
    datum: dt.date
    van_status: str | None
    naar_status: str | None
    grondslag: str | None
    document: str | None
    organisatie: str | None


class TermijnUit(Model):
    soort: str
    label: str
    vervalt_op: dt.date
    stand: str | None = None


class VervolgUit(Model):
    naar: str
    grondslag: str
    vereisten: list[str]


class ObjectDetail(Model):
    object: ObjectUit
    waarderingen: list[WaarderingUit]
    gebeurtenissen: list[GebeurtenisUit]
    termijnen: list[TermijnUit]
    klaagschrift_tot: dt.date
    vervolg: list[VervolgUit]


class OvergangIn(Model):
    naar: str
    reden: str = ""
    machtiging: str = ""
    uitspraak: str = ""
    afstandsverklaring: str = ""
    bewaarder: str | None = None


class KlaagschriftIn(Model):
    aanhangig: bool
    document: str = Field(min_length=1, max_length=300)


class RedenIn(Model):
    reden: str = Field(max_length=2000)


class OmzettingIn(Model):
    grond: str
    machtiging_rc: str


class WaarderingIn(Model):
    soort: str = Field(description="taxatie, omrekening of opbrengst")
    bedrag_euro: str | None = None
    eenheid: str = ""
    hoeveelheid: str = ""
    koers: str = Field("", description="euro per eenheid")
    koersbron: str = ""
    koers_op: dt.datetime | None = None


class TermijnregelUit(Model):
    object: ObjectUit
    termijn: TermijnUit


class FeedUit(Model):
    gebeurtenissen: list[dict[str, Any]]
    volgende: int = Field(description="geef mee als `na` voor de volgende pagina")


class CodeIn(Model):
    code: str = Field(min_length=4, max_length=40)


class InzageObject(Model):
    id: str
    omschrijving: str
    status: str
    status_label: str
    beslagen_op: dt.date
    klaagschrift_tot: dt.date
    rechten: list[str]
    verloop: list[GebeurtenisUit]


class InzageUit(Model):
    naam: str
    objecten: list[InzageObject]


class DossierIn(Model):
    verdachte: str = Field(max_length=300)
    parketnummer: str = ""
    casus_id: str | None = None


class DossierUit(Model):
    id: str
    verdachte: str
    parketnummer: str | None
    casus_id: str | None
    organisatie: str
    vordering_centen: int | None
    executiestatus: str


class HandelingIn(Model):
    soort: str
    datum: dt.date
    omschrijving: str = Field(max_length=2000)
    opbrengst_euro: str | None = None


class VermogenIn(Model):
    soort: str
    omschrijving: str = Field(max_length=2000)
    waarde_euro: str | None = None
    bekend_sinds: dt.date


class VorderingIn(Model):
    bedrag_euro: str
    medeschuldenaren: list[str] = Field(default_factory=list)


class ExecutieIn(Model):
    status: str


class BetalingIn(Model):
    bedrag_euro: str
    ontvangen_op: dt.date


class PositieUit(Model):
    datum: dt.date
    bekend_centen: int
    beslagen_centen: int
    vervreemd_centen: int
    verhaald_centen: int


class DossierDetail(Model):
    dossier: DossierUit
    objecten: list[ObjectUit]
    onderzoekshandelingen: list[dict[str, Any]]
    bekend_vermogen: list[dict[str, Any]]
    betalingen: list[dict[str, Any]]
    medeschuldenaren: list[str]
    openstaand_centen: int | None
    positie: list[PositieUit]


class OrganisatieIn(Model):
    naam: str
    plaats: str
    behoeften: list[str]


class SuggestieUit(Model):
    object_id: str
    omschrijving: str
    organisatie: str
    organisatie_naam: str
    uitleg: str


class HerbestemmingIn(Model):
    organisatie: str


class JaarcijferUit(Model):
    jaar: int
    peildatum: dt.datetime
    eigen_centen: int
    eigen_aantal: int
    rechtshulp_centen: int
    klassiek_centen: int
    conservatoir_centen: int
    laat_centen: int
    geind_centen: int
    teruggegeven_centen: int
    betaald_centen: int
    vorderingen_centen: int


class NaijlUit(Model):
    peildatum: dt.datetime
    bedrag_centen: int
