# SPDX-License-Identifier: EUPL-1.2
"""Load and faults against a real server process (issue 22), loopback only.

`python -m bench.last --seconden 60 --clients 50` (run under `scripts/met-postgres` for the
PostgreSQL half) starts `integraal serve` on a demo installation per database and:
- lets 50 clients mix signal posts (API), case pages (web, signed in), entity searches (API)
  and repeated deliveries (API) for the given time; counts every answer by status and keeps
  each acknowledged signal number; afterwards every acknowledged signal must be in the
  database and `integraal logboek verify` must pass;
- kills the server with SIGKILL in the middle of a large delivery, starts it again, and checks
  that the delivery is marked failed with no statement of it kept or staged, and the log
  verifies;
- kills it again in the middle of a matching run over the case (by then holding every
  delivery of the load), and checks that after the restart the run says it was interrupted,
  resumes with `integraal kruisverwijzing hervat`, and stores no pair twice.
Results go to bench/last-laatste.json and, through `sectie()`, to docs/benchmarks.md.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import random
import re
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from collections import Counter, defaultdict
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import httpx
import sqlalchemy as sa

from bench.omgeving import in_ms, machine

HIER = Path(__file__).parent
LAATSTE = HIER / "last-laatste.json"
WACHTWOORD = "welkom-bij-integraal"
CASUS = "RIEC-RDM-2026-001"
MAPPING = "demo-gemeente-vergunningen"


def _vrije_poort() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _integraal(env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "integraal.cli", *args],
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )


@dataclass
class Installatie:
    """A demo installation on one database, and its server process."""

    soort: str
    env: dict[str, str]
    poort: int = field(default_factory=_vrije_poort)
    proces: subprocess.Popen[bytes] | None = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.poort}"

    @property
    def database(self) -> str:
        return self.env.get("INTEGRAAL_DATABASE_URL") or (
            f"sqlite:///{Path(self.env['INTEGRAAL_DATA_DIR']) / 'integraal.db'}"
        )

    def start(self, werkers: int = 1) -> None:
        # The server's own log is kept beside its data, to read after a failed run.
        log = (Path(self.env["INTEGRAAL_DATA_DIR"]).parent / "server.log").open("ab")
        opdracht = ["serve", "--port", str(self.poort), "--workers", str(werkers)]
        self.proces = subprocess.Popen(
            [sys.executable, "-m", "integraal.cli", *opdracht],
            env=self.env,
            stdout=log,
            stderr=log,
        )
        einde = time.monotonic() + 60
        while time.monotonic() < einde:
            try:
                if httpx.get(f"{self.url}/inloggen", timeout=2).status_code == 200:
                    return
            except httpx.HTTPError:
                time.sleep(0.2)
        raise RuntimeError("de server startte niet binnen een minuut")

    def stop(self, *, hard: bool = False) -> None:
        if self.proces is None:
            return
        self.proces.send_signal(signal.SIGKILL if hard else signal.SIGTERM)
        self.proces.wait(30)
        self.proces = None


@contextmanager
def installatie(soort: str) -> Iterator[Installatie]:
    map_ = Path(tempfile.mkdtemp(prefix=f"last-{soort}-"))
    env = {
        **os.environ,
        "INTEGRAAL_DATA_DIR": str(map_ / "data"),
        "INTEGRAAL_PSEUDONIEM_SLEUTEL": "last",
        # One process that serves and does its own background work, on both databases: the
        # load and kill -9 this measures are that process's. With a job queue (the default
        # on PostgreSQL) deliveries run in `integraal worker`, whose kill -9 is tested in
        # tests/achtergrond.
        "INTEGRAAL_ACHTERGROND": "proces",
    }
    env.pop("INTEGRAAL_DATABASE_URL", None)
    beheer = None
    if soort == "postgresql":
        basis = sa.make_url(os.environ["INTEGRAAL_TEST_POSTGRES_URL"])
        naam = f"integraal_last_{uuid.uuid4().hex[:8]}"
        beheer = sa.create_engine(basis, isolation_level="AUTOCOMMIT")
        with beheer.connect() as c:
            c.exec_driver_sql(f'CREATE DATABASE "{naam}"')
        env["INTEGRAAL_DATABASE_URL"] = basis.set(database=naam).render_as_string(
            hide_password=False
        )
    for stap in (("init",), ("demo", "laden")):
        uit = _integraal(env, *stap)
        if uit.returncode != 0:
            raise RuntimeError(f"integraal {' '.join(stap)}: {uit.stderr[-2000:]}")
    inst = Installatie(soort, env)
    try:
        yield inst
    finally:
        inst.stop(hard=True)
        if beheer is not None:
            with beheer.connect() as c:
                naam = sa.make_url(env["INTEGRAAL_DATABASE_URL"]).database
                c.exec_driver_sql(f'DROP DATABASE IF EXISTS "{naam}" WITH (FORCE)')
            beheer.dispose()


def _bsn(n: int) -> str:
    """The n-th number of the test range 99999xxxx that passes the eleven test."""
    gevonden = 0
    for kandidaat in range(999990000, 999999999):
        cijfers = [int(c) for c in str(kandidaat)]
        som = sum(c * w for c, w in zip(cijfers, (9, 8, 7, 6, 5, 4, 3, 2, -1), strict=True))
        if som % 11 == 0:
            if gevonden == n:
                return str(kandidaat)
            gevonden += 1
    raise ValueError(n)


_BSNS = [_bsn(i) for i in range(200)]


def levering_csv(rijen: int, zaad: int) -> bytes:
    """A synthetic permit register: fictitious names, BSNs from the test range."""
    rng = random.Random(zaad)
    kop = (
        "dossiernummer;bsn;voornamen;achternaam;geboortedatum;straat;huisnummer;postcode;plaats;"
        "bedrijfsnaam;kvk;vergunning;functie\n"
    )
    regels = [
        f"L{zaad}-{i};{rng.choice(_BSNS)};{rng.choice(['Jan', 'Piet', 'Anna', 'Fatima'])};"
        f"{rng.choice(['de Vries', 'Bakker', 'Jansen', 'El Amrani'])};"
        f"{rng.randint(1, 28):02d}-{rng.randint(1, 12):02d}-{rng.randint(1950, 2000)};"
        f"Kerkstraat;{rng.randint(1, 300)};3011AA;Rotterdam;;;exploitatievergunning;\n"
        for i in range(rijen)
    ]
    return (kop + "".join(regels)).encode()


def aanmelden(c: httpx.Client, naam: str) -> None:
    """Sign in on the web pages as a person does: the form's CSRF token, then the form."""
    csrf = re.search(r'name="csrf" value="([^"]+)"', c.get("/inloggen").text)
    if csrf is None:
        raise RuntimeError("geen inlogformulier")
    r = c.post(
        "/inloggen", data={"gebruikersnaam": naam, "wachtwoord": WACHTWOORD, "csrf": csrf[1]}
    )
    if r.status_code not in (200, 303):
        raise RuntimeError(f"inloggen: {r.status_code}")


