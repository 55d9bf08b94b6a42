# SPDX-License-Identifier: EUPL-1.2
"""The vermogensdossier: a suspect's asset position from investigation to execution."""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass

from integraal import logboek
from integraal.afpakken import toegang
from integraal.delen import Beslisser, Besluit
from integraal.domein.actor import Actor
from integraal.domein.beslag import BeslagStatus
from integraal.domein.fouten import GeenToegang, OngeldigeInvoer
from integraal.domein.rollen import Rol
from integraal.domein.tekst import lees_bedrag
from integraal.opslag import beheer
from integraal.opslag import beslag as opslag
from integraal.opslag.db import Sessie
from integraal.opslag.modellen import (
    BekendVermogen,
    Beslagobject,
    Betaling,
    Medeschuldenaar,
    Onderzoekshandeling,
    Vermogensdossier,
)

EXECUTIESTATUSSEN = {
    "geen": "Nog geen executie",
    "betalingsaanbod": "Betalingsaanbod gedaan (CJIB)",
    "conservatoir": "Conservatoir beslag loopt",
    "executoriaal": "Executoriaal (beslag omgezet na onherroepelijke uitspraak)",
    "voldaan": "Voldaan",
}
HANDELINGEN = {
    "vordering_gegevens": "Vordering gegevens (art. 126nd Sv)",
    "doorzoeking": "Doorzoeking",
    "sfo": "Strafrechtelijk financieel onderzoek",
    "rechtshulpverzoek": "Rechtshulpverzoek",
    "fiu_opschorting": "Opschorting transactie door FIU (art. 17a Wwft)",
    "overig": "Overige onderzoekshandeling",
}


def _centen(bedrag: str | float | None, veld: str) -> int | None:
    if bedrag is None or (isinstance(bedrag, str) and not bedrag.strip()):
        return None
    try:
        waarde = lees_bedrag(bedrag) if isinstance(bedrag, str) else float(bedrag)
    except ValueError as exc:
        raise OngeldigeInvoer({veld: "vul een bedrag in, bijvoorbeeld 1250,00"}) from exc
    if waarde < 0:
        raise OngeldigeInvoer({veld: "een bedrag is niet negatief"})
    return round(waarde * 100)


def _betrokken(sessie: Sessie, d: Vermogensdossier) -> set[str]:
    uit = {d.organisatie_id}
    for o in opslag.objecten_van_dossier(sessie, d.id):
        uit |= toegang.betrokken(o, cjib=d.executiestatus != "geen")
    if d.executiestatus != "geen":
        uit.add("cjib")
    return uit


def _besluit(sessie: Sessie, beslisser: Beslisser, actor: Actor, d: Vermogensdossier) -> Besluit:
    toegang.ketenrol(beslisser, actor)
    return toegang.beslis_over(beslisser, actor, d.organisatie_id, _betrokken(sessie, d))


def _log(
    sessie: Sessie, actor: Actor, d: Vermogensdossier, b: Besluit, activiteit: str, herkomst: str
) -> None:
    trace = logboek.nieuwe_trace_id()
    logboek.schrijf(
        sessie,
        [
            toegang.verwerking(
                b,
                naam="vermogensdossier lezen",
                activiteit=activiteit,
                trace_id=trace,
                verstrekker=d.organisatie_id,
                ontvanger=actor.organisatie_id,
                casus_id=d.casus_id,
                betrokkene=f"verdachte:{d.id}",
                betrokkene_soort="verdachte",
            )
        ],
    )
    logboek.schrijf_audit(
        sessie,
        trace_id=trace,
        gebruiker_id=actor.gebruiker_id,
        organisatie_id=actor.organisatie_id,
        actie=f"vermogensdossier ({activiteit})",
        resultaat="toegestaan",
        herkomst=herkomst,
        details={"dossier": d.id},
    )


def _dossier(
    sessie: Sessie,
    beslisser: Beslisser,
    actor: Actor,
    dossier_id: str,
    activiteit: str,
    herkomst: str,
) -> Vermogensdossier:
    d = opslag.dossier(sessie, dossier_id)
    if d is None:
        raise GeenToegang("dit vermogensdossier bestaat niet of u bent er niet bij betrokken")
    b = _besluit(sessie, beslisser, actor, d)
    if not b.toegestaan:
        raise GeenToegang("dit vermogensdossier bestaat niet of u bent er niet bij betrokken")
    _log(sessie, actor, d, b, activiteit, herkomst)
    return d


