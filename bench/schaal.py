# SPDX-License-Identifier: EUPL-1.2
"""Pages and search at a million statements (issue 23, item 6), loopback only.

`python -m bench.schaal --statements 1000000` (under `scripts/met-postgres` for the
PostgreSQL half) makes a demo installation per database and:
- fills it to the given number of statements through the import path: the municipality's
  permit register (fictitious names, no BSN, so every row is a person of its own) delivered
  with `integraal levering importeer` in deliveries of 30,000 rows for the demo case (the
  rules allow a municipality's provision to the RIEC only within a case), recording rows/s and the
  delivering process's peak memory;
- starts `integraal serve` and lets 1, then 20 signed-in web clients alternate the demo case's
  page and a search for a surname (a different one each time, each held by about 0.2 % of the
  persons), recording p50/p95 per kind and every answer that is not a 200;
- with `--logregels N`, before the web clients, fills the processing log to N lines and then
  (server stopped) times the first and a next checkpoint, `verify` of the whole log as the CLI
  runs it and `verify --blok` of one block.
- with `--vergelijk voor.json`, keeps the same measurement of the code before a change (run the
  same day, at the earlier commit) beside this one, in bench/schaal-voor-na-laatste.json.
Results go to bench/schaal-laatste.json and, through `sectie()`, to docs/benchmarks.md.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

import httpx
import sqlalchemy as sa

from bench.last import CASUS, WACHTWOORD, Installatie, aanmelden, installatie
from bench.omgeving import in_ms, machine

HIER = Path(__file__).parent
LAATSTE = HIER / "schaal-laatste.json"
# Ten million statements (issue 24, item 4) kept apart from the million of issue 23.
GROOT = 5_000_000
LAATSTE_GROOT = HIER / "schaal-10m-laatste.json"
PER_LEVERING = 30_000
# The code before and after a change, measured the same day (`--vergelijk`).
VOOR_NA = HIER / "schaal-voor-na-laatste.json"

# The permit register's mapping, with persons known by name and date of birth instead of BSN
# (the BRP's test range holds fewer than a thousand numbers).
MAPPING = """\
naam: schaal-gemeente-vergunningen
titel: Vergunningenregister (schaalmeting)
partner: gemeente-rotterdam
ontvanger: riec-rotterdam
doel: integrale_aanpak
dataset: gemeente-rotterdam-vergunningen-schaal
noodzaak: Schaalmeting met fictieve gegevens.
bij_fout: rijen_overslaan
record_id: [dossiernummer]
entiteiten:
  - sleutel: persoon
    schema: Person
    id_kolommen: [voornamen, achternaam, geboortedatum]
    eigenschappen:
      - eigenschap: name
        kolommen: [voornamen, achternaam]
        categorie: identiteit
        verplicht: true
      - {eigenschap: firstName, kolom: voornamen, categorie: identiteit}
      - {eigenschap: lastName, kolom: achternaam, categorie: identiteit}
      - eigenschap: birthDate
        kolom: geboortedatum
        categorie: identiteit
        datumformaat: "%d-%m-%Y"
      - {eigenschap: addressEntity, entiteit: adres, categorie: adres}
  - sleutel: adres
    schema: Address
    id_kolommen: [postcode, huisnummer]
    eigenschappen:
      - {eigenschap: full, kolommen: [straat, huisnummer, postcode, plaats], categorie: adres}
      - {eigenschap: street, kolommen: [straat, huisnummer], categorie: adres}
      - {eigenschap: postalCode, kolom: postcode, categorie: adres, identificatie: postcode}
      - {eigenschap: city, kolom: plaats, categorie: adres}
  - sleutel: bedrijf
    schema: Company
    id_kolommen: [kvk]
    eigenschappen:
      - {eigenschap: name, kolom: bedrijfsnaam, categorie: kvk}
      - {eigenschap: registrationNumber, kolom: kvk, categorie: kvk, identificatie: kvk}
      - {eigenschap: addressEntity, entiteit: adres, categorie: adres}
      - {eigenschap: classification, kolom: vergunning, categorie: vergunningen}
  - sleutel: bestuur
    schema: Directorship
    id_kolommen: [voornamen, achternaam, geboortedatum, kvk]
    eigenschappen:
      - {eigenschap: director, entiteit: persoon, categorie: kvk}
      - {eigenschap: organization, entiteit: bedrijf, categorie: kvk}
      - {eigenschap: role, kolom: functie, categorie: kvk}
