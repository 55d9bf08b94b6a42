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
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any, ClassVar

import numpy as np

from integraal import logboek
from integraal.bronnen import afspraken
from integraal.domein.actor import Actor
from integraal.domein.fouten import (
    Conflict,
    GeenToegang,
    NietGevonden,
    OngeldigeInvoer,
    Weigering,
)
from integraal.domein.invoer import Invoer, OptioneleTekst, Uitvoer, veld
from integraal.domein.keuze import Keuze
from integraal.domein.rollen import Rol
from integraal.gebruikers import actor_van
from integraal.kruis import personen
from integraal.kruis.koppel import Uitkomst, koppel
from integraal.kruis.model import Model, leer
from integraal.kruis.standaardmodel import koppel_met_standaardmodel
from integraal.kruis.tabel import Tabel
from integraal.kruis.toewijzing import een_op_een
from integraal.kruis.vergelijk import standaard
from integraal.opslag import beheer, leveringen
from integraal.opslag import casussen as casusopslag
from integraal.opslag import kruis as opslag
from integraal.opslag.modellen import Kruissuggestie, Kruistaak, Levering
from integraal.opslag.werker import deze_werker, leeft
from integraal.toegang import Leesvraag
from integraal.toegang.kruisverwijzing import Gelezen, Persoonsbron, lees_personen
from integraal.verwerking import Context, Contextmaker, Kanaal

Melding = Callable[[str, int, int], None]  # (stap, gedaan, totaal)

DREMPEL = 0.5  # every pair at least this likely is put before a person
PARTIJ = 500  # suggestions stored per transaction
EIGEN_MODEL_VANAF = 5_000  # below this many persons the standard model is used
# From this many persons a run goes to the Dask workers, when a scheduler is configured
# (INTEGRAAL_DASK): the same suggestions, with the pairs' memory spread over the workers.
VERDEELD_VANAF = 200_000


class Soort(Keuze):
    CASUS = "casus", "Alle personen van de casus tegen elkaar"
    LEVERING = "levering", "Eén levering tegen de rest van de casus"
    DATASETS = "datasets", "Twee datasets tegen elkaar"


class Status(Keuze):
    WACHTEND = "wachtend", "Wacht op start"
    BEZIG = "bezig", "Bezig"
    ONDERBROKEN = "onderbroken", "Onderbroken — kan worden hervat"
    KLAAR = "klaar", "Klaar"


class Leren(Keuze):
    CASUS = "casus", "Van de oordelen in deze casus"
    ALLE = "alle", "Van de oordelen in alle casussen (alleen per veld hoe het paar overeenkwam)"
    GEEN = "geen", "Niet: alleen wat de gegevens zelf laten zien"


class KruistaakIn(Invoer):
    soort: Soort = veld("Wat legt u tegen elkaar?", standaard=Soort.CASUS)
    leren: Leren = veld("Leren van eerdere oordelen", standaard=Leren.CASUS)
    # Two registers hold a person once each: by default each record is put beside at most one
    # record of the other dataset, the best pair first.
    alle_koppelingen: bool = veld("Ook meer dan één koppeling per record", standaard=False)
    levering_id: OptioneleTekst = veld("Levering", standaard=None, max_length=60)
    datasets: list[str] = veld("Datasets", standaard=[], max_length=2)

    meldingen: ClassVar[dict[str, str]] = {
        "soort": "Kies wat u tegen elkaar legt.",
        "leren": "Kies of het model leert van eerdere oordelen.",
    }


class KruistaakUit(Uitvoer):
    id: str
    casus_id: str
    soort: Soort
    status: Status
    stap: str
    gedaan: int
    totaal: int
    fout: str | None
    aangemaakt: dt.datetime
    geleerd_van: int = 0  # judged pairs whose verdict corrected the model

    @classmethod
    def van(cls, t: Kruistaak) -> KruistaakUit:
        return cls(
            id=t.id,
            casus_id=t.casus_id,
            soort=Soort(t.soort),
            status=Status(t.status),
            stap=t.stap,
            gedaan=t.gedaan,
            totaal=t.totaal,
            fout=t.fout,
            aangemaakt=t.aangemaakt,
            geleerd_van=int((t.model or {}).get("oordelen", 0)),
        )


@dataclass(frozen=True)
class Startkeuzes:
    """What a run can be scoped to in this case: its deliveries and their datasets."""

    leveringen: list[tuple[str, str]]
    datasets: list[tuple[str, str]]


