# SPDX-License-Identifier: EUPL-1.2
"""The municipality's administrative instruments on the web: Bibob procedures (Bibob adviser),
extracts (RIEC), administrative reports (police), closures and claims (the mayor's OOV
advisers), and plot subscriptions (mortgage lenders)."""

from __future__ import annotations

from fastapi import APIRouter
from fastapi.responses import HTMLResponse, Response

from integraal.bestuurlijk import bibob, dossier, kadaster, koppeling, sluitingen, vorderingen
from integraal.bestuurlijk.bibob import (
    BibobbesluitIn,
    BibobIn,
    BibobUit,
    ExtractIn,
    LbbAdviesIn,
    OnderzoekIn,
    RegistervraagIn,
    VoornemenIn,
    ZienswijzeIn,
)
from integraal.bestuurlijk.kadaster import AbonnementIn, Feedvraag
from integraal.bestuurlijk.sluitingen import (
    BeeindigingIn,
    RapportageIn,
    RapportageUit,
    RechtsmiddelIn,
    SluitingIn,
    SluitingsbesluitIn,
    SluitingUit,
    UitspraakIn,
    VerlengingIn,
)
from integraal.bestuurlijk.vorderingen import VorderingIn, VorderingsstapIn, VorderingUit
from integraal.casus.signalen import KenmerkSoort
from integraal.domein.bestuurlijk import (
    NADELIG,
    Bibobaanleiding,
    Bibobbesluit,
    Bibobconclusie,
    Bibobstatus,
    Rechtsmiddel,
    Sluitingsgrond,
    Sluitingsstatus,
    Uitspraak,
    Vorderingsoort,
)
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
KENMERKSOORTEN = [(k.value, k.label) for k in KenmerkSoort if k in bibob.KENMERKEN]


# --- Bibob ---------------------------------------------------------------------------------------


@router.get("/bibob", response_class=HTMLResponse)
def bibob_pagina(w: WebDep) -> Response:
    return w.pagina("bibob.html", lijst=w.doe(bibob.lijst), kruimels=kruimels("Bibob", "/bibob"))


def _bibob_nieuw(w: Web, f: Formulierstaat) -> Response:
    with w.context() as ctx:
        bibob.adviseur(ctx)
        interventies = koppeling.interventies(ctx, bibob.MAATREGELEN)
    return w.pagina(
        "bibob_nieuw.html",
        f=f,
        aanleidingen=Bibobaanleiding.keuzes(),
        kenmerksoorten=KENMERKSOORTEN,
        interventies=interventies,
        kruimels=kruimels("Bibob", "/bibob", Kruimel("Nieuwe procedure")),
    )


def _voor_interventie(w: Web) -> Formulierstaat:
    """A form opened from an intervention (`?interventieId=`): that intervention chosen."""
    gekozen = w.request.query_params.get("interventieId")
    return Formulierstaat({"interventieId": [gekozen]} if gekozen else {})


@router.get("/bibob/nieuw", response_class=HTMLResponse)
def bibob_nieuw(w: WebDep) -> Response:
    return _bibob_nieuw(w, _voor_interventie(w))


@router.post("/bibob", response_class=HTMLResponse, dependencies=[Csrf])
def bibob_starten(w: WebDep, velden: Velden) -> Response:
    def klaar(p: BibobUit) -> Response:
        return w.bevestig(
            f"/bibob/{p.id}",
            f"Bibob-procedure {p.id} gestart",
            "Het dossier is vastgelegd; het lezen ervan staat in het logboek.",
            (
                "Leg vast wanneer de vragenlijst binnenkwam en wat uw eigen onderzoek opleverde.",
                "Vraag daarna zo nodig advies aan het Landelijk Bureau Bibob.",
            ),
        )

    return w.verzend(
        BibobIn, velden, bibob.start, opnieuw=lambda f: _bibob_nieuw(w, f), klaar=klaar
    )


