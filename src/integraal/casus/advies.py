# SPDX-License-Identifier: EUPL-1.2
"""Enforcement advice, interventions and their results (written as events for the monitor)."""

from __future__ import annotations

import datetime as dt
import uuid
from decimal import Decimal
from typing import ClassVar

from integraal.delen.model import Adviesvorm, Vierogenstap
from integraal.domein.casus import (
    EIGENAARS,
    INTERVENTIE_OVERGANGEN,
    MAATREGELEN,
    UITKOMSTEN_MET_BEDRAG,
    AdviesStatus,
    CasusStatus,
    InterventieSoort,
    InterventieStatus,
    OngeldigeOvergang,
    Uitkomst,
    controleer,
)
from integraal.domein.fouten import Conflict, GeenToegang, NietGevonden, OngeldigeInvoer
from integraal.domein.invoer import Bedrag, Datum, Invoer, Uitvoer, veld
from integraal.domein.rollen import Rol
from integraal.opslag import beheer
from integraal.opslag import casussen as opslag
from integraal.opslag.modellen import Advies, Casus, CasusSubject, Gebeurtenis, Interventie
from integraal.toegang import subjecten as subjectdeur
from integraal.toegang.context import casus_context
from integraal.verwerking import Context

MAATREGEL_LABELS = {k: v for soort in MAATREGELEN.values() for k, v in soort.items()}
SOORT_VAN_MAATREGEL = {m: soort for soort, lijst in MAATREGELEN.items() for m in lijst}


class VoorstelIn(Invoer):
    soort: InterventieSoort | None = veld(
        "Soort interventie", hint="Leeg: de soort van de maatregel.", standaard=None
    )
    maatregel: str = veld("Maatregel", max_length=60)
    eigenaar: str = veld(
        "Eigenaar", hint="De organisatie die de interventie uitvoert.", max_length=80
    )
    toelichting: str = veld("Toelichting", standaard="", max_length=2000)

    meldingen: ClassVar[dict[str, str]] = {
        "soort": "Kies de soort interventie.",
        "maatregel": "Kies een maatregel.",
        "eigenaar": "Kies de organisatie die de interventie uitvoert.",
    }


class AdviesIn(Invoer):
    analyse: str = veld(
        "Analyse en advies",
        hint="Vat de analyse samen en onderbouw de voorgestelde interventies, in minstens "
        "20 tekens.",
        min_length=20,
        max_length=10000,
    )
    interventies: list[VoorstelIn] = veld(
        "Interventies", hint="Stel minstens één interventie voor.", min_length=1, max_length=30
    )

    meldingen: ClassVar[dict[str, str]] = {
        "analyse": "Vat de analyse samen in minstens 20 tekens.",
        "interventies": "Stel minstens één interventie voor, met maatregel en eigenaar.",
    }


class InterventieBijwerken(Invoer):
    status: InterventieStatus = veld("Nieuwe status")
    uitkomst: Uitkomst | None = veld("Uitkomst", standaard=None)
    bedrag_euro: Bedrag | None = veld(
        "Bedrag in euro",
        hint="Bij beslag, een aanslag of een boete, bijvoorbeeld 1.250,00.",
        standaard=None,
    )
    datum: Datum | None = veld("Datum", hint="Leeg: vandaag.", standaard=None)

    meldingen: ClassVar[dict[str, str]] = {
        "status": "Kies de nieuwe status.",
        "uitkomst": "Kies de uitkomst.",
    }


class AdviesUit(Uitvoer):
    casus_id: str
    analyse: str
    status: AdviesStatus
    vastgesteld_op: dt.datetime | None

    @classmethod
    def van(cls, a: Advies) -> AdviesUit:
        return cls(
            casus_id=a.casus_id,
            analyse=a.analyse,
            status=AdviesStatus(a.status),
            vastgesteld_op=a.vastgesteld_op,
        )