def lid_van_casus(ctx: Context, casus_id: str, *, open_vereist: bool = True) -> None:
    """Only the case's members (and its coordinator) cross-reference in it."""
    actor = ctx.ik
    c = beheer.casus(ctx.sessie, casus_id)
    lid = (
        casusopslag.lid(ctx.sessie, casus_id, actor.gebruiker_id, sinds=ctx.bevestigd_sinds())
        is not None
    )
    coordinator = (
        c is not None and actor.rol is Rol.COORDINATOR and actor.organisatie_id == c.verband_id
    )
    if c is None or not (lid or coordinator):
        raise NietGevonden(f"casus {casus_id} bestaat niet of u heeft er geen toegang toe")
    if open_vereist and c.status != "open":
        raise Conflict(f"casus {casus_id} is gesloten; kruisverwijzen kan alleen in een open casus")


def keuzes(ctx: Context, casus_id: str) -> Startkeuzes:
    lid_van_casus(ctx, casus_id, open_vereist=False)
    eigen = [
        lev
        for lev in leveringen.lijst_leveringen(ctx.sessie)
        if lev.casus_id == casus_id and lev.status == "verwerkt"
    ]
    titels = afspraken.titels(ctx.sessie)
    naam = ctx.beslisser.register.naam

    def dataset(lev: Levering) -> str:
        # A person knows a dataset by its delivery agreement and partner, not by its code.
        return f"{titels.get(lev.mapping, lev.bestandsnaam)} ({naam(lev.partner_id)})"

    return Startkeuzes(
        leveringen=[(lev.id, f"{lev.bestandsnaam} ({lev.ontvangen_op:%d-%m-%Y})") for lev in eigen],
        datasets=sorted({(lev.dataset, dataset(lev)) for lev in eigen}, key=lambda p: p[1]),
    )


def start(ctx: Context, casus_id: str, invoer: KruistaakIn) -> KruistaakUit:
    """Register a run; it is carried out by `voer_uit` (in the background or the CLI)."""
    lid_van_casus(ctx, casus_id)
    parameters: dict[str, Any] = {}
    if invoer.soort is Soort.LEVERING:
        if not invoer.levering_id:
            raise OngeldigeInvoer({"levering_id": "Kies de levering die u tegen de casus legt."})
        parameters["levering"] = invoer.levering_id
    if invoer.soort is Soort.DATASETS:
        if len(invoer.datasets) != 2 or invoer.datasets[0] == invoer.datasets[1]:
            raise OngeldigeInvoer({"datasets": "Kies twee verschillende datasets."})
        parameters["datasets"] = list(invoer.datasets)
        parameters["een_op_een"] = not invoer.alle_koppelingen
    parameters["leren"] = invoer.leren.value
    taak_id = f"KT-{ctx.nu():%Y%m%d}-{secrets.token_hex(3)}"
    t = Kruistaak(
        id=taak_id,
        casus_id=casus_id,
        soort=invoer.soort.value,
        parameters=parameters,
        status=Status.WACHTEND.value,
        gestart_door=ctx.ik.gebruiker_id,
        organisatie_id=ctx.ik.organisatie_id,
        verwerker=deze_werker(),  # the background task of this process takes it up
    )
    beheer.bewaar(ctx.sessie, t)
    ctx.audit(
        "kruisverwijzing starten",
        casus=casus_id,
        taak=taak_id,
        soort=invoer.soort.value,
        **parameters,
    )
    return KruistaakUit.van(t)


def lijst(ctx: Context, casus_id: str) -> list[KruistaakUit]:
    lid_van_casus(ctx, casus_id, open_vereist=False)
    return [KruistaakUit.van(t) for t in opslag.taken_van_casus(ctx.sessie, casus_id)]


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


def _bewaard_model(taak: Kruistaak, v: _Voorbereid) -> Model | None:
    """The run's stored model, unless the comparisons changed since it was stored (a run
    interrupted before an upgrade): then it is estimated again."""
    if taak.model is None:
        return None
    model = Model.uit_dict(taak.model)
    return model if model.past_bij(standaard(v.tabel.velden)) else None


def _score(v: _Voorbereid, taak: Kruistaak, werkers: Any = None) -> Uitkomst | Any:
    """The scored pairs: in this process (an `Uitkomst`), or with a Dask client `werkers` on its
    workers (a `kruis.verdeeld.VerdeeldeUitkomst`, which learns and selects the same way)."""
    bewaard = _bewaard_model(taak, v)
    if werkers is not None:
        from integraal.kruis.verdeeld import koppel_verdeeld

        tabel, sleutels = v.tabel, personen.SLEUTELS
        return koppel_verdeeld(werkers, tabel, sleutels, koppelen=v.koppelen, model=bewaard)
    if bewaard is not None:
        return koppel(v.tabel, personen.SLEUTELS, koppelen=v.koppelen, model=bewaard)
    if v.tabel.n >= EIGEN_MODEL_VANAF:
        return koppel(v.tabel, personen.SLEUTELS, koppelen=v.koppelen)
    return koppel_met_standaardmodel(v.tabel, personen.SLEUTELS, koppelen=v.koppelen)


