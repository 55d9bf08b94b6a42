# SPDX-License-Identifier: EUPL-1.2
"""The Waarschuwingsregister Logistieke Sectoren ("draaideurcriminelen buiten de deur houden",
letter 000 §2a), built as the one narrow exception to PRIVAAT-ZWARTE-LIJST.

The keeper records the permit of the Autoriteit Persoonsgegevens (number, scope as criteria,
retention term, validity) and the connected companies. A connected company reports a person;
the keeper enters them under a criterion of the permit with the evidence, for the fixed term
the permit sets, and notifies them. The person may object and see what is recorded and who
looked them up (inzage). A connected company's screener looks a person up by name and date of
birth and hears only "treffer" or "geen treffer". Without a valid permit, nothing goes in or
out: the rule refuses with the article. Entries past their term hit nothing (automatic
expiry) and lists show them as expired.

Matching is exact on a normalised name and the date of birth, never fuzzy: a false hit would
keep someone out of work."""

from __future__ import annotations

import datetime as dt
import unicodedata
from typing import ClassVar

from integraal.domein import poortwachters as verloop
from integraal.domein.casus import OngeldigeOvergang
from integraal.domein.fouten import Conflict, GeenToegang, NietGevonden, OngeldigeInvoer
from integraal.domein.invoer import Datum, Invoer, Uitvoer, Werkdatum, veld
from integraal.domein.keuze import Keuze
from integraal.domein.poortwachters import (
    Registratiecriterium,
    Registratiestatus,
    registratie_einde,
    registratiestatus_op,
)
from integraal.domein.pseudoniem import pseudoniem
from integraal.domein.tekst import zin
from integraal.opslag import beheer
from integraal.opslag import poortwachtercijfers as cijfers
from integraal.opslag import verbanden as nummering
from integraal.opslag.modellen import Apvergunning, Registeraansluiting, Waarschuwingsregistratie
from integraal.toegang import poortwachters as deur
from integraal.verwerking import Context
from integraal.verwerking.dossier import Stap, niet_in_de_toekomst, stappen, voeg_stap

REGISTER = deur.REGISTER


def sleutel(ctx: Context, naam: str, geboortedatum: dt.date, veld: str = "naam") -> str:
    """The keyed pseudonym a lookup is matched on: the name's letters in any script, without
    accents, case, spaces or punctuation, and the date of birth. A name with fewer than two
    letters is refused: it would match other such names."""
    plat = "".join(
        t
        for t in unicodedata.normalize("NFKD", naam).casefold()
        if t.isalpha() and not unicodedata.combining(t)
    )
    if len(plat) < 2:
        raise OngeldigeInvoer({veld: "Een naam bestaat uit minstens twee letters."})
    return pseudoniem(ctx.pseudoniem_sleutel, "wr", f"{plat}|{geboortedatum.isoformat()}")


def _geboren(ctx: Context, dag: dt.date) -> None:
    if not dt.date(1900, 1, 1) <= dag <= ctx.nu().date():
        raise OngeldigeInvoer(
            {"geboortedatum": "Vul een geboortedatum in tussen 1900 en vandaag, als dd-mm-jjjj."}
        )


class VergunningIn(Invoer):
    nummer: str = veld("Nummer van de vergunning", min_length=3, max_length=60)
    reikwijdte: str = veld(
        "Reikwijdte",
        hint="Voor welke sectoren en met welk doel de AP de vergunning gaf.",
        min_length=10,
        max_length=5000,
    )
    criteria: list[Registratiecriterium] = veld(
        "Toegestane criteria", min_length=1, max_length=len(Registratiecriterium)
    )
    bewaartermijn_maanden: int = veld(
        "Registratietermijn in maanden", hint="Zoals de vergunning die vastlegt.", ge=1, le=120
    )
    geldig_van: Werkdatum = veld("Geldig vanaf")
    geldig_tot: Werkdatum | None = veld("Geldig tot en met", standaard=None)

    meldingen: ClassVar[dict[str, str]] = {
        "nummer": "Vul het nummer van de vergunning in.",
        "reikwijdte": "Beschrijf de reikwijdte in minstens 10 tekens.",
        "criteria": "Kies minstens één criterium dat de vergunning toestaat.",
        "bewaartermijn_maanden": "Vul de registratietermijn in maanden in (1 tot en met 120).",
        "geldig_van": "Vul in vanaf wanneer de vergunning geldt, als dd-mm-jjjj.",
    }


class IntrekkingIn(Invoer):
    op: Werkdatum = veld("Ingetrokken op")


