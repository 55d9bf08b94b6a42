# SPDX-License-Identifier: EUPL-1.2
"""Motions and commitments: the records read from an appendix, reviewed by a policy officer,
with the Kamer's status, our own execution status, a linked measure and a deadline."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from integraal.domein.actor import Actor
from integraal.domein.fouten import OngeldigeInvoer
from integraal.domein.monitor import UITVOERING_LABELS, Soort, TKStatus, Uitvoering
from integraal.domein.verwijzingen import vind
from integraal.monitor.toegang import leg_vast, mag_bewerken
from integraal.opslag import monitor as opslag
from integraal.opslag.db import Sessie
from integraal.opslag.modellen import Kameropdracht


@dataclass(frozen=True)
class OpdrachtBeeld:
    id: int
    soort: Soort
    thema: str
    onderdeel: str | None
    onderwerp: str
    leden: list[dict[str, str | None]]
    cum_suis: bool
    nummer: str | None
    verwijzing: str | None
    verwijzing_url: str | None
    tk_status: TKStatus
    uitvoering: Uitvoering | None
    status_reden: str
    stand: str
    termijn: dt.date | None
    maatregel_id: int | None
    beoordeeld: bool
    tk_ingetrokken: bool = False  # the Kamer has withdrawn the record in its open data

    @property
    def indieners(self) -> str:
        namen = [
            f"{lid['naam']} ({lid['partij']})" if lid.get("partij") else str(lid["naam"])
            for lid in self.leden
        ]
        return ", ".join(namen) + (" c.s." if self.cum_suis else "")

    @property
    def uitvoering_label(self) -> str:
        return UITVOERING_LABELS[self.uitvoering] if self.uitvoering else ""

    @property
    def verlopen(self) -> bool:
        return (
            self.termijn is not None
            and self.termijn < dt.date.today()
            and self.tk_status is TKStatus.OPENSTAAND
        )


def _beeld(o: Kameropdracht) -> OpdrachtBeeld:
    url = None
    if o.verwijzing:
        gevonden = list(vind(o.verwijzing))
        url = gevonden[0].url if gevonden else None
    return OpdrachtBeeld(
        id=o.id,
        soort=Soort(o.soort),
        thema=o.thema,
        onderdeel=o.onderdeel,
        onderwerp=o.onderwerp,
        leden=list(o.leden),
        cum_suis=o.cum_suis,
        nummer=o.nummer,
        verwijzing=o.verwijzing,
        verwijzing_url=url,
        tk_status=TKStatus(o.tk_status),
        uitvoering=Uitvoering(o.uitvoering) if o.uitvoering else None,
        status_reden=o.status_reden,
        stand=o.stand,
        termijn=o.termijn,
        maatregel_id=o.maatregel_id,
        beoordeeld=o.beoordeeld_op is not None,
        tk_ingetrokken=o.tk_verwijderd,
    )


def lijst(sessie: Sessie) -> list[OpdrachtBeeld]:
    return [_beeld(o) for o in opslag.opdrachten(sessie)]


def een(sessie: Sessie, opdracht_id: int) -> OpdrachtBeeld:
    o = opslag.opdracht(sessie, opdracht_id)
    if o is None:
        raise OngeldigeInvoer({"opdracht": "deze motie of toezegging bestaat niet"})
    return _beeld(o)


def beoordeel(
    sessie: Sessie,
    actor: Actor,
    opdracht_id: int,
    *,
    tk_status: str,
    uitvoering: str | None = None,
    maatregel_id: int | None = None,
    termijn: dt.date | None = None,
    nummer: str | None = None,
    verwijzing: str | None = None,
) -> None:
    """A policy officer confirms or corrects a record; from then on it counts as reviewed."""
    mag_bewerken(actor)
    o = opslag.opdracht(sessie, opdracht_id)
    if o is None:
        raise OngeldigeInvoer({"opdracht": "deze motie of toezegging bestaat niet"})
    fouten: dict[str, str] = {}
    try:
        status = TKStatus.lees(tk_status)
    except ValueError:
        fouten["tk_status"] = "kies een status van de Tweede Kamer"
    uitv: Uitvoering | None = None
    if uitvoering:
        if o.soort != Soort.MOTIE.value:
            fouten["uitvoering"] = "een uitvoeringsstatus hoort bij een motie"
        else:
            try:
                uitv = Uitvoering(uitvoering)
            except ValueError:
                fouten["uitvoering"] = "kies een bestaande uitvoeringsstatus"
    if maatregel_id is not None and opslag.maatregel(sessie, maatregel_id) is None:
        fouten["maatregel"] = "deze maatregel bestaat niet"
    if verwijzing and not list(vind(verwijzing)):
        fouten["verwijzing"] = (
            "schrijf de vindplaats zoals ‘Kamerstuk 29 911, nr. 337’ of "
            "‘Kamerstukken 2024–2025, 36 600 VI, nr. 32’"
        )
    if fouten:
        raise OngeldigeInvoer(fouten)
    o.tk_status = status.value
    o.uitvoering = uitv.value if uitv else (o.uitvoering if o.soort == Soort.MOTIE.value else None)
    o.maatregel_id = maatregel_id
    o.termijn = termijn
    o.nummer = nummer or o.nummer
    o.verwijzing = verwijzing or o.verwijzing
    nu = dt.datetime.now(dt.UTC)
    o.beoordeeld_door, o.beoordeeld_op, o.bijgewerkt_op = actor.gebruiker_id, nu, nu
    leg_vast(sessie, actor, "motie of toezegging beoordelen", opdracht=o.id, status=status.value)


KOLOMMEN = (
    "thema",
    "onderdeel",
    "soort",
    "onderwerp",
    "indieners",
    "vindplaats",
    "status Tweede Kamer",
    "uitvoering",
    "termijn",
    "beoordeeld",
    "ingetrokken door de Kamer",
)


def rijen(lijst_: list[OpdrachtBeeld]) -> list[list[object]]:
    return [
        [
            o.thema,
            o.onderdeel or "",
            o.soort.value,
            o.onderwerp,
            o.indieners,
            o.verwijzing or "",
            o.tk_status.value,
            o.uitvoering_label,
            o.termijn.isoformat() if o.termijn else "",
            "ja" if o.beoordeeld else "nee",
            "ja" if o.tk_ingetrokken else "nee",
        ]
        for o in lijst_
    ]
