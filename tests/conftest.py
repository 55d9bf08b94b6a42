# SPDX-License-Identifier: EUPL-1.2
"""Fixtures: one suite on SQLite and PostgreSQL, a fresh database per test, small worlds."""

from __future__ import annotations

import os
import shutil
import tempfile
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
import sqlalchemy as sa
from fastapi.testclient import TestClient

from integraal.domein.actor import Actor
from integraal.domein.rollen import Rol
from integraal.gebruikers import actor_van, maak_gebruiker
from integraal.instellingen import Instellingen
from integraal.omgeving import Omgeving, initialiseer_database, maak_omgeving
from integraal.opslag.db import transactie
from tests.hulp import WACHTWOORD, lever, maak_casus

_EIGEN_MAP = pytest.StashKey[Path]()

# Shared fixtures that live in their own module (the cross-referencing world).
pytest_plugins = ["tests.kruiswereld", "tests.netwerkwereld", "tests.demosjabloon"]


@pytest.fixture(autouse=True, scope="session")
def _snelle_argon2() -> Iterator[None]:
    """Real argon2, cheap parameters: the suite creates hundreds of accounts."""
    from argon2 import PasswordHasher

    import integraal.gebruikers as g

    origineel = g._hasher
    g._hasher = PasswordHasher(time_cost=1, memory_cost=64, parallelism=1)
    yield
    g._hasher = origineel


def pytest_configure(config: pytest.Config) -> None:
    """Test files in memory where the machine offers it (and no folder was asked for): every
    SQLite test copies a template and commits with `synchronous=FULL`, as production does, and
    an fsync to a disk costs more than the rest of a small test. The workers of pytest-xdist
    get a folder below this one; the whole folder goes when the run ends."""
    geheugen = Path("/dev/shm")
    if (
        config.option.basetemp is None
        and not hasattr(config, "workerinput")
        and geheugen.is_dir()
        and os.access(geheugen, os.W_OK)
    ):
        config.option.basetemp = tempfile.mkdtemp(prefix="integraal-tests-", dir=geheugen)
        config.stash[_EIGEN_MAP] = Path(config.option.basetemp)


def pytest_unconfigure(config: pytest.Config) -> None:
    eigen = config.stash.get(_EIGEN_MAP, None)
    if eigen is not None:
        shutil.rmtree(eigen, ignore_errors=True)


def pytest_xdist_make_scheduler(config: pytest.Config, log: object) -> object:
    """Known slow files first over the workers (tests/verdeling.py)."""
    if config.getoption("dist", None) != "loadfile":
        return None
    from tests.verdeling import maak_planner

    return maak_planner(config, log)


BACKENDS = [
    b for b in os.environ.get("INTEGRAAL_TEST_BACKENDS", "sqlite,postgresql").split(",") if b
]
# What runs once rather than on both: on PostgreSQL, or SQLite when the suite runs without it.
PRODUCTIE = "postgresql" if "postgresql" in BACKENDS else BACKENDS[0]


def _pg_url() -> str:
    url = os.environ.get("INTEGRAAL_TEST_POSTGRES_URL")
    if not url:
        pytest.fail(
            "INTEGRAAL_TEST_POSTGRES_URL ontbreekt: draai via `make test` (start PostgreSQL) "
            "of zet INTEGRAAL_TEST_BACKENDS=sqlite voor alleen SQLite."
        )
    return url


def _initialiseer_sjabloon(url: str, data_dir: Path) -> None:
    """Migrate and fill the partner register once; every test starts from a copy."""
    omgeving = maak_omgeving(
        Instellingen(data_dir=data_dir, database_url=url, pseudoniem_sleutel="test-sleutel"),
        initialiseer=False,
    )
    initialiseer_database(omgeving)
    omgeving.database.dispose()


@pytest.fixture(scope="session")
def _sqlite_sjabloon(tmp_path_factory: pytest.TempPathFactory) -> Path:
    map_ = tmp_path_factory.mktemp("sjabloon")
    pad = map_ / "sjabloon.db"
    _initialiseer_sjabloon(f"sqlite:///{pad}", map_ / "data")
    return pad


