# SPDX-License-Identifier: EUPL-1.2
"""Delivery mappings in the app (issue 25, item 3): a beheerder of the delivering partner or
of the receiving partnership composes one from a sample file (a first draft from its
columns, then tried on its first rows: the statements it would store and its row errors),
proposes it as a new version, and the receiving partnership's privacy officer, who did not
propose it, approves it (four eyes). Every delivery records the version it was read with.

The sample is kept only in the beheerder's own session, and only its first rows: it is the
partner's own data, shown to the partner's (or the recipient's) beheerder, never stored."""

from __future__ import annotations

import datetime as dt
import difflib
from typing import ClassVar

from integraal.beheer import versies as gedeeld
from integraal.bronnen import voorbeeld as vb
from integraal.bronnen.mapping import Mapping, mapping_uit_tekst
from integraal.domein.fouten import GeenToegang, NietGevonden, OngeldigeInvoer
from integraal.domein.invoer import Invoer, Uitvoer, veld
from integraal.domein.keuze import Keuze
from integraal.domein.labels import eigenschap_label, schema_label
from integraal.domein.rollen import Rol
from integraal.opslag import mappings as opslag
from integraal.opslag.modellen import Mappingversie
from integraal.verwerking import Context

VERSLEUTELD = "(versleuteld opgeslagen)"
KOPPELING = "(gekoppeld aan het gegeven uit dezelfde rij)"


class Mappingstatus(Keuze):
    ACTIEF = "actief", "In gebruik"
    VOORGESTELD = "voorgesteld", "Wacht op goedkeuring"
    AFGEWEZEN = "afgewezen", "Afgewezen"
    VERVANGEN = "vervangen", "Vervangen"


class MappingversieUit(Uitvoer):
    id: int
    naam: str
    titel: str
    versie: int
    status: Mappingstatus
    status_label: str
    partner: str
    ontvanger: str
    toelichting: str
    voorgesteld_door: str
    voorgesteld_op: dt.datetime
    beoordeeld_door: str | None
    beoordeeld_op: dt.datetime | None
    oordeel: str | None


class Kolomgebruik(Uitvoer):
    kolommen: str
    gegeven: str
    categorie: str


class MappingvoorstelUit(MappingversieUit):
    tekst: str
    gebruik: list[Kolomgebruik]
    verschil: list[str]
    mag_beoordelen: bool
    waarom_niet: str | None


class ProefWaarde(Uitvoer):
    soort: str
    gegeven: str
    waarde: str


class ProefRij(Uitvoer):
    rij: int
    waarden: list[ProefWaarde]
    fouten: list[str]


class Proef(Uitvoer):
    rijen: list[ProefRij]
    goed: int
    fout: int


class ConceptIn(Invoer):
    naam: str = veld(
        "Korte naam",
        hint="Kleine letters, cijfers en streepjes; blijft gelijk over de versies. "
        "Bijvoorbeeld gemeente-horeca.",
        min_length=3,
        max_length=80,
        pattern=r"^[a-z0-9][a-z0-9\-]*$",
    )
    titel: str = veld(
        "Titel", hint="Zoals de leverancier de afspraak kent.", min_length=5, max_length=200
    )
    partner: str = veld("Leverancier")
    doel: str = veld("Doel")

    meldingen: ClassVar[dict[str, str]] = {
        "naam": "Kies een korte naam van 3 tot 80 tekens: kleine letters, cijfers en streepjes.",
        "titel": "Geef de afspraak een titel van minstens 5 tekens.",
        "partner": "Kies de leverancier.",
        "doel": "Kies het doel.",
    }


class MappingIn(Invoer):
    tekst: str = veld(
        "De leveringsafspraak (YAML)",
        hint="Welke kolommen welke gegevens worden, in welke categorie. Wat hier niet staat, "
        "wordt niet opgeslagen.",
        min_length=10,
        max_length=200_000,
    )
    toelichting: str = veld(
        "Waarom deze afspraak of wijziging",
        hint="Bijvoorbeeld het convenant of het verzoek waarop de levering berust.",
        min_length=10,
        max_length=4000,
    )

    meldingen: ClassVar[dict[str, str]] = {
        "tekst": "Vul de leveringsafspraak in.",
        "toelichting": "Leg in minstens 10 tekens uit waarom.",
    }


OordeelIn = gedeeld.OordeelIn


def _beheerder(ctx: Context) -> None:
    if ctx.ik.rol is not Rol.FUNCTIONEEL_BEHEERDER:
        raise GeenToegang("leveringsafspraken opstellen is voor de functioneel beheerder")


def _mag_zien(ctx: Context) -> None:
    if ctx.ik.rol not in (Rol.FUNCTIONEEL_BEHEERDER, Rol.PRIVACY_OFFICER):
        raise GeenToegang(
            "leveringsafspraken zijn voor de functioneel beheerder en de privacy officer"
        )


