# SPDX-License-Identifier: EUPL-1.2
"""Signals: intake by a partner user or a pseudonymous public tip, and triage with a reason."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import ClassVar, Literal

from pydantic import Field, ValidationInfo, field_validator

from integraal.delen import Beslisser, Besluit
from integraal.delen.model import Convenant, Melder, Onderdeel
from integraal.domein.casus import SIGNAAL_OVERGANGEN, OngeldigeOvergang, SignaalStatus, controleer
from integraal.domein.fouten import Conflict, OngeldigeInvoer
from integraal.domein.identificatie import VALIDATORS, OngeldigeWaarde
from integraal.domein.invoer import Invoer, Uitvoer, veld
from integraal.domein.keuze import Keuze
from integraal.domein.poortwachters import Mainport, Signaalkanaal
from integraal.domein.pseudoniem import pseudoniem
from integraal.domein.rollen import Rol
from integraal.opslag import beheer
from integraal.opslag import casussen as opslag
from integraal.opslag.modellen import Signaal
from integraal.toegang import Leesvraag, zoek_entiteiten
from integraal.toegang import signalen as deur
from integraal.verwerking import Context

DOEL = deur.DOEL
PUBLIEKE_GRONDSLAG = "WGS hoofdstuk 2: melding van een burger aan het RIEC"


class KenmerkSoort(Keuze):
    BSN = "bsn", "BSN"
    KVK = "kvk", "KvK-nummer"
    RSIN = "rsin", "RSIN"
    IBAN = "iban", "IBAN"
    KENTEKEN = "kenteken", "Kenteken"
    POSTCODE = "postcode", "Postcode"
    BAG = "bag", "BAG-id (adres of pand)"


class Kenmerk(Invoer):
    soort: KenmerkSoort = veld("Soort kenmerk")
    waarde: str = veld("Waarde", min_length=1, max_length=100)

    meldingen: ClassVar[dict[str, str]] = {
        "soort": "Kies wat voor kenmerk het is.",
        "waarde": "Vul de waarde van het kenmerk in.",
    }

    @field_validator("waarde")
    @classmethod
    def _geldig(cls, waarde: str, info: ValidationInfo) -> str:
        soort = info.data.get("soort")
        if soort is None:
            return waarde
        try:
            return VALIDATORS[str(soort)](waarde)
        except OngeldigeWaarde as exc:
            raise ValueError(f"{KenmerkSoort(soort).label}: {exc}") from exc


class SignaalIn(Invoer):
    verband: str = veld(
        "Ontvanger",
        hint="Het RIEC, het LIEC of een ander samenwerkingsverband waaraan u deelneemt.",
        max_length=80,
    )
    omschrijving: str = veld(
        "Omschrijving",
        hint="Wat heeft u gezien of gehoord? Noem waar, wanneer en wat, in 10 tot 5.000 tekens.",
        min_length=10,
        max_length=5000,
    )
    kenmerken: list[Kenmerk] = veld(
        "Kenmerken",
        hint="Identificerende kenmerken, zoals een KvK-nummer of kenteken.",
        standaard=[],
        max_length=10,
    )
    mainport: Mainport | None = veld(
        "Gaat over een mainport",
        hint="Een haven, luchthaven of de sierteeltsector; bij een convenant vult Integraal "
        "dit zelf in.",
        standaard=None,
    )

    meldingen: ClassVar[dict[str, str]] = {
        "verband": "Kies het samenwerkingsverband dat uw signaal ontvangt.",
        "omschrijving": "Beschrijf wat u heeft gezien of gehoord, in 10 tot 5.000 tekens.",
    }


class Beoordeling(Invoer):
    status: Literal[SignaalStatus.IN_BEHANDELING, SignaalStatus.AFGEWEZEN] = veld("Beoordeling")
    reden: str = veld("Reden", min_length=5, max_length=2000)

    meldingen: ClassVar[dict[str, str]] = {
        "status": "Kies of u het signaal in behandeling neemt of afwijst.",
        "reden": "Geef een reden van minstens 5 tekens.",
    }


class KenmerkUit(Uitvoer):
    soort: KenmerkSoort
    waarde: str  # a BSN only as its pseudonym


class BekendSubject(Uitvoer):
    casus_id: str
    entiteit_id: str
    naam: str


class SignaalUit(Uitvoer):
    id: str
    verband: str
    organisatie: str | None
    omschrijving: str
    kenmerken: list[KenmerkUit]
    status: SignaalStatus
    reden: str | None
    casus_id: str | None
    aangemaakt_op: dt.datetime
    kanaal: Signaalkanaal = Signaalkanaal.DEELNEMER
    mainport: Mainport | None = None
    bekend_in_casussen: list[BekendSubject] = Field(default_factory=list)

    @classmethod
    def van(cls, s: Signaal, bekend: Sequence[BekendSubject] = ()) -> SignaalUit:
        return cls(
            id=s.id,
            verband=s.verband_id,
            organisatie=s.organisatie_id,
            omschrijving=s.omschrijving,
            kenmerken=[KenmerkUit(soort=k["soort"], waarde=k["waarde"]) for k in s.kenmerken],
            status=SignaalStatus(s.status),
            reden=s.reden,
            casus_id=s.casus_id,
            aangemaakt_op=s.aangemaakt_op,
            kanaal=Signaalkanaal(s.kanaal),
            mainport=Mainport(s.mainport) if s.mainport else None,
            bekend_in_casussen=list(bekend),
        )


def opgeslagen(sleutel: bytes, kenmerken: Sequence[Kenmerk]) -> list[dict[str, str]]:
    """Identifiers as they are stored: a BSN only as its pseudonym (signals, FEC rounds, iCOV
    requests alike)."""
    return [
        {
            "soort": k.soort.value,
            "waarde": pseudoniem(sleutel, "bsn", k.waarde)
            if k.soort is KenmerkSoort.BSN
            else k.waarde,
        }
        for k in kenmerken
    ]


def kenmerk_tekst(k: dict[str, str]) -> str:
    """A stored identifier in words for a page: a BSN only as the fact that it is known."""
    soort = KenmerkSoort(k["soort"])
    if soort is KenmerkSoort.BSN:
        return "BSN bekend (gepseudonimiseerd)"
    return f"{soort.label} {k['waarde']}"


def verbanden(beslisser: Beslisser, organisatie_id: str | None) -> list[tuple[str, str]]:
    """Where a signal can go: the partnerships whose werkwijze takes signals from the public
    (no organisation) or from their participants (the ones this organisation takes part in),
    and those a published covenant in force lets this organisation send signals to."""
    register, vandaag = beslisser.register, dt.date.today()
    uit = []
    for o in register.verbanden(Onderdeel.SIGNALEN):
        w = register.werkwijze(o.id)
        assert w is not None
        if organisatie_id is None:
            if Melder.PUBLIEK in w.signaal_van:
                uit.append((o.id, o.naam))
        elif (
            Melder.DEELNEMERS in w.signaal_van
            and organisatie_id in register.deelnemers_op(o.id, vandaag)
        ) or _convenant(beslisser, organisatie_id, o.id, w.doel, vandaag) is not None:
            uit.append((o.id, o.naam))
    return uit


def _convenant(
    beslisser: Beslisser, van: str, verband: str, doel: str, dag: dt.date
) -> Convenant | None:
    """A published covenant in force under which `van` sends signals to `verband`."""
    c = beslisser.register.convenant_voor(van, verband, deur.CATEGORIE, doel, dag)
    return c if c is not None and c.publicatie else None


def _kanaal(ctx: Context, verband: str, doel: str) -> tuple[Signaalkanaal, Convenant | None]:
    """How a signal comes in: a public tip, a participant, or a party to a covenant (its
    contact point, or another of its people)."""
    if ctx.actor is None:
        return Signaalkanaal.PUBLIEK, None
    org, dag = ctx.actor.organisatie_id, ctx.nu().date()
    if org in ctx.beslisser.register.deelnemers_op(verband, dag):
        return Signaalkanaal.DEELNEMER, None
    c = ctx.beslisser.register.convenant_voor(org, verband, deur.CATEGORIE, doel, dag)
    if c is None:
        return Signaalkanaal.DEELNEMER, None  # the rule engine refuses it below
    if ctx.actor.rol is Rol.CONTACTPUNT:
        return Signaalkanaal.CONTACTPUNT, c
    return Signaalkanaal.CONVENANT, c


def _controleer_verband(ctx: Context, verband_id: str) -> None:
    register = ctx.beslisser.register
    try:
        org = register.organisatie(verband_id)
    except KeyError as exc:
        raise OngeldigeInvoer(
            {"verband": "Kies uit de lijst het verband dat het signaal ontvangt."}
        ) from exc
    w = register.werkwijze(org.id)
    if w is None or not w.heeft(Onderdeel.SIGNALEN):
        raise OngeldigeInvoer(
            {"verband": "Dit verband neemt geen signalen aan. Kies een verband uit de lijst."}
        )
    if ctx.actor is None and Melder.PUBLIEK not in w.signaal_van:
        raise OngeldigeInvoer(
            {"verband": f"{org.naam} neemt geen meldingen van burgers aan. Kies een RIEC."}
        )


def dien_in(ctx: Context, invoer: SignaalIn) -> SignaalUit:
    """A partner user's signal (a provision, so the engine decides) or a public tip."""
    _controleer_verband(ctx, invoer.verband)
    doel = deur.doel(ctx, invoer.verband)
    kanaal, convenant = _kanaal(ctx, invoer.verband, doel)
    kenmerken = opgeslagen(ctx.pseudoniem_sleutel, invoer.kenmerken)
    besluit: Besluit | None = None
    if ctx.actor is not None:
        besluit = ctx.vereis(
            ctx.beslis(
                van=ctx.actor.organisatie_id,
                aan=invoer.verband,
                categorie=deur.CATEGORIE,
                doel=doel,
            )
        )
    nummer = opslag.volgend_nummer(ctx.sessie, Signaal, "S")
    s = Signaal(
        id=nummer,
        verband_id=invoer.verband,
        organisatie_id=ctx.actor.organisatie_id if ctx.actor else None,
        ingediend_door=ctx.actor.gebruiker_id if ctx.actor else None,
        omschrijving=invoer.omschrijving,
        kenmerken=kenmerken,
        status=SignaalStatus.NIEUW.value,
        aangemaakt_op=ctx.nu(),
        gewijzigd_op=ctx.nu(),
        kanaal=kanaal.value,
        convenant=f"{convenant.id}@{convenant.versie}" if convenant else None,
        mainport=(
            convenant.mainport.value
            if convenant
            else invoer.mainport.value
            if invoer.mainport
            else None
        ),
    )
    beheer.bewaar(ctx.sessie, s)
    ctx.log(
        ctx.verwerking(
            besluit,
            naam="signaal ontvangen",
            grondslag=None if besluit else PUBLIEKE_GRONDSLAG,
            doel=doel,
            verstrekker=ctx.actor.organisatie_id if ctx.actor else "publiek",
            ontvanger=invoer.verband,
            categorieen=(deur.CATEGORIE,),
            betrokkene=b.id if b else None,
            betrokkene_soort=b.soort if b else None,
        )
        for b in (deur.betrokkenen(s) or (None,))
    )
    ctx.audit("signaal indienen", "ontvangen", signaal=nummer, kanaal=kanaal.value)
    return SignaalUit.van(s)


