# SPDX-License-Identifier: EUPL-1.2
"""Engine and sessions. One code path for SQLite (embedded) and PostgreSQL (production)."""

from __future__ import annotations

import re
import threading
import time
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from functools import lru_cache
from typing import Any, TypeAlias

from sqlalchemy import Connection, Engine, create_engine, event, exc, text
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session, sessionmaker

Sessie: TypeAlias = Session
Sessiefabriek: TypeAlias = sessionmaker[Session]
Database: TypeAlias = Engine


# Connections per app process: the request threads (anyio's 40) and the middleware's own
# short transactions must not queue for a connection before they queue for the database.
_POOL = {"pool_size": 10, "max_overflow": 50, "pool_timeout": 120}
# How long a writer of this process waits for the previous one (a large delivery's write).
SCHRIJFWACHT = 300.0
_SLOT = "integraal_schrijfslot"


class DatabaseBezet(RuntimeError):
    """A writer waited longer than SCHRIJFWACHT for the one before it."""


def maak_engine(url: str) -> Engine:
    if url.startswith("sqlite"):
        engine = create_engine(url, connect_args={"timeout": 30}, **_POOL)
        # Writers of this process queue on a lock of their own before BEGIN IMMEDIATE: SQLite's
        # busy handler polls with growing sleeps, so under many writers the lock was handed on
        # late and unfairly, and some waited past the timeout ("database is locked", 500).
        # Other processes (the CLI beside a server) still meet SQLite's own busy timeout.
        schrijfslot = threading.Lock()

        @event.listens_for(engine, "connect")
        def _sqlite_pragmas(dbapi_conn: Any, _record: Any) -> None:
            # pysqlite's own transaction handling must be off for BEGIN IMMEDIATE below.
            dbapi_conn.isolation_level = None
            cur = dbapi_conn.cursor()
            cur.execute("PRAGMA journal_mode=WAL")
            cur.execute("PRAGMA synchronous=FULL")  # a confirmed log write survives a crash
            cur.execute("PRAGMA foreign_keys=ON")
            cur.close()
            # SQLite's own lower() folds ASCII only; search folds 'Ö' as PostgreSQL does.
            dbapi_conn.create_function("integraal_klein", 1, str.lower, deterministic=True)

        @event.listens_for(engine, "begin")
        def _sqlite_begin(conn: Any) -> None:
            # A writing transaction takes the write lock at BEGIN, so concurrent log appends
            # serialise instead of failing halfway; a reading one takes none (WAL: readers and
            # one writer run side by side), see `transactie`.
            lezen = conn.get_execution_options().get(LEZEN, False)
            if not lezen:
                if not schrijfslot.acquire(timeout=SCHRIJFWACHT):
                    raise DatabaseBezet("de database bleef te lang bezet door een andere schrijver")
                conn.info[_SLOT] = True
            try:
                conn.exec_driver_sql("BEGIN" if lezen else "BEGIN IMMEDIATE")
            except BaseException:
                _geef_vrij(conn.info)
                raise

        def _geef_vrij(info: dict[str, Any]) -> None:
            if info.pop(_SLOT, False):
                schrijfslot.release()

        # These run just before the COMMIT or ROLLBACK itself: the next writer's BEGIN
        # IMMEDIATE then waits the few milliseconds of it in SQLite's own busy handler.
        @event.listens_for(engine, "commit")
        def _bij_commit(conn: Any) -> None:
            _geef_vrij(conn.info)

        @event.listens_for(engine, "rollback")
        def _bij_rollback(conn: Any) -> None:
            _geef_vrij(conn.info)

        @event.listens_for(engine, "reset")
        def _bij_teruggave(_dbapi_conn: Any, record: Any, _staat: Any) -> None:
            # A connection going back to the pool never keeps the process's write slot.
            _geef_vrij(record.info)

        @event.listens_for(engine, "before_cursor_execute")
        def _alleen_lezen(conn: Any, _cursor: Any, opdracht: str, *_args: Any, **_kw: Any) -> None:
            if conn.get_execution_options().get(LEZEN, False) and _SCHRIJVEN.match(opdracht):
                raise SchrijvenInLeestransactie(opdracht.split(None, 3)[:3])

        return engine
    engine = create_engine(url, **_POOL)
    _ping_na_rust(engine)
    return engine


# A pooled connection unused this long is tested before use (the server may have restarted or
# dropped it); one handed back moments ago is not: SQLAlchemy's `pool_pre_ping` pings at every
# checkout, a round trip per transaction that halved the requests a second under load.
RUST_VOOR_PING = 5.0


