# SPDX-License-Identifier: EUPL-1.2
"""The Kadaster: registering a closure as a public-law restriction (Wkpb) and withdrawing it
at the end, as outgoing messages with their status; and the subscription feed through which
subscribed parties (mortgage lenders) learn of ownership changes and restrictions on the plots
they watch, as CloudEvents like the seizure feed.

The connection is an adapter. Integraal ships the recorded-response double (`OpgenomenKadaster`)
that tests and the demo use; a live connection needs a contract with the Kadaster and is not
built (decision record 0017).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from importlib import resources
from typing import Any, ClassVar, Protocol

import yaml
from pydantic import Field

from integraal.domein.fouten import Conflict, GeenToegang, OngeldigeInvoer
from integraal.domein.invoer import Invoer, Uitvoer, veld
from integraal.domein.keuze import Keuze
from integraal.domein.tekst import zin
from integraal.opslag import beheer
from integraal.opslag import kadaster as opslag
from integraal.opslag.modellen import Kadasterbericht, Kadastergebeurtenis, Perceelabonnement
from integraal.verwerking import Context

PERCEEL = re.compile(r"^[A-Z]{3}\d{2} [A-Z]{1,2} \d{1,5}$")
BRON = "urn:integraal:kadaster"
TYPE_PREFIX = "nl.integraal.kadaster."
# Who may watch plots: mortgage lenders and notaries (our simplification of "iedere derde"
# until the Kadaster's subscription terms are known).
ABONNEE_SOORTEN = frozenset({"bank", "notaris"})


class Berichtstatus(Keuze):
    VERZONDEN = "verzonden", "Verzonden"
    INGESCHREVEN = "ingeschreven", "Ingeschreven in de openbare registers"
    AFGEWEZEN = "afgewezen", "Afgewezen door het Kadaster"
    DOORGEHAALD = "doorgehaald", "Doorgehaald (beperking vervallen)"


class Berichtsoort(Keuze):
    INSCHRIJVING = "inschrijving", "Inschrijving beperkingsbesluit"
    DOORHALING = "doorhaling", "Doorhaling beperkingsbesluit"


class Mutatiesoort(Keuze):
    EIGENDOMSOVERDRACHT = "eigendomsoverdracht", "Eigendomsoverdracht"
    HYPOTHEEKINSCHRIJVING = "hypotheekinschrijving", "Inschrijving hypotheek"
    BESLAGINSCHRIJVING = "beslaginschrijving", "Inschrijving beslag"
    BEPERKING_INGESCHREVEN = (
        "beperking_ingeschreven",
        "Publiekrechtelijke beperking ingeschreven: sluiting (Opiumwet art. 13b)",
    )
    BEPERKING_DOORGEHAALD = (
        "beperking_doorgehaald",
        "Publiekrechtelijke beperking doorgehaald: de sluiting is beëindigd of ingetrokken",
    )


def controleer_perceel(perceel: str) -> str:
    tekst = " ".join(perceel.upper().split())
    if not PERCEEL.match(tekst):
        raise ValueError(
            "een kadastrale aanduiding is gemeentecode, sectie en perceelnummer, "
            "bijvoorbeeld VBS00 A 1234"
        )
    return tekst


# --- The adapter -------------------------------------------------------------------------------


@dataclass(frozen=True)
class Antwoord:
    status: Berichtstatus
    kenmerk: str | None = None
    reden: str | None = None


@dataclass(frozen=True)
class Mutatie:
    kenmerk: str
    perceel: str
    soort: Mutatiesoort
    datum: dt.date


class KadasterAdapter(Protocol):
    def schrijf_in(self, bericht: dict[str, Any], volgnummer: int) -> Antwoord: ...

    def haal_door(self, kenmerk: str, bericht: dict[str, Any]) -> Antwoord: ...

    def mutaties(self) -> list[Mutatie]: ...


class OpgenomenKadaster:
    """Answers as the Kadaster answered in a recorded session (a YAML file): registration for
    known plots, refusal for unknown ones, withdrawal, and the recorded ownership changes."""

    def __init__(self, opname: dict[str, Any] | None = None) -> None:
        if opname is None:
            tekst = (
                resources.files("integraal.bestuurlijk")
                .joinpath("data/kadaster_opname.yaml")
                .read_text(encoding="utf-8")
            )
            opname = yaml.safe_load(tekst)
        self.opname = opname

    def schrijf_in(self, bericht: dict[str, Any], volgnummer: int) -> Antwoord:
        if bericht["perceel"] in self.opname["onbekende_percelen"]:
            return Antwoord(Berichtstatus.AFGEWEZEN, reden=self.opname["afwijzing"]["reden"])
        jaar = dt.date.fromisoformat(bericht["besluitdatum"]).year
        kenmerk = self.opname["inschrijving"]["kenmerk"].format(jaar=jaar, volgnummer=volgnummer)
        return Antwoord(Berichtstatus.INGESCHREVEN, kenmerk=kenmerk)

    def haal_door(self, kenmerk: str, bericht: dict[str, Any]) -> Antwoord:
        return Antwoord(Berichtstatus.DOORGEHAALD, kenmerk=kenmerk)

    def mutaties(self) -> list[Mutatie]:
        return [
            Mutatie(m["kenmerk"], m["perceel"], Mutatiesoort(m["soort"]), m["datum"])
            for m in self.opname.get("mutaties", [])
        ]


_ADAPTER: list[KadasterAdapter] = [OpgenomenKadaster()]


def adapter() -> KadasterAdapter:
    return _ADAPTER[0]


# --- Registration (called by the closure service, after the door decided) ---------------------


def schrijf_in(
    ctx: Context, sluiting_id: str, perceel: str, inhoud: dict[str, Any]
) -> Kadasterbericht:
    b = Kadasterbericht(
        sluiting_id=sluiting_id,
        soort=Berichtsoort.INSCHRIJVING.value,
        perceel=perceel,
        inhoud=inhoud,
        status=Berichtstatus.VERZONDEN.value,
        verzonden_op=ctx.nu(),
        antwoord={},
    )
    beheer.bewaar(ctx.sessie, b)
    antwoord = adapter().schrijf_in(inhoud, b.id)
    _verwerk(ctx, b, antwoord)
    if antwoord.status is Berichtstatus.INGESCHREVEN:
        _gebeurtenis(ctx, perceel, Mutatiesoort.BEPERKING_INGESCHREVEN, antwoord.kenmerk)
    return b


def haal_door(ctx: Context, sluiting_id: str, inhoud: dict[str, Any]) -> Kadasterbericht | None:
    """Withdraw the registration when the closure ends or is withdrawn."""
    ingeschreven = [
        b
        for b in opslag.berichten(ctx.sessie, sluiting_id)
        if b.soort == Berichtsoort.INSCHRIJVING.value
        and b.status == Berichtstatus.INGESCHREVEN.value
    ]
    if not ingeschreven:
        return None
    oud = ingeschreven[-1]
    b = Kadasterbericht(
        sluiting_id=sluiting_id,
        soort=Berichtsoort.DOORHALING.value,
        perceel=oud.perceel,
        inhoud={**inhoud, "inschrijving": oud.kenmerk},
        status=Berichtstatus.VERZONDEN.value,
        verzonden_op=ctx.nu(),
        antwoord={},
    )
    beheer.bewaar(ctx.sessie, b)
    antwoord = adapter().haal_door(oud.kenmerk or "", b.inhoud)
    _verwerk(ctx, b, antwoord)
    if antwoord.status is Berichtstatus.DOORGEHAALD:
        oud.status = Berichtstatus.DOORGEHAALD.value
        _gebeurtenis(ctx, oud.perceel, Mutatiesoort.BEPERKING_DOORGEHAALD, f"{oud.kenmerk}-D")
    return b


def _verwerk(ctx: Context, b: Kadasterbericht, a: Antwoord) -> None:
    b.status, b.kenmerk, b.beantwoord_op = a.status.value, a.kenmerk, ctx.nu()
    b.antwoord = {"status": a.status.value, "kenmerk": a.kenmerk, "reden": a.reden}


def _gebeurtenis(ctx: Context, perceel: str, soort: Mutatiesoort, kenmerk: str | None) -> None:
    beheer.bewaar(
        ctx.sessie,
        Kadastergebeurtenis(
            perceel=perceel,
            soort=soort.value,
            datum=ctx.nu().date(),
            kenmerk=kenmerk,
            geregistreerd_op=ctx.nu(),
        ),
    )


class BerichtUit(Uitvoer):
    soort: Berichtsoort
    perceel: str
    status: Berichtstatus
    kenmerk: str | None
    reden: str | None
    verzonden_op: dt.datetime


def berichten(ctx: Context, sluiting_id: str) -> list[BerichtUit]:
    return [
        BerichtUit(
            soort=Berichtsoort(b.soort),
            perceel=b.perceel,
            status=Berichtstatus(b.status),
            kenmerk=b.kenmerk,
            reden=b.antwoord.get("reden"),
            verzonden_op=b.verzonden_op,
        )
        for b in opslag.berichten(ctx.sessie, sluiting_id)
    ]


# --- Ownership changes in, subscriptions, the feed ----------------------------------------------


def haal_mutaties_op(ctx: Context) -> int:
    """Take the Kadaster's ownership changes into the feed (each once)."""
    nieuw = 0
    for m in adapter().mutaties():
        if opslag.gebeurtenis_met_kenmerk(ctx.sessie, m.kenmerk) is None:
            beheer.bewaar(
                ctx.sessie,
                Kadastergebeurtenis(
                    perceel=m.perceel,
                    soort=m.soort.value,
                    datum=m.datum,
                    kenmerk=m.kenmerk,
                    geregistreerd_op=ctx.nu(),
                ),
            )
            nieuw += 1
    ctx.audit("kadastermutaties ophalen", nieuw=nieuw)
    return nieuw


