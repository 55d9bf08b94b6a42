# SPDX-License-Identifier: EUPL-1.2
"""Alembic environment: one migration tree for SQLite and PostgreSQL."""

from __future__ import annotations

from alembic import context
from sqlalchemy import Connection

from integraal.opslag.db import maak_engine
from integraal.opslag.modellen import Basis
from integraal.opslag.schema import eigen_object

config = context.config


def _run(connection: Connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=Basis.metadata,
        render_as_batch=connection.dialect.name == "sqlite",
        compare_type=True,
        include_object=eigen_object,
    )
    with context.begin_transaction():
        context.run_migrations()


connection = config.attributes.get("connection")
if connection is not None:
    _run(connection)
else:
    engine = maak_engine(config.get_main_option("sqlalchemy.url") or "")
    with engine.connect() as conn:
        _run(conn)
    engine.dispose()
