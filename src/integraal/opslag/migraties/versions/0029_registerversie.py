# SPDX-License-Identifier: EUPL-1.2
"""Versions of the partner register in the database (issue 25, item 5), each with the date
from which it applies. Filled with the shipped register when the app starts.

Revision ID: 0029
Revises: 0028
Create Date: 2026-11-30 20:00:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0029"
down_revision = "0028"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "registerversie",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("versie", sa.String(length=40), nullable=False),
        sa.Column("tekst", sa.Text(), nullable=False),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("geldig_van", sa.Date(), nullable=False),
        sa.Column("toelichting", sa.Text(), nullable=False),
        sa.Column("voorgesteld_door", sa.Integer(), nullable=True),
        sa.Column("voorgesteld_op", sa.DateTime(timezone=True), nullable=False),
        sa.Column("beoordeeld_door", sa.Integer(), nullable=True),
        sa.Column("beoordeeld_op", sa.DateTime(timezone=True), nullable=True),
        sa.Column("oordeel", sa.Text(), nullable=True),
        sa.ForeignKeyConstraint(
            ["voorgesteld_door"],
            ["gebruiker.id"],
            name=op.f("fk_registerversie_voorgesteld_door_gebruiker"),
        ),
        sa.ForeignKeyConstraint(
            ["beoordeeld_door"],
            ["gebruiker.id"],
            name=op.f("fk_registerversie_beoordeeld_door_gebruiker"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_registerversie")),
        sa.UniqueConstraint("versie", name=op.f("uq_registerversie_versie")),
    )
    with op.batch_alter_table("registerversie") as t:
        t.create_index(t.f("ix_registerversie_status"), ["status"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("registerversie") as t:
        t.drop_index(t.f("ix_registerversie_status"))
    op.drop_table("registerversie")
