# SPDX-License-Identifier: EUPL-1.2
"""Fundament: organisations, users, cases, deliveries, statements, processing log.

Revision ID: 0001
Revises: -
Create Date: 2026-11-23 09:29:19.556284
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "logboek_checkpoint",
        sa.Column("boomgrootte", sa.BigInteger(), autoincrement=False, nullable=False),
        sa.Column("wortel_hash", sa.String(length=64), nullable=False),
        sa.Column("tijd", sa.DateTime(timezone=True), nullable=False),
        sa.Column("sleutel_id", sa.String(length=64), nullable=False),
        sa.Column("handtekening", sa.String(length=200), nullable=False),
        sa.PrimaryKeyConstraint("boomgrootte", name=op.f("pk_logboek_checkpoint")),
    )
    kop = op.create_table(
        "logboek_kop",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("volgnummer", sa.BigInteger(), nullable=False),
        sa.Column("keten_hash", sa.String(length=64), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_logboek_kop")),
    )
    # The chain starts empty; appends lock this one row.
    op.bulk_insert(kop, [{"id": 1, "volgnummer": 0, "keten_hash": "0" * 64}])
    op.create_table(
        "logboek_regel",
        sa.Column("volgnummer", sa.BigInteger(), autoincrement=False, nullable=False),
        sa.Column("inhoud", sa.Text(), nullable=False),
        sa.Column("blad_hash", sa.String(length=64), nullable=False),
        sa.Column("keten_hash", sa.String(length=64), nullable=False),
        sa.Column("trace_id", sa.String(length=32), nullable=False),
        sa.Column("casus_id", sa.String(length=40), nullable=True),
        sa.Column("tijd", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("volgnummer", name=op.f("pk_logboek_regel")),
    )
    with op.batch_alter_table("logboek_regel", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_logboek_regel_casus_id"), ["casus_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_logboek_regel_trace_id"), ["trace_id"], unique=False)

    op.create_table(
        "organisatie",
        sa.Column("id", sa.String(length=80), nullable=False),
        sa.Column("naam", sa.String(length=200), nullable=False),
        sa.Column("soort", sa.String(length=40), nullable=False),
        sa.Column("regio", sa.String(length=80), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_organisatie")),
    )
    op.create_table(
        "casus",
        sa.Column("id", sa.String(length=40), nullable=False),
        sa.Column("titel", sa.String(length=300), nullable=False),
        sa.Column("verband_id", sa.String(length=80), nullable=False),
        sa.Column("doel", sa.String(length=60), nullable=False),
        sa.Column("aanwijzingen", sa.Text(), nullable=True),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("aangemaakt_op", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["verband_id"], ["organisatie.id"], name=op.f("fk_casus_verband_id_organisatie")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_casus")),
    )
    op.create_table(
        "gebruiker",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("gebruikersnaam", sa.String(length=80), nullable=False),
        sa.Column("naam", sa.String(length=200), nullable=False),
        sa.Column("wachtwoord_hash", sa.String(length=200), nullable=False),
        sa.Column("organisatie_id", sa.String(length=80), nullable=False),
        sa.Column("rol", sa.String(length=40), nullable=False),
        sa.Column("actief", sa.Boolean(), nullable=False),
        sa.Column("aangemaakt_op", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["organisatie_id"],
            ["organisatie.id"],
            name=op.f("fk_gebruiker_organisatie_id_organisatie"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_gebruiker")),
        sa.UniqueConstraint("gebruikersnaam", name=op.f("uq_gebruiker_gebruikersnaam")),
    )
    op.create_table(
        "logboek_betrokkene",
        sa.Column("volgnummer", sa.BigInteger(), nullable=False),
        sa.Column("betrokkene", sa.String(length=128), nullable=False),
        sa.Column("betrokkene_soort", sa.String(length=40), nullable=False),
        sa.Column("zout", sa.String(length=32), nullable=False),
        sa.ForeignKeyConstraint(
            ["volgnummer"],
            ["logboek_regel.volgnummer"],
            name=op.f("fk_logboek_betrokkene_volgnummer_logboek_regel"),
        ),
        sa.PrimaryKeyConstraint("volgnummer", name=op.f("pk_logboek_betrokkene")),
    )
    with op.batch_alter_table("logboek_betrokkene", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_logboek_betrokkene_betrokkene"), ["betrokkene"], unique=False
        )

    op.create_table(
        "audit_record",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("trace_id", sa.String(length=32), nullable=False),
        sa.Column("gebruiker_id", sa.Integer(), nullable=True),
        sa.Column("organisatie_id", sa.String(length=80), nullable=True),
        sa.Column("actie", sa.String(length=120), nullable=False),
        sa.Column("resultaat", sa.String(length=40), nullable=False),
        sa.Column("herkomst", sa.String(length=40), nullable=False),
        sa.Column("details", sa.JSON(), nullable=False),
        sa.Column("tijd", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["gebruiker_id"], ["gebruiker.id"], name=op.f("fk_audit_record_gebruiker_id_gebruiker")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_audit_record")),
    )
    with op.batch_alter_table("audit_record", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_audit_record_trace_id"), ["trace_id"], unique=False)

    op.create_table(
        "casus_lid",
        sa.Column("casus_id", sa.String(length=40), nullable=False),
        sa.Column("gebruiker_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["casus_id"], ["casus.id"], name=op.f("fk_casus_lid_casus_id_casus")
        ),
        sa.ForeignKeyConstraint(
            ["gebruiker_id"], ["gebruiker.id"], name=op.f("fk_casus_lid_gebruiker_id_gebruiker")
        ),
        sa.PrimaryKeyConstraint("casus_id", "gebruiker_id", name=op.f("pk_casus_lid")),
    )
    op.create_table(
        "levering",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("sleutel", sa.String(length=64), nullable=False),
        sa.Column("partner_id", sa.String(length=80), nullable=False),
        sa.Column("ontvanger_id", sa.String(length=80), nullable=False),
        sa.Column("mapping", sa.String(length=120), nullable=False),
        sa.Column("dataset", sa.String(length=120), nullable=False),
        sa.Column("doel", sa.String(length=60), nullable=False),
        sa.Column("casus_id", sa.String(length=40), nullable=True),
        sa.Column("bestandsnaam", sa.String(length=300), nullable=False),
        sa.Column("formaat", sa.String(length=10), nullable=False),
        sa.Column("inhoud_hash", sa.String(length=64), nullable=False),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("rijen_totaal", sa.Integer(), nullable=False),
        sa.Column("rijen_goed", sa.Integer(), nullable=False),
        sa.Column("rijen_fout", sa.Integer(), nullable=False),
        sa.Column("entiteiten", sa.Integer(), nullable=False),
        sa.Column("fouten", sa.JSON(), nullable=False),
        sa.Column("melding", sa.Text(), nullable=True),
        sa.Column("geleverd_door", sa.Integer(), nullable=True),
        sa.Column("ontvangen_op", sa.DateTime(timezone=True), nullable=False),
        sa.Column("verwerkt_op", sa.DateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(
            ["casus_id"], ["casus.id"], name=op.f("fk_levering_casus_id_casus")
        ),
        sa.ForeignKeyConstraint(
            ["geleverd_door"], ["gebruiker.id"], name=op.f("fk_levering_geleverd_door_gebruiker")
        ),
        sa.ForeignKeyConstraint(
            ["ontvanger_id"], ["organisatie.id"], name=op.f("fk_levering_ontvanger_id_organisatie")
        ),
        sa.ForeignKeyConstraint(
            ["partner_id"], ["organisatie.id"], name=op.f("fk_levering_partner_id_organisatie")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_levering")),
        sa.UniqueConstraint("sleutel", name=op.f("uq_levering_sleutel")),
    )
    op.create_table(
        "token",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("gebruiker_id", sa.Integer(), nullable=False),
        sa.Column("token_hash", sa.String(length=64), nullable=False),
        sa.Column("aangemaakt_op", sa.DateTime(timezone=True), nullable=False),
        sa.Column("verloopt_op", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["gebruiker_id"], ["gebruiker.id"], name=op.f("fk_token_gebruiker_id_gebruiker")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_token")),
        sa.UniqueConstraint("token_hash", name=op.f("uq_token_token_hash")),
    )
    op.create_table(
        "statement",
        sa.Column("id", sa.String(length=64), nullable=False),
        sa.Column("entity_id", sa.String(length=128), nullable=False),
        sa.Column("schema", sa.String(length=60), nullable=False),
        sa.Column("prop", sa.String(length=60), nullable=False),
        sa.Column("prop_type", sa.String(length=30), nullable=False),
        sa.Column("value", sa.Text(), nullable=False),
        sa.Column("original_value", sa.Text(), nullable=True),
        sa.Column("dataset", sa.String(length=120), nullable=False),
        sa.Column("levering_id", sa.String(length=36), nullable=False),
        sa.Column("bron_id", sa.String(length=80), nullable=False),
        sa.Column("houder_id", sa.String(length=80), nullable=False),
        sa.Column("casus_id", sa.String(length=40), nullable=True),
        sa.Column("source_record_id", sa.String(length=200), nullable=False),
        sa.Column("categorie", sa.String(length=60), nullable=False),
        sa.Column("grondslag", sa.String(length=60), nullable=False),
        sa.Column("first_seen", sa.DateTime(timezone=True), nullable=False),
        sa.Column("last_seen", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["bron_id"], ["organisatie.id"], name=op.f("fk_statement_bron_id_organisatie")
        ),
        sa.ForeignKeyConstraint(
            ["casus_id"], ["casus.id"], name=op.f("fk_statement_casus_id_casus")
        ),
        sa.ForeignKeyConstraint(
            ["houder_id"], ["organisatie.id"], name=op.f("fk_statement_houder_id_organisatie")
        ),
        sa.ForeignKeyConstraint(
            ["levering_id"], ["levering.id"], name=op.f("fk_statement_levering_id_levering")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_statement")),
    )
    with op.batch_alter_table("statement", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_statement_entity_id"), ["entity_id"], unique=False)
        batch_op.create_index(
            "ix_statement_houder_categorie", ["houder_id", "categorie"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_statement_levering_id"), ["levering_id"], unique=False)
        batch_op.create_index("ix_statement_waarde", ["prop_type", "value"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("statement", schema=None) as batch_op:
        batch_op.drop_index("ix_statement_waarde")
        batch_op.drop_index(batch_op.f("ix_statement_levering_id"))
        batch_op.drop_index("ix_statement_houder_categorie")
        batch_op.drop_index(batch_op.f("ix_statement_entity_id"))

    op.drop_table("statement")
    op.drop_table("token")
    op.drop_table("levering")
    op.drop_table("casus_lid")
    with op.batch_alter_table("audit_record", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_audit_record_trace_id"))

    op.drop_table("audit_record")
    with op.batch_alter_table("logboek_betrokkene", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_logboek_betrokkene_betrokkene"))

    op.drop_table("logboek_betrokkene")
    op.drop_table("gebruiker")
    op.drop_table("casus")
    op.drop_table("organisatie")
    with op.batch_alter_table("logboek_regel", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_logboek_regel_trace_id"))
        batch_op.drop_index(batch_op.f("ix_logboek_regel_casus_id"))

    op.drop_table("logboek_regel")
    op.drop_table("logboek_kop")
    op.drop_table("logboek_checkpoint")
