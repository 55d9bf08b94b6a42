# SPDX-License-Identifier: EUPL-1.2
"""One worked case per partnership in the demo world, done through the same services users call:

- a Zorg- en Veiligheidshuis: a registration by the care partner, a complex case with minimal
  data from the municipality and care context from the care partner, a person-centred plan
  with partner actions, and the duty to inform (one informed, one deferred);
- the FEC: a participant's signal, a signal round among the participants, a case opened with
  its indications; the Serious Crime Taskforce shares an approved facilitator indicator with
  the designated bank;
- iCOV: the tax office's delivery, a report requested by the police with the officer's order,
  composed and approved by two iCOV people and delivered; a second request waits;
- the register of sharing bottlenecks: a refused request from the RIEC case turned into an
  entry in one step, a hand entry escalated, and one resolved and reused elsewhere.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import ParamSpec, TypeVar

from integraal.bronnen.importeren import importeer
from integraal.bronnen.mapping import meegeleverde_mappings
from integraal.casus import advies, casussen, deelverzoeken, signalen
from integraal.casus.advies import AdviesIn, VoorstelIn
from integraal.casus.casussen import CasusIn, SubjectIn
from integraal.casus.deelverzoeken import DeelverzoekIn
from integraal.casus.signalen import Beoordeling, Kenmerk, KenmerkSoort, SignaalIn
from integraal.demo.als import als
from integraal.domein.actor import Actor
from integraal.domein.casus import Casusthema, SignaalStatus
from integraal.domein.knelpunt import Knelpuntsoort, Knelpuntthema, Oplossingssoort
from integraal.omgeving import Omgeving
from integraal.opslag import verbanden as verbandopslag
from integraal.opslag.db import transactie
from integraal.toegang import Leesvraag, zoek_entiteiten
from integraal.verbanden import fec, icov, informeren, knelpunten
from integraal.verbanden.fec import FacilitatorindicatorIn, Fenomeen, RondeantwoordIn, RondeIn
from integraal.verbanden.icov import Rapportagedoel, Rapportagesoort, RapportageverzoekIn
from integraal.verbanden.informeren import (
    Informeerbesluit,
    InformerenIn,
    Uitstelreden,
    Wijze,
)
from integraal.verbanden.knelpunten import (
    EscalatieIn,
    HergebruikIn,
    KnelpuntIn,
    OplossingIn,
    UitDeelverzoek,
)
from integraal.verwerking import Kanaal

P = ParamSpec("P")
T = TypeVar("T")
RIEC_ZAAK = "RIEC-RDM-2026-001"
ZVH = "zvh-rotterdam-rijnmond"

# (bsn, voornamen, achternaam, geboortedatum ISO, straat, huisnummer, postcode)
Persoon = tuple[str, str, str, str, str, str, str]


def _lever(
    omgeving: Omgeving, actor: Actor, mapping: str, naam: str, inhoud: str, casus: str | None
) -> None:
    importeer(
        omgeving.context,
        actor,
        meegeleverde_mappings()[mapping],
        naam,
        inhoud.encode(),
        casus_id=casus,
        kanaal=Kanaal.DEMO,
    )


def speel_verbanden(
    omgeving: Omgeving, actoren: dict[str, Actor], personen: Sequence[Persoon]
) -> None:
    """Once per database: the partnerships' work is history, not something to redo."""
    with transactie(omgeving.fabriek) as sessie:
        if verbandopslag.rapportageverzoeken(sessie, verband_id="icov"):
            return
    _zorg_en_veiligheid(omgeving, actoren, personen[50:53])
    _fec(omgeving, actoren)
    _icov(omgeving, actoren, personen[:3])
    _knelpunten(omgeving, actoren)
    _informeren_riec(omgeving, actoren)


