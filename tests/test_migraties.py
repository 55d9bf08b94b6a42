# SPDX-License-Identifier: EUPL-1.2
"""One Alembic tree for SQLite and PostgreSQL: up, down and up again; models match the schema."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import sqlalchemy as sa
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext

from integraal.opslag.db import maak_engine
from integraal.opslag.modellen import Basis
from integraal.opslag.schema import eigen_object, migreer, terug
from tests.conftest import Wereld


def test_op_neer_op(database_url: str) -> None:
    engine = maak_engine(database_url)
    migreer(engine)
    terug(engine, "base")
    assert set(sa.inspect(engine).get_table_names()) <= {"alembic_version"}
    migreer(engine)
    with engine.connect() as c:
        assert c.execute(sa.text("SELECT volgnummer, keten_hash FROM logboek_kop")).one() == (
            0,
            "0" * 64,
        )
    engine.dispose()


def test_modellen_en_migraties_lopen_gelijk(database_url: str) -> None:
    engine = maak_engine(database_url)
    migreer(engine)
    with engine.connect() as c:
        verschil = compare_metadata(
            MigrationContext.configure(
                c, opts={"compare_type": True, "include_object": eigen_object}
            ),
            Basis.metadata,
        )
    engine.dispose()
    assert verschil == [], "maak een nieuwe migratie: de modellen wijken af van het schema"


_START = """
import sys
from pathlib import Path
from integraal.instellingen import Instellingen
from integraal.omgeving import maak_omgeving
maak_omgeving(Instellingen(
    database_url=sys.argv[1], data_dir=Path(sys.argv[2]), pseudoniem_sleutel="proef"
))
"""


def test_twee_processen_die_tegelijk_starten_migreren_om_de_beurt(
    database_url: str, tmp_path: Path
) -> None:
    """Several app processes (issue 24) start on an empty database at the same moment: one
    migrates and fills the partner register, the others wait for it; none fails."""
    engine = maak_engine(database_url)
    terug(engine, "base")
    engine.dispose()
    processen = [
        subprocess.Popen(
            [sys.executable, "-c", _START, database_url, str(tmp_path / f"data{i}")],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for i in range(3)
    ]
    uitkomsten = [p.communicate(timeout=120) for p in processen]
    fouten = [
        err[-2000:] for p, (_out, err) in zip(processen, uitkomsten, strict=True) if p.returncode
    ]
    assert not fouten, fouten
    engine = maak_engine(database_url)
    with engine.connect() as c:
        verschil = compare_metadata(
            MigrationContext.configure(
                c, opts={"compare_type": True, "include_object": eigen_object}
            ),
            Basis.metadata,
        )
        organisaties = c.execute(sa.text("SELECT count(*) FROM organisatie")).scalar_one()
    engine.dispose()
    assert verschil == []
    assert organisaties > 10


def test_terug_en_weer_op_een_gevulde_database(met_levering: Wereld) -> None:
    """The newest migrations go back and forth on a database with accounts, cases and a
    delivery in it (on SQLite a batch copy of a referenced table would be refused there)."""
    engine = met_levering.omgeving.database
    terug(engine, "0024")
    migreer(engine)
    with engine.connect() as c:
        assert c.execute(sa.text("SELECT count(*) FROM gebruiker")).scalar_one() >= 5
        assert c.execute(sa.text("SELECT count(*) FROM statement")).scalar_one() > 0
