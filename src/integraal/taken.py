# SPDX-License-Identifier: EUPL-1.2
"""'Mijn taken': what waits for this person, counted per kind of work.

Counts only: a work list says how many signals wait, not what they say, so the start page
reads no personal data (each item's own page is a logged read through the door)."""

from __future__ import annotations

from dataclasses import dataclass

from integraal.beheer import catalogus as catalogusbeheer
from integraal.beheer import mappings as mappingbeheer
from integraal.beheer import register as registerbeheer
from integraal.beheer.gebruikers import UITGENODIGD
from integraal.beslag import objecten
from integraal.bestuurlijk import bibob, sluitingen, vorderingen
from integraal.casus import advies
from integraal.delen.model import Onderdeel, Werkwijze
from integraal.domein.casus import DeelverzoekStatus, InterventieStatus, SignaalStatus
from integraal.domein.fouten import GeenToegang
from integraal.domein.rollen import POORTROLLEN, Rol
from integraal.integriteit import meldingen as integriteitsmeldingen
from integraal.integriteit import toegangsreview
from integraal.kruisverwijzing import oordelen
from integraal.monitor import opdrachten, pmg
from integraal.opslag import beheer
from integraal.opslag import casussen as casusopslag
from integraal.poortwachters import meldingen, opschortingen
from integraal.poortwachters import waarschuwingsregister as wr
from integraal.toegang import poortwachters as deur
from integraal.toegang.beslag import ketenrol
from integraal.verbanden import fec, icov, informeren
from integraal.verwerking import Context


@dataclass(frozen=True)
class Taak:
    titel: str
    aantal: int
    uitleg: str
    pad: str


def mijn_taken(ctx: Context) -> list[Taak]:
    actor = ctx.ik
    werkwijze = ctx.beslisser.register.werkwijze(actor.organisatie_id)
    uit: list[Taak] = _bestuurlijke_taken(ctx) + _poorttaken(ctx) + _integriteitstaken(ctx)
    uit += _pmg_taken(ctx)
    if werkwijze is not None and actor.rol in (Rol.ANALIST, Rol.COORDINATOR):
        uit += _taken_van_verband(ctx, werkwijze)
    elif actor.rol is Rol.BELEIDSMEDEWERKER:
        uit.append(
            Taak(
                "Moties en toezeggingen beoordelen",
                sum(1 for o in opdrachten.alle(ctx.sessie) if not o.beoordeeld),
                "records uit de bijlage of de open data die nog niet zijn beoordeeld",
                "/monitor/moties",
            )
        )
    # The privacy officer, the functioneel beheerder (their organisation's users, above) and
    # the gatekeepers handle no partner's requests or interventions.
    elif actor.rol not in (Rol.PRIVACY_OFFICER, Rol.FUNCTIONEEL_BEHEERDER, *POORTROLLEN):
        uit.append(
            Taak(
                "Verzoeken goedkeuren",
                casusopslag.aantal_deelverzoeken(
                    ctx.sessie, actor.organisatie_id, DeelverzoekStatus.WACHT_OP_GOEDKEURING.value
                ),
                "verzoeken om gegevens die op een tweede persoon wachten",
                "/deelverzoeken",
            )
        )
        uit.append(
            Taak(
                "Verzoeken beantwoorden",
                casusopslag.aantal_deelverzoeken(
                    ctx.sessie, actor.organisatie_id, DeelverzoekStatus.GOEDGEKEURD.value
                ),
                "goedgekeurde verzoeken die op een levering wachten",
                "/deelverzoeken",
            )
        )
        lopend = [
            i
            for i in advies.van_mijn_organisatie(ctx)
            if i.status in (InterventieStatus.VOORGESTELD, InterventieStatus.IN_UITVOERING)
        ]
        uit.append(
            Taak(
                "Interventies rapporteren",
                len(lopend),
                "interventies van uw organisatie die nog lopen",
                "/interventies",
            )
        )
        uit += _taken_als_deelnemer(ctx)
    if _in_de_beslagketen(ctx):
        uit.append(
            Taak(
                "Termijnen bewaken",
                objecten.aantal_termijnen(ctx),
                "beslagtermijnen die binnen twee weken verlopen of al verlopen zijn",
                "/beslag/termijnen",
            )
        )
    return uit