class AansluitingIn(Invoer):
    organisatie: str = veld("Bedrijf", max_length=80)
    sinds: Werkdatum = veld("Aangesloten sinds")

    meldingen: ClassVar[dict[str, str]] = {
        "organisatie": "Kies het bedrijf.",
        "sinds": "Vul de datum in als dd-mm-jjjj.",
    }


class RegistratieIn(Invoer):
    naam: str = veld("Naam", min_length=2, max_length=300)
    geboortedatum: Datum = veld("Geboortedatum")
    criterium: Registratiecriterium = veld("Criterium")
    bewijs: str = veld(
        "Bewijs",
        hint="Waaruit het criterium blijkt: vonnis, ontslagbesluit of intrekking, met kenmerk.",
        min_length=20,
        max_length=10000,
    )
    aangemeld_door: str = veld("Aangemeld door (aangesloten bedrijf)", max_length=80)

    meldingen: ClassVar[dict[str, str]] = {
        "naam": "Vul de naam in.",
        "geboortedatum": "Vul de geboortedatum in als dd-mm-jjjj.",
        "criterium": "Kies het criterium.",
        "bewijs": "Beschrijf het bewijs in minstens 20 tekens.",
        "aangemeld_door": "Kies het aangesloten bedrijf dat de persoon aanmeldde.",
    }


class KennisgevingIn(Invoer):
    op: Werkdatum | None = veld("Verstuurd op", hint="Leeg: vandaag.", standaard=None)


class Bezwaaruitkomst(Keuze):
    GEGROND = "gegrond", "Gegrond: de registratie wordt doorgehaald"
    ONGEGROND = "ongegrond", "Ongegrond: de registratie blijft staan"


class BezwaarIn(Invoer):
    op: Werkdatum | None = veld("Ontvangen op", hint="Leeg: vandaag.", standaard=None)
    gronden: str = veld("Gronden van het bezwaar", min_length=10, max_length=5000)

    meldingen: ClassVar[dict[str, str]] = {
        "gronden": "Vat de gronden van het bezwaar samen in minstens 10 tekens."
    }


class BezwaarbesluitIn(Invoer):
    uitkomst: Bezwaaruitkomst = veld("Beslissing op het bezwaar")
    motivering: str = veld("Motivering", min_length=20, max_length=5000)

    meldingen: ClassVar[dict[str, str]] = {
        "uitkomst": "Kies gegrond of ongegrond.",
        "motivering": "Motiveer de beslissing in minstens 20 tekens.",
    }


class RaadpleegIn(Invoer):
    naam: str = veld("Naam", hint="Zoals op het identiteitsbewijs.", min_length=2, max_length=300)
    geboortedatum: Datum = veld("Geboortedatum")

    meldingen: ClassVar[dict[str, str]] = {
        "naam": "Vul de naam in zoals op het identiteitsbewijs.",
        "geboortedatum": "Vul de geboortedatum in als dd-mm-jjjj.",
    }


class Raadpleeguitkomst(Uitvoer):
    treffer: bool
    gevraagd_op: dt.datetime
    wat_nu: str


class VergunningUit(Uitvoer):
    id: int
    nummer: str
    reikwijdte: str
    criteria: list[Registratiecriterium]
    bewaartermijn_maanden: int
    geldig_van: dt.date
    geldig_tot: dt.date | None
    ingetrokken_op: dt.date | None
    geldig: bool


class AansluitingUit(Uitvoer):
    organisatie: str
    sinds: dt.date
    tot: dt.date | None


class RegistratieKop(Uitvoer):
    id: str
    naam: str
    criterium: Registratiecriterium
    ingeschreven_op: dt.date
    einde: dt.date
    status: Registratiestatus


class RaadplegingUit(Uitvoer):
    organisatie: str
    op: dt.datetime


class RegistratieUit(RegistratieKop):
    geboortedatum: dt.date
    bewijs: str
    aangemeld_door: str
    kennisgeving_op: dt.date | None
    bezwaar_op: dt.date | None
    stappen: list[Stap]
    raadplegingen: list[RaadplegingUit]


class Registeroverzicht(Uitvoer):
    vergunningen: list[VergunningUit]
    geldige_vergunning: str | None
    aansluitingen: list[AansluitingUit]


def beheerder(ctx: Context) -> None:
    if not deur.is_registerbeheerder(ctx):
        raise GeenToegang("alleen de beheerder van het register werkt met registraties")


