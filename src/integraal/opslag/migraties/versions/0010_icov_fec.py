# SPDX-License-Identifier: EUPL-1.2
"""iCOV report requests, FEC signal rounds and their answers, and the Serious Crime
Taskforce's facilitator indicators.

Revision ID: 0010
Revises: 0009
Create Date: 2026-11-29 16:26:01.255079
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None


def upgrade() -> None:

    op.create_table(
        "facilitatorindicator",
        sa.Column("id", sa.String(length=20), nullable=False),
        sa.Column("verband_id", sa.String(length=80), nullable=False),
        sa.Column("titel", sa.String(length=300), nullable=False),
        sa.Column("fenomeen", sa.String(length=40), nullable=False),
        sa.Column("omschrijving", sa.Text(), nullable=False),
        sa.Column("signalen", sa.JSON(), nullable=False),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("organisatie_id", sa.String(length=80), nullable=False),
        sa.Column("opgesteld_door", sa.Integer(), nullable=False),
        sa.Column("opgesteld_op", sa.DateTime(timezone=True), nullable=False),
        sa.Column("goedgekeurd_door", sa.Integer(), nullable=True),
        sa.Column("gepubliceerd_op", sa.DateTime(timezone=True), nullable=True),
        sa.Column("ingetrokken_op", sa.DateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(
            ["goedgekeurd_door"],
            ["gebruiker.id"],
            name=op.f("fk_facilitatorindicator_goedgekeurd_door_gebruiker"),
        ),
        sa.ForeignKeyConstraint(
            ["opgesteld_door"],
            ["gebruiker.id"],
            name=op.f("fk_facilitatorindicator_opgesteld_door_gebruiker"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_facilitatorindicator")),
    )
    op.create_table(
        "rapportageverzoek",
        sa.Column("id", sa.String(length=20), nullable=False),
        sa.Column("soort", sa.String(length=10), nullable=False),
        sa.Column("doel", sa.String(length=60), nullable=False),
        sa.Column("verband_id", sa.String(length=80), nullable=False),
        sa.Column("organisatie_id", sa.String(length=80), nullable=False),
        sa.Column("aangevraagd_door", sa.Integer(), nullable=False),
        sa.Column("aangevraagd_op", sa.DateTime(timezone=True), nullable=False),
        sa.Column("onderzoek", sa.Text(), nullable=False),
        sa.Column("vordering", sa.Text(), nullable=True),
        sa.Column("kenmerken", sa.JSON(), nullable=False),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("besluit", sa.JSON(), nullable=False),
        sa.Column("rapport", sa.JSON(), nullable=False),
        sa.Column("opgesteld_door", sa.Integer(), nullable=True),
        sa.Column("opgesteld_op", sa.DateTime(timezone=True), nullable=True),
        sa.Column("beoordeeld_door", sa.Integer(), nullable=True),
        sa.Column("beoordeeld_op", sa.DateTime(timezone=True), nullable=True),
        sa.Column("reden", sa.Text(), nullable=True),
        sa.ForeignKeyConstraint(
            ["aangevraagd_door"],
            ["gebruiker.id"],
            name=op.f("fk_rapportageverzoek_aangevraagd_door_gebruiker"),
        ),
        sa.ForeignKeyConstraint(
            ["beoordeeld_door"],
            ["gebruiker.id"],
            name=op.f("fk_rapportageverzoek_beoordeeld_door_gebruiker"),
        ),
        sa.ForeignKeyConstraint(
            ["opgesteld_door"],
            ["gebruiker.id"],
            name=op.f("fk_rapportageverzoek_opgesteld_door_gebruiker"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_rapportageverzoek")),
    )
    with op.batch_alter_table("rapportageverzoek", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_rapportageverzoek_organisatie_id"), ["organisatie_id"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_rapportageverzoek_status"), ["status"], unique=False)

    op.create_table(
        "signaalronde",
        sa.Column("id", sa.String(length=20), nullable=False),
        sa.Column("verband_id", sa.String(length=80), nullable=False),
        sa.Column("signaal_id", sa.String(length=20), nullable=True),
        sa.Column("omschrijving", sa.Text(), nullable=False),
        sa.Column("kenmerken", sa.JSON(), nullable=False),
        sa.Column("aanwijzingen", sa.Text(), nullable=False),
        sa.Column("deelnemers", sa.JSON(), nullable=False),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("gestart_door", sa.Integer(), nullable=False),
        sa.Column("gestart_op", sa.DateTime(timezone=True), nullable=False),
        sa.Column("gesloten_op", sa.DateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(
            ["gestart_door"], ["gebruiker.id"], name=op.f("fk_signaalronde_gestart_door_gebruiker")
        ),
        sa.ForeignKeyConstraint(
            ["signaal_id"], ["signaal.id"], name=op.f("fk_signaalronde_signaal_id_signaal")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_signaalronde")),
    )
    with op.batch_alter_table("signaalronde", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_signaalronde_verband_id"), ["verband_id"], unique=False
        )

    op.create_table(
        "rondeantwoord",
        sa.Column("ronde_id", sa.String(length=20), nullable=False),
        sa.Column("organisatie_id", sa.String(length=80), nullable=False),
        sa.Column("bekend", sa.Boolean(), nullable=False),
        sa.Column("toelichting", sa.Text(), nullable=True),
        sa.Column("beantwoord_door", sa.Integer(), nullable=False),
        sa.Column("beantwoord_op", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["beantwoord_door"],
            ["gebruiker.id"],
            name=op.f("fk_rondeantwoord_beantwoord_door_gebruiker"),
        ),
        sa.ForeignKeyConstraint(
            ["ronde_id"], ["signaalronde.id"], name=op.f("fk_rondeantwoord_ronde_id_signaalronde")
        ),
        sa.PrimaryKeyConstraint("ronde_id", "organisatie_id", name=op.f("pk_rondeantwoord")),
    )


def downgrade() -> None:

    op.drop_table("rondeantwoord")
    with op.batch_alter_table("signaalronde", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_signaalronde_verband_id"))

    op.drop_table("signaalronde")
    with op.batch_alter_table("rapportageverzoek", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_rapportageverzoek_status"))
        batch_op.drop_index(batch_op.f("ix_rapportageverzoek_organisatie_id"))

    op.drop_table("rapportageverzoek")
    op.drop_table("facilitatorindicator")
