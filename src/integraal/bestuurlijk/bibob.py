# SPDX-License-Identifier: EUPL-1.2
"""The Bibob procedure of a municipality: the applicant's questionnaire and the body's own
investigation, a request for advice to the Landelijk Bureau Bibob with its statutory term and
extension, the advice held secret, an extract for the RIEC, the intended decision and the
applicant's hearing, the decision with its motivation, and the register of conclusions other
bodies may re-use (each re-use logged)."""

from __future__ import annotations

import datetime as dt
from typing import ClassVar

from integraal.bestuurlijk import koppeling
from integraal.casus.signalen import Kenmerk, KenmerkSoort, kenmerk_tekst, opgeslagen
from integraal.domein import bestuurlijk as regels
from integraal.domein.bestuurlijk import (
    GEVAARSCONCLUSIES,
    NADELIG,
    Bibobaanleiding,
    Bibobbesluit,
    Bibobconclusie,
    Bibobstatus,
)
from integraal.domein.casus import OngeldigeOvergang, Uitkomst
from integraal.domein.fouten import Conflict, GeenToegang, OngeldigeInvoer
from integraal.domein.invoer import Invoer, OptioneleTekst, Uitvoer, Werkdatum, veld
from integraal.domein.rollen import Rol
from integraal.opslag import beheer, kadaster
from integraal.opslag import verbanden as nummering
from integraal.opslag.modellen import Bibobconclusie as Conclusierij
from integraal.opslag.modellen import Bibobprocedure
from integraal.toegang import bestuurlijk as deur
from integraal.verwerking import Context
from integraal.verwerking.dossier import Stap, niet_in_de_toekomst, stappen, voeg_stap

KENMERKEN = frozenset({KenmerkSoort.BSN, KenmerkSoort.KVK, KenmerkSoort.RSIN})
MAATREGELEN = frozenset({"bibob-weigering"})


class BibobIn(Invoer):
    aanleiding: Bibobaanleiding = veld("Aanleiding")
    onderwerp: str = veld(
        "Onderwerp",
        hint="Wat is aangevraagd, zonder naam van een persoon, bijvoorbeeld "
        "'Exploitatievergunning horeca, zaaknummer Z-2026-0412'.",
        min_length=5,
        max_length=300,
    )
    aanvrager: str = veld("Naam van de aanvrager", min_length=2, max_length=300)
    kenmerken: list[Kenmerk] = veld(
        "Kenmerken van de aanvrager",
        hint="KvK-nummer, RSIN of BSN; een BSN wordt alleen versleuteld opgeslagen.",
        min_length=1,
        max_length=5,
    )
    vragenlijst_op: Werkdatum | None = veld(
        "Vragenlijst ontvangen op", hint="Leeg: nog niet ontvangen.", standaard=None
    )
    eigen_onderzoek: OptioneleTekst = veld(
        "Eigen onderzoek",
        hint="Wat het eigen onderzoek opleverde.",
        standaard=None,
        max_length=10000,
    )
    interventie_id: OptioneleTekst = veld(
        "Hoort bij interventie",
        hint="Een voorgestelde interventie uit een advies van het RIEC.",
        standaard=None,
        max_length=40,
    )

    meldingen: ClassVar[dict[str, str]] = {
        "aanleiding": "Kies de aanleiding.",
        "onderwerp": "Beschrijf wat is aangevraagd in 5 tot 300 tekens.",
        "aanvrager": "Vul de naam van de aanvrager in.",
        "kenmerken": "Noem minstens één kenmerk van de aanvrager (KvK-nummer, RSIN of BSN).",
    }


class OnderzoekIn(Invoer):
    vragenlijst_op: Werkdatum | None = veld("Vragenlijst ontvangen op", standaard=None)
    eigen_onderzoek: str = veld("Eigen onderzoek", min_length=10, max_length=10000)

    meldingen: ClassVar[dict[str, str]] = {
        "eigen_onderzoek": "Beschrijf het eigen onderzoek in minstens 10 tekens."
    }


