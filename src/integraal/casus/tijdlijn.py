# SPDX-License-Identifier: EUPL-1.2
"""A case's timeline: what happened when and by which organisation, from the case's own records.

It names organisations and kinds of subject, never persons: the members already see the
subjects above it, and a timeline that repeated names would be a second, unfiltered read.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from integraal.domein.casus import MAATREGELEN, UITKOMSTEN, DeelverzoekStatus
from integraal.domein.labels import schema_label
from integraal.domein.tekst import euro
from integraal.opslag.modellen import (
    Advies,
    Casus,
    CasusSubject,
    Deelverzoek,
    Gebeurtenis,
    Signaal,
)

_MAATREGEL_LABELS = {k: v for soort in MAATREGELEN.values() for k, v in soort.items()}


@dataclass(frozen=True)
class Moment:
    tijd: dt.datetime
    wat: str
    wie: str


def _interventie(g: Gebeurtenis) -> str:
    d = g.gegevens
    maatregel = _MAATREGEL_LABELS.get(str(d.get("maatregel")), str(d.get("maatregel")))
    afloop = "afgerond" if g.soort == "interventie_afgerond" else "gestaakt"
    tekst = f"Interventie {afloop}: {maatregel}"
    if d.get("uitkomst"):
        tekst += f" — {UITKOMSTEN.get(str(d['uitkomst']), str(d['uitkomst']))}"
    centen = d.get("bedrag_centen")
    if isinstance(centen, int):
        tekst += f" ({euro(centen)})"
    return tekst


def bouw_tijdlijn(
    casus: Casus,
    signalen: Sequence[Signaal],
    subjecten: Sequence[CasusSubject],
    deelverzoeken: Sequence[Deelverzoek],
    advies: Advies | None,
    gebeurtenissen: Sequence[Gebeurtenis],
    antwoorden: Mapping[str, dt.datetime],
) -> list[Moment]:
    """Oldest first, so the page reads as the story of the case."""
    m: list[Moment] = []
    for s in signalen:
        m.append(Moment(s.aangemaakt_op, f"Signaal {s.id} ontvangen", s.organisatie_id or "melder"))
    m.append(Moment(casus.aangemaakt_op, "Casus geopend", casus.verband_id))
    for cs in subjecten:
        m.append(
            Moment(
                cs.toegevoegd_op, f"Subject gekoppeld ({schema_label(cs.schema)})", casus.verband_id
            )
        )
    for d in deelverzoeken:
        cats = ", ".join(d.categorieen)
        m.append(
            Moment(
                d.aangevraagd_op, f"Deelverzoek aan {d.verstrekker_id} ({cats})", casus.verband_id
            )
        )
        if d.status == DeelverzoekStatus.GEWEIGERD.value:
            m.append(Moment(d.aangevraagd_op, "Deelverzoek geweigerd door de deelregels", "—"))
        if d.beoordeeld_op is not None:
            oordeel = (
                "afgewezen" if d.status == DeelverzoekStatus.AFGEWEZEN.value else "goedgekeurd"
            )
            m.append(Moment(d.beoordeeld_op, f"Deelverzoek {oordeel}", d.verstrekker_id))
        if d.id in antwoorden:
            m.append(Moment(antwoorden[d.id], "Deelverzoek beantwoord", d.verstrekker_id))
    if advies is not None and advies.vastgesteld_op is not None:
        m.append(Moment(advies.vastgesteld_op, "Handhavingsadvies vastgesteld", casus.verband_id))
    for g in gebeurtenissen:
        if g.soort.startswith("interventie_"):
            m.append(Moment(g.tijd, _interventie(g), g.organisatie_id or "—"))
    if casus.gesloten_op is not None:
        m.append(Moment(casus.gesloten_op, f"Casus gesloten: {casus.sluitreden}", casus.verband_id))
    return sorted(m, key=lambda x: x.tijd)
