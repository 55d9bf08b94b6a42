# SPDX-License-Identifier: EUPL-1.2
"""A delivery's progress for the web's progress bar, as stored with the delivery.

The import writes the rows it has read with each staged batch (`teken_van_leven`), so any app
process shows the same bar, and a restart loses nothing of it (issue 24; it lived in the memory
of the process running the import before).
"""

from __future__ import annotations

from dataclasses import dataclass

from integraal.bronnen.leveringen import Leveringstatus, LeveringUit


@dataclass(frozen=True)
class Stand:
    verwerkt: int
    geschat: int | None

    @property
    def procent(self) -> int | None:
        if not self.geschat:
            return None
        return min(100, round(100 * self.verwerkt / self.geschat))


def stand(lev: LeveringUit) -> Stand | None:
    """How far a delivery being processed is; None once it is no longer being processed."""
    if lev.status is not Leveringstatus.IN_BEHANDELING:
        return None
    return Stand(lev.rijen_gelezen or 0, lev.rijen_geschat)
