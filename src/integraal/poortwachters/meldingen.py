# SPDX-License-Identifier: EUPL-1.2
"""Unusual-transaction reports: an institution reports (web form, API or goAML file), FIU-
Nederland analyses, declares suspicious or not, and provides what is suspicious to an
investigation service.

No tipping off: what the reporter reads back (`EigenMeldingUit`) has no field for what the FIU
did — no status, no analysis, no recipient — and the FIU's model (`MeldingUit`) is only built
for FIU analysts. What a reporter learns is the receipt.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import ClassVar, Literal

from pydantic import field_validator

from integraal.casus.signalen import Kenmerk, KenmerkSoort, kenmerk_tekst, opgeslagen
from integraal.domein import poortwachters as verloop
from integraal.domein.casus import OngeldigeOvergang
from integraal.domein.fouten import Conflict, GeenToegang, OngeldigeInvoer
from integraal.domein.invoer import (
    Bedrag,
    Datum,
    Invoer,
    OptioneleTekst,
    Uitvoer,
    Werkdatum,
    veld,
)
from integraal.domein.keuze import Keuze
from integraal.domein.poortwachters import Meldgrond, Meldingstatus
from integraal.domein.tekst import zin
from integraal.opslag import beheer
from integraal.opslag import poortwachtercijfers as cijfers
from integraal.opslag import verbanden as nummering
from integraal.opslag.modellen import Fiuverstrekking, Ongebruikelijketransactie
from integraal.toegang import poortwachters as deur
from integraal.verwerking import Context
from integraal.verwerking.dossier import Stap, niet_in_de_toekomst, stappen, voeg_stap

KENMERKEN = frozenset({KenmerkSoort.BSN, KenmerkSoort.KVK, KenmerkSoort.RSIN, KenmerkSoort.IBAN})
# Investigation services FIU-VT provides to (the rule's recipients).
OPSPORINGSDIENSTEN = ("politie", "fiod", "kmar", "om")


class Meldkanaal(Keuze):
    WEB = "web", "Webformulier"
    API = "api", "API"
    GOAML = "goaml", "goAML-bestand"


def centen(bedrag: Decimal) -> int:
    return int(bedrag * 100)


class MeldingIn(Invoer):
    """Wwft art. 16 lid 2: who (a, b), what, when, where (c), how much, from and to (d), why
    (e). One transaction per report; a goAML file with several becomes several reports."""

    melder_kenmerk: OptioneleTekst = veld(
        "Uw kenmerk",
        hint="Uw eigen referentie voor deze melding; die ziet u terug op de ontvangstbevestiging.",
        standaard=None,
        max_length=80,
    )
    meldgrond: Meldgrond = veld("Soort indicator")
    indicator: str = veld(
        "Indicator",
        hint="De indicator die geraakt is, zoals in de lijst van uw sector.",
        min_length=3,
        max_length=300,
    )
    client: str = veld("Naam van de cliënt", min_length=2, max_length=300)
    geboortedatum: Datum | None = veld(
        "Geboortedatum van de cliënt", hint="Bij een natuurlijk persoon.", standaard=None
    )
    kenmerken: list[Kenmerk] = veld(
        "Kenmerken van de cliënt",
        hint="BSN, KvK-nummer, RSIN of IBAN; minstens één.",
        min_length=1,
        max_length=6,
    )
    transactie_op: Werkdatum = veld("Datum van de transactie")
    bedrag_euro: Bedrag = veld("Bedrag in euro")
    valuta: str = veld("Valuta", hint="ISO-code, zoals EUR.", standaard="EUR", max_length=3)
    van_rekening: OptioneleTekst = veld("Van rekening (IBAN)", standaard=None, max_length=40)
    naar_rekening: OptioneleTekst = veld("Naar rekening (IBAN)", standaard=None, max_length=40)
    aard: str = veld(
        "Aard en plaats van de transactie",
        hint="Bijvoorbeeld: contante storting bij het kantoor Rotterdam-Centrum.",
        min_length=5,
        max_length=300,
    )
    reden: str = veld(
        "Waarom is de transactie ongebruikelijk?",
        hint="Feitelijk: wat zag u, wat klopt niet met wat u van de cliënt weet.",
        min_length=20,
        max_length=10000,
    )

    meldingen: ClassVar[dict[str, str]] = {
        "meldgrond": "Kies of een objectieve of een subjectieve indicator geraakt is.",
        "indicator": "Noem de indicator die geraakt is.",
        "client": "Vul de naam van de cliënt in.",
        "kenmerken": "Noem minstens één kenmerk van de cliënt (BSN, KvK-nummer, RSIN of IBAN).",
        "transactie_op": "Vul de datum van de transactie in als dd-mm-jjjj.",
        "bedrag_euro": "Vul het bedrag in euro in, bijvoorbeeld 12.500,00.",
        "aard": "Beschrijf de aard en plaats van de transactie.",
        "reden": "Leg in minstens 20 tekens uit waarom de transactie ongebruikelijk is.",
    }

    @field_validator("valuta")
    @classmethod
    def _valuta(cls, waarde: str) -> str:
        if len(waarde) != 3 or not waarde.isalpha():
            raise ValueError("een valuta is een code van drie letters, zoals EUR")
        return waarde.upper()


class Ontvangstbevestiging(Uitvoer):
    """All a reporter hears back: that the FIU received the report, and when."""

    id: str
    melder_kenmerk: str | None
    ontvangen_op: dt.datetime


class Meldinginhoud(Uitvoer):
    """What a report says about the client and the transaction (Wwft art. 16 lid 2)."""

    client: str
    geboortedatum: dt.date | None
    kenmerken: list[str]
    transactie_op: dt.date
    bedrag_centen: int
    valuta: str
    van_rekening: str | None
    naar_rekening: str | None
    aard: str
    reden: str

    @classmethod
    def velden(cls, m: Ongebruikelijketransactie) -> dict[str, object]:
        """The content fields of a stored report (a BSN only as the fact that it is known)."""
        return {
            "client": m.client,
            "geboortedatum": m.geboortedatum,
            "kenmerken": [kenmerk_tekst(k) for k in m.kenmerken],
            "transactie_op": m.transactie_op,
            "bedrag_centen": m.bedrag_centen,
            "valuta": m.valuta,
            "van_rekening": m.van_rekening,
            "naar_rekening": m.naar_rekening,
            "aard": m.aard,
            "reden": m.reden,
        }


class EigenMeldingUit(Ontvangstbevestiging, Meldinginhoud):
    """What the institution sent, read back. Deliberately no status, analysis or recipient."""

    kanaal: Meldkanaal
    meldgrond: Meldgrond
    indicator: str


class MeldingKop(Uitvoer):
    """A report in the FIU's list: no client."""

    id: str
    melder: str
    sector: str
    ontvangen_op: dt.datetime
    bedrag_centen: int
    valuta: str
    status: Meldingstatus


