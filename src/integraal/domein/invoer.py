# SPDX-License-Identifier: EUPL-1.2
"""Input and output models shared by every face, with validation that speaks Dutch.

A service takes one `Invoer` model and returns `Uitvoer` models. The API binds the input from
JSON, the web from a form whose field names are the same (camelCase) keys, the CLI from its
options: one validation, one set of messages. Messages follow the GOV.UK error pattern: they
name the field by its label and say what to do.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import Annotated, Any, ClassVar, TypeVar
from zoneinfo import ZoneInfo

from pydantic import (
    AfterValidator,
    AwareDatetime,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    GetCoreSchemaHandler,
    GetJsonSchemaHandler,
    ValidationError,
    WithJsonSchema,
    field_validator,
)
from pydantic.alias_generators import to_camel
from pydantic.json_schema import JsonSchemaValue
from pydantic_core import PydanticCustomError, core_schema

from integraal.domein import stuurtekens
from integraal.domein.fouten import OngeldigeInvoer
from integraal.domein.stuurtekens import heeft_stuurteken


class Invoer(BaseModel):
    """What a person or a client sends; unknown keys are refused, text is trimmed.

    `meldingen` gives a field its own message (GOV.UK: say exactly what to do) for every
    check of the field itself; a validator's own sentence still wins."""

    meldingen: ClassVar[dict[str, str]] = {}

    model_config = ConfigDict(
        alias_generator=to_camel,
        validate_by_name=True,
        validate_by_alias=True,
        extra="forbid",
        str_strip_whitespace=True,
        frozen=True,
    )

    @field_validator("*", mode="before")
    @classmethod
    def _zonder_stuurtekens(cls, waarde: Any) -> Any:
        """Every text field, at the boundary: the same answer on SQLite and PostgreSQL."""
        teksten = waarde if isinstance(waarde, list | tuple) else (waarde,)
        if any(isinstance(t, str) and heeft_stuurteken(t) for t in teksten):
            raise PydanticCustomError("stuurteken", stuurtekens.MELDING)
        return waarde


class Uitvoer(BaseModel):
    """What a service answers: typed, camelCase in JSON, readable from ORM rows."""

    model_config = ConfigDict(
        alias_generator=to_camel,
        validate_by_name=True,
        validate_by_alias=True,
        from_attributes=True,
        serialize_by_alias=True,
    )


def veld(
    titel: str,
    *,
    hint: str | None = None,
    standaard: Any = ...,
    **beperkingen: Any,
) -> Any:
    """A field with its Dutch label (messages name it) and hint (the form shows it)."""
    return Field(standaard, title=titel, description=hint, **beperkingen)


# --- Values as Dutch people type them ---------------------------------------------------------

_DATUM_NL = re.compile(r"^(\d{1,2})-(\d{1,2})-(\d{4})$")
_DATUM_ISO = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def _datum(waarde: object) -> object:
    """Accept dd-mm-jjjj (typed) as well as the ISO date a date field or JSON client sends."""
    if isinstance(waarde, str):
        tekst = waarde.strip()
        if not tekst:
            return None
        m = _DATUM_NL.match(tekst)
        if m:
            try:
                return dt.date(int(m[3]), int(m[2]), int(m[1]))
            except ValueError as exc:
                raise PydanticCustomError("datum", "deze datum bestaat niet") from exc
        # Only the calendar date yyyy-mm-dd: fromisoformat would also read week dates.
        if not _DATUM_ISO.match(tekst):
            raise PydanticCustomError("datum", "vul een datum in als dd-mm-jjjj")
        try:
            return dt.date.fromisoformat(tekst)
        except ValueError as exc:
            raise PydanticCustomError("datum", "deze datum bestaat niet") from exc
    return waarde


_MOMENT_NL = re.compile(r"^(\d{1,2})-(\d{1,2})-(\d{4})(?:\s+(\d{1,2})[:.](\d{2}))?$")
_NL = ZoneInfo("Europe/Amsterdam")


