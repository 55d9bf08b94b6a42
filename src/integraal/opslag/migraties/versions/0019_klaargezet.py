# SPDX-License-Identifier: EUPL-1.2
"""Statements of a delivery in progress, kept apart until the delivery is complete; the
process carrying out a delivery or matching run.

Revision ID: 0019
Revises: 0018
Create Date: 2026-11-30 08:00:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0019"
down_revision = "0018"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "statement_klaargezet",
        sa.Column("levering_id", sa.String(length=36), nullable=False),
        sa.Column("id", sa.String(length=64), nullable=False),
        sa.Column("entity_id", sa.String(length=128), nullable=False),
        sa.Column("schema", sa.String(length=60), nullable=False),
        sa.Column("prop", sa.String(length=60), nullable=False),
        sa.Column("prop_type", sa.String(length=30), nullable=False),
        sa.Column("value", sa.Text(), nullable=False),
        sa.Column("original_value", sa.Text(), nullable=True),
        sa.Column("dataset", sa.String(length=120), nullable=False),
        sa.Column("bron_id", sa.String(length=80), nullable=False),
        sa.Column("houder_id", sa.String(length=80), nullable=False),
        sa.Column("casus_id", sa.String(length=40), nullable=True),
        sa.Column("source_record_id", sa.String(length=200), nullable=False),
        sa.Column("categorie", sa.String(length=60), nullable=False),
        sa.Column("grondslag", sa.String(length=60), nullable=False),
        sa.ForeignKeyConstraint(
            ["levering_id"],
            ["levering.id"],
            name=op.f("fk_statement_klaargezet_levering_id_levering"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("levering_id", "id", name=op.f("pk_statement_klaargezet")),
    )
    with op.batch_alter_table("levering") as t:
        t.add_column(sa.Column("verwerker", sa.String(length=200), nullable=True))
        t.add_column(sa.Column("levend_op", sa.DateTime(timezone=True), nullable=True))
    with op.batch_alter_table("kruistaak") as t:
        t.add_column(sa.Column("verwerker", sa.String(length=200), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("kruistaak") as t:
        t.drop_column("verwerker")
    with op.batch_alter_table("levering") as t:
        t.drop_column("levend_op")
        t.drop_column("verwerker")
    op.drop_table("statement_klaargezet")