class VerstrekkingUit(Uitvoer):
    id: str
    aan: str
    toelichting: str
    verstrekt_op: dt.datetime


class VerwantUit(Uitvoer):
    id: str
    melder: str
    ontvangen_op: dt.datetime
    bedrag_centen: int
    status: Meldingstatus


class MeldingUit(MeldingKop, Meldinginhoud):
    """A report as the FIU analyst reads it."""

    melder_kenmerk: str | None
    kanaal: Meldkanaal
    meldgrond: Meldgrond
    indicator: str
    analyse: str | None
    stappen: list[Stap]
    verstrekkingen: list[VerstrekkingUit]
    verwant: list[VerwantUit]


class AnalyseIn(Invoer):
    notitie: str = veld(
        "Analyse",
        hint="Wat u nagaat of vond; alleen FIU-Nederland leest dit.",
        min_length=10,
        max_length=10000,
    )

    meldingen: ClassVar[dict[str, str]] = {"notitie": "Schrijf uw analyse in minstens 10 tekens."}


class Oordeel(Keuze):
    VERDACHT = "verdacht", "Verdacht verklaren"
    NIET_VERDACHT = "niet_verdacht", "Niet verdacht verklaren"


class OordeelIn(Invoer):
    oordeel: Oordeel = veld("Oordeel")
    motivering: str = veld(
        "Motivering",
        hint="Waarom de transactie wel of niet verdacht is (Wwft art. 13 onder b).",
        min_length=20,
        max_length=10000,
    )

    meldingen: ClassVar[dict[str, str]] = {
        "oordeel": "Kies verdacht of niet verdacht.",
        "motivering": "Motiveer het oordeel in minstens 20 tekens.",
    }


class VerstrekkingIn(Invoer):
    aan: Literal["politie", "fiod", "kmar", "om"] = veld("Opsporingsdienst")
    toelichting: str = veld(
        "Toelichting voor de dienst",
        hint="Waarom deze dienst; wat de dienst ermee kan.",
        min_length=10,
        max_length=5000,
    )

    meldingen: ClassVar[dict[str, str]] = {
        "aan": "Kies de opsporingsdienst.",
        "toelichting": "Licht de verstrekking toe in minstens 10 tekens.",
    }


class VerdachteTransactieUit(Meldinginhoud):
    """What an investigation service receives: the transaction declared suspicious, with
    the report's facts; never the reporter's identity beyond its sector."""

    id: str
    melding_id: str
    sector: str
    toelichting: str
    verstrekt_op: dt.datetime


# --- The reporting institution -----------------------------------------------------------------


