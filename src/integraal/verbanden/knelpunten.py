# SPDX-License-Identifier: EUPL-1.2
"""The register of sharing bottlenecks ("knelpunten"): where lawful sharing got stuck, why, and
what was done about it (the Taskforce gegevensdeling's "onderliggende patronen").

An entry is made in one step from a refused deelwijzer answer or a refused or declined data
request, or by hand. It copies no personal data: only the rule, the partners, the categories,
the purpose and the reason; free text that looks like it identifies a person is refused.
"""

from __future__ import annotations

import datetime as dt
from typing import Any, ClassVar

from pydantic import Field, field_validator

from integraal.delen import Waarom, in_woorden
from integraal.delen.uitleg import Toetsuitkomst
from integraal.domein.casus import DeelverzoekStatus
from integraal.domein.fouten import Conflict, GeenToegang, NietGevonden, OngeldigeInvoer
from integraal.domein.identificatie import kenmerk_in
from integraal.domein.invoer import Datum, Invoer, OptioneleTekst, Uitvoer, veld
from integraal.domein.knelpunt import (
    Knelpuntbron,
    Knelpuntsoort,
    Knelpuntstatus,
    Knelpuntthema,
    Oplossingssoort,
)
from integraal.domein.rollen import Rol
from integraal.opslag import beheer
from integraal.opslag import casussen as casusopslag
from integraal.opslag import knelpunten as opslag
from integraal.opslag.modellen import Knelpunt
from integraal.toegang.deelwijzer import DeelVraag, vraag_deelwijzer
from integraal.verwerking import Context

GEEN_REGEL = "standaard weigeren"


# Who keeps the register: besides whoever made an entry, these roles at an organisation that is
# a party to it (or at a partnership) classify, escalate and resolve. Reading: the parties, the
# partnerships, policy staff and privacy officers; the free text is meant to name no one, but
# a name cannot be detected, so the register is not open to every signed-in user.
BEHEERDERS = frozenset({Rol.PRIVACY_OFFICER, Rol.COORDINATOR, Rol.BELEIDSMEDEWERKER})


def _zonder_kenmerk(waarde: str | None) -> str | None:
    if waarde is None:
        return None
    soort = kenmerk_in(waarde)
    if soort is not None:
        raise ValueError(
            f"Dit lijkt {soort} te bevatten. Het register bevat geen persoonsgegevens: "
            "beschrijf het knelpunt zonder te zeggen over wie het ging."
        )
    return waarde


class Indeling(Invoer):
    thema: Knelpuntthema | None = veld("Thema", hint="Leeg: nog niet ingedeeld.", standaard=None)
    soort: Knelpuntsoort | None = veld(
        "Soort knelpunt", hint="Leeg: juridische interpretatie.", standaard=None
    )


class KnelpuntIn(Indeling):
    titel: str = veld(
        "Titel", hint="Een korte naam, 5 tot 300 tekens.", min_length=5, max_length=300
    )
    omschrijving: str = veld(
        "Wat ging er mis?",
        hint="Welke gegevens konden niet worden gedeeld, tussen wie en waarom. Noem geen personen.",
        min_length=20,
        max_length=5000,
    )
    verstrekker: OptioneleTekst = veld("Verstrekker", standaard=None, max_length=80)
    ontvanger: OptioneleTekst = veld("Ontvanger", standaard=None, max_length=80)
    categorieen: list[str] = veld("Gegevenscategorieën", standaard=[], max_length=20)
    doel: OptioneleTekst = veld("Doel", standaard=None, max_length=60)
    regels: list[str] = veld("Deelregels", standaard=[], max_length=20)

    meldingen: ClassVar[dict[str, str]] = {
        "titel": "Geef het knelpunt een titel van 5 tot 300 tekens.",
        "omschrijving": "Beschrijf in minstens 20 tekens wat er misging, zonder namen.",
    }

    _veilig = field_validator("titel", "omschrijving")(_zonder_kenmerk)


class UitDeelverzoek(Indeling):
    """One step from a refused or declined request: the request names everything else."""


class UitDeelwijzer(DeelVraag):
    """One step from a refused deelwijzer answer: the question is asked again, so the entry
    records the engine's answer, not what a form claimed it was."""

    thema: Knelpuntthema | None = veld("Thema", standaard=None)
    soort: Knelpuntsoort | None = veld("Soort knelpunt", standaard=None)