class LbbAdviesIn(Invoer):
    conclusie: Bibobconclusie = veld("Conclusie van het LBB")
    advies: str = veld(
        "Advies",
        hint="De kern van het advies. Het blijft geheim (art. 28 Wet Bibob).",
        min_length=10,
        max_length=20000,
    )
    ontvangen_op: Werkdatum | None = veld("Ontvangen op", hint="Leeg: vandaag.", standaard=None)

    meldingen: ClassVar[dict[str, str]] = {
        "conclusie": "Kies de conclusie van het LBB.",
        "advies": "Vat het advies samen in minstens 10 tekens.",
    }


class ExtractIn(Invoer):
    extract: str = veld(
        "Extract voor het RIEC",
        hint="Wat u het RIEC vraagt en de gegevens uit uw eigen onderzoek die het daarvoor "
        "nodig heeft. Nooit het advies van het LBB.",
        min_length=20,
        max_length=5000,
    )

    meldingen: ClassVar[dict[str, str]] = {
        "extract": "Beschrijf in minstens 20 tekens waarbij het RIEC u ondersteunt."
    }


class VoornemenIn(Invoer):
    voornemen: Bibobbesluit = veld("Voorgenomen besluit")
    zienswijze_tot: Werkdatum | None = veld(
        "Zienswijze uiterlijk op", hint="Leeg: over twee weken.", standaard=None
    )

    meldingen: ClassVar[dict[str, str]] = {"voornemen": "Kies het voorgenomen besluit."}


class ZienswijzeIn(Invoer):
    zienswijze: str = veld("Zienswijze van de aanvrager", min_length=3, max_length=10000)

    meldingen: ClassVar[dict[str, str]] = {
        "zienswijze": "Vat de zienswijze samen, of schrijf 'geen zienswijze ontvangen'."
    }


class BibobbesluitIn(Invoer):
    besluit: Bibobbesluit = veld("Besluit")
    motivering: str = veld(
        "Motivering",
        hint="Waarom, ook in reactie op de zienswijze.",
        min_length=20,
        max_length=10000,
    )

    meldingen: ClassVar[dict[str, str]] = {
        "besluit": "Kies het besluit.",
        "motivering": "Motiveer het besluit in minstens 20 tekens.",
    }


class RegistervraagIn(Kenmerk):
    """One identifier of the applicant to look up in the register."""

    meldingen: ClassVar[dict[str, str]] = {
        "soort": "Kies KvK-nummer, RSIN of BSN.",
        "waarde": "Vul het kenmerk in.",
    }


class BibobKop(Uitvoer):
    """A procedure in a list: subject and state, no applicant."""

    id: str
    aanleiding: Bibobaanleiding
    onderwerp: str
    status: Bibobstatus
    termijn: dt.date | None
    termijn_soort: str | None


class BibobUit(BibobKop):
    aanvrager: str
    kenmerken: list[str]
    vragenlijst_op: dt.date | None
    eigen_onderzoek: str | None
    lbb_gevraagd_op: dt.date | None
    lbb_verlengd: bool
    conclusie: Bibobconclusie | None
    advies: str | None
    advies_ontvangen_op: dt.date | None
    voornemen: Bibobbesluit | None
    zienswijze_tot: dt.date | None
    zienswijze: str | None
    besluit: Bibobbesluit | None
    motivering: str | None
    besloten_op: dt.date | None
    riec: str | None
    extract: str | None
    extract_op: dt.date | None
    casus_id: str | None
    interventie_id: str | None
    stappen: list[Stap]
    in_register_tot: dt.date | None = None


class ExtractUit(Uitvoer):
    """What a RIEC reads: the body's question and own findings; never the advice."""

    id: str
    gemeente: str
    onderwerp: str
    aanvrager: str
    kenmerken: list[str]
    extract: str
    extract_op: dt.date


class ExtractKop(Uitvoer):
    id: str
    gemeente: str
    onderwerp: str
    extract_op: dt.date


