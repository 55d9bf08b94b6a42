# SPDX-License-Identifier: EUPL-1.2
"""Loading the monitor: the structure of the approach, indicator definitions and baseline
series, the source letters as searchable documents, their financial tables and the motions and
commitments of an appendix. Each step is idempotent: what is loaded is not loaded twice."""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from integraal.domein import kamerbijlage
from integraal.domein.brieftabellen import lees_tabel
from integraal.domein.financien import Tabel
from integraal.domein.monitor import Lijn, Maatregelstatus
from integraal.domein.verwijzingen import vind
from integraal.monitor import gebiedsbeeld
from integraal.monitor.bronbrieven import Brief, brieven, gegevens
from integraal.opslag import monitor as opslag
from integraal.opslag.db import Sessie
from integraal.opslag.modellen import (
    Deelopgave,
    Document,
    Documentverwijzing,
    Financieelrij,
    Financieeltabel,
    Indicator,
    Kameropdracht,
    Lijnlabel,
    Maatregel,
    MonitorLijn,
    Observatie,
    Passage,
    Voetnoot,
)


@dataclass
class Geladen:
    lijnen: int = 0
    deelopgaven: int = 0
    maatregelen: int = 0
    indicatoren: int = 0
    observaties: int = 0
    documenten: int = 0
    passages: int = 0
    tabellen: int = 0
    opdrachten: int = 0
    gebiedscijfers: int = 0


def laad_alles(sessie: Sessie) -> Geladen:
    g = Geladen()
    laad_structuur(sessie, g)
    laad_indicatoren(sessie, g)
    for brief in brieven():
        doc = laad_document(sessie, brief, g)
        if brief.financiele_tabellen:
            laad_financien(sessie, brief, doc, g)
        if brief.kamerbijlage:
            laad_kamerbijlage(sessie, brief, doc, g)
    g.gebiedscijfers = gebiedsbeeld.laad_voorbeeld(sessie)
    return g


def laad_structuur(sessie: Sessie, g: Geladen | None = None) -> None:
    g = g or Geladen()
    if opslag.aantal(sessie, MonitorLijn):
        return
    data = gegevens("structuur.yaml")
    for i, lijn in enumerate(data["lijnen"]):
        Lijn(lijn["code"])  # an unknown code is a data error, not a new line
        sessie.add(MonitorLijn(code=lijn["code"], volgorde=i))
        sessie.flush()  # no ORM relationships: the line must exist before its labels
        for label in lijn["labels"]:
            sessie.add(
                Lijnlabel(
                    lijn_code=lijn["code"],
                    tekst=label["tekst"],
                    van=label.get("van"),
                    tot=label.get("tot"),
                    bron=label.get("bron", ""),
                )
            )
        g.lijnen += 1
    sessie.flush()
    for i, d in enumerate(data["deelopgaven"]):
        sessie.add(
            Deelopgave(
                code=d["code"],
                lijn_code=d["lijn"],
                naam=d["naam"],
                volgorde=i,
                in_financien=bool(d.get("in_financien")),
            )
        )
        g.deelopgaven += 1
    sessie.flush()
    for m in data["maatregelen"]:
        sessie.add(
            Maatregel(
                deelopgave_code=m["deelopgave"],
                naam=m["naam"],
                omschrijving=m.get("omschrijving", ""),
                eigenaar=m["eigenaar"],
                start=m.get("start"),
                eind=m.get("eind"),
                status=Maatregelstatus(m["status"]).value,
                bron=m.get("bron", ""),
            )
        )
        g.maatregelen += 1
    sessie.flush()


def _observaties(d: dict[str, Any]) -> Iterator[tuple[str, str, float, str, bool]]:
    """(periode, uitsplitsing, waarde, citaat, voorlopig) from the three shapes in the data."""
    voorlopig = set(d.get("voorlopig", []))
    if "reeks" in d:
        for periode, waarde in d["reeks"].items():
            yield str(periode), "", float(waarde), d["citaat"], str(periode) in voorlopig
    for uitsplitsing, u in (d.get("uitsplitsingen") or {}).items():
        for periode, waarde in u["reeks"].items():
            yield str(periode), uitsplitsing, float(waarde), u["citaat"], False
    if "totaal" in d:
        for periode, waarde in d["totaal"]["reeks"].items():
            yield str(periode), "", float(waarde), d["totaal"]["citaat"], False
    for w in d.get("waarden", []):
        yield str(w["periode"]), w.get("uitsplitsing", ""), float(w["waarde"]), w["citaat"], False


