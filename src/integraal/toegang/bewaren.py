# SPDX-License-Identifier: EUPL-1.2
"""Retention is code: data is destroyed when its category's term has passed.

- Data of a closed case: each destruction writes a log line per entity (so a subject-access
  report shows that the data is gone and why); signals of the case lose their text and
  identifiers.
- A signal turned down without a case loses its text and identifiers a signal's term after it
  was judged.
- The processing log keeps its lines, but a line's personal part (who it was about) is erased
  once the longest term of the categories it logged has passed since the line was written:
  the log accounts for data that exists, and must not outlive it as a register of persons.
  The erasure is itself a chained entry, so verification tells it from tampering.
- Seizures: once every object seized from a person has reached an end status (sold,
  destroyed, re-used, returned) and the `beslag` term has passed since the last of them, the
  person's name and access code and the objects' descriptions and identifying marks (a number
  plate) are erased. A suspect's vermogensdossier loses name, case number and the texts of its
  investigation acts and known assets a term after its claim was met, or after its last
  seized object ended when there was no claim. Kind, category, status, dates and amounts stay:
  the yearly figures count them, and they identify no one.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import secrets
from dataclasses import dataclass, field

from integraal import logboek
from integraal.domein.beslag import EINDSTATUSSEN
from integraal.opslag import beslag as beslagopslag
from integraal.opslag import beslagfeiten, signalen, statements, subjecten
from integraal.opslag import casussen as casusopslag
from integraal.opslag import kruis as kruisopslag
from integraal.opslag import logboek as logboekopslag
from integraal.verwerking import Context, Contextmaker, Kanaal


@dataclass
class Vernietiging:
    casus_id: str
    categorie: str
    vervallen_op: dt.date
    entiteiten: int
    statements: int = 0


@dataclass
class Uitkomst:
    peildatum: dt.date
    proef: bool
    vernietigd: list[Vernietiging] = field(default_factory=list)
    signalen_geschoond: int = 0
    logregels_gewist: int = 0
    kruisresultaten: int = 0
    beslagenen_geschoond: int = 0
    dossiers_geschoond: int = 0


def _plus_jaren(datum: dt.date, jaren: int) -> dt.date:
    try:
        return datum.replace(year=datum.year + jaren)
    except ValueError:  # 29 February
        return datum.replace(year=datum.year + jaren, day=28)


def termijn(ctx: Context, verband_id: str | None, categorie: str) -> int:
    """Years after closing: the category's term, shortened to the partnership's own where its
    werkwijze keeps data for less (a Zorg- en Veiligheidshuis keeps a complex case 2 years)."""
    cat = ctx.beslisser.catalogus.categorieen.get(categorie)
    jaren = cat.bewaartermijn_jaren if cat else 5
    werkwijze = ctx.beslisser.register.werkwijze(verband_id) if verband_id else None
    return min(jaren, werkwijze.bewaartermijn_jaren) if werkwijze else jaren


@dataclass(frozen=True)
class _Groep:
    """The data of one category in one closed case, its term passed."""

    casus_id: str
    categorie: str
    jaren: int
    vervalt: dt.date


def _vervallen_groepen(ctx: Context, peildatum: dt.date) -> list[_Groep]:
    sessie = ctx.sessie
    verbanden = {c.id: c.verband_id for c in casusopslag.gesloten_casussen(sessie)}
    uit = []
    for casus_id, categorie, gesloten_op in statements.groepen_van_gesloten_casussen(sessie):
        jaren = termijn(ctx, verbanden.get(casus_id), categorie)
        vervalt = _plus_jaren(gesloten_op.date(), jaren)
        if vervalt <= peildatum:
            uit.append(_Groep(casus_id, categorie, jaren, vervalt))
    return sorted(uit, key=lambda g: (g.casus_id, g.categorie))


def _vernietig_groep(ctx: Context, g: _Groep, *, proef: bool) -> Vernietiging:
    sessie = ctx.sessie
    entiteiten = statements.entiteiten_in_groep(sessie, g.casus_id, g.categorie)
    v = Vernietiging(g.casus_id, g.categorie, g.vervalt, len(entiteiten))
    if proef:
        return v
    pseudoniemen = statements.pseudoniemen_van(sessie, [e for e, _ in entiteiten])
    v.statements = statements.verwijder_groep(sessie, g.casus_id, g.categorie)
    ctx.log(
        ctx.verwerking(
            None,
            naam="vernietigd na bewaartermijn",
            grondslag=f"bewaartermijn {g.jaren} jaar na sluiten van de casus",
            doel="bewaartermijn",
            verstrekker=None,
            ontvanger=None,
            categorieen=(g.categorie,),
            casus_id=g.casus_id,
            betrokkene=pseudoniemen.get(eid, eid),
            betrokkene_soort="BSN-pseudoniem" if eid in pseudoniemen else f"entiteit:{schema}",
        )
        for eid, schema in entiteiten
    )
    for subject in subjecten.van_casus(sessie, g.casus_id):
        if not statements.heeft_statements(sessie, g.casus_id, subject.entity_id):
            sessie.delete(subject)
    return v


def voer_uit(ctx: Context, peildatum: dt.date, *, proef: bool) -> Uitkomst:
    """The whole job in the caller's one transaction (tests, a small installation)."""
    uit = Uitkomst(peildatum, proef)
    for g in _vervallen_groepen(ctx, peildatum):
        uit.vernietigd.append(_vernietig_groep(ctx, g, proef=proef))
    _de_rest(ctx, uit)
    return uit


