# SPDX-License-Identifier: EUPL-1.2
"""Staged statements without a foreign key to their delivery: the key was checked once per
staged row (on PostgreSQL a trigger each, about a twentieth of a delivery of 10,000 rows)
and guarded nothing that is not guarded otherwise. A delivery's row is written and committed
before it stages anything, deliveries are never deleted, and staged rows are scratch: moved
or removed when their delivery ends, and removed by recovery when it does not
(decision record 0022, "Deliveries, fourth pass").

Revision ID: 0032
Revises: 0031
Create Date: 2026-12-01 14:00:00
"""

from __future__ import annotations

from alembic import op

revision = "0032"
down_revision = "0031"
branch_labels = None
depends_on = None

_NAAM = "fk_statement_klaargezet_levering_id_levering"


def upgrade() -> None:
    with op.batch_alter_table("statement_klaargezet") as tabel:
        tabel.drop_constraint(_NAAM, type_="foreignkey")


def downgrade() -> None:
    with op.batch_alter_table("statement_klaargezet") as tabel:
        tabel.create_foreign_key(_NAAM, "levering", ["levering_id"], ["id"], ondelete="CASCADE")
