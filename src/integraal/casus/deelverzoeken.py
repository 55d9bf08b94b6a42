# SPDX-License-Identifier: EUPL-1.2
"""Data requests: the case asks a partner; the engine decides; a second person approves."""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Sequence

from integraal import logboek
from integraal.casus import GeenToegang, OngeldigeInvoer
from integraal.delen import Beslisser, Verzoek, leg_uit
from integraal.domein.actor import Actor
from integraal.domein.casus import (
    DEELVERZOEK_OVERGANGEN,
    CasusStatus,
    DeelverzoekStatus,
    OngeldigeOvergang,
    controleer,
    vier_ogen,
)
from integraal.opslag import beheer, leveringen
from integraal.opslag import casussen as opslag
from integraal.opslag.db import Sessie
from integraal.opslag.modellen import Deelverzoek
from integraal.toegang.context import casus_context


def vraag(
    sessie: Sessie,
    beslisser: Beslisser,
    actor: Actor,
    *,
    casus_id: str,
    verstrekker_id: str,
    categorieen: Sequence[str],
    toelichting: str,
) -> Deelverzoek:
    c = beheer.casus(sessie, casus_id)
    if c is None or opslag.lid(sessie, casus_id, actor.gebruiker_id) is None:
        raise GeenToegang("alleen leden van de casus doen een deelverzoek")
    if c.status != CasusStatus.OPEN.value:
        raise GeenToegang(f"casus {casus_id} is gesloten")
    fouten: dict[str, str] = {}
    try:
        beslisser.register.organisatie(verstrekker_id)
    except KeyError:
        fouten["verstrekker"] = f"'{verstrekker_id}' is geen bekende organisatie"
    onbekend = [k for k in categorieen if k not in beslisser.catalogus.categorieen]
    if not categorieen or onbekend:
        fouten["categorieen"] = "kies een of meer bekende gegevenscategorieën"
    if len(toelichting.strip()) < 10:
        fouten["toelichting"] = "motiveer waarom deze gegevens nodig zijn (minstens 10 tekens)"
    if fouten:
        raise OngeldigeInvoer(fouten)
    context = casus_context(sessie, casus_id)
    genomen = [
        (
            cat,
            beslisser.beslis(
                Verzoek(
                    van=verstrekker_id,
                    aan=c.verband_id,
                    categorie=cat,
                    doel=c.doel,
                    casus=context,
                    actor=actor.ref,
                    feiten=frozenset({"noodzakelijk"}),
                )
            ),
        )
        for cat in categorieen
    ]
    besluiten = [
        {
            "categorie": cat,
            "toegestaan": b.toegestaan,
            "regelId": b.regel_id,
            "besluitId": b.besluit_id,
            "uitleg": leg_uit(b, beslisser.catalogus, beslisser.register),
        }
        for cat, b in genomen
    ]
    status = (
        DeelverzoekStatus.WACHT_OP_GOEDKEURING
        if all(b["toegestaan"] for b in besluiten)
        else DeelverzoekStatus.GEWEIGERD
    )
    dv = Deelverzoek(
        id=str(uuid.uuid4()),
        casus_id=casus_id,
        verstrekker_id=verstrekker_id,
        categorieen=list(categorieen),
        toelichting=toelichting.strip(),
        status=status.value,
        besluiten=besluiten,
        aangevraagd_door=actor.gebruiker_id,
    )
    beheer.bewaar(sessie, dv)
    # Asking a partner about a case's subjects is itself a processing: log it with its basis.
    trace = logboek.nieuwe_trace_id()
    logboek.schrijf(
        sessie,
        [
            logboek.Verwerking(
                naam="deelverzoek",
                activiteit="deelverzoek",
                trace_id=trace,
                besluit_id=b.besluit_id,
                regel_id=b.regel_id,
                grondslag=b.grondslag.omschrijving if b.grondslag else None,
                doel=c.doel,
                verstrekker=verstrekker_id,
                ontvanger=c.verband_id,
                categorieen=(cat,),
                casus_id=casus_id,
                status=logboek.STATUS_OK if b.toegestaan else logboek.STATUS_FOUT,
            )
            for cat, b in genomen
        ],
    )
    logboek.schrijf_audit(
        sessie,
        trace_id=logboek.nieuwe_trace_id(),
        gebruiker_id=actor.gebruiker_id,
        organisatie_id=actor.organisatie_id,
        actie="deelverzoek indienen",
        resultaat=status.value,
        herkomst="app",
        details={"casus": casus_id, "deelverzoek": dv.id},
    )
    return dv