class EscalatieIn(Invoer):
    naar: str = veld(
        "Geëscaleerd naar",
        hint="Bijvoorbeeld de Taskforce gegevensdeling, de stuurgroep of het ministerie.",
        min_length=3,
        max_length=200,
    )
    datum: Datum | None = veld("Datum", hint="Leeg: vandaag.", standaard=None)
    uitkomst: OptioneleTekst = veld(
        "Uitkomst van de escalatie",
        hint="Leeg als die er nog niet is.",
        standaard=None,
        max_length=5000,
    )

    meldingen: ClassVar[dict[str, str]] = {"naar": "Noem waarheen het knelpunt is geëscaleerd."}

    _veilig = field_validator("naar", "uitkomst")(_zonder_kenmerk)


class OplossingIn(Invoer):
    soort: Oplossingssoort = veld("Soort oplossing")
    oplossing: str = veld(
        "Oplossing",
        hint="Wat is er gedaan, bijvoorbeeld een wetsvoorstel of een nieuw convenant.",
        min_length=10,
        max_length=5000,
    )
    datum: Datum | None = veld("Datum", hint="Leeg: vandaag.", standaard=None)

    meldingen: ClassVar[dict[str, str]] = {
        "soort": "Kies de soort oplossing.",
        "oplossing": "Beschrijf de oplossing in minstens 10 tekens.",
    }

    _veilig = field_validator("oplossing")(_zonder_kenmerk)


class HergebruikIn(Invoer):
    waar: str = veld(
        "Waar is de oplossing hergebruikt?",
        hint="Bijvoorbeeld een ander RIEC, een andere haven of een ander verband.",
        min_length=3,
        max_length=300,
    )
    datum: Datum | None = veld("Datum", hint="Leeg: vandaag.", standaard=None)

    meldingen: ClassVar[dict[str, str]] = {"waar": "Noem waar de oplossing is hergebruikt."}

    _veilig = field_validator("waar")(_zonder_kenmerk)


class KnelpuntFilter(Invoer):
    thema: Knelpuntthema | None = veld("Thema", standaard=None)
    status: Knelpuntstatus | None = veld("Status", standaard=None)


class HergebruikUit(Uitvoer):
    waar: str
    datum: dt.date


class KnelpuntUit(Uitvoer):
    id: str
    titel: str
    bron: Knelpuntbron
    thema: Knelpuntthema | None
    soort: Knelpuntsoort
    status: Knelpuntstatus
    verstrekker: str | None
    ontvanger: str | None
    verband: str | None
    categorieen: list[str]
    doel: str | None
    regels: list[str]
    omschrijving: str
    escalatie_naar: str | None
    geescaleerd_op: dt.date | None
    escalatie_uitkomst: str | None
    oplossing_soort: Oplossingssoort | None
    oplossing: str | None
    opgelost_op: dt.date | None
    hergebruik: list[HergebruikUit] = Field(default_factory=list)
    aangemaakt_op: dt.datetime
    organisatie: str
    mag_beheren: bool = False

    @classmethod
    def van(cls, k: Knelpunt, mag_beheren: bool = False) -> KnelpuntUit:
        return cls(
            id=k.id,
            titel=k.titel,
            bron=Knelpuntbron(k.bron),
            thema=Knelpuntthema(k.thema) if k.thema else None,
            soort=Knelpuntsoort(k.soort),
            status=Knelpuntstatus(k.status),
            verstrekker=k.verstrekker_id,
            ontvanger=k.ontvanger_id,
            verband=k.verband_id,
            categorieen=list(k.categorieen),
            doel=k.doel,
            regels=list(k.regels),
            omschrijving=k.omschrijving,
            escalatie_naar=k.escalatie_naar,
            geescaleerd_op=k.geescaleerd_op,
            escalatie_uitkomst=k.escalatie_uitkomst,
            oplossing_soort=Oplossingssoort(k.oplossing_soort) if k.oplossing_soort else None,
            oplossing=k.oplossing,
            opgelost_op=k.opgelost_op,
            hergebruik=[HergebruikUit.model_validate(h) for h in k.hergebruik],
            aangemaakt_op=k.aangemaakt_op,
            organisatie=k.organisatie_id,
            mag_beheren=mag_beheren,
        )


# --- Services ----------------------------------------------------------------------------------


def _verband(ctx: Context, *org_ids: str | None) -> str | None:
    """The partnership a bottleneck concerns: the first of the parties that is one."""
    for org in org_ids:
        if org and ctx.beslisser.register.werkwijze(org) is not None:
            return org
    return None