def sectornaam(ctx: Context, soort: str) -> str:
    """A sector as people call it (the register's label for the kind of institution)."""
    s = ctx.beslisser.register.soorten.get(soort)
    return s.label if s else soort


def meld(
    ctx: Context, invoer: MeldingIn, kanaal: Meldkanaal = Meldkanaal.WEB
) -> Ontvangstbevestiging:
    """The institution reports; the rules decide first (WWFT-MOT) and every subject is
    logged. The answer is the receipt only."""
    deur.toegang_melder(ctx)
    if any(k.soort not in KENMERKEN for k in invoer.kenmerken):
        raise OngeldigeInvoer({"kenmerken": "Gebruik een BSN, KvK-nummer, RSIN of IBAN."})
    niet_in_de_toekomst(ctx, transactie_op=invoer.transactie_op)
    nu = ctx.nu()
    m = Ongebruikelijketransactie(
        id=nummering.volgend_nummer(ctx.sessie, Ongebruikelijketransactie, "OT", nu.year),
        melder_id=ctx.ik.organisatie_id,
        sector=deur.soort(ctx),
        kanaal=kanaal.value,
        melder_kenmerk=invoer.melder_kenmerk,
        meldgrond=invoer.meldgrond.value,
        indicator=invoer.indicator,
        transactie_op=invoer.transactie_op,
        bedrag_centen=centen(invoer.bedrag_euro),
        valuta=invoer.valuta,
        van_rekening=invoer.van_rekening,
        naar_rekening=invoer.naar_rekening,
        aard=invoer.aard,
        reden=invoer.reden,
        client=invoer.client,
        geboortedatum=invoer.geboortedatum,
        kenmerken=opgeslagen(ctx.pseudoniem_sleutel, invoer.kenmerken),
        status=Meldingstatus.ONTVANGEN.value,
        stappen=[],
        ontvangen_door=ctx.ik.gebruiker_id,
        ontvangen_op=nu,
    )
    deur.ontvang_melding(ctx, m)
    voeg_stap(ctx, m, f"Ontvangen via {kanaal.label.lower()}")
    beheer.bewaar(ctx.sessie, m)
    ctx.audit("melding doen", melding=m.id, kanaal=kanaal.value)
    return Ontvangstbevestiging(
        id=m.id, melder_kenmerk=m.melder_kenmerk, ontvangen_op=m.ontvangen_op
    )


def eigen_lijst(ctx: Context) -> list[Ontvangstbevestiging]:
    return [
        Ontvangstbevestiging(id=m.id, melder_kenmerk=m.melder_kenmerk, ontvangen_op=m.ontvangen_op)
        for m in deur.eigen_meldingen(ctx)
    ]


def eigen(ctx: Context, melding_id: str) -> EigenMeldingUit:
    m = deur.eigen_melding(ctx, melding_id)
    return EigenMeldingUit(
        id=m.id,
        melder_kenmerk=m.melder_kenmerk,
        ontvangen_op=m.ontvangen_op,
        kanaal=Meldkanaal(m.kanaal),
        meldgrond=Meldgrond(m.meldgrond),
        indicator=m.indicator,
        **Meldinginhoud.velden(m),
    )


# --- FIU-Nederland ---------------------------------------------------------------------------


def fiu(ctx: Context) -> None:
    if not deur.is_fiu(ctx):
        raise GeenToegang("alleen analisten van FIU-Nederland analyseren meldingen")


def _kop(ctx: Context, m: Ongebruikelijketransactie) -> MeldingKop:
    return MeldingKop(
        id=m.id,
        melder=m.melder_id,
        sector=sectornaam(ctx, m.sector),
        ontvangen_op=m.ontvangen_op,
        bedrag_centen=m.bedrag_centen,
        valuta=m.valuta,
        status=Meldingstatus(m.status),
    )


def lijst(ctx: Context, status: Meldingstatus | None = None) -> list[MeldingKop]:
    return [_kop(ctx, m) for m in deur.meldingen(ctx) if status is None or m.status == status.value]


def lees(ctx: Context, melding_id: str) -> MeldingUit:
    fiu(ctx)
    m = deur.melding(ctx, melding_id)
    return MeldingUit(
        **{**_kop(ctx, m).model_dump(by_alias=False), **Meldinginhoud.velden(m)},
        melder_kenmerk=m.melder_kenmerk,
        kanaal=Meldkanaal(m.kanaal),
        meldgrond=Meldgrond(m.meldgrond),
        indicator=m.indicator,
        analyse=m.analyse,
        stappen=stappen(m),
        verstrekkingen=[
            VerstrekkingUit(
                id=v.id, aan=v.aan_id, toelichting=v.toelichting, verstrekt_op=v.verstrekt_op
            )
            for v in deur.verstrekkingen_van(ctx, m.id)
        ],
        verwant=[
            VerwantUit(
                id=x.id,
                melder=x.melder_id,
                ontvangen_op=x.ontvangen_op,
                bedrag_centen=x.bedrag_centen,
                status=Meldingstatus(x.status),
            )
            for x in deur.zelfde_client(ctx, m)
        ],
    )


