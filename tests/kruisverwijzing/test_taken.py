# SPDX-License-Identifier: EUPL-1.2
"""Matching runs in a case: what they find, that they read lawfully, and that they resume."""

from __future__ import annotations

import json

import pytest
import sqlalchemy as sa

from integraal.kruis.oordeel import Oordeel
from integraal.kruisverwijzing import GeenToegang, OngeldigeInvoer, oordelen, taken
from integraal.opslag.db import transactie
from integraal.opslag.modellen import AuditRecord, Kruissuggestie, Kruistaak, LogboekRegel
from tests.conftest import Wereld


def _start(w: Wereld, **kw: object) -> str:
    with transactie(w.omgeving.fabriek) as s:
        return taken.start(s, w.analist, "C-1", **kw)  # type: ignore[arg-type]


def _suggesties(w: Wereld) -> list[Kruissuggestie]:
    with transactie(w.omgeving.fabriek) as s:
        uit = list(s.scalars(sa.select(Kruissuggestie).order_by(Kruissuggestie.id)))
        s.expunge_all()
        return uit


def _namen(w: Wereld) -> dict[str, str]:
    """entity id → the name in its statements, to read the tests (the test may look; the app
    reads through toegang)."""
    from integraal.opslag.modellen import Statement

    with transactie(w.omgeving.fabriek) as s:
        uit: dict[str, str] = {}
        for e, v in s.execute(
            sa.select(Statement.entity_id, Statement.value).where(Statement.prop == "name")
        ):
            uit[e] = v
        return uit


def test_one_person_across_three_partners_is_suggested(kruiswereld: Wereld) -> None:
    w = kruiswereld
    taak = taken.voer_uit(w.omgeving.fabriek, w.omgeving.beslisser, _start(w))
    assert taak.status == "klaar"
    namen = _namen(w)
    paren = {frozenset((namen[s.links], namen[s.rechts])) for s in _suggesties(w) if s.kans >= 0.9}
    eva = {"Eva van der Berg", "E. Berg, van der", "E. v.d. Berg"}
    assert {frozenset(p) for p in paren} >= {
        frozenset(("Eva van der Berg", "E. Berg, van der")),
        frozenset(("Eva van der Berg", "E. v.d. Berg")),
    }
    # Nobody else is tied to anyone.
    assert all(p <= eva for p in paren), paren
    s = next(
        s
        for s in _suggesties(w)
        if {namen[s.links], namen[s.rechts]} == {"Eva van der Berg", "E. Berg, van der"}
    )
    assert s.over_organisaties
    velden = {u["veld"]: u for u in s.uitleg}
    assert velden["BSN (pseudoniem)"]["niveau"] == "gelijk"
    assert velden["achternaam"]["niveau"] == "gelijk"


def test_the_run_reads_through_the_rule_engine_and_logs_every_person(kruiswereld: Wereld) -> None:
    w = kruiswereld
    with transactie(w.omgeving.fabriek) as s:
        voor = s.scalar(sa.select(sa.func.count()).select_from(LogboekRegel)) or 0
    taken.voer_uit(w.omgeving.fabriek, w.omgeving.beslisser, _start(w))
    with transactie(w.omgeving.fabriek) as s:
        regels = [
            json.loads(x)
            for x in s.scalars(sa.select(LogboekRegel.inhoud).where(LogboekRegel.volgnummer > voor))
        ]
        acties = set(s.scalars(sa.select(AuditRecord.actie)))
    gelezen = {
        r["dpl.integraal.subject_commitment"]
        for r in regels
        if r["naam"] == "kruisverwijzing voorbereiden"
    }
    assert len(gelezen) >= 6  # five persons, their addresses
    assert all(r["dpl.integraal.decision_id"] and r["dpl.integraal.rule_id"] for r in regels)
    assert {"kruisverwijzing starten", "kruisverwijzing voorbereiden"} <= acties


def test_outsiders_cannot_run_or_judge(kruiswereld: Wereld) -> None:
    w = kruiswereld
    with transactie(w.omgeving.fabriek) as s, pytest.raises(GeenToegang):
        taken.start(s, w.buitenstaander, "C-1")
    with transactie(w.omgeving.fabriek) as s, pytest.raises(OngeldigeInvoer):
        taken.start(s, w.analist, "C-1", taken.Soort.DATASETS, datasets=("a", "a"))


