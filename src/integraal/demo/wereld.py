# SPDX-License-Identifier: EUPL-1.2
"""The demo world: users, cases and partner deliveries with planted overlaps.

Deterministic for a seed, so `make run` twice gives the same world and the same deliveries
(which the idempotent import then recognises). Every person, company and number is fictitious.
"""

from __future__ import annotations

import csv
import io
import json
import random
from dataclasses import dataclass, field

from faker import Faker

from integraal.bronnen.importeren import importeer
from integraal.bronnen.mapping import meegeleverde_mappings
from integraal.demo import synthetisch
from integraal.demo.afpakken import speel_afpakken
from integraal.demo.bestuurlijk import speel_bestuurlijk
from integraal.demo.casuswerk import speel_casuswerk
from integraal.demo.integriteit import speel_integriteit
from integraal.demo.pmg import speel_pmg
from integraal.demo.poortwachters import speel_poortwachters
from integraal.demo.verbanden import speel_verbanden
from integraal.domein.actor import Actor
from integraal.domein.rollen import Rol
from integraal.gebruikers import actor_van, maak_gebruiker
from integraal.monitor.laden import laad_alles as laad_monitor
from integraal.omgeving import Omgeving
from integraal.opslag import beheer
from integraal.opslag.db import transactie
from integraal.opslag.modellen import Casus, CasusLid
from integraal.verwerking import Kanaal

WACHTWOORD = "welkom-bij-integraal"
_LETTERS = "ABCDEFGHJKLMNPRTVWXZ"


@dataclass(frozen=True)
class DemoAccount:
    gebruikersnaam: str
    wachtwoord: str
    rol: str
    organisatie: str


GEBRUIKERS = [
    ("analist.riec", "Anna Analist", "riec-rotterdam", Rol.ANALIST),
    ("coordinator.riec", "Cor Coördinator", "riec-rotterdam", Rol.COORDINATOR),
    ("privacy.riec", "Priya Privacy", "riec-rotterdam", Rol.PRIVACY_OFFICER),
    ("beheer.riec", "Bert Beheer", "riec-rotterdam", Rol.FUNCTIONEEL_BEHEERDER),
    ("beleid.riec", "Bea Beleid", "riec-rotterdam", Rol.BELEIDSMEDEWERKER),
    ("gemeente.rdam", "Gert Gemeente", "gemeente-rotterdam", Rol.ANALIST),
    ("belasting", "Bas Belasting", "belastingdienst", Rol.ANALIST),
    # A second person at the tax authority: four eyes need two (approve, then answer).
    ("belasting.b", "Bo Belastingen", "belastingdienst", Rol.ANALIST),
    ("politie", "Petra Politie", "politie", Rol.ANALIST),
    ("analist.utrecht", "Uri Utrecht", "riec-midden-nederland", Rol.ANALIST),
    # The seizure chain.
    ("agent.politie", "Ayla Agent", "politie", Rol.OPSPORINGSAMBTENAAR),
    ("hovj.politie", "Hugo Hulpofficier", "politie", Rol.HULPOFFICIER),
    ("ovj.om", "Olga Officier", "om", Rol.OFFICIER),
    ("drz", "Dirk Domeinen", "domeinen-roerende-zaken", Rol.BEWAARDER),
    ("kas.om", "Karin Kasbeheer", "kasbeheerder-om", Rol.BEWAARDER),
    # The other partnerships: a Zorg- en Veiligheidshuis with a care partner, the FEC with a
    # FIOD participant and a designated bank, iCOV with two people (four eyes).
    ("analist.zvh", "Zoë de Wit", "zvh-rotterdam-rijnmond", Rol.ANALIST),
    ("coordinator.zvh", "Sander Zwart", "zvh-rotterdam-rijnmond", Rol.COORDINATOR),
    ("zorg.ggz", "Gijs Groen", "zorgpartner-ggz-fictief", Rol.ANALIST),
    ("analist.fec", "Fleur Bakker", "fec", Rol.ANALIST),
    ("coordinator.fec", "Frits de Boer", "fec", Rol.COORDINATOR),
    ("fiod", "Floor Dekker", "fiod", Rol.ANALIST),
    ("bank", "Vera Verhoef", "voorbeeldbank", Rol.ANALIST),
    ("analist.icov", "Ivo Jansen", "icov", Rol.ANALIST),
    ("analist2.icov", "Iris Visser", "icov", Rol.ANALIST),
    # The municipality's administrative instruments: a Bibob adviser, the mayor's OOV adviser,
    # and a Bibob adviser elsewhere who re-uses a conclusion from the register.
    ("bibob.rdam", "Bram Bibob", "gemeente-rotterdam", Rol.BIBOB_ADVISEUR),
    ("oov.rdam", "Olivia Openbare Orde", "gemeente-rotterdam", Rol.OOV_ADVISEUR),
    ("bibob.schiedam", "Sara Schiedam", "gemeente-schiedam", Rol.BIBOB_ADVISEUR),
    # Gatekeepers and registers: the bank's reporting officer, FIU-Nederland, two notaries,
    # the warning register's keeper, a connected terminal's screener, a port contact point.
    ("melder.bank", "Mila Meijer", "voorbeeldbank", Rol.MELDER),
    ("analist.fiu", "Fenna Kok", "fiu", Rol.ANALIST),
    ("notaris.een", "Nina Noordhoek", "notariskantoor-fictief", Rol.NOTARIS),
    ("notaris.twee", "Tim Terpstra", "notariskantoor-tweede-fictief", Rol.NOTARIS),
    ("register.wr", "Ruben Smit", "waarschuwingsregister-logistiek", Rol.REGISTERBEHEERDER),
    ("privacy.wr", "Pien de Wit", "waarschuwingsregister-logistiek", Rol.PRIVACY_OFFICER),
    ("screening.terminal", "Sanne Mulder", "containerterminal-fictief", Rol.SCREENER),
    ("poco.haven", "Pim Bos", "havenbedrijf-fictief", Rol.CONTACTPUNT),
]