def _token(url: str, naam: str) -> dict[str, str]:
    r = httpx.post(
        f"{url}/api/v1/tokens", json={"gebruikersnaam": naam, "wachtwoord": WACHTWOORD}, timeout=30
    )
    r.raise_for_status()
    return {"Authorization": f"Bearer {r.json()['token']}"}


@dataclass
class Meting:
    tijden: dict[str, list[float]] = field(default_factory=lambda: defaultdict(list))
    statussen: Counter[str] = field(default_factory=Counter)
    bevestigd: list[str] = field(default_factory=list)
    fouten: list[str] = field(default_factory=list)
    slot: threading.Lock = field(default_factory=threading.Lock)

    def verbroken(self, soort: str, exc: Exception) -> None:
        """No answer at all counts as a failure too (a crashed or refusing server)."""
        with self.slot:
            self.statussen[f"{soort} geen antwoord"] += 1
            self.fouten.append(f"{soort}: geen antwoord ({type(exc).__name__}: {exc})")

    def noteer(self, soort: str, begin: float, r: httpx.Response) -> None:
        with self.slot:
            self.tijden[soort].append(time.perf_counter() - begin)
            self.statussen[f"{soort} {r.status_code}"] += 1
            if r.status_code >= 500:
                self.fouten.append(f"{soort}: {r.status_code} {r.text[:200]}")


