# SPDX-License-Identifier: EUPL-1.2
"""Importing a partner delivery: decide, convert, store and log in one transaction."""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any

from integraal.bronnen.lezers import (
    OnleesbaarBestand,
    formaat_van,
    lees_csv,
    lees_ftm,
    lees_xlsx,
    schat_rijen,
)
from integraal.bronnen.mapping import BijFout, Mapping
from integraal.bronnen.omzetten import (
    Fout,
    RijUitkomst,
    Waarde,
    ontbrekende_kolommen,
    zet_ftm_om,
    zet_tabel_om,
)
from integraal.delen import Besluit, in_woorden, waarom
from integraal.domein.actor import Actor
from integraal.domein.fouten import GeenToegang
from integraal.domein.pseudoniem import is_pseudoniem, pseudoniem
from integraal.opslag import leveringen
from integraal.opslag.db import Sessiefabriek, transactie
from integraal.opslag.modellen import Levering
from integraal.toegang.context import casus_context
from integraal.verwerking import Context, Contextmaker, Kanaal

Voortgang = Callable[[int], None]
# Rows between progress reports: often enough for a live bar, rare enough to cost nothing.
VOORTGANG_ELKE = 250


class GeenLeverancier(GeenToegang):
    """Only the partner a mapping is agreed with delivers under it."""


@dataclass(frozen=True)
class Importresultaat:
    levering_id: str
    status: str
    al_ontvangen: bool
    rijen_totaal: int
    rijen_goed: int
    rijen_fout: int
    entiteiten: int
    statements_nieuw: int
    fouten: list[dict[str, Any]] = field(default_factory=list)
    melding: str | None = None


def _resultaat(lev: Levering, al_ontvangen: bool, nieuw: int = 0) -> Importresultaat:
    return Importresultaat(
        levering_id=lev.id,
        status=lev.status,
        al_ontvangen=al_ontvangen,
        rijen_totaal=lev.rijen_totaal,
        rijen_goed=lev.rijen_goed,
        rijen_fout=lev.rijen_fout,
        entiteiten=lev.entiteiten,
        statements_nieuw=nieuw,
        fouten=list(lev.fouten),
        melding=lev.melding,
    )


def _fout_dict(f: Fout) -> dict[str, Any]:
    return {"rij": f.rij, "kolom": f.kolom, "reden": f.reden}


def _uitkomsten(
    mapping: Mapping, formaat: str, inhoud: bytes, sleutel: bytes
) -> Iterator[RijUitkomst]:
    def pseudo(soort: str, waarde: str) -> str:
        return pseudoniem(sleutel, soort, waarde)

    if formaat == "ftm":
        if not mapping.ftm:
            raise OnleesbaarBestand("deze mapping neemt geen FtM JSON lines aan")
        return zet_ftm_om(mapping, lees_ftm(inhoud))
    if not mapping.entiteiten:
        raise OnleesbaarBestand("deze mapping neemt alleen FtM JSON lines aan")
    kop, rijen = (
        lees_csv(inhoud, mapping.scheidingsteken) if formaat == "csv" else lees_xlsx(inhoud)
    )
    ontbreekt = ontbrekende_kolommen(mapping, kop)
    if ontbreekt:
        raise OnleesbaarBestand("kolommen ontbreken: " + ", ".join(ontbreekt))
    return zet_tabel_om(mapping, rijen, pseudo)


def _besluiten(ctx: Context, mapping: Mapping, casus_id: str | None) -> dict[str, Besluit]:
    context = casus_context(ctx, casus_id)
    feiten = {"noodzakelijk"} if mapping.noodzaak.strip() else set()
    return {
        cat: ctx.beslis(
            van=mapping.partner,
            aan=mapping.ontvanger,
            categorie=cat,
            doel=mapping.doel,
            casus=context,
            bron=mapping.partner,
            feiten=feiten,
        )
        for cat in sorted(mapping.categorieen)
    }


def _betrokkene(waarden: list[Waarde]) -> tuple[str, str]:
    for w in waarden:
        if is_pseudoniem(w.value) and w.prop_type == "identifier":
            return w.value, "BSN-pseudoniem"
    return waarden[0].entity_id, f"entiteit:{waarden[0].schema}"


@dataclass(frozen=True)
class Aanbod:
    """A delivery that passed the rules and is registered, waiting to be processed."""

    levering_id: str
    mapping: Mapping
    formaat: str
    inhoud: bytes
    besluiten: dict[str, Besluit]
    actor: Actor
    trace_id: str
    kanaal: Kanaal
    geschat_aantal_rijen: int | None


def importeer(
    maak: Contextmaker,
    actor: Actor,
    mapping: Mapping,
    bestandsnaam: str,
    inhoud: bytes,
    *,
    casus_id: str | None = None,
    kanaal: Kanaal = Kanaal.API,
    voortgang: Voortgang | None = None,
) -> Importresultaat:
    """Offer and process in one go (CLI, API); the web app runs the two phases apart."""
    aanbod = bied_aan(maak, actor, mapping, bestandsnaam, inhoud, casus_id=casus_id, kanaal=kanaal)
    if isinstance(aanbod, Importresultaat):
        return aanbod
    return verwerk(maak, aanbod, voortgang=voortgang)


