# SPDX-License-Identifier: EUPL-1.2
"""Matching runs: started by a case member, run in steps that are committed as they go.

A run reads the case's persons through the policy layer (a rule decision and a log line for
each), fixes its model (stored with the run), then stores the suggested pairs in batches, each
batch with the run's progress in one transaction. Stopped halfway — a crash, a kill, a restart —
the run resumes at its stored progress with its stored model: nothing is estimated or stored
twice. (What is repeated is the read, which is logged again: it is a new processing.)
"""

from __future__ import annotations

import contextlib
import datetime as dt
import secrets
from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

import numpy as np

from integraal import logboek
from integraal.delen import Beslisser
from integraal.domein.actor import Actor
from integraal.domein.rollen import Rol
from integraal.gebruikers import actor_van
from integraal.kruis import personen
from integraal.kruis.koppel import Uitkomst, alle_paren, koppel
from integraal.kruis.model import Model, globale_prior
from integraal.kruis.standaardmodel import laad as standaardmodel
from integraal.kruis.tabel import Tabel
from integraal.kruisverwijzing import GeenToegang, OngeldigeInvoer
from integraal.opslag import beheer
from integraal.opslag import casussen as casusopslag
from integraal.opslag import kruis as opslag
from integraal.opslag.db import Sessie, Sessiefabriek, transactie
from integraal.opslag.modellen import Kruissuggestie, Kruistaak, nu
from integraal.toegang import Leesvraag
from integraal.toegang.kruis import Gelezen, Persoonsbron, lees_personen

Fabriek = Sessiefabriek
Melding = Callable[[str, int, int], None]  # (stap, gedaan, totaal)

DREMPEL = 0.5  # every pair at least this likely is put before a person
PARTIJ = 500  # suggestions stored per transaction
EIGEN_MODEL_VANAF = 5_000  # below this many persons the standard model is used


class Soort(StrEnum):
    CASUS = "casus"  # all persons of the case against each other
    LEVERING = "levering"  # one delivery against the rest of the case
    DATASETS = "datasets"  # one dataset against another


class Status(StrEnum):
    WACHTEND = "wachtend"
    BEZIG = "bezig"
    ONDERBROKEN = "onderbroken"
    KLAAR = "klaar"


STATUS_LABELS = {
    Status.WACHTEND: "wacht op start",
    Status.BEZIG: "bezig",
    Status.ONDERBROKEN: "onderbroken — kan worden hervat",
    Status.KLAAR: "klaar",
}


def lid_van_casus(
    sessie: Sessie, actor: Actor, casus_id: str, *, open_vereist: bool = True
) -> None:
    """Only the case's members (and its coordinator) cross-reference in it."""
    c = beheer.casus(sessie, casus_id)
    lid = casusopslag.lid(sessie, casus_id, actor.gebruiker_id) is not None
    coordinator = (
        c is not None and actor.rol is Rol.COORDINATOR and actor.organisatie_id == c.verband_id
    )
    if c is None or not (lid or coordinator):
        raise GeenToegang(f"casus {casus_id} bestaat niet of u heeft er geen toegang toe")
    if open_vereist and c.status != "open":
        raise GeenToegang(
            f"casus {casus_id} is gesloten; kruisverwijzen kan alleen in een open casus"
        )


def start(
    sessie: Sessie,
    actor: Actor,
    casus_id: str,
    soort: Soort = Soort.CASUS,
    *,
    levering_id: str | None = None,
    datasets: tuple[str, str] | None = None,
) -> str:
    """Register a run; it is carried out by `voer_uit` (in the background or the CLI)."""
    lid_van_casus(sessie, actor, casus_id)
    parameters: dict[str, Any] = {}
    if soort is Soort.LEVERING:
        if not levering_id:
            raise OngeldigeInvoer({"levering": "kies de levering die tegen de casus wordt gelegd"})
        parameters["levering"] = levering_id
    if soort is Soort.DATASETS:
        if not datasets or not all(datasets) or datasets[0] == datasets[1]:
            raise OngeldigeInvoer({"datasets": "kies twee verschillende datasets"})
        parameters["datasets"] = list(datasets)
    taak_id = f"KT-{dt.date.today():%Y%m%d}-{secrets.token_hex(3)}"
    sessie.add(
        Kruistaak(
            id=taak_id,
            casus_id=casus_id,
            soort=soort.value,
            parameters=parameters,
            status=Status.WACHTEND.value,
            gestart_door=actor.gebruiker_id,
            organisatie_id=actor.organisatie_id,
        )
    )
    logboek.schrijf_audit(
        sessie,
        trace_id=logboek.nieuwe_trace_id(),
        gebruiker_id=actor.gebruiker_id,
        organisatie_id=actor.organisatie_id,
        actie="kruisverwijzing starten",
        resultaat="uitgevoerd",
        herkomst="app",
        details={"casus": casus_id, "taak": taak_id, "soort": soort.value, **parameters},
    )
    return taak_id