def _bewerk(ctx: Context, melding_id: str) -> Ongebruikelijketransactie:
    fiu(ctx)
    return deur.melding(ctx, melding_id, naam="melding bijwerken")


def _naar(m: Ongebruikelijketransactie, naar: Meldingstatus) -> None:
    try:
        m.status = verloop.meldingstap(Meldingstatus(m.status), naar).value
    except OngeldigeOvergang as exc:
        raise Conflict(zin(str(exc))) from exc


def analyseer(ctx: Context, melding_id: str, invoer: AnalyseIn) -> None:
    """Take the report into analysis (or back into it) with a note; a note while in analysis
    adds to it."""
    m = _bewerk(ctx, melding_id)
    if m.status != Meldingstatus.IN_ANALYSE.value:
        _naar(m, Meldingstatus.IN_ANALYSE)
        voeg_stap(ctx, m, "In analyse genomen")
    m.analyse = f"{m.analyse}\n\n{invoer.notitie}" if m.analyse else invoer.notitie
    ctx.audit("melding analyseren", melding=m.id)


def beoordeel(ctx: Context, melding_id: str, invoer: OordeelIn) -> None:
    m = _bewerk(ctx, melding_id)
    naar = (
        Meldingstatus.VERDACHT
        if invoer.oordeel is Oordeel.VERDACHT
        else Meldingstatus.NIET_VERDACHT
    )
    _naar(m, naar)
    m.beoordeeld_op = ctx.nu().date()
    voeg_stap(ctx, m, f"{naar.label}: {invoer.motivering}")
    ctx.audit("melding beoordelen", naar.value, melding=m.id)


def verstrek(ctx: Context, melding_id: str, invoer: VerstrekkingIn) -> VerstrekkingUit:
    """Provide a suspicious transaction to an investigation service (FIU-VT, decided and
    logged); refused for one not declared suspicious."""
    m = _bewerk(ctx, melding_id)
    try:
        verloop.mag_verstrekken(Meldingstatus(m.status))
    except OngeldigeOvergang as exc:
        raise Conflict(zin(str(exc))) from exc
    if any(v.aan_id == invoer.aan for v in deur.verstrekkingen_van(ctx, m.id)):
        raise Conflict("Deze transactie is al aan deze dienst verstrekt.")
    besluit = deur.verstrek(ctx, m, invoer.aan)
    v = Fiuverstrekking(
        id=nummering.volgend_nummer(ctx.sessie, Fiuverstrekking, "VT", ctx.nu().year),
        melding_id=m.id,
        aan_id=invoer.aan,
        toelichting=invoer.toelichting,
        besluit={"regelId": besluit.regel_id, "besluitId": besluit.besluit_id},
        verstrekt_door=ctx.ik.gebruiker_id,
        verstrekt_op=ctx.nu(),
    )
    beheer.bewaar(ctx.sessie, v)
    voeg_stap(ctx, m, f"Verstrekt aan {ctx.beslisser.register.naam(invoer.aan)}")
    ctx.audit("verdachte transactie verstrekken", melding=m.id, aan=invoer.aan, verstrekking=v.id)
    return VerstrekkingUit(
        id=v.id, aan=v.aan_id, toelichting=v.toelichting, verstrekt_op=v.verstrekt_op
    )


# --- The investigation service ---------------------------------------------------------------


def _vt(ctx: Context, v: Fiuverstrekking, m: Ongebruikelijketransactie) -> VerdachteTransactieUit:
    return VerdachteTransactieUit(
        id=v.id,
        melding_id=m.id,
        sector=sectornaam(ctx, m.sector),
        toelichting=v.toelichting,
        verstrekt_op=v.verstrekt_op,
        **Meldinginhoud.velden(m),
    )


def ontvangen(ctx: Context) -> list[VerdachteTransactieUit]:
    return [_vt(ctx, v, m) for v, m in deur.ontvangen(ctx)]


def ontvangen_een(ctx: Context, verstrekking_id: str) -> VerdachteTransactieUit:
    return _vt(ctx, *deur.ontvangen_een(ctx, verstrekking_id))


# --- Counts --------------------------------------------------------------------------------


def te_analyseren(ctx: Context) -> int:
    """Reports waiting for or in analysis (a count, for the FIU's Mijn taken)."""
    return cijfers.in_analyse(ctx.sessie) if deur.is_fiu(ctx) else 0
