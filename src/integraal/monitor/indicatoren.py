# SPDX-License-Identifier: EUPL-1.2
"""Indicators: published series with their revisions, and live figures computed from
Integraal's own registrations (cases, interventions, seizures), small cells suppressed."""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections import Counter
from collections.abc import Callable
from decimal import Decimal
from typing import Annotated, ClassVar

from pydantic import Field

from integraal.domein.fouten import Conflict, NietGevonden, OngeldigeInvoer
from integraal.domein.invoer import (
    Aantal,
    Datum,
    Getal,
    Invoer,
    Optioneel,
    OptioneleTekst,
    Uitvoer,
    veld,
)
from integraal.domein.keuze import Keuze
from integraal.domein.monitor import (
    KLEINSTE_CEL,
    Lijn,
    Observatie,
    geldend,
)
from integraal.domein.tekst import getal
from integraal.monitor import bestuurlijk, integriteit, knelpunten, poortwachters, uitsplitsing
from integraal.monitor.rechten import mag_bewerken
from integraal.monitor.uitsplitsing import Naar
from integraal.opslag import beheer
from integraal.opslag import monitor as opslag
from integraal.opslag.db import Sessie
from integraal.opslag.modellen import Indicator
from integraal.opslag.modellen import Observatie as ObservatieRij
from integraal.verwerking import Context


class Punt(Uitvoer):
    periode: str
    uitsplitsing: str
    waarde: float | None = Field(description="leeg als het aantal te klein is om te tonen")
    voorlopig: bool = False
    reden: str | None = None  # why a value is not shown, or what it rests on
    revisies: int = 0  # earlier values of this point that were replaced


class IndicatorUit(Uitvoer):
    code: str
    naam: str
    eenheid: str
    decimalen: int
    bron: str
    frequentie: str
    niveau: str
    lijn: Lijn | None
    deelopgave: str | None
    live: bool
    uitsplitsing: str | None
    omschrijving: str
    peildatum: dt.date | None
    optelbaar: bool = Field(
        default=True,
        description="onwaar als de uitsplitsing verschillende uitkomsten naast "
        "elkaar zet die niet tot één totaal optellen",
    )
    uitsplitsbaar: bool = Field(
        default=False, description="per samenwerkingsverband en thema uit te splitsen"
    )
    naar: Naar | None = Field(default=None, description="de gevraagde uitsplitsing")
    punten: list[Punt] = Field(default_factory=list)

    @property
    def perioden(self) -> list[str]:
        return sorted({p.periode for p in self.punten})

    @property
    def uitsplitsingen(self) -> list[str]:
        gezien: list[str] = []
        for p in self.punten:
            if p.uitsplitsing and p.uitsplitsing not in gezien:
                gezien.append(p.uitsplitsing)
        return gezien

    def totaalreeks(self) -> list[tuple[str, float | None]]:
        """The series without breakdown; for a breakdown without a stated total, the sum
        (none for a breakdown that does not add up)."""
        eigen = {p.periode: p.waarde for p in self.punten if not p.uitsplitsing}
        if eigen or not self.optelbaar:
            return sorted(eigen.items())
        som: dict[str, float | None] = {}
        for p in self.punten:
            if p.waarde is None:
                som[p.periode] = None
            elif p.periode not in som or som[p.periode] is not None:
                som[p.periode] = (som.get(p.periode) or 0) + p.waarde
        return sorted(som.items())

    def kruistabel(self) -> list[tuple[str, list[Punt | None]]]:
        """Rows per breakdown (the total last), one cell per period: the letters' layout."""
        perioden = self.perioden
        rijen = [*self.uitsplitsingen, ""] if self.uitsplitsingen else [""]
        uit = []
        for u in rijen:
            cellen = [
                next((p for p in self.punten if p.periode == per and p.uitsplitsing == u), None)
                for per in perioden
            ]
            if any(c is not None for c in cellen):
                uit.append((u or "Totaal", cellen))
        return uit

    def opmaak(self, waarde: float | None, reden: str | None = None) -> str:
        """The number alone, Dutch notation. A hidden small count reads 'minder dan 5'; any
        other hidden figure (one hidden beside it so it cannot be recomputed, a median over few
        cases) reads 'niet getoond', so it is never taken for a value below 5."""
        if waarde is None:
            if reden and reden != "klein aantal":
                return "niet getoond"
            return f"minder dan {KLEINSTE_CEL}"
        return getal(waarde, self.decimalen)

    def met_eenheid(self, waarde: float | None, reden: str | None = None) -> str:
        """The number as a person reads it: '€ 1.250', '3,2 mln euro', '17 kg', '1.800'."""
        if waarde is None:
            return self.opmaak(None, reden)
        if self.eenheid == "euro":
            return f"€ {getal(waarde, self.decimalen)}"
        if self.eenheid == "aantal":
            return getal(waarde, self.decimalen)
        return f"{getal(waarde, self.decimalen)} {self.eenheid}"