def _bron(taak: Kruistaak, p: Persoonsbron) -> int | None:
    """0/1 for the two sides of a linking run; None leaves the person out."""
    if taak.soort == Soort.LEVERING:
        return 1 if taak.parameters["levering"] in p.leveringen else 0
    if taak.soort == Soort.DATASETS:
        a, b = taak.parameters["datasets"]
        if a in p.datasets:
            return 0
        return 1 if b in p.datasets else None
    return 0


@dataclass
class _Voorbereid:
    tabel: Tabel
    bronnen: list[frozenset[str]]
    koppelen: bool


def _voorbereid(taak: Kruistaak, gelezen: Gelezen) -> _Voorbereid:
    records, bronnen = [], []
    for p in sorted(gelezen.personen, key=lambda p: p.entity_id):
        bron = _bron(taak, p)
        if bron is None:
            continue
        r = personen.record(p.entity_id, p.eigenschappen, gelezen.adressen)
        r["bron"] = str(bron)
        records.append(r)
        bronnen.append(p.bronnen)
    koppelen = taak.soort != Soort.CASUS
    tabel = Tabel.maak(
        personen.VELDEN, records, bron=(lambda r: int(r["bron"] or 0)) if koppelen else None
    )
    return _Voorbereid(tabel, bronnen, koppelen)


def _score(v: _Voorbereid, taak: Kruistaak) -> Uitkomst:
    if taak.model is not None:
        return koppel(
            v.tabel, personen.SLEUTELS, koppelen=v.koppelen, model=Model.uit_dict(taak.model)
        )
    if v.tabel.n >= EIGEN_MODEL_VANAF:
        return koppel(v.tabel, personen.SLEUTELS, koppelen=v.koppelen)
    # Too few persons to estimate from: the standard model, its prior fitted to this scope.
    model = standaardmodel()
    uitkomst = koppel(v.tabel, personen.SLEUTELS, koppelen=v.koppelen, model=model)
    oud = model.basisgewicht
    model.prior = max(globale_prior(uitkomst.gewicht - oud, alle_paren(v.tabel, v.koppelen)), 1e-6)
    # The prior only moves the base weight: shift the scores instead of scoring again.
    uitkomst.gewicht = uitkomst.gewicht + (model.basisgewicht - oud)
    return uitkomst


def _actor_van(sessie: Sessie, taak: Kruistaak) -> Actor:
    g = beheer.gebruiker(sessie, taak.gestart_door)
    if g is None:  # pragma: no cover - users are never deleted
        raise GeenToegang("de gebruiker die deze kruisverwijzing startte bestaat niet meer")
    return actor_van(g)


def voer_uit(
    fabriek: Fabriek,
    beslisser: Beslisser,
    taak_id: str,
    *,
    melding: Melding | None = None,
    herkomst: str = "app",
) -> Kruistaak:
    """Carry out (or resume) a run as the person who started it."""
    with transactie(fabriek) as sessie:
        taak = opslag.taak(sessie, taak_id)
        if taak is None:
            raise OngeldigeInvoer({"taak": f"kruisverwijzing {taak_id} bestaat niet"})
        if taak.status == Status.KLAAR:
            sessie.expunge(taak)
            return taak
        actor = _actor_van(sessie, taak)
        lid_van_casus(sessie, actor, taak.casus_id)
        casus = beheer.casus(sessie, taak.casus_id)
        assert casus is not None
        gelezen = lees_personen(
            sessie, beslisser, actor, Leesvraag(casus.doel, taak.casus_id, herkomst)
        )
        taak.status, taak.stap, taak.fout, taak.bijgewerkt = Status.BEZIG.value, "lezen", None, nu()
        taak_snapshot = _los(taak)
    try:
        return _verder(fabriek, taak_snapshot, gelezen, melding)
    except Exception as exc:
        with transactie(fabriek) as sessie:
            t = opslag.taak(sessie, taak_id)
            if t is not None:
                t.status, t.fout, t.bijgewerkt = Status.ONDERBROKEN.value, str(exc)[:500], nu()
        raise


