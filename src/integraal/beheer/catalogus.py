# SPDX-License-Identifier: EUPL-1.2
"""The rule catalogue in the app (issue 25, item 4): browse the rules in force; propose a
new version (the YAML stays the exchange format, checked as when it is loaded); see what
changes, rule by rule, and which decisions of the stored reference requests would differ;
a privacy officer who did not propose it approves (four eyes) and it comes into force.

Decisions keep citing the version they were made under (`Besluit.catalogus_versie`); every
app process takes the new version within seconds (`Omgeving.volg_versies`)."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from typing import ClassVar, Literal

from integraal.beheer import versies as gedeeld
from integraal.delen import Beslisser
from integraal.delen.catalogus import catalogus_uit_tekst, meegeleverde_tekst
from integraal.delen.evaluator import OnbekendeVoorwaarde
from integraal.delen.model import Catalogus, Effect, Regel
from integraal.delen.referenties import Verandering, effect, laad_referenties
from integraal.delen.verschil import Regelwijziging, Woorden, verschillen
from integraal.domein.fouten import NietGevonden, OngeldigeInvoer
from integraal.domein.invoer import Invoer, Uitvoer, veld
from integraal.domein.keuze import Keuze
from integraal.opslag import catalogus as opslag
from integraal.opslag.modellen import Catalogusversie
from integraal.verwerking import Context

VOORSTELLERS = gedeeld.VOORSTELLERS


class Versiestatus(Keuze):
    ACTIEF = "actief", "In werking"
    VOORGESTELD = "voorgesteld", "Wacht op goedkeuring"
    AFGEWEZEN = "afgewezen", "Afgewezen"
    VERVANGEN = "vervangen", "Vervangen"


class RegelUit(Uitvoer):
    id: str
    titel: str
    uitkomst: str
    van: str
    aan: str
    categorieen: str
    doelen: str
    grondslag: str
    wettekst: str | None
    voorwaarden: list[str]
    verplichtingen: str
    geldigheid: str
    toelichting: str


class CatalogusUit(Uitvoer):
    versie: str
    regels: list[RegelUit]


class VersieUit(Uitvoer):
    id: int
    versie: str
    status: Versiestatus
    status_label: str
    toelichting: str
    voorgesteld_door: str
    voorgesteld_op: dt.datetime
    beoordeeld_door: str | None
    beoordeeld_op: dt.datetime | None
    oordeel: str | None


class VeldwijzigingUit(Uitvoer):
    veld: str
    oud: str
    nieuw: str


class RegelwijzigingUit(Uitvoer):
    soort: Literal["toegevoegd", "verwijderd", "gewijzigd"]
    regel_id: str
    titel: str
    velden: list[VeldwijzigingUit]


class GevolgUit(Uitvoer):
    referentie: str
    omschrijving: str
    was: str
    wordt: str


class VoorstelUit(VersieUit):
    vergeleken_met: str
    wijzigingen: list[RegelwijzigingUit]
    gevolgen: list[GevolgUit]
    referenties: int
    mag_beoordelen: bool
    waarom_niet: str | None


class VoorstelIn(Invoer):
    tekst: str = veld(
        "De regelcatalogus (YAML)",
        hint="De hele catalogus, met een hoger versienummer bovenaan (versie).",
        min_length=10,
        max_length=500_000,
    )
    toelichting: str = veld(
        "Waarom deze wijziging",
        hint="Bijvoorbeeld de wet of het convenant dat verandert, en vanaf wanneer.",
        min_length=10,
        max_length=4000,
    )

    meldingen: ClassVar[dict[str, str]] = {
        "tekst": "Vul de hele regelcatalogus in.",
        "toelichting": "Leg in minstens 10 tekens uit waarom de regels veranderen.",
    }


class OordeelIn(gedeeld.OordeelIn):
    gevolgen_bedoeld: bool = veld(
        "Ik heb de veranderde besluiten van de referentieverzoeken bekeken; ze zijn bedoeld",
        standaard=False,
    )


def _regel(r: Regel, w: Woorden) -> RegelUit:
    g = r.grondslag
    geldig = []
    if r.geldig_van:
        geldig.append(f"vanaf {r.geldig_van:%d-%m-%Y}")
    if r.geldig_tot:
        geldig.append(f"tot en met {r.geldig_tot:%d-%m-%Y}")
    if not r.in_werking:
        geldig.append("nog niet in werking")
    p = r.verplichtingen
    return RegelUit(
        id=r.id,
        titel=r.titel,
        uitkomst="Toestaan" if r.effect is Effect.TOESTAAN else "Weigeren",
        van=w.veld("van", r.van),
        aan=w.veld("aan", r.aan),
        categorieen=w.veld("categorieen", r.categorieen),
        doelen=w.veld("doelen", r.doelen),
        grondslag=g.omschrijving + (f", artikel {g.artikel}" if g.artikel else ""),
        wettekst=g.url,
        voorwaarden=[w.voorwaarde(v) for v in r.voorwaarden],
        verplichtingen="; ".join(
            [
                *(["vastleggen in het logboek"] if p.loggen else []),
                *(["vier ogen"] if p.vierogen else []),
                *([f"bewaren: {p.bewaartermijn}"] if p.bewaartermijn else []),
                *([f"informeren: {p.notificatie}"] if p.notificatie else []),
            ]
        ),
        geldigheid=", ".join(geldig) or "altijd",
        toelichting=r.toelichting,
    )


def in_werking(ctx: Context) -> CatalogusUit:
    """The rules in force, for anyone signed in: they are the law of the platform."""
    b = ctx.beslisser
    w = Woorden(b.catalogus, b.register)
    # An explanation may name another rule by its code; a person reads its title.
    titels = {r.id: r.titel for r in b.catalogus.regels}
    codes = "|".join(map(re.escape, sorted(titels, key=len, reverse=True)))
    patroon = re.compile(rf"(?<![\w-])({codes})(?![\w-])")
    regels = [
        _regel(r, w).model_copy(
            update={"toelichting": patroon.sub(lambda m: f"‘{titels[m[1]]}’", r.toelichting)}
        )
        for r in b.catalogus.regels
    ]
    return CatalogusUit(versie=b.catalogus.versie, regels=regels)


def _mag_zien(ctx: Context) -> None:
    gedeeld.mag_voorstellen(ctx, VOORSTELLERS, "de regelcatalogus")


def _versie(ctx: Context, cv: Catalogusversie) -> dict[str, object]:
    status = Versiestatus(cv.status)
    return {
        "id": cv.id,
        "versie": cv.versie,
        "status": status,
        "status_label": status.label,
        "toelichting": cv.toelichting,
        "voorgesteld_door": gedeeld.naam(ctx, cv.voorgesteld_door),
        "voorgesteld_op": cv.voorgesteld_op,
        "beoordeeld_door": gedeeld.naam(ctx, cv.beoordeeld_door) if cv.beoordeeld_door else None,
        "beoordeeld_op": cv.beoordeeld_op,
        "oordeel": cv.oordeel,
    }


def tekst_in_werking(ctx: Context) -> str:
    """The YAML of the version in force: the starting point of a proposal."""
    _mag_zien(ctx)
    actief = opslag.actieve(ctx.sessie)
    return actief[1] if actief is not None else meegeleverde_tekst()


def te_beoordelen(ctx: Context) -> int:
    """Proposals this privacy officer may judge (not their own)."""
    return gedeeld.wachtend(ctx, Catalogusversie)


def versies(ctx: Context) -> list[VersieUit]:
    _mag_zien(ctx)
    return [VersieUit.model_validate(_versie(ctx, cv)) for cv in opslag.versies(ctx.sessie)]


def _lees(ctx: Context, tekst: str) -> Catalogus:
    """A proposal's text as the loader reads it, or the Dutch reason it cannot be."""
    catalogus = gedeeld.lees_yaml(catalogus_uit_tekst, tekst, "De catalogus")
    try:
        Beslisser(catalogus, ctx.beslisser.register)
    except OnbekendeVoorwaarde as exc:
        raise OngeldigeInvoer({"tekst": f"De catalogus noemt {exc}."}) from exc
    return catalogus


