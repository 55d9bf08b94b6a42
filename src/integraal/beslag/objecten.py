# SPDX-License-Identifier: EUPL-1.2
"""What a chain partner sees: its objects, one object's history, and the deadlines list."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from pydantic import Field

from integraal.beslag.keten import GEBEURTENIS_LABELS
from integraal.domein.beslag import (
    EINDSTATUSSEN,
    BeslagStatus,
    Beslagtoestand,
    Grond,
    ObjectSoort,
    Termijn,
    TermijnSoort,
    Termijnstand,
    Vereiste,
    klaagschrift_tot,
    mogelijke_overgangen,
    termijnen,
)
from integraal.domein.beslagcijfers import Methode
from integraal.domein.invoer import Invoer, Uitvoer, veld
from integraal.opslag import beslagfeiten
from integraal.opslag.beslagfeiten import Termijnfeit
from integraal.opslag.modellen import Beslaggebeurtenis, Beslagobject, Beslagwaardering
from integraal.toegang import beslag as deur
from integraal.verwerking import Context


def toestand(obj: Beslagobject | Termijnfeit) -> Beslagtoestand:
    """What the rules need of an object: from the object itself, or from its dates and state
    alone (a count that reads no object)."""
    return Beslagtoestand(
        status=BeslagStatus(obj.status),
        soort=ObjectSoort(obj.soort),
        beslagen_op=obj.beslagen_op,
        waarde_centen=obj.waarde_centen,
        status_sinds=obj.status_sinds,
        beoordeeld_op=obj.beoordeeld_op,
        machtiging_verzocht_op=obj.machtiging_verzocht_op,
        beklag_aanhangig=obj.beklag_aanhangig,
    )


class ObjectUit(Uitvoer):
    id: str
    kvi_nummer: str
    volgnummer: int
    soort: ObjectSoort
    omschrijving: str
    kenmerk: str | None
    grond: Grond
    categorie: int
    status: BeslagStatus
    status_sinds: dt.date
    beslagen_op: dt.date
    organisatie: str
    om: str
    bewaarder: str | None
    beslagene: str | None = None
    casus_id: str | None
    dossier_id: str | None
    rechtshulp: bool
    waarde_centen: int | None
    klaagschrift_aanhangig: bool

    @classmethod
    def van(cls, o: Beslagobject, beslagene: str | None = None) -> ObjectUit:
        return cls(
            id=o.id,
            kvi_nummer=o.kvi_nummer,
            volgnummer=o.volgnummer,
            soort=ObjectSoort(o.soort),
            omschrijving=o.omschrijving,
            kenmerk=o.kenmerk,
            grond=Grond(o.grond),
            categorie=o.categorie,
            status=BeslagStatus(o.status),
            status_sinds=o.status_sinds,
            beslagen_op=o.beslagen_op,
            organisatie=o.organisatie_id,
            om=o.om_id,
            bewaarder=o.bewaarder_id,
            beslagene=beslagene,
            casus_id=o.casus_id,
            dossier_id=o.dossier_id,
            rechtshulp=o.rechtshulp,
            waarde_centen=o.waarde_centen,
            klaagschrift_aanhangig=o.beklag_aanhangig,
        )


class WaarderingUit(Uitvoer):
    bedrag_centen: int
    methode: Methode
    eenheid: str | None
    hoeveelheid: str | None
    koers: str | None
    koersbron: str | None
    koers_op: dt.datetime | None
    geregistreerd_op: dt.datetime

    @classmethod
    def van(cls, w: Beslagwaardering) -> WaarderingUit:
        return cls(
            bedrag_centen=w.bedrag_centen,
            methode=Methode(w.methode),
            eenheid=w.eenheid,
            hoeveelheid=w.hoeveelheid,
            koers=w.koers,
            koersbron=w.koersbron,
            koers_op=w.koers_op,
            geregistreerd_op=w.geregistreerd_op,
        )


class GebeurtenisUit(Uitvoer):
    soort: str = Field(description="Soort ketengebeurtenis (het type van de CloudEvent)")
    label: str
    datum: dt.date
    van_status: BeslagStatus | None
    naar_status: BeslagStatus | None
    grondslag: str | None
    document: str | None
    organisatie: str | None

    @classmethod
    def van(cls, g: Beslaggebeurtenis) -> GebeurtenisUit:
        return cls(
            soort=g.soort,
            label=GEBEURTENIS_LABELS.get(g.soort, g.soort),
            datum=g.tijd,
            van_status=BeslagStatus(g.van_status) if g.van_status else None,
            naar_status=BeslagStatus(g.naar_status) if g.naar_status else None,
            grondslag=g.grondslag,
            document=g.document,
            organisatie=g.organisatie_id,
        )


class TermijnUit(Uitvoer):
    soort: TermijnSoort
    vervalt_op: dt.date
    stand: Termijnstand | None = None

    @classmethod
    def van(cls, t: Termijn, vandaag: dt.date | None = None) -> TermijnUit:
        return cls(
            soort=t.soort, vervalt_op=t.vervalt_op, stand=t.stand(vandaag) if vandaag else None
        )


class VervolgUit(Uitvoer):
    naar: BeslagStatus
    grondslag: str
    vereisten: list[Vereiste]


class ObjectDetail(Uitvoer):
    object: ObjectUit
    waarderingen: list[WaarderingUit]
    gebeurtenissen: list[GebeurtenisUit]
    termijnen: list[TermijnUit]
    klaagschrift_tot: dt.date
    vervolg: list[VervolgUit]


class TermijnregelUit(Uitvoer):
    object: ObjectUit
    termijn: TermijnUit


class Objectfilter(Invoer):
    status: list[BeslagStatus] = veld("Status", standaard=[], max_length=20)


def objecten(ctx: Context, filter_: Objectfilter | None = None) -> list[ObjectUit]:
    f = filter_ or Objectfilter()
    statussen: Sequence[str] | None = [s.value for s in f.status] or None
    return [ObjectUit.van(o) for o in deur.objecten(ctx, status=statussen)]


def detail(ctx: Context, object_id: str) -> ObjectDetail:
    rol = deur.ketenrol(ctx)
    obj = deur.object_(ctx, object_id)
    t = toestand(obj)
    return ObjectDetail(
        object=ObjectUit.van(obj, deur.beslagene(ctx, obj)),
        waarderingen=[
            WaarderingUit.van(w) for w in beslagfeiten.waarderingen(ctx.sessie, [obj.id])
        ],
        gebeurtenissen=[
            GebeurtenisUit.van(g) for g in beslagfeiten.gebeurtenissen(ctx.sessie, [obj.id])
        ],
        termijnen=[TermijnUit.van(x) for x in termijnen(t)],
        klaagschrift_tot=klaagschrift_tot(obj.beslagen_op, obj.einde_zaak_op),
        vervolg=[]
        if t.status in EINDSTATUSSEN
        else [
            VervolgUit(naar=o.naar, grondslag=o.grondslag, vereisten=sorted(o.vereisten))
            for o in mogelijke_overgangen(t, rol)
        ],
    )


# States in which deadlines run, and how far ahead a work list looks.
_LOPEND = [s.value for s in BeslagStatus if s not in EINDSTATUSSEN]
HORIZON_DAGEN = 14


def termijnlijst(
    ctx: Context, vandaag: dt.date | None = None, *, horizon_dagen: int = HORIZON_DAGEN
) -> list[TermijnregelUit]:
    """What is due within the horizon or overdue, oldest first; a read of the objects listed."""
    vandaag = vandaag or ctx.nu().date()
    grens = vandaag + dt.timedelta(days=horizon_dagen)
    regels = [
        TermijnregelUit(object=ObjectUit.van(o), termijn=TermijnUit.van(t, vandaag))
        for o in deur.objecten(ctx, status=_LOPEND, naam="beslagtermijnen lezen")
        for t in termijnen(toestand(o))
        if t.vervalt_op <= grens
    ]
    return sorted(regels, key=lambda r: (r.termijn.vervalt_op, r.object.id))


def aantal_termijnen(ctx: Context, *, horizon_dagen: int = HORIZON_DAGEN) -> int:
    """How many deadlines of the organisation's seizures are due within the horizon or
    overdue: a count for the work list, computed from dates and states only (no object is
    read; the list itself is `termijnlijst`, a logged read)."""
    deur.ketenrol(ctx)
    grens = ctx.nu().date() + dt.timedelta(days=horizon_dagen)
    return sum(
        1
        for f in beslagfeiten.termijnfeiten(ctx.sessie, ctx.ik.organisatie_id, _LOPEND)
        for t in termijnen(toestand(f))
        if t.vervalt_op <= grens
    )