class AbonnementIn(Invoer):
    perceel: str = veld(
        "Kadastrale aanduiding",
        hint="Gemeentecode, sectie en perceelnummer, bijvoorbeeld VBS00 A 1234.",
        max_length=40,
    )

    meldingen: ClassVar[dict[str, str]] = {
        "perceel": "Vul de kadastrale aanduiding in, bijvoorbeeld VBS00 A 1234."
    }


class AbonnementUit(Uitvoer):
    perceel: str
    sinds: dt.datetime


def _abonnee(ctx: Context) -> None:
    soort = ctx.beslisser.register.zoek(ctx.ik.organisatie_id).soort
    if soort not in ABONNEE_SOORTEN:
        raise GeenToegang("alleen hypotheekverstrekkers en notarissen volgen percelen")


def abonnementen(ctx: Context) -> list[AbonnementUit]:
    _abonnee(ctx)
    return [
        AbonnementUit(perceel=a.perceel, sinds=a.sinds)
        for a in opslag.abonnementen(ctx.sessie, ctx.ik.organisatie_id)
    ]


def volg(ctx: Context, invoer: AbonnementIn) -> AbonnementUit:
    _abonnee(ctx)
    try:
        perceel = controleer_perceel(invoer.perceel)
    except ValueError as exc:
        raise OngeldigeInvoer({"perceel": zin(str(exc))}) from exc
    if opslag.abonnement(ctx.sessie, ctx.ik.organisatie_id, perceel) is not None:
        raise Conflict(f"U volgt perceel {perceel} al.")
    a = Perceelabonnement(organisatie_id=ctx.ik.organisatie_id, perceel=perceel, sinds=ctx.nu())
    beheer.bewaar(ctx.sessie, a)
    ctx.audit("perceel volgen", perceel=perceel)
    return AbonnementUit(perceel=a.perceel, sinds=a.sinds)


