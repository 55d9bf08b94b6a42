# SPDX-License-Identifier: EUPL-1.2
"""Notary to notary (AMLR art. 75): refused with the reason and the date before 10 July 2027;
after it only with both offices' supervisor notification and DPIA, and only between notaries."""

from __future__ import annotations

import datetime as dt

import pytest

from integraal.casus.signalen import Kenmerk, KenmerkSoort
from integraal.delen import Geweigerd
from integraal.domein.fouten import GeenToegang
from integraal.poortwachters import notarissen
from integraal.poortwachters.notarissen import FeitIn, NotarisvraagIn, WeigeringIn
from tests.conftest import BSN_JAN, Wereld
from tests.hulp import doe
from tests.poortwachters.conftest import Poort

NU = dt.datetime(2026, 11, 30, 10, tzinfo=dt.UTC)
LATER = dt.datetime(2027, 8, 2, 10, tzinfo=dt.UTC)
NOTITIE = "Eigen-notitie-notaris-Z3"


def _klok(dag: dt.datetime):  # type: ignore[no-untyped-def]
    return lambda: dag


def _vraag() -> NotarisvraagIn:
    return NotarisvraagIn(
        kenmerken=[Kenmerk(soort=KenmerkSoort.BSN, waarde=BSN_JAN)],
        noodzaak="Cliëntenonderzoek voor een levering van een woning aan deze cliënt.",
    )


def test_voor_en_na_10_juli_2027(wereld: Wereld, poort: Poort) -> None:
    o = wereld.omgeving
    doe(
        o,
        poort.notaris,
        notarissen.leg_vast,
        WeigeringIn(
            soort="geweigerd",
            reden="witwassen",
            op="02-11-2026",
            client="Jan Voorbeeld",
            kenmerken=[Kenmerk(soort=KenmerkSoort.BSN, waarde=BSN_JAN)],
            toelichting=NOTITIE,
        ),
        klok=_klok(NU),
    )
    assert [w.toelichting for w in doe(o, poort.notaris, notarissen.eigen, klok=_klok(NU))] == [
        NOTITIE
    ]

    # Before the provision applies: refused, with the date in words.
    with pytest.raises(Geweigerd) as nu:
        doe(o, poort.notaris2, notarissen.vraag, _vraag(), klok=_klok(NU))
    assert "10 juli 2027" in nu.value.waarom.samenvatting
    assert nu.value.waarom.grondslag and "75" in nu.value.waarom.grondslag

    # After it, still refused until both offices recorded the notification and the DPIA.
    with pytest.raises(Geweigerd) as zonder:
        doe(o, poort.notaris2, notarissen.vraag, _vraag(), klok=_klok(LATER))
    ontbreekt = {t.label for t in zonder.value.waarom.niet_voldaan}
    assert "de toezichthouder is vooraf gemeld" in ontbreekt
    for wie in (poort.notaris, poort.notaris2):
        for soort in ("toezichthouder_gemeld", "dpia"):
            doe(
                o,
                wie,
                notarissen.leg_feit_vast,
                FeitIn(soort=soort, op="01-07-2027", kenmerk="BFT-2027-1"),
                klok=_klok(LATER),
            )
    antwoord = doe(o, poort.notaris2, notarissen.vraag, _vraag(), klok=_klok(LATER))
    assert [(t.kantoor, t.reden.value) for t in antwoord.treffers] == [
        ("notariskantoor-fictief", "witwassen")
    ]
    assert NOTITIE not in antwoord.model_dump_json()

    # Not for anyone but a notary.
    with pytest.raises(GeenToegang):
        doe(o, poort.bank, notarissen.vraag, _vraag(), klok=_klok(LATER))
