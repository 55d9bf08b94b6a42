# SPDX-License-Identifier: EUPL-1.2
"""Forms bound to the services' input models, with the GOV.UK error pattern.

A form's field names are the input model's JSON keys (`casusId`, `kenmerken.0.waarde`), so a
form and an API client fill the same model and get the same Dutch messages. A refused form is
shown again with a summary of the problems on top, each message beside its field and
everything that was typed kept.
"""

from __future__ import annotations

import typing
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from pydantic import BaseModel
from pydantic.alias_generators import to_camel


@dataclass
class Formulierstaat:
    """What the form shows: the values as typed, and the problems per field."""

    waarden: dict[str, list[str]] = field(default_factory=dict)
    fouten: dict[str, str] = field(default_factory=dict)
    # Several forms on one page (one per intervention) need their own element ids.
    voorvoegsel: str = ""

    def id(self, naam: str) -> str:
        """The element id of a field, unique on the page."""
        return veld_id(self.voorvoegsel + naam) if self.voorvoegsel else veld_id(naam)

    def als(self, voorvoegsel: str) -> Formulierstaat:
        """This form state for one of several forms on a page."""
        return Formulierstaat(self.waarden, self.fouten, f"{voorvoegsel}-")

    @classmethod
    def met(cls, **waarden: object) -> Formulierstaat:
        """A form filled with existing values (editing), keyed by field name."""
        uit: dict[str, list[str]] = {}
        for naam, waarde in waarden.items():
            if waarde is None:
                continue
            lijst = waarde if isinstance(waarde, list | tuple | set) else [waarde]
            uit[naam] = [str(w) for w in lijst]
        return cls(uit)

    def waarde(self, naam: str, standaard: str = "") -> str:
        lijst = self.waarden.get(naam)
        return lijst[-1] if lijst else standaard

    def lijst(self, naam: str) -> list[str]:
        return self.waarden.get(naam, [])

    def fout(self, naam: str) -> str | None:
        return self.fouten.get(naam)

    @property
    def samenvatting(self) -> list[tuple[str, str]]:
        """(field id to link to, message), the form-wide problem first."""
        return sorted(
            ((self.id(naam) if naam else "", tekst) for naam, tekst in self.fouten.items()),
            key=lambda p: p[0] != "",
        )


def veld_id(naam: str) -> str:
    return "veld-" + naam.replace(".", "-")


def _is_lijstveld(model: type[BaseModel], naam: str) -> bool:
    """Whether a top-level field of the model holds a list (checkboxes, repeated keys)."""
    for n, info in model.model_fields.items():
        if naam in (n, info.alias, to_camel(n)):
            annotatie = info.annotation
            return any(
                typing.get_origin(k) in (list, tuple, set, frozenset)
                for k in (annotatie, *typing.get_args(annotatie))
            )
    return False


def gegevens(model: type[BaseModel], waarden: Mapping[str, Sequence[str]]) -> dict[str, Any]:
    """Form values as the input the model validates: repeated keys become lists, dotted keys
    (`kenmerken.0.waarde`) nested items; an empty field counts as not filled in, and a repeated
    block left empty is not an item."""
    uit: dict[str, Any] = {}
    blokken: dict[str, dict[int, dict[str, str]]] = {}
    for naam, lijst in waarden.items():
        if naam == "csrf":
            continue
        kop, _, rest = naam.partition(".")
        is_lijst = _is_lijstveld(model, kop)
        if rest:
            index, _, sleutel = rest.partition(".")
            if index.isdigit() and sleutel:
                blokken.setdefault(kop, {}).setdefault(int(index), {})[sleutel] = lijst[-1]
            continue
        gevuld = [w for w in lijst if w.strip()]
        if is_lijst:
            uit[naam] = gevuld
        elif gevuld:
            uit[naam] = gevuld[-1]
    for kop, items in blokken.items():
        uit[kop] = [
            {k: v for k, v in items[i].items() if v.strip()}
            for i in sorted(items)
            if any(v.strip() for v in items[i].values())
        ]
    return uit
