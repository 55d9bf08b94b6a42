# SPDX-License-Identifier: EUPL-1.2
"""The FEC: signal rounds among its participants, and the Serious Crime Taskforce's facilitator
indicators for designated banks.

A round puts one description with identifiers to every participant designated on that day;
each answers whether it knows it, and only the FEC sees the answers. A case follows the
existing flow, and only where the WGS threshold is met (the FEC's werkwijze demands the
indications when the case opens).

Indicators describe how facilitators work at phenomenon level, never who: text that looks like
it identifies a person is refused, a second person of a government participant approves, and
each designated bank receives them under the rule that names the designation (WGS-FEC-SCTF).
"""

from __future__ import annotations

import datetime as dt
import re
from typing import ClassVar

from pydantic import Field, field_validator

from integraal.casus.signalen import Kenmerk, KenmerkUit, opgeslagen
from integraal.delen.model import Onderdeel, Vierogenstap
from integraal.domein.fouten import Conflict, GeenToegang, NietGevonden, OngeldigeInvoer
from integraal.domein.identificatie import kenmerk_in, kenmerken_in
from integraal.domein.invoer import Invoer, OptioneleTekst, Uitvoer, veld
from integraal.domein.keuze import Keuze
from integraal.domein.rollen import Rol
from integraal.opslag import beheer
from integraal.opslag import verbanden as opslag
from integraal.opslag.modellen import Facilitatorindicator, Rondeantwoord, Signaalronde
from integraal.toegang import rondes as deur
from integraal.toegang import signalen as signaaldeur
from integraal.verwerking import Context

MEDEWERKERS = frozenset({Rol.ANALIST, Rol.COORDINATOR})
OPSTELLERS = frozenset({Rol.ANALIST, Rol.COORDINATOR, Rol.OPSPORINGSAMBTENAAR, Rol.OFFICIER})


# --- Signal rounds -----------------------------------------------------------------------------


class RondeIn(Invoer):
    omschrijving: str = veld(
        "Wat is het signaal?",
        hint="Wat zien we, waar en wanneer, in 10 tot 5.000 tekens.",
        min_length=10,
        max_length=5000,
    )
    aanwijzingen: str = veld(
        "Duidelijke en objectieve aanwijzingen",
        hint="Waarom mag dit signaal rond? Noem de feiten en bronnen, in minstens 20 tekens.",
        min_length=20,
        max_length=5000,
    )
    kenmerken: list[Kenmerk] = veld(
        "Kenmerken",
        hint="Waarnaar de deelnemers zoeken, zoals een KvK-nummer of IBAN.",
        standaard=[],
        max_length=10,
    )
    signaal_id: OptioneleTekst = veld(
        "Signaal", hint="Het signaal waaruit de ronde voortkomt, als dat er is.", standaard=None
    )

    meldingen: ClassVar[dict[str, str]] = {
        "omschrijving": "Beschrijf het signaal in 10 tot 5.000 tekens.",
        "aanwijzingen": "Motiveer de aanwijzingen in minstens 20 tekens.",
    }


class RondeantwoordIn(Invoer):
    bekend: bool = veld("Is het signaal bij uw organisatie bekend?")
    toelichting: OptioneleTekst = veld(
        "Toelichting",
        hint="Wat weet u, en wie neemt contact op? Alleen wat het FEC nodig heeft.",
        standaard=None,
        max_length=2000,
    )

    meldingen: ClassVar[dict[str, str]] = {"bekend": "Kies of het signaal bekend is."}


class AntwoordUit(Uitvoer):
    organisatie: str
    bekend: bool
    toelichting: str | None
    beantwoord_op: dt.datetime


class RondeUit(Uitvoer):
    id: str
    omschrijving: str
    aanwijzingen: str
    kenmerken: list[KenmerkUit]
    signaal_id: str | None
    status: str
    gestart_op: dt.datetime
    deelnemers: list[str]
    antwoorden: list[AntwoordUit] = Field(default_factory=list)
    eigen_antwoord: AntwoordUit | None = None
    bij_fec: bool = False

    @property
    def open(self) -> bool:
        return self.status == "open"

    @property
    def zonder_antwoord(self) -> list[str]:
        gedaan = {a.organisatie for a in self.antwoorden}
        return [d for d in self.deelnemers if d not in gedaan]