class ConclusieUit(Uitvoer):
    """A conclusion found in the register: degree, date, body; never the advice."""

    conclusie: Bibobconclusie
    organisatie: str
    vastgesteld_op: dt.date
    geldig_tot: dt.date


def _termijn(p: Bibobprocedure) -> tuple[dt.date | None, str | None]:
    if p.status == Bibobstatus.ADVIES_GEVRAAGD.value and p.lbb_gevraagd_op:
        return regels.lbb_uiterste_datum(p.lbb_gevraagd_op, p.lbb_verlengd), "Advies LBB uiterlijk"
    if p.status == Bibobstatus.VOORNEMEN.value and p.zienswijze_tot:
        return p.zienswijze_tot, "Zienswijze uiterlijk"
    return None, None


def _kop(p: Bibobprocedure) -> BibobKop:
    termijn, soort = _termijn(p)
    return BibobKop(
        id=p.id,
        aanleiding=Bibobaanleiding(p.aanleiding),
        onderwerp=p.onderwerp,
        status=Bibobstatus(p.status),
        termijn=termijn,
        termijn_soort=soort,
    )


def _uit(p: Bibobprocedure, advies: str | None) -> BibobUit:
    kop = _kop(p)
    return BibobUit(
        **kop.model_dump(),
        aanvrager=p.aanvrager,
        kenmerken=[kenmerk_tekst(k) for k in p.kenmerken],
        vragenlijst_op=p.vragenlijst_op,
        eigen_onderzoek=p.eigen_onderzoek,
        lbb_gevraagd_op=p.lbb_gevraagd_op,
        lbb_verlengd=p.lbb_verlengd,
        conclusie=Bibobconclusie(p.conclusie) if p.conclusie else None,
        advies=advies,
        advies_ontvangen_op=p.advies_ontvangen_op,
        voornemen=Bibobbesluit(p.voornemen) if p.voornemen else None,
        zienswijze_tot=p.zienswijze_tot,
        zienswijze=p.zienswijze,
        besluit=Bibobbesluit(p.besluit) if p.besluit else None,
        motivering=p.motivering,
        besloten_op=p.besloten_op,
        riec=p.riec_id,
        extract=p.extract,
        extract_op=p.extract_op,
        casus_id=p.casus_id,
        interventie_id=p.interventie_id,
        stappen=stappen(p),
    )


def adviseur(ctx: Context) -> None:
    if ctx.ik.rol is not Rol.BIBOB_ADVISEUR:
        raise GeenToegang("alleen Bibob-adviseurs van een gemeente voeren Bibob-procedures")
    if "bestuursorgaan" not in ctx.beslisser.register.groepen(
        ctx.beslisser.register.zoek(ctx.ik.organisatie_id)
    ):
        raise GeenToegang("alleen een bestuursorgaan voert een Bibob-procedure")


def _stapfout(exc: OngeldigeOvergang) -> Conflict:
    # The domain's own sentence for a hearing or a decision; a plain order violation says
    # which step comes first, without lower-casing a proper name.
    tekst = str(exc)
    if tekst.startswith("van '"):
        return Conflict("Deze stap past niet bij waar de procedure nu staat; zie 'Volgende stap'.")
    return Conflict(f"Deze stap kan nu niet: {tekst}.")


# --- Services ----------------------------------------------------------------------------------