"""

_VOOR = [
    "Jan",
    "Piet",
    "Anna",
    "Fatima",
    "Mohamed",
    "Sanne",
    "Kees",
    "Noor",
    "Daan",
    "Emma",
    "Lars",
    "Yara",
    "Bram",
    "Iris",
    "Omar",
]
_STAM = [
    "Ber",
    "Dam",
    "Hoe",
    "Kas",
    "Lin",
    "Mol",
    "Ros",
    "Stel",
    "Ver",
    "Wes",
    "Zand",
    "Brug",
    "Hout",
    "Gel",
    "Pol",
    "Rijn",
    "Eik",
]
_EIND = ["man", "ink", "stra", "ing", "ert", "huis", "berg", "hof", "veld", "dijk", "kamp"]
_TUSSEN = ["", "", "de ", "van ", "van der "]
ACHTERNAMEN = [f"{t}{s}{e}" for t in _TUSSEN[1:] for s in _STAM for e in _EIND] + [
    f"{s}{e}" for s in _STAM for e in _EIND
]
_STRATEN = [
    "Kerkstraat",
    "Dorpsweg",
    "Havenkade",
    "Molenlaan",
    "Stationsplein",
    "Beukenlaan",
    "Marktstraat",
]


def register_csv(pad: Path, rijen: int, zaad: int) -> None:
    rng = random.Random(zaad)
    with pad.open("w", encoding="utf-8") as f:
        f.write(
            "dossiernummer;voornamen;achternaam;geboortedatum;straat;huisnummer;postcode;plaats;"
            "bedrijfsnaam;kvk;vergunning;functie\n"
        )
        for i in range(rijen):
            bedrijf = rng.random() < 0.3
            kvk = f"99{rng.randrange(10**6):06d}" if bedrijf else ""
            f.write(
                f"S{zaad}-{i};{rng.choice(_VOOR)};{rng.choice(ACHTERNAMEN)};"
                f"{rng.randint(1, 28):02d}-{rng.randint(1, 12):02d}-{rng.randint(1940, 2005)};"
                f"{rng.choice(_STRATEN)};{rng.randint(1, 400)};"
                f"{rng.randint(1000, 9999)}{rng.choice('ABCDEFGH')}{rng.choice('KLMNPRST')};"
                "Rotterdam;"
                f"{'Handelsonderneming ' + kvk + ' B.V.' if bedrijf else ''};{kvk};"
                f"{'exploitatievergunning' if bedrijf else ''};{'bestuurder' if bedrijf else ''}\n"
            )


def _aantal_statements(inst: Installatie) -> int:
    engine = sa.create_engine(inst.database)
    with engine.connect() as c:
        n = int(c.scalar(sa.text("SELECT count(*) FROM statement")) or 0)
    engine.dispose()
    return n


def vul(inst: Installatie, doel: int) -> dict[str, Any]:
    """Deliveries through the import path until the database holds `doel` statements."""
    map_ = Path(tempfile.mkdtemp(prefix="schaal-"))
    (map_ / "mapping.yaml").write_text(MAPPING, encoding="utf-8")
    env = {**inst.env, "INTEGRAAL_WACHTWOORD": WACHTWOORD}
    rijen = seconden = piek = 0.0
    leveringen = 0
    while (n := _aantal_statements(inst)) < doel:
        bestand = map_ / f"register-{leveringen}.csv"
        register_csv(bestand, PER_LEVERING, leveringen)
        begin = time.perf_counter()
        uit, piek_mb = _lever(
            env,
            "levering",
            "importeer",
            str(bestand),
            "--gebruiker",
            "gemeente.rdam",
            "--mapping-bestand",
            str(map_ / "mapping.yaml"),
            "--casus",
            CASUS,
        )
        seconden += time.perf_counter() - begin
        piek = max(piek, piek_mb)
        if uit.returncode != 0:
            raise RuntimeError(f"levering: {uit.stdout[-3000:]}")
        bestand.unlink()
        rijen += PER_LEVERING
        leveringen += 1
        print(f"  {inst.soort}: {n:,} statements, levering {leveringen}", flush=True)
    return {
        "statements": n,
        "leveringen": leveringen,
        "rijen": int(rijen),
        "rijen_per_s": round(rijen / seconden) if seconden else None,
        # The largest of the delivering processes (each a fresh `integraal levering importeer`).
        "piek_mb": round(piek),
    }


def _lever(env: dict[str, str], *args: str) -> tuple[subprocess.CompletedProcess[str], float]:
    """`integraal` with `args`, and the peak memory of that process alone (MB): the
    children's peak of this process would include every server it started before."""
    with tempfile.TemporaryFile() as uit:
        p = subprocess.Popen(
            [sys.executable, "-m", "integraal.cli", *args],
            env=env,
            stdout=uit,
            stderr=subprocess.STDOUT,
        )
        _, status, gebruik = os.wait4(p.pid, 0)
        p.returncode = os.waitstatus_to_exitcode(status)
        uit.seek(0)
        tekst = uit.read().decode(errors="replace")
    return subprocess.CompletedProcess(p.args, p.returncode, tekst, ""), gebruik.ru_maxrss / 1024


