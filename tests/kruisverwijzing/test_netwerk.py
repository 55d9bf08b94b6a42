# SPDX-License-Identifier: EUPL-1.2
"""The network view of a case: expansion, paths and patterns, read lawfully and logged."""

from __future__ import annotations

import json

import pytest
import sqlalchemy as sa

from integraal.domein.actor import Actor
from integraal.domein.fouten import NietGevonden
from integraal.kruis.netwerk import Patroonsoort, Relatie
from integraal.kruisverwijzing import netwerk
from integraal.kruisverwijzing.netwerk import PadUit, Padvraag, PatroonUit, Uitbreidingsvraag
from integraal.opslag.db import transactie
from integraal.opslag.modellen import AuditRecord, LogboekRegel, Statement
from tests.conftest import Wereld
from tests.hulp import doe, lid


def _id(w: Wereld, waarde: str, schema: str | None = None) -> str:
    # Straight from storage: the test's own lookup is not a read by the app.
    with transactie(w.omgeving.fabriek) as s:
        q = sa.select(Statement.entity_id).where(Statement.value == waarde)
        if schema:
            q = q.where(Statement.schema == schema)
        return str(s.scalars(q).first())


def _uit(
    w: Wereld, knoop: str, *soort: Relatie, pagina: int = 1, actor: Actor | None = None
) -> netwerk.UitbreidingUit:
    vraag = Uitbreidingsvraag(soort=list(soort), pagina=pagina)
    return doe(w.omgeving, actor or w.analist, netwerk.breid_uit, "C-1", knoop, vraag)


def _pad(w: Wereld, van: str, naar: str) -> PadUit:
    return doe(w.omgeving, w.analist, netwerk.kortste_pad, "C-1", Padvraag(van=van, naar=naar))


def _patronen(w: Wereld, actor: Actor) -> list[PatroonUit]:
    return doe(w.omgeving, actor, netwerk.patronen, "C-1")


def test_expanding_an_address_shows_its_companies_and_people_page_by_page(
    netwerkwereld: Wereld, monkeypatch: pytest.MonkeyPatch
) -> None:
    w = netwerkwereld
    adres = _id(w, "3089KX", "Address")
    u = _uit(w, adres)
    namen = {r.ander.naam for r in u.relaties}
    assert {f"Haven {i} B.V." for i in range(1, 6)} <= namen
    assert "Eva van der Berg" in namen
    # The company at the same address delivered in another case is not in this one.
    assert "Verborgen Handel B.V." not in namen
    assert u.per_soort == {Relatie.ADRES: 11}
    assert u.centrum.soort == "Adres" and "Havenweg" in u.centrum.naam

    monkeypatch.setattr(netwerk, "PER_PAGINA", 4)
    eerste = _uit(w, adres)
    derde = _uit(w, adres, pagina=3)
    assert (eerste.paginas, len(eerste.relaties), len(derde.relaties)) == (3, 4, 3)
    assert not {r.ander.id for r in eerste.relaties} & {r.ander.id for r in derde.relaties}

    monkeypatch.setattr(netwerk, "MAX_RELATIES", 5)
    afgekapt = _uit(w, adres)
    assert afgekapt.afgekapt and afgekapt.totaal == 5


def test_expansion_by_kind_of_relation(netwerkwereld: Wereld) -> None:
    w = netwerkwereld
    q = _id(w, "Q. de Graaf")
    alle = _uit(w, q)
    rekening = _uit(w, q, Relatie.REKENING)
    assert alle.per_soort == {Relatie.BESTUUR: 4}
    assert {r.omschrijving for r in alle.relaties} >= {"rol bestuurder; vanaf 01-01-2021"}
    assert rekening.relaties == [] and rekening.totaal == 0


def test_every_expansion_is_decided_and_logged(netwerkwereld: Wereld) -> None:
    w = netwerkwereld
    adres = _id(w, "3089KX", "Address")
    with transactie(w.omgeving.fabriek) as s:
        voor = s.scalar(sa.select(sa.func.max(LogboekRegel.volgnummer))) or 0
    _uit(w, adres)
    with transactie(w.omgeving.fabriek) as s:
        regels = [
            json.loads(x)
            for x in s.scalars(sa.select(LogboekRegel.inhoud).where(LogboekRegel.volgnummer > voor))
        ]
        acties = list(s.scalars(sa.select(AuditRecord.actie)))
    assert regels and all(r["naam"] == "netwerk uitbreiden" for r in regels)
    assert all(r["dpl.integraal.decision_id"] and r["dpl.integraal.rule_id"] for r in regels)
    # Eleven at the address, the address itself.
    assert len({r["dpl.integraal.subject_commitment"] for r in regels}) >= 12
    assert "netwerk uitbreiden" in acties