class Indicatorvraag(Invoer):
    """Figures as known at a moment (the report asks the same, `rapport.Rapportvraag`)."""

    peildatum: Annotated[dt.datetime | None, Optioneel] = veld(
        "Peildatum",
        hint="De cijfers zoals bekend op dit moment; standaard nu.",
        standaard=None,
    )

    meldingen: ClassVar[dict[str, str]] = {
        "peildatum": "Geef de peildatum als datum en tijd, bijvoorbeeld 2026-06-30T23:59:59Z."
    }

    @property
    def peil(self) -> dt.datetime | None:
        p = self.peildatum
        if p is not None and p.tzinfo is None:
            return p.replace(tzinfo=dt.UTC)
        return p


class Uitsplitsvraag(Indicatorvraag):
    """One indicator, optionally per partnership or per case theme."""

    naar: Annotated[Naar | None, Optioneel] = veld(
        "Uitsplitsen", hint="Per samenwerkingsverband of per thema van de casus.", standaard=None
    )

    meldingen: ClassVar[dict[str, str]] = {
        **Indicatorvraag.meldingen,
        "naar": "Kies per samenwerkingsverband of per thema.",
    }


class WaardeIn(Invoer):
    periode: str = veld("Periode", hint="Bijvoorbeeld 2024 of 2024-H1.", max_length=20)
    uitsplitsing: str = veld(
        "Uitsplitsing", hint="Laat leeg voor het totaal.", standaard="", max_length=80
    )
    waarde: Getal = veld("Waarde", hint="Een getal, zoals 371,8.")
    bron: str = veld("Bron", hint="Waar komt het cijfer vandaan?", max_length=500)
    voorlopig: bool = veld("Voorlopig cijfer", standaard=False)
    peildatum: Annotated[Datum | None, Optioneel] = veld("Peildatum", standaard=None)

    meldingen: ClassVar[dict[str, str]] = {
        "periode": "Vul een periode in, zoals 2024.",
        "waarde": "Vul een getal in, zoals 371,8.",
        "bron": "Vermeld de bron van het cijfer.",
        "peildatum": "Vul de peildatum in als dd-mm-jjjj.",
    }


class Frequentie(Keuze):
    JAARLIJKS = "jaarlijks", "Jaarlijks"
    HALFJAARLIJKS = "halfjaarlijks", "Halfjaarlijks"
    PER_KWARTAAL = "per kwartaal", "Per kwartaal"
    MAANDELIJKS = "maandelijks", "Maandelijks"
    DOORLOPEND = "doorlopend", "Doorlopend"


class IndicatorIn(Invoer):
    """The definition of a published indicator; its values are registered one by one."""

    naam: str = veld(
        "Naam", hint="Zoals de indicator in de rapportage heet.", min_length=5, max_length=300
    )
    omschrijving: str = veld(
        "Definitie",
        hint="Wat wordt geteld of gemeten, en wat niet. Minstens 10 tekens.",
        min_length=10,
        max_length=3000,
    )
    eenheid: str = veld(
        "Eenheid", hint="Bijvoorbeeld aantal, euro, mln euro, kg, %.", min_length=1, max_length=40
    )
    decimalen: Aantal = veld(
        "Decimalen", hint="Hoeveel cijfers achter de komma.", standaard=0, le=3
    )
    bron: str = veld(
        "Bron", hint="Wie het cijfer levert en waar het staat.", min_length=3, max_length=500
    )
    frequentie: Frequentie = veld("Frequentie")
    niveau: str = veld(
        "Geografisch niveau",
        hint="Bijvoorbeeld land, regio, gemeente of haven Rotterdam.",
        min_length=2,
        max_length=20,
    )
    deelopgave: str = veld("Deelopgave", max_length=60)
    uitsplitsing: OptioneleTekst = veld(
        "Uitsplitsing",
        hint="Waarnaar de waarden zijn uitgesplitst, bijvoorbeeld Soort. Mag leeg.",
        standaard=None,
        max_length=80,
    )
    optelbaar: bool = veld(
        "De uitsplitsing telt op tot een totaal",
        hint="Uitvinken als de uitsplitsing verschillende uitkomsten naast elkaar zet.",
        standaard=False,
    )

    meldingen: ClassVar[dict[str, str]] = {
        "naam": "Geef de indicator een naam van minstens 5 tekens.",
        "omschrijving": "Beschrijf in minstens 10 tekens wat de indicator meet.",
        "eenheid": "Vul een eenheid in, zoals aantal of euro.",
        "decimalen": "Kies 0 tot 3 decimalen.",
        "bron": "Vermeld de bron in minstens 3 tekens.",
        "frequentie": "Kies hoe vaak het cijfer verschijnt.",
        "niveau": "Vul het geografisch niveau in, zoals land of gemeente.",
        "deelopgave": "Kies een deelopgave.",
    }