def _zoekformulier(c: httpx.Client) -> str:
    """The search form's CSRF token (one per session: a user fills the form again and again)."""
    csrf = re.search(r'name="csrf" value="([^"]+)"', c.get(f"/zoeken?casus={CASUS}").text)
    if csrf is None:
        raise RuntimeError("geen zoekformulier")
    return csrf[1]


def _zoek(c: httpx.Client, csrf: str, term: str) -> httpx.Response:
    return c.post(
        "/zoeken",
        data={"zoekterm": term, "doel": "integrale_aanpak", "casusId": CASUS, "csrf": csrf},
    )


# Between two requests of a user with a think time: what load tests call a user (Locust's
# `between(1, 3)`), beside clients that ask again the moment they have an answer.
DENKTIJD = (1.0, 3.0)


def _processortijd(pid: int) -> float:
    """Processor seconds of a process and of its running children (the app processes behind
    `serve --workers`), from /proc: what limits clients that never pause is the app's
    processor time per request."""
    velden = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    tijd = (int(velden[11]) + int(velden[12])) / os.sysconf("SC_CLK_TCK")  # utime, stime
    for kind in Path(f"/proc/{pid}/task/{pid}/children").read_text().split():
        tijd += _processortijd(int(kind))
    return tijd


def belast(
    inst: Installatie,
    clients: int,
    seconden: float,
    denktijd: tuple[float, float] | None = None,
) -> dict[str, Any]:
    tijden: dict[str, list[float]] = defaultdict(list)
    statussen: Counter[str] = Counter()
    fouten: list[str] = []
    slot = threading.Lock()
    gevonden = Counter[bool]()
    # The measurement starts when every client has signed in: a sign-in's password hash is
    # neither a case page nor a search, in the time or in the processor time per request.
    assert inst.proces is not None
    pid = inst.proces.pid
    einde = voor = 0.0

    def begin_meting() -> None:  # once, when all have signed in, before any goes on
        nonlocal einde, voor
        voor = _processortijd(pid)
        einde = time.monotonic() + seconden

    aangemeld = threading.Barrier(clients, action=begin_meting)

    def client(i: int) -> None:
        rng = random.Random(i)
        with httpx.Client(base_url=inst.url, timeout=120, follow_redirects=False) as c:
            try:
                aanmelden(c, "analist.riec")
                csrf = _zoekformulier(c)
            except BaseException:
                aangemeld.abort()  # the others stop waiting; the run is refused below
                raise
            aangemeld.wait()
            if denktijd:  # users do not all start at the same moment
                time.sleep(rng.uniform(0, denktijd[1]))
            while time.monotonic() < einde:
                if denktijd and tijden:
                    time.sleep(rng.uniform(*denktijd))
                soort = rng.choice(("casuspagina", "zoeken"))
                begin = time.perf_counter()
                try:
                    if soort == "casuspagina":
                        r = c.get(f"/casussen/{CASUS}")
                    else:
                        r = _zoek(c, csrf, rng.choice(ACHTERNAMEN))
                except httpx.HTTPError as exc:
                    with slot:
                        statussen[f"{soort} geen antwoord"] += 1
                        fouten.append(f"{soort}: {type(exc).__name__}")
                    continue
                duur = time.perf_counter() - begin
                with slot:
                    tijden[soort].append(duur)
                    statussen[f"{soort} {r.status_code}"] += 1
                    if r.status_code != 200:
                        fouten.append(f"{soort}: {r.status_code} {r.text[:200]}")
                    elif soort == "zoeken":
                        gevonden["/entiteiten/" in r.text] += 1

    draden = [threading.Thread(target=client, args=(i,)) for i in range(clients)]
    for d in draden:
        d.start()
    for d in draden:
        d.join()
    if aangemeld.broken:
        raise RuntimeError("niet elke client kon zich aanmelden")
    app_s = _processortijd(pid) - voor
    verzoeken = sum(len(t) for t in tijden.values())
    return {
        "clients": clients,
        "denktijd": list(denktijd) if denktijd else None,
        "seconden": seconden,
        "statussen": dict(sorted(statussen.items())),
        "per_s": round(verzoeken / seconden, 1),
        "app_ms_per_verzoek": round(1000 * app_s / max(verzoeken, 1), 1),
        "fouten": len(fouten),
        "voorbeelden": fouten[:5],
        # A search that finds nothing measures the refusal path, not the index: counted.
        "zoeken_met_resultaat": gevonden[True],
        "zoeken_zonder_resultaat": gevonden[False],
        "ms": {soort: in_ms(t) for soort, t in sorted(tijden.items())},
    }


