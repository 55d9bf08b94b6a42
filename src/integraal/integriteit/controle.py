# SPDX-License-Identifier: EUPL-1.2
"""The detection run as a service (the CLI and a scheduler call it)."""

from __future__ import annotations

import datetime as dt

from integraal.domein.fouten import GeenToegang
from integraal.domein.rollen import Rol
from integraal.toegang.integriteitscontrole import Controle, Voortgang, controleer
from integraal.verwerking import Context, Kanaal


def voer_uit(
    ctx: Context, *, vanaf: dt.date | None = None, voortgang: Voortgang | None = None
) -> Controle:
    """A scheduled job runs without a user; a person only as a privacy officer."""
    if ctx.actor is not None and ctx.ik.rol is not Rol.PRIVACY_OFFICER:
        raise GeenToegang("de integriteitscontrole start alleen een privacy officer of de planner")
    if ctx.actor is None and ctx.kanaal not in (Kanaal.CLI, Kanaal.TAAK):
        raise GeenToegang("de integriteitscontrole draait alleen vanaf de opdrachtregel of planner")
    return controleer(ctx, vanaf=vanaf, voortgang=voortgang)