def _nieuwe_code(sessie: Sessie, naam: str) -> str:
    """A stable key from the name (never shown to a person), unique among indicators."""
    ascii_ = unicodedata.normalize("NFKD", naam).encode("ascii", "ignore").decode().lower()
    basis = re.sub(r"[^a-z0-9]+", "-", ascii_).strip("-")[:50] or "indicator"
    code, n = basis, 2
    while opslag.indicator(sessie, code) is not None:
        code, n = f"{basis}-{n}", n + 1
    return code


def _deelopgave(sessie: Sessie, code: str) -> str:
    d = next((d for d in opslag.deelopgaven(sessie) if d.code == code), None)
    if d is None:
        raise OngeldigeInvoer({"deelopgave": "Kies een deelopgave uit de lijst."})
    return d.lijn_code


def _unieke_naam(sessie: Sessie, naam: str, behalve: str | None = None) -> None:
    if any(
        i.naam.casefold() == naam.casefold() and i.code != behalve
        for i in opslag.indicatoren(sessie)
    ):
        raise OngeldigeInvoer({"naam": "Er is al een indicator met deze naam; kies een andere."})


def maak_indicator(ctx: Context, invoer: IndicatorIn) -> IndicatorUit:
    mag_bewerken(ctx)
    _unieke_naam(ctx.sessie, invoer.naam)
    lijn = _deelopgave(ctx.sessie, invoer.deelopgave)
    i = Indicator(code=_nieuwe_code(ctx.sessie, invoer.naam), lijn_code=lijn, live=None)
    _definieer(i, invoer)
    beheer.bewaar(ctx.sessie, i)
    ctx.audit("indicator aanmaken", indicator=i.code)
    return _beeld(i)


def wijzig_indicator(ctx: Context, code: str, invoer: IndicatorIn) -> IndicatorUit:
    """A definition changes; the values and their revisions stay as they were registered."""
    mag_bewerken(ctx)
    i = opslag.indicator(ctx.sessie, code)
    if i is None:
        raise NietGevonden("Deze indicator bestaat niet.")
    _unieke_naam(ctx.sessie, invoer.naam, behalve=code)
    if i.live is not None:
        # A computed figure's unit, decimals, source and rhythm follow from the computation;
        # only its name, definition, place and breakdown's wording are the officer's.
        vast = {
            "eenheid": (invoer.eenheid, i.eenheid),
            "decimalen": (invoer.decimalen, i.decimalen),
            "bron": (invoer.bron, i.bron),
            "frequentie": (invoer.frequentie.value, i.frequentie),
        }
        fouten = {
            veld_: "Dit volgt uit de berekening in Integraal en kan hier niet worden gewijzigd."
            for veld_, (nieuw, oud) in vast.items()
            if nieuw != oud
        }
        if fouten:
            raise OngeldigeInvoer(fouten)
    i.lijn_code = _deelopgave(ctx.sessie, invoer.deelopgave)
    _definieer(i, invoer)
    ctx.audit("indicator bijwerken", indicator=code)
    return _beeld(i)


def _definieer(i: Indicator, invoer: IndicatorIn) -> None:
    i.naam, i.omschrijving, i.eenheid = invoer.naam, invoer.omschrijving, invoer.eenheid
    i.decimalen, i.bron, i.frequentie = invoer.decimalen, invoer.bron, invoer.frequentie.value
    i.niveau, i.deelopgave_code = invoer.niveau, invoer.deelopgave
    i.uitsplitsing, i.optelbaar = invoer.uitsplitsing, invoer.optelbaar


