# SPDX-License-Identifier: EUPL-1.2
"""The progress report, generated from the data as HTML and PDF: along the four lines, with
indicator charts, the financial tables and their checks, and the motions and commitments
appendix. It states its peildatum and sources; the same peildatum gives the same report."""

from __future__ import annotations

import datetime as dt
import hashlib
import os
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, ClassVar, Literal

from jinja2 import Environment, PackageLoader, select_autoescape
from markupsafe import Markup

from integraal.delen import standaard_beslisser
from integraal.domein.brieftabellen import tekstregels
from integraal.domein.errata import verbeter
from integraal.domein.financien import Afwijking, RijSoort, Tabel
from integraal.domein.invoer import veld
from integraal.domein.knelpunt import Knelpuntsoort, Knelpuntstatus, Knelpuntthema, Oplossingssoort
from integraal.domein.monitor import Lijn
from integraal.domein.tekst import getal
from integraal.monitor import financien, indicatoren, opdrachten, pmg, structuur
from integraal.monitor.financien import PlanRealisatie, PlanRealisatieUit
from integraal.monitor.grafiek import Serie, liggend, staven
from integraal.monitor.indicatoren import IndicatorUit, Indicatorvraag
from integraal.monitor.opdrachten import OpdrachtUit
from integraal.monitor.pmg import Pmgdeel
from integraal.monitor.structuur import LijnUit, MaatregelUit
from integraal.monitor.uitsplitsing import Naar
from integraal.opslag import knelpunten as knelpuntopslag
from integraal.opslag import monitor as opslag
from integraal.opslag.db import Sessie
from integraal.verwerking import Context

LIJNEN_IN_RAPPORT = (Lijn.VOORKOMEN, Lijn.VERSTOREN_DOORBREKEN, Lijn.BESTRAFFEN, Lijn.BESCHERMEN)


class PdfNietBeschikbaar(RuntimeError):
    """WeasyPrint or its system libraries (Pango) are missing; the message is Dutch."""


@dataclass
class Deel:
    """A deelopgave in the report: its measures and its indicators (never empty)."""

    code: str
    naam: str
    maatregelen: list[MaatregelUit]
    indicatoren: list[tuple[IndicatorUit, Markup | None]] = field(default_factory=list)
    pmg: Pmgdeel | None = None


@dataclass
class Hoofdstuk:
    lijn: LijnUit
    delen: list[Deel] = field(default_factory=list)

    @property
    def anker(self) -> str:
        return f"lijn-{self.lijn.code.value}"


@dataclass(frozen=True)
class Uitgesplitst:
    """A live indicator per partnership and per theme, for the chapter on the breakdowns."""

    naam: str
    eenheid: str
    per: list[IndicatorUit]


@dataclass(frozen=True)
class KnelpuntRegel:
    """A bottleneck as the report lists it: structured facts only (which data, between whom,
    which theme and kind), never the free text, which may name someone."""

    wat: str
    thema: str
    soort: str
    status: str
    sinds: dt.date
    oplossing: str | None
    dagen: int | None
    hergebruikt: int


@dataclass
class Knelpunten:
    """The chapter on sharing bottlenecks (motion Michon-Derkzen: patterns of data sharing)."""

    indicatoren: list[tuple[IndicatorUit, Markup | None]] = field(default_factory=list)
    open: list[KnelpuntRegel] = field(default_factory=list)
    opgelost: list[KnelpuntRegel] = field(default_factory=list)

    @property
    def heeft_inhoud(self) -> bool:
        return bool(self.indicatoren or self.open or self.opgelost)


