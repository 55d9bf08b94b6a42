# SPDX-License-Identifier: EUPL-1.2
"""Roles of users of Integraal."""

from __future__ import annotations

from enum import StrEnum


class Rol(StrEnum):
    ANALIST = "analist"
    COORDINATOR = "coordinator"
    PRIVACY_OFFICER = "privacy_officer"
    FUNCTIONEEL_BEHEERDER = "functioneel_beheerder"
    BELEIDSMEDEWERKER = "beleidsmedewerker"


ROL_LABELS: dict[Rol, str] = {
    Rol.ANALIST: "Analist",
    Rol.COORDINATOR: "Coördinator",
    Rol.PRIVACY_OFFICER: "Privacy officer",
    Rol.FUNCTIONEEL_BEHEERDER: "Functioneel beheerder",
    Rol.BELEIDSMEDEWERKER: "Beleidsmedewerker",
}
