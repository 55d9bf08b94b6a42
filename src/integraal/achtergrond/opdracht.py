# SPDX-License-Identifier: EUPL-1.2
"""A piece of background work as a queue carries it: its kind, its key and its data (JSON)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from integraal.bronnen.importeren import Aanbod
from integraal.domein.actor import Actor
from integraal.domein.keuze import Keuze


class Soort(Keuze):
    LEVERING = "levering", "Levering verwerken"
    KRUISVERWIJZING = "kruisverwijzing", "Kruisverwijzing uitvoeren"
    RAPPORT = "rapport", "Voortgangsrapportage als PDF opmaken"
    BEWAARTERMIJN = "bewaartermijn", "Bewaartermijnen toepassen"
    CONTROLE = "controle", "Verwerkingslogboek controleren"
    CHECKPOINT = "checkpoint", "Checkpoint van het verwerkingslogboek ondertekenen"


@dataclass(frozen=True)
class Opdracht:
    """`sleutel` names the work: one job per key waits at a time, and the jobs of one key
    run one after another, so the same delivery or run is never worked on twice at once."""

    soort: Soort
    sleutel: str
    gegevens: dict[str, Any] = field(default_factory=dict)

    @classmethod
    def levering(cls, aanbod: Aanbod) -> Opdracht:
        return cls(Soort.LEVERING, f"levering:{aanbod.levering_id}", aanbod.naar_json())

    @classmethod
    def kruisverwijzing(cls, taak_id: str) -> Opdracht:
        return cls(Soort.KRUISVERWIJZING, f"kruisverwijzing:{taak_id}", {"taak_id": taak_id})

    @classmethod
    def rapport(cls, opdracht_id: str, actor: Actor) -> Opdracht:
        return cls(
            Soort.RAPPORT,
            f"rapport:{opdracht_id}",
            {"opdracht_id": opdracht_id, "actor": actor.naar_json()},
        )

    @classmethod
    def gepland(cls, soort: Soort) -> Opdracht:
        """Scheduled work of the installation as a whole (no data of its own)."""
        return cls(soort, soort.value)
