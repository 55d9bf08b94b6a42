# SPDX-License-Identifier: EUPL-1.2
"""The Preventie met Gezag monitor: a yearly request, each municipality's return, the policy
officer's review, and the sums that go into the progress report.

Who does what: a policy officer of the monitor (not of a municipality) sends the request and
reviews; a municipality's own policy or public-order adviser fills in its return and sends it
in. A return is about interventions, never about a young person: counts and words, checked for
anything that looks like personal data. Every change is audited.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from typing import Annotated, ClassVar, Literal

from pydantic import Field, model_validator

from integraal.domein import pmg as domein
from integraal.domein.actor import Actor
from integraal.domein.fouten import Conflict, GeenToegang, NietGevonden, OngeldigeInvoer
from integraal.domein.invoer import (
    Aantal,
    Invoer,
    Optioneel,
    OptioneleTekst,
    Uitvoer,
    Werkdatum,
    veld,
)
from integraal.domein.monitor import KLEINSTE_CEL, Cel, Soort, onderdruk, onderdruk_een
from integraal.domein.pmg import Besluit, Bewijs, Niveau, Opgavestatus, Risicothema
from integraal.domein.rollen import Rol
from integraal.monitor.rechten import BEWERKERS
from integraal.opslag import beheer
from integraal.opslag import monitor as monitoropslag
from integraal.opslag import pmg as opslag
from integraal.opslag.db import Sessie
from integraal.opslag.modellen import Pmginterventie, Pmgopgave, Pmguitvraag
from integraal.verwerking import Context

# Who fills in a municipality's return: its policy or public-order advisers.
INVULLERS = frozenset({Rol.BELEIDSMEDEWERKER, Rol.OOV_ADVISEUR})
GEMEENTE = "gemeente"
_GEBIEDSCODE = re.compile(r"^(WK\d{6}|BU\d{8})$")
_PERSOONLIJK = (
    "Dit lijkt een persoonsgegeven (een BSN, e-mailadres, telefoonnummer of een volledige "
    "datum). Een opgave bevat alleen aantallen en beschrijvingen; noem hoogstens maand en jaar."
)


# --- input ----------------------------------------------------------------------------------


class UitvraagIn(Invoer):
    jaar: int = veld("Jaar", hint="Het jaar waarover gemeenten rapporteren.", ge=2020, le=2099)
    peildatum: Werkdatum = veld(
        "Peildatum", hint="De stand waarnaar gevraagd wordt, bijvoorbeeld 01-03-2026."
    )
    uiterlijk: Werkdatum = veld(
        "Uiterlijk indienen", hint="De datum waarop de opgaven binnen moeten zijn."
    )
    gemeenten: list[str] = veld(
        "Deelnemende gemeenten", hint="De gemeenten die een opgave invullen.", min_length=1
    )

    meldingen: ClassVar[dict[str, str]] = {
        "jaar": "Vul een jaar in tussen 2020 en 2099, bijvoorbeeld 2026.",
        "peildatum": "Vul de peildatum in als dd-mm-jjjj, bijvoorbeeld 01-03-2026.",
        "uiterlijk": "Vul de uiterste datum in als dd-mm-jjjj, bijvoorbeeld 01-04-2026.",
        "gemeenten": "Kies ten minste één gemeente.",
    }


def _codes(waarde: object) -> object:
    """'WK999901 BU99990101' (one form field, or a list of such) as a list of codes."""
    delen = [waarde] if isinstance(waarde, str) else waarde
    if isinstance(delen, list) and all(isinstance(d, str) for d in delen):
        return [c for d in delen for c in re.split(r"[\s,;]+", d.strip().upper()) if c]
    return waarde


class InterventieIn(Invoer):
    naam: str = veld(
        "Naam van de interventie",
        hint="Bijvoorbeeld Alleen Jij bepaalt Wie je Bent.",
        min_length=3,
        max_length=200,
    )
    bewijs: Bewijs = veld("Onderbouwing")
    themas: list[Risicothema] = veld(
        "Thema's",
        hint="Op welke risico- en beschermende factoren zet de interventie in?",
        min_length=1,
    )
    niveaus: list[Niveau] = veld("Niveau van ondersteuning", min_length=1)
    bereik: Aantal = veld(
        "Bereik", hint="Aantal jongeren dat de interventie bereikte.", le=1_000_000
    )
    output: Aantal = veld(
        "Output",
        hint="Het aantal dat de interventie opleverde, zoals trajecten of trainingen.",
        le=1_000_000,
    )
    output_omschrijving: str = veld(
        "Waar de output over gaat",
        hint="Bijvoorbeeld ‘trajecten gestart’.",
        min_length=3,
        max_length=200,
    )
    besluit: Besluit = veld("Besluit voor volgend jaar")
    motivering: str = veld(
        "Motivering van het besluit",
        hint="Waarom gaat u door, stelt u bij of stopt u? Minstens 10 tekens.",
        min_length=10,
        max_length=3000,
    )
    gebieden: list[str] = veld(
        "Wijken en buurten",
        hint="CBS-codes van de wijken of buurten waar de interventie inzet, gescheiden door "
        "spaties, bijvoorbeeld WK999901 BU99990101. Mag leeg.",
        standaard=[],
    )

    meldingen: ClassVar[dict[str, str]] = {
        "naam": "Geef de interventie een naam van 3 tot 200 tekens.",
        "bewijs": "Kies hoe de interventie onderbouwd is.",
        "themas": "Kies ten minste één thema waarop de interventie inzet.",
        "niveaus": "Kies ten minste één niveau van ondersteuning.",
        "bereik": "Vul het aantal bereikte jongeren in als een heel getal, 0 of meer.",
        "output": "Vul de output in als een heel getal, 0 of meer.",
        "output_omschrijving": "Zeg in 3 tot 200 tekens waar de output over gaat.",
        "besluit": "Kies of de interventie doorgaat, wordt bijgesteld of stopt.",
        "motivering": "Motiveer het besluit in 10 tot 3.000 tekens.",
        "gebieden": "Noem wijken of buurten met hun CBS-code, zoals WK999901 of BU99990101.",
    }

    @model_validator(mode="before")
    @classmethod
    def _gebieden_als_tekst(cls, gegevens: object) -> object:
        # A form sends the codes as one text field; the API may send a list.
        if isinstance(gegevens, dict) and "gebieden" in gegevens:
            gegevens = {**gegevens, "gebieden": _codes(gegevens["gebieden"])}
        return gegevens


class IndienIn(Invoer):
    zonder_personen: bool = veld(
        "Ik bevestig dat de opgave alleen aantallen en beschrijvingen bevat, geen gegevens over "
        "jongeren of andere personen."
    )

    meldingen: ClassVar[dict[str, str]] = {
        "zonder_personen": "Bevestig dat de opgave geen persoonsgegevens bevat."
    }


class BeoordelingIn(Invoer):
    oordeel: Literal["goedkeuren", "terugsturen"] = veld("Oordeel")
    opmerking: Annotated[OptioneleTekst, Optioneel] = veld(
        "Opmerking voor de gemeente",
        hint="Nodig als u de opgave terugstuurt: wat moet worden aangevuld?",
        standaard=None,
        max_length=3000,
    )

    meldingen: ClassVar[dict[str, str]] = {
        "oordeel": "Kies of u de opgave goedkeurt of terugstuurt.",
        "opmerking": "Houd de opmerking op hoogstens 3.000 tekens.",
    }


# --- output ---------------------------------------------------------------------------------


class InterventieUit(Uitvoer):
    id: int
    naam: str
    bewijs: Bewijs
    themas: list[Risicothema]
    niveaus: list[Niveau]
    bereik: int
    output: int
    output_omschrijving: str
    besluit: Besluit
    motivering: str
    gebieden: list[str] = Field(description="CBS-codes van de wijken en buurten")
    gebiedsnamen: list[str] = Field(default_factory=list, description="hun namen")


class OpgaveUit(Uitvoer):
    id: int
    jaar: int
    peildatum: dt.date
    uiterlijk: dt.date
    gemeente: str
    gemeente_naam: str
    status: Opgavestatus
    ingediend_op: dt.datetime | None
    beoordeeld_op: dt.datetime | None
    opmerking: str | None
    interventies: list[InterventieUit] = Field(default_factory=list)
    mag_invullen: bool = False
    mag_beoordelen: bool = False
    te_laat: bool = False
    eigen: bool = Field(default=False, description="de opgave van de gemeente van de lezer")


class OpgavekopUit(Uitvoer):
    id: int
    gemeente: str
    gemeente_naam: str
    status: Opgavestatus
    interventies: int
    te_laat: bool = Field(default=False, description="nog niet ingediend na de uiterste datum")


class UitvraagUit(Uitvoer):
    id: int
    jaar: int
    peildatum: dt.date
    uiterlijk: dt.date
    opgaven: list[OpgavekopUit]
    zonder_invuller: list[str] = Field(
        default_factory=list,
        description="gemeenten zonder beleids- of OOV-adviseur in Integraal die de opgave invult",
    )

    @property
    def goedgekeurd(self) -> int:
        return sum(o.status is Opgavestatus.GOEDGEKEURD for o in self.opgaven)


class PmgOverzicht(Uitvoer):
    """What the reader sees at /pmg: all requests (a reviewer), or the own returns."""

    beoordelaar: bool
    uitvragen: list[UitvraagUit]
    eigen: list[OpgavekopUit]
    gemeenten: list[tuple[str, str]] = Field(
        default_factory=list, description="(id, naam) van de gemeenten die kunnen meedoen"
    )


# --- rights ---------------------------------------------------------------------------------


def _is_gemeente(ctx: Context, org_id: str) -> bool:
    return ctx.beslisser.register.organisatie(org_id).soort == GEMEENTE


def _beoordelaar(ctx: Context, ik: Actor) -> bool:
    """A policy officer of the monitor who does not speak for a municipality."""
    return ik.rol in BEWERKERS and not _is_gemeente(ctx, ik.organisatie_id)


def is_beoordelaar(ctx: Context) -> bool:
    return _beoordelaar(ctx, ctx.ik)


def is_gemeente(ctx: Context) -> bool:
    return _is_gemeente(ctx, ctx.ik.organisatie_id)


def _invuller(ik: Actor, o: Pmgopgave) -> bool:
    return ik.organisatie_id == o.gemeente_id and ik.rol in INVULLERS


def _mag_beoordelen(ctx: Context) -> Actor:
    ik = ctx.ik
    if not _beoordelaar(ctx, ik):
        raise GeenToegang(
            "alleen een beleidsmedewerker van de monitor, niet van een gemeente, zet een "
            "uitvraag uit of beoordeelt een opgave"
        )
    return ik


def _opgave(ctx: Context, opgave_id: int) -> Pmgopgave:
    o = opslag.opgave(ctx.sessie, opgave_id)
    if o is None:
        raise NietGevonden("Deze opgave bestaat niet.")
    ik = ctx.ik
    if ik.organisatie_id != o.gemeente_id and not _beoordelaar(ctx, ik):
        raise GeenToegang("een opgave is te zien voor de eigen gemeente en de beoordelaars")
    return o


def _bewerkbaar(ctx: Context, o: Pmgopgave) -> Actor:
    ik = ctx.ik
    if not _invuller(ik, o):
        raise GeenToegang("alleen een beleids- of OOV-adviseur van de gemeente vult de opgave in")
    if Opgavestatus(o.status) not in domein.BEWERKBAAR:
        status = Opgavestatus(o.status).label.lower()
        raise Conflict(f"De opgave is {status} en kan niet meer worden gewijzigd.")
    return ik


# --- services ---------------------------------------------------------------------------------


def _te_laat(ctx: Context, o: Pmgopgave, uiterlijk: dt.date) -> bool:
    return Opgavestatus(o.status) in domein.BEWERKBAAR and uiterlijk < ctx.nu().date()


def _kop(ctx: Context, o: Pmgopgave, uiterlijk: dt.date) -> OpgavekopUit:
    return OpgavekopUit(
        id=o.id,
        gemeente=o.gemeente_id,
        gemeente_naam=ctx.beslisser.register.naam(o.gemeente_id),
        status=Opgavestatus(o.status),
        interventies=len(opslag.interventies(ctx.sessie, o.id)),
        te_laat=_te_laat(ctx, o, uiterlijk),
    )


def _uiterlijk(ctx: Context, o: Pmgopgave) -> dt.date:
    u = opslag.uitvraag(ctx.sessie, o.uitvraag_id)
    assert u is not None
    return u.uiterlijk


def deelnemers(ctx: Context) -> list[tuple[str, str]]:
    """The municipalities that can take part: every gemeente in the partner register."""
    return sorted(
        ((o.id, o.naam) for o in ctx.beslisser.register.organisaties if o.soort == GEMEENTE),
        key=lambda x: x[1],
    )


def overzicht(ctx: Context) -> PmgOverzicht:
    ik = ctx.ik
    beoordelaar = _beoordelaar(ctx, ik)
    uitvragen = []
    if beoordelaar:
        for u in opslag.uitvragen(ctx.sessie):
            uitvragen.append(
                UitvraagUit(
                    id=u.id,
                    jaar=u.jaar,
                    peildatum=u.peildatum,
                    uiterlijk=u.uiterlijk,
                    opgaven=[_kop(ctx, o, u.uiterlijk) for o in opslag.opgaven(ctx.sessie, u.id)],
                )
            )
    eigen = (
        [
            _kop(ctx, o, _uiterlijk(ctx, o))
            for o in opslag.opgaven_van(ctx.sessie, ik.organisatie_id)
        ]
        if _is_gemeente(ctx, ik.organisatie_id)
        else []
    )
    return PmgOverzicht(
        beoordelaar=beoordelaar,
        uitvragen=uitvragen,
        eigen=eigen,
        gemeenten=deelnemers(ctx) if beoordelaar else [],
    )


def zet_uit(ctx: Context, invoer: UitvraagIn) -> UitvraagUit:
    ik = _mag_beoordelen(ctx)
    fouten: dict[str, str] = {}
    if invoer.uiterlijk < invoer.peildatum:
        fouten["uiterlijk"] = "De uiterste datum ligt vóór de peildatum."
    bekend = dict(deelnemers(ctx))
    onbekend = [g for g in invoer.gemeenten if g not in bekend]
    if onbekend:
        fouten["gemeenten"] = "Kies gemeenten uit de lijst."
    if opslag.uitvraag_van_jaar(ctx.sessie, invoer.jaar) is not None:
        fouten["jaar"] = f"Voor {invoer.jaar} is al een uitvraag uitgezet."
    if fouten:
        raise OngeldigeInvoer(fouten)
    u = Pmguitvraag(
        jaar=invoer.jaar,
        peildatum=invoer.peildatum,
        uiterlijk=invoer.uiterlijk,
        aangemaakt_op=ctx.nu(),
        aangemaakt_door=ik.gebruiker_id,
    )
    beheer.bewaar(ctx.sessie, u)
    opgaven = [
        Pmgopgave(uitvraag_id=u.id, gemeente_id=g, status=Opgavestatus.UITGEVRAAGD.value)
        for g in sorted(set(invoer.gemeenten))
    ]
    beheer.bewaar(ctx.sessie, *opgaven)
    ctx.audit("pmg-uitvraag uitzetten", jaar=invoer.jaar, gemeenten=len(opgaven))
    gemeenten = [o.gemeente_id for o in opgaven]
    met = opslag.met_invuller(ctx.sessie, gemeenten, [r.value for r in INVULLERS])
    return UitvraagUit(
        id=u.id,
        jaar=u.jaar,
        peildatum=u.peildatum,
        uiterlijk=u.uiterlijk,
        opgaven=[_kop(ctx, o, u.uiterlijk) for o in opgaven],
        zonder_invuller=[bekend[g] for g in gemeenten if g not in met],
    )


def lees(ctx: Context, opgave_id: int) -> OpgaveUit:
    o = _opgave(ctx, opgave_id)
    u = opslag.uitvraag(ctx.sessie, o.uitvraag_id)
    assert u is not None
    status = Opgavestatus(o.status)
    return OpgaveUit(
        id=o.id,
        jaar=u.jaar,
        peildatum=u.peildatum,
        uiterlijk=u.uiterlijk,
        gemeente=o.gemeente_id,
        gemeente_naam=ctx.beslisser.register.naam(o.gemeente_id),
        status=status,
        ingediend_op=o.ingediend_op,
        beoordeeld_op=o.beoordeeld_op,
        opmerking=o.opmerking,
        interventies=_met_namen(
            ctx, [_interventie(i) for i in opslag.interventies(ctx.sessie, o.id)]
        ),
        mag_invullen=_invuller(ctx.ik, o) and status in domein.BEWERKBAAR,
        mag_beoordelen=_beoordelaar(ctx, ctx.ik) and status is Opgavestatus.INGEDIEND,
        te_laat=_te_laat(ctx, o, u.uiterlijk),
        eigen=ctx.ik.organisatie_id == o.gemeente_id,
    )


def _met_namen(ctx: Context, lijst: list[InterventieUit]) -> list[InterventieUit]:
    namen = opslag.gebieden(ctx.sessie, sorted({c for i in lijst for c in i.gebieden}))
    return [
        i.model_copy(
            update={"gebiedsnamen": [namen[c].naam if c in namen else c for c in i.gebieden]}
        )
        for i in lijst
    ]


def _interventie(i: Pmginterventie) -> InterventieUit:
    return InterventieUit(
        id=i.id,
        naam=i.naam,
        bewijs=Bewijs(i.bewijs),
        themas=[Risicothema(t) for t in i.themas],
        niveaus=[Niveau(n) for n in i.niveaus],
        bereik=i.bereik,
        output=i.output,
        output_omschrijving=i.output_omschrijving,
        besluit=Besluit(i.besluit),
        motivering=i.motivering,
        gebieden=list(i.gebieden),
    )


def _toets(ctx: Context, invoer: InterventieIn) -> None:
    fouten: dict[str, str] = {}
    for veldnaam in ("naam", "output_omschrijving", "motivering"):
        if domein.persoonlijk(getattr(invoer, veldnaam)):
            fouten[veldnaam] = _PERSOONLIJK
    verkeerd = [c for c in invoer.gebieden if not _GEBIEDSCODE.match(c)]
    onbekend = set(invoer.gebieden) - set(opslag.gebieden(ctx.sessie, invoer.gebieden))
    if verkeerd:
        fouten["gebieden"] = (
            f"{', '.join(verkeerd)} is geen CBS-code van een wijk of buurt "
            "(WK en zes cijfers, BU en acht cijfers)."
        )
    elif onbekend:
        fouten["gebieden"] = (
            f"{', '.join(sorted(onbekend))} staat niet in het gebiedsbeeld; laad eerst de "
            "CBS-cijfers van die gebieden."
        )
    if fouten:
        raise OngeldigeInvoer(fouten)


def _vul(i: Pmginterventie, invoer: InterventieIn, nu: dt.datetime) -> None:
    i.naam = invoer.naam
    i.bewijs = invoer.bewijs.value
    i.themas = sorted({t.value for t in invoer.themas})
    i.niveaus = sorted({n.value for n in invoer.niveaus})
    i.bereik, i.output = invoer.bereik, invoer.output
    i.output_omschrijving = invoer.output_omschrijving
    i.besluit = invoer.besluit.value
    i.motivering = invoer.motivering
    i.gebieden = list(dict.fromkeys(invoer.gebieden))
    i.bijgewerkt_op = nu


def voeg_toe(ctx: Context, opgave_id: int, invoer: InterventieIn) -> InterventieUit:
    o = _opgave(ctx, opgave_id)
    _bewerkbaar(ctx, o)
    _toets(ctx, invoer)
    i = Pmginterventie(opgave_id=o.id)
    _vul(i, invoer, ctx.nu())
    beheer.bewaar(ctx.sessie, i)
    o.bijgewerkt_op = ctx.nu()
    ctx.audit("pmg-interventie vastleggen", opgave=o.id, interventie=i.id)
    return _interventie(i)


def _eigen_interventie(ctx: Context, o: Pmgopgave, interventie_id: int) -> Pmginterventie:
    i = opslag.interventie(ctx.sessie, interventie_id)
    if i is None or i.opgave_id != o.id:
        raise NietGevonden("Deze interventie hoort niet bij deze opgave.")
    return i


def interventie(ctx: Context, opgave_id: int, interventie_id: int) -> InterventieUit:
    o = _opgave(ctx, opgave_id)
    return _interventie(_eigen_interventie(ctx, o, interventie_id))


def wijzig(
    ctx: Context, opgave_id: int, interventie_id: int, invoer: InterventieIn
) -> InterventieUit:
    o = _opgave(ctx, opgave_id)
    _bewerkbaar(ctx, o)
    i = _eigen_interventie(ctx, o, interventie_id)
    _toets(ctx, invoer)
    _vul(i, invoer, ctx.nu())
    o.bijgewerkt_op = ctx.nu()
    ctx.audit("pmg-interventie vastleggen", opgave=o.id, interventie=i.id)
    return _interventie(i)


def verwijder(ctx: Context, opgave_id: int, interventie_id: int) -> InterventieUit:
    o = _opgave(ctx, opgave_id)
    _bewerkbaar(ctx, o)
    i = _eigen_interventie(ctx, o, interventie_id)
    weg = _interventie(i)
    ctx.sessie.delete(i)
    o.bijgewerkt_op = ctx.nu()
    ctx.audit("pmg-interventie verwijderen", opgave=o.id, interventie=interventie_id)
    return weg


def dien_in(ctx: Context, opgave_id: int, invoer: IndienIn) -> OpgaveUit:
    o = _opgave(ctx, opgave_id)
    ik = _bewerkbaar(ctx, o)
    fouten: dict[str, str] = {}
    if not invoer.zonder_personen:
        fouten["zonder_personen"] = IndienIn.meldingen["zonder_personen"]
    if not opslag.interventies(ctx.sessie, o.id):
        fouten["interventies"] = "Voeg eerst ten minste één interventie toe."
    if fouten:
        raise OngeldigeInvoer(fouten)
    o.status = Opgavestatus.INGEDIEND.value
    o.ingediend_op, o.ingediend_door, o.bijgewerkt_op = ctx.nu(), ik.gebruiker_id, ctx.nu()
    ctx.audit("pmg-opgave indienen", opgave=o.id)
    return lees(ctx, o.id)


def beoordeel(ctx: Context, opgave_id: int, invoer: BeoordelingIn) -> OpgaveUit:
    ik = _mag_beoordelen(ctx)
    o = _opgave(ctx, opgave_id)
    if Opgavestatus(o.status) is not Opgavestatus.INGEDIEND:
        raise Conflict("Alleen een ingediende opgave kan worden beoordeeld.")
    if invoer.oordeel == "terugsturen" and not invoer.opmerking:
        raise OngeldigeInvoer({"opmerking": "Zeg wat de gemeente moet aanvullen."})
    if invoer.opmerking and domein.persoonlijk(invoer.opmerking):
        raise OngeldigeInvoer({"opmerking": _PERSOONLIJK})
    naar = (
        Opgavestatus.GOEDGEKEURD if invoer.oordeel == "goedkeuren" else Opgavestatus.TERUGGESTUURD
    )
    o.status = naar.value
    o.opmerking = invoer.opmerking
    o.beoordeeld_op, o.beoordeeld_door, o.bijgewerkt_op = ctx.nu(), ik.gebruiker_id, ctx.nu()
    ctx.audit("pmg-opgave beoordelen", naar.value, opgave=o.id)
    return lees(ctx, o.id)


def te_doen(sessie: Sessie, ik: Actor, beoordelaar: bool) -> tuple[int, int]:
    """(returns of my municipality to fill in, returns waiting for my review)."""
    invullen = (
        sum(
            Opgavestatus(o.status) in domein.BEWERKBAAR
            for o in opslag.opgaven_van(sessie, ik.organisatie_id)
        )
        if ik.rol in INVULLERS
        else 0
    )
    beoordelen = (
        sum(Opgavestatus(o.status) is Opgavestatus.INGEDIEND for o in opslag.opgaven(sessie))
        if beoordelaar
        else 0
    )
    return invullen, beoordelen


# --- the report's section -----------------------------------------------------------------------


@dataclass(frozen=True)
class Keuze:
    gemeente: str
    interventie: str
    besluit: Besluit
    motivering: str


@dataclass(frozen=True)
class Gebiedsregel:
    code: str
    naam: str
    gemeenten: tuple[str, ...]
    cijfers: tuple[tuple[str, str, str], ...]  # (onderwerp, periode, waarde as shown)


@dataclass
class Pmgdeel:
    """The report's section on Preventie met Gezag: approved returns of the latest request."""

    jaar: int
    peildatum: dt.date
    uitgevraagd: int
    opgenomen: int
    samenvatting: domein.Samenvatting
    aandeel_bewezen: float | None
    bijgesteld_of_gestopt: list[Keuze] = field(default_factory=list)
    gebieden: list[Gebiedsregel] = field(default_factory=list)
    # Reach counts young people: 1 to 4 are not shown (and one more if only one would be).
    bereik: Cel = field(default_factory=lambda: Cel(0))
    bereik_per_thema: dict[Risicothema, Cel] = field(default_factory=dict)
    moties: list[tuple[str, str, str]] = field(default_factory=list)  # (soort, onderwerp, status)