def ontvolg(ctx: Context, perceel: str) -> None:
    _abonnee(ctx)
    a = opslag.abonnement(ctx.sessie, ctx.ik.organisatie_id, perceel)
    if a is None:
        raise Conflict(f"U volgt perceel {perceel} niet.")
    ctx.sessie.delete(a)
    ctx.audit("perceel niet meer volgen", perceel=perceel)


class Feedvraag(Invoer):
    na: int = veld("Na gebeurtenis", standaard=0, ge=0, le=2**62)
    limiet: int = veld("Aantal", standaard=100, ge=1, le=500)


class Perceeldata(Uitvoer):
    perceel: str
    soort: Mutatiesoort
    omschrijving: str
    datum: dt.date


class PerceelEvent(Uitvoer):
    """A plot event in the CloudEvents 1.0 envelope (its attribute names are the spec's)."""

    specversion: str = "1.0"
    id: str
    source: str = BRON
    type: str
    subject: str
    time: dt.datetime
    datacontenttype: str = "application/json"
    data: Perceeldata


class PerceelfeedUit(Uitvoer):
    gebeurtenissen: list[PerceelEvent]
    volgende: int = Field(description="geef mee als `na` voor de volgende pagina")


def feed(ctx: Context, vraag: Feedvraag) -> PerceelfeedUit:
    """Events on the plots this party watches, from when it subscribed; each provision is
    decided (KADASTER-ABONNEMENT) and logged, plot data only."""
    _abonnee(ctx)
    regels = opslag.feed(ctx.sessie, ctx.ik.organisatie_id, vraag.na, vraag.limiet)
    if regels:
        besluit = ctx.vereis(
            ctx.beslis(van="kadaster", categorie="perceelmutatie", doel="kenbaarheid")
        )
        ctx.log(
            [
                ctx.verwerking(
                    besluit,
                    naam="perceelmutatie melden",
                    doel="kenbaarheid",
                    verstrekker="kadaster",
                    ontvanger=ctx.ik.organisatie_id,
                    categorieen=("perceelmutatie",),
                )
            ]
        )
    ctx.audit("perceelfeed lezen", aantal=len(regels), na=vraag.na)
    return PerceelfeedUit(
        gebeurtenissen=[
            PerceelEvent(
                id=str(g.id),
                type=TYPE_PREFIX + g.soort,
                subject=g.perceel,
                time=g.geregistreerd_op,
                data=Perceeldata(
                    perceel=g.perceel,
                    soort=Mutatiesoort(g.soort),
                    omschrijving=Mutatiesoort(g.soort).label,
                    datum=g.datum,
                ),
            )
            for g, _ in regels
        ],
        volgende=regels[-1][0].id if regels else vraag.na,
    )
