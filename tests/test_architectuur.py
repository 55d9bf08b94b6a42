# SPDX-License-Identifier: EUPL-1.2
"""Layers point one way, and every storage query that returns personal data has exactly one
door (integraal.toegang).

Ruff's banned-api keeps SQLAlchemy and FastAPI in their layers; this test checks the finer
rules ruff cannot express, from the imports in the source itself.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

from integraal.opslag.modellen import PERSOONLIJKE_TABELLEN

SRC = Path(__file__).parents[1] / "src" / "integraal"

# Which integraal packages each package may import (besides itself). Top-level modules count
# as packages of their own (omgeving, instellingen, export, taken, app).
_KERN = {"domein", "delen", "logboek", "opslag", "verwerking", "toegang"}
MAG_IMPORTEREN: dict[str, set[str]] = {
    "domein": set(),
    # Counts for operators (Prometheus) and where logs go; it knows no other package.
    "meting": set(),
    "delen": {"domein"},
    "opslag": {"domein"},
    "logboek": {"domein", "opslag"},
    # The processing context: rule engine, session, log and audit; nothing above it.
    "verwerking": {"domein", "delen", "logboek", "opslag", "meting"},
    # The one door for personal data.
    "toegang": {"domein", "delen", "logboek", "opslag", "verwerking"},
    "export": {"domein", "delen", "toegang"},
    "gebruikers": {"domein", "opslag"},
    "bronnen": _KERN,
    "casus": _KERN | {"export"},
    "beslag": _KERN | {"export"},
    # The matching engine is pure: records and pairs in, scores and explanations out.
    "kruis": {"domein"},
    # Cross-referencing in a case: reads through toegang, scores with kruis.
    "kruisverwijzing": _KERN | {"kruis", "gebruikers", "bronnen"},
    # The monitor reads aggregates of the operational modules, never the other way round.
    "monitor": _KERN | {"beslag"},
    # A person's work list counts what waits in the operational modules.
    "taken": _KERN
    | {
        "beheer",
        "casus",
        "beslag",
        "kruisverwijzing",
        "kruis",
        "monitor",
        "verbanden",
        "bestuurlijk",
        "poortwachters",
        "integriteit",
    },
    # Partnership work beyond the case machinery: WGS obligations, the bottleneck register.
    "verbanden": _KERN | {"casus", "kruis"},
    # The municipality's administrative instruments; they carry out a case's interventions.
    "bestuurlijk": _KERN | {"casus"},
    # Gatekeepers and registers: FIU reports and freezes, notaries, the warning register.
    "poortwachters": _KERN | {"casus"},
    # Integrity of use: detection over the log, the privacy officer's alerts, the access review.
    "integriteit": _KERN,
    # The composition root; the log for its signing key, witness and verification.
    "omgeving": {
        "domein",
        "delen",
        "opslag",
        "verwerking",
        "bronnen",
        "instellingen",
        "logboek",
        "meting",
    },
    # What an organisation runs itself: its users and roles (through the accounts' package).
    "beheer": _KERN | {"gebruikers", "bronnen"},
    # Background work: hands the operational modules' work to a queue or runs it, and the
    # composition root it runs in; nothing below imports it.
    "achtergrond": _KERN | {"bronnen", "kruisverwijzing", "monitor", "omgeving"},
    "demo": _KERN
    | {
        "bronnen",
        "casus",
        "beslag",
        "monitor",
        "gebruikers",
        "omgeving",
        "kruisverwijzing",
        "verbanden",
        "bestuurlijk",
        "poortwachters",
        "integriteit",
    },
    "api": _KERN
    | {
        "achtergrond",
        "beheer",
        "kruis",
        "kruisverwijzing",
        "bronnen",
        "gebruikers",
        "omgeving",
        "casus",
        "export",
        "beslag",
        "monitor",
        "taken",
        "verbanden",
        "bestuurlijk",
        "poortwachters",
        "integriteit",
    },
    "web": _KERN
    | {
        "achtergrond",
        "beheer",
        "kruis",
        "kruisverwijzing",
        "bronnen",
        "gebruikers",
        "omgeving",
        "casus",
        "export",
        "beslag",
        "monitor",
        "taken",
        "verbanden",
        "bestuurlijk",
        "poortwachters",
        "integriteit",
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


def _persoonlijke_opslag() -> set[str]:
    """Storage modules that return rows about persons (they say so themselves)."""
    return {
        f"integraal.opslag.{pad.stem}"
        for pad in (SRC / "opslag").glob("*.py")
        if re.search(r"^PERSOONSGEGEVENS = True$", pad.read_text(), re.MULTILINE)
    }


def test_persoonlijke_opslag_alleen_via_toegang() -> None:
    """Every storage module that returns personal data is imported by the door and nothing else."""
    modules = _persoonlijke_opslag()
    assert {RUWE_STATEMENTS, "integraal.opslag.signalen", "integraal.opslag.subjecten"} <= modules
    assert "integraal.opslag.beslag" in modules
    fouten = []
    for pad in SRC.rglob("*.py"):
        rel = str(pad.relative_to(SRC))
        if rel.startswith(("toegang/", "opslag/")):
            continue
        for naam in _imports(pad):
            if any(naam == m or naam.startswith(m + ".") for m in modules):
                fouten.append(f"{rel} importeert {naam}")
    assert not fouten, "\n".join(fouten)


def _genoemde_namen(knoop: ast.AST) -> set[str]:
    return {n.id for n in ast.walk(knoop) if isinstance(n, ast.Name)} | {
        n.value for n in ast.walk(knoop) if isinstance(n, ast.Constant) and isinstance(n.value, str)
    }


def test_persoonlijke_tabellen_alleen_uit_gemarkeerde_opslag() -> None:
    """A storage function that hands out a row about a person lives in a marked module, so the
    import rule above covers every query that returns personal data."""
    fouten = []
    for pad in (SRC / "opslag").glob("*.py"):
        tekst = pad.read_text()
        if "PERSOONSGEGEVENS = True" in tekst:
            continue
        for f in ast.parse(tekst).body:
            if isinstance(f, ast.FunctionDef) and f.returns is not None:
                geraakt = _genoemde_namen(f.returns) & PERSOONLIJKE_TABELLEN
                if geraakt:
                    fouten.append(f"opslag/{pad.name}: {f.name} geeft {sorted(geraakt)}")
    assert not fouten, "\n".join(fouten)


_SESSIEVRAGEN = {"get", "scalar", "scalars", "execute", "query", "merge", "refresh"}


def _vragen_naar_personen(bron: str) -> list[tuple[int, list[str]]]:
    """(line, tables) of every session call in `bron` that names a personal table."""
    uit = []
    for knoop in ast.walk(ast.parse(bron)):
        if (
            isinstance(knoop, ast.Call)
            and isinstance(knoop.func, ast.Attribute)
            and knoop.func.attr in _SESSIEVRAGEN
        ):
            genoemd: set[str] = set().union(*(_genoemde_namen(a) for a in knoop.args))
            if genoemd & PERSOONLIJKE_TABELLEN:
                uit.append((knoop.lineno, sorted(genoemd & PERSOONLIJKE_TABELLEN)))
    return uit


def test_geen_eigen_vragen_naar_persoonlijke_tabellen() -> None:
    """Outside storage and the door, nobody asks the session for a row about a person
    (`ctx.sessie.get(Signaal, ...)` would be a read without a decision or a log line)."""
    fouten = [
        f"{pad.relative_to(SRC)}:{regel} vraagt {tabellen}"
        for pad in SRC.rglob("*.py")
        if not str(pad.relative_to(SRC)).startswith(("toegang/", "opslag/"))
        for regel, tabellen in _vragen_naar_personen(pad.read_text())
    ]
    assert not fouten, "\n".join(fouten)


def test_de_bewaking_ziet_een_eigen_vraag() -> None:
    """The guard itself can fail: a service that asks the session for a signal is caught,
    one that asks for a case (no person in it) is not."""
    lek = "def lek(ctx):\n    return ctx.sessie.get(Signaal, 'S-1')\n"
    assert _vragen_naar_personen(lek) == [(2, ["Signaal"])]
    assert _vragen_naar_personen("def ok(ctx):\n    return ctx.sessie.get(Casus, 'C-1')\n") == []


def test_geen_sqlalchemy_of_webframework_buiten_hun_laag() -> None:
    for pad in SRC.rglob("*.py"):
        pakket = _pakket(pad)
        for naam in _imports(pad):
            if naam.startswith("sqlalchemy"):
                assert pakket == "opslag", pad
            if naam.startswith(("fastapi", "starlette")):
                assert pakket in ("api", "web", "app"), pad
