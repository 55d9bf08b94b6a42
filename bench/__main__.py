# SPDX-License-Identifier: EUPL-1.2
"""Run all benchmarks and write docs/benchmarks.md (`make bench`).

The first recorded run is the anchor (bench/anker.json); every later run is shown beside it
as a ratio, so a regression is visible at a glance. Use `--nieuw-anker` to move the anchor on
purpose (and say why in the commit).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
from collections.abc import Callable
from pathlib import Path

from bench import (
    cli,
    delen,
    integriteit,
    kruis,
    last,
    levering,
    logboek,
    schaal,
    testsuite,
    verdeeld,
)
from bench.omgeving import machine

ANKER = Path(__file__).parent / "anker.json"
UITVOER = Path(__file__).parents[1] / "docs" / "benchmarks.md"


def _verhouding(nu: float, anker: float | None, hoger_is_beter: bool = True) -> str:
    if not anker:
        return "—"
    r = nu / anker if hoger_is_beter else anker / nu
    return f"{r:.2f}×"


def deelregels_sectie(d: delen.Resultaat, rij: Callable[..., str]) -> list[str]:
    return [
        "## Deelregels: beslissingen per seconde",
        "",
        f"Gemeten op {dt.date.today().isoformat()} ({machine()}), mediaan van 5 runs "
        f"(3 voor pycasbin met `eval()`, over de eerste {delen.VOETNOOT} verzoeken).",
        "",
        f"{d.verzoeken} verzoeken, half realistische RIEC-vragen en half willekeurig "
        f"({d.toegestaan} toegestaan). De peer op zijn best: casbin's geïndexeerde "
        "`FastEnforcer` op hetzelfde model — één policyregel per (regel, verstrekker, "
        "ontvanger, categorie, doel) met elke `*` van categorie en doel uitgeschreven "
        f"({d.casbin_snel_policies} regels), de index op categorie en doel, deny-override, "
        "organisatie→groep als rollen en de voorwaarden als geregistreerde functie die dezelfde "
        "predicaten aanroept. Vooraf is gecontroleerd dat beide motoren op elk verzoek hetzelfde "
        "antwoorden, en dat onze evaluator met en zonder uitleg dezelfde beslissing neemt.",
        "",
        "| Meting | Nu | Anker | Verhouding |",
        "|---|---|---|---|",
        rij("Integraal, met uitleg", "beslissingen_met_uitleg", "/s"),
        rij("Integraal, zonder uitleg", "beslissingen_zonder_uitleg", "/s"),
        rij(
            "pycasbin `FastEnforcer`, zelfde model (index op categorie en doel)",
            "casbin_fast_enforcer",
            "/s",
        ),
        "",
        f"Integraal zonder uitleg is {d.zonder_uitleg / d.casbin_snel:.1f}× zo snel als "
        "casbin's `FastEnforcer` op hetzelfde model. Onze evaluator zoekt de regels die bij "
        "(soort verstrekker, soort ontvanger, categorie, doel) passen één keer op en onthoudt ze "
        "en zoekt organisaties en hun groepen op id op; casbin loopt per verzoek de "
        "policyregels van de categorie en het doel langs en lost de rollen per regel op.",
        "",
        "Bij de verhouding met het anker: sinds het anker (23-11) is de catalogus ruim "
        "verdubbeld (het `eval()`-model telde toen 248 policyregels, nu "
        f"{d.casbin_policies}). Met uitleg loopt de evaluator elke regel langs om te zeggen "
        "waarom die niet gold, dus die meting daalt met de catalogus, zoals de beide "
        "casbin-metingen in de voetnoot; zonder uitleg onthoudt ze de passende regels en "
        "stijgt ze ondanks de grotere catalogus.",
        "",
        "Voetnoot, niet gelijkwaardig of niet op zijn best en daarom niet de vergelijking: het "
        f"eerst gemeten model ({d.casbin_policies} regels, voorwaarden via `eval()` en geen "
        "index) compileert per verzoek voor elke policyregel een expressie; de eerder genoemde "
        "marge van bijna 1.000× zei vooral iets over `eval()`. Rolmatching zonder voorwaarden "
        "beslist iets anders (ter indicatie).",
        "",
        "| Meting | Nu | Anker | Verhouding |",
        "|---|---|---|---|",
        rij("pycasbin, voorwaarden via `eval()`, zonder index", "casbin_zelfde_model", "/s"),
        rij("pycasbin, alleen rolmatching (geen voorwaarden)", "casbin_alleen_rollen", "/s"),
        "",
    ]


def _deelregels_resultaten(d: delen.Resultaat) -> dict[str, float]:
    return {
        "beslissingen_met_uitleg": d.met_uitleg,
        "beslissingen_zonder_uitleg": d.zonder_uitleg,
        "casbin_fast_enforcer": d.casbin_snel,
        "casbin_zelfde_model": d.casbin,
        "casbin_alleen_rollen": d.casbin_rollen,
    }


def _rijmaker(resultaten: dict[str, float], anker: dict[str, float]) -> Callable[..., str]:
    def rij(
        naam: str,
        sleutel: str,
        eenheid: str,
        hoger_is_beter: bool = True,
        anker_sleutel: str | None = None,
    ) -> str:
        nu, a = resultaten[sleutel], anker.get(anker_sleutel or sleutel)
        fmt = (lambda x: f"{x:,.0f}") if eenheid != "s" else (lambda x: f"{x:.1f}")
        return (
            f"| {naam} | {fmt(nu)} {eenheid} | {fmt(a) + ' ' + eenheid if a else '—'} | "
            f"{_verhouding(nu, a, hoger_is_beter)} |"
        )

    return rij


def _logboek_resultaten(logs: dict[str, logboek.Resultaat]) -> dict[str, float]:
    uit: dict[str, float] = {}
    for b, r in logs.items():
        uit |= {
            f"{b}_appends": r.appends_per_s,
            f"{b}_batch": r.batch_appends_per_s,
            f"{b}_gelijktijdig": r.gelijktijdig_per_s,
            f"{b}_gelijktijdig_apart": r.gelijktijdig_apart_per_s,
            f"{b}_verify_s": r.verify_s,
            f"{b}_verify_een_s": r.verify_een_proces_s,
        }
    return uit


def logboek_sectie(backends: list[str], aantal: int, rij: Callable[..., str]) -> list[str]:
    regels = [
        "## Logboek",
        "",
        f"Gemeten op {dt.date.today().isoformat()} ({machine()}), mediaan van 3 runs. "
        "Duurzaam schrijven: elke regel een eigen vastgelegde transactie (SQLite WAL met "
        "`synchronous=FULL`, PostgreSQL met fsync, `synchronous_commit` en `full_page_writes` "
        "aan: een cluster op schijf, wat de benchmark zelf controleert). In blokken: 10 000 "
        "regels per transactie, "
        "zoals een levering of zoekopdracht schrijft. `verify` herberekent elke bladhash, de keten "
        f"en de Merkle-wortel over {aantal:,} regels: zoals `integraal logboek verify` het doet "
        "(in delen van een macht van twee regels over één werkproces per kern; elk deel geeft "
        "zijn deelbomen terug, de boom, de blokwortels en de checkpoints daarna in volgorde "
        "daaruit) en in één proces. Het anker van beide is de verify van toen, in één proces. "
        f"Gelijktijdig: {logboek.DRADEN} draden in één app-proces, elk leesacties die met één "
        "logregel eindigen en pas terugkeren als die vastligt; groepsgewijs (zoals de app nu "
        "doet: regels van verzoeken die samen eindigen in één transactie) en met een eigen "
        "transactie per verzoek (zoals vóór issue 23). De leesacties lezen zelf niets: sinds "
        "1 december neemt een leesactie pas een databaseverbinding als ze leest, dus meet de "
        "groepsgewijze rij de logboekschrijver zelf; een pagina of zoekopdracht doet haar "
        "eigen lezing erbij (de secties over een miljoen statements).",
        "",
        "| Meting | Nu | Anker | Verhouding |",
        "|---|---|---|---|",
    ]
    for b in backends:
        regels += [
            rij(f"{b}: duurzame appends", f"{b}_appends", "/s"),
            rij(f"{b}: appends in blokken van 10 000", f"{b}_batch", "/s"),
            rij(f"{b}: gelijktijdige verzoeken, groepsgewijs", f"{b}_gelijktijdig", "/s"),
            rij(
                f"{b}: gelijktijdige verzoeken, elk een eigen transactie",
                f"{b}_gelijktijdig_apart",
                "/s",
            ),
            rij(
                f"{b}: verify van {aantal:,} regels, in delen",
                f"{b}_verify_s",
                "s",
                hoger_is_beter=False,
            ),
            rij(
                f"{b}: verify van {aantal:,} regels, in één proces",
                f"{b}_verify_een_s",
                "s",
                hoger_is_beter=False,
                anker_sleutel=f"{b}_verify_s",
            ),
        ]
    return regels


def _vervang_sectie(regels: list[str], voor: str | None = None) -> None:
    """Replace the section with the same heading (its first line that starts with '## ') in
    docs/benchmarks.md, up to the next heading; the rest of the file stays as it is. A section
    not there yet goes before the heading `voor`, or at the end."""
    kop = next(r for r in regels if r.startswith("## "))
    sectie = "\n".join(regels[regels.index(kop) :]).strip("\n") + "\n\n"
    tekst = UITVOER.read_text()
    if f"\n{kop}\n" in tekst:
        begin = tekst.index(f"\n{kop}\n") + 1
        eind = tekst.find("\n## ", begin + 1)
        rest = tekst[eind + 1 :] if eind != -1 else ""
    else:
        plek = tekst.find(f"\n{voor}\n") + 1 if voor else 0
        begin = plek if plek > 0 else len(tekst)
        rest = tekst[begin:]
    UITVOER.write_text((tekst[:begin] + sectie + rest).rstrip("\n") + "\n")
    print(sectie)


def alleen_verdeeld() -> None:
    """Write the last run of `bench.verdeeld` into its section of docs/benchmarks.md."""
    _vervang_sectie(
        verdeeld.sectie(json.loads(verdeeld.LAATSTE.read_text())).splitlines(),
        voor="## Integriteitscontrole: de detectieregels over het logboek",
    )


def alleen_logboek(aantal: int) -> None:
    """Re-measure the log only and replace its section in docs/benchmarks.md."""
    backends = ["sqlite"] + (
        ["postgresql"] if os.environ.get("INTEGRAAL_TEST_POSTGRES_URL") else []
    )
    resultaten = _logboek_resultaten({b: logboek.meet(b, regels=aantal) for b in backends})
    anker: dict[str, float] = json.loads(ANKER.read_text())["resultaten"]
    _vervang_sectie(logboek_sectie(backends, aantal, _rijmaker(resultaten, anker)))


def alleen_deelregels() -> None:
    """Re-measure the rule engine only and replace its section in docs/benchmarks.md."""
    d = delen.meet()
    anker: dict[str, float] = json.loads(ANKER.read_text())["resultaten"]
    _vervang_sectie(deelregels_sectie(d, _rijmaker(_deelregels_resultaten(d), anker)))


def main() -> None:
    p = argparse.ArgumentParser()
    p.add_argument("--regels", type=int, default=1_000_000)
    p.add_argument("--nieuw-anker", action="store_true")
    p.add_argument(
        "--alleen-deelregels",
        action="store_true",
        help="alleen de beslissingen opnieuw meten; de rest van benchmarks.md blijft staan",
    )
    p.add_argument(
        "--alleen-logboek",
        action="store_true",
        help="alleen het logboek opnieuw meten; de rest van benchmarks.md blijft staan",
    )
    p.add_argument(
        "--alleen-verdeeld",
        action="store_true",
        help="alleen de laatste meting van bench.verdeeld in benchmarks.md zetten",
    )
    args = p.parse_args()
    if args.alleen_verdeeld:
        alleen_verdeeld()
        return
    if args.alleen_deelregels:
        alleen_deelregels()
        return
    if args.alleen_logboek:
        alleen_logboek(args.regels)
        return

    resultaten: dict[str, float] = {}
    d = delen.meet()
    resultaten |= _deelregels_resultaten(d)
    backends = ["sqlite"] + (
        ["postgresql"] if os.environ.get("INTEGRAAL_TEST_POSTGRES_URL") else []
    )
    logs = {b: logboek.meet(b, regels=args.regels) for b in backends}
    resultaten |= _logboek_resultaten(logs)

    anker: dict[str, float] = json.loads(ANKER.read_text())["resultaten"] if ANKER.exists() else {}
    vandaag = dt.date.today().isoformat()
    if args.nieuw_anker or not anker:
        ANKER.write_text(
            json.dumps({"datum": vandaag, "machine": machine(), "resultaten": resultaten}, indent=2)
            + "\n"
        )
        anker = resultaten
    anker_info = json.loads(ANKER.read_text())
    rij = _rijmaker(resultaten, anker)

    regels = [
        "# Benchmarks",
        "",
        f"Gemeten op {vandaag}, machine: {machine()}.",
        f"Anker: de run van {anker_info['datum']} ({anker_info['machine']}).",
        "Elke waarde is de mediaan van 5 runs (Integraal-beslissingen) of 3 runs (pycasbin met "
        "voorwaarden, logboek). Verhouding > 1 is beter dan het anker. Opnieuw: `make bench`.",
        "",
        *deelregels_sectie(d, rij),
        *logboek_sectie(backends, args.regels, rij),
    ]
    if "postgresql" not in backends:
        regels += ["", "PostgreSQL niet gemeten: draai via `make bench` (start een PostgreSQL)."]
    regels += kruis.sectie()
    if verdeeld.LAATSTE.exists():
        regels += ["", *verdeeld.sectie(json.loads(verdeeld.LAATSTE.read_text())).splitlines()]
    regels += integriteit.sectie()
    regels += cli.sectie()
    if last.LAATSTE.exists():
        regels += ["", *last.sectie(json.loads(last.LAATSTE.read_text())).splitlines()]
    if levering.LAATSTE.exists():
        regels += ["", *levering.sectie(json.loads(levering.LAATSTE.read_text())).splitlines()]
    if schaal.LAATSTE.exists():
        regels += ["", *schaal.sectie(json.loads(schaal.LAATSTE.read_text())).splitlines()]
    for meer in sorted(schaal.HIER.glob("schaal-*-app-laatste.json")):
        regels += ["", *schaal.sectie(json.loads(meer.read_text())).splitlines()]
    if schaal.LAATSTE_GROOT.exists():
        regels += ["", *schaal.sectie(json.loads(schaal.LAATSTE_GROOT.read_text())).splitlines()]
    regels += testsuite.sectie()
    UITVOER.write_text("\n".join(regels) + "\n")
    print("\n".join(regels))


if __name__ == "__main__":
    main()