def _bibob(w: Web, procedure_id: str, formulieren: Formulieren | None = None) -> Response:
    p = w.doe(lambda ctx: bibob.lees(ctx, procedure_id))
    fs = formulieren or {}
    return w.pagina(
        "bibob_procedure.html",
        p=p,
        f=met_fouten(fs),
        fo=fs.get("onderzoek", Formulierstaat()),
        fa=fs.get("advies", Formulierstaat()),
        fe=fs.get("extract", Formulierstaat()),
        fv=fs.get("voornemen", Formulierstaat()),
        fz=fs.get("zienswijze", Formulierstaat()),
        fb=fs.get("besluit", Formulierstaat()),
        conclusies=Bibobconclusie.keuzes(),
        besluiten=Bibobbesluit.keuzes(),
        nadelig=[(b.value, b.label) for b in Bibobbesluit if b in NADELIG],
        S=Bibobstatus,
        kruimels=kruimels("Bibob", "/bibob", Kruimel(f"Procedure {p.id}")),
    )


@router.get("/bibob/{procedure_id}", response_class=HTMLResponse)
def bibob_procedure(w: WebDep, procedure_id: str) -> Response:
    return _bibob(w, procedure_id)


@router.post(
    "/bibob/{procedure_id}/advies-vragen", response_class=HTMLResponse, dependencies=[Csrf]
)
def bibob_advies_vragen(w: WebDep, procedure_id: str) -> Response:
    w.doe(lambda ctx: bibob.vraag_advies(ctx, procedure_id))
    return w.bevestig(
        f"/bibob/{procedure_id}",
        "Advies gevraagd aan het Landelijk Bureau Bibob",
        "De vragenlijst en uw eigen onderzoek zijn verstrekt; dat staat in het logboek.",
        (
            "Het LBB adviseert binnen acht weken; het kan die termijn eenmaal met vier weken "
            "verlengen.",
            "De termijn staat bij 'Mijn taken' zodra hij binnen twee weken afloopt.",
        ),
    )


@router.post(
    "/bibob/{procedure_id}/termijn-verlengen", response_class=HTMLResponse, dependencies=[Csrf]
)
def bibob_verlengen(w: WebDep, procedure_id: str) -> Response:
    w.doe(lambda ctx: bibob.verleng(ctx, procedure_id))
    return w.bevestig(f"/bibob/{procedure_id}", "Adviestermijn verlengd met vier weken")


handeling(
    router,
    "/bibob/{procedure_id}/onderzoek",
    OnderzoekIn,
    bibob.onderzoek,
    _bibob,
    Bevestiging(
        "Eigen onderzoek vastgelegd",
        "",
        ("Vraag advies aan het LBB, of ga verder zonder advies als uw onderzoek volstaat.",),
    ),
)
handeling(
    router,
    "/bibob/{procedure_id}/advies",
    LbbAdviesIn,
    bibob.ontvang_advies,
    _bibob,
    Bevestiging(
        "Advies van het LBB vastgelegd",
        "Het advies is geheim (art. 28 Wet Bibob): alleen Bibob-adviseurs van uw gemeente "
        "lezen het.",
        (
            "Een conclusie met gevaar gaat vijf jaar het Bibob-register in.",
            "Bij een nadelig besluit verstuurt u eerst een voornemen.",
        ),
    ),
)
handeling(
    router,
    "/bibob/{procedure_id}/extract",
    ExtractIn,
    bibob.deel_extract,
    _bibob,
    Bevestiging(
        "Extract gedeeld met het RIEC",
        "Het RIEC leest alleen het extract, nooit het advies van het LBB.",
        ("Het RIEC ziet het extract bij 'Bibob-extracten' en neemt contact met u op.",),
    ),
)
handeling(
    router,
    "/bibob/{procedure_id}/voornemen",
    VoornemenIn,
    bibob.voornemen,
    _bibob,
    Bevestiging(
        "Voornemen vastgelegd",
        "Stuur de aanvrager het voornemen; die kan tot de gestelde datum een zienswijze geven.",
        ("Leg de zienswijze vast, of dat er geen kwam.", "Neem daarna het besluit."),
    ),
)
handeling(
    router,
    "/bibob/{procedure_id}/zienswijze",
    ZienswijzeIn,
    bibob.zienswijze,
    _bibob,
    Bevestiging(
        "Zienswijze vastgelegd", "", ("Neem nu het besluit, met een reactie op de zienswijze.",)
    ),
)
handeling(
    router,
    "/bibob/{procedure_id}/besluit",
    BibobbesluitIn,
    bibob.besluit,
    _bibob,
    Bevestiging(
        "Besluit vastgelegd",
        "Hoort de procedure bij een casus, dan staat de uitkomst nu bij de interventie.",
        (
            "Stuur de aanvrager het besluit met de motivering.",
            "De aanvrager kan binnen zes weken bezwaar maken.",
        ),
    ),
)


