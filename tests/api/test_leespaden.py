# SPDX-License-Identifier: EUPL-1.2
"""Lawful by construction: every read path is enumerated, gated and logged.

Every route of the application and every CLI command must be classified below; a new one fails
`test_elk_pad_is_geclassificeerd` until someone decides whether it reads person data. Each path
that does is called as an anonymous caller, as a user without an allowing decision and as an
allowed user: only the last gets data, and only the last adds lines to the processing log.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass

import pytest
import sqlalchemy as sa
import typer.main
from fastapi import FastAPI
from fastapi.testclient import TestClient
from starlette.routing import Mount, Route

from integraal.app import maak_app
from integraal.cli import app as cli_app
from integraal.domein.actor import Actor
from integraal.opslag.db import transactie
from integraal.opslag.modellen import LogboekRegel, Signaal, Statement
from tests.conftest import BSN_JAN, Wereld, maak_actor
from tests.hulp import csrf, doe, lever, token, web_login

# The administrative instruments' personal reads, probed in one loop per backend below.
BESTUURLIJKE_PADEN: list[tuple[tuple[str, str], str, str, str, str]] = [
    # (route, url, allowed actor, refused actor, what only the allowed one sees)
    (
        ("GET", "/api/v1/bibob/{procedure_id}"),
        "/api/v1/bibob/{p}",
        "bibob",
        "schiedam",
        "Kadehoek Test",
    ),
    (("GET", "/bibob/{procedure_id}"), "/bibob/{p}", "bibob", "oov", "Kadehoek Test"),
    (
        ("GET", "/api/v1/bibob-extracten/{procedure_id}"),
        "/api/v1/bibob-extracten/{p}",
        "analist",
        "andere_riec",
        "Kadehoek Test",
    ),
    (
        ("GET", "/bibob-extracten/{procedure_id}"),
        "/bibob-extracten/{p}",
        "analist",
        "buitenstaander_gemeente",
        "Kadehoek Test",
    ),
    (
        ("POST", "/api/v1/bibob-register/_zoeken"),
        "/api/v1/bibob-register/_zoeken",
        "schiedam",
        "oov",
        "ernstig_a",
    ),
    (("POST", "/bibob-register"), "/bibob-register", "schiedam", "oov", "Ernstig gevaar"),
    (
        ("GET", "/api/v1/bestuurlijke-rapportages/{rapportage_id}"),
        "/api/v1/bestuurlijke-rapportages/{r}",
        "oov",
        "schiedam_oov",
        "Kadestraat 99",
    ),
    (
        ("GET", "/bestuurlijke-rapportages/{rapportage_id}"),
        "/bestuurlijke-rapportages/{r}",
        "politie",
        "bibob",
        "Kadestraat 99",
    ),
    (
        ("GET", "/api/v1/sluitingen/{sluiting_id}"),
        "/api/v1/sluitingen/{s}",
        "oov",
        "bibob",
        "Kadestraat 99",
    ),
    (
        ("GET", "/sluitingen/{sluiting_id}"),
        "/sluitingen/{s}",
        "oov",
        "schiedam_oov",
        "Kadestraat 99",
    ),
    (
        ("GET", "/api/v1/vorderingen/{vordering_id}"),
        "/api/v1/vorderingen/{v}",
        "oov",
        "schiedam_oov",
        "Testschuldenaar",
    ),
    (
        ("GET", "/vorderingen/{vordering_id}"),
        "/vorderingen/{v}",
        "oov",
        "politie",
        "Testschuldenaar",
    ),
]

# The gatekeepers' personal reads: (route, url, allowed, refused, what only the allowed sees).
# Bodies for the two lookups are in POORT_BODY.
POORT_PADEN: list[tuple[tuple[str, str], str, str, str, str]] = [
    (
        ("GET", "/api/v1/meldingen/{melding_id}"),
        "/api/v1/meldingen/{melding}",
        "bank",
        "bank2",
        "Markeerstift",
    ),
    (("GET", "/meldingen/{melding_id}"), "/meldingen/{melding}", "bank", "notaris", "Markeerstift"),
    (
        ("GET", "/api/v1/fiu/meldingen/{melding_id}"),
        "/api/v1/fiu/meldingen/{melding}",
        "fiu",
        "bank",
        "Markeerstift",
    ),
    (
        ("GET", "/fiu/meldingen/{melding_id}"),
        "/fiu/meldingen/{melding}",
        "fiu",
        "fiod",
        "Markeerstift",
    ),
    (
        ("GET", "/api/v1/verdachte-transacties"),
        "/api/v1/verdachte-transacties",
        "fiod",
        "politie",
        "Markeerstift",
    ),
    (("GET", "/verdachte-transacties"), "/verdachte-transacties", "fiod", "fiu", "Markeerstift"),
    (
        ("GET", "/api/v1/verdachte-transacties/{verstrekking_id}"),
        "/api/v1/verdachte-transacties/{vt}",
        "fiod",
        "politie",
        "Markeerstift",
    ),
    (
        ("GET", "/verdachte-transacties/{verstrekking_id}"),
        "/verdachte-transacties/{vt}",
        "fiod",
        "bank",
        "Markeerstift",
    ),
    (
        ("GET", "/api/v1/opschortingen/{opschorting_id}"),
        "/api/v1/opschortingen/{opschorting}",
        "bank",
        "bank2",
        "BET-MARKER-4411",
    ),
    (
        ("GET", "/opschortingen/{opschorting_id}"),
        "/opschortingen/{opschorting}",
        "fiu",
        "notaris",
        "BET-MARKER-4411",
    ),
    (
        ("GET", "/api/v1/notariele-weigeringen"),
        "/api/v1/notariele-weigeringen",
        "notaris",
        "notaris2",
        "Notarisklant",
    ),
    (("GET", "/weigeringen"), "/weigeringen", "notaris", "notaris2", "Notarisklant"),
    (
        ("GET", "/api/v1/waarschuwingsregister/registraties"),
        "/api/v1/waarschuwingsregister/registraties",
        "register",
        "terminal",
        "Registermarker",
    ),
    (
        ("GET", "/waarschuwingsregister"),
        "/waarschuwingsregister",
        "register",
        "terminal",
        "Registermarker",
    ),
    (
        ("GET", "/api/v1/waarschuwingsregister/registraties/{registratie_id}"),
        "/api/v1/waarschuwingsregister/registraties/{registratie}",
        "register",
        "terminal",
        "Registermarker",
    ),
    (
        ("GET", "/waarschuwingsregister/registraties/{registratie_id}"),
        "/waarschuwingsregister/registraties/{registratie}",
        "register",
        "notaris",
        "Registermarker",
    ),
    (
        ("GET", "/api/v1/waarschuwingsregister/registraties/{registratie_id}/inzage"),
        "/api/v1/waarschuwingsregister/registraties/{registratie}/inzage",
        "register",
        "terminal",
        "Registermarker",
    ),
    (
        ("GET", "/waarschuwingsregister/registraties/{registratie_id}/inzage"),
        "/waarschuwingsregister/registraties/{registratie}/inzage",
        "register",
        "terminal",
        "Registermarker",
    ),
    (
        ("POST", "/api/v1/waarschuwingsregister/_raadpleging"),
        "/api/v1/waarschuwingsregister/_raadpleging",
        "terminal",
        "luchtvracht",
        '"treffer":true',
    ),
    (
        ("POST", "/waarschuwingsregister/raadplegen"),
        "/waarschuwingsregister/raadplegen",
        "terminal",
        "luchtvracht",
        "Er staat een registratie",
    ),
]
POORT_BODY = {"naam": "Rik Registermarker", "geboortedatum": "01-01-1980"}

# The privacy officer's alerts (about a user) and list of shielded persons: probed in
# tests/integriteit/test_paden.py (only that officer sees them, every look is logged).
INTEGRITEIT_PADEN = {
    ("GET", "/api/v1/integriteit/meldingen"),
    ("GET", "/api/v1/integriteit/meldingen/{melding_id}"),
    ("GET", "/integriteit"),
    ("GET", "/integriteit/meldingen/{melding_id}"),
    ("GET", "/api/v1/afscherming"),
    ("GET", "/afscherming"),
}
# Routes that read personal data of partners (or about them, such as the processing log).
PERSOONSGEGEVENS = {
    ("GET", "/api/v1/signalen"),
    ("GET", "/api/v1/signalen/{signaal_id}"),
    ("GET", "/api/v1/casussen/{casus_id}"),
    ("GET", "/signalen"),
    ("GET", "/signalen/{signaal_id}"),
    ("GET", "/casussen/{casus_id}"),
    ("GET", "/casussen/{casus_id}/export.{formaat}"),
    ("GET", "/api/v1/casussen/{casus_id}/export"),
    ("GET", "/api/v1/entiteiten/{entiteit_id}"),
    ("POST", "/api/v1/entiteiten/_zoek"),
    ("POST", "/api/v1/logboek/inzage"),
    ("GET", "/entiteiten/{entiteit_id}"),
    ("POST", "/zoeken"),
    ("POST", "/logboek/inzage"),
    ("GET", "/api/v1/beslagobjecten"),
    ("GET", "/api/v1/beslagobjecten/{object_id}"),
    ("GET", "/api/v1/termijnen"),
    ("GET", "/api/v1/beslagfeed"),
    ("GET", "/api/v1/vermogensdossiers"),
    ("GET", "/api/v1/vermogensdossiers/{dossier_id}"),
    ("GET", "/api/v1/herbestemming/suggesties"),
    ("GET", "/beslag"),
    ("GET", "/beslag/{object_id}"),
    ("GET", "/beslag/termijnen"),
    ("GET", "/vermogensdossiers"),
    ("GET", "/vermogensdossiers/{dossier_id}"),
    ("GET", "/herbestemming"),
    ("GET", "/casussen/{casus_id}/kruisverwijzing"),
    ("GET", "/api/v1/casussen/{casus_id}/kruissuggesties"),
    ("GET", "/casussen/{casus_id}/netwerk"),
    ("GET", "/casussen/{casus_id}/netwerk/pad"),
    ("GET", "/casussen/{casus_id}/netwerk/patronen"),
    ("GET", "/api/v1/casussen/{casus_id}/netwerk/startpunten"),
    ("GET", "/api/v1/casussen/{casus_id}/netwerk/knopen/{knoop_id}"),
    ("GET", "/api/v1/casussen/{casus_id}/netwerk/pad"),
    ("GET", "/api/v1/casussen/{casus_id}/netwerk/patronen"),
    ("GET", "/api/v1/casussen/{casus_id}/informeren"),
    ("GET", "/casussen/{casus_id}/informeren"),
    ("GET", "/api/v1/rapportages/{verzoek_id}"),
    ("GET", "/rapportages/{verzoek_id}"),
    ("GET", "/api/v1/signaalronden"),
    ("GET", "/api/v1/signaalronden/{ronde_id}"),
    ("GET", "/signaalronden"),
    ("GET", "/signaalronden/{ronde_id}"),
    *(b[0] for b in BESTUURLIJKE_PADEN),
    *(b[0] for b in POORT_PADEN),
    *INTEGRITEIT_PADEN,
}
# Reached without an account, with the personal code of the bewijs van ontvangst.
CODE_PADEN = {("POST", "/api/v1/beslag/_inzage"), ("POST", "/mijn-beslag")}
# The rest, each with why it reads no partner personal data.
GEEN_PERSOONSGEGEVENS = {
    ("GET", "/metrics"): "tellingen voor beheerders, alleen met het geconfigureerde token",
    ("GET", "/api/v1/gezondheid/levend"): "of het proces antwoordt",
    ("GET", "/api/v1/gezondheid/gereed"): "of de database bereikbaar en bijgewerkt is",
    **dict.fromkeys(
        [
            ("POST", "/api/v1/meldingen"),
            ("POST", "/api/v1/meldingen/_goaml"),
            ("POST", "/meldingen"),
            ("POST", "/meldingen/goaml"),
            ("POST", "/api/v1/fiu/meldingen/{melding_id}/_analyse"),
            ("POST", "/api/v1/fiu/meldingen/{melding_id}/_oordeel"),
            ("POST", "/api/v1/fiu/meldingen/{melding_id}/_verstrekking"),
            ("POST", "/fiu/meldingen/{melding_id}/analyse"),
            ("POST", "/fiu/meldingen/{melding_id}/oordeel"),
            ("POST", "/fiu/meldingen/{melding_id}/verstrekking"),
            ("POST", "/api/v1/opschortingen"),
            ("POST", "/api/v1/opschortingen/{opschorting_id}/_bevestiging"),
            ("POST", "/api/v1/opschortingen/{opschorting_id}/_verlenging"),
            ("POST", "/api/v1/opschortingen/{opschorting_id}/_opheffing"),
            ("POST", "/api/v1/opschortingen/{opschorting_id}/_beslag"),
            ("POST", "/opschortingen"),
            ("POST", "/opschortingen/{opschorting_id}/bevestigen"),
            ("POST", "/opschortingen/{opschorting_id}/verlengen"),
            ("POST", "/opschortingen/{opschorting_id}/opheffen"),
            ("POST", "/opschortingen/{opschorting_id}/beslag"),
            ("POST", "/api/v1/notariele-weigeringen"),
            ("POST", "/weigeringen"),
            ("POST", "/api/v1/waarschuwingsregister/registraties"),
            ("POST", "/api/v1/waarschuwingsregister/registraties/{registratie_id}/_kennisgeving"),
            ("POST", "/api/v1/waarschuwingsregister/registraties/{registratie_id}/_bezwaar"),
            ("POST", "/api/v1/waarschuwingsregister/registraties/{registratie_id}/_bezwaarbesluit"),
            ("POST", "/api/v1/waarschuwingsregister/_verloop"),
            ("POST", "/waarschuwingsregister/registraties"),
            ("POST", "/waarschuwingsregister/registraties/{registratie_id}/kennisgeving"),
            ("POST", "/waarschuwingsregister/registraties/{registratie_id}/bezwaar"),
            ("POST", "/waarschuwingsregister/registraties/{registratie_id}/bezwaarbesluit"),
            ("POST", "/waarschuwingsregister/verloop"),
        ],
        "stap bij een poortwachter; wat erin gelezen of verstrekt wordt, gaat door de deur en "
        "staat in het logboek (tests/poortwachters, test_spoor)",
    ),
    **dict.fromkeys(
        [
            ("POST", "/api/v1/notariele-weigeringen/_vraag"),
            ("POST", "/weigeringen/vraag"),
        ],
        "vóór 10 juli 2027 altijd geweigerd (AMLR-75); daarna per kantoor door de deur en "
        "gelogd, bewezen met een klok na die datum (tests/poortwachters/test_notarissen.py)",
    ),
    **dict.fromkeys(
        [
            ("GET", "/api/v1/meldingen"),
            ("GET", "/meldingen"),
            ("GET", "/api/v1/fiu/meldingen"),
            ("GET", "/fiu/meldingen"),
            ("GET", "/api/v1/opschortingen"),
            ("GET", "/opschortingen"),
        ],
        "lijst met nummer, sector, bedrag, datum en stand; geen cliënt",
    ),
    **dict.fromkeys(
        [
            ("GET", "/api/v1/waarschuwingsregister"),
            ("POST", "/api/v1/waarschuwingsregister/vergunningen"),
            ("POST", "/api/v1/waarschuwingsregister/vergunningen/{vergunning_id}/_intrekking"),
            ("POST", "/api/v1/waarschuwingsregister/aansluitingen"),
            ("POST", "/waarschuwingsregister/vergunning"),
            ("POST", "/waarschuwingsregister/vergunningen/{vergunning_id}/intrekking"),
            ("POST", "/waarschuwingsregister/aansluiting"),
            ("GET", "/api/v1/partnerschapsfeiten"),
            ("POST", "/api/v1/partnerschapsfeiten"),
            ("POST", "/partnerschapsfeiten"),
        ],
        "vergunningen, aangesloten bedrijven en feiten van een kantoor: geen personen",
    ),
    **dict.fromkeys(
        [
            ("GET", "/meldingen/nieuw"),
            ("GET", "/meldingen/goaml"),
            ("GET", "/opschortingen/nieuw"),
            ("GET", "/weigeringen/nieuw"),
            ("GET", "/weigeringen/vraag"),
            ("GET", "/waarschuwingsregister/registraties/nieuw"),
            ("GET", "/waarschuwingsregister/raadplegen"),
        ],
        "formulier",
    ),
    **dict.fromkeys(
        [
            ("GET", "/api/v1/knelpunten"),
            ("POST", "/api/v1/knelpunten"),
            ("POST", "/api/v1/knelpunten/uit-deelwijzer"),
            ("POST", "/api/v1/deelverzoeken/{deelverzoek_id}/knelpunt"),
            ("GET", "/api/v1/knelpunten/{knelpunt_id}"),
            ("POST", "/api/v1/knelpunten/{knelpunt_id}/_indelen"),
            ("POST", "/api/v1/knelpunten/{knelpunt_id}/_escaleren"),
            ("POST", "/api/v1/knelpunten/{knelpunt_id}/_oplossen"),
            ("POST", "/api/v1/knelpunten/{knelpunt_id}/_hergebruik"),
            ("GET", "/knelpunten"),
            ("GET", "/knelpunten/nieuw"),
            ("POST", "/knelpunten"),
            ("POST", "/knelpunten/uit-deelwijzer"),
            ("POST", "/deelverzoeken/{deelverzoek_id}/knelpunt"),
            ("GET", "/knelpunten/{knelpunt_id}"),
            ("POST", "/knelpunten/{knelpunt_id}/indelen"),
            ("POST", "/knelpunten/{knelpunt_id}/escaleren"),
            ("POST", "/knelpunten/{knelpunt_id}/oplossen"),
            ("POST", "/knelpunten/{knelpunt_id}/hergebruik"),
        ],
        "register van knelpunten: regels, partijen, categorieën en redenen, geen personen",
    ),
    **dict.fromkeys(
        [
            ("POST", "/api/v1/rapportages"),
            ("POST", "/api/v1/rapportages/{verzoek_id}/_afwijzen"),
            ("POST", "/api/v1/rapportages/{verzoek_id}/_goedkeuren"),
            ("POST", "/api/v1/rapportages/{verzoek_id}/_opstellen"),
            ("POST", "/rapportages"),
            ("POST", "/rapportages/{verzoek_id}/afwijzen"),
            ("POST", "/rapportages/{verzoek_id}/goedkeuren"),
            ("POST", "/rapportages/{verzoek_id}/opstellen"),
            ("POST", "/api/v1/signaalronden"),
            ("POST", "/api/v1/signaalronden/{ronde_id}/_antwoord"),
            ("POST", "/api/v1/signaalronden/{ronde_id}/_sluiten"),
            ("POST", "/signaalronden"),
            ("POST", "/signaalronden/{ronde_id}/antwoord"),
            ("POST", "/signaalronden/{ronde_id}/sluiten"),
        ],
        "stap in een verzoek of ronde; wat erin gelezen of verstrekt wordt, gaat door de deur "
        "en staat in het logboek (tests/verbanden)",
    ),
    ("GET", "/api/v1/rapportages"): "lijst van verzoeken zonder subjecten of rapportage",
    ("GET", "/api/v1/verbanden"): "registergegevens van de verbanden, geen personen",
    ("GET", "/api/v1/verbanden/{verband_id}"): "registergegevens van de verbanden, geen personen",
    ("GET", "/verbanden"): "registergegevens van de verbanden, geen personen",
    ("GET", "/verbanden/{verband_id}"): "registergegevens van de verbanden, geen personen",
    ("GET", "/rapportages"): "lijst van verzoeken zonder subjecten of rapportage",
    ("GET", "/rapportages/nieuw"): "formulier",
    **dict.fromkeys(
        [
            ("POST", "/api/v1/bibob"),
            ("POST", "/api/v1/bibob/{procedure_id}/_onderzoek"),
            ("POST", "/api/v1/bibob/{procedure_id}/_advies-vragen"),
            ("POST", "/api/v1/bibob/{procedure_id}/_termijn-verlengen"),
            ("POST", "/api/v1/bibob/{procedure_id}/_advies"),
            ("POST", "/api/v1/bibob/{procedure_id}/_extract"),
            ("POST", "/api/v1/bibob/{procedure_id}/_voornemen"),
            ("POST", "/api/v1/bibob/{procedure_id}/_zienswijze"),
            ("POST", "/api/v1/bibob/{procedure_id}/_besluit"),
            ("POST", "/bibob"),
            ("POST", "/bibob/{procedure_id}/onderzoek"),
            ("POST", "/bibob/{procedure_id}/advies-vragen"),
            ("POST", "/bibob/{procedure_id}/termijn-verlengen"),
            ("POST", "/bibob/{procedure_id}/advies"),
            ("POST", "/bibob/{procedure_id}/extract"),
            ("POST", "/bibob/{procedure_id}/voornemen"),
            ("POST", "/bibob/{procedure_id}/zienswijze"),
            ("POST", "/bibob/{procedure_id}/besluit"),
            ("POST", "/api/v1/bestuurlijke-rapportages"),
            ("POST", "/api/v1/bestuurlijke-rapportages/{rapportage_id}/_sluiting"),
            ("POST", "/api/v1/sluitingen/{sluiting_id}/_besluit"),
            ("POST", "/api/v1/sluitingen/{sluiting_id}/_verlengen"),
            ("POST", "/api/v1/sluitingen/{sluiting_id}/_rechtsmiddel"),
            ("POST", "/api/v1/sluitingen/{sluiting_id}/_uitspraak"),
            ("POST", "/api/v1/sluitingen/{sluiting_id}/_beeindigen"),
            ("POST", "/bestuurlijke-rapportages"),
            ("POST", "/bestuurlijke-rapportages/{rapportage_id}/sluiting"),
            ("POST", "/sluitingen/{sluiting_id}/besluit"),
            ("POST", "/sluitingen/{sluiting_id}/verlengen"),
            ("POST", "/sluitingen/{sluiting_id}/rechtsmiddel"),
            ("POST", "/sluitingen/{sluiting_id}/uitspraak"),
            ("POST", "/sluitingen/{sluiting_id}/beeindigen"),
            ("POST", "/api/v1/vorderingen"),
            ("POST", "/api/v1/vorderingen/{vordering_id}/_stap"),
            ("POST", "/vorderingen"),
            ("POST", "/vorderingen/{vordering_id}/stap"),
        ],
        "stap in een eigen dossier van de gemeente of de politie; wat erin gelezen of verstrekt "
        "wordt, gaat door de deur en staat in het logboek (tests/bestuurlijk, test_spoor)",
    ),
    **dict.fromkeys(
        [
            ("GET", "/api/v1/bibob"),
            ("GET", "/bibob"),
            ("GET", "/api/v1/bibob-extracten"),
            ("GET", "/bibob-extracten"),
            ("GET", "/api/v1/bestuurlijke-rapportages"),
            ("GET", "/api/v1/sluitingen"),
            ("GET", "/sluitingen"),
            ("GET", "/api/v1/vorderingen"),
            ("GET", "/vorderingen"),
        ],
        "lijst met onderwerp, status en termijnen; geen aanvrager, adres of schuldenaar",
    ),
    **dict.fromkeys(
        [
            ("GET", "/bibob/nieuw"),
            ("GET", "/bibob-register"),
            ("GET", "/bestuurlijke-rapportages/nieuw"),
            ("GET", "/vorderingen/nieuw"),
        ],
        "formulier",
    ),
    **dict.fromkeys(
        [
            ("GET", "/api/v1/kadaster/abonnementen"),
            ("POST", "/api/v1/kadaster/abonnementen"),
            ("DELETE", "/api/v1/kadaster/abonnementen/{perceel}"),
            ("GET", "/api/v1/kadaster/feed"),
            ("GET", "/percelen"),
            ("POST", "/percelen"),
            ("POST", "/percelen/niet-meer-volgen"),
        ],
        "alleen perceelgegevens (perceel, soort mutatie, datum), nooit een eigenaar",
    ),
    ("GET", "/signaalronden/nieuw"): "formulier",
    **dict.fromkeys(
        [
            ("GET", "/api/v1/facilitatorindicatoren"),
            ("POST", "/api/v1/facilitatorindicatoren"),
            ("POST", "/api/v1/facilitatorindicatoren/{indicator_id}/_delen"),
            ("POST", "/api/v1/facilitatorindicatoren/{indicator_id}/_intrekken"),
            ("GET", "/facilitatorindicatoren"),
            ("POST", "/facilitatorindicatoren"),
            ("POST", "/facilitatorindicatoren/{indicator_id}/delen"),
            ("POST", "/facilitatorindicatoren/{indicator_id}/intrekken"),
        ],
        "indicatoren op fenomeenniveau: tekst die een persoon aanwijst wordt geweigerd",
    ),
    ("POST", "/api/v1/casussen/{casus_id}/informeren"): "besluit vastleggen; de betrokkene wordt "
    "gelezen door de deur (entiteit lezen)",
    ("POST", "/casussen/{casus_id}/informeren"): "besluit vastleggen; de betrokkene wordt "
    "gelezen door de deur (entiteit lezen)",
    ("POST", "/api/v1/tokens"): "eigen inloggegevens",
    ("GET", "/api/v1/partners"): "organisaties, geen personen",
    ("GET", "/api/v1/partners/{partner_id}"): "organisaties, geen personen",
    ("GET", "/api/v1/mappings"): "leveringsafspraken",
    ("GET", "/api/v1/casussen"): "casusmetadata van de eigen casussen",
    (
        "POST",
        "/api/v1/leveringen",
    ): "verstrekking: gaat langs de deelregels bij import (zie test_importeren)",
    ("GET", "/api/v1/leveringen"): "leveringsmetadata zonder waarden",
    ("GET", "/api/v1/leveringen/{levering_id}"): "tellingen en rijfouten zonder waarden",
    ("POST", "/api/v1/deelwijzer"): "regelvraag, leest geen gegevens",
    ("GET", "/api/v1/regels"): "de regelcatalogus",
    ("GET", "/api/v1/logboek/verificatie"): "hashes en tellingen, privacy officer",
    ("POST", "/api/v1/logboek/checkpoints"): "boomkop, privacy officer",
    ("GET", "/inloggen"): "formulier",
    ("GET", "/inloggen/sso/{naam}"): "doorsturen naar de inlogdienst van de eigen organisatie",
    ("GET", "/inloggen/sso/{naam}/terug"): "eigen account bij de eigen organisatie",
    ("GET", "/uitgelogd"): "bevestiging van uitloggen",
    **dict.fromkeys(
        [
            ("GET", "/beheer/gebruikers"),
            ("GET", "/beheer/gebruikers/nieuw"),
            ("POST", "/beheer/gebruikers/nieuw"),
            ("GET", "/beheer/gebruikers/{gebruiker_id}"),
            ("POST", "/beheer/gebruikers/{gebruiker_id}/rol"),
            ("POST", "/beheer/gebruikers/{gebruiker_id}/uitschakelen"),
            ("POST", "/beheer/gebruikers/{gebruiker_id}/inschakelen"),
            ("POST", "/beheer/gebruikers/{gebruiker_id}/uitnodiging"),
            ("GET", "/api/v1/gebruikers"),
            ("POST", "/api/v1/gebruikers"),
            ("GET", "/api/v1/gebruikers/{gebruiker_id}"),
            ("POST", "/api/v1/gebruikers/{gebruiker_id}/_rol"),
            ("POST", "/api/v1/gebruikers/{gebruiker_id}/_uitschakelen"),
            ("POST", "/api/v1/gebruikers/{gebruiker_id}/_inschakelen"),
            ("POST", "/api/v1/gebruikers/{gebruiker_id}/_uitnodiging"),
        ],
        "accounts en rollen van de eigen organisatie; geen gegevens van partners",
    ),
    **dict.fromkeys(
        [
            ("GET", "/regels"),
            ("GET", "/regels/versies"),
            ("GET", "/regels/versies/nieuw"),
            ("POST", "/regels/versies/nieuw"),
            ("GET", "/regels/versies/{versie_id}"),
            ("POST", "/regels/versies/{versie_id}/oordeel"),
            ("GET", "/api/v1/regels/versies"),
            ("POST", "/api/v1/regels/versies"),
            ("GET", "/api/v1/regels/versies/{versie_id}"),
            ("POST", "/api/v1/regels/versies/{versie_id}/oordeel"),
        ],
        "de deelregels en hun versies; referentieverzoeken zijn verzonnen, geen personen",
    ),
    **dict.fromkeys(
        [
            ("GET", "/partnerregister"),
            ("GET", "/partnerregister/versies"),
            ("GET", "/partnerregister/versies/nieuw"),
            ("POST", "/partnerregister/versies/nieuw"),
            ("GET", "/partnerregister/versies/{versie_id}"),
            ("POST", "/partnerregister/versies/{versie_id}/oordeel"),
            ("GET", "/api/v1/partnerregister"),
            ("GET", "/api/v1/partnerregister/versies"),
            ("POST", "/api/v1/partnerregister/versies"),
            ("GET", "/api/v1/partnerregister/versies/{versie_id}"),
            ("POST", "/api/v1/partnerregister/versies/{versie_id}/oordeel"),
        ],
        "het partnerregister en zijn versies: organisaties, geen personen",
    ),
    **dict.fromkeys(
        [
            ("GET", "/beheer/mappings"),
            ("GET", "/beheer/mappings/nieuw"),
            ("POST", "/beheer/mappings/nieuw"),
            ("POST", "/beheer/mappings/opstellen"),
            ("GET", "/beheer/mappings/{versie_id}"),
            ("GET", "/beheer/mappings/{versie_id}/nieuwe-versie"),
            ("POST", "/beheer/mappings/{versie_id}/oordeel"),
            ("GET", "/api/v1/mappings/versies"),
            ("POST", "/api/v1/mappings/versies"),
            ("GET", "/api/v1/mappings/versies/{versie_id}"),
            ("POST", "/api/v1/mappings/versies/{versie_id}/oordeel"),
        ],
        "leveringsafspraken: kolommen en categorieën, geen partnergegevens",
    ),
    **dict.fromkeys(
        [
            ("POST", "/api/v1/mappings/_concept"),
            ("POST", "/api/v1/mappings/_proef"),
        ],
        "het eigen voorbeeldbestand van de beheerder, niet bewaard; een BSN alleen als "
        "'versleuteld'",
    ),
    ("GET", "/uitnodiging/{token}"): "eigen naam bij een geldige uitnodiging",
    ("POST", "/uitnodiging/{token}"): "eigen wachtwoord kiezen",
    ("POST", "/api/v1/uitnodigingen/{token}"): "eigen wachtwoord kiezen",
    ("POST", "/inloggen"): "eigen inloggegevens",
    ("GET", "/inloggen/code"): "formulier",
    ("POST", "/inloggen/code"): "eigen code van de tweede factor",
    ("POST", "/uitloggen"): "sessie",
    ("GET", "/"): "eigen casussen",
    ("GET", "/deelwijzer"): "formulier",
    ("POST", "/deelwijzer"): "regelvraag",
    ("GET", "/leveringen"): "leveringsmetadata",
    ("POST", "/leveringen"): "verstrekking: langs de deelregels",
    ("GET", "/leveringen/{levering_id}"): "leveringsmetadata",
    ("GET", "/leveringen/{levering_id}/voortgang"): "aantal verwerkte rijen",
    ("GET", "/zoeken"): "formulier",
    ("GET", "/logboek"): "verificatie, privacy officer",
    ("POST", "/api/v1/signalen"): "verstrekking: langs de deelregels (WGS-RIEC-SIGNAAL), gelogd",
    ("POST", "/api/v1/signalen/{signaal_id}/_beoordeel"): "statuswijziging, geeft niets terug",
    ("POST", "/api/v1/casussen"): "opent een casus; antwoord = casusoverzicht langs toegang",
    ("POST", "/api/v1/casussen/{casus_id}/aanwijzingen"): "statuswijziging",
    ("POST", "/api/v1/casussen/{casus_id}/thema"): "statuswijziging",
    ("POST", "/api/v1/casussen/{casus_id}/leden"): "statuswijziging",
    (
        "POST",
        "/api/v1/casussen/{casus_id}/subjecten",
    ): "koppelen; de controle is een gelogde lezing",
    ("POST", "/api/v1/casussen/{casus_id}/_sluit"): "statuswijziging",
    ("POST", "/api/v1/casussen/{casus_id}/deelverzoeken"): "regelbesluiten, geen persoonsgegevens",
    ("GET", "/api/v1/deelverzoeken"): "verzoekmetadata aan de eigen organisatie",
    ("POST", "/api/v1/deelverzoeken/{deelverzoek_id}/_goedkeuren"): "statuswijziging",
    ("POST", "/api/v1/deelverzoeken/{deelverzoek_id}/_afwijzen"): "statuswijziging",
    ("POST", "/api/v1/deelverzoeken/{deelverzoek_id}/_beantwoord"): "statuswijziging",
    ("GET", "/melden"): "formulier",
    ("POST", "/melden"): "anonieme melding, gelogd; geeft niets terug",
    ("GET", "/signalen/nieuw"): "formulier",
    ("POST", "/signalen/nieuw"): "verstrekking: langs de deelregels, gelogd",
    ("POST", "/signalen/{signaal_id}/beoordeling"): "statuswijziging",
    ("POST", "/signalen/{signaal_id}/casus"): "opent een casus uit een signaal",
    ("GET", "/casussen"): "casusmetadata van de eigen casussen",
    # Pages that act on a case show its metadata only (casussen.kop reads no subject).
    ("GET", "/casussen/{casus_id}/aanwijzingen"): "formulier met casusmetadata",
    ("GET", "/casussen/{casus_id}/thema"): "formulier met casusmetadata",
    ("GET", "/casussen/{casus_id}/leden"): "formulier met casusmetadata en collega's",
    ("GET", "/casussen/{casus_id}/deelverzoeken/nieuw"): "formulier met casusmetadata",
    ("GET", "/casussen/{casus_id}/advies"): "formulier met casusmetadata en interventies",
    ("GET", "/casussen/{casus_id}/advies/vaststellen"): "bevestiging met de interventies",
    ("GET", "/casussen/{casus_id}/sluiten"): "bevestiging met de open interventies",
    ("GET", "/api/v1/deelverzoeken/{deelverzoek_id}"): "verzoekmetadata, geen persoonsgegevens",
    ("GET", "/deelverzoeken/{deelverzoek_id}"): "verzoekmetadata aan de eigen organisatie",
    ("GET", "/deelverzoeken/{deelverzoek_id}/goedkeuren"): "bevestiging van een verzoek",
    ("POST", "/casussen/{casus_id}/aanwijzingen"): "statuswijziging",
    ("POST", "/casussen/{casus_id}/thema"): "statuswijziging",
    ("POST", "/casussen/{casus_id}/leden"): "statuswijziging",
    ("POST", "/casussen/{casus_id}/subjecten"): "koppelen; de controle is een gelogde lezing",
    ("POST", "/casussen/{casus_id}/deelverzoeken"): "regelbesluiten",
    ("POST", "/casussen/{casus_id}/sluiten"): "statuswijziging",
    ("GET", "/deelverzoeken"): "verzoekmetadata aan de eigen organisatie",
    ("POST", "/deelverzoeken/{deelverzoek_id}/goedkeuren"): "statuswijziging",
    ("POST", "/deelverzoeken/{deelverzoek_id}/afwijzen"): "statuswijziging",
    ("POST", "/deelverzoeken/{deelverzoek_id}/antwoord"): "statuswijziging",
    ("PUT", "/api/v1/casussen/{casus_id}/advies"): "conceptadvies opslaan",
    (
        "POST",
        "/api/v1/casussen/{casus_id}/advies/_vaststellen",
    ): "verstrekking aan eigenaars: langs WGS-RIEC-UIT, gelogd",
    ("GET", "/api/v1/interventies"): "interventiemetadata van de eigen organisatie",
    ("POST", "/api/v1/interventies/{interventie_id}/_bijwerken"): "statuswijziging",
    ("POST", "/casussen/{casus_id}/advies"): "conceptadvies opslaan",
    ("POST", "/casussen/{casus_id}/advies/vaststellen"): "verstrekking aan eigenaars, gelogd",
    ("GET", "/interventies"): "interventiemetadata van de eigen organisatie",
    ("POST", "/interventies/{interventie_id}"): "statuswijziging",
    ("POST", "/api/v1/kennisgevingen"): "registratie door de opsporing; antwoord = nummers en code",
    ("POST", "/api/v1/beslagobjecten/{object_id}/_overgang"): "statuswijziging, gelogde lezing",
    ("POST", "/api/v1/beslagobjecten/{object_id}/_verzoek-machtiging"): "statuswijziging",
    ("POST", "/api/v1/beslagobjecten/{object_id}/klaagschrift"): "statuswijziging",
    ("POST", "/api/v1/beslagobjecten/{object_id}/_herbeoordeel"): "statuswijziging",
    ("POST", "/api/v1/beslagobjecten/{object_id}/_omzetten"): "statuswijziging",
    ("POST", "/api/v1/beslagobjecten/{object_id}/waarderingen"): "waarde vastleggen",
    ("POST", "/api/v1/beslagobjecten/{object_id}/_herbestemmen"): "statuswijziging",
    ("POST", "/api/v1/vermogensdossiers"): "opent een dossier; antwoord = wat de opener invoerde",
    ("POST", "/api/v1/vermogensdossiers/{dossier_id}/onderzoekshandelingen"): "vastleggen",
    ("POST", "/api/v1/vermogensdossiers/{dossier_id}/vermogen"): "vastleggen",
    ("POST", "/api/v1/vermogensdossiers/{dossier_id}/vordering"): "vastleggen",
    ("POST", "/api/v1/vermogensdossiers/{dossier_id}/executie"): "statuswijziging",
    ("POST", "/api/v1/vermogensdossiers/{dossier_id}/betalingen"): "vastleggen",
    ("POST", "/api/v1/maatschappelijke-organisaties"): "organisaties, geen personen",
    ("GET", "/api/v1/beslagcijfers"): "geaggregeerde bedragen, geen personen",
    ("GET", "/api/v1/beslagcijfers/naijl"): "geaggregeerde bedragen, geen personen",
    ("GET", "/api/v1/beslagcijfers/export"): "geaggregeerde bedragen, geen personen",
    ("GET", "/beslag/nieuw"): "formulier",
    ("POST", "/beslag/nieuw"): "registratie; antwoord = nummers en code",
    ("GET", "/beslag/cijfers"): "geaggregeerde bedragen, geen personen",
    ("GET", "/beslag/cijfers.{formaat}"): "geaggregeerde bedragen, geen personen",
    ("POST", "/beslag/{object_id}/stap"): "statuswijziging, gelogde lezing",
    ("POST", "/beslag/{object_id}/waarde"): "waarde vastleggen",
    ("POST", "/beslag/{object_id}/machtiging"): "statuswijziging",
    ("POST", "/beslag/{object_id}/klaagschrift"): "statuswijziging",
    ("POST", "/vermogensdossiers"): "opent een dossier",
    ("POST", "/vermogensdossiers/{dossier_id}/handeling"): "vastleggen",
    ("POST", "/vermogensdossiers/{dossier_id}/vordering"): "vastleggen",
    ("POST", "/vermogensdossiers/{dossier_id}/vermogen"): "vastleggen",
    ("POST", "/vermogensdossiers/{dossier_id}/executie"): "statuswijziging",
    ("POST", "/vermogensdossiers/{dossier_id}/betaling"): "vastleggen",
    ("POST", "/beslag/{object_id}/herbeoordeling"): "statuswijziging",
    ("POST", "/beslag/{object_id}/omzetting"): "statuswijziging",
    ("POST", "/herbestemming/organisaties"): "organisaties, geen personen",
    ("POST", "/herbestemming/{object_id}"): "statuswijziging",
    # Monitor: aggregates (small cells suppressed) and public documents. Members of parliament
    # appear as the public letters name them; no partner data about persons passes here.
    ("GET", "/api/v1/monitor/structuur"): "beleid, geen personen",
    ("PUT", "/api/v1/monitor/maatregelen/{maatregel_id}"): "beleid bijwerken",
    ("GET", "/api/v1/monitor/indicatoren"): "geaggregeerde cijfers, kleine cellen verborgen",
    ("GET", "/api/v1/monitor/indicatoren/{code}"): "geaggregeerde cijfers",
    ("GET", "/api/v1/monitor/indicatoren/{code}/export"): "geaggregeerde cijfers",
    ("POST", "/api/v1/monitor/indicatoren/{code}/waarden"): "cijfer vastleggen",
    ("GET", "/api/v1/monitor/financien"): "begroting, geen personen",
    ("GET", "/api/v1/monitor/opdrachten"): "openbare moties en toezeggingen",
    ("PUT", "/api/v1/monitor/opdrachten/{opdracht_id}/beoordeling"): "beoordeling vastleggen",
    ("GET", "/api/v1/monitor/documenten"): "openbare brieven",
    ("GET", "/api/v1/monitor/rapport"): "geaggregeerde rapportage",
    ("GET", "/monitor"): "beleid en geaggregeerde cijfers",
    ("POST", "/monitor/maatregelen/{maatregel_id}"): "beleid bijwerken",
    ("GET", "/monitor/indicatoren/{code}"): "geaggregeerde cijfers",
    ("GET", "/monitor/indicatoren/{code}.{formaat}"): "geaggregeerde cijfers",
    ("POST", "/monitor/indicatoren/{code}"): "cijfer vastleggen",
    ("GET", "/monitor/financien"): "begroting, geen personen",
    ("GET", "/monitor/financien/tabel-{nummer}.{formaat}"): "begroting, geen personen",
    ("GET", "/monitor/moties"): "openbare moties en toezeggingen",
    ("GET", "/monitor/moties.{formaat}"): "openbare moties en toezeggingen",
    ("GET", "/monitor/moties/{opdracht_id}"): "openbare moties en toezeggingen",
    ("POST", "/monitor/moties/{opdracht_id}"): "beoordeling vastleggen",
    ("GET", "/monitor/documenten"): "openbare brieven",
    ("GET", "/monitor/documenten/{sleutel}"): "openbare brieven",
    ("GET", "/monitor/rapport"): "geaggregeerde rapportage",
    ("POST", "/monitor/rapport/pdf"): "geaggregeerde rapportage, als achtergrondtaak",
    ("GET", "/monitor/rapport/pdf/{opdracht_id}"): "voortgang van de eigen PDF",
    ("GET", "/monitor/rapport/pdf/{opdracht_id}/bestand"): "geaggregeerde rapportage",
    ("GET", "/monitor/maatregelen/{maatregel_id}"): "beleid, geen personen",
    ("GET", "/api/v1/monitor/gebiedsbeeld"): "gebiedsniveau, kleine cellen verborgen",
    ("GET", "/monitor/gebiedsbeeld"): "gebiedsniveau, kleine cellen verborgen",
    ("GET", "/monitor/gebiedsbeeld.{formaat}"): "gebiedsniveau, kleine cellen verborgen",
    # Keeping the monitor up to date: policy texts and aggregates' definitions, no person.
    **dict.fromkeys(
        [
            ("GET", "/monitor/maatregelen/nieuw"),
            ("GET", "/monitor/indicatoren/nieuw"),
            ("GET", "/monitor/indicatoren/{code}/definitie"),
            ("GET", "/monitor/moties/nieuw"),
        ],
        "formulier voor beleid, geen personen",
    ),
    **dict.fromkeys(
        [
            ("POST", "/monitor/maatregelen"),
            ("POST", "/api/v1/monitor/maatregelen"),
            ("POST", "/monitor/indicatoren"),
            ("POST", "/api/v1/monitor/indicatoren"),
            ("POST", "/monitor/indicatoren/{code}/definitie"),
            ("PUT", "/api/v1/monitor/indicatoren/{code}"),
            ("POST", "/monitor/moties"),
            ("POST", "/api/v1/monitor/opdrachten"),
        ],
        "beleid bijwerken",
    ),
    # Preventie met Gezag: a municipality's counts per intervention, no person (the service
    # refuses text that looks like a BSN, an e-mail address or a birth date).
    **dict.fromkeys(
        [
            ("GET", "/pmg"),
            ("GET", "/api/v1/pmg"),
            ("GET", "/pmg/uitvragen/nieuw"),
            ("GET", "/pmg/opgaven/{opgave_id}"),
            ("GET", "/api/v1/pmg/opgaven/{opgave_id}"),
            ("GET", "/pmg/opgaven/{opgave_id}/interventies/nieuw"),
            ("GET", "/pmg/opgaven/{opgave_id}/interventies/{interventie_id}"),
        ],
        "aantallen per interventie van een gemeente, geen personen",
    ),
    **dict.fromkeys(
        [
            ("POST", "/pmg/uitvragen"),
            ("POST", "/api/v1/pmg/uitvragen"),
            ("POST", "/pmg/opgaven/{opgave_id}/interventies"),
            ("POST", "/api/v1/pmg/opgaven/{opgave_id}/interventies"),
            ("POST", "/pmg/opgaven/{opgave_id}/interventies/{interventie_id}"),
            ("PUT", "/api/v1/pmg/opgaven/{opgave_id}/interventies/{interventie_id}"),
            ("POST", "/pmg/opgaven/{opgave_id}/interventies/{interventie_id}/verwijderen"),
            ("DELETE", "/api/v1/pmg/opgaven/{opgave_id}/interventies/{interventie_id}"),
            ("POST", "/pmg/opgaven/{opgave_id}/indienen"),
            ("POST", "/api/v1/pmg/opgaven/{opgave_id}/indienen"),
            ("POST", "/pmg/opgaven/{opgave_id}/beoordelen"),
            ("POST", "/api/v1/pmg/opgaven/{opgave_id}/beoordelen"),
        ],
        "opgave bijwerken of beoordelen: aantallen, geen personen",
    ),
    ("GET", "/mijn-beslag"): "formulier",
    (
        "POST",
        "/casussen/{casus_id}/kruisverwijzing",
    ): "start een kruisverwijzing; die leest via toegang en logt (tests/kruisverwijzing)",
    (
        "POST",
        "/casussen/{casus_id}/kruisverwijzing/taken/{taak_id}/hervatten",
    ): "hervat een kruisverwijzing; die leest via toegang en logt (tests/kruisverwijzing)",
    (
        "GET",
        "/casussen/{casus_id}/kruisverwijzing/taken/{taak_id}/voortgang",
    ): "tellingen van een kruisverwijzing",
    ("POST", "/casussen/{casus_id}/kruisverwijzing/oordeel"): "legt een oordeel vast",
    (
        "POST",
        "/api/v1/casussen/{casus_id}/kruisverwijzingen",
    ): "start een kruisverwijzing; die leest via toegang en logt (tests/kruisverwijzing)",
    ("GET", "/api/v1/casussen/{casus_id}/kruisverwijzingen"): "tellingen van kruisverwijzingen",
    ("POST", "/api/v1/casussen/{casus_id}/kruisoordelen"): "legt oordelen vast",
    (
        "POST",
        "/api/v1/casussen/{casus_id}/kruisoordelen/{oordeel_id}/intrekken",
    ): "trekt een eigen oordeel in",
    (
        "GET",
        "/api/v1/casussen/{casus_id}/kruisonderwerpen",
    ): "alleen entiteit-id's per subject, geen waarden; casusleden",
    (
        "POST",
        "/casussen/{casus_id}/kruisverwijzing/oordelen/{oordeel_id}/intrekken",
    ): "trekt een eigen oordeel in",
    **dict.fromkeys(
        [
            ("POST", "/api/v1/integriteit/meldingen/{melding_id}/oordeel"),
            ("POST", "/integriteit/meldingen/{melding_id}/oordeel"),
            ("POST", "/api/v1/afscherming"),
            ("POST", "/afscherming"),
            ("POST", "/api/v1/afscherming/{afscherming_id}/beeindigen"),
            ("POST", "/afscherming/{afscherming_id}/beeindigen"),
        ],
        "stap van de privacy officer; de melding of afscherming wordt door de deur gelezen en "
        "gelogd (tests/integriteit)",
    ),
    **dict.fromkeys(
        [
            ("GET", "/api/v1/toegangsreview"),
            ("GET", "/toegangsreview"),
            ("POST", "/api/v1/toegangsreview"),
            ("POST", "/toegangsreview"),
        ],
        "lidmaatschappen en rollen van de eigen medewerkers voor hun coördinator; geen "
        "gegevens van partners",
    ),
}
CLI_PERSOONSGEGEVENS = {"entiteit toon", "entiteit zoek", "logboek inzage"}
CLI_OVERIG = {
    "init",
    "serve",
    "openapi",
    "regels",
    "bewaartermijn",
    "deelwijzer",
    "levering importeer",
    "logboek verify",
    "logboek checkpoint",
    "gebruiker aanmaken",
    "gebruiker tweede-factor",
    "demo laden",
    "monitor laden",
    "monitor rapport",
    "monitor tk-sync",
    # Reads through toegang (rule decision and log line per person) but prints counts only.
    "kruisverwijzing casus",
    "kruisverwijzing hervat",
    # The analist's own files outside Integraal; nothing is read from the platform.
    "kruisverwijzing bestanden",
    # Plot data in (never an owner); deadlines as counts.
    "bestuurlijk kadaster-ophalen",
    "bestuurlijk termijnen",
    # A report provided (through the door, WWFT-MOT) answered with receipts; the register's
    # expiry reads through the door and prints a count; deadlines as counts.
    "poortwachters goaml",
    "poortwachters verloop",
    "poortwachters termijnen",
    # The detection run: reads the log's subjects to compare them and prints counts only.
    "logboek controle",
    # Carries out queued jobs as the person who asked, under the decisions taken (and
    # logged) when they asked; prints nothing about persons (tests/achtergrond).
    "worker",
}
WEGGELATEN_PADEN = {"/api/v1/openapi.json", "/api/v1/docs", "/api/v1/redoc"}


def _routes(app: FastAPI | object, prefix: str = "") -> set[tuple[str, str]]:
    uit: set[tuple[str, str]] = set()
    for r in getattr(app, "routes", []):
        if isinstance(r, Mount) and isinstance(r.app, FastAPI):
            uit |= _routes(r.app, prefix + r.path)
        elif hasattr(r, "original_router"):
            # FastAPI >= 0.165 keeps include_router() lazily; our routers carry no prefix. Should
            # this internal change, the classification check below fails instead of passing.
            uit |= _routes(r.original_router, prefix)
        elif isinstance(r, Route) and r.methods:
            pad = prefix + r.path
            if pad in WEGGELATEN_PADEN:
                continue
            uit |= {(m, pad) for m in r.methods if m != "HEAD"}
    return uit


def _cli_commando(groep: object, prefix: str = "") -> set[str]:
    # Typer >= 0.2x vendors its own click; a group is whatever has sub-commands.
    uit: set[str] = set()
    for naam, cmd in getattr(groep, "commands", {}).items():
        volledig = f"{prefix}{naam}"
        if hasattr(cmd, "commands"):
            uit |= _cli_commando(cmd, volledig + " ")
        else:
            uit.add(volledig)
    return uit


def test_elk_pad_is_geclassificeerd(wereld: Wereld) -> None:
    routes = _routes(maak_app(wereld.omgeving))
    bekend = PERSOONSGEGEVENS | CODE_PADEN | set(GEEN_PERSOONSGEGEVENS)
    assert routes - bekend == set(), "nieuwe routes: classificeer ze in test_leespaden.py"
    assert bekend - routes == set(), "verouderde classificatie"
    cli = _cli_commando(typer.main.get_command(cli_app))
    assert cli == CLI_PERSOONSGEGEVENS | CLI_OVERIG


def _logaantal(w: Wereld) -> int:
    with transactie(w.omgeving.fabriek) as s:
        return int(s.scalar(sa.select(sa.func.count()).select_from(LogboekRegel)) or 0)


def _jan_id(w: Wereld) -> str:
    # Straight from storage: the test's own lookup must not count as a (logged) read. The
    # municipality's Jan: the seizure's tax file names a Jan of its own.
    with transactie(w.omgeving.fabriek) as s:
        return str(
            s.scalars(
                sa.select(Statement.entity_id).where(
                    Statement.value == "Jan de Vries", Statement.bron_id == "gemeente-rotterdam"
                )
            ).one()
        )


@dataclass(frozen=True)
class Pad:
    sleutel: tuple[str, str]
    roep: Callable[[TestClient, Wereld, Actor | None], tuple[int, str]]
    toegestaan: Callable[[Wereld], Actor]
    geweigerd: Callable[[Wereld], Actor]


def _api(
    methode: str,
    pad: Callable[[Wereld], str],
    body: Callable[[Wereld], dict[str, object]] | None = None,
):  # type: ignore[no-untyped-def]
    def roep(c: TestClient, w: Wereld, actor: Actor | None) -> tuple[int, str]:
        koppen = token(c, actor) if actor else {}
        r = c.request(methode, pad(w), headers=koppen, json=body(w) if body else None)
        return r.status_code, r.text

    return roep


def _web(
    methode: str,
    pad: Callable[[Wereld], str],
    data: Callable[[Wereld], dict[str, str]] | None = None,
):  # type: ignore[no-untyped-def]
    def roep(c: TestClient, w: Wereld, actor: Actor | None) -> tuple[int, str]:
        c.cookies.clear()
        if actor:
            web_login(c, actor)
        velden = dict(data(w)) if data else {}
        if methode == "POST":
            velden["csrf"] = csrf(c, "/inloggen")
        r = c.request(
            methode, pad(w), data=velden if methode == "POST" else None, follow_redirects=False
        )
        return r.status_code, r.text

    return roep


LEESVRAAG = {"doel": "integrale_aanpak", "casusId": "C-1"}


def _signaal_id(w: Wereld) -> str:
    with transactie(w.omgeving.fabriek) as s:
        return str(s.scalars(sa.select(Signaal.id)).one())


def _vul(w: Wereld, pad: str) -> str:
    return pad.replace("{object_id}", w.fiets).replace("{dossier_id}", w.dossier)  # type: ignore[attr-defined]


def _beslagpad(pad: str) -> Pad:
    """A seizure-chain read: the officer involved sees it, an uninvolved FIOD officer not."""
    return Pad(
        ("GET", pad),
        _api("GET", lambda w: _vul(w, pad)),
        lambda w: w.ovj,  # type: ignore[attr-defined]
        lambda w: w.fiod,  # type: ignore[attr-defined]
    )


BESLAGPADEN = [
    "/api/v1/beslagobjecten",
    "/api/v1/beslagobjecten/{object_id}",
    "/api/v1/termijnen",
    "/api/v1/beslagfeed",
    "/api/v1/vermogensdossiers",
    "/api/v1/vermogensdossiers/{dossier_id}",
    "/api/v1/herbestemming/suggesties",
]

PADEN = [
    Pad(
        ("GET", "/api/v1/rapportages/{verzoek_id}"),
        _api("GET", lambda w: f"/api/v1/rapportages/{w.rapportage}"),  # type: ignore[attr-defined]
        lambda w: w.rechercheur,  # type: ignore[attr-defined]
        lambda w: w.collega,  # type: ignore[attr-defined]
    ),
    Pad(
        ("GET", "/rapportages/{verzoek_id}"),
        _web("GET", lambda w: f"/rapportages/{w.rapportage}"),  # type: ignore[attr-defined]
        lambda w: w.rechercheur,  # type: ignore[attr-defined]
        lambda w: w.collega,  # type: ignore[attr-defined]
    ),
    Pad(
        ("GET", "/api/v1/signaalronden"),
        _api("GET", lambda w: "/api/v1/signaalronden"),
        lambda w: w.fec_analist,  # type: ignore[attr-defined]
        lambda w: w.gemeente,
    ),
    Pad(
        ("GET", "/api/v1/signaalronden/{ronde_id}"),
        _api("GET", lambda w: f"/api/v1/signaalronden/{w.ronde}"),  # type: ignore[attr-defined]
        lambda w: w.fiod,  # type: ignore[attr-defined]
        lambda w: w.gemeente,
    ),
    Pad(
        ("GET", "/signaalronden"),
        _web("GET", lambda w: "/signaalronden"),
        lambda w: w.fiod,  # type: ignore[attr-defined]
        lambda w: w.gemeente,
    ),
    Pad(
        ("GET", "/signaalronden/{ronde_id}"),
        _web("GET", lambda w: f"/signaalronden/{w.ronde}"),  # type: ignore[attr-defined]
        lambda w: w.fec_analist,  # type: ignore[attr-defined]
        lambda w: w.gemeente,
    ),
    Pad(
        ("GET", "/api/v1/casussen/{casus_id}/informeren"),
        _api("GET", lambda w: "/api/v1/casussen/C-1/informeren"),
        lambda w: w.analist,
        lambda w: w.buitenstaander,
    ),
    Pad(
        ("GET", "/casussen/{casus_id}/informeren"),
        _web("GET", lambda w: "/casussen/C-1/informeren"),
        lambda w: w.analist,
        lambda w: w.buitenstaander,
    ),
    Pad(
        ("GET", "/api/v1/signalen"),
        _api("GET", lambda w: "/api/v1/signalen"),
        lambda w: w.analist,
        lambda w: w.gemeente,
    ),
    Pad(
        ("GET", "/api/v1/signalen/{signaal_id}"),
        _api("GET", lambda w: f"/api/v1/signalen/{_signaal_id(w)}"),
        lambda w: w.analist,
        lambda w: w.andere_riec,
    ),
    Pad(
        ("GET", "/api/v1/casussen/{casus_id}"),
        _api("GET", lambda w: "/api/v1/casussen/C-1"),
        lambda w: w.analist,
        lambda w: w.buitenstaander,
    ),
    Pad(
        ("GET", "/signalen"),
        _web("GET", lambda w: "/signalen"),
        lambda w: w.analist,
        lambda w: w.gemeente,
    ),
    Pad(
        ("GET", "/signalen/{signaal_id}"),
        _web("GET", lambda w: f"/signalen/{_signaal_id(w)}"),
        lambda w: w.analist,
        lambda w: w.andere_riec,
    ),
    Pad(
        ("GET", "/casussen/{casus_id}"),
        _web("GET", lambda w: "/casussen/C-1"),
        lambda w: w.analist,
        lambda w: w.buitenstaander,
    ),
    Pad(
        ("GET", "/casussen/{casus_id}/export.{formaat}"),
        _web("GET", lambda w: "/casussen/C-1/export.csv"),
        lambda w: w.analist,
        lambda w: w.buitenstaander,
    ),
    Pad(
        ("GET", "/api/v1/casussen/{casus_id}/export"),
        _api("GET", lambda w: "/api/v1/casussen/C-1/export?formaat=csv"),
        lambda w: w.analist,
        lambda w: w.buitenstaander,
    ),
    Pad(
        ("GET", "/api/v1/entiteiten/{entiteit_id}"),
        _api("GET", lambda w: f"/api/v1/entiteiten/{_jan_id(w)}?doel=integrale_aanpak&casusId=C-1"),
        lambda w: w.analist,
        lambda w: w.buitenstaander,
    ),
    Pad(
        ("POST", "/api/v1/entiteiten/_zoek"),
        _api(
            "POST",
            lambda w: "/api/v1/entiteiten/_zoek",
            lambda w: {**LEESVRAAG, "zoekterm": "vries"},
        ),
        lambda w: w.analist,
        lambda w: w.andere_riec,
    ),
    Pad(
        ("POST", "/api/v1/logboek/inzage"),
        _api("POST", lambda w: "/api/v1/logboek/inzage", lambda w: {"betrokkene": BSN_JAN}),
        lambda w: w.privacy,
        lambda w: w.analist,
    ),
    Pad(
        ("GET", "/entiteiten/{entiteit_id}"),
        _web("GET", lambda w: f"/entiteiten/{_jan_id(w)}?doel=integrale_aanpak&casusId=C-1"),
        lambda w: w.analist,
        lambda w: w.buitenstaander,
    ),
    Pad(
        ("POST", "/zoeken"),
        _web(
            "POST",
            lambda w: "/zoeken",
            lambda w: {"zoekterm": "vries", "doel": "integrale_aanpak", "casusId": "C-1"},
        ),
        lambda w: w.analist,
        lambda w: w.andere_riec,
    ),
    Pad(
        ("POST", "/logboek/inzage"),
        _web("POST", lambda w: "/logboek/inzage", lambda w: {"betrokkene": BSN_JAN}),
        lambda w: w.privacy,
        lambda w: w.analist,
    ),
    Pad(
        ("GET", "/api/v1/casussen/{casus_id}/kruissuggesties"),
        _api("GET", lambda w: "/api/v1/casussen/C-1/kruissuggesties"),
        lambda w: w.analist,
        lambda w: w.buitenstaander,
    ),
    Pad(
        ("GET", "/casussen/{casus_id}/kruisverwijzing"),
        _web("GET", lambda w: "/casussen/C-1/kruisverwijzing"),
        lambda w: w.analist,
        lambda w: w.buitenstaander,
    ),
]
# The network view: Jan, his company and (in the tax office's spelling) the short-lived
# companies he directs, which make a pattern.
PADEN += [
    Pad(
        ("GET", sleutel),
        roep,
        lambda w: w.analist,
        lambda w: w.buitenstaander,
    )
    for sleutel, roep in (
        ("/casussen/{casus_id}/netwerk", _web("GET", lambda w: "/casussen/C-1/netwerk")),
        (
            "/casussen/{casus_id}/netwerk/pad",
            _web(
                "GET",
                lambda w: f"/casussen/C-1/netwerk/pad?van={_jan_id(w)}&naar={_bv_id(w)}",
            ),
        ),
        (
            "/casussen/{casus_id}/netwerk/patronen",
            _web("GET", lambda w: "/casussen/C-1/netwerk/patronen"),
        ),
        (
            "/api/v1/casussen/{casus_id}/netwerk/startpunten",
            _api("GET", lambda w: "/api/v1/casussen/C-1/netwerk/startpunten"),
        ),
        (
            "/api/v1/casussen/{casus_id}/netwerk/knopen/{knoop_id}",
            _api("GET", lambda w: f"/api/v1/casussen/C-1/netwerk/knopen/{_jan_id(w)}"),
        ),
        (
            "/api/v1/casussen/{casus_id}/netwerk/pad",
            _api(
                "GET",
                lambda w: f"/api/v1/casussen/C-1/netwerk/pad?van={_jan_id(w)}&naar={_bv_id(w)}",
            ),
        ),
        (
            "/api/v1/casussen/{casus_id}/netwerk/patronen",
            _api("GET", lambda w: "/api/v1/casussen/C-1/netwerk/patronen"),
        ),
    )
]


PADEN += [_beslagpad(p) for p in BESLAGPADEN]
PADEN += [
    Pad(
        ("GET", p),
        _web("GET", lambda w, p=p: _vul(w, p)),  # type: ignore[misc]
        lambda w: w.ovj,  # type: ignore[attr-defined]
        lambda w: w.fiod,  # type: ignore[attr-defined]
    )
    for p in (
        "/beslag",
        "/beslag/{object_id}",
        "/beslag/termijnen",
        "/vermogensdossiers",
        "/vermogensdossiers/{dossier_id}",
        "/herbestemming",
    )
]


def test_elk_persoonspad_heeft_een_proef() -> None:
    geprobeerd = {p.sleutel for p in PADEN} | {b[0] for b in BESTUURLIJKE_PADEN}
    poort = {b[0] for b in POORT_PADEN}
    assert geprobeerd | poort | INTEGRITEIT_PADEN == PERSOONSGEGEVENS


def _persoonsgegevens_in(tekst: str) -> bool:
    # Jan's name is in the delivery; the inzage lists the processing of his delivery; a seized
    # object or asset file is about the person seized from or suspected.
    # A problem's "instance" echoes the caller's own URL, which is not data handed out.
    tekst = re.sub(r'"instance":"[^"]*"', "", tekst)
    return (
        any(x in tekst for x in ("Jan de Vries", "J. de Vries", "BO-20", "VD-20"))
        or "levering ontvangen" in tekst.lower()
    )


@pytest.fixture
def met_casuswerk(met_levering: Wereld) -> Wereld:
    """A signal that names Jan, and Jan linked as a subject of C-1."""
    from integraal.casus import casussen, signalen

    w = met_levering
    doe(
        w.omgeving,
        w.gemeente,
        signalen.dien_in,
        signalen.SignaalIn(
            verband="riec-rotterdam",
            omschrijving="Jan de Vries exploiteert het pand met veel contant geld.",
        ),
    )
    doe(
        w.omgeving,
        w.analist,
        casussen.koppel_subject,
        "C-1",
        casussen.SubjectIn(entiteit_id=_jan_id(w)),
    )
    _met_beslag(w)
    _met_suggestie(w)
    _met_bestuur(w)
    _met_verbanden(w)
    return w


def _met_verbanden(w: Wereld) -> None:
    """An iCOV report on Jan delivered to one police officer, and an FEC round that names him."""
    from integraal.casus.signalen import Kenmerk, KenmerkSoort
    from integraal.verbanden import fec, icov

    o = w.omgeving
    belasting = maak_actor(o, "belasting.icov", "belastingdienst")
    r = lever(
        o,
        belasting,
        "demo-belastingdienst-icov",
        "icov.csv",
        (
            "regel;bsn;naam;geboortedatum;iban;bank;kvk;bedrijfsnaam;aandeel;kenteken\n"
            f"1;{BSN_JAN};Jan de Vries;1980-02-01;NL91ABNA0417164300;ABN AMRO;;;;\n"
        ).encode(),
    )
    assert r.status == "verwerkt", r.melding
    w.rechercheur = maak_actor(o, "rechercheur", "politie")  # type: ignore[attr-defined]
    w.collega = maak_actor(o, "collega", "politie")  # type: ignore[attr-defined]
    v = doe(
        o,
        w.rechercheur,  # type: ignore[attr-defined]
        icov.vraag_aan,
        icov.RapportageverzoekIn(
            soort=icov.Rapportagesoort.IRVI,
            doel=icov.Rapportagedoel.OPSPORING,
            onderzoek="Onderzoek Havenweg",
            vordering="Vordering 126nd Sv",
            kenmerken=[Kenmerk(soort=KenmerkSoort.BSN, waarde=BSN_JAN)],
        ),
    )
    doe(o, maak_actor(o, "icov.1", "icov"), icov.stel_op, v.id)
    doe(o, maak_actor(o, "icov.2", "icov"), icov.keur_goed, v.id)
    w.rapportage = v.id  # type: ignore[attr-defined]
    w.fec_analist = maak_actor(o, "fec.analist", "fec")  # type: ignore[attr-defined]
    w.fiod = maak_actor(o, "fiod.lid", "fiod")  # type: ignore[attr-defined]
    w.ronde = doe(  # type: ignore[attr-defined]
        o,
        w.fec_analist,  # type: ignore[attr-defined]
        fec.start,
        fec.RondeIn(
            omschrijving="Jan de Vries sluist geld door via een trustkantoor.",
            aanwijzingen="Twee meldingen van deelnemers en een verdacht verklaarde transactie.",
            kenmerken=[Kenmerk(soort=KenmerkSoort.BSN, waarde=BSN_JAN)],
        ),
    ).id


def _bv_id(w: Wereld) -> str:
    with transactie(w.omgeving.fabriek) as s:
        return str(
            s.scalars(
                sa.select(Statement.entity_id).where(Statement.value == "Vries Horeca B.V.")
            ).first()
        )


def _met_bestuur(w: Wereld) -> None:
    """The tax office reports Jan (as "J. de Vries") directing three short-lived companies."""
    rijen = "".join(
        f"{i};{BSN_JAN};J. de Vries;1980-02-01;9930000{i};Kort {i} B.V.;2022-0{i}-01;"
        f"2023-0{i}-01;bestuurder\n"
        for i in range(1, 4)
    )
    r = lever(
        w.omgeving,
        maak_actor(w.omgeving, "belasting.net", "belastingdienst"),
        "demo-belastingdienst-bestuurders",
        "b.csv",
        (
            "regel;bsn;naam;geboortedatum;kvk;bedrijfsnaam;opgericht;opgeheven;functie\n" + rijen
        ).encode(),
        casus_id="C-1",
    )
    assert r.status == "verwerkt", r.melding


def _met_suggestie(w: Wereld) -> None:
    """A suggested pair with Jan in the judgement queue of C-1 (stored as a run stores it)."""
    from integraal.opslag.modellen import Kruissuggestie, Kruistaak

    jan = _jan_id(w)
    with transactie(w.omgeving.fabriek) as s:
        ander = s.scalars(
            sa.select(Statement.entity_id).where(
                Statement.schema == "Person", Statement.entity_id != jan
            )
        ).first()
        s.add(
            Kruistaak(
                id="KT-T",
                casus_id="C-1",
                soort="casus",
                parameters={},
                status="klaar",
                gestart_door=w.analist.gebruiker_id,
                organisatie_id="riec-rotterdam",
            )
        )
        s.flush()
        s.add(
            Kruissuggestie(
                taak_id="KT-T",
                casus_id="C-1",
                links=min(jan, str(ander)),
                rechts=max(jan, str(ander)),
                kans=0.6,
                gewicht=0.6,
                uitleg=[],
            )
        )


def _met_beslag(w: Wereld) -> None:
    """Jan's seized bike in an asset file, forfeited and eligible for social re-use."""
    import datetime as dt

    from integraal.beslag import dossier, herbestemming, registratie, verloop, waarde
    from integraal.beslag.registratie import ItemIn, KennisgevingIn
    from integraal.beslag.verloop import OvergangIn
    from integraal.domein.rollen import Rol

    o = w.omgeving
    agent = maak_actor(o, "agent", "politie", Rol.OPSPORINGSAMBTENAAR)
    hovj = maak_actor(o, "hovj", "politie", Rol.HULPOFFICIER)
    w.ovj = ovj = maak_actor(o, "ovj", "om", Rol.OFFICIER)  # type: ignore[attr-defined]
    w.fiod = maak_actor(o, "fiod", "fiod", Rol.OPSPORINGSAMBTENAAR)  # type: ignore[attr-defined]
    drz = maak_actor(o, "drz", "domeinen-roerende-zaken", Rol.BEWAARDER)
    d = doe(o, ovj, dossier.open_dossier, dossier.DossierIn(verdachte="Jan de Vries"))
    r = doe(
        o,
        agent,
        registratie.registreer,
        KennisgevingIn(
            kvi_nummer="KVI-T-1",
            beslagen_op=dt.date.today(),
            beslagene="Jan de Vries",
            dossier_id=d.id,
            items=[
                ItemIn(
                    soort="goederen",
                    omschrijving="Fiets",
                    grond="94-verbeurdverklaring",
                    categorie=5,
                    goederencategorie="fietsen",
                ),
                ItemIn(
                    soort="contant",
                    omschrijving="Contant",
                    grond="94-wederrechtelijk-voordeel",
                    categorie=4,
                    bedrag_euro=500,
                ),
            ],
        ),
    )
    fiets = r.object_ids[0]
    doe(o, hovj, verloop.voer_uit, fiets, OvergangIn(naar="gehandhaafd"))
    doe(
        o,
        ovj,
        verloop.voer_uit,
        fiets,
        OvergangIn(
            naar="in_bewaring",
            reden="Verbeurdverklaring gevorderd.",
            bewaarder="domeinen-roerende-zaken",
        ),
    )
    doe(o, drz, waarde.waardeer, fiets, waarde.WaarderingIn(soort="taxatie", bedrag_euro="60"))
    doe(
        o,
        ovj,
        verloop.voer_uit,
        fiets,
        OvergangIn(naar="verbeurdverklaard", uitspraak="Rb Rotterdam 10/1-26"),
    )
    doe(
        o,
        ovj,
        herbestemming.registreer_organisatie,
        herbestemming.OrganisatieIn(
            naam="Fietsenwerkplaats", plaats="Rotterdam", behoeften=["fietsen"]
        ),
    )
    w.inzagecode = r.inzagecode  # type: ignore[attr-defined]
    w.dossier = d.id  # type: ignore[attr-defined]
    w.fiets = fiets  # type: ignore[attr-defined]


