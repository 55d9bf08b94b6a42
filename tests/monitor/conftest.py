# SPDX-License-Identifier: EUPL-1.2
"""A world with the monitor loaded and a policy officer."""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from integraal.domein.actor import Actor
from integraal.domein.rollen import Rol
from integraal.monitor.laden import laad_alles
from integraal.opslag.db import transactie
from tests.conftest import Wereld, maak_actor


@dataclass
class Monitorwereld:
    w: Wereld
    beleid: Actor
    coordinator: Actor


@pytest.fixture
def mw(wereld: Wereld) -> Monitorwereld:
    with transactie(wereld.omgeving.fabriek) as s:
        laad_alles(s)
    return Monitorwereld(
        wereld,
        maak_actor(wereld.omgeving, "beleid", "riec-rotterdam", Rol.BELEIDSMEDEWERKER),
        maak_actor(wereld.omgeving, "coord", "riec-rotterdam", Rol.COORDINATOR),
    )
