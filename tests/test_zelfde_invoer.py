# SPDX-License-Identifier: EUPL-1.2
"""Each service is called by the web and the API with the same input model (issue 15).

Both faces are enumerated from the running application, not from a list kept by hand: every
route of `maak_app` (the web app and the API mounted in it) is found through FastAPI, and the
handler's own code says which input model reaches which service:

- API: the models FastAPI binds (JSON body, `Annotated[M, Query()]`, `Annotated[M, Form()]`)
  and models a handler builds itself, followed to the service call they are passed to;
- web: `w.verzend(M, velden, actie)`, `w.verwerk(M, ...)` and `w.toon_antwoord(M, ...)` (the
  action a service, a lambda, a local function or a helper's parameter), `w.vraag(M)` and
  `valideer(M, ...)` for GET forms, and models built in place; helpers of the route modules
  are followed with their arguments, and a route registered by a helper (`web.basis.handeling`,
  one call per form) is read with the model and service that call closed over.

The result per face is a mapping input model -> the services it is passed to. Every
`Invoer` either face uses must be used by both, with the same services; the few exceptions are
listed below with their reason, and each exception's claim is checked too. Routes that validate
no model (the 'add another' button of the advice and kennisgeving forms, which only renders one
more block) call no service and are outside the enumeration.
"""

from __future__ import annotations

import ast
import inspect
import textwrap
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

import pytest
from fastapi import FastAPI
from fastapi.routing import APIRoute
from pydantic import BaseModel
from starlette.routing import Mount

from integraal import toegang
from integraal.api.routes.leveringen import ConceptFormulier, LeveringFormulier, ProefFormulier
from integraal.app import maak_app
from integraal.beheer.mappings import ConceptIn
from integraal.beslag import inzage, objecten, verloop
from integraal.beslag.feed import Feedvraag
from integraal.beslag.inzage import CodeIn
from integraal.beslag.objecten import Objectfilter
from integraal.beslag.verloop import OvergangIn
from integraal.bronnen import leveringen
from integraal.bronnen.importeren import verwerk
from integraal.bronnen.leveringen import LeveringIn
from integraal.casus import casussen, signalen
from integraal.casus.casussen import CasusFilter, Motivering
from integraal.casus.signalen import Beoordeling
from integraal.domein.invoer import Invoer, valideer
from integraal.gebruikers import Inloggegevens
from integraal.gebruikers.aanmelden import CodeIn as Tweedefactorcode
from integraal.gebruikers.aanmelden import Tokenaanvraag
from integraal.kruisverwijzing import oordelen
from integraal.kruisverwijzing.oordelen import Wachtrijvraag
from integraal.monitor.indicatoren import Indicatorvraag
from integraal.monitor.rapport import Rapportvraag
from integraal.omgeving import Omgeving
from integraal.toegang.lezen import Zoekvraag

Dienst = Callable[..., Any]
Model = type[BaseModel]
Koppeling = dict[Model, set[Dienst]]

# --- Exceptions, each with its reason -----------------------------------------------------------