def belast(inst: Installatie, clients: int, seconden: float) -> dict[str, object]:
    url, m = inst.url, Meting()
    gemeente, analist = _token(url, "gemeente.rdam"), _token(url, "analist.riec")
    einde = time.monotonic() + seconden

    def herhaal(soort: str, verzoek: Callable[[int], httpx.Response]) -> None:
        n = 0
        while time.monotonic() < einde:
            begin = time.perf_counter()
            try:
                r = verzoek(n)
            except httpx.HTTPError as exc:
                m.verbroken(soort, exc)
            else:
                m.noteer(soort, begin, r)
                if soort == "signaal melden" and r.status_code == 201:
                    with m.slot:
                        m.bevestigd.append(r.json()["id"])
            n += 1

    def melder(i: int) -> None:
        with httpx.Client(base_url=url, timeout=120) as c:
            herhaal(
                "signaal melden",
                lambda n: c.post(
                    "/api/v1/signalen",
                    headers=gemeente,
                    json={
                        "verband": "riec-rotterdam",
                        "omschrijving": f"Lasttest {i}-{n}: drukte bij een pand aan de Kerkstraat.",
                    },
                ),
            )

    def lezer(_: int) -> None:
        with httpx.Client(base_url=url, timeout=120) as c:
            pagina = f"/casussen/{CASUS}"

            def lees(_n: int) -> httpx.Response:
                r = c.get(pagina)
                if r.status_code == 303:  # not signed in yet (or the session ended): sign in
                    try:
                        aanmelden(c, "analist.riec")
                    except RuntimeError:  # the sign-in itself failed: count what it answers
                        return c.get("/inloggen")
                    r = c.get(pagina)
                return r

            herhaal("casuspagina", lees)

    def zoeker(_: int) -> None:
        with httpx.Client(base_url=url, timeout=120) as c:
            herhaal(
                "zoeken",
                lambda _n: c.post(
                    "/api/v1/entiteiten/_zoek",
                    headers=analist,
                    json={"zoekterm": "Vries", "doel": "integrale_aanpak", "casusId": CASUS},
                ),
            )

    def leverancier(_: int) -> None:
        with httpx.Client(base_url=url, timeout=300) as c:
            herhaal(
                "levering",
                lambda n: c.post(
                    "/api/v1/leveringen",
                    headers=gemeente,
                    data={"mapping": MAPPING, "casusId": CASUS},
                    files={"bestand": (f"l{n}.csv", levering_csv(2000, n), "text/csv")},
                ),
            )

    rollen: list[Callable[[int], None]] = [leverancier]
    verdeling = [(melder, 0.4), (lezer, 0.3), (zoeker, 0.3)]
    for rol, deel in verdeling:
        rollen += [rol] * round((clients - 1) * deel)
    draden = [threading.Thread(target=rol, args=(i,)) for i, rol in enumerate(rollen[:clients])]
    for d in draden:
        d.start()
    for d in draden:
        d.join()

    engine = sa.create_engine(inst.database)
    with engine.connect() as c:
        bestaand = set(c.scalars(sa.text("SELECT id FROM signaal")))
    engine.dispose()
    verloren = sorted(set(m.bevestigd) - bestaand)
    verify = _integraal(inst.env, "logboek", "verify")
    return {
        "clients": len(draden),
        "seconden": seconden,
        "verzoeken": sum(m.statussen.values()),
        "statussen": dict(sorted(m.statussen.items())),
        "vijfhonderd": len(m.fouten),
        "voorbeelden_5xx": m.fouten[:5],
        "bevestigde_signalen": len(m.bevestigd),
        "verloren_signalen": verloren,
        "logboek_verify": verify.returncode == 0,
        "logboek_tekst": verify.stdout.strip(),
        "ms": {soort: in_ms(t) for soort, t in sorted(m.tijden.items())},
    }


