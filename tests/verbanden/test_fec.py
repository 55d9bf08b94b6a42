# SPDX-License-Identifier: EUPL-1.2
"""The FEC: signal rounds among the participants designated that day, answers only for the FEC;
facilitator indicators at phenomenon level, approved by a second person and shared only with
banks that are designated on the day."""

from __future__ import annotations

import datetime as dt
import json

import pytest
import sqlalchemy as sa
from pydantic import ValidationError

from integraal.casus.signalen import Kenmerk, KenmerkSoort
from integraal.domein.fouten import Conflict, GeenToegang, NietGevonden
from integraal.domein.rollen import Rol
from integraal.opslag.db import transactie
from integraal.opslag.modellen import LogboekRegel
from integraal.verbanden import fec
from integraal.verbanden.fec import FacilitatorindicatorIn, Fenomeen, RondeantwoordIn, RondeIn
from tests.conftest import Wereld, maak_actor
from tests.hulp import doe

DEELNEMERS = ["afm", "belastingdienst", "dnb", "fiod", "fiu", "om", "politie"]


def _regels(w: Wereld) -> list[dict[str, object]]:
    with transactie(w.omgeving.fabriek) as s:
        return [json.loads(r.inhoud) for r in s.scalars(sa.select(LogboekRegel))]


def _ronde() -> RondeIn:
    return RondeIn(
        omschrijving="Trustkantoor sluist geld door naar buitenlandse vennootschappen.",
        aanwijzingen="Twee meldingen van deelnemers en een verdacht verklaarde transactie.",
        kenmerken=[Kenmerk(soort=KenmerkSoort.KVK, waarde="99000001")],
    )


def test_ronde_langs_alle_deelnemers_en_alleen_het_fec_ziet_de_antwoorden(
    wereld: Wereld,
) -> None:
    o = wereld.omgeving
    analist = maak_actor(o, "fec.a", "fec")
    fiod = maak_actor(o, "fiod.a", "fiod")
    dnb = maak_actor(o, "dnb.a", "dnb")
    r = doe(o, analist, fec.start, _ronde())
    assert r.deelnemers == DEELNEMERS
    verstrekt = [x for x in _regels(wereld) if x["naam"] == "signaalronde verstrekken"]
    assert sorted(x["dpl.integraal.recipient"] for x in verstrekt) == DEELNEMERS
    assert {x["dpl.integraal.rule_id"] for x in verstrekt} == {"WGS-FEC-RONDE"}
    # A participant sees the round put to it and answers for its organisation.
    assert [x.id for x in doe(o, fiod, fec.lijst)] == [r.id]
    assert doe(o, fiod, fec.te_beantwoorden) == 1
    antwoord = RondeantwoordIn(bekend=True, toelichting="Lopend onderzoek.")
    doe(o, fiod, fec.beantwoord, r.id, antwoord)
    assert doe(o, fiod, fec.te_beantwoorden) == 0
    doe(o, dnb, fec.beantwoord, r.id, RondeantwoordIn(bekend=False))
    # The participant sees its own answer, never the others'.
    eigen = doe(o, fiod, fec.lees, r.id)
    assert eigen.antwoorden == [] and eigen.eigen_antwoord is not None
    # The FEC sees every answer and who has not answered.
    bij_fec = doe(o, analist, fec.lees, r.id)
    assert {(a.organisatie, a.bekend) for a in bij_fec.antwoorden} == {
        ("fiod", True),
        ("dnb", False),
    }
    assert set(bij_fec.zonder_antwoord) == set(DEELNEMERS) - {"fiod", "dnb"}
    # Someone outside the FEC finds nothing; a closed round takes no answers.
    with pytest.raises(NietGevonden):
        doe(o, wereld.gemeente, fec.lees, r.id)
    doe(o, analist, fec.sluit, r.id)
    with pytest.raises(Conflict):
        doe(o, fiod, fec.beantwoord, r.id, RondeantwoordIn(bekend=True))


def test_alleen_het_fec_start_een_ronde(wereld: Wereld) -> None:
    with pytest.raises(GeenToegang):
        doe(wereld.omgeving, wereld.analist, fec.start, _ronde())


def test_een_antwoord_noemt_geen_ander_kenmerk(wereld: Wereld) -> None:
    o = wereld.omgeving
    r = doe(o, maak_actor(o, "fec.a", "fec"), fec.start, _ronde())
    from integraal.domein.fouten import OngeldigeInvoer

    with pytest.raises(OngeldigeInvoer):
        doe(
            o,
            maak_actor(o, "fiu.a", "fiu"),
            fec.beantwoord,
            r.id,
            RondeantwoordIn(bekend=True, toelichting="Zie ook NL91ABNA0417164300."),
        )


