# SPDX-License-Identifier: EUPL-1.2
"""Seizures in the demo world: a small history whose figures can be checked by hand.

Done through the services like real work, each step on the day the story says (the context's
clock); afterwards each step's registration moment is set to that day too, so the figures
show a real na-ijleffect (the crypto of November 2025 was registered only in February 2026).
Expected figures (tests/test_demo.py):

- 2025, own seizures, peildatum 31-01-2026: cash 15.000 + car 24.000 + bike 60 = € 39.060;
- 2025 now: plus the late crypto, 0,5 BTC at € 60.000 = € 30.000, so € 69.060;
- 2025 on a foreign request: bank balance € 40.000;
- collected in 2026: the car's proceeds of € 21.500 when it was forfeited.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from decimal import Decimal
from typing import Concatenate, ParamSpec, TypeVar

from integraal.beslag import dossier, herbestemming, registratie, verloop, waarde
from integraal.beslag.dossier import DossierIn, VorderingIn
from integraal.beslag.herbestemming import OrganisatieIn
from integraal.beslag.registratie import ItemIn, KennisgevingIn
from integraal.beslag.verloop import OvergangIn
from integraal.beslag.waarde import WaarderingIn, Waarderingssoort
from integraal.domein.actor import Actor
from integraal.domein.beslag import BeslagStatus, Grond, ObjectSoort
from integraal.omgeving import Omgeving
from integraal.opslag import beslagfeiten
from integraal.opslag.db import transactie
from integraal.verwerking import Context, Kanaal

P = ParamSpec("P")
T = TypeVar("T")
CASUS = "RIEC-RDM-2026-001"


def _op(d: dt.date) -> dt.datetime:
    return dt.datetime.combine(d, dt.time(12), dt.UTC)


def _stap(
    omgeving: Omgeving,
    dag: dt.date,
    actor: Actor,
    fn: Callable[Concatenate[Context, P], T],
    *args: P.args,
    **kwargs: P.kwargs,
) -> T:
    """One step on the story's day: what it registers carries that day as its moment."""
    with omgeving.context(actor, Kanaal.DEMO, klok=lambda: _op(dag)) as ctx:
        na = beslagfeiten.laatste_ids(ctx.sessie)
        uit = fn(ctx, *args, **kwargs)
        ctx.sessie.flush()
        beslagfeiten.dateer_terug(ctx.sessie, na, _op(dag))
        return uit


def _kvi(omgeving: Omgeving, agent: Actor, registratiedag: dt.date, k: KennisgevingIn) -> list[str]:
    r = _stap(omgeving, registratiedag, agent, registratie.registreer, k)
    with transactie(omgeving.fabriek) as s:
        beslagfeiten.dateer_registratie_terug(s, r.object_ids, _op(registratiedag))
    return r.object_ids


def _item(
    soort: ObjectSoort,
    omschrijving: str,
    grond: Grond,
    categorie: int,
    *,
    bedrag: int | None = None,
    kenmerk: str = "",
    goederencategorie: str = "",
) -> ItemIn:
    return ItemIn(
        soort=soort,
        omschrijving=omschrijving,
        grond=grond,
        categorie=categorie,
        bedrag_euro=Decimal(bedrag) if bedrag is not None else None,
        kenmerk=kenmerk,
        goederencategorie=goederencategorie,
    )


