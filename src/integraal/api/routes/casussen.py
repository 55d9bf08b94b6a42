# SPDX-License-Identifier: EUPL-1.2
"""Signals, cases and data requests (thin: each handler calls one service in one transaction)."""

from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter, Query, Response

from integraal.api.deps import ActorDep, OmgevingDep
from integraal.api.diensten import actie, dienst
from integraal.api.routes.entiteiten import _uit as entiteit_uit
from integraal.api.schemas import (
    AdviesIn,
    AntwoordIn,
    Beoordeling,
    CasusDetail,
    CasusIn,
    DeelverzoekIn,
    DeelverzoekUit,
    InterventieBijwerken,
    InterventieUit,
    LidIn,
    Motivering,
    Reden,
    SignaalIn,
    SignaalUit,
    SubjectIn,
)
from integraal.casus import advies, casussen, deelverzoeken, signalen
from integraal.casus.advies import Voorstel
from integraal.domein.casus import SignaalStatus
from integraal.export import MEDIATYPEN, exporteer
from integraal.opslag import casussen as casusopslag
from integraal.opslag.db import Sessie
from integraal.opslag.modellen import Deelverzoek, Interventie, Signaal

router = APIRouter(tags=["Casussen"])


def _signaal(s: Signaal, bekend: list[dict[str, str]] | None = None) -> SignaalUit:
    return SignaalUit(
        id=s.id,
        verband=s.verband_id,
        organisatie=s.organisatie_id,
        omschrijving=s.omschrijving,
        kenmerken=list(s.kenmerken),
        status=s.status,
        reden=s.reden,
        casus_id=s.casus_id,
        aangemaakt_op=s.aangemaakt_op,
        bekend_in_casussen=bekend or [],
    )


def _deelverzoek(d: Deelverzoek) -> DeelverzoekUit:
    return DeelverzoekUit(
        id=d.id,
        casus_id=d.casus_id,
        verstrekker=d.verstrekker_id,
        categorieen=list(d.categorieen),
        toelichting=d.toelichting,
        status=d.status,
        besluiten=list(d.besluiten),
        reden=d.reden,
        levering_id=d.levering_id,
        aangevraagd_op=d.aangevraagd_op,
    )


@router.post(
    "/signalen",
    status_code=201,
    response_model=SignaalUit,
    summary="Een signaal melden bij het RIEC (langs de deelregels, gelogd)",
)
def signaal_melden(
    omgeving: OmgevingDep, actor: ActorDep, signaal: SignaalIn, response: Response
) -> SignaalUit:
    with dienst(omgeving) as sessie:
        nummer = signalen.dien_in(
            sessie,
            omgeving.beslisser,
            actor,
            verband_id=signaal.verband,
            omschrijving=signaal.omschrijving,
            kenmerken=[(k.soort, k.waarde) for k in signaal.kenmerken],
            sleutel=omgeving.pseudoniem_sleutel,
            herkomst="api",
        )
        s = casusopslag.signaal(sessie, nummer)
        assert s is not None
        response.headers["Location"] = f"/api/v1/signalen/{nummer}"
        return _signaal(s)


@router.get(
    "/signalen", response_model=list[SignaalUit], summary="Signalen van uw verband (gelogd)"
)
def signalen_lijst(omgeving: OmgevingDep, actor: ActorDep) -> list[SignaalUit]:
    with dienst(omgeving) as sessie:
        return [_signaal(s) for s in signalen.lijst(sessie, omgeving.beslisser, actor)]


@router.get(
    "/signalen/{signaal_id}",
    response_model=SignaalUit,
    summary="Eén signaal, met subjecten die al bekend zijn in uw casussen",
)
def signaal(omgeving: OmgevingDep, actor: ActorDep, signaal_id: str) -> SignaalUit:
    with dienst(omgeving) as sessie:
        beeld = signalen.lees(
            sessie, omgeving.beslisser, actor, signaal_id, omgeving.pseudoniem_sleutel
        )
        bekend = [
            {"casusId": b.casus_id, "entiteitId": b.entity_id, "naam": b.naam} for b in beeld.bekend
        ]
        return _signaal(beeld.signaal, bekend)


@router.post(
    "/signalen/{signaal_id}/_beoordeel",
    status_code=204,
    summary="Een signaal in behandeling nemen of afwijzen, met reden",
)
def signaal_beoordelen(
    omgeving: OmgevingDep, actor: ActorDep, signaal_id: str, b: Beoordeling
) -> Response:
    with dienst(omgeving) as sessie:
        signalen.beoordeel(sessie, actor, signaal_id, SignaalStatus(b.status), b.reden)
    return Response(status_code=204)


