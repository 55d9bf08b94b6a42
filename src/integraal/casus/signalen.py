# SPDX-License-Identifier: EUPL-1.2
"""Signals: intake by a partner user or a pseudonymous public tip, and triage with a reason."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field

from integraal import logboek
from integraal.casus import GeenToegang, OngeldigeInvoer
from integraal.delen import Beslisser, Besluit, Verzoek, leg_uit
from integraal.domein.actor import Actor
from integraal.domein.casus import (
    MAG_SIGNAAL_BEOORDELEN,
    SIGNAAL_OVERGANGEN,
    OngeldigeOvergang,
    SignaalStatus,
    controleer,
)
from integraal.domein.identificatie import VALIDATORS, OngeldigeWaarde
from integraal.domein.pseudoniem import pseudoniem
from integraal.opslag import beheer
from integraal.opslag import casussen as opslag
from integraal.opslag.db import Sessie
from integraal.opslag.modellen import Signaal
from integraal.toegang import Leesvraag, zoek_entiteiten

DOEL = "integrale_aanpak"
KENMERK_LABELS = {
    "bsn": "BSN",
    "kvk": "KvK-nummer",
    "rsin": "RSIN",
    "iban": "IBAN",
    "kenteken": "kenteken",
    "postcode": "postcode",
    "bag": "BAG-id",
}


@dataclass
class BekendSubject:
    casus_id: str
    entity_id: str
    naam: str


@dataclass
class Signaalbeeld:
    signaal: Signaal
    bekend: list[BekendSubject] = field(default_factory=list)


def _verband(beslisser: Beslisser, verband_id: str) -> None:
    try:
        org = beslisser.register.organisatie(verband_id)
    except KeyError as exc:
        raise OngeldigeInvoer({"verband": f"'{verband_id}' is geen samenwerkingsverband"}) from exc
    if org.soort not in ("riec", "liec"):
        raise OngeldigeInvoer({"verband": "signalen gaan naar een RIEC of het LIEC"})


def normaliseer_kenmerken(
    kenmerken: Sequence[tuple[str, str]], sleutel: bytes
) -> list[dict[str, str]]:
    """Validate the identifiers a signal names; a BSN is kept only as its pseudonym."""
    uit: list[dict[str, str]] = []
    fouten: dict[str, str] = {}
    for i, (soort, waarde) in enumerate(kenmerken):
        if not waarde.strip():
            continue
        if soort not in VALIDATORS:
            fouten[f"kenmerk {i + 1}"] = f"onbekende soort '{soort}'"
            continue
        try:
            schoon = VALIDATORS[soort](waarde)
        except OngeldigeWaarde as exc:
            fouten[f"kenmerk {i + 1}"] = str(exc)
            continue
        if soort == "bsn":
            schoon = pseudoniem(sleutel, "bsn", schoon)
        uit.append({"soort": soort, "waarde": schoon})
    if fouten:
        raise OngeldigeInvoer(fouten)
    return uit


def dien_in(
    sessie: Sessie,
    beslisser: Beslisser,
    actor: Actor | None,
    *,
    verband_id: str,
    omschrijving: str,
    kenmerken: Sequence[tuple[str, str]],
    sleutel: bytes,
    herkomst: str,
) -> str:
    """A partner user's signal (a provision, so the engine decides) or a public tip (actor None)."""
    _verband(beslisser, verband_id)
    tekst = omschrijving.strip()
    if not 10 <= len(tekst) <= 5000:
        raise OngeldigeInvoer({"omschrijving": "beschrijf het signaal in 10 tot 5000 tekens"})
    schone = normaliseer_kenmerken(kenmerken, sleutel)
    besluit: Besluit | None = None
    if actor is not None:
        besluit = beslisser.beslis(
            Verzoek(
                van=actor.organisatie_id,
                aan=verband_id,
                categorie="signaal",
                doel=DOEL,
                actor=actor.ref,
            )
        )
        if not besluit.toegestaan:
            raise GeenToegang(leg_uit(besluit, beslisser.catalogus, beslisser.register))
    nummer = opslag.volgend_nummer(sessie, Signaal, "S")
    beheer.bewaar(
        sessie,
        Signaal(
            id=nummer,
            verband_id=verband_id,
            organisatie_id=actor.organisatie_id if actor else None,
            ingediend_door=actor.gebruiker_id if actor else None,
            omschrijving=tekst,
            kenmerken=schone,
            status=SignaalStatus.NIEUW.value,
        ),
    )
    trace = logboek.nieuwe_trace_id()
    betrokkenen: list[str | None] = [k["waarde"] for k in schone if k["soort"] == "bsn"] or [None]
    logboek.schrijf(
        sessie,
        [
            logboek.Verwerking(
                naam="signaal ontvangen",
                activiteit="signaal-ontvangen",
                trace_id=trace,
                besluit_id=besluit.besluit_id if besluit else None,
                regel_id=besluit.regel_id if besluit else None,
                grondslag=(
                    besluit.grondslag.omschrijving
                    if besluit and besluit.grondslag
                    else "WGS hoofdstuk 2: melding van een burger aan het RIEC"
                ),
                doel=DOEL,
                verstrekker=actor.organisatie_id if actor else "publiek",
                ontvanger=verband_id,
                categorieen=("signaal",),
                betrokkene=b,
                betrokkene_soort="BSN-pseudoniem" if b else None,
            )
            for b in betrokkenen
        ],
    )
    logboek.schrijf_audit(
        sessie,
        trace_id=trace,
        gebruiker_id=actor.gebruiker_id if actor else None,
        organisatie_id=actor.organisatie_id if actor else None,
        actie="signaal indienen",
        resultaat="ontvangen",
        herkomst=herkomst,
        details={"signaal": nummer},
    )
    return nummer


