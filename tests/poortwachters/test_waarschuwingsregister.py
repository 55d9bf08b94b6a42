# SPDX-License-Identifier: EUPL-1.2
"""The Waarschuwingsregister Logistieke Sectoren: nothing without a valid permit of the AP;
with one, entries under its criteria for its term, lookups by connected companies answered
hit or no hit, each logged; notice, objection, access and automatic expiry."""

from __future__ import annotations

import datetime as dt
import json

import pytest
import sqlalchemy as sa

from integraal.delen import Geweigerd
from integraal.domein.fouten import GeenToegang, OngeldigeInvoer
from integraal.domein.poortwachters import Registratiestatus
from integraal.opslag.db import transactie
from integraal.opslag.modellen import LogboekRegel
from integraal.poortwachters import waarschuwingsregister as wr
from integraal.poortwachters.waarschuwingsregister import (
    AansluitingIn,
    BezwaarbesluitIn,
    BezwaarIn,
    IntrekkingIn,
    KennisgevingIn,
    RaadpleegIn,
    RegistratieIn,
    VergunningIn,
)
from tests.conftest import Wereld
from tests.hulp import doe
from tests.poortwachters.conftest import Poort

NU = dt.datetime(2026, 11, 30, 10, tzinfo=dt.UTC)


def _klok(dag: dt.datetime = NU):  # type: ignore[no-untyped-def]
    return lambda: dag


def _persoon(naam: str = "Piet van der Voorbeeld") -> RegistratieIn:
    return RegistratieIn(
        naam=naam,
        geboortedatum="12-03-1985",
        criterium="ontslag",
        bewijs="Ontslagbesluit van 1 oktober 2026 wegens het uithalen van een container.",
        aangemeld_door="containerterminal-fictief",
    )


def _vergunning() -> VergunningIn:
    return VergunningIn(
        nummer="AP-2026-0001",
        reikwijdte="Door de beheerder zelf: mag niet.",
        criteria=["ontslag"],
        bewaartermijn_maanden=12,
        geldig_van="01-01-2000",
    )


def _raadpleeg(naam: str = "PIET VAN DER VOORBEELD") -> RaadpleegIn:
    return RaadpleegIn(naam=naam, geboortedatum="12-03-1985")


def test_zonder_vergunning_niets(wereld: Wereld, poort: Poort) -> None:
    o = wereld.omgeving
    doe(
        o,
        poort.register,
        wr.sluit_aan,
        AansluitingIn(organisatie="containerterminal-fictief", sinds="01-01-2026"),
        klok=_klok(),
    )
    for wie, actie, invoer in (
        (poort.register, wr.schrijf_in, _persoon()),
        (poort.terminal, wr.raadpleeg, _raadpleeg()),
    ):
        with pytest.raises(Geweigerd) as fout:
            doe(o, wie, actie, invoer, klok=_klok())
        assert "UAVG art. 33 lid 4 sub c" in (fout.value.waarom.grondslag or "")
    assert doe(o, poort.register, wr.lijst, klok=_klok()) == []