def _wil_moties(onderwerp: str) -> bool:
    return "preventie met gezag" in onderwerp.lower()


def rapportdeel(sessie: Sessie, namen: dict[str, str], peil: dt.datetime) -> Pmgdeel | None:
    """The latest request with at least one approved return by the peildatum; None if none."""
    for u in opslag.uitvragen(sessie):
        goed = [
            o
            for o in opslag.opgaven(sessie, u.id)
            if o.status == Opgavestatus.GOEDGEKEURD.value
            and o.beoordeeld_op is not None
            and o.beoordeeld_op <= peil
        ]
        if not goed:
            continue
        rijen = {o.gemeente_id: opslag.interventies(sessie, o.id) for o in goed}
        per_gemeente = {g: [_domein(i) for i in lijst] for g, lijst in rijen.items()}
        alle = [i for lijst in per_gemeente.values() for i in lijst]
        samenvatting = domein.tel_op(per_gemeente)
        deel = Pmgdeel(
            jaar=u.jaar,
            peildatum=u.peildatum,
            uitgevraagd=len(opslag.opgaven(sessie, u.id)),
            opgenomen=len(goed),
            samenvatting=samenvatting,
            aandeel_bewezen=domein.aandeel_bewezen(alle),
            bereik=onderdruk_een(samenvatting.bereik),
            bereik_per_thema={
                Risicothema(t): cel
                for t, cel in onderdruk(
                    {t.value: n for t, n in samenvatting.bereik_per_thema.items()}
                ).items()
            },
        )
        doelen: dict[str, set[str]] = {}
        for gemeente, lijst in rijen.items():
            naam = namen.get(gemeente, gemeente)
            for i in lijst:
                if i.besluit != Besluit.CONTINUEREN.value:
                    deel.bijgesteld_of_gestopt.append(
                        Keuze(naam, i.naam, Besluit(i.besluit), i.motivering)
                    )
                for code in i.gebieden:
                    doelen.setdefault(code, set()).add(naam)
        deel.gebieden = _gebiedsregels(sessie, doelen)
        deel.moties = [
            (Soort(k.soort).label, k.onderwerp, k.tk_status)
            for k in monitoropslag.opdrachten(sessie)
            if _wil_moties(k.onderwerp) or _wil_moties(k.kop)
        ]
        return deel
    return None