def vul_logboek(inst: Installatie, doel: int) -> dict[str, Any]:
    """Log lines through `logboek.schrijf` in transactions of 10,000 (as a delivery or a
    large search writes them) until the log holds `doel` lines."""
    from bench.logboek import _verwerking
    from integraal import logboek
    from integraal.opslag.db import maak_engine, maak_sessiefabriek, transactie

    engine = maak_engine(inst.database)
    fabriek = maak_sessiefabriek(engine)
    with transactie(fabriek, lezen=True) as s:
        al = begin = logboek.aantal_regels(s)
    t0 = time.perf_counter()
    while al < doel:
        n = min(10_000, doel - al)
        with transactie(fabriek) as s:
            logboek.schrijf(s, [_verwerking(al + i) for i in range(n)])
        al += n
        if al % 1_000_000 < 10_000:
            print(f"  {inst.soort}: {al:,} logregels", flush=True)
    duur = time.perf_counter() - t0
    engine.dispose()
    return {"regels": al, "per_s": round((al - begin) / duur) if duur else None}


def meet_logboek(inst: Installatie, runs: int) -> dict[str, Any]:
    """On the filled log: the first checkpoint (which stores every complete block's root), a
    next one (the stored roots and the open block), `verify` as the CLI runs it, and one
    block on its own (`verify --blok`)."""
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    from bench.omgeving import mediaan_tijd
    from integraal import logboek
    from integraal.logboek.keten import BLOK
    from integraal.logboek.ondertekening import publieke_sleutel_hex
    from integraal.opslag.db import maak_engine, maak_sessiefabriek, transactie

    engine = maak_engine(inst.database)
    fabriek = maak_sessiefabriek(engine)
    sleutel = Ed25519PrivateKey.generate()
    publiek = publieke_sleutel_hex(sleutel)

    def checkpoint() -> float:
        t0 = time.perf_counter()
        with transactie(fabriek) as s:
            logboek.maak_checkpoint(s, sleutel)
        return time.perf_counter() - t0

    eerste, volgende = checkpoint(), checkpoint()
    with transactie(fabriek, lezen=True) as s:
        regels = logboek.aantal_regels(s)

    def heel() -> None:
        with transactie(fabriek, lezen=True) as s:
            v = logboek.verifieer(s, [], publiek)
        assert v.in_orde and v.aantal == regels, v.tekst()

    blok = regels // BLOK // 2  # one from the middle

    def een_blok() -> None:
        with transactie(fabriek, lezen=True) as s:
            v = logboek.verifieer_blok(s, blok, publiek)
        assert v.in_orde and v.aantal == BLOK and v.gecontroleerde_checkpoints == 1, v.tekst()

    verify_s = mediaan_tijd(heel, runs)
    blok_s = mediaan_tijd(een_blok, runs) if regels >= BLOK else None
    engine.dispose()
    return {
        "regels": regels,
        "blokgrootte": BLOK,
        "eerste_checkpoint_s": round(eerste, 1),
        "volgend_checkpoint_s": round(volgende, 2),
        "verify_s": round(verify_s, 1),
        "verify_blok_s": round(blok_s, 2) if blok_s is not None else None,
        "runs": runs,
    }


