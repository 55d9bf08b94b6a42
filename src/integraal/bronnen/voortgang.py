# SPDX-License-Identifier: EUPL-1.2
"""Live progress of deliveries being processed in this process, for the web's progress bar.

Progress lives in memory on purpose: the import runs in one transaction, so nothing of it is
visible in the database until it commits, and a crash loses only the bar, not the delivery
(`herstel_onderbroken` marks it failed on the next start).
"""

from __future__ import annotations

import threading
from dataclasses import dataclass

from integraal.bronnen.importeren import Voortgang


@dataclass(frozen=True)
class Stand:
    verwerkt: int
    geschat: int | None

    @property
    def procent(self) -> int | None:
        if not self.geschat:
            return None
        return min(100, round(100 * self.verwerkt / self.geschat))


class Voortgangsbord:
    def __init__(self) -> None:
        self._slot = threading.Lock()
        self._stand: dict[str, Stand] = {}

    def begin(self, levering_id: str, geschat: int | None) -> Voortgang:
        with self._slot:
            self._stand[levering_id] = Stand(0, geschat)

        def meld(verwerkt: int) -> None:
            with self._slot:
                if levering_id in self._stand:
                    self._stand[levering_id] = Stand(verwerkt, self._stand[levering_id].geschat)

        return meld

    def stand(self, levering_id: str) -> Stand | None:
        with self._slot:
            return self._stand.get(levering_id)

    def klaar(self, levering_id: str) -> None:
        with self._slot:
            self._stand.pop(levering_id, None)
