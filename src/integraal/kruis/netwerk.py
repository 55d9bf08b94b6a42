# SPDX-License-Identifier: EUPL-1.2
"""The relations around subjects, as a graph over FtM references.

Pure: the caller reads (through the policy layer) the entity-valued statements it is allowed
to see and passes them in. Relation entities (Ownership, Directorship, Payment, Family, ...)
become edges between their two ends; plain references (an address, a vehicle's owner) become
edges from the referring entity. Records that judgements made one subject are one node.

Patterns are leads with their reason: the facts counted and the threshold that made them
show, never a score about a person (see docs/decisions/0013-netwerk.md).
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Callable, Collection, Iterable, Mapping
from dataclasses import dataclass
from enum import StrEnum
from typing import Protocol

import numpy as np
from followthemoney import model
from followthemoney.schema import Schema

from integraal.kruis.clusters import componenten


class Relatie(StrEnum):
    EIGENDOM = "eigendom"
    BESTUUR = "bestuur"
    ADRES = "adres"
    REKENING = "rekening"
    BETALING = "betaling"
    VOERTUIG = "voertuig"
    OVERIG = "overig"


RELATIE_LABELS = {
    Relatie.EIGENDOM: "Eigendom",
    Relatie.BESTUUR: "Bestuur",
    Relatie.ADRES: "Adres",
    Relatie.REKENING: "Bankrekening",
    Relatie.BETALING: "Betaling",
    Relatie.VOERTUIG: "Voertuig",
    Relatie.OVERIG: "Overige relatie",
}
VOLGORDE = {r: i for i, r in enumerate(Relatie)}
_VOERTUIGEN = ("Vehicle", "Vessel", "Airplane")


class Verwijzing(Protocol):
    """One entity-valued property statement: `entity_id`.`prop` points at `value` (a stored
    statement is one)."""

    @property
    def entity_id(self) -> str: ...
    @property
    def schema(self) -> str: ...
    @property
    def prop(self) -> str: ...
    @property
    def value(self) -> str: ...


@dataclass(frozen=True)
class Ref:
    entity_id: str
    schema: str
    prop: str
    value: str


@dataclass(frozen=True)
class Rand:
    van: str
    naar: str
    soort: Relatie
    via: str  # the relation entity, or the referring entity for a plain reference
    schema: str  # the schema of `via`
    eigenschap: str | None = None  # the property of a plain reference; None for an edge entity

    def ander(self, knoop: str) -> str:
        return self.naar if knoop == self.van else self.van


class Samenvoeging:
    """Records joined into one subject by standing judgements are one node, named by the
    smallest record id (as the judgement queue names subjects)."""

    def __init__(self, groepen: Iterable[Iterable[str]] = ()) -> None:
        self._knoop: dict[str, str] = {}
        self._leden: dict[str, list[str]] = {}
        for g in groepen:
            leden = sorted(set(g))
            if len(leden) < 2:
                continue
            for lid in leden:
                self._knoop[lid] = leden[0]
            self._leden[leden[0]] = leden

    def knoop(self, entity_id: str) -> str:
        return self._knoop.get(entity_id, entity_id)

    def leden(self, knoop: str) -> list[str]:
        return self._leden.get(knoop, [knoop])


def _is(schema: str | None, *namen: str) -> bool:
    s = model.get(schema) if schema else None
    return s is not None and any(s.is_a(n) for n in namen)


def _soort_van_rand(schema: Schema, doel_schema: str | None) -> Relatie:
    if schema.is_a("Directorship"):
        return Relatie.BESTUUR
    if schema.is_a("Payment"):
        return Relatie.BETALING
    if schema.is_a("Ownership"):
        if _is(doel_schema, "BankAccount"):
            return Relatie.REKENING
        if _is(doel_schema, *_VOERTUIGEN):
            return Relatie.VOERTUIG
        return Relatie.EIGENDOM
    return Relatie.OVERIG


def _soort_van_verwijzing(schema: Schema, prop: str) -> Relatie | None:
    if prop == "addressEntity":
        return Relatie.ADRES
    if prop in ("owner", "operator") and any(schema.is_a(v) for v in _VOERTUIGEN):
        return Relatie.VOERTUIG
    return None


def randen(
    verwijzingen: Iterable[Verwijzing],
    schemas: Mapping[str, str],
    samen: Samenvoeging | None = None,
) -> list[Rand]:
    """Edges from entity-valued statements; `schemas` gives the schema of referenced entities
    (a bank account owned is a different relation than a company owned)."""
    samen = samen or Samenvoeging()
    per: dict[str, tuple[str, dict[str, list[str]]]] = {}
    for v in verwijzingen:
        per.setdefault(v.entity_id, (v.schema, {}))[1].setdefault(v.prop, []).append(v.value)
    uit: set[Rand] = set()
    for eid, (schema_naam, props) in per.items():
        schema = model.get(schema_naam)
        if schema is None:
            continue
        if schema.edge and schema.source_prop is not None and schema.target_prop is not None:
            for b in props.get(schema.source_prop.name, []):
                for d in props.get(schema.target_prop.name, []):
                    soort = _soort_van_rand(schema, schemas.get(d))
                    uit.add(Rand(samen.knoop(b), samen.knoop(d), soort, eid, schema_naam))
            continue
        for prop, waarden in props.items():
            gevonden = _soort_van_verwijzing(schema, prop)
            if gevonden is None:
                continue
            for w in waarden:
                uit.add(Rand(samen.knoop(eid), samen.knoop(w), gevonden, eid, schema_naam, prop))
    return sorted((r for r in uit if r.van != r.naar), key=lambda r: (r.van, r.naar, r.via))


def rond(
    alle: Iterable[Rand], knoop: str, soorten: Collection[Relatie] | None = None
) -> list[Rand]:
    """The edges at `knoop`, ordered by kind of relation, then by the node at the other end."""
    gekozen = [r for r in alle if knoop in (r.van, r.naar) and (not soorten or r.soort in soorten)]
    return sorted(gekozen, key=lambda r: (VOLGORDE[r.soort], r.ander(knoop), r.via))


@dataclass(frozen=True)
class Padzoektocht:
    randen: list[Rand] | None  # from start to goal in order; None when no path was found
    bezocht: int
    afgekapt: bool  # stopped at the cap on steps or nodes rather than running out of graph


def kortste_pad(
    buren: Callable[[set[str]], Iterable[Rand]],
    van: str,
    naar: str,
    *,
    max_stappen: int = 6,
    max_knopen: int = 2000,
) -> Padzoektocht:
    """Breadth-first from both ends, one whole level of the smaller side at a time, so the
    first level that meets yields a shortest path. `buren` is asked for the edges at a set of
    nodes (one read per level)."""
    if van == naar:
        return Padzoektocht([], 1, False)
    kanten: list[dict[str, tuple[Rand, str] | None]] = [{van: None}, {naar: None}]
    diepte: list[dict[str, int]] = [{van: 0}, {naar: 0}]
    fronten: list[set[str]] = [{van}, {naar}]
    stappen = 0
    while fronten[0] and fronten[1]:
        if stappen >= max_stappen or len(diepte[0]) + len(diepte[1]) > max_knopen:
            return Padzoektocht(None, len(diepte[0]) + len(diepte[1]), True)
        kant = 0 if len(fronten[0]) <= len(fronten[1]) else 1
        andere = 1 - kant
        nieuw: set[str] = set()
        ontmoet: list[str] = []
        for r in buren(set(fronten[kant])):
            for u in (r.van, r.naar):
                if u not in fronten[kant]:
                    continue
                v = r.ander(u)
                if v in diepte[kant]:
                    continue
                kanten[kant][v] = (r, u)
                diepte[kant][v] = diepte[kant][u] + 1
                nieuw.add(v)
                if v in diepte[andere]:
                    ontmoet.append(v)
        stappen += 1
        if ontmoet:
            m = min(ontmoet, key=lambda x: (diepte[andere][x], x))
            return Padzoektocht(_pad(kanten, m), len(diepte[0]) + len(diepte[1]), False)
        fronten[kant] = nieuw
    return Padzoektocht(None, len(diepte[0]) + len(diepte[1]), False)


def _pad(kanten: list[dict[str, tuple[Rand, str] | None]], m: str) -> list[Rand]:
    """Walk from the meeting node back to each end: side 0 grew from the start, 1 from the
    goal."""
    delen: list[list[Rand]] = [[], []]
    for kant in (0, 1):
        x = m
        while (stap := kanten[kant][x]) is not None:
            delen[kant].append(stap[0])
            x = stap[1]
    return list(reversed(delen[0])) + delen[1]


class Patroonsoort(StrEnum):
    ADRES_MET_VEEL_ORGANISATIES = "adres-veel-organisaties"
    BESTUURDER_KORT_BESTAANDE = "bestuurder-kort-bestaande"
    GEDEELDE_REKENING = "gedeelde-rekening"


PATROON_LABELS = {
    Patroonsoort.ADRES_MET_VEEL_ORGANISATIES: "Veel organisaties op één adres",
    Patroonsoort.BESTUURDER_KORT_BESTAANDE: "Eén bestuurder van veel kort bestaande organisaties",
    Patroonsoort.GEDEELDE_REKENING: "Rekening gedeeld door personen zonder bekende relatie",
}

MIN_ORGANISATIES_OP_ADRES = 5
MIN_KORT_BESTAANDE = 3
KORT_BESTAAND_DAGEN = 730


@dataclass(frozen=True)
class Patroon:
    soort: Patroonsoort
    kern: str  # the node the lead is about: an address, a director, an account
    betrokken: tuple[str, ...]  # the nodes counted
    reden: str


def _organisatie(schema: str | None) -> bool:
    return _is(schema, "Organization") and not _is(schema, "Person")


def adressen_met_veel_organisaties(
    alle: Iterable[Rand], schemas: Mapping[str, str], *, drempel: int = MIN_ORGANISATIES_OP_ADRES
) -> list[Patroon]:
    per_adres: dict[str, set[str]] = defaultdict(set)
    for r in alle:
        if r.soort is Relatie.ADRES and _organisatie(schemas.get(r.van)):
            per_adres[r.naar].add(r.van)
    uit = [
        Patroon(
            Patroonsoort.ADRES_MET_VEEL_ORGANISATIES,
            adres,
            tuple(sorted(orgs)),
            f"{len(orgs)} organisaties hebben dit adres (signaleringsgrens: {drempel}).",
        )
        for adres, orgs in per_adres.items()
        if len(orgs) >= drempel
    ]
    return sorted(uit, key=lambda p: (-len(p.betrokken), p.kern))


def _datum(waarde: str, laatst: bool) -> dt.date | None:
    """A (partial) FtM date as its earliest or latest possible day, so a lifetime computed
    from year-only dates is the longest it can have been (a lead must not rest on a guess)."""
    delen = waarde[:10].split("-")
    try:
        jaar = int(delen[0])
        if len(delen) == 1:
            return dt.date(jaar, 12, 31) if laatst else dt.date(jaar, 1, 1)
        maand = int(delen[1])
        if len(delen) == 2:
            if not laatst:
                return dt.date(jaar, maand, 1)
            volgende = dt.date(jaar + maand // 12, maand % 12 + 1, 1)
            return volgende - dt.timedelta(days=1)
        return dt.date(jaar, maand, int(delen[2]))
    except ValueError:
        return None


def levensduur(opgericht: Iterable[str], opgeheven: Iterable[str]) -> int | None:
    """The longest lifetime in days the stated dates allow; None when either end is unknown."""
    begin = [d for w in opgericht if (d := _datum(w, False))]
    eind = [d for w in opgeheven if (d := _datum(w, True))]
    if not begin or not eind:
        return None
    return (max(eind) - min(begin)).days


def bestuurders_van_kort_bestaande(
    alle: Iterable[Rand],
    schemas: Mapping[str, str],
    dagen: Mapping[str, int | None],
    *,
    drempel: int = MIN_KORT_BESTAANDE,
    kort: int = KORT_BESTAAND_DAGEN,
) -> list[Patroon]:
    """`dagen` maps an organisation to its longest possible lifetime (see `levensduur`)."""
    per_bestuurder: dict[str, set[str]] = defaultdict(set)
    for r in alle:
        if r.soort is not Relatie.BESTUUR or not _organisatie(schemas.get(r.naar)):
            continue
        duur = dagen.get(r.naar)
        if duur is not None and duur < kort:
            per_bestuurder[r.van].add(r.naar)
    uit = [
        Patroon(
            Patroonsoort.BESTUURDER_KORT_BESTAANDE,
            persoon,
            tuple(sorted(orgs)),
            f"bestuurder van {len(orgs)} organisaties die elk korter dan {kort} dagen "
            f"bestonden (signaleringsgrens: {drempel}).",
        )
        for persoon, orgs in per_bestuurder.items()
        if len(orgs) >= drempel
    ]
    return sorted(uit, key=lambda p: (-len(p.betrokken), p.kern))


def houders_per_rekening(alle: Iterable[Rand], schemas: Mapping[str, str]) -> dict[str, set[str]]:
    """Accounts held by more than one person."""
    per: dict[str, set[str]] = defaultdict(set)
    for r in alle:
        if r.soort is Relatie.REKENING and _is(schemas.get(r.van), "Person"):
            per[r.naar].add(r.van)
    return {k: v for k, v in per.items() if len(v) > 1}


def gedeelde_rekeningen(houders: Mapping[str, set[str]], alle: Iterable[Rand]) -> list[Patroon]:
    """Accounts whose holders fall apart into groups with no known tie between them: no
    relation between two of them and no address they share. `alle` must hold the edges at
    every holder."""
    randen_lijst = list(alle)
    adressen: dict[str, set[str]] = defaultdict(set)
    band: dict[str, set[str]] = defaultdict(set)
    for r in randen_lijst:
        if r.soort is Relatie.ADRES:
            adressen[r.van].add(r.naar)
        elif r.soort is not Relatie.REKENING:
            band[r.van].add(r.naar)
            band[r.naar].add(r.van)
    uit = []
    for rekening, personen in houders.items():
        groepen = _groepen(sorted(personen), adressen, band)
        if len(groepen) < 2:
            continue
        uit.append(
            Patroon(
                Patroonsoort.GEDEELDE_REKENING,
                rekening,
                tuple(sorted(personen)),
                f"{len(personen)} personen houden deze rekening; tussen {len(groepen)} groepen "
                "van hen is geen relatie bekend (geen familie-, zakelijke of andere band en geen "
                "gedeeld adres in de gegevens die u mag zien).",
            )
        )
    return sorted(uit, key=lambda p: (-len(p.betrokken), p.kern))


def _groepen(
    personen: list[str], adressen: Mapping[str, set[str]], band: Mapping[str, set[str]]
) -> list[set[str]]:
    plek = {p: i for i, p in enumerate(personen)}
    paren = [
        (plek[a], plek[b])
        for i, a in enumerate(personen)
        for b in personen[i + 1 :]
        if b in band.get(a, set()) or adressen.get(a, set()) & adressen.get(b, set())
    ]
    x = np.asarray([p[0] for p in paren], dtype=np.int64)
    y = np.asarray([p[1] for p in paren], dtype=np.int64)
    per: dict[int, set[str]] = defaultdict(set)
    for p, label in zip(personen, componenten(len(personen), x, y).tolist(), strict=True):
        per[label].add(p)
    return list(per.values())