# Input models only the API offers. `ALLEEN_API_WEB_ZONDER` also claims that the web calls the
# same services without the model (the service's own default); a test checks that claim.
ALLEEN_API: dict[Model, str] = {
    Feedvraag: "machine-only: partner systems poll the seizure chain's CloudEvents with a "
    "cursor (na, limiet); people see the same events on each object's page",
}
ALLEEN_API_WEB_ZONDER: dict[Model, str] = {
    ProefFormulier: "a client sends the draft and the sample in one request; the web keeps "
    "the sample's first rows in the beheerder's session and tries the typed draft with the "
    "same service",
    Objectfilter: "a status filter for API clients; the web's seizure page lists all objects "
    "of the organisation through the same service",
    Indicatorvraag: "a peildatum ('as known on') lets a client reproduce earlier figures; the "
    "web shows the indicators as known now through the same services",
    Rapportvraag: "a client picks html or pdf and a peildatum in one call; the web shows the "
    "report as a page and makes the PDF as a background job with progress (issue 15 item 9), "
    "both built by the same service",
}
# A face's own subclass of a shared model, and why the face needs it.
GEZICHTSMODEL: dict[Model, tuple[Model, str]] = {
    Tokenaanvraag: (
        Inloggegevens,
        "a client sends password and code in one request; the web asks the code of an account "
        "with a second factor on a page of its own, with the same CodeIn and service",
    ),
    LeveringFormulier: (
        LeveringIn,
        "the API's multipart form is the shared model plus the uploaded file; the web takes "
        "the file as its own File() parameter beside the same model",
    ),
    ConceptFormulier: (
        ConceptIn,
        "the API's multipart form is the shared model plus the sample file; the web takes "
        "the file as its own File() parameter beside the same model",
    ),
}
# A service a face calls in place of another, and why.
ZELFDE_DIENST: dict[Dienst, tuple[Dienst, str]] = {
    leveringen.lever: (
        leveringen.bied_levering_aan,
        "the API offers and processes a delivery in one call (lever = bied_levering_aan + "
        "verwerk); the web offers it and processes it in the background so the page shows "
        "rows processed (issue 15 item 9)",
    ),
}

# --- Reading a handler's code -------------------------------------------------------------------

# Modules whose functions are no service: the faces themselves, the validation helper, and
# the copy of an upload to disk (transport before the service, in both faces; the API's file
# is a field of its form model, the web's a parameter beside it).
_GEEN_DIENST = (
    "integraal.api",
    "integraal.web",
    "integraal.domein.invoer",
    "integraal.bronnen.ontvangst",
)
# Helpers followed into with their arguments: a web page or form may be built by a helper of
# the route module that receives the model or the service as parameters.
_WEB_HULP = "integraal.web.routes"


def _is_dienst(obj: object) -> bool:
    return (
        inspect.isfunction(obj)
        and obj.__module__.startswith("integraal.")
        and not obj.__module__.startswith(_GEEN_DIENST)
    )


def _is_model(obj: object) -> bool:
    return isinstance(obj, type) and issubclass(obj, BaseModel)


def _namen(functie: Callable[..., Any]) -> dict[str, Any]:
    """The names a function's code sees from outside: its module's globals and, for a route a
    helper registered (one call per form), the helper's variables it closes over."""
    return {**functie.__globals__, **inspect.getclosurevars(functie).nonlocals}


def _naam(obj: Any) -> str:
    return f"{obj.__module__}.{obj.__qualname__}"


@dataclass
class Bereik:
    """What the names in one function mean: module globals, names bound locally (unknown
    here), a helper's parameters (the caller's argument, read in the caller's scope) and the
    names that hold a validated input model."""

    globalen: dict[str, Any]
    lokaal: set[str] = field(default_factory=set)
    vervangen: dict[str, tuple[ast.expr, Bereik]] = field(default_factory=dict)
    besmet: dict[str, Model] = field(default_factory=dict)


def _waarde(expr: ast.expr, b: Bereik) -> Any:
    """The object a name or dotted name stands for, or None when it is local or not a name."""
    if isinstance(expr, ast.Name):
        if expr.id in b.vervangen:
            e, ouder = b.vervangen[expr.id]
            return _waarde(e, ouder)
        if expr.id in b.lokaal:
            return None
        return b.globalen.get(expr.id)
    if isinstance(expr, ast.Attribute):
        basis = _waarde(expr.value, b)
        return None if basis is None else getattr(basis, expr.attr, None)
    return None