def meet(
    soort: str, statements: int, seconden: float, logregels: int = 0, werkers: int = 1
) -> dict[str, Any]:
    with installatie(soort) as inst:
        vulling = vul(inst, statements)
        logvulling = vul_logboek(inst, logregels) if logregels else None
        inst.start(werkers)
        try:
            with httpx.Client(base_url=inst.url, timeout=600) as c:  # warm the caches once
                aanmelden(c, "analist.riec")
                c.get(f"/casussen/{CASUS}")
                _zoek(c, _zoekformulier(c), ACHTERNAMEN[0])
            uit = {
                "werkers": werkers,
                "vulling": vulling,
                "1": belast(inst, 1, seconden),
                "20": belast(inst, 20, seconden),
                "20d": belast(inst, 20, 2 * seconden, denktijd=DENKTIJD),
            }
        finally:
            inst.stop()
        if logvulling is not None:
            uit["logboek"] = {**logvulling, **meet_logboek(inst, runs=3)}
        return uit


def _nl(n: int) -> str:
    return f"{n:,}".replace(",", ".")


def _s(x: float) -> str:
    return f"{x:g}".replace(".", ",")


def _ms(x: float | None) -> str:
    return "—" if x is None else f"{_s(x)} ms"


# Issue 23's targets, p95 in ms: PostgreSQL, and SQLite at twice that.
DOEL_MS = {"casuspagina": 200, "zoeken": 300}


def _doelen(uitkomst: dict[str, Any], clients: str) -> str:
    """Per database whether the p95s of a run met the targets, in words."""
    delen = []
    for soort in ("postgresql", "sqlite"):
        deel = uitkomst.get(soort)
        if not isinstance(deel, dict) or clients not in deel:
            continue
        factor = 2 if soort == "sqlite" else 1
        ms = deel[clients]["ms"]
        gehaald = all(ms[k]["p95"] <= grens * factor for k, grens in DOEL_MS.items() if k in ms)
        naam = "PostgreSQL" if soort == "postgresql" else "SQLite"
        delen.append(f"{naam} {'gehaald' if gehaald else 'niet gehaald'}")
    return ", ".join(delen)


# `verify` of 1,000,000 lines in one process before the log was kept in blocks (the anchor of
# the Logboek section of docs/benchmarks.md, 2026-11-30).
VERIFY_ANKER_PER_MILJOEN_S = 17.9