def _proef(c: TestClient, w: Wereld, pad: Pad) -> None:
    voor = _logaantal(w)
    status, tekst = pad.roep(c, w, None)
    assert status in (401, 303) and not _persoonsgegevens_in(tekst), "zonder account"
    assert _logaantal(w) == voor, "zonder account: geen regel in het logboek"

    status, tekst = pad.roep(c, w, pad.geweigerd(w))
    assert status in (200, 403, 404), tekst[:300]
    assert not _persoonsgegevens_in(tekst), "geen besluit, dan geen gegevens"
    assert _logaantal(w) == voor, "wat niet gelezen is, komt niet in het logboek"

    status, tekst = pad.roep(c, w, pad.toegestaan(w))
    assert status == 200, tekst[:300]
    assert _persoonsgegevens_in(tekst), "de toegestane lezer ziet de gegevens"
    assert _logaantal(w) > voor, "een toegestane lezing schrijft het logboek"


def test_elk_persoonspad_is_afgeschermd_en_gelogd(met_casuswerk: Wereld) -> None:
    """Every path in one world per database (the world takes longer to build than the probes
    take to run); a failure names each path that failed and why."""
    w = met_casuswerk
    fouten = []
    with TestClient(maak_app(w.omgeving)) as c:
        for pad in PADEN:
            try:
                _proef(c, w, pad)
            except AssertionError as exc:
                fouten.append(f"{pad.sleutel[0]} {pad.sleutel[1]}: {exc}")
    assert not fouten, "\n".join(fouten)