def _moment(waarde: object) -> object:
    """A moment as typed in the Netherlands (dd-mm-jjjj uu:mm, Dutch time) or ISO 8601 with
    a time zone (JSON)."""
    if isinstance(waarde, str):
        tekst = waarde.strip()
        if not tekst:
            return None
        m = _MOMENT_NL.match(tekst)
        if m:
            try:
                lokaal = dt.datetime(
                    int(m[3]), int(m[2]), int(m[1]), int(m[4] or 0), int(m[5] or 0), tzinfo=_NL
                )
            except ValueError as exc:
                raise PydanticCustomError("moment", "dit moment bestaat niet") from exc
            return lokaal.astimezone(dt.UTC)
    return waarde


def _nl_decimaal(tekst: str) -> Decimal:
    """A number as typed in the Netherlands: 1.250,5 / 1250,5 / 1.250 (thousands) / 12.5."""
    if "," in tekst:
        tekst = tekst.replace(".", "").replace(",", ".")
    elif re.fullmatch(r"-?\d{1,3}(\.\d{3})+", tekst):
        tekst = tekst.replace(".", "")
    return Decimal(tekst)


def _bedrag(waarde: object) -> object:
    """Euros as typed in the Netherlands (1.250,00 or 1250,5) or as a JSON number."""
    if isinstance(waarde, str):
        tekst = waarde.strip().removeprefix("€").strip()
        if not tekst:
            return None
        try:
            return _nl_decimaal(tekst)
        except InvalidOperation as exc:
            raise PydanticCustomError("bedrag", "vul een bedrag in, bijvoorbeeld 1.250,00") from exc
    return waarde


def _getal(waarde: object) -> object:
    if isinstance(waarde, str):
        tekst = waarde.strip()
        if not tekst:
            return None
        try:
            return _nl_decimaal(tekst)
        except InvalidOperation as exc:
            raise PydanticCustomError("getal", "vul een getal in, bijvoorbeeld 371,8") from exc
    return waarde


def _heel(waarde: object) -> object:
    """A whole number as typed in the Netherlands: 1000 or 1.000 (thousands), never 1,5;
    a JSON number must be whole too ('1.000' must not become 1, as lax parsing would)."""
    if isinstance(waarde, str):
        try:
            getal = _nl_decimaal(waarde.strip())
        except InvalidOperation:
            getal = None
        if getal is None or getal != getal.to_integral_value():
            raise PydanticCustomError("aantal", "vul een heel getal in, bijvoorbeeld 1.250")
        return int(getal)
    if isinstance(waarde, float) and not waarde.is_integer():
        raise PydanticCustomError("aantal", "vul een heel getal in, bijvoorbeeld 1.250")
    return waarde


def _leeg_is_niets(waarde: object) -> object:
    return None if isinstance(waarde, str) and not waarde.strip() else waarde


# What a date field accepts, as the OpenAPI document says it (a client may send either form).
_DATUMSCHEMA = WithJsonSchema(
    {
        "anyOf": [
            {"type": "string", "format": "date"},
            {"type": "string", "pattern": r"^\d{1,2}-\d{1,2}-\d{4}$"},
        ]
    }
)

Datum = Annotated[dt.date, BeforeValidator(_datum), _DATUMSCHEMA]
"""A date from a form (dd-mm-jjjj or yyyy-mm-dd) or JSON."""

WERKJAREN = (2000, 2099)

CIJFERJAREN = (1990, 2100)
Cijferjaar = Annotated[int, Field(ge=CIJFERJAREN[0], le=CIJFERJAREN[1])]
"""A year asked of the figures: dates beyond it do not exist for Python (year 100000)."""


def _werkdatum(waarde: dt.date) -> dt.date:
    if not WERKJAREN[0] <= waarde.year <= WERKJAREN[1]:
        raise PydanticCustomError("werkdatum", "vul een datum tussen 2000 en 2099 in (dd-mm-jjjj)")
    return waarde