def _logsectie(uitkomst: dict[str, Any]) -> list[str]:
    regels = [
        "Op PostgreSQL staan de statements sinds migratie 0030 per bron in een eigen partitie "
        "(`LIST (bron_id)`, besluit 0023): hier alle in die van de gemeente, zodat het "
        "verdelen deze meting niet helpt; het helpt waar de regels een lezer een deel van de "
        "bronnen geven. Rijen/s is het gemiddelde over alle leveringen, opstart inbegrepen: "
        "het invoeren wordt trager naarmate de tabel en haar indexen (de trigramindex voor "
        "zoeken, de groepen per bron en categorie) groeien. Eén app-proces op 2 cores; de "
        "doelen van issue 23 gelden voor een miljoen statements en worden hier met 20 clients "
        "niet gehaald: zoeken leest bij tien miljoen statements meer treffers uit de "
        "trigramindex, en de 20 clients delen één proces zonder pauze tussen verzoeken.",
    ]
    for soort in ("sqlite", "postgresql"):
        log = (uitkomst.get(soort) or {}).get("logboek")
        if not log:
            continue
        miljoen = log["regels"] / 1e6
        per_miljoen = log["verify_s"] / miljoen
        regels += [
            "",
            f"Het logboek van dezelfde database ({soort}), vóór de webmeting gevuld tot "
            f"{_nl(log['regels'])} regels via `logboek.schrijf` in transacties van 10.000, in "
            f"blokken van {_nl(log['blokgrootte'])} regels (migratie 0031: op PostgreSQL elk "
            "blok een partitie; de wortel van een vol blok opgeslagen met een ondertekend "
            f"checkpoint aan zijn einde). Mediaan van {log['runs']} runs; het anker is verify "
            f"per miljoen regels in één proces vóór de blokken ({VERIFY_ANKER_PER_MILJOEN_S} s, "
            "sectie Logboek).",
            "",
            "| Meting | Nu | Anker | Verhouding |",
            "|---|---|---|---|",
            f"| schrijven | {_nl(log['per_s'])} regels/s | — | — |",
            f"| eerste checkpoint (alle blokwortels berekend en opgeslagen) | "
            f"{log['eerste_checkpoint_s']} s | — | — |",
            f"| volgend checkpoint (opgeslagen wortels en het open blok) | "
            f"{log['volgend_checkpoint_s']} s | — | — |",
            f"| verify, hele logboek (in delen over de werkprocessen) | {log['verify_s']} s | — "
            "| — |",
            f"| verify per miljoen regels | {per_miljoen:.1f} s | "
            f"{VERIFY_ANKER_PER_MILJOEN_S} s | {VERIFY_ANKER_PER_MILJOEN_S / per_miljoen:.2f}× |",
            f"| verify van één blok (`verify --blok`) | {log['verify_blok_s']} s | — | — |",
        ]
    return regels


