# SPDX-License-Identifier: EUPL-1.2
"""Pages of the seizure chain: objects, kennisgeving, steps, deadlines, dossiers, MaHer, figures."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any

from fastapi import APIRouter, Form, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from integraal.afpakken import (
    cijfers,
    dossier,
    inzage,
    maher,
    overzicht,
    registratie,
    verloop,
    waarde,
)
from integraal.afpakken.registratie import Item, Kennisgeving
from integraal.domein.beslag import (
    CATEGORIEEN,
    GROND_LABELS,
    SOORT_LABELS,
    STATUS_LABELS,
    TERMIJN_LABELS,
    Handeling,
)
from integraal.domein.fouten import GeenToegang, OngeldigeInvoer
from integraal.domein.tekst import euro, lees_bedrag
from integraal.export import MEDIATYPEN, tabel
from integraal.opslag import beslag as beslagopslag
from integraal.opslag.db import Sessie, transactie
from integraal.web.basis import ActorDep, Csrf, OmgevingDep, actie, fout, niet_gevonden, pagina

router = APIRouter()

LABELS: dict[str, Any] = {
    "soorten": SOORT_LABELS,
    "gronden": GROND_LABELS,
    "categorieen": CATEGORIEEN,
    "statussen": STATUS_LABELS,
    "termijnlabels": TERMIJN_LABELS,
}
BEWAARDERS = {
    "domeinen-roerende-zaken": "Domeinen Roerende Zaken",
    "kasbeheerder-om": "Kasbeheerder OM",
}


@router.get("/beslag", response_class=HTMLResponse)
def beslag_pagina(request: Request, omgeving: OmgevingDep, actor: ActorDep) -> Response:
    try:
        with transactie(omgeving.fabriek) as s:
            lijst = overzicht.objecten(s, omgeving.beslisser, actor)
    except GeenToegang as exc:
        return fout(request, actor, exc)
    return pagina(request, "beslag.html", actor, lijst=lijst, euro=euro, **LABELS)


@router.get("/beslag/nieuw", response_class=HTMLResponse)
def kennisgeving_formulier(request: Request, actor: ActorDep) -> Response:
    return pagina(
        request, "beslag_nieuw.html", actor, vandaag=dt.date.today(), regels=range(4), **LABELS
    )


def _float(tekst: str, veld: str) -> float | None:
    if not tekst.strip():
        return None
    try:
        return lees_bedrag(tekst)
    except ValueError as exc:
        raise OngeldigeInvoer({veld: "vul een bedrag in, bijvoorbeeld 1.250,00"}) from exc


@router.post("/beslag/nieuw", response_class=HTMLResponse, dependencies=[Csrf])
def kennisgeving_registreren(
    request: Request,
    omgeving: OmgevingDep,
    actor: ActorDep,
    kvi_nummer: Annotated[str, Form()] = "",
    beslagen_op: Annotated[str, Form()] = "",
    beslagene: Annotated[str, Form()] = "",
    casus: Annotated[str, Form()] = "",
    dossier_id: Annotated[str, Form()] = "",
    rechtshulp: Annotated[str, Form()] = "",
    soort: Annotated[list[str] | None, Form()] = None,
    omschrijving: Annotated[list[str] | None, Form()] = None,
    grond: Annotated[list[str] | None, Form()] = None,
    categorie: Annotated[list[str] | None, Form()] = None,
    kenmerk: Annotated[list[str] | None, Form()] = None,
    bedrag: Annotated[list[str] | None, Form()] = None,
    goederencategorie: Annotated[list[str] | None, Form()] = None,
) -> Response:
    try:
        datum = dt.date.fromisoformat(beslagen_op)
    except ValueError:
        return fout(
            request, actor, OngeldigeInvoer({"datum": "vul de datum van inbeslagneming in"})
        )
    try:
        rijen = zip(
            soort or [],
            omschrijving or [],
            grond or [],
            categorie or [],
            kenmerk or [],
            bedrag or [],
            goederencategorie or [],
            strict=False,
        )
        items = tuple(
            Item(
                soort=so,
                omschrijving=om,
                grond=gr,
                categorie=int(ca or 0),
                kenmerk=ke,
                bedrag_euro=_float(be, f"bedrag {i}"),
                goederencategorie=go,
            )
            for i, (so, om, gr, ca, ke, be, go) in enumerate(rijen, start=1)
            if om.strip()
        )
        with transactie(omgeving.fabriek) as s:
            r = registratie.registreer(
                s,
                omgeving.beslisser,
                actor,
                Kennisgeving(
                    kvi_nummer=kvi_nummer,
                    beslagen_op=datum,
                    beslagene=beslagene,
                    casus_id=casus.strip() or None,
                    dossier_id=dossier_id.strip() or None,
                    rechtshulp=bool(rechtshulp),
                    items=items,
                ),
                herkomst="web",
            )
    except (GeenToegang, OngeldigeInvoer) as exc:
        return fout(request, actor, exc)
    return pagina(request, "beslag_geregistreerd.html", actor, r=r)


@router.get("/beslag/termijnen", response_class=HTMLResponse)
def termijnen_pagina(request: Request, omgeving: OmgevingDep, actor: ActorDep) -> Response:
    try:
        with transactie(omgeving.fabriek) as s:
            regels = overzicht.termijnlijst(s, omgeving.beslisser, actor)
    except GeenToegang as exc:
        return fout(request, actor, exc)
    return pagina(request, "beslag_termijnen.html", actor, regels=regels, **LABELS)


@router.get("/beslag/cijfers", response_class=HTMLResponse)
def cijfers_pagina(
    request: Request, omgeving: OmgevingDep, actor: ActorDep, jaar: int | None = None
) -> Response:
    nu = dt.date.today().year
    jaren = list(range(nu - 4, nu + 1))
    gekozen = jaar if jaar in jaren else nu - 1
    with transactie(omgeving.fabriek) as s:
        lijst = cijfers.jaarcijfers(s, jaren)
        reeks = cijfers.naijlreeks(s, gekozen)
    hoogste = max([c for _, c in reeks] + [1])
    return pagina(
        request,
        "beslag_cijfers.html",
        actor,
        lijst=lijst,
        reeks=reeks,
        jaar=gekozen,
        jaren=jaren,
        hoogste=hoogste,
        euro=euro,
    )


@router.get("/beslag/cijfers.{formaat}")
def cijfers_export(
    request: Request, omgeving: OmgevingDep, actor: ActorDep, formaat: str
) -> Response:
    if formaat not in MEDIATYPEN:
        return niet_gevonden(request, actor, "Exporteer als csv of xlsx.")
    nu = dt.date.today().year
    with transactie(omgeving.fabriek) as s:
        lijst = cijfers.jaarcijfers(s, list(range(nu - 4, nu + 1)))
    return Response(
        tabel(cijfers.KOLOMMEN, cijfers.rijen(lijst), formaat),
        media_type=MEDIATYPEN[formaat],
        headers={"Content-Disposition": f'attachment; filename="beslagcijfers.{formaat}"'},
    )


@router.get("/beslag/{object_id}", response_class=HTMLResponse)
def object_pagina(
    request: Request, omgeving: OmgevingDep, actor: ActorDep, object_id: str
) -> Response:
    try:
        with transactie(omgeving.fabriek) as s:
            b = overzicht.object_beeld(s, omgeving.beslisser, actor, object_id)
    except GeenToegang as exc:
        return niet_gevonden(request, actor, str(exc))
    return pagina(
        request,
        "beslag_object.html",
        actor,
        b=b,
        euro=euro,
        bewaarders=BEWAARDERS,
        vandaag=dt.date.today(),
        **LABELS,
    )


@router.post("/beslag/{object_id}/stap", dependencies=[Csrf])
def object_stap(
    request: Request,
    omgeving: OmgevingDep,
    actor: ActorDep,
    object_id: str,
    naar: Annotated[str, Form()] = "",
    reden: Annotated[str, Form()] = "",
    machtiging: Annotated[str, Form()] = "",
    uitspraak: Annotated[str, Form()] = "",
    afstandsverklaring: Annotated[str, Form()] = "",
    bewaarder: Annotated[str, Form()] = "",
) -> Response:
    h = Handeling(reden, machtiging, uitspraak, afstandsverklaring)
    return actie(
        request,
        actor,
        f"/beslag/{object_id}",
        lambda s: verloop.voer_uit(
            s,
            omgeving.beslisser,
            actor,
            object_id,
            naar,
            h,
            bewaarder_id=bewaarder or None,
            herkomst="web",
        ),
    )


@router.post("/beslag/{object_id}/waarde", dependencies=[Csrf])
def object_waarde(
    request: Request,
    omgeving: OmgevingDep,
    actor: ActorDep,
    object_id: str,
    soort: Annotated[str, Form()] = "",
    bedrag: Annotated[str, Form()] = "",
    eenheid: Annotated[str, Form()] = "",
    hoeveelheid: Annotated[str, Form()] = "",
    koers: Annotated[str, Form()] = "",
    koersbron: Annotated[str, Form()] = "",
    koers_op: Annotated[str, Form()] = "",
) -> Response:
    b = omgeving.beslisser

    def doe(s: Sessie) -> object:
        if soort == "taxatie":
            return waarde.taxeer(s, b, actor, object_id, bedrag.replace(".", ""), herkomst="web")
        if soort == "opbrengst":
            return waarde.registreer_opbrengst(
                s, b, actor, object_id, bedrag.replace(".", ""), herkomst="web"
            )
        try:
            moment = dt.datetime.fromisoformat(koers_op).replace(tzinfo=dt.UTC)
        except ValueError as exc:
            raise OngeldigeInvoer({"koersOp": "vul datum en tijd van de koers in"}) from exc
        return waarde.reken_om(
            s,
            b,
            actor,
            object_id,
            eenheid=eenheid,
            hoeveelheid=hoeveelheid,
            koers=koers,
            koersbron=koersbron,
            koers_op=moment,
            herkomst="web",
        )

    return actie(request, actor, f"/beslag/{object_id}", doe)


@router.post("/beslag/{object_id}/machtiging", dependencies=[Csrf])
def object_machtiging(
    request: Request, omgeving: OmgevingDep, actor: ActorDep, object_id: str
) -> Response:
    return actie(
        request,
        actor,
        f"/beslag/{object_id}",
        lambda s: verloop.verzoek_machtiging(
            s, omgeving.beslisser, actor, object_id, herkomst="web"
        ),
    )


@router.post("/beslag/{object_id}/klaagschrift", dependencies=[Csrf])
def object_klaagschrift(
    request: Request,
    omgeving: OmgevingDep,
    actor: ActorDep,
    object_id: str,
    aanhangig: Annotated[str, Form()] = "",
    document: Annotated[str, Form()] = "",
) -> Response:
    return actie(
        request,
        actor,
        f"/beslag/{object_id}",
        lambda s: verloop.klaagschrift(
            s,
            omgeving.beslisser,
            actor,
            object_id,
            aanhangig=aanhangig == "ja",
            document=document,
            herkomst="web",
        ),
    )


@router.post("/beslag/{object_id}/herbeoordeling", dependencies=[Csrf])
def object_herbeoordeling(
    request: Request,
    omgeving: OmgevingDep,
    actor: ActorDep,
    object_id: str,
    reden: Annotated[str, Form()] = "",
) -> Response:
    return actie(
        request,
        actor,
        f"/beslag/{object_id}",
        lambda s: verloop.herbeoordeel(
            s, omgeving.beslisser, actor, object_id, reden, herkomst="web"
        ),
    )


@router.post("/beslag/{object_id}/omzetting", dependencies=[Csrf])
def object_omzetting(
    request: Request,
    omgeving: OmgevingDep,
    actor: ActorDep,
    object_id: str,
    grond: Annotated[str, Form()] = "",
    machtiging_rc: Annotated[str, Form()] = "",
) -> Response:
    return actie(
        request,
        actor,
        f"/beslag/{object_id}",
        lambda s: verloop.zet_om_conservatoir(
            s, omgeving.beslisser, actor, object_id, grond, machtiging_rc, herkomst="web"
        ),
    )


@router.get("/vermogensdossiers", response_class=HTMLResponse)
def dossiers_pagina(request: Request, omgeving: OmgevingDep, actor: ActorDep) -> Response:
    try:
        with transactie(omgeving.fabriek) as s:
            lijst = dossier.dossiers(s, omgeving.beslisser, actor)
    except GeenToegang as exc:
        return fout(request, actor, exc)
    return pagina(
        request,
        "dossiers.html",
        actor,
        lijst=lijst,
        executiestatussen=dossier.EXECUTIESTATUSSEN,
        euro=euro,
    )


@router.post("/vermogensdossiers", dependencies=[Csrf])
def dossier_openen(
    request: Request,
    omgeving: OmgevingDep,
    actor: ActorDep,
    verdachte: Annotated[str, Form()] = "",
    parketnummer: Annotated[str, Form()] = "",
) -> Response:
    try:
        with transactie(omgeving.fabriek) as s:
            d = dossier.open_dossier(
                s, omgeving.beslisser, actor, verdachte=verdachte, parketnummer=parketnummer
            )
    except (GeenToegang, OngeldigeInvoer) as exc:
        return fout(request, actor, exc)
    return RedirectResponse(f"/vermogensdossiers/{d.id}", status_code=303)


@router.get("/vermogensdossiers/{dossier_id}", response_class=HTMLResponse)
def dossier_pagina(
    request: Request, omgeving: OmgevingDep, actor: ActorDep, dossier_id: str
) -> Response:
    try:
        with transactie(omgeving.fabriek) as s:
            b = dossier.beeld(s, omgeving.beslisser, actor, dossier_id)
    except GeenToegang as exc:
        return niet_gevonden(request, actor, str(exc))
    hoogste = max([p.bekend_centen + p.beslagen_centen for p in b.positie] + [1])
    return pagina(
        request,
        "dossier.html",
        actor,
        b=b,
        euro=euro,
        executiestatussen=dossier.EXECUTIESTATUSSEN,
        handelingen=dossier.HANDELINGEN,
        hoogste=hoogste,
        **LABELS,
    )


@router.post("/vermogensdossiers/{dossier_id}/handeling", dependencies=[Csrf])
def dossier_handeling(
    request: Request,
    omgeving: OmgevingDep,
    actor: ActorDep,
    dossier_id: str,
    soort: Annotated[str, Form()] = "",
    datum: Annotated[str, Form()] = "",
    omschrijving: Annotated[str, Form()] = "",
    opbrengst: Annotated[str, Form()] = "",
) -> Response:
    def doe(s: Sessie) -> object:
        try:
            dag = dt.date.fromisoformat(datum)
        except ValueError as exc:
            raise OngeldigeInvoer({"datum": "vul een datum in"}) from exc
        return dossier.voeg_handeling_toe(
            s,
            omgeving.beslisser,
            actor,
            dossier_id,
            soort=soort,
            datum=dag,
            omschrijving=omschrijving,
            opbrengst_euro=opbrengst,
            herkomst="web",
        )

    return actie(request, actor, f"/vermogensdossiers/{dossier_id}", doe)


@router.post("/vermogensdossiers/{dossier_id}/vordering", dependencies=[Csrf])
def dossier_vordering(
    request: Request,
    omgeving: OmgevingDep,
    actor: ActorDep,
    dossier_id: str,
    bedrag: Annotated[str, Form()] = "",
    medeschuldenaren: Annotated[str, Form()] = "",
) -> Response:
    mede = [x.strip() for x in medeschuldenaren.split(",") if x.strip()]
    return actie(
        request,
        actor,
        f"/vermogensdossiers/{dossier_id}",
        lambda s: dossier.stel_vordering_vast(
            s, omgeving.beslisser, actor, dossier_id, bedrag, mede, herkomst="web"
        ),
    )


def _datum(tekst: str, veld: str) -> dt.date:
    try:
        return dt.date.fromisoformat(tekst)
    except ValueError as exc:
        raise OngeldigeInvoer({veld: "vul een datum in"}) from exc


@router.post("/vermogensdossiers/{dossier_id}/vermogen", dependencies=[Csrf])
def dossier_vermogen(
    request: Request,
    omgeving: OmgevingDep,
    actor: ActorDep,
    dossier_id: str,
    soort: Annotated[str, Form()] = "",
    omschrijving: Annotated[str, Form()] = "",
    waarde_euro: Annotated[str, Form()] = "",
    bekend_sinds: Annotated[str, Form()] = "",
) -> Response:
    return actie(
        request,
        actor,
        f"/vermogensdossiers/{dossier_id}",
        lambda s: dossier.voeg_vermogen_toe(
            s,
            omgeving.beslisser,
            actor,
            dossier_id,
            soort=soort,
            omschrijving=omschrijving,
            waarde_euro=waarde_euro,
            bekend_sinds=_datum(bekend_sinds, "bekendSinds"),
            herkomst="web",
        ),
    )


@router.post("/vermogensdossiers/{dossier_id}/executie", dependencies=[Csrf])
def dossier_executie(
    request: Request,
    omgeving: OmgevingDep,
    actor: ActorDep,
    dossier_id: str,
    status: Annotated[str, Form()] = "",
) -> Response:
    return actie(
        request,
        actor,
        f"/vermogensdossiers/{dossier_id}",
        lambda s: dossier.werk_executie_bij(
            s, omgeving.beslisser, actor, dossier_id, status, herkomst="web"
        ),
    )


@router.post("/vermogensdossiers/{dossier_id}/betaling", dependencies=[Csrf])
def dossier_betaling(
    request: Request,
    omgeving: OmgevingDep,
    actor: ActorDep,
    dossier_id: str,
    bedrag: Annotated[str, Form()] = "",
    ontvangen_op: Annotated[str, Form()] = "",
) -> Response:
    return actie(
        request,
        actor,
        f"/vermogensdossiers/{dossier_id}",
        lambda s: dossier.registreer_betaling(
            s,
            omgeving.beslisser,
            actor,
            dossier_id,
            bedrag,
            _datum(ontvangen_op, "ontvangenOp"),
            herkomst="web",
        ),
    )


@router.get("/herbestemming", response_class=HTMLResponse)
def herbestemming_pagina(request: Request, omgeving: OmgevingDep, actor: ActorDep) -> Response:
    try:
        with transactie(omgeving.fabriek) as s:
            suggesties = maher.suggesties(s, omgeving.beslisser, actor)
            organisaties = beslagopslag.maatschappelijke_organisaties(s)
    except GeenToegang as exc:
        return fout(request, actor, exc)
    return pagina(
        request, "herbestemming.html", actor, suggesties=suggesties, organisaties=organisaties
    )


@router.post("/herbestemming/organisaties", dependencies=[Csrf])
def herbestemming_organisatie(
    request: Request,
    omgeving: OmgevingDep,
    actor: ActorDep,
    naam: Annotated[str, Form()] = "",
    plaats: Annotated[str, Form()] = "",
    behoeften: Annotated[str, Form()] = "",
) -> Response:
    return actie(
        request,
        actor,
        "/herbestemming",
        lambda s: maher.registreer_organisatie(
            s, omgeving.beslisser, actor, naam=naam, plaats=plaats, behoeften=behoeften.split(",")
        ),
    )


@router.post("/herbestemming/{object_id}", dependencies=[Csrf])
def herbestemming_overdragen(
    request: Request,
    omgeving: OmgevingDep,
    actor: ActorDep,
    object_id: str,
    organisatie: Annotated[str, Form()] = "",
) -> Response:
    return actie(
        request,
        actor,
        "/herbestemming",
        lambda s: maher.draag_over(
            s, omgeving.beslisser, actor, object_id, organisatie, herkomst="web"
        ),
    )


@router.get("/mijn-beslag", response_class=HTMLResponse)
def inzage_formulier(request: Request) -> Response:
    return pagina(request, "mijn_beslag.html", None)


@router.post("/mijn-beslag", response_class=HTMLResponse, dependencies=[Csrf])
def inzage_tonen(
    request: Request, omgeving: OmgevingDep, code: Annotated[str, Form()] = ""
) -> Response:
    with transactie(omgeving.fabriek) as s:
        i = inzage.inzage(s, omgeving.beslisser, code, herkomst="web")
    if i is None:
        return pagina(
            request,
            "mijn_beslag.html",
            None,
            status=400,
            fout="Deze code is niet bekend. Controleer de code op het bewijs van ontvangst.",
        )
    return pagina(request, "mijn_beslag.html", None, inzage=i, rechten=inzage.rechten, **LABELS)