Werkdatum = Annotated[dt.date, BeforeValidator(_datum), AfterValidator(_werkdatum), _DATUMSCHEMA]
"""A date in a dossier's work (a decision, a term, a payment): 2000 to 2099, so a typo such as
9999 is refused at the field instead of stretching a legal term."""

Moment = Annotated[AwareDatetime, BeforeValidator(_moment)]
"""A moment from a form (dd-mm-jjjj uu:mm, Dutch time) or JSON (ISO 8601 with time zone)."""

Bedrag = Annotated[Decimal, BeforeValidator(_bedrag), Field(ge=0, max_digits=15, decimal_places=2)]
"""An amount in euros, never negative, to the cent."""

Getal = Annotated[Decimal, BeforeValidator(_getal), Field(allow_inf_nan=False)]
"""A number as typed in the Netherlands (371,8) or as a JSON number."""

Aantal = Annotated[int, BeforeValidator(_heel), Field(ge=0)]
"""A count as typed in the Netherlands (1.250 is twelve hundred and fifty), never negative."""


@dataclass(frozen=True)
class _LeegIsNiets:
    """An empty form field means 'not given', not an empty string; the OpenAPI document says
    so (an empty query parameter is accepted as absent)."""

    def __get_pydantic_core_schema__(
        self, bron: Any, handler: GetCoreSchemaHandler
    ) -> core_schema.CoreSchema:
        return core_schema.no_info_before_validator_function(_leeg_is_niets, handler(bron))

    def __get_pydantic_json_schema__(
        self, schema: core_schema.CoreSchema, handler: GetJsonSchemaHandler
    ) -> JsonSchemaValue:
        js = handler(schema)
        leeg = {"type": "string", "maxLength": 0}
        if "anyOf" in js:
            return {**js, "anyOf": [*js["anyOf"], leeg]}
        return {"anyOf": [js, leeg]}


Optioneel = _LeegIsNiets()

OptioneleTekst = Annotated[str | None, Optioneel]
"""Text that may be left out; an empty field is None, so length limits apply only to text."""


# --- Dutch messages ---------------------------------------------------------------------------


def _veld(model: type[BaseModel] | None, pad: Sequence[str | int]) -> tuple[str, str | None]:
    """The label of the field at a location (following nested models and lists), and the
    message its model gives for it, if any."""
    huidig: Any = model
    titel, eigen = "", None
    for deel in pad:
        if isinstance(deel, int) or huidig is None:
            continue
        velden = getattr(huidig, "model_fields", {})
        naam, info = next(
            ((n, f) for n, f in velden.items() if deel in (n, f.alias, to_camel(n))),
            (None, None),
        )
        if info is None or naam is None:
            return titel or str(deel), None
        titel = info.title or str(deel)
        eigen = getattr(huidig, "meldingen", {}).get(naam)
        huidig = _binnenmodel(info.annotation)
    return titel, eigen


def _binnenmodel(annotatie: Any) -> type[BaseModel] | None:
    if isinstance(annotatie, type) and issubclass(annotatie, BaseModel):
        return annotatie
    for arg in getattr(annotatie, "__args__", ()):
        binnen = _binnenmodel(arg)
        if binnen is not None:
            return binnen
    return None


def _zin(tekst: str) -> str:
    tekst = tekst.strip()
    if not tekst:
        return tekst
    tekst = tekst[0].upper() + tekst[1:]
    return tekst if tekst.endswith((".", "!", "?")) else tekst + "."


