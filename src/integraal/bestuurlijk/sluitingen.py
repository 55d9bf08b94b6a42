# SPDX-License-Identifier: EUPL-1.2
"""Closures: the police's administrative report to the mayor about a BAG object, and the
mayor's decision on it under Opiumwet art. 13b or Gemeentewet art. 174a (after a shooting, an
explosion or a weapons find): warning or closure, period, extension, objection and appeal, end.
A 13b closure is registered at the Kadaster while it stands (Wkpb)."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any, ClassVar

from pydantic import field_validator

from integraal.bestuurlijk import kadaster, koppeling
from integraal.bestuurlijk.dossier import oov
from integraal.bestuurlijk.kadaster import BerichtUit
from integraal.domein import bestuurlijk as verloop
from integraal.domein.bestuurlijk import (
    Rechtsmiddel,
    Sluitingsgrond,
    Sluitingsstand,
    Sluitingsstatus,
    Uitspraak,
)
from integraal.domein.casus import OngeldigeOvergang, Uitkomst
from integraal.domein.fouten import Conflict, GeenToegang, OngeldigeInvoer
from integraal.domein.invoer import Invoer, OptioneleTekst, Uitvoer, Werkdatum, veld
from integraal.domein.keuze import Keuze
from integraal.domein.tekst import zin
from integraal.opslag import beheer
from integraal.opslag import kadaster as cijfers
from integraal.opslag import verbanden as nummering
from integraal.opslag.modellen import Bestuurlijkerapportage, Sluiting
from integraal.toegang import bestuurlijk as deur
from integraal.verwerking import Context
from integraal.verwerking.dossier import Stap, niet_in_de_toekomst, stappen, voeg_stap

MAATREGELEN = frozenset({"13b-sluiting", "woningsluiting"})
_BAG = re.compile(r"^\d{4}(01|10)\d{10}$")
_BUURT = re.compile(r"^BU\d{8}$")
BAG_SOORTEN = {"01": "verblijfsobject", "10": "pand"}


class Rapportagestand(Keuze):
    VERSTREKT = "verstrekt", "Verstrekt aan de burgemeester"
    IN_BEHANDELING = "in_behandeling", "Sluitingsdossier geopend"


class Sluitingsbesluit(Keuze):
    WAARSCHUWING = "waarschuwing", "Waarschuwing"
    SLUITING = "sluiting", "Sluiting"


def _bag(waarde: str) -> str:
    tekst = waarde.replace(" ", "")
    if not _BAG.match(tekst):
        raise ValueError(
            "vul het BAG-id van het verblijfsobject of pand in: 16 cijfers, zoals "
            "9999 01 0000012345 (01 is een verblijfsobject, 10 een pand)"
        )
    return tekst


class RapportageIn(Invoer):
    gemeente: str = veld("Aan de burgemeester van", max_length=80)
    grond: Sluitingsgrond = veld("Aanleiding")
    bag_id: str = veld(
        "BAG-id van het object",
        hint="Het verblijfsobject of pand, 16 cijfers, bijvoorbeeld 9999 01 0000012345.",
        max_length=20,
    )
    adres: str = veld("Adres", min_length=5, max_length=300)
    buurt_code: OptioneleTekst = veld(
        "Buurtcode (CBS)",
        hint="Bijvoorbeeld BU99990101; voor het gebiedsbeeld.",
        standaard=None,
        max_length=10,
    )
    perceel: OptioneleTekst = veld(
        "Kadastrale aanduiding",
        hint="Bijvoorbeeld VBS00 A 1234; nodig voor het Kadaster.",
        standaard=None,
        max_length=40,
    )
    feiten_op: Werkdatum = veld("Datum van de bevindingen")
    samenvatting: str = veld(
        "Bevindingen",
        hint="Wat is aangetroffen of gebeurd, zo feitelijk mogelijk.",
        min_length=20,
        max_length=10000,
    )

    meldingen: ClassVar[dict[str, str]] = {
        "gemeente": "Kies de gemeente.",
        "grond": "Kies de aanleiding.",
        "adres": "Vul het adres in.",
        "feiten_op": "Vul de datum van de bevindingen in als dd-mm-jjjj.",
        "samenvatting": "Beschrijf de bevindingen in minstens 20 tekens.",
    }

    @field_validator("bag_id")
    @classmethod
    def _bag_geldig(cls, waarde: str) -> str:
        return _bag(waarde)

    @field_validator("buurt_code")
    @classmethod
    def _buurt(cls, waarde: str | None) -> str | None:
        if waarde and not _BUURT.match(waarde.upper()):
            raise ValueError("een buurtcode is BU met 8 cijfers")
        return waarde.upper() if waarde else None

    @field_validator("perceel")
    @classmethod
    def _perceel(cls, waarde: str | None) -> str | None:
        return kadaster.controleer_perceel(waarde) if waarde else None


class SluitingIn(Invoer):
    interventie_id: OptioneleTekst = veld(
        "Hoort bij interventie",
        hint="Een voorgestelde interventie uit een advies van het RIEC.",
        standaard=None,
        max_length=40,
    )


class SluitingsbesluitIn(Invoer):
    besluit: Sluitingsbesluit = veld("Besluit")
    motivering: str = veld(
        "Motivering",
        hint="Noodzaak en evenredigheid (Awb art. 3:4).",
        min_length=20,
        max_length=10000,
    )
    begin: Werkdatum | None = veld(
        "Sluiting vanaf", hint="Bij een sluiting verplicht.", standaard=None
    )
    einde: Werkdatum | None = veld(
        "Sluiting tot en met", hint="Bij een sluiting verplicht.", standaard=None
    )

    meldingen: ClassVar[dict[str, str]] = {
        "besluit": "Kies waarschuwing of sluiting.",
        "motivering": "Motiveer het besluit in minstens 20 tekens.",
    }


class VerlengingIn(Invoer):
    einde: Werkdatum = veld("Nieuwe einddatum")
    motivering: str = veld("Motivering", min_length=10, max_length=5000)

    meldingen: ClassVar[dict[str, str]] = {
        "einde": "Vul de nieuwe einddatum in als dd-mm-jjjj.",
        "motivering": "Motiveer de verlenging in minstens 10 tekens.",
    }


class RechtsmiddelIn(Invoer):
    soort: Rechtsmiddel = veld("Soort")
    ingediend_op: Werkdatum | None = veld("Ingediend op", hint="Leeg: vandaag.", standaard=None)

    meldingen: ClassVar[dict[str, str]] = {
        "soort": "Kies bezwaar, voorlopige voorziening of beroep."
    }


class UitspraakIn(Invoer):
    uitkomst: Uitspraak = veld("Uitkomst")

    meldingen: ClassVar[dict[str, str]] = {"uitkomst": "Kies gegrond of ongegrond."}


class BeeindigingIn(Invoer):
    op: Werkdatum | None = veld("Beëindigd op", hint="Leeg: vandaag.", standaard=None)


class RapportageKop(Uitvoer):
    id: str
    van: str
    aan: str
    grond: Sluitingsgrond
    status: Rapportagestand
    feiten_op: dt.date
    sluiting_id: str | None = None


class RapportageUit(RapportageKop):
    bag_id: str
    bag_soort: str
    adres: str
    buurt_code: str | None
    perceel: str | None
    samenvatting: str
    regel: str | None


class SluitingKop(Uitvoer):
    id: str
    grond: Sluitingsgrond
    status: Sluitingsstatus
    begin: dt.date | None
    einde: dt.date | None
    bezwaar: Rechtsmiddel | None


class SluitingUit(SluitingKop):
    rapportage_id: str
    bag_id: str
    bag_soort: str
    adres: str
    buurt_code: str | None
    perceel: str | None
    motivering: str | None
    besloten_op: dt.date | None
    verlengingen: int
    casus_id: str | None
    interventie_id: str | None
    stappen: list[Stap]
    kadaster: list[BerichtUit]
    van_kracht: bool


def _stand(s: Sluiting) -> Sluitingsstand:
    return Sluitingsstand(
        status=Sluitingsstatus(s.status),
        begin=s.begin,
        einde=s.einde,
        verlengingen=s.verlengingen,
        lopend_rechtsmiddel=Rechtsmiddel(s.lopend_rechtsmiddel) if s.lopend_rechtsmiddel else None,
    )


def _zet(s: Sluiting, stand: Sluitingsstand) -> None:
    s.status, s.begin, s.einde = stand.status.value, stand.begin, stand.einde
    s.verlengingen = stand.verlengingen
    s.lopend_rechtsmiddel = stand.lopend_rechtsmiddel.value if stand.lopend_rechtsmiddel else None


def _kop(s: Sluiting) -> SluitingKop:
    return SluitingKop(
        id=s.id,
        grond=Sluitingsgrond(s.grond),
        status=Sluitingsstatus(s.status),
        begin=s.begin,
        einde=s.einde,
        bezwaar=Rechtsmiddel(s.lopend_rechtsmiddel) if s.lopend_rechtsmiddel else None,
    )


def _uit(ctx: Context, s: Sluiting) -> SluitingUit:
    vandaag = ctx.nu().date()
    return SluitingUit(
        **_kop(s).model_dump(),
        rapportage_id=s.rapportage_id,
        bag_id=s.bag_id,
        bag_soort=s.bag_soort,
        adres=s.adres,
        buurt_code=s.buurt_code,
        perceel=s.perceel,
        motivering=s.motivering,
        besloten_op=s.besloten_op,
        verlengingen=s.verlengingen,
        casus_id=s.casus_id,
        interventie_id=s.interventie_id,
        stappen=stappen(s),
        kadaster=kadaster.berichten(ctx, s.id),
        van_kracht=s.status == Sluitingsstatus.GESLOTEN.value
        and s.begin is not None
        and s.einde is not None
        and s.begin <= vandaag <= s.einde,
    )


# --- The police's administrative report --------------------------------------------------------


def politie(ctx: Context) -> None:
    if not deur.is_politie(ctx):
        raise GeenToegang("alleen de politie stuurt een bestuurlijke rapportage")


def stuur_rapportage(ctx: Context, invoer: RapportageIn) -> RapportageUit:
    """The police send the mayor an administrative report; the rules decide first."""
    politie(ctx)
    niet_in_de_toekomst(ctx, feiten_op=invoer.feiten_op)
    register = ctx.beslisser.register
    try:
        gemeente = register.zoek(invoer.gemeente)
    except KeyError:
        gemeente = None
    if gemeente is None or gemeente.soort != "gemeente":
        raise OngeldigeInvoer({"gemeente": "Kies een gemeente."})
    r = Bestuurlijkerapportage(
        id=nummering.volgend_nummer(ctx.sessie, Bestuurlijkerapportage, "BR", ctx.nu().year),
        van_id=ctx.ik.organisatie_id,
        aan_id=gemeente.id,
        grond=invoer.grond.value,
        bag_id=invoer.bag_id,
        bag_soort=BAG_SOORTEN[invoer.bag_id[4:6]],
        adres=invoer.adres,
        buurt_code=invoer.buurt_code,
        perceel=invoer.perceel,
        feiten_op=invoer.feiten_op,
        samenvatting=invoer.samenvatting,
        status=Rapportagestand.VERSTREKT.value,
        opgesteld_door=ctx.ik.gebruiker_id,
        opgesteld_op=ctx.nu(),
    )
    besluit = ctx.vereis(deur.rapportage_besluit(ctx, r))
    r.besluit = {"regelId": besluit.regel_id, "besluitId": besluit.besluit_id}
    beheer.bewaar(ctx.sessie, r)
    deur.verstrek_rapportage(ctx, r, besluit)
    ctx.audit("bestuurlijke rapportage sturen", rapportage=r.id, aan=r.aan_id)
    return _rapportage_uit(r, None)


def _rapportage_kop(r: Bestuurlijkerapportage, sluiting_id: str | None) -> RapportageKop:
    return RapportageKop(
        id=r.id,
        van=r.van_id,
        aan=r.aan_id,
        grond=Sluitingsgrond(r.grond),
        status=Rapportagestand.IN_BEHANDELING if sluiting_id else Rapportagestand(r.status),
        feiten_op=r.feiten_op,
        sluiting_id=sluiting_id,
    )


def _rapportage_uit(r: Bestuurlijkerapportage, sluiting_id: str | None) -> RapportageUit:
    return RapportageUit(
        **_rapportage_kop(r, sluiting_id).model_dump(),
        bag_id=r.bag_id,
        bag_soort=r.bag_soort,
        adres=r.adres,
        buurt_code=r.buurt_code,
        perceel=r.perceel,
        samenvatting=r.samenvatting,
        regel=r.besluit.get("regelId"),
    )


def _sluiting_bij(ctx: Context, rapportage_id: str) -> str | None:
    return next((s.id for s in deur.sluitingen(ctx) if s.rapportage_id == rapportage_id), None)


def rapportages(ctx: Context) -> list[RapportageKop]:
    bij = {s.rapportage_id: s.id for s in deur.sluitingen(ctx)}
    return [_rapportage_kop(r, bij.get(r.id)) for r in deur.rapportages(ctx)]


def lees_rapportage(ctx: Context, rapportage_id: str) -> RapportageUit:
    r = deur.rapportage(ctx, rapportage_id)
    bij = _sluiting_bij(ctx, r.id) if r.aan_id == ctx.ik.organisatie_id else None
    return _rapportage_uit(r, bij)


# --- The closure -------------------------------------------------------------------------------


def bereid_voor(ctx: Context, rapportage_id: str, invoer: SluitingIn) -> SluitingUit:
    """The OOV adviser opens a closure dossier on the report the municipality received."""
    oov(ctx)
    r = deur.rapportage(ctx, rapportage_id, naam="bestuurlijke rapportage behandelen")
    if r.aan_id != ctx.ik.organisatie_id:
        raise GeenToegang("alleen de ontvangende gemeente bereidt een sluiting voor")
    if _sluiting_bij(ctx, r.id):
        raise Conflict("Op deze rapportage is al een sluitingsdossier geopend.")
    casus_id = koppeling.start(ctx, invoer.interventie_id, MAATREGELEN)
    s = Sluiting(
        id=nummering.volgend_nummer(ctx.sessie, Sluiting, "SL", ctx.nu().year),
        organisatie_id=r.aan_id,
        rapportage_id=r.id,
        grond=r.grond,
        bag_id=r.bag_id,
        bag_soort=r.bag_soort,
        adres=r.adres,
        buurt_code=r.buurt_code,
        perceel=r.perceel,
        status=Sluitingsstatus.VOORBEREID.value,
        verlengingen=0,
        stappen=[],
        casus_id=casus_id,
        interventie_id=invoer.interventie_id,
        aangemaakt_door=ctx.ik.gebruiker_id,
        aangemaakt_op=ctx.nu(),
    )
    voeg_stap(ctx, s, f"Dossier geopend op bestuurlijke rapportage {r.id}")
    beheer.bewaar(ctx.sessie, s)
    ctx.audit("sluiting voorbereiden", sluiting=s.id, rapportage=r.id)
    return _uit(ctx, s)


def lijst(ctx: Context) -> list[SluitingKop]:
    return [_kop(s) for s in deur.sluitingen(ctx)]


def lees(ctx: Context, sluiting_id: str) -> SluitingUit:
    oov(ctx)
    return _uit(ctx, deur.sluiting(ctx, sluiting_id))


def _bewerk(ctx: Context, sluiting_id: str) -> Sluiting:
    oov(ctx)
    return deur.sluiting(ctx, sluiting_id, naam="sluiting bijwerken")


def _inhoud(s: Sluiting) -> dict[str, Any]:
    """What the Kadaster receives: plot, decision, ground and period; never a person."""
    return {
        "perceel": s.perceel,
        "besluit": "sluiting",
        "grondslag": Sluitingsgrond(s.grond).label,
        "besluitdatum": (s.besloten_op or dt.date.today()).isoformat(),
        "begin": s.begin.isoformat() if s.begin else None,
        "einde": s.einde.isoformat() if s.einde else None,
        "bestuursorgaan": s.organisatie_id,
    }


def besluit(ctx: Context, sluiting_id: str, invoer: SluitingsbesluitIn) -> bool:
    """The mayor's decision; whether it went to the Kadaster."""
    s = _bewerk(ctx, sluiting_id)
    dag = ctx.nu().date()
    try:
        if invoer.besluit is Sluitingsbesluit.WAARSCHUWING:
            _zet(s, verloop.waarschuw(_stand(s)))
            voeg_stap(ctx, s, "Waarschuwing gegeven")
            uitkomst = Uitkomst.WAARSCHUWING
        else:
            fouten = {}
            if invoer.begin is None:
                fouten["begin"] = "Vul in vanaf wanneer het object gesloten is."
            if invoer.einde is None:
                fouten["einde"] = "Vul in tot en met wanneer het object gesloten is."
            if fouten:
                raise OngeldigeInvoer(fouten)
            assert invoer.begin is not None and invoer.einde is not None
            _zet(s, verloop.sluit(_stand(s), invoer.begin, invoer.einde))
            voeg_stap(
                ctx,
                s,
                f"Sluiting besloten van {invoer.begin:%d-%m-%Y} tot en met {invoer.einde:%d-%m-%Y}",
            )
            uitkomst = Uitkomst.PAND_GESLOTEN
    except OngeldigeOvergang as exc:
        raise OngeldigeInvoer(
            {"einde" if "einddatum" in str(exc) else "besluit": zin(str(exc))}
        ) from exc
    s.motivering, s.besloten_op = invoer.motivering, dag
    gemeld = s.status == Sluitingsstatus.GESLOTEN.value and _registreer(ctx, s)
    koppeling.rond_af(ctx, s.interventie_id, uitkomst, dag)
    ctx.audit("sluitingsbesluit", invoer.besluit.value, sluiting=s.id, kadaster=gemeld)
    return gemeld