def _zorg_en_veiligheid(
    omgeving: Omgeving, actoren: dict[str, Actor], personen: Sequence[Persoon]
) -> None:
    zorg, analist, coord = actoren["zorg.ggz"], actoren["analist.zvh"], actoren["coordinator.zvh"]
    s = als(
        omgeving,
        zorg,
        signalen.dien_in,
        SignaalIn(
            verband=ZVH,
            omschrijving="Een cliënt van 19 raakt betrokken bij drugsrunners in de wijk en "
            "mist zijn behandelafspraken; de familie maakt zich zorgen.",
        ),
    )
    als(
        omgeving,
        analist,
        signalen.beoordeel,
        s.id,
        Beoordeling(
            status=SignaalStatus.IN_BEHANDELING,
            reden="Zorg en veiligheid lopen door elkaar: complexe casus.",
        ),
    )
    c = als(
        omgeving,
        coord,
        casussen.open_casus,
        CasusIn(
            titel="Jongere in Rotterdam-Zuid",
            signalen=[s.id],
            leden=["analist.zvh"],
            thema=Casusthema.DRUGS,
            aanwijzingen="Aanmelding van de zorgpartner en meldingen van de wijkagent over "
            "betrokkenheid bij drugshandel.",
        ),
    )
    kop = "bsn;voornamen;achternaam;geboortedatum;straat;huisnummer;postcode;plaats\n"
    rijen = "".join(
        f"{p[0]};{p[1]};{p[2]};{p[3]};{p[4]};{p[5]};{p[6]};Rotterdam\n" for p in personen[:2]
    )
    _lever(
        omgeving, actoren["gemeente.rdam"], "demo-gemeente-zvh", "aanmelding.csv", kop + rijen, c.id
    )
    jongere = personen[0]
    _lever(
        omgeving,
        zorg,
        "demo-zorgpartner-zorg",
        "zorg.csv",
        "bsn;naam;zorg\n"
        f"{jongere[0]};{jongere[1]} {jongere[2]};"
        "Ambulante behandeling loopt, behandelaar bereikbaar via de zorgpartner.\n",
        c.id,
    )
    for eid in _subjecten(omgeving, analist, c.id, "complexe_casus", [p[2] for p in personen[:2]]):
        als(omgeving, analist, casussen.koppel_subject, c.id, SubjectIn(entiteit_id=eid))
    als(
        omgeving,
        analist,
        advies.stel_op,
        c.id,
        AdviesIn(
            analyse="Zorg en toezicht versterken elkaar: behandeling en dagbesteding voor de "
            "jongere, schuldhulp voor het gezin.",
            interventies=[
                VoorstelIn(maatregel="zorgtraject", eigenaar="zorgpartner-ggz-fictief"),
                VoorstelIn(maatregel="dagbesteding", eigenaar="gemeente-rotterdam"),
                VoorstelIn(maatregel="schuldhulpverlening", eigenaar="gemeente-rotterdam"),
            ],
        ),
    )
    als(omgeving, coord, advies.stel_vast, c.id)
    betrokkenen = als(omgeving, analist, informeren.overzicht, c.id)
    if betrokkenen:
        als(
            omgeving,
            analist,
            informeren.leg_vast,
            c.id,
            InformerenIn(
                entiteit_id=betrokkenen[0].entiteit_id,
                besluit=Informeerbesluit.GEINFORMEERD,
                wijze=Wijze.GESPREK,
                toelichting="Besproken in het eerste overleg met de jongere en zijn moeder.",
            ),
        )


def _subjecten(
    omgeving: Omgeving, actor: Actor, casus_id: str, doel: str, namen: Sequence[str]
) -> list[str]:
    uit: list[str] = []
    for naam in namen:
        with omgeving.context(actor, Kanaal.DEMO) as ctx:
            gevonden = zoek_entiteiten(ctx, Leesvraag(doel, casus_id), term=naam, limiet=5)
        uit += [b.id for b in gevonden if b.schema == "Person"][:1]
    return uit