def test_a_run_stopped_halfway_resumes_without_doing_anything_twice(
    kruiswereld: Wereld, monkeypatch: pytest.MonkeyPatch
) -> None:
    w = kruiswereld
    monkeypatch.setattr(taken, "PARTIJ", 1)
    taak_id = _start(w)

    def stop(stap: str, gedaan: int, totaal: int) -> None:
        if stap == "suggesties opslaan" and gedaan == 1:
            raise KeyboardInterrupt  # as if the process were stopped here

    with pytest.raises(KeyboardInterrupt):
        taken.voer_uit(w.omgeving.fabriek, w.omgeving.beslisser, taak_id, melding=stop)
    with transactie(w.omgeving.fabriek) as s:
        t = s.get(Kruistaak, taak_id)
        assert t is not None and t.gedaan == 1 and t.totaal > 1
        model = t.model
    assert len(_suggesties(w)) == 1
    uit = taken.hervat_alles(w.omgeving.fabriek, w.omgeving.beslisser)
    assert uit == [taak_id]
    with transactie(w.omgeving.fabriek) as s:
        t = s.get(Kruistaak, taak_id)
        assert t is not None and t.status == "klaar" and t.gedaan == t.totaal
        assert t.model == model  # not estimated again
    paren = [(s.links, s.rechts) for s in _suggesties(w)]
    assert len(paren) == len(set(paren)) == t.totaal


def test_a_second_run_adds_only_new_pairs(kruiswereld: Wereld) -> None:
    w = kruiswereld
    taken.voer_uit(w.omgeving.fabriek, w.omgeving.beslisser, _start(w))
    eerst = len(_suggesties(w))
    taken.voer_uit(w.omgeving.fabriek, w.omgeving.beslisser, _start(w))
    assert len(_suggesties(w)) == eerst


def test_judging_merges_with_four_eyes_across_organisations(kruiswereld: Wereld) -> None:
    from integraal.opslag.modellen import CasusLid
    from tests.conftest import maak_actor

    w = kruiswereld
    taken.voer_uit(w.omgeving.fabriek, w.omgeving.beslisser, _start(w))
    fiod = maak_actor(w.omgeving, "fiod", "fiod")
    collega = maak_actor(w.omgeving, "collega", "riec-rotterdam")
    with transactie(w.omgeving.fabriek) as s:
        s.add_all([CasusLid(casus_id="C-1", gebruiker_id=a.gebruiker_id) for a in (fiod, collega)])
    namen = _namen(w)
    s_eva = next(
        s
        for s in _suggesties(w)
        if {namen[s.links], namen[s.rechts]} == {"Eva van der Berg", "E. Berg, van der"}
    )
    with transactie(w.omgeving.fabriek) as s:
        assert oordelen.beoordeel(s, w.analist, "C-1", [s_eva.id], Oordeel.ZELFDE) == []
        assert oordelen.beoordeel(s, collega, "C-1", [s_eva.id], Oordeel.ZELFDE) == []
        # Two from one organisation are not enough across partners.
        assert oordelen.onderwerpen(s, w.analist, "C-1") == []
        assert oordelen.beoordeel(s, fiod, "C-1", [s_eva.id], Oordeel.ZELFDE) == []
        (o,) = oordelen.onderwerpen(s, w.analist, "C-1")
        assert set(o.leden) == {s_eva.links, s_eva.rechts}
        # Undo: the FIOD analyst withdraws; the subject is gone, the vote stays on record.
        eigen = next(
            x
            for x in oordelen.wachtrij(s, w.omgeving.beslisser, fiod, "C-1").regels
            if x.suggestie.id == s_eva.id
        ).oordelen
        mijn = next(x for x in eigen if x.gebruiker_id == fiod.gebruiker_id)
        with pytest.raises(GeenToegang):
            oordelen.trek_in(s, w.analist, "C-1", mijn.id)
        oordelen.trek_in(s, fiod, "C-1", mijn.id)
        assert oordelen.onderwerpen(s, w.analist, "C-1") == []
