# SPDX-License-Identifier: EUPL-1.2
"""Rate-limit counters, shared by every app process; a second factor per account.

Revision ID: 0018
Revises: 0017
Create Date: 2026-11-30 06:30:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0018"
down_revision = "0017"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "drempelteller",
        sa.Column("sleutel", sa.String(length=64), nullable=False),
        sa.Column("begin", sa.DateTime(timezone=True), nullable=False),
        sa.Column("aantal", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("sleutel", name=op.f("pk_drempelteller")),
    )
    op.create_index(op.f("ix_drempelteller_begin"), "drempelteller", ["begin"])
    with op.batch_alter_table("gebruiker") as t:
        t.add_column(sa.Column("totp_geheim", sa.String(length=64), nullable=True))
        t.add_column(sa.Column("totp_laatste_stap", sa.Integer(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("gebruiker") as t:
        t.drop_column("totp_laatste_stap")
        t.drop_column("totp_geheim")
    op.drop_index(op.f("ix_drempelteller_begin"), table_name="drempelteller")
    op.drop_table("drempelteller")
