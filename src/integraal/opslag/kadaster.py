# SPDX-License-Identifier: EUPL-1.2
"""Kadaster messages, subscriptions and plot events, and the figures and deadlines of the
administrative instruments: plot data, counts and sums only, never a person."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from integraal.domein.bestuurlijk import LBB_TERMIJN, LBB_VERLENGING
from integraal.opslag.modellen import (
    Bestuurlijkerapportage,
    Bestuurlijkevordering,
    Bibobprocedure,
    Kadasterbericht,
    Kadastergebeurtenis,
    Perceelabonnement,
    Sluiting,
)


def berichten(sessie: Session, sluiting_id: str) -> list[Kadasterbericht]:
    return list(
        sessie.scalars(
            select(Kadasterbericht)
            .where(Kadasterbericht.sluiting_id == sluiting_id)
            .order_by(Kadasterbericht.id)
        )
    )


def abonnementen(sessie: Session, organisatie_id: str) -> list[Perceelabonnement]:
    return list(
        sessie.scalars(
            select(Perceelabonnement)
            .where(Perceelabonnement.organisatie_id == organisatie_id)
            .order_by(Perceelabonnement.perceel)
        )
    )


def abonnement(sessie: Session, organisatie_id: str, perceel: str) -> Perceelabonnement | None:
    return sessie.scalar(
        select(Perceelabonnement).where(
            Perceelabonnement.organisatie_id == organisatie_id,
            Perceelabonnement.perceel == perceel,
        )
    )


def gebeurtenis_met_kenmerk(sessie: Session, kenmerk: str) -> Kadastergebeurtenis | None:
    return sessie.scalar(select(Kadastergebeurtenis).where(Kadastergebeurtenis.kenmerk == kenmerk))


def feed(
    sessie: Session, organisatie_id: str, na: int, limiet: int
) -> list[tuple[Kadastergebeurtenis, dt.datetime]]:
    """Events on plots this party watches, after event `na`, only from when it subscribed."""
    return [
        (g, sinds)
        for g, sinds in sessie.execute(
            select(Kadastergebeurtenis, Perceelabonnement.sinds)
            .join(Perceelabonnement, Perceelabonnement.perceel == Kadastergebeurtenis.perceel)
            .where(
                Perceelabonnement.organisatie_id == organisatie_id,
                Kadastergebeurtenis.id > na,
                Kadastergebeurtenis.geregistreerd_op >= Perceelabonnement.sinds,
            )
            .order_by(Kadastergebeurtenis.id)
            .limit(limiet)
        )
    ]


# --- Figures and deadlines (counts and sums) -------------------------------------------------


@dataclass(frozen=True)
class Sluitingstelling:
    jaar: int
    buurt_code: str | None
    grond: str
    aantal: int


def sluitingen_per_buurt(sessie: Session, tot: dt.date | None = None) -> list[Sluitingstelling]:
    """Closures decided (not warnings, not withdrawn), per year of decision, area and ground."""
    rijen = sessie.execute(
        select(Sluiting.besloten_op, Sluiting.buurt_code, Sluiting.grond, func.count())
        .where(
            Sluiting.status.in_(("gesloten", "beeindigd")),
            Sluiting.besloten_op.is_not(None),
            Sluiting.besloten_op <= (tot or dt.date.max),
        )
        .group_by(Sluiting.besloten_op, Sluiting.buurt_code, Sluiting.grond)
    )
    telling: dict[tuple[int, str | None, str], int] = {}
    for dag, buurt, grond, n in rijen:
        assert dag is not None
        sleutel = (dag.year, buurt, grond)
        telling[sleutel] = telling.get(sleutel, 0) + n
    return [Sluitingstelling(j, b, g, n) for (j, b, g), n in sorted(telling.items(), key=str)]


def vorderingbedragen(
    sessie: Session, tot: dt.date
) -> list[tuple[dt.date, str, str | None, int, int, int]]:
    """Per claim not lapsed: (imposed on, kind, case, imposed or maximum, owed, paid), amounts
    only, for the monitor's sums per partnership and theme."""
    rijen = sessie.execute(
        select(
            Bestuurlijkevordering.opgelegd_op,
            Bestuurlijkevordering.soort,
            Bestuurlijkevordering.casus_id,
            Bestuurlijkevordering.bedrag_centen,
            Bestuurlijkevordering.maximum_centen,
            Bestuurlijkevordering.verschuldigd_centen,
            Bestuurlijkevordering.betaald_centen,
        ).where(
            Bestuurlijkevordering.status != "vervallen", Bestuurlijkevordering.opgelegd_op <= tot
        )
    )
    return [
        (dag, soort, casus, maximum if soort == "last_onder_dwangsom" else bedrag, schuld, betaald)
        for dag, soort, casus, bedrag, maximum, schuld, betaald in rijen
    ]


def bibob_termijnen(sessie: Session, organisatie_id: str, tot: dt.date) -> int:
    """Procedures of this body whose LBB term or hearing term ends by `tot` (a count)."""
    n = 0
    for status, gevraagd, verlengd, zienswijze_tot in sessie.execute(
        select(
            Bibobprocedure.status,
            Bibobprocedure.lbb_gevraagd_op,
            Bibobprocedure.lbb_verlengd,
            Bibobprocedure.zienswijze_tot,
        ).where(
            Bibobprocedure.organisatie_id == organisatie_id,
            Bibobprocedure.status.in_(("advies_gevraagd", "voornemen")),
        )
    ):
        if status == "advies_gevraagd" and gevraagd is not None:
            uiterst = gevraagd + LBB_TERMIJN + (LBB_VERLENGING if verlengd else dt.timedelta())
            n += uiterst <= tot
        elif status == "voornemen" and zienswijze_tot is not None:
            n += zienswijze_tot <= tot
    return n


def sluiting_termijnen(sessie: Session, organisatie_id: str, tot: dt.date) -> int:
    """Closures of this municipality that end by `tot`, or whose objection waits (a count)."""
    return (
        sessie.scalar(
            select(func.count())
            .select_from(Sluiting)
            .where(
                Sluiting.organisatie_id == organisatie_id,
                ((Sluiting.status == "gesloten") & (Sluiting.einde <= tot))
                | Sluiting.lopend_rechtsmiddel.is_not(None),
            )
        )
        or 0
    )


def rapportages_zonder_dossier(sessie: Session, organisatie_id: str) -> int:
    """Police reports the municipality received and has not opened a dossier on (a count)."""
    met_dossier = select(Sluiting.rapportage_id)
    return (
        sessie.scalar(
            select(func.count())
            .select_from(Bestuurlijkerapportage)
            .where(
                Bestuurlijkerapportage.aan_id == organisatie_id,
                Bestuurlijkerapportage.status != "geweigerd",
                Bestuurlijkerapportage.id.not_in(met_dossier),
            )
        )
        or 0
    )


def vordering_termijnen(sessie: Session, organisatie_id: str, tot: dt.date) -> int:
    """Claims whose term (compliance or payment) ends by `tot` while still open."""
    return (
        sessie.scalar(
            select(func.count())
            .select_from(Bestuurlijkevordering)
            .where(
                Bestuurlijkevordering.organisatie_id == organisatie_id,
                Bestuurlijkevordering.status.in_(("opgelegd", "verbeurd")),
                Bestuurlijkevordering.termijn_tot <= tot,
            )
        )
        or 0
    )