def _los(taak: Kruistaak) -> Kruistaak:
    return Kruistaak(
        id=taak.id,
        casus_id=taak.casus_id,
        soort=taak.soort,
        parameters=dict(taak.parameters),
        model=taak.model,
        gedaan=taak.gedaan,
        totaal=taak.totaal,
    )


def _verder(
    fabriek: Fabriek, taak: Kruistaak, gelezen: Gelezen, melding: Melding | None
) -> Kruistaak:
    if melding:
        melding("lezen", len(gelezen.personen), len(gelezen.personen))
    v = _voorbereid(taak, gelezen)
    uitkomst = _score(v, taak)
    kies = np.flatnonzero(uitkomst.kans >= DREMPEL)
    if taak.model is None:
        with transactie(fabriek) as sessie:
            t = opslag.taak(sessie, taak.id)
            assert t is not None
            t.model, t.totaal, t.stap, t.bijgewerkt = (
                uitkomst.model.als_dict(),
                len(kies),
                "model vastgelegd",
                nu(),
            )
        if melding:
            melding("model", 1, 1)
    # Resuming over the same suggestions (same scope, same model) starts where the run stopped;
    # if the case changed meanwhile, the order may differ, so start over — pairs already stored
    # are skipped below, so nothing is stored twice either way.
    gedaan = taak.gedaan if taak.totaal == len(kies) else 0
    ids = v.tabel.ids
    while gedaan < len(kies):
        deel = kies[gedaan : gedaan + PARTIJ]
        with transactie(fabriek) as sessie:
            bekend = opslag.bekende_paren(sessie, taak.casus_id)
            for i in deel:
                x, y = sorted((ids[int(uitkomst.a[i])], ids[int(uitkomst.b[i])]))
                if (x, y) in bekend:
                    continue  # an earlier run in this case suggested it already
                ia, ib = int(uitkomst.a[i]), int(uitkomst.b[i])
                sessie.add(
                    Kruissuggestie(
                        taak_id=taak.id,
                        casus_id=taak.casus_id,
                        links=x,
                        rechts=y,
                        kans=float(uitkomst.kans[i]),
                        gewicht=float(uitkomst.gewicht[i]),
                        uitleg=[
                            {
                                "veld": u.veld,
                                "niveau": u.niveau,
                                "gewicht": u.gewicht,
                                "aandeel": u.aandeel,
                            }
                            for u in uitkomst.uitleg(int(i))
                        ],
                        over_organisaties=v.bronnen[ia] != v.bronnen[ib],
                    )
                )
            gedaan += len(deel)
            t = opslag.taak(sessie, taak.id)
            assert t is not None
            t.gedaan, t.stap, t.bijgewerkt = gedaan, "suggesties opslaan", nu()
        if melding:
            melding("suggesties opslaan", gedaan, len(kies))
    with transactie(fabriek) as sessie:
        t = opslag.taak(sessie, taak.id)
        assert t is not None
        t.status, t.stap, t.totaal, t.bijgewerkt = Status.KLAAR.value, "klaar", len(kies), nu()
        sessie.flush()
        sessie.expunge(t)
    return t


def op_achtergrond(fabriek: Fabriek, beslisser: Beslisser, taak_id: str, herkomst: str) -> None:
    """`voer_uit` for a background task: a failure is already stored on the run (status
    "onderbroken", with the reason, shown on its page), so nothing is raised here."""
    with contextlib.suppress(Exception):
        voer_uit(fabriek, beslisser, taak_id, herkomst=herkomst)


def taak_van_casus(
    sessie: Sessie, actor: Actor, casus_id: str, taak_id: str, *, open_vereist: bool = True
) -> Kruistaak:
    """A run of a case the actor is a member of, or a Dutch refusal."""
    lid_van_casus(sessie, actor, casus_id, open_vereist=open_vereist)
    t = opslag.taak(sessie, taak_id)
    if t is None or t.casus_id != casus_id:
        raise OngeldigeInvoer({"taak": "deze kruisverwijzing bestaat niet in deze casus"})
    return t


def hervat_alles(
    fabriek: Fabriek, beslisser: Beslisser, *, herkomst: str = "app", van: int | None = None
) -> list[str]:
    """Resume every run not finished (after a crash or restart), or only those started by user
    `van`; returns their ids. Each runs as the person who started it."""
    with transactie(fabriek) as sessie:
        open_ = [
            t.id for t in opslag.onafgemaakte_taken(sessie) if van is None or t.gestart_door == van
        ]
    for taak_id in open_:
        voer_uit(fabriek, beslisser, taak_id, herkomst=herkomst)
    return open_