@router.post(
    "/casussen",
    status_code=201,
    response_model=CasusDetail,
    summary="Een casus openen uit een of meer signalen (coördinator)",
)
def casus_openen(
    omgeving: OmgevingDep, actor: ActorDep, c: CasusIn, response: Response
) -> CasusDetail:
    with dienst(omgeving) as sessie:
        nummer = casussen.open_casus(
            sessie,
            actor,
            titel=c.titel,
            doel=c.doel,
            signaal_ids=c.signalen,
            aanwijzingen=c.aanwijzingen,
            leden=c.leden,
        )
        response.headers["Location"] = f"/api/v1/casussen/{nummer}"
        return _detail(sessie, omgeving, actor, nummer)


def _detail(sessie: Sessie, omgeving: OmgevingDep, actor: ActorDep, casus_id: str) -> CasusDetail:
    o = casussen.overzicht(sessie, omgeving.beslisser, actor, casus_id)
    return CasusDetail(
        id=o.casus.id,
        titel=o.casus.titel,
        verband=o.casus.verband_id,
        doel=o.casus.doel,
        status=o.casus.status,
        aanwijzingen=o.casus.aanwijzingen,
        sluitreden=o.casus.sluitreden,
        leden=[g.gebruikersnaam for g in o.leden],
        subjecten=[entiteit_uit(b) for _, b in o.subjecten if b is not None],
        deelverzoeken=[_deelverzoek(d) for d in o.deelverzoeken],
        bijdragen=o.bijdragen,
    )


@router.get(
    "/casussen/{casus_id}",
    response_model=CasusDetail,
    summary="Casusoverzicht: leden, subjecten (langs de deelregels), deelverzoeken",
)
def casus(omgeving: OmgevingDep, actor: ActorDep, casus_id: str) -> CasusDetail:
    with dienst(omgeving) as sessie:
        return _detail(sessie, omgeving, actor, casus_id)


@router.get(
    "/casussen/{casus_id}/export",
    summary="Casusoverzicht exporteren als CSV of Excel (langs de deelregels, vastgelegd)",
    response_class=Response,
    responses={
        200: {
            "description": "De zichtbare subjecten van de casus met herkomst en grondslag.",
            "content": {m.split(";")[0]: {} for m in MEDIATYPEN.values()},
        }
    },
)
def casus_export(
    omgeving: OmgevingDep,
    actor: ActorDep,
    casus_id: str,
    formaat: Annotated[Literal["csv", "xlsx"], Query(description="csv of xlsx")] = "csv",
) -> Response:
    with dienst(omgeving) as sessie:
        beelden = casussen.voor_export(sessie, omgeving.beslisser, actor, casus_id, formaat, "api")
    return Response(
        exporteer(beelden, formaat),
        media_type=MEDIATYPEN[formaat],
        headers={"Content-Disposition": f'attachment; filename="casus-{casus_id}.{formaat}"'},
    )


@router.post(
    "/casussen/{casus_id}/aanwijzingen",
    status_code=204,
    summary="Duidelijke en objectieve aanwijzingen vastleggen, met motivering",
)
def aanwijzingen(omgeving: OmgevingDep, actor: ActorDep, casus_id: str, m: Motivering) -> Response:
    return actie(
        omgeving, lambda s: casussen.leg_aanwijzingen_vast(s, actor, casus_id, m.motivering)
    )


@router.post(
    "/casussen/{casus_id}/leden", status_code=204, summary="Een lid toevoegen (coördinator)"
)
def lid_toevoegen(omgeving: OmgevingDep, actor: ActorDep, casus_id: str, lid: LidIn) -> Response:
    return actie(omgeving, lambda s: casussen.voeg_lid_toe(s, actor, casus_id, lid.gebruikersnaam))


@router.post(
    "/casussen/{casus_id}/subjecten",
    status_code=204,
    summary="Een entiteit die u in de casus mag zien aan de casus koppelen",
)
def subject_koppelen(
    omgeving: OmgevingDep, actor: ActorDep, casus_id: str, sub: SubjectIn
) -> Response:
    return actie(
        omgeving,
        lambda s: casussen.koppel_subject(s, omgeving.beslisser, actor, casus_id, sub.entiteit_id),
    )


@router.post("/casussen/{casus_id}/_sluit", status_code=204, summary="De casus sluiten, met reden")
def casus_sluiten(omgeving: OmgevingDep, actor: ActorDep, casus_id: str, r: Reden) -> Response:
    return actie(omgeving, lambda s: casussen.sluit(s, actor, casus_id, r.reden))


