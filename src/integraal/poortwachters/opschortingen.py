# SPDX-License-Identifier: EUPL-1.2
"""Emergency freezes (Wwft art. 17a, from 1 July 2026): FIU-Nederland asks an institution to
suspend a transaction for at most five working days (ten at a foreign FIU's request); the
institution confirms at once; the FIU extends, lifts, or records that the money was seized.
Working days follow the Algemene termijnenwet (`domein.werkdagen`), holidays computed."""

from __future__ import annotations

import datetime as dt
from typing import ClassVar

from integraal.domein import poortwachters as verloop
from integraal.domein.casus import OngeldigeOvergang
from integraal.domein.fouten import Conflict, GeenToegang, OngeldigeInvoer
from integraal.domein.invoer import Bedrag, Invoer, OptioneleTekst, Uitvoer, veld
from integraal.domein.poortwachters import (
    OPSCHORTING_MAXIMUM,
    OPSCHORTING_WERKDAGEN,
    Opschortingstand,
    Opschortingstatus,
)
from integraal.domein.tekst import zin
from integraal.domein.werkdagen import na_werkdagen, waarom_geen_werkdag, werkdagen_tussen
from integraal.opslag import beheer
from integraal.opslag import poortwachtercijfers as cijfers
from integraal.opslag import verbanden as nummering
from integraal.opslag.modellen import Opschorting
from integraal.poortwachters.meldingen import centen
from integraal.toegang import poortwachters as deur
from integraal.verwerking import Context
from integraal.verwerking.dossier import Stap, stappen, voeg_stap


class OpschortingIn(Invoer):
    instelling: str = veld("Instelling", hint="De bank of andere meldingsplichtige.", max_length=80)
    melding_id: OptioneleTekst = veld(
        "Bij melding",
        hint="Het nummer van de melding, als die er is.",
        standaard=None,
        max_length=20,
    )
    transactie_kenmerk: str = veld(
        "Kenmerk van de transactie",
        hint="Zoals de instelling de transactie kent (betalingskenmerk, aktenummer).",
        min_length=3,
        max_length=80,
    )
    bedrag_euro: Bedrag = veld("Bedrag in euro")
    reden: str = veld(
        "Reden",
        hint="Waarom opschorten nodig is; de instelling ziet deze reden niet.",
        min_length=20,
        max_length=5000,
    )
    werkdagen: int = veld(
        "Duur in werkdagen",
        hint="Hoogstens 5; op verzoek van een buitenlandse FIU hoogstens 10.",
        standaard=OPSCHORTING_WERKDAGEN,
        ge=1,
        le=OPSCHORTING_MAXIMUM,
    )
    buitenlandse_fiu: OptioneleTekst = veld(
        "Op verzoek van buitenlandse FIU",
        hint="Laat leeg als FIU-Nederland zelf opschort.",
        standaard=None,
        max_length=120,
    )
    dossier_id: OptioneleTekst = veld(
        "Vermogensdossier",
        hint="Het nummer dat de opsporingsdienst opgaf; die dienst ziet de opschorting dan.",
        standaard=None,
        max_length=40,
    )

    meldingen: ClassVar[dict[str, str]] = {
        "instelling": "Kies de instelling.",
        "transactie_kenmerk": "Vul het kenmerk van de transactie in.",
        "bedrag_euro": "Vul het bedrag in euro in, bijvoorbeeld 48.000,00.",
        "reden": "Geef in minstens 20 tekens de reden van de opschorting.",
        "werkdagen": "Vul een aantal werkdagen in van 1 tot en met 10.",
    }


class VerlengingIn(Invoer):
    werkdagen: int = veld("Extra werkdagen", ge=1, le=OPSCHORTING_MAXIMUM - 1)
    motivering: str = veld("Motivering", min_length=10, max_length=5000)

    meldingen: ClassVar[dict[str, str]] = {
        "werkdagen": "Vul het aantal extra werkdagen in.",
        "motivering": "Motiveer de verlenging in minstens 10 tekens.",
    }


class Afloop(Invoer):
    motivering: str = veld("Motivering", min_length=10, max_length=5000)

    meldingen: ClassVar[dict[str, str]] = {
        "motivering": "Motiveer in minstens 10 tekens.",
    }


class OpschortingKop(Uitvoer):
    id: str
    instelling: str
    transactie_kenmerk: str
    bedrag_centen: int
    verzocht_op: dt.date
    einde: dt.date
    status: Opschortingstatus


class OpschortingUit(OpschortingKop):
    """For the FIU all; for the institution the same without reason, report and dossier."""

    werkdagen: int
    werkdagen_over: int
    buitenlands: bool
    verlengingen: int
    bevestigd_op: dt.datetime | None
    telt_niet_mee: list[str]
    reden: str | None
    melding_id: str | None
    dossier_id: str | None
    buitenlandse_fiu: str | None
    stappen: list[Stap]
    kan_verlengen: int


