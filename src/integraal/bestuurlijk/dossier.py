# SPDX-License-Identifier: EUPL-1.2
"""Who may work on the municipality's closures and claims."""

from __future__ import annotations

from integraal.domein.fouten import GeenToegang
from integraal.domein.rollen import Rol
from integraal.verwerking import Context


def oov(ctx: Context) -> None:
    """Closures and claims are the work of the mayor's advisers on public order and safety."""
    if ctx.ik.rol is not Rol.OOV_ADVISEUR:
        raise GeenToegang(
            "alleen adviseurs openbare orde en veiligheid werken met sluitingen en vorderingen"
        )
