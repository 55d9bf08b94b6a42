# SPDX-License-Identifier: EUPL-1.2
"""Chain events (research A5): appended once, put in the outbox of each organisation involved."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any

from integraal.domein.beslag import BeslagStatus
from integraal.opslag import beheer
from integraal.opslag.modellen import Beslaggebeurtenis, Beslagobject, Uitbak
from integraal.toegang.beslag import betrokken
from integraal.verwerking import Context

S = BeslagStatus
GEBEURTENIS_BIJ_STATUS: dict[BeslagStatus, str] = {
    S.GEHANDHAAFD: "Gehandhaafd",
    S.IN_BEWARING: "Beheerbeslissing",
    S.AFSTAND: "AfstandGedaan",
    S.VOORNEMEN_TERUGGAVE_DERDE: "VoornemenTeruggaveDerde",
    S.VERVREEMD: "Vervreemd",
    S.VERBEURDVERKLAARD: "Verbeurdverklaard",
    S.ONTTROKKEN: "Onttrokken",
    S.VERKOCHT: "Verkocht",
    S.VERNIETIGD: "Vernietigd",
    S.HERBESTEMD: "HerbestemdMaHer",
    S.TERUGGEGEVEN: "Teruggegeven",
}

GEBEURTENIS_LABELS: dict[str, str] = {
    "BeslagGelegd": "Beslag gelegd",
    "Gehandhaafd": "Beslag gehandhaafd",
    "Beheerbeslissing": "Beheerbeslissing: in bewaring",
    "AfstandGedaan": "Afstand gedaan",
    "VoornemenTeruggaveDerde": "Voornemen teruggave aan derde",
    "Vervreemd": "Vervreemd (opbrengst onder beslag)",
    "Verbeurdverklaard": "Verbeurdverklaard",
    "Onttrokken": "Onttrokken aan het verkeer",
    "Verkocht": "Verkocht",
    "Vernietigd": "Vernietigd",
    "HerbestemdMaHer": "Maatschappelijk herbestemd",
    "Teruggegeven": "Teruggegeven",
    "MachtigingVerzocht": "Machtiging verzocht (art. 117 Sv)",
    "KlaagschriftIngediend": "Klaagschrift ingediend",
    "BeschikkingBeklag": "Beschikking op het klaagschrift",
    "WaardeVastgesteld": "Waarde vastgesteld",
    "CryptoGeconverteerd": "Omgerekend in euro tegen de dagkoers",
    "OpbrengstOntvangen": "Opbrengst ontvangen",
    "OmgezetConservatoir": "Omgezet in conservatoir beslag (art. 94a Sv)",
    "Herbeoordeeld": "Bewaring herbeoordeeld (F3)",
}


def leg_vast(
    ctx: Context,
    obj: Beslagobject,
    soort: str,
    *,
    tijd: dt.date,
    van_status: str | None = None,
    naar_status: str | None = None,
    grondslag: str | None = None,
    document: str | None = None,
    ontvangers: Iterable[str] | None = None,
    **gegevens: Any,
) -> Beslaggebeurtenis:
    """Append the event and one outbox row per recipient (by default every organisation
    involved in the object), in the caller's transaction."""
    g = Beslaggebeurtenis(
        object_id=obj.id,
        soort=soort,
        tijd=tijd,
        organisatie_id=ctx.actor.organisatie_id if ctx.actor else None,
        gebruiker_id=ctx.actor.gebruiker_id if ctx.actor else None,
        van_status=van_status,
        naar_status=naar_status,
        grondslag=grondslag,
        document=document or None,
        gegevens=dict(gegevens),
    )
    beheer.bewaar(ctx.sessie, g)
    beheer.bewaar(
        ctx.sessie,
        *(
            Uitbak(ontvanger_id=o, gebeurtenis_id=g.id)
            for o in sorted(set(betrokken(obj) if ontvangers is None else ontvangers))
        ),
    )
    return g
