# SPDX-License-Identifier: EUPL-1.2
"""The detection run: the rules over the log lines and audit records written since the last
run. A cursor (the last line and record examined, and the windows still open) makes it
incremental, so no line is examined twice and a scheduler may run it as often as it likes.

The run reads the log's personal part (who was read) to compare subjects; it is itself a
processing under AVG art. 32 and is logged once, without a subject.
"""

from __future__ import annotations

import datetime as dt
import heapq
import json
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from integraal.domein.fouten import Conflict
from integraal.domein.integriteit import Gebeurtenis, Omstandigheden, Soort, Treffer
from integraal.domein.tekst import getal
from integraal.logboek.controleregels import regelset
from integraal.opslag import integriteit as opslag
from integraal.opslag import logboek as logopslag
from integraal.opslag import statements
from integraal.toegang.afscherming import (
    EIGEN_CATEGORIE,
    ZOEKHANDELINGEN,
    afgeschermd,
    als_rij,
)
from integraal.verwerking import Context
from integraal.verwerking.context import WEIGERINGEN

GRONDSLAG = "AVG art. 32 (passende beveiliging: controle op het gebruik van het systeem)"
EXPORTWOORD = "exporteren"
PER = 20000
AUDIT_RUST = dt.timedelta(minutes=5)
# Told after every batch: (lines examined, lines to examine in this run).
Voortgang = Callable[[int, int], None]


@dataclass(frozen=True)
class Controle:
    regels: int
    auditrecords: int
    meldingen: int
    tot_volgnummer: int

    def tekst(self) -> str:
        def n(aantal: int, een: str, meer: str) -> str:
            return f"{getal(aantal)} {een if aantal == 1 else meer}"

        return (
            f"Controle klaar: {n(self.regels, 'logregel', 'logregels')} en "
            f"{n(self.auditrecords, 'auditregel', 'auditregels')} bekeken, "
            f"{n(self.meldingen, 'nieuwe melding', 'nieuwe meldingen')}; bekeken tot regel "
            f"{getal(self.tot_volgnummer)}."
        )


def _omstandigheden(ctx: Context) -> Omstandigheden:
    per_gebruiker = opslag.casussubjecten_per_gebruiker(ctx.sessie)
    alle = sorted({e for ids in per_gebruiker.values() for e in ids})
    pseudo = statements.pseudoniemen_van(ctx.sessie, alle)
    subjecten = {
        g: frozenset(ids | {pseudo[e] for e in ids if e in pseudo})
        for g, ids in per_gebruiker.items()
    }
    schermen = afgeschermd(ctx, (a.betrokkene for a in opslag.afgeschermden(ctx.sessie)))
    return Omstandigheden(casussubjecten=subjecten, afgeschermd=schermen)


def _uit_logboek(
    ctx: Context, na: int, tot: int, vanaf: dt.datetime | None, voortgang: Voortgang | None
) -> Iterator[Gebeurtenis]:
    """Log lines as events, a batch at a time so the trace-to-user lookup is one query each."""
    buffer: list[logopslag.Scanrij] = []

    def leeg() -> Iterator[Gebeurtenis]:
        if voortgang is not None and buffer:
            voortgang(buffer[-1].volgnummer - na, tot - na)
        actoren = logopslag.actoren_van(ctx.sessie, sorted({r.trace_id for r in buffer}))
        for r in buffer:
            wie = actoren.get(r.trace_id)
            if wie is None or r.betrokkene is None:
                continue
            lijn = json.loads(r.inhoud)
            if EIGEN_CATEGORIE in lijn.get("dpl.integraal.categories", ()):
                continue  # keeping the list of shielded persons is not reading them
            naam = lijn.get("naam", "")
            ontvanger = lijn.get("dpl.integraal.recipient")
            if ontvanger is not None and ontvanger != wie[1]:
                soort = Soort.VERSTREKKING
            else:
                soort = Soort.ZOEKTREFFER if naam in ZOEKHANDELINGEN else Soort.LEZING
            yield Gebeurtenis(
                tijd=r.tijd,
                gebruiker_id=wie[0],
                organisatie_id=wie[1],
                soort=soort,
                handeling=naam,
                betrokkene=r.betrokkene,
                casus_id=r.casus_id,
                verstrekker=lijn.get("dpl.integraal.provider"),
                volgnummer=r.volgnummer,
            )
        buffer.clear()

    for rij in logopslag.regels_na(ctx.sessie, na, tot, vanaf=vanaf, per=PER):
        buffer.append(rij)
        if len(buffer) >= PER:
            yield from leeg()
    yield from leeg()