def beheer_of_privacy(ctx: Context) -> None:
    if not (deur.is_registerbeheerder(ctx) or deur.is_registerprivacy(ctx)):
        raise GeenToegang("alleen de beheerder en de privacy officer van het register")


def vergunningbeheer(ctx: Context) -> None:
    """The AP's permit is recorded by the register's privacy officer, not by the keeper who
    would otherwise authorise its own register (separation of duties)."""
    if not deur.is_registerprivacy(ctx):
        raise GeenToegang("alleen de privacy officer van het register legt een vergunning vast")


def bedrijven(ctx: Context) -> list[tuple[str, str]]:
    """Companies that can connect: private parties other than the register and banks."""
    register = ctx.beslisser.register
    return sorted(
        (
            (o.id, o.naam)
            for o in register.organisaties
            if o.soort in ("havenbedrijf", "logistiek_bedrijf")
        ),
        key=lambda x: x[1],
    )


# --- Permit and connections --------------------------------------------------------------------


def overzicht(ctx: Context) -> Registeroverzicht:
    beheer_of_privacy(ctx)
    vandaag = ctx.nu().date()
    geldig = deur.geldige_vergunning(ctx)
    return Registeroverzicht(
        vergunningen=[
            VergunningUit(
                id=v.id,
                nummer=v.nummer,
                reikwijdte=v.reikwijdte,
                criteria=[Registratiecriterium(c) for c in v.criteria],
                bewaartermijn_maanden=v.bewaartermijn_maanden,
                geldig_van=v.geldig_van,
                geldig_tot=v.geldig_tot,
                ingetrokken_op=v.ingetrokken_op,
                geldig=cijfers.als_vergunning(v).geldig_op(vandaag),
            )
            for v in cijfers.vergunningrijen(ctx.sessie, REGISTER)
        ],
        geldige_vergunning=geldig.nummer if geldig else None,
        aansluitingen=[
            AansluitingUit(organisatie=a.organisatie_id, sinds=a.sinds, tot=a.tot)
            for a in cijfers.aansluitingen(ctx.sessie, REGISTER)
        ],
    )


def leg_vergunning_vast(ctx: Context, invoer: VergunningIn) -> None:
    vergunningbeheer(ctx)
    if invoer.geldig_tot is not None and invoer.geldig_tot < invoer.geldig_van:
        raise OngeldigeInvoer({"geldigTot": "De einddatum ligt voor de begindatum."})
    if cijfers.vergunningrij(ctx.sessie, REGISTER, invoer.nummer) is not None:
        raise OngeldigeInvoer({"nummer": "Deze vergunning is al vastgelegd."})
    beheer.bewaar(
        ctx.sessie,
        Apvergunning(
            register_id=REGISTER,
            nummer=invoer.nummer,
            reikwijdte=invoer.reikwijdte,
            criteria=[c.value for c in invoer.criteria],
            bewaartermijn_maanden=invoer.bewaartermijn_maanden,
            geldig_van=invoer.geldig_van,
            geldig_tot=invoer.geldig_tot,
            ingetrokken_op=None,
            vastgelegd_door=ctx.ik.gebruiker_id,
            vastgelegd_op=ctx.nu(),
        ),
    )
    ctx.audit("vergunning vastleggen", nummer=invoer.nummer)


def trek_vergunning_in(ctx: Context, vergunning_id: int, invoer: IntrekkingIn) -> None:
    """Record that the AP withdrew the permit (on a day that has come: a date in the future
    would keep the register answering until then)."""
    beheer_of_privacy(ctx)
    niet_in_de_toekomst(ctx, op=invoer.op)
    v = next(
        (x for x in cijfers.vergunningrijen(ctx.sessie, REGISTER) if x.id == vergunning_id), None
    )
    if v is None:
        raise NietGevonden("Deze vergunning is niet vastgelegd.")
    if v.ingetrokken_op is not None:
        raise Conflict("Deze vergunning is al ingetrokken.")
    v.ingetrokken_op = invoer.op
    ctx.audit("vergunning intrekken", nummer=v.nummer)


def sluit_aan(ctx: Context, invoer: AansluitingIn) -> None:
    beheer_of_privacy(ctx)
    if invoer.organisatie not in dict(bedrijven(ctx)):
        raise OngeldigeInvoer({"organisatie": "Kies een bedrijf uit de logistieke sector."})
    if deur.aangesloten(ctx, invoer.organisatie):
        raise Conflict("Dit bedrijf is al aangesloten.")
    beheer.bewaar(
        ctx.sessie,
        Registeraansluiting(
            register_id=REGISTER, organisatie_id=invoer.organisatie, sinds=invoer.sinds, tot=None
        ),
    )
    ctx.audit("bedrijf aansluiten", organisatie=invoer.organisatie)