@dataclass
class Rapport:
    peildatum: dt.datetime
    gemaakt_op: dt.datetime
    hoofdstukken: list[Hoofdstuk]
    tabellen: list[Tabel]
    afwijkingen: list[Afwijking]
    plan_periode: str
    plan_posten: list[PlanRealisatie]
    plan_grafiek: Markup | None
    opdrachten: list[OpdrachtUit]
    bronnen: list[tuple[str, str | None]]
    indicatorbronnen: list[str]
    knelpunten: Knelpunten = field(default_factory=Knelpunten)
    uitgesplitst: list[Uitgesplitst] = field(default_factory=list)

    @property
    def samenvatting(self) -> list[str]:
        """The cover's summary: what the report holds, in figures, each only when known."""
        uit: list[str] = []
        ind = [i for h in self.hoofdstukken for d in h.delen for i, _ in d.indicatoren]
        for p in (d.pmg for h in self.hoofdstukken for d in h.delen if d.pmg):
            bewezen = (
                f"; {getal(round(p.aandeel_bewezen * 100))}% erkend of volgens het Landelijk "
                "Kwaliteitskader"
                if p.aandeel_bewezen is not None
                else ""
            )
            bereik = getal(p.bereik.waarde) if p.bereik.waarde is not None else "minder dan 5"
            uit.append(
                f"Preventie met Gezag {p.jaar}: {p.opgenomen} van de {p.uitgevraagd} gemeenten "
                f"opgenomen, {p.samenvatting.interventies} interventies, bereik {bereik} "
                f"jongeren{bewezen}."
            )
        if ind:
            live = sum(i.live for i in ind)
            uit.append(
                f"{len(ind)} indicatoren met cijfers langs de lijnen van de aanpak, waarvan "
                f"{live} berekend uit de registraties in Integraal zelf."
            )
        if self.uitgesplitst:
            uit.append(
                f"{len(self.uitgesplitst)} cijfers uit Integraal uitgesplitst per "
                "samenwerkingsverband en per thema van de casus."
            )
        if self.plan_posten:
            plan = sum(p.plan for p in self.plan_posten)
            gerealiseerd = sum(p.realisatie for p in self.plan_posten)
            uit.append(
                f"Financieel {self.plan_periode}: gepland € {getal(plan)} duizend, gerealiseerd "
                f"€ {getal(gerealiseerd)} duizend."
            )
        if self.tabellen:
            uit.append(
                "Alle bedragen in de financiële tabellen zijn nagerekend en kloppen."
                if not self.afwijkingen
                else f"In de financiële tabellen sluiten {len(self.afwijkingen)} bedragen niet; "
                "zie het financieel overzicht."
            )
        if self.opdrachten:
            telling = Counter(o.tk_status.label.lower() for o in self.opdrachten)
            delen = ", ".join(f"{n} {status}" for status, n in telling.most_common())
            te_beoordelen = sum(not o.beoordeeld for o in self.opdrachten)
            uit.append(
                f"{len(self.opdrachten)} moties en toezeggingen: {delen}"
                + (f"; {te_beoordelen} nog te beoordelen." if te_beoordelen else ".")
            )
        if self.knelpunten.open or self.knelpunten.opgelost:
            uit.append(
                f"Knelpunten in gegevensdeling: {len(self.knelpunten.open)} open, "
                f"{len(self.knelpunten.opgelost)} opgelost."
            )
        return uit

    @property
    def inhoud(self) -> list[tuple[str, str]]:
        """(anchor, title) of each chapter the report holds, in order."""
        uit = [(h.anker, h.lijn.naam) for h in self.hoofdstukken]
        if self.uitgesplitst:
            uit.append(("uitgesplitst", "Per samenwerkingsverband en thema"))
        if self.knelpunten.heeft_inhoud:
            uit.append(("knelpunten", "Knelpunten in gegevensdeling"))
        if self.tabellen or self.plan_posten:
            uit.append(("financieel", "Financieel overzicht"))
        if self.opdrachten:
            uit.append(("moties", "Bijlage: moties en toezeggingen"))
        if self.bronnen or self.indicatorbronnen:
            uit.append(("bronnen", "Bronnen"))
        return uit


def grafiek(i: IndicatorUit) -> Markup | None:
    """The chart that fits the figures; None when there is nothing to draw (every value
    hidden), so a report never shows an empty chart."""
    if all(p.waarde is None for p in i.punten):
        return None
    titel = f"{i.naam} ({i.eenheid})"
    if i.uitsplitsingen and (len(i.perioden) == 1 or not i.optelbaar):
        # One bar per breakdown, of the latest period: outcomes side by side stay readable.
        laatste = i.perioden[-1]
        cellen = {p.uitsplitsing: p.waarde for p in i.punten if p.periode == laatste}
        labels = [u for u in i.uitsplitsingen if u in cellen]
        return liggend(
            f"{titel}, {laatste}",
            labels,
            [Serie(laatste, [cellen[u] for u in labels])],
            eenheid=i.eenheid,
            decimalen=i.decimalen,
        )
    if i.uitsplitsingen and len(i.uitsplitsingen) <= 4:
        perioden = i.perioden
        series = [
            Serie(label, [p.waarde if p else None for p in cellen])
            for label, cellen in i.kruistabel()
            if label in i.uitsplitsingen
        ]
        return staven(titel, perioden, series, eenheid=i.eenheid, decimalen=i.decimalen)
    reeks = i.totaalreeks()
    return staven(
        titel,
        [p for p, _ in reeks],
        [Serie(i.naam, [w for _, w in reeks])],
        eenheid=i.eenheid,
        decimalen=i.decimalen,
    )