def start(ctx: Context, invoer: BibobIn) -> BibobUit:
    adviseur(ctx)
    if any(k.soort not in KENMERKEN for k in invoer.kenmerken):
        raise OngeldigeInvoer({"kenmerken": "Gebruik een KvK-nummer, RSIN of BSN."})
    niet_in_de_toekomst(ctx, vragenlijst_op=invoer.vragenlijst_op)
    casus_id = koppeling.start(ctx, invoer.interventie_id, MAATREGELEN)
    p = Bibobprocedure(
        id=nummering.volgend_nummer(ctx.sessie, Bibobprocedure, "BB", ctx.nu().year),
        organisatie_id=ctx.ik.organisatie_id,
        aanleiding=invoer.aanleiding.value,
        onderwerp=invoer.onderwerp,
        aanvrager=invoer.aanvrager,
        kenmerken=opgeslagen(ctx.pseudoniem_sleutel, invoer.kenmerken),
        vragenlijst_op=invoer.vragenlijst_op,
        eigen_onderzoek=invoer.eigen_onderzoek,
        status=Bibobstatus.ONDERZOEK.value,
        casus_id=casus_id,
        interventie_id=invoer.interventie_id,
        aangemaakt_door=ctx.ik.gebruiker_id,
        aangemaakt_op=ctx.nu(),
        stappen=[],
    )
    voeg_stap(ctx, p, "Procedure gestart")
    beheer.bewaar(ctx.sessie, p)
    deur.leg_vast(ctx, "bibob-procedure starten", "bibob_dossier", "bibob", p.kenmerken)
    ctx.audit("bibob-procedure starten", procedure=p.id)
    return _uit(p, None)


def lijst(ctx: Context) -> list[BibobKop]:
    return [_kop(p) for p in deur.procedures(ctx)]


def lees(ctx: Context, procedure_id: str) -> BibobUit:
    adviseur(ctx)
    p = deur.procedure(ctx, procedure_id)
    uit = _uit(p, deur.advies(ctx, p))
    if p.conclusie and Bibobconclusie(p.conclusie) in GEVAARSCONCLUSIES and p.advies_ontvangen_op:
        uit.in_register_tot = regels.hergebruik_tot(p.advies_ontvangen_op)
    return uit


def _open(ctx: Context, procedure_id: str) -> Bibobprocedure:
    adviseur(ctx)
    p = deur.procedure(ctx, procedure_id, naam="bibob-procedure bijwerken")
    if p.status == Bibobstatus.BESLOTEN.value:
        raise Conflict("Over deze aanvraag is al besloten.")
    return p


def onderzoek(ctx: Context, procedure_id: str, invoer: OnderzoekIn) -> None:
    p = _open(ctx, procedure_id)
    if p.status != Bibobstatus.ONDERZOEK.value:
        raise Conflict("Het eigen onderzoek is afgerond: het advies is al gevraagd.")
    niet_in_de_toekomst(ctx, vragenlijst_op=invoer.vragenlijst_op)
    p.vragenlijst_op = invoer.vragenlijst_op or p.vragenlijst_op
    p.eigen_onderzoek = invoer.eigen_onderzoek
    voeg_stap(ctx, p, "Eigen onderzoek bijgewerkt")
    ctx.audit("bibob-onderzoek bijwerken", procedure=p.id)


def vraag_advies(ctx: Context, procedure_id: str) -> None:
    """The questionnaire and own investigation go to the LBB; its term starts today."""
    p = _open(ctx, procedure_id)
    if not p.vragenlijst_op or not p.eigen_onderzoek:
        raise Conflict(
            "Leg eerst vast wanneer de vragenlijst binnenkwam en wat het eigen onderzoek "
            "opleverde: die gaan mee naar het LBB."
        )
    try:
        p.status = regels.bibob_stap(Bibobstatus(p.status), Bibobstatus.ADVIES_GEVRAAGD).value
    except OngeldigeOvergang as exc:
        raise _stapfout(exc) from exc
    deur.vraag_lbb(ctx, p)
    p.lbb_gevraagd_op = ctx.nu().date()
    voeg_stap(ctx, p, "Advies gevraagd aan het Landelijk Bureau Bibob")
    ctx.audit("bibob-advies vragen", procedure=p.id)


def verleng(ctx: Context, procedure_id: str) -> None:
    """The LBB extends its term once by four weeks (art. 15 Wet Bibob)."""
    p = _open(ctx, procedure_id)
    if p.status != Bibobstatus.ADVIES_GEVRAAGD.value:
        raise Conflict("Alleen een lopende adviesaanvraag wordt verlengd.")
    if p.lbb_verlengd:
        raise Conflict("Het LBB verlengt zijn termijn maar één keer, met ten hoogste vier weken.")
    p.lbb_verlengd = True
    voeg_stap(ctx, p, "Adviestermijn van het LBB verlengd met vier weken")
    ctx.audit("bibob-termijn verlengen", procedure=p.id)


