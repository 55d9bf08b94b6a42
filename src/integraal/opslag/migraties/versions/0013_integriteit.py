# SPDX-License-Identifier: EUPL-1.2
"""Integrity of use: alerts, the detection cursor, shielded persons; confirmation dates of
case memberships and roles for the access review.

Revision ID: 0013
Revises: 0012
Create Date: 2026-11-30 00:05:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0013"
down_revision = "0012"
branch_labels = None
depends_on = None

_TIJD = sa.DateTime(timezone=True)


def upgrade() -> None:
    # What exists was, in effect, confirmed on the day this arrived: its term starts now.
    nu = sa.text("CURRENT_TIMESTAMP")
    with op.batch_alter_table("casus_lid", schema=None) as batch_op:
        batch_op.add_column(sa.Column("bevestigd_op", _TIJD, nullable=False, server_default=nu))
        batch_op.add_column(sa.Column("bevestigd_door", sa.Integer(), nullable=True))
        batch_op.create_foreign_key(
            batch_op.f("fk_casus_lid_bevestigd_door_gebruiker"),
            "gebruiker",
            ["bevestigd_door"],
            ["id"],
        )
    with op.batch_alter_table("gebruiker", schema=None) as batch_op:
        batch_op.add_column(sa.Column("rol_bevestigd_op", _TIJD, nullable=False, server_default=nu))
        batch_op.add_column(sa.Column("rol_bevestigd_door", sa.Integer(), nullable=True))
        batch_op.create_foreign_key(
            batch_op.f("fk_gebruiker_rol_bevestigd_door_gebruiker"),
            "gebruiker",
            ["rol_bevestigd_door"],
            ["id"],
        )

    op.create_table(
        "integriteitsmelding",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("sleutel", sa.String(length=160), nullable=False),
        sa.Column("regel", sa.String(length=40), nullable=False),
        sa.Column("gebruiker_id", sa.Integer(), nullable=False),
        sa.Column("organisatie_id", sa.String(length=80), nullable=True),
        sa.Column("tijd", _TIJD, nullable=False),
        sa.Column("gemeld_op", _TIJD, nullable=False),
        sa.Column("uitleg", sa.Text(), nullable=False),
        sa.Column("bewijs", sa.JSON(), nullable=False),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("uitkomst", sa.Text(), nullable=True),
        sa.Column("beslist_door", sa.Integer(), nullable=True),
        sa.Column("beslist_op", _TIJD, nullable=True),
        sa.ForeignKeyConstraint(
            ["beslist_door"],
            ["gebruiker.id"],
            name=op.f("fk_integriteitsmelding_beslist_door_gebruiker"),
        ),
        sa.ForeignKeyConstraint(
            ["gebruiker_id"],
            ["gebruiker.id"],
            name=op.f("fk_integriteitsmelding_gebruiker_id_gebruiker"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_integriteitsmelding")),
        sa.UniqueConstraint("sleutel", name=op.f("uq_integriteitsmelding_sleutel")),
    )
    with op.batch_alter_table("integriteitsmelding", schema=None) as batch_op:
        for kolom in ("gebruiker_id", "organisatie_id", "regel"):
            batch_op.create_index(
                batch_op.f(f"ix_integriteitsmelding_{kolom}"), [kolom], unique=False
            )

    op.create_table(
        "integriteitscursor",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("volgnummer", sa.BigInteger(), nullable=False),
        sa.Column("audit_id", sa.Integer(), nullable=False),
        sa.Column("toestand", sa.JSON(), nullable=False),
        sa.Column("bijgewerkt_op", _TIJD, nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_integriteitscursor")),
    )

    op.create_table(
        "afgeschermde_persoon",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("betrokkene", sa.String(length=128), nullable=False),
        sa.Column("betrokkene_soort", sa.String(length=40), nullable=False),
        sa.Column("soort", sa.String(length=20), nullable=False),
        sa.Column("organisatie_id", sa.String(length=80), nullable=False),
        sa.Column("omschrijving", sa.String(length=200), nullable=False),
        sa.Column("reden", sa.Text(), nullable=False),
        sa.Column("toegevoegd_door", sa.Integer(), nullable=False),
        sa.Column("toegevoegd_op", _TIJD, nullable=False),
        sa.Column("beeindigd_op", _TIJD, nullable=True),
        sa.ForeignKeyConstraint(
            ["organisatie_id"],
            ["organisatie.id"],
            name=op.f("fk_afgeschermde_persoon_organisatie_id_organisatie"),
        ),
        sa.ForeignKeyConstraint(
            ["toegevoegd_door"],
            ["gebruiker.id"],
            name=op.f("fk_afgeschermde_persoon_toegevoegd_door_gebruiker"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_afgeschermde_persoon")),
    )
    with op.batch_alter_table("afgeschermde_persoon", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_afgeschermde_persoon_betrokkene"), ["betrokkene"], unique=False
        )


def downgrade() -> None:
    op.drop_table("afgeschermde_persoon")
    op.drop_table("integriteitscursor")
    op.drop_table("integriteitsmelding")
    with op.batch_alter_table("gebruiker", schema=None) as batch_op:
        batch_op.drop_constraint(
            batch_op.f("fk_gebruiker_rol_bevestigd_door_gebruiker"), type_="foreignkey"
        )
        batch_op.drop_column("rol_bevestigd_door")
        batch_op.drop_column("rol_bevestigd_op")
    with op.batch_alter_table("casus_lid", schema=None) as batch_op:
        batch_op.drop_constraint(
            batch_op.f("fk_casus_lid_bevestigd_door_gebruiker"), type_="foreignkey"
        )
        batch_op.drop_column("bevestigd_door")
        batch_op.drop_column("bevestigd_op")
