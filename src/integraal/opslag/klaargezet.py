# SPDX-License-Identifier: EUPL-1.2
"""Reading back what a delivery staged: its entities, with the BSN pseudonym that names a
person. Only the door reads these rows."""

from __future__ import annotations

from collections.abc import Iterator
from typing import NamedTuple

from sqlalchemy import Table, and_, case, func, literal_column, select
from sqlalchemy.orm import Session

from integraal.opslag.modellen import KlaargezetStatement

PERSOONSGEGEVENS = True

_KLAAR: Table = KlaargezetStatement.__table__  # type: ignore[assignment]


class Entiteit(NamedTuple):
    """What the log line of one delivered entity needs: its categories and its subject."""

    entity_id: str
    schema: str
    categorieen: tuple[str, ...]
    bsn_pseudoniem: str | None  # the first one staged; it names the subject


def entiteiten(sessie: Session, levering_id: str, per: int) -> Iterator[list[Entiteit]]:
    """The entities a delivery staged, in the order they first appear, `per` at a time.

    Read back from the staged rows, so a delivery of a million rows does not hold a summary
    of every entity in memory until its end. Only the door reads them (`toegang.ontvangst`),
    to log each entity as received."""
    k = _KLAAR.c
    pg = sessie.get_bind().dialect.name == "postgresql"
    # `is_pseudoniem` in SQL: a substring test (SQLite's LIKE ignores case).
    pseudo = and_(
        k.prop_type == "identifier",
        (func.strpos if pg else func.instr)(k.value, "-pseudo:") > 0,
    )
    categorieen = (
        func.string_agg(k.categorie.distinct(), literal_column("','"))
        if pg
        else func.group_concat(k.categorie.distinct())
    )
    per_entiteit = (
        select(
            k.entity_id,
            func.min(k.schema).label("schema"),
            categorieen.label("categorieen"),
            func.min(k.nr).label("eerste"),
            func.min(case((pseudo, k.nr))).label("bsn_nr"),
        )
        .where(k.levering_id == levering_id)
        .group_by(k.entity_id)
        .subquery()
    )
    bsn = _KLAAR.alias("bsn")
    q = (
        select(
            per_entiteit.c.entity_id, per_entiteit.c.schema, per_entiteit.c.categorieen, bsn.c.value
        )
        .outerjoin(bsn, bsn.c.nr == per_entiteit.c.bsn_nr)
        .order_by(per_entiteit.c.eerste)
    )
    for deel in sessie.execute(q, execution_options={"yield_per": per}).partitions():
        yield [
            Entiteit(eid, schema, tuple(sorted(cats.split(","))), waarde)
            for eid, schema, cats, waarde in deel
        ]
