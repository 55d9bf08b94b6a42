# SPDX-License-Identifier: EUPL-1.2
"""The time `make test` takes (lint, types, the whole suite on SQLite and PostgreSQL, the
browser tests), as the median of runs, beside the anchor: the run before issue 15.

`python -m bench.testsuite --runs 3` runs `make test` that many times and writes
bench/testsuite-laatste.json; `make bench` puts the section in docs/benchmarks.md. Every run
must pass: a time of a failing suite says nothing.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import re
import statistics
import subprocess
import time
from pathlib import Path

from bench.omgeving import machine

HIER = Path(__file__).parent
ANKER = HIER / "testsuite-anker.json"
LAATSTE = HIER / "testsuite-laatste.json"
_UITKOMST = re.compile(r"(\d+) passed")


def meet(runs: int) -> dict[str, object]:
    tijden: list[float] = []
    tests = 0
    for _ in range(runs):
        begin = time.perf_counter()
        uit = subprocess.run(
            ["make", "test"], cwd=HIER.parent, capture_output=True, text=True, check=False
        )
        tijden.append(time.perf_counter() - begin)
        if uit.returncode != 0:
            raise SystemExit("make test faalde; een tijd van een rode suite zegt niets")
        gevonden = _UITKOMST.findall(uit.stdout)
        tests = int(gevonden[-1]) if gevonden else 0
    return {
        "datum": dt.date.today().isoformat(),
        "machine": machine(),
        "tests": tests,
        "runs_s": [round(t, 1) for t in tijden],
        "mediaan_s": round(statistics.median(tijden), 1),
    }


def _minuten(s: float) -> str:
    # Rounded once, to whole seconds: 359.5 s is "6 min 00 s", never "5 min 60 s".
    heel = int(s + 0.5)
    return f"{heel // 60} min {heel % 60:02d} s"


def sectie() -> list[str]:
    """The test-suite section of docs/benchmarks.md, from the last run beside the anchor."""
    if not LAATSTE.exists() or not ANKER.exists():
        return []
    nu, anker = json.loads(LAATSTE.read_text()), json.loads(ANKER.read_text())
    return [
        "",
        "## Testsuite: `make test`",
        "",
        f"Lint, typecontrole en de hele suite tegen SQLite en PostgreSQL, met de browsertests, "
        f"op {nu['machine']} ({nu['datum']}). "
        + (
            f"Mediaan van {len(nu['runs_s'])} runs "
            f"({', '.join(f'{t:.0f} s' for t in nu['runs_s'])}); elke run groen. "
            if len(nu["runs_s"]) > 1
            else f"Eén run ({nu['runs_s'][0]:.0f} s), groen. "
        )
        + f"Anker: {anker['toelichting']}.",
        "",
        "| Meting | Nu | Anker | Verhouding |",
        "|---|---|---|---|",
        f"| `make test` | {_minuten(nu['mediaan_s'])} ({nu['tests']} tests) | "
        f"{_minuten(anker['mediaan_s'])} ({anker['tests']} tests) | "
        f"{anker['mediaan_s'] / nu['mediaan_s']:.2f}× |",
        f"| per test | {nu['mediaan_s'] / nu['tests']:.2f} s | "
        f"{anker['mediaan_s'] / anker['tests']:.2f} s | "
        f"{(anker['mediaan_s'] / anker['tests']) / (nu['mediaan_s'] / nu['tests']):.2f}× |",
        "",
        "De suite groeit met elk issue (issue 17 voegde de samenwerkingsverbanden toe, issue 18"
        " de bestuurlijke instrumenten, issue 19 de poortwachters, elk met browserreizen); de "
        "grens is ongeveer 6 minuten op 2 cores. Het aantal tests daalde in issue 18 doordat de"
        " leespadproef per database één test werd (alle paden in één wereld) in plaats van één "
        "test per pad. In issue 19 kwamen vijf browserreizen op twee databases erbij (6 min 43 "
        "s in een eerste meting); de suite bleef rond de grens doordat de demowereld één keer "
        "per proces en database wordt geladen en daarna gekopieerd (`tests/demosjabloon.py`), "
        "de wegwerp-PostgreSQL zonder fsync draait, de paginarondgangen de openbare monitor- en"
        " verbandpagina's niet meer voor alle 47 gebruikers lezen, en axe de volledige regelset"
        " één keer per pagina draait en op telefoonbreedte alleen de regels die van de opmaak "
        "afhangen. Issue 20 (integriteit) voegde ruim vijftig tests toe; de browserreizen van "
        "de poortwachters en de bestuurlijke instrumenten lopen sindsdien één keer, op "
        "PostgreSQL, in plaats van op beide databases (de diensten eronder worden op beide "
        "getest). Issue 21 (monitor compleet) voegde ruim tachtig tests toe en kwam boven de "
        "grens uit; wat terugwon: de YAML met libyaml lezen (de monitor laadt in elke "
        "testwereld in 0,26 s in plaats van 0,62 s), inloggen in de paginarondgang via de "
        "HTTP-client van de browsercontext en axe als init-script, de codewandeling die elke "
        "soort pagina vijf keer per persoon leest, en de PDF-opmaak- en kopteksttests die "
        "niet van de database afhangen één keer. Issue 22 (bestand tegen last en misbruik) "
        "voegde ruim honderd tests toe, waaronder de eigenschapstest over de hele "
        "API-beschrijving (schemathesis, 35 s) en de tweede stap van het inloggen in de "
        "paginarondgang; wat terugwon: de paginarondgang ontdekt pagina's via httpx' "
        "ASGI-transport in één event loop, gebruikt één browsercontext voor iedereen en doet "
        "de controles per breedte in één browseraanroep, en een leeg verzonden formulier wordt "
        "verstuurd vanaf de pagina die net gekeurd is. De paginarondgang (zo'n 1 min 45 s van "
        "één core) blijft de grootste post. Issue 23 (snelheid) voegde ruim vijftig tests toe, "
        "waaronder de verify in delen over werkprocessen op elke manipulatie en beide databases, "
        "de zoekindex en de casuspagina; de suite stond daarmee op 6 min 44 s. Issue 24 en 25 "
        "(wachtrij, meerdere app-processen, eenmalig inloggen tegen een echte OpenID-aanbieder, "
        "beheer) brachten pytest in een verse kloon op 8 min 32 s. Wat terugwon: een "
        "testdatabase maken uit het sjabloon kostte op PostgreSQL 0,6 s (zo'n duizend kleine "
        "bestanden kopiëren op een schijfbestandssysteem; de server rekende, gezien in "
        "`pg_stat_activity`), in het geheugen 0,02 s. De wegwerp-PostgreSQL van de tests en "
        "pytest's tijdelijke bestanden (de SQLite-kopieën, die net als in productie met "
        "`synchronous=FULL` vastleggen) staan sindsdien in `/dev/shm` als de machine dat heeft: "
        "pytest van 8 min 52 s naar 6 min 17 s op dezelfde machine. Drie xdist-werkers in "
        "plaats van twee gaven 6 min 30 s. Benchmarks en `make last` draaien op een apart "
        "cluster op schijf met de standaardinstellingen voor duurzaamheid "
        "(`INTEGRAAL_PG_ALS_PRODUCTIE=1`); de benchmark controleert dat zelf.",
        "",
        "Wat het verschil maakt: SQLite-tests kopiëren één gemigreerde sjabloondatabase per "
        "sessie (PostgreSQL kloonde al een sjabloon), en pytest-xdist verdeelt de testbestanden "
        "over beide cores (`--dist loadfile`, zodat de demowereld van een bestand één keer "
        "wordt opgebouwd), met de bekende trage bestanden eerst (`tests/verdeling.py`: xdist "
        "zet bestanden met weinig tests anders achteraan, en dan wacht de ene core op de "
        "paginarondgang van de andere)."
        + (
            f" Zonder pytest-xdist (één proces) duurt dezelfde suite {_minuten(nu['een_core_s'])}."
            if "een_core_s" in nu
            else ""
        ),
    ]


def main() -> None:
    p = argparse.ArgumentParser()
    p.add_argument("--runs", type=int, default=3)
    args = p.parse_args()
    uitkomst = meet(args.runs)
    LAATSTE.write_text(json.dumps(uitkomst, indent=2) + "\n")
    print(json.dumps(uitkomst, indent=2))


if __name__ == "__main__":
    main()
