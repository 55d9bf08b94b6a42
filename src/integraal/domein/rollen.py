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
    # Roles in the seizure chain (Afpakken); they count only at an organisation with the power.
    OPSPORINGSAMBTENAAR = "opsporingsambtenaar"
    HULPOFFICIER = "hulpofficier"
    OFFICIER = "officier"
    BEWAARDER = "bewaarder"
    # Municipal roles for the administrative instruments; they count only at a gemeente.
    BIBOB_ADVISEUR = "bibob_adviseur"
    OOV_ADVISEUR = "oov_adviseur"
    # Gatekeepers and registers; each counts only at an organisation of its kind.
    MELDER = "melder"
    NOTARIS = "notaris"
    REGISTERBEHEERDER = "registerbeheerder"
    SCREENER = "screener"
    CONTACTPUNT = "contactpunt"


ROL_LABELS: dict[Rol, str] = {
    Rol.ANALIST: "Analist",
    Rol.COORDINATOR: "Coördinator",
    Rol.PRIVACY_OFFICER: "Privacy officer",
    Rol.FUNCTIONEEL_BEHEERDER: "Functioneel beheerder",
    Rol.BELEIDSMEDEWERKER: "Beleidsmedewerker",
    Rol.OPSPORINGSAMBTENAAR: "Opsporingsambtenaar",
    Rol.HULPOFFICIER: "Hulpofficier van justitie",
    Rol.OFFICIER: "Officier van justitie",
    Rol.BEWAARDER: "Bewaarder",
    Rol.BIBOB_ADVISEUR: "Bibob-adviseur",
    Rol.OOV_ADVISEUR: "Adviseur openbare orde en veiligheid",
    Rol.MELDER: "Meldingsverantwoordelijke",
    Rol.NOTARIS: "Notaris",
    Rol.REGISTERBEHEERDER: "Registerbeheerder",
    Rol.SCREENER: "Screeningsmedewerker",
    Rol.CONTACTPUNT: "Contactpunt ondermijning",
}

# Roles whose work never shows partner data about persons: figures and their own users only.
ZONDER_PERSOONSGEGEVENS = frozenset({Rol.BELEIDSMEDEWERKER, Rol.FUNCTIONEEL_BEHEERDER})

# Gatekeepers and registers: their own work, not a partner's deliveries, requests and
# interventions.
POORTROLLEN = frozenset(
    {Rol.MELDER, Rol.NOTARIS, Rol.REGISTERBEHEERDER, Rol.SCREENER, Rol.CONTACTPUNT}
)
