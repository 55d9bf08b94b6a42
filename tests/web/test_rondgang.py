# SPDX-License-Identifier: EUPL-1.2
"""A walk through every page as the demo's people: a person never reads a code.

Each demo user follows every link the pages offer them (GET only, no downloads) and the visible
text of each page is checked for what a person should never see: a status or kind as its code
(`in_behandeling`), an organisation by its id (`riec-rotterdam`), a category or purpose code, a
rule id, a hash or pseudonym, an ISO date. A page that fails also fails this test, so the walk
doubles as a smoke test of every reachable page.
"""

from __future__ import annotations

import enum
import importlib
import pkgutil
import re
from collections import Counter
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

import integraal
from integraal.app import maak_app
from integraal.bronnen.mapping import meegeleverde_mappings
from integraal.delen import standaard_beslisser
from integraal.demo.wereld import GEBRUIKERS, WACHTWOORD
from integraal.domein.keuze import Keuze
from integraal.instellingen import Instellingen
from integraal.omgeving import Omgeving, maak_omgeving
from tests.demosjabloon import Demosjabloon
from tests.hulp import csrf
from tests.paden import soort

# Pages that hand out files or end the session are not walked.
_NIET_VOLGEN = re.compile(r"^/(uitloggen|api/)|\.(csv|xlsx|pdf)$|/export|/bestand$")
MAX_PAGINAS = 400
# Instances of one kind of page read per person: statuses and kinds differ between cases, so
# more than one, but the template is the same.
PER_SOORT = 5


class _Tekst(HTMLParser):
    """The text a person reads (no scripts, styles or hidden inputs), and the links."""

    def __init__(self) -> None:
        super().__init__()
        self.delen: list[str] = []
        self.links: list[str] = []
        self._overslaan = 0
        self._broncode = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        # A field that holds an exchange format to edit (the rule catalogue's YAML) is code
        # by design; its label and hint are read as any other.
        if tag == "textarea" and "data-broncode" in a:
            self._broncode = True
            self._overslaan += 1
        if tag in ("script", "style", "svg"):
            self._overslaan += 1
        if tag == "a" and (href := a.get("href")) and href.startswith("/"):
            self.links.append(href.split("#")[0])
        # What a screen reader or a tooltip says is read too.
        for naam in ("aria-label", "title", "alt", "placeholder"):
            if a.get(naam):
                self.delen.append(str(a[naam]))

    def handle_endtag(self, tag: str) -> None:
        if tag == "textarea" and self._broncode:
            self._broncode = False
            self._overslaan -= 1
        if tag in ("script", "style", "svg"):
            self._overslaan -= 1

    def handle_data(self, data: str) -> None:
        if not self._overslaan:
            self.delen.append(data)


def _codes_met_verbindingsteken_of_laag_streepje() -> set[str]:
    """Every code of an enumeration in the code base that cannot pass for a word."""
    codes: set[str] = set()
    for mod in pkgutil.walk_packages(integraal.__path__, "integraal."):
        if mod.name.startswith(("integraal.cli", "integraal.demo")) or ".migraties" in mod.name:
            continue
        module = importlib.import_module(mod.name)
        for waarde in vars(module).values():
            if isinstance(waarde, type) and issubclass(waarde, enum.Enum) and waarde is not Keuze:
                for lid in waarde:
                    code = str(lid.value)
                    if "_" in code:
                        codes.add(code)
    return codes


def _verboden() -> re.Pattern[str]:
    beslisser = standaard_beslisser()
    catalogus, register = beslisser.catalogus, beslisser.register
    woorden = (
        _codes_met_verbindingsteken_of_laag_streepje()
        | {o.id for o in register.organisaties if "-" in o.id}
        | {c for c in catalogus.categorieen if "_" in c}
        | {d for d in catalogus.doelen if "_" in d}
        | {r.id for r in catalogus.regels}
        # Delivery agreements and the datasets they fill: known to people by their title.
        | {m.naam for m in meegeleverde_mappings().values()}
        | {m.dataset for m in meegeleverde_mappings().values()}
    )
    los = "|".join(re.escape(w) for w in sorted(woorden, key=len, reverse=True))
    return re.compile(
        rf"(?<![\w-])({los})(?![\w-])"
        r"|-pseudo:"
        r"|\b[0-9a-f]{12,}\b"  # a hash or an entity id
        r"|\b\d{4}-\d{2}-\d{2}\b"  # an ISO date
        r"|\(s\)"  # "passage(s)": say it in words
    )


