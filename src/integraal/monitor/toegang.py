# SPDX-License-Identifier: EUPL-1.2
"""Who may change the monitor: policy officers. Reading is open to every signed-in user,
because the monitor holds aggregates and public documents only."""

from __future__ import annotations

from integraal import logboek
from integraal.domein.actor import Actor
from integraal.domein.fouten import GeenToegang
from integraal.domein.rollen import Rol
from integraal.opslag.db import Sessie

BEWERKERS = frozenset({Rol.BELEIDSMEDEWERKER})


def mag_bewerken(actor: Actor) -> None:
    if actor.rol not in BEWERKERS:
        raise GeenToegang("Alleen beleidsmedewerkers werken de monitor bij.")


def leg_vast(sessie: Sessie, actor: Actor, actie: str, **details: object) -> None:
    """Every change to the monitor is audited: who changed which figure or status, when."""
    logboek.schrijf_handeling(sessie, actor, actie, details=dict(details))