def ontvang_advies(ctx: Context, procedure_id: str, invoer: LbbAdviesIn) -> None:
    p = _open(ctx, procedure_id)
    try:
        p.status = regels.bibob_stap(Bibobstatus(p.status), Bibobstatus.ADVIES_ONTVANGEN).value
    except OngeldigeOvergang as exc:
        raise _stapfout(exc) from exc
    dag = invoer.ontvangen_op or ctx.nu().date()
    niet_in_de_toekomst(ctx, ontvangen_op=dag)
    if p.lbb_gevraagd_op and dag < p.lbb_gevraagd_op:
        raise OngeldigeInvoer(
            {"ontvangen_op": "Het advies kwam niet binnen voordat het werd gevraagd."}
        )
    deur.ontvang_advies(ctx, p)
    p.advies, p.conclusie, p.advies_ontvangen_op = invoer.advies, invoer.conclusie.value, dag
    voeg_stap(ctx, p, f"Advies ontvangen: {invoer.conclusie.label}", dag)
    if invoer.conclusie in GEVAARSCONCLUSIES:
        # The danger conclusion goes into the register (meldplicht) for re-use by others.
        beheer.bewaar(
            ctx.sessie,
            Conclusierij(
                procedure_id=p.id,
                organisatie_id=p.organisatie_id,
                kenmerken=list(p.kenmerken),
                conclusie=invoer.conclusie.value,
                vastgesteld_op=dag,
                geldig_tot=regels.hergebruik_tot(dag),
                hergebruik=[],
            ),
        )
    ctx.audit("bibob-advies vastleggen", procedure=p.id)


def riec_van(ctx: Context, gemeente_id: str) -> str:
    """The RIEC of the municipality's region."""
    register = ctx.beslisser.register
    gemeente = register.zoek(gemeente_id)
    for o in register.organisaties:
        if o.soort == "riec" and o.regio is not None and o.regio == gemeente.regio:
            return o.id
    raise Conflict("Uw gemeente hoort bij geen RIEC-regio.")


def deel_extract(ctx: Context, procedure_id: str, invoer: ExtractIn) -> str:
    """An extract of the own investigation for the RIEC's support (BIBOB-RIEC)."""
    p = _open(ctx, procedure_id)
    riec = riec_van(ctx, p.organisatie_id)
    deur.verstrek_extract(ctx, p, riec)
    p.riec_id, p.extract, p.extract_op = riec, invoer.extract, ctx.nu().date()
    voeg_stap(ctx, p, "Extract gedeeld met het RIEC ter ondersteuning")
    ctx.audit("bibob-extract delen", procedure=p.id, riec=riec)
    return riec


def voornemen(ctx: Context, procedure_id: str, invoer: VoornemenIn) -> None:
    """The intended decision; an adverse one is sent to the applicant to be heard."""
    p = _open(ctx, procedure_id)
    if invoer.voornemen not in NADELIG:
        raise OngeldigeInvoer(
            {"voornemen": "Een voornemen met zienswijze is er alleen bij een nadelig besluit."}
        )
    try:
        p.status = regels.bibob_stap(Bibobstatus(p.status), Bibobstatus.VOORNEMEN).value
    except OngeldigeOvergang as exc:
        raise _stapfout(exc) from exc
    vandaag = ctx.nu().date()
    if invoer.zienswijze_tot is not None and invoer.zienswijze_tot <= vandaag:
        raise OngeldigeInvoer(
            {"zienswijze_tot": "Geef de aanvrager tijd: de datum ligt na vandaag."}
        )
    p.voornemen = invoer.voornemen.value
    p.zienswijze_tot = invoer.zienswijze_tot or vandaag + regels.ZIENSWIJZE_TERMIJN
    voeg_stap(
        ctx, p, f"Voornemen vastgelegd ({invoer.voornemen.label.lower()}); zienswijze gevraagd"
    )
    ctx.audit("bibob-voornemen", procedure=p.id)


