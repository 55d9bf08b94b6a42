# SPDX-License-Identifier: EUPL-1.2
"""Users of the gatekeeper flows, on top of the small world."""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from integraal.domein.actor import Actor
from integraal.domein.rollen import Rol
from integraal.omgeving import Omgeving
from tests.conftest import Wereld, maak_actor


@dataclass(frozen=True)
class Poort:
    bank: Actor
    notaris: Actor
    notaris2: Actor
    fiu: Actor
    fiod: Actor
    politie: Actor
    register: Actor
    register_po: Actor
    terminal: Actor
    luchtvracht: Actor
    haven: Actor


def maak_poort(o: Omgeving) -> Poort:
    return Poort(
        bank=maak_actor(o, "melder.bank", "voorbeeldbank", Rol.MELDER),
        notaris=maak_actor(o, "notaris.een", "notariskantoor-fictief", Rol.NOTARIS),
        notaris2=maak_actor(o, "notaris.twee", "notariskantoor-tweede-fictief", Rol.NOTARIS),
        fiu=maak_actor(o, "analist.fiu", "fiu", Rol.ANALIST),
        fiod=maak_actor(o, "analist.fiod", "fiod", Rol.ANALIST),
        politie=maak_actor(o, "analist.politie", "politie", Rol.ANALIST),
        register=maak_actor(
            o, "beheer.wr", "waarschuwingsregister-logistiek", Rol.REGISTERBEHEERDER
        ),
        register_po=maak_actor(
            o, "privacy.wr", "waarschuwingsregister-logistiek", Rol.PRIVACY_OFFICER
        ),
        terminal=maak_actor(o, "screening.terminal", "containerterminal-fictief", Rol.SCREENER),
        luchtvracht=maak_actor(o, "screening.lucht", "luchtvracht-fictief", Rol.SCREENER),
        haven=maak_actor(o, "contact.haven", "havenbedrijf-fictief", Rol.CONTACTPUNT),
    )


@pytest.fixture
def poort(wereld: Wereld) -> Poort:
    return maak_poort(wereld.omgeving)


# Markers only the allowed reader may see: the client in a report, the FIU's own analysis,
# the institution's transaction, a notary's client and a person in the warning register.
CLIENT = "Mirjam Markeerstift"
ANALYSE = "FIU-ANALYSE-GEHEIM-K8"
TOELICHTING = "FIU-TOELICHTING-VOOR-FIOD-K9"
OORDEEL = "FIU-OORDEEL-GELDEZELS-K7"
TRANSACTIE = "BET-MARKER-4411"
NOTARISKLANT = "Nico Notarisklant"
GEREGISTREERD = "Rik Registermarker"


def poortwereld(wereld: Wereld, poort: Poort) -> dict[str, str]:
    """A report declared suspicious and given to the FIOD, a freeze at the bank, a notary's
    refusal, and a warning-register entry under a valid permit with a connected terminal."""
    from integraal.casus.signalen import Kenmerk, KenmerkSoort
    from integraal.poortwachters import meldingen, notarissen, opschortingen
    from integraal.poortwachters import waarschuwingsregister as wr
    from tests.hulp import doe

    o = wereld.omgeving
    bon = doe(
        o,
        poort.bank,
        meldingen.meld,
        meldingen.MeldingIn(
            meldgrond="subjectief",
            indicator="Contante storting past niet bij het profiel",
            client=CLIENT,
            kenmerken=[Kenmerk(soort=KenmerkSoort.KVK, waarde="99000071")],
            transactie_op="02-11-2026",
            bedrag_euro="9.500,00",
            aard="Contante storting",
            reden="Grote contante storting zonder aannemelijke herkomst.",
        ),
    )
    doe(o, poort.fiu, meldingen.analyseer, bon.id, meldingen.AnalyseIn(notitie=ANALYSE))
    doe(
        o,
        poort.fiu,
        meldingen.beoordeel,
        bon.id,
        meldingen.OordeelIn(oordeel="verdacht", motivering=f"{OORDEEL}: past bij geldezels."),
    )
    vt = doe(
        o,
        poort.fiu,
        meldingen.verstrek,
        bon.id,
        meldingen.VerstrekkingIn(aan="fiod", toelichting=TOELICHTING),
    )
    os_ = doe(
        o,
        poort.fiu,
        opschortingen.verzoek,
        opschortingen.OpschortingIn(
            instelling="voorbeeldbank",
            melding_id=bon.id,
            transactie_kenmerk=TRANSACTIE,
            bedrag_euro="9.000,00",
            reden="Doorboeking naar het buitenland is aangekondigd.",
        ),
    )
    doe(
        o,
        poort.notaris,
        notarissen.leg_vast,
        notarissen.WeigeringIn(
            soort="geweigerd",
            reden="witwassen",
            op="02-11-2026",
            client=NOTARISKLANT,
            kenmerken=[Kenmerk(soort=KenmerkSoort.KVK, waarde="99000072")],
            toelichting="Wilde contant betalen.",
        ),
    )
    doe(
        o,
        poort.register_po,
        wr.leg_vergunning_vast,
        wr.VergunningIn(
            nummer="AP-TEST-1",
            reikwijdte="Logistieke sector, voor de tests.",
            criteria=["ontslag"],
            bewaartermijn_maanden=24,
            geldig_van="01-01-2026",
        ),
    )
    doe(
        o,
        poort.register,
        wr.sluit_aan,
        wr.AansluitingIn(organisatie="containerterminal-fictief", sinds="01-01-2026"),
    )
    r = doe(
        o,
        poort.register,
        wr.schrijf_in,
        wr.RegistratieIn(
            naam=GEREGISTREERD,
            geboortedatum="01-01-1980",
            criterium="ontslag",
            bewijs="Ontslagbesluit met kenmerk HR-1, wegens medewerking aan smokkel.",
            aangemeld_door="containerterminal-fictief",
        ),
    )
    return {"melding": bon.id, "vt": vt.id, "opschorting": os_.id, "registratie": r.id}
