# SPDX-License-Identifier: EUPL-1.2
"""Who may change the monitor: policy officers. Reading is open to every signed-in user,
because the monitor holds aggregates and public documents only."""

from __future__ import annotations

from integraal.domein.actor import Actor
from integraal.domein.fouten import GeenToegang
from integraal.domein.rollen import Rol
from integraal.verwerking import Context

BEWERKERS = frozenset({Rol.BELEIDSMEDEWERKER})


def mag_bewerken(ctx: Context) -> Actor:
    """The policy officer who changes the monitor; every change is audited on the context."""
    ik = ctx.ik
    if ik.rol not in BEWERKERS:
        raise GeenToegang("alleen beleidsmedewerkers werken de monitor bij")
    return ik
