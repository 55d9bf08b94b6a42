# SPDX-License-Identifier: EUPL-1.2
"""Kruisverwijzing: matching runs (resumable), suggested pairs, judgements (withdrawn, not
deleted).

Revision ID: 0008
Revises: 0007
Create Date: 2026-11-23 14:29:49
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "kruisoordeel",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("casus_id", sa.String(length=40), nullable=False),
        sa.Column("links", sa.String(length=128), nullable=False),
        sa.Column("rechts", sa.String(length=128), nullable=False),
        sa.Column("oordeel", sa.String(length=20), nullable=False),
        sa.Column("toelichting", sa.Text(), nullable=True),
        sa.Column("gebruiker_id", sa.Integer(), nullable=False),
        sa.Column("organisatie_id", sa.String(length=80), nullable=False),
        sa.Column("tijd", sa.DateTime(timezone=True), nullable=False),
        sa.Column("ingetrokken_op", sa.DateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(
            ["casus_id"], ["casus.id"], name=op.f("fk_kruisoordeel_casus_id_casus")
        ),
        sa.ForeignKeyConstraint(
            ["gebruiker_id"], ["gebruiker.id"], name=op.f("fk_kruisoordeel_gebruiker_id_gebruiker")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_kruisoordeel")),
    )
    with op.batch_alter_table("kruisoordeel", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_kruisoordeel_casus_id"), ["casus_id"], unique=False)

    op.create_table(
        "kruistaak",
        sa.Column("id", sa.String(length=40), nullable=False),
        sa.Column("casus_id", sa.String(length=40), nullable=False),
        sa.Column("soort", sa.String(length=20), nullable=False),
        sa.Column("parameters", sa.JSON(), nullable=False),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("stap", sa.String(length=40), nullable=False),
        sa.Column("gedaan", sa.Integer(), nullable=False),
        sa.Column("totaal", sa.Integer(), nullable=False),
        sa.Column("model", sa.JSON(), nullable=True),
        sa.Column("fout", sa.Text(), nullable=True),
        sa.Column("gestart_door", sa.Integer(), nullable=False),
        sa.Column("organisatie_id", sa.String(length=80), nullable=False),
        sa.Column("aangemaakt", sa.DateTime(timezone=True), nullable=False),
        sa.Column("bijgewerkt", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["casus_id"], ["casus.id"], name=op.f("fk_kruistaak_casus_id_casus")
        ),
        sa.ForeignKeyConstraint(
            ["gestart_door"], ["gebruiker.id"], name=op.f("fk_kruistaak_gestart_door_gebruiker")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_kruistaak")),
    )
    with op.batch_alter_table("kruistaak", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_kruistaak_casus_id"), ["casus_id"], unique=False)

    op.create_table(
        "kruissuggestie",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("taak_id", sa.String(length=40), nullable=False),
        sa.Column("casus_id", sa.String(length=40), nullable=False),
        sa.Column("links", sa.String(length=128), nullable=False),
        sa.Column("rechts", sa.String(length=128), nullable=False),
        sa.Column("kans", sa.Float(), nullable=False),
        sa.Column("gewicht", sa.Float(), nullable=False),
        sa.Column("uitleg", sa.JSON(), nullable=False),
        sa.Column("over_organisaties", sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(
            ["casus_id"], ["casus.id"], name=op.f("fk_kruissuggestie_casus_id_casus")
        ),
        sa.ForeignKeyConstraint(
            ["taak_id"], ["kruistaak.id"], name=op.f("fk_kruissuggestie_taak_id_kruistaak")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_kruissuggestie")),
    )
    with op.batch_alter_table("kruissuggestie", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_kruissuggestie_taak_id"), ["taak_id"], unique=False)
        batch_op.create_index(
            "uq_kruissuggestie_paar", ["casus_id", "links", "rechts"], unique=True
        )


def downgrade() -> None:
    with op.batch_alter_table("kruissuggestie", schema=None) as batch_op:
        batch_op.drop_index("uq_kruissuggestie_paar")
        batch_op.drop_index(batch_op.f("ix_kruissuggestie_taak_id"))

    op.drop_table("kruissuggestie")
    with op.batch_alter_table("kruistaak", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_kruistaak_casus_id"))

    op.drop_table("kruistaak")
    with op.batch_alter_table("kruisoordeel", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_kruisoordeel_casus_id"))

    op.drop_table("kruisoordeel")
