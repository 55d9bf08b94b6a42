# SPDX-License-Identifier: EUPL-1.2
"""Single sign-on (issue 25): an account's identity at its organisation's provider, its last
sign-in, and the sign-ins sent to a provider and not yet back.

Revision ID: 0025
Revises: 0024
Create Date: 2026-11-30 18:00:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0025"
down_revision = "0024"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # Plain ADD COLUMN and a unique index, never a batch copy of `gebruiker`: on SQLite that
    # drops and recreates the table, which foreign keys from filled tables refuse.
    for kolom in (
        sa.Column("extern_uitgever", sa.String(length=300), nullable=True),
        sa.Column("extern_id", sa.String(length=255), nullable=True),
        sa.Column("laatst_ingelogd", sa.DateTime(timezone=True), nullable=True),
    ):
        op.add_column("gebruiker", kolom)
    op.create_index(
        "ix_gebruiker_extern", "gebruiker", ["extern_uitgever", "extern_id"], unique=True
    )
    op.create_table(
        "sso_aanvraag",
        sa.Column("staat", sa.String(length=64), nullable=False),
        sa.Column("binding", sa.String(length=64), nullable=False),
        sa.Column("aanbieder", sa.String(length=80), nullable=False),
        sa.Column("verifier", sa.String(length=128), nullable=False),
        sa.Column("nonce", sa.String(length=64), nullable=False),
        sa.Column("volgende", sa.String(length=300), nullable=False),
        sa.Column("verloopt_op", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("staat", name=op.f("pk_sso_aanvraag")),
    )
    with op.batch_alter_table("sso_aanvraag") as t:
        t.create_index(t.f("ix_sso_aanvraag_verloopt_op"), ["verloopt_op"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("sso_aanvraag") as t:
        t.drop_index(t.f("ix_sso_aanvraag_verloopt_op"))
    op.drop_table("sso_aanvraag")
    op.drop_index("ix_gebruiker_extern", table_name="gebruiker")
    # SQLite (3.35 and later) drops a column in place, like PostgreSQL.
    for kolom in ("laatst_ingelogd", "extern_id", "extern_uitgever"):
        op.drop_column("gebruiker", kolom)