CASUSSEN = [
    (
        "RIEC-RDM-2026-001",
        "Horecapanden Kerkstraat",
        "riec-rotterdam",
        "Politie en gemeente melden onafhankelijk van elkaar dat in drie panden aan de Kerkstraat "
        "contant geld wordt witgewassen; bestuurlijke rapportage van 12-03-2026.",
        ["analist.riec", "coordinator.riec"],
    ),
    (
        "RIEC-RDM-2026-002",
        "Bedrijfsverzamelgebouw Havenweg",
        "riec-rotterdam",
        "Twaalf bedrijven staan ingeschreven op één adres; de Belastingdienst ziet dezelfde "
        "bestuurder bij kort bestaande bv's.",
        ["analist.riec"],
    ),
    ("RIEC-RDM-2026-003", "Signaal vakantieparken", "riec-rotterdam", None, ["analist.riec"]),
    (
        "RIEC-MN-2026-001",
        "Loodsen Nieuwegein",
        "riec-midden-nederland",
        "Aanwijzingen uit een hennepinformatiebericht.",
        ["analist.utrecht"],
    ),
]

# What the cases are about, for the monitor's breakdown per theme; the holiday parks are left
# for the coordinator to choose.
THEMAS = {
    "RIEC-RDM-2026-001": "geldstromen",
    "RIEC-RDM-2026-002": "bedrijven",
    "RIEC-MN-2026-001": "drugs",
}


@dataclass
class _Persoon:
    bsn: str
    voornamen: str
    achternaam: str
    geboortedatum: str  # ISO
    straat: str
    huisnummer: str
    postcode: str
    plaats: str = "Rotterdam"
    ibans: list[str] = field(default_factory=list)


def _personen(fake: Faker, rng: random.Random, n: int) -> list[_Persoon]:
    bsns = synthetisch.test_bsns()
    uit = []
    for _ in range(n):
        geboren = fake.date_of_birth(minimum_age=20, maximum_age=75)
        uit.append(
            _Persoon(
                bsn=next(bsns),
                voornamen=fake.first_name(),
                achternaam=fake.last_name(),
                geboortedatum=geboren.isoformat(),
                straat=fake.street_name(),
                huisnummer=str(rng.randrange(1, 200)),
                postcode=f"30{rng.randrange(11, 99)}{rng.choice(_LETTERS)}{rng.choice(_LETTERS)}",
                ibans=[synthetisch.iban(rng)],
            )
        )
    # Planted overlaps for cross-referencing (issue Kruisverwijzing): a name with particles
    # written differently across sources, and one account shared by three unrelated people.
    uit[0].voornamen, uit[0].achternaam = "Johannes", "van der Berg"
    uit[1].voornamen, uit[1].achternaam = "Mohamed", "El Amrani"
    gedeeld = synthetisch.iban(rng)
    for p in uit[5:8]:
        p.ibans.append(gedeeld)
    return uit


def _csv(kop: list[str], rijen: list[list[str]]) -> bytes:
    buf = io.StringIO()
    w = csv.writer(buf, delimiter=";")
    w.writerow(kop)
    w.writerows(rijen)
    return buf.getvalue().encode()


