# SPDX-License-Identifier: EUPL-1.2
"""Web sessions on the server; a token remembers what it was granted on.

Revision ID: 0017
Revises: 0016
Create Date: 2026-11-30 06:00:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0017"
down_revision = "0016"
branch_labels = None
depends_on = None

_TIJD = sa.DateTime(timezone=True)


def upgrade() -> None:
    op.create_table(
        "websessie",
        sa.Column("id", sa.String(length=64), nullable=False),
        sa.Column("gebruiker_id", sa.Integer(), nullable=True),
        sa.Column("gegevens", sa.JSON(), nullable=False),
        sa.Column("aangemaakt_op", _TIJD, nullable=False),
        sa.Column("gebruikt_op", _TIJD, nullable=False),
        sa.ForeignKeyConstraint(
            ["gebruiker_id"], ["gebruiker.id"], name=op.f("fk_websessie_gebruiker_id_gebruiker")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_websessie")),
    )
    op.create_index(op.f("ix_websessie_gebruiker_id"), "websessie", ["gebruiker_id"])
    op.create_index(op.f("ix_websessie_gebruikt_op"), "websessie", ["gebruikt_op"])
    # Tokens given before this version carry no fingerprint and stop working: their holders
    # ask a new one (tokens last 12 hours anyway).
    with op.batch_alter_table("token") as t:
        t.add_column(sa.Column("stempel", sa.String(length=64), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("token") as t:
        t.drop_column("stempel")
    op.drop_index(op.f("ix_websessie_gebruikt_op"), table_name="websessie")
    op.drop_index(op.f("ix_websessie_gebruiker_id"), table_name="websessie")
    op.drop_table("websessie")
