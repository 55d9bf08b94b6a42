# SPDX-License-Identifier: EUPL-1.2
"""Seizures in the demo world: a small history whose figures can be checked by hand.

Done through the services like real work; afterwards each step's registration moment is set
to the day it happened in the story, so the figures show a real na-ijleffect (the crypto of
November 2025 was registered only in February 2026). Expected figures (tests/test_demo.py):

- 2025, own seizures, peildatum 31-01-2026: cash 15.000 + car 24.000 + bike 60 = € 39.060;
- 2025 now: plus the late crypto, 0,5 BTC at € 60.000 = € 30.000, so € 69.060;
- 2025 on a foreign request: bank balance € 40.000;
- collected in 2026: the car's proceeds of € 21.500 when it was forfeited.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Concatenate, ParamSpec, TypeVar

from integraal.afpakken import dossier, maher, registratie, verloop, waarde
from integraal.afpakken.registratie import Item, Kennisgeving
from integraal.domein.actor import Actor
from integraal.domein.beslag import Handeling
from integraal.omgeving import Omgeving
from integraal.opslag import beslag as beslagopslag
from integraal.opslag.db import Sessie, transactie
from integraal.opslag.modellen import Beslagobject

P = ParamSpec("P")
T = TypeVar("T")
CASUS = "RIEC-RDM-2026-001"


def _op(d: dt.date) -> dt.datetime:
    return dt.datetime.combine(d, dt.time(12), dt.UTC)


def _stap(
    omgeving: Omgeving,
    dag: dt.date,
    fn: Callable[Concatenate[Sessie, P], T],
    *args: P.args,
    **kwargs: P.kwargs,
) -> T:
    """One step on the story's day: what it registers carries that day as its moment."""
    with transactie(omgeving.fabriek) as s:
        na = beslagopslag.laatste_ids(s)
        uit = fn(s, *args, **kwargs)
        s.flush()
        beslagopslag.dateer_terug(s, na, _op(dag))
        return uit


def _kvi(omgeving: Omgeving, agent: Actor, registratiedag: dt.date, k: Kennisgeving) -> list[str]:
    r = _stap(
        omgeving,
        registratiedag,
        registratie.registreer,
        omgeving.beslisser,
        agent,
        k,
        vandaag=registratiedag,
        herkomst="demo",
    )
    with transactie(omgeving.fabriek) as s:
        for oid in r.object_ids:
            obj = s.get(Beslagobject, oid)
            assert obj is not None
            obj.geregistreerd_op = _op(registratiedag)
    return r.object_ids