def _registreer(ctx: Context, s: Sluiting) -> bool:
    """A 13b closure is registered at the Kadaster (Wkpb; seed letter 002). For closures under
    art. 174a the obligation is not verified, so Integraal does not register them."""
    if s.grond != Sluitingsgrond.OPIUMWET_13B.value:
        return False
    if not s.perceel:
        voeg_stap(ctx, s, "Niet ingeschreven bij het Kadaster: de kadastrale aanduiding ontbreekt")
        return False
    deur.meld_kadaster(ctx, s, doorhalen=False)
    b = kadaster.schrijf_in(ctx, s.id, s.perceel, _inhoud(s))
    voeg_stap(ctx, s, f"Kadaster: {kadaster.Berichtstatus(b.status).label.lower()}")
    return True


def _haal_door(ctx: Context, s: Sluiting) -> bool:
    """Withdraw a standing registration; whether a message went to the Kadaster."""
    if any(
        b.status is kadaster.Berichtstatus.INGESCHREVEN
        and b.soort is kadaster.Berichtsoort.INSCHRIJVING
        for b in kadaster.berichten(ctx, s.id)
    ):
        deur.meld_kadaster(ctx, s, doorhalen=True)
        kadaster.haal_door(ctx, s.id, _inhoud(s))
        voeg_stap(ctx, s, "Kadaster: beperking doorgehaald")
        return True
    return False


