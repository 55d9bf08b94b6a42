# SPDX-License-Identifier: EUPL-1.2
"""One Alembic tree for SQLite and PostgreSQL: up, down and up again; models match the schema."""

from __future__ import annotations

import sqlalchemy as sa
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext

from integraal.opslag.db import maak_engine
from integraal.opslag.modellen import Basis
from integraal.opslag.schema import eigen_object, migreer, terug


def test_op_neer_op(database_url: str) -> None:
    engine = maak_engine(database_url)
    migreer(engine)
    terug(engine, "base")
    assert set(sa.inspect(engine).get_table_names()) <= {"alembic_version"}
    migreer(engine)
    with engine.connect() as c:
        assert c.execute(sa.text("SELECT volgnummer, keten_hash FROM logboek_kop")).one() == (
            0,
            "0" * 64,
        )
    engine.dispose()


def test_modellen_en_migraties_lopen_gelijk(database_url: str) -> None:
    engine = maak_engine(database_url)
    migreer(engine)
    with engine.connect() as c:
        verschil = compare_metadata(
            MigrationContext.configure(
                c, opts={"compare_type": True, "include_object": eigen_object}
            ),
            Basis.metadata,
        )
    engine.dispose()
    assert verschil == [], "maak een nieuwe migratie: de modellen wijken af van het schema"
