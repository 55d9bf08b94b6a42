# SPDX-License-Identifier: EUPL-1.2
"""The seizure chain's people: police, the public prosecutor, custodians, and outsiders."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import pytest

from integraal.beslag.registratie import ItemIn, KennisgevingIn, RegistratieUit, registreer
from integraal.beslag.verloop import OvergangIn, voer_uit
from integraal.domein.actor import Actor
from integraal.domein.rollen import Rol
from integraal.omgeving import Omgeving
from tests.conftest import Wereld, maak_actor
from tests.hulp import doe

BEGIN = dt.date(2026, 3, 2)


@dataclass
class Keten:
    w: Wereld
    agent: Actor
    hulpofficier: Actor
    officier: Actor
    drz: Actor
    kas: Actor
    fiod: Actor
    analist_om: Actor

    @property
    def o(self) -> Omgeving:
        return self.w.omgeving


@pytest.fixture
def keten(wereld: Wereld) -> Keten:
    o = wereld.omgeving
    return Keten(
        w=wereld,
        agent=maak_actor(o, "agent", "politie", Rol.OPSPORINGSAMBTENAAR),
        hulpofficier=maak_actor(o, "hovj", "politie", Rol.HULPOFFICIER),
        officier=maak_actor(o, "ovj", "om", Rol.OFFICIER),
        drz=maak_actor(o, "drz", "domeinen-roerende-zaken", Rol.BEWAARDER),
        kas=maak_actor(o, "kas", "kasbeheerder-om", Rol.BEWAARDER),
        fiod=maak_actor(o, "fiod", "fiod", Rol.OPSPORINGSAMBTENAAR),
        analist_om=maak_actor(o, "om.analist", "om", Rol.ANALIST),
    )


AUTO = ItemIn(
    soort="voertuig",
    omschrijving="Audi A6 Avant, grijs",
    grond="94-verbeurdverklaring",
    categorie=2,
    kenmerk="QQ-123-Q",
)
GELD = ItemIn(
    soort="contant",
    omschrijving="Contant geld in een sporttas",
    grond="94-wederrechtelijk-voordeel",
    categorie=4,
    bedrag_euro=12_500,
)


def op(dag: dt.date) -> dt.datetime:
    """A clock at noon on `dag`, for services that check dates against today."""
    return dt.datetime.combine(dag, dt.time(12), dt.UTC)


def kvi(k: Keten, nummer: str = "KVI-2026-0001", *items: ItemIn, **kw: object) -> RegistratieUit:
    invoer = KennisgevingIn(
        kvi_nummer=nummer,
        beslagen_op=BEGIN,
        beslagene="Jan de Vries",
        items=list(items or (AUTO, GELD)),
        **kw,
    )
    return doe(k.o, k.agent, registreer, invoer, klok=lambda: op(BEGIN))


def stap(k: Keten, wie: Actor, object_id: str, naar: str, dag: dt.date, **kw: str) -> None:
    """One step in an object's life on `dag` (the rules check deadlines against that day)."""
    invoer = OvergangIn(naar=naar, **kw)
    doe(k.o, wie, voer_uit, object_id, invoer, klok=lambda: op(dag))
