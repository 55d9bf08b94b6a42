# SPDX-License-Identifier: EUPL-1.2
"""Who acts: the authenticated user with organisation and role."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

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

    def naar_json(self) -> dict[str, object]:
        """As a background job carries it: the job acts as the person who asked for it."""
        return {
            "gebruiker_id": self.gebruiker_id,
            "gebruikersnaam": self.gebruikersnaam,
            "naam": self.naam,
            "organisatie_id": self.organisatie_id,
            "rol": self.rol.value,
        }

    @classmethod
    def van_json(cls, d: dict[str, Any]) -> Actor:
        return cls(
            int(d["gebruiker_id"]),
            str(d["gebruikersnaam"]),
            str(d["naam"]),
            str(d["organisatie_id"]),
            Rol(d["rol"]),
        )
