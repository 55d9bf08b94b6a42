# SPDX-License-Identifier: EUPL-1.2
"""The seizure chain's people: police, the public prosecutor, custodians, and outsiders."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import pytest

from integraal.afpakken.registratie import Item, Kennisgeving, Registratie, registreer
from integraal.domein.actor import Actor
from integraal.domein.rollen import Rol
from integraal.omgeving import Omgeving
from integraal.opslag.db import transactie
from tests.conftest import Wereld, maak_actor

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


AUTO = Item("voertuig", "Audi A6 Avant, grijs", "94-verbeurdverklaring", 2, kenmerk="QQ-123-Q")
GELD = Item(
    "contant", "Contant geld in een sporttas", "94-wederrechtelijk-voordeel", 4, bedrag_euro=12_500
)


def kvi(k: Keten, nummer: str = "KVI-2026-0001", *items: Item, **kw: object) -> Registratie:
    with transactie(k.o.fabriek) as s:
        return registreer(
            s,
            k.o.beslisser,
            k.agent,
            Kennisgeving(nummer, BEGIN, "Jan de Vries", items=items or (AUTO, GELD), **kw),  # type: ignore[arg-type]
            vandaag=BEGIN,
        )