def _antwoord(a: Rondeantwoord) -> AntwoordUit:
    return AntwoordUit(
        organisatie=a.organisatie_id,
        bekend=a.bekend,
        toelichting=a.toelichting,
        beantwoord_op=a.beantwoord_op,
    )


def _uit(ctx: Context, r: Signaalronde, *, volledig: bool = False) -> RondeUit:
    bij_fec = ctx.ik.organisatie_id == r.verband_id
    eigen = None if bij_fec or not volledig else deur.eigen_antwoord(ctx, r)
    return RondeUit(
        id=r.id,
        omschrijving=r.omschrijving,
        aanwijzingen=r.aanwijzingen,
        kenmerken=[KenmerkUit(soort=k["soort"], waarde=k["waarde"]) for k in r.kenmerken],
        signaal_id=r.signaal_id,
        status=r.status,
        gestart_op=r.gestart_op,
        deelnemers=list(r.deelnemers),
        # The FEC's own staff see the answers (also counted in the list); a participant never.
        antwoorden=[_antwoord(a) for a in deur.antwoorden(ctx, r)] if bij_fec else [],
        eigen_antwoord=_antwoord(eigen) if eigen else None,
        bij_fec=bij_fec,
    )


def _fec(ctx: Context) -> str:
    w = ctx.beslisser.register.werkwijze(ctx.ik.organisatie_id)
    if w is None or not w.heeft(Onderdeel.SIGNAALRONDEN) or ctx.ik.rol not in MEDEWERKERS:
        raise GeenToegang("alleen analisten en coördinatoren van het FEC starten een ronde")
    return w.doel


def start(ctx: Context, invoer: RondeIn) -> RondeUit:
    """Put a signal to every participant designated today; each provision is decided and
    logged."""
    doel = _fec(ctx)
    verband = ctx.ik.organisatie_id
    register = ctx.beslisser.register
    if invoer.signaal_id:
        try:
            signaaldeur.een(ctx, invoer.signaal_id, naam="signaalronde starten")
        except NietGevonden as exc:
            raise OngeldigeInvoer({"signaal_id": "Kies een signaal van het FEC."}) from exc
    deelnemers = sorted(register.deelnemers_op(verband, ctx.nu().date()))
    r = Signaalronde(
        id=opslag.volgend_nummer(ctx.sessie, Signaalronde, "SR", ctx.nu().year),
        verband_id=verband,
        signaal_id=invoer.signaal_id,
        omschrijving=invoer.omschrijving,
        aanwijzingen=invoer.aanwijzingen,
        kenmerken=opgeslagen(ctx.pseudoniem_sleutel, invoer.kenmerken),
        deelnemers=deelnemers,
        status="open",
        gestart_door=ctx.ik.gebruiker_id,
        gestart_op=ctx.nu(),
    )
    regels = []
    for d in deelnemers:
        besluit = ctx.vereis(
            ctx.beslis(
                van=verband,
                aan=d,
                categorie=deur.CATEGORIE,
                doel=doel,
                feiten=frozenset({"objectieve_aanwijzingen"}),
            )
        )
        regels += [
            ctx.verwerking(
                besluit,
                naam="signaalronde verstrekken",
                doel=doel,
                verstrekker=verband,
                ontvanger=d,
                categorieen=(deur.CATEGORIE,),
                betrokkene=b.id if b else None,
                betrokkene_soort=b.soort if b else None,
            )
            for b in (deur.betrokkenen(r) or (None,))
        ]
    beheer.bewaar(ctx.sessie, r)
    ctx.log(regels)
    ctx.audit("signaalronde starten", ronde=r.id, deelnemers=len(deelnemers))
    return _uit(ctx, r)


def _doel(ctx: Context) -> str:
    fec = ctx.beslisser.register.verbanden(Onderdeel.SIGNAALRONDEN)
    w = ctx.beslisser.register.werkwijze(fec[0].id) if fec else None
    return w.doel if w else "integriteit_financiele_sector"


def lijst(ctx: Context) -> list[RondeUit]:
    return [_uit(ctx, r) for r in deur.lijst(ctx, _doel(ctx))]


def lees(ctx: Context, ronde_id: str) -> RondeUit:
    return _uit(ctx, deur.een(ctx, ronde_id, _doel(ctx)), volledig=True)