def _modellen_in(expr: ast.expr, b: Bereik) -> set[Model]:
    """The input models an argument carries: a name holding one, an attribute of it, a model
    built in place. A nested service call or a lambda is judged on its own."""
    if isinstance(expr, ast.Lambda):
        return set()
    if isinstance(expr, ast.Name):
        if expr.id in b.vervangen:
            e, ouder = b.vervangen[expr.id]
            return _modellen_in(e, ouder)
        return {b.besmet[expr.id]} if expr.id in b.besmet else set()
    uit: set[Model] = set()
    if isinstance(expr, ast.Call):
        functie = _waarde(expr.func, b)
        if _is_dienst(functie):
            return set()
        if _is_model(functie):
            uit.add(functie)
    for kind in ast.iter_child_nodes(expr):
        if isinstance(kind, ast.expr):
            uit |= _modellen_in(kind, b)
    return uit


def _knopen(functie: ast.FunctionDef | ast.AsyncFunctionDef) -> Iterator[ast.AST]:
    # The body only: decorators hold the route's own metadata, not its work.
    for stmt in functie.body:
        yield from ast.walk(stmt)


def _lokale_namen(functie: ast.FunctionDef | ast.AsyncFunctionDef) -> set[str]:
    namen = {
        a.arg for a in (*functie.args.posonlyargs, *functie.args.args, *functie.args.kwonlyargs)
    }
    for knoop in _knopen(functie):
        if isinstance(knoop, ast.Name) and isinstance(knoop.ctx, ast.Store):
            namen.add(knoop.id)
        elif isinstance(knoop, ast.FunctionDef | ast.AsyncFunctionDef):
            namen.add(knoop.name)
            namen |= {a.arg for a in knoop.args.args}
        elif isinstance(knoop, ast.Lambda):
            namen |= {a.arg for a in knoop.args.args}
        elif isinstance(knoop, ast.arg):
            namen.add(knoop.arg)
    return namen


def _bron(functie: Callable[..., Any]) -> ast.FunctionDef | ast.AsyncFunctionDef:
    boom = ast.parse(textwrap.dedent(inspect.getsource(functie)))
    knoop = boom.body[0]
    assert isinstance(knoop, ast.FunctionDef | ast.AsyncFunctionDef)
    return knoop


def _argument(call: ast.Call, positie: int, naam: str) -> ast.expr | None:
    if len(call.args) > positie:
        return call.args[positie]
    return next((k.value for k in call.keywords if k.arg == naam), None)


@dataclass
class Analyse:
    paren: set[tuple[Model, Dienst]] = field(default_factory=set)
    # Every service a face refers to, called or handed on (w.doe(service)).
    verwijzingen: set[Dienst] = field(default_factory=set)
    onbegrepen: list[str] = field(default_factory=list)


