# SPDX-License-Identifier: EUPL-1.2
"""Preventie met Gezag: the yearly request, the municipalities' returns, their interventions.

Revision ID: 0015
Revises: 0014
Create Date: 2026-11-30 04:00:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0015"
down_revision = "0014"
branch_labels = None
depends_on = None

_TIJD = sa.DateTime(timezone=True)


def upgrade() -> None:
    op.create_table(
        "pmg_uitvraag",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("jaar", sa.Integer(), nullable=False),
        sa.Column("peildatum", sa.Date(), nullable=False),
        sa.Column("uiterlijk", sa.Date(), nullable=False),
        sa.Column("aangemaakt_op", _TIJD, nullable=False),
        sa.Column("aangemaakt_door", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ["aangemaakt_door"],
            ["gebruiker.id"],
            name=op.f("fk_pmg_uitvraag_aangemaakt_door_gebruiker"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_pmg_uitvraag")),
        sa.UniqueConstraint("jaar", name=op.f("uq_pmg_uitvraag_jaar")),
    )
    op.create_table(
        "pmg_opgave",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uitvraag_id", sa.Integer(), nullable=False),
        sa.Column("gemeente_id", sa.String(length=80), nullable=False),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("ingediend_op", _TIJD, nullable=True),
        sa.Column("ingediend_door", sa.Integer(), nullable=True),
        sa.Column("beoordeeld_op", _TIJD, nullable=True),
        sa.Column("beoordeeld_door", sa.Integer(), nullable=True),
        sa.Column("opmerking", sa.Text(), nullable=True),
        sa.Column("bijgewerkt_op", _TIJD, nullable=False),
        sa.ForeignKeyConstraint(
            ["beoordeeld_door"],
            ["gebruiker.id"],
            name=op.f("fk_pmg_opgave_beoordeeld_door_gebruiker"),
        ),
        sa.ForeignKeyConstraint(
            ["gemeente_id"], ["organisatie.id"], name=op.f("fk_pmg_opgave_gemeente_id_organisatie")
        ),
        sa.ForeignKeyConstraint(
            ["ingediend_door"],
            ["gebruiker.id"],
            name=op.f("fk_pmg_opgave_ingediend_door_gebruiker"),
        ),
        sa.ForeignKeyConstraint(
            ["uitvraag_id"],
            ["pmg_uitvraag.id"],
            name=op.f("fk_pmg_opgave_uitvraag_id_pmg_uitvraag"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_pmg_opgave")),
        sa.UniqueConstraint("uitvraag_id", "gemeente_id", name=op.f("uq_pmg_opgave_uitvraag_id")),
    )
    with op.batch_alter_table("pmg_opgave", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_pmg_opgave_gemeente_id"), ["gemeente_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_pmg_opgave_uitvraag_id"), ["uitvraag_id"], unique=False
        )
    op.create_table(
        "pmg_interventie",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("opgave_id", sa.Integer(), nullable=False),
        sa.Column("naam", sa.String(length=200), nullable=False),
        sa.Column("bewijs", sa.String(length=20), nullable=False),
        sa.Column("themas", sa.JSON(), nullable=False),
        sa.Column("niveaus", sa.JSON(), nullable=False),
        sa.Column("bereik", sa.Integer(), nullable=False),
        sa.Column("output", sa.Integer(), nullable=False),
        sa.Column("output_omschrijving", sa.String(length=200), nullable=False),
        sa.Column("besluit", sa.String(length=20), nullable=False),
        sa.Column("motivering", sa.Text(), nullable=False),
        sa.Column("gebieden", sa.JSON(), nullable=False),
        sa.Column("bijgewerkt_op", _TIJD, nullable=False),
        sa.ForeignKeyConstraint(
            ["opgave_id"], ["pmg_opgave.id"], name=op.f("fk_pmg_interventie_opgave_id_pmg_opgave")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_pmg_interventie")),
    )
    with op.batch_alter_table("pmg_interventie", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_pmg_interventie_opgave_id"), ["opgave_id"], unique=False
        )


def downgrade() -> None:
    with op.batch_alter_table("pmg_interventie", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_pmg_interventie_opgave_id"))
    op.drop_table("pmg_interventie")
    with op.batch_alter_table("pmg_opgave", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_pmg_opgave_uitvraag_id"))
        batch_op.drop_index(batch_op.f("ix_pmg_opgave_gemeente_id"))
    op.drop_table("pmg_opgave")
    op.drop_table("pmg_uitvraag")