CLI_PADEN = {
    "entiteit toon": (
        lambda w: ["entiteit", "toon", _jan_id(w), "--casus", "C-1"],
        "analist",
        "buitenstaander",
    ),
    "entiteit zoek": (
        lambda w: ["entiteit", "zoek", "vries", "--casus", "C-1"],
        "analist",
        "utrecht",
    ),
    "logboek inzage": (lambda w: ["logboek", "inzage", "--subject", BSN_JAN], "privacy", "analist"),
}


@pytest.mark.parametrize("commando", sorted(CLI_PERSOONSGEGEVENS))
def test_cli_leespad_is_afgeschermd_en_gelogd(
    cli_omgeving: Wereld, met_levering: Wereld, commando: str
) -> None:
    from typer.testing import CliRunner

    w = cli_omgeving
    argumenten, toegestaan, geweigerd = CLI_PADEN[commando]
    runner = CliRunner()
    voor = _logaantal(w)
    r = runner.invoke(cli_app, [*argumenten(w), "--gebruiker", geweigerd])
    assert not _persoonsgegevens_in(r.output) and "Vries" not in r.output
    assert _logaantal(w) == voor
    r = runner.invoke(cli_app, [*argumenten(w), "--gebruiker", toegestaan])
    assert r.exit_code == 0, r.output
    assert _persoonsgegevens_in(r.output) or "Vries" in r.output
    assert _logaantal(w) > voor
    r = runner.invoke(
        cli_app,
        [*argumenten(w), "--gebruiker", toegestaan],
        env={"INTEGRAAL_WACHTWOORD": "fout-wachtwoord"},
    )
    assert r.exit_code == 2 and "Vries" not in r.output