class InterventieUit(Uitvoer):
    id: str
    casus_id: str
    soort: InterventieSoort
    maatregel: str
    maatregel_label: str
    eigenaar: str
    status: InterventieStatus
    toelichting: str | None
    gestart_op: dt.date | None
    afgerond_op: dt.date | None
    uitkomst: Uitkomst | None
    bedrag_euro: Decimal | None

    @classmethod
    def van(cls, i: Interventie) -> InterventieUit:
        return cls(
            id=i.id,
            casus_id=i.casus_id,
            soort=InterventieSoort(i.soort),
            maatregel=i.maatregel,
            maatregel_label=MAATREGEL_LABELS.get(i.maatregel, i.maatregel),
            eigenaar=i.eigenaar_id,
            status=InterventieStatus(i.status),
            toelichting=i.toelichting,
            gestart_op=i.gestart_op,
            afgerond_op=i.afgerond_op,
            uitkomst=Uitkomst(i.uitkomst) if i.uitkomst else None,
            bedrag_euro=Decimal(i.bedrag_centen) / 100 if i.bedrag_centen is not None else None,
        )


def _open_casus(ctx: Context, casus_id: str) -> Casus:
    actor = ctx.ik
    c = beheer.casus(ctx.sessie, casus_id)
    if c is None or (
        opslag.lid(ctx.sessie, casus_id, actor.gebruiker_id, sinds=ctx.bevestigd_sinds()) is None
        and not (actor.rol is Rol.COORDINATOR and actor.organisatie_id == c.verband_id)
    ):
        raise NietGevonden(f"casus {casus_id} bestaat niet of u heeft er geen toegang toe")
    if c.status != CasusStatus.OPEN.value:
        raise Conflict(f"casus {casus_id} is gesloten")
    return c


def gebeurtenis(
    ctx: Context, soort: str, c: Casus | None, org: str | None, **gegevens: object
) -> None:
    beheer.bewaar(
        ctx.sessie,
        Gebeurtenis(
            soort=soort,
            casus_id=c.id if c else None,
            verband_id=c.verband_id if c else None,
            organisatie_id=org,
            gegevens=dict(gegevens),
            tijd=ctx.nu(),
        ),
    )


def adviesvorm(ctx: Context, verband_id: str) -> Adviesvorm:
    """What the partnership's cases end in (an enforcement advice, a person-centred plan)."""
    w = ctx.beslisser.register.werkwijze(verband_id)
    if w is None or w.advies is None:
        raise Conflict("Bij dit samenwerkingsverband hoort geen advies of plan.")
    return w.advies


def _vier_ogen(ctx: Context, verband_id: str, vorm: Adviesvorm) -> bool:
    """Whether the partnership declares a second person for adopting its advice or plan."""
    w = ctx.beslisser.register.werkwijze(verband_id)
    try:
        return w is not None and w.vier_ogen(Vierogenstap(vorm.kort))
    except ValueError:
        return True  # a form without a declared step: the safe default


def bevoegde_eigenaars(
    ctx: Context, casus_id: str
) -> dict[InterventieSoort, list[tuple[str, str]]]:
    """Per kind of intervention the partnership's advice uses, the organisations with competence
    for it (the only owners a form offers); for a plan of a Zorg- en Veiligheidshuis, only its
    participants."""
    c = _open_casus(ctx, casus_id)
    vorm = adviesvorm(ctx, c.verband_id)
    register = ctx.beslisser.register
    deelnemers = register.deelnemers_op(c.verband_id, ctx.nu().date())
    return {
        soort: [
            (o.id, o.naam)
            for o in register.organisaties
            if o.soort in EIGENAARS[soort] and (not vorm.eigenaars_deelnemers or o.id in deelnemers)
        ]
        for soort in (InterventieSoort(s) for s in vorm.soorten)
    }