def open_dossier(
    sessie: Sessie,
    beslisser: Beslisser,
    actor: Actor,
    *,
    verdachte: str,
    parketnummer: str = "",
    casus_id: str | None = None,
) -> Vermogensdossier:
    rol = toegang.ketenrol(beslisser, actor)
    if rol not in (Rol.OFFICIER, Rol.OPSPORINGSAMBTENAAR, Rol.HULPOFFICIER):
        raise GeenToegang("een vermogensdossier wordt geopend door opsporing of OM")
    if len(verdachte.strip()) < 2:
        raise OngeldigeInvoer({"verdachte": "vul de naam van de verdachte in"})
    if casus_id and beheer.casus(sessie, casus_id) is None:
        raise OngeldigeInvoer({"casus": f"casus {casus_id} bestaat niet"})
    d = Vermogensdossier(
        id=opslag.volgend_id(sessie, Vermogensdossier, "VD"),
        verdachte=verdachte.strip(),
        parketnummer=parketnummer.strip() or None,
        casus_id=casus_id,
        organisatie_id=actor.organisatie_id,
        executiestatus="geen",
    )
    beheer.bewaar(sessie, d)
    return d


def voeg_handeling_toe(
    sessie: Sessie,
    beslisser: Beslisser,
    actor: Actor,
    dossier_id: str,
    *,
    soort: str,
    datum: dt.date,
    omschrijving: str,
    opbrengst_euro: str | float | None = None,
    herkomst: str = "app",
) -> Onderzoekshandeling:
    _dossier(sessie, beslisser, actor, dossier_id, "dossier-bijwerken", herkomst)
    if soort not in HANDELINGEN:
        raise OngeldigeInvoer({"soort": "kies een soort onderzoekshandeling"})
    h = Onderzoekshandeling(
        id=str(uuid.uuid4()),
        dossier_id=dossier_id,
        soort=soort,
        datum=datum,
        omschrijving=omschrijving.strip(),
        opbrengst_centen=_centen(opbrengst_euro, "opbrengst"),
        door=actor.gebruiker_id,
    )
    beheer.bewaar(sessie, h)
    return h


def voeg_vermogen_toe(
    sessie: Sessie,
    beslisser: Beslisser,
    actor: Actor,
    dossier_id: str,
    *,
    soort: str,
    omschrijving: str,
    waarde_euro: str | float | None,
    bekend_sinds: dt.date,
    herkomst: str = "app",
) -> BekendVermogen:
    _dossier(sessie, beslisser, actor, dossier_id, "dossier-bijwerken", herkomst)
    v = BekendVermogen(
        id=str(uuid.uuid4()),
        dossier_id=dossier_id,
        soort=soort,
        omschrijving=omschrijving.strip(),
        waarde_centen=_centen(waarde_euro, "waarde"),
        bekend_sinds=bekend_sinds,
    )
    beheer.bewaar(sessie, v)
    return v


def stel_vordering_vast(
    sessie: Sessie,
    beslisser: Beslisser,
    actor: Actor,
    dossier_id: str,
    bedrag_euro: str | float,
    medeschuldenaren: list[str] | None = None,
    herkomst: str = "app",
) -> Vermogensdossier:
    """The ontnemingsvordering (art. 36e Sr); jointly liable co-debtors share one claim."""
    d = _dossier(sessie, beslisser, actor, dossier_id, "dossier-bijwerken", herkomst)
    if toegang.ketenrol(beslisser, actor) is not Rol.OFFICIER:
        raise GeenToegang("de officier van justitie stelt de vordering vast")
    d.vordering_centen = _centen(bedrag_euro, "vordering")
    for ander in medeschuldenaren or []:
        if ander == d.id or opslag.dossier(sessie, ander) is None:
            raise OngeldigeInvoer({"medeschuldenaren": f"dossier {ander} bestaat niet"})
        if ander not in opslag.medeschuldenaren(sessie, d.id):
            beheer.bewaar(
                sessie,
                Medeschuldenaar(dossier_id=d.id, ander_id=ander),
                Medeschuldenaar(dossier_id=ander, ander_id=d.id),
            )
    return d


def werk_executie_bij(
    sessie: Sessie,
    beslisser: Beslisser,
    actor: Actor,
    dossier_id: str,
    status: str,
    herkomst: str = "app",
) -> Vermogensdossier:
    d = _dossier(sessie, beslisser, actor, dossier_id, "dossier-bijwerken", herkomst)
    if toegang.ketenrol(beslisser, actor) is not Rol.OFFICIER:
        raise GeenToegang("de officier van justitie legt de stand van de executie vast")
    if status not in EXECUTIESTATUSSEN:
        raise OngeldigeInvoer({"status": "kies een stand van de executie"})
    d.executiestatus = status
    return d


