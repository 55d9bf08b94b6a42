# SPDX-License-Identifier: EUPL-1.2
"""Enforcement advice, interventions and their results (written as events for the monitor)."""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Sequence
from dataclasses import dataclass

from integraal import logboek
from integraal.casus import GeenToegang, OngeldigeInvoer
from integraal.delen import Beslisser, Verzoek, leg_uit
from integraal.domein.actor import Actor
from integraal.domein.casus import (
    EIGENAARS,
    INTERVENTIE_OVERGANGEN,
    MAATREGELEN,
    UITKOMSTEN,
    UITKOMSTEN_MET_BEDRAG,
    AdviesStatus,
    CasusStatus,
    InterventieSoort,
    InterventieStatus,
    OngeldigeOvergang,
    controleer,
)
from integraal.domein.rollen import Rol
from integraal.opslag import beheer
from integraal.opslag import casussen as opslag
from integraal.opslag.db import Sessie
from integraal.opslag.modellen import Advies, Casus, CasusSubject, Gebeurtenis, Interventie
from integraal.toegang.context import casus_context


@dataclass(frozen=True)
class Voorstel:
    soort: str
    maatregel: str
    eigenaar: str
    toelichting: str = ""


def _open_casus(sessie: Sessie, actor: Actor, casus_id: str) -> Casus:
    c = beheer.casus(sessie, casus_id)
    if c is None or (
        opslag.lid(sessie, casus_id, actor.gebruiker_id) is None
        and not (actor.rol is Rol.COORDINATOR and actor.organisatie_id == c.verband_id)
    ):
        raise GeenToegang(f"casus {casus_id} bestaat niet of u heeft er geen toegang toe")
    if c.status != CasusStatus.OPEN.value:
        raise GeenToegang(f"casus {casus_id} is gesloten")
    return c


def gebeurtenis(
    sessie: Sessie, soort: str, c: Casus | None, org: str | None, **gegevens: object
) -> None:
    beheer.bewaar(
        sessie,
        Gebeurtenis(
            soort=soort,
            casus_id=c.id if c else None,
            verband_id=c.verband_id if c else None,
            organisatie_id=org,
            gegevens=dict(gegevens),
        ),
    )


def stel_op(
    sessie: Sessie,
    beslisser: Beslisser,
    actor: Actor,
    casus_id: str,
    analyse: str,
    voorstellen: Sequence[Voorstel],
) -> Advies:
    """Draft (or redraft) the advice, proposing interventions to organisations with competence."""
    c = _open_casus(sessie, actor, casus_id)
    bestaand = sessie.get(Advies, casus_id)
    if bestaand is not None and bestaand.status == AdviesStatus.VASTGESTELD.value:
        raise GeenToegang("het advies is al vastgesteld")
    fouten: dict[str, str] = {}
    if len(analyse.strip()) < 20:
        fouten["analyse"] = "vat de analyse samen in minstens 20 tekens"
    if not voorstellen:
        fouten["interventies"] = "stel minstens één interventie voor"
    for i, v in enumerate(voorstellen, start=1):
        try:
            soort = InterventieSoort(v.soort)
        except ValueError:
            fouten[f"interventie {i}"] = "kies bestuurlijk, strafrechtelijk of fiscaal"
            continue
        if v.maatregel not in MAATREGELEN[soort]:
            fouten[f"interventie {i}"] = f"'{v.maatregel}' is geen {soort.value} maatregel"
        try:
            org = beslisser.register.organisatie(v.eigenaar)
        except KeyError:
            fouten[f"interventie {i}"] = f"onbekende organisatie '{v.eigenaar}'"
            continue
        if org.soort not in EIGENAARS[soort]:
            fouten[f"interventie {i}"] = (
                f"{org.naam} heeft geen bevoegdheid voor een {soort.value} interventie"
            )
    if fouten:
        raise OngeldigeInvoer(fouten)
    if bestaand is None:
        bestaand = Advies(
            casus_id=casus_id,
            analyse=analyse.strip(),
            status=AdviesStatus.CONCEPT.value,
            opgesteld_door=actor.gebruiker_id,
        )
        beheer.bewaar(sessie, bestaand)
    else:
        bestaand.analyse, bestaand.opgesteld_door = analyse.strip(), actor.gebruiker_id
        for oud in opslag.interventies_van_casus(sessie, casus_id):
            sessie.delete(oud)
    beheer.bewaar(
        sessie,
        *(
            Interventie(
                id=str(uuid.uuid4()),
                casus_id=c.id,
                soort=v.soort,
                maatregel=v.maatregel,
                eigenaar_id=v.eigenaar,
                status=InterventieStatus.VOORGESTELD.value,
                toelichting=v.toelichting.strip() or None,
            )
            for v in voorstellen
        ),
    )
    return bestaand


