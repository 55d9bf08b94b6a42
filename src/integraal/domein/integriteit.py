# SPDX-License-Identifier: EUPL-1.2
"""Detecting misuse of a confidential system from its own processing log (pure logic).

The letters ask for logging *and* monitoring of confidential systems after an employee looked
up the addresses of prison guards for a criminal organisation. Each detection rule here is a
kind of pattern (`Soortregel`) whose thresholds and Dutch explanation come from data; the
detector walks the events of the log once, in order, and keeps only bounded windows per user.
Its state can be saved and restored, so an incremental run never examines a line twice.

Nothing here scores a person: a rule names what was done, how often and against which
threshold, and a privacy officer judges it.
"""

from __future__ import annotations

import datetime as dt
from abc import ABC, abstractmethod
from collections import deque
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from integraal.domein.keuze import Keuze
from integraal.domein.werkdagen import TIJDZONE


class Soort(Keuze):
    """What an event is, as far as detection is concerned."""

    LEZING = "lezing", "lezing"
    ZOEKTREFFER = "zoektreffer", "zoektreffer"
    WEIGERING = "weigering", "geweigerde poging"
    EXPORT = "export", "export"
    # Data the user's organisation provided to another (a delivery): not a read by the user.
    VERSTREKKING = "verstrekking", "verstrekking"


class Afschermingssoort(Keuze):
    GETUIGE = "getuige", "Beschermde getuige"
    FUNCTIONARIS = "functionaris", "Bedreigde functionaris"
    MEDEWERKER = "medewerker", "Eigen medewerker"


class Meldingstatus(Keuze):
    NIEUW = "nieuw", "Nieuw"
    IN_BEHANDELING = "in_behandeling", "In behandeling"
    VERKLAARD = "verklaard", "Verklaard"
    MISBRUIK = "misbruik", "Misbruik vastgesteld"

    @property
    def afgerond(self) -> bool:
        return self in (Meldingstatus.VERKLAARD, Meldingstatus.MISBRUIK)


OVERGANGEN: dict[Meldingstatus, frozenset[Meldingstatus]] = {
    Meldingstatus.NIEUW: frozenset(
        {Meldingstatus.IN_BEHANDELING, Meldingstatus.VERKLAARD, Meldingstatus.MISBRUIK}
    ),
    Meldingstatus.IN_BEHANDELING: frozenset({Meldingstatus.VERKLAARD, Meldingstatus.MISBRUIK}),
    Meldingstatus.VERKLAARD: frozenset(),
    Meldingstatus.MISBRUIK: frozenset(),
}


@dataclass(frozen=True)
class Gebeurtenis:
    """One thing a user did: a log line (a read or a search hit) or an audit record (a refused
    attempt, an export). `volgnummer` is the log line's number, `audit_id` the record's."""

    tijd: dt.datetime
    gebruiker_id: int
    organisatie_id: str | None
    soort: Soort
    handeling: str
    betrokkene: str | None = None
    casus_id: str | None = None
    verstrekker: str | None = None
    volgnummer: int | None = None
    audit_id: int | None = None
    aantal: int = 1
    reden: str | None = None


@dataclass(frozen=True)
class Afscherming:
    """A shielded person as the detector needs to know it."""

    soort: Afschermingssoort
    organisatie_id: str
    # Reads before the person was shielded are not about a shielded person.
    sinds: dt.datetime | None = None


@dataclass(frozen=True)
class Omstandigheden:
    """What the detector must know beside the events: whose cases hold which subjects (as the
    log names them) and who is shielded."""

    casussubjecten: Mapping[int, frozenset[str]] = field(default_factory=dict)
    afgeschermd: Mapping[str, Afscherming] = field(default_factory=dict)


@dataclass(frozen=True)
class Treffer:
    regel_id: str
    gebruiker_id: int
    organisatie_id: str | None
    tijd: dt.datetime
    uitleg: str
    bewijs: tuple[Gebeurtenis, ...]

    @property
    def sleutel(self) -> str:
        """The same finding found twice (by the door and by a later run) is one alert."""
        eerste = self.bewijs[0]
        plek = f"r{eerste.volgnummer}" if eerste.volgnummer is not None else f"a{eerste.audit_id}"
        return f"{self.regel_id}:{self.gebruiker_id}:{plek}"


@dataclass(frozen=True)
class Regeldefinitie:
    """One rule as data: its kind, thresholds and explanation (a `str.format` template)."""

    id: str
    soort: str
    titel: str
    uitleg: str
    drempels: Mapping[str, Any] = field(default_factory=dict)

    def getal(self, naam: str) -> int:
        return int(self.drempels[naam])


def _utc(t: dt.datetime) -> dt.datetime:
    return t if t.tzinfo else t.replace(tzinfo=dt.UTC)


