# SPDX-License-Identifier: EUPL-1.2
"""Run the Alembic migrations from code (`integraal init`, tests, `make run`)."""

from __future__ import annotations

from functools import cache
from importlib import resources

from alembic import command
from alembic.config import Config
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine
from sqlalchemy.orm import Session

from integraal.opslag.db import om_de_beurt

# Search structures created by hand in migrations 0005 and 0020, outside the models.
_ZOEKOBJECTEN = ("passage_fts", "ix_passage_zoek", "statement_zoek", "ix_statement_zoek")
# The job queue's tables (migration 0024) belong to procrastinate, not to our models.
_WACHTRIJ = "procrastinate"
# PostgreSQL's partitions of `statement` and of the log (migrations 0030 and 0031,
# `opslag.partities`): their model is the parent table.
_PARTITIES = ("statement_b_", "statement_overig", "logboek_regel_v", "logboek_betrokkene_v")


def eigen_object(
    obj: object, naam: str | None, soort: str, gereflecteerd: bool, tegenhanger: object
) -> bool:
    """For autogenerate and the models-equal-schema test: leave the search structures, the
    job queue's tables and the partitions alone."""
    tabel = getattr(getattr(obj, "table", None), "name", "")
    return not (
        (naam or "").startswith(_ZOEKOBJECTEN)
        or _WACHTRIJ in (naam or "")
        or _WACHTRIJ in tabel
        or (naam or "").startswith(_PARTITIES)
        or tabel.startswith(_PARTITIES)
    )


_MIGRATIES = str(resources.files("integraal.opslag").joinpath("migraties"))


def _config(engine: Engine) -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", _MIGRATIES)
    cfg.set_main_option("sqlalchemy.url", engine.url.render_as_string(hide_password=False))
    return cfg


def migreer(engine: Engine, revisie: str = "head") -> None:
    """Bring the schema to `revisie`. App processes started together take turns: on
    PostgreSQL one migrates under a transaction-level advisory lock while the others wait
    for it and then find the schema at head; SQLite's write lock (BEGIN IMMEDIATE, see
    `maak_engine`) does the same."""
    with engine.begin() as conn:
        om_de_beurt(conn, "migraties")
        cfg = _config(engine)
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, revisie)


def een_tegelijk(sessie: Session) -> None:
    """App processes that start together fill what the installation starts with (the rule
    catalogue, the mappings) one after another: on PostgreSQL under a transaction-level
    advisory lock, on SQLite under its write lock already. Without it, two would insert the
    same first version."""
    om_de_beurt(sessie, "zaaien")


def terug(engine: Engine, revisie: str) -> None:
    with engine.begin() as conn:
        cfg = _config(engine)
        cfg.attributes["connection"] = conn
        command.downgrade(cfg, revisie)


@cache
def _hoofd() -> str | None:
    """This code's newest migration: read from the scripts once per process, not at every
    readiness poll."""
    cfg = Config()
    cfg.set_main_option("script_location", _MIGRATIES)
    return ScriptDirectory.from_config(cfg).get_current_head()


def achterstand(engine: Engine) -> str | None:
    """Why this database cannot serve this code yet (unreachable, or its schema not at this
    code's head), in Dutch; None when it can. For the readiness check."""
    try:
        with engine.connect() as conn:
            huidig = MigrationContext.configure(conn).get_current_revision()
    except Exception as exc:  # any failure to reach it is the answer, not an error
        return f"de database is niet bereikbaar ({type(exc).__name__})"
    hoofd = _hoofd()
    if huidig != hoofd:
        return f"het databaseschema staat op versie {huidig or 'geen'}; verwacht: {hoofd}"
    return None