def _fec(omgeving: Omgeving, actoren: dict[str, Actor]) -> None:
    fiod, analist, coord = actoren["fiod"], actoren["analist.fec"], actoren["coordinator.fec"]
    s = als(
        omgeving,
        fiod,
        signalen.dien_in,
        SignaalIn(
            verband="fec",
            omschrijving="Een trustkantoor in Rotterdam sluist via een reeks vennootschappen geld "
            "door naar het buitenland.",
            kenmerken=[Kenmerk(soort=KenmerkSoort.KVK, waarde="99000042")],
        ),
    )
    als(
        omgeving,
        analist,
        signalen.beoordeel,
        s.id,
        Beoordeling(status=SignaalStatus.IN_BEHANDELING, reden="Past in het thema witwassen."),
    )
    ronde = als(
        omgeving,
        analist,
        fec.start,
        RondeIn(
            omschrijving="Trustkantoor sluist geld door naar buitenlandse vennootschappen.",
            aanwijzingen="Melding van de FIOD en twee verdacht verklaarde transacties bij "
            "FIU-Nederland.",
            kenmerken=[Kenmerk(soort=KenmerkSoort.KVK, waarde="99000042")],
            signaal_id=s.id,
        ),
    )
    als(
        omgeving,
        actoren["politie"],
        fec.beantwoord,
        ronde.id,
        RondeantwoordIn(
            bekend=True, toelichting="Bekend uit een lopend onderzoek; contact via de recherche."
        ),
    )
    als(omgeving, fiod, fec.beantwoord, ronde.id, RondeantwoordIn(bekend=True))
    als(
        omgeving,
        coord,
        casussen.open_casus,
        CasusIn(
            titel="Trustkantoor Maashaven",
            signalen=[s.id],
            leden=["analist.fec"],
            thema=Casusthema.GELDSTROMEN,
            aanwijzingen="De ronde bevestigt het signaal bij politie en FIOD; twee transacties "
            "zijn verdacht verklaard.",
        ),
    )
    # A second round that still waits for answers.
    als(
        omgeving,
        analist,
        fec.start,
        RondeIn(
            omschrijving="Geldezels: studentenrekeningen ontvangen veel kleine bedragen en boeken "
            "ze direct door naar crypto.",
            aanwijzingen="Meldingen van twee banken via FIU-Nederland over hetzelfde patroon.",
        ),
    )
    i = als(
        omgeving,
        actoren["politie"],
        fec.stel_op,
        FacilitatorindicatorIn(
            titel="Doorsluisrekeningen van jongeren",
            fenomeen=Fenomeen.GELDEZELS,
            omschrijving="Facilitators werven jongeren via sociale media om hun rekening 'uit te "
            "lenen'; het geld komt binnen in kleine bedragen en gaat dezelfde dag door.",
            signalen=[
                "Veel inkomende betalingen van onbekende tegenpartijen",
                "Dezelfde dag doorboeken naar een cryptoplatform",
                "Inloggen vanaf wisselende apparaten",
            ],
        ),
    )
    als(omgeving, actoren["ovj.om"], fec.publiceer, i.id)
    als(
        omgeving,
        actoren["politie"],
        fec.stel_op,
        FacilitatorindicatorIn(
            titel="Contante stortingen bij handelsbedrijven",
            fenomeen=Fenomeen.HANDEL,
            omschrijving="Handelsbedrijven storten grote contante bedragen en factureren "
            "goederen die niet bestaan.",
            signalen=["Contante stortingen passen niet bij de branche"],
        ),
    )


def _icov(omgeving: Omgeving, actoren: dict[str, Actor], personen: Sequence[Persoon]) -> None:
    kop = "regel;bsn;naam;geboortedatum;iban;bank;kvk;bedrijfsnaam;aandeel;kenteken\n"
    bezit = [
        (0, "NL91ABNA0417164300;ABN AMRO;;;;"),
        (0, ";;99000077;Havenzicht Vastgoed B.V.;60;"),
        (0, ";;;;;ZZ-001-Z"),
        (1, "NL20INGB0001234567;ING;;;;"),
        (1, ";;99000077;Havenzicht Vastgoed B.V.;40;"),
    ]
    rijen = [
        f"{n};{personen[i][0]};{personen[i][1]} {personen[i][2]};{personen[i][3]};{rest}"
        for n, (i, rest) in enumerate(bezit, start=1)
    ]
    _lever(
        omgeving,
        actoren["belasting"],
        "demo-belastingdienst-icov",
        "icov.csv",
        kop + "\n".join(rijen) + "\n",
        None,
    )
    politie = actoren["politie"]
    v = als(
        omgeving,
        politie,
        icov.vraag_aan,
        RapportageverzoekIn(
            soort=Rapportagesoort.IRVI,
            doel=Rapportagedoel.OPSPORING,
            onderzoek="Onderzoek Maashaven",
            vordering="Vordering 126nd Sv, parket 10/000123-26 (fictief)",
            kenmerken=[Kenmerk(soort=KenmerkSoort.BSN, waarde=p[0]) for p in personen[:2]],
        ),
    )
    als(omgeving, actoren["analist.icov"], icov.stel_op, v.id)
    als(omgeving, actoren["analist2.icov"], icov.keur_goed, v.id)
    als(
        omgeving,
        politie,
        icov.vraag_aan,
        RapportageverzoekIn(
            soort=Rapportagesoort.IRR,
            doel=Rapportagedoel.OPSPORING,
            onderzoek="Onderzoek Maashaven",
            vordering="Vordering 126nd Sv, parket 10/000123-26 (fictief)",
            kenmerken=[Kenmerk(soort=KenmerkSoort.KVK, waarde="99000077")],
        ),
    )


