# SPDX-License-Identifier: EUPL-1.2
"""Matching runs in a case: what they find, that they read lawfully, and that they resume."""

from __future__ import annotations

import json

import numpy as np
import pytest
import sqlalchemy as sa

from integraal.domein.actor import Actor
from integraal.domein.fouten import Conflict, GeenToegang, NietGevonden, OngeldigeInvoer
from integraal.kruis.oordeel import Oordeel
from integraal.kruisverwijzing import oordelen, taken
from integraal.kruisverwijzing.oordelen import OordeelIn, Wachtrijvraag
from integraal.kruisverwijzing.taken import KruistaakIn
from integraal.opslag.db import transactie
from integraal.opslag.modellen import AuditRecord, Kruissuggestie, Kruistaak, LogboekRegel
from tests.conftest import Wereld
from tests.hulp import dode_werker, doe, lid, maak_casus


def _start(w: Wereld) -> str:
    taak = doe(w.omgeving, w.analist, taken.start, "C-1", KruistaakIn())
    assert taak.status == taken.Status.WACHTEND
    return taak.id


def _voer_uit(w: Wereld, taak_id: str, melding: taken.Melding | None = None) -> taken.KruistaakUit:
    return taken.voer_uit(w.omgeving.context, taak_id, melding=melding)


def _oordeel(w: Wereld, actor: Actor, suggestie_id: int) -> list[oordelen.WeigeringUit]:
    """A 'same person' vote; the refusals it drew (none expected)."""
    invoer = OordeelIn(suggestie_ids=[suggestie_id], oordeel=Oordeel.ZELFDE)
    return doe(w.omgeving, actor, oordelen.beoordeel, "C-1", invoer).geweigerd


def _onderwerpen(w: Wereld) -> list[oordelen.OnderwerpUit]:
    return doe(w.omgeving, w.analist, oordelen.onderwerpen, "C-1")


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
    taak = _voer_uit(w, _start(w))
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
    _voer_uit(w, _start(w))
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
    # Not a member: the case is not there for them (404), rather than a refusal that confirms it.
    with pytest.raises(NietGevonden):
        doe(w.omgeving, w.buitenstaander, taken.start, "C-1", KruistaakIn())
    with pytest.raises(NietGevonden):
        doe(w.omgeving, w.buitenstaander, oordelen.wachtrij, "C-1", Wachtrijvraag())
    with pytest.raises(OngeldigeInvoer) as fout:
        doe(
            w.omgeving,
            w.analist,
            taken.start,
            "C-1",
            KruistaakIn(soort=taken.Soort.DATASETS, datasets=["a", "a"]),
        )
    assert "datasets" in fout.value.fouten


def test_a_closed_case_keeps_its_runs_but_takes_no_new_ones(kruiswereld: Wereld) -> None:
    w = kruiswereld
    maak_casus(w.omgeving, "C-9", w.analist, status="gesloten")
    with pytest.raises(Conflict):
        doe(w.omgeving, w.analist, taken.start, "C-9", KruistaakIn())
    # Reading what is there still works for its members.
    assert doe(w.omgeving, w.analist, taken.lijst, "C-9") == []


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
        _voer_uit(w, taak_id, melding=stop)
    with transactie(w.omgeving.fabriek) as s:
        t = s.get(Kruistaak, taak_id)
        assert t is not None and t.gedaan == 1 and t.totaal > 1
        model = t.model
        assert t.status == "bezig"
    # A run its living process carries out is not taken over; once that process is gone it is.
    assert taken.hervat_alles(w.omgeving.context) == []
    with transactie(w.omgeving.fabriek) as s:
        s.execute(sa.update(Kruistaak).values(verwerker=dode_werker()))
    assert len(_suggesties(w)) == 1
    uit = taken.hervat_alles(w.omgeving.context)
    assert uit == [taak_id]
    with transactie(w.omgeving.fabriek) as s:
        t = s.get(Kruistaak, taak_id)
        assert t is not None and t.status == "klaar" and t.gedaan == t.totaal
        assert t.model == model  # not estimated again
    paren = [(s.links, s.rechts) for s in _suggesties(w)]
    assert len(paren) == len(set(paren)) == t.totaal


def test_a_second_run_adds_only_new_pairs(kruiswereld: Wereld) -> None:
    w = kruiswereld
    _voer_uit(w, _start(w))
    eerst = len(_suggesties(w))
    assert eerst
    _voer_uit(w, _start(w))
    assert len(_suggesties(w)) == eerst