def stel_voor(ctx: Context, invoer: VoorstelIn) -> VersieUit:
    _mag_zien(ctx)
    catalogus = _lees(ctx, invoer.tekst)
    if opslag.op_naam(ctx.sessie, catalogus.versie) is not None:
        raise OngeldigeInvoer(
            {"tekst": f"Versie {catalogus.versie} bestaat al. Verhoog het versienummer."}
        )
    cv = Catalogusversie(
        versie=catalogus.versie,
        tekst=invoer.tekst,
        status=opslag.VOORGESTELD,
        toelichting=invoer.toelichting,
        voorgesteld_door=ctx.ik.gebruiker_id,
        voorgesteld_op=ctx.nu(),
    )
    opslag.bewaar(ctx.sessie, cv)
    ctx.audit("regelwijziging voorstellen", versie=cv.versie)
    return VersieUit.model_validate(_versie(ctx, cv))


def uitkomst_in_woorden(toegestaan: bool, regel_id: str | None, c: Catalogus) -> str:
    """'toegestaan: <rule's title>' — never the rule's id."""
    waarom = c.regeltitels(regel_id) if regel_id else "geen regel van toepassing"
    return f"{'toegestaan' if toegestaan else 'geweigerd'}: {waarom}"


def gevolgen_uit(
    gevolgen: Sequence[Verandering], was: Catalogus, wordt: Catalogus
) -> list[GevolgUit]:
    """The changed reference decisions, each outcome named by the rule of its catalogue."""
    return [
        GevolgUit(
            referentie=g.referentie.id,
            omschrijving=g.referentie.omschrijving,
            was=uitkomst_in_woorden(g.oud.toegestaan, g.oud.regel_id, was),
            wordt=uitkomst_in_woorden(g.nieuw.toegestaan, g.nieuw.regel_id, wordt),
        )
        for g in gevolgen
    ]