def sectie(uitkomst: dict[str, Any]) -> str:
    """The section for docs/benchmarks.md (Dutch, like the rest of that file)."""
    groot = uitkomst["statements"] >= GROOT
    werkers = max(
        (d.get("werkers", 1) for d in uitkomst.values() if isinstance(d, dict)), default=1
    )
    regels = [
        "## Tien miljoen statements, per bron verdeeld: casuspagina en zoeken"
        if groot
        else f"## Een miljoen statements, {werkers} app-processen: casuspagina en zoeken"
        if werkers > 1
        else "## Een miljoen statements, de code voor en na een wijziging: casuspagina en zoeken"
        if uitkomst.get("vergelijking")
        else "## Een miljoen statements: casuspagina en zoeken",
        "",
        f"Machine: {uitkomst['machine']}; {uitkomst['datum']}"
        + (f", code van commit {uitkomst['commit']}" if uitkomst.get("commit") else "")
        + ". `python -m bench.schaal` onder "
        "`scripts/met-postgres`: per database een demo-installatie, gevuld via het importpad "
        f"(`integraal levering importeer`, leveringen van {_nl(PER_LEVERING)} rijen van een "
        "fictief vergunningenregister, personen op naam en geboortedatum) tot het aantal "
        "statements hieronder; dan `integraal serve` (met het aantal app-processen in de "
        "tabel: `--workers`) en 1 en daarna 20 "
        "ingelogde webclients op loopback die afwisselend de casuspagina van de democasus en "
        "een zoekopdracht op een achternaam (telkens een andere) opvragen, elk zodra het "
        "vorige antwoord er is"
        + (
            f"; daarna 20 gebruikers die tussen twee verzoeken {_s(DENKTIJD[0])} tot "
            f"{_s(DENKTIJD[1])} s nadenken (wat een belastingtest een gebruiker noemt, zoals "
            "Locust's `between`), twee keer zo lang"
            if any(isinstance(d, dict) and "20d" in d for d in uitkomst.values())
            else ""
        )
        + ". Tijden in ms. Doel "
        "(issue 23): PostgreSQL p95 casuspagina ≤ 200 ms en zoeken ≤ 300 ms bij 20 "
        "gelijktijdige gebruikers, SQLite ≤ 2× dat, nul fouten.",
        "",
        "| database | code | statements | rijen/s | piekgeheugen levering | app-processen "
        "| clients | verzoeken/s | processor app per verzoek | soort | n | p50 | p95 | niet-200 |",
        "|---|---|---|---|---|---|---|---|---|---|---|---|---|---|",
    ]
    # A run may carry another measured the same day on the same machine (`vergelijking`): with
    # one app process beside more, or the code before a change beside after it.
    vergelijking = uitkomst.get("vergelijking") or {}
    delen = [
        (soort, uitkomst.get(soort), uitkomst.get("commit")) for soort in ("sqlite", "postgresql")
    ]
    delen += [
        (soort, vergelijking.get(soort), vergelijking.get("commit"))
        for soort in ("sqlite", "postgresql")
    ]
    for soort, deel, code in delen:
        if not isinstance(deel, dict):
            continue
        v = deel["vulling"]
        for clients in ("1", "20", "20d"):
            if clients not in deel:
                continue
            b = deel[clients]
            wie = (
                f"{b['clients']}, denktijd {_s(b['denktijd'][0])}–{_s(b['denktijd'][1])} s"
                if b.get("denktijd")
                else str(b["clients"])
            )
            for soortverzoek, t in b["ms"].items():
                niet = sum(n for k, n in b["statussen"].items() if k.startswith(soortverzoek)) - (
                    b["statussen"].get(f"{soortverzoek} 200", 0)
                )
                regels.append(
                    f"| {soort} | {code or '—'} | {_nl(v['statements'])} | {v['rijen_per_s']} | "
                    f"{v['piek_mb']} MB | {deel.get('werkers', 1)} | "
                    f"{wie} | {b['per_s']} | {_ms(b.get('app_ms_per_verzoek'))} | "
                    f"{soortverzoek} | {t['aantal']} | {t['p50']} | "
                    f"{t['p95']} | "
                    f"{niet} |"
                )
    if groot:
        return "\n".join([*regels, "", *_logsectie(uitkomst), ""])
    if werkers > 1:
        return "\n".join(
            [
                *regels,
                "",
                f"Dezelfde meting als bij één app-proces, nu met {werkers} app-processen achter "
                f"dezelfde poort (`integraal serve --workers {werkers}`) op dezelfde 2 cores: "
                "wat meer processen opleveren als de processor al vol is. De rijen met één "
                "app-proces zijn dezelfde dag gemeten, in een eigen installatie."
                if vergelijking
                else "wat meer processen opleveren als de processor al vol is. Vergelijk met de "
                "tabel van één app-proces hierboven.",
                "",
            ]
        )
    if vergelijking:
        regels += [
            "",
            f"De rijen met code {vergelijking.get('commit')} zijn dezelfde meting, dezelfde dag "
            "op dezelfde machine, met de code van vóór de wijziging die de andere rijen meten: "
            "alleen die twee vergelijken eerlijk. De processortijd van de app per verzoek is die "
            "van het serverproces over de meting (het aanmelden niet meegerekend), gedeeld door "
            "het aantal verzoeken: bij clients zonder pauze bepaalt zij hoeveel verzoeken per "
            "seconde één proces aankan.",
        ]
    regels += [
        "",
        "Rijen/s is de hele opdracht per levering, opstart inbegrepen, bij zo'n 11 statements "
        "per rij (het register hierboven: 6). Ter vergelijking, vóór deze ronde op een machine "
        "van dezelfde grootte (de meting in issue 23): de casuspagina met 1 client p95 159 ms "
        "op PostgreSQL en 3,5 s op SQLite, met 20 clients p95 3,4 s op PostgreSQL en op SQLite "
        "37,5 s met 18 van de 40 verzoeken mislukt; zoeken 1,1 s met 1 client. Met 1 client "
        "blijven beide ruim onder de grenzen van het doel. Twintig clients zonder pauze "
        "tussen verzoeken meten de doorvoer van één serverproces op 2 cores, dat hier ook de"
        " 20 clients deelt (de verzoeken/s-kolom): elke p95 is dan vooral de wachtrij van "
        f"20 verzoeken ({_doelen(uitkomst, '20')}); meer app-processen: de sectie hieronder, "
        "als die er is. Twintig gebruikers die tussen verzoeken nadenken: "
        f"{_doelen(uitkomst, '20d') or 'niet gemeten'}. Zie docs/decisions/0022-snelheid.md.",
        "",
    ]
    return "\n".join(regels) + "\n"