def _mag_lezen(beslisser: Beslisser, actor: Actor, verband_id: str) -> Besluit:
    if actor.rol not in MAG_SIGNAAL_BEOORDELEN:
        # Need-to-know inside the partnership: triage is the analysts' and coordinators' work.
        raise GeenToegang("signalen zijn alleen te zien voor analisten en coördinatoren")
    besluit = beslisser.beslis(
        Verzoek(
            van=verband_id,
            aan=actor.organisatie_id,
            categorie="signaal",
            doel=DOEL,
            actor=actor.ref,
        )
    )
    if not besluit.toegestaan:
        raise GeenToegang("signalen zijn alleen te zien voor medewerkers van het verband")
    return besluit


def _log_lezing(
    sessie: Sessie, actor: Actor, besluit: Besluit, signalen: Sequence[Signaal]
) -> None:
    trace = logboek.nieuwe_trace_id()
    logboek.schrijf(
        sessie,
        [
            logboek.Verwerking(
                naam="signaal lezen",
                activiteit="signaal-lezen",
                trace_id=trace,
                besluit_id=besluit.besluit_id,
                regel_id=besluit.regel_id,
                grondslag=besluit.grondslag.omschrijving if besluit.grondslag else None,
                doel=DOEL,
                verstrekker=s.verband_id,
                ontvanger=actor.organisatie_id,
                categorieen=("signaal",),
                casus_id=s.casus_id,
                betrokkene=next((k["waarde"] for k in s.kenmerken if k["soort"] == "bsn"), None),
                betrokkene_soort="BSN-pseudoniem"
                if any(k["soort"] == "bsn" for k in s.kenmerken)
                else None,
            )
            for s in signalen
        ],
    )
    logboek.schrijf_audit(
        sessie,
        trace_id=trace,
        gebruiker_id=actor.gebruiker_id,
        organisatie_id=actor.organisatie_id,
        actie="signalen lezen",
        resultaat="toegestaan",
        herkomst="app",
        details={"aantal": len(signalen)},
    )


def lijst(sessie: Sessie, beslisser: Beslisser, actor: Actor) -> list[Signaal]:
    besluit = _mag_lezen(beslisser, actor, actor.organisatie_id)
    signalen = opslag.signalen_van_verband(sessie, actor.organisatie_id)
    if signalen:
        _log_lezing(sessie, actor, besluit, signalen)
    return signalen


def lees(
    sessie: Sessie, beslisser: Beslisser, actor: Actor, signaal_id: str, sleutel: bytes
) -> Signaalbeeld:
    """One signal, with the subjects already known in cases the reader is a member of."""
    s = opslag.signaal(sessie, signaal_id)
    if s is None or s.verband_id != actor.organisatie_id:
        raise GeenToegang("dit signaal bestaat niet of is niet van uw verband")
    besluit = _mag_lezen(beslisser, actor, s.verband_id)
    _log_lezing(sessie, actor, besluit, [s])
    beeld = Signaalbeeld(s)
    for casus in beheer.casussen_van_gebruiker(sessie, actor.gebruiker_id):
        if casus.status != "open":
            continue
        for k in s.kenmerken:
            # The match is itself a policy-enforced, logged read within that case.
            for b in zoek_entiteiten(
                sessie,
                beslisser,
                actor,
                Leesvraag(casus.doel, casus.id, "app"),
                pseudoniem_sleutel=sleutel,
                term=k["waarde"],
                limiet=10,
            ):
                naam = (b.eigenschappen.get("name") or b.eigenschappen.get("full") or [b.id])[0]
                beeld.bekend.append(BekendSubject(casus.id, b.id, naam))
    return beeld


def beoordeel(
    sessie: Sessie, actor: Actor, signaal_id: str, naar: SignaalStatus, reden: str
) -> None:
    s = opslag.signaal(sessie, signaal_id)
    if s is None or s.verband_id != actor.organisatie_id:
        raise GeenToegang("dit signaal bestaat niet of is niet van uw verband")
    if actor.rol not in MAG_SIGNAAL_BEOORDELEN:
        raise GeenToegang("alleen een analist of coördinator beoordeelt signalen")
    if naar is SignaalStatus.OMGEZET:
        raise OngeldigeInvoer(
            {"status": "een signaal wordt omgezet door er een casus van te maken"}
        )
    if len(reden.strip()) < 5:
        raise OngeldigeInvoer({"reden": "geef altijd een reden (minstens 5 tekens)"})
    try:
        controleer(SIGNAAL_OVERGANGEN, SignaalStatus(s.status), naar)
    except OngeldigeOvergang as exc:
        raise OngeldigeInvoer({"status": str(exc)}) from exc
    s.status, s.reden, s.beoordeeld_door = naar.value, reden.strip(), actor.gebruiker_id
    s.gewijzigd_op = dt.datetime.now(dt.UTC)
    logboek.schrijf_audit(
        sessie,
        trace_id=logboek.nieuwe_trace_id(),
        gebruiker_id=actor.gebruiker_id,
        organisatie_id=actor.organisatie_id,
        actie="signaal beoordelen",
        resultaat=naar.value,
        herkomst="app",
        details={"signaal": signaal_id},
    )