# --- Entries -------------------------------------------------------------------------------------


def _kop(ctx: Context, r: Waarschuwingsregistratie) -> RegistratieKop:
    return RegistratieKop(
        id=r.id,
        naam=r.naam,
        criterium=Registratiecriterium(r.criterium),
        ingeschreven_op=r.ingeschreven_op,
        einde=r.einde,
        status=registratiestatus_op(Registratiestatus(r.status), r.einde, ctx.nu().date()),
    )


def _uit(ctx: Context, r: Waarschuwingsregistratie) -> RegistratieUit:
    return RegistratieUit(
        **_kop(ctx, r).model_dump(),
        geboortedatum=r.geboortedatum,
        bewijs=r.bewijs,
        aangemeld_door=r.aangemeld_door,
        kennisgeving_op=r.kennisgeving_op,
        bezwaar_op=r.bezwaar_op,
        stappen=stappen(r),
        raadplegingen=[
            RaadplegingUit(organisatie=x.organisatie_id, op=x.op)
            for x in deur.raadplegingen(ctx, r)
        ],
    )


def schrijf_in(ctx: Context, invoer: RegistratieIn) -> RegistratieUit:
    """A connected company's report becomes an entry, for the permit's fixed term; refused
    without a valid permit that allows the criterion (PRIVAAT-ZWARTE-LIJST)."""
    beheerder(ctx)
    vandaag = ctx.nu().date()
    _geboren(ctx, invoer.geboortedatum)
    if invoer.aangemeld_door == REGISTER or not deur.aangesloten(ctx, invoer.aangemeld_door):
        raise OngeldigeInvoer(
            {"aangemeldDoor": "Kies het aangesloten bedrijf dat de persoon aanmeldde."}
        )
    v = deur.geldige_vergunning(ctx)
    if v is not None and invoer.criterium not in v.criteria:
        raise OngeldigeInvoer({"criterium": f"Vergunning {v.nummer} staat dit criterium niet toe."})
    rij = cijfers.vergunningrij(ctx.sessie, REGISTER, v.nummer) if v else None
    r = Waarschuwingsregistratie(
        id=nummering.volgend_nummer(ctx.sessie, Waarschuwingsregistratie, "WR", vandaag.year),
        register_id=REGISTER,
        vergunning_id=rij.id if rij else 0,
        naam=invoer.naam,
        geboortedatum=invoer.geboortedatum,
        sleutel=sleutel(ctx, invoer.naam, invoer.geboortedatum),
        criterium=invoer.criterium.value,
        bewijs=invoer.bewijs,
        aangemeld_door=invoer.aangemeld_door,
        ingeschreven_op=vandaag,
        einde=registratie_einde(vandaag, v.bewaartermijn_maanden if v else 1),
        kennisgeving_op=None,
        status=Registratiestatus.INGESCHREVEN.value,
        bezwaar_op=None,
        stappen=[],
        vastgelegd_door=ctx.ik.gebruiker_id,
        vastgelegd_op=ctx.nu(),
    )
    deur.schrijf_in(ctx, r)  # refuses (with the article) before anything is stored
    voeg_stap(
        ctx,
        r,
        f"Ingeschreven onder vergunning {v.nummer if v else ''} tot en met {r.einde:%d-%m-%Y}",
    )
    beheer.bewaar(ctx.sessie, r)
    ctx.audit("registratie inschrijven", registratie=r.id)
    return _uit(ctx, r)


def lijst(ctx: Context) -> list[RegistratieKop]:
    beheerder(ctx)
    return [_kop(ctx, r) for r in deur.registraties(ctx)]


def lees(ctx: Context, registratie_id: str) -> RegistratieUit:
    beheerder(ctx)
    return _uit(ctx, deur.registratie(ctx, registratie_id))


def _bewerk(ctx: Context, registratie_id: str) -> Waarschuwingsregistratie:
    beheerder(ctx)
    return deur.registratie(ctx, registratie_id, naam="registratie bijwerken")


def kennisgeving(ctx: Context, registratie_id: str, invoer: KennisgevingIn) -> None:
    """The person is told they are entered, why, for how long, and how to object or see."""
    r = _bewerk(ctx, registratie_id)
    op = invoer.op or ctx.nu().date()
    niet_in_de_toekomst(ctx, op=op)
    r.kennisgeving_op = op
    voeg_stap(ctx, r, "Kennisgeving aan de betrokkene verstuurd", op)
    ctx.audit("kennisgeving versturen", registratie=r.id)