def speel_afpakken(omgeving: Omgeving, a: dict[str, Actor]) -> None:
    """Once per database, like the case work."""
    with transactie(omgeving.fabriek) as s:
        if beslagopslag.alle_objecten(s):
            return
    b = omgeving.beslisser
    agent, hovj, ovj, drz = a["agent.politie"], a["hovj.politie"], a["ovj.om"], a["drz"]
    d = _stap(
        omgeving,
        dt.date(2025, 1, 20),
        dossier.open_dossier,
        b,
        ovj,
        verdachte="Johannes van der Berg",
        parketnummer="10/700001-25",
        casus_id=CASUS,
    )
    with transactie(omgeving.fabriek) as s:
        vd = beslagopslag.dossier(s, d.id)
        assert vd is not None
        vd.aangemaakt_op = _op(dt.date(2025, 1, 20))

    def handhaaf_en_bewaar(oid: str, dag: dt.date, bewaarder: str) -> None:
        _stap(
            omgeving, dag, verloop.voer_uit, b, hovj, oid, "gehandhaafd", Handeling(), vandaag=dag
        )
        later = dag + dt.timedelta(days=7)
        _stap(
            omgeving,
            later,
            verloop.voer_uit,
            b,
            ovj,
            oid,
            "in_bewaring",
            Handeling(reden="Nodig voor verhaal van het wederrechtelijk verkregen voordeel."),
            bewaarder_id=bewaarder,
            vandaag=later,
        )

    geld, auto = _kvi(
        omgeving,
        agent,
        dt.date(2025, 2, 11),
        Kennisgeving(
            "KVI-2025-0101",
            dt.date(2025, 2, 10),
            "Johannes van der Berg",
            casus_id=CASUS,
            dossier_id=d.id,
            items=(
                Item(
                    "contant",
                    "Contant geld in een kluis",
                    "94-wederrechtelijk-voordeel",
                    4,
                    bedrag_euro=15_000,
                ),
            ),
        ),
    ) + _kvi(
        omgeving,
        agent,
        dt.date(2025, 6, 4),
        Kennisgeving(
            "KVI-2025-0230",
            dt.date(2025, 6, 3),
            "Johannes van der Berg",
            casus_id=CASUS,
            dossier_id=d.id,
            items=(
                Item(
                    "voertuig",
                    "Mercedes E-klasse, zwart",
                    "94-verbeurdverklaring",
                    2,
                    kenmerk="QQ-999-Q",
                ),
            ),
        ),
    )
    handhaaf_en_bewaar(geld, dt.date(2025, 2, 11), "kasbeheerder-om")
    handhaaf_en_bewaar(auto, dt.date(2025, 6, 4), "domeinen-roerende-zaken")
    _stap(
        omgeving,
        dt.date(2025, 6, 20),
        waarde.taxeer,
        b,
        drz,
        auto,
        "24000",
        vandaag=dt.date(2025, 6, 20),
    )
    _stap(
        omgeving,
        dt.date(2025, 7, 1),
        verloop.verzoek_machtiging,
        b,
        drz,
        auto,
        vandaag=dt.date(2025, 7, 1),
    )
    _stap(
        omgeving,
        dt.date(2025, 9, 30),
        verloop.voer_uit,
        b,
        ovj,
        auto,
        "vervreemd",
        Handeling(machtiging="Machtiging OvJ 117-2025-14"),
        vandaag=dt.date(2025, 9, 30),
    )
    _stap(
        omgeving,
        dt.date(2025, 10, 15),
        waarde.registreer_opbrengst,
        b,
        drz,
        auto,
        "21500",
        vandaag=dt.date(2025, 10, 15),
    )
    _stap(
        omgeving,
        dt.date(2026, 3, 1),
        verloop.voer_uit,
        b,
        ovj,
        auto,
        "verbeurdverklaard",
        Handeling(uitspraak="Rb Rotterdam 10/700001-25, 01-03-2026"),
        vandaag=dt.date(2026, 3, 1),
    )

    [fiets] = _kvi(
        omgeving,
        agent,
        dt.date(2025, 4, 2),
        Kennisgeving(
            "KVI-2025-0150",
            dt.date(2025, 4, 1),
            "Mohamed El Amrani",
            items=(
                Item(
                    "goederen",
                    "Herenfiets, grijs",
                    "94-verbeurdverklaring",
                    5,
                    goederencategorie="fietsen",
                ),
            ),
        ),
    )
    handhaaf_en_bewaar(fiets, dt.date(2025, 4, 2), "domeinen-roerende-zaken")
    _stap(
        omgeving,
        dt.date(2025, 4, 15),
        waarde.taxeer,
        b,
        drz,
        fiets,
        "60",
        vandaag=dt.date(2025, 4, 15),
    )
    _stap(
        omgeving,
        dt.date(2025, 9, 1),
        verloop.voer_uit,
        b,
        ovj,
        fiets,
        "verbeurdverklaard",
        Handeling(uitspraak="Rb Rotterdam 10/700150-25, 01-09-2025"),
        vandaag=dt.date(2025, 9, 1),
    )

    [rekening] = _kvi(
        omgeving,
        agent,
        dt.date(2025, 8, 9),
        Kennisgeving(
            "KVI-2025-0199",
            dt.date(2025, 8, 8),
            "Fictief Holding B.V.",
            rechtshulp=True,
            items=(
                Item(
                    "banktegoed",
                    "Saldo op een rekening bij Voorbeeldbank",
                    "94a-ontneming",
                    4,
                    bedrag_euro=40_000,
                ),
            ),
        ),
    )

    # Seized in November, registered in February: the na-ijleffect.
    [munt] = _kvi(
        omgeving,
        agent,
        dt.date(2026, 2, 20),
        Kennisgeving(
            "KVI-2025-0311",
            dt.date(2025, 11, 25),
            "Johannes van der Berg",
            casus_id=CASUS,
            dossier_id=d.id,
            items=(
                Item("crypto", "Hardware wallet met bitcoin", "94-wederrechtelijk-voordeel", 4),
            ),
        ),
    )
    _stap(
        omgeving,
        dt.date(2026, 2, 21),
        waarde.reken_om,
        b,
        hovj,
        munt,
        eenheid="BTC",
        hoeveelheid="0.5",
        koers="60000",
        koersbron="Fictieve beurs, slotkoers",
        koers_op=dt.datetime(2026, 2, 21, 17, tzinfo=dt.UTC),
        vandaag=dt.date(2026, 2, 21),
    )
    handhaaf_en_bewaar(munt, dt.date(2026, 2, 21), "kasbeheerder-om")

    # Recent: a kennisgeving awaiting the F1 decision, so the deadline list is not empty.
    vandaag = dt.date.today()
    _kvi(
        omgeving,
        agent,
        vandaag,
        Kennisgeving(
            f"KVI-{vandaag.year}-0901",
            vandaag - dt.timedelta(days=1),
            "Mohammed el-Amrani",
            items=(Item("voertuig", "Scooter", "94-waarheidsvinding", 1, kenmerk="QQ-12-QQ"),),
        ),
    )

    _stap(omgeving, dt.date(2026, 1, 15), dossier.stel_vordering_vast, b, ovj, d.id, "120000")
    _stap(
        omgeving,
        dt.date(2026, 3, 1),
        maher.registreer_organisatie,
        b,
        ovj,
        naam="Fietsenwerkplaats De Spaak",
        plaats="Rotterdam",
        behoeften=["fietsen"],
    )
    assert rekening