# --- The administrative instruments ---------------------------------------------------------------

GEHEIM = "GEHEIM-LBB-ADVIES-7Q4"
KVK_TEST = "99000031"


@pytest.fixture
def met_bestuur(wereld: Wereld) -> tuple[Wereld, dict[str, Actor], dict[str, str]]:
    """A Bibob procedure with the LBB's (secret) advice and an extract for the RIEC, a police
    report, a closure and a claim; and the people who may and may not read them."""
    from integraal.bestuurlijk import bibob, sluitingen, vorderingen
    from integraal.casus.signalen import Kenmerk, KenmerkSoort
    from integraal.domein.rollen import Rol

    o = wereld.omgeving
    a = {
        "bibob": maak_actor(o, "bibob", "gemeente-rotterdam", Rol.BIBOB_ADVISEUR),
        "schiedam": maak_actor(o, "schiedam", "gemeente-schiedam", Rol.BIBOB_ADVISEUR),
        "oov": maak_actor(o, "oov", "gemeente-rotterdam", Rol.OOV_ADVISEUR),
        "schiedam_oov": maak_actor(o, "schiedam.oov", "gemeente-schiedam", Rol.OOV_ADVISEUR),
        "politie": maak_actor(o, "agent", "politie"),
        "analist": wereld.analist,
        "andere_riec": wereld.andere_riec,
        "buitenstaander_gemeente": wereld.gemeente,
    }
    kvk = [Kenmerk(soort=KenmerkSoort.KVK, waarde=KVK_TEST)]
    p = doe(
        o,
        a["bibob"],
        bibob.start,
        bibob.BibobIn(
            aanleiding="vergunning",
            onderwerp="Exploitatievergunning, zaak Z-1",
            aanvrager="Kadehoek Test B.V.",
            kenmerken=kvk,
            vragenlijst_op="01-11-2026",
            eigen_onderzoek="Eigen registers nagelopen.",
        ),
    )
    doe(o, a["bibob"], bibob.vraag_advies, p.id)
    doe(
        o,
        a["bibob"],
        bibob.ontvang_advies,
        p.id,
        bibob.LbbAdviesIn(conclusie="ernstig_a", advies=f"{GEHEIM}: ernstig gevaar."),
    )
    doe(
        o,
        a["bibob"],
        bibob.deel_extract,
        p.id,
        bibob.ExtractIn(extract="Graag hulp bij het duiden van de zeggenschap."),
    )
    r = doe(
        o,
        a["politie"],
        sluitingen.stuur_rapportage,
        sluitingen.RapportageIn(
            gemeente="gemeente-rotterdam",
            grond="opiumwet_13b",
            bag_id="9999010000099999",
            adres="Kadestraat 99, Voorbeeldstad",
            feiten_op="01-11-2026",
            samenvatting="Handelshoeveelheid aangetroffen in de woning.",
        ),
    )
    s = doe(o, a["oov"], sluitingen.bereid_voor, r.id, sluitingen.SluitingIn())
    v = doe(
        o,
        a["oov"],
        vorderingen.leg_op,
        vorderingen.VorderingIn(
            soort="bestuurlijke_boete",
            schuldenaar="Testschuldenaar B.V.",
            omschrijving="Overtreding van de APV.",
            bedrag_euro="100",
        ),
    )
    return wereld, a, {"p": p.id, "r": r.id, "s": s.id, "v": v.id}


