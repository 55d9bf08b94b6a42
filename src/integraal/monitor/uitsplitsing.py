# SPDX-License-Identifier: EUPL-1.2
"""Live figures per partnership and per case theme: counts (small ones hidden), amounts (summed,
never hidden) and handling times (medians, hidden when they rest on few cases).

Each source gives facts: a year, the case it belongs to and a value (1 for a count). The same
facts give the indicator's usual breakdown and the breakdown per partnership or theme, so the
two always add up to the same total.
"""

from __future__ import annotations

import datetime as dt
import statistics
from collections import Counter, defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from typing import Literal

from integraal.beslag import cijfers
from integraal.delen import standaard_beslisser
from integraal.domein.beslagcijfers import beslagwaarde, waarde_bij_beslag
from integraal.domein.bestuurlijk import Vorderingsoort
from integraal.domein.casus import ZONDER_THEMA, Casusthema, InterventieSoort, Uitkomst
from integraal.domein.keuze import Keuze
from integraal.domein.monitor import KLEINSTE_CEL, onderdruk
from integraal.opslag import kadaster
from integraal.opslag import monitor as opslag
from integraal.opslag.db import Sessie

Maat = Literal["aantal", "bedrag", "mediaan"]
ZONDER_CASUS = "Zonder casus"


class Naar(Keuze):
    VERBAND = "verband", "Per samenwerkingsverband"
    THEMA = "thema", "Per thema van de casus"

    @property
    def kop(self) -> str:
        """The heading of the breakdown's column."""
        return {"verband": "Samenwerkingsverband", "thema": "Thema van de casus"}[self.value]


@dataclass(frozen=True)
class Feit:
    jaar: str
    casus_id: str | None
    waarde: float  # 1 for a count, euro for an amount, days for a handling time
    sleutel: str = ""  # the indicator's own breakdown


@dataclass(frozen=True)
class Bron:
    feiten: Callable[[Sessie, dt.datetime], list[Feit]]
    maat: Maat
    wat: str = "casussen"  # what a note on few items counts
    # Amounts of different kinds (an assessment, a seizure) are not added up: per partnership
    # or theme they stay apart by their own breakdown.
    per_soort: bool = False


def _gebeurtenissen(soort: str) -> Callable[[Sessie, dt.datetime], list[Feit]]:
    def feiten(sessie: Sessie, peil: dt.datetime) -> list[Feit]:
        return [
            Feit(str(g.tijd.year), g.casus_id, 1.0)
            for g in opslag.gebeurtenissen(sessie, [soort])
            if g.tijd <= peil
        ]

    return feiten


_AFLOOP = {"interventie_afgerond": "afgerond", "interventie_gestaakt": "gestaakt"}


def _interventies(sessie: Sessie, peil: dt.datetime) -> list[Feit]:
    uit = []
    for g in opslag.gebeurtenissen(sessie, list(_AFLOOP)):
        if g.tijd <= peil:
            soort = str(g.gegevens.get("interventiesoort") or "onbekend")
            uit.append(Feit(str(g.tijd.year), g.casus_id, 1.0, f"{soort}, {_AFLOOP[g.soort]}"))
    return uit


def _interventiebedragen(sessie: Sessie, peil: dt.datetime) -> list[Feit]:
    """Amounts of completed interventions: tax assessments, seizures and fines."""
    uit = []
    for g in opslag.gebeurtenissen(sessie, ["interventie_afgerond"]):
        centen = g.gegevens.get("bedrag_centen")
        if g.tijd > peil or not centen:
            continue
        soort = InterventieSoort(str(g.gegevens.get("interventiesoort"))).label
        uitkomst = Uitkomst(str(g.gegevens.get("uitkomst"))).label.lower()
        uit.append(Feit(str(g.tijd.year), g.casus_id, int(centen) / 100, f"{soort}, {uitkomst}"))
    return uit


def _beslagwaarde(sessie: Sessie, peil: dt.datetime) -> list[Feit]:
    """The value at seizure of own seizures, per object, as the yearly figure counts them."""
    alle = cijfers.feiten(sessie)
    per_id = {f.id: f for f in alle}
    casus_van = opslag.beslag_casussen(sessie)
    uit = []
    for jaar in sorted({f.beslagen_op.year for f in alle}):
        for object_id in beslagwaarde(alle, jaar, peil).objecten:
            waarde = waarde_bij_beslag(per_id[object_id], peil)
            if waarde is not None:
                uit.append(Feit(str(jaar), casus_van.get(object_id), waarde / 100))
    return uit


_VORDERING = {
    "last_onder_dwangsom": "Last onder dwangsom",
    "bestuurlijke_boete": "Bestuurlijke boete",
}