def _ontleed(
    functie: Callable[..., Any],
    analyse: Analyse,
    *,
    besmet: dict[str, Model] | None = None,
    vervangen: dict[str, tuple[ast.expr, Bereik]] | None = None,
    stapel: tuple[Callable[..., Any], ...] = (),
) -> None:
    knoop = _bron(functie)
    b = Bereik(
        globalen=_namen(functie),
        vervangen=dict(vervangen or {}),
        besmet=dict(besmet or {}),
    )
    b.lokaal = _lokale_namen(knoop) - set(b.vervangen)
    lokale_functies = {
        n.name: n for n in _knopen(knoop) if isinstance(n, ast.FunctionDef | ast.AsyncFunctionDef)
    }
    waar = f"{functie.__module__}.{functie.__name__}"

    # Sources, first the forms: w.verzend(M, velden, actie), w.verwerk(M, velden, actie) and
    # w.toon_antwoord(M, velden, actie, pagina).
    for n in _knopen(knoop):
        if not (
            isinstance(n, ast.Call)
            and isinstance(n.func, ast.Attribute)
            and n.func.attr in ("verzend", "verwerk", "toon_antwoord")
            and n.args
        ):
            continue
        model, actie = _waarde(n.args[0], b), _argument(n, 2, "actie")
        if isinstance(actie, ast.Name) and actie.id in lokale_functies:
            actie = lokale_functies[actie.id]  # type: ignore[assignment]
        if not _is_model(model) or actie is None:
            analyse.onbegrepen.append(f"{waar}: {ast.unparse(n)[:80]}")
        elif isinstance(actie, ast.Lambda | ast.FunctionDef | ast.AsyncFunctionDef):
            # The validated model is the action's last parameter (ctx comes first).
            if actie.args.args:
                b.besmet[actie.args.args[-1].arg] = model
            else:
                analyse.onbegrepen.append(f"{waar}: {ast.unparse(n)[:80]}")
        elif _is_dienst(dienst := _waarde(actie, b)):
            analyse.paren.add((model, dienst))
        else:
            analyse.onbegrepen.append(f"{waar}: {ast.unparse(actie)[:80]}")

    # Then GET forms (w.vraag), valideer, and plain assignments that pass a model on.
    for _ in range(5):
        voor = dict(b.besmet)
        for n in _knopen(knoop):
            if not isinstance(n, ast.Assign | ast.AnnAssign) or n.value is None:
                continue
            namen = []
            for t in n.targets if isinstance(n, ast.Assign) else [n.target]:
                eerste = t.elts[0] if isinstance(t, ast.Tuple) and t.elts else t
                if isinstance(eerste, ast.Name):
                    namen.append(eerste.id)
            gevonden: set[Model] = set()
            for c in ast.walk(n.value):
                if not isinstance(c, ast.Call) or not c.args:
                    continue
                is_vraag = isinstance(c.func, ast.Attribute) and c.func.attr == "vraag"
                if is_vraag or _waarde(c.func, b) is valideer:
                    model = _waarde(c.args[0], b)
                    if _is_model(model):
                        gevonden.add(model)
            if not gevonden and not (
                isinstance(n.value, ast.Call) and _is_dienst(_waarde(n.value.func, b))
            ):
                gevonden = _modellen_in(n.value, b)
            for naam in namen:
                for model in gevonden:
                    b.besmet[naam] = model
        if b.besmet == voor:
            break

    # Sinks: every service call an input model is passed to; helpers are followed.
    for n in _knopen(knoop):
        if isinstance(n, ast.Name | ast.Attribute):
            obj = _waarde(n, b)
            if _is_dienst(obj):
                analyse.verwijzingen.add(obj)
        if not isinstance(n, ast.Call):
            continue
        functie_ = _waarde(n.func, b)
        if _is_dienst(functie_):
            for arg in (*n.args, *(k.value for k in n.keywords)):
                for model in _modellen_in(arg, b):
                    analyse.paren.add((model, functie_))
        elif (
            inspect.isfunction(functie_)
            and functie_.__module__.startswith(_WEB_HULP)
            and functie_ not in stapel
            and len(stapel) < 4
        ):
            params = list(inspect.signature(functie_).parameters)
            naar: dict[str, tuple[ast.expr, Bereik]] = {
                p: (a, b) for p, a in zip(params, n.args, strict=False)
            }
            naar |= {k.arg: (k.value, b) for k in n.keywords if k.arg}
            _ontleed(functie_, analyse, vervangen=naar, stapel=(*stapel, functie))


# --- The two faces ------------------------------------------------------------------------------


def _routes(app: Any, in_api: bool = False) -> Iterator[tuple[bool, APIRoute]]:
    for r in getattr(app, "routes", []):
        if isinstance(r, Mount) and isinstance(r.app, FastAPI):
            yield from _routes(r.app, True)
        elif hasattr(r, "original_router"):
            # FastAPI >= 0.165 keeps include_router() lazily (see tests/api/test_leespaden.py).
            yield from _routes(r.original_router, in_api)
        elif isinstance(r, APIRoute):
            yield in_api, r


@dataclass(frozen=True)
class ApiBinding:
    """How the API takes one model on one operation: body, form, query or built in place."""

    methode: str
    pad: str
    model: Model
    soort: str


@dataclass
class Gezichten:
    api: Koppeling
    web: Koppeling
    api_bindingen: list[ApiBinding]
    web_verwijzingen: set[Dienst]
    onbegrepen: list[str]
    openapi: dict[str, Any]


