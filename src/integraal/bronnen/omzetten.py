# SPDX-License-Identifier: EUPL-1.2
"""Pure conversion of delivered rows into statement values plus Dutch row errors."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from functools import cache, lru_cache
from typing import NamedTuple

from followthemoney import model, registry
from followthemoney.types.common import PropertyType
from followthemoney.util import make_entity_id

from integraal.bronnen.lezers import FtmRegel, Rij
from integraal.bronnen.mapping import Eigenschap, EntiteitSpec, Mapping
from integraal.domein.identificatie import VALIDATORS, OngeldigeWaarde

Pseudonimiseer = Callable[[str, str], str]
GEPSEUDONIMISEERD = frozenset({"bsn"})


@dataclass(frozen=True)
class Fout:
    rij: int
    kolom: str | None
    reden: str


class Waarde(NamedTuple):
    """One statement value. A tuple: a delivery makes one per value, millions of them."""

    entity_id: str
    schema: str
    prop: str
    prop_type: str
    value: str
    original_value: str | None
    categorie: str
    source_record_id: str


@dataclass
class RijUitkomst:
    nummer: int
    waarden: list[Waarde] = field(default_factory=list)
    fouten: list[Fout] = field(default_factory=list)
    weggelaten: int = 0


def ontbrekende_kolommen(mapping: Mapping, kop: Iterable[str]) -> list[str]:
    return sorted(mapping.kolommen - set(kop))


def _identificatie(soort: str, ruw: str, pseudonimiseer: Pseudonimiseer) -> tuple[str, str | None]:
    waarde = VALIDATORS[soort](ruw)
    if soort in GEPSEUDONIMISEERD:
        # The BSN itself never reaches storage; only its keyed pseudonym does.
        return pseudonimiseer(soort, waarde), None
    return waarde, (ruw if ruw != waarde else None)


# Distinct values remembered per delivery: a delivery repeats its postcodes, companies and
# accounts on many rows, and a check (an IBAN's bank look-up) or a pseudonym (an HMAC) costs
# far more than a look-up. Bounded, so a delivery of only distinct values stays flat in memory.
ONTHOUDEN = 65_536


def _schoon(soort: str, waarde: str) -> str | None:
    """A value cleaned as its FtM type does. By the type's name: remembered per value, and a
    PropertyType hashes in Python, a string in C."""
    return waarde if soort == "entity" else registry.get(soort).clean(waarde)


def _datum(ruw: str, formaat: str) -> str:
    """A date as `strptime` reads it, in ISO form. Most of a register's dates are distinct,
    so the cache rarely helps, and `strptime` costs about five times a date of digits that a
    pattern took apart (3 % of a delivery of 10,000 rows with one date each)."""
    patroon = _cijferpatroon(formaat)
    deel = patroon.fullmatch(ruw) if patroon is not None else None
    if deel is None:  # anything else (one digit, month names, times): as strptime reads it
        return dt.datetime.strptime(ruw, formaat).date().isoformat()
    return dt.date(int(deel["Y"]), int(deel["m"]), int(deel["d"])).isoformat()


@cache
def _cijferpatroon(formaat: str) -> re.Pattern[str] | None:
    """For a format of exactly %d, %m and %Y between literal characters, a pattern of two,
    two and four digits in their places. What it takes `strptime` reads the same way, and
    both refuse an impossible date (`dt.date` raises ValueError, as `strptime` does); other
    formats have none."""
    delen = re.split(r"(%.)", formaat)
    velden = delen[1::2]
    if sorted(velden) != ["%Y", "%d", "%m"] or any("%" in t for t in delen[0::2]):
        return None
    cijfers = {"%d": r"(?P<d>\d\d)", "%m": r"(?P<m>\d\d)", "%Y": r"(?P<Y>\d{4})"}
    return re.compile("".join(cijfers.get(d) or re.escape(d) for d in delen), re.ASCII)


@dataclass(frozen=True)
class _Veld:
    """An Eigenschap with what every row needs of it looked up once, not per row."""

    e: Eigenschap
    kolommen: tuple[str, ...]
    kolom: str  # the column(s) a row error names
    prop: str
    prop_type: str
    soort: PropertyType


@dataclass(frozen=True)
class _Plan:
    spec: EntiteitSpec
    velden: tuple[_Veld, ...]


def _plan(spec: EntiteitSpec) -> _Plan:
    schema = model.get(spec.schema_)
    assert schema is not None  # checked when the mapping was read
    velden = []
    for e in spec.eigenschappen:
        prop = schema.get(e.eigenschap)
        assert prop is not None
        velden.append(
            _Veld(e, e.bronkolommen, ",".join(e.bronkolommen), prop.name, prop.type.name, prop.type)
        )
    return _Plan(spec, tuple(velden))


class _Rijomzetter:
    def __init__(self, mapping: Mapping, pseudonimiseer: Pseudonimiseer) -> None:
        self.mapping = mapping
        self.pseudonimiseer = pseudonimiseer
        self.plannen = tuple(_plan(spec) for spec in mapping.entiteiten)
        # A refused value raises, and is not remembered: checked again where it recurs.
        self._identificeer = lru_cache(maxsize=ONTHOUDEN)(
            lambda soort, ruw: _identificatie(soort, ruw, pseudonimiseer)
        )
        self._schoon = lru_cache(maxsize=ONTHOUDEN)(_schoon)
        self._datum = lru_cache(maxsize=ONTHOUDEN)(_datum)
        # A person, an address or a company recurs on many rows: its id is a hash of its parts.
        self._maak_id = lru_cache(maxsize=ONTHOUDEN)(make_entity_id)
        # A column is normalised the same way wherever it is used in an id, so a raw BSN never
        # feeds an entity id (a hash of 9 digits is easily reversed).
        self._kolom_identificatie: dict[str, str] = {}
        for spec in mapping.entiteiten:
            for e in spec.eigenschappen:
                if e.kolom and e.identificatie:
                    self._kolom_identificatie[e.kolom] = e.identificatie

    def _entiteit_id(self, spec: EntiteitSpec, rij: Rij, uit: RijUitkomst) -> str | None:
        delen: list[str] = []
        for kolom in spec.id_kolommen:
            ruw = rij.waarden.get(kolom, "").strip()
            if not ruw:
                return None
            soort = self._kolom_identificatie.get(kolom)
            if soort:
                try:
                    ruw, _ = self._identificeer(soort, ruw)
                except OngeldigeWaarde as exc:
                    uit.fouten.append(Fout(rij.nummer, kolom, str(exc)))
                    return None
            delen.append(ruw)
        eid: str | None = self._maak_id(self.mapping.dataset, spec.sleutel, *delen)
        return eid

    def _waarde(
        self, v: _Veld, rij: Rij, ids: dict[str, str], uit: RijUitkomst
    ) -> tuple[str, str | None] | None:
        e = v.e
        if e.entiteit is not None:
            ref = ids.get(e.entiteit)
            return (ref, None) if ref else None
        waarden = rij.waarden
        if len(v.kolommen) == 1:
            ruw = waarden.get(v.kolommen[0], "").strip()
        else:
            delen = [waarden.get(k, "").strip() for k in v.kolommen]
            ruw = e.scheiding.join(d for d in delen if d)
        if not ruw:
            if e.verplicht:
                uit.fouten.append(Fout(rij.nummer, v.kolom, "verplichte waarde ontbreekt"))
            return None
        if e.identificatie:
            try:
                return self._identificeer(e.identificatie, ruw)
            except OngeldigeWaarde as exc:
                uit.fouten.append(Fout(rij.nummer, v.kolom, str(exc)))
                return None
        if e.datumformaat:
            try:
                return self._datum(ruw, e.datumformaat), ruw
            except ValueError:
                voorbeeld = dt.date(2024, 12, 31).strftime(e.datumformaat)
                uit.fouten.append(
                    Fout(rij.nummer, v.kolom, f"datum moet de vorm {voorbeeld} hebben")
                )
                return None
        return ruw, None

    def zet_om(self, rij: Rij) -> RijUitkomst:
        uit = RijUitkomst(rij.nummer)
        ids: dict[str, str] = {}
        for plan in self.plannen:
            eid = self._entiteit_id(plan.spec, rij, uit)
            if eid:
                ids[plan.spec.sleutel] = eid
        record = "|".join(rij.waarden.get(k, "") for k in self.mapping.record_id)
        record = record or f"rij-{rij.nummer}"
        waarden = uit.waarden
        for plan in self.plannen:
            eid = ids.get(plan.spec.sleutel)
            if eid is None:
                continue
            schema = plan.spec.schema_
            for v in plan.velden:
                gevonden = self._waarde(v, rij, ids, uit)
                if gevonden is None:
                    continue
                waarde, origineel = gevonden
                schoon = self._schoon(v.prop_type, waarde)
                if schoon is None:
                    uit.fouten.append(
                        Fout(
                            rij.nummer,
                            v.kolom or v.e.eigenschap,
                            f"waarde past niet bij het type '{v.soort.label}'",
                        )
                    )
                    continue
                if origineel is None and schoon != waarde:
                    origineel = waarde
                waarden.append(
                    Waarde(
                        eid, schema, v.prop, v.prop_type, schoon, origineel, v.e.categorie, record
                    )
                )
        # A bad id column is reported once, however many entities use it.
        if len(uit.fouten) > 1:
            uit.fouten = list(dict.fromkeys(uit.fouten))
        return uit


def zet_tabel_om(
    mapping: Mapping, rijen: Iterable[Rij], pseudonimiseer: Pseudonimiseer
) -> Iterator[RijUitkomst]:
    omzetter = _Rijomzetter(mapping, pseudonimiseer)
    for rij in rijen:
        yield omzetter.zet_om(rij)


def zet_ftm_om(mapping: Mapping, regels: Iterable[FtmRegel]) -> Iterator[RijUitkomst]:
    for regel in regels:
        uit = RijUitkomst(regel.nummer)
        if regel.fout or regel.entiteit is None:
            uit.fouten.append(Fout(regel.nummer, None, regel.fout or "lege regel"))
            yield uit
            continue
        data = regel.entiteit
        schema_naam = str(data["schema"])
        toegestaan = mapping.ftm.get(schema_naam)
        schema = model.get(schema_naam)
        if toegestaan is None or schema is None:
            uit.fouten.append(
                Fout(regel.nummer, "schema", f"schema '{schema_naam}' hoort niet bij deze levering")
            )
            yield uit
            continue
        # Partner ids are only unique within the partner's dataset.
        eid = make_entity_id(mapping.dataset, str(data["id"]))
        assert eid is not None  # the id is non-empty, checked by lees_ftm
        eigenschappen = data.get("properties") or {}
        if not isinstance(eigenschappen, dict):
            uit.fouten.append(Fout(regel.nummer, "properties", "properties moet een object zijn"))
            yield uit
            continue
        for prop_naam, waarden in eigenschappen.items():
            categorie = toegestaan.get(prop_naam)
            lijst = waarden if isinstance(waarden, list) else [waarden]
            if categorie is None:
                uit.weggelaten += len(lijst)
                continue
            prop = schema.get(prop_naam)
            assert prop is not None
            for ruw in lijst:
                ruw_s = str(ruw)
                if prop.type.name == "entity":
                    schoon: str | None = make_entity_id(mapping.dataset, ruw_s)
                else:
                    schoon = prop.type.clean(ruw_s)
                if schoon is None:
                    uit.fouten.append(
                        Fout(
                            regel.nummer,
                            prop_naam,
                            f"waarde past niet bij het type '{prop.type.label}'",
                        )
                    )
                    continue
                origineel = ruw_s if schoon != ruw_s and prop.type.name != "entity" else None
                uit.waarden.append(
                    Waarde(
                        eid,
                        schema_naam,
                        prop_naam,
                        prop.type.name,
                        schoon,
                        origineel,
                        categorie,
                        str(data["id"]),
                    )
                )
        yield uit