def beantwoord(ctx: Context, ronde_id: str, invoer: RondeantwoordIn) -> None:
    """A participant answers for its organisation (a provision to the FEC, decided and logged);
    a later answer replaces the earlier one while the round is open."""
    doel = _doel(ctx)
    r = deur.een(ctx, ronde_id, doel, naam="signaalronde beantwoorden")
    if ctx.ik.organisatie_id == r.verband_id:
        raise Conflict("Het FEC beantwoordt zijn eigen ronde niet.")
    if r.status != "open":
        raise Conflict("Deze ronde is gesloten.")
    _alleen_gevraagde_kenmerken(r, invoer.toelichting or "")
    besluit = ctx.vereis(
        ctx.beslis(van=ctx.ik.organisatie_id, aan=r.verband_id, categorie=deur.CATEGORIE, doel=doel)
    )
    bestaand = deur.eigen_antwoord(ctx, r)
    if bestaand is None:
        beheer.bewaar(
            ctx.sessie,
            Rondeantwoord(
                ronde_id=r.id,
                organisatie_id=ctx.ik.organisatie_id,
                bekend=invoer.bekend,
                toelichting=invoer.toelichting,
                beantwoord_door=ctx.ik.gebruiker_id,
                beantwoord_op=ctx.nu(),
            ),
        )
    else:
        bestaand.bekend, bestaand.toelichting = invoer.bekend, invoer.toelichting
        bestaand.beantwoord_door, bestaand.beantwoord_op = ctx.ik.gebruiker_id, ctx.nu()
    ctx.log(
        ctx.verwerking(
            besluit,
            naam="signaalronde beantwoorden",
            doel=doel,
            verstrekker=ctx.ik.organisatie_id,
            ontvanger=r.verband_id,
            categorieen=(deur.CATEGORIE,),
            betrokkene=b.id,
            betrokkene_soort=b.soort,
        )
        for b in deur.betrokkenen(r)
    )


def _schoon(waarde: str) -> str:
    return re.sub(r"[\s.\-]", "", waarde).upper()


def _alleen_gevraagde_kenmerken(r: Signaalronde, tekst: str) -> None:
    """An answer repeats no identifier the round did not put round, and never a BSN (the
    round holds only its pseudonym): the FEC asked about these, not about others."""
    gevraagd = {_schoon(k["waarde"]) for k in r.kenmerken if k["soort"] != "bsn"}
    for soort, waarde in kenmerken_in(tekst):
        if soort == "een BSN" or _schoon(waarde) not in gevraagd:
            raise OngeldigeInvoer(
                {
                    "toelichting": f"Dit lijkt {soort} te bevatten die niet in de ronde staat. "
                    "Noem alleen wat het FEC vroeg; andere gegevens deelt u via een verzoek."
                }
            )


def sluit(ctx: Context, ronde_id: str) -> None:
    doel = _fec(ctx)
    r = deur.een(ctx, ronde_id, doel, naam="signaalronde sluiten")
    if r.verband_id != ctx.ik.organisatie_id:
        raise NietGevonden(deur.NIET_GEVONDEN)
    if r.status != "open":
        raise Conflict("Deze ronde is al gesloten.")
    r.status, r.gesloten_op = "gesloten", ctx.nu()


def te_beantwoorden(ctx: Context) -> int:
    return opslag.open_rondes_zonder_antwoord(ctx.sessie, ctx.ik.organisatie_id)


# --- Serious Crime Taskforce: facilitator indicators ------------------------------------------


class Fenomeen(Keuze):
    ONDERGRONDS_BANKIEREN = "ondergronds_bankieren", "Ondergronds bankieren"
    GELDEZELS = "geldezels", "Geldezels en het doorsluizen van rekeningen"
    TRUSTDIENSTEN = "trustdiensten", "Trust- en kantoordiensten"
    HANDEL = "handel", "Witwassen via handel (TBML)"
    CRYPTO = "crypto", "Witwassen via crypto"
    VASTGOED = "vastgoed", "Witwassen via vastgoed"


def _geen_persoon(waarde: str) -> str:
    soort = kenmerk_in(waarde)
    if soort is not None:
        raise ValueError(
            f"Dit lijkt {soort} te bevatten. Een indicator beschrijft hoe facilitators werken, "
            "nooit wie: noem geen personen, rekeningen of bedrijven."
        )
    return waarde