def _register(w: Web, f: Formulierstaat, gevonden: list[bibob.ConclusieUit] | None) -> Response:
    return w.pagina(
        "bibob_register.html",
        f=f,
        gevonden=gevonden,
        kenmerksoorten=KENMERKSOORTEN,
        kruimels=kruimels("Bibob", "/bibob", Kruimel("Bibob-register")),
    )


@router.get("/bibob-register", response_class=HTMLResponse)
def bibob_register(w: WebDep) -> Response:
    w.doe(bibob.adviseur)
    return _register(w, Formulierstaat(), None)


@router.post("/bibob-register", response_class=HTMLResponse, dependencies=[Csrf])
def bibob_register_zoeken(w: WebDep, velden: Velden) -> Response:
    return w.toon_antwoord(
        RegistervraagIn, velden, bibob.register, lambda f, r: _register(w, f, r), herhaal=False
    )


@router.get("/bibob-extracten", response_class=HTMLResponse)
def bibob_extracten(w: WebDep) -> Response:
    return w.pagina(
        "bibob_extracten.html",
        lijst=w.doe(bibob.extracten),
        kruimels=[Kruimel("Start", "/"), Kruimel("Bibob-extracten")],
    )


@router.get("/bibob-extracten/{procedure_id}", response_class=HTMLResponse)
def bibob_extract(w: WebDep, procedure_id: str) -> Response:
    e = w.doe(lambda ctx: bibob.extract(ctx, procedure_id))
    return w.pagina(
        "bibob_extract.html",
        e=e,
        kruimels=[
            Kruimel("Start", "/"),
            Kruimel("Bibob-extracten", "/bibob-extracten"),
            Kruimel(f"Extract {e.id}"),
        ],
    )


# --- Reports and closures ------------------------------------------------------------------------


@router.get("/sluitingen", response_class=HTMLResponse)
def sluitingen_pagina(w: WebDep) -> Response:
    with w.context() as ctx:
        rapportages = sluitingen.rapportages(ctx)
        lijst = sluitingen.lijst(ctx)
        politie = ctx.beslisser.register.zoek(ctx.ik.organisatie_id).soort == "politie"
    return w.pagina(
        "sluitingen.html",
        rapportages=rapportages,
        lijst=lijst,
        politie=politie,
        kruimels=kruimels("Sluitingen", "/sluitingen"),
    )


def _rapportage_nieuw(w: Web, f: Formulierstaat) -> Response:
    w.doe(sluitingen.politie)
    return w.pagina(
        "bestuurlijke_rapportage_nieuw.html",
        f=f,
        gemeenten=w.doe(sluitingen.gemeenten),
        gronden=Sluitingsgrond.keuzes(),
        kruimels=kruimels("Sluitingen", "/sluitingen", Kruimel("Bestuurlijke rapportage sturen")),
    )


@router.get("/bestuurlijke-rapportages/nieuw", response_class=HTMLResponse)
def rapportage_nieuw(w: WebDep) -> Response:
    return _rapportage_nieuw(w, Formulierstaat())