@router.post(
    "/casussen/{casus_id}/deelverzoeken",
    status_code=201,
    response_model=DeelverzoekUit,
    summary="Een partner om gegevens vragen; de deelregels beslissen per categorie",
)
def deelverzoek_doen(
    omgeving: OmgevingDep, actor: ActorDep, casus_id: str, d: DeelverzoekIn
) -> DeelverzoekUit:
    with dienst(omgeving) as sessie:
        dv = deelverzoeken.vraag(
            sessie,
            omgeving.beslisser,
            actor,
            casus_id=casus_id,
            verstrekker_id=d.verstrekker,
            categorieen=d.categorieen,
            toelichting=d.toelichting,
        )
        return _deelverzoek(dv)


@router.get(
    "/deelverzoeken",
    response_model=list[DeelverzoekUit],
    summary="Deelverzoeken aan uw organisatie die op goedkeuring of antwoord wachten",
)
def deelverzoeken_lijst(omgeving: OmgevingDep, actor: ActorDep) -> list[DeelverzoekUit]:
    with dienst(omgeving) as sessie:
        return [_deelverzoek(d) for d in deelverzoeken.te_beoordelen(sessie, actor)]


@router.post(
    "/deelverzoeken/{deelverzoek_id}/_goedkeuren",
    status_code=204,
    summary="Goedkeuren door een tweede persoon van de verstrekker (vierogenprincipe)",
)
def goedkeuren(omgeving: OmgevingDep, actor: ActorDep, deelverzoek_id: str) -> Response:
    return actie(omgeving, lambda s: deelverzoeken.keur_goed(s, actor, deelverzoek_id))


@router.post(
    "/deelverzoeken/{deelverzoek_id}/_afwijzen", status_code=204, summary="Afwijzen, met reden"
)
def afwijzen(omgeving: OmgevingDep, actor: ActorDep, deelverzoek_id: str, r: Reden) -> Response:
    return actie(omgeving, lambda s: deelverzoeken.wijs_af(s, actor, deelverzoek_id, r.reden))


@router.post(
    "/deelverzoeken/{deelverzoek_id}/_beantwoord",
    status_code=204,
    summary="Een verwerkte levering koppelen als antwoord",
)
def beantwoorden(
    omgeving: OmgevingDep, actor: ActorDep, deelverzoek_id: str, a: AntwoordIn
) -> Response:
    return actie(
        omgeving, lambda s: deelverzoeken.beantwoord(s, actor, deelverzoek_id, a.levering_id)
    )


def _interventie(i: Interventie) -> InterventieUit:
    return InterventieUit(
        id=i.id,
        casus_id=i.casus_id,
        soort=i.soort,
        maatregel=i.maatregel,
        eigenaar=i.eigenaar_id,
        status=i.status,
        toelichting=i.toelichting,
        gestart_op=i.gestart_op,
        afgerond_op=i.afgerond_op,
        uitkomst=i.uitkomst,
        bedrag_euro=i.bedrag_centen / 100 if i.bedrag_centen is not None else None,
    )


@router.put(
    "/casussen/{casus_id}/advies",
    status_code=204,
    summary="Het handhavingsadvies opstellen of herzien (concept)",
)
def advies_opstellen(
    omgeving: OmgevingDep, actor: ActorDep, casus_id: str, a: AdviesIn
) -> Response:
    return actie(
        omgeving,
        lambda s: advies.stel_op(
            s,
            omgeving.beslisser,
            actor,
            casus_id,
            a.analyse,
            [Voorstel(v.soort, v.maatregel, v.eigenaar, v.toelichting) for v in a.interventies],
        ),
    )


@router.post(
    "/casussen/{casus_id}/advies/_vaststellen",
    status_code=204,
    summary="Het advies vaststellen (coördinator, niet de opsteller)",
)
def advies_vaststellen(omgeving: OmgevingDep, actor: ActorDep, casus_id: str) -> Response:
    return actie(omgeving, lambda s: advies.stel_vast(s, omgeving.beslisser, actor, casus_id))


@router.get(
    "/interventies",
    response_model=list[InterventieUit],
    summary="Interventies waarvan uw organisatie eigenaar is",
)
def interventies(omgeving: OmgevingDep, actor: ActorDep) -> list[InterventieUit]:
    with dienst(omgeving) as sessie:
        return [_interventie(i) for i in advies.van_mijn_organisatie(sessie, actor)]


@router.post(
    "/interventies/{interventie_id}/_bijwerken",
    response_model=InterventieUit,
    summary="Status en uitkomst van een interventie vastleggen",
)
def interventie_bijwerken(
    omgeving: OmgevingDep, actor: ActorDep, interventie_id: str, b: InterventieBijwerken
) -> InterventieUit:
    with dienst(omgeving) as sessie:
        i = advies.werk_bij(
            sessie,
            actor,
            interventie_id,
            status=b.status,
            uitkomst=b.uitkomst,
            bedrag_euro=b.bedrag_euro,
            datum=b.datum,
        )
        return _interventie(i)
