# SPDX-License-Identifier: EUPL-1.2
"""The difference between two rule catalogues as a person reads it: which rules were added,
removed or changed, and per changed rule which fields, before and after, in words."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Literal

from integraal.delen.model import (
    Catalogus,
    Effect,
    Grondslag,
    Partnerregister,
    Regel,
    Verplichtingen,
)
from integraal.delen.voorwaarden import VOORWAARDEN

_VELDEN: dict[str, str] = {
    "titel": "Titel",
    "effect": "Uitkomst",
    "van": "Van (verstrekker)",
    "aan": "Aan (ontvanger)",
    "categorieen": "Categorieën",
    "doelen": "Doelen",
    "grondslag": "Grondslag",
    "voorwaarden": "Voorwaarden",
    "verplichtingen": "Verplichtingen",
    "geldig_van": "Geldig vanaf",
    "geldig_tot": "Geldig tot en met",
    "in_werking": "In werking",
    "herkomst": "Herkomst",
    "toelichting": "Toelichting",
}


@dataclass(frozen=True)
class Woorden:
    """Codes in a rule as a person reads them: kinds of organisation, categories, purposes
    and conditions by their labels ("alle" for *)."""

    catalogus: Catalogus
    register: Partnerregister

    def partij(self, code: str) -> str:
        if code == "*":
            return "alle"
        soort = self.register.soorten.get(code)
        if soort is not None:
            return soort.label
        try:
            return self.register.organisatie(code).naam
        except KeyError:
            return code.replace("_", " ")  # a group of kinds (convenant_partner)

    def categorie(self, code: str) -> str:
        return "alle" if code == "*" else self.catalogus.categorie_label(code)

    def doel(self, code: str) -> str:
        return "alle" if code == "*" else self.catalogus.doelen.get(code, code.replace("_", " "))

    def voorwaarde(self, code: str) -> str:
        v = VOORWAARDEN.get(code)
        return v.label if v is not None else code.replace("_", " ")

    def veld(self, naam: str, waarde: object) -> str:
        per_code = {
            "van": self.partij,
            "aan": self.partij,
            "categorieen": self.categorie,
            "doelen": self.doel,
            "voorwaarden": self.voorwaarde,
        }.get(naam)
        if per_code is not None and isinstance(waarde, tuple):
            return ", ".join(per_code(str(w)) for w in waarde) if waarde else "—"
        return _tekst(waarde)


@dataclass(frozen=True)
class Veldwijziging:
    veld: str
    oud: str
    nieuw: str


@dataclass(frozen=True)
class Regelwijziging:
    soort: Literal["toegevoegd", "verwijderd", "gewijzigd"]
    regel_id: str
    titel: str
    velden: tuple[Veldwijziging, ...] = ()


def _tekst(waarde: object) -> str:
    if waarde is None or waarde == ():
        return "—"
    if isinstance(waarde, bool):
        return "ja" if waarde else "nee"
    if isinstance(waarde, dt.date):
        return waarde.strftime("%d-%m-%Y")
    if isinstance(waarde, Effect):
        return "toestaan" if waarde is Effect.TOESTAAN else "weigeren"
    if isinstance(waarde, Grondslag):
        artikel = f", artikel {waarde.artikel}" if waarde.artikel else ""
        return f"{waarde.omschrijving}{artikel}"
    if isinstance(waarde, Verplichtingen):
        delen = [
            "loggen" if waarde.loggen else "niet loggen",
            *([f"bewaren: {waarde.bewaartermijn}"] if waarde.bewaartermijn else []),
            *([f"melden: {waarde.notificatie}"] if waarde.notificatie else []),
            *(["vier ogen"] if waarde.vierogen else []),
        ]
        return "; ".join(delen)
    if isinstance(waarde, tuple):
        return ", ".join(str(w) for w in waarde)
    return str(waarde)


def _velden(oud: Regel, nieuw: Regel, w: Woorden) -> tuple[Veldwijziging, ...]:
    return tuple(
        Veldwijziging(label, w.veld(naam, getattr(oud, naam)), w.veld(naam, getattr(nieuw, naam)))
        for naam, label in _VELDEN.items()
        if getattr(oud, naam) != getattr(nieuw, naam)
    )


def verschillen(
    oud: Catalogus, nieuw: Catalogus, register: Partnerregister
) -> list[Regelwijziging]:
    """In the new catalogue's order, removed rules last; values in words."""
    w = Woorden(nieuw, register)
    oude = {r.id: r for r in oud.regels}
    nieuwe = {r.id: r for r in nieuw.regels}
    uit: list[Regelwijziging] = []
    for r in nieuw.regels:
        if r.id not in oude:
            uit.append(Regelwijziging("toegevoegd", r.id, r.titel))
        elif velden := _velden(oude[r.id], r, w):
            uit.append(Regelwijziging("gewijzigd", r.id, r.titel, velden))
    uit += [Regelwijziging("verwijderd", r.id, r.titel) for r in oud.regels if r.id not in nieuwe]
    return uit