def _vergunningen(personen: list[_Persoon], fake: Faker, rng: random.Random) -> bytes:
    kop = [
        "dossiernummer",
        "bsn",
        "voornamen",
        "achternaam",
        "geboortedatum",
        "straat",
        "huisnummer",
        "postcode",
        "plaats",
        "bedrijfsnaam",
        "kvk",
        "vergunning",
        "functie",
    ]
    rijen = []
    # One address with many companies (a classic facilitator pattern).
    havenweg = ("Havenweg", "12", "3089KX")
    for i, p in enumerate(personen[:40]):
        d = p.geboortedatum.split("-")
        adres = havenweg if 10 <= i < 22 else (p.straat, p.huisnummer, p.postcode)
        bedrijf = fake.company() if i < 30 else ""
        rijen.append(
            [
                f"V-2026-{i + 1:04d}",
                p.bsn,
                p.voornamen,
                p.achternaam,
                f"{d[2]}-{d[1]}-{d[0]}",
                adres[0],
                adres[1],
                adres[2],
                p.plaats,
                bedrijf,
                synthetisch.kvk(rng) if bedrijf else "",
                rng.choice(
                    ["exploitatievergunning", "drank- en horecavergunning", "terrasvergunning"]
                )
                if bedrijf
                else "",
                "bestuurder" if bedrijf else "",
            ]
        )
    # Two bad rows show the row-level error report.
    rijen.append(
        [
            "V-2026-9001",
            "123456789",
            "Foutieve",
            "Invoer",
            "01-01-1990",
            "Teststraat",
            "1",
            "3011AA",
            "Rotterdam",
            "",
            "",
            "",
            "",
        ]
    )
    rijen.append(
        [
            "V-2026-9002",
            personen[-1].bsn,
            "Verkeerde",
            "Datum",
            "1990-13-45",
            "Teststraat",
            "2",
            "3011AA",
            "Rotterdam",
            "",
            "",
            "",
            "",
        ]
    )
    return _csv(kop, rijen)


def _rekeningen(personen: list[_Persoon]) -> bytes:
    kop = ["regel", "bsn", "naam", "geboortedatum", "iban", "bank"]
    rijen = []
    n = 0
    for p in personen[:25]:
        # The tax office writes initials: a spelling variant of the municipality's full name.
        naam = f"{p.voornamen[0]}. {p.achternaam}"
        for iban in p.ibans:
            n += 1
            rijen.append(
                [str(n), p.bsn, naam, p.geboortedatum, iban, "Voorbeeldbank N.V. (fictief)"]
            )
    return _csv(kop, rijen)


def _bestuurders(personen: list[_Persoon], fake: Faker, rng: random.Random) -> bytes:
    """The tax office's view of directors: one of them ran four companies that each lived
    well under two years, one after the other (a planted pattern), beside ordinary ones."""
    kop = ["regel", "bsn", "naam", "geboortedatum", "kvk", "bedrijfsnaam", "opgericht", "opgeheven"]
    kop.append("functie")
    rijen: list[tuple[_Persoon, str, str, str]] = []
    snel = personen[40]
    for j, (begin, eind) in enumerate(
        [
            ("2022-02-01", "2022-11-30"),
            ("2022-12-01", "2023-09-15"),
            ("2023-10-01", "2024-06-30"),
            ("2024-07-01", "2025-03-31"),
        ]
    ):
        rijen.append((snel, f"{fake.last_name()} Handel {j + 1} B.V.", begin, eind))
    for p in personen[41:46]:
        rijen.append((p, fake.company(), f"{rng.randrange(1995, 2015)}-01-01", ""))
    return _csv(
        kop,
        [
            [
                str(n + 1),
                p.bsn,
                f"{p.voornamen[0]}. {p.achternaam}",
                p.geboortedatum,
                synthetisch.kvk(rng),
                naam,
                begin,
                eind,
                "bestuurder",
            ]
            for n, (p, naam, begin, eind) in enumerate(rijen)
        ],
    )


