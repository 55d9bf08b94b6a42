# SPDX-License-Identifier: EUPL-1.2
"""Gatekeepers and registers: unusual-transaction reports, FIU disseminations, emergency
freezes, notaries' refusals and partnership facts, the warning register (AP permits,
connected companies, entries, lookups).

Revision ID: 0012
Revises: 0011
Create Date: 2026-11-29 21:06:07.838598
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0012"
down_revision = "0011"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("signaal", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("kanaal", sa.String(length=20), nullable=False, server_default="deelnemer")
        )
        batch_op.add_column(sa.Column("convenant", sa.String(length=80), nullable=True))
        batch_op.add_column(sa.Column("mainport", sa.String(length=30), nullable=True))
        batch_op.create_index(batch_op.f("ix_signaal_mainport"), ["mainport"], unique=False)
    # Signals that came in before: a public tip has no organisation.
    op.execute("UPDATE signaal SET kanaal = 'publiek' WHERE organisatie_id IS NULL")
    with op.batch_alter_table("casus", schema=None) as batch_op:
        batch_op.add_column(sa.Column("mainport", sa.String(length=30), nullable=True))
        batch_op.create_index(batch_op.f("ix_casus_mainport"), ["mainport"], unique=False)

    op.create_table(
        "registeraansluiting",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("register_id", sa.String(length=80), nullable=False),
        sa.Column("organisatie_id", sa.String(length=80), nullable=False),
        sa.Column("sinds", sa.Date(), nullable=False),
        sa.Column("tot", sa.Date(), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_registeraansluiting")),
    )
    with op.batch_alter_table("registeraansluiting", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_registeraansluiting_organisatie_id"), ["organisatie_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_registeraansluiting_register_id"), ["register_id"], unique=False
        )

    op.create_table(
        "apvergunning",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("register_id", sa.String(length=80), nullable=False),
        sa.Column("nummer", sa.String(length=60), nullable=False),
        sa.Column("reikwijdte", sa.Text(), nullable=False),
        sa.Column("criteria", sa.JSON(), nullable=False),
        sa.Column("bewaartermijn_maanden", sa.Integer(), nullable=False),
        sa.Column("geldig_van", sa.Date(), nullable=False),
        sa.Column("geldig_tot", sa.Date(), nullable=True),
        sa.Column("ingetrokken_op", sa.Date(), nullable=True),
        sa.Column("vastgelegd_door", sa.Integer(), nullable=False),
        sa.Column(
            "vastgelegd_op",
            sa.DateTime(timezone=True),
            nullable=False,
        ),
        sa.ForeignKeyConstraint(
            ["vastgelegd_door"],
            ["gebruiker.id"],
            name=op.f("fk_apvergunning_vastgelegd_door_gebruiker"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_apvergunning")),
    )
    with op.batch_alter_table("apvergunning", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_apvergunning_register_id"), ["register_id"], unique=False
        )

    op.create_table(
        "notarisweigering",
        sa.Column("id", sa.String(length=20), nullable=False),
        sa.Column("organisatie_id", sa.String(length=80), nullable=False),
        sa.Column("soort", sa.String(length=20), nullable=False),
        sa.Column("reden", sa.String(length=30), nullable=False),
        sa.Column("op", sa.Date(), nullable=False),
        sa.Column("client", sa.String(length=300), nullable=False),
        sa.Column("kenmerken", sa.JSON(), nullable=False),
        sa.Column("toelichting", sa.Text(), nullable=False),
        sa.Column("vastgelegd_door", sa.Integer(), nullable=False),
        sa.Column(
            "vastgelegd_op",
            sa.DateTime(timezone=True),
            nullable=False,
        ),
        sa.ForeignKeyConstraint(
            ["vastgelegd_door"],
            ["gebruiker.id"],
            name=op.f("fk_notarisweigering_vastgelegd_door_gebruiker"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_notarisweigering")),
    )
    with op.batch_alter_table("notarisweigering", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_notarisweigering_organisatie_id"), ["organisatie_id"], unique=False
        )

    op.create_table(
        "ongebruikelijketransactie",
        sa.Column("id", sa.String(length=20), nullable=False),
        sa.Column("melder_id", sa.String(length=80), nullable=False),
        sa.Column("sector", sa.String(length=40), nullable=False),
        sa.Column("kanaal", sa.String(length=10), nullable=False),
        sa.Column("melder_kenmerk", sa.String(length=80), nullable=True),
        sa.Column("meldgrond", sa.String(length=20), nullable=False),
        sa.Column("indicator", sa.String(length=300), nullable=False),
        sa.Column("transactie_op", sa.Date(), nullable=False),
        sa.Column("bedrag_centen", sa.BigInteger(), nullable=False),
        sa.Column("valuta", sa.String(length=3), nullable=False),
        sa.Column("van_rekening", sa.String(length=40), nullable=True),
        sa.Column("naar_rekening", sa.String(length=40), nullable=True),
        sa.Column("aard", sa.String(length=300), nullable=False),
        sa.Column("reden", sa.Text(), nullable=False),
        sa.Column("client", sa.String(length=300), nullable=False),
        sa.Column("geboortedatum", sa.Date(), nullable=True),
        sa.Column("kenmerken", sa.JSON(), nullable=False),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("analyse", sa.Text(), nullable=True),
        sa.Column("beoordeeld_op", sa.Date(), nullable=True),
        sa.Column("stappen", sa.JSON(), nullable=False),
        sa.Column("ontvangen_door", sa.Integer(), nullable=False),
        sa.Column(
            "ontvangen_op",
            sa.DateTime(timezone=True),
            nullable=False,
        ),
        sa.ForeignKeyConstraint(
            ["ontvangen_door"],
            ["gebruiker.id"],
            name=op.f("fk_ongebruikelijketransactie_ontvangen_door_gebruiker"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_ongebruikelijketransactie")),
    )
    with op.batch_alter_table("ongebruikelijketransactie", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_ongebruikelijketransactie_melder_id"), ["melder_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_ongebruikelijketransactie_ontvangen_op"), ["ontvangen_op"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_ongebruikelijketransactie_sector"), ["sector"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_ongebruikelijketransactie_status"), ["status"], unique=False
        )

    op.create_table(
        "partnerschapsfeit",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("organisatie_id", sa.String(length=80), nullable=False),
        sa.Column("soort", sa.String(length=30), nullable=False),
        sa.Column("op", sa.Date(), nullable=False),
        sa.Column("kenmerk", sa.String(length=120), nullable=False),
        sa.Column("vastgelegd_door", sa.Integer(), nullable=False),
        sa.Column(
            "vastgelegd_op",
            sa.DateTime(timezone=True),
            nullable=False,
        ),
        sa.ForeignKeyConstraint(
            ["vastgelegd_door"],
            ["gebruiker.id"],
            name=op.f("fk_partnerschapsfeit_vastgelegd_door_gebruiker"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_partnerschapsfeit")),
    )
    with op.batch_alter_table("partnerschapsfeit", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_partnerschapsfeit_organisatie_id"), ["organisatie_id"], unique=False
        )

    op.create_table(
        "fiuverstrekking",
        sa.Column("id", sa.String(length=20), nullable=False),
        sa.Column("melding_id", sa.String(length=20), nullable=False),
        sa.Column("aan_id", sa.String(length=80), nullable=False),
        sa.Column("toelichting", sa.Text(), nullable=False),
        sa.Column("besluit", sa.JSON(), nullable=False),
        sa.Column("verstrekt_door", sa.Integer(), nullable=False),
        sa.Column(
            "verstrekt_op",
            sa.DateTime(timezone=True),
            nullable=False,
        ),
        sa.ForeignKeyConstraint(
            ["melding_id"],
            ["ongebruikelijketransactie.id"],
            name=op.f("fk_fiuverstrekking_melding_id_ongebruikelijketransactie"),
        ),
        sa.ForeignKeyConstraint(
            ["verstrekt_door"],
            ["gebruiker.id"],
            name=op.f("fk_fiuverstrekking_verstrekt_door_gebruiker"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_fiuverstrekking")),
    )
    with op.batch_alter_table("fiuverstrekking", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_fiuverstrekking_aan_id"), ["aan_id"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_fiuverstrekking_melding_id"), ["melding_id"], unique=False
        )

    op.create_table(
        "opschorting",
        sa.Column("id", sa.String(length=20), nullable=False),
        sa.Column("instelling_id", sa.String(length=80), nullable=False),
        sa.Column("melding_id", sa.String(length=20), nullable=True),
        sa.Column("transactie_kenmerk", sa.String(length=80), nullable=False),
        sa.Column("bedrag_centen", sa.BigInteger(), nullable=False),
        sa.Column("reden", sa.Text(), nullable=False),
        sa.Column("verzocht_op", sa.Date(), nullable=False),
        sa.Column("werkdagen", sa.Integer(), nullable=False),
        sa.Column("buitenlands", sa.Boolean(), nullable=False),
        sa.Column("buitenlandse_fiu", sa.String(length=120), nullable=True),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("einde", sa.Date(), nullable=False),
        sa.Column("verlengingen", sa.Integer(), nullable=False),
        sa.Column(
            "bevestigd_op",
            sa.DateTime(timezone=True),
            nullable=True,
        ),
        sa.Column("dossier_id", sa.String(length=40), nullable=True),
        sa.Column("stappen", sa.JSON(), nullable=False),
        sa.Column("aangemaakt_door", sa.Integer(), nullable=False),
        sa.Column(
            "aangemaakt_op",
            sa.DateTime(timezone=True),
            nullable=False,
        ),
        sa.ForeignKeyConstraint(
            ["aangemaakt_door"],
            ["gebruiker.id"],
            name=op.f("fk_opschorting_aangemaakt_door_gebruiker"),
        ),
        sa.ForeignKeyConstraint(
            ["melding_id"],
            ["ongebruikelijketransactie.id"],
            name=op.f("fk_opschorting_melding_id_ongebruikelijketransactie"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_opschorting")),
    )
    with op.batch_alter_table("opschorting", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_opschorting_einde"), ["einde"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_opschorting_instelling_id"), ["instelling_id"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_opschorting_status"), ["status"], unique=False)

    op.create_table(
        "waarschuwingsregistratie",
        sa.Column("id", sa.String(length=20), nullable=False),
        sa.Column("register_id", sa.String(length=80), nullable=False),
        sa.Column("vergunning_id", sa.Integer(), nullable=False),
        sa.Column("naam", sa.String(length=300), nullable=False),
        sa.Column("geboortedatum", sa.Date(), nullable=False),
        sa.Column("sleutel", sa.String(length=80), nullable=False),
        sa.Column("criterium", sa.String(length=30), nullable=False),
        sa.Column("bewijs", sa.Text(), nullable=False),
        sa.Column("aangemeld_door", sa.String(length=80), nullable=False),
        sa.Column("ingeschreven_op", sa.Date(), nullable=False),
        sa.Column("einde", sa.Date(), nullable=False),
        sa.Column("kennisgeving_op", sa.Date(), nullable=True),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("bezwaar_op", sa.Date(), nullable=True),
        sa.Column("stappen", sa.JSON(), nullable=False),
        sa.Column("vastgelegd_door", sa.Integer(), nullable=False),
        sa.Column(
            "vastgelegd_op",
            sa.DateTime(timezone=True),
            nullable=False,
        ),
        sa.ForeignKeyConstraint(
            ["vastgelegd_door"],
            ["gebruiker.id"],
            name=op.f("fk_waarschuwingsregistratie_vastgelegd_door_gebruiker"),
        ),
        sa.ForeignKeyConstraint(
            ["vergunning_id"],
            ["apvergunning.id"],
            name=op.f("fk_waarschuwingsregistratie_vergunning_id_apvergunning"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_waarschuwingsregistratie")),
    )
    with op.batch_alter_table("waarschuwingsregistratie", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_waarschuwingsregistratie_einde"), ["einde"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_waarschuwingsregistratie_register_id"), ["register_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_waarschuwingsregistratie_sleutel"), ["sleutel"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_waarschuwingsregistratie_status"), ["status"], unique=False
        )

    op.create_table(
        "registerraadpleging",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("register_id", sa.String(length=80), nullable=False),
        sa.Column("organisatie_id", sa.String(length=80), nullable=False),
        sa.Column("registratie_id", sa.String(length=20), nullable=True),
        sa.Column("treffer", sa.Boolean(), nullable=False),
        sa.Column("op", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["registratie_id"],
            ["waarschuwingsregistratie.id"],
            name=op.f("fk_registerraadpleging_registratie_id_waarschuwingsregistratie"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_registerraadpleging")),
    )
    with op.batch_alter_table("registerraadpleging", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_registerraadpleging_organisatie_id"), ["organisatie_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_registerraadpleging_register_id"), ["register_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_registerraadpleging_registratie_id"), ["registratie_id"], unique=False
        )


def downgrade() -> None:
    with op.batch_alter_table("casus", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_casus_mainport"))
        batch_op.drop_column("mainport")
    with op.batch_alter_table("signaal", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_signaal_mainport"))
        batch_op.drop_column("mainport")
        batch_op.drop_column("convenant")
        batch_op.drop_column("kanaal")
    with op.batch_alter_table("registerraadpleging", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_registerraadpleging_registratie_id"))
        batch_op.drop_index(batch_op.f("ix_registerraadpleging_register_id"))
        batch_op.drop_index(batch_op.f("ix_registerraadpleging_organisatie_id"))

    op.drop_table("registerraadpleging")
    with op.batch_alter_table("waarschuwingsregistratie", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_waarschuwingsregistratie_status"))
        batch_op.drop_index(batch_op.f("ix_waarschuwingsregistratie_sleutel"))
        batch_op.drop_index(batch_op.f("ix_waarschuwingsregistratie_register_id"))
        batch_op.drop_index(batch_op.f("ix_waarschuwingsregistratie_einde"))

    op.drop_table("waarschuwingsregistratie")
    with op.batch_alter_table("opschorting", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_opschorting_status"))
        batch_op.drop_index(batch_op.f("ix_opschorting_instelling_id"))
        batch_op.drop_index(batch_op.f("ix_opschorting_einde"))

    op.drop_table("opschorting")
    with op.batch_alter_table("fiuverstrekking", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_fiuverstrekking_melding_id"))
        batch_op.drop_index(batch_op.f("ix_fiuverstrekking_aan_id"))

    op.drop_table("fiuverstrekking")
    with op.batch_alter_table("partnerschapsfeit", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_partnerschapsfeit_organisatie_id"))

    op.drop_table("partnerschapsfeit")
    with op.batch_alter_table("ongebruikelijketransactie", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_ongebruikelijketransactie_status"))
        batch_op.drop_index(batch_op.f("ix_ongebruikelijketransactie_sector"))
        batch_op.drop_index(batch_op.f("ix_ongebruikelijketransactie_ontvangen_op"))
        batch_op.drop_index(batch_op.f("ix_ongebruikelijketransactie_melder_id"))

    op.drop_table("ongebruikelijketransactie")
    with op.batch_alter_table("notarisweigering", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_notarisweigering_organisatie_id"))

    op.drop_table("notarisweigering")
    with op.batch_alter_table("apvergunning", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_apvergunning_register_id"))

    op.drop_table("apvergunning")
    with op.batch_alter_table("registeraansluiting", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_registeraansluiting_register_id"))
        batch_op.drop_index(batch_op.f("ix_registeraansluiting_organisatie_id"))

    op.drop_table("registeraansluiting")