def verleng(ctx: Context, sluiting_id: str, invoer: VerlengingIn) -> None:
    s = _bewerk(ctx, sluiting_id)
    try:
        _zet(s, verloop.verleng(_stand(s), invoer.einde))
    except OngeldigeOvergang as exc:
        raise OngeldigeInvoer({"einde": zin(str(exc))}) from exc
    voeg_stap(ctx, s, f"Verlengd tot en met {invoer.einde:%d-%m-%Y}: {invoer.motivering}")
    ctx.audit("sluiting verlengen", sluiting=s.id)


def beeindig(ctx: Context, sluiting_id: str, invoer: BeeindigingIn) -> bool:
    """End the closure; whether a registration at the Kadaster was withdrawn."""
    s = _bewerk(ctx, sluiting_id)
    op = invoer.op or ctx.nu().date()
    niet_in_de_toekomst(ctx, op=op)
    try:
        _zet(s, verloop.beeindig(_stand(s), op))
    except OngeldigeOvergang as exc:
        raise OngeldigeInvoer({"op": zin(str(exc))}) from exc
    voeg_stap(ctx, s, "Sluiting beëindigd", op)
    doorgehaald = _haal_door(ctx, s)
    ctx.audit("sluiting beeindigen", sluiting=s.id, kadaster=doorgehaald)
    return doorgehaald