def wijziging_uit(w: Regelwijziging) -> RegelwijzigingUit:
    return RegelwijzigingUit(
        soort=w.soort,
        regel_id=w.regel_id,
        titel=w.titel,
        velden=[VeldwijzigingUit(veld=v.veld, oud=v.oud, nieuw=v.nieuw) for v in w.velden],
    )


def _van(ctx: Context, versie_id: int | str) -> Catalogusversie:
    nummer = gedeeld.nummer(versie_id)
    cv = opslag.versie(ctx.sessie, nummer) if nummer is not None else None
    if cv is None:
        raise NietGevonden("Deze versie van de regelcatalogus bestaat niet.")
    return cv


def _waarom_niet(ctx: Context, cv: Catalogusversie) -> str | None:
    """Why this person cannot judge this version now; None when they can."""
    return gedeeld.waarom_niet(
        ctx,
        cv.status == opslag.VOORGESTELD,
        cv.voorgesteld_door,
        gedeeld.alleen_privacy_officer(ctx, "de regelcatalogus"),
    )


def voorstel(ctx: Context, versie_id: int | str) -> VoorstelUit:
    """A version against the one in force: its changes rule by rule, and the reference
    requests whose decision would differ today."""
    _mag_zien(ctx)
    cv = _van(ctx, versie_id)
    huidig = ctx.beslisser
    nieuw = catalogus_uit_tekst(cv.tekst)
    referenties = laad_referenties()
    gevolgen = effect(referenties, huidig, Beslisser(nieuw, huidig.register), ctx.nu().date())
    waarom_niet = _waarom_niet(ctx, cv)
    return VoorstelUit.model_validate(
        {
            **_versie(ctx, cv),
            "vergeleken_met": huidig.catalogus.versie,
            "wijzigingen": [
                wijziging_uit(w) for w in verschillen(huidig.catalogus, nieuw, huidig.register)
            ],
            "gevolgen": gevolgen_uit(gevolgen, huidig.catalogus, nieuw),
            "referenties": len(referenties),
            "mag_beoordelen": waarom_niet is None,
            "waarom_niet": waarom_niet,
        }
    )


def beoordeel(ctx: Context, versie_id: int | str, invoer: OordeelIn) -> VersieUit:
    """Approve (the version comes into force at once) or reject, by a privacy officer who
    did not propose it. Approving a version that changes reference decisions asks the
    officer to confirm those changes are intended."""
    _mag_zien(ctx)
    cv = _van(ctx, versie_id)
    waarom_niet = _waarom_niet(ctx, cv)
    gedeeld.weiger(waarom_niet, cv.status == opslag.VOORGESTELD)
    cv.beoordeeld_door, cv.beoordeeld_op, cv.oordeel = (
        ctx.ik.gebruiker_id,
        ctx.nu(),
        invoer.toelichting,
    )
    if invoer.besluit == "afwijzen":
        cv.status = opslag.AFGEWEZEN
        ctx.audit("regelwijziging afwijzen", versie=cv.versie)
        return VersieUit.model_validate(_versie(ctx, cv))
    huidig = ctx.beslisser
    nieuw = Beslisser(catalogus_uit_tekst(cv.tekst), huidig.register)
    gevolgen = effect(laad_referenties(), huidig, nieuw, ctx.nu().date())
    gedeeld.bevestig_gevolgen(len(gevolgen), invoer.gevolgen_bedoeld)
    opslag.activeer(ctx.sessie, cv, ctx.nu())
    ctx.audit(
        "regelwijziging goedkeuren",
        versie=cv.versie,
        vorige=huidig.catalogus.versie,
        gevolgen=len(gevolgen),
    )
    return VersieUit.model_validate(_versie(ctx, cv))