def _vorderingen(sessie: Sessie, peil: dt.datetime) -> list[Feit]:
    """Administrative claims: imposed (a penalty's maximum), forfeited, paid; by year imposed."""
    uit = []
    for dag, soort, casus, opgelegd, verbeurd, betaald in kadaster.vorderingbedragen(
        sessie, peil.date()
    ):
        kort = _VORDERING[Vorderingsoort(soort)]
        bedragen = [("opgelegd", opgelegd), ("betaald", betaald)]
        if Vorderingsoort(soort) is Vorderingsoort.DWANGSOM:
            bedragen.insert(1, ("verbeurd", verbeurd))
        uit += [Feit(str(dag.year), casus, c / 100, f"{kort}, {wat}") for wat, c in bedragen]
    return uit


def _signaal_tot_casus(sessie: Sessie, peil: dt.datetime) -> list[Feit]:
    return [
        Feit(str(casus.year), casus_id, float((casus - signaal).days))
        for signaal, casus, casus_id in opslag.signaal_tot_casus(sessie)
        if casus <= peil
    ]


def _verzoek_tot_antwoord(sessie: Sessie, peil: dt.datetime) -> list[Feit]:
    return [
        Feit(str(antwoord.year), casus_id, float((antwoord - gevraagd).days))
        for gevraagd, antwoord, casus_id in opslag.deelverzoek_antwoorden(sessie)
        if antwoord <= peil
    ]


BRONNEN: dict[str, Bron] = {
    "casussen_gestart": Bron(_gebeurtenissen("casus_geopend"), "aantal"),
    "casussen_afgesloten": Bron(_gebeurtenissen("casus_gesloten"), "aantal"),
    "interventies": Bron(_interventies, "aantal"),
    "interventiebedragen": Bron(_interventiebedragen, "bedrag", "interventies", per_soort=True),
    "bestuurlijke_vorderingen": Bron(_vorderingen, "bedrag", "vorderingen", per_soort=True),
    "beslagwaarde": Bron(_beslagwaarde, "bedrag", "objecten"),
    "doorlooptijd_signaal_casus": Bron(_signaal_tot_casus, "mediaan"),
    "doorlooptijd_deelverzoek": Bron(_verzoek_tot_antwoord, "mediaan", "deelverzoeken"),
}


def _groep(
    naar: Naar | None, indeling: dict[str, tuple[str, str | None]], per_soort: bool
) -> Callable[[Feit], str]:
    register = standaard_beslisser().register

    def waar(f: Feit) -> str:
        if f.casus_id is None or f.casus_id not in indeling:
            return ZONDER_CASUS
        verband, thema = indeling[f.casus_id]
        if naar is Naar.VERBAND:
            return register.naam(verband)
        return Casusthema(thema).label if thema else ZONDER_THEMA

    def groep(f: Feit) -> str:
        if naar is None:
            return f.sleutel
        return f"{waar(f)} — {f.sleutel}" if per_soort else waar(f)

    return groep


def punten(
    sessie: Sessie, live: str, peil: dt.datetime, naar: Naar | None = None
) -> list[tuple[str, str, float | None, str | None]]:
    """(period, breakdown, value, note) of a live source, by its own breakdown or `naar`."""
    bron = BRONNEN[live]
    groep = _groep(naar, opslag.casusindeling(sessie) if naar else {}, bron.per_soort)
    per_jaar: dict[str, dict[str, list[float]]] = defaultdict(lambda: defaultdict(list))
    for f in bron.feiten(sessie, peil):
        per_jaar[f.jaar][groep(f)].append(f.waarde)
    uit: list[tuple[str, str, float | None, str | None]] = []
    for jaar, groepen in sorted(per_jaar.items()):
        if bron.maat == "aantal":
            cellen = onderdruk(Counter({g: len(w) for g, w in groepen.items()}))
            uit += [(jaar, g, c.waarde, c.reden) for g, c in sorted(cellen.items())]
        elif bron.maat == "bedrag":
            # Amounts are never hidden (decision record 0014); one over few items says so.
            for g, w in sorted(groepen.items()):
                klein = len(w) < KLEINSTE_CEL
                reden = f"berust op minder dan {KLEINSTE_CEL} {bron.wat}" if klein else None
                uit.append((jaar, g, round(sum(w), 2), reden))
        else:
            for g, w in sorted(groepen.items()):
                if len(w) < KLEINSTE_CEL:
                    uit.append((jaar, g, None, f"berust op minder dan {KLEINSTE_CEL} {bron.wat}"))
                else:
                    uit.append((jaar, g, float(statistics.median(w)), None))
    return uit
