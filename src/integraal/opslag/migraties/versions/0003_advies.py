# SPDX-License-Identifier: EUPL-1.2
"""Enforcement advice, interventions with outcomes, and events for the monitor.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-23 10:26:11.358680
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "gebeurtenis",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("soort", sa.String(length=40), nullable=False),
        sa.Column("casus_id", sa.String(length=40), nullable=True),
        sa.Column("verband_id", sa.String(length=80), nullable=True),
        sa.Column("organisatie_id", sa.String(length=80), nullable=True),
        sa.Column("tijd", sa.DateTime(timezone=True), nullable=False),
        sa.Column("gegevens", sa.JSON(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_gebeurtenis")),
    )
    with op.batch_alter_table("gebeurtenis", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_gebeurtenis_soort"), ["soort"], unique=False)

    op.create_table(
        "advies",
        sa.Column("casus_id", sa.String(length=40), nullable=False),
        sa.Column("analyse", sa.Text(), nullable=False),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("opgesteld_door", sa.Integer(), nullable=False),
        sa.Column("vastgesteld_door", sa.Integer(), nullable=True),
        sa.Column("vastgesteld_op", sa.DateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(["casus_id"], ["casus.id"], name=op.f("fk_advies_casus_id_casus")),
        sa.ForeignKeyConstraint(
            ["opgesteld_door"], ["gebruiker.id"], name=op.f("fk_advies_opgesteld_door_gebruiker")
        ),
        sa.ForeignKeyConstraint(
            ["vastgesteld_door"],
            ["gebruiker.id"],
            name=op.f("fk_advies_vastgesteld_door_gebruiker"),
        ),
        sa.PrimaryKeyConstraint("casus_id", name=op.f("pk_advies")),
    )
    op.create_table(
        "interventie",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("casus_id", sa.String(length=40), nullable=False),
        sa.Column("soort", sa.String(length=20), nullable=False),
        sa.Column("maatregel", sa.String(length=60), nullable=False),
        sa.Column("eigenaar_id", sa.String(length=80), nullable=False),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("toelichting", sa.Text(), nullable=True),
        sa.Column("gestart_op", sa.Date(), nullable=True),
        sa.Column("afgerond_op", sa.Date(), nullable=True),
        sa.Column("uitkomst", sa.String(length=60), nullable=True),
        sa.Column("bedrag_centen", sa.BigInteger(), nullable=True),
        sa.Column("bijgewerkt_door", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ["bijgewerkt_door"],
            ["gebruiker.id"],
            name=op.f("fk_interventie_bijgewerkt_door_gebruiker"),
        ),
        sa.ForeignKeyConstraint(
            ["casus_id"], ["casus.id"], name=op.f("fk_interventie_casus_id_casus")
        ),
        sa.ForeignKeyConstraint(
            ["eigenaar_id"], ["organisatie.id"], name=op.f("fk_interventie_eigenaar_id_organisatie")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_interventie")),
    )
    with op.batch_alter_table("interventie", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_interventie_casus_id"), ["casus_id"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_interventie_eigenaar_id"), ["eigenaar_id"], unique=False
        )


def downgrade() -> None:
    with op.batch_alter_table("interventie", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_interventie_eigenaar_id"))
        batch_op.drop_index(batch_op.f("ix_interventie_casus_id"))

    op.drop_table("interventie")
    op.drop_table("advies")
    with op.batch_alter_table("gebeurtenis", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_gebeurtenis_soort"))

    op.drop_table("gebeurtenis")