def laad_indicatoren(sessie: Sessie, g: Geladen | None = None) -> None:
    """Indicators of the seed that the database does not have yet: a new installation gets
    them all, an existing one the ones added to the seed since (its own edits stay)."""
    g = g or Geladen()
    bekend = {i.code for i in opslag.indicatoren(sessie)}
    moment = dt.datetime(2024, 6, 1, tzinfo=dt.UTC)  # the report's publication month
    for d in gegevens("indicatoren.yaml")["indicatoren"]:
        if d["code"] in bekend:
            continue
        sessie.add(
            Indicator(
                code=d["code"],
                naam=d["naam"],
                eenheid=d["eenheid"],
                decimalen=d.get("decimalen", 0),
                bron=d["bron"],
                frequentie=d["frequentie"],
                niveau=d["niveau"],
                lijn_code=d.get("lijn"),
                deelopgave_code=d.get("deelopgave"),
                live=d.get("live"),
                uitsplitsing=d.get("uitsplitsing"),
                omschrijving=d.get("omschrijving", ""),
                optelbaar=d.get("optelbaar", True),
            )
        )
        sessie.flush()
        g.indicatoren += 1
        for periode, uitsplitsing, waarde, citaat, voorlopig in _observaties(d):
            sessie.add(
                Observatie(
                    indicator_code=d["code"],
                    periode=periode,
                    uitsplitsing=uitsplitsing,
                    waarde=waarde,
                    voorlopig=voorlopig,
                    peildatum=d.get("peildatum"),
                    bron=d["bron"],
                    citaat=citaat,
                    geregistreerd_op=moment,
                )
            )
            g.observaties += 1
    sessie.flush()


# --- documents -----------------------------------------------------------------------------------

_SUPERSCRIPT = "⁰¹²³⁴⁵⁶⁷⁸⁹"
_VOETNOOT_REGEL = re.compile(rf"^(?P<n>[{_SUPERSCRIPT}]+)\s+(?P<tekst>.+)$")


def _cijfers(superscript: str) -> str:
    return "".join(str(_SUPERSCRIPT.index(c)) for c in superscript)


def _is_kop(regel: str) -> bool:
    r = regel.strip()
    return 3 < len(r) < 90 and not r.endswith((".", ":", ";", ",")) and "\t" not in r


@dataclass(frozen=True)
class Delen:
    passages: list[tuple[str | None, str]]
    voetnoten: list[tuple[str, str]]


def ontleed(tekst: str) -> Delen:
    """Paragraphs with the heading they stand under, and the footnotes in both of the letters'
    forms ("[1: text]" inline, or a line starting with a superscript number)."""
    schoon, voetnoten = kamerbijlage.voetnoten(tekst)
    passages: list[tuple[str | None, str]] = []
    kop: str | None = None
    for regel in schoon.splitlines():
        r = regel.strip()
        if not r:
            continue
        m = _VOETNOOT_REGEL.match(r)
        if m:
            voetnoten.append((_cijfers(m["n"]), m["tekst"].strip()))
            continue
        if _is_kop(r):
            kop = r
            continue
        passages.append((kop, r))
    return Delen(passages, voetnoten)


