# SPDX-License-Identifier: EUPL-1.2
"""Storage of the processing log: the only module that touches the log tables."""

from __future__ import annotations

import datetime as dt
import weakref
from collections.abc import Iterator, Sequence
from typing import Any, NamedTuple

from sqlalchemy import Table, bindparam, delete, event, func, insert, select, text, update
from sqlalchemy.engine import Engine
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session
from sqlalchemy.sql.dml import Insert

from integraal.opslag import partities
from integraal.opslag.db import (
    invoeging,
    kopieer,
    maak_engine,
    maak_sessiefabriek,
    transactie,
)
from integraal.opslag.modellen import (
    AuditRecord,
    LogboekBetrokkene,
    LogboekBlok,
    LogboekCheckpoint,
    LogboekKop,
    LogboekRegel,
)


class Kop(NamedTuple):
    """The head of the chain: the last line's number and chain hash."""

    volgnummer: int
    keten_hash: str


# Core statements on the tables, not the ORM: an append is the one write every request makes,
# and the unit of work (identity map, flush of the head) cost more than its hashing.
_KOP: Table = LogboekKop.__table__  # type: ignore[assignment]
_REGEL: Table = LogboekRegel.__table__  # type: ignore[assignment]
_BETROKKENE: Table = LogboekBetrokkene.__table__  # type: ignore[assignment]


# Built once: the append runs per request, and building a statement costs more than running
# its cached compiled form.
_LEES_KOP = select(_KOP.c.volgnummer, _KOP.c.keten_hash).where(_KOP.c.id == 1)
_VERGRENDEL_KOP = _LEES_KOP.with_for_update()
_ZET_KOP = (
    update(_KOP)
    .where(_KOP.c.id == 1)
    .values(volgnummer=bindparam("kop_volgnummer"), keten_hash=bindparam("kop_keten"))
)
_VOEG_REGELS_TOE = insert(_REGEL)
_VOEG_BETROKKENEN_TOE = insert(_BETROKKENE)
# From this many rows on, PostgreSQL takes them by COPY: psycopg's executemany builds and
# sends each row as a statement of its own, a third of a large delivery's log time and a
# good part of a group commit's (16 to 32 requests' lines). Fewer rows: one executemany.
VANAF_COPY = 8


def _voeg_in(sessie: Session, opdracht: Insert, rijen: Sequence[dict[str, Any]]) -> None:
    verbinding = sessie.connection()
    if len(rijen) < VANAF_COPY or verbinding.dialect.name != "postgresql":
        sessie.execute(opdracht, list(rijen))
        return
    kolommen = list(rijen[0])  # the columns given, as executemany would insert them
    kopieer(sessie, opdracht.table.name, kolommen, ([rij[k] for k in kolommen] for rij in rijen))


def vergrendel_kop(sessie: Session) -> Kop:
    """The head, locked until the transaction ends: appends take their turn here."""
    return Kop(*sessie.execute(_VERGRENDEL_KOP).one())


def lees_kop(sessie: Session) -> Kop:
    return Kop(*sessie.execute(_LEES_KOP).one())


# Per database (engine): the first line numbers of the log partitions known to exist, or
# None where the log is not partitioned. Partitions of lines are never dropped. One made by a
# transaction is known only once that transaction commits: if it rolls back, the partition
# is gone with it (DDL is transactional on PostgreSQL).
_BLOKKEN: weakref.WeakKeyDictionary[Engine, set[int] | None] = weakref.WeakKeyDictionary()
_NIEUW = "integraal_logblokken_nieuw"  # in `Session.info`: made by this transaction


@event.listens_for(Session, "after_commit")
def _bevestig_blokken(sessie: Session) -> None:
    for engine, van in sessie.info.pop(_NIEUW, ()):
        if (bekend := _BLOKKEN.get(engine)) is not None:
            bekend.add(van)


@event.listens_for(Session, "after_rollback")
def _vergeet_blokken(sessie: Session) -> None:
    sessie.info.pop(_NIEUW, None)