def _roep_als(
    c: TestClient,
    sleutel: tuple[str, str],
    url: str,
    actor: Actor | None,
    body: dict[str, str],
) -> tuple[int, str]:
    """A route as `actor` (None: nobody signed in); a POST sends `body` as JSON or as the
    form's fields."""
    post = sleutel[0] == "POST"
    if url.startswith("/api/"):
        koppen = token(c, actor) if actor else {}
        r = c.request(sleutel[0], url, headers=koppen, json=body if post else None)
        return r.status_code, r.text
    c.cookies.clear()
    if actor:
        web_login(c, actor)
    velden = {**body, "csrf": csrf(c, "/inloggen")} if post else None
    r = c.request(sleutel[0], url, data=velden, follow_redirects=False)
    return r.status_code, r.text


def _proef_paden(
    w: Wereld,
    a: dict[str, Actor],
    ids: dict[str, str],
    paden: list[tuple[tuple[str, str], str, str, str, str]],
    body: dict[str, str],
) -> None:
    """Each path as nobody, as a refused user and as the allowed one: only the last gets the
    marker, and only the last adds lines to the processing log."""
    with TestClient(maak_app(w.omgeving)) as c:
        for sleutel, sjabloon, mag, mag_niet, kenmerk in paden:
            url = sjabloon.format(**ids)
            voor = _logaantal(w)
            status, tekst = _roep_als(c, sleutel, url, None, body)
            assert status in (401, 303) and kenmerk not in tekst, url
            status, tekst = _roep_als(c, sleutel, url, a[mag_niet], body)
            assert status in (200, 403, 404), (url, mag_niet, tekst[:300])
            assert kenmerk not in tekst, f"{url}: geen besluit, dan geen gegevens"
            assert _logaantal(w) == voor, f"{url}: wat niet gelezen is, komt niet in het logboek"
            status, tekst = _roep_als(c, sleutel, url, a[mag], body)
            assert status == 200 and kenmerk in tekst, (url, tekst[:300])
            assert _logaantal(w) > voor, f"{url}: een toegestane lezing schrijft het logboek"