def zienswijze(ctx: Context, procedure_id: str, invoer: ZienswijzeIn) -> None:
    p = _open(ctx, procedure_id)
    if p.status != Bibobstatus.VOORNEMEN.value:
        raise Conflict("Er is geen voornemen verstuurd waarop een zienswijze kan komen.")
    p.zienswijze = invoer.zienswijze
    voeg_stap(ctx, p, "Zienswijze vastgelegd")
    ctx.audit("bibob-zienswijze", procedure=p.id)


def besluit(ctx: Context, procedure_id: str, invoer: BibobbesluitIn) -> None:
    p = _open(ctx, procedure_id)
    try:
        gehoord = p.zienswijze is not None or (
            p.zienswijze_tot is not None and ctx.nu().date() > p.zienswijze_tot
        )
        p.status = regels.bibob_besluit(
            Bibobstatus(p.status),
            invoer.besluit,
            Bibobbesluit(p.voornemen) if p.voornemen else None,
            gehoord,
        ).value
    except OngeldigeOvergang as exc:
        raise _stapfout(exc) from exc
    dag = ctx.nu().date()
    p.besluit, p.motivering, p.besloten_op = invoer.besluit.value, invoer.motivering, dag
    voeg_stap(ctx, p, f"Besloten: {invoer.besluit.label.lower()}")
    uitkomst = (
        Uitkomst.VERGUNNING_GEWEIGERD
        if invoer.besluit in (Bibobbesluit.WEIGEREN, Bibobbesluit.INTREKKEN)
        else Uitkomst.VERGUNNING_VERLEEND
    )
    koppeling.rond_af(ctx, p.interventie_id, uitkomst, dag)
    ctx.audit("bibob-besluit", procedure=p.id, besluit=invoer.besluit.value)


def register(ctx: Context, invoer: RegistervraagIn) -> list[ConclusieUit]:
    """Another body asks the register about an applicant: conclusions within the term, the
    re-use logged and kept on each conclusion."""
    adviseur(ctx)
    if invoer.soort not in KENMERKEN:
        raise OngeldigeInvoer({"soort": "Zoek op KvK-nummer, RSIN of BSN."})
    gevonden = deur.conclusies_over(
        ctx, opgeslagen(ctx.pseudoniem_sleutel, [invoer]), ctx.nu().date()
    )
    return [
        ConclusieUit(
            conclusie=Bibobconclusie(c.conclusie),
            organisatie=c.organisatie_id,
            vastgesteld_op=c.vastgesteld_op,
            geldig_tot=c.geldig_tot,
        )
        for c in gevonden
    ]


def extracten(ctx: Context) -> list[ExtractKop]:
    return [
        ExtractKop(
            id=p.id, gemeente=p.organisatie_id, onderwerp=p.onderwerp, extract_op=p.extract_op
        )
        for p in deur.extracten(ctx)
        if p.extract_op is not None
    ]


def extract(ctx: Context, procedure_id: str) -> ExtractUit:
    p = deur.extract(ctx, procedure_id)
    assert p.extract is not None and p.extract_op is not None
    return ExtractUit(
        id=p.id,
        gemeente=p.organisatie_id,
        onderwerp=p.onderwerp,
        aanvrager=p.aanvrager,
        kenmerken=[kenmerk_tekst(k) for k in p.kenmerken],
        extract=p.extract,
        extract_op=p.extract_op,
    )


def te_bewaken(ctx: Context) -> int:
    """Procedures whose LBB or hearing term ends within two weeks (a count, for Mijn taken)."""
    return kadaster.bibob_termijnen(
        ctx.sessie, ctx.ik.organisatie_id, ctx.nu().date() + dt.timedelta(weeks=2)
    )