def rechtsmiddel(ctx: Context, sluiting_id: str, invoer: RechtsmiddelIn) -> None:
    s = _bewerk(ctx, sluiting_id)
    try:
        _zet(s, verloop.rechtsmiddel_in(_stand(s), invoer.soort))
    except OngeldigeOvergang as exc:
        raise Conflict(zin(str(exc))) from exc
    niet_in_de_toekomst(ctx, ingediend_op=invoer.ingediend_op)
    s.rechtsmiddel_op = invoer.ingediend_op or ctx.nu().date()
    voeg_stap(ctx, s, f"{invoer.soort.label} ingediend", s.rechtsmiddel_op)
    ctx.audit("rechtsmiddel vastleggen", sluiting=s.id, soort=invoer.soort.value)


def uitspraak(ctx: Context, sluiting_id: str, invoer: UitspraakIn) -> None:
    s = _bewerk(ctx, sluiting_id)
    soort = s.lopend_rechtsmiddel
    try:
        _zet(s, verloop.uitspraak(_stand(s), invoer.uitkomst))
    except OngeldigeOvergang as exc:
        raise Conflict(zin(str(exc))) from exc
    label = Rechtsmiddel(soort).label if soort else "Rechtsmiddel"
    voeg_stap(ctx, s, f"{label}: {invoer.uitkomst.label.lower()}")
    gemeld = False
    if s.status == Sluitingsstatus.INGETROKKEN.value:
        voeg_stap(ctx, s, "Besluit ingetrokken")
        gemeld = _haal_door(ctx, s)
    s.rechtsmiddel_op = None
    ctx.audit(
        "uitspraak vastleggen", sluiting=s.id, uitkomst=invoer.uitkomst.value, kadaster=gemeld
    )


def te_beoordelen(ctx: Context) -> int:
    """Police reports that wait for a closure dossier (a count, for Mijn taken)."""
    return cijfers.rapportages_zonder_dossier(ctx.sessie, ctx.ik.organisatie_id)


def te_bewaken(ctx: Context) -> int:
    """Closures ending within two weeks, or with an objection or appeal pending (a count)."""
    return cijfers.sluiting_termijnen(
        ctx.sessie, ctx.ik.organisatie_id, ctx.nu().date() + dt.timedelta(weeks=2)
    )


def gemeenten(ctx: Context) -> list[tuple[str, str]]:
    return sorted(
        ((o.id, o.naam) for o in ctx.beslisser.register.organisaties if o.soort == "gemeente"),
        key=lambda x: x[1],
    )