def _gebonden(route: APIRoute) -> dict[str, tuple[Model, str]]:
    """The parameters FastAPI binds to a model, with how (body, form or query)."""
    uit: dict[str, tuple[Model, str]] = {}
    for f in route.dependant.body_params:
        if _is_model(f.field_info.annotation):
            soort = "form" if type(f.field_info).__name__ == "Form" else "body"
            uit[f.name] = (f.field_info.annotation, soort)  # type: ignore[assignment]
    for f in route.dependant.query_params:
        if _is_model(f.field_info.annotation):
            uit[f.name] = (f.field_info.annotation, "query")  # type: ignore[assignment]
    return uit


def _koppeling(paren: Iterable[tuple[Model, Dienst]]) -> Koppeling:
    uit: Koppeling = {}
    for model, dienst in paren:
        uit.setdefault(model, set()).add(dienst)
    return uit


def _gezichten(omgeving: Omgeving) -> Gezichten:
    app = maak_app(omgeving)
    api_app = next(r.app for r in app.routes if isinstance(r, Mount) and r.path == "/api/v1")
    assert isinstance(api_app, FastAPI)
    api, web = Analyse(), Analyse()
    bindingen: list[ApiBinding] = []
    for in_api, route in _routes(app):
        if not in_api:
            _ontleed(route.endpoint, web)
            continue
        gebonden = _gebonden(route)
        eigen = Analyse()
        _ontleed(route.endpoint, eigen, besmet={n: m for n, (m, _) in gebonden.items()})
        api.paren |= eigen.paren
        api.verwijzingen |= eigen.verwijzingen
        api.onbegrepen += eigen.onbegrepen
        soorten = dict(gebonden.values())
        gebruikt = {m for m, _ in eigen.paren}
        # A model bound but passed to no service would escape the comparison.
        api.onbegrepen += [
            f"{route.path}: {_naam(m)} bereikt geen dienst" for m in set(soorten) - gebruikt
        ]
        bindingen += [
            ApiBinding(methode, route.path, m, soorten.get(m, "zelf gebouwd"))
            for methode in route.methods or ()
            for m in gebruikt | set(soorten)
        ]
    return Gezichten(
        api=_koppeling(api.paren),
        web=_koppeling(web.paren),
        api_bindingen=bindingen,
        web_verwijzingen=web.verwijzingen,
        onbegrepen=api.onbegrepen + web.onbegrepen,
        openapi=api_app.openapi(),
    )


# --- The comparison -----------------------------------------------------------------------------


def _gewoon(k: Koppeling) -> Koppeling:
    """A face's own subclass counts as the shared model; a stand-in service as the service."""
    uit: Koppeling = {}
    for model, diensten in k.items():
        gedeeld = GEZICHTSMODEL.get(model, (model, ""))[0]
        uit.setdefault(gedeeld, set()).update(ZELFDE_DIENST.get(d, (d, ""))[0] for d in diensten)
    return uit


def vergelijk(api: Koppeling, web: Koppeling) -> dict[str, list[str]]:
    """Per model name, what keeps the two faces from using it alike (empty: nothing)."""
    api, web = _gewoon(api), _gewoon(web)
    alleen_api = ALLEEN_API | ALLEEN_API_WEB_ZONDER
    afwijkingen: dict[str, list[str]] = {}

    def meld(model: Model, tekst: str) -> None:
        afwijkingen.setdefault(model.__name__, []).append(f"{_naam(model)}: {tekst}")

    for model in sorted(set(api) | set(web), key=_naam):
        if not issubclass(model, Invoer):
            meld(model, "is geen Invoer (eigen validatie, geen Nederlandse meldingen)")
        diensten_api = sorted(map(_naam, api.get(model, ())))
        diensten_web = sorted(map(_naam, web.get(model, ())))
        if model in alleen_api:
            if model in web:
                meld(
                    model,
                    f"staat als alleen-API uitgezonderd, maar het web gebruikt het ook "
                    f"({diensten_web})",
                )
            continue
        if model not in web:
            meld(model, f"alleen de API gebruikt het ({diensten_api})")
        elif model not in api:
            meld(model, f"alleen het web gebruikt het ({diensten_web})")
        elif diensten_api != diensten_web:
            meld(model, f"API roept {diensten_api} aan, het web {diensten_web}")
    return afwijkingen


