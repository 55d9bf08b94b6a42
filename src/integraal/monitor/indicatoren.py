# SPDX-License-Identifier: EUPL-1.2
"""Indicators: published series with their revisions, and live figures computed from
Integraal's own registrations (cases, interventions, seizures), small cells suppressed."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal

from integraal.afpakken import cijfers
from integraal.domein.actor import Actor
from integraal.domein.fouten import OngeldigeInvoer
from integraal.domein.monitor import KLEINSTE_CEL, Observatie, geldend, onderdruk, onderdruk_een
from integraal.domein.tekst import getal
from integraal.monitor.toegang import leg_vast, mag_bewerken
from integraal.opslag import monitor as opslag
from integraal.opslag.db import Sessie
from integraal.opslag.modellen import Indicator
from integraal.opslag.modellen import Observatie as ObservatieRij


@dataclass(frozen=True)
class Punt:
    periode: str
    uitsplitsing: str
    waarde: float | None  # None: suppressed
    voorlopig: bool = False
    reden: str | None = None  # why a value is not shown
    revisies: int = 0  # earlier values of this point that were replaced


@dataclass
class IndicatorBeeld:
    code: str
    naam: str
    eenheid: str
    decimalen: int
    bron: str
    frequentie: str
    niveau: str
    lijn: str | None
    deelopgave: str | None
    live: bool
    uitsplitsing: str | None
    omschrijving: str
    peildatum: dt.date | None
    punten: list[Punt] = field(default_factory=list)

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
        """The series without breakdown; for a breakdown without a stated total, the sum."""
        eigen = {p.periode: p.waarde for p in self.punten if not p.uitsplitsing}
        if eigen:
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

    def opmaak(self, waarde: float | None) -> str:
        if waarde is None:
            return f"<{KLEINSTE_CEL}"
        return getal(waarde, self.decimalen)


def _beeld(i: Indicator) -> IndicatorBeeld:
    return IndicatorBeeld(
        code=i.code,
        naam=i.naam,
        eenheid=i.eenheid,
        decimalen=i.decimalen,
        bron=i.bron,
        frequentie=i.frequentie,
        niveau=i.niveau,
        lijn=i.lijn_code,
        deelopgave=i.deelopgave_code,
        live=i.live is not None,
        uitsplitsing=i.uitsplitsing,
        omschrijving=i.omschrijving,
        peildatum=None,
    )


def reeks(sessie: Sessie, code: str, op: dt.datetime | None = None) -> IndicatorBeeld:
    """An indicator's values as known at `op` (default: now). For a live indicator, `op` is
    the peildatum of the computation."""
    i = opslag.indicator(sessie, code)
    if i is None:
        raise OngeldigeInvoer({"indicator": f"onbekende indicator: {code}"})
    beeld = _beeld(i)
    if i.live is not None:
        peil = op or dt.datetime.now(dt.UTC)
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
                o.periode, o.uitsplitsing, float(o.waarde), o.voorlopig, None, telling[sleutel] - 1
            )
        )
    peildata = [
        r.peildatum for r in rijen if r.peildatum and (op is None or r.geregistreerd_op <= op)
    ]
    beeld.peildatum = max(peildata) if peildata else None
    return beeld


def overzicht(sessie: Sessie, op: dt.datetime | None = None) -> list[IndicatorBeeld]:
    return [reeks(sessie, i.code, op) for i in opslag.indicatoren(sessie)]


def registreer(
    sessie: Sessie,
    actor: Actor,
    code: str,
    periode: str,
    waarde: float,
    *,
    uitsplitsing: str = "",
    voorlopig: bool = False,
    bron: str,
    peildatum: dt.date | None = None,
) -> ObservatieRij:
    """A new value or a revision of a published one; the earlier value stays on record."""
    mag_bewerken(actor)
    i = opslag.indicator(sessie, code)
    fouten: dict[str, str] = {}
    if i is None:
        fouten["indicator"] = "onbekende indicator"
    elif i.live is not None:
        fouten["indicator"] = "een live indicator wordt berekend, niet ingevoerd"
    if not periode.strip() or len(periode) > 20:
        fouten["periode"] = "vul een periode in, zoals 2024"
    if not bron.strip():
        fouten["bron"] = "vermeld de bron van het cijfer"
    if fouten:
        raise OngeldigeInvoer(fouten)
    rij = ObservatieRij(
        indicator_code=code,
        periode=periode.strip(),
        uitsplitsing=uitsplitsing.strip(),
        waarde=waarde,
        voorlopig=voorlopig,
        peildatum=peildatum,
        bron=bron.strip(),
        geregistreerd_op=dt.datetime.now(dt.UTC),
        geregistreerd_door=actor.gebruiker_id,
    )
    sessie.add(rij)
    sessie.flush()
    leg_vast(sessie, actor, "indicatorwaarde vastleggen", indicator=code, periode=periode)
    return rij


def revisies(sessie: Sessie, code: str) -> list[ObservatieRij]:
    return sorted(opslag.observaties(sessie, code), key=lambda r: (r.periode, r.uitsplitsing, r.id))


# --- live indicators -----------------------------------------------------------------------------


def _per_jaar(sessie: Sessie, soort: str, peil: dt.datetime) -> list[Punt]:
    telling = Counter(
        str(g.tijd.year) for g in opslag.gebeurtenissen(sessie, [soort]) if g.tijd <= peil
    )
    punten = []
    for jaar, n in sorted(telling.items()):
        cel = onderdruk_een(n)
        punten.append(Punt(jaar, "", cel.waarde, reden=cel.reden))
    return punten


def _casussen_gestart(sessie: Sessie, peil: dt.datetime) -> list[Punt]:
    return _per_jaar(sessie, "casus_geopend", peil)


def _casussen_afgesloten(sessie: Sessie, peil: dt.datetime) -> list[Punt]:
    return _per_jaar(sessie, "casus_gesloten", peil)


_AFLOOP = {"interventie_afgerond": "afgerond", "interventie_gestaakt": "gestaakt"}


def _interventies(sessie: Sessie, peil: dt.datetime) -> list[Punt]:
    per_jaar: dict[str, Counter[str]] = {}
    for g in opslag.gebeurtenissen(sessie, list(_AFLOOP)):
        if g.tijd > peil:
            continue
        soort = str(g.gegevens.get("interventiesoort") or "onbekend")
        per_jaar.setdefault(str(g.tijd.year), Counter())[f"{soort}, {_AFLOOP[g.soort]}"] += 1
    punten = []
    for jaar, telling in sorted(per_jaar.items()):
        for sleutel, cel in sorted(onderdruk(telling).items()):
            punten.append(Punt(jaar, sleutel, cel.waarde, reden=cel.reden))
    return punten


def _beslagwaarde(sessie: Sessie, peil: dt.datetime) -> list[Punt]:
    jaren = sorted({f.beslagen_op.year for f in cijfers.feiten(sessie)})
    punten = []
    for j in cijfers.jaarcijfers(sessie, jaren, peil):
        if j.eigen_aantal == 0:
            continue
        if j.eigen_aantal < KLEINSTE_CEL:
            # an amount over fewer objects than a small cell would show one case's seizure
            punten.append(Punt(str(j.jaar), "", None, reden="berust op minder dan 5 objecten"))
        else:
            punten.append(Punt(str(j.jaar), "", j.eigen_centen / 100))
    return punten


LIVE: dict[str, Callable[[Sessie, dt.datetime], list[Punt]]] = {
    "casussen_gestart": _casussen_gestart,
    "casussen_afgesloten": _casussen_afgesloten,
    "interventies": _interventies,
    "beslagwaarde": _beslagwaarde,
}


KOLOMMEN = ("indicator", "periode", "uitsplitsing", "waarde", "eenheid", "voorlopig", "bron")


def rijen(beeld: IndicatorBeeld) -> list[list[object]]:
    """For export: suppressed cells stay empty with '<5' in the value's place."""
    return [
        [
            beeld.code,
            p.periode,
            p.uitsplitsing or "totaal",
            p.waarde if p.waarde is not None else f"<{KLEINSTE_CEL}",
            beeld.eenheid,
            "ja" if p.voorlopig else "nee",
            beeld.bron,
        ]
        for p in beeld.punten
    ]
