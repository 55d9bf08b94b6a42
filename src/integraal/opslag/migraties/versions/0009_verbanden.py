# SPDX-License-Identifier: EUPL-1.2
"""Verbanden: the register of sharing bottlenecks (knelpunten) and the WGS duty to inform a
data subject or defer it (informatieplicht).

Revision ID: 0009
Revises: 0008
Create Date: 2026-11-29 16:02:14.681030
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "knelpunt",
        sa.Column("id", sa.String(length=20), nullable=False),
        sa.Column("titel", sa.String(length=300), nullable=False),
        sa.Column("bron", sa.String(length=20), nullable=False),
        sa.Column("bron_id", sa.String(length=40), nullable=True),
        sa.Column("thema", sa.String(length=40), nullable=True),
        sa.Column("soort", sa.String(length=30), nullable=False),
        sa.Column("verstrekker_id", sa.String(length=80), nullable=True),
        sa.Column("ontvanger_id", sa.String(length=80), nullable=True),
        sa.Column("verband_id", sa.String(length=80), nullable=True),
        sa.Column("categorieen", sa.JSON(), nullable=False),
        sa.Column("doel", sa.String(length=60), nullable=True),
        sa.Column("regels", sa.JSON(), nullable=False),
        sa.Column("omschrijving", sa.Text(), nullable=False),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("escalatie_naar", sa.String(length=200), nullable=True),
        sa.Column("geescaleerd_op", sa.Date(), nullable=True),
        sa.Column("escalatie_uitkomst", sa.Text(), nullable=True),
        sa.Column("oplossing_soort", sa.String(length=30), nullable=True),
        sa.Column("oplossing", sa.Text(), nullable=True),
        sa.Column("opgelost_op", sa.Date(), nullable=True),
        sa.Column("hergebruik", sa.JSON(), nullable=False),
        sa.Column("organisatie_id", sa.String(length=80), nullable=False),
        sa.Column("aangemaakt_door", sa.Integer(), nullable=False),
        sa.Column(
            "aangemaakt_op",
            sa.DateTime(timezone=True),
            nullable=False,
        ),
        sa.Column(
            "gewijzigd_op",
            sa.DateTime(timezone=True),
            nullable=False,
        ),
        sa.ForeignKeyConstraint(
            ["aangemaakt_door"],
            ["gebruiker.id"],
            name=op.f("fk_knelpunt_aangemaakt_door_gebruiker"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_knelpunt")),
    )
    with op.batch_alter_table("knelpunt", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_knelpunt_status"), ["status"], unique=False)
        batch_op.create_index(batch_op.f("ix_knelpunt_thema"), ["thema"], unique=False)
        batch_op.create_index(batch_op.f("ix_knelpunt_verband_id"), ["verband_id"], unique=False)

    op.create_table(
        "informatieplicht",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("casus_id", sa.String(length=40), nullable=False),
        sa.Column("entity_id", sa.String(length=128), nullable=False),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("reden", sa.String(length=40), nullable=True),
        sa.Column("toelichting", sa.Text(), nullable=True),
        sa.Column("wijze", sa.String(length=40), nullable=True),
        sa.Column("datum", sa.Date(), nullable=False),
        sa.Column("herzien_op", sa.Date(), nullable=True),
        sa.Column("vastgelegd_door", sa.Integer(), nullable=False),
        sa.Column(
            "vastgelegd_op",
            sa.DateTime(timezone=True),
            nullable=False,
        ),
        sa.ForeignKeyConstraint(
            ["casus_id"], ["casus.id"], name=op.f("fk_informatieplicht_casus_id_casus")
        ),
        sa.ForeignKeyConstraint(
            ["vastgelegd_door"],
            ["gebruiker.id"],
            name=op.f("fk_informatieplicht_vastgelegd_door_gebruiker"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_informatieplicht")),
    )
    with op.batch_alter_table("informatieplicht", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_informatieplicht_casus_id"), ["casus_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_informatieplicht_herzien_op"), ["herzien_op"], unique=False
        )


def downgrade() -> None:
    with op.batch_alter_table("informatieplicht", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_informatieplicht_herzien_op"))
        batch_op.drop_index(batch_op.f("ix_informatieplicht_casus_id"))

    op.drop_table("informatieplicht")
    with op.batch_alter_table("knelpunt", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_knelpunt_verband_id"))
        batch_op.drop_index(batch_op.f("ix_knelpunt_thema"))
        batch_op.drop_index(batch_op.f("ix_knelpunt_status"))

    op.drop_table("knelpunt")