def _bewaar(ctx: Context, k: Knelpunt, **details: str) -> KnelpuntUit:
    k.id = opslag.volgend_nummer(ctx.sessie, ctx.nu().year)
    k.organisatie_id, k.aangemaakt_door = ctx.ik.organisatie_id, ctx.ik.gebruiker_id
    k.aangemaakt_op = k.gewijzigd_op = ctx.nu()
    k.status = Knelpuntstatus.OPEN.value
    beheer.bewaar(ctx.sessie, k)
    ctx.audit("knelpunt vastleggen", knelpunt=k.id, bron=k.bron, **details)
    return KnelpuntUit.van(k, True)


def _controleer(ctx: Context, invoer: KnelpuntIn) -> None:
    register, catalogus = ctx.beslisser.register, ctx.beslisser.catalogus
    fouten: dict[str, str] = {}
    for naam, org in (("verstrekker", invoer.verstrekker), ("ontvanger", invoer.ontvanger)):
        if org is not None:
            try:
                register.zoek(org)
            except KeyError:
                fouten[naam] = "Kies een organisatie uit de lijst."
    if any(c not in catalogus.categorieen for c in invoer.categorieen):
        fouten["categorieen"] = "Kies alleen categorieën uit de lijst."
    if invoer.doel is not None and invoer.doel not in catalogus.doelen:
        fouten["doel"] = "Kies een doel uit de lijst."
    regels = {r.id for r in catalogus.regels}
    if any(r not in regels for r in invoer.regels):
        fouten["regels"] = "Kies alleen deelregels uit de lijst."
    if fouten:
        raise OngeldigeInvoer(fouten)


def leg_vast(ctx: Context, invoer: KnelpuntIn) -> KnelpuntUit:
    """An entry by hand, for a bottleneck that did not show as a refusal in Integraal."""
    _controleer(ctx, invoer)
    k = Knelpunt(
        titel=invoer.titel,
        bron=Knelpuntbron.HANDMATIG.value,
        thema=invoer.thema.value if invoer.thema else None,
        soort=(invoer.soort or Knelpuntsoort.JURIDISCH).value,
        verstrekker_id=invoer.verstrekker,
        ontvanger_id=invoer.ontvanger,
        verband_id=_verband(ctx, invoer.ontvanger, invoer.verstrekker),
        categorieen=list(invoer.categorieen),
        doel=invoer.doel,
        regels=list(invoer.regels),
        omschrijving=invoer.omschrijving,
        hergebruik=[],
    )
    return _bewaar(ctx, k)


def uit_deelverzoek(ctx: Context, deelverzoek_id: str, invoer: UitDeelverzoek) -> KnelpuntUit:
    """A refused (by the rules) or declined (by the partner) request becomes an entry in one
    step. Who may: a member of the requesting case, or the providing organisation."""
    dv = casusopslag.deelverzoek(ctx.sessie, deelverzoek_id)
    c = beheer.casus(ctx.sessie, dv.casus_id) if dv is not None else None
    if (
        dv is None
        or c is None
        or not (
            ctx.ik.gebruiker_id
            in beheer.casus_leden(ctx.sessie, dv.casus_id, sinds=ctx.bevestigd_sinds())
            or (
                ctx.ik.organisatie_id in (dv.verstrekker_id, c.verband_id)
                and ctx.ik.rol in BEHEERDERS | {Rol.ANALIST}
            )
        )
    ):
        raise NietGevonden("dit deelverzoek bestaat niet of u heeft er geen toegang toe")
    status = DeelverzoekStatus(dv.status)
    if status not in (DeelverzoekStatus.GEWEIGERD, DeelverzoekStatus.AFGEWEZEN):
        raise Conflict("Alleen een geweigerd of afgewezen verzoek wordt een knelpunt.")
    bestaand = opslag.uit_bron(ctx.sessie, "deelverzoek", deelverzoek_id)
    if bestaand is not None:
        raise Conflict(f"Dit verzoek is al vastgelegd als knelpunt {bestaand.id}.")
    catalogus, register = ctx.beslisser.catalogus, ctx.beslisser.register
    verstrekker, ontvanger = register.naam(dv.verstrekker_id), register.naam(c.verband_id)
    if status is DeelverzoekStatus.GEWEIGERD:
        geweigerd = [b for b in dv.besluiten if not b.get("toegestaan")]
        categorieen = [str(b["categorie"]) for b in geweigerd]
        regels = sorted({str(b.get("regelId") or GEEN_REGEL) for b in geweigerd})
        # The explanation is made from rules, partners and categories only (no person).
        redenen = [
            f"{catalogus.categorie_label(str(b['categorie']))}: {_in_woorden(b)}" for b in geweigerd
        ]
        bron, soort = Knelpuntbron.DEELVERZOEK, Knelpuntsoort.JURIDISCH
        namen = ", ".join(catalogus.categorie_label(c_) for c_ in categorieen)
        titel = f"{namen} van {verstrekker} aan {ontvanger} geweigerd"
    else:
        categorieen, regels = list(dv.categorieen), []
        # The partner's own reason is free text and may name the person: it stays with the
        # request (for the case's members); the register gets the fact.
        redenen = [
            "De partner wees het verzoek af. De reden staat bij het verzoek in de casus; vul "
            "hier aan wat het knelpunt is, zonder personen te noemen."
        ]
        bron, soort = Knelpuntbron.AFGEWEZEN, Knelpuntsoort.ORGANISATORISCH
        namen = ", ".join(catalogus.categorie_label(c_) for c_ in categorieen)
        titel = f"Verzoek om {namen} aan {verstrekker} afgewezen"
    k = Knelpunt(
        titel=titel[:300],
        bron=bron.value,
        bron_id=deelverzoek_id,
        thema=invoer.thema.value if invoer.thema else None,
        soort=(invoer.soort or soort).value,
        verstrekker_id=dv.verstrekker_id,
        ontvanger_id=c.verband_id,
        verband_id=c.verband_id,
        categorieen=categorieen,
        doel=c.doel,
        regels=regels,
        omschrijving="\n".join(redenen),
        hergebruik=[],
    )
    return _bewaar(ctx, k, deelverzoek=deelverzoek_id)


