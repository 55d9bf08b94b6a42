# SPDX-License-Identifier: EUPL-1.2
"""The job queue on PostgreSQL with real workers (`integraal worker`, procrastinate).

A delivery deferred by one app process is carried out by a worker, and its progress is read
by another process while it runs; a worker killed with SIGKILL halfway through leaves the
job to the next worker, which finishes it without duplicate work; the same work queued twice
waits once."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
import sqlalchemy as sa

from integraal import achtergrond
from integraal.achtergrond import Opdracht
from integraal.achtergrond.postgres import sluit_wachtrijen, werk
from integraal.instellingen import Instellingen
from integraal.kruisverwijzing import taken
from integraal.omgeving import Omgeving, maak_omgeving
from integraal.opslag.db import transactie
from integraal.verwerking import Kanaal
from tests.achtergrond.hulp import ontvangen_aanbod, politie_personen, vergunningen
from tests.conftest import Wereld, maak_actor
from tests.hulp import lever

pytestmark = pytest.mark.postgres
_WACHT = 120.0


def _meteen(f: Callable[[], None]) -> None:
    f()


def _werk_tot_leeg(o: Omgeving) -> None:
    """A worker in this process until the queue is empty, in a thread of its own: the
    worker runs its own event loop, and a browser test of the same process may hold one."""
    fout: list[BaseException] = []

    def draai() -> None:
        try:
            werk(o, gelijktijdig=1, tot_leeg=True)
        except BaseException as exc:
            fout.append(exc)

    draad = threading.Thread(target=draai)
    draad.start()
    draad.join(_WACHT)
    assert not draad.is_alive(), "de werker werd niet klaar"
    if fout:
        raise fout[0]


@pytest.fixture
def rij(wereld: Wereld) -> Iterator[Omgeving]:
    """The world's database, as an app process with a job queue sees it."""
    if wereld.omgeving.database.dialect.name != "postgresql":
        pytest.skip("de wachtrij draait op PostgreSQL; SQLite werkt in het app-proces")
    inst = wereld.omgeving.instellingen.model_copy(
        update={
            "achtergrond": "postgres",
            "werker_hartslag_seconden": 0.5,
            "werker_stil_na_seconden": 2.0,
        }
    )
    o = maak_omgeving(inst, initialiseer=False)
    yield o
    sluit_wachtrijen()
    o.database.dispose()


def _een(o: Omgeving, sql: str, **p: object) -> object:
    with transactie(o.fabriek) as s:
        return s.execute(sa.text(sql), p).scalar_one()


def _levering(o: Omgeving, levering_id: str) -> tuple[str, int | None]:
    with transactie(o.fabriek) as s:
        rij = s.execute(
            sa.text("SELECT status, rijen_gelezen FROM levering WHERE id = :id"),
            {"id": levering_id},
        ).one()
    return str(rij[0]), rij[1]


def _werker(inst: Instellingen) -> subprocess.Popen[bytes]:
    """`integraal worker` in a process of its own; what it logs goes to a file beside the
    data (a pipe nobody reads could fill and stall it)."""
    env = {
        **os.environ,
        "INTEGRAAL_DATABASE_URL": inst.database,
        "INTEGRAAL_DATA_DIR": str(inst.data_dir),
        "INTEGRAAL_PSEUDONIEM_SLEUTEL": inst.pseudoniem_sleutel or "",
        "INTEGRAAL_ACHTERGROND": "postgres",
        "INTEGRAAL_WERKER_HARTSLAG_SECONDEN": str(inst.werker_hartslag_seconden),
        "INTEGRAAL_WERKER_STIL_NA_SECONDEN": str(inst.werker_stil_na_seconden),
    }
    inst.data_dir.mkdir(parents=True, exist_ok=True)
    with (inst.data_dir / "werkers.log").open("ab") as log:
        return subprocess.Popen(
            [sys.executable, "-m", "integraal.cli", "worker", "--gelijktijdig", "1"],
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=log,
            start_new_session=True,
        )


def _log(inst: Instellingen) -> str:
    return (inst.data_dir / "werkers.log").read_text(errors="replace")


