# SPDX-License-Identifier: EUPL-1.2
"""The OpenAPI document says what the API answers, errors included (decision record 0021).

FastAPI lists a 422 with its own validation schema on every operation with parameters; this
API answers bad input with 400 and an RFC 9457 problem (`api.fouten`), and answers 401, 403,
404, 409, 413, 429 and 500 in the same form. The document is corrected once, after FastAPI
generated it: the 422 goes, the problem statuses each operation can meet are added.
"""

from __future__ import annotations

from typing import Any

from integraal.api.fouten import PROBLEEM

_PARAMETERS = {
    "type": "array",
    "items": {
        "type": "object",
        "required": ["name", "code", "reason"],
        "properties": {
            "name": {"type": "string", "description": "Het veld of de parameter."},
            "code": {"type": "string", "description": "Soort fout, zoals required of maximum."},
            "reason": {"type": "string", "description": "Wat er mis is, in het Nederlands."},
        },
    },
}

PROBLEEM_SCHEMA: dict[str, Any] = {
    "title": "Probleem",
    "description": "Een fout als RFC 9457 problem details, in het Nederlands.",
    "type": "object",
    "required": ["type", "title", "status", "detail", "instance"],
    "properties": {
        "type": {"type": "string"},
        "title": {"type": "string"},
        "status": {"type": "integer"},
        "detail": {"type": "string"},
        "instance": {"type": "string"},
        "invalidParams": _PARAMETERS,
        "regelId": {"type": ["string", "null"], "description": "De deelregel die weigerde."},
        "besluitId": {"type": "string"},
        "uitleg": {"type": "string"},
        "retryAfter": {"type": "integer", "description": "Seconden tot een nieuwe poging."},
    },
}

BETEKENIS = {
    400: "Ongeldige invoer (zie invalidParams) of een adres met een stuurteken",
    401: "Niet ingelogd, of het token is onbekend of verlopen",
    403: "Geen toegang voor uw rol of organisatie, of een deelregel weigert",
    404: "Bestaat niet, of u mag niet weten dat het bestaat",
    409: "Kan nu niet in deze toestand (of een reden voor een afgeschermde persoon ontbreekt)",
    413: "Wat u stuurt is groter dan de ingestelde grens",
    429: "Te vaak geprobeerd; wacht het aantal seconden uit Retry-After",
    500: "Interne fout",
}
# Operations without a token that still refuse: signing in, and the public look-ups.
_OPENBAAR_EXTRA = {
    "token_aanvragen": (401, 403, 429),
    "beslag_inzage": (404, 429),
}


def _statussen(pad: str, operatie: dict[str, Any]) -> list[int]:
    codes = {400, 500}
    if operatie.get("security"):
        codes |= {401, 403, 404, 409}
    if "{" in pad:
        codes.add(404)
    if "requestBody" in operatie:
        codes.add(413)
    codes.update(_OPENBAAR_EXTRA.get(operatie.get("operationId", ""), ()))
    return sorted(codes)


def met_fouten(document: dict[str, Any]) -> dict[str, Any]:
    """The document with each operation's problem answers, without FastAPI's 422."""
    schemas = document.setdefault("components", {}).setdefault("schemas", {})
    for naam in ("HTTPValidationError", "ValidationError"):
        schemas.pop(naam, None)
    schemas["Probleem"] = PROBLEEM_SCHEMA
    # Each problem answer once, under components, and referred to by the operations.
    gedeeld = document["components"].setdefault("responses", {})
    for code, betekenis in BETEKENIS.items():
        antwoord: dict[str, Any] = {
            "description": betekenis,
            "content": {PROBLEEM: {"schema": {"$ref": "#/components/schemas/Probleem"}}},
        }
        if code == 429:
            antwoord["headers"] = {
                "Retry-After": {"schema": {"type": "integer"}, "description": "Seconden"}
            }
        gedeeld[f"Probleem{code}"] = antwoord
    for pad, operaties in document.get("paths", {}).items():
        for operatie in operaties.values():
            antwoorden = operatie.setdefault("responses", {})
            antwoorden.pop("422", None)
            for code in _statussen(pad, operatie):
                antwoorden.setdefault(str(code), {"$ref": f"#/components/responses/Probleem{code}"})
    return document