@router.post("/bestuurlijke-rapportages", response_class=HTMLResponse, dependencies=[Csrf])
def rapportage_sturen(w: WebDep, velden: Velden) -> Response:
    def klaar(r: RapportageUit) -> Response:
        return w.bevestig(
            f"/bestuurlijke-rapportages/{r.id}",
            f"Bestuurlijke rapportage {r.id} verstrekt aan de burgemeester",
            "De deelregels stonden de verstrekking toe; zij staat in het logboek.",
            ("De gemeente beoordeelt of zij waarschuwt of sluit.",),
        )

    return w.verzend(
        RapportageIn,
        velden,
        sluitingen.stuur_rapportage,
        opnieuw=lambda f: _rapportage_nieuw(w, f),
        klaar=klaar,
    )


def _rapportage(w: Web, rapportage_id: str, formulieren: Formulieren | None = None) -> Response:
    with w.context() as ctx:
        r = sluitingen.lees_rapportage(ctx, rapportage_id)
        ontvanger = r.aan == ctx.ik.organisatie_id
        interventies = koppeling.interventies(ctx, sluitingen.MAATREGELEN) if ontvanger else []
    return w.pagina(
        "bestuurlijke_rapportage.html",
        r=r,
        ontvanger=ontvanger,
        interventies=interventies,
        f=(formulieren or {}).get("sluiting", Formulierstaat()),
        kruimels=kruimels("Sluitingen", "/sluitingen", Kruimel(f"Rapportage {r.id}")),
    )


@router.get("/bestuurlijke-rapportages/{rapportage_id}", response_class=HTMLResponse)
def rapportage_pagina(w: WebDep, rapportage_id: str) -> Response:
    return _rapportage(w, rapportage_id)


@router.post(
    "/bestuurlijke-rapportages/{rapportage_id}/sluiting",
    response_class=HTMLResponse,
    dependencies=[Csrf],
)
def sluiting_voorbereiden(w: WebDep, rapportage_id: str, velden: Velden) -> Response:
    def klaar(s: SluitingUit) -> Response:
        return w.bevestig(
            f"/sluitingen/{s.id}",
            f"Sluitingsdossier {s.id} geopend",
            "Het dossier hoort bij de bestuurlijke rapportage van de politie.",
            ("Neem het besluit: waarschuwen of sluiten, met motivering.",),
        )

    return w.verzend(
        SluitingIn,
        velden,
        lambda ctx, invoer: sluitingen.bereid_voor(ctx, rapportage_id, invoer),
        opnieuw=lambda f: _rapportage(w, rapportage_id, {"sluiting": f}),
        klaar=klaar,
    )


def _sluiting(w: Web, sluiting_id: str, formulieren: Formulieren | None = None) -> Response:
    s = w.doe(lambda ctx: sluitingen.lees(ctx, sluiting_id))
    fs = formulieren or {}
    return w.pagina(
        "sluiting.html",
        s=s,
        f=met_fouten(fs),
        fb=fs.get("besluit", Formulierstaat()),
        fv=fs.get("verlengen", Formulierstaat()),
        fr=fs.get("rechtsmiddel", Formulierstaat()),
        fu=fs.get("uitspraak", Formulierstaat()),
        fe=fs.get("beeindigen", Formulierstaat()),
        besluiten=sluitingen.Sluitingsbesluit.keuzes(),
        rechtsmiddelen=Rechtsmiddel.keuzes(),
        uitspraken=Uitspraak.keuzes(),
        S=Sluitingsstatus,
        kruimels=kruimels("Sluitingen", "/sluitingen", Kruimel(f"Sluiting {s.id}")),
    )


@router.get("/sluitingen/{sluiting_id}", response_class=HTMLResponse)
def sluiting_pagina(w: WebDep, sluiting_id: str) -> Response:
    return _sluiting(w, sluiting_id)