def kill_tijdens_levering(inst: Installatie, rijen: int = 40000) -> dict[str, object]:
    """SIGKILL while a large delivery is processed; after the restart nothing of it is kept."""
    gemeente = _token(inst.url, "gemeente.rdam")
    bestandsnaam = f"groot-{uuid.uuid4().hex[:6]}.csv"

    def lever() -> None:
        with contextlib.suppress(httpx.HTTPError):  # the server dies under it
            httpx.post(
                f"{inst.url}/api/v1/leveringen",
                headers=gemeente,
                data={"mapping": MAPPING, "casusId": CASUS},
                files={"bestand": (bestandsnaam, levering_csv(rijen, 99), "text/csv")},
                timeout=600,
            )

    draad = threading.Thread(target=lever)
    draad.start()
    engine = sa.create_engine(inst.database)
    q = sa.text("SELECT id, status FROM levering WHERE bestandsnaam = :n")
    einde = time.monotonic() + 60
    bezig = None
    while time.monotonic() < einde and bezig is None:
        with engine.connect() as c:
            bezig = c.execute(q, {"n": bestandsnaam}).first()
        time.sleep(0.1)
    time.sleep(1.5)  # well into the processing
    inst.stop(hard=True)
    draad.join()
    inst.start()
    with engine.connect() as c:
        rij = c.execute(q, {"n": bestandsnaam}).first()
        statements, klaargezet = (
            (
                c.scalar(
                    sa.text(f"SELECT count(*) FROM {tabel} WHERE levering_id = :l"), {"l": rij[0]}
                )
                for tabel in ("statement", "statement_klaargezet")
            )
            if rij
            else (None, None)
        )
    engine.dispose()
    verify = _integraal(inst.env, "logboek", "verify")
    return {
        "levering_gezien_tijdens_verwerking": bezig is not None,
        "status_na_herstart": rij[1] if rij else None,
        "statements_van_de_levering": statements,
        "klaargezet_na_herstart": klaargezet,
        "logboek_verify": verify.returncode == 0,
    }


def kill_tijdens_kruisverwijzing(inst: Installatie) -> dict[str, object]:
    """SIGKILL while a matching run over the case works; after the restart the run says it was
    interrupted, resumes on request, and no pair is stored twice."""
    analist = _token(inst.url, "analist.riec")
    r = httpx.post(
        f"{inst.url}/api/v1/casussen/{CASUS}/kruisverwijzingen",
        headers=analist,
        json={"soort": "casus"},
        timeout=120,
    )
    r.raise_for_status()
    taak = r.json()["id"]
    engine = sa.create_engine(inst.database)
    q = sa.text("SELECT status, stap, gedaan, totaal FROM kruistaak WHERE id = :t")

    def stand() -> tuple[str, str, int, int]:
        with engine.connect() as c:
            rij = c.execute(q, {"t": taak}).one()
        return str(rij[0]), str(rij[1]), int(rij[2]), int(rij[3])

    # Killed the moment it is seen working: reading the case's persons (every delivery of the
    # load) takes the run well past that.
    einde = time.monotonic() + 120
    while time.monotonic() < einde and stand()[0] == "wachtend":
        time.sleep(0.02)
    bij_kill = stand()
    inst.stop(hard=True)
    inst.start()
    na_herstart = stand()
    hervat = _integraal(
        {**inst.env, "INTEGRAAL_WACHTWOORD": WACHTWOORD},
        "kruisverwijzing",
        "hervat",
        "--gebruiker",
        "analist.riec",
    )
    einde_stand = stand()
    with engine.connect() as c:
        dubbel = c.scalar(
            sa.text(
                "SELECT count(*) FROM (SELECT links, rechts FROM kruissuggestie "
                "WHERE casus_id = :c GROUP BY links, rechts HAVING count(*) > 1) d"
            ),
            {"c": CASUS},
        )
    engine.dispose()
    verify = _integraal(inst.env, "logboek", "verify")
    return {
        "bij_kill": {"status": bij_kill[0], "stap": bij_kill[1], "gedaan": bij_kill[2]},
        "status_na_herstart": na_herstart[0],
        "hervat": hervat.returncode == 0,
        "status_na_hervatten": einde_stand[0],
        "suggesties": einde_stand[3],
        "dubbele_paren": dubbel,
        "logboek_verify": verify.returncode == 0,
    }


