# SPDX-License-Identifier: EUPL-1.2
"""The administrative instruments: Bibob procedures and the register of conclusions, the
police's administrative reports, closures, administrative claims, Kadaster messages,
subscriptions and plot events.

Revision ID: 0011
Revises: 0010
Create Date: 2026-11-29 18:40:14.102006
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "kadastergebeurtenis",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("perceel", sa.String(length=40), nullable=False),
        sa.Column("soort", sa.String(length=30), nullable=False),
        sa.Column("datum", sa.Date(), nullable=False),
        sa.Column("kenmerk", sa.String(length=60), nullable=True),
        sa.Column("geregistreerd_op", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_kadastergebeurtenis")),
        sa.UniqueConstraint("kenmerk", name=op.f("uq_kadastergebeurtenis_kenmerk")),
    )
    with op.batch_alter_table("kadastergebeurtenis", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_kadastergebeurtenis_perceel"), ["perceel"], unique=False
        )

    op.create_table(
        "perceelabonnement",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("organisatie_id", sa.String(length=80), nullable=False),
        sa.Column("perceel", sa.String(length=40), nullable=False),
        sa.Column("sinds", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_perceelabonnement")),
        sa.UniqueConstraint(
            "organisatie_id", "perceel", name=op.f("uq_perceelabonnement_organisatie_id")
        ),
    )
    with op.batch_alter_table("perceelabonnement", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_perceelabonnement_organisatie_id"), ["organisatie_id"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_perceelabonnement_perceel"), ["perceel"], unique=False)

    op.create_table(
        "bestuurlijkerapportage",
        sa.Column("id", sa.String(length=20), nullable=False),
        sa.Column("van_id", sa.String(length=80), nullable=False),
        sa.Column("aan_id", sa.String(length=80), nullable=False),
        sa.Column("grond", sa.String(length=20), nullable=False),
        sa.Column("bag_id", sa.String(length=16), nullable=False),
        sa.Column("bag_soort", sa.String(length=20), nullable=False),
        sa.Column("adres", sa.String(length=300), nullable=False),
        sa.Column("buurt_code", sa.String(length=10), nullable=True),
        sa.Column("perceel", sa.String(length=40), nullable=True),
        sa.Column("feiten_op", sa.Date(), nullable=False),
        sa.Column("samenvatting", sa.Text(), nullable=False),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("besluit", sa.JSON(), nullable=False),
        sa.Column("opgesteld_door", sa.Integer(), nullable=False),
        sa.Column("opgesteld_op", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["opgesteld_door"],
            ["gebruiker.id"],
            name=op.f("fk_bestuurlijkerapportage_opgesteld_door_gebruiker"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_bestuurlijkerapportage")),
    )
    with op.batch_alter_table("bestuurlijkerapportage", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_bestuurlijkerapportage_aan_id"), ["aan_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_bestuurlijkerapportage_van_id"), ["van_id"], unique=False
        )

    op.create_table(
        "bestuurlijkevordering",
        sa.Column("id", sa.String(length=20), nullable=False),
        sa.Column("organisatie_id", sa.String(length=80), nullable=False),
        sa.Column("soort", sa.String(length=30), nullable=False),
        sa.Column("schuldenaar", sa.String(length=300), nullable=False),
        sa.Column("kenmerken", sa.JSON(), nullable=False),
        sa.Column("omschrijving", sa.Text(), nullable=False),
        sa.Column("bedrag_centen", sa.Integer(), nullable=False),
        sa.Column("maximum_centen", sa.Integer(), nullable=False),
        sa.Column("verschuldigd_centen", sa.Integer(), nullable=False),
        sa.Column("betaald_centen", sa.Integer(), nullable=False),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("opgelegd_op", sa.Date(), nullable=False),
        sa.Column("termijn_tot", sa.Date(), nullable=True),
        sa.Column("stappen", sa.JSON(), nullable=False),
        sa.Column("sluiting_id", sa.String(length=20), nullable=True),
        sa.Column("casus_id", sa.String(length=20), nullable=True),
        sa.Column("interventie_id", sa.String(length=40), nullable=True),
        sa.Column("aangemaakt_door", sa.Integer(), nullable=False),
        sa.Column("aangemaakt_op", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["aangemaakt_door"],
            ["gebruiker.id"],
            name=op.f("fk_bestuurlijkevordering_aangemaakt_door_gebruiker"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_bestuurlijkevordering")),
    )
    with op.batch_alter_table("bestuurlijkevordering", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_bestuurlijkevordering_organisatie_id"), ["organisatie_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_bestuurlijkevordering_status"), ["status"], unique=False
        )

    op.create_table(
        "bibobprocedure",
        sa.Column("id", sa.String(length=20), nullable=False),
        sa.Column("organisatie_id", sa.String(length=80), nullable=False),
        sa.Column("aanleiding", sa.String(length=20), nullable=False),
        sa.Column("onderwerp", sa.String(length=300), nullable=False),
        sa.Column("aanvrager", sa.String(length=300), nullable=False),
        sa.Column("kenmerken", sa.JSON(), nullable=False),
        sa.Column("vragenlijst_op", sa.Date(), nullable=True),
        sa.Column("eigen_onderzoek", sa.Text(), nullable=True),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("lbb_gevraagd_op", sa.Date(), nullable=True),
        sa.Column("lbb_verlengd", sa.Boolean(), nullable=False),
        sa.Column("advies", sa.Text(), nullable=True),
        sa.Column("conclusie", sa.String(length=20), nullable=True),
        sa.Column("advies_ontvangen_op", sa.Date(), nullable=True),
        sa.Column("voornemen", sa.String(length=20), nullable=True),
        sa.Column("zienswijze_tot", sa.Date(), nullable=True),
        sa.Column("zienswijze", sa.Text(), nullable=True),
        sa.Column("besluit", sa.String(length=20), nullable=True),
        sa.Column("motivering", sa.Text(), nullable=True),
        sa.Column("besloten_op", sa.Date(), nullable=True),
        sa.Column("riec_id", sa.String(length=80), nullable=True),
        sa.Column("extract", sa.Text(), nullable=True),
        sa.Column("extract_op", sa.Date(), nullable=True),
        sa.Column("stappen", sa.JSON(), nullable=False),
        sa.Column("casus_id", sa.String(length=20), nullable=True),
        sa.Column("interventie_id", sa.String(length=40), nullable=True),
        sa.Column("aangemaakt_door", sa.Integer(), nullable=False),
        sa.Column("aangemaakt_op", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["aangemaakt_door"],
            ["gebruiker.id"],
            name=op.f("fk_bibobprocedure_aangemaakt_door_gebruiker"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_bibobprocedure")),
    )
    with op.batch_alter_table("bibobprocedure", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_bibobprocedure_organisatie_id"), ["organisatie_id"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_bibobprocedure_riec_id"), ["riec_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_bibobprocedure_status"), ["status"], unique=False)

    op.create_table(
        "bibobconclusie",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("procedure_id", sa.String(length=20), nullable=False),
        sa.Column("organisatie_id", sa.String(length=80), nullable=False),
        sa.Column("kenmerken", sa.JSON(), nullable=False),
        sa.Column("conclusie", sa.String(length=20), nullable=False),
        sa.Column("vastgesteld_op", sa.Date(), nullable=False),
        sa.Column("geldig_tot", sa.Date(), nullable=False),
        sa.Column("hergebruik", sa.JSON(), nullable=False),
        sa.ForeignKeyConstraint(
            ["procedure_id"],
            ["bibobprocedure.id"],
            name=op.f("fk_bibobconclusie_procedure_id_bibobprocedure"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_bibobconclusie")),
    )
    with op.batch_alter_table("bibobconclusie", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_bibobconclusie_geldig_tot"), ["geldig_tot"], unique=False
        )

    op.create_table(
        "sluiting",
        sa.Column("id", sa.String(length=20), nullable=False),
        sa.Column("organisatie_id", sa.String(length=80), nullable=False),
        sa.Column("rapportage_id", sa.String(length=20), nullable=False),
        sa.Column("grond", sa.String(length=20), nullable=False),
        sa.Column("bag_id", sa.String(length=16), nullable=False),
        sa.Column("bag_soort", sa.String(length=20), nullable=False),
        sa.Column("adres", sa.String(length=300), nullable=False),
        sa.Column("buurt_code", sa.String(length=10), nullable=True),
        sa.Column("perceel", sa.String(length=40), nullable=True),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("motivering", sa.Text(), nullable=True),
        sa.Column("besloten_op", sa.Date(), nullable=True),
        sa.Column("begin", sa.Date(), nullable=True),
        sa.Column("einde", sa.Date(), nullable=True),
        sa.Column("verlengingen", sa.Integer(), nullable=False),
        sa.Column("lopend_rechtsmiddel", sa.String(length=30), nullable=True),
        sa.Column("rechtsmiddel_op", sa.Date(), nullable=True),
        sa.Column("stappen", sa.JSON(), nullable=False),
        sa.Column("casus_id", sa.String(length=20), nullable=True),
        sa.Column("interventie_id", sa.String(length=40), nullable=True),
        sa.Column("aangemaakt_door", sa.Integer(), nullable=False),
        sa.Column("aangemaakt_op", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["aangemaakt_door"],
            ["gebruiker.id"],
            name=op.f("fk_sluiting_aangemaakt_door_gebruiker"),
        ),
        sa.ForeignKeyConstraint(
            ["rapportage_id"],
            ["bestuurlijkerapportage.id"],
            name=op.f("fk_sluiting_rapportage_id_bestuurlijkerapportage"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_sluiting")),
    )
    with op.batch_alter_table("sluiting", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_sluiting_buurt_code"), ["buurt_code"], unique=False)
        batch_op.create_index(batch_op.f("ix_sluiting_einde"), ["einde"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_sluiting_organisatie_id"), ["organisatie_id"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_sluiting_status"), ["status"], unique=False)

    op.create_table(
        "kadasterbericht",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("sluiting_id", sa.String(length=20), nullable=False),
        sa.Column("soort", sa.String(length=20), nullable=False),
        sa.Column("perceel", sa.String(length=40), nullable=False),
        sa.Column("inhoud", sa.JSON(), nullable=False),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("kenmerk", sa.String(length=60), nullable=True),
        sa.Column("verzonden_op", sa.DateTime(timezone=True), nullable=False),
        sa.Column("beantwoord_op", sa.DateTime(timezone=True), nullable=True),
        sa.Column("antwoord", sa.JSON(), nullable=False),
        sa.ForeignKeyConstraint(
            ["sluiting_id"], ["sluiting.id"], name=op.f("fk_kadasterbericht_sluiting_id_sluiting")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_kadasterbericht")),
    )
    with op.batch_alter_table("kadasterbericht", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_kadasterbericht_sluiting_id"), ["sluiting_id"], unique=False
        )


def downgrade() -> None:
    with op.batch_alter_table("kadasterbericht", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_kadasterbericht_sluiting_id"))

    op.drop_table("kadasterbericht")
    with op.batch_alter_table("sluiting", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_sluiting_status"))
        batch_op.drop_index(batch_op.f("ix_sluiting_organisatie_id"))
        batch_op.drop_index(batch_op.f("ix_sluiting_einde"))
        batch_op.drop_index(batch_op.f("ix_sluiting_buurt_code"))

    op.drop_table("sluiting")
    with op.batch_alter_table("bibobconclusie", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_bibobconclusie_geldig_tot"))

    op.drop_table("bibobconclusie")
    with op.batch_alter_table("bibobprocedure", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_bibobprocedure_status"))
        batch_op.drop_index(batch_op.f("ix_bibobprocedure_riec_id"))
        batch_op.drop_index(batch_op.f("ix_bibobprocedure_organisatie_id"))

    op.drop_table("bibobprocedure")
    with op.batch_alter_table("bestuurlijkevordering", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_bestuurlijkevordering_status"))
        batch_op.drop_index(batch_op.f("ix_bestuurlijkevordering_organisatie_id"))

    op.drop_table("bestuurlijkevordering")
    with op.batch_alter_table("bestuurlijkerapportage", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_bestuurlijkerapportage_van_id"))
        batch_op.drop_index(batch_op.f("ix_bestuurlijkerapportage_aan_id"))

    op.drop_table("bestuurlijkerapportage")
    with op.batch_alter_table("perceelabonnement", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_perceelabonnement_perceel"))
        batch_op.drop_index(batch_op.f("ix_perceelabonnement_organisatie_id"))

    op.drop_table("perceelabonnement")
    with op.batch_alter_table("kadastergebeurtenis", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_kadastergebeurtenis_perceel"))

    op.drop_table("kadastergebeurtenis")