@contextlib.contextmanager
def _werkers(v: _Voorbereid, dask: str | None) -> Iterator[Any]:
    """A client to the configured Dask scheduler for a large run; None: this process."""
    if not dask or v.tabel.n < max(VERDEELD_VANAF, EIGEN_MODEL_VANAF):
        yield None
        return
    from integraal.kruis.verdeeld import verbind

    with verbind(0, dask) as client:
        yield client


def _leer(uitkomst: Any, gelabeld: list[tuple[list[Any], bool]]) -> None:
    """Correct the run's fresh model with people's verdicts on earlier suggestions (their
    stored levels, never values) and rescore its pairs; the corrections are stored with the
    model, so a resumed run scores the same."""
    model = uitkomst.model
    plek = {v.titel: k for k, v in enumerate(uitkomst.vergelijkers)}
    rijen, labels = [], []
    for uitleg, zelfde in gelabeld:
        rij = np.zeros(len(plek), dtype=np.int8)
        try:
            for r in uitleg:
                if (k := plek.get(r["veld"])) is not None:
                    rij[k] = model.labels[k].index(r["niveau"])
        except ValueError:
            continue  # judged under comparisons that have since changed
        rijen.append(rij)
        labels.append(zelfde)
    if not rijen:
        return
    lv = np.stack(rijen)
    uitkomst.herweeg(leer(model, lv, model.gewicht(lv), np.asarray(labels, dtype=np.bool_)))


def _actor_van(ctx: Context, taak: Kruistaak) -> Actor:
    g = beheer.gebruiker(ctx.sessie, taak.gestart_door)
    if g is None:  # pragma: no cover - users are never deleted
        raise GeenToegang("de gebruiker die deze kruisverwijzing startte bestaat niet meer")
    return actor_van(g)


def voer_uit(
    maak: Contextmaker,
    taak_id: str,
    *,
    melding: Melding | None = None,
    kanaal: Kanaal = Kanaal.TAAK,
    dask: str | None = None,
) -> KruistaakUit:
    """Carry out (or resume) a run as the person who started it: every step commits on its
    own, all under one trace id, so the run's reads and its audit record stay linked."""
    trace = logboek.nieuwe_trace_id()
    actor: Actor | None = None
    try:
        with maak(None, kanaal, trace_id=trace) as ctx:
            taak = opslag.taak(ctx.sessie, taak_id)
            if taak is None:
                raise NietGevonden(f"kruisverwijzing {taak_id} bestaat niet")
            if taak.status == Status.KLAAR:
                return KruistaakUit.van(taak)
            actor = _actor_van(ctx, taak)
            # The run reads as the person who started it: their decisions, their log lines.
            ctx.actor = actor
            lid_van_casus(ctx, taak.casus_id)
            casus = beheer.casus(ctx.sessie, taak.casus_id)
            assert casus is not None
            gelezen = lees_personen(ctx, Leesvraag(casus.doel, taak.casus_id))
            taak.status, taak.stap, taak.fout = Status.BEZIG.value, "lezen", None
            taak.bijgewerkt, taak.verwerker = ctx.nu(), deze_werker()
            taak_snapshot = _los(taak)
        return _verder(maak, actor, kanaal, trace, taak_snapshot, gelezen, melding, dask)
    except Exception as exc:
        # Whatever stopped the run (the case closed, the starter left it, a crash), the run
        # says so and can be resumed, instead of waiting forever.
        _onderbreek(maak, actor, kanaal, trace, taak_id, exc)
        raise