def meet(soorten: list[str], clients: int, seconden: float) -> dict[str, object]:
    uit: dict[str, object] = {"machine": machine(), "datum": time.strftime("%Y-%m-%d")}
    for soort in soorten:
        with installatie(soort) as inst:
            inst.start()
            uit[soort] = {
                "last": belast(inst, clients, seconden),
                "kill": kill_tijdens_levering(inst),
                "kill_kruis": kill_tijdens_kruisverwijzing(inst),
            }
    return uit


def in_orde(uitkomst: dict[str, object]) -> list[str]:
    """What is wrong with a run: any 5xx, a lost write, a log that does not verify, a partial
    delivery after the kill."""
    bezwaren = []
    for soort in ("sqlite", "postgresql"):
        deel = uitkomst.get(soort)
        if not isinstance(deel, dict):
            continue
        last, kill = deel["last"], deel["kill"]
        if last["vijfhonderd"]:
            bezwaren.append(
                f"{soort}: {last['vijfhonderd']} antwoorden 5xx: {last['voorbeelden_5xx']}"
            )
        if last["verloren_signalen"]:
            bezwaren.append(f"{soort}: bevestigde signalen verloren: {last['verloren_signalen']}")
        if not last["logboek_verify"] or not kill["logboek_verify"]:
            bezwaren.append(f"{soort}: logboek verify faalt")
        if (
            kill["status_na_herstart"] != "mislukt"
            or kill["statements_van_de_levering"]
            or kill["klaargezet_na_herstart"]
        ):
            bezwaren.append(f"{soort}: halve levering na kill -9: {kill}")
        kruis = deel["kill_kruis"]
        if kruis["bij_kill"]["status"] != "bezig":
            bezwaren.append(f"{soort}: de kruisverwijzing liep niet meer bij de kill: {kruis}")
        if (
            kruis["status_na_herstart"] != "onderbroken"
            or kruis["status_na_hervatten"] != "klaar"
            or kruis["dubbele_paren"]
            or not kruis["logboek_verify"]
        ):
            bezwaren.append(f"{soort}: kruisverwijzing na kill -9 niet hersteld: {kruis}")
    return bezwaren


