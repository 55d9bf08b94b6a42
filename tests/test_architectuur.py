# SPDX-License-Identifier: EUPL-1.2
"""Layers point one way, and raw statement reads have exactly one door (integraal.toegang).

Ruff's banned-api keeps SQLAlchemy and FastAPI in their layers; this test checks the finer
rules ruff cannot express, from the imports in the source itself.
"""

from __future__ import annotations

import ast
from pathlib import Path

SRC = Path(__file__).parents[1] / "src" / "integraal"

# Which integraal packages each package may import (besides itself).
MAG_IMPORTEREN: dict[str, set[str]] = {
    "domein": set(),
    "delen": {"domein"},
    "opslag": {"domein"},
    "logboek": {"domein", "opslag"},
    "toegang": {"domein", "delen", "logboek", "opslag"},
    "bronnen": {"domein", "delen", "logboek", "opslag", "toegang"},
    "gebruikers": {"domein", "opslag"},
    "casus": {"domein", "delen", "logboek", "opslag", "toegang"},
    "export": {"domein", "toegang"},
    "afpakken": {"domein", "delen", "logboek", "opslag"},
    # The matching engine is pure: records and pairs in, scores and explanations out.
    "kruis": {"domein"},
    # Cross-referencing in a case: reads through toegang, scores with kruis.
    "kruisverwijzing": {"domein", "delen", "logboek", "opslag", "toegang", "kruis", "gebruikers"},
    # The monitor reads aggregates of the operational modules, never the other way round.
    "monitor": {"domein", "logboek", "opslag", "afpakken"},
    "demo": {
        "domein",
        "bronnen",
        "casus",
        "afpakken",
        "monitor",
        "gebruikers",
        "omgeving",
        "opslag",
        "toegang",
    },
    "api": {
        "domein",
        "kruis",
        "kruisverwijzing",
        "delen",
        "logboek",
        "opslag",
        "toegang",
        "bronnen",
        "gebruikers",
        "omgeving",
        "casus",
        "export",
        "afpakken",
        "monitor",
    },
    "web": {
        "domein",
        "kruis",
        "kruisverwijzing",
        "delen",
        "logboek",
        "opslag",
        "toegang",
        "bronnen",
        "gebruikers",
        "omgeving",
        "casus",
        "export",
        "afpakken",
        "monitor",
    },
}
RUWE_STATEMENTS = "integraal.opslag.statements"


def _imports(pad: Path) -> set[str]:
    boom = ast.parse(pad.read_text(), str(pad))
    uit: set[str] = set()
    for knoop in ast.walk(boom):
        if isinstance(knoop, ast.Import):
            uit |= {a.name for a in knoop.names}
        elif isinstance(knoop, ast.ImportFrom) and knoop.module and knoop.level == 0:
            uit.add(knoop.module)
            uit |= {f"{knoop.module}.{a.name}" for a in knoop.names}
    return uit


def _pakket(pad: Path) -> str:
    deel = pad.relative_to(SRC).parts
    return deel[0] if len(deel) > 1 else deel[0].removesuffix(".py")


def test_lagen_wijzen_een_kant_op() -> None:
    fouten = []
    for pad in SRC.rglob("*.py"):
        pakket = _pakket(pad)
        if pakket not in MAG_IMPORTEREN:
            continue
        for naam in _imports(pad):
            if not naam.startswith("integraal."):
                continue
            doel = naam.split(".")[1]
            if doel != pakket and doel not in MAG_IMPORTEREN[pakket] and doel != "__init__":
                if naam in ("integraal.API_VERSION",):
                    continue
                fouten.append(f"{pad.relative_to(SRC)} importeert {naam}")
    assert not fouten, "\n".join(fouten)


def test_ruwe_statements_alleen_via_toegang() -> None:
    lezers = sorted(
        str(pad.relative_to(SRC))
        for pad in SRC.rglob("*.py")
        if any(
            n == RUWE_STATEMENTS
            or n.startswith(RUWE_STATEMENTS + ".")
            or n == "integraal.opslag.statements"
            for n in _imports(pad)
        )
        or "from integraal.opslag import statements" in pad.read_text()
    )
    assert lezers and all(pad.startswith("toegang/") for pad in lezers), lezers


def test_geen_sqlalchemy_of_webframework_buiten_hun_laag() -> None:
    for pad in SRC.rglob("*.py"):
        pakket = _pakket(pad)
        for naam in _imports(pad):
            if naam.startswith("sqlalchemy"):
                assert pakket == "opslag", pad
            if naam.startswith(("fastapi", "starlette")):
                assert pakket in ("api", "web", "app"), pad