def _stand(o: Opschorting) -> Opschortingstand:
    return Opschortingstand(
        verzocht_op=o.verzocht_op,
        werkdagen=o.werkdagen,
        buitenlands=o.buitenlands,
        status=Opschortingstatus(o.status),
        verlengingen=o.verlengingen,
    )


def _zet(o: Opschorting, s: Opschortingstand) -> None:
    o.status, o.werkdagen, o.verlengingen = s.status.value, s.werkdagen, s.verlengingen
    o.einde = s.einde


def _niet_meegeteld(begin: dt.date, einde: dt.date) -> list[str]:
    """Weekdays within the term that do not count, in words (holidays)."""
    uit, dag = [], begin
    while dag < einde:
        dag += dt.timedelta(days=1)
        reden = waarom_geen_werkdag(dag)
        if reden and dag.weekday() < 5:
            uit.append(f"{reden} ({dag:%d-%m-%Y})")
    return uit


def _kop(ctx: Context, o: Opschorting) -> OpschortingKop:
    return OpschortingKop(
        id=o.id,
        instelling=o.instelling_id,
        transactie_kenmerk=o.transactie_kenmerk,
        bedrag_centen=o.bedrag_centen,
        verzocht_op=o.verzocht_op,
        einde=o.einde,
        status=_stand(o).op(ctx.nu().date()),
    )


def _uit(ctx: Context, o: Opschorting, *, fiu: bool) -> OpschortingUit:
    vandaag = ctx.nu().date()
    s = _stand(o)
    lopend = s.op(vandaag) in verloop.LOPEND
    return OpschortingUit(
        **_kop(ctx, o).model_dump(),
        werkdagen=o.werkdagen,
        werkdagen_over=werkdagen_tussen(max(vandaag - dt.timedelta(days=1), o.verzocht_op), o.einde)
        if lopend
        else 0,
        buitenlands=o.buitenlands,
        verlengingen=o.verlengingen,
        bevestigd_op=o.bevestigd_op,
        telt_niet_mee=_niet_meegeteld(o.verzocht_op, o.einde),
        reden=o.reden if fiu else None,
        melding_id=o.melding_id if fiu else None,
        dossier_id=o.dossier_id if fiu else None,
        buitenlandse_fiu=o.buitenlandse_fiu if fiu else None,
        stappen=[
            st
            for st, rij in zip(stappen(o), o.stappen, strict=True)
            if fiu or rij.get("instelling")
        ],
        kan_verlengen=OPSCHORTING_MAXIMUM - o.werkdagen if fiu and lopend else 0,
    )


def fiu(ctx: Context) -> None:
    if not deur.is_fiu(ctx):
        raise GeenToegang("alleen analisten van FIU-Nederland vragen een opschorting")


def instellingen(ctx: Context) -> list[tuple[str, str]]:
    register = ctx.beslisser.register
    return sorted(
        (
            (o.id, o.naam)
            for o in register.organisaties
            if "meldingsplichtige" in register.groepen(o)
        ),
        key=lambda x: x[1],
    )


def verzoek(ctx: Context, invoer: OpschortingIn) -> OpschortingUit:
    """The FIU's request; decided (FIU-OPSCHORTING, not before 1 July 2026) and logged."""
    fiu(ctx)
    if invoer.instelling not in dict(instellingen(ctx)):
        raise OngeldigeInvoer({"instelling": "Kies een meldingsplichtige instelling."})
    vandaag = ctx.nu().date()
    try:
        stand = verloop.nieuwe_opschorting(
            vandaag, invoer.werkdagen, invoer.buitenlandse_fiu is not None
        )
    except OngeldigeOvergang as exc:
        raise OngeldigeInvoer({"werkdagen": zin(str(exc))}) from exc
    if invoer.melding_id:
        m = deur.melding(ctx, invoer.melding_id)
        if m.melder_id != invoer.instelling:
            raise OngeldigeInvoer(
                {"meldingId": "Deze melding komt van een andere instelling dan de gekozen."}
            )
    dienst = None
    if invoer.dossier_id:
        dienst = deur.dossier_bestaat(ctx, invoer.dossier_id)
        if dienst is None:
            raise OngeldigeInvoer({"dossierId": "Er is geen vermogensdossier met dit nummer."})
    o = Opschorting(
        id=nummering.volgend_nummer(ctx.sessie, Opschorting, "OS", vandaag.year),
        instelling_id=invoer.instelling,
        melding_id=invoer.melding_id,
        transactie_kenmerk=invoer.transactie_kenmerk,
        bedrag_centen=centen(invoer.bedrag_euro),
        reden=invoer.reden,
        verzocht_op=vandaag,
        werkdagen=stand.werkdagen,
        buitenlands=stand.buitenlands,
        buitenlandse_fiu=invoer.buitenlandse_fiu,
        status=stand.status.value,
        einde=stand.einde,
        verlengingen=0,
        dossier_id=invoer.dossier_id,
        stappen=[],
        aangemaakt_door=ctx.ik.gebruiker_id,
        aangemaakt_op=ctx.nu(),
    )
    deur.verzoek_opschorting(ctx, o)
    voeg_stap(
        ctx,
        o,
        f"Verzocht voor {o.werkdagen} werkdagen, tot en met {o.einde:%d-%m-%Y}",
        instelling=True,
    )
    if dienst is not None:
        deur.meld_aan_dossier(ctx, o, dienst)
        voeg_stap(ctx, o, f"Gemeld bij vermogensdossier {o.dossier_id}")
    beheer.bewaar(ctx.sessie, o)
    ctx.audit("opschorting verzoeken", opschorting=o.id, instelling=o.instelling_id)
    return _uit(ctx, o, fiu=True)


