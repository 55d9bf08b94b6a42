# SPDX-License-Identifier: EUPL-1.2
"""Versions of the rule catalogue in the database (issue 25): the one in force, earlier ones
and proposals waiting for approval. Filled with the shipped catalogue when the app starts.

Revision ID: 0027
Revises: 0026
Create Date: 2026-11-30 19:30:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0027"
down_revision = "0026"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "catalogusversie",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("versie", sa.String(length=40), nullable=False),
        sa.Column("tekst", sa.Text(), nullable=False),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("toelichting", sa.Text(), nullable=False),
        sa.Column("voorgesteld_door", sa.Integer(), nullable=True),
        sa.Column("voorgesteld_op", sa.DateTime(timezone=True), nullable=False),
        sa.Column("beoordeeld_door", sa.Integer(), nullable=True),
        sa.Column("beoordeeld_op", sa.DateTime(timezone=True), nullable=True),
        sa.Column("oordeel", sa.Text(), nullable=True),
        sa.Column("actief_vanaf", sa.DateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(
            ["voorgesteld_door"],
            ["gebruiker.id"],
            name=op.f("fk_catalogusversie_voorgesteld_door_gebruiker"),
        ),
        sa.ForeignKeyConstraint(
            ["beoordeeld_door"],
            ["gebruiker.id"],
            name=op.f("fk_catalogusversie_beoordeeld_door_gebruiker"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_catalogusversie")),
        sa.UniqueConstraint("versie", name=op.f("uq_catalogusversie_versie")),
    )
    with op.batch_alter_table("catalogusversie") as t:
        t.create_index(t.f("ix_catalogusversie_status"), ["status"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("catalogusversie") as t:
        t.drop_index(t.f("ix_catalogusversie_status"))
    op.drop_table("catalogusversie")
