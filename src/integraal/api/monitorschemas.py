# SPDX-License-Identifier: EUPL-1.2
"""API representations of the monitor (camelCase JSON, Dutch field names)."""

from __future__ import annotations

import datetime as dt

from pydantic import Field

from integraal.api.schemas import Model


class MaatregelUit(Model):
    id: int
    naam: str
    omschrijving: str
    eigenaar: str
    start: dt.date | None
    eind: dt.date | None
    status: str


class DeelopgaveUit(Model):
    code: str
    naam: str
    in_financien: bool
    maatregelen: list[MaatregelUit]


class LijnlabelUit(Model):
    tekst: str
    van: dt.date | None
    tot: dt.date | None
    bron: str


class LijnUit(Model):
    code: str
    naam: str = Field(description="de naam van de lijn op de gevraagde datum")
    labels: list[LijnlabelUit]
    deelopgaven: list[DeelopgaveUit]


class MaatregelIn(Model):
    status: str = Field(description="voorbereiding, lopend, afgerond of gestopt")
    eind: dt.date | None = None


class PuntUit(Model):
    periode: str
    uitsplitsing: str
    waarde: float | None = Field(description="leeg als het aantal te klein is om te tonen")
    voorlopig: bool
    reden: str | None
    revisies: int


class IndicatorUit(Model):
    code: str
    naam: str
    eenheid: str
    bron: str
    frequentie: str
    niveau: str
    lijn: str | None
    deelopgave: str | None
    live: bool
    peildatum: dt.date | None
    punten: list[PuntUit]


class WaardeIn(Model):
    periode: str = Field(max_length=20)
    waarde: float
    uitsplitsing: str = Field("", max_length=80)
    voorlopig: bool = False
    bron: str = Field(max_length=500)
    peildatum: dt.date | None = None


class KolomUit(Model):
    sleutel: str
    kop: str
    soort: str
    periode: str


class RijUit(Model):
    soort: str
    groep: str
    omschrijving: str
    deelopgave: str | None
    waarden: list[int | None] = Field(description="in de eenheid van de tabel; leeg = niet vermeld")


class TabelUit(Model):
    nummer: int
    titel: str
    eenheid: str
    bron: str
    kolommen: list[KolomUit]
    rijen: list[RijUit]


class AfwijkingUit(Model):
    tabel: int
    rij: str
    kolom: str
    vermeld: int
    berekend: int
    melding: str


class FinancienUit(Model):
    tabellen: list[TabelUit]
    afwijkingen: list[AfwijkingUit]


class LidUit(Model):
    naam: str
    partij: str | None


class OpdrachtUit(Model):
    id: int
    soort: str
    thema: str
    onderdeel: str | None
    onderwerp: str
    leden: list[LidUit]
    cum_suis: bool
    nummer: str | None
    verwijzing: str | None
    verwijzing_url: str | None
    tk_status: str
    uitvoering: str | None
    status_reden: str
    termijn: dt.date | None
    maatregel_id: int | None
    beoordeeld: bool
    tk_ingetrokken: bool = Field(
        description="De Tweede Kamer heeft het record in haar open data ingetrokken"
    )


class BeoordelingIn(Model):
    tk_status: str = Field(description="Openstaand, Voldaan, Deels voldaan, Vervallen, …")
    uitvoering: str | None = None
    maatregel_id: int | None = None
    termijn: dt.date | None = None
    nummer: str | None = Field(None, max_length=40)
    verwijzing: str | None = Field(None, max_length=200)


class TrefferUit(Model):
    document: str
    titel: str
    kop: str | None
    fragment: str = Field(description="de gevonden woorden staan tussen « en »")


class GebiedswaardeUit(Model):
    code: str
    naam: str
    ligt_in: str | None
    waarde: int | None = Field(description="leeg als het aantal te klein is om te tonen")


class GebiedsbeeldUit(Model):
    bron: str
    niveau: str
    onderwerp: str
    periode: str
    onderwerpen: list[str]
    perioden: list[str]
    waarden: list[GebiedswaardeUit]