def _indicator() -> FacilitatorindicatorIn:
    return FacilitatorindicatorIn(
        titel="Doorsluisrekeningen van studenten",
        fenomeen=Fenomeen.GELDEZELS,
        omschrijving="Rekeningen van jongeren ontvangen veel kleine bedragen en boeken ze door.",
        signalen=["Veel inkomende betalingen van onbekenden", "Direct doorboeken naar crypto"],
    )


def test_indicator_vier_ogen_en_alleen_voor_aangewezen_banken(wereld: Wereld) -> None:
    o = wereld.omgeving
    politie = maak_actor(o, "pol.a", "politie")
    fiu = maak_actor(o, "fiu.b", "fiu")
    bank = maak_actor(o, "bank.a", "voorbeeldbank")
    oud = maak_actor(o, "bank.b", "spaarbank-fictief")
    i = doe(o, politie, fec.stel_op, _indicator())
    with pytest.raises(GeenToegang):
        doe(o, politie, fec.publiceer, i.id)
    assert doe(o, bank, fec.indicatoren) == []  # a concept is not shared
    banken = doe(o, fiu, fec.publiceer, i.id)
    # The savings bank's designation ended on 30 June 2026: it receives nothing.
    assert banken == ["voorbeeldbank"]
    assert [x.id for x in doe(o, bank, fec.indicatoren)] == [i.id]
    assert doe(o, oud, fec.indicatoren) == []
    # A bank does not draft; a municipality is no participant.
    with pytest.raises(GeenToegang):
        doe(o, bank, fec.stel_op, _indicator())
    with pytest.raises(GeenToegang):
        doe(o, wereld.gemeente, fec.stel_op, _indicator())
    doe(o, politie, fec.trek_in, i.id)
    assert doe(o, bank, fec.indicatoren) == []


def test_de_bank_van_toen_kreeg_het_wel(wereld: Wereld) -> None:
    o = wereld.omgeving
    toen = dt.datetime(2025, 5, 1, 9, tzinfo=dt.UTC)
    politie = maak_actor(o, "pol.a", "politie")
    om = maak_actor(o, "om.a", "om", Rol.OFFICIER)
    i = doe(o, politie, fec.stel_op, _indicator(), klok=lambda: toen)
    banken = doe(o, om, fec.publiceer, i.id, klok=lambda: toen)
    assert banken == ["spaarbank-fictief"]


@pytest.mark.parametrize(
    "tekst", ["Klant met IBAN NL91ABNA0417164300 stort contant", "Bel 06-12345678 bij twijfel"]
)
def test_een_indicator_noemt_nooit_een_persoon(tekst: str) -> None:
    with pytest.raises(ValidationError, match="nooit wie"):
        FacilitatorindicatorIn(
            titel="Contante stortingen",
            fenomeen=Fenomeen.GELDEZELS,
            omschrijving=tekst + " en boekt het door.",
            signalen=["Contant"],
        )
    with pytest.raises(ValidationError, match="nooit wie"):
        FacilitatorindicatorIn(
            titel="Contante stortingen",
            fenomeen=Fenomeen.GELDEZELS,
            omschrijving="Contante stortingen die direct worden doorgeboekt.",
            signalen=[tekst],
        )


def test_een_antwoord_op_een_ronde_zonder_bsn_wordt_gelogd(wereld: Wereld) -> None:
    """An IBAN or KvK number may be a person's: the answer to a round about one is a logged
    provision back to the FEC, and it repeats no identifier the round did not ask about."""
    o = wereld.omgeving
    r = doe(
        o,
        maak_actor(o, "fec.a", "fec"),
        fec.start,
        RondeIn(
            omschrijving="Rekening ontvangt veel kleine bedragen en boekt ze door.",
            aanwijzingen="Twee meldingen van banken via FIU-Nederland over deze rekening.",
            kenmerken=[Kenmerk(soort=KenmerkSoort.IBAN, waarde="NL20INGB0001234567")],
        ),
    )
    fiod = maak_actor(o, "fiod.b", "fiod")
    from integraal.domein.fouten import OngeldigeInvoer

    for tekst in ("Ook NL91ABNA0417164300.", "BSN 111222333 hoort erbij.", "Zie 111 222 333."):
        with pytest.raises(OngeldigeInvoer):
            doe(o, fiod, fec.beantwoord, r.id, RondeantwoordIn(bekend=True, toelichting=tekst))
    doe(
        o,
        fiod,
        fec.beantwoord,
        r.id,
        RondeantwoordIn(bekend=True, toelichting="NL20 INGB 0001 2345 67 is bij ons bekend."),
    )
    # The participant's read of the round (FEC to FIOD) and its answer (FIOD to the FEC).
    antwoorden = [x for x in _regels(wereld) if x["naam"] == "signaalronde beantwoorden"]
    assert {(x["dpl.integraal.provider"], x["dpl.integraal.recipient"]) for x in antwoorden} == {
        ("fec", "fiod"),
        ("fiod", "fec"),
    }