def voer_uit_in_stappen(
    maak: Contextmaker, peildatum: dt.date, *, proef: bool, kanaal: Kanaal = Kanaal.TAAK
) -> Uitkomst:
    """The job as the scheduler runs it: each expired group of a case in a transaction of its
    own, then the rest in one, all under one trace id; others write in between, and a job
    stopped halfway simply finds the groups still left next time (decision record 0021)."""
    uit = Uitkomst(peildatum, proef)
    with maak(None, kanaal, lezen=True) as ctx:
        trace_id = ctx.trace_id
        groepen = _vervallen_groepen(ctx, peildatum)
    for g in groepen:
        with maak(None, kanaal, trace_id=trace_id) as ctx:
            uit.vernietigd.append(_vernietig_groep(ctx, g, proef=proef))
    with maak(None, kanaal, trace_id=trace_id) as ctx:
        _de_rest(ctx, uit)
    return uit


def _de_rest(ctx: Context, uit: Uitkomst) -> None:
    """Everything after the case groups: matching results, signals, seizures, the log."""
    sessie = ctx.sessie
    peildatum, proef = uit.peildatum, uit.proef
    # Matching runs, their suggestions and the judgements on them say who is who among a
    # case's persons: they go with the case's last data.
    for casus_id in sorted({v.casus_id for v in uit.vernietigd}):
        if not statements.heeft_casusgegevens(sessie, casus_id) and kruisopslag.heeft_resultaten(
            sessie, casus_id
        ):
            uit.kruisresultaten += 1
            if not proef:
                kruisopslag.verwijder_van_casus(sessie, casus_id)
    for casus in casusopslag.gesloten_casussen(sessie):
        signaaltermijn = termijn(ctx, casus.verband_id, "signaal")
        if (
            casus.gesloten_op is None
            or _plus_jaren(casus.gesloten_op.date(), signaaltermijn) > peildatum
        ):
            continue
        for s in signalen.van_casus(sessie, casus.id):
            if s.kenmerken or s.omschrijving != GESCHOOND:
                uit.signalen_geschoond += 1
                if not proef:
                    s.omschrijving, s.kenmerken = GESCHOOND, []
    afgewezen_termijn = termijn(ctx, None, "signaal")
    grens = dt.datetime.combine(_plus_jaren(peildatum, -afgewezen_termijn), dt.time.max, dt.UTC)
    for s in signalen.afgewezen_zonder_casus(sessie, grens):
        if s.kenmerken or s.omschrijving != GESCHOOND:
            uit.signalen_geschoond += 1
            if not proef:
                s.omschrijving, s.kenmerken = GESCHOOND, []
    uit.beslagenen_geschoond = _beslagenen(ctx, peildatum, proef=proef)
    uit.dossiers_geschoond = _dossiers(ctx, peildatum, proef=proef)
    uit.logregels_gewist = _logboek(ctx, peildatum, proef=proef)
    if not proef:
        ctx.audit(
            "bewaartermijn uitvoeren",
            peildatum=peildatum.isoformat(),
            groepen=len(uit.vernietigd),
            signalen=uit.signalen_geschoond,
            logregels=uit.logregels_gewist,
            kruisverwijzingen=uit.kruisresultaten,
            beslagenen=uit.beslagenen_geschoond,
            vermogensdossiers=uit.dossiers_geschoond,
        )