def _onderbreek(
    maak: Contextmaker,
    actor: Actor | None,
    kanaal: Kanaal,
    trace: str,
    taak_id: str,
    exc: Exception,
) -> None:
    reden = exc.melding if isinstance(exc, Weigering) else "de verwerking is afgebroken"
    with maak(actor, kanaal, trace_id=trace) as ctx:
        t = opslag.taak(ctx.sessie, taak_id)
        if t is not None and t.status != Status.KLAAR:
            t.status, t.fout, t.bijgewerkt = Status.ONDERBROKEN.value, reden[:500], ctx.nu()


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
    maak: Contextmaker,
    actor: Actor,
    kanaal: Kanaal,
    trace: str,
    taak: Kruistaak,
    gelezen: Gelezen,
    melding: Melding | None,
    dask: str | None = None,
) -> KruistaakUit:
    if melding:
        melding("lezen", len(gelezen.personen), len(gelezen.personen))
    v = _voorbereid(taak, gelezen)
    with _werkers(v, dask) as werkers:
        run = _score(v, taak, werkers)
        nieuw_model = taak.model is None or not Model.uit_dict(taak.model).past_bij(
            run.vergelijkers
        )
        leren = taak.parameters.get("leren", Leren.GEEN.value)
        if nieuw_model and leren != Leren.GEEN.value:
            with maak(actor, kanaal, trace_id=trace) as ctx:
                gelabeld = opslag.gelabelde_paren(
                    ctx.sessie, taak.casus_id if leren == Leren.CASUS.value else None
                )
            _leer(run, gelabeld)
        # Only pairs put before a person are needed from here on: from the workers, only those.
        uitkomst: Uitkomst = run if isinstance(run, Uitkomst) else run.boven(DREMPEL)
    if taak.parameters.get("een_op_een"):
        kies = np.sort(een_op_een(uitkomst.a, uitkomst.b, uitkomst.kans, DREMPEL))
    else:
        kies = np.flatnonzero(uitkomst.kans >= DREMPEL)
    if nieuw_model:
        with maak(actor, kanaal, trace_id=trace) as ctx:
            t = opslag.taak(ctx.sessie, taak.id)
            assert t is not None
            t.model, t.totaal, t.stap, t.bijgewerkt = (
                uitkomst.model.als_dict(),
                len(kies),
                "model vastgelegd",
                ctx.nu(),
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
        with maak(actor, kanaal, trace_id=trace) as ctx:
            bekend = opslag.bekende_paren(ctx.sessie, taak.casus_id)
            nieuw = []
            for i in deel:
                x, y = sorted((ids[int(uitkomst.a[i])], ids[int(uitkomst.b[i])]))
                if (x, y) in bekend:
                    continue  # an earlier run in this case suggested it already
                ia, ib = int(uitkomst.a[i]), int(uitkomst.b[i])
                nieuw.append(
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
            beheer.bewaar(ctx.sessie, *nieuw)
            gedaan += len(deel)
            t = opslag.taak(ctx.sessie, taak.id)
            assert t is not None
            t.gedaan, t.stap, t.bijgewerkt = gedaan, "suggesties opslaan", ctx.nu()
        if melding:
            melding("suggesties opslaan", gedaan, len(kies))
    with maak(actor, kanaal, trace_id=trace) as ctx:
        t = opslag.taak(ctx.sessie, taak.id)
        assert t is not None
        t.status, t.stap, t.totaal, t.bijgewerkt = Status.KLAAR.value, "klaar", len(kies), ctx.nu()
        ctx.audit(
            "kruisverwijzing uitvoeren",
            "klaar",
            casus=taak.casus_id,
            taak=taak.id,
            suggesties=len(kies),
            geleerd_van=uitkomst.model.oordelen,
        )
        ctx.sessie.flush()
        return KruistaakUit.van(t)


def taak_van_casus(
    ctx: Context, casus_id: str, taak_id: str, *, open_vereist: bool = True
) -> KruistaakUit:
    """A run of a case the actor is a member of, or a Dutch refusal."""
    lid_van_casus(ctx, casus_id, open_vereist=open_vereist)
    t = opslag.taak(ctx.sessie, taak_id)
    if t is None or t.casus_id != casus_id:
        raise NietGevonden("deze kruisverwijzing bestaat niet in deze casus")
    return KruistaakUit.van(t)


def hervat_alles(
    maak: Contextmaker,
    *,
    kanaal: Kanaal = Kanaal.TAAK,
    van: int | None = None,
    dask: str | None = None,
) -> list[str]:
    """Resume every run not finished (after a crash or restart), or only those started by user
    `van`; returns their ids. Each runs as the person who started it. A run another living
    process is carrying out is left to it."""
    with maak(None, kanaal) as ctx:
        open_ = [
            t.id
            for t in opslag.onafgemaakte_taken(ctx.sessie)
            if (van is None or t.gestart_door == van)
            and (t.status == Status.ONDERBROKEN or not leeft(t.verwerker, t.bijgewerkt, ctx.nu()))
        ]
    for taak_id in open_:
        # One run that cannot go on (it is marked interrupted, with the reason) does not
        # keep the others from resuming.
        with contextlib.suppress(Weigering):
            voer_uit(maak, taak_id, kanaal=kanaal, dask=dask)
    return open_
