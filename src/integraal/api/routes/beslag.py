# SPDX-License-Identifier: EUPL-1.2
"""The seizure chain: kennisgevingen, objects and their steps, deadlines, feed, figures."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Literal

from fastapi import APIRouter, Query, Response

from integraal.afpakken import (
    cijfers,
    dossier,
    feed,
    inzage,
    maher,
    overzicht,
    registratie,
    verloop,
    waarde,
)
from integraal.afpakken.registratie import Item, Kennisgeving
from integraal.api.beslagschemas import (
    BetalingIn,
    CodeIn,
    DossierDetail,
    DossierIn,
    DossierUit,
    ExecutieIn,
    FeedUit,
    GebeurtenisUit,
    HandelingIn,
    HerbestemmingIn,
    InzageObject,
    InzageUit,
    JaarcijferUit,
    KennisgevingIn,
    KlaagschriftIn,
    NaijlUit,
    ObjectDetail,
    ObjectUit,
    OmzettingIn,
    OrganisatieIn,
    OvergangIn,
    PositieUit,
    RedenIn,
    RegistratieUit,
    SuggestieUit,
    TermijnregelUit,
    TermijnUit,
    VermogenIn,
    VervolgUit,
    VorderingIn,
    WaarderingIn,
    WaarderingUit,
)
from integraal.api.deps import ActorDep, OmgevingDep
from integraal.api.diensten import actie, dienst
from integraal.api.fouten import Probleem
from integraal.domein.beslag import STATUS_LABELS, TERMIJN_LABELS, BeslagStatus, Handeling, Termijn
from integraal.domein.fouten import OngeldigeInvoer
from integraal.export import MEDIATYPEN, tabel
from integraal.opslag.db import Sessie
from integraal.opslag.modellen import Beslaggebeurtenis, Beslagobject, Vermogensdossier

router = APIRouter(tags=["Afpakken"])


def object_uit(o: Beslagobject, beslagene: str | None = None) -> ObjectUit:
    return ObjectUit(
        id=o.id,
        kvi_nummer=o.kvi_nummer,
        volgnummer=o.volgnummer,
        soort=o.soort,
        omschrijving=o.omschrijving,
        kenmerk=o.kenmerk,
        grond=o.grond,
        categorie=o.categorie,
        status=o.status,
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


def _gebeurtenis(g: Beslaggebeurtenis) -> GebeurtenisUit:
    return GebeurtenisUit(
        soort=g.soort,
        datum=g.tijd,
        van_status=g.van_status,
        naar_status=g.naar_status,
        grondslag=g.grondslag,
        document=g.document,
        organisatie=g.organisatie_id,
    )


def _termijn(t: Termijn, vandaag: dt.date | None = None) -> TermijnUit:
    return TermijnUit(
        soort=t.soort.value,
        label=TERMIJN_LABELS[t.soort],
        vervalt_op=t.vervalt_op,
        stand=t.stand(vandaag) if vandaag else None,
    )


@router.post(
    "/kennisgevingen",
    status_code=201,
    response_model=RegistratieUit,
    summary="Kennisgeving van inbeslagneming registreren (opsporing)",
)
def kennisgeving(omgeving: OmgevingDep, actor: ActorDep, k: KennisgevingIn) -> RegistratieUit:
    with dienst(omgeving) as s:
        r = registratie.registreer(
            s,
            omgeving.beslisser,
            actor,
            Kennisgeving(
                kvi_nummer=k.kvi_nummer,
                beslagen_op=k.beslagen_op,
                beslagene=k.beslagene,
                om_id=k.om,
                casus_id=k.casus_id,
                dossier_id=k.dossier_id,
                rechtshulp=k.rechtshulp,
                items=tuple(Item(**i.model_dump()) for i in k.items),
            ),
            herkomst="api",
        )
    return RegistratieUit(
        object_ids=r.object_ids, beslagene_id=r.beslagene_id, inzagecode=r.inzagecode
    )


@router.get(
    "/beslagobjecten",
    response_model=list[ObjectUit],
    summary="Beslagobjecten waarbij uw organisatie betrokken is (langs de deelregels, gelogd)",
)
def beslagobjecten(
    omgeving: OmgevingDep, actor: ActorDep, status: Annotated[list[str] | None, Query()] = None
) -> list[ObjectUit]:
    with dienst(omgeving) as s:
        lijst = overzicht.objecten(s, omgeving.beslisser, actor, status=status, herkomst="api")
        return [object_uit(o) for o in lijst]


@router.get(
    "/beslagobjecten/{object_id}",
    response_model=ObjectDetail,
    summary="Eén beslagobject met waarde, verloop, termijnen en mogelijke vervolgstappen",
)
def beslagobject(omgeving: OmgevingDep, actor: ActorDep, object_id: str) -> ObjectDetail:
    with dienst(omgeving) as s:
        b = overzicht.object_beeld(s, omgeving.beslisser, actor, object_id, herkomst="api")
        return ObjectDetail(
            object=object_uit(b.obj, b.beslagene),
            waarderingen=[
                WaarderingUit.model_validate(w, from_attributes=True) for w in b.waarderingen
            ],
            gebeurtenissen=[_gebeurtenis(g) for g in b.gebeurtenissen],
            termijnen=[_termijn(t) for t in b.termijnen],
            klaagschrift_tot=b.klaagschrift_tot,
            vervolg=[
                VervolgUit(naar=o.naar.value, grondslag=o.grondslag, vereisten=sorted(o.vereisten))
                for o in b.vervolg
            ],
        )


@router.post(
    "/beslagobjecten/{object_id}/_overgang",
    status_code=204,
    summary="Vervolgstap: handhaven, bewaren, vervreemden, teruggeven … (rol, grondslag, stukken)",
)
def overgang(omgeving: OmgevingDep, actor: ActorDep, object_id: str, o: OvergangIn) -> Response:
    h = Handeling(o.reden, o.machtiging, o.uitspraak, o.afstandsverklaring)
    return actie(
        omgeving,
        lambda s: verloop.voer_uit(
            s,
            omgeving.beslisser,
            actor,
            object_id,
            o.naar,
            h,
            bewaarder_id=o.bewaarder,
            herkomst="api",
        ),
    )


@router.post(
    "/beslagobjecten/{object_id}/_verzoek-machtiging",
    status_code=204,
    summary="Bewaarder verzoekt om machtiging tot vervreemding of vernietiging (art. 117 Sv)",
)
def verzoek_machtiging(omgeving: OmgevingDep, actor: ActorDep, object_id: str) -> Response:
    return actie(
        omgeving,
        lambda s: verloop.verzoek_machtiging(
            s, omgeving.beslisser, actor, object_id, herkomst="api"
        ),
    )


@router.post(
    "/beslagobjecten/{object_id}/klaagschrift",
    status_code=204,
    summary="Klaagschrift (art. 552a Sv) vastleggen, of de beschikking erop",
)
def klaagschrift(
    omgeving: OmgevingDep, actor: ActorDep, object_id: str, k: KlaagschriftIn
) -> Response:
    return actie(
        omgeving,
        lambda s: verloop.klaagschrift(
            s,
            omgeving.beslisser,
            actor,
            object_id,
            aanhangig=k.aanhangig,
            document=k.document,
            herkomst="api",
        ),
    )


@router.post(
    "/beslagobjecten/{object_id}/_herbeoordeel",
    status_code=204,
    summary="Filtermoment F3: bewaring herbeoordelen met motivering",
)
def herbeoordeel(omgeving: OmgevingDep, actor: ActorDep, object_id: str, r: RedenIn) -> Response:
    return actie(
        omgeving,
        lambda s: verloop.herbeoordeel(
            s, omgeving.beslisser, actor, object_id, r.reden, herkomst="api"
        ),
    )


@router.post(
    "/beslagobjecten/{object_id}/_omzetten",
    status_code=204,
    summary="Klassiek beslag omzetten in conservatoir beslag (art. 94a en 103 Sv)",
)
def omzetten(omgeving: OmgevingDep, actor: ActorDep, object_id: str, o: OmzettingIn) -> Response:
    return actie(
        omgeving,
        lambda s: verloop.zet_om_conservatoir(
            s, omgeving.beslisser, actor, object_id, o.grond, o.machtiging_rc, herkomst="api"
        ),
    )


@router.post(
    "/beslagobjecten/{object_id}/waarderingen",
    status_code=204,
    summary="Waarde vastleggen: taxatie, omrekening tegen een koers met bron, of opbrengst",
)
def waardering(omgeving: OmgevingDep, actor: ActorDep, object_id: str, w: WaarderingIn) -> Response:
    b = omgeving.beslisser

    def doe(s: Sessie) -> object:
        if w.soort == "taxatie":
            return waarde.taxeer(s, b, actor, object_id, w.bedrag_euro or "", herkomst="api")
        if w.soort == "opbrengst":
            return waarde.registreer_opbrengst(
                s, b, actor, object_id, w.bedrag_euro or "", herkomst="api"
            )
        if w.soort == "omrekening":
            if w.koers_op is None:
                raise OngeldigeInvoer({"koersOp": "noem het moment van de koers"})
            return waarde.reken_om(
                s,
                b,
                actor,
                object_id,
                eenheid=w.eenheid,
                hoeveelheid=w.hoeveelheid,
                koers=w.koers,
                koersbron=w.koersbron,
                koers_op=w.koers_op,
                herkomst="api",
            )
        raise OngeldigeInvoer({"soort": "kies taxatie, omrekening of opbrengst"})

    return actie(omgeving, doe)


@router.post(
    "/beslagobjecten/{object_id}/_herbestemmen",
    status_code=204,
    summary="Verbeurde goederen overdragen aan een maatschappelijke organisatie (MaHer)",
)
def herbestemmen(
    omgeving: OmgevingDep, actor: ActorDep, object_id: str, h: HerbestemmingIn
) -> Response:
    return actie(
        omgeving,
        lambda s: maher.draag_over(
            s, omgeving.beslisser, actor, object_id, h.organisatie, herkomst="api"
        ),
    )


@router.get(
    "/termijnen",
    response_model=list[TermijnregelUit],
    summary="Termijnen die binnen twee weken vervallen of verlopen zijn (filtermomenten, 117, 116)",
)
def termijnen(
    omgeving: OmgevingDep, actor: ActorDep, vandaag: dt.date | None = None
) -> list[TermijnregelUit]:
    dag = vandaag or dt.date.today()
    with dienst(omgeving) as s:
        regels = overzicht.termijnlijst(s, omgeving.beslisser, actor, dag, herkomst="api")
        return [
            TermijnregelUit(object=object_uit(r.obj), termijn=_termijn(r.termijn, dag))
            for r in regels
        ]


@router.get(
    "/beslagfeed",
    response_model=FeedUit,
    summary="Ketengebeurtenissen voor uw organisatie als CloudEvents (na = laatst verwerkte id)",
)
def beslagfeed(
    omgeving: OmgevingDep,
    actor: ActorDep,
    na: Annotated[int, Query(ge=0)] = 0,
    limiet: Annotated[int, Query(ge=1, le=500)] = 100,
) -> FeedUit:
    with dienst(omgeving) as s:
        p = feed.lees_feed(s, omgeving.beslisser, actor, na=na, limiet=limiet)
    return FeedUit(gebeurtenissen=p.gebeurtenissen, volgende=p.volgende)


@router.post(
    "/beslag/_inzage",
    response_model=InzageUit,
    summary="De beslagene ziet met de persoonlijke code zijn beslag, de stand en zijn rechten",
)
def beslag_inzage(omgeving: OmgevingDep, c: CodeIn) -> InzageUit:
    with dienst(omgeving) as s:
        i = inzage.inzage(s, omgeving.beslisser, c.code, herkomst="api")
        if i is None:
            raise Probleem(
                404, "Deze code is niet bekend. Controleer de code op het bewijs van ontvangst."
            )
        return InzageUit(
            naam=i.naam,
            objecten=[
                InzageObject(
                    id=o.id,
                    omschrijving=o.omschrijving,
                    status=o.status,
                    status_label=STATUS_LABELS[BeslagStatus(o.status)],
                    beslagen_op=o.beslagen_op,
                    klaagschrift_tot=tot,
                    rechten=inzage.rechten(o),
                    verloop=[_gebeurtenis(g) for g in gs],
                )
                for o, gs, tot in i.objecten
            ],
        )


def _dossier_uit(d: Vermogensdossier) -> DossierUit:
    return DossierUit.model_validate(
        {
            "id": d.id,
            "verdachte": d.verdachte,
            "parketnummer": d.parketnummer,
            "casusId": d.casus_id,
            "organisatie": d.organisatie_id,
            "vorderingCenten": d.vordering_centen,
            "executiestatus": d.executiestatus,
        }
    )


@router.get(
    "/vermogensdossiers", response_model=list[DossierUit], summary="Vermogensdossiers (gelogd)"
)
def vermogensdossiers(omgeving: OmgevingDep, actor: ActorDep) -> list[DossierUit]:
    with dienst(omgeving) as s:
        return [
            _dossier_uit(d) for d in dossier.dossiers(s, omgeving.beslisser, actor, herkomst="api")
        ]


@router.post(
    "/vermogensdossiers",
    status_code=201,
    response_model=DossierUit,
    summary="Vermogensdossier openen",
)
def dossier_openen(omgeving: OmgevingDep, actor: ActorDep, d: DossierIn) -> DossierUit:
    with dienst(omgeving) as s:
        return _dossier_uit(
            dossier.open_dossier(
                s,
                omgeving.beslisser,
                actor,
                verdachte=d.verdachte,
                parketnummer=d.parketnummer,
                casus_id=d.casus_id,
            )
        )


@router.get(
    "/vermogensdossiers/{dossier_id}",
    response_model=DossierDetail,
    summary="Vermogenspositie in de tijd, onderzoekshandelingen, vordering en executie",
)
def vermogensdossier(omgeving: OmgevingDep, actor: ActorDep, dossier_id: str) -> DossierDetail:
    with dienst(omgeving) as s:
        b = dossier.beeld(s, omgeving.beslisser, actor, dossier_id, herkomst="api")
        return DossierDetail(
            dossier=_dossier_uit(b.dossier),
            objecten=[object_uit(o) for o in b.objecten],
            onderzoekshandelingen=[
                {
                    "soort": h.soort,
                    "datum": h.datum.isoformat(),
                    "omschrijving": h.omschrijving,
                    "opbrengstCenten": h.opbrengst_centen,
                }
                for h in b.handelingen
            ],
            bekend_vermogen=[
                {
                    "soort": v.soort,
                    "omschrijving": v.omschrijving,
                    "waardeCenten": v.waarde_centen,
                    "bekendSinds": v.bekend_sinds.isoformat(),
                }
                for v in b.bekend
            ],
            betalingen=[
                {"bedragCenten": x.bedrag_centen, "ontvangenOp": x.ontvangen_op.isoformat()}
                for x in b.betalingen
            ],
            medeschuldenaren=b.medeschuldenaren,
            openstaand_centen=b.openstaand_centen,
            positie=[PositieUit.model_validate(p, from_attributes=True) for p in b.positie],
        )


@router.post(
    "/vermogensdossiers/{dossier_id}/onderzoekshandelingen",
    status_code=204,
    summary="Onderzoekshandeling met opbrengst vastleggen",
)
def handeling(omgeving: OmgevingDep, actor: ActorDep, dossier_id: str, h: HandelingIn) -> Response:
    return actie(
        omgeving,
        lambda s: dossier.voeg_handeling_toe(
            s,
            omgeving.beslisser,
            actor,
            dossier_id,
            soort=h.soort,
            datum=h.datum,
            omschrijving=h.omschrijving,
            opbrengst_euro=h.opbrengst_euro,
            herkomst="api",
        ),
    )


@router.post(
    "/vermogensdossiers/{dossier_id}/vermogen",
    status_code=204,
    summary="Bekend vermogen vastleggen",
)
def vermogen(omgeving: OmgevingDep, actor: ActorDep, dossier_id: str, v: VermogenIn) -> Response:
    return actie(
        omgeving,
        lambda s: dossier.voeg_vermogen_toe(
            s,
            omgeving.beslisser,
            actor,
            dossier_id,
            soort=v.soort,
            omschrijving=v.omschrijving,
            waarde_euro=v.waarde_euro,
            bekend_sinds=v.bekend_sinds,
            herkomst="api",
        ),
    )


@router.post(
    "/vermogensdossiers/{dossier_id}/vordering",
    status_code=204,
    summary="Ontnemingsvordering met hoofdelijk aansprakelijke medeschuldenaren",
)
def vordering(omgeving: OmgevingDep, actor: ActorDep, dossier_id: str, v: VorderingIn) -> Response:
    return actie(
        omgeving,
        lambda s: dossier.stel_vordering_vast(
            s,
            omgeving.beslisser,
            actor,
            dossier_id,
            v.bedrag_euro,
            v.medeschuldenaren,
            herkomst="api",
        ),
    )


@router.post(
    "/vermogensdossiers/{dossier_id}/executie",
    status_code=204,
    summary="Stand van de executie vastleggen",
)
def executie(omgeving: OmgevingDep, actor: ActorDep, dossier_id: str, e: ExecutieIn) -> Response:
    return actie(
        omgeving,
        lambda s: dossier.werk_executie_bij(
            s, omgeving.beslisser, actor, dossier_id, e.status, herkomst="api"
        ),
    )


@router.post(
    "/vermogensdossiers/{dossier_id}/betalingen",
    status_code=204,
    summary="Betaling op de vordering (CJIB) vastleggen",
)
def betaling(omgeving: OmgevingDep, actor: ActorDep, dossier_id: str, b: BetalingIn) -> Response:
    return actie(
        omgeving,
        lambda s: dossier.registreer_betaling(
            s, omgeving.beslisser, actor, dossier_id, b.bedrag_euro, b.ontvangen_op, herkomst="api"
        ),
    )


@router.post(
    "/maatschappelijke-organisaties",
    status_code=204,
    summary="Maatschappelijke organisatie met haar behoeften registreren (MaHer)",
)
def maatschappelijke_organisatie(
    omgeving: OmgevingDep, actor: ActorDep, o: OrganisatieIn
) -> Response:
    return actie(
        omgeving,
        lambda s: maher.registreer_organisatie(
            s, omgeving.beslisser, actor, naam=o.naam, plaats=o.plaats, behoeften=o.behoeften
        ),
    )


@router.get(
    "/herbestemming/suggesties",
    response_model=list[SuggestieUit],
    summary="Suggesties: verbeurde goederen tot € 100 bij organisaties die erom vragen",
)
def herbestemming_suggesties(omgeving: OmgevingDep, actor: ActorDep) -> list[SuggestieUit]:
    with dienst(omgeving) as s:
        return [
            SuggestieUit(
                object_id=x.obj.id,
                omschrijving=x.obj.omschrijving,
                organisatie=x.organisatie.id,
                organisatie_naam=x.organisatie.naam,
                uitleg=x.uitleg,
            )
            for x in maher.suggesties(s, omgeving.beslisser, actor, herkomst="api")
        ]


def _jaren(jaren: list[int] | None) -> list[int]:
    nu = dt.date.today().year
    return sorted(set(jaren)) if jaren else list(range(nu - 4, nu + 1))


@router.get(
    "/beslagcijfers",
    response_model=list[JaarcijferUit],
    summary="Beslagwaarde per jaar zoals bekend op de peildatum (zonder persoonsgegevens)",
)
def beslagcijfers(
    omgeving: OmgevingDep,
    _actor: ActorDep,
    jaar: Annotated[list[int] | None, Query()] = None,
    peildatum: dt.datetime | None = None,
) -> list[JaarcijferUit]:
    if peildatum is not None and peildatum.tzinfo is None:
        peildatum = peildatum.replace(tzinfo=dt.UTC)
    with dienst(omgeving) as s:
        return [
            JaarcijferUit.model_validate(j, from_attributes=True)
            for j in cijfers.jaarcijfers(s, _jaren(jaar), peildatum)
        ]


@router.get(
    "/beslagcijfers/naijl",
    response_model=list[NaijlUit],
    summary="Hoe het cijfer van één jaar groeide over latere peildata (na-ijleffect)",
)
def naijl(omgeving: OmgevingDep, _actor: ActorDep, jaar: int) -> list[NaijlUit]:
    with dienst(omgeving) as s:
        return [NaijlUit(peildatum=p, bedrag_centen=c) for p, c in cijfers.naijlreeks(s, jaar)]


@router.get(
    "/beslagcijfers/export",
    summary="Beslagcijfers als CSV of Excel",
    response_class=Response,
    responses={200: {"content": {m.split(";")[0]: {} for m in MEDIATYPEN.values()}}},
)
def cijfers_export(
    omgeving: OmgevingDep,
    _actor: ActorDep,
    formaat: Literal["csv", "xlsx"] = "csv",
    jaar: Annotated[list[int] | None, Query()] = None,
) -> Response:
    with dienst(omgeving) as s:
        lijst = cijfers.jaarcijfers(s, _jaren(jaar))
    return Response(
        tabel(cijfers.KOLOMMEN, cijfers.rijen(lijst), formaat),
        media_type=MEDIATYPEN[formaat],
        headers={"Content-Disposition": f'attachment; filename="beslagcijfers.{formaat}"'},
    )
