# SPDX-License-Identifier: EUPL-1.2
"""A delivery's progress in the database (rows read, estimated rows) instead of in the memory
of the process that runs it, so every app process shows it (issue 24).

Revision ID: 0022
Revises: 0021
Create Date: 2026-11-30 14:45:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0022"
down_revision = "0021"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("levering") as t:
        t.add_column(sa.Column("rijen_gelezen", sa.Integer(), nullable=True))
        t.add_column(sa.Column("rijen_geschat", sa.Integer(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("levering") as t:
        t.drop_column("rijen_geschat")
        t.drop_column("rijen_gelezen")