def _beeld(i: Indicator) -> IndicatorUit:
    return IndicatorUit(
        code=i.code,
        naam=i.naam,
        eenheid=i.eenheid,
        decimalen=i.decimalen,
        bron=i.bron,
        frequentie=i.frequentie,
        niveau=i.niveau,
        lijn=Lijn(i.lijn_code) if i.lijn_code else None,
        deelopgave=i.deelopgave_code,
        live=i.live is not None,
        uitsplitsing=i.uitsplitsing,
        omschrijving=i.omschrijving,
        peildatum=None,
        optelbaar=i.optelbaar,
        uitsplitsbaar=i.live in uitsplitsing.BRONNEN,
    )


def reeks(
    sessie: Sessie, code: str, op: dt.datetime | None = None, naar: Naar | None = None
) -> IndicatorUit:
    """An indicator's values as known at `op` (default: now). For a live indicator, `op` is
    the peildatum of the computation; `naar` breaks it down per partnership or theme."""
    i = opslag.indicator(sessie, code)
    if i is None:
        raise NietGevonden("Deze indicator bestaat niet.")
    beeld = _beeld(i)
    if naar is not None and not beeld.uitsplitsbaar:
        raise OngeldigeInvoer(
            {"naar": "Deze indicator is niet per samenwerkingsverband of thema uit te splitsen."}
        )
    if i.live is not None:
        peil = op or dt.datetime.now(dt.UTC)
        if beeld.uitsplitsbaar:
            beeld.punten = [
                Punt(periode=j, uitsplitsing=u, waarde=w, reden=r)
                for j, u, w, r in uitsplitsing.punten(sessie, i.live, peil, naar)
            ]
            if naar is not None:
                beeld.uitsplitsing, beeld.naar = naar.kop, naar
        else:
            beeld.punten = LIVE[i.live](sessie, peil)
        beeld.peildatum = peil.date()
        return beeld
    rijen = opslag.observaties(sessie, code)
    alle = [
        Observatie(
            r.indicator_code,
            r.periode,
            Decimal(str(r.waarde)),
            r.geregistreerd_op,
            r.gebied,
            r.uitsplitsing,
            r.voorlopig,
            r.bron,
        )
        for r in rijen
    ]
    telling = Counter(o.sleutel for o in alle if op is None or o.geregistreerd_op <= op)
    volgorde = {u: i for i, u in enumerate(dict.fromkeys(o.uitsplitsing for o in alle))}
    for sleutel, o in sorted(geldend(alle, op).items(), key=lambda x: (x[0][1], volgorde[x[0][3]])):
        beeld.punten.append(
            Punt(
                periode=o.periode,
                uitsplitsing=o.uitsplitsing,
                waarde=float(o.waarde),
                voorlopig=o.voorlopig,
                revisies=telling[sleutel] - 1,
            )
        )
    peildata = [
        r.peildatum for r in rijen if r.peildatum and (op is None or r.geregistreerd_op <= op)
    ]
    beeld.peildatum = max(peildata) if peildata else None
    return beeld


def alle(sessie: Sessie, op: dt.datetime | None = None) -> list[IndicatorUit]:
    return [reeks(sessie, i.code, op) for i in opslag.indicatoren(sessie)]


def overzicht(ctx: Context, vraag: Indicatorvraag | None = None) -> list[IndicatorUit]:
    return alle(ctx.sessie, vraag.peil if vraag else None)


def indicator(ctx: Context, code: str, vraag: Indicatorvraag | None = None) -> IndicatorUit:
    naar = vraag.naar if isinstance(vraag, Uitsplitsvraag) else None
    return reeks(ctx.sessie, code, vraag.peil if vraag else None, naar)


def registreer(ctx: Context, code: str, invoer: WaardeIn) -> Punt:
    """A new value or a revision of a published one; the earlier value stays on record."""
    ik = mag_bewerken(ctx)
    i = opslag.indicator(ctx.sessie, code)
    if i is None:
        raise NietGevonden("Deze indicator bestaat niet.")
    if i.live is not None:
        raise Conflict("Een live indicator wordt berekend uit de registraties, niet ingevoerd.")
    rij = ObservatieRij(
        indicator_code=code,
        periode=invoer.periode,
        uitsplitsing=invoer.uitsplitsing,
        waarde=float(invoer.waarde),
        voorlopig=invoer.voorlopig,
        peildatum=invoer.peildatum,
        bron=invoer.bron,
        geregistreerd_op=ctx.nu(),
        geregistreerd_door=ik.gebruiker_id,
    )
    ctx.sessie.add(rij)
    ctx.sessie.flush()
    ctx.audit("indicatorwaarde vastleggen", indicator=code, periode=invoer.periode)
    return Punt(
        periode=rij.periode,
        uitsplitsing=rij.uitsplitsing,
        waarde=rij.waarde,
        voorlopig=rij.voorlopig,
    )


