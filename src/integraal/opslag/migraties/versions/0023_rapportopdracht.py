# SPDX-License-Identifier: EUPL-1.2
"""The PDF report's background job in the database instead of in one process's memory, so any
app process shows its step and serves its file (issue 24).

Revision ID: 0023
Revises: 0022
Create Date: 2026-11-30 15:00:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0023"
down_revision = "0022"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "rapportopdracht",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("gebruiker_id", sa.Integer(), nullable=False),
        sa.Column("stap", sa.String(length=20), nullable=False),
        sa.Column("begonnen", sa.DateTime(timezone=True), nullable=False),
        sa.Column("bestandsnaam", sa.String(length=200), nullable=False),
        sa.Column("melding", sa.Text(), nullable=False),
        sa.Column("inhoud", sa.LargeBinary(), nullable=True),
        sa.ForeignKeyConstraint(
            ["gebruiker_id"],
            ["gebruiker.id"],
            name=op.f("fk_rapportopdracht_gebruiker_id_gebruiker"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_rapportopdracht")),
    )
    with op.batch_alter_table("rapportopdracht") as t:
        t.create_index(t.f("ix_rapportopdracht_begonnen"), ["begonnen"], unique=False)


def downgrade() -> None:
    op.drop_table("rapportopdracht")
