# SPDX-License-Identifier: EUPL-1.2
"""A case's timeline: what happened when and by which organisation, from the case's own records.

It names organisations and kinds of subject, never persons: the members already see the
subjects above it, and a timeline that repeated names would be a second, unfiltered read.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence

from integraal.delen import Beslisser
from integraal.domein.casus import MAATREGELEN, DeelverzoekStatus, Uitkomst
from integraal.domein.invoer import Uitvoer
from integraal.domein.labels import schema_label
from integraal.domein.tekst import euro
from integraal.opslag.modellen import Advies, Casus, Deelverzoek, Gebeurtenis, Signaal
from integraal.toegang.subjecten import Subject

_MAATREGEL_LABELS = {k: v for soort in MAATREGELEN.values() for k, v in soort.items()}


class Moment(Uitvoer):
    tijd: dt.datetime
    wat: str
    wie: str | None  # the organisation that acted (an id; pages show its name)


def _interventie(g: Gebeurtenis) -> str:
    d = g.gegevens
    maatregel = _MAATREGEL_LABELS.get(str(d.get("maatregel")), "maatregel")
    afloop = "afgerond" if g.soort == "interventie_afgerond" else "gestaakt"
    tekst = f"Interventie {afloop}: {maatregel}"
    if d.get("uitkomst"):
        tekst += f" — {Uitkomst(str(d['uitkomst'])).label.lower()}"
    centen = d.get("bedrag_centen")
    if isinstance(centen, int):
        tekst += f" ({euro(centen)})"
    return tekst


def bouw_tijdlijn(
    beslisser: Beslisser,
    casus: Casus,
    signalen: Sequence[Signaal],
    subjecten: Sequence[Subject],
    deelverzoeken: Sequence[Deelverzoek],
    advies: Advies | None,
    gebeurtenissen: Sequence[Gebeurtenis],
    antwoorden: Mapping[str, dt.datetime],
) -> list[Moment]:
    """Oldest first, so the page reads as the story of the case."""

    naam = beslisser.register.naam
    werkwijze = beslisser.register.werkwijze(casus.verband_id)
    vorm = werkwijze.advies if werkwijze else None

    def categorie(code: str) -> str:
        cat = beslisser.catalogus.categorieen.get(code)
        return cat.label.lower() if cat else code

    m: list[Moment] = []
    for s in signalen:
        m.append(
            Moment(tijd=s.aangemaakt_op, wat=f"Signaal {s.id} ontvangen", wie=s.organisatie_id)
        )
    m.append(Moment(tijd=casus.aangemaakt_op, wat="Casus geopend", wie=casus.verband_id))
    for cs in subjecten:
        m.append(
            Moment(
                tijd=cs.toegevoegd_op,
                wat=f"Subject gekoppeld ({schema_label(cs.schema).lower()})",
                wie=casus.verband_id,
            )
        )
    for d in deelverzoeken:
        cats = ", ".join(categorie(c) for c in d.categorieen)
        m.append(
            Moment(
                tijd=d.aangevraagd_op,
                wat=f"Gegevens gevraagd aan {naam(d.verstrekker_id)}: {cats}",
                wie=casus.verband_id,
            )
        )
        if d.status == DeelverzoekStatus.GEWEIGERD.value:
            m.append(
                Moment(tijd=d.aangevraagd_op, wat="Verzoek geweigerd door de deelregels", wie=None)
            )
        if d.beoordeeld_op is not None:
            oordeel = (
                "afgewezen" if d.status == DeelverzoekStatus.AFGEWEZEN.value else "goedgekeurd"
            )
            m.append(Moment(tijd=d.beoordeeld_op, wat=f"Verzoek {oordeel}", wie=d.verstrekker_id))
        if d.id in antwoorden:
            m.append(Moment(tijd=antwoorden[d.id], wat="Verzoek beantwoord", wie=d.verstrekker_id))
    if advies is not None and advies.vastgesteld_op is not None:
        m.append(
            Moment(
                tijd=advies.vastgesteld_op,
                wat=f"{vorm.naam if vorm else 'Advies'} vastgesteld",
                wie=casus.verband_id,
            )
        )
    for g in gebeurtenissen:
        if g.soort.startswith("interventie_"):
            m.append(Moment(tijd=g.tijd, wat=_interventie(g), wie=g.organisatie_id))
    if casus.gesloten_op is not None:
        m.append(
            Moment(
                tijd=casus.gesloten_op,
                wat=f"Casus gesloten: {casus.sluitreden}",
                wie=casus.verband_id,
            )
        )
    return sorted(m, key=lambda x: x.tijd)