@router.post("/sluitingen/{sluiting_id}/besluit", response_class=HTMLResponse, dependencies=[Csrf])
def sluiting_besluit(w: WebDep, sluiting_id: str, velden: Velden) -> Response:
    def klaar(gemeld: bool) -> Response:
        return w.bevestig(
            f"/sluitingen/{sluiting_id}",
            "Besluit vastgelegd",
            "Het besluit is als publiekrechtelijke beperking aan het Kadaster gemeld; de status "
            "staat bij de sluiting."
            if gemeld
            else "",
            (
                "Stuur de betrokkenen het besluit; zij kunnen binnen zes weken bezwaar maken.",
                "Het einde van een sluiting staat bij 'Mijn taken' zodra het binnen twee weken "
                "valt.",
            ),
        )

    return w.verzend(
        SluitingsbesluitIn,
        velden,
        lambda ctx, invoer: sluitingen.besluit(ctx, sluiting_id, invoer),
        opnieuw=lambda f: _sluiting(w, sluiting_id, {"besluit": f}),
        klaar=klaar,
    )


handeling(
    router,
    "/sluitingen/{sluiting_id}/verlengen",
    VerlengingIn,
    sluitingen.verleng,
    _sluiting,
    Bevestiging(
        "Sluiting verlengd",
        "",
        ("Stuur de betrokkenen het verlengingsbesluit; ook daartegen staat bezwaar open.",),
    ),
)
handeling(
    router,
    "/sluitingen/{sluiting_id}/rechtsmiddel",
    RechtsmiddelIn,
    sluitingen.rechtsmiddel,
    _sluiting,
    Bevestiging("Rechtsmiddel vastgelegd", "Het staat bij 'Mijn taken' tot u de afloop vastlegt."),
)
handeling(
    router,
    "/sluitingen/{sluiting_id}/uitspraak",
    UitspraakIn,
    sluitingen.uitspraak,
    _sluiting,
    Bevestiging(
        "Afloop vastgelegd",
        "Is het bezwaar of beroep gegrond, dan is het besluit ingetrokken en een "
        "inschrijving bij het Kadaster doorgehaald.",
    ),
)


@router.post(
    "/sluitingen/{sluiting_id}/beeindigen", response_class=HTMLResponse, dependencies=[Csrf]
)
def sluiting_beeindigen(w: WebDep, sluiting_id: str, velden: Velden) -> Response:
    def klaar(doorgehaald: bool) -> Response:
        return w.bevestig(
            f"/sluitingen/{sluiting_id}",
            "Sluiting beëindigd",
            "De inschrijving bij het Kadaster is doorgehaald; wie het perceel volgt, ziet dat."
            if doorgehaald
            else "",
        )

    return w.verzend(
        BeeindigingIn,
        velden,
        lambda ctx, invoer: sluitingen.beeindig(ctx, sluiting_id, invoer),
        opnieuw=lambda f: _sluiting(w, sluiting_id, {"beeindigen": f}),
        klaar=klaar,
    )


# --- Claims --------------------------------------------------------------------------------------


@router.get("/vorderingen", response_class=HTMLResponse)
def vorderingen_pagina(w: WebDep) -> Response:
    return w.pagina(
        "vorderingen.html",
        lijst=w.doe(vorderingen.lijst),
        kruimels=kruimels("Vorderingen", "/vorderingen"),
    )


def _vordering_nieuw(w: Web, f: Formulierstaat) -> Response:
    with w.context() as ctx:
        dossier.oov(ctx)
        interventies = koppeling.interventies(ctx, vorderingen.MAATREGELEN)
        gesloten = [
            (s.id, f"Sluiting {s.id}, {s.grond.label.split(' (')[0].lower()}")
            for s in sluitingen.lijst(ctx)
        ]
    return w.pagina(
        "vordering_nieuw.html",
        f=f,
        soorten=Vorderingsoort.keuzes(),
        kenmerksoorten=KENMERKSOORTEN,
        interventies=interventies,
        sluitingen=gesloten,
        kruimels=kruimels("Vorderingen", "/vorderingen", Kruimel("Nieuwe vordering")),
    )