def _domein(i: Pmginterventie) -> domein.Interventie:
    return domein.Interventie(
        naam=i.naam,
        bewijs=Bewijs(i.bewijs),
        themas=frozenset(Risicothema(t) for t in i.themas),
        niveaus=frozenset(Niveau(n) for n in i.niveaus),
        bereik=i.bereik,
        output=i.output,
        besluit=Besluit(i.besluit),
        gebieden=tuple(i.gebieden),
    )


def _gebiedsregels(sessie: Sessie, doelen: dict[str, set[str]]) -> list[Gebiedsregel]:
    """Per targeted area the latest CBS figure of each subject, small counts hidden."""
    codes = sorted(doelen)
    namen = opslag.gebieden(sessie, codes)
    laatste: dict[tuple[str, str], tuple[str, float]] = {}
    for c in opslag.gebiedscijfers(sessie, codes):
        sleutel = (c.gebied_code, c.onderwerp)
        if sleutel not in laatste or c.periode > laatste[sleutel][0]:
            laatste[sleutel] = (c.periode, c.waarde)
    uit = []
    for code in codes:
        cijfers = []
        for (gebied, onderwerp), (periode, waarde) in sorted(laatste.items()):
            if gebied == code:
                cel = onderdruk_een(int(waarde))
                tekst = cel.tekst() if cel.waarde is not None else f"minder dan {KLEINSTE_CEL}"
                cijfers.append((onderwerp, periode, tekst))
        g = namen.get(code)
        uit.append(
            Gebiedsregel(code, g.naam if g else code, tuple(sorted(doelen[code])), tuple(cijfers))
        )
    return uit