def lijst(ctx: Context) -> list[SignaalUit]:
    return [SignaalUit.van(s) for s in deur.van_verband(ctx)]


def lees(ctx: Context, signaal_id: str) -> SignaalUit:
    """One signal, with the subjects already known in open cases the reader is a member of
    (each match is itself a policy-enforced, logged read within that case)."""
    s = deur.een(ctx, signaal_id)
    bekend: list[BekendSubject] = []
    for casus in beheer.casussen_van_gebruiker(
        ctx.sessie, ctx.ik.gebruiker_id, sinds=ctx.bevestigd_sinds()
    ):
        if casus.status != "open":
            continue
        for k in s.kenmerken:
            for b in zoek_entiteiten(
                ctx, Leesvraag(casus.doel, casus.id), term=k["waarde"], limiet=10
            ):
                naam = (b.eigenschappen.get("name") or b.eigenschappen.get("full") or [b.id])[0]
                bekend.append(BekendSubject(casus_id=casus.id, entiteit_id=b.id, naam=naam))
    return SignaalUit.van(s, bekend)


def beoordeel(ctx: Context, signaal_id: str, invoer: Beoordeling) -> SignaalUit:
    s = deur.een(ctx, signaal_id, naam="signaal beoordelen")
    try:
        controleer(SIGNAAL_OVERGANGEN, SignaalStatus(s.status), invoer.status)
    except OngeldigeOvergang as exc:
        raise Conflict(f"Dit signaal kan niet meer worden beoordeeld: {exc}.") from exc
    s.status, s.reden, s.beoordeeld_door = invoer.status.value, invoer.reden, ctx.ik.gebruiker_id
    s.gewijzigd_op = ctx.nu()
    ctx.audit("signaal beoordelen", invoer.status.value, signaal=signaal_id)
    return SignaalUit.van(s)


__all__ = [
    "BekendSubject",
    "Beoordeling",
    "Kenmerk",
    "KenmerkSoort",
    "KenmerkUit",
    "SignaalIn",
    "SignaalUit",
    "beoordeel",
    "dien_in",
    "lees",
    "lijst",
    "opgeslagen",
    "verbanden",
]