def _uit(ctx: Context, mv: Mappingversie) -> dict[str, object]:
    status = Mappingstatus(mv.status)
    register = ctx.beslisser.register
    return {
        "id": mv.id,
        "naam": mv.naam,
        "titel": mapping_uit_tekst(mv.tekst).titel,
        "versie": mv.versie,
        "status": status,
        "status_label": status.label,
        "partner": register.naam(mv.partner_id),
        "ontvanger": register.naam(mv.ontvanger_id),
        "toelichting": mv.toelichting,
        "voorgesteld_door": gedeeld.naam(ctx, mv.voorgesteld_door),
        "voorgesteld_op": mv.voorgesteld_op,
        "beoordeeld_door": gedeeld.naam(ctx, mv.beoordeeld_door) if mv.beoordeeld_door else None,
        "beoordeeld_op": mv.beoordeeld_op,
        "oordeel": mv.oordeel,
    }


def lijst(ctx: Context) -> list[MappingversieUit]:
    """The versions of the mappings the reader's organisation delivers or receives under."""
    _mag_zien(ctx)
    return [
        MappingversieUit.model_validate(_uit(ctx, mv))
        for mv in opslag.versies(ctx.sessie, ctx.ik.organisatie_id)
    ]


def partners(ctx: Context) -> list[tuple[str, str]]:
    """Whom a mapping can be for: the beheerder's own organisation delivers, or, for a
    partnership's beheerder, one of its participants."""
    _beheerder(ctx)
    register = ctx.beslisser.register
    eigen = register.organisatie(ctx.ik.organisatie_id)
    ids = [eigen.id, *eigen.deelnemers]
    return [(i, register.naam(i)) for i in dict.fromkeys(ids)]


def doelen(ctx: Context) -> list[tuple[str, str]]:
    return sorted(ctx.beslisser.catalogus.doelen.items(), key=lambda d: d[1])


def concept(ctx: Context, invoer: ConceptIn, voorbeeld: vb.Voorbeeld) -> str:
    """The first draft from the sample's columns. The recipient is the beheerder's own
    partnership, or, for a partner's beheerder, the partnership it delivers to."""
    _beheerder(ctx)
    register = ctx.beslisser.register
    if invoer.partner not in dict(partners(ctx)):
        raise OngeldigeInvoer({"partner": "Kies uw eigen organisatie of een deelnemer."})
    if invoer.doel not in ctx.beslisser.catalogus.doelen:
        raise OngeldigeInvoer({"doel": "Kies een doel uit de lijst."})
    eigen = register.organisatie(ctx.ik.organisatie_id)
    ontvanger = eigen.id if eigen.deelnemers else _verband_van(ctx, invoer.partner)
    return vb.concept(
        voorbeeld,
        naam=invoer.naam,
        titel=invoer.titel,
        partner=invoer.partner,
        ontvanger=ontvanger,
        doel=invoer.doel,
    )


def _verband_van(ctx: Context, partner: str) -> str:
    for org in ctx.beslisser.register.organisaties:
        if partner in org.deelnemers:
            return org.id
    raise OngeldigeInvoer(
        {"partner": "Uw organisatie neemt niet deel aan een samenwerkingsverband."}
    )


def _lees(ctx: Context, tekst: str) -> Mapping:
    """The text as the importer reads it, checked against the catalogue and the register,
    or the Dutch reason it cannot be."""
    m = gedeeld.lees_yaml(mapping_uit_tekst, tekst, "De afspraak")
    c, r = ctx.beslisser.catalogus, ctx.beslisser.register
    onbekend = sorted(k for k in m.categorieen if k not in c.categorieen)
    if onbekend:
        raise OngeldigeInvoer(
            {
                "tekst": f"Onbekende categorie: {', '.join(onbekend)}. Kies uit de categorieën "
                "van de deelregels."
            }
        )
    if m.doel not in c.doelen:
        raise OngeldigeInvoer({"tekst": "Het doel staat niet in de deelregels."})
    for rol, org in (("leverancier", m.partner), ("ontvanger", m.ontvanger)):
        try:
            r.organisatie(org)
        except KeyError as exc:
            raise OngeldigeInvoer(
                {"tekst": f"De {rol} staat niet in het partnerregister."}
            ) from exc
    if ctx.ik.organisatie_id not in (m.partner, m.ontvanger):
        raise OngeldigeInvoer(
            {"tekst": "Uw organisatie is leverancier noch ontvanger van deze afspraak."}
        )
    return m


def probeer(ctx: Context, tekst: str, voorbeeld: vb.Voorbeeld) -> Proef:
    """The draft on the sample's first rows: what each would store, and its errors."""
    _beheerder(ctx)
    m = _lees(ctx, tekst)
    ontbreekt = sorted(m.kolommen - set(voorbeeld.kop))
    if ontbreekt:
        raise OngeldigeInvoer(
            {"tekst": f"Het voorbeeldbestand heeft deze kolommen niet: {', '.join(ontbreekt)}."}
        )
    # The preview never shows a pseudonym: it says the value is stored encrypted.
    rijen = vb.probeer(m, voorbeeld, lambda soort, waarde: VERSLEUTELD)
    uit = []
    for r in rijen:
        waarden = [
            ProefWaarde(
                soort=schema_label(w.schema),
                gegeven=eigenschap_label(w.prop),
                # A link to another entity of the row is an id: said in words instead.
                waarde=KOPPELING if w.prop_type == "entity" else w.value,
            )
            for w in r.waarden
        ]
        uit.append(
            ProefRij(
                rij=r.nummer,
                waarden=waarden,
                fouten=[f"{f.kolom}: {f.reden}" if f.kolom else f.reden for f in r.fouten],
            )
        )
    return Proef(
        rijen=uit,
        goed=sum(1 for r in uit if not r.fouten),
        fout=sum(1 for r in uit if r.fouten),
    )