def _zonder_null(schema: Any) -> Any:
    """A property schema as compared: FastAPI leaves out a default of null and names a
    component by its module when two share a class name (Soort); neither is a difference."""
    if isinstance(schema, list):
        return [_zonder_null(s) for s in schema]
    if not isinstance(schema, dict):
        return schema
    uit = {}
    for k, v in schema.items():
        if k == "default" and v is None:
            continue
        uit[k] = v.rsplit("/", 1)[-1].rsplit("__", 1)[-1] if k == "$ref" else _zonder_null(v)
    return uit


def _niet_leeg(schema: Any) -> Any:
    """An optional field's schema as the required one it becomes (the body may leave out
    the code; the model built from it then requires it)."""
    keuzes = schema.get("anyOf") if isinstance(schema, dict) else None
    if not keuzes or {"type": "null"} not in keuzes or len(keuzes) != 2:
        return schema
    [eigen] = [k for k in keuzes if k != {"type": "null"}]
    return {**{k: v for k, v in schema.items() if k != "anyOf"}, **eigen}


def _openapi_afwijkingen(g: Gezichten) -> dict[str, list[str]]:
    """The API documents, for each shared model, that model's own schema: the request body
    is the model (by its title) with the model's fields, and a query model's parameters are
    its fields, each under the field's own schema."""
    gedeeld = set(_gewoon(g.api)) & set(_gewoon(g.web))
    afwijkingen: dict[str, list[str]] = {}
    schemas = g.openapi["components"]["schemas"]
    for b in g.api_bindingen:
        model = GEZICHTSMODEL.get(b.model, (b.model, ""))[0]
        if model not in gedeeld:
            continue
        op = g.openapi["paths"][b.pad][b.methode.lower()]
        velden = {(f.alias or n): f.title for n, f in model.model_fields.items()}
        fout: list[str] = []
        eigen = model.model_json_schema(ref_template="#/components/schemas/{model}")
        if b.soort in ("body", "form"):
            media = "application/json" if b.soort == "body" else "multipart/form-data"
            ref = op["requestBody"]["content"][media]["schema"]["$ref"]
            schema = schemas[ref.rsplit("/", 1)[-1]]
            titel = b.model.__name__
            if schema.get("title") != titel:
                fout.append(f"body heet {schema.get('title')!r}, niet {titel!r}")
            gedocumenteerd = schema["properties"]
            # A face's subclass may add fields (the uploaded file, the code of a second
            # factor), never change or drop the model's.
            extra = set(b.model.model_fields) - set(model.model_fields)
            erbij = {(f.alias or n) for n, f in b.model.model_fields.items() if n in extra}
            if b.soort == "body" and set(gedocumenteerd) != set(eigen["properties"]) | erbij:
                fout.append(f"velden {sorted(gedocumenteerd)}, model {sorted(velden)}")
            for k, v in eigen["properties"].items():
                if _zonder_null(gedocumenteerd.get(k)) != _zonder_null(v):
                    fout.append(f"veld {k}: {gedocumenteerd.get(k)} in plaats van {v}")
            if set(schema.get("required", [])) & set(velden) != set(eigen.get("required", [])):
                fout.append(f"verplicht {schema.get('required')}, model {eigen.get('required')}")
        elif b.soort == "zelf gebouwd" and "requestBody" in op:
            # Built by the handler from fields of the body it binds (the code in a token
            # request): each of its fields is one of the body's, under the same schema.
            ref = op["requestBody"]["content"]["application/json"]["schema"]["$ref"]
            body = schemas[ref.rsplit("/", 1)[-1]]["properties"]
            for k, v in eigen["properties"].items():
                if _niet_leeg(_zonder_null(body.get(k))) != _zonder_null(v):
                    fout.append(f"veld {k}: {body.get(k)} in plaats van {v}")
        else:
            # A query model is documented field by field: each parameter is one of its fields,
            # under that field's own schema (title, limits, choices).
            parameters = {p["name"]: p for p in op.get("parameters", []) if p["in"] == "query"}
            titels = {k: p["schema"].get("title") for k, p in parameters.items()}
            if titels != velden:
                fout.append(f"queryparameters {titels} in plaats van {velden}")
            for k, v in eigen["properties"].items():
                if k in parameters and _zonder_null(parameters[k]["schema"]) != _zonder_null(v):
                    fout.append(f"parameter {k}: {parameters[k]['schema']} in plaats van {v}")
        for tekst in fout:
            afwijkingen.setdefault(model.__name__, []).append(
                f"{b.methode} {b.pad} ({b.soort}): {tekst}"
            )
    return afwijkingen


