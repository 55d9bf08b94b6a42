# SPDX-License-Identifier: EUPL-1.2
"""The partnerships' own work on the web: iCOV report requests, informing a case's subjects
(WGS) and the register of sharing bottlenecks."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter
from fastapi.responses import HTMLResponse, Response

from integraal.casus import casussen
from integraal.casus.signalen import KenmerkSoort
from integraal.domein.knelpunt import Knelpuntsoort, Knelpuntstatus, Knelpuntthema, Oplossingssoort
from integraal.verbanden import fec, icov, informeren, knelpunten, overzicht
from integraal.verbanden.fec import FacilitatorindicatorIn, Fenomeen, RondeantwoordIn, RondeIn
from integraal.verbanden.icov import (
    Rapportagedoel,
    Rapportagesoort,
    Rapportagestatus,
    RapportageverzoekIn,
    RapportageverzoekUit,
    RedenIn,
)
from integraal.verbanden.informeren import Informeerbesluit, InformerenIn, Uitstelreden, Wijze
from integraal.verbanden.knelpunten import (
    EscalatieIn,
    HergebruikIn,
    Indeling,
    KnelpuntFilter,
    KnelpuntIn,
    KnelpuntUit,
    OplossingIn,
    UitDeelverzoek,
    UitDeelwijzer,
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
)
from integraal.web.formulier import Formulierstaat

router = APIRouter()

_VOLGENDE = (
    "Deel het knelpunt in naar thema en soort, als dat nog niet is gebeurd.",
    "Leg vast waarheen het is geëscaleerd en, als het is opgelost, de oplossing.",
    "De monitor telt het mee in de cijfers over knelpunten en in de voortgangsrapportage.",
)


def _kruimels(*stap: Kruimel) -> list[Kruimel]:
    return [Kruimel("Start", "/"), Kruimel("Knelpunten", "/knelpunten" if stap else None), *stap]


def _keuzes(w: Web) -> dict[str, Any]:
    beslisser = w.omgeving.beslisser
    register, catalogus = beslisser.register, beslisser.catalogus
    groepen: dict[str, list[tuple[str, str]]] = {}
    for o in register.organisaties:
        groepen.setdefault(register.soorten[o.soort].label, []).append((o.id, o.naam))
    return {
        "themas": Knelpuntthema.keuzes(),
        "soorten": Knelpuntsoort.keuzes(),
        "statussen": Knelpuntstatus.keuzes(),
        "oplossingen": Oplossingssoort.keuzes(),
        "organisaties": sorted(groepen.items()),
        "categorieen": sorted(
            ((k, c.label) for k, c in catalogus.categorieen.items()), key=lambda p: p[1]
        ),
        "doelen": list(catalogus.doelen.items()),
        "regelkeuzes": [(r.id, r.titel) for r in catalogus.regels],
    }


def _gemaakt(w: Web, k: KnelpuntUit) -> Response:
    return w.bevestig(f"/knelpunten/{k.id}", "Knelpunt vastgelegd", k.titel, _VOLGENDE)


@router.get("/knelpunten", response_class=HTMLResponse)
def knelpunten_pagina(w: WebDep) -> Response:
    filter_, f = w.vraag(KnelpuntFilter)
    lijst = w.doe(lambda ctx: knelpunten.lijst(ctx, filter_))
    return w.pagina("knelpunten.html", lijst=lijst, f=f, kruimels=_kruimels(), **_keuzes(w))


def _nieuw(w: Web, f: Formulierstaat) -> Response:
    return w.pagina(
        "knelpunt_nieuw.html",
        f=f,
        kruimels=_kruimels(Kruimel("Vastleggen")),
        **_keuzes(w),
    )


@router.get("/knelpunten/nieuw", response_class=HTMLResponse)
def knelpunt_nieuw(w: WebDep) -> Response:
    return _nieuw(w, Formulierstaat())


@router.post("/knelpunten", response_class=HTMLResponse, dependencies=[Csrf])
def knelpunt_vastleggen(w: WebDep, velden: Velden) -> Response:
    return w.verzend(
        KnelpuntIn,
        velden,
        knelpunten.leg_vast,
        opnieuw=lambda f: _nieuw(w, f),
        klaar=lambda k: _gemaakt(w, k),
    )


@router.post("/knelpunten/uit-deelwijzer", response_class=HTMLResponse, dependencies=[Csrf])
def knelpunt_uit_deelwijzer(w: WebDep, velden: Velden) -> Response:
    # The fields are the deelwijzer's own question; a problem goes back to the deelwijzer.
    return w.verzend(
        UitDeelwijzer,
        velden,
        knelpunten.uit_deelwijzer,
        opnieuw=lambda f: w.bevestig(
            "/deelwijzer", "Het knelpunt is niet vastgelegd", " ".join(f.fouten.values())
        ),
        klaar=lambda k: _gemaakt(w, k),
    )


@router.post(
    "/deelverzoeken/{deelverzoek_id}/knelpunt",
    response_class=HTMLResponse,
    dependencies=[Csrf],
)
def knelpunt_uit_deelverzoek(w: WebDep, deelverzoek_id: str, velden: Velden) -> Response:
    return w.verzend(
        UitDeelverzoek,
        velden,
        lambda ctx, invoer: knelpunten.uit_deelverzoek(ctx, deelverzoek_id, invoer),
        opnieuw=lambda f: w.bevestig(
            "/knelpunten", "Het knelpunt is niet vastgelegd", " ".join(f.fouten.values())
        ),
        klaar=lambda k: _gemaakt(w, k),
    )


def _knelpunt(w: Web, knelpunt_id: str, formulieren: Formulieren | None = None) -> Response:
    k = w.doe(lambda ctx: knelpunten.lees(ctx, knelpunt_id))
    return w.pagina(
        "knelpunt.html",
        k=k,
        regels=w.omgeving.beslisser.catalogus.regeltitels(",".join(k.regels)),
        formulieren=formulieren or {},
        leeg=Formulierstaat(),
        kruimels=_kruimels(Kruimel(k.titel)),
        **_keuzes(w),
    )


@router.get("/knelpunten/{knelpunt_id}", response_class=HTMLResponse)
def knelpunt_pagina(w: WebDep, knelpunt_id: str) -> Response:
    return _knelpunt(w, knelpunt_id)


handeling(
    router,
    "/knelpunten/{knelpunt_id}/indelen",
    Indeling,
    knelpunten.deel_in,
    _knelpunt,
    Bevestiging("Indeling opgeslagen"),
)
handeling(
    router,
    "/knelpunten/{knelpunt_id}/escaleren",
    EscalatieIn,
    knelpunten.escaleer,
    _knelpunt,
    Bevestiging(
        "Escalatie vastgelegd",
        "Leg de uitkomst vast zodra die er is; de monitor telt het knelpunt als open.",
    ),
)
handeling(
    router,
    "/knelpunten/{knelpunt_id}/oplossen",
    OplossingIn,
    knelpunten.los_op,
    _knelpunt,
    Bevestiging(
        "Oplossing vastgelegd",
        "Het knelpunt is afgesloten.",
        ("Leg vast waar de oplossing later wordt hergebruikt: zo ziet de monitor wat werkt.",),
    ),
)
handeling(
    router,
    "/knelpunten/{knelpunt_id}/hergebruik",
    HergebruikIn,
    knelpunten.hergebruik,
    _knelpunt,
    Bevestiging("Hergebruik vastgelegd"),
)


# --- Informing the data subject ---------------------------------------------------------------


def _informeren(w: Web, casus_id: str, formulieren: Formulieren | None = None) -> Response:
    with w.context() as ctx:
        kop = casussen.kop(ctx, casus_id)
        betrokkenen = informeren.overzicht(ctx, casus_id)
    return w.pagina(
        "casus_informeren.html",
        o=kop,
        betrokkenen=betrokkenen,
        keuzes=[(b.entiteit_id, b.naam) for b in betrokkenen],
        f=(formulieren or {}).get("informeren", Formulierstaat()),
        besluiten=Informeerbesluit.keuzes(),
        wijzen=Wijze.keuzes(),
        redenen=Uitstelreden.keuzes(),
        kruimels=[
            Kruimel("Start", "/"),
            Kruimel("Casussen", "/casussen"),
            Kruimel(f"Casus {casus_id}", f"/casussen/{casus_id}"),
            Kruimel("Betrokkenen informeren"),
        ],
    )


handeling(
    router,
    "/casussen/{casus_id}/informeren",
    InformerenIn,
    informeren.leg_vast,
    _informeren,
    Bevestiging(
        "Informeerbesluit over informeren vastgelegd",
        "Het besluit staat bij de betrokkene, met de eerdere besluiten eronder.",
        (
            "Bij uitstel komt de betrokkene op de herzieningsdatum terug in Mijn taken van de "
            "leden van de casus.",
        ),
    ),
    naar="/casussen/{casus_id}/informeren",
    tonen=True,
)


# --- iCOV report requests ---------------------------------------------------------------------

KENMERKBLOKKEN = 3


def _rapportkruimels(*stap: Kruimel) -> list[Kruimel]:
    return [
        Kruimel("Start", "/"),
        Kruimel("Rapportages", "/rapportages" if stap else None),
        *stap,
    ]


@router.get("/rapportages", response_class=HTMLResponse)
def rapportages_pagina(w: WebDep) -> Response:
    with w.context() as ctx:
        lijst = icov.lijst(ctx)
        werkwijze = ctx.beslisser.register.werkwijze(ctx.ik.organisatie_id)
    return w.pagina(
        "rapportages.html",
        lijst=lijst,
        bij_icov=werkwijze is not None,
        kruimels=_rapportkruimels(),
    )


def _rapportage_nieuw(w: Web, f: Formulierstaat) -> Response:
    return w.pagina(
        "rapportage_nieuw.html",
        f=f,
        soorten=Rapportagesoort.keuzes(),
        doelen=Rapportagedoel.keuzes(),
        kenmerksoorten=[(k.value, k.label) for k in KenmerkSoort if k in icov.KENMERKEN],
        blokken=KENMERKBLOKKEN,
        kruimels=_rapportkruimels(Kruimel("Aanvragen")),
    )


@router.get("/rapportages/nieuw", response_class=HTMLResponse)
def rapportage_nieuw(w: WebDep) -> Response:
    return _rapportage_nieuw(w, Formulierstaat())


@router.post("/rapportages", response_class=HTMLResponse, dependencies=[Csrf])
def rapportage_aanvragen(w: WebDep, velden: Velden) -> Response:
    def klaar(v: RapportageverzoekUit) -> Response:
        if v.status is Rapportagestatus.GEWEIGERD:
            return w.bevestig(
                f"/rapportages/{v.id}",
                "De deelregels staan deze rapportage niet toe",
                "Het verzoek is vastgelegd, maar niet naar iCOV gestuurd. Bij het verzoek staat "
                "waarom.",
                ("Is dit een knelpunt in de samenwerking? Leg het vast in het register.",),
            )
        return w.bevestig(
            f"/rapportages/{v.id}",
            f"Verzoek {v.id} ingediend bij iCOV",
            "iCOV stelt de rapportage op uit de leveringen van de deelnemers.",
            (
                "Een tweede medewerker van iCOV keurt de rapportage goed.",
                "Daarna staat zij hier, alleen voor u.",
            ),
        )

    return w.verzend(
        RapportageverzoekIn,
        velden,
        icov.vraag_aan,
        opnieuw=lambda f: _rapportage_nieuw(w, f),
        klaar=klaar,
    )


def _rapportage(w: Web, verzoek_id: str, formulieren: Formulieren | None = None) -> Response:
    v = w.doe(lambda ctx: icov.lees(ctx, verzoek_id))
    return w.pagina(
        "rapportage.html",
        v=v,
        fa=(formulieren or {}).get("afwijzen", Formulierstaat()),
        kruimels=_rapportkruimels(Kruimel(f"Verzoek {v.id}")),
    )


@router.get("/rapportages/{verzoek_id}", response_class=HTMLResponse)
def rapportage_pagina(w: WebDep, verzoek_id: str) -> Response:
    return _rapportage(w, verzoek_id)


@router.post(
    "/rapportages/{verzoek_id}/opstellen", response_class=HTMLResponse, dependencies=[Csrf]
)
def rapportage_opstellen(w: WebDep, verzoek_id: str) -> Response:
    with w.context() as ctx:
        icov.stel_op(ctx, verzoek_id)
    return w.bevestig(
        f"/rapportages/{verzoek_id}",
        "Rapportage opgesteld",
        "De rapportage is samengesteld uit de leveringen van de deelnemers; het lezen staat in "
        "het logboek.",
        ("Een tweede medewerker van iCOV controleert haar en keurt haar goed.",),
    )


@router.post(
    "/rapportages/{verzoek_id}/goedkeuren", response_class=HTMLResponse, dependencies=[Csrf]
)
def rapportage_goedkeuren(w: WebDep, verzoek_id: str) -> Response:
    with w.context() as ctx:
        icov.keur_goed(ctx, verzoek_id)
    return w.bevestig(
        f"/rapportages/{verzoek_id}",
        "Rapportage goedgekeurd en geleverd",
        "Alleen de aanvrager ziet haar; de verstrekking staat per subject in het logboek.",
    )


handeling(
    router,
    "/rapportages/{verzoek_id}/afwijzen",
    RedenIn,
    icov.wijs_af,
    _rapportage,
    Bevestiging("Verzoek afgewezen", "De aanvrager ziet de afwijzing met uw reden."),
)


# --- FEC signal rounds ----------------------------------------------------------------------------


def _rondekruimels(*stap: Kruimel) -> list[Kruimel]:
    return [
        Kruimel("Start", "/"),
        Kruimel("Signaalronden", "/signaalronden" if stap else None),
        *stap,
    ]


@router.get("/signaalronden", response_class=HTMLResponse)
def signaalronden_pagina(w: WebDep) -> Response:
    with w.context() as ctx:
        lijst = fec.lijst(ctx)
        werkwijze = ctx.beslisser.register.werkwijze(ctx.ik.organisatie_id)
    return w.pagina(
        "signaalronden.html",
        lijst=lijst,
        bij_fec=werkwijze is not None,
        kruimels=_rondekruimels(),
    )


def _ronde_nieuw(w: Web, f: Formulierstaat) -> Response:
    return w.pagina(
        "signaalronde_nieuw.html",
        f=f,
        soorten=KenmerkSoort.keuzes(),
        blokken=KENMERKBLOKKEN,
        kruimels=_rondekruimels(Kruimel("Nieuwe ronde")),
    )


@router.get("/signaalronden/nieuw", response_class=HTMLResponse)
def signaalronde_nieuw(w: WebDep) -> Response:
    signaal = w.request.query_params.get("signaal")
    return _ronde_nieuw(w, Formulierstaat.met(signaalId=signaal) if signaal else Formulierstaat())


@router.post("/signaalronden", response_class=HTMLResponse, dependencies=[Csrf])
def signaalronde_starten(w: WebDep, velden: Velden) -> Response:
    return w.verzend(
        RondeIn,
        velden,
        fec.start,
        opnieuw=lambda f: _ronde_nieuw(w, f),
        klaar=lambda r: w.bevestig(
            f"/signaalronden/{r.id}",
            f"Signaalronde {r.id} gestart",
            f"Het signaal ligt nu bij {len(r.deelnemers)} deelnemers van het FEC; elke "
            "verstrekking staat in het logboek.",
            (
                "Elke deelnemer antwoordt of het signaal bij hem bekend is; alleen het FEC ziet "
                "de antwoorden.",
                "Is de drempel gehaald, open dan een casus vanuit het signaal.",
            ),
        ),
    )


def _ronde(w: Web, ronde_id: str, formulieren: Formulieren | None = None) -> Response:
    r = w.doe(lambda ctx: fec.lees(ctx, ronde_id))
    return w.pagina(
        "signaalronde.html",
        r=r,
        f=(formulieren or {}).get("antwoord", Formulierstaat()),
        kruimels=_rondekruimels(Kruimel(f"Ronde {r.id}")),
    )


@router.get("/signaalronden/{ronde_id}", response_class=HTMLResponse)
def signaalronde_pagina(w: WebDep, ronde_id: str) -> Response:
    return _ronde(w, ronde_id)


handeling(
    router,
    "/signaalronden/{ronde_id}/antwoord",
    RondeantwoordIn,
    fec.beantwoord,
    _ronde,
    Bevestiging(
        "Antwoord verstuurd",
        "Het FEC ziet uw antwoord; de andere deelnemers niet.",
        ("U kunt uw antwoord aanpassen zolang de ronde open is.",),
    ),
)


@router.post("/signaalronden/{ronde_id}/sluiten", response_class=HTMLResponse, dependencies=[Csrf])
def signaalronde_sluiten(w: WebDep, ronde_id: str) -> Response:
    with w.context() as ctx:
        fec.sluit(ctx, ronde_id)
    return w.bevestig(
        f"/signaalronden/{ronde_id}",
        "Ronde gesloten",
        "Deelnemers kunnen niet meer antwoorden.",
    )


# --- Serious Crime Taskforce: facilitator indicators ----------------------------------------


def _indicatorkruimels(*stap: Kruimel) -> list[Kruimel]:
    return [
        Kruimel("Start", "/"),
        Kruimel("Facilitatorindicatoren", "/facilitatorindicatoren" if stap else None),
        *stap,
    ]


def _indicatoren(w: Web, f: Formulierstaat | None = None) -> Response:
    with w.context() as ctx:
        lijst = fec.indicatoren(ctx)
        opsteller = fec.mag_opstellen(ctx)
    return w.pagina(
        "facilitatorindicatoren.html",
        lijst=lijst,
        opsteller=opsteller,
        f=f or Formulierstaat(),
        fenomenen=Fenomeen.keuzes(),
        kruimels=_indicatorkruimels(),
    )


@router.get("/facilitatorindicatoren", response_class=HTMLResponse)
def indicatoren_pagina(w: WebDep) -> Response:
    return _indicatoren(w)


@router.post("/facilitatorindicatoren", response_class=HTMLResponse, dependencies=[Csrf])
def indicator_opstellen(w: WebDep, velden: Velden) -> Response:
    # One signal per line in a text area: the model takes a list; a refusal shows the text.
    gesplitst = dict(velden)
    gesplitst["signalen"] = [
        r.strip() for v in velden.get("signalen", []) for r in v.splitlines() if r.strip()
    ]
    return w.verzend(
        FacilitatorindicatorIn,
        gesplitst,
        fec.stel_op,
        opnieuw=lambda f: _indicatoren(w, Formulierstaat(dict(velden), f.fouten)),
        klaar=lambda i: w.bevestig(
            "/facilitatorindicatoren",
            "Indicator opgesteld",
            f"‘{i.titel}’ is een concept.",
            (
                "Een tweede medewerker van een overheidsdeelnemer keurt haar goed.",
                "Daarna gaat zij naar de banken die op dat moment zijn aangewezen.",
            ),
        ),
    )


@router.post(
    "/facilitatorindicatoren/{indicator_id}/delen",
    response_class=HTMLResponse,
    dependencies=[Csrf],
)
def indicator_delen(w: WebDep, indicator_id: str) -> Response:
    with w.context() as ctx:
        banken = fec.publiceer(ctx, indicator_id)
    return w.bevestig(
        "/facilitatorindicatoren",
        "Indicator goedgekeurd en gedeeld",
        "Gedeeld met "
        + (", ".join(w.naam(b) for b in banken) or "geen bank: er is vandaag geen aangewezen")
        + ".",
        ("Een bank die niet meer is aangewezen, ziet de indicator niet meer.",),
    )


@router.post(
    "/facilitatorindicatoren/{indicator_id}/intrekken",
    response_class=HTMLResponse,
    dependencies=[Csrf],
)
def indicator_intrekken(w: WebDep, indicator_id: str) -> Response:
    with w.context() as ctx:
        fec.trek_in(ctx, indicator_id)
    return w.bevestig(
        "/facilitatorindicatoren", "Indicator ingetrokken", "De banken zien haar niet meer."
    )


# --- The partnerships: what each does, who takes part, designations by decree ----------------


@router.get("/verbanden", response_class=HTMLResponse)
def verbanden_pagina(w: WebDep) -> Response:
    lijst = w.doe(overzicht.verbanden)
    return w.pagina(
        "verbanden.html",
        lijst=lijst,
        kruimels=[Kruimel("Start", "/"), Kruimel("Samenwerkingsverbanden")],
    )


@router.get("/verbanden/{verband_id}", response_class=HTMLResponse)
def verband_pagina(w: WebDep, verband_id: str) -> Response:
    v = w.doe(lambda ctx: overzicht.verband(ctx, verband_id))
    return w.pagina(
        "verband.html",
        v=v,
        kruimels=[
            Kruimel("Start", "/"),
            Kruimel("Samenwerkingsverbanden", "/verbanden"),
            Kruimel(v.naam),
        ],
    )