def _stop(p: subprocess.Popen[bytes]) -> None:
    if p.poll() is None:
        os.killpg(p.pid, signal.SIGTERM)
        try:
            p.wait(20)
        except subprocess.TimeoutExpired:
            os.killpg(p.pid, signal.SIGKILL)
            p.wait()


def _wacht(tot: Callable[[], bool], waarop: str, *werkers: subprocess.Popen[bytes]) -> None:
    einde = time.monotonic() + _WACHT
    while time.monotonic() < einde:
        if tot():
            return
        for w in werkers:
            if w.poll() is not None and w.returncode != -signal.SIGKILL:
                raise AssertionError(f"een werker stopte met code {w.returncode}")
        time.sleep(0.1)
    raise AssertionError(f"te lang gewacht op {waarop}")


def test_een_levering_gaat_via_de_wachtrij_naar_een_werker(wereld: Wereld, rij: Omgeving) -> None:
    aanbod = ontvangen_aanbod(rij, wereld.gemeente, vergunningen(20))
    opdracht = Opdracht.levering(aanbod)
    achtergrond.plaats(rij, opdracht, _meteen)
    achtergrond.plaats(rij, opdracht, _meteen)  # the same work again: it waits once
    assert _een(rij, "SELECT count(*) FROM procrastinate_jobs WHERE status = 'todo'") == 1
    assert _levering(rij, aanbod.levering_id)[0] == "in_behandeling"  # nothing ran here
    _werk_tot_leeg(rij)
    assert _levering(rij, aanbod.levering_id) == ("verwerkt", 20)
    assert isinstance(aanbod.inhoud, Path) and not aanbod.inhoud.exists()
    # A finished job leaves no row behind; the delivery's own row is the record.
    assert _een(rij, "SELECT count(*) FROM procrastinate_jobs") == 0


def test_de_api_zet_het_werk_in_de_wachtrij(wereld: Wereld, rij: Omgeving) -> None:
    """With a queue the API answers 202 while the delivery waits, and a matching run is a
    job too; a worker then does both."""
    from fastapi.testclient import TestClient

    from integraal.app import maak_app
    from tests.conftest import VERGUNNINGEN_CSV
    from tests.hulp import token

    with TestClient(maak_app(rij)) as c:
        koppen = token(c, wereld.gemeente)
        r = c.post(
            "/api/v1/leveringen",
            headers=koppen,
            files={"bestand": ("v.csv", VERGUNNINGEN_CSV, "text/csv")},
            data={"mapping": "demo-gemeente-vergunningen", "casusId": "C-1"},
        )
        assert r.status_code == 202, r.text
        assert r.json()["status"] == "in_behandeling"
        assert _een(rij, "SELECT count(*) FROM procrastinate_jobs") == 1
        levering = r.headers["location"]
        analist = token(c, wereld.analist)
        k = c.post("/api/v1/casussen/C-1/kruisverwijzingen", headers=analist, json={})
        assert k.status_code == 202, k.text
        assert _een(rij, "SELECT count(*) FROM procrastinate_jobs") == 2
        _werk_tot_leeg(rij)
        assert c.get(levering, headers=koppen).json()["status"] == "verwerkt"
        assert _run(rij, k.json()["id"])[0] == "klaar"


@pytest.mark.slow
def test_een_gedode_werker_laat_de_levering_aan_de_volgende(wereld: Wereld, rij: Omgeving) -> None:
    rijen = 6_000
    aanbod = ontvangen_aanbod(rij, wereld.gemeente, vergunningen(rijen))
    achtergrond.plaats(rij, Opdracht.levering(aanbod), _meteen)
    eerste = _werker(rij.instellingen)
    try:
        # Progress, read by this process while the worker writes (another process).
        _wacht(lambda: (_levering(rij, aanbod.levering_id)[1] or 0) > 0, "voortgang", eerste)
        os.killpg(eerste.pid, signal.SIGKILL)
        eerste.wait()
    finally:
        _stop(eerste)
    status, gelezen = _levering(rij, aanbod.levering_id)
    assert status == "in_behandeling" and 0 < (gelezen or 0) < rijen, "gedood halverwege"
    assert isinstance(aanbod.inhoud, Path) and aanbod.inhoud.exists()

    tweede = _werker(rij.instellingen)
    try:
        _wacht(lambda: _levering(rij, aanbod.levering_id)[0] != "in_behandeling", "klaar", tweede)
    finally:
        _stop(tweede)
    assert "weer in de wachtrij" in _log(rij.instellingen), "door het herstel, niet opnieuw"
    assert _levering(rij, aanbod.levering_id) == ("verwerkt", rijen)
    # Done once: one record of its processing, every row's statements once, nothing staged.
    assert (
        _een(
            rij,
            "SELECT count(*) FROM audit_record WHERE actie = 'levering verwerken' "
            "AND CAST(details AS text) LIKE :id",
            id=f"%{aanbod.levering_id}%",
        )
        == 1
    )
    assert _een(rij, "SELECT count(*) FROM statement_klaargezet") == 0
    assert (
        _een(
            rij,
            "SELECT count(DISTINCT source_record_id) FROM statement WHERE levering_id = :id",
            id=aanbod.levering_id,
        )
        == rijen
    )
    assert rij.verifieer_logboek().in_orde