_GELEZEN: list[Gezichten] = []


@pytest.fixture
def gezichten(omgeving: Omgeving) -> Gezichten:
    # The routes and their code do not depend on the database: read them once per session.
    if not _GELEZEN:
        _GELEZEN.append(_gezichten(omgeving))
    return _GELEZEN[0]


# --- Tests --------------------------------------------------------------------------------------


def test_de_opsomming_begrijpt_elke_route(gezichten: Gezichten) -> None:
    # A form whose model or action the reader cannot resolve would silently drop out.
    assert gezichten.onbegrepen == []


def test_de_opsomming_is_niet_triviaal(gezichten: Gezichten) -> None:
    api, web = _gewoon(gezichten.api), _gewoon(gezichten.web)
    gedeeld = set(api) & set(web)
    assert len(gedeeld) >= 40, sorted(m.__name__ for m in gedeeld)
    # Each way the web reaches a service is seen: a lambda (signal triage), a route registered
    # by web.basis.handeling with the model and service it closes over (casus aanwijzingen, an
    # object's step), w.toon_antwoord (search), a local function (mijn-beslag), w.vraag with an
    # assignment in between (casussen list), valideer (kruis queue) and a model built in place
    # (start page).
    assert web[Beoordeling] == {signalen.beoordeel}
    assert web[Motivering] == {casussen.leg_aanwijzingen_vast}
    assert web[OvergangIn] == {verloop.voer_uit}
    assert web[Zoekvraag] == {toegang.zoek}
    assert web[CodeIn] == {inzage.inzage}
    assert web[CasusFilter] == {casussen.lijst}
    assert web[Wachtrijvraag] == {oordelen.wachtrij}
    assert web[LeveringIn] == {leveringen.bied_levering_aan}
    assert api[OvergangIn] == {verloop.voer_uit}
    assert api[Objectfilter] == {objecten.objecten}


def test_elk_invoermodel_gaat_op_beide_gezichten_naar_dezelfde_dienst(
    gezichten: Gezichten,
) -> None:
    assert vergelijk(gezichten.api, gezichten.web) == {}


def test_openapi_documenteert_het_eigen_model(gezichten: Gezichten) -> None:
    assert len({b.model for b in gezichten.api_bindingen}) >= 20
    assert _openapi_afwijkingen(gezichten) == {}


@pytest.mark.parametrize("model", list(ALLEEN_API_WEB_ZONDER), ids=lambda m: m.__name__)
def test_het_web_roept_dezelfde_dienst_zonder_het_api_filter(
    gezichten: Gezichten, model: Model
) -> None:
    diensten = gezichten.api[model]
    assert diensten
    assert diensten <= gezichten.web_verwijzingen, sorted(map(_naam, diensten))


