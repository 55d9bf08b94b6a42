# SPDX-License-Identifier: EUPL-1.2
"""The network view of a case: expansion, paths and patterns, read lawfully and logged."""

from __future__ import annotations

import json

import pytest
import sqlalchemy as sa

from integraal.kruis.netwerk import Patroonsoort, Relatie
from integraal.kruisverwijzing import GeenToegang, netwerk
from integraal.opslag.db import transactie
from integraal.opslag.modellen import AuditRecord, LogboekRegel, Statement
from tests.conftest import Wereld


def _id(w: Wereld, waarde: str, schema: str | None = None) -> str:
    # Straight from storage: the test's own lookup is not a read by the app.
    with transactie(w.omgeving.fabriek) as s:
        q = sa.select(Statement.entity_id).where(Statement.value == waarde)
        if schema:
            q = q.where(Statement.schema == schema)
        return str(s.scalars(q).first())


def test_expanding_an_address_shows_its_companies_and_people_page_by_page(
    netwerkwereld: Wereld, monkeypatch: pytest.MonkeyPatch
) -> None:
    w = netwerkwereld
    adres = _id(w, "3089KX", "Address")
    with transactie(w.omgeving.fabriek) as s:
        u = netwerk.breid_uit(s, w.omgeving.beslisser, w.analist, "C-1", adres)
    namen = {r.ander.naam for r in u.regels}
    assert {f"Haven {i} B.V." for i in range(1, 6)} <= namen
    assert "Eva van der Berg" in namen
    # The company at the same address delivered in another case is not in this one.
    assert "Verborgen Handel B.V." not in namen
    assert u.per_soort == {Relatie.ADRES: 11}
    assert u.centrum.soort == "Adres" and "Havenweg" in u.centrum.naam

    monkeypatch.setattr(netwerk, "PER_PAGINA", 4)
    with transactie(w.omgeving.fabriek) as s:
        eerste = netwerk.breid_uit(s, w.omgeving.beslisser, w.analist, "C-1", adres)
        derde = netwerk.breid_uit(s, w.omgeving.beslisser, w.analist, "C-1", adres, pagina=3)
    assert (eerste.paginas, len(eerste.regels), len(derde.regels)) == (3, 4, 3)
    assert not {r.ander.id for r in eerste.regels} & {r.ander.id for r in derde.regels}

    monkeypatch.setattr(netwerk, "MAX_RELATIES", 5)
    with transactie(w.omgeving.fabriek) as s:
        afgekapt = netwerk.breid_uit(s, w.omgeving.beslisser, w.analist, "C-1", adres)
    assert afgekapt.afgekapt and afgekapt.totaal == 5


def test_expansion_by_kind_of_relation(netwerkwereld: Wereld) -> None:
    w = netwerkwereld
    q = _id(w, "Q. de Graaf")
    with transactie(w.omgeving.fabriek) as s:
        alle = netwerk.breid_uit(s, w.omgeving.beslisser, w.analist, "C-1", q)
        rekening = netwerk.breid_uit(
            s, w.omgeving.beslisser, w.analist, "C-1", q, soorten={Relatie.REKENING}
        )
    assert alle.per_soort == {Relatie.BESTUUR: 4}
    assert {r.omschrijving for r in alle.regels} >= {"rol bestuurder; vanaf 2021-01-01"}
    assert rekening.regels == [] and rekening.totaal == 0