def _run(o: Omgeving, taak_id: str) -> tuple[str, int, int]:
    with transactie(o.fabriek) as s:
        status, gedaan, totaal = s.execute(
            sa.text("SELECT status, gedaan, totaal FROM kruistaak WHERE id = :id"), {"id": taak_id}
        ).one()
    return str(status), int(gedaan or 0), int(totaal or 0)


@pytest.mark.slow
def test_een_gedode_werker_laat_de_kruisverwijzing_aan_de_volgende(
    wereld: Wereld, rij: Omgeving
) -> None:
    """Killed while it stores its suggestions (500 per transaction), the run is resumed by
    the next worker from where it stopped: every pair once."""
    politie = maak_actor(rij, "politie", "politie")
    for actor, mapping, inhoud in (
        (wereld.gemeente, "demo-gemeente-vergunningen", vergunningen(1_000)),
        (politie, "demo-politie-ftm", politie_personen(1_000)),
    ):
        r = lever(
            rij, actor, mapping, "x.jsonl" if "ftm" in mapping else "x.csv", inhoud, casus_id="C-1"
        )
        assert r.status == "verwerkt", r.melding
    with rij.context(wereld.analist, Kanaal.WEB) as ctx:
        t = taken.start(ctx, "C-1", taken.KruistaakIn())
    achtergrond.plaats(rij, Opdracht.kruisverwijzing(t.id), _meteen)
    eerste = _werker(rij.instellingen)
    try:
        _wacht(lambda: _run(rij, t.id)[1] > 0, "opgeslagen suggesties", eerste)
        os.killpg(eerste.pid, signal.SIGKILL)
        eerste.wait()
    finally:
        _stop(eerste)
    status, gedaan, totaal = _run(rij, t.id)
    assert status != "klaar" and 0 < gedaan < totaal, "gedood halverwege"

    tweede = _werker(rij.instellingen)
    try:
        _wacht(lambda: _run(rij, t.id)[0] == "klaar", "klaar", tweede)
    finally:
        _stop(tweede)
    assert "weer in de wachtrij" in _log(rij.instellingen)
    _, gedaan, totaal = _run(rij, t.id)
    assert gedaan == totaal
    paren = "FROM kruissuggestie WHERE taak_id = :id"
    assert _een(rij, f"SELECT count(*) {paren}", id=t.id) == totaal
    assert _een(rij, f"SELECT count(DISTINCT links || '|' || rechts) {paren}", id=t.id) == totaal
    assert rij.verifieer_logboek().in_orde


def test_de_werkers_houden_het_schema_bij(rij: Omgeving) -> None:
    """Checkpoints, retention and the log's check are periodic jobs of the workers: one job
    per moment, however many workers run (procrastinate defers each moment once)."""
    from integraal.achtergrond.postgres import _werkerapp

    app = _werkerapp(rij)
    gepland = {p.task.name: p.cron for p in app.periodic_registry.periodic_tasks.values()}
    assert gepland == {
        "integraal.gepland.bewaartermijn": "30 2 * * *",
        "integraal.gepland.controle": "0 3 * * *",
        "integraal.gepland.checkpoint": "0 */1 * * *",
    }
