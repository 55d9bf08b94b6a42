# SPDX-License-Identifier: EUPL-1.2
"""Invitations (issue 25): a link with which an invited person sets their own password.

Revision ID: 0026
Revises: 0025
Create Date: 2026-11-30 19:00:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0026"
down_revision = "0025"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "uitnodiging",
        sa.Column("token_hash", sa.String(length=64), nullable=False),
        sa.Column("gebruiker_id", sa.Integer(), nullable=False),
        sa.Column("aangemaakt_door", sa.Integer(), nullable=False),
        sa.Column("aangemaakt_op", sa.DateTime(timezone=True), nullable=False),
        sa.Column("verloopt_op", sa.DateTime(timezone=True), nullable=False),
        sa.Column("gebruikt_op", sa.DateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(
            ["gebruiker_id"],
            ["gebruiker.id"],
            name=op.f("fk_uitnodiging_gebruiker_id_gebruiker"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["aangemaakt_door"],
            ["gebruiker.id"],
            name=op.f("fk_uitnodiging_aangemaakt_door_gebruiker"),
        ),
        sa.PrimaryKeyConstraint("token_hash", name=op.f("pk_uitnodiging")),
    )
    with op.batch_alter_table("uitnodiging") as t:
        t.create_index(t.f("ix_uitnodiging_gebruiker_id"), ["gebruiker_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("uitnodiging") as t:
        t.drop_index(t.f("ix_uitnodiging_gebruiker_id"))
    op.drop_table("uitnodiging")
