# SPDX-License-Identifier: EUPL-1.2
"""Honest seizure figures: a value as known on a peildatum, counted once.

Bitemporal: each object has the day it was seized (valid time) and the moment it was
registered (transaction time); each valuation and status has its registration moment too.
"The figure for year J on peildatum P" uses only what was registered by P, so a published
figure can always be reproduced, and the growth afterwards (the na-ijleffect) is visible.

Counted once (research A6.4): a conversion 94 → 94a is the same object; a sale is a valuation
of the same object (its proceeds), not a new seizure; crypto converted to euro is a valuation;
an object returned and seized again in the same case shares a dedup key with its first record.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from integraal.domein.beslag import BeslagStatus, ObjectSoort
from integraal.domein.keuze import Keuze


class Methode(Keuze):
    KVI = "kvi", "Bedrag op de kennisgeving"
    TAXATIE = "taxatie", "Taxatie"
    DAGKOERS = "dagkoers", "Omgerekend tegen de dagkoers"
    VALUTA = "valuta", "Omgerekend tegen de wisselkoers"
    # Proceeds of a sale: the seizure follows them, no new value.
    OPBRENGST = "opbrengst", "Opbrengst van de verkoop"


WAARDE_BIJ_BESLAG = frozenset({Methode.KVI, Methode.TAXATIE, Methode.DAGKOERS, Methode.VALUTA})
GELDSOORTEN = frozenset({ObjectSoort.CONTANT, ObjectSoort.BANKTEGOED, ObjectSoort.CRYPTO})


@dataclass(frozen=True)
class Waardering:
    bedrag_centen: int
    methode: Methode
    geregistreerd_op: dt.datetime


@dataclass(frozen=True)
class Statusfeit:
    status: BeslagStatus
    op: dt.date
    geregistreerd_op: dt.datetime


@dataclass(frozen=True)
class Beslagfeit:
    id: str
    dedup_sleutel: str
    soort: ObjectSoort
    beslagen_op: dt.date
    geregistreerd_op: dt.datetime
    rechtshulp: bool = False
    conservatoir: bool = False
    waarderingen: tuple[Waardering, ...] = ()
    statussen: tuple[Statusfeit, ...] = ()


@dataclass(frozen=True)
class Cijfer:
    bedrag_centen: int = 0
    aantal: int = 0
    laat_centen: int = 0  # registered after the first peildatum of the year (late registration)
    objecten: tuple[str, ...] = field(default=(), repr=False)


def eerste_peildatum(jaar: int) -> dt.datetime:
    """The customary first snapshot: the end of January of the next year."""
    return dt.datetime(jaar + 1, 1, 31, 23, 59, 59, tzinfo=dt.UTC)


def waarde_bij_beslag(f: Beslagfeit, peil: dt.datetime) -> int | None:
    """The latest value-at-seizure registered by the peildatum (a conversion overrides an
    estimate; proceeds never count as value at seizure)."""
    bekend = [
        w for w in f.waarderingen if w.methode in WAARDE_BIJ_BESLAG and w.geregistreerd_op <= peil
    ]
    if not bekend:
        return None
    return max(bekend, key=lambda w: w.geregistreerd_op).bedrag_centen


def _opbrengst(f: Beslagfeit, peil: dt.datetime) -> int | None:
    bekend = [
        w for w in f.waarderingen if w.methode is Methode.OPBRENGST and w.geregistreerd_op <= peil
    ]
    return max(bekend, key=lambda w: w.geregistreerd_op).bedrag_centen if bekend else None


def _geregistreerd(feiten: Iterable[Beslagfeit], peil: dt.datetime) -> list[Beslagfeit]:
    return [f for f in feiten if f.geregistreerd_op <= peil]


def _een_per_sleutel(feiten: Sequence[Beslagfeit]) -> list[Beslagfeit]:
    eerste: dict[str, Beslagfeit] = {}
    for f in sorted(feiten, key=lambda x: (x.beslagen_op, x.geregistreerd_op, x.id)):
        eerste.setdefault(f.dedup_sleutel, f)
    return list(eerste.values())


def beslagwaarde(
    feiten: Iterable[Beslagfeit],
    jaar: int,
    peil: dt.datetime,
    *,
    rechtshulp: bool | None = False,
    conservatoir: bool | None = None,
) -> Cijfer:
    """Seizure value of year J as known on P. Own seizures by default (`rechtshulp=False`);
    seizures on a foreign request are a separate series (`True`), `None` takes both."""
    gekend = _een_per_sleutel(_geregistreerd(feiten, peil))
    p0 = eerste_peildatum(jaar)
    totaal = laat = 0
    ids: list[str] = []
    for f in gekend:
        if f.beslagen_op.year != jaar:
            continue
        if rechtshulp is not None and f.rechtshulp is not rechtshulp:
            continue
        if conservatoir is not None and f.conservatoir is not conservatoir:
            continue
        waarde = waarde_bij_beslag(f, peil)
        if waarde is None:
            continue
        totaal += waarde
        ids.append(f.id)
        if f.geregistreerd_op > p0:
            laat += waarde
    return Cijfer(totaal, len(ids), laat, tuple(ids))


def naijl(
    feiten: Sequence[Beslagfeit], jaar: int, peildata: Sequence[dt.datetime]
) -> list[tuple[dt.datetime, Cijfer]]:
    """How the figure for one year grew over later peildata."""
    return [(p, beslagwaarde(feiten, jaar, p)) for p in peildata]


def _status_in(
    f: Beslagfeit, statussen: frozenset[BeslagStatus], peil: dt.datetime
) -> Statusfeit | None:
    for s in sorted(f.statussen, key=lambda x: (x.op, x.geregistreerd_op)):
        if s.status in statussen and s.geregistreerd_op <= peil:
            return s
    return None


_GEIND = frozenset({BeslagStatus.VERKOCHT, BeslagStatus.VERBEURDVERKLAARD})


def geind(feiten: Iterable[Beslagfeit], jaar: int, peil: dt.datetime) -> Cijfer:
    """What went to the state in year J: sale proceeds, and forfeited money. Once per object:
    a forfeited object that is sold later counts when its proceeds arrive, not twice. Flows are
    not deduplicated by key: a returned object seized again can really be collected later."""
    totaal, ids = 0, []
    for f in _geregistreerd(feiten, peil):
        verkocht = _status_in(f, frozenset({BeslagStatus.VERKOCHT}), peil)
        verbeurd = _status_in(f, frozenset({BeslagStatus.VERBEURDVERKLAARD}), peil)
        opbrengst = _opbrengst(f, peil)
        if verkocht is not None:
            moment, bedrag = verkocht, opbrengst
        elif verbeurd is not None and opbrengst is not None:
            moment, bedrag = verbeurd, opbrengst  # sold before judgment: proceeds forfeited
        elif verbeurd is not None and f.soort in GELDSOORTEN:
            moment, bedrag = verbeurd, waarde_bij_beslag(f, peil)
        else:
            continue
        if moment.op.year == jaar and bedrag is not None:
            totaal += bedrag
            ids.append(f.id)
    return Cijfer(totaal, len(ids), 0, tuple(ids))


def teruggegeven(feiten: Iterable[Beslagfeit], jaar: int, peil: dt.datetime) -> Cijfer:
    """What was returned (or paid out) in year J, at its proceeds if it had been sold."""
    totaal, ids = 0, []
    for f in _geregistreerd(feiten, peil):
        terug = _status_in(f, frozenset({BeslagStatus.TERUGGEGEVEN}), peil)
        if terug is None or terug.op.year != jaar:
            continue
        bedrag = _opbrengst(f, peil) or waarde_bij_beslag(f, peil)
        if bedrag is not None:
            totaal += bedrag
            ids.append(f.id)
    return Cijfer(totaal, len(ids), 0, tuple(ids))


def vorderingen_eenmaal(vorderingen: dict[str, int], hoofdelijk: Iterable[tuple[str, str]]) -> int:
    """Claims of jointly and severally liable co-debtors are one claim (art. 36e lid 7 Sr):
    per group of linked dossiers the largest claim counts, once."""
    ouder = {d: d for d in vorderingen}

    def wortel(d: str) -> str:
        while ouder[d] != d:
            ouder[d] = ouder[ouder[d]]
            d = ouder[d]
        return d

    for a, b in hoofdelijk:
        if a in ouder and b in ouder:
            ouder[wortel(a)] = wortel(b)
    groepen: dict[str, int] = {}
    for d, centen in vorderingen.items():
        w = wortel(d)
        groepen[w] = max(groepen.get(w, 0), centen)
    return sum(groepen.values())
