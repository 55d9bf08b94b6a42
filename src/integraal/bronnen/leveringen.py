# SPDX-License-Identifier: EUPL-1.2
"""Deliveries as the faces see them: the input (agreement, case, file), the answer, the list.

The import engine (`importeren`) decides, converts and stores; this module checks the input
the way every face does, so the web form, the API and the CLI give the same Dutch messages.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import ClassVar

from integraal.bronnen import afspraken as afspraken_in_werking
from integraal.bronnen.importeren import (
    Aanbod,
    Importresultaat,
    Voortgang,
    bied_aan,
    verwerk,
)
from integraal.bronnen.lezers import (
    Inhoud,
    OnleesbaarBestand,
    controleer_xlsx,
    formaat_van,
    grootte,
    open_inhoud,
)
from integraal.bronnen.mapping import Mapping
from integraal.domein.actor import Actor
from integraal.domein.casus import DeelverzoekStatus
from integraal.domein.fouten import NietGevonden, OngeldigeInvoer
from integraal.domein.invoer import Invoer, OptioneleTekst, Uitvoer, veld
from integraal.domein.keuze import Keuze
from integraal.domein.rollen import Rol
from integraal.domein.tekst import zin
from integraal.opslag import beheer, casussen
from integraal.opslag import leveringen as opslag
from integraal.opslag.modellen import Levering
from integraal.verwerking import Context, Contextmaker, Kanaal

# Larger files are split by the partner: one transaction per delivery keeps "all or nothing".
MAX_BESTAND = 100 * 1024 * 1024


class Leveringstatus(Keuze):
    IN_BEHANDELING = "in_behandeling", "Wordt verwerkt"
    VERWERKT = "verwerkt", "Verwerkt"
    GEWEIGERD = "geweigerd", "Geweigerd"
    MISLUKT = "mislukt", "Mislukt"


class LeveringIn(Invoer):
    mapping: str = veld(
        "Leveringsafspraak",
        hint="De afspraak bepaalt welke kolommen u levert, aan wie en met welk doel.",
        max_length=80,
    )
    casus_id: OptioneleTekst = veld(
        "Casus",
        hint="Persoonsgegevens gaan alleen naar een RIEC binnen een casus met vastgelegde "
        "aanwijzingen.",
        standaard=None,
        max_length=40,
    )

    meldingen: ClassVar[dict[str, str]] = {
        "mapping": "Kies een leveringsafspraak.",
        "casus_id": "Kies een casus uit de lijst of laat het veld leeg.",
    }


@dataclass(frozen=True)
class Bestand:
    """The uploaded file as the faces received it."""

    naam: str
    inhoud: Inhoud  # a file on disk (web, API, CLI) or bytes (tests)


class RijFout(Uitvoer):
    rij: int
    kolom: str | None
    reden: str


class LeveringUit(Uitvoer):
    id: str
    partner: str
    ontvanger: str
    mapping: str
    afspraak: str
    casus_id: str | None
    bestandsnaam: str
    formaat: str
    status: Leveringstatus
    rijen_totaal: int
    rijen_goed: int
    rijen_fout: int
    entiteiten: int
    fouten: list[RijFout]
    melding: str | None
    ontvangen_op: dt.datetime
    verwerkt_op: dt.datetime | None
    al_ontvangen: bool = False
    # While it is processed: rows read so far, against the estimate made on receipt.
    rijen_gelezen: int | None = None
    rijen_geschat: int | None = None
    # The version of the delivery mapping it was read with (None before versions existed).
    mapping_versie: int | None = None

    @classmethod
    def van(cls, lev: Levering, titels: dict[str, str], al_ontvangen: bool = False) -> LeveringUit:
        return cls(
            id=lev.id,
            partner=lev.partner_id,
            ontvanger=lev.ontvanger_id,
            mapping=lev.mapping,
            afspraak=titels.get(lev.mapping, "Leveringsafspraak"),
            mapping_versie=lev.mapping_versie,
            casus_id=lev.casus_id,
            bestandsnaam=lev.bestandsnaam,
            formaat=lev.formaat,
            status=Leveringstatus(lev.status),
            rijen_totaal=lev.rijen_totaal,
            rijen_goed=lev.rijen_goed,
            rijen_fout=lev.rijen_fout,
            entiteiten=lev.entiteiten,
            fouten=[RijFout.model_validate(f) for f in lev.fouten],
            melding=lev.melding,
            ontvangen_op=lev.ontvangen_op,
            verwerkt_op=lev.verwerkt_op,
            al_ontvangen=al_ontvangen,
            rijen_gelezen=lev.rijen_gelezen,
            rijen_geschat=lev.rijen_geschat,
        )


class AfspraakUit(Uitvoer):
    naam: str
    titel: str
    ontvanger: str
    doel: str


@dataclass(frozen=True)
class Casuskeuze:
    casus_id: str
    toelichting: str


def afspraken(ctx: Context) -> list[AfspraakUit]:
    """The delivery agreements the reader's organisation delivers under."""
    return [
        AfspraakUit(naam=m.naam, titel=m.titel, ontvanger=m.ontvanger, doel=m.doel)
        for m in (a.mapping for a in afspraken_in_werking.geldend(ctx.sessie).values())
        if m.partner == ctx.ik.organisatie_id
    ]