def _voor_verstrekker(sessie: Sessie, actor: Actor, deelverzoek_id: str) -> Deelverzoek:
    dv = opslag.deelverzoek(sessie, deelverzoek_id)
    if dv is None or dv.verstrekker_id != actor.organisatie_id:
        raise GeenToegang("dit deelverzoek bestaat niet of is niet aan uw organisatie gericht")
    return dv


def _zet(
    sessie: Sessie, actor: Actor, dv: Deelverzoek, naar: DeelverzoekStatus, reden: str | None
) -> None:
    try:
        controleer(DEELVERZOEK_OVERGANGEN, DeelverzoekStatus(dv.status), naar)
    except OngeldigeOvergang as exc:
        raise OngeldigeInvoer({"status": str(exc)}) from exc
    dv.status, dv.reden = naar.value, reden
    dv.beoordeeld_door, dv.beoordeeld_op = actor.gebruiker_id, dt.datetime.now(dt.UTC)
    logboek.schrijf_audit(
        sessie,
        trace_id=logboek.nieuwe_trace_id(),
        gebruiker_id=actor.gebruiker_id,
        organisatie_id=actor.organisatie_id,
        actie="deelverzoek beoordelen",
        resultaat=naar.value,
        herkomst="app",
        details={"deelverzoek": dv.id},
    )


def keur_goed(sessie: Sessie, actor: Actor, deelverzoek_id: str) -> None:
    dv = _voor_verstrekker(sessie, actor, deelverzoek_id)
    try:
        vier_ogen(dv.aangevraagd_door, actor.gebruiker_id, actor.organisatie_id, dv.verstrekker_id)
    except OngeldigeOvergang as exc:
        raise GeenToegang(str(exc)) from exc
    _zet(sessie, actor, dv, DeelverzoekStatus.GOEDGEKEURD, None)


def wijs_af(sessie: Sessie, actor: Actor, deelverzoek_id: str, reden: str) -> None:
    dv = _voor_verstrekker(sessie, actor, deelverzoek_id)
    if len(reden.strip()) < 5:
        raise OngeldigeInvoer({"reden": "geef een reden voor de afwijzing"})
    _zet(sessie, actor, dv, DeelverzoekStatus.AFGEWEZEN, reden.strip())


def beantwoord(sessie: Sessie, actor: Actor, deelverzoek_id: str, levering_id: str) -> None:
    """The partner's delivery for the case answers an approved request."""
    dv = _voor_verstrekker(sessie, actor, deelverzoek_id)
    lev = leveringen.haal_levering(sessie, levering_id)
    if lev is None or lev.partner_id != dv.verstrekker_id or lev.casus_id != dv.casus_id:
        raise OngeldigeInvoer({"levering": "de levering hoort niet bij dit deelverzoek"})
    if lev.status != "verwerkt":
        raise OngeldigeInvoer({"levering": f"de levering is niet verwerkt (status: {lev.status})"})
    if lev.geleverd_door is not None and lev.geleverd_door == dv.beoordeeld_door:
        raise GeenToegang("wie het verzoek goedkeurde, levert niet zelf (vierogenprincipe)")
    _zet(sessie, actor, dv, DeelverzoekStatus.BEANTWOORD, None)
    dv.levering_id = levering_id


def te_beoordelen(sessie: Sessie, actor: Actor) -> list[Deelverzoek]:
    return opslag.deelverzoeken_voor_verstrekker(
        sessie,
        actor.organisatie_id,
        [DeelverzoekStatus.WACHT_OP_GOEDKEURING.value, DeelverzoekStatus.GOEDGEKEURD.value],
    )
