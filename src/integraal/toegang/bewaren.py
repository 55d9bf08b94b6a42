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
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass, field

from integraal import logboek
from integraal.opslag import casussen as casusopslag
from integraal.opslag import kruis as kruisopslag
from integraal.opslag import logboek as logboekopslag
from integraal.opslag import signalen, statements, subjecten
from integraal.verwerking import Context


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


def voer_uit(ctx: Context, peildatum: dt.date, *, proef: bool) -> Uitkomst:
    sessie = ctx.sessie
    uit = Uitkomst(peildatum, proef)
    gevallen_casussen: set[str] = set()
    verbanden = {c.id: c.verband_id for c in casusopslag.gesloten_casussen(sessie)}
    for casus_id, categorie, gesloten_op in statements.groepen_van_gesloten_casussen(sessie):
        jaren = termijn(ctx, verbanden.get(casus_id), categorie)
        vervalt = _plus_jaren(gesloten_op.date(), jaren)
        if vervalt > peildatum:
            continue
        entiteiten = statements.entiteiten_in_groep(sessie, casus_id, categorie)
        v = Vernietiging(casus_id, categorie, vervalt, len(entiteiten))
        uit.vernietigd.append(v)
        gevallen_casussen.add(casus_id)
        if proef:
            continue
        pseudoniemen = statements.pseudoniemen_van(sessie, [e for e, _ in entiteiten])
        v.statements = statements.verwijder_groep(sessie, casus_id, categorie)
        ctx.log(
            ctx.verwerking(
                None,
                naam="vernietigd na bewaartermijn",
                grondslag=f"bewaartermijn {jaren} jaar na sluiten van de casus",
                doel="bewaartermijn",
                verstrekker=None,
                ontvanger=None,
                categorieen=(categorie,),
                casus_id=casus_id,
                betrokkene=pseudoniemen.get(eid, eid),
                betrokkene_soort="BSN-pseudoniem" if eid in pseudoniemen else f"entiteit:{schema}",
            )
            for eid, schema in entiteiten
        )
        for subject in subjecten.van_casus(sessie, casus_id):
            if not statements.heeft_statements(sessie, casus_id, subject.entity_id):
                sessie.delete(subject)
    # Matching runs, their suggestions and the judgements on them say who is who among a
    # case's persons: they go with the case's last data.
    for casus_id in sorted(gevallen_casussen):
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
    uit.logregels_gewist = _logboek(ctx, peildatum, proef=proef)
    if not proef:
        ctx.audit(
            "bewaartermijn uitvoeren",
            peildatum=peildatum.isoformat(),
            groepen=len(uit.vernietigd),
            signalen=uit.signalen_geschoond,
            logregels=uit.logregels_gewist,
            kruisverwijzingen=uit.kruisresultaten,
        )
    return uit


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
