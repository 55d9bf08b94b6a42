# SPDX-License-Identifier: EUPL-1.2
"""Casus work: signals, linked subjects, data requests; case closing fields.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-23 10:15:25.147575
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "casus_subject",
        sa.Column("casus_id", sa.String(length=40), nullable=False),
        sa.Column("entity_id", sa.String(length=128), nullable=False),
        sa.Column("schema", sa.String(length=60), nullable=False),
        sa.Column("toegevoegd_door", sa.Integer(), nullable=False),
        sa.Column("toegevoegd_op", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["casus_id"], ["casus.id"], name=op.f("fk_casus_subject_casus_id_casus")
        ),
        sa.ForeignKeyConstraint(
            ["toegevoegd_door"],
            ["gebruiker.id"],
            name=op.f("fk_casus_subject_toegevoegd_door_gebruiker"),
        ),
        sa.PrimaryKeyConstraint("casus_id", "entity_id", name=op.f("pk_casus_subject")),
    )
    op.create_table(
        "signaal",
        sa.Column("id", sa.String(length=20), nullable=False),
        sa.Column("verband_id", sa.String(length=80), nullable=False),
        sa.Column("organisatie_id", sa.String(length=80), nullable=True),
        sa.Column("ingediend_door", sa.Integer(), nullable=True),
        sa.Column("omschrijving", sa.Text(), nullable=False),
        sa.Column("kenmerken", sa.JSON(), nullable=False),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("reden", sa.Text(), nullable=True),
        sa.Column("beoordeeld_door", sa.Integer(), nullable=True),
        sa.Column("casus_id", sa.String(length=40), nullable=True),
        sa.Column("aangemaakt_op", sa.DateTime(timezone=True), nullable=False),
        sa.Column("gewijzigd_op", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["beoordeeld_door"], ["gebruiker.id"], name=op.f("fk_signaal_beoordeeld_door_gebruiker")
        ),
        sa.ForeignKeyConstraint(["casus_id"], ["casus.id"], name=op.f("fk_signaal_casus_id_casus")),
        sa.ForeignKeyConstraint(
            ["ingediend_door"], ["gebruiker.id"], name=op.f("fk_signaal_ingediend_door_gebruiker")
        ),
        sa.ForeignKeyConstraint(
            ["organisatie_id"],
            ["organisatie.id"],
            name=op.f("fk_signaal_organisatie_id_organisatie"),
        ),
        sa.ForeignKeyConstraint(
            ["verband_id"], ["organisatie.id"], name=op.f("fk_signaal_verband_id_organisatie")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_signaal")),
    )
    op.create_table(
        "deelverzoek",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("casus_id", sa.String(length=40), nullable=False),
        sa.Column("verstrekker_id", sa.String(length=80), nullable=False),
        sa.Column("categorieen", sa.JSON(), nullable=False),
        sa.Column("toelichting", sa.Text(), nullable=False),
        sa.Column("status", sa.String(length=30), nullable=False),
        sa.Column("besluiten", sa.JSON(), nullable=False),
        sa.Column("aangevraagd_door", sa.Integer(), nullable=False),
        sa.Column("aangevraagd_op", sa.DateTime(timezone=True), nullable=False),
        sa.Column("beoordeeld_door", sa.Integer(), nullable=True),
        sa.Column("beoordeeld_op", sa.DateTime(timezone=True), nullable=True),
        sa.Column("reden", sa.Text(), nullable=True),
        sa.Column("levering_id", sa.String(length=36), nullable=True),
        sa.ForeignKeyConstraint(
            ["aangevraagd_door"],
            ["gebruiker.id"],
            name=op.f("fk_deelverzoek_aangevraagd_door_gebruiker"),
        ),
        sa.ForeignKeyConstraint(
            ["beoordeeld_door"],
            ["gebruiker.id"],
            name=op.f("fk_deelverzoek_beoordeeld_door_gebruiker"),
        ),
        sa.ForeignKeyConstraint(
            ["casus_id"], ["casus.id"], name=op.f("fk_deelverzoek_casus_id_casus")
        ),
        sa.ForeignKeyConstraint(
            ["levering_id"], ["levering.id"], name=op.f("fk_deelverzoek_levering_id_levering")
        ),
        sa.ForeignKeyConstraint(
            ["verstrekker_id"],
            ["organisatie.id"],
            name=op.f("fk_deelverzoek_verstrekker_id_organisatie"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_deelverzoek")),
    )
    with op.batch_alter_table("deelverzoek", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_deelverzoek_casus_id"), ["casus_id"], unique=False)

    with op.batch_alter_table("casus", schema=None) as batch_op:
        batch_op.add_column(sa.Column("aangemaakt_door", sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column("gesloten_op", sa.DateTime(timezone=True), nullable=True))
        batch_op.add_column(sa.Column("sluitreden", sa.Text(), nullable=True))
        batch_op.create_foreign_key(
            batch_op.f("fk_casus_aangemaakt_door_gebruiker"),
            "gebruiker",
            ["aangemaakt_door"],
            ["id"],
        )


def downgrade() -> None:
    with op.batch_alter_table("casus", schema=None) as batch_op:
        batch_op.drop_constraint(
            batch_op.f("fk_casus_aangemaakt_door_gebruiker"), type_="foreignkey"
        )
        batch_op.drop_column("sluitreden")
        batch_op.drop_column("gesloten_op")
        batch_op.drop_column("aangemaakt_door")

    with op.batch_alter_table("deelverzoek", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_deelverzoek_casus_id"))

    op.drop_table("deelverzoek")
    op.drop_table("signaal")
    op.drop_table("casus_subject")