def test_uitzonderingen_kloppen() -> None:
    # A face's subclass adds only the uploaded file, or the code the web asks on its own page
    # (and passes, as the API does, to the service in the shared CodeIn).
    toegevoegd = {
        LeveringFormulier: {"bestand"},
        ConceptFormulier: {"bestand"},
        Tokenaanvraag: set(Tweedefactorcode.model_fields),
    }
    for eigen, (gedeeld, _) in GEZICHTSMODEL.items():
        assert issubclass(eigen, gedeeld)
        assert set(eigen.model_fields) - set(gedeeld.model_fields) == toegevoegd[eigen]
    # The API's one-call delivery is the web's offer followed by the processing.
    for ander, (dienst, _) in ZELFDE_DIENST.items():
        aangeroepen = {
            _waarde(n.func, Bereik(ander.__globals__))
            for n in ast.walk(_bron(ander))
            if isinstance(n, ast.Call)
        }
        assert dienst in aangeroepen
    assert verwerk in {
        _waarde(n.func, Bereik(leveringen.lever.__globals__))
        for n in ast.walk(_bron(leveringen.lever))
        if isinstance(n, ast.Call)
    }


def _nep_webroute(w: Any, casus_id: str, velden: dict[str, list[str]]) -> Any:
    """A web route that sends the aanwijzingen form to the wrong service."""
    return w.verzend(
        Motivering,
        velden,
        lambda ctx, invoer: casussen.sluit(ctx, casus_id, invoer),
        opnieuw=lambda f: f,
        klaar=lambda _: None,
    )


def test_de_lezer_en_de_vergelijking_vangen_een_verkeerde_dienst(gezichten: Gezichten) -> None:
    """Negative self-test through the whole chain: read from code, then compared."""
    nep = Analyse()
    _ontleed(_nep_webroute, nep)
    assert nep.paren == {(Motivering, casussen.sluit)}
    web: Koppeling = {**gezichten.web, Motivering: {casussen.sluit}}
    uit = vergelijk(gezichten.api, web)
    assert uit["Motivering"] == [
        "integraal.casus.casussen.Motivering: API roept "
        "['integraal.casus.casussen.leg_aanwijzingen_vast'] aan, het web "
        "['integraal.casus.casussen.sluit']"
    ]


def test_de_vergelijking_vangt_een_afwijking() -> None:
    """Negative self-test: fake mappings with each kind of mismatch are caught."""

    def dienst_a() -> None: ...

    def dienst_b() -> None: ...

    class Gedeeld(Invoer):
        pass

    class AlleenWeb(Invoer):
        pass

    class GeenInvoer(BaseModel):
        pass

    assert vergelijk({Gedeeld: {dienst_a}}, {Gedeeld: {dienst_a}}) == {}
    uit = vergelijk(
        {Gedeeld: {dienst_a}, GeenInvoer: {dienst_a}, Feedvraag: {dienst_a}},
        {Gedeeld: {dienst_b}, AlleenWeb: {dienst_a}, GeenInvoer: {dienst_a}, Feedvraag: {dienst_a}},
    )
    assert set(uit) == {"Gedeeld", "AlleenWeb", "GeenInvoer", "Feedvraag"}
    assert "API roept" in uit["Gedeeld"][0]
    assert "alleen het web" in uit["AlleenWeb"][0]
    assert "geen Invoer" in uit["GeenInvoer"][0]
    assert "uitgezonderd" in uit["Feedvraag"][0]
    # A stand-in service counts only where it is listed.
    assert vergelijk({LeveringIn: {leveringen.lever}}, {LeveringIn: {leveringen.lever}}) == {}
    assert (
        vergelijk({LeveringIn: {leveringen.lever}}, {LeveringIn: {leveringen.bied_levering_aan}})
        == {}
    )
    assert "LeveringIn" in vergelijk(
        {LeveringIn: {leveringen.lijst}}, {LeveringIn: {leveringen.bied_levering_aan}}
    )