def _uit_audit(ctx: Context, na: int, tot: int, vanaf: dt.datetime | None) -> list[Gebeurtenis]:
    records = [
        a
        for a in logopslag.audit_na(
            ctx.sessie, na, tot, resultaten=sorted(WEIGERINGEN), actie_bevat=EXPORTWOORD
        )
        if vanaf is None or a.tijd >= vanaf
    ]
    exports = [a.trace_id for a in records if EXPORTWOORD in a.actie]
    aantallen = logopslag.betrokkenen_per_trace(ctx.sessie, exports)
    uit = []
    for a in records:
        export = EXPORTWOORD in a.actie and a.resultaat not in WEIGERINGEN
        if a.gebruiker_id is None:
            continue
        uit.append(
            Gebeurtenis(
                tijd=a.tijd,
                gebruiker_id=a.gebruiker_id,
                organisatie_id=a.organisatie_id,
                soort=Soort.EXPORT if export else Soort.WEIGERING,
                handeling=a.actie,
                audit_id=a.id,
                aantal=aantallen.get(a.trace_id, 0) if export else 1,
            )
        )
    return uit


def _tijd(g: Gebeurtenis) -> dt.datetime:
    return g.tijd if g.tijd.tzinfo else g.tijd.replace(tzinfo=dt.UTC)


def controleer(
    ctx: Context, *, vanaf: dt.date | None = None, voortgang: Voortgang | None = None
) -> Controle:
    """Run every rule over what is new since the last run; alerts go to the privacy officer
    of the user concerned. `vanaf` skips what is older (a first run on an old log)."""
    cursor = opslag.cursor(ctx.sessie)
    if vanaf is not None and cursor.toestand:
        # Later runs start at the cursor; skipping lines then would leave them unexamined.
        raise Conflict("de controle liep al eerder; een begindatum geldt alleen voor de eerste")
    # Where this run stops is fixed first: what is written meanwhile is for the next run.
    # Log lines become visible in order (appends hold the chain head's lock); audit records do
    # not, so only those written a while ago are taken and a slow transaction waits a run.
    tot = logopslag.aantal_regels(ctx.sessie)
    laatste_audit = logopslag.laatste_audit_id(ctx.sessie, tot=ctx.nu() - AUDIT_RUST)
    begin = dt.datetime.combine(vanaf, dt.time.min, tzinfo=dt.UTC) if vanaf is not None else None
    detector = regelset().detector()
    detector.herstel(cursor.toestand)
    o = _omstandigheden(ctx)
    audit = _uit_audit(ctx, cursor.audit_id, laatste_audit, begin)
    stroom = _uit_logboek(ctx, cursor.volgnummer, tot, begin, voortgang)
    treffers: list[Treffer] = []
    nieuw = 0
    for g in heapq.merge(stroom, audit, key=_tijd):
        treffers += detector.bekijk(g, o)
        if len(treffers) >= 500:  # stored as they come: a noisy log must not fill memory
            nieuw += opslag.bewaar_meldingen(ctx.sessie, [als_rij(t) for t in treffers])
            treffers.clear()
    nieuw += opslag.bewaar_meldingen(ctx.sessie, [als_rij(t) for t in treffers])
    regels = max(0, tot - cursor.volgnummer)
    hoogste = max(tot, cursor.volgnummer)
    cursor.volgnummer, cursor.audit_id = hoogste, max(cursor.audit_id, laatste_audit)
    cursor.toestand, cursor.bijgewerkt_op = detector.toestand(), ctx.nu()
    ctx.log(
        [
            ctx.verwerking(
                None,
                naam="integriteitscontrole",
                grondslag=GRONDSLAG,
                doel="integriteitstoezicht",
                verstrekker=None,
                ontvanger=None,
                categorieen=("logboek",),
            )
        ]
    )
    ctx.audit(
        "integriteitscontrole",
        regels=regels,
        auditregels=len(audit),
        meldingen=nieuw,
        tot=hoogste,
    )
    return Controle(regels, len(audit), nieuw, hoogste)