@router.get("/vorderingen/nieuw", response_class=HTMLResponse)
def vordering_nieuw(w: WebDep) -> Response:
    return _vordering_nieuw(w, _voor_interventie(w))


@router.post("/vorderingen", response_class=HTMLResponse, dependencies=[Csrf])
def vordering_opleggen(w: WebDep, velden: Velden) -> Response:
    def klaar(v: VorderingUit) -> Response:
        return w.bevestig(
            f"/vorderingen/{v.id}",
            f"Vordering {v.id} vastgelegd",
            f"{v.soort.label}. De termijn loopt tot {v.termijn_tot:%d-%m-%Y}."
            if v.termijn_tot
            else v.soort.label,
            (
                "Leg verbeurde bedragen, betalingen en invordering vast zodra ze gebeuren.",
                "De bedragen tellen mee in de monitor.",
            ),
        )

    return w.verzend(
        VorderingIn,
        velden,
        vorderingen.leg_op,
        opnieuw=lambda f: _vordering_nieuw(w, f),
        klaar=klaar,
    )


def _vordering(w: Web, vordering_id: str, formulieren: Formulieren | None = None) -> Response:
    v = w.doe(lambda ctx: vorderingen.lees(ctx, vordering_id))
    return w.pagina(
        "vordering.html",
        v=v,
        f=(formulieren or {}).get("stap", Formulierstaat()),
        stappen=vorderingen.Vorderingsstap.keuzes(),
        kruimels=kruimels("Vorderingen", "/vorderingen", Kruimel(f"Vordering {v.id}")),
    )


@router.get("/vorderingen/{vordering_id}", response_class=HTMLResponse)
def vordering_pagina(w: WebDep, vordering_id: str) -> Response:
    return _vordering(w, vordering_id)


handeling(
    router,
    "/vorderingen/{vordering_id}/stap",
    VorderingsstapIn,
    vorderingen.stap,
    _vordering,
    Bevestiging("Vordering bijgewerkt"),
)


# --- Plot subscriptions ------------------------------------------------------------------------


def _percelen(w: Web, f: Formulierstaat) -> Response:
    with w.context() as ctx:
        lijst = kadaster.abonnementen(ctx)
        feed = kadaster.feed(ctx, Feedvraag(limiet=500))
    return w.pagina(
        "percelen.html",
        f=f,
        lijst=lijst,
        # The newest first; systems page through the whole feed with the API.
        gebeurtenissen=list(reversed(feed.gebeurtenissen))[:50],
        kruimels=[Kruimel("Start", "/"), Kruimel("Percelen volgen")],
    )


@router.get("/percelen", response_class=HTMLResponse)
def percelen(w: WebDep) -> Response:
    return _percelen(w, Formulierstaat())


@router.post("/percelen/niet-meer-volgen", response_class=HTMLResponse, dependencies=[Csrf])
def perceel_ontvolgen(w: WebDep, velden: Velden) -> Response:
    perceel = (velden.get("perceel") or [""])[-1]
    w.doe(lambda ctx: kadaster.ontvolg(ctx, perceel))
    return w.bevestig(
        "/percelen", f"U volgt perceel {perceel} niet meer", "Nieuwe meldingen komen niet meer."
    )


@router.post("/percelen", response_class=HTMLResponse, dependencies=[Csrf])
def perceel_volgen(w: WebDep, velden: Velden) -> Response:
    return w.verzend(
        AbonnementIn,
        velden,
        kadaster.volg,
        opnieuw=lambda f: _percelen(w, f),
        klaar=lambda a: w.bevestig(
            "/percelen",
            f"U volgt perceel {a.perceel}",
            "U ziet hier voortaan eigendomsmutaties en beperkingen op dit perceel.",
        ),
    )
