# SPDX-License-Identifier: EUPL-1.2
"""Motions and commitments: fields kept by the sync with the Tweede Kamer's open data.

Revision ID: 0007
Revises: 0006
Create Date: 2026-11-23 09:20:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("kameropdracht") as tabel:
        tabel.add_column(sa.Column("tk_id", sa.String(length=36), nullable=True))
        tabel.add_column(sa.Column("tk_gewijzigd_op", sa.DateTime(timezone=True), nullable=True))
        tabel.add_column(
            sa.Column("tk_verwijderd", sa.Boolean(), nullable=False, server_default=sa.false())
        )


def downgrade() -> None:
    with op.batch_alter_table("kameropdracht") as tabel:
        tabel.drop_column("tk_verwijderd")
        tabel.drop_column("tk_gewijzigd_op")
        tabel.drop_column("tk_id")