def test_met_vergunning_van_inschrijving_tot_verloop(wereld: Wereld, poort: Poort) -> None:
    o = wereld.omgeving
    with pytest.raises(GeenToegang, match="privacy officer"):
        doe(o, poort.register, wr.leg_vergunning_vast, _vergunning(), klok=_klok())
    doe(
        o,
        poort.register_po,
        wr.leg_vergunning_vast,
        VergunningIn(
            nummer="AP-2026-0042",
            reikwijdte="Haven- en luchtvrachtsector; weren na een integriteitsschending.",
            criteria=["ontslag", "veroordeling"],
            bewaartermijn_maanden=24,
            geldig_van="01-01-2026",
        ),
        klok=_klok(),
    )
    doe(
        o,
        poort.register,
        wr.sluit_aan,
        AansluitingIn(organisatie="containerterminal-fictief", sinds="01-01-2026"),
        klok=_klok(),
    )
    with pytest.raises(OngeldigeInvoer, match="staat dit criterium niet toe"):
        doe(
            o,
            poort.register,
            wr.schrijf_in,
            _persoon().model_copy(update={"criterium": "pasmisbruik"}),
            klok=_klok(),
        )
    r = doe(o, poort.register, wr.schrijf_in, _persoon(), klok=_klok())
    assert r.einde == dt.date(2028, 11, 29) and r.status is Registratiestatus.INGESCHREVEN

    # Not from the register itself, nor from a company that is not connected; no birth date
    # before 1900.
    for anders in (
        {"aangemeld_door": "waarschuwingsregister-logistiek"},
        {"aangemeld_door": "luchtvracht-fictief"},
    ):
        with pytest.raises(OngeldigeInvoer, match="aangesloten bedrijf"):
            doe(
                o, poort.register, wr.schrijf_in, _persoon().model_copy(update=anders), klok=_klok()
            )
    with pytest.raises(OngeldigeInvoer, match="1900"):
        doe(
            o,
            poort.register,
            wr.schrijf_in,
            _persoon().model_copy(update={"geboortedatum": dt.date(1850, 1, 1)}),
            klok=_klok(),
        )
    # A connected company hears hit or no hit, on the name however it is written.
    hit = doe(o, poort.terminal, wr.raadpleeg, _raadpleeg(), klok=_klok())
    assert hit.treffer and set(hit.model_dump()) == {"treffer", "gevraagdOp", "watNu"}
    assert not doe(
        o, poort.terminal, wr.raadpleeg, _raadpleeg("Piet Voorbeeld"), klok=_klok()
    ).treffer
    # Names in other scripts are names, not nothing: no false hit on the birth date alone.
    iwan = _persoon("Иван Петров").model_copy(update={"geboortedatum": dt.date(1980, 1, 1)})
    doe(o, poort.register, wr.schrijf_in, iwan, klok=_klok())
    for ander in ("Мария Сидорова", "王小明"):
        vraag = RaadpleegIn(naam=ander, geboortedatum="01-01-1980")
        assert not doe(o, poort.terminal, wr.raadpleeg, vraag, klok=_klok()).treffer
    vraag = RaadpleegIn(naam="иван  петров", geboortedatum="01-01-1980")
    assert doe(o, poort.terminal, wr.raadpleeg, vraag, klok=_klok()).treffer
    with pytest.raises(OngeldigeInvoer, match="twee letters"):
        vraag = RaadpleegIn(naam="--", geboortedatum="01-01-1980")
        doe(o, poort.terminal, wr.raadpleeg, vraag, klok=_klok())
    # A company not connected is refused; a notary office is not even a screener.
    with pytest.raises(Geweigerd):
        doe(o, poort.luchtvracht, wr.raadpleeg, _raadpleeg(), klok=_klok())
    with pytest.raises(GeenToegang):
        doe(o, poort.notaris, wr.raadpleeg, _raadpleeg(), klok=_klok())

    # Notice, objection (the entry keeps hitting), access shows who looked.
    doe(o, poort.register, wr.kennisgeving, r.id, KennisgevingIn(), klok=_klok())
    doe(
        o,
        poort.register,
        wr.bezwaar,
        r.id,
        BezwaarIn(gronden="Het ontslag is aangevochten."),
        klok=_klok(),
    )
    assert doe(o, poort.terminal, wr.raadpleeg, _raadpleeg(), klok=_klok()).treffer
    inzage = doe(o, poort.register, wr.inzage, r.id, klok=_klok())
    assert [x.organisatie for x in inzage.raadplegingen] == ["containerterminal-fictief"] * 2
    assert inzage.kennisgeving_op == NU.date()

    # After the term the entry hits nothing and is marked expired.
    na = _klok(dt.datetime(2028, 11, 30, 9, tzinfo=dt.UTC))
    assert not doe(o, poort.terminal, wr.raadpleeg, _raadpleeg(), klok=na).treffer
    assert doe(o, poort.register, wr.te_laten_verlopen, klok=na) == 2  # and Иван
    assert doe(o, poort.register, wr.laat_verlopen, klok=na) == 2
    assert doe(o, poort.register, wr.lees, r.id, klok=na).status is Registratiestatus.VERLOPEN

    # An objection upheld strikes an entry off; a withdrawn permit stops every lookup.
    r2 = doe(o, poort.register, wr.schrijf_in, _persoon("Klaas Voorbeeld"), klok=_klok())
    doe(
        o,
        poort.register,
        wr.bezwaar,
        r2.id,
        BezwaarIn(gronden="Verwisseling van persoon."),
        klok=_klok(),
    )
    doe(
        o,
        poort.register,
        wr.beslis_bezwaar,
        r2.id,
        BezwaarbesluitIn(uitkomst="gegrond", motivering="Het bewijs betreft een andere persoon."),
        klok=_klok(),
    )
    assert not doe(
        o, poort.terminal, wr.raadpleeg, _raadpleeg("Klaas Voorbeeld"), klok=_klok()
    ).treffer
    morgen = (NU.date() + dt.timedelta(days=1)).strftime("%d-%m-%Y")
    with pytest.raises(OngeldigeInvoer, match="toekomst"):
        doe(
            o,
            poort.register,
            wr.trek_vergunning_in,
            doe(o, poort.register, wr.overzicht, klok=_klok()).vergunningen[0].id,
            IntrekkingIn(op=morgen),
            klok=_klok(),
        )
    doe(
        o,
        poort.register,
        wr.trek_vergunning_in,
        doe(o, poort.register, wr.overzicht, klok=_klok()).vergunningen[0].id,
        IntrekkingIn(op="30-11-2026"),
        klok=_klok(),
    )
    with pytest.raises(Geweigerd):
        doe(o, poort.terminal, wr.raadpleeg, _raadpleeg(), klok=_klok())

    with transactie(o.fabriek) as s:
        regels = [json.loads(x.inhoud) for x in s.scalars(sa.select(LogboekRegel))]
    raadplegingen = [x for x in regels if x["naam"] == "waarschuwingsregister raadplegen"]
    assert len(raadplegingen) == 8  # the refused ones (not connected, no permit) are not read
    assert {x["dpl.integraal.rule_id"] for x in raadplegingen} == {"WAARSCHUWINGSREGISTER-AP"}
