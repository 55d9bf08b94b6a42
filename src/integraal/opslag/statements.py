# SPDX-License-Identifier: EUPL-1.2
"""Raw reads of partner statements.

Only `integraal.toegang` may import this module (checked by tests/test_architectuur.py): every
other reader goes through the policy-enforced layer, which passes the groups it was allowed.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any, NamedTuple

from followthemoney import registry
from sqlalchemy import (
    ColumnElement,
    Select,
    and_,
    delete,
    false,
    func,
    or_,
    select,
    tuple_,
    union,
)
from sqlalchemy.orm import Session

from integraal.opslag.leveringen import ZOEKINDEX, doorzoekbaar, groepsleutel
from integraal.opslag.modellen import Casus, Statement, StatementGroep

PERSOONSGEGEVENS = True

_PARTIJ = 500  # ids per IN clause: SQLite's variable limit stays far away
# Every property type, so an exact value is looked up through the (prop_type, value) index.
_TYPEN = sorted(t.name for t in registry.types)
# LIKE's wildcards: a term that holds one is escaped, which the trigram indexes cannot use.
_JOKERS = ("%", "_", "/")


class Gelezen(NamedTuple):
    """A statement as read: its columns as a tuple. Reads here change nothing, and making an
    ORM object of every row was most of a search's time spent reading its hits' values."""

    id: str
    entity_id: str
    schema: str
    prop: str
    prop_type: str
    value: str
    original_value: str | None
    dataset: str
    levering_id: str
    bron_id: str
    houder_id: str
    casus_id: str | None
    source_record_id: str
    categorie: str
    grondslag: str
    first_seen: dt.datetime
    last_seen: dt.datetime


_KOLOMMEN = [getattr(Statement, k) for k in Gelezen._fields]


def _lees(sessie: Session, q: Select[Any]) -> list[Gelezen]:
    return [Gelezen._make(r) for r in sessie.execute(q)]


class Groep(NamedTuple):
    """Statements that share holder, source, category and case share one rule decision."""

    houder_id: str
    bron_id: str
    categorie: str
    casus_id: str | None


def _groepen(sessie: Session, *waar: ColumnElement[bool]) -> list[Groep]:
    """Groups as kept at import (`statement_groep`), not a scan over every statement."""
    g = StatementGroep
    rijen = sessie.execute(
        select(g.houder_id, g.bron_id, g.categorie, g.casus_id).where(*waar).order_by(g.id)
    )
    return [Groep(*r) for r in rijen]


def groepen(sessie: Session) -> list[Groep]:
    return _groepen(sessie)


def groepen_van_entiteit(sessie: Session, entity_id: str) -> list[Groep]:
    return groepen_van_entiteiten(sessie, [entity_id]).get(entity_id, [])


def groepen_van_entiteiten(sessie: Session, entity_ids: Sequence[str]) -> dict[str, list[Groep]]:
    uit: dict[str, list[Groep]] = {}
    for i in range(0, len(entity_ids), _PARTIJ):
        for eid, houder, bron, categorie, casus in sessie.execute(
            select(
                Statement.entity_id,
                Statement.houder_id,
                Statement.bron_id,
                Statement.categorie,
                Statement.casus_id,
            )
            .where(Statement.entity_id.in_(entity_ids[i : i + _PARTIJ]))
            .distinct()
        ):
            uit.setdefault(eid, []).append(Groep(houder, bron, categorie, casus))
    return uit


def _in_groepen(toegestaan: Sequence[Groep]) -> ColumnElement[bool]:
    if not toegestaan:
        return false()
    return or_(
        *(
            and_(
                Statement.houder_id == g.houder_id,
                Statement.bron_id == g.bron_id,
                Statement.categorie == g.categorie,
                Statement.casus_id.is_(None)
                if g.casus_id is None
                else Statement.casus_id == g.casus_id,
            )
            for g in toegestaan
        )
    )


def _in_een_groep(toegestaan: Sequence[Groep]) -> ColumnElement[bool]:
    """What `_in_groepen` says, as one comparison of four columns with one bound list, for
    reads that the index on entity_id leads: there the groups only sift the rows found, and
    building (and keying for the statement cache) four comparisons per group cost more than
    the query. 'No case' compares as '', as in `groepsleutel`."""
    if not toegestaan:
        return false()
    s = Statement
    return and_(
        # Names the sources, so PostgreSQL reads only their partitions.
        s.bron_id.in_(sorted({g.bron_id for g in toegestaan})),
        tuple_(s.houder_id, s.bron_id, s.categorie, func.coalesce(s.casus_id, "")).in_(
            [(g.houder_id, g.bron_id, g.categorie, g.casus_id or "") for g in toegestaan]
        ),
    )


def statements_van(
    sessie: Session, entity_ids: Sequence[str], toegestaan: Sequence[Groep]
) -> list[Gelezen]:
    """Sorted by entity, property and value when `entity_ids` come sorted (as chunks of at
    most `_PARTIJ` ids are read one after the other)."""
    uit: list[Gelezen] = []
    for i in range(0, len(entity_ids), _PARTIJ):
        uit += _lees(
            sessie,
            select(*_KOLOMMEN)
            .where(Statement.entity_id.in_(entity_ids[i : i + _PARTIJ]), _in_een_groep(toegestaan))
            .order_by(Statement.entity_id, Statement.prop, Statement.value),
        )
    return uit


def zoek_entiteiten(
    sessie: Session,
    toegestaan: Sequence[Groep],
    *,
    term: str | None,
    exacte_waarden: Sequence[str] = (),
    schema: str | None,
    limiet: int,
    na: str | None = None,
) -> list[str]:
    """Entity ids whose allowed statements match; the match itself only sees allowed groups.
    A term is found as a substring of a text value, case folded, through the trigram index;
    an exact value (a BSN's pseudonym, an IBAN) through the value index."""
    if not toegestaan:
        return []
    delen: list[Select[Any]] = []
    if term:
        delen.append(_met_term(sessie, toegestaan, term.lower(), schema))
    if exacte_waarden:
        delen.append(
            _binnen(
                select(Statement.entity_id).where(
                    Statement.prop_type.in_(_TYPEN), Statement.value.in_(exacte_waarden)
                ),
                toegestaan,
                schema,
            )
        )
    if not delen:
        delen.append(_binnen(select(Statement.entity_id), toegestaan, schema))
    ids = union(*delen).subquery() if len(delen) > 1 else delen[0].subquery()
    q = select(ids.c.entity_id)
    if na:
        q = q.where(ids.c.entity_id > na)
    q = q.group_by(ids.c.entity_id).order_by(ids.c.entity_id).limit(limiet)
    return list(sessie.scalars(q))


def _binnen(q: Select[Any], toegestaan: Sequence[Groep], schema: str | None) -> Select[Any]:
    q = q.where(_in_groepen(toegestaan))
    return q.where(Statement.schema == schema) if schema else q


def _patroon(kolom: ColumnElement[str], term: str) -> ColumnElement[bool]:
    # One bound pattern is what both trigram indexes can use; an escaped one they cannot.
    if any(j in term for j in _JOKERS):
        return kolom.contains(term, autoescape=True)
    return kolom.like(f"%{term}%")


def _met_term(
    sessie: Session, toegestaan: Sequence[Groep], term: str, schema: str | None
) -> Select[Any]:
    if sessie.get_bind().dialect.name != "sqlite":
        return _binnen(
            select(Statement.entity_id).where(
                doorzoekbaar(Statement.prop_type, Statement.value),
                _patroon(func.lower(Statement.value), term),
            ),
            toegestaan,
            schema,
        )
    z = ZOEKINDEX.c
    groep_ids = select(StatementGroep.id).where(
        StatementGroep.sleutel.in_([groepsleutel(*g) for g in toegestaan])
    )
    q = select(z.entity_id).where(_patroon(z.waarde, term), z.groep_id.in_(groep_ids))
    return q.where(z.schema == schema) if schema else q


def pseudoniemen_van(sessie: Session, entity_ids: Sequence[str]) -> dict[str, str]:
    """Subject pseudonyms for the processing log, whatever the reader may see of the entity."""
    if not entity_ids:
        return {}
    rijen = sessie.execute(
        select(Statement.entity_id, Statement.value)
        .where(
            Statement.entity_id.in_(entity_ids),
            Statement.prop_type == "identifier",
            Statement.value.like("%-pseudo:%"),
        )
        .order_by(Statement.entity_id, Statement.value)
    )
    uit: dict[str, str] = {}
    for eid, waarde in rijen:
        uit.setdefault(eid, waarde)
    return uit


def groepen_van_gesloten_casussen(sessie: Session) -> list[tuple[str, str, dt.datetime]]:
    """(case, category, closed at) for every category of data held in a closed case."""
    g = StatementGroep
    rijen = sessie.execute(
        select(g.casus_id, g.categorie, Casus.gesloten_op)
        .join(Casus, Casus.id == g.casus_id)
        .where(Casus.status == "gesloten", Casus.gesloten_op.is_not(None))
        .distinct()
    )
    return [(c, k, t) for c, k, t in rijen if c is not None and t is not None]


def entiteiten_in_groep(sessie: Session, casus_id: str, categorie: str) -> list[tuple[str, str]]:
    return [
        (eid, schema)
        for eid, schema in sessie.execute(
            select(Statement.entity_id, Statement.schema)
            .where(Statement.casus_id == casus_id, Statement.categorie == categorie)
            .distinct()
        )
    ]


def verwijder_groep(sessie: Session, casus_id: str, categorie: str) -> int:
    """A case's data of one category, with its groups and their search entries."""
    van = and_(StatementGroep.casus_id == casus_id, StatementGroep.categorie == categorie)
    if sessie.get_bind().dialect.name == "sqlite":
        sessie.execute(
            delete(ZOEKINDEX).where(ZOEKINDEX.c.groep_id.in_(select(StatementGroep.id).where(van)))
        )
    uitkomst = sessie.execute(
        delete(Statement).where(Statement.casus_id == casus_id, Statement.categorie == categorie)
    )
    sessie.execute(delete(StatementGroep).where(van))
    return int(getattr(uitkomst, "rowcount", 0) or 0)


def heeft_casusgegevens(sessie: Session, casus_id: str) -> bool:
    return (
        sessie.scalar(select(StatementGroep.id).where(StatementGroep.casus_id == casus_id).limit(1))
        is not None
    )


def heeft_statements(sessie: Session, casus_id: str, entity_id: str) -> bool:
    return (
        sessie.scalar(
            select(func.count())
            .select_from(Statement)
            .where(Statement.casus_id == casus_id, Statement.entity_id == entity_id)
        )
        or 0
    ) > 0


def groepen_van_casus(sessie: Session, casus_id: str) -> list[Groep]:
    return _groepen(sessie, StatementGroep.casus_id == casus_id)


def statements_in(
    sessie: Session, toegestaan: Sequence[Groep], schemas: Sequence[str]
) -> list[Gelezen]:
    """All allowed statements of entities of the given schemas (a case's persons, addresses)."""
    if not toegestaan:
        return []
    return _lees(
        sessie,
        select(*_KOLOMMEN)
        .where(_in_groepen(toegestaan), Statement.schema.in_(schemas))
        .order_by(Statement.entity_id, Statement.prop, Statement.value),
    )


def groepen_voor_casus(sessie: Session, casus_id: str) -> list[Groep]:
    """The groups a case may draw on: its own and those not tied to any case (the rule engine
    still decides each)."""
    return _groepen(
        sessie, or_(StatementGroep.casus_id == casus_id, StatementGroep.casus_id.is_(None))
    )


def verwijzingen_rond(
    sessie: Session, toegestaan: Sequence[Groep], ids: Sequence[str], limiet: int
) -> tuple[list[Gelezen], bool]:
    """Allowed entity-valued statements of, or pointing at, the given entities; at most
    `limiet` referring entities (whole entities, so an edge never loses one of its ends), and
    whether there were more."""
    if not toegestaan or not ids:
        return [], False
    eids: list[str] = []
    for i in range(0, len(ids), _PARTIJ):
        deel = ids[i : i + _PARTIJ]
        eids += sessie.scalars(
            select(Statement.entity_id)
            .where(
                _in_groepen(toegestaan),
                Statement.prop_type == "entity",
                or_(Statement.value.in_(deel), Statement.entity_id.in_(deel)),
            )
            .group_by(Statement.entity_id)
            .order_by(Statement.entity_id)
            .limit(limiet + 1)
        )
    gekozen = sorted(set(eids))
    return verwijzingen_van(sessie, toegestaan, gekozen[:limiet]), len(gekozen) > limiet


def verwijzingen_van(
    sessie: Session, toegestaan: Sequence[Groep], entity_ids: Sequence[str]
) -> list[Gelezen]:
    uit: list[Gelezen] = []
    for i in range(0, len(entity_ids), _PARTIJ):
        uit += _lees(
            sessie,
            select(*_KOLOMMEN)
            .where(
                _in_een_groep(toegestaan),
                Statement.prop_type == "entity",
                Statement.entity_id.in_(entity_ids[i : i + _PARTIJ]),
            )
            .order_by(Statement.entity_id, Statement.prop, Statement.value),
        )
    return uit


def verwijzingen_met(
    sessie: Session, toegestaan: Sequence[Groep], schemas: Sequence[str], props: Sequence[str]
) -> list[Gelezen]:
    """Allowed entity-valued statements of some schemas and properties (a scan for patterns)."""
    if not toegestaan:
        return []
    return _lees(
        sessie,
        select(*_KOLOMMEN)
        .where(
            _in_groepen(toegestaan),
            Statement.prop_type == "entity",
            Statement.schema.in_(schemas),
            Statement.prop.in_(props),
        )
        .order_by(Statement.entity_id, Statement.prop, Statement.value),
    )


def schemas_van(
    sessie: Session, toegestaan: Sequence[Groep], entity_ids: Sequence[str]
) -> dict[str, str]:
    """The schema of each entity as the allowed groups type it (no values are read)."""
    uit: dict[str, str] = {}
    for i in range(0, len(entity_ids), _PARTIJ):
        for eid, schema in sessie.execute(
            select(Statement.entity_id, Statement.schema)
            .where(_in_een_groep(toegestaan), Statement.entity_id.in_(entity_ids[i : i + _PARTIJ]))
            .distinct()
        ):
            uit.setdefault(eid, schema)
    return uit
