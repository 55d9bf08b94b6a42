# SPDX-License-Identifier: EUPL-1.2
"""Hardening: counters for readable ids (concurrent transactions cannot take the same
number); who answered a data request, beside who approved it.

Revision ID: 0016
Revises: 0015
Create Date: 2026-11-30 05:00:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0016"
down_revision = "0015"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # Existing ids need no copy: a stem's first number starts after the highest in its table.
    op.create_table(
        "nummer",
        sa.Column("stam", sa.String(length=40), nullable=False),
        sa.Column("laatste", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("stam", name=op.f("pk_nummer")),
    )
    with op.batch_alter_table("deelverzoek") as t:
        t.add_column(sa.Column("beantwoord_door", sa.Integer(), nullable=True))
        t.add_column(sa.Column("beantwoord_op", sa.DateTime(timezone=True), nullable=True))
        t.create_foreign_key(
            op.f("fk_deelverzoek_beantwoord_door_gebruiker"),
            "gebruiker",
            ["beantwoord_door"],
            ["id"],
        )


def downgrade() -> None:
    with op.batch_alter_table("deelverzoek") as t:
        t.drop_constraint(op.f("fk_deelverzoek_beantwoord_door_gebruiker"), type_="foreignkey")
        t.drop_column("beantwoord_op")
        t.drop_column("beantwoord_door")
    op.drop_table("nummer")