def speel_afpakken(omgeving: Omgeving, a: dict[str, Actor]) -> None:
    """Once per database, like the case work."""
    with transactie(omgeving.fabriek) as s:
        if beslagfeiten.aantal_objecten(s):
            return
    agent, hovj, ovj, drz = a["agent.politie"], a["hovj.politie"], a["ovj.om"], a["drz"]
    d = _stap(
        omgeving,
        dt.date(2025, 1, 20),
        ovj,
        dossier.open_dossier,
        DossierIn(verdachte="Johannes van der Berg", parketnummer="10/700001-25", casus_id=CASUS),
    )
    with transactie(omgeving.fabriek) as s:
        beslagfeiten.dateer_dossier_terug(s, d.id, _op(dt.date(2025, 1, 20)))

    def stap(dag: dt.date, actor: Actor, oid: str, naar: BeslagStatus, **h: str) -> None:
        _stap(omgeving, dag, actor, verloop.voer_uit, oid, OvergangIn(naar=naar, **h))

    def handhaaf_en_bewaar(oid: str, dag: dt.date, bewaarder: str) -> None:
        stap(dag, hovj, oid, BeslagStatus.GEHANDHAAFD)
        stap(
            dag + dt.timedelta(days=7),
            ovj,
            oid,
            BeslagStatus.IN_BEWARING,
            reden="Nodig voor verhaal van het wederrechtelijk verkregen voordeel.",
            bewaarder=bewaarder,
        )

    def waardeer(dag: dt.date, actor: Actor, oid: str, invoer: WaarderingIn) -> None:
        _stap(omgeving, dag, actor, waarde.waardeer, oid, invoer)

    def kvi(
        dag: dt.date, nummer: str, op: dt.date, beslagene: str, item: ItemIn, **k: object
    ) -> str:
        [oid] = _kvi(
            omgeving,
            agent,
            dag,
            KennisgevingIn(
                kvi_nummer=nummer, beslagen_op=op, beslagene=beslagene, items=[item], **k
            ),
        )
        return oid

    geld = kvi(
        dt.date(2025, 2, 11),
        "KVI-2025-0101",
        dt.date(2025, 2, 10),
        "Johannes van der Berg",
        _item(ObjectSoort.CONTANT, "Contant geld in een kluis", Grond.VOORDEEL, 4, bedrag=15_000),
        casus_id=CASUS,
        dossier_id=d.id,
    )
    auto = kvi(
        dt.date(2025, 6, 4),
        "KVI-2025-0230",
        dt.date(2025, 6, 3),
        "Johannes van der Berg",
        _item(
            ObjectSoort.VOERTUIG,
            "Mercedes E-klasse, zwart",
            Grond.VERBEURDVERKLARING,
            2,
            kenmerk="QQ-999-Q",
        ),
        casus_id=CASUS,
        dossier_id=d.id,
    )
    handhaaf_en_bewaar(geld, dt.date(2025, 2, 11), "kasbeheerder-om")
    handhaaf_en_bewaar(auto, dt.date(2025, 6, 4), "domeinen-roerende-zaken")
    waardeer(
        dt.date(2025, 6, 20),
        drz,
        auto,
        WaarderingIn(soort=Waarderingssoort.TAXATIE, bedrag_euro=Decimal(24000)),
    )
    _stap(omgeving, dt.date(2025, 7, 1), drz, verloop.verzoek_machtiging, auto)
    stap(
        dt.date(2025, 9, 30),
        ovj,
        auto,
        BeslagStatus.VERVREEMD,
        machtiging="Machtiging OvJ 117-2025-14",
    )
    waardeer(
        dt.date(2025, 10, 15),
        drz,
        auto,
        WaarderingIn(soort=Waarderingssoort.OPBRENGST, bedrag_euro=Decimal(21500)),
    )
    stap(
        dt.date(2026, 3, 1),
        ovj,
        auto,
        BeslagStatus.VERBEURDVERKLAARD,
        uitspraak="Rb Rotterdam 10/700001-25, 01-03-2026",
    )

    fiets = kvi(
        dt.date(2025, 4, 2),
        "KVI-2025-0150",
        dt.date(2025, 4, 1),
        "Mohamed El Amrani",
        _item(
            ObjectSoort.GOEDEREN,
            "Herenfiets, grijs",
            Grond.VERBEURDVERKLARING,
            5,
            goederencategorie="fietsen",
        ),
    )
    handhaaf_en_bewaar(fiets, dt.date(2025, 4, 2), "domeinen-roerende-zaken")
    waardeer(
        dt.date(2025, 4, 15),
        drz,
        fiets,
        WaarderingIn(soort=Waarderingssoort.TAXATIE, bedrag_euro=Decimal(60)),
    )
    stap(
        dt.date(2025, 9, 1),
        ovj,
        fiets,
        BeslagStatus.VERBEURDVERKLAARD,
        uitspraak="Rb Rotterdam 10/700150-25, 01-09-2025",
    )

    kvi(
        dt.date(2025, 8, 9),
        "KVI-2025-0199",
        dt.date(2025, 8, 8),
        "Fictief Holding B.V.",
        _item(
            ObjectSoort.BANKTEGOED,
            "Saldo op een rekening bij Voorbeeldbank",
            Grond.ONTNEMING,
            4,
            bedrag=40_000,
        ),
        rechtshulp=True,
    )

    # Seized in November, registered in February: the na-ijleffect.
    munt = kvi(
        dt.date(2026, 2, 20),
        "KVI-2025-0311",
        dt.date(2025, 11, 25),
        "Johannes van der Berg",
        _item(ObjectSoort.CRYPTO, "Hardware wallet met bitcoin", Grond.VOORDEEL, 4),
        casus_id=CASUS,
        dossier_id=d.id,
    )
    waardeer(
        dt.date(2026, 2, 21),
        hovj,
        munt,
        WaarderingIn(
            soort=Waarderingssoort.OMREKENING,
            eenheid="BTC",
            hoeveelheid=Decimal("0.5"),
            koers=Decimal(60000),
            koersbron="Fictieve beurs, slotkoers",
            koers_op=dt.datetime(2026, 2, 21, 17, tzinfo=dt.UTC),
        ),
    )
    handhaaf_en_bewaar(munt, dt.date(2026, 2, 21), "kasbeheerder-om")

    # Recent: a kennisgeving awaiting the F1 decision, so the deadline list is not empty.
    vandaag = dt.date.today()
    kvi(
        vandaag,
        f"KVI-{vandaag.year}-0901",
        vandaag - dt.timedelta(days=1),
        "Mohammed el-Amrani",
        _item(ObjectSoort.VOERTUIG, "Scooter", Grond.WAARHEIDSVINDING, 1, kenmerk="QQ-12-QQ"),
    )

    _stap(
        omgeving,
        dt.date(2026, 1, 15),
        ovj,
        dossier.stel_vordering_vast,
        d.id,
        VorderingIn(bedrag_euro=Decimal(120000)),
    )
    _stap(
        omgeving,
        dt.date(2026, 3, 1),
        ovj,
        herbestemming.registreer_organisatie,
        OrganisatieIn(naam="Fietsenwerkplaats De Spaak", plaats="Rotterdam", behoeften=["fietsen"]),
    )