def bezwaar(ctx: Context, registratie_id: str, invoer: BezwaarIn) -> None:
    r = _bewerk(ctx, registratie_id)
    op = invoer.op or ctx.nu().date()
    niet_in_de_toekomst(ctx, op=op)
    try:
        r.status = verloop.registratiestap(
            registratiestatus_op(Registratiestatus(r.status), r.einde, ctx.nu().date()),
            Registratiestatus.BEZWAAR,
        ).value
    except OngeldigeOvergang as exc:
        raise Conflict(zin(str(exc))) from exc
    r.bezwaar_op = op
    voeg_stap(ctx, r, f"Bezwaar ontvangen: {invoer.gronden}", op)
    ctx.audit("bezwaar vastleggen", registratie=r.id)


def beslis_bezwaar(ctx: Context, registratie_id: str, invoer: BezwaarbesluitIn) -> None:
    r = _bewerk(ctx, registratie_id)
    if r.status != Registratiestatus.BEZWAAR.value:
        raise Conflict("Er loopt geen bezwaar tegen deze registratie.")
    naar = (
        Registratiestatus.DOORGEHAALD
        if invoer.uitkomst is Bezwaaruitkomst.GEGROND
        else Registratiestatus.INGESCHREVEN
    )
    r.status = verloop.registratiestap(Registratiestatus.BEZWAAR, naar).value
    voeg_stap(ctx, r, f"Bezwaar {invoer.uitkomst.value}: {invoer.motivering}")
    ctx.audit("bezwaar beslissen", invoer.uitkomst.value, registratie=r.id)


def inzage(ctx: Context, registratie_id: str) -> RegistratieUit:
    """What the person gets on a request for access (AVG art. 15): the entry, its evidence,
    the term, and which companies looked them up when. Read for that purpose, logged."""
    beheerder(ctx)
    r = deur.registratie(ctx, registratie_id, naam="inzage verstrekken", doel="inzage_betrokkene")
    voeg_stap(ctx, r, "Inzage verstrekt aan de betrokkene")
    return _uit(ctx, r)


# --- Lookups -------------------------------------------------------------------------------------


def raadpleeg(ctx: Context, invoer: RaadpleegIn) -> Raadpleeguitkomst:
    """A connected company's screener asks; hit or no hit, nothing more."""
    if not deur.is_screener(ctx):
        raise GeenToegang("alleen screeningsmedewerkers van aangesloten bedrijven raadplegen")
    _geboren(ctx, invoer.geboortedatum)
    geraakt = deur.raadpleeg(ctx, sleutel(ctx, invoer.naam, invoer.geboortedatum))
    ctx.audit("waarschuwingsregister raadplegen", "treffer" if geraakt else "geen treffer")
    return Raadpleeguitkomst(
        treffer=bool(geraakt),
        gevraagd_op=ctx.nu(),
        wat_nu=(
            "Er staat een registratie op deze naam en geboortedatum. Neem contact op met het "
            "register voor de volgende stap; weeg de treffer mee, maar besluit zelf en hoor "
            "de persoon."
            if geraakt
            else "Er staat geen registratie op deze naam en geboortedatum. Een afwijkende "
            "schrijfwijze geeft ook geen treffer: controleer het identiteitsbewijs."
        ),
    )


def laat_verlopen(ctx: Context) -> int:
    """Mark entries past their term as expired (they already hit nothing): run daily by
    `integraal poortwachters verloop` or from the keeper's page; the number marked."""
    beheerder(ctx)
    vandaag = ctx.nu().date()
    verlopen = [
        r
        for r in deur.registraties(ctx, naam="registraties laten verlopen", audit=False)
        if r.status in (Registratiestatus.INGESCHREVEN.value, Registratiestatus.BEZWAAR.value)
        and r.einde < vandaag
    ]
    for r in verlopen:
        r.status = Registratiestatus.VERLOPEN.value
        voeg_stap(ctx, r, "Verlopen: de registratietermijn is voorbij", r.einde + dt.timedelta(1))
    ctx.audit("registraties laten verlopen", aantal=len(verlopen))
    return len(verlopen)


def te_laten_verlopen(ctx: Context) -> int:
    """Entries past their term not yet marked (a count for the keeper's Mijn taken)."""
    if not deur.is_registerbeheerder(ctx):
        return 0
    return cijfers.te_laten_verlopen(ctx.sessie, REGISTER, ctx.nu().date())
