# SPDX-License-Identifier: EUPL-1.2
"""Yearly seizure figures from the registrations, as known on a peildatum (no personal data)."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Sequence
from typing import ClassVar, Literal

from integraal.domein.beslag import BeslagStatus, Grond, ObjectSoort
from integraal.domein.beslagcijfers import (
    Beslagfeit,
    Methode,
    Statusfeit,
    Waardering,
    beslagwaarde,
    geind,
    naijl,
    teruggegeven,
    vorderingen_eenmaal,
)
from integraal.domein.fouten import OngeldigeInvoer
from integraal.domein.invoer import Cijferjaar, Datum, Invoer, Uitvoer, veld
from integraal.export import tabel
from integraal.opslag import beslagfeiten as opslag
from integraal.opslag.db import Sessie
from integraal.verwerking import Context


def feiten(sessie: Sessie) -> list[Beslagfeit]:
    waarderingen: dict[str, list[Waardering]] = defaultdict(list)
    for w in opslag.alle_waarderingen(sessie):
        waarderingen[w.object_id].append(
            Waardering(w.bedrag_centen, Methode(w.methode), w.geregistreerd_op)
        )
    statussen: dict[str, list[Statusfeit]] = defaultdict(list)
    for g in opslag.alle_statusgebeurtenissen(sessie):
        assert g.naar_status is not None
        statussen[g.object_id].append(
            Statusfeit(BeslagStatus(g.naar_status), g.tijd, g.geregistreerd_op)
        )
    return [
        Beslagfeit(
            id=o.id,
            dedup_sleutel=o.dedup_sleutel,
            soort=ObjectSoort(o.soort),
            beslagen_op=o.beslagen_op,
            geregistreerd_op=o.geregistreerd_op,
            rechtshulp=o.rechtshulp,
            conservatoir=Grond(o.grond).conservatoir,
            waarderingen=tuple(waarderingen[o.id]),
            statussen=tuple(statussen[o.id]),
        )
        for o in opslag.objectfeiten(sessie)
    ]


class Jaarcijfer(Uitvoer):
    jaar: int
    peildatum: dt.datetime
    eigen_centen: int
    eigen_aantal: int
    rechtshulp_centen: int
    klassiek_centen: int
    conservatoir_centen: int
    laat_centen: int
    geind_centen: int
    teruggegeven_centen: int
    betaald_centen: int  # payments on claims received by the CJIB
    vorderingen_centen: int  # claims of dossiers opened that year, joint claims once


def jaarcijfers(
    sessie: Sessie, jaren: Sequence[int], peildatum: dt.datetime | None = None
) -> list[Jaarcijfer]:
    """Per year: own seizures (the headline), foreign requests apart, classic vs conservatory,
    what was collected and returned. Without a peildatum: now."""
    alle = feiten(sessie)
    peil = peildatum or dt.datetime.now(dt.UTC)
    betalingen = [b for b in opslag.betalingen(sessie) if b.geregistreerd_op <= peil]
    dossiers = [d for d in opslag.vorderingen(sessie) if d.aangemaakt_op <= peil]
    hoofdelijk = [(m.dossier_id, m.ander_id) for m in opslag.alle_medeschuldenaren(sessie)]
    uit = []
    for j in jaren:
        eigen = beslagwaarde(alle, j, peil)
        vorderingen = {
            d.dossier_id: d.vordering_centen
            for d in dossiers
            if d.vordering_centen is not None and d.aangemaakt_op.year == j
        }
        uit.append(
            Jaarcijfer(
                jaar=j,
                peildatum=peil,
                eigen_centen=eigen.bedrag_centen,
                eigen_aantal=eigen.aantal,
                rechtshulp_centen=beslagwaarde(alle, j, peil, rechtshulp=True).bedrag_centen,
                klassiek_centen=beslagwaarde(alle, j, peil, conservatoir=False).bedrag_centen,
                conservatoir_centen=beslagwaarde(alle, j, peil, conservatoir=True).bedrag_centen,
                laat_centen=eigen.laat_centen,
                geind_centen=geind(alle, j, peil).bedrag_centen,
                teruggegeven_centen=teruggegeven(alle, j, peil).bedrag_centen,
                betaald_centen=sum(b.bedrag_centen for b in betalingen if b.ontvangen_op.year == j),
                vorderingen_centen=vorderingen_eenmaal(vorderingen, hoofdelijk),
            )
        )
    return uit


def _maandeinde(jaar: int, maand: int) -> dt.datetime:
    """The last second of a month; months past December run into the next years."""
    jaar, maand = jaar + (maand - 1) // 12, (maand - 1) % 12 + 1
    volgende = dt.datetime(jaar + maand // 12, maand % 12 + 1, 1, tzinfo=dt.UTC)
    return volgende - dt.timedelta(seconds=1)


def naijlreeks(
    sessie: Sessie, jaar: int, nu: dt.datetime, peildata: Sequence[dt.datetime] | None = None
) -> list[tuple[dt.datetime, int]]:
    """The figure for one year on its first peildatum and each quarter after, up to `nu`."""
    if peildata is None:
        peildata = [p for i in range(12) if (p := _maandeinde(jaar + 1, 1 + 3 * i)) <= nu]
        peildata.append(nu)
    return [(p, c.bedrag_centen) for p, c in naijl(feiten(sessie), jaar, peildata)]


KOLOMMEN = (
    "Jaar",
    "Peildatum",
    "Beslagwaarde eigen beslag (euro)",
    "Aantal beslagen",
    "Op rechtshulpverzoek (euro)",
    "Klassiek beslag (euro)",
    "Conservatoir beslag (euro)",
    "Waarvan laat geregistreerd (euro)",
    "Geïnd (euro)",
    "Teruggegeven (euro)",
    "Betaald op vorderingen (euro)",
    "Vorderingen (euro)",
)


def rijen(lijst: Sequence[Jaarcijfer]) -> list[list[object]]:
    """Rows for an export: euro amounts as numbers, so a spreadsheet can add them up."""
    return [
        [
            j.jaar,
            f"{j.peildatum:%d-%m-%Y}",
            j.eigen_centen / 100,
            j.eigen_aantal,
            j.rechtshulp_centen / 100,
            j.klassiek_centen / 100,
            j.conservatoir_centen / 100,
            j.laat_centen / 100,
            j.geind_centen / 100,
            j.teruggegeven_centen / 100,
            j.betaald_centen / 100,
            j.vorderingen_centen / 100,
        ]
        for j in lijst
    ]


# --- The faces' entry points ------------------------------------------------------------------


class Cijfervraag(Invoer):
    jaar: list[Cijferjaar] = veld(
        "Jaren", hint="Leeg: de laatste vijf jaar.", standaard=[], max_length=30
    )
    peildatum: Datum | None = veld(
        "Peildatum", hint="Zoals bekend op deze datum; leeg: nu.", standaard=None
    )

    def jaren(self, vandaag: dt.date) -> list[int]:
        return (
            sorted(set(self.jaar)) if self.jaar else list(range(vandaag.year - 4, vandaag.year + 1))
        )

    def peil(self) -> dt.datetime | None:
        if self.peildatum is None:
            return None
        return dt.datetime.combine(self.peildatum, dt.time(23, 59, 59), dt.UTC)


class Cijferexport(Cijfervraag):
    formaat: Literal["csv", "xlsx"] = veld("Formaat", standaard="csv")

    meldingen: ClassVar[dict[str, str]] = {"formaat": "Kies csv of xlsx."}


class NaijlUit(Uitvoer):
    peildatum: dt.datetime
    bedrag_centen: int


def lees(ctx: Context, vraag: Cijfervraag) -> list[Jaarcijfer]:
    """Aggregates only: no object or person is read."""
    return jaarcijfers(ctx.sessie, vraag.jaren(ctx.nu().date()), vraag.peil() or ctx.nu())


def na_ijlen(ctx: Context, jaar: int) -> list[NaijlUit]:
    if not 1990 <= jaar <= ctx.nu().year + 1:
        raise OngeldigeInvoer({"jaar": "Kies een jaar vanaf 1990."})
    reeks = naijlreeks(ctx.sessie, jaar, ctx.nu())
    return [NaijlUit(peildatum=p, bedrag_centen=c) for p, c in reeks]


def exporteer(ctx: Context, vraag: Cijferexport) -> bytes:
    ctx.audit(f"beslagcijfers exporteren ({vraag.formaat})")
    return tabel(KOLOMMEN, rijen(lees(ctx, vraag)), vraag.formaat)
