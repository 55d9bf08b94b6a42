# SPDX-License-Identifier: EUPL-1.2
"""Statement groups kept at import; search by substring through a trigram index (FTS5 on
SQLite, pg_trgm on PostgreSQL). Decision record 0022.

Revision ID: 0020
Revises: 0019
Create Date: 2026-11-30 11:00:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0020"
down_revision = "0019"
branch_labels = None
depends_on = None

# Text values a person searches for; entity references and BSN pseudonyms are not text.
_DOORZOEKBAAR = "prop_type <> 'entity' AND value NOT LIKE '%-pseudo:%'"


def upgrade() -> None:
    op.create_table(
        "statement_groep",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("sleutel", sa.String(length=400), nullable=False),
        sa.Column("houder_id", sa.String(length=80), nullable=False),
        sa.Column("bron_id", sa.String(length=80), nullable=False),
        sa.Column("categorie", sa.String(length=60), nullable=False),
        sa.Column("casus_id", sa.String(length=40), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_statement_groep")),
        sa.UniqueConstraint("sleutel", name=op.f("uq_statement_groep_sleutel")),
    )
    op.create_index(
        op.f("ix_statement_groep_casus_id"), "statement_groep", ["casus_id"], unique=False
    )
    bind = op.get_bind()
    groepen = bind.execute(
        sa.text("SELECT DISTINCT houder_id, bron_id, categorie, casus_id FROM statement")
    ).all()
    if groepen:
        bind.execute(
            sa.text(
                "INSERT INTO statement_groep (sleutel, houder_id, bron_id, categorie, casus_id)"
                " VALUES (:sleutel, :houder_id, :bron_id, :categorie, :casus_id)"
            ),
            [
                {
                    "sleutel": "\x1f".join((h, b, k, c or "")),
                    "houder_id": h,
                    "bron_id": b,
                    "categorie": k,
                    "casus_id": c,
                }
                for h, b, k, c in groepen
            ],
        )
    if bind.dialect.name == "sqlite":
        # The same folding the application registers on each connection (opslag.db).
        bind.connection.driver_connection.create_function(  # type: ignore[union-attr]
            "integraal_klein", 1, str.lower, deterministic=True
        )
        op.execute(
            "CREATE VIRTUAL TABLE statement_zoek USING fts5(waarde, entity_id UNINDEXED,"
            " schema UNINDEXED, groep_id UNINDEXED, tokenize='trigram')"
        )
        op.execute(
            "INSERT INTO statement_zoek (waarde, entity_id, schema, groep_id)"
            " SELECT integraal_klein(s.value), s.entity_id, s.schema, g.id"
            " FROM statement s JOIN statement_groep g ON g.houder_id = s.houder_id"
            " AND g.bron_id = s.bron_id AND g.categorie = s.categorie"
            " AND g.casus_id IS s.casus_id"
            " WHERE s.prop_type <> 'entity' AND s.value NOT LIKE '%-pseudo:%'"
        )
    else:
        # Installed already, or available and this role may install it (pg_trgm is trusted:
        # a role with CREATE on the database may). Otherwise search still works, by scanning
        # (the README says how to add the index).
        geinstalleerd, beschikbaar, mag = bind.execute(
            sa.text(
                "SELECT EXISTS (SELECT 1 FROM pg_extension WHERE extname = 'pg_trgm'),"
                " EXISTS (SELECT 1 FROM pg_available_extensions WHERE name = 'pg_trgm'),"
                " has_database_privilege(current_database(), 'CREATE')"
            )
        ).one()
        if geinstalleerd or (beschikbaar and mag):
            op.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
            op.execute(
                "CREATE INDEX ix_statement_zoek ON statement"
                f" USING gin (lower(value) gin_trgm_ops) WHERE {_DOORZOEKBAAR}"
            )


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        op.execute("DROP TABLE IF EXISTS statement_zoek")
    else:
        op.execute("DROP INDEX IF EXISTS ix_statement_zoek")
    op.drop_index(op.f("ix_statement_groep_casus_id"), table_name="statement_groep")
    op.drop_table("statement_groep")
