# SPDX-License-Identifier: EUPL-1.2
"""Start-up time of the command line: wall time of `integraal --help` (and of a group's help),
each run a fresh process, median of five. The console script is the one installed beside this
Python (`.venv/bin/integraal`), else `python -m integraal.cli`.

With `--kruis N`, also `integraal kruis bestanden` on two generated files of N records each
(`bench.kruis_data`: each person once on the left, variants on the right): the whole command's
wall time, and in-process the time to read, to match (the engine) and to write the pairs; the
old way of writing (`Uitkomst.kans` and `Uitkomst.uitleg` per row) is timed on 200 rows.

With a demo installation it also times `integraal monitor rapport r.pdf`, laid out anew and
with unchanged data (the PDF then taken from the kept reports).

    python -m bench.cli [--runs 5] [--kruis 20000] [--zonder-rapport]
    python -m bench.cli --src /pad/naar/oude/src --nieuw-anker "vóór lazy imports"
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import io
import json
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench.kruis_data import VELDEN, records
from bench.omgeving import machine

OUDE_RIJEN = 200


RAPPORT = "integraal monitor rapport r.pdf"
HIER = Path(__file__).parent
LAATSTE = HIER / "cli-laatste.json"
ANKER = HIER / "cli-anker.json"
_BRON: list[str] = []  # with --src: an other checkout's src/ (the anchor: before lazy imports)


def _commando() -> list[str]:
    if _BRON:
        # The code of another checkout, started as the console script starts it.
        start = "import sys; from integraal.cli import app; sys.argv[0] = 'integraal'; app()"
        return ["env", f"PYTHONPATH={_BRON[0]}", sys.executable, "-c", start]
    naast = Path(sys.executable).with_name("integraal")
    if naast.exists():
        return [str(naast)]
    gevonden = shutil.which("integraal")
    return [gevonden] if gevonden else [sys.executable, "-m", "integraal.cli"]


def meet(argumenten: list[str], runs: int = 5) -> dict[str, object]:
    tijden = []
    for _ in range(runs):
        t0 = time.perf_counter()
        subprocess.run([*_commando(), *argumenten], check=True, capture_output=True)
        tijden.append(time.perf_counter() - t0)
    return {
        "mediaan_s": round(statistics.median(tijden), 3),
        "runs_s": [round(t, 3) for t in tijden],
    }


def _bestanden(map_: Path, n: int) -> tuple[Path, Path, Path]:
    links: dict[str, dict[str, str]] = {}
    rechts: list[dict[str, str]] = []
    for r in records(int(2.4 * n), zaad=20):
        if r["entiteit"] not in links:
            if len(links) < n:
                links[r["entiteit"]] = r
        elif len(rechts) < n:
            rechts.append(r)
    velden = [v for v in VELDEN if v != "entiteit"]
    paden = []
    for naam, rijen in (("links.csv", list(links.values())), ("rechts.csv", rechts)):
        pad = map_ / naam
        with pad.open("w", newline="", encoding="utf-8") as f:
            w = csv.DictWriter(f, fieldnames=velden, extrasaction="ignore")
            w.writeheader()
            w.writerows(rijen)
        paden.append(pad)
    mapping = map_ / "m.yaml"
    kant = "{id: id, velden: {" + ", ".join(f"{v}: {v}" for v in velden if v != "id") + "}}"
    mapping.write_text(f"links: {kant}\nrechts: {kant}\n", encoding="utf-8")
    return paden[0], paden[1], mapping


def meet_kruis(n: int) -> dict[str, object]:
    import numpy as np

    from integraal.kruis import bestanden as kb
    from integraal.kruis.koppel import koppel

    with tempfile.TemporaryDirectory() as d:
        links, rechts, mapping = _bestanden(Path(d), n)
        t0 = time.perf_counter()
        subprocess.run(
            [*_commando(), "kruis", "bestanden", str(links), str(rechts), "--mapping",
             str(mapping), "--uit", str(Path(d) / "paren.csv")],
            check=True,
            capture_output=True,
        )  # fmt: skip
        cli = time.perf_counter() - t0
        rijen = sum(1 for _ in (Path(d) / "paren.csv").open(encoding="utf-8")) - 1

        t0 = time.perf_counter()
        t = kb.maak_tabel([links, rechts], kb.lees_mappingbestand(mapping))
        t1 = time.perf_counter()
        uitkomst = koppel(t, kb.sleutels_voor(t.velden), koppelen=True)
        t2 = time.perf_counter()
        kb.schrijf_paren(uitkomst, 0.9, io.StringIO(), een_op_een=True)
        t3 = time.perf_counter()
        # The old writer: probabilities and value shares recomputed for every row.
        kans = uitkomst.kans
        kies = np.flatnonzero(kans >= 0.9)[:OUDE_RIJEN]
        t4 = time.perf_counter()
        for i in kies:
            _ = uitkomst.kans[i], uitkomst.gewicht[i], uitkomst.uitleg(int(i))
        oud_per_rij = (time.perf_counter() - t4) / max(len(kies), 1)
    boven = int((kans >= 0.9).sum())
    return {
        "records": [t.n - int(t.bron.sum()), int(t.bron.sum())],
        "kandidaatparen": len(uitkomst.a),
        "paren_boven_drempel": boven,
        "rijen_geschreven": rijen,
        "cli_totaal_s": round(cli, 2),
        "lezen_s": round(t1 - t0, 2),
        "engine_s": round(t2 - t1, 2),
        "schrijven_s": round(t3 - t2, 2),
        "oud_schrijven_per_rij_ms": round(1000 * oud_per_rij, 2),
        "oud_schrijven_geschat_s": round(oud_per_rij * boven, 1),
    }


def meet_rapport(runs: int) -> dict[str, object]:
    """`integraal monitor rapport r.pdf` on a demo installation: laid out anew (the folder of
    kept reports emptied before each run) and unchanged (taken from that folder)."""
    import os

    with tempfile.TemporaryDirectory() as d:
        env = {**os.environ, "INTEGRAAL_DATA_DIR": f"{d}/data", "INTEGRAAL_PSEUDONIEM_SLEUTEL": "b"}
        env.pop("INTEGRAAL_DATABASE_URL", None)
        for stap in (["init"], ["demo", "laden"]):
            subprocess.run([*_commando(), *stap], check=True, capture_output=True, env=env)
        opdracht = [*_commando(), "monitor", "rapport", f"{d}/r.pdf"]
        uit: dict[str, object] = {}
        for soort, leeg in (("nieuw", True), ("bewaard", False)):
            tijden = []
            for _ in range(runs):
                if leeg:
                    shutil.rmtree(f"{d}/data/rapporten", ignore_errors=True)
                t0 = time.perf_counter()
                subprocess.run(opdracht, check=True, capture_output=True, env=env)
                tijden.append(time.perf_counter() - t0)
            uit[soort] = {
                "mediaan_s": round(statistics.median(tijden), 3),
                "runs_s": [round(t, 3) for t in tijden],
            }
        return uit


def sectie() -> list[str]:
    """The command line's start-up for docs/benchmarks.md, beside the anchor."""
    kop = ["", "## Opdrachtregel: opstarttijd en rapportage", ""]
    if not LAATSTE.exists():
        return [*kop, "Nog niet gemeten: `python -m bench.cli`."]
    nu = json.loads(LAATSTE.read_text())
    anker = json.loads(ANKER.read_text()) if ANKER.exists() else nu
    regels = [
        *kop,
        f"Gemeten op {nu['datum']} ({nu['machine']}); anker: {anker['datum']} "
        f"({anker.get('toelichting', 'eerste meting')}). Wandkloktijd van een nieuw proces, "
        f"mediaan van {len(nu['integraal --help']['runs_s'])} runs. Opnieuw: `python -m "
        "bench.cli`.",
        "",
        "| Opdracht | Tijd | Anker | Anker ÷ nu |",
        "|---|---|---|---|",
    ]
    for k in ("integraal --help", "integraal kruisverwijzing --help"):
        t, a = nu[k]["mediaan_s"], anker[k]["mediaan_s"]
        regels.append(f"| `{k}` | {t:.2f} s | {a:.2f} s | {a / t:.1f}× |")
    if r := nu.get(RAPPORT):
        regels += [
            "",
            "`integraal monitor rapport r.pdf` op een demo-installatie (SQLite), zelfde runs; "
            "geen ankerrun (issue 23 mat 16 s, waarvan 6,6 s imports, 0,9 s het "
            "initialiseren van de database en 4,3 s WeasyPrint). Ongewijzigde gegevens geven "
            "dezelfde HTML, en dan komt de PDF uit de map met bewaarde rapportages.",
            "",
            "| Opdracht | Tijd |",
            "|---|---|",
            f"| `{RAPPORT}`, opnieuw opgemaakt | {r['nieuw']['mediaan_s']:.2f} s |",
            f"| `{RAPPORT}`, gegevens ongewijzigd | {r['bewaard']['mediaan_s']:.2f} s |",
        ]
    return regels


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    p.add_argument("--runs", type=int, default=5)
    p.add_argument("--kruis", type=int, default=0, help="records per file for kruis bestanden")
    p.add_argument("--src", help="measure another checkout's src/ (for the anchor)")
    p.add_argument("--zonder-rapport", action="store_true", help="skip the report's PDF")
    p.add_argument("--nieuw-anker", metavar="TOELICHTING", help="store this run as the anchor")
    args = p.parse_args()
    if args.src:
        _BRON.append(args.src)
    uit: dict[str, object] = {
        "datum": dt.date.today().isoformat(),
        "machine": machine(),
        "commando": " ".join(_commando()),
        "integraal --help": meet(["--help"], args.runs),
        "integraal kruisverwijzing --help": meet(["kruisverwijzing", "--help"], args.runs),
    }
    if not args.zonder_rapport and not args.src:
        uit[RAPPORT] = meet_rapport(args.runs)
    if args.kruis:
        uit[f"integraal kruis bestanden {args.kruis} × {args.kruis}"] = meet_kruis(args.kruis)
    tekst = json.dumps(uit, indent=2, ensure_ascii=False) + "\n"
    if args.nieuw_anker:
        ANKER.write_text(json.dumps(uit | {"toelichting": args.nieuw_anker}, indent=2) + "\n")
    else:
        LAATSTE.write_text(tekst)
    print(tekst)


if __name__ == "__main__":
    main()