# How long an append waits for the lock that making the next partition takes, before leaving
# it to a later append (a long read of the log holds a lock that conflicts with it).
_WACHT_VOORUIT = "100ms"


def _zorg_voor_blokken(sessie: Session, eerste: int, laatste: int, blok: int) -> None:
    """On PostgreSQL: the partitions for lines `eerste` to `laatste` (made now if missing,
    which waits for the lock), and the next block's once the head is past the middle of its
    block (tried with a short lock timeout in a savepoint: an append never waits long or fails
    for it, and half a block of appends get the chance)."""
    engine = sessie.get_bind().engine
    if engine.dialect.name != "postgresql":
        return
    if engine not in _BLOKKEN:
        _BLOKKEN[engine] = set() if partities.log_is_verdeeld(sessie) else None
    bekend = _BLOKKEN[engine]
    if bekend is None:
        return
    nieuw: set[tuple[Engine, int]] = sessie.info.setdefault(_NIEUW, set())

    def bestaat(van: int) -> bool:
        if van in bekend or (engine, van) in nieuw:
            return True
        if partities.logblok_bestaat(sessie, van):  # committed: this transaction made none
            bekend.add(van)
            return True
        return False

    for b in range((eerste - 1) // blok, (laatste - 1) // blok + 1):
        if not bestaat(b * blok + 1):
            partities.maak_logblok(sessie, b * blok + 1, blok)
            nieuw.add((engine, b * blok + 1))
    volgende = ((laatste - 1) // blok + 1) * blok + 1
    if laatste - (volgende - blok - 1) > blok // 2 and not bestaat(volgende):
        vorige = sessie.execute(text("SELECT current_setting('lock_timeout')")).scalar_one()
        try:
            with sessie.begin_nested():
                sessie.execute(text(f"SET LOCAL lock_timeout = '{_WACHT_VOORUIT}'"))
                partities.maak_logblok(sessie, volgende, blok)
            nieuw.add((engine, volgende))
        except OperationalError:
            pass  # the lock was not free in time: a later append makes it
        sessie.execute(text("SELECT set_config('lock_timeout', :w, true)"), {"w": vorige})


def voeg_toe(
    sessie: Session,
    regels: Sequence[dict[str, Any]],
    betrokkenen: Sequence[dict[str, Any]],
    kop: Kop,
    blok: int,
) -> None:
    """The lines, their personal parts and the new head (`kop`), in the caller's transaction
    that holds the head's lock (`vergrendel_kop`). `blok`: the log's block size, by which
    PostgreSQL's partitions are made."""
    if regels:
        _zorg_voor_blokken(sessie, regels[0]["volgnummer"], regels[-1]["volgnummer"], blok)
        _voeg_in(sessie, _VOEG_REGELS_TOE, regels)
    if betrokkenen:
        _voeg_in(sessie, _VOEG_BETROKKENEN_TOE, betrokkenen)
    sessie.execute(_ZET_KOP, {"kop_volgnummer": kop.volgnummer, "kop_keten": kop.keten_hash})


class Logrij(NamedTuple):
    volgnummer: int
    inhoud: str
    blad_hash: str
    keten_hash: str
    trace_id: str
    casus_id: str | None
    betrokkene: str | None
    betrokkene_soort: str | None
    zout: str | None


def regels_op_volgorde(
    sessie: Session, per: int = 10000, *, van: int | None = None, tot: int | None = None
) -> Iterator[Logrij]:
    """All lines (or those numbered `van` to `tot`) with their personal part, streamed as
    plain rows (1M lines, little memory)."""
    q = (
        select(
            LogboekRegel.volgnummer,
            LogboekRegel.inhoud,
            LogboekRegel.blad_hash,
            LogboekRegel.keten_hash,
            LogboekRegel.trace_id,
            LogboekRegel.casus_id,
            LogboekBetrokkene.betrokkene,
            LogboekBetrokkene.betrokkene_soort,
            LogboekBetrokkene.zout,
        )
        .outerjoin(LogboekBetrokkene, LogboekBetrokkene.volgnummer == LogboekRegel.volgnummer)
        .order_by(LogboekRegel.volgnummer)
        .execution_options(yield_per=per)
    )
    if van is not None:
        q = q.where(LogboekRegel.volgnummer >= van)
    if tot is not None:
        q = q.where(LogboekRegel.volgnummer <= tot)
    for rij in sessie.execute(q):
        yield Logrij(*rij)


def adres(sessie: Session) -> str | None:
    """Where the database is, for a process that reads part of the log on a connection of its
    own (a verify worker); None when no other process can reach it (SQLite in memory)."""
    url = sessie.get_bind().engine.url
    if url.get_backend_name() == "sqlite" and url.database in (None, "", ":memory:"):
        return None
    return url.render_as_string(hide_password=False)


def regels_in_bereik(adres: str, van: int, tot: int) -> Iterator[Logrij]:
    """Lines `van` to `tot` read in a reading transaction of their own (no write lock)."""
    engine = maak_engine(adres)
    try:
        with transactie(maak_sessiefabriek(engine), lezen=True) as sessie:
            yield from regels_op_volgorde(sessie, van=van, tot=tot)
    finally:
        engine.dispose()


def ketens_op(sessie: Session, volgnummers: Sequence[int]) -> dict[int, str]:
    """The stored chain hash of some lines (where a verify worker's part starts)."""
    return {
        int(n): str(k)
        for n, k in sessie.execute(
            select(LogboekRegel.volgnummer, LogboekRegel.keten_hash).where(
                LogboekRegel.volgnummer.in_(volgnummers)
            )
        )
    }


def bladen_op_volgorde(sessie: Session, van: int, tot: int, per: int = 50000) -> Iterator[str]:
    """The leaf hashes of lines `van` to `tot`, in order."""
    q = (
        select(LogboekRegel.blad_hash)
        .where(LogboekRegel.volgnummer >= van, LogboekRegel.volgnummer <= tot)
        .order_by(LogboekRegel.volgnummer)
        .execution_options(yield_per=per)
    )
    yield from sessie.scalars(q)


def blokwortels(sessie: Session) -> dict[int, tuple[int, str]]:
    """The stored roots of complete blocks: first line -> (last line, root)."""
    return {
        int(v): (int(t), str(w))
        for v, t, w in sessie.execute(
            select(LogboekBlok.van, LogboekBlok.tot, LogboekBlok.wortel_hash)
        )
    }


def bewaar_blokwortel(sessie: Session, van: int, tot: int, wortel: str) -> None:
    # Two checkpoints at once (the schedule's and a command's) compute the same root.
    sessie.execute(
        invoeging(sessie, LogboekBlok)
        .values(van=van, tot=tot, wortel_hash=wortel, tijd=dt.datetime.now(dt.UTC))
        .on_conflict_do_nothing(index_elements=["van"])
    )


def checkpoint_op(sessie: Session, boomgrootte: int) -> LogboekCheckpoint | None:
    return sessie.get(LogboekCheckpoint, boomgrootte)


def persoonsdelen_per_blok(sessie: Session, blok: int, blokken: Sequence[int]) -> dict[int, int]:
    """How many lines of each block (by number) still hold a personal part."""
    uit: dict[int, int] = {}
    for b in blokken:
        uit[b] = int(
            sessie.scalar(
                select(func.count()).where(
                    LogboekBetrokkene.volgnummer >= b * blok + 1,
                    LogboekBetrokkene.volgnummer <= (b + 1) * blok,
                )
            )
            or 0
        )
    return uit


def verwijder_blok_betrokkenen(sessie: Session, van: int, tot: int) -> None:
    """The personal parts of lines `van` to `tot` (a whole block): on PostgreSQL by dropping
    the block's partition, elsewhere by one range delete."""
    if partities.log_is_verdeeld(sessie) and partities.verwijder_persoonsdelen_blok(sessie, van):
        return
    sessie.execute(
        delete(LogboekBetrokkene).where(
            LogboekBetrokkene.volgnummer >= van, LogboekBetrokkene.volgnummer <= tot
        )
    )


def regels_van_betrokkene(
    sessie: Session, betrokkene: str
) -> list[tuple[LogboekRegel, LogboekBetrokkene]]:
    rijen = sessie.execute(
        select(LogboekRegel, LogboekBetrokkene)
        .join(LogboekBetrokkene, LogboekBetrokkene.volgnummer == LogboekRegel.volgnummer)
        .where(LogboekBetrokkene.betrokkene == betrokkene)
        .order_by(LogboekRegel.volgnummer)
    )
    return [(r, b) for r, b in rijen]


def aantal_regels(sessie: Session) -> int:
    return lees_kop(sessie).volgnummer


def bewaar_checkpoint(sessie: Session, checkpoint: LogboekCheckpoint) -> None:
    """A tree head over as many lines as one stored already is the same head (else the log
    was rewritten, which `verifieer` reports): the first one stays. Two checkpoints at once
    (the schedule's and a command's) do not collide."""
    sessie.execute(
        invoeging(sessie, LogboekCheckpoint)
        .values(
            boomgrootte=checkpoint.boomgrootte,
            wortel_hash=checkpoint.wortel_hash,
            tijd=checkpoint.tijd,
            sleutel_id=checkpoint.sleutel_id,
            handtekening=checkpoint.handtekening,
        )
        .on_conflict_do_nothing(index_elements=["boomgrootte"])
    )


def hoogste_volgnummer(sessie: Session) -> int:
    return int(sessie.scalar(select(func.max(LogboekRegel.volgnummer))) or 0)


def eerste_volgnummer(sessie: Session) -> int | None:
    laagste = sessie.scalar(select(func.min(LogboekRegel.volgnummer)))
    return None if laagste is None else int(laagste)


def checkpoints(sessie: Session) -> list[LogboekCheckpoint]:
    return list(sessie.scalars(select(LogboekCheckpoint).order_by(LogboekCheckpoint.boomgrootte)))


def schrijf_audit(sessie: Session, record: AuditRecord) -> None:
    sessie.add(record)
    sessie.flush()


def schrijf_audits(sessie: Session, records: Sequence[dict[str, Any]]) -> None:
    if records:
        sessie.execute(insert(AuditRecord), list(records))


def audit_van_trace(sessie: Session, trace_id: str) -> list[AuditRecord]:
    return list(sessie.scalars(select(AuditRecord).where(AuditRecord.trace_id == trace_id)))


def persoonsdelen_tot(sessie: Session, tot: dt.datetime) -> Iterator[tuple[int, dt.datetime, str]]:
    """Lines written before `tot` that still hold a personal part: number, time, content."""
    q = (
        select(LogboekRegel.volgnummer, LogboekRegel.tijd, LogboekRegel.inhoud)
        .join(LogboekBetrokkene, LogboekBetrokkene.volgnummer == LogboekRegel.volgnummer)
        .where(LogboekRegel.tijd < tot)
        .order_by(LogboekRegel.volgnummer)
        .execution_options(yield_per=10000)
    )
    for rij in sessie.execute(q):
        yield rij.volgnummer, rij.tijd, rij.inhoud


_PER = 5000  # numbers per statement: SQLite allows some 32,000 parameters


def _delen(volgnummers: Sequence[int]) -> Iterator[Sequence[int]]:
    for i in range(0, len(volgnummers), _PER):
        yield volgnummers[i : i + _PER]


def met_persoonsdeel(sessie: Session, volgnummers: Sequence[int]) -> list[int]:
    return [
        n
        for deel in _delen(volgnummers)
        for n in sessie.scalars(
            select(LogboekBetrokkene.volgnummer).where(LogboekBetrokkene.volgnummer.in_(deel))
        )
    ]


def verwijder_betrokkenen(sessie: Session, volgnummers: Sequence[int]) -> int:
    weg = 0
    for deel in _delen(volgnummers):
        uitkomst = sessie.execute(
            delete(LogboekBetrokkene).where(LogboekBetrokkene.volgnummer.in_(deel))
        )
        weg += int(getattr(uitkomst, "rowcount", 0) or 0)
    return weg


class Scanrij(NamedTuple):
    volgnummer: int
    tijd: dt.datetime
    trace_id: str
    casus_id: str | None
    inhoud: str
    betrokkene: str | None


def regels_na(
    sessie: Session, na: int, tot: int, *, vanaf: dt.datetime | None = None, per: int = 20000
) -> Iterator[Scanrij]:
    """Lines numbered after `na` up to `tot` (and at or after `vanaf`), in order, streamed."""
    q = (
        select(
            LogboekRegel.volgnummer,
            LogboekRegel.tijd,
            LogboekRegel.trace_id,
            LogboekRegel.casus_id,
            LogboekRegel.inhoud,
            LogboekBetrokkene.betrokkene,
        )
        .outerjoin(LogboekBetrokkene, LogboekBetrokkene.volgnummer == LogboekRegel.volgnummer)
        .where(LogboekRegel.volgnummer > na, LogboekRegel.volgnummer <= tot)
        .order_by(LogboekRegel.volgnummer)
        .execution_options(yield_per=per)
    )
    if vanaf is not None:
        q = q.where(LogboekRegel.tijd >= vanaf)
    for rij in sessie.execute(q):
        yield Scanrij(*rij)


def actoren_van(
    sessie: Session, traces: Sequence[str]
) -> dict[str, tuple[int, str | None, frozenset[str]]]:
    """Per trace: the user who acted (the first audit record naming one), their organisation
    and every action recorded under it."""
    uit: dict[str, tuple[int, str | None, frozenset[str]]] = {}
    acties: dict[str, set[str]] = {}
    for stuk in range(0, len(traces), 5000):
        rijen = sessie.execute(
            select(
                AuditRecord.trace_id,
                AuditRecord.gebruiker_id,
                AuditRecord.organisatie_id,
                AuditRecord.actie,
            )
            .where(AuditRecord.trace_id.in_(traces[stuk : stuk + 5000]))
            .order_by(AuditRecord.id)
        )
        for trace, gebruiker, org, actie in rijen:
            acties.setdefault(trace, set()).add(actie)
            if gebruiker is not None and trace not in uit:
                uit[trace] = (gebruiker, org, frozenset())
    return {t: (g, o, frozenset(acties.get(t, ()))) for t, (g, o, _) in uit.items()}


def audit_na(
    sessie: Session, na: int, tot: int, *, resultaten: Sequence[str], actie_bevat: str
) -> list[AuditRecord]:
    """Audit records after id `na` up to `tot` that are refusals or whose action contains a
    word."""
    return list(
        sessie.scalars(
            select(AuditRecord)
            .where(
                AuditRecord.id > na,
                AuditRecord.id <= tot,
                AuditRecord.gebruiker_id.is_not(None),
                AuditRecord.resultaat.in_(resultaten) | AuditRecord.actie.contains(actie_bevat),
            )
            .order_by(AuditRecord.id)
        )
    )


def laatste_audit_id(sessie: Session, *, tot: dt.datetime | None = None) -> int:
    """The highest audit record id (written before `tot`, when given)."""
    q = select(func.max(AuditRecord.id))
    if tot is not None:
        q = q.where(AuditRecord.tijd < tot)
    return sessie.scalar(q) or 0


def betrokkenen_per_trace(sessie: Session, traces: Sequence[str]) -> dict[str, int]:
    """How many different subjects the lines of each trace name (an export's size)."""
    if not traces:
        return {}
    rijen = sessie.execute(
        select(LogboekRegel.trace_id, func.count(func.distinct(LogboekBetrokkene.betrokkene)))
        .join(LogboekBetrokkene, LogboekBetrokkene.volgnummer == LogboekRegel.volgnummer)
        .where(LogboekRegel.trace_id.in_(traces))
        .group_by(LogboekRegel.trace_id)
    )
    return {str(t): int(n) for t, n in rijen}
