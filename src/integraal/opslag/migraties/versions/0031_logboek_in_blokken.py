# SPDX-License-Identifier: EUPL-1.2
"""The processing log in blocks (issue 24, item 4; decision record 0023): a table of the
Merkle roots of complete blocks (`logboek_blok`, both databases) and, on PostgreSQL, the
log's lines and their personal parts partitioned by `RANGE (volgnummer)`, one partition per
block of 2**20 lines, so a block is verified on its own and retention drops a block's
personal parts as a whole. Partitions are made here for the blocks that hold lines; the
writer makes the next ones (`opslag.partities.maak_logblok`). The rows are copied.

Revision ID: 0031
Revises: 0030
Create Date: 2026-12-01 03:45:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0031"
down_revision = "0030"
branch_labels = None
depends_on = None

# As `logboek.keten.BLOK` when this migration was written: a migration does not follow later
# code, and the stored block roots are for blocks of this size.
_BLOK = 1 << 20
_TABELLEN = ("logboek_regel", "logboek_betrokkene")
_INDEXEN = (
    "CREATE INDEX ix_logboek_regel_casus_id ON logboek_regel (casus_id)",
    "CREATE INDEX ix_logboek_regel_trace_id ON logboek_regel (trace_id)",
    "CREATE INDEX ix_logboek_betrokkene_betrokkene ON logboek_betrokkene (betrokkene)",
)
_SLEUTEL = (
    "ALTER TABLE logboek_betrokkene ADD CONSTRAINT"
    " fk_logboek_betrokkene_volgnummer_logboek_regel"
    " FOREIGN KEY (volgnummer) REFERENCES logboek_regel (volgnummer)"
)


def _opnieuw(verdeeld: bool) -> None:
    """Both tables made again, partitioned or not, with their rows, keys and indexes."""
    bind = op.get_bind()
    op.execute(
        "ALTER TABLE logboek_betrokkene"
        " DROP CONSTRAINT fk_logboek_betrokkene_volgnummer_logboek_regel"
    )
    for tabel in _TABELLEN:
        op.execute(f"ALTER TABLE {tabel} RENAME TO {tabel}_oud")
        op.execute(f"ALTER TABLE {tabel}_oud DROP CONSTRAINT pk_{tabel}")
    for opdracht in _INDEXEN:
        op.execute(f"DROP INDEX IF EXISTS {opdracht.split()[2]}")
    hoogste = bind.execute(sa.text("SELECT coalesce(max(volgnummer), 0) FROM logboek_regel_oud"))
    blokken = -(-int(hoogste.scalar() or 0) // _BLOK)  # the blocks that hold lines
    for tabel in _TABELLEN:
        deel = " PARTITION BY RANGE (volgnummer)" if verdeeld else ""
        op.execute(
            f"CREATE TABLE {tabel} (LIKE {tabel}_oud INCLUDING DEFAULTS,"
            f" CONSTRAINT pk_{tabel} PRIMARY KEY (volgnummer)){deel}"
        )
        if verdeeld:
            # The blocks with lines and the next; an empty log gets its first from the writer.
            for b in range(blokken + 1 if blokken else 0):
                van = b * _BLOK + 1
                op.execute(
                    f"CREATE TABLE {tabel}_v{van} PARTITION OF {tabel}"
                    f" FOR VALUES FROM ({van}) TO ({van + _BLOK})"
                )
        op.execute(f"INSERT INTO {tabel} SELECT * FROM {tabel}_oud")
    for tabel in reversed(_TABELLEN):
        op.execute(f"DROP TABLE {tabel}_oud")
    for opdracht in (_SLEUTEL, *_INDEXEN):
        op.execute(opdracht)
    for tabel in _TABELLEN:
        op.execute(f"ANALYZE {tabel}")


def upgrade() -> None:
    op.create_table(
        "logboek_blok",
        sa.Column("van", sa.BigInteger(), autoincrement=False, nullable=False),
        sa.Column("tot", sa.BigInteger(), nullable=False),
        sa.Column("wortel_hash", sa.String(length=64), nullable=False),
        sa.Column("tijd", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("van", name=op.f("pk_logboek_blok")),
    )
    if op.get_bind().dialect.name == "postgresql":
        _opnieuw(verdeeld=True)


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        _opnieuw(verdeeld=False)
    op.drop_table("logboek_blok")
