# SPDX-License-Identifier: EUPL-1.2
"""iCOV: a participant asks for an asset report (iRVI) or a relations report (iRR) about the
subjects it names, for an investigation (with the officer's order, art. 126nd Sv) or for tax
collection; iCOV composes the report from the participants' deliveries, a second iCOV person
approves it, and it goes to the requester only. Every step is decided and logged.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Sequence
from typing import Any, ClassVar

from followthemoney import model
from pydantic import Field

from integraal.casus.signalen import Kenmerk, KenmerkSoort, kenmerk_tekst, opgeslagen
from integraal.delen import Besluit, waarom
from integraal.delen.model import Onderdeel, Partnerregister, Vierogenstap
from integraal.domein.actor import Actor
from integraal.domein.fouten import Conflict, GeenToegang, NietGevonden, OngeldigeInvoer
from integraal.domein.invoer import Invoer, OptioneleTekst, Uitvoer, veld
from integraal.domein.keuze import Keuze
from integraal.domein.labels import schema_label, toonbare_waarde
from integraal.domein.rollen import Rol
from integraal.kruis.netwerk import RELATIE_LABELS, Relatie, randen
from integraal.opslag import beheer
from integraal.opslag import verbanden as opslag
from integraal.opslag.modellen import Rapportageverzoek
from integraal.toegang import rapportages as deur
from integraal.toegang.lezen import Entiteitbeeld
from integraal.verwerking import Context

# Who may ask (our simplification of "geautoriseerde aanvrager" until the iCOV covenant's
# list of authorised officials is modelled): analysts and investigating officials.
AANVRAGERS = frozenset({Rol.ANALIST, Rol.OPSPORINGSAMBTENAAR, Rol.HULPOFFICIER, Rol.OFFICIER})
MEDEWERKERS = frozenset({Rol.ANALIST, Rol.COORDINATOR})
KENMERKEN = frozenset({KenmerkSoort.BSN, KenmerkSoort.KVK, KenmerkSoort.RSIN})
# Which relations each report shows.
IN_RAPPORT: dict[str, frozenset[Relatie]] = {
    "irvi": frozenset({Relatie.REKENING, Relatie.VOERTUIG, Relatie.EIGENDOM}),
    "irr": frozenset({Relatie.BESTUUR, Relatie.EIGENDOM, Relatie.OVERIG, Relatie.ADRES}),
}


class Rapportagesoort(Keuze):
    IRVI = "irvi", "Vermogensrapportage (iRVI)"
    IRR = "irr", "Relatierapportage (iRR)"


class Rapportagedoel(Keuze):
    OPSPORING = "strafrechtelijk_onderzoek", "Opsporing, met een vordering van de officier"
    INNING = "invordering", "Inning van belastingschulden"


class Rapportagestatus(Keuze):
    GEWEIGERD = "geweigerd", "Geweigerd door de deelregels"
    INGEDIEND = "ingediend", "Ingediend, wacht op iCOV"
    OPGESTELD = "opgesteld", "Opgesteld, wacht op een tweede medewerker"
    GELEVERD = "geleverd", "Geleverd aan de aanvrager"
    AFGEWEZEN = "afgewezen", "Afgewezen door iCOV"


class RapportageverzoekIn(Invoer):
    soort: Rapportagesoort = veld("Soort rapportage")
    doel: Rapportagedoel = veld("Doel")
    onderzoek: str = veld(
        "Onderzoek",
        hint="De naam of het nummer van het onderzoek of dossier, in 3 tot 300 tekens.",
        min_length=3,
        max_length=300,
    )
    vordering: OptioneleTekst = veld(
        "Vordering van de officier van justitie",
        hint="Bij opsporing verplicht: het kenmerk van de vordering (art. 126nd Sv).",
        standaard=None,
        max_length=300,
    )
    kenmerken: list[Kenmerk] = veld(
        "Subjecten",
        hint="BSN, KvK-nummer of RSIN van de personen en bedrijven waarover u een rapportage "
        "vraagt.",
        min_length=1,
        max_length=20,
    )

    meldingen: ClassVar[dict[str, str]] = {
        "soort": "Kies de soort rapportage.",
        "doel": "Kies waarvoor u de rapportage nodig heeft.",
        "onderzoek": "Noem het onderzoek of dossier in 3 tot 300 tekens.",
        "kenmerken": "Noem minstens één subject met zijn BSN, KvK-nummer of RSIN.",
    }


class RedenIn(Invoer):
    reden: str = veld("Reden", min_length=5, max_length=2000)

    meldingen: ClassVar[dict[str, str]] = {"reden": "Geef een reden van minstens 5 tekens."}


class Rapportregel(Uitvoer):
    soort: str
    omschrijving: str
    bronnen: list[str]


class Rapportsubject(Uitvoer):
    naam: str
    soort: str
    kenmerk: str
    regels: list[Rapportregel]


class RapportageverzoekUit(Uitvoer):
    id: str
    soort: Rapportagesoort
    doel: Rapportagedoel
    organisatie: str
    onderzoek: str
    vordering: str | None
    kenmerken: list[str]
    status: Rapportagestatus
    aangevraagd_op: dt.datetime
    reden: str | None
    uitleg: str | None = None
    rapport: list[Rapportsubject] = Field(default_factory=list)
    niet_gevonden: list[str] = Field(default_factory=list)
    opgesteld_op: dt.datetime | None = None
    mag_opstellen: bool = False
    mag_goedkeuren: bool = False

    @classmethod
    def van(
        cls, v: Rapportageverzoek, *, met_rapport: bool = False, ctx: Context | None = None
    ) -> RapportageverzoekUit:
        icov = ctx is not None and ctx.ik.organisatie_id == v.verband_id
        return cls(
            id=v.id,
            soort=Rapportagesoort(v.soort),
            doel=Rapportagedoel(v.doel),
            organisatie=v.organisatie_id,
            onderzoek=v.onderzoek,
            vordering=v.vordering,
            kenmerken=[kenmerk_tekst(k) for k in v.kenmerken],
            status=Rapportagestatus(v.status),
            aangevraagd_op=v.aangevraagd_op,
            reden=v.reden,
            uitleg=v.besluit.get("uitleg"),
            rapport=[Rapportsubject.model_validate(s) for s in v.rapport.get("subjecten", [])]
            if met_rapport
            else [],
            niet_gevonden=list(v.rapport.get("niet_gevonden", [])) if met_rapport else [],
            opgesteld_op=v.opgesteld_op,
            mag_opstellen=icov and v.status == Rapportagestatus.INGEDIEND.value,
            mag_goedkeuren=icov
            and ctx is not None
            and v.status == Rapportagestatus.OPGESTELD.value
            and v.opgesteld_door != ctx.ik.gebruiker_id,
        )


# --- Services ----------------------------------------------------------------------------------


def mag_aanvragen(register: Partnerregister, actor: Actor) -> bool:
    """Whether the person may ask iCOV for a report: an authorised role at a participant of a
    partnership that makes reports (the menu asks; the rules decide on each request)."""
    if actor.rol not in AANVRAGERS:
        return False
    vandaag = dt.date.today()
    return any(
        actor.organisatie_id in register.deelnemers_op(v.id, vandaag)
        for v in register.verbanden(Onderdeel.RAPPORTAGES)
    )


def _icov(ctx: Context) -> str:
    register = ctx.beslisser.register
    verbanden = register.verbanden(Onderdeel.RAPPORTAGES)
    if not verbanden:
        raise Conflict("Er is geen samenwerkingsverband dat rapportages maakt.")
    return verbanden[0].id


def _feiten(ctx: Context, v: Rapportageverzoek) -> frozenset[str]:
    feiten = {"geautoriseerde_aanvrager"} if _aanvrager_rol(ctx, v) else set()
    if v.vordering:
        feiten.add("ovj_vordering")
    return frozenset(feiten)


def _aanvrager_rol(ctx: Context, v: Rapportageverzoek) -> bool:
    g = beheer.gebruiker(ctx.sessie, v.aangevraagd_door)
    return g is not None and Rol(g.rol) in AANVRAGERS


def _levering(ctx: Context, v: Rapportageverzoek) -> Besluit:
    """May iCOV provide this report to the requester? Decided at the request and again at
    delivery, so a designation or rule that changed in between counts."""
    return ctx.beslis(
        van=v.verband_id,
        aan=v.organisatie_id,
        categorie=v.soort,
        doel=v.doel,
        feiten=_feiten(ctx, v),
    )


def vraag_aan(ctx: Context, invoer: RapportageverzoekIn) -> RapportageverzoekUit:
    """A participant asks iCOV. The rules decide now whether the report could be provided;
    a refusal is recorded with its explanation and nothing goes to iCOV."""
    actor = ctx.ik
    icov = _icov(ctx)
    fouten: dict[str, str] = {}
    if any(k.soort not in KENMERKEN for k in invoer.kenmerken):
        fouten["kenmerken"] = "iCOV zoekt op BSN, KvK-nummer of RSIN."
    if invoer.doel is Rapportagedoel.OPSPORING and not invoer.vordering:
        fouten["vordering"] = "Bij opsporing is een vordering van de officier van justitie nodig."
    if fouten:
        raise OngeldigeInvoer(fouten)
    v = Rapportageverzoek(
        id=opslag.volgend_nummer(ctx.sessie, Rapportageverzoek, "R", ctx.nu().year),
        soort=invoer.soort.value,
        doel=invoer.doel.value,
        verband_id=icov,
        organisatie_id=actor.organisatie_id,
        aangevraagd_door=actor.gebruiker_id,
        aangevraagd_op=ctx.nu(),
        onderzoek=invoer.onderzoek,
        vordering=invoer.vordering,
        kenmerken=opgeslagen(ctx.pseudoniem_sleutel, invoer.kenmerken),
        status=Rapportagestatus.INGEDIEND.value,
        rapport={},
    )
    levering = _levering(ctx, v)
    catalogus, register = ctx.beslisser.catalogus, ctx.beslisser.register
    v.besluit = {
        "toegestaan": levering.toegestaan,
        "regelId": levering.regel_id,
        "besluitId": levering.besluit_id,
        "waarom": dataclasses.asdict(waarom(levering, catalogus, register)),
        "uitleg": " ".join(
            [waarom(levering, catalogus, register).samenvatting]
            + [
                f"Nog niet voldaan: {t.label}."
                for t in waarom(levering, catalogus, register).niet_voldaan
            ]
        ),
    }
    if not levering.toegestaan:
        v.status = Rapportagestatus.GEWEIGERD.value
        beheer.bewaar(ctx.sessie, v)
        ctx.audit("rapportage aanvragen", "geweigerd", verzoek=v.id)
        return RapportageverzoekUit.van(v)
    # Naming the subjects to iCOV is itself a provision.
    besluit = ctx.vereis(
        ctx.beslis(van=actor.organisatie_id, aan=icov, categorie="identifiers", doel=v.doel)
    )
    beheer.bewaar(ctx.sessie, v)
    ctx.log(
        ctx.verwerking(
            besluit,
            naam="rapportage aanvragen",
            doel=v.doel,
            verstrekker=actor.organisatie_id,
            ontvanger=icov,
            categorieen=("identifiers",),
            betrokkene=b.id,
            betrokkene_soort=b.soort,
        )
        for b in deur.betrokkenen(v)
    )
    ctx.audit("rapportage aanvragen", "ingediend", verzoek=v.id)
    return RapportageverzoekUit.van(v)


class RapportageverzoekKop(Uitvoer):
    """A request in a list: no subjects and no report, so a list reads no personal data."""

    id: str
    soort: Rapportagesoort
    doel: Rapportagedoel
    organisatie: str
    onderzoek: str
    status: Rapportagestatus
    aangevraagd_op: dt.datetime
    subjecten: int


def lijst(ctx: Context) -> list[RapportageverzoekKop]:
    """iCOV staff: the requests iCOV received (a refused one never reached it); anyone else:
    their own requests."""
    werkwijze = ctx.beslisser.register.werkwijze(ctx.ik.organisatie_id)
    if werkwijze is not None and werkwijze.heeft(Onderdeel.RAPPORTAGES):
        koppen = [
            k
            for k in opslag.rapportageverzoeken(ctx.sessie, verband_id=ctx.ik.organisatie_id)
            if k.status != Rapportagestatus.GEWEIGERD.value
        ]
    else:
        koppen = opslag.rapportageverzoeken(ctx.sessie, aanvrager=ctx.ik.gebruiker_id)
    return [
        RapportageverzoekKop(
            id=k.id,
            soort=Rapportagesoort(k.soort),
            doel=Rapportagedoel(k.doel),
            organisatie=k.organisatie_id,
            onderzoek=k.onderzoek,
            status=Rapportagestatus(k.status),
            aangevraagd_op=k.aangevraagd_op,
            subjecten=k.subjecten,
        )
        for k in koppen
    ]


def lees(ctx: Context, verzoek_id: str) -> RapportageverzoekUit:
    """The request; with its report for iCOV staff (once composed) and for the requester (once
    delivered), each such read decided and logged."""
    v = deur.een(ctx, verzoek_id)
    icov = ctx.ik.organisatie_id == v.verband_id
    zichtbaar = (icov and v.status != Rapportagestatus.INGEDIEND.value and v.rapport) or (
        not icov and v.status == Rapportagestatus.GELEVERD.value
    )
    if zichtbaar:
        v = deur.rapport(ctx, verzoek_id, _feiten(ctx, v))
    return RapportageverzoekUit.van(v, met_rapport=bool(zichtbaar), ctx=ctx)


def _medewerker(ctx: Context, verzoek_id: str, status: Rapportagestatus) -> Rapportageverzoek:
    if ctx.ik.rol not in MEDEWERKERS:
        ctx.audit("rapportageverzoek behandelen", "geweigerd", verzoek=verzoek_id)
        raise GeenToegang("alleen analisten en coördinatoren van iCOV behandelen verzoeken")
    v = deur.een(ctx, verzoek_id, naam="rapportageverzoek behandelen")
    if ctx.ik.organisatie_id != v.verband_id:
        raise NietGevonden(deur.NIET_GEVONDEN)
    if v.status != status.value:
        raise Conflict(
            f"Dit verzoek is {Rapportagestatus(v.status).label.lower()}; dat kan nu niet."
        )
    return v


def stel_op(ctx: Context, verzoek_id: str) -> RapportageverzoekUit:
    """iCOV composes the report from what the participants delivered to it."""
    v = _medewerker(ctx, verzoek_id, Rapportagestatus.INGEDIEND)
    samenstelling = deur.stel_samen(ctx, v)
    v.rapport = _rapport(v, samenstelling)
    v.status = Rapportagestatus.OPGESTELD.value
    v.opgesteld_door, v.opgesteld_op = ctx.ik.gebruiker_id, ctx.nu()
    return RapportageverzoekUit.van(v, met_rapport=True, ctx=ctx)


def keur_goed(ctx: Context, verzoek_id: str) -> None:
    """A second iCOV person approves; the report goes to the requester only."""
    v = _medewerker(ctx, verzoek_id, Rapportagestatus.OPGESTELD)
    werkwijze = ctx.beslisser.register.werkwijze(v.verband_id)
    vier_ogen = werkwijze is None or werkwijze.vier_ogen(Vierogenstap.RAPPORTAGE)
    if vier_ogen and v.opgesteld_door == ctx.ik.gebruiker_id:
        raise GeenToegang(
            "wie de rapportage opstelde, keurt haar niet zelf goed (vierogenprincipe)"
        )
    besluit = ctx.vereis(_levering(ctx, v))
    deur.verstrek(ctx, v, besluit)
    v.status = Rapportagestatus.GELEVERD.value
    v.beoordeeld_door, v.beoordeeld_op = ctx.ik.gebruiker_id, ctx.nu()
    ctx.audit("rapportage leveren", verzoek=v.id, subjecten=len(v.rapport.get("subjecten", [])))


def wijs_af(ctx: Context, verzoek_id: str, invoer: RedenIn) -> None:
    v = deur.een(ctx, verzoek_id, naam="rapportageverzoek behandelen")
    if ctx.ik.organisatie_id != v.verband_id or ctx.ik.rol not in MEDEWERKERS:
        raise NietGevonden(deur.NIET_GEVONDEN)
    if v.status not in (Rapportagestatus.INGEDIEND.value, Rapportagestatus.OPGESTELD.value):
        raise Conflict("Dit verzoek is al afgehandeld.")
    v.status, v.reden = Rapportagestatus.AFGEWEZEN.value, invoer.reden
    v.beoordeeld_door, v.beoordeeld_op = ctx.ik.gebruiker_id, ctx.nu()
    ctx.audit("rapportageverzoek afwijzen", verzoek=v.id)


def te_behandelen(ctx: Context) -> int:
    """For iCOV staff: requests that wait for composing or for a second person (a count)."""
    return opslag.aantal_rapportageverzoeken(
        ctx.sessie,
        ctx.ik.organisatie_id,
        [Rapportagestatus.INGEDIEND.value, Rapportagestatus.OPGESTELD.value],
    )


# --- The report, from what composing read (pure) -------------------------------------------------


def _naam(b: Entiteitbeeld | None, standaard: str) -> str:
    if b is None:
        return standaard
    e = b.eigenschappen
    for prop in ("name", "full", "iban", "accountNumber", "registrationNumber", "title"):
        if e.get(prop):
            return e[prop][0]
    return schema_label(b.schema)


def _rapport(v: Rapportageverzoek, s: deur.Samenstelling) -> dict[str, Any]:
    beelden = s.beelden
    schemas = {i: b.schema for i, b in beelden.items()}
    alle = randen(s.relaties, schemas)
    soorten = IN_RAPPORT[v.soort]
    subjecten: list[dict[str, Any]] = []
    niet_gevonden: list[str] = []
    genoemd: set[str] = set()
    for k in v.kenmerken:
        ids = [i for i in s.per_kenmerk.get(k["waarde"], []) if i in beelden]
        if not ids:
            niet_gevonden.append(kenmerk_tekst(k))
            continue
        for eid in ids:
            subject, namen = _subject(k, eid, beelden, alle, soorten)
            subjecten.append(subject)
            genoemd |= {eid, *namen}
    betrokkenen = [
        {"betrokkene": s.pseudoniemen[e], "betrokkene_soort": "BSN-pseudoniem"}
        if e in s.pseudoniemen
        else {"betrokkene": e, "betrokkene_soort": f"entiteit:{beelden[e].schema}"}
        for e in sorted(genoemd)
        if _is_partij(beelden[e].schema)
    ]
    return {"subjecten": subjecten, "niet_gevonden": niet_gevonden, "betrokkenen": betrokkenen}


def _is_partij(schema: str) -> bool:
    """A person or an organisation: someone a report can name (an account or car is named
    through its holder)."""
    s = model.get(schema)
    return s is not None and s.is_a("LegalEntity")


def _bijzonderheden(via: Entiteitbeeld | None) -> list[str]:
    """What a relation says besides its two ends, in words: a share, a role, since when."""
    if via is None:
        return []
    e = via.eigenschappen
    uit = []
    if e.get("percentage"):
        uit.append(f"aandeel {e['percentage'][0].rstrip('%')}%")
    for prop in ("role", "relationship"):
        if e.get(prop):
            uit.append(e[prop][0])
    if e.get("startDate"):
        uit.append(f"sinds {toonbare_waarde(via.schema, 'startDate', e['startDate'][0])}")
    return uit


def _subject(
    k: dict[str, str],
    eid: str,
    beelden: dict[str, Entiteitbeeld],
    alle: Sequence[Any],
    soorten: frozenset[Relatie],
) -> tuple[dict[str, Any], set[str]]:
    """The subject's part of the report, and the entities its lines name."""
    b = beelden[eid]
    regels = []
    genoemd: set[str] = set()
    for r in alle:
        if eid not in (r.van, r.naar) or r.soort not in soorten:
            continue
        ander = beelden.get(r.ander(eid))
        via = beelden.get(r.via)
        if ander is not None:
            genoemd.add(ander.id)
        extra = _bijzonderheden(via)
        tekst = f"{_naam(ander, 'onbekend')} ({schema_label(ander.schema) if ander else '—'})"
        if extra:
            tekst += ", " + ", ".join(extra)
        bronnen = sorted(
            {h.bron for h in (via.herkomst if via else [])}
            | ({h.bron for h in ander.herkomst} if ander else set())
        )
        regels.append({"soort": RELATIE_LABELS[r.soort], "omschrijving": tekst, "bronnen": bronnen})
    regels.sort(key=lambda x: (x["soort"], x["omschrijving"]))
    return {
        "naam": _naam(b, "onbekend"),
        "soort": schema_label(b.schema),
        "kenmerk": kenmerk_tekst(k),
        "regels": regels,
    }, genoemd