def stel_voor(ctx: Context, invoer: MappingIn) -> MappingversieUit:
    _beheerder(ctx)
    m = _lees(ctx, invoer.tekst)
    if invoer.tekst in opslag.teksten(ctx.sessie, m.naam):
        raise OngeldigeInvoer({"tekst": "Deze versie bestaat al; er is niets veranderd."})
    mv = Mappingversie(
        naam=m.naam,
        versie=opslag.volgende_versie(ctx.sessie, m.naam),
        tekst=invoer.tekst,
        status=opslag.VOORGESTELD,
        partner_id=m.partner,
        ontvanger_id=m.ontvanger,
        toelichting=invoer.toelichting,
        voorgesteld_door=ctx.ik.gebruiker_id,
        voorgesteld_op=ctx.nu(),
    )
    opslag.bewaar(ctx.sessie, mv)
    ctx.audit("mapping voorstellen", mapping=m.naam, versie=mv.versie)
    return MappingversieUit.model_validate(_uit(ctx, mv))


def _van(ctx: Context, versie_id: int | str) -> Mappingversie:
    _mag_zien(ctx)
    nummer = gedeeld.nummer(versie_id)
    mv = opslag.versie(ctx.sessie, nummer) if nummer is not None else None
    if mv is None or ctx.ik.organisatie_id not in (mv.partner_id, mv.ontvanger_id):
        raise NietGevonden("Deze leveringsafspraak bestaat niet of is niet van uw organisatie.")
    return mv


def _waarom_niet(ctx: Context, mv: Mappingversie) -> str | None:
    ontvanger = ctx.ik.rol is Rol.PRIVACY_OFFICER and ctx.ik.organisatie_id == mv.ontvanger_id
    return gedeeld.waarom_niet(
        ctx,
        mv.status == opslag.VOORGESTELD,
        mv.voorgesteld_door,
        None
        if ontvanger
        else "De privacy officer van de ontvanger beoordeelt een leveringsafspraak.",
    )


def voorstel(ctx: Context, versie_id: int | str) -> MappingvoorstelUit:
    mv = _van(ctx, versie_id)
    m = mapping_uit_tekst(mv.tekst)
    c = ctx.beslisser.catalogus
    gebruik = [
        Kolomgebruik(
            kolommen=", ".join(e.bronkolommen) or "(verwijzing)",
            gegeven=f"{schema_label(spec.schema_)}: {eigenschap_label(e.eigenschap)}",
            categorie=c.categorie_label(e.categorie),
        )
        for spec in m.entiteiten
        for e in spec.eigenschappen
    ]
    geldend = opslag.actief(ctx.sessie, mv.naam)
    verschil = (
        list(
            difflib.unified_diff(
                geldend.tekst.splitlines(),
                mv.tekst.splitlines(),
                f"versie {geldend.versie}",
                f"versie {mv.versie}",
                lineterm="",
            )
        )
        if geldend is not None and geldend.id != mv.id
        else []
    )
    waarom_niet = _waarom_niet(ctx, mv)
    return MappingvoorstelUit.model_validate(
        {
            **_uit(ctx, mv),
            "tekst": mv.tekst,
            "gebruik": gebruik,
            "verschil": verschil,
            "mag_beoordelen": waarom_niet is None,
            "waarom_niet": waarom_niet,
        }
    )


def beoordeel(ctx: Context, versie_id: int | str, invoer: OordeelIn) -> MappingversieUit:
    mv = _van(ctx, versie_id)
    waarom_niet = _waarom_niet(ctx, mv)
    gedeeld.weiger(waarom_niet, mv.status == opslag.VOORGESTELD)
    mv.beoordeeld_door, mv.beoordeeld_op, mv.oordeel = (
        ctx.ik.gebruiker_id,
        ctx.nu(),
        invoer.toelichting,
    )
    if invoer.besluit == "afwijzen":
        mv.status = opslag.AFGEWEZEN
        ctx.audit("mapping afwijzen", mapping=mv.naam, versie=mv.versie)
    else:
        opslag.activeer(ctx.sessie, mv)
        ctx.audit("mapping goedkeuren", mapping=mv.naam, versie=mv.versie)
    return MappingversieUit.model_validate(_uit(ctx, mv))


def te_beoordelen(ctx: Context) -> int:
    return sum(
        1
        for mv in opslag.versies(ctx.sessie, ctx.ik.organisatie_id)
        if mv.status == opslag.VOORGESTELD
        and mv.ontvanger_id == ctx.ik.organisatie_id
        and mv.voorgesteld_door != ctx.ik.gebruiker_id
    )