def met_vergelijking(uitkomst: dict[str, Any], voor: dict[str, Any]) -> dict[str, Any]:
    """A run with the same measurement of the code before a change beside it (measured the
    same day on the same machine: only those two compare)."""
    if voor.get("statements") != uitkomst.get("statements"):
        raise ValueError("de vergelijking heeft een ander aantal statements")
    delen = {s: voor[s] for s in ("sqlite", "postgresql") if s in voor}
    return {**uitkomst, "vergelijking": {"commit": voor.get("commit"), **delen}}


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__)
    p.add_argument("--statements", type=int, default=1_000_000)
    p.add_argument("--seconden", type=float, default=30)
    p.add_argument("--databases", default="sqlite,postgresql")
    p.add_argument(
        "--werkers", type=int, default=1, help="app-processen achter de poort (serve --workers)"
    )
    p.add_argument(
        "--logregels", type=int, default=0, help="het logboek eerst tot zoveel regels vullen"
    )
    p.add_argument(
        "--vergelijk",
        type=Path,
        help="de uitkomst van dezelfde meting met de code van vóór een wijziging, dezelfde dag",
    )
    a = p.parse_args()
    uitkomst: dict[str, Any] = {
        "commit": subprocess.run(
            ["git", "rev-parse", "--short", "HEAD"], capture_output=True, text=True, check=False
        ).stdout.strip(),
        "machine": machine(),
        "datum": time.strftime("%Y-%m-%d"),
        "statements": a.statements,
    }
    for soort in a.databases.split(","):
        print(f"{soort}: vullen tot {a.statements:,} statements", flush=True)
        uitkomst[soort] = meet(soort, a.statements, a.seconden, a.logregels, a.werkers)
        print(json.dumps(uitkomst[soort], indent=1), flush=True)
    if a.vergelijk:
        uitkomst = met_vergelijking(uitkomst, json.loads(a.vergelijk.read_text()))
    uit = (
        LAATSTE_GROOT
        if a.statements >= GROOT
        else HIER / f"schaal-{a.werkers}-app-laatste.json"
        if a.werkers > 1
        else VOOR_NA
        if a.vergelijk
        else LAATSTE
    )
    uit.write_text(json.dumps(uitkomst, indent=1, ensure_ascii=False) + "\n")
    print(sectie(uitkomst))


if __name__ == "__main__":
    main()