def uit_deelwijzer(ctx: Context, vraag: UitDeelwijzer) -> KnelpuntUit:
    """A refused deelwijzer answer becomes an entry in one step (the question is asked again)."""
    antwoord = vraag_deelwijzer(ctx, vraag)
    if antwoord.toegestaan:
        raise Conflict("De deelregels staan dit toe: er is geen knelpunt om vast te leggen.")
    catalogus, register = ctx.beslisser.catalogus, ctx.beslisser.register
    reden = in_woorden(antwoord.waarom)
    k = Knelpunt(
        titel=(
            f"{catalogus.categorie_label(vraag.categorie)} van {register.naam(vraag.van)} "
            f"aan {register.naam(vraag.aan)} niet toegestaan"
        )[:300],
        bron=Knelpuntbron.DEELWIJZER.value,
        bron_id=antwoord.besluit_id,
        thema=vraag.thema.value if vraag.thema else None,
        soort=(vraag.soort or Knelpuntsoort.JURIDISCH).value,
        verstrekker_id=vraag.van,
        ontvanger_id=vraag.aan,
        verband_id=_verband(ctx, vraag.aan, vraag.van),
        categorieen=[vraag.categorie],
        doel=vraag.doel,
        regels=[antwoord.regel_id or GEEN_REGEL],
        omschrijving=reden,
        hergebruik=[],
    )
    return _bewaar(ctx, k, besluit=antwoord.besluit_id)


def _in_woorden(besluit: dict[str, Any]) -> str:
    """A stored decision in words without rule or decision ids (those are in the log)."""
    w = besluit.get("waarom")
    if not w:
        return str(besluit.get("uitleg", ""))
    return in_woorden(
        Waarom(
            **{
                **w,
                "voldaan": tuple(Toetsuitkomst(**t) for t in w.get("voldaan", ())),
                "niet_voldaan": tuple(Toetsuitkomst(**t) for t in w.get("niet_voldaan", ())),
                "volgende": tuple(w.get("volgende", ())),
                "verplichtingen": tuple(w.get("verplichtingen", ())),
            }
        )
    )


def _betrokken(ctx: Context, k: Knelpunt) -> bool:
    """The reader's organisation made the entry, is a party to it, or is a partnership."""
    org = ctx.ik.organisatie_id
    return org in (k.organisatie_id, k.verstrekker_id, k.ontvanger_id, k.verband_id) or (
        ctx.beslisser.register.werkwijze(org) is not None
    )


def _mag_lezen(ctx: Context, k: Knelpunt) -> bool:
    return _betrokken(ctx, k) or ctx.ik.rol in (Rol.BELEIDSMEDEWERKER, Rol.PRIVACY_OFFICER)


def _mag_beheren(ctx: Context, k: Knelpunt) -> bool:
    return k.aangemaakt_door == ctx.ik.gebruiker_id or (
        ctx.ik.rol in BEHEERDERS and _betrokken(ctx, k)
    )


