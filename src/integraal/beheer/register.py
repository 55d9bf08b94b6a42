# SPDX-License-Identifier: EUPL-1.2
"""The partner register in the app (issue 25, item 5): the organisations, kinds,
partnerships, designations and covenants in force for everyone signed in; a change proposed
as a new version with the date from which it applies (the YAML stays the exchange format,
checked as when it is loaded), shown as a difference in words with its effect on the stored
reference requests on that date, and approved by a privacy officer who did not propose it.

An approved version comes into force on its date: every process takes the approved version
with the latest date reached (`Omgeving.volg_versies`), so no job has to switch it on.
Decisions cite the register version they were made under (`Besluit.register_versie`)."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, ClassVar

from integraal.beheer import versies as gedeeld
from integraal.beheer.catalogus import (
    VOORSTELLERS,
    GevolgUit,
    OordeelIn,
    RegelwijzigingUit,
    gevolgen_uit,
    wijziging_uit,
)
from integraal.delen import Beslisser
from integraal.delen.catalogus import meegeleverde_registertekst, register_uit_tekst
from integraal.delen.model import Catalogus, Partnerregister
from integraal.delen.referenties import effect, laad_referenties
from integraal.delen.verschil import Woorden, regio_naam, registerverschillen
from integraal.domein import werkdagen
from integraal.domein.fouten import NietGevonden, OngeldigeInvoer
from integraal.domein.invoer import Datum, Invoer, Optioneel, Uitvoer, veld
from integraal.domein.keuze import Keuze
from integraal.opslag import register as opslag
from integraal.opslag.modellen import Registerversie
from integraal.verwerking import Context

# What still names an organisation, as a person reads it (the tables of `in_gebruik`).
_GEBRUIK = {
    "gebruiker": "gebruikers",
    "levering": "leveringen",
    "statement": "gegevens",
    "casus": "casussen",
    "mappingversie": "leveringsafspraken",
}


class Registerstatus(Keuze):
    ACTIEF = "actief", "In werking"
    GEPLAND = "gepland", "Goedgekeurd, nog niet in werking"
    VOORGESTELD = "voorgesteld", "Wacht op goedkeuring"
    AFGEWEZEN = "afgewezen", "Afgewezen"
    VERVANGEN = "vervangen", "Vervangen"


class OrganisatieUit(Uitvoer):
    id: str
    naam: str
    soort: str
    regio: str
    deelnemers: list[str]


class AanwijzingUit(Uitvoer):
    verband: str
    deelnemers: list[str]
    geldig: str
    bron: str
    toelichting: str


class ConvenantUit(Uitvoer):
    titel: str
    versie: int
    partijen: list[str]
    geldig: str
    vindplaats: str


class RegisterUit(Uitvoer):
    versie: str
    organisaties: list[OrganisatieUit]
    aanwijzingen: list[AanwijzingUit]
    convenanten: list[ConvenantUit]
    # An approved version that waits for its date: "versie X geldt vanaf ..."
    volgende: str | None


class RegisterversieUit(Uitvoer):
    id: int
    versie: str
    status: Registerstatus
    status_label: str
    geldig_van: dt.date | None
    toelichting: str
    voorgesteld_door: str
    voorgesteld_op: dt.datetime
    beoordeeld_door: str | None
    beoordeeld_op: dt.datetime | None
    oordeel: str | None


class RegistervoorstelUit(RegisterversieUit):
    vergeleken_met: str
    wijzigingen: list[RegelwijzigingUit]
    gevolgen: list[GevolgUit]
    referenties: int
    mag_beoordelen: bool
    waarom_niet: str | None


class RegistervoorstelIn(Invoer):
    tekst: str = veld(
        "Het partnerregister (YAML)",
        hint="Het hele register, met een hoger versienummer bovenaan (versie).",
        min_length=10,
        max_length=500_000,
    )
    geldig_van: Annotated[Datum | None, Optioneel] = veld(
        "Geldt vanaf",
        hint="dd-mm-jjjj, bijvoorbeeld de dag waarop een besluit of convenant ingaat. "
        "Leeg: zodra de versie is goedgekeurd.",
        standaard=None,
    )
    toelichting: str = veld(
        "Waarom deze wijziging",
        hint="Bijvoorbeeld het besluit, de aanwijzing of het convenant dat verandert.",
        min_length=10,
        max_length=4000,
    )

    meldingen: ClassVar[dict[str, str]] = {
        "tekst": "Vul het hele partnerregister in.",
        "geldig_van": "Vul een datum in als dd-mm-jjjj, bijvoorbeeld 1-1-2027.",
        "toelichting": "Leg in minstens 10 tekens uit waarom het register verandert.",
    }


def _mag_zien(ctx: Context) -> None:
    gedeeld.mag_voorstellen(ctx, VOORSTELLERS, "het partnerregister")


def _geldig(van: dt.date | None, tot: dt.date | None) -> str:
    delen = [f"vanaf {van:%d-%m-%Y}" if van else "", f"tot en met {tot:%d-%m-%Y}" if tot else ""]
    return " ".join(d for d in delen if d) or "altijd"


def in_werking(ctx: Context) -> RegisterUit:
    """The register in force, for anyone signed in: who takes part in what, since when."""
    r = ctx.beslisser.register
    volgende = opslag.volgende(ctx.sessie, _vandaag(ctx))
    return RegisterUit(
        versie=r.versie,
        organisaties=[
            OrganisatieUit(
                id=o.id,
                naam=o.naam,
                soort=r.soorten[o.soort].label,
                regio=regio_naam(r, o.regio),
                deelnemers=sorted(r.naam(d) for d in o.deelnemers),
            )
            for o in sorted(r.organisaties, key=lambda o: (r.soorten[o.soort].label, o.naam))
        ],
        aanwijzingen=[
            AanwijzingUit(
                verband=r.naam(a.verband),
                deelnemers=sorted(r.naam(d) for d in a.deelnemers),
                geldig=_geldig(a.geldig_van, a.geldig_tot),
                bron=a.bron,
                toelichting=a.toelichting,
            )
            for a in sorted(r.aanwijzingen, key=lambda a: (r.naam(a.verband), a.geldig_van))
        ],
        convenanten=[
            ConvenantUit(
                titel=c.titel,
                versie=c.versie,
                partijen=sorted(r.naam(p) for p in c.partijen),
                geldig=_geldig(c.geldig_van, c.geldig_tot),
                vindplaats=c.publicatie or "niet gepubliceerd",
            )
            for c in r.convenanten
        ],
        volgende=(
            f"Versie {volgende.versie} is goedgekeurd en geldt vanaf "
            f"{volgende.geldig_van:%d-%m-%Y}."
            if volgende is not None
            else None
        ),
    )


def _vandaag(ctx: Context) -> dt.date:
    return werkdagen.dag(ctx.nu())


def _status(rv: Registerversie, in_werking_id: int | None, vandaag: dt.date) -> Registerstatus:
    if rv.status == opslag.VOORGESTELD:
        return Registerstatus.VOORGESTELD
    if rv.status == opslag.AFGEWEZEN:
        return Registerstatus.AFGEWEZEN
    if rv.id == in_werking_id:
        return Registerstatus.ACTIEF
    return Registerstatus.GEPLAND if rv.geldig_van > vandaag else Registerstatus.VERVANGEN


def _versie(ctx: Context, rv: Registerversie, in_werking_id: int | None) -> dict[str, object]:
    status = _status(rv, in_werking_id, _vandaag(ctx))
    return {
        "id": rv.id,
        "versie": rv.versie,
        "status": status,
        "status_label": status.label,
        # The shipped first version applies from the start of time: no date to show.
        "geldig_van": rv.geldig_van if rv.geldig_van > dt.date.min else None,
        "toelichting": rv.toelichting,
        "voorgesteld_door": gedeeld.naam(ctx, rv.voorgesteld_door),
        "voorgesteld_op": rv.voorgesteld_op,
        "beoordeeld_door": gedeeld.naam(ctx, rv.beoordeeld_door) if rv.beoordeeld_door else None,
        "beoordeeld_op": rv.beoordeeld_op,
        "oordeel": rv.oordeel,
    }


def _in_werking_id(ctx: Context) -> int | None:
    rv = opslag.in_werking(ctx.sessie, _vandaag(ctx))
    return rv.id if rv is not None else None


def tekst_in_werking(ctx: Context) -> str:
    """The YAML of the version in force: the starting point of a proposal."""
    _mag_zien(ctx)
    rv = opslag.in_werking(ctx.sessie, _vandaag(ctx))
    return rv.tekst if rv is not None else meegeleverde_registertekst()


def te_beoordelen(ctx: Context) -> int:
    """Proposals this privacy officer may judge (not their own)."""
    return gedeeld.wachtend(ctx, Registerversie)


def versies(ctx: Context) -> list[RegisterversieUit]:
    _mag_zien(ctx)
    actief = _in_werking_id(ctx)
    return [
        RegisterversieUit.model_validate(_versie(ctx, rv, actief))
        for rv in opslag.versies(ctx.sessie)
    ]


def _namen_in_regels(catalogus: Catalogus, register: Partnerregister) -> set[str]:
    """The parties the rules name that this register does not know."""
    bekend = {"*", *register.soorten, *(o.id for o in register.organisaties)}
    bekend |= {g for s in register.soorten.values() for g in s.groepen}
    return {p for r in catalogus.regels for p in (*r.van, *r.aan) if p not in bekend}


def _toets(ctx: Context, register: Partnerregister) -> None:
    """What the database and the rules in force need of a register, or the Dutch reason at
    the field: the rules' kinds and groups still exist, and no organisation drops out that
    accounts, deliveries, cases or mappings in use still name."""
    huidig = ctx.beslisser.register
    w = Woorden(ctx.beslisser.catalogus, huidig)
    onbekend = _namen_in_regels(ctx.beslisser.catalogus, register)
    if onbekend:
        namen = ", ".join(sorted(f"‘{w.partij(p)}’" for p in onbekend))
        raise OngeldigeInvoer(
            {
                "tekst": f"De deelregels in werking noemen {namen}, die niet meer in het "
                "register staan. Pas eerst de deelregels aan, of laat ze staan."
            }
        )
    weg = {o.id for o in huidig.organisaties} - {o.id for o in register.organisaties}
    gebruikt = opslag.in_gebruik(ctx.sessie, weg)
    if gebruikt:
        delen = []
        for org_id, tabellen in sorted(gebruikt.items(), key=lambda p: huidig.naam(p[0])):
            wat = sorted({_GEBRUIK.get(t, "andere gegevens") for t in tabellen})
            delen.append(f"{huidig.naam(org_id)} (nog {' en '.join(wat)})")
        raise OngeldigeInvoer(
            {
                "tekst": "Deze organisaties kunnen niet uit het register, omdat Integraal ze "
                f"nog gebruikt: {'; '.join(delen)}. Laat ze staan."
            }
        )


def _lees(ctx: Context, tekst: str) -> Partnerregister:
    register = gedeeld.lees_yaml(register_uit_tekst, tekst, "Het register")
    _toets(ctx, register)
    return register


def stel_voor(ctx: Context, invoer: RegistervoorstelIn) -> RegisterversieUit:
    _mag_zien(ctx)
    register = _lees(ctx, invoer.tekst)
    if opslag.op_naam(ctx.sessie, register.versie) is not None:
        raise OngeldigeInvoer(
            {"tekst": f"Versie {register.versie} bestaat al. Verhoog het versienummer."}
        )
    vandaag = _vandaag(ctx)
    if invoer.geldig_van is not None and invoer.geldig_van < vandaag:
        raise OngeldigeInvoer(
            {
                "geldig_van": "Een versie geldt niet met terugwerkende kracht: kies vandaag of "
                "een latere dag. Een aanwijzing of convenant uit het verleden krijgt zijn eigen "
                "datums in het register."
            }
        )
    rv = Registerversie(
        versie=register.versie,
        tekst=invoer.tekst,
        status=opslag.VOORGESTELD,
        geldig_van=invoer.geldig_van or vandaag,
        toelichting=invoer.toelichting,
        voorgesteld_door=ctx.ik.gebruiker_id,
        voorgesteld_op=ctx.nu(),
    )
    opslag.bewaar(ctx.sessie, rv)
    ctx.audit("registerwijziging voorstellen", versie=rv.versie)
    return RegisterversieUit.model_validate(_versie(ctx, rv, _in_werking_id(ctx)))


def _van(ctx: Context, versie_id: int | str) -> Registerversie:
    nummer = gedeeld.nummer(versie_id)
    rv = opslag.versie(ctx.sessie, nummer) if nummer is not None else None
    if rv is None:
        raise NietGevonden("Deze versie van het partnerregister bestaat niet.")
    return rv


def _waarom_niet(ctx: Context, rv: Registerversie) -> str | None:
    return gedeeld.waarom_niet(
        ctx,
        rv.status == opslag.VOORGESTELD,
        rv.voorgesteld_door,
        gedeeld.alleen_privacy_officer(ctx, "het partnerregister"),
    )


def _peildatum(ctx: Context, rv: Registerversie) -> dt.date:
    """The day the effect is judged on: the version's date, or today for one that applies
    already (a date passed while it waited)."""
    return max(rv.geldig_van, _vandaag(ctx))


def voorstel(ctx: Context, versie_id: int | str) -> RegistervoorstelUit:
    """A version against the one in force: its changes in words, and the reference
    requests whose decision would differ on the day it applies."""
    _mag_zien(ctx)
    rv = _van(ctx, versie_id)
    huidig = ctx.beslisser
    nieuw = register_uit_tekst(rv.tekst)
    referenties = laad_referenties()
    gevolgen = effect(referenties, huidig, Beslisser(huidig.catalogus, nieuw), _peildatum(ctx, rv))
    waarom_niet = _waarom_niet(ctx, rv)
    return RegistervoorstelUit.model_validate(
        {
            **_versie(ctx, rv, _in_werking_id(ctx)),
            "vergeleken_met": huidig.register.versie,
            "wijzigingen": [
                wijziging_uit(w)
                for w in registerverschillen(huidig.register, nieuw, huidig.catalogus)
            ],
            "gevolgen": gevolgen_uit(gevolgen, huidig.catalogus, huidig.catalogus),
            "referenties": len(referenties),
            "mag_beoordelen": waarom_niet is None,
            "waarom_niet": waarom_niet,
        }
    )


def beoordeel(ctx: Context, versie_id: int | str, invoer: OordeelIn) -> RegisterversieUit:
    """Approve (in force on its date, today's at once) or reject, by a privacy officer who
    did not propose it; what the database needs is checked again, as it may have changed
    since the proposal."""
    _mag_zien(ctx)
    rv = _van(ctx, versie_id)
    gedeeld.weiger(_waarom_niet(ctx, rv), rv.status == opslag.VOORGESTELD)
    rv.beoordeeld_door, rv.beoordeeld_op, rv.oordeel = (
        ctx.ik.gebruiker_id,
        ctx.nu(),
        invoer.toelichting,
    )
    if invoer.besluit == "afwijzen":
        rv.status = opslag.AFGEWEZEN
        ctx.audit("registerwijziging afwijzen", versie=rv.versie)
        return RegisterversieUit.model_validate(_versie(ctx, rv, _in_werking_id(ctx)))
    nieuw = _lees(ctx, rv.tekst)
    huidig = ctx.beslisser
    gevolgen = effect(
        laad_referenties(), huidig, Beslisser(huidig.catalogus, nieuw), _peildatum(ctx, rv)
    )
    gedeeld.bevestig_gevolgen(len(gevolgen), invoer.gevolgen_bedoeld)
    # A date that passed while the version waited: it applies from today, not before.
    rv.status, rv.geldig_van = opslag.GOEDGEKEURD, _peildatum(ctx, rv)
    ctx.sessie.flush()
    ctx.audit(
        "registerwijziging goedkeuren",
        versie=rv.versie,
        vorige=huidig.register.versie,
        geldig_van=rv.geldig_van.isoformat(),
        gevolgen=len(gevolgen),
    )
    return RegisterversieUit.model_validate(_versie(ctx, rv, _in_werking_id(ctx)))