def _bestuurlijke_taken(ctx: Context) -> list[Taak]:
    """The municipality's deadlines: the LBB's term and the applicant's hearing (Bibob), the
    end of a closure and a pending objection, the term of a penalty or fine."""
    rol = ctx.ik.rol
    if rol is Rol.BIBOB_ADVISEUR:
        return [
            Taak(
                "Bibob-termijnen bewaken",
                bibob.te_bewaken(ctx),
                "adviestermijnen van het LBB en zienswijzetermijnen die binnen twee weken "
                "aflopen of al verlopen zijn",
                "/bibob",
            )
        ]
    if rol is Rol.OOV_ADVISEUR:
        return [
            Taak(
                "Bestuurlijke rapportages beoordelen",
                sluitingen.te_beoordelen(ctx),
                "rapportages van de politie waarop nog geen sluitingsdossier is geopend",
                "/sluitingen",
            ),
            Taak(
                "Sluitingen bewaken",
                sluitingen.te_bewaken(ctx),
                "sluitingen die binnen twee weken eindigen, en lopende bezwaren en beroepen",
                "/sluitingen",
            ),
            Taak(
                "Vorderingen bewaken",
                vorderingen.te_bewaken(ctx),
                "dwangsommen en boetes waarvan de termijn binnen twee weken afloopt",
                "/vorderingen",
            ),
        ]
    return []


def _pmg_taken(ctx: Context) -> list[Taak]:
    """Preventie met Gezag: a municipality's return to fill in, returns waiting for review."""
    ik = ctx.ik
    beoordelaar = pmg.is_beoordelaar(ctx)
    invullen, beoordelen = pmg.te_doen(ctx.sessie, ik, beoordelaar)
    uit = []
    if ik.rol in pmg.INVULLERS and pmg.is_gemeente(ctx):
        uit.append(
            Taak(
                "Preventie met Gezag-opgave invullen",
                invullen,
                "opgaven van uw gemeente die nog niet zijn ingediend of zijn teruggestuurd",
                "/pmg",
            )
        )
    if beoordelaar:
        uit.append(
            Taak(
                "Preventie met Gezag-opgaven beoordelen",
                beoordelen,
                "ingediende opgaven van gemeenten die wachten op uw oordeel",
                "/pmg",
            )
        )
    return uit


def _integriteitstaken(ctx: Context) -> list[Taak]:
    """Alerts for the privacy officer; for the coordinator, access that lapses soon or has."""
    if ctx.ik.rol is Rol.PRIVACY_OFFICER:
        return [
            Taak(
                "Integriteitsmeldingen beoordelen",
                integriteitsmeldingen.te_beoordelen(ctx),
                "meldingen over het gebruik van Integraal door medewerkers van uw organisatie",
                "/integriteit",
            ),
            Taak(
                "Regelwijzigingen beoordelen",
                catalogusbeheer.te_beoordelen(ctx),
                "voorgestelde versies van de deelregels die op uw goedkeuring wachten",
                "/regels/versies",
            ),
            Taak(
                "Wijzigingen van het partnerregister beoordelen",
                registerbeheer.te_beoordelen(ctx),
                "voorgestelde versies van het partnerregister die op uw goedkeuring wachten",
                "/partnerregister/versies",
            ),
            Taak(
                "Leveringsafspraken beoordelen",
                mappingbeheer.te_beoordelen(ctx),
                "voorgestelde leveringsafspraken aan uw organisatie die op uw goedkeuring wachten",
                "/beheer/mappings",
            ),
        ]
    if ctx.ik.rol is Rol.FUNCTIONEEL_BEHEERDER:
        return [_gebruikerstaak(ctx)]
    if ctx.ik.rol is Rol.COORDINATOR:
        return [
            _gebruikerstaak(ctx),
            Taak(
                "Toegang bevestigen",
                toegangsreview.aantal_te_doen(ctx),
                "lidmaatschappen en rollen die binnen twee weken vervallen of al vervallen zijn",
                "/toegangsreview",
            ),
        ]
    return []


def _gebruikerstaak(ctx: Context) -> Taak:
    """The organisation's users: invitations not used yet are what waits."""
    wachtend = sum(
        1
        for g in beheer.gebruikers_van(ctx.sessie, ctx.ik.organisatie_id)
        if g.actief and g.wachtwoord_hash == UITGENODIGD
    )
    return Taak(
        "Gebruikers beheren",
        wachtend,
        "uitnodigingen die nog niet zijn gebruikt; nodig collega's uit en wijzig rollen",
        "/beheer/gebruikers",
    )


