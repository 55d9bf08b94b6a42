# SPDX-License-Identifier: EUPL-1.2
"""Monitor, complete: whether an indicator's breakdown adds up, and a case's theme.

Revision ID: 0014
Revises: 0013
Create Date: 2026-11-30 03:00:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0014"
down_revision = "0013"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("indicator", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("optelbaar", sa.Boolean(), nullable=False, server_default=sa.true())
        )
    with op.batch_alter_table("casus", schema=None) as batch_op:
        batch_op.add_column(sa.Column("thema", sa.String(length=30), nullable=True))
        batch_op.create_index(batch_op.f("ix_casus_thema"), ["thema"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("casus", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_casus_thema"))
        batch_op.drop_column("thema")
    with op.batch_alter_table("indicator", schema=None) as batch_op:
        batch_op.drop_column("optelbaar")
