# SPDX-License-Identifier: EUPL-1.2
"""Staged statements without a key on the statement, and on PostgreSQL UNLOGGED and filled
by COPY: a delivery stages faster, and what a crash leaves of it is thrown away regardless.
Decision record 0022.

The table holds only the statements of deliveries in progress, which recovery removes on
start-up, so it is made anew rather than altered.

Revision ID: 0021
Revises: 0020
Create Date: 2026-11-30 14:00:00
"""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa
from alembic import op

revision = "0021"
down_revision = "0020"
branch_labels = None
depends_on = None

_KOLOMMEN = (
    ("id", sa.String(length=64), False),
    ("entity_id", sa.String(length=128), False),
    ("schema", sa.String(length=60), False),
    ("prop", sa.String(length=60), False),
    ("prop_type", sa.String(length=30), False),
    ("value", sa.Text(), False),
    ("original_value", sa.Text(), True),
    ("dataset", sa.String(length=120), False),
    ("bron_id", sa.String(length=80), False),
    ("houder_id", sa.String(length=80), False),
    ("casus_id", sa.String(length=40), True),
    ("source_record_id", sa.String(length=200), False),
    ("categorie", sa.String(length=60), False),
    ("grondslag", sa.String(length=60), False),
)


def _maak(*, met_sleutel: bool) -> None:
    pg = op.get_bind().dialect.name == "postgresql"
    kolommen: list[sa.Column[Any]] = [
        sa.Column(naam, soort, nullable=leeg) for naam, soort, leeg in _KOLOMMEN
    ]
    if met_sleutel:  # as migration 0019 made it
        sleutel = sa.PrimaryKeyConstraint("levering_id", "id", name=op.f("pk_statement_klaargezet"))
    else:
        kolommen.insert(
            0,
            sa.Column(
                "nr",
                sa.BigInteger().with_variant(sa.Integer(), "sqlite"),
                autoincrement=True,
                nullable=False,
            ),
        )
        sleutel = sa.PrimaryKeyConstraint("nr", name=op.f("pk_statement_klaargezet"))
    op.create_table(
        "statement_klaargezet",
        sa.Column("levering_id", sa.String(length=36), nullable=False),
        *kolommen,
        sa.ForeignKeyConstraint(
            ["levering_id"],
            ["levering.id"],
            name=op.f("fk_statement_klaargezet_levering_id_levering"),
            ondelete="CASCADE",
        ),
        sleutel,
        prefixes=["UNLOGGED"] if pg and not met_sleutel else [],
    )


def upgrade() -> None:
    op.drop_table("statement_klaargezet")
    _maak(met_sleutel=False)


def downgrade() -> None:
    op.drop_table("statement_klaargezet")
    _maak(met_sleutel=True)