def stel_op(ctx: Context, casus_id: str, invoer: AdviesIn) -> AdviesUit:
    """Draft (or redraft) the advice, proposing interventions to organisations with competence."""
    c = _open_casus(ctx, casus_id)
    bestaand = ctx.sessie.get(Advies, casus_id)
    if bestaand is not None and bestaand.status == AdviesStatus.VASTGESTELD.value:
        raise Conflict("het advies is al vastgesteld")
    fouten: dict[str, str] = {}
    soorten: list[InterventieSoort] = []
    vorm = adviesvorm(ctx, c.verband_id)
    eigenaars = bevoegde_eigenaars(ctx, casus_id)
    for i, v in enumerate(invoer.interventies):
        veld_ = f"interventies.{i}"
        soort = v.soort or SOORT_VAN_MAATREGEL.get(v.maatregel)
        if soort is None or v.maatregel not in MAATREGELEN[soort]:
            fouten[f"{veld_}.maatregel"] = (
                "Kies een maatregel uit de lijst."
                if soort is None
                else f"Deze maatregel hoort niet bij een {soort.label.lower()} interventie."
            )
            continue
        if soort not in eigenaars:
            fouten[f"{veld_}.maatregel"] = (
                f"Een {soort.label.lower()} maatregel hoort niet in een "
                f"{vorm.naam.lower()}; kies een maatregel uit de lijst."
            )
            continue
        soorten.append(soort)
        try:
            org = ctx.beslisser.register.organisatie(v.eigenaar)
        except KeyError:
            fouten[f"{veld_}.eigenaar"] = "Kies een organisatie uit de lijst."
            continue
        if org.soort not in EIGENAARS[soort]:
            fouten[f"{veld_}.eigenaar"] = (
                f"{org.naam} is niet bevoegd voor een {soort.label.lower()} interventie; "
                "kies een organisatie die dat wel is."
            )
        elif v.eigenaar not in {o for o, _ in eigenaars[soort]}:
            fouten[f"{veld_}.eigenaar"] = (
                f"{org.naam} neemt niet deel aan dit samenwerkingsverband; kies een deelnemer."
            )
    if fouten:
        raise OngeldigeInvoer(fouten)
    if bestaand is None:
        bestaand = Advies(
            casus_id=casus_id,
            analyse=invoer.analyse,
            status=AdviesStatus.CONCEPT.value,
            opgesteld_door=ctx.ik.gebruiker_id,
        )
        beheer.bewaar(ctx.sessie, bestaand)
    else:
        bestaand.analyse, bestaand.opgesteld_door = invoer.analyse, ctx.ik.gebruiker_id
        for oud in opslag.interventies_van_casus(ctx.sessie, casus_id):
            ctx.sessie.delete(oud)
    beheer.bewaar(
        ctx.sessie,
        *(
            Interventie(
                id=str(uuid.uuid4()),
                casus_id=c.id,
                soort=soort.value,
                maatregel=v.maatregel,
                eigenaar_id=v.eigenaar,
                status=InterventieStatus.VOORGESTELD.value,
                toelichting=v.toelichting or None,
            )
            for v, soort in zip(invoer.interventies, soorten, strict=True)
        ),
    )
    ctx.audit("advies opstellen", casus=casus_id, interventies=len(invoer.interventies))
    return AdviesUit.van(bestaand)


def stel_vast(ctx: Context, casus_id: str) -> None:
    """The coordinator adopts the advice (four eyes: not who drafted it); it goes to the owners."""
    c = _open_casus(ctx, casus_id)
    actor = ctx.ik
    if actor.rol is not Rol.COORDINATOR or actor.organisatie_id != c.verband_id:
        raise GeenToegang("alleen een coördinator van het verband stelt het advies vast")
    vorm = adviesvorm(ctx, c.verband_id)
    advies = ctx.sessie.get(Advies, casus_id)
    if advies is None or advies.status != AdviesStatus.CONCEPT.value:
        raise Conflict("er is geen conceptadvies om vast te stellen")
    if advies.opgesteld_door == actor.gebruiker_id and _vier_ogen(ctx, c.verband_id, vorm):
        raise GeenToegang(
            f"wie het {vorm.kort} opstelde, stelt het niet zelf vast (vierogenprincipe)"
        )
    context = casus_context(ctx, casus_id)
    interventies = opslag.interventies_van_casus(ctx.sessie, casus_id)
    subjecten: list[CasusSubject | None] = [*subjectdeur.koppelingen(ctx, casus_id)]
    verwerkingen = []
    for eigenaar in sorted({i.eigenaar_id for i in interventies}):
        besluit = ctx.vereis(
            ctx.beslis(
                van=c.verband_id,
                aan=eigenaar,
                categorie=vorm.categorie,
                doel=vorm.doel,
                casus=context,
                feiten={"vierogen", "eigen_bevoegdheid"},
            )
        )
        for s in subjecten or [None]:  # an advice about no subject is still provided once
            verwerkingen.append(
                ctx.verwerking(
                    besluit,
                    naam="advies verstrekken",
                    doel=vorm.doel,
                    verstrekker=c.verband_id,
                    ontvanger=eigenaar,
                    categorieen=(vorm.categorie,),
                    casus_id=casus_id,
                    betrokkene=s.entity_id if s else None,
                    betrokkene_soort=f"entiteit:{s.schema}" if s else None,
                )
            )
    ctx.log(verwerkingen)
    advies.status = AdviesStatus.VASTGESTELD.value
    advies.vastgesteld_door, advies.vastgesteld_op = actor.gebruiker_id, ctx.nu()
    ctx.audit("advies vaststellen", casus=casus_id, interventies=len(interventies))
    gebeurtenis(ctx, "advies_vastgesteld", c, c.verband_id, interventies=len(interventies))