def _ping_na_rust(engine: Engine) -> None:
    @event.listens_for(engine, "checkin")
    def _terug(_dbapi_conn: Any, record: Any) -> None:
        record.info["terug"] = time.monotonic()

    @event.listens_for(engine, "checkout")
    def _uit(dbapi_conn: Any, record: Any, _proxy: Any) -> None:
        if time.monotonic() - record.info.get("terug", 0.0) < RUST_VOOR_PING:
            return
        try:
            engine.dialect.do_ping(dbapi_conn)
        except Exception as fout:
            # The pool throws this connection away and checks out another (SQLAlchemy's
            # documented pattern for pessimistic disconnect handling in a checkout event).
            raise exc.DisconnectionError("verbinding met de database verbroken") from fout


def maak_sessiefabriek(engine: Engine) -> sessionmaker[Session]:
    return sessionmaker(engine, expire_on_commit=False)


LEZEN = "integraal_lezen"
_SCHRIJVEN = re.compile(r"\s*(INSERT|UPDATE|DELETE|REPLACE|CREATE|DROP|ALTER)\b", re.IGNORECASE)


class SchrijvenInLeestransactie(RuntimeError):
    """A programming error: work declared as reading tried to write."""


@contextmanager
def transactie(fabriek: sessionmaker[Session], *, lezen: bool = False) -> Iterator[Session]:
    """One unit of work: committed as a whole or not at all. `lezen`: it only reads, so on
    SQLite it takes no write lock, and a write in it is refused on both databases (decision
    record 0021; PostgreSQL by a READ ONLY transaction)."""
    if not lezen:
        with fabriek() as sessie, sessie.begin():
            yield sessie
        return
    # The options on the engine the session binds to, not on a connection taken now: a
    # reading action takes a connection when it first reads, and one that turns out to need
    # none (its answer known without the database) takes none, and no round trip to end it.
    bind = fabriek.kw.get("bind")
    lezend = _lezend(bind) if isinstance(bind, Engine) else bind
    with fabriek(bind=lezend) as sessie, sessie.begin():
        if lezend is bind:  # not bound to one engine: the options on the connection, now
            sessie.connection(execution_options=_LEESOPTIES)
        yield sessie


_LEESOPTIES = {LEZEN: True, "postgresql_readonly": True}


@lru_cache(maxsize=16)
def _lezend(engine: Engine) -> Engine:
    """`engine` with the options of a reading transaction (sharing its pool and events).
    Remembered for a few engines: a process has one, a test run many."""
    return engine.execution_options(**_LEESOPTIES)


def invoeging(sessie: Session, tabel: Any) -> postgresql.Insert | sqlite.Insert:
    """An INSERT that can say ON CONFLICT, for the session's database: SQLAlchemy spells it
    alike for SQLite and PostgreSQL, but in a class of each dialect."""
    if sessie.get_bind().dialect.name == "postgresql":
        return postgresql.insert(tabel)
    return sqlite.insert(tabel)


def om_de_beurt(verbinding: Connection | Session, wat: str) -> None:
    """Processes that do `wat` at the same moment take turns, each until its transaction
    ends: on PostgreSQL under a transaction-level advisory lock, taken first in the
    transaction; SQLite's write lock already makes writers take turns."""
    dialect = (
        verbinding.dialect if isinstance(verbinding, Connection) else verbinding.get_bind().dialect
    )
    if dialect.name == "postgresql":
        verbinding.execute(
            text("SELECT pg_advisory_xact_lock(hashtext(:wat))"), {"wat": f"integraal: {wat}"}
        )


def kopieer(
    sessie: Session, tabel: str, kolommen: Sequence[str], rijen: Iterable[Sequence[Any]]
) -> None:
    """Rows into `tabel` by PostgreSQL's COPY, its fastest way in, in the session's
    transaction: each row a sequence in the order of `kolommen`."""
    ruw: Any = sessie.connection().connection.driver_connection
    opdracht = f"COPY {tabel} ({', '.join(kolommen)}) FROM STDIN"
    with ruw.cursor() as cursor, cursor.copy(opdracht) as copy:
        for rij in rijen:
            copy.write_row(rij)


def sleutel_past(n: int) -> bool:
    """Whether an integer key from a URL fits the key columns: PostgreSQL's `integer` is 32
    bits (SQLite's 64). A key that does not fit cannot exist, and the database must not be
    asked (both raise on it, the same request answering 500)."""
    return -(2**31) <= n < 2**31