def bied_aan(
    maak: Contextmaker,
    actor: Actor,
    mapping: Mapping,
    bestandsnaam: str,
    inhoud: bytes,
    *,
    casus_id: str | None = None,
    kanaal: Kanaal = Kanaal.API,
) -> Aanbod | Importresultaat:
    """Phase 1: decide under the rules and register the delivery.

    Returns the final result when nothing is left to do (the same delivery again, or refused).
    """
    inhoud_hash = hashlib.sha256(inhoud).hexdigest()
    sleutel = hashlib.sha256(
        f"{mapping.naam}\x1f{casus_id or ''}\x1f{inhoud_hash}".encode()
    ).hexdigest()
    # The same delivery again changes nothing; a refused or failed one is evaluated anew,
    # because the case may since have met the conditions.
    with maak(actor, kanaal) as ctx:
        if actor.organisatie_id != mapping.partner:
            partner = ctx.beslisser.register.naam(mapping.partner)
            raise GeenLeverancier(
                f"alleen een gebruiker van {partner} levert onder de afspraak ‘{mapping.titel}’"
            )
        sessie = ctx.sessie
        bestaand = leveringen.zoek_levering(sessie, sleutel)
        if bestaand is not None and bestaand.status not in ("mislukt", "geweigerd"):
            return _resultaat(bestaand, al_ontvangen=True)
        formaat = formaat_van(bestandsnaam)
        besluiten = _besluiten(ctx, mapping, casus_id)
        lev = bestaand or Levering(
            id=str(uuid.uuid4()),
            partner_id=mapping.partner,
            ontvanger_id=mapping.ontvanger,
            mapping=mapping.naam,
            dataset=mapping.dataset,
            doel=mapping.doel,
            casus_id=casus_id,
            bestandsnaam=bestandsnaam[:300],
            formaat=formaat,
            inhoud_hash=inhoud_hash,
            sleutel=sleutel,
            geleverd_door=actor.gebruiker_id,
            fouten=[],
        )
        geweigerd = [b for b in besluiten.values() if not b.toegestaan]
        lev.status = "geweigerd" if geweigerd else "in_behandeling"
        lev.melding = (
            in_woorden(waarom(geweigerd[0], ctx.beslisser.catalogus, ctx.beslisser.register))
            if geweigerd
            else None
        )
        leveringen.bewaar_levering(sessie, lev)
        ctx.audit("levering aanbieden", lev.status, levering=lev.id, mapping=mapping.naam)
        if geweigerd:
            return _resultaat(lev, al_ontvangen=False)
        return Aanbod(
            levering_id=lev.id,
            mapping=mapping,
            formaat=formaat,
            inhoud=inhoud,
            besluiten=besluiten,
            actor=actor,
            trace_id=ctx.trace_id,
            kanaal=kanaal,
            geschat_aantal_rijen=schat_rijen(formaat, inhoud),
        )


def verwerk(
    maak: Contextmaker, aanbod: Aanbod, *, voortgang: Voortgang | None = None
) -> Importresultaat:
    """Phase 2: the file is read, checked and pseudonymised first, holding no lock (the slow
    part, rows per second); then everything of the delivery is written in one transaction, so
    a killed import leaves no half delivery (a crash leaves it 'in_behandeling' for
    `herstel_onderbroken`) and others wait only for the writing, not for the reading. It runs
    under the offer's trace id, so both phases' records are linked."""
    try:
        with maak(aanbod.actor, aanbod.kanaal, trace_id=aanbod.trace_id, lezen=True) as ctx:
            gelezen = _lees(aanbod, ctx.pseudoniem_sleutel, voortgang)
        with maak(aanbod.actor, aanbod.kanaal, trace_id=aanbod.trace_id) as ctx:
            return _verwerk(ctx, aanbod, gelezen)
    except OnleesbaarBestand as exc:
        return _markeer(maak, aanbod, "geweigerd", f"Het bestand is geweigerd: {exc}.")
    except Exception:
        _markeer(maak, aanbod, "mislukt", "De verwerking is afgebroken; lever opnieuw aan.")
        raise


def _markeer(maak: Contextmaker, aanbod: Aanbod, status: str, melding: str) -> Importresultaat:
    with maak(aanbod.actor, aanbod.kanaal, trace_id=aanbod.trace_id) as ctx:
        sessie = ctx.sessie
        lev = leveringen.haal_levering(sessie, aanbod.levering_id)
        assert lev is not None
        lev.status, lev.melding = status, melding
        lev.verwerkt_op = dt.datetime.now(dt.UTC)
        return _resultaat(lev, al_ontvangen=False)


@dataclass
class _Gelezen:
    totaal: int = 0
    goed: int = 0
    weggelaten: int = 0
    fouten: list[Fout] = dataclasses.field(default_factory=list)
    waarden: list[Waarde] = dataclasses.field(default_factory=list)