def _knelpunten(omgeving: Omgeving, actoren: dict[str, Actor]) -> None:
    analist, beleid = actoren["analist.riec"], actoren["beleid.riec"]
    d = als(
        omgeving,
        analist,
        deelverzoeken.vraag,
        RIEC_ZAAK,
        DeelverzoekIn(
            verstrekker="zorgpartner-ggz-fictief",
            categorieen=["zorg"],
            toelichting="Loopt er zorg rond de exploitant? Dat bepaalt de aanpak.",
        ),
    )
    als(
        omgeving,
        analist,
        knelpunten.uit_deelverzoek,
        d.id,
        UitDeelverzoek(thema=Knelpuntthema.ZORG_EN_VEILIGHEID),
    )
    haven = als(
        omgeving,
        beleid,
        knelpunten.leg_vast,
        KnelpuntIn(
            titel="Containerdata van het havenbedrijf niet deelbaar met het RIEC",
            omschrijving="Het havenbedrijf heeft geen grondslag om containergegevens aan het "
            "RIEC te verstrekken; een convenant ontbreekt.",
            verstrekker="havenbedrijf-fictief",
            ontvanger="riec-rotterdam",
            thema=Knelpuntthema.MAINPORTS,
            soort=Knelpuntsoort.JURIDISCH,
        ),
    )
    als(
        omgeving,
        beleid,
        knelpunten.escaleer,
        haven.id,
        EscalatieIn(naar="Taskforce gegevensdeling"),
    )
    # Recorded two months ago and resolved today: the monitor's time to resolve has a value.
    toen = dt.datetime.now(dt.UTC) - dt.timedelta(days=61)
    with omgeving.context(beleid, Kanaal.DEMO, klok=lambda: toen) as ctx:
        pmg = knelpunten.leg_vast(
            ctx,
            KnelpuntIn(
                titel="Scholen en gemeente delen geen signalen over ronselen",
                omschrijving="Voor Preventie met Gezag wilden scholen signalen over ronselen "
                "delen; "
                "onduidelijk was op welke grondslag.",
                thema=Knelpuntthema.PREVENTIE_MET_GEZAG,
                soort=Knelpuntsoort.ORGANISATORISCH,
            ),
        )
    als(
        omgeving,
        beleid,
        knelpunten.los_op,
        pmg.id,
        OplossingIn(
            soort=Oplossingssoort.WERKINSTRUCTIE,
            oplossing="Werkinstructie: scholen melden via de leerplichtambtenaar, die deelt "
            "alleen wat de gemeente voor de aanpak nodig heeft.",
        ),
    )
    als(omgeving, beleid, knelpunten.hergebruik, pmg.id, HergebruikIn(waar="RIEC Limburg"))


def _informeren_riec(omgeving: Omgeving, actoren: dict[str, Actor]) -> None:
    """In the RIEC case one subject was deferred half a year ago: the review is due now."""
    analist = actoren["analist.riec"]
    betrokkenen = als(omgeving, analist, informeren.overzicht, RIEC_ZAAK)
    if not betrokkenen:
        return
    toen = dt.datetime.now(dt.UTC) - dt.timedelta(days=190)
    with omgeving.context(analist, Kanaal.DEMO, klok=lambda: toen) as ctx:
        informeren.leg_vast(
            ctx,
            RIEC_ZAAK,
            InformerenIn(
                entiteit_id=betrokkenen[0].entiteit_id,
                besluit=Informeerbesluit.UITGESTELD,
                reden=Uitstelreden.ONDERZOEK,
                herzien_op=(toen + dt.timedelta(days=180)).date(),
                toelichting="Het onderzoek naar de panden loopt nog.",
            ),
        )


__all__ = ["speel_verbanden"]