def _poorttaken(ctx: Context) -> list[Taak]:
    """Gatekeepers' deadlines: a freeze to confirm at once (the institution), reports to
    analyse and freezes ending today or on the next working day (the FIU), entries past
    their term (the warning register)."""
    uit: list[Taak] = []
    if n := opschortingen.te_bevestigen(ctx):
        uit.append(
            Taak(
                "Opschortingen bevestigen",
                n,
                "verzoeken van FIU-Nederland om een transactie op te schorten; bevestig direct",
                "/opschortingen",
            )
        )
    if deur.is_fiu(ctx):
        uit += [
            Taak(
                "Meldingen analyseren",
                meldingen.te_analyseren(ctx),
                "meldingen die ontvangen of in analyse zijn",
                "/fiu/meldingen?status=ontvangen",
            ),
            Taak(
                "Opschortingen die aflopen",
                opschortingen.aflopend(ctx),
                "opschortingen die vandaag of de volgende werkdag eindigen",
                "/opschortingen",
            ),
        ]
    if ctx.ik.rol is Rol.REGISTERBEHEERDER:
        uit.append(
            Taak(
                "Registraties laten verlopen",
                wr.te_laten_verlopen(ctx),
                "registraties waarvan de termijn voorbij is",
                "/waarschuwingsregister",
            )
        )
    return uit


def _taken_als_deelnemer(ctx: Context) -> list[Taak]:
    """Work a participant does for a partnership: answering FEC rounds, approving the
    taskforce's indicators."""
    delen = ctx.beslisser.register.als_deelnemer(ctx.ik.organisatie_id, ctx.nu().date())
    uit: list[Taak] = []
    if Onderdeel.SIGNAALRONDEN in delen:
        uit.append(
            Taak(
                "Signaalronden beantwoorden",
                fec.te_beantwoorden(ctx),
                "rondes van het FEC die op het antwoord van uw organisatie wachten",
                "/signaalronden",
            )
        )
    if Onderdeel.INDICATOREN in delen and fec.mag_opstellen(ctx):
        uit.append(
            Taak(
                "Indicatoren goedkeuren",
                fec.goed_te_keuren(ctx),
                "facilitatorindicatoren van collega's die op een tweede persoon wachten",
                "/facilitatorindicatoren",
            )
        )
    return uit


def _taken_van_verband(ctx: Context, werkwijze: Werkwijze) -> list[Taak]:
    """The work of an analyst or coordinator at a partnership, per part its werkwijze has."""
    actor = ctx.ik
    uit: list[Taak] = []
    if werkwijze.heeft(Onderdeel.SIGNALEN):
        uit.append(
            Taak(
                "Signalen beoordelen",
                casusopslag.aantal_signalen(
                    ctx.sessie,
                    actor.organisatie_id,
                    [SignaalStatus.NIEUW.value, SignaalStatus.IN_BEHANDELING.value],
                ),
                "nieuwe signalen en signalen in behandeling",
                "/signalen",
            )
        )
    if werkwijze.heeft(Onderdeel.RAPPORTAGES):
        uit.append(
            Taak(
                "Rapportageverzoeken behandelen",
                icov.te_behandelen(ctx),
                "verzoeken die wachten op opstellen of op een tweede medewerker",
                "/rapportages",
            )
        )
    if werkwijze.heeft(Onderdeel.CASUSSEN):
        open_ = [
            c
            for c in beheer.casussen_van_gebruiker(
                ctx.sessie, actor.gebruiker_id, sinds=ctx.bevestigd_sinds()
            )
            if c.status == "open"
        ]
        uit.append(Taak("Open casussen", len(open_), "casussen waarvan u lid bent", "/casussen"))
        if werkwijze.advies is not None and actor.rol is Rol.COORDINATOR:
            vorm = werkwijze.advies
            uit.append(
                Taak(
                    f"{vorm.kort.capitalize()} vaststellen",
                    casusopslag.vast_te_stellen(
                        ctx.sessie, actor.organisatie_id, actor.gebruiker_id
                    ),
                    f"concepten ({vorm.naam.lower()}) die een collega opstelde en die op uw "
                    "vaststelling wachten",
                    "/casussen",
                )
            )
        if werkwijze.informeren:
            uit.append(
                Taak(
                    "Betrokkenen informeren",
                    informeren.te_doen(ctx),
                    "betrokkenen zonder besluit over informeren, of van wie het uitstel opnieuw "
                    "moet worden beoordeeld",
                    f"/casussen/{open_[0].id}/informeren" if len(open_) == 1 else "/casussen",
                )
            )
        uit.append(
            Taak(
                "Suggesties beoordelen",
                oordelen.te_beoordelen(ctx),
                "paren uit kruisverwijzingen in uw casussen die op uw oordeel wachten",
                f"/casussen/{open_[0].id}/kruisverwijzing#suggesties"
                if len(open_) == 1
                else "/casussen",
            )
        )
    return uit


def _in_de_beslagketen(ctx: Context) -> bool:
    try:
        ketenrol(ctx)
    except GeenToegang:
        return False
    return True
