# SPDX-License-Identifier: EUPL-1.2
"""Matching on several workers (`kruis.verdeeld`, Dask) beside one process (`kruis.koppel`):
answers checked equal first, then time and memory (issue 24, item 3).

Per set — FEBRL4, FEBRL3, the synthetic Dutch set (`bench.kruis_data`) at 1M records, the
hard set (`bench.kruis_moeilijk`) at 100k persons, and the synthetic set at 5M — one child
process matches it as `koppel` does and one drives a local Dask cluster of `--werkers` worker
processes (one thread each). Both print a fingerprint of the run: an order-free sum of a
keyed hash of every pair's code, levels and weight (bits), and the model; they must be equal.
Time = preparing the records + matching (+ starting the cluster, shown apart) + gathering the
pairs at probability ≥ 0.9; memory = peak RSS of the driving process and of each worker.

    python -m bench.verdeeld [--groot 5000000] [--werkers 2] [--sets febrl4 ... groot]
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import resource
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import numpy as np

from bench.kruis import (
    DREMPEL,
    FEBRL_SLEUTELS,
    FEBRL_VELDEN,
    MOEILIJK_SLEUTELS,
    MOEILIJK_VELDEN,
    NL_SLEUTELS,
    NL_VELDEN,
    _Kolommen,
    _prf,
    _velden,
    _ware_paren,
    febrl3_csv,
    febrl4_csv,
    moeilijk_map,
    moeilijk_velden,
    nl_csv,
)
from bench.omgeving import machine

HIER = Path(__file__).parent
LAATSTE = HIER / "verdeeld-laatste.json"
SETS = ("febrl4", "febrl3", "nl", "moeilijk", "groot")
TITELS = {
    "febrl4": "FEBRL4, koppelen 5.000 × 5.000",
    "febrl3": "FEBRL3, ontdubbelen 5.000",
    "nl": "Synthetisch Nederlands, ontdubbelen",
    "moeilijk": "Moeilijke set (huishoudens), koppelen",
    "groot": "Synthetisch Nederlands, ontdubbelen",
}


def _piek_mb() -> float:
    """This process's peak RSS: the kernel's high-water mark of its memory (VmHWM), which starts
    afresh in a new program, unlike ru_maxrss, which a spawned worker inherits from the
    process that started it."""
    for regel in Path("/proc/self/status").read_text().splitlines():
        if regel.startswith("VmHWM:"):
            return int(regel.split()[1]) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def afdruk(a: np.ndarray, b: np.ndarray, lv: np.ndarray, gewicht: np.ndarray, n: int) -> int:
    """An order-free fingerprint of scored pairs (mod 2^64): a part's is added to the others'."""
    from integraal.kruis.blokken import meng

    h = meng(a * n + b, 1)
    for k in range(lv.shape[1]):
        h = meng((h ^ lv[:, k].astype(np.uint64)).view(np.int64), k + 2)
    h ^= meng(np.ascontiguousarray(gewicht).view(np.int64), 97)
    return int(h.sum(dtype=np.uint64))


def _deelafdruk(deel: Any, n: int) -> int:
    return afdruk(deel.a, deel.b, deel.niveaus, deel.gewicht, n)


def _tabel(taak: str, pad: Path) -> tuple[Any, list[Any], bool, np.ndarray]:
    """The records as a table, the keys, whether two sources are linked, and the true pairs."""
    import pandas as pd

    from integraal.kruis.blokken import Sleutel
    from integraal.kruis.tabel import Tabel

    if taak == "moeilijk":
        links, rechts = moeilijk_velden(pad)
        samen = pd.concat([links, rechts], ignore_index=True)
        kolommen = {k: samen[k].tolist() for k in samen.columns}
        bron = [0] * len(links) + [1] * len(rechts)
        t = Tabel.uit_kolommen(_velden(MOEILIJK_VELDEN), kolommen, kolommen["id"], bron)
        # A's rows come first, so a true pair's code is A's row × n + B's row.
        a_rij = pd.Series(np.arange(len(links)), index=links["id"].tolist())
        b_rij = pd.Series(np.arange(len(rechts)) + len(links), index=rechts["id"].tolist())
        w = pd.read_csv(pad / "waarheid.csv", dtype=str, keep_default_na=False)
        x = a_rij.loc[w["a_id"]].to_numpy(np.int64)
        y = b_rij.loc[w["b_id"]].to_numpy(np.int64)
        return t, [Sleutel(k) for k in MOEILIJK_SLEUTELS], True, np.unique(x * t.n + y)
    koppelen = taak == "febrl4"
    febrl = taak.startswith("febrl")
    kolommen = _Kolommen(pad)
    bronnen = kolommen["bron"] if koppelen else None
    t = Tabel.uit_kolommen(
        _velden(FEBRL_VELDEN if febrl else NL_VELDEN),
        kolommen,
        kolommen["id"],
        [int(x or 0) for x in bronnen] if bronnen else None,
    )
    entiteiten = [str(e) for e in kolommen["entiteit"]]
    waar = _ware_paren(entiteiten, [str(x) for x in bronnen] if bronnen else None)
    sleutels = [Sleutel(k) for k in (FEBRL_SLEUTELS if febrl else NL_SLEUTELS)]
    return t, sleutels, koppelen, waar


def kind(wijze: str, taak: str, pad: Path, werkers: int) -> dict[str, Any]:
    from integraal.kruis.koppel import koppel

    t0 = time.perf_counter()
    t, sleutels, koppelen, waar = _tabel(taak, pad)
    voorbereid = time.perf_counter() - t0
    uit: dict[str, Any] = {"records": t.n, "voorbereiden_s": voorbereid}
    if wijze == "een":
        u = koppel(t, sleutels, koppelen=koppelen)
        a, b = u.boven(DREMPEL)
        uit["matchen_s"] = time.perf_counter() - t0 - voorbereid
        uit["afdruk"] = str(afdruk(u.a, u.b, u.niveaus, u.gewicht, t.n))
        uit["paren"], model = len(u.a), u.model
    else:
        from integraal.kruis import verdeeld

        t1 = time.perf_counter()
        client = verdeeld.lokaal(werkers)
        uit["cluster_s"] = time.perf_counter() - t1
        t1 = time.perf_counter()
        v = verdeeld.koppel_verdeeld(client, t, sleutels, koppelen=koppelen)
        boven = v.boven(DREMPEL)
        a, b = boven.a, boven.b
        uit["matchen_s"] = time.perf_counter() - t1
        delen = client.gather([client.submit(_deelafdruk, d, t.n) for d in v.delen])
        uit["afdruk"] = str(sum(delen) % 2**64)
        uit["paren"], model = v.aantal, v.model
        uit["werkers_piek_mb"] = sorted(client.run(_piek_mb).values())
        client.close()
    uit["tijd_s"] = time.perf_counter() - t0 - uit.get("cluster_s", 0.0)
    uit["model"] = json.dumps(model.als_dict(), sort_keys=True)
    uit["piek_mb"] = _piek_mb()
    p, r, f1 = _prf(np.sort(a * t.n + b), waar)
    uit |= {"P": p, "R": r, "F1": f1}
    return uit


def _pad(taak: str, groot: int) -> Path:
    return {
        "febrl4": febrl4_csv,
        "febrl3": febrl3_csv,
        "nl": lambda: nl_csv(1_000_000),
        "moeilijk": lambda: moeilijk_map(100_000),
        "groot": lambda: nl_csv(groot),
    }[taak]()


def _meet(wijze: str, taak: str, pad: Path, werkers: int) -> dict[str, Any]:
    r = subprocess.run(
        [sys.executable, "-m", "bench.verdeeld", "--kind", wijze, taak, str(pad), str(werkers)],
        capture_output=True,
        text=True,
        check=True,
    )
    uit: dict[str, Any] = json.loads(r.stdout.strip().splitlines()[-1])
    print(f"  {wijze} {taak}: { {k: v for k, v in uit.items() if k != 'model'} }", flush=True)
    return uit


def _getal(x: float) -> str:
    return f"{x:,.0f}"


def sectie(d: dict[str, Any]) -> str:
    w = d["werkers"]
    regels = [
        "## Kruisverwijzing op meerdere werkers (Dask)",
        "",
        f"Gemeten op {d['datum']} ({d['machine']}), één run per cel, elk in een eigen proces. "
        f"'Eén proces' is `kruis.koppel`; 'verdeeld' is `kruis.verdeeld` op een lokaal Dask-"
        f"cluster van {w} werkprocessen met elk één draad, op dezelfde machine (de paren in "
        "delen bij de werkers, de records bij elk werkproces). Eerst de antwoorden: een "
        "volgorde-vrije vingerafdruk van elk paar (code, niveaus per veld, gewicht tot op de "
        "bit) en het hele model moeten gelijk zijn. Tijd = records voorbereiden + matchen + "
        "de paren met kans ≥ 0,9 ophalen; het starten van het cluster staat apart. Geheugen = "
        "piek-RSS van het aansturende proces en van elk werkproces. Opnieuw: "
        "`python -m bench.verdeeld`.",
        "",
        "| Set | Records | Kandidaatparen | Gelijk | Eén proces | Verdeeld | Cluster starten "
        "| Piek één proces | Piek aansturend | Piek per werker | F1 bij 0,9 |",
        "|---|---|---|---|---|---|---|---|---|---|---|",
    ]
    for taak in SETS:
        if taak not in d["sets"]:
            continue
        een, ver = d["sets"][taak]["een"], d["sets"][taak]["verdeeld"]
        gelijk = een["afdruk"] == ver["afdruk"] and een["model"] == ver["model"]
        regels.append(
            f"| {TITELS[taak]} | {_getal(een['records'])} | {_getal(een['paren'])} "
            f"| {'ja' if gelijk else '**nee**'} | {een['tijd_s']:.1f} s | {ver['tijd_s']:.1f} s "
            f"| {ver['cluster_s']:.1f} s | {_getal(een['piek_mb'])} MB "
            f"| {_getal(ver['piek_mb'])} MB "
            f"| {' / '.join(_getal(x) for x in ver['werkers_piek_mb'])} MB "
            f"| {ver['F1']:.4f} |"
        )
    return "\n".join(regels) + "\n"


def main() -> None:
    p = argparse.ArgumentParser()
    p.add_argument("--groot", type=int, default=5_000_000)
    p.add_argument("--werkers", type=int, default=2)
    p.add_argument("--sets", nargs="+", choices=SETS, default=list(SETS))
    p.add_argument("--kind", nargs=4)
    args = p.parse_args()
    if args.kind:
        wijze, taak, pad, werkers = args.kind
        print(json.dumps(kind(wijze, taak, Path(pad), int(werkers))))
        return
    vorig: dict[str, Any] = json.loads(LAATSTE.read_text()) if LAATSTE.exists() else {}
    uit: dict[str, Any] = {
        "datum": dt.date.today().isoformat(),
        "machine": machine(),
        "werkers": args.werkers,
        "groot": args.groot,
        "sets": vorig.get("sets", {}) if vorig.get("werkers") == args.werkers else {},
    }
    for taak in args.sets:
        pad = _pad(taak, args.groot)
        print(f"{taak} …", flush=True)
        uit["sets"][taak] = {w: _meet(w, taak, pad, args.werkers) for w in ("een", "verdeeld")}
        LAATSTE.write_text(json.dumps(uit, indent=2) + "\n")
    print(sectie(uit))


if __name__ == "__main__":
    main()