def _vernietigd(ctx: Context, jaren: int, grond: str, betrokkene: str, soort: str) -> None:
    ctx.log(
        [
            ctx.verwerking(
                None,
                naam="vernietigd na bewaartermijn",
                grondslag=f"bewaartermijn {jaren} jaar na {grond}",
                doel="bewaartermijn",
                verstrekker=None,
                ontvanger=None,
                categorieen=("beslag",),
                casus_id=None,
                betrokkene=betrokkene,
                betrokkene_soort=soort,
            )
        ]
    )


def _beslagenen(ctx: Context, peildatum: dt.date, *, proef: bool) -> int:
    jaren = termijn(ctx, None, "beslag")
    n = 0
    for b in beslagopslag.alle_beslagenen(ctx.sessie):
        if b.naam == GESCHOOND:
            continue
        objecten = beslagopslag.objecten_van_beslagene(ctx.sessie, b.id)
        if not objecten or any(o.status not in EINDSTATUSSEN for o in objecten):
            continue
        if _plus_jaren(max(o.status_sinds for o in objecten), jaren) > peildatum:
            continue
        n += 1
        if proef:
            continue
        # A code nobody holds: the page of the person seized from no longer opens.
        b.naam, b.inzagecode_hash = GESCHOOND, hashlib.sha256(secrets.token_bytes(32)).hexdigest()
        for o in objecten:
            o.omschrijving, o.kenmerk = GESCHOOND, None
        _vernietigd(ctx, jaren, "het einde van het beslag", f"beslagene:{b.id}", "beslagene")
    return n


def _dossiers(ctx: Context, peildatum: dt.date, *, proef: bool) -> int:
    jaren = termijn(ctx, None, "beslag")
    sessie = ctx.sessie
    n = 0
    for d in beslagopslag.alle_dossiers(sessie):
        if d.verdachte == GESCHOOND:
            continue
        objecten = beslagopslag.objecten_van_dossier(sessie, d.id)
        if any(o.status not in EINDSTATUSSEN for o in objecten):
            continue
        voldaan = d.executiestatus == "voldaan"
        if not voldaan and (d.vordering_centen or not objecten):
            continue  # a claim still open, or nothing that ended yet
        handelingen = beslagopslag.onderzoekshandelingen(sessie, d.id)
        vermogen = beslagopslag.bekend_vermogen(sessie, d.id)
        laatst = max(
            [
                d.aangemaakt_op.date(),
                *(o.status_sinds for o in objecten),
                *(h.datum for h in handelingen),
                *(v.bekend_sinds for v in vermogen),
                *(b.ontvangen_op for b in beslagfeiten.betalingen(sessie, d.id)),
            ]
        )
        if _plus_jaren(laatst, jaren) > peildatum:
            continue
        n += 1
        if proef:
            continue
        d.verdachte, d.parketnummer = GESCHOOND, None
        for h in handelingen:
            h.omschrijving = GESCHOOND
        for v in vermogen:
            v.omschrijving = GESCHOOND
        einde = "het einde van het vermogensdossier"
        _vernietigd(ctx, jaren, einde, f"verdachte:{d.id}", "verdachte")
    return n


def _logboek(ctx: Context, peildatum: dt.date, *, proef: bool) -> int:
    """Erase the personal part of log lines whose categories' terms have all passed."""
    kortste = min([termijn(ctx, None, c) for c in ctx.beslisser.catalogus.categorieen] or [1])
    tot = dt.datetime.combine(_plus_jaren(peildatum, -kortste), dt.time.max, dt.UTC)
    te_wissen: list[int] = []
    for volgnummer, tijd, inhoud in logboekopslag.persoonsdelen_tot(ctx.sessie, tot):
        categorieen = json.loads(inhoud).get("dpl.integraal.categories") or []
        jaren = max((termijn(ctx, None, c) for c in categorieen), default=ONBEKEND_JAREN)
        if _plus_jaren(tijd.date(), jaren) <= peildatum:
            te_wissen.append(volgnummer)
    if proef or not te_wissen:
        return len(te_wissen)
    return logboek.wis_persoonsdelen(
        ctx.sessie,
        te_wissen,
        grondslag="bewaartermijn van de gelogde categorieën verstreken",
        trace_id=ctx.trace_id,
    )


# A line without categories (an erasure itself, a login) keeps its part this long.
ONBEKEND_JAREN = 5


GESCHOOND = "[vernietigd na bewaartermijn]"