def plan_grafiek(
    periode: str, posten: Sequence[PlanRealisatie | PlanRealisatieUit]
) -> Markup | None:
    if not posten:
        return None
    return liggend(
        f"Plan en realisatie {periode} per deelopgave (x € 1.000)",
        [verbeter(p.omschrijving) for p in posten],
        [
            Serie("Plan", [p.plan for p in posten]),
            Serie("Realisatie", [p.realisatie for p in posten]),
        ],
        eenheid="x € 1.000",
        breedte=760,
    )


def stel_samen(ctx: Context, peildatum: dt.datetime | None = None) -> Rapport:
    sessie = ctx.sessie
    peil = peildatum or ctx.nu()
    lijnen = {lijn.code: lijn for lijn in structuur.lijnen(sessie, peil.date())}
    bronnen_ind: list[str] = []
    knelpunten = _knelpunten(sessie, peil)
    per_deelopgave: dict[str, list[tuple[IndicatorUit, Markup | None]]] = {}
    uitgesplitst: list[Uitgesplitst] = []
    for i in indicatoren.alle(sessie, peil):
        if not i.punten:
            continue
        if i.deelopgave == DEELOPGAVE_GEGEVENSDELING:
            knelpunten.indicatoren.append((i, grafiek(i)))
            continue
        if i.lijn is None or i.lijn not in LIJNEN_IN_RAPPORT or i.deelopgave is None:
            continue
        per_deelopgave.setdefault(i.deelopgave, []).append((i, grafiek(i)))
        if i.bron not in bronnen_ind:
            bronnen_ind.append(i.bron)
        if i.uitsplitsbaar:
            per = [indicatoren.reeks(sessie, i.code, peil, naar) for naar in Naar]
            uitgesplitst.append(Uitgesplitst(i.naam, i.eenheid, per))
    register = standaard_beslisser().register
    namen = {o.id: o.naam for o in register.organisaties}
    pmgdeel = pmg.rapportdeel(sessie, namen, peil)
    hoofdstukken = []
    for code in LIJNEN_IN_RAPPORT:
        if code not in lijnen:
            continue
        h = Hoofdstuk(lijnen[code])
        for d in lijnen[code].deelopgaven:
            deel = Deel(d.code, d.naam, d.maatregelen, per_deelopgave.get(d.code, []))
            deel.pmg = pmgdeel if d.code == DEELOPGAVE_PMG else None
            if deel.maatregelen or deel.indicatoren or deel.pmg:
                h.delen.append(deel)
        if h.delen:
            hoofdstukken.append(h)
    tabellen = financien.tabellen(sessie)
    periode, posten = financien.plan_realisatie(tabellen)
    return Rapport(
        peildatum=peil,
        gemaakt_op=ctx.nu(),
        hoofdstukken=hoofdstukken,
        tabellen=list(tabellen.values()),
        afwijkingen=financien.controle(tabellen),
        plan_periode=periode,
        plan_posten=posten,
        plan_grafiek=plan_grafiek(periode, posten),
        opdrachten=opdrachten.alle(sessie),
        bronnen=[(d.titel, d.kenmerk) for d in opslag.documenten(sessie)],
        indicatorbronnen=bronnen_ind,
        knelpunten=knelpunten,
        uitgesplitst=uitgesplitst,
    )


DEELOPGAVE_GEGEVENSDELING = "gegevensdeling"
DEELOPGAVE_PMG = "preventie-met-gezag"


