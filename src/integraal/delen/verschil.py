# SPDX-License-Identifier: EUPL-1.2
"""The difference between two rule catalogues, or two partner registers, as a person reads
it: which rules (kinds, organisations, designations, covenants) were added, removed or
changed, and per changed one which fields, before and after, in words."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from typing import Literal

from integraal.delen.model import (
    Aanwijzing,
    Catalogus,
    Convenant,
    Effect,
    Grondslag,
    Organisatie,
    Partnerregister,
    Regel,
    Soort,
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


# --- The partner register ---------------------------------------------------------------------

_SOORTVELDEN: dict[str, str] = {
    "label": "Naam",
    "groepen": "Groepen in de regels",
    "samenwerkingsverband": "Samenwerkingsverband",
    "deelnemer_soorten": "Soorten deelnemers",
    "werkwijze": "Werkwijze",
    "onderdeel_van": "Onderdeel van",
}
_ORGVELDEN: dict[str, str] = {
    "naam": "Naam",
    "soort": "Soort",
    "regio": "Regio",
    "deelnemers": "Deelnemers",
    "aangewezen_voor": "Aangewezen voor",
    "onderdeel_van": "Onderdeel van",
}
_AANWIJZINGVELDEN: dict[str, str] = {
    "deelnemers": "Aangewezen deelnemers",
    "geldig_van": "Geldig vanaf",
    "geldig_tot": "Geldig tot en met",
    "toelichting": "Toelichting",
}
_CONVENANTVELDEN: dict[str, str] = {
    "titel": "Titel",
    "partijen": "Partijen",
    "ontvangers": "Ontvangers",
    "categorieen": "Categorieën",
    "doelen": "Doelen",
    "geldig_van": "Geldig vanaf",
    "geldig_tot": "Geldig tot en met",
    "publicatie": "Vindplaats",
    "toelichting": "Toelichting",
}


_KORTE_LIJST = 4


def regio_naam(register: Partnerregister, regio: str | None) -> str:
    """A region as a person names it: after its RIEC ("Oost-Brabant"), not its code."""
    if regio is None:
        return "—"
    for o in register.organisaties:
        if o.regio == regio and register.soorten[o.soort].samenwerkingsverband:
            return o.naam.removeprefix("RIEC ").removeprefix("LIEC ")
    return "-".join(deel.capitalize() for deel in regio.split("-"))


@dataclass(frozen=True)
class _Registerwoorden:
    """Codes in the register as a person reads them, from either version (a removed
    organisation keeps its name)."""

    oud: Partnerregister
    nieuw: Partnerregister
    catalogus: Catalogus

    def organisatie(self, org_id: str) -> str:
        for r in (self.nieuw, self.oud):
            try:
                return r.organisatie(org_id).naam
            except KeyError:
                continue
        return org_id

    def soort(self, code: str) -> str:
        for r in (self.nieuw, self.oud):
            if code in r.soorten:
                return r.soorten[code].label
        return code.replace("_", " ")

    def veld(self, naam: str, waarde: object) -> str:
        if waarde is None or waarde == ():
            return "—"
        woorden: dict[str, Callable[[str], str]] = {
            "deelnemers": self.organisatie,
            "partijen": self.organisatie,
            "ontvangers": self.organisatie,
            "onderdeel_van": self.organisatie,
            "aangewezen_voor": self.organisatie,
            "soort": self.soort,
            "deelnemer_soorten": self.soort,
            "groepen": lambda g: g.replace("_", " "),
            "categorieen": self.catalogus.categorie_label,
            "doelen": lambda d: self.catalogus.doelen.get(d, d.replace("_", " ")),
            "regio": lambda r: regio_naam(self.nieuw, r),
        }
        per_code = woorden.get(naam)
        if naam == "werkwijze":
            return "vastgelegd" if waarde is not None else "—"
        if per_code is not None:
            waarden = waarde if isinstance(waarde, tuple) else (waarde,)
            return ", ".join(sorted(per_code(str(w)) for w in waarden))
        return _tekst(waarde)


def _registervelden(
    oud: object, nieuw: object, velden: dict[str, str], w: _Registerwoorden
) -> tuple[Veldwijziging, ...]:
    def verschilt(naam: str) -> bool:
        a, b = getattr(oud, naam), getattr(nieuw, naam)
        # The order of a list of organisations means nothing.
        if isinstance(a, tuple) and isinstance(b, tuple):
            return sorted(map(str, a)) != sorted(map(str, b))
        return bool(a != b)

    def wijziging(naam: str, label: str) -> Veldwijziging:
        a, b = getattr(oud, naam), getattr(nieuw, naam)
        if isinstance(a, tuple) and isinstance(b, tuple) and len({*a, *b}) > _KORTE_LIJST:
            # A long list (a RIEC's twelve participants): only who left and who joined.
            eraf = tuple(x for x in a if x not in b)
            erbij = tuple(x for x in b if x not in a)
            return Veldwijziging(
                f"{label} (alleen de wijziging)", w.veld(naam, eraf), w.veld(naam, erbij)
            )
        return Veldwijziging(label, w.veld(naam, a), w.veld(naam, b))

    return tuple(wijziging(naam, label) for naam, label in velden.items() if verschilt(naam))


def _vergelijk(
    oud: dict[str, object],
    nieuw: dict[str, object],
    velden: dict[str, str],
    titel: Callable[[object], str],
    w: _Registerwoorden,
) -> list[Regelwijziging]:
    uit: list[Regelwijziging] = []
    for sleutel, n in nieuw.items():
        if sleutel not in oud:
            uit.append(Regelwijziging("toegevoegd", sleutel, titel(n)))
        elif wijzigingen := _registervelden(oud[sleutel], n, velden, w):
            uit.append(Regelwijziging("gewijzigd", sleutel, titel(n), wijzigingen))
    uit += [
        Regelwijziging("verwijderd", sleutel, titel(o))
        for sleutel, o in oud.items()
        if sleutel not in nieuw
    ]
    return uit


def _aanwijzingen(register: Partnerregister) -> dict[str, object]:
    """By partnership and decree; a decree twice for one partnership by its date as well."""
    uit: dict[str, object] = {}
    for a in register.aanwijzingen:
        sleutel = f"aanwijzing:{a.verband}:{a.bron}"
        if sleutel in uit:
            sleutel += f":{a.geldig_van.isoformat()}"
        uit[sleutel] = a
    return uit


def registerverschillen(
    oud: Partnerregister, nieuw: Partnerregister, catalogus: Catalogus
) -> list[Regelwijziging]:
    """Kinds, organisations, designations and covenants added, removed or changed, each
    changed one with its fields before and after in words."""
    w = _Registerwoorden(oud, nieuw, catalogus)

    def organisatie(o: object) -> str:
        assert isinstance(o, Organisatie)
        return f"Organisatie: {o.naam}"

    def soort(s: object) -> str:
        assert isinstance(s, Soort)
        return f"Soort organisatie: {s.label}"

    def aanwijzing(a: object) -> str:
        assert isinstance(a, Aanwijzing)
        return f"Aanwijzing voor {w.organisatie(a.verband)} ({a.bron})"

    def convenant(c: object) -> str:
        assert isinstance(c, Convenant)
        return f"Convenant: {c.titel}, versie {c.versie}"

    return [
        *_vergelijk(
            {f"soort:{k}": s for k, s in oud.soorten.items()},
            {f"soort:{k}": s for k, s in nieuw.soorten.items()},
            _SOORTVELDEN,
            soort,
            w,
        ),
        *_vergelijk(
            {f"organisatie:{o.id}": o for o in oud.organisaties},
            {f"organisatie:{o.id}": o for o in nieuw.organisaties},
            _ORGVELDEN,
            organisatie,
            w,
        ),
        *_vergelijk(_aanwijzingen(oud), _aanwijzingen(nieuw), _AANWIJZINGVELDEN, aanwijzing, w),
        *_vergelijk(
            {f"convenant:{c.id}:{c.versie}": c for c in oud.convenanten},
            {f"convenant:{c.id}:{c.versie}": c for c in nieuw.convenanten},
            _CONVENANTVELDEN,
            convenant,
            w,
        ),
    ]