def laad_document(sessie: Sessie, brief: Brief, g: Geladen | None = None) -> Document:
    g = g or Geladen()
    bestaand = opslag.document(sessie, brief.sleutel)
    if bestaand is not None:
        return bestaand
    tekst = brief.tekst()
    doc = Document(
        sleutel=brief.sleutel,
        titel=brief.titel,
        soort=brief.soort,
        datum=brief.datum,
        kenmerk=brief.kenmerk,
        tekst=tekst,
    )
    sessie.add(doc)
    sessie.flush()
    delen = ontleed(tekst)
    for i, (kop, alinea) in enumerate(delen.passages):
        sessie.add(Passage(document_id=doc.id, volgnummer=i, kop=kop and kop[:300], tekst=alinea))
        g.passages += 1
    for nummer, noot in delen.voetnoten:
        sessie.add(Voetnoot(document_id=doc.id, nummer=nummer, tekst=noot))
    gezien: set[str] = set()
    for v in vind(tekst):
        if v.sleutel in gezien:
            continue
        gezien.add(v.sleutel)
        sessie.add(
            Documentverwijzing(
                document_id=doc.id,
                tekst=v.tekst,
                sleutel=v.sleutel,
                citeertitel=v.citeertitel,
                url=v.url,
                twijfel=v.twijfel,
            )
        )
    sessie.flush()
    g.documenten += 1
    return doc


# --- financial tables ----------------------------------------------------------------------------


def _vergelijkbaar(naam: str) -> str:
    """'Preventie met gezag* ⁵' and 'Preventie met gezag' compare equal."""
    naam = unicodedata.normalize("NFKC", naam)
    naam = re.sub(r"[*\d\s]+$", "", naam)
    return re.sub(r"\s+", " ", naam).strip().lower()


def laad_financien(
    sessie: Sessie, brief: Brief, doc: Document, g: Geladen | None = None
) -> list[Tabel]:
    g = g or Geladen()
    if any(t.bron == brief.sleutel for t in opslag.financiele_tabellen(sessie)):
        return []
    deelopgaven = {_vergelijkbaar(d.naam): d.code for d in opslag.deelopgaven(sessie)}
    tekst = brief.tekst()
    geladen = []
    for nummer in brief.financiele_tabellen:
        tabel = lees_tabel(tekst, nummer, brief.sleutel)
        rij_tabel = Financieeltabel(
            document_id=doc.id,
            bron=brief.sleutel,
            nummer=tabel.nummer,
            titel=tabel.titel,
            eenheid=tabel.eenheid,
            kolommen=[
                {"sleutel": k.sleutel, "kop": k.kop, "soort": k.soort.value, "periode": k.periode}
                for k in tabel.kolommen
            ],
        )
        sessie.add(rij_tabel)
        sessie.flush()
        for i, r in enumerate(tabel.rijen):
            sessie.add(
                Financieelrij(
                    tabel_id=rij_tabel.id,
                    volgorde=i,
                    soort=r.soort.value,
                    groep=r.groep,
                    omschrijving=r.omschrijving,
                    deelopgave_code=deelopgaven.get(_vergelijkbaar(r.omschrijving)),
                    waarden=list(r.waarden),
                )
            )
        g.tabellen += 1
        geladen.append(tabel)
    sessie.flush()
    return geladen


# --- motions and commitments ---------------------------------------------------------------------


def laad_kamerbijlage(
    sessie: Sessie, brief: Brief, doc: Document, g: Geladen | None = None
) -> list[Kameropdracht]:
    """Every item of the appendix as a record awaiting review (beoordeeld_op empty)."""
    g = g or Geladen()
    if any(o.document_id == doc.id for o in opslag.opdrachten(sessie)):
        return []
    uit = []
    for item in kamerbijlage.lees(brief.tekst()):
        verwijzing = item.verwijzingen[0].citeertitel if item.verwijzingen else None
        o = Kameropdracht(
            soort=item.soort.value,
            thema=item.thema,
            onderwerp=item.onderwerp,
            kop=item.kop,
            leden=[{"naam": lid.naam, "partij": lid.partij} for lid in item.leden],
            cum_suis=item.cum_suis,
            verwijzing=verwijzing,
            tk_status=item.status.value,
            uitvoering=item.uitvoering.value if item.uitvoering else None,
            status_reden=item.status_reden,
            stand=item.tekst,
            document_id=doc.id,
            onderdeel=f"{item.letter}.",
        )
        sessie.add(o)
        uit.append(o)
        g.opdrachten += 1
    sessie.flush()
    return uit
