# SPDX-License-Identifier: EUPL-1.2
"""Group commit (issue 23): reading actions that end together append their log lines in one
transaction; each still answers only once its own lines are committed, and one action's
failing append is never another's."""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator

import pytest
import sqlalchemy as sa

from integraal import logboek
from integraal.omgeving import Omgeving
from integraal.opslag.db import transactie
from integraal.opslag.modellen import AuditRecord, LogboekRegel
from integraal.verwerking import Kanaal
from tests.conftest import Wereld

_WACHT = 20.0


@pytest.fixture
def appends(wereld: Wereld) -> Iterator[list[int]]:
    """The number of lines in each INSERT into the log's table, in order."""
    gezien: list[int] = []

    def tel(
        _c: object, _cur: object, opdracht: str, params: list[object], _ctx: object, veel: bool
    ) -> None:
        if opdracht.lstrip().upper().startswith("INSERT INTO LOGBOEK_REGEL"):
            gezien.append(len(params) if veel else 1)

    engine = wereld.omgeving.database
    sa.event.listen(engine, "before_cursor_execute", tel)
    yield gezien
    sa.event.remove(engine, "before_cursor_execute", tel)


def _lees(
    wereld: Wereld,
    uitkomst: dict[str, object],
    sleutel: str,
    daarna: Callable[[list[int]], None] | None = None,
) -> None:
    """One reading action with one log line; records whether its line was there on return."""
    o = wereld.omgeving
    try:
        with o.context(wereld.analist, Kanaal.API, lezen=True) as ctx:
            ctx.log(
                [
                    ctx.verwerking(
                        None,
                        naam="proef lezen",
                        verstrekker="riec-rotterdam",
                        ontvanger="riec-rotterdam",
                        categorieen=("identiteit",),
                        doel="integrale_aanpak",
                        grondslag="proef",
                    )
                ],
                daarna=daarna,
            )
            ctx.audit("proef lezen", sleutel=sleutel)
    except RuntimeError as fout:
        uitkomst[sleutel] = fout
        return
    uitkomst[sleutel] = _gelogd(o, ctx.trace_id)


def _gelogd(o: Omgeving, trace_id: str) -> bool:
    with transactie(o.fabriek, lezen=True) as s:
        regel = s.scalar(
            sa.select(LogboekRegel.volgnummer).where(LogboekRegel.trace_id == trace_id)
        )
        audit = s.scalar(sa.select(AuditRecord.id).where(AuditRecord.trace_id == trace_id))
    return regel is not None and audit is not None


def _samen(wereld: Wereld, namen: list[str], fout_bij: str | None = None) -> dict[str, object]:
    """The first action writes and is held inside its transaction until all the others
    queue behind it; then the others are written as the next group."""
    o = wereld.omgeving
    uitkomst: dict[str, object] = {}
    binnen, los = threading.Event(), threading.Event()

    def houd_vast(_nummers: list[int]) -> None:
        binnen.set()
        assert los.wait(_WACHT)

    def faal(_nummers: list[int]) -> None:
        raise RuntimeError("proef: dit schrijven mislukt")

    eerste = threading.Thread(target=_lees, args=(wereld, uitkomst, "eerste", houd_vast))
    eerste.start()
    assert binnen.wait(_WACHT)
    draden = [
        threading.Thread(target=_lees, args=(wereld, uitkomst, n, faal if n == fout_bij else None))
        for n in namen
    ]
    for d in draden:
        d.start()
    for _ in range(int(_WACHT / 0.01)):
        if o.schrijver.wachtend == len(namen):
            break
        threading.Event().wait(0.01)
    assert o.schrijver.wachtend == len(namen)
    los.set()
    for d in [eerste, *draden]:
        d.join(_WACHT)
    return uitkomst


def test_lezingen_die_samen_eindigen_delen_een_transactie(
    wereld: Wereld, appends: list[int]
) -> None:
    namen = [f"lezer {i}" for i in range(6)]
    uitkomst = _samen(wereld, namen)
    assert uitkomst == {"eerste": True, **dict.fromkeys(namen, True)}
    # Without the group writer: seven INSERTs of one line, seven commits.
    assert appends == [1, 6]
    with transactie(wereld.omgeving.fabriek, lezen=True) as s:
        assert logboek.verifieer(s).in_orde


def test_een_mislukte_append_is_alleen_van_die_lezing(wereld: Wereld, appends: list[int]) -> None:
    namen = ["lezer a", "lezer b", "lezer c"]
    uitkomst = _samen(wereld, namen, fout_bij="lezer b")
    assert isinstance(uitkomst.pop("lezer b"), RuntimeError)
    assert uitkomst == {"eerste": True, "lezer a": True, "lezer c": True}
    # The group of three failed as a whole; each was then written on its own, b failing again.
    assert appends == [1, 3, 1, 1, 1]
    with transactie(wereld.omgeving.fabriek, lezen=True) as s:
        assert logboek.verifieer(s).in_orde
        namen_gelogd = s.scalars(sa.select(AuditRecord.details)).all()
    assert {"sleutel": "lezer b"} not in namen_gelogd