def _te_beheren(ctx: Context, knelpunt_id: str) -> Knelpunt:
    k = opslag.knelpunt(ctx.sessie, knelpunt_id)
    if k is None or not _mag_lezen(ctx, k):
        raise NietGevonden(f"knelpunt {knelpunt_id} bestaat niet")
    if not _mag_beheren(ctx, k):
        raise GeenToegang(
            "alleen wie het knelpunt vastlegde, een coördinator, een privacy officer of een "
            "beleidsmedewerker werkt het bij"
        )
    return k


def lijst(ctx: Context, filter_: KnelpuntFilter | None = None) -> list[KnelpuntUit]:
    f = filter_ or KnelpuntFilter()
    ctx.ik  # noqa: B018 - signed in: the register is for the partners, not the public
    return [
        KnelpuntUit.van(k, _mag_beheren(ctx, k))
        for k in opslag.alle(ctx.sessie)
        if _mag_lezen(ctx, k)
        and (f.thema is None or k.thema == f.thema.value)
        and (f.status is None or k.status == f.status.value)
    ]


def lees(ctx: Context, knelpunt_id: str) -> KnelpuntUit:
    ctx.ik  # noqa: B018
    k = opslag.knelpunt(ctx.sessie, knelpunt_id)
    if k is None or not _mag_lezen(ctx, k):
        raise NietGevonden(f"knelpunt {knelpunt_id} bestaat niet")
    return KnelpuntUit.van(k, _mag_beheren(ctx, k))


def _nog_open(ctx: Context, knelpunt_id: str) -> Knelpunt:
    k = _te_beheren(ctx, knelpunt_id)
    if k.status in (Knelpuntstatus.OPGELOST.value, Knelpuntstatus.NIET_OPGELOST.value):
        raise Conflict("Dit knelpunt is al afgesloten.")
    return k


def _bijgewerkt(ctx: Context, k: Knelpunt) -> KnelpuntUit:
    k.gewijzigd_op = ctx.nu()
    return KnelpuntUit.van(k, True)


def deel_in(ctx: Context, knelpunt_id: str, invoer: Indeling) -> KnelpuntUit:
    k = _te_beheren(ctx, knelpunt_id)
    k.thema = invoer.thema.value if invoer.thema else None
    if invoer.soort is not None:
        k.soort = invoer.soort.value
    ctx.audit("knelpunt indelen", knelpunt=k.id, status=k.status)
    return _bijgewerkt(ctx, k)


def escaleer(ctx: Context, knelpunt_id: str, invoer: EscalatieIn) -> KnelpuntUit:
    k = _nog_open(ctx, knelpunt_id)
    k.escalatie_naar, k.escalatie_uitkomst = invoer.naar, invoer.uitkomst
    k.geescaleerd_op = invoer.datum or ctx.nu().date()
    k.status = Knelpuntstatus.GEESCALEERD.value
    ctx.audit("knelpunt escaleren", knelpunt=k.id, status=k.status)
    return _bijgewerkt(ctx, k)


def los_op(ctx: Context, knelpunt_id: str, invoer: OplossingIn) -> KnelpuntUit:
    k = _nog_open(ctx, knelpunt_id)
    dag = invoer.datum or ctx.nu().date()
    if dag < k.aangemaakt_op.date():
        raise OngeldigeInvoer({"datum": "De oplossing kan niet voor het vastleggen liggen."})
    k.oplossing_soort, k.oplossing, k.opgelost_op = invoer.soort.value, invoer.oplossing, dag
    k.status = (
        Knelpuntstatus.NIET_OPGELOST
        if invoer.soort is Oplossingssoort.GEEN
        else Knelpuntstatus.OPGELOST
    ).value
    ctx.audit("knelpunt oplossen", knelpunt=k.id, status=k.status)
    return _bijgewerkt(ctx, k)


def hergebruik(ctx: Context, knelpunt_id: str, invoer: HergebruikIn) -> KnelpuntUit:
    k = _te_beheren(ctx, knelpunt_id)
    if k.status != Knelpuntstatus.OPGELOST.value:
        raise Conflict("Alleen een opgeloste oplossing kan worden hergebruikt.")
    k.hergebruik = [
        *k.hergebruik,
        {"waar": invoer.waar, "datum": (invoer.datum or ctx.nu().date()).isoformat()},
    ]
    ctx.audit("hergebruik vastleggen", knelpunt=k.id, status=k.status)
    return _bijgewerkt(ctx, k)
