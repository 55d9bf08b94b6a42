# SPDX-License-Identifier: EUPL-1.2
"""Versions of delivery mappings in the database (issue 25): composed in the app, approved by
the receiving partnership's privacy officer, and the version each delivery was read with.

Revision ID: 0028
Revises: 0027
Create Date: 2026-11-30 20:00:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0028"
down_revision = "0027"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "mappingversie",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("naam", sa.String(length=80), nullable=False),
        sa.Column("versie", sa.Integer(), nullable=False),
        sa.Column("tekst", sa.Text(), nullable=False),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("partner_id", sa.String(length=80), nullable=False),
        sa.Column("ontvanger_id", sa.String(length=80), nullable=False),
        sa.Column("toelichting", sa.Text(), nullable=False),
        sa.Column("voorgesteld_door", sa.Integer(), nullable=True),
        sa.Column("voorgesteld_op", sa.DateTime(timezone=True), nullable=False),
        sa.Column("beoordeeld_door", sa.Integer(), nullable=True),
        sa.Column("beoordeeld_op", sa.DateTime(timezone=True), nullable=True),
        sa.Column("oordeel", sa.Text(), nullable=True),
        sa.ForeignKeyConstraint(
            ["voorgesteld_door"],
            ["gebruiker.id"],
            name=op.f("fk_mappingversie_voorgesteld_door_gebruiker"),
        ),
        sa.ForeignKeyConstraint(
            ["beoordeeld_door"],
            ["gebruiker.id"],
            name=op.f("fk_mappingversie_beoordeeld_door_gebruiker"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_mappingversie")),
        sa.UniqueConstraint("naam", "versie", name=op.f("uq_mappingversie_naam")),
    )
    with op.batch_alter_table("mappingversie") as t:
        t.create_index(t.f("ix_mappingversie_naam"), ["naam"], unique=False)
        t.create_index(t.f("ix_mappingversie_status"), ["status"], unique=False)
    # A plain ADD COLUMN: a batch copy of a filled, referenced table is refused on SQLite.
    op.add_column("levering", sa.Column("mapping_versie", sa.Integer(), nullable=True))


def downgrade() -> None:
    op.drop_column("levering", "mapping_versie")
    with op.batch_alter_table("mappingversie") as t:
        t.drop_index(t.f("ix_mappingversie_status"))
        t.drop_index(t.f("ix_mappingversie_naam"))
    op.drop_table("mappingversie")