def casuskeuzes(ctx: Context) -> list[Casuskeuze]:
    """Cases a delivery of the reader's organisation can be for: those that asked it for data
    and those the reader works on. Other case numbers are not offered (nor secret)."""
    ik = ctx.ik
    keuzes: dict[str, str] = {}
    for dv in casussen.deelverzoeken_voor_verstrekker(
        ctx.sessie,
        ik.organisatie_id,
        [
            DeelverzoekStatus.GOEDGEKEURD.value,
            DeelverzoekStatus.WACHT_OP_GOEDKEURING.value,
            DeelverzoekStatus.BEANTWOORD.value,
        ],
    ):
        c = beheer.casus(ctx.sessie, dv.casus_id)
        if c is None or c.status != "open":
            continue  # a closed case takes no more deliveries; the rules would refuse it
        status = DeelverzoekStatus(dv.status).label.lower()
        keuzes.setdefault(dv.casus_id, f"gegevensverzoek {status}")
    for c in beheer.casussen_van_gebruiker(
        ctx.sessie, ik.gebruiker_id, sinds=ctx.bevestigd_sinds()
    ):
        if c.status == "open":
            keuzes.setdefault(c.id, "u werkt aan deze casus")
    return [Casuskeuze(k, v) for k, v in sorted(keuzes.items())]


def _bestandsfout(bestand: Bestand) -> str | None:
    n = grootte(bestand.inhoud)
    if not bestand.naam and not n:
        return "Kies het bestand dat u wilt aanleveren."
    if n > MAX_BESTAND:
        return "Het bestand is groter dan 100 MB; lever het in delen aan."
    if not n:
        return "Het bestand is leeg."
    try:
        if formaat_van(bestand.naam) == "xlsx":
            with open_inhoud(bestand.inhoud) as f:
                controleer_xlsx(f)
    except OnleesbaarBestand as exc:
        return zin(exc)
    return None


def bied_levering_aan(
    maak: Contextmaker,
    actor: Actor,
    invoer: LeveringIn,
    bestand: Bestand,
    *,
    kanaal: Kanaal,
    mapping: Mapping | None = None,
) -> Aanbod | Importresultaat:
    """Check the input, decide and register (phase 1). `mapping` is the CLI's own YAML.
    Every problem with the input is reported at once; a delivery under another partner's
    agreement is refused (by `bied_aan`, which names the partner)."""
    m = mapping
    if m is None:
        with maak(actor, kanaal, lezen=True) as ctx:
            geldend = afspraken_in_werking.afspraak(ctx.sessie, invoer.mapping)
        m = geldend.mapping if geldend is not None else None
    fouten: dict[str, str] = {}
    if m is None:
        fouten["mapping"] = "Kies een leveringsafspraak van uw organisatie."
    if (fout := _bestandsfout(bestand)) is not None:
        fouten["bestand"] = fout
    if fouten or m is None:
        raise OngeldigeInvoer(fouten)
    try:
        return bied_aan(
            maak,
            actor,
            m,
            bestand.naam or "levering",
            bestand.inhoud,
            casus_id=invoer.casus_id,
            kanaal=kanaal,
        )
    except OnleesbaarBestand as exc:
        raise OngeldigeInvoer({"bestand": f"Het bestand is niet te verwerken: {exc}."}) from exc


def lever(
    maak: Contextmaker,
    actor: Actor,
    invoer: LeveringIn,
    bestand: Bestand,
    *,
    kanaal: Kanaal,
    mapping: Mapping | None = None,
    voortgang: Voortgang | None = None,
) -> Importresultaat:
    """Offer and process in one go (API, CLI); the web runs phase 2 in the background."""
    aanbod = bied_levering_aan(maak, actor, invoer, bestand, kanaal=kanaal, mapping=mapping)
    if isinstance(aanbod, Importresultaat):
        return aanbod
    return verwerk(maak, aanbod, voortgang=voortgang)


def _mag_zien(actor: Actor, lev: Levering) -> bool:
    # Delivery metadata (counts, row errors without values) is for the two parties and admins.
    return actor.organisatie_id in (lev.partner_id, lev.ontvanger_id) or (
        actor.rol is Rol.FUNCTIONEEL_BEHEERDER
    )


def lijst(ctx: Context) -> list[LeveringUit]:
    ik = ctx.ik
    alle = opslag.lijst_leveringen(
        ctx.sessie, None if ik.rol is Rol.FUNCTIONEEL_BEHEERDER else [ik.organisatie_id]
    )
    titels = afspraken_in_werking.titels(ctx.sessie)
    return [LeveringUit.van(lev, titels) for lev in alle]


def lees(ctx: Context, levering_id: str, *, al_ontvangen: bool = False) -> LeveringUit:
    lev = opslag.haal_levering(ctx.sessie, levering_id)
    if lev is None or not _mag_zien(ctx.ik, lev):
        raise NietGevonden("Deze levering bestaat niet of is niet van uw organisatie.")
    return LeveringUit.van(lev, afspraken_in_werking.titels(ctx.sessie), al_ontvangen)