def _politie(personen: list[_Persoon], rng: random.Random) -> bytes:
    regels = []
    for i, p in enumerate(personen[:15]):
        naam = f"{p.voornamen} {p.achternaam}"
        if i == 0:
            naam = "J. v.d. Berg"
        if i == 1:
            naam = "Mohammed el-Amrani"
        adres_id = f"adres-{i}"
        regels.append(
            {
                "id": adres_id,
                "schema": "Address",
                "properties": {
                    "full": [f"{p.straat} {p.huisnummer}, {p.postcode} {p.plaats}"],
                    "postalCode": [p.postcode],
                    "city": [p.plaats],
                },
            }
        )
        regels.append(
            {
                "id": f"persoon-{i}",
                "schema": "Person",
                "properties": {
                    "name": [naam],
                    "birthDate": [p.geboortedatum],
                    "nationality": ["nl"],
                    "addressEntity": [adres_id],
                    "notes": ["zaaksinformatie die niet in de mapping staat"],
                },
            }
        )
        if i % 3 == 0:
            regels.append(
                {
                    "id": f"voertuig-{i}",
                    "schema": "Vehicle",
                    "properties": {
                        "registrationNumber": [synthetisch.kenteken(rng)],
                        "model": ["Fictief Model"],
                        "owner": [f"persoon-{i}"],
                    },
                }
            )
    return "\n".join(json.dumps(r, ensure_ascii=False) for r in regels).encode()


def _zorg_voor_gebruikers(omgeving: Omgeving) -> dict[str, Actor]:
    actoren: dict[str, Actor] = {}
    with transactie(omgeving.fabriek) as sessie:
        for naam, volledig, org, rol in GEBRUIKERS:
            g = beheer.gebruiker_op_naam(sessie, naam) or maak_gebruiker(
                sessie, naam, volledig, WACHTWOORD, org, rol
            )
            actoren[naam] = actor_van(g)
    return actoren


def _zorg_voor_casussen(omgeving: Omgeving, actoren: dict[str, Actor]) -> None:
    with transactie(omgeving.fabriek) as sessie:
        for cid, titel, verband, aanwijzingen, leden in CASUSSEN:
            if beheer.casus(sessie, cid) is None:
                beheer.bewaar(
                    sessie,
                    Casus(
                        id=cid,
                        titel=titel,
                        verband_id=verband,
                        doel="integrale_aanpak",
                        aanwijzingen=aanwijzingen,
                        thema=THEMAS.get(cid),
                    ),
                )
                beheer.bewaar(
                    sessie,
                    *(CasusLid(casus_id=cid, gebruiker_id=actoren[n].gebruiker_id) for n in leden),
                )


def laad_demo(omgeving: Omgeving, zaad: int = 2026) -> list[DemoAccount]:
    fake = Faker("nl_NL")
    fake.seed_instance(zaad)
    rng = random.Random(zaad)
    actoren = _zorg_voor_gebruikers(omgeving)
    _zorg_voor_casussen(omgeving, actoren)
    personen = _personen(fake, rng, 60)
    mappings = meegeleverde_mappings()
    leveringen = [
        (
            "gemeente.rdam",
            "demo-gemeente-vergunningen",
            "vergunningen.csv",
            _vergunningen(personen, fake, rng),
            "RIEC-RDM-2026-001",
        ),
        (
            "belasting",
            "demo-belastingdienst-rekeningen",
            "rekeningen.csv",
            _rekeningen(personen),
            "RIEC-RDM-2026-001",
        ),
        (
            "politie",
            "demo-politie-ftm",
            "betrokkenen.jsonl",
            _politie(personen, rng),
            "RIEC-RDM-2026-001",
        ),
        (
            "belasting",
            "demo-belastingdienst-bestuurders",
            "bestuurders.csv",
            _bestuurders(personen, fake, rng),
            "RIEC-RDM-2026-002",
        ),
        # A case without recorded indications: the rule engine refuses this delivery.
        (
            "gemeente.rdam",
            "demo-gemeente-vergunningen",
            "vergunningen.csv",
            _vergunningen(personen[20:], fake, rng),
            "RIEC-RDM-2026-003",
        ),
    ]
    for gebruiker, mapping, bestandsnaam, inhoud, casus in leveringen:
        importeer(
            omgeving.context,
            actoren[gebruiker],
            mappings[mapping],
            bestandsnaam,
            inhoud,
            casus_id=casus,
            kanaal=Kanaal.DEMO,
        )
    speel_casuswerk(omgeving, actoren)
    speel_afpakken(omgeving, actoren)
    speel_verbanden(
        omgeving,
        actoren,
        [
            (p.bsn, p.voornamen, p.achternaam, p.geboortedatum, p.straat, p.huisnummer, p.postcode)
            for p in personen
        ],
    )
    speel_bestuurlijk(omgeving, actoren)
    speel_poortwachters(omgeving, actoren)
    speel_integriteit(omgeving, actoren)
    with transactie(omgeving.fabriek) as sessie:
        laad_monitor(sessie)
    speel_pmg(omgeving, actoren)
    return [DemoAccount(naam, WACHTWOORD, rol.value, org) for naam, _, org, rol in GEBRUIKERS]