def test_judging_merges_with_four_eyes_across_organisations(kruiswereld: Wereld) -> None:
    from tests.conftest import maak_actor

    w = kruiswereld
    _voer_uit(w, _start(w))
    fiod = maak_actor(w.omgeving, "fiod", "fiod")
    collega = maak_actor(w.omgeving, "collega", "riec-rotterdam")
    lid(w.omgeving, "C-1", fiod, collega)
    namen = _namen(w)
    s_eva = next(
        s
        for s in _suggesties(w)
        if {namen[s.links], namen[s.rechts]} == {"Eva van der Berg", "E. Berg, van der"}
    )
    assert _oordeel(w, w.analist, s_eva.id) == []
    assert _oordeel(w, collega, s_eva.id) == []
    # Two from one organisation are not enough across partners.
    assert _onderwerpen(w) == []
    assert _oordeel(w, fiod, s_eva.id) == []
    (o,) = _onderwerpen(w)
    assert set(o.leden) == {s_eva.links, s_eva.rechts}
    # Undo: the FIOD analyst withdraws; the subject is gone, the vote stays on record.
    rij = doe(w.omgeving, fiod, oordelen.wachtrij, "C-1", Wachtrijvraag())
    eigen = next(x for x in rij.resultaten if x.id == s_eva.id).oordelen
    mijn = next(x for x in eigen if x.gebruiker_id == fiod.gebruiker_id)
    with pytest.raises(GeenToegang):
        doe(w.omgeving, w.analist, oordelen.trek_in, "C-1", mijn.id)
    doe(w.omgeving, fiod, oordelen.trek_in, "C-1", mijn.id)
    assert _onderwerpen(w) == []
    rij = doe(w.omgeving, fiod, oordelen.wachtrij, "C-1", Wachtrijvraag())
    eigen = next(x for x in rij.resultaten if x.id == s_eva.id).oordelen
    assert next(x for x in eigen if x.id == mijn.id).ingetrokken_op is not None


def test_a_new_run_learns_from_the_verdicts_in_the_case(kruiswereld: Wereld) -> None:
    """People's verdicts on earlier suggestions correct the next run's weights (their stored
    levels, no values): a pair judged different scores lower in a run that learns than in one
    that does not."""
    w = kruiswereld
    _voer_uit(w, _start(w))
    s = _suggesties(w)[0]
    invoer = OordeelIn(suggestie_ids=[s.id], oordeel=Oordeel.ANDERS)
    assert doe(w.omgeving, w.analist, oordelen.beoordeel, "C-1", invoer).geweigerd == []

    def run(leren: taken.Leren) -> tuple[taken.KruistaakUit, dict[str, object]]:
        t = doe(w.omgeving, w.analist, taken.start, "C-1", KruistaakIn(leren=leren))
        klaar = _voer_uit(w, t.id)
        with transactie(w.omgeving.fabriek) as sessie:
            taak = sessie.get(Kruistaak, t.id)
            assert taak is not None and taak.model is not None
            return klaar, dict(taak.model)

    geleerd, model = run(taken.Leren.CASUS)
    niet, zonder = run(taken.Leren.GEEN)
    assert geleerd.geleerd_van == 1 and niet.geleerd_van == 0
    assert "correctie" in model and "correctie" not in zonder
    # The judged pair's own levels now weigh less.
    from integraal.kruis.model import Model

    m, z = Model.uit_dict(model), Model.uit_dict(zonder)
    niveaus = np.array(
        [[m.labels[k].index(r["niveau"]) for k, r in enumerate(s.uitleg)]], dtype=np.int8
    )
    assert m.gewicht(niveaus)[0] < z.gewicht(niveaus)[0]


def test_two_datasets_link_one_to_one_unless_asked_otherwise(kruiswereld: Wereld) -> None:
    w = kruiswereld
    keuzes = doe(w.omgeving, w.analist, taken.keuzes, "C-1")
    twee = [d for d, _ in keuzes.datasets][:2]
    assert len(twee) == 2

    def run(alle: bool) -> tuple[dict[str, object], list[Kruissuggestie]]:
        vraag = KruistaakIn(soort=taken.Soort.DATASETS, datasets=twee, alle_koppelingen=alle)
        t = doe(w.omgeving, w.analist, taken.start, "C-1", vraag)
        _voer_uit(w, t.id)
        with transactie(w.omgeving.fabriek) as s:
            taak = s.get(Kruistaak, t.id)
            assert taak is not None
            parameters = dict(taak.parameters)
        return parameters, [x for x in _suggesties(w) if x.taak_id == t.id]

    parameters, suggesties = run(alle=False)
    assert parameters["een_op_een"] is True
    records = [r for s in suggesties for r in (s.links, s.rechts)]
    assert len(records) == len(set(records))  # each record in at most one suggestion
    assert run(alle=True)[0]["een_op_een"] is False