class BronpassageUit(Uitvoer):
    """Where in a loaded letter a value was read: the page of the letter, at the paragraph."""

    document: str
    titel: str
    volgnummer: int


class RevisieUit(Uitvoer):
    periode: str
    uitsplitsing: str
    waarde: float
    voorlopig: bool
    geregistreerd_op: dt.datetime
    bron: str
    citaat: str | None = Field(default=None, description="de zin van de brief met het cijfer")
    passage: BronpassageUit | None = None


def revisies(ctx: Context, code: str) -> list[RevisieUit]:
    rijen = sorted(
        opslag.observaties(ctx.sessie, code), key=lambda r: (r.periode, r.uitsplitsing, r.id)
    )
    passages: dict[str, BronpassageUit | None] = {}
    for citaat in {r.citaat for r in rijen if r.citaat}:
        gevonden = opslag.passage_met(ctx.sessie, citaat)
        passages[citaat] = (
            BronpassageUit(document=gevonden[0], titel=gevonden[1], volgnummer=gevonden[2])
            if gevonden
            else None
        )
    return [
        RevisieUit.model_validate(r).model_copy(
            update={"passage": passages.get(r.citaat) if r.citaat else None}
        )
        for r in rijen
    ]


# --- live indicators -----------------------------------------------------------------------------


def _telling(
    bron: Callable[[Sessie, dt.datetime], list[knelpunten.Telling]],
) -> Callable[[Sessie, dt.datetime], list[Punt]]:
    def punten(sessie: Sessie, peil: dt.datetime) -> list[Punt]:
        return [
            Punt(periode=t.periode, uitsplitsing=t.uitsplitsing, waarde=t.waarde)
            for t in bron(sessie, peil)
        ]

    return punten


def _sluitingen(sessie: Sessie, peil: dt.datetime) -> list[Punt]:
    return [
        Punt(periode=j, uitsplitsing=u, waarde=w, reden=r)
        for j, u, w, r in bestuurlijk.sluitingen(sessie, peil)
    ]


def _punten(
    bron: Callable[[Sessie, dt.datetime], list[tuple[str, str, float | None, str | None]]],
) -> Callable[[Sessie, dt.datetime], list[Punt]]:
    def punten(sessie: Sessie, peil: dt.datetime) -> list[Punt]:
        return [
            Punt(periode=j, uitsplitsing=u, waarde=w, reden=r) for j, u, w, r in bron(sessie, peil)
        ]

    return punten


LIVE: dict[str, Callable[[Sessie, dt.datetime], list[Punt]]] = {
    "ongebruikelijke_transacties": _punten(poortwachters.meldingen),
    "mainports": _punten(poortwachters.mainports),
    "integriteitsmeldingen": _punten(integriteit.meldingen),
    "sluitingen": _sluitingen,
    "weigeringen_per_regel": _telling(knelpunten.weigeringen_per_regel),
    "weigeringen_per_verband": _telling(knelpunten.weigeringen_per_verband),
    "knelpunten_open": _telling(knelpunten.open_per_thema),
    "knelpunten_doorlooptijd": _telling(knelpunten.doorlooptijd),
}


KOLOMMEN = (
    "indicator",
    "periode",
    "uitsplitsing",
    "waarde",
    "eenheid",
    "voorlopig",
    "opmerking",
    "bron",
)


def rijen(beeld: IndicatorUit) -> list[list[object]]:
    """For export: a hidden value is left empty and the remark says why; a remark on a
    shown value (an amount over few items) is kept too."""
    return [
        [
            beeld.naam,
            p.periode,
            p.uitsplitsing or "totaal",
            p.waarde if p.waarde is not None else "",
            beeld.eenheid,
            "ja" if p.voorlopig else "nee",
            (f"niet getoond: {p.reden}" if p.waarde is None and p.reden else (p.reden or "")),
            beeld.bron,
        ]
        for p in beeld.punten
    ]
