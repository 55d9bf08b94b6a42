# SPDX-License-Identifier: EUPL-1.2
"""A read does not wait for a writer: on SQLite it takes no write lock (before, every
transaction began with BEGIN IMMEDIATE, so one delivery held up every page), on PostgreSQL
readers never wait. Its log lines are appended after the read, and before the answer."""

from __future__ import annotations

import threading

import pytest
import sqlalchemy as sa
from fastapi.testclient import TestClient

from integraal import toegang
from integraal.opslag.db import LEZEN, SchrijvenInLeestransactie, transactie
from integraal.opslag.modellen import AuditRecord, Casus, LogboekRegel
from integraal.toegang.lezen import Zoekvraag
from integraal.verwerking import Kanaal
from tests.conftest import Wereld
from tests.hulp import csrf, token, web_login

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


def test_zoeken_met_post_is_een_lezing(met_levering: Wereld, client: TestClient) -> None:
    """A search is a POST (its terms stay out of URLs and server logs) but only reads: in the
    API and in the web it reads in a reading transaction (on SQLite without the write lock),
    and its log lines join the group commit after it, as a GET's do."""
    wereld = met_levering
    kop = token(client, wereld.analist)
    web_login(client, wereld.analist)
    formulier = {
        "csrf": csrf(client, "/zoeken"),
        "zoekterm": "Vries",
        "doel": "integrale_aanpak",
        "casusId": "C-1",
    }
    gezien: list[bool] = []

    def noteer(conn: sa.Connection, _cur: object, opdracht: str, *_a: object) -> None:
        if "FROM statement" in opdracht:
            gezien.append(bool(conn.get_execution_options().get(LEZEN)))

    engine = wereld.omgeving.database
    sa.event.listen(engine, "before_cursor_execute", noteer)
    try:
        api = client.post(
            "/api/v1/entiteiten/_zoek",
            headers=kop,
            json={"zoekterm": "Vries", "doel": "integrale_aanpak", "casusId": "C-1"},
        )
        assert api.status_code == 200 and "Vries" in api.text
        api_gezien, gezien[:] = list(gezien), []
        web = client.post("/zoeken", data=formulier)
        assert web.status_code == 200 and "Vries" in web.text
    finally:
        sa.event.remove(engine, "before_cursor_execute", noteer)
    assert api_gezien and all(api_gezien), "the API's search read in a writing transaction"
    assert gezien and all(gezien), "the web's search read in a writing transaction"


def test_een_leesactie_neemt_pas_een_verbinding_als_ze_leest(wereld: Wereld) -> None:
    """A reading transaction takes its connection when it first reads, with the reading
    options still on it; one that turns out to need none takes none. The connection goes
    back to the pool without them: the next writing transaction writes."""
    o = wereld.omgeving
    uitgegeven: list[object] = []

    def bij_uitgifte(*_a: object) -> None:
        uitgegeven.append(1)

    sa.event.listen(o.database, "checkout", bij_uitgifte)
    try:
        with transactie(o.fabriek, lezen=True):
            pass
        assert uitgegeven == []
        with transactie(o.fabriek, lezen=True) as s:
            assert s.connection().get_execution_options().get(LEZEN) is True
            assert s.scalar(sa.select(sa.func.count()).select_from(Casus))
        assert len(uitgegeven) == 1
    finally:
        sa.event.remove(o.database, "checkout", bij_uitgifte)
    with transactie(o.fabriek) as s:
        s.execute(sa.update(Casus).where(Casus.id == "C-1").values(titel="Na een lezing"))
    with transactie(o.fabriek, lezen=True) as s:
        assert s.get(Casus, "C-1").titel == "Na een lezing"  # type: ignore[union-attr]