@pytest.fixture(scope="module")
def demowereld(
    tmp_path_factory: pytest.TempPathFactory, demosjabloon: Demosjabloon
) -> Iterator[Omgeving]:
    """The demo world once for the whole walk (on the embedded database: the walk is about
    pages, the suite proves both databases elsewhere)."""
    pad: Path = tmp_path_factory.mktemp("rondgang")
    o = maak_omgeving(
        Instellingen(
            data_dir=pad / "data",
            database_url=f"sqlite:///{pad / 'demo.db'}",
            pseudoniem_sleutel="test-sleutel",
            achtergrond="proces",
        )
    )
    demosjabloon.vul(o)
    yield o
    o.database.dispose()


# The monitor's pages and the partnerships' descriptions are public aggregates and texts, the
# same for every signed-in person apart from the menu (about 85 of a user's 100 pages): three
# users of different kinds walk them whole (the editor of the monitor among them), everyone
# else sees their start pages. The walk took a minute for 47 users; it now spends it where
# pages differ per person.
ALLE_OPENBARE = frozenset({"beleid.riec", "analist.riec", "melder.bank"})
_OPENBAAR = re.compile(r"^/(monitor|verbanden)/")


def _loop(c: TestClient, start: list[str], *, openbaar: bool = True) -> dict[str, tuple[int, str]]:
    """Every kind of page reachable from `start`, each kind a few times (a case page is read
    for a few cases, not for every one; the text a code could leak from is the same
    template), with its status and visible text (without the public monitor and
    partnership subpages unless `openbaar`)."""
    gezien: dict[str, tuple[int, str]] = {}
    per_soort: Counter[str] = Counter()
    te_doen = list(start)
    while te_doen and len(gezien) < MAX_PAGINAS:
        pad = te_doen.pop()
        if pad in gezien or _NIET_VOLGEN.search(pad) or per_soort[soort(pad)] >= PER_SOORT:
            continue
        if not openbaar and _OPENBAAR.search(pad):
            continue
        per_soort[soort(pad)] += 1
        r = c.get(pad)
        tekst = _Tekst()
        if r.headers.get("content-type", "").startswith("text/html"):
            tekst.feed(r.text)
        gezien[pad] = (r.status_code, " ".join(tekst.delen))
        te_doen += [link for link in tekst.links if link not in gezien]
    return gezien


def _inloggen(c: TestClient, gebruiker: str) -> None:
    r = c.post(
        "/inloggen",
        data={"gebruikersnaam": gebruiker, "wachtwoord": WACHTWOORD, "csrf": csrf(c)},
        follow_redirects=False,
    )
    assert r.status_code == 303, r.text[:300]


@pytest.mark.parametrize("gebruiker", [None, *(naam for naam, *_ in GEBRUIKERS)])
def test_geen_code_op_een_pagina(demowereld: Omgeving, gebruiker: str | None) -> None:
    verboden = _verboden()
    with TestClient(maak_app(demowereld)) as c:
        if gebruiker is None:
            paginas = _loop(c, ["/inloggen", "/melden", "/mijn-beslag"])
        else:
            _inloggen(c, gebruiker)
            paginas = _loop(c, ["/"], openbaar=gebruiker in ALLE_OPENBARE)
    assert len(paginas) > 2, paginas
    fouten = [f"{pad}: status {status}" for pad, (status, _) in paginas.items() if status >= 500]
    for pad, (_status, tekst) in paginas.items():
        for m in verboden.finditer(tekst):
            context = tekst[max(0, m.start() - 40) : m.end() + 40].replace("\n", " ")
            fouten.append(f"{pad}: ‘{m.group(0)}’ in …{context}…")
    assert not fouten, "\n".join(sorted(set(fouten)))


def test_de_rondgang_ziet_een_code() -> None:
    """The check itself can fail: a status code, an id, a hash and an ISO date are caught,
    their Dutch words are not."""
    verboden = _verboden()
    for fout in (
        "Status: in_behandeling",
        "Van riec-rotterdam",
        "Adres 962119a9713dbeef",
        "BSN bsn-pseudo:4c23",
        "op 2026-11-29",
        "9 passage(s)",
        "regel WGS-RIEC-IN",
    ):
        assert verboden.search(fout), fout
    for goed in (
        "Status: In behandeling",
        "Van RIEC Rotterdam",
        "op 29-11-2026",
        "Casus RIEC-RDM-2026-001",
    ):
        assert not verboden.search(goed), goed