def _lees(aanbod: Aanbod, sleutel: bytes, voortgang: Voortgang | None) -> _Gelezen:
    """Every row read, validated and pseudonymised; no database involved."""
    g = _Gelezen()
    for uitkomst in _uitkomsten(aanbod.mapping, aanbod.formaat, aanbod.inhoud, sleutel):
        g.totaal += 1
        g.weggelaten += uitkomst.weggelaten
        if uitkomst.fouten:
            g.fouten.extend(uitkomst.fouten)
        else:
            g.goed += 1
            g.waarden.extend(uitkomst.waarden)
        if voortgang and g.totaal % VOORTGANG_ELKE == 0:
            voortgang(g.totaal)
    return g


def _verwerk(ctx: Context, aanbod: Aanbod, g: _Gelezen) -> Importresultaat:
    mapping, besluiten = aanbod.mapping, aanbod.besluiten
    sessie = ctx.sessie
    lev = leveringen.haal_levering(sessie, aanbod.levering_id)
    assert lev is not None
    totaal, goed, fouten, waarden, weggelaten = g.totaal, g.goed, g.fouten, g.waarden, g.weggelaten
    lev.rijen_totaal, lev.rijen_goed, lev.rijen_fout = totaal, goed, totaal - goed
    lev.fouten = [_fout_dict(f) for f in fouten[:1000]]
    nu = dt.datetime.now(dt.UTC)
    if fouten and mapping.bij_fout is BijFout.WEIGEREN:
        lev.status = "geweigerd"
        lev.melding = (
            f"De levering is geweigerd: {totaal - goed} van {totaal} rijen bevatten fouten "
            "en deze mapping weigert dan de hele levering."
        )
        lev.verwerkt_op = nu
        return _resultaat(lev, al_ontvangen=False)

    per_entiteit: dict[str, list[Waarde]] = {}
    for w in waarden:
        per_entiteit.setdefault(w.entity_id, []).append(w)
    rijen = [
        {
            "id": _statement_id(lev, w),
            "entity_id": w.entity_id,
            "schema": w.schema,
            "prop": w.prop,
            "prop_type": w.prop_type,
            "value": w.value,
            "original_value": w.original_value,
            "dataset": mapping.dataset,
            "levering_id": lev.id,
            "bron_id": mapping.partner,
            "houder_id": mapping.ontvanger,
            "casus_id": lev.casus_id,
            "source_record_id": w.source_record_id[:200],
            "categorie": w.categorie,
            "grondslag": besluiten[w.categorie].regel_id or "",
            "first_seen": nu,
            "last_seen": nu,
        }
        for w in waarden
    ]
    nieuw = leveringen.bewaar_statements(sessie, _uniek(rijen), nu)
    verwerkingen = []
    for _eid, ws in per_entiteit.items():
        cats = tuple(sorted({w.categorie for w in ws}))
        betrokkene, soort = _betrokkene(ws)
        regel = ctx.verwerking(
            besluiten[cats[0]],
            naam="levering ontvangen",
            doel=mapping.doel,
            verstrekker=mapping.partner,
            ontvanger=mapping.ontvanger,
            categorieen=cats,
            casus_id=lev.casus_id,
            betrokkene=betrokkene,
            betrokkene_soort=soort,
        )
        # One line covers several categories: it names every rule that allowed one.
        verwerkingen.append(
            dataclasses.replace(
                regel, regel_id=",".join(sorted({besluiten[c].regel_id or "" for c in cats}))
            )
        )
    ctx.log(verwerkingen)
    lev.entiteiten = len(per_entiteit)
    lev.status = "verwerkt"
    lev.verwerkt_op = nu
    delen = [f"{goed} van {totaal} rijen verwerkt tot {len(per_entiteit)} entiteiten"]
    if fouten:
        delen.append(f"{totaal - goed} rijen overgeslagen wegens fouten")
    if weggelaten:
        delen.append(f"{weggelaten} waarden niet opgeslagen (niet in de mapping: minimalisatie)")
    lev.melding = "; ".join(delen) + "."
    ctx.audit("levering verwerken", lev.status, levering=lev.id, rijen=totaal, fout=totaal - goed)
    return _resultaat(lev, al_ontvangen=False, nieuw=nieuw)


def _statement_id(lev: Levering, w: Waarde) -> str:
    sleutel = "\x1f".join(
        (lev.dataset, lev.ontvanger_id, lev.casus_id or "", w.entity_id, w.prop, w.value)
    )
    return hashlib.sha1(sleutel.encode()).hexdigest()


def _uniek(rijen: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return list({r["id"]: r for r in rijen}.values())


def herstel_onderbroken(fabriek: Sessiefabriek) -> int:
    """Deliveries left 'in_behandeling' by a crash are marked failed so they can be retried."""
    with transactie(fabriek) as sessie:
        n = 0
        for lev in leveringen.lijst_leveringen(sessie):
            if lev.status == "in_behandeling":
                lev.status = "mislukt"
                lev.melding = "De verwerking is onderbroken; lever hetzelfde bestand opnieuw aan."
                n += 1
        return n