def test_bestuurlijke_persoonspaden_zijn_afgeschermd_en_gelogd(
    met_bestuur: tuple[Wereld, dict[str, Actor], dict[str, str]],
) -> None:
    w, a, ids = met_bestuur
    _proef_paden(w, a, ids, BESTUURLIJKE_PADEN, {"soort": "kvk", "waarde": KVK_TEST})


def _elke_leesroute(
    c: TestClient, app: FastAPI, vulling: dict[str, str], actor: Actor
) -> Iterator[tuple[str, str]]:
    """(url, answer) for every GET route of web and API as `actor`, with the path's ids filled
    in from `vulling` (an unknown one as X-1)."""
    lezen = sorted(
        re.sub(r"\{(\w+)\}", lambda m: vulling.get(m.group(1), "X-1"), pad)
        for methode, pad in _routes(app)
        if methode == "GET" and pad not in ("/uitloggen",)
    )
    koppen = token(c, actor)
    c.cookies.clear()
    web_login(c, actor)
    for url in lezen:
        r = c.get(url, headers=koppen if url.startswith("/api/") else None, follow_redirects=False)
        yield url, r.text


# The routes are the same on both databases; the reads behind them are proven on both above.
@pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)
def test_het_bibob_advies_bereikt_via_geen_enkele_route_een_ander(
    met_bestuur: tuple[Wereld, dict[str, Actor], dict[str, str]],
) -> None:
    """BIBOB-OVERIG over every route: every page and API read, as everyone but the Bibob
    advisers of the body that asked. The owner does see it, so the probe can fail."""
    w, a, ids = met_bestuur
    app = maak_app(w.omgeving)
    vulling = {
        "procedure_id": ids["p"],
        "rapportage_id": ids["r"],
        "sluiting_id": ids["s"],
        "vordering_id": ids["v"],
    }
    with TestClient(app) as c:
        # The RIEC, another body, and a colleague of the same municipality in another role.
        for wie in ("analist", "schiedam", "oov"):
            for url, tekst in _elke_leesroute(c, app, vulling, a[wie]):
                assert GEHEIM not in tekst, f"{wie} leest het advies via {url}"
            r = c.post(
                "/api/v1/bibob-register/_zoeken",
                headers=token(c, a[wie]),
                json={"soort": "kvk", "waarde": KVK_TEST},
            )
            assert GEHEIM not in r.text
        c.cookies.clear()
        web_login(c, a["bibob"])
        assert GEHEIM in c.get(f"/bibob/{ids['p']}").text


