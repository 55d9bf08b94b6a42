# SPDX-License-Identifier: EUPL-1.2
"""The job queue's tables on PostgreSQL (procrastinate 3.10.0), so deliveries, matching runs
and the report can be carried out by workers in other processes (issue 24). SQLite needs
nothing: there the app process carries out its own background work.

Revision ID: 0024
Revises: 0023
Create Date: 2026-11-30 17:00:00
"""

from __future__ import annotations

from pathlib import Path

from alembic import op

revision = "0024"
down_revision = "0023"
branch_labels = None
depends_on = None

SCHEMA = Path(__file__).parents[1] / "sql" / "procrastinate-3.10.0.sql"
TABELLEN = (
    "procrastinate_events",
    "procrastinate_periodic_defers",
    "procrastinate_jobs",
    "procrastinate_workers",
)
TYPEN = (
    "procrastinate_job_to_defer_v1",
    "procrastinate_job_event_type",
    "procrastinate_job_status",
)


def _pg() -> bool:
    return op.get_bind().dialect.name == "postgresql"


def upgrade() -> None:
    if not _pg():
        return
    # The file holds functions with $$ bodies and many statements: psycopg runs it as one
    # simple query when no parameters are passed, which SQLAlchemy's text() would not do.
    cursor = op.get_bind().connection.dbapi_connection.cursor()  # type: ignore[union-attr]
    cursor.execute(SCHEMA.read_text(encoding="utf-8"))


def downgrade() -> None:
    if not _pg():
        return
    for tabel in TABELLEN:
        op.execute(f"DROP TABLE IF EXISTS {tabel} CASCADE")
    op.execute(
        """
        DO $$
        DECLARE f record;
        BEGIN
            FOR f IN SELECT p.oid::regprocedure AS naam FROM pg_proc p
                     JOIN pg_namespace n ON n.oid = p.pronamespace
                     WHERE n.nspname = current_schema() AND p.proname LIKE 'procrastinate\\_%'
            LOOP
                EXECUTE 'DROP FUNCTION ' || f.naam || ' CASCADE';
            END LOOP;
        END $$;
        """
    )
    for type_ in TYPEN:
        op.execute(f"DROP TYPE IF EXISTS {type_} CASCADE")