def werk_bij(ctx: Context, interventie_id: str, invoer: InterventieBijwerken) -> InterventieUit:
    """The owning organisation records progress and the outcome of its intervention."""
    actor = ctx.ik
    i = ctx.sessie.get(Interventie, interventie_id)
    if i is None or i.eigenaar_id != actor.organisatie_id:
        raise NietGevonden("deze interventie bestaat niet of is niet van uw organisatie")
    advies = ctx.sessie.get(Advies, i.casus_id)
    if advies is None or advies.status != AdviesStatus.VASTGESTELD.value:
        raise Conflict("het advies is nog niet vastgesteld")
    naar = invoer.status
    try:
        controleer(INTERVENTIE_OVERGANGEN, InterventieStatus(i.status), naar)
    except OngeldigeOvergang as exc:
        raise OngeldigeInvoer({"status": f"Deze stap kan niet: {exc}."}) from exc
    dag = invoer.datum or ctx.nu().date()
    if naar is InterventieStatus.AFGEROND:
        if invoer.uitkomst is None:
            raise OngeldigeInvoer({"uitkomst": "Kies de uitkomst van de afgeronde interventie."})
        if invoer.uitkomst in UITKOMSTEN_MET_BEDRAG and invoer.bedrag_euro is None:
            raise OngeldigeInvoer(
                {"bedrag_euro": f"Vul het bedrag in euro in ({invoer.uitkomst.label.lower()})."}
            )
        i.uitkomst = invoer.uitkomst.value if invoer.uitkomst else None
        i.bedrag_centen = int(invoer.bedrag_euro * 100) if invoer.bedrag_euro is not None else None
        i.afgerond_op = dag
    if naar is InterventieStatus.IN_UITVOERING:
        i.gestart_op = dag
    i.status, i.bijgewerkt_door = naar.value, actor.gebruiker_id
    c = beheer.casus(ctx.sessie, i.casus_id)
    if naar in (InterventieStatus.AFGEROND, InterventieStatus.GESTAAKT):
        gebeurtenis(
            ctx,
            f"interventie_{naar.value}",
            c,
            i.eigenaar_id,
            interventiesoort=i.soort,
            maatregel=i.maatregel,
            uitkomst=i.uitkomst,
            bedrag_centen=i.bedrag_centen,
            datum=dag.isoformat(),
        )
    ctx.audit("interventie bijwerken", naar.value, interventie=i.id, casus=i.casus_id)
    return InterventieUit.van(i)


def van_mijn_organisatie(ctx: Context) -> list[InterventieUit]:
    """Interventions the reader's organisation owns, once their advice is adopted."""
    return [
        InterventieUit.van(i)
        for i in opslag.interventies_van_organisatie(ctx.sessie, ctx.ik.organisatie_id)
        if (a := ctx.sessie.get(Advies, i.casus_id)) is not None
        and a.status == AdviesStatus.VASTGESTELD.value
    ]


__all__ = [
    "AdviesIn",
    "AdviesUit",
    "InterventieBijwerken",
    "InterventieUit",
    "VoorstelIn",
    "bevoegde_eigenaars",
    "gebeurtenis",
    "stel_op",
    "stel_vast",
    "van_mijn_organisatie",
    "werk_bij",
]