def test_outsiders_see_nothing_and_partners_see_only_what_the_rules_allow(
    netwerkwereld: Wereld,
) -> None:
    w = netwerkwereld
    adres = _id(w, "3089KX", "Address")
    # Not a member: the case is not there for them (404), rather than a refusal that confirms it.
    with pytest.raises(NietGevonden):
        _uit(w, adres, actor=w.buitenstaander)
    with pytest.raises(NietGevonden):
        _patronen(w, w.andere_riec)
    # A municipal member of the case reads back its own delivery only (EIGEN-LEVERING): the
    # tax office's shared account is no pattern for it.
    lid(w.omgeving, "C-1", w.gemeente)
    eigen = _patronen(w, w.gemeente)
    alles = _patronen(w, w.analist)
    assert {p.soort for p in eigen} == {Patroonsoort.ADRES_MET_VEEL_ORGANISATIES}
    assert {p.soort for p in alles} == set(Patroonsoort)


def test_an_unknown_subject_is_not_found(netwerkwereld: Wereld) -> None:
    with pytest.raises(NietGevonden):
        _uit(netwerkwereld, "bestaat-niet")


def test_patterns_name_their_facts(netwerkwereld: Wereld) -> None:
    w = netwerkwereld
    gevonden = {p.soort: p for p in _patronen(w, w.analist)}
    adres = gevonden[Patroonsoort.ADRES_MET_VEEL_ORGANISATIES]
    assert "Havenweg" in adres.kern.naam
    assert sorted(k.naam for k in adres.betrokken) == [f"Haven {i} B.V." for i in range(1, 6)]
    bestuurder = gevonden[Patroonsoort.BESTUURDER_KORT_BESTAANDE]
    assert bestuurder.kern.naam == "Q. de Graaf"
    assert sorted(k.naam for k in bestuurder.betrokken) == [
        "Snel 1 B.V.",
        "Snel 2 B.V.",
        "Snel 3 B.V.",
    ]
    rekening = gevonden[Patroonsoort.GEDEELDE_REKENING]
    assert rekening.kern.soort == "Bankrekening"
    assert sorted(k.naam for k in rekening.betrokken) == ["L. Smit", "M. Bos", "N. Mulder"]
    assert "3 personen" in rekening.reden


def test_a_path_crosses_partners_only_once_judgements_join_the_records(
    netwerkwereld: Wereld,
) -> None:
    from integraal.kruis.oordeel import Oordeel
    from integraal.kruisverwijzing import oordelen, taken
    from integraal.kruisverwijzing.oordelen import OordeelIn
    from integraal.kruisverwijzing.taken import KruistaakIn
    from integraal.opslag.modellen import Kruissuggestie
    from tests.conftest import maak_actor

    w = netwerkwereld
    o = w.omgeving
    eva_belasting = _id(w, "E. Berg, van der")
    haven = _id(w, "Haven 3 B.V.")
    pad = _pad(w, eva_belasting, haven)
    assert not pad.gevonden and pad.stappen == [] and not pad.afgekapt

    taak = doe(o, w.analist, taken.start, "C-1", KruistaakIn())
    taken.voer_uit(o.context, taak.id)
    eva_gemeente = _id(w, "Eva van der Berg")
    fiod = maak_actor(o, "fiod", "fiod")
    lid(o, "C-1", fiod)
    with transactie(o.fabriek) as s:
        sug = s.scalars(
            sa.select(Kruissuggestie.id).where(
                Kruissuggestie.links.in_([eva_belasting, eva_gemeente]),
                Kruissuggestie.rechts.in_([eva_belasting, eva_gemeente]),
            )
        ).one()
    for a in (w.analist, fiod):
        invoer = OordeelIn(suggestie_ids=[sug], oordeel=Oordeel.ZELFDE)
        assert doe(o, a, oordelen.beoordeel, "C-1", invoer).geweigerd == []
    pad = _pad(w, eva_belasting, haven)
    assert pad.gevonden
    assert [st.relatie.soort for st in pad.stappen] == [Relatie.ADRES, Relatie.ADRES]
    assert pad.van.samengevoegd and pad.van.naam == "Eva van der Berg"
    assert [st.relatie.ander.naam for st in pad.stappen][-1] == "Haven 3 B.V."
    # Starting from either record of the joined subject is the same node.
    ook = _pad(w, eva_gemeente, haven)
    assert ook.van.id == pad.van.id
