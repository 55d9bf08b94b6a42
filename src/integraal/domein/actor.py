# SPDX-License-Identifier: EUPL-1.2
"""Who acts: the authenticated user with organisation and role."""

from __future__ import annotations

from dataclasses import dataclass

from integraal.domein.rollen import Rol


@dataclass(frozen=True, slots=True)
class Actor:
    gebruiker_id: int
    gebruikersnaam: str
    naam: str
    organisatie_id: str
    rol: Rol

    @property
    def ref(self) -> str:
        return f"gebruiker:{self.gebruiker_id}"