def test_every_expansion_is_decided_and_logged(netwerkwereld: Wereld) -> None:
    w = netwerkwereld
    adres = _id(w, "3089KX", "Address")
    with transactie(w.omgeving.fabriek) as s:
        voor = s.scalar(sa.select(sa.func.max(LogboekRegel.volgnummer))) or 0
        netwerk.breid_uit(s, w.omgeving.beslisser, w.analist, "C-1", adres)
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
    from integraal.opslag.modellen import CasusLid

    w = netwerkwereld
    adres = _id(w, "3089KX", "Address")
    with transactie(w.omgeving.fabriek) as s, pytest.raises(GeenToegang):
        netwerk.breid_uit(s, w.omgeving.beslisser, w.buitenstaander, "C-1", adres)
    with transactie(w.omgeving.fabriek) as s, pytest.raises(GeenToegang):
        netwerk.patronen(s, w.omgeving.beslisser, w.andere_riec, "C-1")
    # A municipal member of the case reads back its own delivery only (EIGEN-LEVERING): the
    # tax office's shared account is no pattern for it.
    with transactie(w.omgeving.fabriek) as s:
        s.add(CasusLid(casus_id="C-1", gebruiker_id=w.gemeente.gebruiker_id))
    with transactie(w.omgeving.fabriek) as s:
        eigen = netwerk.patronen(s, w.omgeving.beslisser, w.gemeente, "C-1")
        alles = netwerk.patronen(s, w.omgeving.beslisser, w.analist, "C-1")
    assert {p.patroon.soort for p in eigen} == {Patroonsoort.ADRES_MET_VEEL_ORGANISATIES}
    assert {p.patroon.soort for p in alles} == set(Patroonsoort)


def test_patterns_name_their_facts(netwerkwereld: Wereld) -> None:
    w = netwerkwereld
    with transactie(w.omgeving.fabriek) as s:
        gevonden = {
            p.patroon.soort: p for p in netwerk.patronen(s, w.omgeving.beslisser, w.analist, "C-1")
        }
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
    assert "3 personen" in rekening.patroon.reden


def test_a_path_crosses_partners_only_once_judgements_join_the_records(
    netwerkwereld: Wereld,
) -> None:
    from integraal.kruis.oordeel import Oordeel
    from integraal.kruisverwijzing import oordelen, taken
    from integraal.opslag.modellen import CasusLid, Kruissuggestie
    from tests.conftest import maak_actor

    w = netwerkwereld
    o = w.omgeving
    eva_belasting = _id(w, "E. Berg, van der")
    haven = _id(w, "Haven 3 B.V.")
    with transactie(o.fabriek) as s:
        pad = netwerk.kortste_pad(s, o.beslisser, w.analist, "C-1", eva_belasting, haven)
    assert pad.stappen is None and not pad.afgekapt

    with transactie(o.fabriek) as s:
        taak = taken.start(s, w.analist, "C-1")
    taken.voer_uit(o.fabriek, o.beslisser, taak)
    eva_gemeente = _id(w, "Eva van der Berg")
    fiod = maak_actor(o, "fiod", "fiod")
    with transactie(o.fabriek) as s:
        s.add(CasusLid(casus_id="C-1", gebruiker_id=fiod.gebruiker_id))
    with transactie(o.fabriek) as s:
        sug = s.scalars(
            sa.select(Kruissuggestie.id).where(
                Kruissuggestie.links.in_([eva_belasting, eva_gemeente]),
                Kruissuggestie.rechts.in_([eva_belasting, eva_gemeente]),
            )
        ).one()
        for a in (w.analist, fiod):
            assert oordelen.beoordeel(s, a, "C-1", [sug], Oordeel.ZELFDE) == []
    with transactie(o.fabriek) as s:
        pad = netwerk.kortste_pad(s, o.beslisser, w.analist, "C-1", eva_belasting, haven)
    assert pad.stappen is not None
    assert [st.regel.rand.soort for st in pad.stappen] == [Relatie.ADRES, Relatie.ADRES]
    assert pad.van.samengevoegd and pad.van.naam == "Eva van der Berg"
    assert [st.regel.ander.naam for st in pad.stappen][-1] == "Haven 3 B.V."
    # Starting from either record of the joined subject is the same node.
    with transactie(o.fabriek) as s:
        ook = netwerk.kortste_pad(s, o.beslisser, w.analist, "C-1", eva_gemeente, haven)
    assert ook.van.id == pad.van.id