def _knelpunten(sessie: Sessie, peil: dt.datetime) -> Knelpunten:
    register = standaard_beslisser().register
    catalogus = standaard_beslisser().catalogus
    uit = Knelpunten()
    for k in knelpuntopslag.alle(sessie):
        if k.aangemaakt_op > peil:
            continue
        afgesloten = k.opgelost_op is not None and k.opgelost_op <= peil.date()
        gegevens = ", ".join(catalogus.categorie_label(c) for c in k.categorieen) or "Gegevens"
        partijen = " → ".join(register.naam(o) for o in (k.verstrekker_id, k.ontvanger_id) if o)
        regel = KnelpuntRegel(
            wat=f"{gegevens} ({partijen})" if partijen else gegevens,
            thema=Knelpuntthema(k.thema).label if k.thema else "Nog niet ingedeeld",
            soort=Knelpuntsoort(k.soort).label,
            status=Knelpuntstatus(k.status).label
            if afgesloten
            else (
                Knelpuntstatus.GEESCALEERD.label if k.geescaleerd_op else Knelpuntstatus.OPEN.label
            ),
            sinds=k.aangemaakt_op.date(),
            oplossing=Oplossingssoort(k.oplossing_soort).label
            if afgesloten and k.oplossing_soort
            else None,
            dagen=(k.opgelost_op - k.aangemaakt_op.date()).days
            if afgesloten and k.opgelost_op
            else None,
            hergebruikt=len(k.hergebruik) if afgesloten else 0,
        )
        (uit.opgelost if afgesloten else uit.open).append(regel)
    return uit


_OMGEVING = Environment(
    loader=PackageLoader("integraal.monitor", "sjablonen"),
    autoescape=select_autoescape(["html"]),
    trim_blocks=True,
    lstrip_blocks=True,
)
_OMGEVING.filters["verbeter"] = verbeter
_OMGEVING.filters["getal"] = getal


def html(rapport: Rapport) -> str:
    context: dict[str, Any] = {
        "r": rapport,
        "tekstregels": tekstregels,
        "RijSoort": RijSoort,
    }
    return _OMGEVING.get_template("rapport.html").render(**context)


def inhoud(rapport: Rapport) -> Markup:
    """The report's body for a page of the web application (the same text as the PDF)."""
    context: dict[str, Any] = {"r": rapport, "tekstregels": tekstregels, "RijSoort": RijSoort}
    return Markup(_OMGEVING.get_template("rapport_inhoud.html").render(**context))


# Laid-out reports kept per content, in this folder of the data folder (the report holds no
# personal data: it is published).
MAP = "rapporten"
BEWAARD = 20


def pdf(html_tekst: str, bewaarmap: Path | None = None) -> bytes:
    """The HTML report as PDF; WeasyPrint is imported here so the rest runs without Pango.
    With `bewaarmap`, a report whose content did not change since it was last laid out is
    taken from there: the HTML is built from the data, so its hash is the data's version,
    and the layout (seconds) is skipped."""
    if bewaarmap is None:
        return _maak_pdf(html_tekst)
    pad = bewaarmap / f"rapport-{hashlib.sha256(html_tekst.encode()).hexdigest()}.pdf"
    try:
        inhoud = pad.read_bytes()
        pad.touch()
        return inhoud
    except OSError:
        pass
    inhoud = _maak_pdf(html_tekst)
    bewaarmap.mkdir(parents=True, exist_ok=True)
    tijdelijk = pad.with_suffix(f".{os.getpid()}.tmp")
    tijdelijk.write_bytes(inhoud)
    os.replace(tijdelijk, pad)  # a reader never sees half a file
    _ruim_op(bewaarmap)
    return inhoud


def _ruim_op(bewaarmap: Path) -> None:
    try:
        oud = sorted(bewaarmap.glob("rapport-*.pdf"), key=lambda p: p.stat().st_mtime)
        for weg in oud[:-BEWAARD]:
            weg.unlink(missing_ok=True)
    except OSError:  # another process cleaned up at the same moment: it is done either way
        pass


def _maak_pdf(html_tekst: str) -> bytes:
    try:
        from weasyprint import HTML  # type: ignore[import-untyped]
    except (ImportError, OSError) as exc:  # OSError: the Pango libraries are missing
        raise PdfNietBeschikbaar(
            "PDF maken kan hier niet: WeasyPrint of de Pango-bibliotheken ontbreken "
            "(Debian: apt-get install libpango-1.0-0 libpangoft2-1.0-0)."
        ) from exc
    return bytes(HTML(string=html_tekst).write_pdf())


class Rapportvraag(Indicatorvraag):
    formaat: Literal["html", "pdf"] = veld("Formaat", standaard="html")

    meldingen: ClassVar[dict[str, str]] = {
        **Indicatorvraag.meldingen,
        "formaat": "Kies html of pdf.",
    }


def bestandsnaam(r: Rapport) -> str:
    return f"voortgangsrapportage-{r.peildatum:%d-%m-%Y}.pdf"