def melding(fout: Mapping[str, Any], titel: str) -> str:
    """One pydantic error as a Dutch sentence that names the field."""
    soort = fout.get("type", "")
    ctx = fout.get("ctx") or {}
    naam = titel.lower() if titel else "dit veld"
    if soort in ("missing", "string_too_short") and ctx.get("min_length", 1) <= 1:
        return _zin(f"vul {naam} in")
    teksten = {
        "string_too_short": f"{titel} moet minstens {ctx.get('min_length')} tekens hebben",
        "string_too_long": f"{titel} mag hoogstens {ctx.get('max_length')} tekens hebben",
        "too_short": f"kies minstens {ctx.get('min_length')} bij {naam}",
        "too_long": f"kies hoogstens {ctx.get('max_length')} bij {naam}",
        "int_parsing": f"{titel} moet een geheel getal zijn",
        "int_type": f"{titel} moet een geheel getal zijn",
        "float_parsing": f"{titel} moet een getal zijn",
        "decimal_parsing": f"{titel} moet een bedrag zijn, bijvoorbeeld 1.250,00",
        "greater_than_equal": f"{titel} moet minstens {ctx.get('ge')} zijn",
        "greater_than": f"{titel} moet groter zijn dan {ctx.get('gt')}",
        "less_than_equal": f"{titel} mag hoogstens {ctx.get('le')} zijn",
        "less_than": f"{titel} moet kleiner zijn dan {ctx.get('lt')}",
        "decimal_max_places": f"{titel} heeft hoogstens twee cijfers achter de komma",
        "decimal_max_digits": f"{titel} is te groot",
        "enum": f"kies een van de mogelijkheden bij {naam}",
        "literal_error": f"kies een van de mogelijkheden bij {naam}",
        "bool_parsing": f"kies ja of nee bij {naam}",
        "date_parsing": f"{titel} moet een datum zijn, bijvoorbeeld 31-12-2026",
        "date_from_datetime_parsing": f"{titel} moet een datum zijn, bijvoorbeeld 31-12-2026",
        "string_type": f"{titel} moet tekst zijn",
        "list_type": f"{titel} moet een lijst zijn",
        "model_type": f"{titel} is niet volledig",
        "extra_forbidden": "dit veld is onbekend; laat het weg",
        "json_invalid": "de invoer is geen geldige JSON",
        "string_pattern_mismatch": f"{titel} heeft niet de goede vorm",
    }
    if soort in teksten:
        return _zin(teksten[soort])
    if soort == "value_error":
        # Our validators raise ValueError with a Dutch sentence; pydantic prefixes it.
        return _zin(str(fout.get("msg", "")).removeprefix("Value error, "))
    if soort == "stuurteken":
        return _zin(f"{titel or 'de tekst'} {fout.get('msg', '')}")
    if soort in ("datum", "bedrag") or soort.startswith("nl_"):
        return _zin(f"{titel}: {fout.get('msg', '')}" if titel else str(fout.get("msg", "")))
    return _zin(f"{titel} is ongeldig" if titel else "de invoer is ongeldig")


def beschrijf(
    fout: Mapping[str, Any], model: type[BaseModel] | None, pad: Sequence[str | int]
) -> str:
    """The Dutch message for one error at `pad` of `model`: the field's own message where the
    model gives one (a validator's sentence still wins), else a generic one naming it."""
    titel, eigen = _veld(model, pad)
    if eigen and fout.get("type") not in ("value_error", "datum", "bedrag", "stuurteken"):
        return _zin(eigen)
    return melding(fout, titel)


def vertaal(exc: ValidationError, model: type[BaseModel] | None) -> OngeldigeInvoer:
    """Pydantic's errors as our refusal: one Dutch message per field, the first one wins."""
    fouten: dict[str, str] = {}
    for fout in exc.errors(include_url=False):
        pad = [p for p in fout.get("loc", ()) if p not in ("body", "query", "path")]
        naam = ".".join(str(p) for p in pad)
        fouten.setdefault(naam, beschrijf(fout, model, pad))
    return OngeldigeInvoer(fouten)


M = TypeVar("M", bound=BaseModel)


def valideer(model: type[M], gegevens: Mapping[str, Any]) -> M:
    """Build an input model or raise OngeldigeInvoer with Dutch messages per field."""
    try:
        return model.model_validate(gegevens)
    except ValidationError as exc:
        raise vertaal(exc, model) from exc
