# SPDX-License-Identifier: EUPL-1.2
"""On PostgreSQL, statements partitioned by source (issue 24, item 4; decision record 0023):
`LIST (bron_id)`, a partition per organisation and a default one, the primary key
(id, bron_id). The rows are copied into the new table in this migration. SQLite: nothing.

Revision ID: 0030
Revises: 0029
Create Date: 2026-12-01 00:15:00
"""

from __future__ import annotations

import hashlib

import sqlalchemy as sa
from alembic import op

revision = "0030"
down_revision = "0029"
branch_labels = None
depends_on = None

_INDEXEN = (
    "CREATE INDEX ix_statement_entity_id ON statement (entity_id)",
    "CREATE INDEX ix_statement_houder_categorie ON statement (houder_id, categorie)",
    "CREATE INDEX ix_statement_levering_id ON statement (levering_id)",
    "CREATE INDEX ix_statement_waarde ON statement (prop_type, value)",
)
_ZOEK = (
    "CREATE INDEX ix_statement_zoek ON statement USING gin (lower(value) gin_trgm_ops)"
    " WHERE prop_type <> 'entity' AND value NOT LIKE '%-pseudo:%'"
)
_SLEUTELS = (
    "ALTER TABLE statement ADD CONSTRAINT fk_statement_bron_id_organisatie"
    " FOREIGN KEY (bron_id) REFERENCES organisatie (id)",
    "ALTER TABLE statement ADD CONSTRAINT fk_statement_casus_id_casus"
    " FOREIGN KEY (casus_id) REFERENCES casus (id)",
    "ALTER TABLE statement ADD CONSTRAINT fk_statement_houder_id_organisatie"
    " FOREIGN KEY (houder_id) REFERENCES organisatie (id)",
    "ALTER TABLE statement ADD CONSTRAINT fk_statement_levering_id_levering"
    " FOREIGN KEY (levering_id) REFERENCES levering (id)",
)


def _partitie(bron: str) -> str:
    # As `opslag.partities.naam`, frozen here: a migration does not follow later code.
    return "statement_b_" + hashlib.sha1(bron.encode()).hexdigest()[:16]


def _opnieuw(verdeeld: bool) -> None:
    """The table made again, partitioned or not, with the rows, keys and indexes it had."""
    bind = op.get_bind()
    zoek = bind.execute(sa.text("SELECT to_regclass('ix_statement_zoek') IS NOT NULL")).scalar()
    op.execute("ALTER TABLE statement RENAME TO statement_oud")
    for naam in ("pk_statement", *(s.split()[5] for s in _SLEUTELS)):
        op.execute(f"ALTER TABLE statement_oud DROP CONSTRAINT {naam}")
    for naam in ("entity_id", "houder_categorie", "levering_id", "waarde", "zoek"):
        op.execute(f"DROP INDEX IF EXISTS ix_statement_{naam}")
    if verdeeld:
        op.execute(
            "CREATE TABLE statement (LIKE statement_oud INCLUDING DEFAULTS,"
            " CONSTRAINT pk_statement PRIMARY KEY (id, bron_id)) PARTITION BY LIST (bron_id)"
        )
        op.execute("CREATE TABLE statement_overig PARTITION OF statement DEFAULT")
        bronnen = bind.execute(
            sa.text("SELECT id FROM organisatie UNION SELECT DISTINCT bron_id FROM statement_oud")
        ).scalars()
        for bron in sorted(set(bronnen)):
            letterlijk = "'" + bron.replace("'", "''") + "'"
            op.execute(
                f"CREATE TABLE {_partitie(bron)} PARTITION OF statement"
                f" FOR VALUES IN ({letterlijk})"
            )
    else:
        op.execute(
            "CREATE TABLE statement (LIKE statement_oud INCLUDING DEFAULTS,"
            " CONSTRAINT pk_statement PRIMARY KEY (id))"
        )
    op.execute("INSERT INTO statement SELECT * FROM statement_oud")
    op.execute("DROP TABLE statement_oud")
    for opdracht in (*_SLEUTELS, *_INDEXEN, *((_ZOEK,) if zoek else ())):
        op.execute(opdracht)
    op.execute("ANALYZE statement")


def upgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        _opnieuw(verdeeld=True)


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        _opnieuw(verdeeld=False)