# --- Gatekeepers and registers -----------------------------------------------------------------


@pytest.fixture
def met_poort(wereld: Wereld) -> tuple[Wereld, dict[str, Actor], dict[str, str]]:
    from integraal.domein.rollen import Rol
    from tests.poortwachters.conftest import maak_poort, poortwereld

    p = maak_poort(wereld.omgeving)
    ids = poortwereld(wereld, p)
    o = wereld.omgeving
    a = {
        "bank": p.bank,
        "bank2": maak_actor(o, "melder.spaarbank", "spaarbank-fictief", Rol.MELDER),
        "notaris": p.notaris,
        "notaris2": p.notaris2,
        "fiu": p.fiu,
        "fiod": p.fiod,
        "politie": p.politie,
        "register": p.register,
        "terminal": p.terminal,
        "luchtvracht": p.luchtvracht,
    }
    return wereld, a, ids


def test_poortwachterpaden_zijn_afgeschermd_en_gelogd(
    met_poort: tuple[Wereld, dict[str, Actor], dict[str, str]],
) -> None:
    w, a, ids = met_poort
    _proef_paden(w, a, ids, POORT_PADEN, POORT_BODY)


# The routes are the same on both databases; the reads behind them are proven on both above.
@pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)
def test_geen_route_vertelt_de_melder_de_afloop(
    met_poort: tuple[Wereld, dict[str, Actor], dict[str, str]],
) -> None:
    """No tipping off, over every route: every page and API read, as the reporter and as
    another institution, shows nothing of what the FIU did with the report (its analysis, its
    judgement, where it went). The FIU does see it, so the probe can fail."""
    from tests.poortwachters.conftest import ANALYSE, OORDEEL, TOELICHTING

    w, a, ids = met_poort
    app = maak_app(w.omgeving)
    vulling = {
        "melding_id": ids["melding"],
        "verstrekking_id": ids["vt"],
        "opschorting_id": ids["opschorting"],
        "registratie_id": ids["registratie"],
    }
    # The analysis, the judgement's reasons, the note to the FIOD, and the history step that
    # names where it went ("Verstrekt aan …"). Status words are in the public rule catalogue,
    # so they are no marker; what the reporter reads back has no status field at all
    # (tests/poortwachters/test_meldingen.py).
    geheim = (ANALYSE, OORDEEL, TOELICHTING, "Verstrekt aan")
    with TestClient(app) as c:
        for wie in ("bank", "bank2"):
            for url, tekst in _elke_leesroute(c, app, vulling, a[wie]):
                for g in geheim:
                    assert g not in tekst, f"{wie} leest '{g}' via {url}"
        c.cookies.clear()
        web_login(c, a["fiu"])
        pagina = c.get(f"/fiu/meldingen/{ids['melding']}").text
        assert ANALYSE in pagina and OORDEEL in pagina and "Verstrekt aan" in pagina

        # Nor the bank's privacy officer through a data-subject request on the processing log
        # (the FIU's officer does see what the FIU did: the control).
        from integraal.domein.rollen import Rol

        def handelingen(org: str) -> set[str]:
            officer = maak_actor(w.omgeving, f"po.{org}", org, Rol.PRIVACY_OFFICER)
            r = c.post(
                "/api/v1/logboek/inzage",
                headers=token(c, officer),
                json={"betrokkene": "99000071"},
            )
            assert r.status_code == 200, r.text
            return {regel["handeling"] for regel in r.json()["regels"]}

        fiu_gedaan = {"melding lezen", "verdachte transactie verstrekken"}
        assert not handelingen("voorbeeldbank") & fiu_gedaan
        assert fiu_gedaan <= handelingen("fiu")
        assert "verdachte transactie verstrekken" in handelingen("fiod")