def _lokaal(t: dt.datetime) -> dt.datetime:
    return (t if t.tzinfo else t.replace(tzinfo=dt.UTC)).astimezone(TIJDZONE)


class Soortregel(ABC):
    """A kind of pattern. Subclasses keep per-user state that `toestand` can save."""

    def __init__(self, definitie: Regeldefinitie) -> None:
        self.d = definitie

    @abstractmethod
    def bekijk(self, g: Gebeurtenis, o: Omstandigheden) -> Treffer | None:
        """The finding this event completes, if any."""

    def toestand(self) -> dict[str, Any]:
        return {}

    def herstel(self, toestand: Mapping[str, Any]) -> None:
        return None

    def treffer(self, g: Gebeurtenis, bewijs: Sequence[Gebeurtenis], **cijfers: object) -> Treffer:
        return Treffer(
            self.d.id,
            g.gebruiker_id,
            g.organisatie_id,
            g.tijd,
            self.d.uitleg.format(**cijfers),
            tuple(bewijs),
        )


def _naar_json(g: Gebeurtenis) -> dict[str, Any]:
    return {
        "t": g.tijd.isoformat(),
        "u": g.gebruiker_id,
        "o": g.organisatie_id,
        "s": g.soort.value,
        "h": g.handeling,
        "b": g.betrokkene,
        "c": g.casus_id,
        "v": g.verstrekker,
        "n": g.volgnummer,
        "a": g.audit_id,
        "x": g.aantal,
    }


def _uit_json(d: Mapping[str, Any]) -> Gebeurtenis:
    return Gebeurtenis(
        tijd=dt.datetime.fromisoformat(d["t"]),
        gebruiker_id=d["u"],
        organisatie_id=d["o"],
        soort=Soort(d["s"]),
        handeling=d["h"],
        betrokkene=d["b"],
        casus_id=d["c"],
        verstrekker=d["v"],
        volgnummer=d["n"],
        audit_id=d["a"],
        aantal=d["x"],
    )