def sectie(uitkomst: dict[str, object]) -> str:
    """The section for docs/benchmarks.md (Dutch, like the rest of that file)."""
    regels = [
        "## Belasting en storingen: `make last`",
        "",
        f"Machine: {uitkomst['machine']}; {uitkomst['datum']}. `python -m bench.last` onder "
        "`scripts/met-postgres` met `INTEGRAAL_PG_ALS_PRODUCTIE=1` (PostgreSQL op schijf, "
        "duurzaam vastleggend; tot 30-11 zonder fsync): per database een echte "
        "`integraal serve` (één proces, dat "
        "ook zelf het achtergrondwerk doet: `INTEGRAAL_ACHTERGROND=proces`) op een "
        "demo-installatie, de clients op loopback; signalen melden (API), de casuspagina "
        "(web, ingelogd), zoeken (API) en telkens een levering van 2.000 rijen (API). Tijden in "
        "ms over de hele run. Geen ankerrun van deze meting: vóór issue 22 gaf een vergelijkbare "
        "proef (30 clients) op PostgreSQL 29 % fouten (botsende signaalnummers) en op SQLite "
        "'database is locked' na 31 s wachten.",
        "",
        "| database | clients | s | verzoeken | 5xx | verloren | soort | n | p50 | p95 | max |",
        "|---|---|---|---|---|---|---|---|---|---|---|",
    ]
    for soort in ("sqlite", "postgresql"):
        deel = uitkomst.get(soort)
        if not isinstance(deel, dict):
            continue
        last = deel["last"]
        for soortverzoek, t in last["ms"].items():
            regels.append(
                f"| {soort} | {last['clients']} | {last['seconden']:.0f} | {last['verzoeken']} | "
                f"{last['vijfhonderd']} | {len(last['verloren_signalen'])} | {soortverzoek} | "
                f"{t['aantal']} | {t['p50']} | {t['p95']} | {t['max']} |"
            )
    regels.append("")
    for soort in ("sqlite", "postgresql"):
        deel = uitkomst.get(soort)
        if isinstance(deel, dict):
            k = deel["kill"]
            regels.append(
                f"- {soort}, kill -9 tijdens een levering van 40.000 rijen: na de herstart status "
                f"`{k['status_na_herstart']}`, {k['statements_van_de_levering']} statements ervan "
                f"bewaard en {k['klaargezet_na_herstart']} klaargezet, `logboek verify` "
                f"{'in orde' if k['logboek_verify'] else 'NIET in orde'}."
            )
            kk = deel["kill_kruis"]
            regels.append(
                f"- {soort}, kill -9 tijdens een kruisverwijzing over de casus (stap "
                f"'{kk['bij_kill']['stap']}'): na de herstart status `{kk['status_na_herstart']}`, "
                f"na `integraal kruisverwijzing hervat` `{kk['status_na_hervatten']}` met "
                f"{kk['suggesties']} suggesties, {kk['dubbele_paren']} paren dubbel, `logboek "
                f"verify` {'in orde' if kk['logboek_verify'] else 'NIET in orde'}."
            )
    regels += [
        "",
        "Geen enkel 5xx en geen bevestigd signaal verloren (anders faalt `make last`). Een "
        "levering schrijft haar statements in blokken naar een klaarzettabel en maakt ze in één "
        "stap zichtbaar. Lezingen (pagina's en zoekopdrachten, ook die via POST) lezen zonder "
        "schrijfslot en schrijven hun logregels sinds issue 23 samen met die van andere "
        "lezingen in één transactie (groepsgewijze commit). Wat nog traag is: op PostgreSQL "
        "houdt een signaal het slot op zijn nummerteller vast tot het vastligt (een "
        "teruggedraaid nummer komt zo terug, de nummering heeft geen gaten), en onder volle "
        "belasting wacht het in die tijd op de kop van het logboek; zo staan signalen nog "
        "achter elkaar. Een teller buiten de transactie heft dat op, met gaten in de nummering "
        "als prijs (open in issue 23). En één serverproces bedient 50 clients; op PostgreSQL "
        "delen server, database en clients dezelfde 2 cores.",
    ]
    return "\n".join(regels) + "\n"


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__)
    p.add_argument("--clients", type=int, default=50)
    p.add_argument("--seconden", type=float, default=60)
    p.add_argument("--databases", default="sqlite,postgresql")
    a = p.parse_args()
    soorten = [s for s in a.databases.split(",") if s]
    if "postgresql" in soorten and "INTEGRAAL_TEST_POSTGRES_URL" not in os.environ:
        raise SystemExit("draai onder scripts/met-postgres voor PostgreSQL")
    uitkomst = meet(soorten, a.clients, a.seconden)
    LAATSTE.write_text(json.dumps(uitkomst, indent=2, ensure_ascii=False))
    print(sectie(uitkomst))
    bezwaren = in_orde(uitkomst)
    if bezwaren:
        raise SystemExit("\n".join(bezwaren))


if __name__ == "__main__":
    main()