@pytest.fixture(scope="session")
def _pg_sjabloon(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    basis = sa.make_url(_pg_url())
    naam = f"integraal_sjabloon_{uuid.uuid4().hex[:8]}"
    beheer = sa.create_engine(basis, isolation_level="AUTOCOMMIT")
    with beheer.connect() as c:
        c.exec_driver_sql(f'CREATE DATABASE "{naam}"')
    _initialiseer_sjabloon(
        basis.set(database=naam).render_as_string(hide_password=False),
        tmp_path_factory.mktemp("pg-sjabloon"),
    )
    yield naam
    with beheer.connect() as c:
        c.exec_driver_sql(f'DROP DATABASE IF EXISTS "{naam}" WITH (FORCE)')
    beheer.dispose()


@pytest.fixture(params=BACKENDS)
def database_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    if request.param == "sqlite":
        # A file copy of the migrated template: Alembic runs once per session, not per test.
        shutil.copyfile(request.getfixturevalue("_sqlite_sjabloon"), tmp_path / "test.db")
        yield f"sqlite:///{tmp_path / 'test.db'}"
        return
    sjabloon = request.getfixturevalue("_pg_sjabloon")
    basis = sa.make_url(_pg_url())
    naam = f"integraal_t_{uuid.uuid4().hex[:12]}"
    beheer = sa.create_engine(basis, isolation_level="AUTOCOMMIT")
    with beheer.connect() as c:
        c.exec_driver_sql(f'CREATE DATABASE "{naam}" TEMPLATE "{sjabloon}" STRATEGY = FILE_COPY')
    yield basis.set(database=naam).render_as_string(hide_password=False)
    with beheer.connect() as c:
        c.exec_driver_sql(f'DROP DATABASE IF EXISTS "{naam}" WITH (FORCE)')
    beheer.dispose()


@pytest.fixture
def instellingen(tmp_path: Path, database_url: str) -> Instellingen:
    # Background work runs in the process on both databases here, so a test sees it done
    # when its request returns; the queue and its workers are tested in tests/achtergrond.
    return Instellingen(
        data_dir=tmp_path / "data",
        database_url=database_url,
        pseudoniem_sleutel="test-sleutel",
        achtergrond="proces",
    )


@pytest.fixture
def omgeving(instellingen: Instellingen) -> Iterator[Omgeving]:
    # The database is a copy of an initialised template (see database_url).
    omgeving = maak_omgeving(instellingen, initialiseer=False)
    yield omgeving
    omgeving.database.dispose()


@dataclass
class Wereld:
    """The smallest world with what most tests need: a case, its members and outsiders."""

    omgeving: Omgeving
    gemeente: Actor
    analist: Actor
    buitenstaander: Actor
    andere_riec: Actor
    privacy: Actor
    casus: str = "C-1"
    casus_zonder_aanwijzingen: str = "C-2"


def maak_actor(omgeving: Omgeving, naam: str, org: str, rol: Rol = Rol.ANALIST) -> Actor:
    with transactie(omgeving.fabriek) as sessie:
        return actor_van(maak_gebruiker(sessie, naam, naam.title(), WACHTWOORD, org, rol))


@pytest.fixture
def wereld(omgeving: Omgeving) -> Wereld:
    w = Wereld(
        omgeving=omgeving,
        gemeente=maak_actor(omgeving, "gemeente", "gemeente-rotterdam"),
        analist=maak_actor(omgeving, "analist", "riec-rotterdam"),
        buitenstaander=maak_actor(omgeving, "buitenstaander", "riec-rotterdam"),
        andere_riec=maak_actor(omgeving, "utrecht", "riec-midden-nederland"),
        privacy=maak_actor(omgeving, "privacy", "riec-rotterdam", Rol.PRIVACY_OFFICER),
    )
    maak_casus(omgeving, "C-1", w.analist)
    maak_casus(omgeving, "C-2", w.analist, titel="Alleen een signaal", aanwijzingen=None)
    return w


# Two fictitious people with BSNs from the BRP test range (99999xxxx).
BSN_JAN = "999990019"
BSN_KLAAS = "999990020"

VERGUNNINGEN_CSV = (
    "dossiernummer;bsn;voornamen;achternaam;geboortedatum;straat;huisnummer;postcode;plaats;"
    "bedrijfsnaam;kvk;vergunning;functie\n"
    f"D1;{BSN_JAN};Jan;de Vries;01-02-1980;Kerkstraat;1;3011AA;Rotterdam;"
    "Vries Horeca B.V.;99000001;exploitatievergunning;bestuurder\n"
    f"D2;{BSN_KLAAS};Klaas;Bakker;31-12-1970;Dorpsweg;2;3012 BB;Rotterdam;;;;\n"
).encode()


@pytest.fixture
def met_levering(wereld: Wereld) -> Wereld:
    r = lever(
        wereld.omgeving,
        wereld.gemeente,
        "demo-gemeente-vergunningen",
        "v.csv",
        VERGUNNINGEN_CSV,
        casus_id="C-1",
    )
    assert r.status == "verwerkt", r.melding
    return wereld


@pytest.fixture
def client(wereld: Wereld) -> Iterator[TestClient]:
    from integraal.app import maak_app

    with TestClient(maak_app(wereld.omgeving)) as c:
        yield c


@pytest.fixture
def cli_omgeving(wereld: Wereld, monkeypatch: pytest.MonkeyPatch) -> Iterator[Wereld]:
    """The CLI builds its environment from INTEGRAAL_* variables: point them at this world."""
    from integraal.instellingen import instellingen

    inst = wereld.omgeving.instellingen
    monkeypatch.setenv("INTEGRAAL_DATABASE_URL", inst.database)
    monkeypatch.setenv("INTEGRAAL_DATA_DIR", str(inst.data_dir))
    monkeypatch.setenv("INTEGRAAL_PSEUDONIEM_SLEUTEL", inst.pseudoniem_sleutel or "")
    monkeypatch.setenv("INTEGRAAL_WACHTWOORD", WACHTWOORD)
    if inst.achtergrond:
        monkeypatch.setenv("INTEGRAAL_ACHTERGROND", inst.achtergrond)
    instellingen.cache_clear()
    yield wereld
    instellingen.cache_clear()