class _Venster(Soortregel):
    """Events of one user within a sliding window; fires when a count reaches its threshold,
    then starts afresh so one burst gives one alert."""

    soorten: frozenset[Soort] = frozenset()

    def __init__(self, definitie: Regeldefinitie) -> None:
        super().__init__(definitie)
        self.venster = dt.timedelta(minutes=definitie.getal("venster_minuten"))
        self.drempel = definitie.getal("drempel")
        self.per_gebruiker: dict[int, deque[Gebeurtenis]] = {}

    def telt(self, g: Gebeurtenis, o: Omstandigheden) -> bool:
        return g.soort in self.soorten

    def maat(self, rij: Iterable[Gebeurtenis]) -> int:
        return len({g.betrokkene for g in rij})

    def bekijk(self, g: Gebeurtenis, o: Omstandigheden) -> Treffer | None:
        if not self.telt(g, o):
            return None
        rij = self.per_gebruiker.setdefault(g.gebruiker_id, deque())
        rij.append(g)
        while rij and g.tijd - rij[0].tijd > self.venster:
            rij.popleft()
        aantal = self.maat(rij)
        if aantal < self.drempel:
            return None
        bewijs = list(rij)
        rij.clear()
        return self.treffer(
            g,
            bewijs,
            aantal=aantal,
            drempel=self.drempel,
            minuten=int(self.venster.total_seconds() // 60),
        )

    def toestand(self) -> dict[str, Any]:
        return {
            str(u): [_naar_json(g) for g in rij] for u, rij in self.per_gebruiker.items() if rij
        }

    def herstel(self, toestand: Mapping[str, Any]) -> None:
        self.per_gebruiker = {
            int(u): deque(_uit_json(g) for g in rij) for u, rij in toestand.items()
        }


class Bulk(_Venster):
    """Many different subjects read in a short time."""

    soorten = frozenset({Soort.LEZING})


class BuitenCasus(_Venster):
    """Subjects read that are in none of the reader's cases, from another organisation's data.
    What an organisation reads from its own administration is its own task, not this."""

    soorten = frozenset({Soort.LEZING})

    def telt(self, g: Gebeurtenis, o: Omstandigheden) -> bool:
        if g.soort not in self.soorten or g.betrokkene is None:
            return False
        if g.verstrekker is not None and g.verstrekker == g.organisatie_id:
            return False
        if g.handeling in self.d.drempels.get("uitgezonderd", ()):
            return False
        return g.betrokkene not in o.casussubjecten.get(g.gebruiker_id, frozenset())


class HerhaaldGeweigerd(_Venster):
    """Repeated refused attempts: someone trying doors."""

    soorten = frozenset({Soort.WEIGERING})

    def maat(self, rij: Iterable[Gebeurtenis]) -> int:
        return sum(1 for _ in rij)


class Afgeschermd(Soortregel):
    """Every read of a shielded person; `collega` limits it to the reader's own staff. One
    read writes a line per kind of data: one alert per reader and person per `rust_minuten`."""

    def __init__(self, definitie: Regeldefinitie) -> None:
        super().__init__(definitie)
        self.rust = dt.timedelta(minutes=definitie.getal("rust_minuten"))
        self.laatst: dict[str, str] = {}

    def toestand(self) -> dict[str, Any]:
        return dict(self.laatst)

    def herstel(self, toestand: Mapping[str, Any]) -> None:
        self.laatst = {str(k): str(v) for k, v in toestand.items()}

    def bekijk(self, g: Gebeurtenis, o: Omstandigheden) -> Treffer | None:
        if g.soort not in (Soort.LEZING, Soort.ZOEKTREFFER, Soort.EXPORT) or not g.betrokkene:
            return None
        a = o.afgeschermd.get(g.betrokkene)
        if a is None or (a.sinds is not None and _utc(g.tijd) < _utc(a.sinds)):
            return None
        collega = a.soort is Afschermingssoort.MEDEWERKER and a.organisatie_id == g.organisatie_id
        if bool(self.d.drempels.get("collega", False)) != collega:
            return None
        sleutel = f"{g.gebruiker_id}|{g.betrokkene}"
        vorige = self.laatst.get(sleutel)
        if vorige is not None and g.tijd - dt.datetime.fromisoformat(vorige) < self.rust:
            return None
        self.laatst = {
            k: v
            for k, v in self.laatst.items()
            if g.tijd - dt.datetime.fromisoformat(v) < self.rust
        }
        self.laatst[sleutel] = g.tijd.isoformat()
        reden = (g.reden or "geen reden opgegeven").rstrip(". ")
        return self.treffer(g, [g], soort=a.soort.label.lower(), reden=reden)


class ExportVeel(Soortregel):
    """An export that takes many subjects out of the system at once."""

    def bekijk(self, g: Gebeurtenis, o: Omstandigheden) -> Treffer | None:
        drempel = self.d.getal("drempel")
        if g.soort is not Soort.EXPORT or g.aantal < drempel:
            return None
        return self.treffer(g, [g], aantal=g.aantal, drempel=drempel)


class ZoekenDanLezen(Soortregel):
    """A subject turned up in a search without a case and was then read, also without one.
    Per user only the search hits of the last `venster_minuten` are kept, in time order."""

    def __init__(self, definitie: Regeldefinitie) -> None:
        super().__init__(definitie)
        self.venster = dt.timedelta(minutes=definitie.getal("venster_minuten"))
        self.gezocht: dict[int, dict[str, Gebeurtenis]] = {}
        self.volgorde: dict[int, deque[Gebeurtenis]] = {}

    def _vergeet(self, gebruiker: int, nu: dt.datetime) -> dict[str, Gebeurtenis]:
        eigen = self.gezocht.setdefault(gebruiker, {})
        rij = self.volgorde.setdefault(gebruiker, deque())
        while rij and nu - rij[0].tijd > self.venster:
            oud = rij.popleft()
            if eigen.get(oud.betrokkene or "") is oud:
                del eigen[oud.betrokkene or ""]
        return eigen

    def bekijk(self, g: Gebeurtenis, o: Omstandigheden) -> Treffer | None:
        if g.betrokkene is None or g.casus_id is not None:
            return None
        if g.soort not in (Soort.ZOEKTREFFER, Soort.LEZING):
            return None
        eigen = self._vergeet(g.gebruiker_id, g.tijd)
        if g.soort is Soort.ZOEKTREFFER:
            eigen[g.betrokkene] = g
            self.volgorde[g.gebruiker_id].append(g)
            return None
        zoek = eigen.pop(g.betrokkene, None)
        if zoek is None or g.tijd < zoek.tijd:
            return None
        minuten = max(0, int((g.tijd - zoek.tijd).total_seconds() // 60))
        return self.treffer(
            g, [zoek, g], minuten=minuten, venster=int(self.venster.total_seconds() // 60)
        )

    def toestand(self) -> dict[str, Any]:
        return {
            str(u): [_naar_json(z) for z in rij if self.gezocht[u].get(z.betrokkene or "") is z]
            for u, rij in self.volgorde.items()
            if rij
        }

    def herstel(self, toestand: Mapping[str, Any]) -> None:
        self.volgorde = {int(u): deque(_uit_json(x) for x in rij) for u, rij in toestand.items()}
        self.gezocht = {u: {z.betrokkene or "": z for z in rij} for u, rij in self.volgorde.items()}


class _Uurprofiel:
    """One user's reads per local hour: day buckets, and their running sum over the days
    before the current one (kept up to date as days come and go, not summed per read)."""

    def __init__(self, dagen: dict[int, list[int]] | None = None, huidig: int = 0) -> None:
        self.dagen = dagen or {}
        self.huidig = huidig
        self.som = [0] * 24
        for dag, uren in self.dagen.items():
            if dag != huidig:
                self.som = [a + b for a, b in zip(self.som, uren, strict=True)]

    def naar(self, dag: int, bewaar: int) -> None:
        if dag == self.huidig:
            return
        if self.huidig in self.dagen and dag > self.huidig:
            self.som = [a + b for a, b in zip(self.som, self.dagen[self.huidig], strict=True)]
        self.huidig = max(dag, self.huidig)
        for oud in [d for d in self.dagen if d < self.huidig - bewaar]:
            self.som = [a - b for a, b in zip(self.som, self.dagen.pop(oud), strict=True)]


class OngewoonUur(Soortregel):
    """A read at an hour this user (with enough history) almost never reads, outside office
    hours; one alert per user per day. The history is learnt from the stream itself: per user,
    reads per local hour over the last `basis_dagen` days before today."""

    def __init__(self, definitie: Regeldefinitie) -> None:
        super().__init__(definitie)
        self.dagen = definitie.getal("basis_dagen")
        self.van, self.tot = definitie.getal("kantoor_van"), definitie.getal("kantoor_tot")
        self.min_basis, self.max_procent = (
            definitie.getal("min_basis"),
            definitie.getal("max_procent"),
        )
        self.profiel: dict[int, _Uurprofiel] = {}
        self.gemeld: dict[int, int] = {}

    def bekijk(self, g: Gebeurtenis, o: Omstandigheden) -> Treffer | None:
        if g.soort is not Soort.LEZING:
            return None
        lokaal = _lokaal(g.tijd)
        dag, uur = lokaal.toordinal(), lokaal.hour
        p = self.profiel.get(g.gebruiker_id)
        if p is None:
            p = self.profiel[g.gebruiker_id] = _Uurprofiel(huidig=dag)
        p.naar(dag, self.dagen)
        p.dagen.setdefault(dag, [0] * 24)[uur] += 1
        if self.van <= uur < self.tot:
            return None
        totaal = sum(p.som)
        op_dit_uur = p.som[uur]
        if totaal < self.min_basis or op_dit_uur * 100 > totaal * self.max_procent:
            return None
        if self.gemeld.get(g.gebruiker_id) == dag:
            return None
        self.gemeld[g.gebruiker_id] = dag
        return self.treffer(
            g,
            [g],
            tijd=lokaal.strftime("%H:%M"),
            op_dit_uur=op_dit_uur,
            totaal=totaal,
            dagen=self.dagen,
        )

    def toestand(self) -> dict[str, Any]:
        return {
            "profiel": {
                str(u): {"huidig": p.huidig, "dagen": {str(d): n for d, n in p.dagen.items()}}
                for u, p in self.profiel.items()
            },
            "gemeld": {str(u): d for u, d in self.gemeld.items()},
        }

    def herstel(self, toestand: Mapping[str, Any]) -> None:
        self.profiel = {
            int(u): _Uurprofiel({int(d): list(n) for d, n in p["dagen"].items()}, p["huidig"])
            for u, p in toestand.get("profiel", {}).items()
        }
        self.gemeld = {int(u): int(d) for u, d in toestand.get("gemeld", {}).items()}


SOORTREGELS: dict[str, type[Soortregel]] = {
    "bulk": Bulk,
    "buiten_casus": BuitenCasus,
    "afgeschermd": Afgeschermd,
    "ongewoon_uur": OngewoonUur,
    "herhaald_geweigerd": HerhaaldGeweigerd,
    "export_veel": ExportVeel,
    "zoeken_dan_lezen": ZoekenDanLezen,
}


class Detector:
    """All rules over one ordered stream of events."""

    def __init__(self, definities: Iterable[Regeldefinitie]) -> None:
        self.regels = [SOORTREGELS[d.soort](d) for d in definities]

    def bekijk(self, g: Gebeurtenis, o: Omstandigheden) -> list[Treffer]:
        return [t for r in self.regels if (t := r.bekijk(g, o)) is not None]

    def alles(self, gebeurtenissen: Iterable[Gebeurtenis], o: Omstandigheden) -> list[Treffer]:
        return [t for g in gebeurtenissen for t in self.bekijk(g, o)]

    def toestand(self) -> dict[str, Any]:
        return {r.d.id: r.toestand() for r in self.regels}

    def herstel(self, toestand: Mapping[str, Any]) -> None:
        for r in self.regels:
            r.herstel(toestand.get(r.d.id, {}))
