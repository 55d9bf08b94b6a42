# SPDX-License-Identifier: EUPL-1.2
"""Gatekeepers and registers: unusual-transaction reports (form, JSON or a goAML file), FIU-
Nederland's analysis and dissemination, emergency freezes, notaries' refusals and the question
to other notaries, and the Waarschuwingsregister Logistieke Sectoren.

A reporting institution's routes answer with the receipt and what it sent, never with what the
FIU did: the FIU's routes answer only FIU analysts (no tipping off)."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Body, Query

from integraal.api.deps import Ctx, SchrijfCtx
from integraal.domein.poortwachters import Meldingstatus
from integraal.poortwachters import goaml, meldingen, notarissen, opschortingen
from integraal.poortwachters import waarschuwingsregister as wr
from integraal.poortwachters.meldingen import (
    AnalyseIn,
    EigenMeldingUit,
    MeldingIn,
    MeldingKop,
    MeldingUit,
    Meldkanaal,
    Ontvangstbevestiging,
    OordeelIn,
    VerdachteTransactieUit,
    VerstrekkingIn,
    VerstrekkingUit,
)
from integraal.poortwachters.notarissen import (
    FeitIn,
    FeitUit,
    NotarisantwoordUit,
    NotarisvraagIn,
    WeigeringIn,
    WeigeringUit,
)
from integraal.poortwachters.opschortingen import (
    Afloop,
    OpschortingIn,
    OpschortingKop,
    OpschortingUit,
    VerlengingIn,
)
from integraal.poortwachters.waarschuwingsregister import (
    AansluitingIn,
    BezwaarbesluitIn,
    BezwaarIn,
    IntrekkingIn,
    KennisgevingIn,
    RaadpleegIn,
    Raadpleeguitkomst,
    Registeroverzicht,
    RegistratieIn,
    RegistratieKop,
    RegistratieUit,
    VergunningIn,
)

router = APIRouter(tags=["Poortwachters"])

# --- The reporting institution -------------------------------------------------------------------


@router.post(
    "/meldingen",
    status_code=201,
    summary="Een ongebruikelijke transactie melden aan FIU-Nederland (Wwft art. 16)",
)
def melden(ctx: Ctx, invoer: MeldingIn) -> Ontvangstbevestiging:
    return meldingen.meld(ctx, invoer, Meldkanaal.API)


@router.post(
    "/meldingen/_goaml",
    status_code=201,
    summary="Een goAML-bestand melden (één melding per transactie; alles of niets)",
    openapi_extra={
        "requestBody": {
            "required": True,
            "content": {"application/xml": {"schema": {"type": "string", "format": "binary"}}},
        }
    },
)
def melden_goaml(
    ctx: Ctx, inhoud: Annotated[bytes, Body(media_type="application/xml")]
) -> list[Ontvangstbevestiging]:
    return goaml.meld(ctx, inhoud)


@router.get("/meldingen", summary="Ontvangstbevestigingen van uw meldingen")
def eigen_meldingen(ctx: Ctx) -> list[Ontvangstbevestiging]:
    return meldingen.eigen_lijst(ctx)


@router.get(
    "/meldingen/{melding_id}",
    summary="Wat u meldde (nooit wat FIU-Nederland ermee deed)",
)
def eigen_melding(ctx: Ctx, melding_id: str) -> EigenMeldingUit:
    return meldingen.eigen(ctx, melding_id)


# --- FIU-Nederland ---------------------------------------------------------------------------


@router.get("/fiu/meldingen", summary="Meldingen voor analyse (FIU-Nederland)")
def fiu_meldingen(
    ctx: Ctx, status: Annotated[Meldingstatus | None, Query()] = None
) -> list[MeldingKop]:
    return meldingen.lijst(ctx, status)


@router.get("/fiu/meldingen/{melding_id}", summary="Eén melding met analyse en verstrekkingen")
def fiu_melding(ctx: Ctx, melding_id: str) -> MeldingUit:
    return meldingen.lees(ctx, melding_id)


@router.post(
    "/fiu/meldingen/{melding_id}/_analyse",
    status_code=204,
    summary="In analyse nemen of de analyse aanvullen",
)
def fiu_analyse(ctx: Ctx, melding_id: str, invoer: AnalyseIn) -> None:
    meldingen.analyseer(ctx, melding_id, invoer)


@router.post(
    "/fiu/meldingen/{melding_id}/_oordeel",
    status_code=204,
    summary="Verdacht of niet verdacht verklaren (Wwft art. 13)",
)
def fiu_oordeel(ctx: Ctx, melding_id: str, invoer: OordeelIn) -> None:
    meldingen.beoordeel(ctx, melding_id, invoer)


@router.post(
    "/fiu/meldingen/{melding_id}/_verstrekking",
    status_code=201,
    summary="Een verdachte transactie verstrekken aan een opsporingsdienst (FIU-VT)",
)
def fiu_verstrekking(ctx: Ctx, melding_id: str, invoer: VerstrekkingIn) -> VerstrekkingUit:
    return meldingen.verstrek(ctx, melding_id, invoer)


@router.get(
    "/verdachte-transacties",
    summary="Verdachte transacties die FIU-Nederland aan uw dienst verstrekte",
)
def verdachte_transacties(ctx: Ctx) -> list[VerdachteTransactieUit]:
    return meldingen.ontvangen(ctx)


@router.get("/verdachte-transacties/{verstrekking_id}", summary="Eén verdachte transactie")
def verdachte_transactie(ctx: Ctx, verstrekking_id: str) -> VerdachteTransactieUit:
    return meldingen.ontvangen_een(ctx, verstrekking_id)


# --- Emergency freezes -----------------------------------------------------------------------


@router.get("/opschortingen", summary="Opschortingen (FIU: alle; instelling: de eigen)")
def opschorting_lijst(ctx: Ctx) -> list[OpschortingKop]:
    return opschortingen.lijst(ctx)


@router.post(
    "/opschortingen",
    status_code=201,
    summary="Een instelling vragen een transactie op te schorten (Wwft art. 17a)",
)
def opschorting_verzoeken(ctx: Ctx, invoer: OpschortingIn) -> OpschortingUit:
    return opschortingen.verzoek(ctx, invoer)


@router.get("/opschortingen/{opschorting_id}", summary="Eén opschorting met termijn in werkdagen")
def opschorting(ctx: Ctx, opschorting_id: str) -> OpschortingUit:
    return opschortingen.lees(ctx, opschorting_id)


@router.post(
    "/opschortingen/{opschorting_id}/_bevestiging",
    status_code=204,
    summary="Bevestigen dat de transactie is opgeschort (instelling)",
)
def opschorting_bevestigen(ctx: Ctx, opschorting_id: str) -> None:
    opschortingen.bevestig(ctx, opschorting_id)


@router.post(
    "/opschortingen/{opschorting_id}/_verlenging",
    status_code=204,
    summary="De opschorting verlengen (hoogstens tien werkdagen in totaal)",
)
def opschorting_verlengen(ctx: Ctx, opschorting_id: str, invoer: VerlengingIn) -> None:
    opschortingen.verleng(ctx, opschorting_id, invoer)


@router.post(
    "/opschortingen/{opschorting_id}/_opheffing",
    status_code=204,
    summary="De opschorting opheffen",
)
def opschorting_opheffen(ctx: Ctx, opschorting_id: str, invoer: Afloop) -> None:
    opschortingen.hef_op(ctx, opschorting_id, invoer)


@router.post(
    "/opschortingen/{opschorting_id}/_beslag",
    status_code=204,
    summary="Vastleggen dat het bedrag in beslag is genomen",
)
def opschorting_beslag(ctx: Ctx, opschorting_id: str, invoer: Afloop) -> None:
    opschortingen.beslag(ctx, opschorting_id, invoer)


# --- Notaries --------------------------------------------------------------------------------


@router.get("/notariele-weigeringen", summary="Weigeringen van uw notariskantoor")
def notariele_weigeringen(ctx: Ctx) -> list[WeigeringUit]:
    return notarissen.eigen(ctx)


@router.post(
    "/notariele-weigeringen",
    status_code=201,
    summary="Een geweigerde of beëindigde cliënt vastleggen",
)
def notariele_weigering(ctx: Ctx, invoer: WeigeringIn) -> WeigeringUit:
    return notarissen.leg_vast(ctx, invoer)


@router.post(
    "/notariele-weigeringen/_vraag",
    summary="Andere notarissen vragen naar een cliënt (AMLR art. 75, vanaf 10 juli 2027)",
)
def notarissen_vragen(ctx: Ctx, invoer: NotarisvraagIn) -> NotarisantwoordUit:
    return notarissen.vraag(ctx, invoer)


@router.get("/partnerschapsfeiten", summary="Melding aan de toezichthouder en DPIA van uw kantoor")
def partnerschapsfeiten(ctx: Ctx) -> list[FeitUit]:
    return notarissen.feiten(ctx)


@router.post("/partnerschapsfeiten", status_code=204, summary="Een melding of DPIA vastleggen")
def partnerschapsfeit(ctx: Ctx, invoer: FeitIn) -> None:
    notarissen.leg_feit_vast(ctx, invoer)


# --- The warning register --------------------------------------------------------------------


@router.get("/waarschuwingsregister", summary="Vergunningen en aangesloten bedrijven")
def register_overzicht(ctx: Ctx) -> Registeroverzicht:
    return wr.overzicht(ctx)


@router.post(
    "/waarschuwingsregister/vergunningen",
    status_code=204,
    summary="Een vergunning van de Autoriteit Persoonsgegevens vastleggen",
)
def vergunning(ctx: Ctx, invoer: VergunningIn) -> None:
    wr.leg_vergunning_vast(ctx, invoer)


@router.post(
    "/waarschuwingsregister/vergunningen/{vergunning_id}/_intrekking",
    status_code=204,
    summary="Een vergunning als ingetrokken vastleggen",
)
def vergunning_intrekken(ctx: Ctx, vergunning_id: int, invoer: IntrekkingIn) -> None:
    wr.trek_vergunning_in(ctx, vergunning_id, invoer)


@router.post(
    "/waarschuwingsregister/aansluitingen",
    status_code=204,
    summary="Een bedrijf aansluiten",
)
def aansluiten(ctx: Ctx, invoer: AansluitingIn) -> None:
    wr.sluit_aan(ctx, invoer)


@router.get("/waarschuwingsregister/registraties", summary="De registraties (registerbeheerder)")
def registraties(ctx: Ctx) -> list[RegistratieKop]:
    return wr.lijst(ctx)


@router.post(
    "/waarschuwingsregister/registraties",
    status_code=201,
    summary="Een persoon inschrijven (alleen met een geldige vergunning)",
)
def inschrijven(ctx: Ctx, invoer: RegistratieIn) -> RegistratieUit:
    return wr.schrijf_in(ctx, invoer)


@router.get("/waarschuwingsregister/registraties/{registratie_id}", summary="Eén registratie")
def registratie_lezen(ctx: Ctx, registratie_id: str) -> RegistratieUit:
    return wr.lees(ctx, registratie_id)


@router.post(
    "/waarschuwingsregister/registraties/{registratie_id}/_kennisgeving",
    status_code=204,
    summary="Vastleggen dat de betrokkene is ingelicht",
)
def registratie_kennisgeving(ctx: Ctx, registratie_id: str, invoer: KennisgevingIn) -> None:
    wr.kennisgeving(ctx, registratie_id, invoer)


@router.post(
    "/waarschuwingsregister/registraties/{registratie_id}/_bezwaar",
    status_code=204,
    summary="Een bezwaar van de betrokkene vastleggen",
)
def registratie_bezwaar(ctx: Ctx, registratie_id: str, invoer: BezwaarIn) -> None:
    wr.bezwaar(ctx, registratie_id, invoer)


@router.post(
    "/waarschuwingsregister/registraties/{registratie_id}/_bezwaarbesluit",
    status_code=204,
    summary="Op het bezwaar beslissen (gegrond: doorhalen)",
)
def bezwaarbesluit(ctx: Ctx, registratie_id: str, invoer: BezwaarbesluitIn) -> None:
    wr.beslis_bezwaar(ctx, registratie_id, invoer)


@router.get(
    "/waarschuwingsregister/registraties/{registratie_id}/inzage",
    summary="Inzage voor de betrokkene: registratie, bewijs, termijn en raadplegingen",
)
def registratie_inzage(ctx: SchrijfCtx, registratie_id: str) -> RegistratieUit:
    return wr.inzage(ctx, registratie_id)


@router.post(
    "/waarschuwingsregister/_raadpleging",
    summary="Een persoon raadplegen (aangesloten bedrijf): treffer of geen treffer",
)
def raadplegen(ctx: Ctx, invoer: RaadpleegIn) -> Raadpleeguitkomst:
    return wr.raadpleeg(ctx, invoer)


@router.post(
    "/waarschuwingsregister/_verloop",
    summary="Registraties waarvan de termijn voorbij is als verlopen markeren",
)
def registratie_verloop(ctx: Ctx) -> int:
    return wr.laat_verlopen(ctx)