class FacilitatorindicatorIn(Invoer):
    titel: str = veld("Titel", min_length=5, max_length=300)
    fenomeen: Fenomeen = veld("Fenomeen")
    omschrijving: str = veld(
        "Hoe werkt het?",
        hint="De werkwijze van de facilitators, op fenomeenniveau. Noem geen personen.",
        min_length=20,
        max_length=5000,
    )
    signalen: list[str] = veld(
        "Signalen voor de bank",
        hint="Waaraan een bank het in transacties of klantgedrag kan herkennen; één per regel.",
        min_length=1,
        max_length=15,
    )

    meldingen: ClassVar[dict[str, str]] = {
        "titel": "Geef de indicator een titel van 5 tot 300 tekens.",
        "fenomeen": "Kies het fenomeen.",
        "omschrijving": "Beschrijf de werkwijze in minstens 20 tekens, zonder personen.",
        "signalen": "Noem minstens één signaal voor de bank.",
    }

    _veilig = field_validator("titel", "omschrijving")(_geen_persoon)

    @field_validator("signalen")
    @classmethod
    def _signalen(cls, waarden: list[str]) -> list[str]:
        schoon = [w.strip() for w in waarden if w.strip()]
        for w in schoon:
            _geen_persoon(w)
        if not schoon:
            raise ValueError("Noem minstens één signaal voor de bank.")
        return schoon


class Indicatorstatus(Keuze):
    CONCEPT = "concept", "Concept, wacht op goedkeuring"
    GEPUBLICEERD = "gepubliceerd", "Gedeeld met de aangewezen banken"
    INGETROKKEN = "ingetrokken", "Ingetrokken"


class FacilitatorindicatorUit(Uitvoer):
    id: str
    titel: str
    fenomeen: Fenomeen
    omschrijving: str
    signalen: list[str]
    status: Indicatorstatus
    organisatie: str
    opgesteld_op: dt.datetime
    gepubliceerd_op: dt.datetime | None
    mag_goedkeuren: bool = False

    @classmethod
    def van(cls, i: Facilitatorindicator, mag_goedkeuren: bool = False) -> FacilitatorindicatorUit:
        return cls(
            id=i.id,
            titel=i.titel,
            fenomeen=Fenomeen(i.fenomeen),
            omschrijving=i.omschrijving,
            signalen=list(i.signalen),
            status=Indicatorstatus(i.status),
            organisatie=i.organisatie_id,
            opgesteld_op=i.opgesteld_op,
            gepubliceerd_op=i.gepubliceerd_op,
            mag_goedkeuren=mag_goedkeuren,
        )


def _taskforce(ctx: Context) -> str:
    taskforces = ctx.beslisser.register.verbanden(Onderdeel.INDICATOREN)
    if not taskforces:
        raise Conflict("Er is geen taskforce die indicatoren deelt.")
    return taskforces[0].id


def _overheidsdeelnemer(ctx: Context, taskforce: str) -> bool:
    register = ctx.beslisser.register
    org = register.zoek(ctx.ik.organisatie_id)
    return (
        ctx.ik.organisatie_id in register.deelnemers_op(taskforce, ctx.nu().date())
        and "private" not in register.groepen(org)
        and ctx.ik.rol in OPSTELLERS
    )


def _banken(ctx: Context, taskforce: str) -> list[str]:
    register = ctx.beslisser.register
    return sorted(
        d
        for d in register.deelnemers_op(taskforce, ctx.nu().date())
        if "private" in register.groepen(register.organisatie(d))
    )


def mag_opstellen(ctx: Context) -> bool:
    """Whether the reader drafts and approves indicators (a government participant)."""
    return _overheidsdeelnemer(ctx, _taskforce(ctx))


def stel_op(ctx: Context, invoer: FacilitatorindicatorIn) -> FacilitatorindicatorUit:
    taskforce = _taskforce(ctx)
    if not _overheidsdeelnemer(ctx, taskforce):
        raise GeenToegang("alleen overheidsdeelnemers van de taskforce stellen indicatoren op")
    i = Facilitatorindicator(
        id=opslag.volgend_nummer(ctx.sessie, Facilitatorindicator, "FI", ctx.nu().year),
        verband_id=taskforce,
        titel=invoer.titel,
        fenomeen=invoer.fenomeen.value,
        omschrijving=invoer.omschrijving,
        signalen=list(invoer.signalen),
        status=Indicatorstatus.CONCEPT.value,
        organisatie_id=ctx.ik.organisatie_id,
        opgesteld_door=ctx.ik.gebruiker_id,
        opgesteld_op=ctx.nu(),
    )
    beheer.bewaar(ctx.sessie, i)
    ctx.audit("indicator opstellen", indicator=i.id)
    return FacilitatorindicatorUit.van(i)


