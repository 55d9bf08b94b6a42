# SPDX-License-Identifier: EUPL-1.2
"""A read does not wait for a writer: on SQLite it takes no write lock (before, every
transaction began with BEGIN IMMEDIATE, so one delivery held up every page), on PostgreSQL
readers never wait. Its log lines are appended after the read, and before the answer."""

from __future__ import annotations

import threading

import pytest
import sqlalchemy as sa

from integraal import toegang
from integraal.opslag.db import SchrijvenInLeestransactie, transactie
from integraal.opslag.modellen import AuditRecord, Casus, LogboekRegel
from integraal.toegang.lezen import Zoekvraag
from integraal.verwerking import Kanaal
from tests.conftest import Wereld

_WACHT = 10.0


def test_een_lezing_loopt_terwijl_een_schrijver_bezig_is(met_levering: Wereld) -> None:
    wereld = met_levering
    o = wereld.omgeving
    gelezen, bezig = threading.Event(), threading.Event()
    uitkomst: dict[str, bool] = {}

    def schrijver() -> None:
        # A long write (a delivery) that holds the write lock and the log's head.
        with o.context(wereld.analist, Kanaal.TAAK) as ctx:
            ctx.audit("proef: lange schrijfactie")
            ctx.schrijf_uitgesteld(ctx.sessie)
            ctx.sessie.flush()
            bezig.set()
            uitkomst["lezer klaar terwijl de schrijver bezig was"] = gelezen.wait(_WACHT)

    draad = threading.Thread(target=schrijver)
    draad.start()
    assert bezig.wait(_WACHT)
    with o.context(wereld.analist, Kanaal.API, lezen=True) as ctx:
        lijst = toegang.zoek(
            ctx, Zoekvraag(zoekterm="Vries", doel="integrale_aanpak", casus_id="C-1")
        )
        gelezen.set()
    draad.join()
    assert lijst.resultaten, "the world has a delivery with Jan de Vries"
    assert uitkomst == {"lezer klaar terwijl de schrijver bezig was": True}
    # The read's log lines and audit record are there once the context has ended.
    with transactie(o.fabriek) as s:
        regels = s.scalars(sa.select(LogboekRegel.inhoud)).all()
        assert any(ctx.trace_id in r for r in regels)
        assert s.scalar(sa.select(AuditRecord.id).where(AuditRecord.trace_id == ctx.trace_id))


def test_een_leesactie_die_schrijft_wordt_geweigerd(wereld: Wereld) -> None:
    """Work declared as reading may not write beyond its log lines: such a write is refused
    (on SQLite it would take the write lock in the middle of a read; its log lines are
    appended apart from it, on both databases)."""
    o = wereld.omgeving
    sqlite = o.database.dialect.name == "sqlite"
    fout = SchrijvenInLeestransactie if sqlite else sa.exc.DBAPIError
    with (
        pytest.raises(fout, match=None if sqlite else "read-only transaction"),
        o.context(wereld.analist, Kanaal.API, lezen=True) as ctx,
    ):
        ctx.sessie.execute(sa.update(Casus).values(titel="Gewijzigd in een lezing"))
    with transactie(o.fabriek) as s:
        assert "Gewijzigd in een lezing" not in set(s.scalars(sa.select(Casus.titel)))
        assert s.scalar(sa.select(sa.func.count()).select_from(AuditRecord)) is not None
