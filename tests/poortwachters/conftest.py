# SPDX-License-Identifier: EUPL-1.2
"""Users of the gatekeeper flows, on top of the small world."""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from integraal.domein.actor import Actor
from integraal.domein.rollen import Rol
from tests.conftest import Wereld, maak_actor


@dataclass(frozen=True)
class Poort:
    bank: Actor
    notaris: Actor
    notaris2: Actor
    fiu: Actor
    fiod: Actor
    politie: Actor
    register: Actor
    terminal: Actor
    luchtvracht: Actor
    haven: Actor


@pytest.fixture
def poort(wereld: Wereld) -> Poort:
    o = wereld.omgeving
    return Poort(
        bank=maak_actor(o, "melder.bank", "voorbeeldbank", Rol.MELDER),
        notaris=maak_actor(o, "notaris.een", "notariskantoor-fictief", Rol.NOTARIS),
        notaris2=maak_actor(o, "notaris.twee", "notariskantoor-tweede-fictief", Rol.NOTARIS),
        fiu=maak_actor(o, "analist.fiu", "fiu", Rol.ANALIST),
        fiod=maak_actor(o, "analist.fiod", "fiod", Rol.ANALIST),
        politie=maak_actor(o, "analist.politie", "politie", Rol.ANALIST),
        register=maak_actor(
            o, "beheer.wr", "waarschuwingsregister-logistiek", Rol.REGISTERBEHEERDER
        ),
        terminal=maak_actor(o, "screening.terminal", "containerterminal-fictief", Rol.SCREENER),
        luchtvracht=maak_actor(o, "screening.lucht", "luchtvracht-fictief", Rol.SCREENER),
        haven=maak_actor(o, "contact.haven", "havenbedrijf-fictief", Rol.CONTACTPUNT),
    )
