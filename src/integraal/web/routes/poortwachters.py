# SPDX-License-Identifier: EUPL-1.2
"""Gatekeepers and registers on the web, per role: the reporting institution (reports, a
goAML file, freeze requests to confirm), FIU-Nederland's analysts (analysis, judgement,
dissemination, freezes), investigation services (suspicious transactions received), notaries
(refusals, partnership facts, the question to other notaries), the warning register's keeper
and a connected company's screener."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, File, UploadFile
from fastapi.responses import HTMLResponse, Response

from integraal.casus.signalen import KenmerkSoort
from integraal.delen.uitleg import Waarom, waarom
from integraal.domein.fouten import OngeldigeInvoer
from integraal.domein.poortwachters import (
    Meldgrond,
    Meldingstatus,
    Opschortingstatus,
    Partnerschapsfeit,
    Registratiecriterium,
    Registratiestatus,
    Weigeringsoort,
    Weigeringsreden,
)
from integraal.poortwachters import goaml, meldingen, notarissen, opschortingen
from integraal.poortwachters import waarschuwingsregister as wr
from integraal.poortwachters.meldingen import (
    AnalyseIn,
    MeldingIn,
    Ontvangstbevestiging,
    Oordeel,
    OordeelIn,
    VerstrekkingIn,
)
from integraal.poortwachters.notarissen import (
    FeitIn,
    NotarisantwoordUit,
    NotarisvraagIn,
    WeigeringIn,
    WeigeringUit,
)
from integraal.poortwachters.opschortingen import (
    Afloop,
    OpschortingIn,
    OpschortingUit,
    VerlengingIn,
)
from integraal.poortwachters.waarschuwingsregister import (
    AansluitingIn,
    BezwaarbesluitIn,
    BezwaarIn,
    Bezwaaruitkomst,
    IntrekkingIn,
    KennisgevingIn,
    RaadpleegIn,
    Raadpleeguitkomst,
    RegistratieIn,
    RegistratieUit,
    VergunningIn,
)
from integraal.toegang import poortwachters as deur
from integraal.web.basis import (
    Bevestiging,
    Csrf,
    Formulieren,
    Kruimel,
    Velden,
    Web,
    WebDep,
    handeling,
    kruimels,
    met_fouten,
)
from integraal.web.formulier import Formulierstaat

router = APIRouter()


def _kenmerksoorten(toegestaan: frozenset[KenmerkSoort]) -> list[tuple[str, str]]:
    return [(k.value, k.label) for k in KenmerkSoort if k in toegestaan]


# --- The reporting institution -------------------------------------------------------------------

NA_MELDING = (
    "FIU-Nederland analyseert de melding. U hoort niet wat er verder mee gebeurt: dat houdt de "
    "wet zo, om de cliënt en het onderzoek te beschermen.",
    "Vertel de cliënt niets over de melding (Wwft art. 23, verbod op tipping off).",
    "Bewaar uw eigen dossier over de transactie vijf jaar (Wwft art. 33 en 34).",
)


@router.get("/meldingen", response_class=HTMLResponse)
def meldingen_pagina(w: WebDep) -> Response:
    return w.pagina(
        "meldingen.html",
        lijst=w.doe(meldingen.eigen_lijst),
        kruimels=kruimels("Meldingen", "/meldingen"),
    )


def _melding_nieuw(w: Web, f: Formulierstaat) -> Response:
    return w.pagina(
        "melding_nieuw.html",
        f=f,
        meldgronden=Meldgrond.keuzes(),
        kenmerksoorten=_kenmerksoorten(meldingen.KENMERKEN),
        kruimels=kruimels("Meldingen", "/meldingen", Kruimel("Melding doen")),
    )


@router.get("/meldingen/nieuw", response_class=HTMLResponse)
def melding_nieuw(w: WebDep) -> Response:
    w.doe(lambda ctx: deur.toegang_melder(ctx))
    return _melding_nieuw(w, Formulierstaat())


@router.post("/meldingen", response_class=HTMLResponse, dependencies=[Csrf])
def melden(w: WebDep, velden: Velden) -> Response:
    def klaar(bon: Ontvangstbevestiging) -> Response:
        return w.bevestig(
            f"/meldingen/{bon.id}",
            f"Melding {bon.id} is ontvangen",
            "Dit is uw ontvangstbevestiging. De melding en het lezen ervan staan in het logboek.",
            NA_MELDING,
        )

    return w.verzend(
        MeldingIn, velden, meldingen.meld, opnieuw=lambda f: _melding_nieuw(w, f), klaar=klaar
    )


def _goaml_pagina(w: Web, f: Formulierstaat, status: int = 200) -> Response:
    return w.pagina(
        "melding_goaml.html",
        f=f,
        status=status,
        bestandsfouten=[(k, v) for k, v in f.fouten.items() if k.startswith("bestand")],
        kruimels=kruimels("Meldingen", "/meldingen", Kruimel("goAML-bestand melden")),
    )


@router.get("/meldingen/goaml", response_class=HTMLResponse)
def goaml_formulier(w: WebDep) -> Response:
    w.doe(lambda ctx: deur.toegang_melder(ctx))
    return _goaml_pagina(w, Formulierstaat())


@router.post("/meldingen/goaml", response_class=HTMLResponse, dependencies=[Csrf])
def goaml_melden(w: WebDep, bestand: Annotated[UploadFile | None, File()] = None) -> Response:
    inhoud = bestand.file.read(goaml.MAX_BYTES + 1) if bestand is not None else b""
    if not inhoud:
        return _goaml_pagina(
            w, Formulierstaat({}, {"bestand": "Kies een goAML-bestand (XML)."}), 400
        )
    try:
        bonnen = w.doe(lambda ctx: goaml.meld(ctx, inhoud))
    except OngeldigeInvoer as exc:
        return _goaml_pagina(w, Formulierstaat({}, exc.fouten), 400)
    return w.bevestig(
        "/meldingen",
        f"{len(bonnen)} {'melding' if len(bonnen) == 1 else 'meldingen'} ontvangen uit het "
        "goAML-bestand",
        "Elke transactie in het bestand is een eigen melding met een eigen nummer.",
        NA_MELDING,
    )


@router.get("/meldingen/{melding_id}", response_class=HTMLResponse)
def eigen_melding(w: WebDep, melding_id: str) -> Response:
    m = w.doe(lambda ctx: meldingen.eigen(ctx, melding_id))
    return w.pagina(
        "melding_eigen.html",
        m=m,
        kruimels=kruimels("Meldingen", "/meldingen", Kruimel(f"Melding {m.id}")),
    )


# --- FIU-Nederland ---------------------------------------------------------------------------


@router.get("/fiu/meldingen", response_class=HTMLResponse)
def fiu_meldingen(w: WebDep) -> Response:
    gekozen = w.request.query_params.get("status") or None
    status = next((s for s in Meldingstatus if s.value == gekozen), None)
    with w.context() as ctx:
        meldingen.fiu(ctx)
        lijst = meldingen.lijst(ctx, status)
    return w.pagina(
        "fiu_meldingen.html",
        lijst=lijst,
        statussen=Meldingstatus.keuzes(),
        gekozen=status.value if status else "",
        kruimels=kruimels("Meldingen", "/fiu/meldingen"),
    )


def _fiu_melding(w: Web, melding_id: str, formulieren: Formulieren | None = None) -> Response:
    m = w.doe(lambda ctx: meldingen.lees(ctx, melding_id))
    fs = formulieren or {}
    return w.pagina(
        "fiu_melding.html",
        m=m,
        S=Meldingstatus,
        f=met_fouten(fs),
        fa=fs.get("analyse", Formulierstaat()),
        fo=fs.get("oordeel", Formulierstaat()),
        fv=fs.get("verstrekking", Formulierstaat()),
        oordelen=Oordeel.keuzes(),
        diensten=[(d, w.naam(d)) for d in meldingen.OPSPORINGSDIENSTEN],
        kruimels=kruimels("Meldingen", "/fiu/meldingen", Kruimel(f"Melding {m.id}")),
    )


@router.get("/fiu/meldingen/{melding_id}", response_class=HTMLResponse)
def fiu_melding(w: WebDep, melding_id: str) -> Response:
    return _fiu_melding(w, melding_id)


handeling(
    router,
    "/fiu/meldingen/{melding_id}/analyse",
    AnalyseIn,
    meldingen.analyseer,
    _fiu_melding,
    Bevestiging("Analyse vastgelegd", "Alleen FIU-Nederland leest de analyse."),
)
handeling(
    router,
    "/fiu/meldingen/{melding_id}/oordeel",
    OordeelIn,
    meldingen.beoordeel,
    _fiu_melding,
    Bevestiging(
        "Oordeel vastgelegd",
        "De melder hoort dit niet.",
        ("Een verdachte transactie kunt u nu verstrekken aan een opsporingsdienst.",),
    ),
)
handeling(
    router,
    "/fiu/meldingen/{melding_id}/verstrekking",
    VerstrekkingIn,
    meldingen.verstrek,
    _fiu_melding,
    Bevestiging(
        "Verdachte transactie verstrekt",
        "De verstrekking is door de deelregels beslist en staat in het logboek.",
        ("De dienst ziet de transactie onder Verdachte transacties.",),
    ),
)


@router.get("/verdachte-transacties", response_class=HTMLResponse)
def verdachte_transacties(w: WebDep) -> Response:
    return w.pagina(
        "verdachte_transacties.html",
        lijst=w.doe(meldingen.ontvangen),
        kruimels=kruimels("Verdachte transacties", "/verdachte-transacties"),
    )


@router.get("/verdachte-transacties/{verstrekking_id}", response_class=HTMLResponse)
def verdachte_transactie(w: WebDep, verstrekking_id: str) -> Response:
    v = w.doe(lambda ctx: meldingen.ontvangen_een(ctx, verstrekking_id))
    return w.pagina(
        "verdachte_transactie.html",
        v=v,
        kruimels=kruimels(
            "Verdachte transacties", "/verdachte-transacties", Kruimel(f"Transactie {v.id}")
        ),
    )


# --- Emergency freezes -----------------------------------------------------------------------


@router.get("/opschortingen", response_class=HTMLResponse)
def opschortingen_pagina(w: WebDep) -> Response:
    with w.context() as ctx:
        lijst = opschortingen.lijst(ctx)
        fiu = deur.is_fiu(ctx)
    return w.pagina(
        "opschortingen.html",
        lijst=lijst,
        fiu=fiu,
        kruimels=kruimels("Opschortingen", "/opschortingen"),
    )


def _opschorting_nieuw(w: Web, f: Formulierstaat) -> Response:
    with w.context() as ctx:
        opschortingen.fiu(ctx)
        instellingen = opschortingen.instellingen(ctx)
    gekozen = w.request.query_params.get("meldingId")
    if gekozen and not f.waarden:
        f = Formulierstaat({"meldingId": [gekozen]})
    return w.pagina(
        "opschorting_nieuw.html",
        f=f,
        instellingen=instellingen,
        kruimels=kruimels("Opschortingen", "/opschortingen", Kruimel("Opschorting verzoeken")),
    )


@router.get("/opschortingen/nieuw", response_class=HTMLResponse)
def opschorting_nieuw(w: WebDep) -> Response:
    return _opschorting_nieuw(w, Formulierstaat())


@router.post("/opschortingen", response_class=HTMLResponse, dependencies=[Csrf])
def opschorting_verzoeken(w: WebDep, velden: Velden) -> Response:
    def klaar(o: OpschortingUit) -> Response:
        return w.bevestig(
            f"/opschortingen/{o.id}",
            f"Opschorting {o.id} verzocht",
            f"De instelling moet de transactie direct opschorten, tot en met {o.einde:%d-%m-%Y}.",
            (
                "De instelling bevestigt de opschorting in Integraal; tot dan staat het verzoek "
                "in uw Mijn taken.",
                "Verleng of hef de opschorting op voor het einde van de termijn.",
            ),
        )

    return w.verzend(
        OpschortingIn,
        velden,
        opschortingen.verzoek,
        opnieuw=lambda f: _opschorting_nieuw(w, f),
        klaar=klaar,
    )


def _opschorting(w: Web, opschorting_id: str, formulieren: Formulieren | None = None) -> Response:
    with w.context() as ctx:
        o = opschortingen.lees(ctx, opschorting_id)
        fiu = deur.is_fiu(ctx)
    fs = formulieren or {}
    return w.pagina(
        "opschorting.html",
        o=o,
        fiu=fiu,
        S=Opschortingstatus,
        f=met_fouten(fs),
        fv=fs.get("verlengen", Formulierstaat()),
        fh=fs.get("opheffen", Formulierstaat()),
        fb=fs.get("beslag", Formulierstaat()),
        kruimels=kruimels("Opschortingen", "/opschortingen", Kruimel(f"Opschorting {o.id}")),
    )


@router.get("/opschortingen/{opschorting_id}", response_class=HTMLResponse)
def opschorting(w: WebDep, opschorting_id: str) -> Response:
    return _opschorting(w, opschorting_id)


@router.post(
    "/opschortingen/{opschorting_id}/bevestigen",
    response_class=HTMLResponse,
    dependencies=[Csrf],
)
def opschorting_bevestigen(w: WebDep, opschorting_id: str) -> Response:
    w.doe(lambda ctx: opschortingen.bevestig(ctx, opschorting_id))
    return w.bevestig(
        f"/opschortingen/{opschorting_id}",
        "Opschorting bevestigd",
        "FIU-Nederland ziet dat de transactie is opgeschort.",
        (
            "Voer de transactie niet uit tot de termijn voorbij is of de FIU de opschorting "
            "opheft.",
            "Vertel de cliënt niet waarom (Wwft art. 23).",
        ),
    )


_NA_STAP = "De instelling ziet de nieuwe stand."
handeling(
    router,
    "/opschortingen/{opschorting_id}/verlengen",
    VerlengingIn,
    opschortingen.verleng,
    _opschorting,
    Bevestiging("Opschorting verlengd", _NA_STAP),
)
handeling(
    router,
    "/opschortingen/{opschorting_id}/opheffen",
    Afloop,
    opschortingen.hef_op,
    _opschorting,
    Bevestiging("Opschorting opgeheven", _NA_STAP),
)
handeling(
    router,
    "/opschortingen/{opschorting_id}/beslag",
    Afloop,
    opschortingen.beslag,
    _opschorting,
    Bevestiging("Overgang in beslag vastgelegd", _NA_STAP),
)


# --- Notaries --------------------------------------------------------------------------------


def _weigeringen(w: Web, formulieren: Formulieren | None = None) -> Response:
    with w.context() as ctx:
        lijst: list[WeigeringUit] = notarissen.eigen(ctx)
        feiten = notarissen.feiten(ctx)
    fs = formulieren or {}
    return w.pagina(
        "weigeringen.html",
        lijst=lijst,
        feiten=feiten,
        f=met_fouten(fs),
        ff=fs.get("feit", Formulierstaat()),
        feitsoorten=Partnerschapsfeit.keuzes(),
        kruimels=kruimels("Weigeringen", "/weigeringen"),
    )


@router.get("/weigeringen", response_class=HTMLResponse)
def weigeringen_pagina(w: WebDep) -> Response:
    return _weigeringen(w)


def _weigering_nieuw(w: Web, f: Formulierstaat) -> Response:
    w.doe(notarissen.notaris)
    return w.pagina(
        "weigering_nieuw.html",
        f=f,
        soorten=Weigeringsoort.keuzes(),
        redenen=Weigeringsreden.keuzes(),
        kenmerksoorten=_kenmerksoorten(notarissen.KENMERKEN),
        kruimels=kruimels("Weigeringen", "/weigeringen", Kruimel("Weigering vastleggen")),
    )


@router.get("/weigeringen/nieuw", response_class=HTMLResponse)
def weigering_nieuw(w: WebDep) -> Response:
    return _weigering_nieuw(w, Formulierstaat())


@router.post("/weigeringen", response_class=HTMLResponse, dependencies=[Csrf])
def weigering_vastleggen(w: WebDep, velden: Velden) -> Response:
    return w.verzend(
        WeigeringIn,
        velden,
        notarissen.leg_vast,
        opnieuw=lambda f: _weigering_nieuw(w, f),
        klaar=lambda _: w.bevestig(
            "/weigeringen",
            "Weigering vastgelegd",
            "Uw toelichting blijft bij uw kantoor.",
            (
                "Vanaf 10 juli 2027 kunnen andere notarissen vragen of u deze cliënt weigerde; "
                "zij zien dan alleen de soort, de reden, de datum en uw kantoor.",
            ),
        ),
    )


@router.post("/partnerschapsfeiten", response_class=HTMLResponse, dependencies=[Csrf])
def partnerschapsfeit(w: WebDep, velden: Velden) -> Response:
    return w.verzend(
        FeitIn,
        velden,
        notarissen.leg_feit_vast,
        opnieuw=lambda f: _weigeringen(w, {"feit": f}),
        klaar=lambda _: w.bevestig("/weigeringen", "Vastgelegd"),
    )


def _notarisvraag(
    w: Web,
    f: Formulierstaat,
    antwoord: NotarisantwoordUit | None = None,
    uitleg: Waarom | None = None,
) -> Response:
    w.doe(notarissen.notaris)
    return w.pagina(
        "notarisvraag.html",
        f=f,
        antwoord=antwoord,
        w_=uitleg,
        kenmerksoorten=_kenmerksoorten(notarissen.KENMERKEN),
        kruimels=kruimels("Weigeringen", "/weigeringen", Kruimel("Andere notarissen vragen")),
    )


@router.get("/weigeringen/vraag", response_class=HTMLResponse)
def notarisvraag(w: WebDep) -> Response:
    return _notarisvraag(w, Formulierstaat())


@router.post("/weigeringen/vraag", response_class=HTMLResponse, dependencies=[Csrf])
def notarisvraag_stellen(w: WebDep, velden: Velden) -> Response:
    return w.toon_antwoord(
        NotarisvraagIn,
        velden,
        notarissen.vraag,
        lambda f, r: _notarisvraag(w, f, r),
        geweigerd=lambda f, uitleg: _notarisvraag(w, f, uitleg=uitleg),
    )


# --- The warning register --------------------------------------------------------------------


def _register(w: Web, formulieren: Formulieren | None = None) -> Response:
    with w.context() as ctx:
        overzicht = wr.overzicht(ctx)
        lijst = wr.lijst(ctx) if deur.is_registerbeheerder(ctx) else []
        mag_vergunning = deur.is_registerprivacy(ctx)
        zonder = deur.registerbesluit_zonder_vergunning(ctx)
        te_laten_verlopen = wr.te_laten_verlopen(ctx)
        bedrijven = wr.bedrijven(ctx)
    fs = formulieren or {}
    b = w.omgeving.beslisser
    return w.pagina(
        "waarschuwingsregister.html",
        o=overzicht,
        lijst=lijst,
        waarom=waarom(zonder, b.catalogus, b.register) if zonder is not None else None,
        mag_vergunning=mag_vergunning,
        te_laten_verlopen=te_laten_verlopen,
        f=met_fouten(fs),
        fv=fs.get("vergunning", Formulierstaat()),
        fa=fs.get("aansluiting", Formulierstaat()),
        fi=fs,
        fleeg=Formulierstaat(),
        criteria=Registratiecriterium.keuzes(),
        bedrijven=bedrijven,
        kruimels=kruimels("Waarschuwingsregister", "/waarschuwingsregister"),
    )


@router.get("/waarschuwingsregister", response_class=HTMLResponse)
def register_pagina(w: WebDep) -> Response:
    return _register(w)


@router.post("/waarschuwingsregister/vergunning", response_class=HTMLResponse, dependencies=[Csrf])
def vergunning(w: WebDep, velden: Velden) -> Response:
    return w.verzend(
        VergunningIn,
        velden,
        wr.leg_vergunning_vast,
        opnieuw=lambda f: _register(w, {"vergunning": f}),
        klaar=lambda _: w.bevestig(
            "/waarschuwingsregister",
            "Vergunning vastgelegd",
            "Zolang de vergunning geldt, mag het register inschrijven en raadplegen onder de "
            "criteria die zij toestaat.",
        ),
    )


@router.post(
    "/waarschuwingsregister/vergunningen/{vergunning_id}/intrekking",
    response_class=HTMLResponse,
    dependencies=[Csrf],
)
def vergunning_intrekken(w: WebDep, vergunning_id: int, velden: Velden) -> Response:
    return w.verzend(
        IntrekkingIn,
        velden,
        lambda ctx, invoer: wr.trek_vergunning_in(ctx, vergunning_id, invoer),
        opnieuw=lambda f: _register(w, {f"intrekking-{vergunning_id}": f}),
        klaar=lambda _: w.bevestig(
            "/waarschuwingsregister",
            "Intrekking vastgelegd",
            "Vanaf die dag weigert het register elke inschrijving en raadpleging, tot een nieuwe "
            "vergunning is vastgelegd.",
        ),
    )


@router.post("/waarschuwingsregister/aansluiting", response_class=HTMLResponse, dependencies=[Csrf])
def aansluiting(w: WebDep, velden: Velden) -> Response:
    return w.verzend(
        AansluitingIn,
        velden,
        wr.sluit_aan,
        opnieuw=lambda f: _register(w, {"aansluiting": f}),
        klaar=lambda _: w.bevestig(
            "/waarschuwingsregister",
            "Bedrijf aangesloten",
            "Het bedrijf kan nu personen aanmelden en raadplegen.",
        ),
    )


@router.post("/waarschuwingsregister/verloop", response_class=HTMLResponse, dependencies=[Csrf])
def verloop(w: WebDep) -> Response:
    n = w.doe(wr.laat_verlopen)
    return w.bevestig(
        "/waarschuwingsregister",
        f"{n} {'registratie' if n == 1 else 'registraties'} verlopen",
        "Verlopen registraties geven al geen treffer meer.",
    )


def _registratie_nieuw(w: Web, f: Formulierstaat) -> Response:
    with w.context() as ctx:
        wr.beheerder(ctx)
        bedrijven = wr.bedrijven(ctx)
    return w.pagina(
        "registratie_nieuw.html",
        f=f,
        criteria=Registratiecriterium.keuzes(),
        bedrijven=bedrijven,
        kruimels=kruimels(
            "Waarschuwingsregister", "/waarschuwingsregister", Kruimel("Persoon inschrijven")
        ),
    )


@router.get("/waarschuwingsregister/registraties/nieuw", response_class=HTMLResponse)
def registratie_nieuw(w: WebDep) -> Response:
    return _registratie_nieuw(w, Formulierstaat())


@router.post(
    "/waarschuwingsregister/registraties", response_class=HTMLResponse, dependencies=[Csrf]
)
def inschrijven(w: WebDep, velden: Velden) -> Response:
    def klaar(r: RegistratieUit) -> Response:
        return w.bevestig(
            f"/waarschuwingsregister/registraties/{r.id}",
            f"{r.naam} ingeschreven",
            f"De registratie geldt tot en met {r.einde:%d-%m-%Y} en verloopt dan vanzelf.",
            (
                "Stuur de betrokkene een kennisgeving: wat er staat, waarom, hoe lang, en hoe "
                "bezwaar en inzage werken. Leg de verzending hier vast.",
            ),
        )

    return w.verzend(
        RegistratieIn,
        velden,
        wr.schrijf_in,
        opnieuw=lambda f: _registratie_nieuw(w, f),
        klaar=klaar,
    )


def _registratie(w: Web, registratie_id: str, formulieren: Formulieren | None = None) -> Response:
    r = w.doe(lambda ctx: wr.lees(ctx, registratie_id))
    fs = formulieren or {}
    return w.pagina(
        "registratie.html",
        r=r,
        S=Registratiestatus,
        f=met_fouten(fs),
        fk=fs.get("kennisgeving", Formulierstaat()),
        fb=fs.get("bezwaar", Formulierstaat()),
        fu=fs.get("bezwaarbesluit", Formulierstaat()),
        uitkomsten=Bezwaaruitkomst.keuzes(),
        kruimels=kruimels(
            "Waarschuwingsregister", "/waarschuwingsregister", Kruimel(f"Registratie {r.id}")
        ),
    )


@router.get("/waarschuwingsregister/registraties/{registratie_id}", response_class=HTMLResponse)
def registratie(w: WebDep, registratie_id: str) -> Response:
    return _registratie(w, registratie_id)


handeling(
    router,
    "/waarschuwingsregister/registraties/{registratie_id}/kennisgeving",
    KennisgevingIn,
    wr.kennisgeving,
    _registratie,
    Bevestiging("Kennisgeving vastgelegd"),
)
handeling(
    router,
    "/waarschuwingsregister/registraties/{registratie_id}/bezwaar",
    BezwaarIn,
    wr.bezwaar,
    _registratie,
    Bevestiging(
        "Bezwaar vastgelegd", "De registratie blijft gelden tot op het bezwaar is beslist."
    ),
)
handeling(
    router,
    "/waarschuwingsregister/registraties/{registratie_id}/bezwaarbesluit",
    BezwaarbesluitIn,
    wr.beslis_bezwaar,
    _registratie,
    Bevestiging("Beslissing op bezwaar vastgelegd", "Laat de betrokkene de beslissing weten."),
)


@router.get(
    "/waarschuwingsregister/registraties/{registratie_id}/inzage", response_class=HTMLResponse
)
def inzage(w: WebDep, registratie_id: str) -> Response:
    r = w.doe(lambda ctx: wr.inzage(ctx, registratie_id), schrijft=True)
    return w.pagina(
        "registratie_inzage.html",
        r=r,
        kruimels=kruimels(
            "Waarschuwingsregister",
            "/waarschuwingsregister",
            Kruimel(f"Registratie {r.id}", f"/waarschuwingsregister/registraties/{r.id}"),
            Kruimel("Inzage"),
        ),
    )


def _raadplegen(
    w: Web,
    f: Formulierstaat,
    uitkomst: Raadpleeguitkomst | None = None,
    uitleg: Waarom | None = None,
) -> Response:
    return w.pagina(
        "raadplegen.html",
        f=f,
        uitkomst=uitkomst,
        w_=uitleg,
        kruimels=kruimels("Waarschuwingsregister raadplegen", "/waarschuwingsregister/raadplegen"),
    )


@router.get("/waarschuwingsregister/raadplegen", response_class=HTMLResponse)
def raadplegen(w: WebDep) -> Response:
    return _raadplegen(w, Formulierstaat())


@router.post("/waarschuwingsregister/raadplegen", response_class=HTMLResponse, dependencies=[Csrf])
def raadplegen_vraag(w: WebDep, velden: Velden) -> Response:
    return w.toon_antwoord(
        RaadpleegIn,
        velden,
        wr.raadpleeg,
        lambda f, r: _raadplegen(w, f, r),
        herhaal=False,  # a name and birth date are not shown again after the answer
        geweigerd=lambda f, uitleg: _raadplegen(w, f, uitleg=uitleg),
    )
