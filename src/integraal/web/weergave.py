# SPDX-License-Identifier: EUPL-1.2
"""The one formatting layer between data and the pages: a person never reads a code.

Every value a template prints passes one of these filters: a status or kind becomes its Dutch
label, an organisation id its name, a category or purpose its catalogue label, dates read
dd-mm-jjjj, numbers and amounts are Dutch (1.250,00), pseudonyms and hashes never show.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from decimal import Decimal
from enum import Enum
from typing import Any
from zoneinfo import ZoneInfo

from jinja2 import Environment, pass_context
from jinja2.runtime import Context as JinjaContext

from integraal.delen import Beslisser
from integraal.domein.keuze import Keuze
from integraal.domein.labels import eigenschap_label, schema_label, toonbare_waarde
from integraal.domein.tekst import getal, zin

ONBEKEND = "—"
# The tzdata package carries the zone rules, so a bare machine shows Dutch time too.
NL = ZoneInfo("Europe/Amsterdam")


def _beslisser(ctx: JinjaContext) -> Beslisser:
    beslisser: Beslisser = ctx["request"].app.state.omgeving.beslisser
    return beslisser


def label(waarde: object, labels: Mapping[str, str] | None = None) -> str:
    """A code as its Dutch word: a Keuze member by its own label, a plain code via `labels`."""
    if waarde is None or waarde == "":
        return ONBEKEND
    if isinstance(waarde, Keuze):
        return waarde.label
    if labels is not None:
        return labels.get(str(waarde), _leesbaar(str(waarde)))
    if isinstance(waarde, Enum):
        return _leesbaar(str(waarde.value))
    return str(waarde)


def _leesbaar(code: str) -> str:
    """Last resort for a code without a label: words, not underscores (a test catches these)."""
    tekst = re.sub(r"[_\-]+", " ", code).strip()
    return tekst[:1].upper() + tekst[1:]


@pass_context
def organisatie(ctx: JinjaContext, org_id: str | None) -> str:
    if not org_id:
        return ONBEKEND
    naam = _beslisser(ctx).register.naam(org_id)
    return _leesbaar(naam) if naam == org_id else naam


@pass_context
def categorie(ctx: JinjaContext, code: str | None) -> str:
    if not code:
        return ONBEKEND
    label_ = _beslisser(ctx).catalogus.categorie_label(code)
    return _leesbaar(code) if label_ == code else label_


@pass_context
def doel(ctx: JinjaContext, code: str | None) -> str:
    if not code:
        return ONBEKEND
    return _beslisser(ctx).catalogus.doelen.get(code) or _leesbaar(code)


@pass_context
def regel(ctx: JinjaContext, regel_ids: str | None) -> str:
    """A rule by its title; a line may name several rules (comma-separated ids)."""
    if not regel_ids:
        return ONBEKEND
    return _beslisser(ctx).catalogus.regeltitels(regel_ids)


def datum(waarde: dt.date | dt.datetime | str | None) -> str:
    """dd-mm-jjjj (a moment is shown on its Dutch calendar day)."""
    if waarde is None or waarde == "":
        return ONBEKEND
    if isinstance(waarde, str):
        try:
            waarde = dt.date.fromisoformat(waarde[:10])
        except ValueError:
            return str(waarde)
    if isinstance(waarde, dt.datetime):
        waarde = nederlandse_tijd(waarde)
    return waarde.strftime("%d-%m-%Y")


def moment(waarde: dt.datetime | str | None) -> str:
    """dd-mm-jjjj uu:mm in the Netherlands' time (CET/CEST)."""
    if waarde is None or waarde == "":
        return ONBEKEND
    if isinstance(waarde, str):
        try:
            waarde = dt.datetime.fromisoformat(waarde)
        except ValueError:
            return str(waarde)
    return nederlandse_tijd(waarde).strftime("%d-%m-%Y %H:%M")


def nederlandse_tijd(waarde: dt.datetime) -> dt.datetime:
    return waarde.astimezone(NL)


def aantal(n: int | None, enkelvoud: str, meervoud: str) -> str:
    """'1 passage', '9 passages' — never 'passage(s)'."""
    if n is None:
        return ONBEKEND
    return f"{getal(n)} {enkelvoud if n == 1 else meervoud}"


def getal_nl(waarde: float | int | Decimal | None, decimalen: int = 0) -> str:
    if waarde is None:
        return ONBEKEND
    return getal(float(waarde), decimalen)


def bag(waarde: str) -> str:
    """A BAG id in its parts (municipality, kind of object, number), so nobody reads sixteen
    digits at once: 9999 01 0000012345."""
    return f"{waarde[:4]} {waarde[4:6]} {waarde[6:]}" if len(waarde) == 16 else waarde


def bedrag(waarde: float | int | Decimal | None, *, centen: bool = False) -> str:
    """€ 1.250,00 from euros, or from cents with `centen=True`."""
    if waarde is None:
        return ONBEKEND
    euro = Decimal(waarde) / 100 if centen else Decimal(waarde)
    return f"€ {getal(float(euro), 2)}"


def ja_nee(waarde: bool | None) -> str:
    return ONBEKEND if waarde is None else ("ja" if waarde else "nee")


# The colour of a status badge; the word beside it carries the meaning (WCAG 1.4.1).
_TONEN = {
    "goed": frozenset(
        {
            "verwerkt",
            "open",
            "goedgekeurd",
            "beantwoord",
            "vastgesteld",
            "afgerond",
            "toegestaan",
            "zelfde",
            "gerealiseerd",
            "klaar",
            "omgezet",
            "ingeschreven",
            "betaald",
            "besloten",
            "verstrekt",
            "opgeschort",
            "verklaard",
        }
    ),
    "let-op": frozenset(
        {
            "uitgevraagd",
            "ingediend",
            "teruggestuurd",
            "in_behandeling",
            "wacht_op_goedkeuring",
            "nieuw",
            "concept",
            "loopt",
            "bezig",
            "wacht",
            "wacht_op_tweede",
            "lopend",
            "voorgesteld",
            "in_uitvoering",
            "vandaag",
            "binnenkort",
            "onderzoek",
            "advies_gevraagd",
            "advies_ontvangen",
            "voornemen",
            "voorbereid",
            "opgelegd",
            "verbeurd",
            "invordering",
            "verzonden",
            "ontvangen",
            "in_analyse",
            "verzocht",
            "bezwaar",
        }
    ),
    "fout": frozenset(
        {
            "geweigerd",
            "mislukt",
            "afgewezen",
            "betwist",
            "onderbroken",
            "verlopen",
            "oninbaar",
            "verdacht",
            "misbruik",
        }
    ),
}


def toon(waarde: object) -> str:
    code = str(waarde.value if isinstance(waarde, Enum) else waarde)
    for naam, codes in _TONEN.items():
        if code in codes:
            return naam
    return "neutraal"


def registreer(env: Environment) -> None:
    filters: dict[str, Any] = {
        "label": label,
        "organisatie": organisatie,
        "categorie": categorie,
        "doel": doel,
        "regel": regel,
        "datum": datum,
        "moment": moment,
        "aantal": aantal,
        "getal": getal_nl,
        "bedrag": bedrag,
        "bag": bag,
        "ja_nee": ja_nee,
        "eigenschap": eigenschap_label,
        "schema": schema_label,
        "toonbaar": lambda waarde, schema, eigenschap: toonbare_waarde(schema, eigenschap, waarde),
        "toon": toon,
        "zin": zin,
    }
    env.filters.update(filters)