def publiceer(ctx: Context, indicator_id: str) -> list[str]:
    """A second government participant approves; every bank designated today receives it,
    each provision decided under the designation (an ended one refuses)."""
    taskforce = _taskforce(ctx)
    i = opslag.indicator(ctx.sessie, indicator_id)
    if i is None or not _overheidsdeelnemer(ctx, taskforce):
        raise NietGevonden("deze indicator bestaat niet of u heeft er geen toegang toe")
    if i.status != Indicatorstatus.CONCEPT.value:
        raise Conflict("Alleen een concept kan worden gedeeld.")
    werkwijze = ctx.beslisser.register.werkwijze(taskforce)
    vier_ogen = werkwijze is None or werkwijze.vier_ogen(Vierogenstap.INDICATOR)
    if vier_ogen and i.opgesteld_door == ctx.ik.gebruiker_id:
        raise GeenToegang("wie de indicator opstelde, keurt haar niet zelf goed (vierogenprincipe)")
    banken = _banken(ctx, taskforce)
    for bank in banken:
        besluit = ctx.vereis(
            ctx.beslis(
                van=i.organisatie_id,
                aan=bank,
                categorie="modus_operandi",
                doel="wwft_cdd_melding",
                feiten=frozenset({"objectieve_aanwijzingen"}),
            )
        )
        ctx.audit("indicator delen", indicator=i.id, bank=bank, besluit=besluit.besluit_id)
    i.status, i.goedgekeurd_door, i.gepubliceerd_op = (
        Indicatorstatus.GEPUBLICEERD.value,
        ctx.ik.gebruiker_id,
        ctx.nu(),
    )
    return banken


def trek_in(ctx: Context, indicator_id: str) -> None:
    taskforce = _taskforce(ctx)
    i = opslag.indicator(ctx.sessie, indicator_id)
    if i is None or not _overheidsdeelnemer(ctx, taskforce):
        raise NietGevonden("deze indicator bestaat niet of u heeft er geen toegang toe")
    if i.status == Indicatorstatus.INGETROKKEN.value:
        raise Conflict("Deze indicator is al ingetrokken.")
    i.status, i.ingetrokken_op = Indicatorstatus.INGETROKKEN.value, ctx.nu()
    ctx.audit("indicator intrekken", indicator=i.id)


def indicatoren(ctx: Context) -> list[FacilitatorindicatorUit]:
    """Government participants: every indicator. A bank: the published ones, only while it is
    designated, each read decided under the designation of today."""
    taskforce = _taskforce(ctx)
    alle = opslag.indicatoren(ctx.sessie, taskforce)
    if _overheidsdeelnemer(ctx, taskforce):
        return [
            FacilitatorindicatorUit.van(
                i,
                i.status == Indicatorstatus.CONCEPT.value
                and i.opgesteld_door != ctx.ik.gebruiker_id,
            )
            for i in alle
        ]
    uit = []
    for i in alle:
        if i.status != Indicatorstatus.GEPUBLICEERD.value:
            continue
        besluit = ctx.beslis(
            van=i.organisatie_id,
            categorie="modus_operandi",
            doel="wwft_cdd_melding",
            feiten=frozenset({"objectieve_aanwijzingen"}),
            uitleg=False,
        )
        if besluit.toegestaan:
            uit.append(FacilitatorindicatorUit.van(i))
    ctx.audit("indicatoren lezen", "toegestaan" if uit else "leeg", aantal=len(uit))
    return uit


def goed_te_keuren(ctx: Context) -> int:
    taskforce = _taskforce(ctx)
    if not _overheidsdeelnemer(ctx, taskforce):
        return 0
    return sum(
        1
        for i in opslag.indicatoren(ctx.sessie, taskforce)
        if i.status == Indicatorstatus.CONCEPT.value and i.opgesteld_door != ctx.ik.gebruiker_id
    )