def stel_vast(sessie: Sessie, beslisser: Beslisser, actor: Actor, casus_id: str) -> None:
    """The coordinator adopts the advice (four eyes: not who drafted it); it goes to the owners."""
    c = _open_casus(sessie, actor, casus_id)
    if actor.rol is not Rol.COORDINATOR or actor.organisatie_id != c.verband_id:
        raise GeenToegang("alleen een coördinator van het verband stelt het advies vast")
    advies = sessie.get(Advies, casus_id)
    if advies is None or advies.status != AdviesStatus.CONCEPT.value:
        raise OngeldigeInvoer({"advies": "er is geen conceptadvies om vast te stellen"})
    if advies.opgesteld_door == actor.gebruiker_id:
        raise GeenToegang("wie het advies opstelde, stelt het niet zelf vast (vierogenprincipe)")
    context = casus_context(sessie, casus_id)
    interventies = opslag.interventies_van_casus(sessie, casus_id)
    trace = logboek.nieuwe_trace_id()
    verwerkingen = []
    for eigenaar in sorted({i.eigenaar_id for i in interventies}):
        besluit = beslisser.beslis(
            Verzoek(
                van=c.verband_id,
                aan=eigenaar,
                categorie="interventieadvies",
                doel="interventie",
                casus=context,
                actor=actor.ref,
                feiten=frozenset({"vierogen", "eigen_bevoegdheid"}),
            )
        )
        if not besluit.toegestaan:
            raise GeenToegang(leg_uit(besluit, beslisser.catalogus, beslisser.register))
        subjecten: list[CasusSubject | None] = [*opslag.subjecten(sessie, casus_id)] or [None]
        for s in subjecten:
            verwerkingen.append(
                logboek.Verwerking(
                    naam="advies verstrekken",
                    activiteit="advies-verstrekken",
                    trace_id=trace,
                    besluit_id=besluit.besluit_id,
                    regel_id=besluit.regel_id,
                    grondslag=besluit.grondslag.omschrijving if besluit.grondslag else None,
                    doel="interventie",
                    verstrekker=c.verband_id,
                    ontvanger=eigenaar,
                    categorieen=("interventieadvies",),
                    casus_id=casus_id,
                    betrokkene=s.entity_id if s else None,
                    betrokkene_soort=f"entiteit:{s.schema}" if s else None,
                )
            )
    logboek.schrijf(sessie, verwerkingen)
    advies.status = AdviesStatus.VASTGESTELD.value
    advies.vastgesteld_door, advies.vastgesteld_op = actor.gebruiker_id, dt.datetime.now(dt.UTC)
    gebeurtenis(sessie, "advies_vastgesteld", c, c.verband_id, interventies=len(interventies))


def werk_bij(
    sessie: Sessie,
    actor: Actor,
    interventie_id: str,
    *,
    status: str,
    uitkomst: str | None = None,
    bedrag_euro: float | None = None,
    datum: dt.date | None = None,
) -> Interventie:
    """The owning organisation records progress and the outcome of its intervention."""
    i = sessie.get(Interventie, interventie_id)
    if i is None or i.eigenaar_id != actor.organisatie_id:
        raise GeenToegang("deze interventie bestaat niet of is niet van uw organisatie")
    advies = sessie.get(Advies, i.casus_id)
    if advies is None or advies.status != AdviesStatus.VASTGESTELD.value:
        raise GeenToegang("het advies is nog niet vastgesteld")
    try:
        naar = InterventieStatus(status)
        controleer(INTERVENTIE_OVERGANGEN, InterventieStatus(i.status), naar)
    except (ValueError, OngeldigeOvergang) as exc:
        raise OngeldigeInvoer(
            {"status": str(exc) if isinstance(exc, OngeldigeOvergang) else "onbekende status"}
        ) from exc
    dag = datum or dt.date.today()
    if naar is InterventieStatus.AFGEROND:
        if uitkomst not in UITKOMSTEN:
            raise OngeldigeInvoer({"uitkomst": "kies een uitkomst"})
        if uitkomst in UITKOMSTEN_MET_BEDRAG and (bedrag_euro is None or bedrag_euro < 0):
            raise OngeldigeInvoer({"bedrag": "vul het bedrag in euro's in"})
        i.uitkomst = uitkomst
        i.bedrag_centen = round(bedrag_euro * 100) if bedrag_euro is not None else None
        i.afgerond_op = dag
    if naar is InterventieStatus.IN_UITVOERING:
        i.gestart_op = dag
    i.status, i.bijgewerkt_door = naar.value, actor.gebruiker_id
    c = beheer.casus(sessie, i.casus_id)
    if naar in (InterventieStatus.AFGEROND, InterventieStatus.GESTAAKT):
        gebeurtenis(
            sessie,
            f"interventie_{naar.value}",
            c,
            i.eigenaar_id,
            interventiesoort=i.soort,
            maatregel=i.maatregel,
            uitkomst=i.uitkomst,
            bedrag_centen=i.bedrag_centen,
            datum=dag.isoformat(),
        )
    logboek.schrijf_audit(
        sessie,
        trace_id=logboek.nieuwe_trace_id(),
        gebruiker_id=actor.gebruiker_id,
        organisatie_id=actor.organisatie_id,
        actie="interventie bijwerken",
        resultaat=naar.value,
        herkomst="app",
        details={"interventie": i.id, "casus": i.casus_id},
    )
    return i


def van_mijn_organisatie(sessie: Sessie, actor: Actor) -> list[Interventie]:
    return [
        i
        for i in opslag.interventies_van_organisatie(sessie, actor.organisatie_id)
        if (a := sessie.get(Advies, i.casus_id)) is not None
        and a.status == AdviesStatus.VASTGESTELD.value
    ]