def registreer_betaling(
    sessie: Sessie,
    beslisser: Beslisser,
    actor: Actor,
    dossier_id: str,
    bedrag_euro: str | float,
    ontvangen_op: dt.date,
    herkomst: str = "app",
) -> Betaling:
    d = _dossier(sessie, beslisser, actor, dossier_id, "dossier-bijwerken", herkomst)
    if d.vordering_centen is None:
        raise OngeldigeInvoer({"vordering": "er is nog geen vordering vastgesteld"})
    centen = _centen(bedrag_euro, "bedrag")
    if not centen:
        raise OngeldigeInvoer({"bedrag": "vul het ontvangen bedrag in"})
    b = Betaling(
        id=str(uuid.uuid4()), dossier_id=d.id, bedrag_centen=centen, ontvangen_op=ontvangen_op
    )
    beheer.bewaar(sessie, b)
    return b


@dataclass(frozen=True)
class Positiepunt:
    datum: dt.date
    bekend_centen: int
    beslagen_centen: int
    vervreemd_centen: int
    verhaald_centen: int


@dataclass(frozen=True)
class Dossierbeeld:
    dossier: Vermogensdossier
    objecten: list[Beslagobject]
    handelingen: list[Onderzoekshandeling]
    bekend: list[BekendVermogen]
    betalingen: list[Betaling]
    medeschuldenaren: list[str]
    openstaand_centen: int | None
    positie: list[Positiepunt]


def positie(
    bekend: list[BekendVermogen],
    objecten: list[Beslagobject],
    opbrengsten: dict[str, tuple[dt.date, int]],
    betalingen: list[Betaling],
) -> list[Positiepunt]:
    """Cumulative asset position at each date something changed (pure)."""
    momenten: list[tuple[dt.date, str, int]] = []
    momenten += [(v.bekend_sinds, "bekend", v.waarde_centen or 0) for v in bekend]
    momenten += [(o.beslagen_op, "beslagen", o.waarde_centen or 0) for o in objecten]
    momenten += [(d, "vervreemd", c) for d, c in opbrengsten.values()]
    momenten += [(b.ontvangen_op, "verhaald", b.bedrag_centen) for b in betalingen]
    stand = {"bekend": 0, "beslagen": 0, "vervreemd": 0, "verhaald": 0}
    uit: list[Positiepunt] = []
    for datum, soort, centen in sorted(momenten, key=lambda m: m[0]):
        stand[soort] += centen
        punt = Positiepunt(
            datum, stand["bekend"], stand["beslagen"], stand["vervreemd"], stand["verhaald"]
        )
        if uit and uit[-1].datum == datum:
            uit[-1] = punt
        else:
            uit.append(punt)
    return uit


def beeld(
    sessie: Sessie, beslisser: Beslisser, actor: Actor, dossier_id: str, herkomst: str = "app"
) -> Dossierbeeld:
    d = _dossier(sessie, beslisser, actor, dossier_id, "dossier-lezen", herkomst)
    objecten = opslag.objecten_van_dossier(sessie, d.id)
    zichtbaar = toegang.lees(sessie, beslisser, actor, objecten, "dossier-objecten", herkomst)
    opbrengsten: dict[str, tuple[dt.date, int]] = {}
    for w in opslag.waarderingen(sessie, [o.id for o in zichtbaar]):
        if w.methode == "opbrengst":
            opbrengsten[w.object_id] = (w.geregistreerd_op.date(), w.bedrag_centen)
    mede = opslag.medeschuldenaren(sessie, d.id)
    # Jointly liable: every co-debtor's payment reduces the one claim.
    betaald = sum(b.bedrag_centen for x in [d.id, *mede] for b in opslag.betalingen(sessie, x))
    verhaald_op_beslag = sum(
        (o.waarde_centen or 0)
        for o in zichtbaar
        if o.status == BeslagStatus.VERBEURDVERKLAARD.value and o.soort in ("contant", "banktegoed")
    )
    betalingen = opslag.betalingen(sessie, d.id)
    bekend = opslag.bekend_vermogen(sessie, d.id)
    return Dossierbeeld(
        dossier=d,
        objecten=zichtbaar,
        handelingen=opslag.onderzoekshandelingen(sessie, d.id),
        bekend=bekend,
        betalingen=betalingen,
        medeschuldenaren=mede,
        openstaand_centen=(
            max(d.vordering_centen - betaald - verhaald_op_beslag, 0)
            if d.vordering_centen is not None
            else None
        ),
        positie=positie(bekend, zichtbaar, opbrengsten, betalingen),
    )


def dossiers(
    sessie: Sessie, beslisser: Beslisser, actor: Actor, herkomst: str = "app"
) -> list[Vermogensdossier]:
    """The dossiers the rules let the actor's organisation see, each read logged."""
    uit = []
    for d in opslag.alle_dossiers(sessie):
        b = _besluit(sessie, beslisser, actor, d)
        if b.toegestaan:
            _log(sessie, actor, d, b, "dossier-lijst", herkomst)
            uit.append(d)
    return uit