def lijst(ctx: Context) -> list[OpschortingKop]:
    return [_kop(ctx, o) for o in deur.opschortingen(ctx)]


def lees(ctx: Context, opschorting_id: str) -> OpschortingUit:
    o = deur.opschorting(ctx, opschorting_id)
    return _uit(ctx, o, fiu=deur.is_fiu(ctx))


def _bewerk(ctx: Context, opschorting_id: str) -> Opschorting:
    return deur.opschorting(ctx, opschorting_id, naam="opschorting bijwerken")


def bevestig(ctx: Context, opschorting_id: str) -> None:
    """The institution confirms it suspended the transaction."""
    if not deur.is_melder(ctx):
        raise GeenToegang("alleen de instelling bevestigt de opschorting")
    o = _bewerk(ctx, opschorting_id)
    try:
        _zet(o, verloop.bevestig(_stand(o), ctx.nu().date()))
    except OngeldigeOvergang as exc:
        raise Conflict(zin(str(exc))) from exc
    o.bevestigd_op = ctx.nu()
    voeg_stap(ctx, o, "Bevestigd door de instelling: de transactie is opgeschort", instelling=True)
    ctx.audit("opschorting bevestigen", opschorting=o.id)


def verleng(ctx: Context, opschorting_id: str, invoer: VerlengingIn) -> None:
    fiu(ctx)
    o = _bewerk(ctx, opschorting_id)
    try:
        _zet(o, verloop.verleng(_stand(o), invoer.werkdagen, ctx.nu().date()))
    except OngeldigeOvergang as exc:
        raise OngeldigeInvoer({"werkdagen": zin(str(exc))}) from exc
    voeg_stap(ctx, o, f"Verlengd tot en met {o.einde:%d-%m-%Y}", instelling=True)
    voeg_stap(ctx, o, f"Motivering van de verlenging: {invoer.motivering}")
    ctx.audit("opschorting verlengen", opschorting=o.id)


def hef_op(ctx: Context, opschorting_id: str, invoer: Afloop) -> None:
    fiu(ctx)
    o = _bewerk(ctx, opschorting_id)
    try:
        _zet(o, verloop.hef_op(_stand(o), ctx.nu().date()))
    except OngeldigeOvergang as exc:
        raise Conflict(zin(str(exc))) from exc
    voeg_stap(ctx, o, "Opgeheven: de transactie mag worden uitgevoerd", instelling=True)
    voeg_stap(ctx, o, f"Motivering van de opheffing: {invoer.motivering}")
    ctx.audit("opschorting opheffen", opschorting=o.id)


def beslag(ctx: Context, opschorting_id: str, invoer: Afloop) -> None:
    fiu(ctx)
    o = _bewerk(ctx, opschorting_id)
    try:
        _zet(o, verloop.in_beslag(_stand(o), ctx.nu().date()))
    except OngeldigeOvergang as exc:
        raise Conflict(zin(str(exc))) from exc
    voeg_stap(ctx, o, "Opschorting beëindigd", instelling=True)
    voeg_stap(ctx, o, f"Overgegaan in beslag: {invoer.motivering}")
    ctx.audit("opschorting omzetten in beslag", opschorting=o.id)


def te_bevestigen(ctx: Context) -> int:
    if not deur.is_melder(ctx):
        return 0
    return cijfers.te_bevestigen(ctx.sessie, ctx.ik.organisatie_id, ctx.nu().date())


def aflopend(ctx: Context) -> int:
    """Running freezes ending today or on the next working day (for the FIU)."""
    if not deur.is_fiu(ctx):
        return 0
    vandaag = ctx.nu().date()
    return cijfers.aflopend(ctx.sessie, vandaag, na_werkdagen(vandaag, 1))
