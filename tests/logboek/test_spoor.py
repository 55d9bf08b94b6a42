# SPDX-License-Identifier: EUPL-1.2
"""The trace-id test (issue 15): every audited action keeps its audit record and its processing
lines under one trace id.

The audited actions are found in the code (every `<x>.audit(<name>, ...)` under src/integraal),
so a new one fails this test until it is exercised here and its rules are stated below. The demo
world plays most flows; the fixture adds every audited action the demo does not do, refusals
included, through the services (the web only for signing in, the CLI only for its export).

The rules, checked over the whole database afterwards (`lees_sporen`, one `Spoor` per trace):

R1 no orphan line: every processing-log line has an audit record with the same trace id.
R2 own lines only: a line's name is one that an action audited in its trace writes (`REGELS`),
   so no action's lines sit under another action's trace id.
R3 lines exist: a record of an action that reads or provides personal data (`REGELS`), with a
   result that says it did (not a refusal, not "leeg"), has at least one line of its own in its
   trace; `ALLEEN_ALS` names the few actions whose lines depend on what there was to read.
R4 one action per trace: the actions audited in one trace are one action with the reads it is
   made of (`ONDERDELEN`), e.g. a delivery's offer and processing (two transactions by design),
   a matching run's steps, a seizure step and the read of its object; and `VEREIST` parts are
   always there.
R5 refusals outlive the rollback: a refused action leaves its refusal record and no line.
"""

from __future__ import annotations

import ast
import datetime as dt
import functools
import json
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any, TypeVar

import httpx
import pytest
from fastapi.testclient import TestClient
from sqlalchemy import select
from typer.testing import CliRunner

import integraal
from integraal import logboek, toegang
from integraal.app import maak_app
from integraal.beslag import cijfers, dossier, herbestemming, inzage, objecten, registratie, verloop
from integraal.beslag import feed as beslagfeed
from integraal.beslag.cijfers import Cijferexport
from integraal.beslag.dossier import (
    BetalingIn,
    ExecutieIn,
    Executiestatus,
    HandelingIn,
    Handelingsoort,
    VermogenIn,
)
from integraal.beslag.feed import Feedvraag
from integraal.beslag.inzage import CodeIn
from integraal.beslag.registratie import ItemIn, KennisgevingIn
from integraal.beslag.verloop import HerbeoordelingIn, KlaagschriftIn, OmzettingIn
from integraal.bestuurlijk import bibob, kadaster, sluitingen, vorderingen
from integraal.bestuurlijk.bibob import BibobbesluitIn, RegistervraagIn, ZienswijzeIn
from integraal.bestuurlijk.kadaster import Feedvraag as KadasterFeedvraag
from integraal.bestuurlijk.sluitingen import RechtsmiddelIn, UitspraakIn, VerlengingIn
from integraal.bestuurlijk.vorderingen import VorderingIn
from integraal.casus import casussen, deelverzoeken, export, signalen
from integraal.casus.casussen import CasusIn, LidIn, Motivering, Sluiten, ThemaIn
from integraal.casus.deelverzoeken import AntwoordIn, DeelverzoekIn
from integraal.casus.signalen import Kenmerk, KenmerkSoort
from integraal.cli import app as cli
from integraal.cli import entiteit as cli_entiteit
from integraal.demo.wereld import GEBRUIKERS, WACHTWOORD
from integraal.domein.actor import Actor
from integraal.domein.beslag import Grond, ObjectSoort
from integraal.domein.bestuurlijk import Bibobbesluit, Rechtsmiddel, Uitspraak, Vorderingsoort
from integraal.domein.casus import SignaalStatus
from integraal.domein.fouten import Weigering
from integraal.domein.integriteit import Afschermingssoort, Meldingstatus
from integraal.domein.knelpunt import Knelpuntthema, Oplossingssoort
from integraal.domein.monitor import Maatregelstatus, Soort, TKStatus
from integraal.domein.rollen import Rol
from integraal.gebruikers import actor_van
from integraal.instellingen import Instellingen
from integraal.integriteit import afscherming, controle, toegangsreview
from integraal.integriteit import meldingen as integriteitsmeldingen
from integraal.integriteit.afscherming import AfschermingIn
from integraal.integriteit.meldingen import BeoordelingIn as IntegriteitsoordeelIn
from integraal.integriteit.toegangsreview import ReviewIn
from integraal.kruis.oordeel import Oordeel
from integraal.kruisverwijzing import netwerk, oordelen, taken
from integraal.kruisverwijzing.netwerk import Padvraag, Uitbreidingsvraag
from integraal.kruisverwijzing.oordelen import OordeelIn, Wachtrijvraag
from integraal.kruisverwijzing.taken import KruistaakIn
from integraal.monitor import indicatoren, opdrachten, pmg, structuur, tweedekamer
from integraal.monitor.indicatoren import WaardeIn
from integraal.monitor.opdrachten import BeoordelingIn
from integraal.monitor.structuur import MaatregelIn
from integraal.omgeving import Omgeving, maak_omgeving
from integraal.opslag import beheer
from integraal.opslag.db import Sessie, transactie
from integraal.opslag.modellen import (
    AuditRecord,
    Beslagobject,
    CasusSubject,
    Deelverzoek,
    Indicator,
    Kameropdracht,
    Levering,
    LogboekRegel,
    Maatregel,
    Signaal,
    Vermogensdossier,
)
from integraal.opslag.statements import pseudoniemen_van
from integraal.poortwachters import meldingen, notarissen, opschortingen
from integraal.poortwachters import waarschuwingsregister as wr
from integraal.poortwachters.notarissen import NotarisvraagIn
from integraal.poortwachters.opschortingen import Afloop, OpschortingIn
from integraal.poortwachters.opschortingen import VerlengingIn as OpschortingVerlengingIn
from integraal.poortwachters.waarschuwingsregister import (
    BezwaarbesluitIn,
    BezwaarIn,
    IntrekkingIn,
    RaadpleegIn,
)
from integraal.toegang import bewaren
from integraal.toegang.inzage import InzageVraag, inzage_verzoek
from integraal.toegang.lezen import Leesdoel
from integraal.verbanden import fec, icov, informeren, knelpunten
from integraal.verbanden.fec import FacilitatorindicatorIn, Fenomeen, RondeantwoordIn, RondeIn
from integraal.verbanden.icov import (
    Rapportagedoel,
    Rapportagesoort,
    RapportageverzoekIn,
    RedenIn,
)
from integraal.verbanden.informeren import Informeerbesluit, InformerenIn, Uitstelreden
from integraal.verbanden.knelpunten import (
    EscalatieIn,
    HergebruikIn,
    Indeling,
    KnelpuntIn,
    OplossingIn,
    UitDeelverzoek,
    UitDeelwijzer,
)
from integraal.verwerking import Context, Kanaal
from integraal.verwerking.context import WEIGERINGEN
from tests.demosjabloon import Demosjabloon
from tests.hulp import csrf, doe

R = TypeVar("R")
BRON = Path(integraal.__file__).parent
ZAAK = "RIEC-RDM-2026-001"  # the demo's case with deliveries, subjects and seizures
HAVENWEG = "RIEC-RDM-2026-002"  # closed here, then past its retention term
ZONDER_AANWIJZINGEN = "RIEC-RDM-2026-003"


# --- 1. The audited actions, found in the code ---------------------------------------------------


@dataclass(frozen=True)
class Auditaanroep:
    pad: str  # relative to src/integraal
    regel: int
    naam: str | None  # the action's name, or its constant prefix for an f-string
    prefix: bool
    bron: str  # the first argument as written


@functools.cache
def _bomen() -> list[tuple[str, ast.Module]]:
    """Every module of the package, parsed once (path relative to src/integraal)."""
    return [
        (str(p.relative_to(BRON)), ast.parse(p.read_text(encoding="utf-8")))
        for p in sorted(BRON.rglob("*.py"))
    ]


def audit_aanroepen() -> list[Auditaanroep]:
    """Every `<x>.audit(<first argument>, ...)` under src/integraal."""
    uit = []
    for pad, boom in _bomen():
        for knoop in ast.walk(boom):
            if not (
                isinstance(knoop, ast.Call)
                and isinstance(knoop.func, ast.Attribute)
                and knoop.func.attr == "audit"
                and knoop.args
            ):
                continue
            arg = knoop.args[0]
            naam, prefix = None, False
            if isinstance(arg, ast.Constant) and isinstance(arg.value, str):
                naam = arg.value
            elif isinstance(arg, ast.JoinedStr):
                delen = []
                for deel in arg.values:
                    if not isinstance(deel, ast.Constant):
                        break
                    delen.append(str(deel.value))
                naam, prefix = "".join(delen), True
            uit.append(Auditaanroep(pad, knoop.lineno, naam, prefix, ast.unparse(arg)))
    return uit


# Non-literal first arguments, resolved by reading the code: (file, argument) -> the names that
# reach it. Every caller of the door passes its own name for the read.
DYNAMISCH: dict[tuple[str, str], frozenset[str]] = {
    # `laat_door` (audit=True) and `laat_een_door`, their "niet gevonden" included.
    ("toegang/deur.py", "naam"): frozenset(
        {
            "signaal lezen",  # toegang/signalen.py van_verband and een's default
            "casus openen",  # casus/casussen.py open_casus reads its signals
            "signaal beoordelen",  # casus/signalen.py beoordeel
            "beslag lezen",  # toegang/beslag.py objecten, object_ and inhoud
            "beslag behandelen",  # beslag/verloop.py handelend
            "beslagtermijnen lezen",  # beslag/objecten.py termijnlijst
            "herbestemming voorbereiden",  # toegang/beslag.py geschikt_voor_herbestemming
            "beslagfeed lezen",  # toegang/beslag.py feed
            "beslag inzien door de beslagene",  # toegang/beslag.py van_beslagene_met_code
            "vermogensdossier lezen",  # toegang/beslag.py dossiers and dossier's default
            "vermogensdossier bijwerken",  # beslag/dossier.py _bijwerken
            "signaalronde starten",  # verbanden/fec.py start reads the round's signal
            "rapportageverzoek lezen",  # toegang/rapportages.py een's default
            "rapportageverzoek behandelen",  # verbanden/icov.py steps of iCOV staff
            "rapportage lezen",  # toegang/rapportages.py rapport
            "signaalronde lezen",  # toegang/rondes.py een's default and lijst
            "signaalronde beantwoorden",  # verbanden/fec.py beantwoord
            "signaalronde sluiten",  # verbanden/fec.py sluit
            # toegang/bestuurlijk.py: each reader's default and the services' own names.
            "bibob-dossier lezen",
            "bibob-procedure bijwerken",
            "bibob-advies lezen",
            "bibob-extract lezen",
            "bibob-register raadplegen",
            "bestuurlijke rapportage lezen",
            "bestuurlijke rapportage behandelen",
            "sluitingsdossier lezen",
            "sluiting bijwerken",
            "sluiting koppelen aan vordering",
            "bestuurlijke vordering lezen",
            "vordering behandelen",
            # toegang/poortwachters.py: each reader's default and the services' own names.
            "eigen melding lezen",
            "melding lezen",
            "melding bijwerken",
            "opschorting lezen",
            "opschorting bijwerken",
            "registratie lezen",
            "registratie bijwerken",
            "inzage verstrekken",
            "registraties lezen",
            "verdachte transacties lezen",
            "verdachte transactie lezen",
            "eigen weigeringen lezen",
            # toegang/integriteit.py: the privacy officer's alerts and list.
            "integriteitsmeldingen lezen",
            "integriteitsmelding lezen",
            "afgeschermde personen lezen",
            "afgeschermde persoon lezen",
        }
    ),
    # `een`: an unknown signal or one of another partnership, before the door.
    ("toegang/signalen.py", "naam"): frozenset(
        {"signaal lezen", "casus openen", "signaal beoordelen", "signaalronde starten"}
    ),
    # `Netwerklezer.sluit`: kruisverwijzing/netwerk.py `_lezer(ctx, casus_id, <naam>)`.
    ("toegang/netwerk.py", "self.naam"): frozenset(
        {"netwerk openen", "netwerk uitbreiden", "netwerk pad zoeken", "netwerk patronen"}
    ),
}

# Functions that hand a read's name on to the door: callee -> position of `naam` when it may
# be passed positionally (it is keyword-only elsewhere).
DEUR: dict[str, int | None] = {
    "laat_door": None,
    "laat_een_door": None,
    "een": None,
    "objecten": None,
    "object_": 2,
    "dossier": 2,
    "lees": 2,
    "_lezer": 2,
    # toegang/bestuurlijk.py: its readers take `naam` by keyword.
    "procedure": None,
    "rapportage": None,
    "sluiting": None,
    "vordering": None,
    # toegang/poortwachters.py: its readers take `naam` by keyword.
    "eigen_melding": None,
    "melding": None,
    "opschorting": None,
    "registratie": None,
    "registraties": None,
}
# And everything that names a processing-log line.
REGELMAKERS: dict[str, int | None] = DEUR | {
    "verwerking": None,
    "Verwerking": None,
    "log_lezing": 5,
    "log_verstrekking": 2,
    "leg_vast": 1,
}


def _namen(functies: dict[str, int | None], *, ook_zonder_audit: bool) -> set[str]:
    """The string constants passed as `naam` to these functions, their defaults included."""
    uit: set[str] = set()
    for _, boom in _bomen():
        for knoop in ast.walk(boom):
            kandidaten: list[ast.expr | None] = []
            if isinstance(knoop, ast.FunctionDef) and knoop.name in functies:
                a = knoop.args
                posities = a.posonlyargs + a.args
                kandidaten += [
                    d
                    for p, d in zip(
                        posities[len(posities) - len(a.defaults) :], a.defaults, strict=True
                    )
                    if p.arg == "naam"
                ]
                kandidaten += [
                    d for p, d in zip(a.kwonlyargs, a.kw_defaults, strict=True) if p.arg == "naam"
                ]
            elif isinstance(knoop, ast.Call):
                f = knoop.func
                functie = f.attr if isinstance(f, ast.Attribute) else getattr(f, "id", "")
                if functie not in functies:
                    continue
                kw = {k.arg: k.value for k in knoop.keywords}
                audit = kw.get("audit")
                if not ook_zonder_audit and isinstance(audit, ast.Constant) and not audit.value:
                    continue  # the caller audits the read as its own action
                kandidaten.append(kw.get("naam"))
                positie = functies[functie]
                if positie is not None and len(knoop.args) > positie:
                    kandidaten.append(knoop.args[positie])
            uit |= {
                k.value
                for k in kandidaten
                if isinstance(k, ast.Constant) and isinstance(k.value, str)
            }
    return uit


def geauditeerde_acties() -> tuple[set[str], set[str]]:
    """(names, prefixes of f-string names) of every audited action."""
    namen, prefixen = set(), set()
    for a in audit_aanroepen():
        if a.naam is None:
            namen |= DYNAMISCH[(a.pad, a.bron)]
        elif a.prefix:
            prefixen.add(a.naam)
        else:
            namen.add(a.naam)
    return namen, prefixen


# --- 2. The rules per action ------------------------------------------------------------------

# Actions that read or provide personal data, with the names of the lines they write themselves.
REGELS: dict[str, frozenset[str]] = {
    "signaal indienen": frozenset({"signaal ontvangen"}),
    "signaal lezen": frozenset({"signaal lezen"}),
    "signaal beoordelen": frozenset({"signaal beoordelen"}),
    "casus openen": frozenset({"casus openen"}),
    "entiteit lezen": frozenset({"entiteit lezen"}),
    "entiteiten zoeken": frozenset({"entiteiten zoeken"}),
    "deelverzoek indienen": frozenset({"deelverzoek"}),
    "advies vaststellen": frozenset({"advies verstrekken"}),
    "levering verwerken": frozenset({"levering ontvangen"}),
    "inzage logboek": frozenset({"inzage logboek"}),
    "bewaartermijn uitvoeren": frozenset(
        {"vernietigd na bewaartermijn", "persoonsdeel gewist na bewaartermijn"}
    ),
    "kruisverwijzing voorbereiden": frozenset({"kruisverwijzing voorbereiden"}),
    "netwerk openen": frozenset({"netwerk openen"}),
    "netwerk uitbreiden": frozenset({"netwerk uitbreiden"}),
    "netwerk pad zoeken": frozenset({"netwerk pad zoeken"}),
    "netwerk patronen": frozenset({"netwerk patronen"}),
    "kennisgeving van inbeslagneming registreren": frozenset({"beslag registreren"}),
    "beslag lezen": frozenset({"beslag lezen"}),
    "beslag behandelen": frozenset({"beslag behandelen"}),
    "beslagtermijnen lezen": frozenset({"beslagtermijnen lezen"}),
    "herbestemming voorbereiden": frozenset({"herbestemming voorbereiden"}),
    "beslagfeed lezen": frozenset({"beslagfeed lezen"}),
    "beslag inzien door de beslagene": frozenset({"beslag inzien door de beslagene"}),
    # A dossier with the freezes FIU-Nederland linked to it.
    "vermogensdossier lezen": frozenset(
        {"vermogensdossier lezen", "opschortingen bij vermogensdossier lezen"}
    ),
    "vermogensdossier bijwerken": frozenset({"vermogensdossier bijwerken"}),
    # iCOV: naming the subjects to iCOV, composing, providing and reading the report.
    "rapportage aanvragen": frozenset({"rapportage aanvragen"}),
    "rapportageverzoek lezen": frozenset({"rapportageverzoek lezen"}),
    "rapportageverzoek behandelen": frozenset({"rapportageverzoek behandelen"}),
    "rapportage opstellen": frozenset({"rapportage opstellen"}),
    "rapportage leveren": frozenset({"rapportage verstrekken"}),
    "rapportage lezen": frozenset({"rapportage lezen"}),
    # The FEC: a round is provided to every participant; each answer is a provision back.
    "signaalronde starten": frozenset({"signaalronde verstrekken", "signaalronde starten"}),
    "signaalronde lezen": frozenset({"signaalronde lezen"}),
    "signaalronde beantwoorden": frozenset({"signaalronde beantwoorden"}),
    "signaalronde sluiten": frozenset({"signaalronde sluiten"}),
    # The case page: the signals of its timeline are its own lines; the subjects are read as
    # "entiteit lezen" (their own records) in the same trace.
    "casus bekijken": frozenset({"signaal lezen"}),
    # The administrative instruments: the municipality's own dossiers (BESTUUR-EIGEN-TAAK),
    # the provisions to the LBB, the RIEC, the mayor and the Kadaster, and their reads.
    **{
        n: frozenset({n})
        for n in (
            "bibob-procedure starten",
            "bibob-dossier lezen",
            "bibob-procedure bijwerken",
            "bibob-advies lezen",
            "bibob-extract lezen",
            "bibob-register raadplegen",
            "bestuurlijke rapportage lezen",
            "bestuurlijke rapportage behandelen",
            "sluitingsdossier lezen",
            "sluiting bijwerken",
            "sluiting koppelen aan vordering",
            "bestuurlijke vordering lezen",
            "vordering behandelen",
        )
    },
    "bibob-advies vragen": frozenset({"bibob-advies vragen"}),
    "bibob-advies vastleggen": frozenset({"bibob-advies ontvangen"}),
    "bibob-extract delen": frozenset({"bibob-extract verstrekken"}),
    "bestuurlijke rapportage sturen": frozenset({"bestuurlijke rapportage verstrekken"}),
    "sluitingsbesluit": frozenset({"kadaster inschrijven"}),
    "sluiting beeindigen": frozenset({"kadaster doorhalen"}),
    "uitspraak vastleggen": frozenset({"kadaster doorhalen"}),
    "perceelfeed lezen": frozenset({"perceelmutatie melden"}),
    "vordering opleggen": frozenset({"vordering opleggen"}),
    # Gatekeepers: a report to the FIU, the FIU's reads, a suspicious transaction to a
    # service, a freeze to an institution and to a vermogensdossier's service, notaries'
    # refusals, the warning register's entries and lookups.
    **{
        n: frozenset({n})
        for n in (
            "eigen melding lezen",
            "melding lezen",
            "melding bijwerken",
            "verdachte transactie verstrekken",
            "verdachte transacties lezen",
            "verdachte transactie lezen",
            "opschorting lezen",
            "opschorting bijwerken",
            "weigering vastleggen",
            "eigen weigeringen lezen",
            "notarissen raadplegen",
            "registratie inschrijven",
            "registraties lezen",
            "registratie lezen",
            "registratie bijwerken",
            "inzage verstrekken",
            "registraties laten verlopen",
            "waarschuwingsregister raadplegen",
        )
    },
    "melding doen": frozenset({"melding verstrekken aan de FIU"}),
    # Integrity of use: the alerts and the list are read through the door; shielding is a
    # provision within the organisation; a detection run logs itself once, without a subject.
    **{
        n: frozenset({n})
        for n in (
            "integriteitsmeldingen lezen",
            "integriteitsmelding lezen",
            "afgeschermde personen lezen",
            "afgeschermde persoon lezen",
            "persoon afschermen",
            "integriteitscontrole",
        )
    },
    "opschorting verzoeken": frozenset(
        {"opschorting verzoeken", "opschorting melden aan vermogensdossier"}
    ),
}

# Audited actions that by design write no line themselves, and why.
ZONDER_REGELS: dict[str, str] = {
    "inloggen": "checks an account; reads no one's personal data",
    "gebruiker uitnodigen": "account administration of one's own organisation, no partner data",
    "gebruiker opnieuw uitnodigen": "account administration: a new link, no partner data",
    "uitnodiging aanvaarden": "the invitee sets their own password, no partner data",
    "rol wijzigen": "account administration of one's own organisation, no partner data",
    "gebruiker uitschakelen": "account administration: sessions and tokens ended",
    "gebruiker inschakelen": "account administration of one's own organisation, no partner data",
    "regelwijziging voorstellen": "the rule catalogue: rules, no person",
    "regelwijziging goedkeuren": "the rule catalogue: rules; references are made up, no person",
    "regelwijziging afwijzen": "the rule catalogue: rules, no person",
    "registerwijziging voorstellen": "the partner register: organisations, no person",
    "registerwijziging goedkeuren": "the partner register: organisations, no person",
    "registerwijziging afwijzen": "the partner register: organisations, no person",
    "mapping voorstellen": "a delivery mapping: columns and categories, no person",
    "mapping goedkeuren": "a delivery mapping: columns and categories, no person",
    "mapping afwijzen": "a delivery mapping: columns and categories, no person",
    "aanwijzingen vastleggen": "case administration: no subject is read or provided",
    "casusthema vastleggen": "case administration: the theme is about the case, not a person",
    "pmg-uitvraag uitzetten": "Preventie met Gezag: a request to municipalities, no person",
    "maatregel aanmaken": "policy: the approach's structure, no person",
    "indicator aanmaken": "policy: an aggregate's definition, no person",
    "indicator bijwerken": "policy: an aggregate's definition, no person",
    "motie of toezegging vastleggen": "policy: a public parliamentary record, no person",
    "pmg-interventie vastleggen": "a municipality's counts per intervention, no person",
    "pmg-interventie verwijderen": "a municipality's counts per intervention, no person",
    "pmg-opgave indienen": "a municipality's counts per intervention, no person",
    "pmg-opgave beoordelen": "a municipality's counts per intervention, no person",
    "lid toevoegen": "grants membership; the member's reads are logged when they happen",
    "casus sluiten": "case administration: no subject is read or provided",
    "subject koppelen": "its check is an 'entiteit lezen' in the same trace, with its lines",
    "casus exporteren (": "the file is the case page: its 'casus bekijken' and 'entiteit lezen' "
    "records in the same trace carry the lines",
    "advies opstellen": "a draft inside the partnership; providing it is 'advies vaststellen'",
    "interventie bijwerken": "the owner records its own intervention's progress",
    "deelverzoek beoordelen": "judges a request; the data flow as a logged delivery",
    "levering aanbieden": "phase 1 decides and registers; the data are received in phase 2 "
    "('levering verwerken') under the same trace id",
    "kruisverwijzing starten": "registers a run; the run reads under its own trace id",
    "kruisverwijzing uitvoeren": "the run's reads are its 'kruisverwijzing voorbereiden' step, "
    "under the run's one trace id; suggestions hold record ids only",
    "kruisverwijzing oordeel": "a vote on two record ids; the records were read (and logged) "
    "when the queue showed them",
    "kruisverwijzing oordeel intrekken": "withdraws a vote; reads nothing",
    "zoekresultaat exporteren (": "the file holds exactly the 'entiteiten zoeken' of its trace",
    "beslagcijfers exporteren (": "aggregates only: no object or person is read",
    "beslag inzien (beslagene)": "only for an unknown code: no one was found, nothing read",
    "beslag: vervolgstap": "the object is read as 'beslag behandelen' in the same trace",
    "beslag: machtiging verzoeken": "the object is read as 'beslag behandelen' in the same trace",
    "beslag: klaagschrift": "the object is read as 'beslag behandelen' in the same trace",
    "beslag: herbeoordelen": "the object is read as 'beslag behandelen' in the same trace",
    "beslag: omzetten naar conservatoir": "the object is read as 'beslag behandelen' in the "
    "same trace",
    "beslag: waarde vastleggen": "the object is read as 'beslag behandelen' in the same trace",
    "vermogensdossier openen": "the officer records a new dossier; nothing is read from or "
    "provided to anyone",
    "vermogensdossier: onderzoekshandeling": "the dossier is read as 'vermogensdossier "
    "bijwerken' in the same trace",
    "vermogensdossier: bekend vermogen": "the dossier is read as 'vermogensdossier bijwerken' "
    "in the same trace",
    "vermogensdossier: vordering": "the dossier is read as 'vermogensdossier bijwerken' in the "
    "same trace",
    "vermogensdossier: executie": "the dossier is read as 'vermogensdossier bijwerken' in the "
    "same trace",
    "vermogensdossier: betaling": "the dossier is read as 'vermogensdossier bijwerken' in the "
    "same trace",
    "maatschappelijke organisatie registreren": "an organisation, not a person",
    "indicatorwaarde vastleggen": "the monitor holds aggregates and public documents only",
    "motie of toezegging beoordelen": "the monitor holds aggregates and public documents only",
    "maatregel bijwerken": "the monitor holds aggregates and public documents only",
    "moties en toezeggingen bijwerken uit de open data van de Tweede Kamer": "public documents "
    "of the Tweede Kamer only",
    **dict.fromkeys(
        (
            "knelpunt vastleggen",
            "knelpunt indelen",
            "knelpunt escaleren",
            "knelpunt oplossen",
            "hergebruik vastleggen",
        ),
        "the register of bottlenecks holds rules, partners, categories and reasons, no person",
    ),
    "informeren bekijken": "the subjects are read as 'entiteit lezen' in the same trace",
    "rapportageverzoek afwijzen": "judges a request; its read is 'rapportageverzoek "
    "behandelen' in the same trace",
    "indicator opstellen": "a facilitator indicator holds no person (text that looks like one "
    "is refused)",
    "indicator delen": "a facilitator indicator holds no person; the record names the bank "
    "and the decision",
    "indicator intrekken": "a facilitator indicator holds no person",
    "indicatoren lezen": "a facilitator indicator holds no person",
    "informeren vastleggen": "the subject is read as 'entiteit lezen' in the same trace",
    **dict.fromkeys(
        (
            "bibob-onderzoek bijwerken",
            "bibob-termijn verlengen",
            "bibob-voornemen",
            "bibob-zienswijze",
            "bibob-besluit",
        ),
        "the dossier is read as 'bibob-procedure bijwerken' in the same trace",
    ),
    "sluiting voorbereiden": "the report is read as 'bestuurlijke rapportage behandelen' in the "
    "same trace",
    "sluiting verlengen": "the dossier is read as 'sluiting bijwerken' in the same trace",
    "rechtsmiddel vastleggen": "the dossier is read as 'sluiting bijwerken' in the same trace",
    "vordering bijwerken": "the claim is read as 'vordering behandelen' in the same trace",
    **dict.fromkeys(
        ("perceel volgen", "perceel niet meer volgen", "kadastermutaties ophalen"),
        "plot data only (a plot, a kind of change, a date); never an owner",
    ),
    **dict.fromkeys(
        ("melding analyseren", "melding beoordelen"),
        "the report is read as 'melding bijwerken' in the same trace",
    ),
    **dict.fromkeys(
        (
            "opschorting bevestigen",
            "opschorting verlengen",
            "opschorting opheffen",
            "opschorting omzetten in beslag",
        ),
        "the freeze is read as 'opschorting bijwerken' in the same trace",
    ),
    "partnerschapsfeit vastleggen": "an office's own fact (a kind, a date, a reference)",
    **dict.fromkeys(
        ("vergunning vastleggen", "vergunning intrekken", "bedrijf aansluiten"),
        "a permit or a connected company: no person",
    ),
    **dict.fromkeys(
        ("kennisgeving versturen", "bezwaar vastleggen", "bezwaar beslissen"),
        "the entry is read as 'registratie bijwerken' in the same trace",
    ),
}

ZONDER_REGELS |= {
    "integriteitsmelding beoordelen": "the alert is read as 'integriteitsmelding lezen' in "
    "the same trace",
    "afscherming beëindigen": "the entry is read as 'afgeschermde persoon lezen' in the same trace",
    "toegang herzien": "the access review confirms or withdraws memberships and roles: no "
    "one's data is read",
}

# R3's exceptions: actions whose own lines depend on what there was (the record says whether).
ALLEEN_ALS: dict[str, Callable[[Audit], bool]] = {
    # Lines only for the groups whose term had passed.
    "bewaartermijn uitvoeren": lambda a: int(a.details.get("groepen", 0)) > 0,
    # One line per owner and subject; an advice without interventions provides nothing.
    "advies vaststellen": lambda a: int(a.details.get("interventies", 0)) > 0,
    # Only the case's signals are lines of the page itself; a case may have none.
    "casus bekijken": lambda a: int(a.details.get("signalen", 0)) > 0,
    # The Kadaster is only told of a 13b closure with a known plot, and only while registered.
    **dict.fromkeys(
        ("sluitingsbesluit", "sluiting beeindigen", "uitspraak vastleggen"),
        lambda a: bool(a.details.get("kadaster")),
    ),
    "perceelfeed lezen": lambda a: int(a.details.get("aantal", 0)) > 0,
    # A question of a notary: lines for the refusals found; a refused question reads nothing.
    "notarissen raadplegen": lambda a: int(a.details.get("treffers", 0)) > 0,
    # Lines for the entries read to find the expired ones (none in an empty register).
    "registraties laten verlopen": lambda a: int(a.details.get("aantal", 0)) > 0,
    # A request the rules refused named no one to iCOV.
    "rapportage aanvragen": lambda a: a.resultaat == "ingediend",
    # Lines per person named: a round or request naming only a company (KvK) has none.
    **dict.fromkeys(
        (
            "rapportageverzoek lezen",
            "rapportageverzoek behandelen",
            "signaalronde lezen",
            "signaalronde beantwoorden",
            "signaalronde sluiten",
        ),
        lambda a: int(a.details.get("personen", 0)) > 0,
    ),
}

_BEHANDELEN = frozenset({"beslag behandelen"})
_BIJWERKEN = frozenset({"vermogensdossier bijwerken"})
# R4: the reads an action is made of, audited under their own names in the action's trace.
ONDERDELEN: dict[str, frozenset[str]] = {
    "subject koppelen": frozenset({"entiteit lezen"}),
    "levering verwerken": frozenset({"levering aanbieden"}),
    "kruisverwijzing uitvoeren": frozenset({"kruisverwijzing voorbereiden"}),
    "casus exporteren (": frozenset({"casus bekijken", "entiteit lezen"}),
    "casus bekijken": frozenset({"entiteit lezen"}),
    "zoekresultaat exporteren (": frozenset({"entiteiten zoeken"}),
    # One signal, with the subjects it matches in the reader's open cases.
    "signaal lezen": frozenset({"entiteiten zoeken"}),
    # A dossier with its seized objects.
    "vermogensdossier lezen": frozenset({"beslag lezen"}),
    "informeren bekijken": frozenset({"entiteit lezen"}),
    "informeren vastleggen": frozenset({"entiteit lezen"}),
    "rapportage opstellen": frozenset({"rapportageverzoek behandelen"}),
    "rapportage leveren": frozenset({"rapportageverzoek behandelen"}),
    "rapportageverzoek afwijzen": frozenset({"rapportageverzoek behandelen"}),
    "rapportage lezen": frozenset({"rapportageverzoek lezen"}),
    # An instrument that carries out a case's intervention updates it in the same trace.
    "bibob-procedure starten": frozenset({"interventie bijwerken"}),
    "bibob-dossier lezen": frozenset({"bibob-advies lezen"}),
    **dict.fromkeys(
        (
            "bibob-onderzoek bijwerken",
            "bibob-advies vragen",
            "bibob-termijn verlengen",
            "bibob-advies vastleggen",
            "bibob-extract delen",
            "bibob-voornemen",
            "bibob-zienswijze",
            "bibob-besluit",
        ),
        frozenset({"bibob-procedure bijwerken", "interventie bijwerken"}),
    ),
    "sluiting voorbereiden": frozenset(
        {"bestuurlijke rapportage behandelen", "interventie bijwerken"}
    ),
    **dict.fromkeys(
        (
            "sluitingsbesluit",
            "sluiting verlengen",
            "sluiting beeindigen",
            "rechtsmiddel vastleggen",
            "uitspraak vastleggen",
        ),
        frozenset({"sluiting bijwerken", "interventie bijwerken"}),
    ),
    "vordering opleggen": frozenset({"sluiting koppelen aan vordering", "interventie bijwerken"}),
    "vordering bijwerken": frozenset({"vordering behandelen"}),
    **dict.fromkeys(
        ("melding analyseren", "melding beoordelen", "verdachte transactie verstrekken"),
        frozenset({"melding bijwerken"}),
    ),
    "opschorting verzoeken": frozenset({"melding lezen"}),
    "integriteitsmelding beoordelen": frozenset({"integriteitsmelding lezen"}),
    "afscherming beëindigen": frozenset({"afgeschermde persoon lezen"}),
    **dict.fromkeys(
        (
            "opschorting bevestigen",
            "opschorting verlengen",
            "opschorting opheffen",
            "opschorting omzetten in beslag",
        ),
        frozenset({"opschorting bijwerken"}),
    ),
    **dict.fromkeys(
        ("kennisgeving versturen", "bezwaar vastleggen", "bezwaar beslissen"),
        frozenset({"registratie bijwerken"}),
    ),
    **dict.fromkeys(
        (
            "beslag: vervolgstap",
            "beslag: machtiging verzoeken",
            "beslag: klaagschrift",
            "beslag: herbeoordelen",
            "beslag: omzetten naar conservatoir",
            "beslag: waarde vastleggen",
        ),
        _BEHANDELEN,
    ),
    **dict.fromkeys(
        (
            "vermogensdossier: onderzoekshandeling",
            "vermogensdossier: bekend vermogen",
            "vermogensdossier: vordering",
            "vermogensdossier: executie",
            "vermogensdossier: betaling",
        ),
        _BIJWERKEN,
    ),
}
# Parts that are always there: the action cannot happen without them.
_OPTIONEEL = frozenset(
    {
        "interventie bijwerken",
        "bibob-advies lezen",
        "sluiting koppelen aan vordering",
        "melding lezen",  # a freeze names a report only when there is one
    }
)
VEREIST: dict[str, frozenset[str]] = {
    a: d - _OPTIONEEL
    for a, d in ONDERDELEN.items()
    if a not in ("casus exporteren (", "casus bekijken", "signaal lezen", "vermogensdossier lezen")
    and d - _OPTIONEEL
}


# --- 3. The checks over the database ----------------------------------------------------------


@dataclass(frozen=True)
class Audit:
    actie: str  # the enumerated name (an f-string's prefix)
    resultaat: str
    details: dict[str, Any]


@dataclass
class Spoor:
    audits: list[Audit] = field(default_factory=list)
    regels: Counter[str] = field(default_factory=Counter)

    @property
    def acties(self) -> set[str]:
        return {a.actie for a in self.audits}


def genormaliseerd(actie: str, prefixen: set[str]) -> str:
    for p in prefixen:
        if actie.startswith(p):
            return p
    return actie


def lees_sporen(sessie: Sessie, prefixen: set[str]) -> dict[str, Spoor]:
    sporen: dict[str, Spoor] = {}
    for a in sessie.scalars(select(AuditRecord)):
        sporen.setdefault(a.trace_id, Spoor()).audits.append(
            Audit(genormaliseerd(a.actie, prefixen), a.resultaat, dict(a.details or {}))
        )
    for trace_id, inhoud in sessie.execute(select(LogboekRegel.trace_id, LogboekRegel.inhoud)):
        sporen.setdefault(trace_id, Spoor()).regels[json.loads(inhoud)["naam"]] += 1
    return sporen


Uitzondering = Callable[[str, str], bool]  # (trace id, line name) -> a known src bug


def _geen(_trace: str, _naam: str) -> bool:
    return False


def wezen(sporen: dict[str, Spoor], bekend: Uitzondering = _geen) -> list[str]:
    """R1: lines without any audit record in their trace."""
    return [
        f"{t}: {dict(s.regels)} zonder auditrecord"
        for t, s in sporen.items()
        if s.regels and not s.audits and not all(bekend(t, n) for n in s.regels)
    ]


def vreemde_regels(sporen: dict[str, Spoor], bekend: Uitzondering = _geen) -> list[str]:
    """R2: lines no action of their trace writes."""
    uit = []
    for t, s in sporen.items():
        eigen = set().union(*(REGELS.get(a, frozenset()) for a in s.acties))
        vreemd = {n for n in s.regels if n not in eigen and not bekend(t, n)}
        if s.audits and vreemd:
            uit.append(f"{t}: regels {sorted(vreemd)} onder {sorted(s.acties)}")
    return uit


def ontbrekende_regels(sporen: dict[str, Spoor]) -> list[str]:
    """R3: a record of an action that read or provided personal data, without its lines."""
    uit = []
    for t, s in sporen.items():
        for a in s.audits:
            if a.actie not in REGELS or a.resultaat in WEIGERINGEN | {"leeg"}:
                continue
            if a.actie in ALLEEN_ALS and not ALLEEN_ALS[a.actie](a):
                continue
            if not any(s.regels[n] for n in REGELS[a.actie]):
                uit.append(
                    f"{t}: {a.actie} ({a.resultaat}) zonder regels {sorted(REGELS[a.actie])}"
                )
    return uit


def gemengde_sporen(sporen: dict[str, Spoor]) -> list[str]:
    """R4: the actions of one trace are one action and its parts; required parts are there."""
    uit = []
    for t, s in sporen.items():
        acties = s.acties
        if len(acties) > 1 and not any(
            acties - {h} <= ONDERDELEN.get(h, frozenset()) for h in acties
        ):
            uit.append(f"{t}: verschillende handelingen onder één spoor: {sorted(acties)}")
        for a in acties:
            if not VEREIST.get(a, frozenset()) <= acties:
                uit.append(f"{t}: {a} zonder {sorted(VEREIST[a] - acties)}")
    return uit


# --- 4. The world: the demo and every audited action it does not do ----------------------------


@dataclass
class Spoorwereld:
    omgeving: Omgeving
    prefixen: set[str]
    # Refusals: what was tried -> (trace id, the refusal's expected action and result).
    weigeringen: dict[str, tuple[str, str, str]] = field(default_factory=dict)
    # The trace ids of reads of the case page (see test_casuspagina_heeft_een_auditrecord).
    casuspagina: list[str] = field(default_factory=list)
    export: str = ""


def _met_spoor(
    o: Omgeving,
    actor: Actor | None,
    actie: Callable[..., R],
    *args: Any,
    kanaal: Kanaal = Kanaal.API,
    **kwargs: Any,
) -> tuple[R, str]:
    """`doe`, and the trace id the action ran under."""
    with o.context(actor, kanaal) as ctx:
        return actie(ctx, *args, **kwargs), ctx.trace_id


def _geweigerd(
    o: Omgeving, actor: Actor | None, actie: Callable[..., Any], *args: Any, **kwargs: Any
) -> str:
    """Run a refused action; the trace id it ran under."""
    sporen: list[str] = []
    with pytest.raises(Weigering), o.context(actor, Kanaal.API) as ctx:
        sporen.append(ctx.trace_id)
        actie(ctx, *args, **kwargs)
    return sporen[0]


def _een(sessie: Sessie, stmt: Any) -> Any:
    rij = sessie.scalars(stmt).first()
    assert rij is not None, str(stmt)
    return rij


def _speel_casuswerk(o: Omgeving, a: dict[str, Actor], w: Spoorwereld) -> None:
    analist, coord = a["analist.riec"], a["coordinator.riec"]
    with transactie(o.fabriek) as s:
        signaal = _een(
            s, select(Signaal.id).where(Signaal.status == SignaalStatus.IN_BEHANDELING.value)
        )
        dv = _een(s, select(Deelverzoek.id).where(Deelverzoek.casus_id == ZAAK))
        antwoord = _een(
            s,
            select(Levering.id).where(
                Levering.casus_id == ZAAK, Levering.partner_id == "belastingdienst"
            ),
        )
    doe(o, analist, signalen.lijst)
    doe(o, analist, signalen.lees, signaal)
    w.weigeringen["onbekend signaal"] = (
        _geweigerd(o, analist, signalen.lees, "S-999999"),
        "signaal lezen",
        "niet gevonden",
    )
    nieuw = doe(
        o, coord, casussen.open_casus, CasusIn(titel="Shishalounge Kerkstraat", signalen=[signaal])
    )
    # The case page, as the web and the API show it: a case with a signal and no subject yet.
    _, spoor = _met_spoor(o, coord, casussen.overzicht, nieuw.id)
    w.casuspagina.append(spoor)
    _, w.export = _met_spoor(o, coord, export.exporteer, nieuw.id, "csv")
    doe(
        o,
        coord,
        casussen.leg_aanwijzingen_vast,
        ZONDER_AANWIJZINGEN,
        Motivering(motivering="Meldingen van politie en gemeente over hetzelfde pand."),
    )
    doe(o, coord, casussen.voeg_lid_toe, ZAAK, LidIn(gebruikersnaam="politie"))
    doe(o, coord, casussen.leg_thema_vast, ZAAK, ThemaIn(thema="vastgoed"))
    _speel_pmg(o, a)
    _speel_bijhouden(o, a["beleid.riec"])
    doe(o, a["belasting.b"], deelverzoeken.keur_goed, dv)
    doe(o, a["belasting"], deelverzoeken.beantwoord, dv, AntwoordIn(levering_id=antwoord))
    w.weigeringen["entiteit buiten de casus"] = (
        _geweigerd(
            o,
            a["analist.utrecht"],
            toegang.entiteit,
            _een_subject(o),
            Leesdoel(doel="integrale_aanpak", casus_id=ZAAK),
        ),
        "entiteit lezen",
        "geweigerd",
    )
    doe(o, a["privacy.riec"], inzage_verzoek, InzageVraag(betrokkene="999990019"))


def _een_subject(o: Omgeving) -> str:
    with transactie(o.fabriek) as s:
        return str(_een(s, select(CasusSubject.entity_id).where(CasusSubject.casus_id == ZAAK)))


def _speel_kruisverwijzing(o: Omgeving, a: dict[str, Actor]) -> None:
    analist = a["analist.riec"]
    taak = doe(o, analist, taken.start, ZAAK, KruistaakIn())
    taken.voer_uit(o.context, taak.id)
    pagina = doe(o, analist, oordelen.wachtrij, ZAAK, Wachtrijvraag())
    assert pagina.resultaten, "de kruisverwijzing vond niets om te beoordelen"
    sid = pagina.resultaten[0].id
    doe(
        o, analist, oordelen.beoordeel, ZAAK, OordeelIn(suggestie_ids=[sid], oordeel=Oordeel.ZELFDE)
    )
    na = doe(o, analist, oordelen.wachtrij, ZAAK, Wachtrijvraag()).resultaten
    [stem] = next(r for r in na if r.id == sid).oordelen
    doe(o, analist, oordelen.trek_in, ZAAK, stem.id)
    knopen = doe(o, analist, netwerk.startpunten, ZAAK)
    assert len(knopen) >= 2
    doe(o, analist, netwerk.breid_uit, ZAAK, knopen[0].id, Uitbreidingsvraag())
    doe(o, analist, netwerk.kortste_pad, ZAAK, Padvraag(van=knopen[0].id, naar=knopen[1].id))
    doe(o, analist, netwerk.patronen, ZAAK)


def _speel_beslag(o: Omgeving, a: dict[str, Actor], w: Spoorwereld) -> None:
    agent, ovj = a["agent.politie"], a["ovj.om"]
    with transactie(o.fabriek) as s:
        d = _een(s, select(Vermogensdossier.id))
        geld = _een(s, select(Beslagobject.id).where(Beslagobject.kvi_nummer == "KVI-2025-0101"))
        scooter = _een(
            s, select(Beslagobject.id).where(Beslagobject.grond == Grond.WAARHEIDSVINDING.value)
        )
    doe(o, ovj, objecten.objecten)
    doe(o, ovj, objecten.detail, geld)
    w.weigeringen["onbekend beslagobject"] = (
        _geweigerd(o, ovj, objecten.detail, "BO-999999"),
        "beslag lezen",
        "niet gevonden",
    )
    doe(o, ovj, objecten.termijnlijst)
    doe(o, ovj, beslagfeed.lees_feed, Feedvraag())
    doe(o, ovj, herbestemming.suggesties)
    doe(o, ovj, dossier.dossiers)
    doe(o, ovj, dossier.beeld, d)
    doe(
        o,
        ovj,
        verloop.klaagschrift,
        geld,
        KlaagschriftIn(aanhangig=True, document="Klaagschrift 1"),
    )
    doe(o, ovj, verloop.herbeoordeel, geld, HerbeoordelingIn(reden="Het verhaal loopt nog steeds."))
    doe(
        o,
        ovj,
        verloop.zet_om_conservatoir,
        scooter,
        OmzettingIn(grond=Grond.ONTNEMING, machtiging_rc="RC 2026-12"),
    )
    doe(
        o,
        ovj,
        dossier.voeg_handeling_toe,
        d,
        HandelingIn(soort=Handelingsoort.SFO, datum=dt.date(2026, 1, 5)),
    )
    doe(
        o,
        ovj,
        dossier.voeg_vermogen_toe,
        d,
        VermogenIn(soort="woning", omschrijving="Kerkstraat 1", bekend_sinds=dt.date(2026, 1, 6)),
    )
    doe(o, ovj, dossier.werk_executie_bij, d, ExecutieIn(status=Executiestatus.BETALINGSAANBOD))
    doe(
        o,
        ovj,
        dossier.registreer_betaling,
        d,
        BetalingIn(bedrag_euro=Decimal(1000), ontvangen_op=dt.date(2026, 2, 1)),
    )
    doe(o, ovj, cijfers.exporteer, Cijferexport(formaat="csv"))
    bewijs = doe(
        o,
        agent,
        registratie.registreer,
        KennisgevingIn(
            kvi_nummer="KVI-SPOOR-1",
            beslagen_op=dt.date(2026, 1, 2),
            beslagene="Jan Spoor",
            items=[
                ItemIn(
                    soort=ObjectSoort.CONTANT,
                    omschrijving="Contant geld",
                    grond=Grond.VOORDEEL,
                    categorie=4,
                    bedrag_euro=Decimal(500),
                )
            ],
        ),
    )
    doe(o, None, inzage.inzage, CodeIn(code=bewijs.inzagecode), kanaal=Kanaal.WEB)
    w.weigeringen["onbekende inzagecode"] = (
        _geweigerd(o, None, inzage.inzage, CodeIn(code="AAAA-BBBB-CCCC-DDDD")),
        "beslag inzien (beslagene)",
        "onbekende code",
    )


def _speel_monitor(o: Omgeving, a: dict[str, Actor]) -> None:
    beleid = a["beleid.riec"]
    with transactie(o.fabriek) as s:
        indicator = _een(s, select(Indicator.code).where(Indicator.live.is_(None)))
        opdracht = _een(s, select(Kameropdracht.id).where(Kameropdracht.soort == Soort.MOTIE.value))
        maatregel = _een(s, select(Maatregel.id))
    doe(
        o,
        beleid,
        indicatoren.registreer,
        indicator,
        WaardeIn(periode="2099", waarde=Decimal(1), bron="spoortest"),
    )
    doe(o, beleid, opdrachten.beoordeel, opdracht, BeoordelingIn(tk_status=TKStatus.OPENSTAAND))
    doe(
        o, beleid, structuur.wijzig_maatregel, maatregel, MaatregelIn(status=Maatregelstatus.LOPEND)
    )
    # The Kamer answers with nothing new: the sync is audited all the same.
    kamer = tweedekamer.TweedeKamer(
        httpx.Client(
            transport=httpx.MockTransport(lambda _: httpx.Response(200, json={"value": []}))
        )
    )
    doe(o, beleid, tweedekamer.synchroniseer, kamer)


def _speel_gezichten(o: Omgeving, tmp: Path) -> None:
    """What only a face does: signing in (web) and exporting a search (CLI)."""
    with TestClient(maak_app(o)) as client:
        for wachtwoord, status in ((WACHTWOORD, 303), ("fout-wachtwoord", 400)):
            r = client.post(
                "/inloggen",
                data={
                    "gebruikersnaam": "analist.riec",
                    "wachtwoord": wachtwoord,
                    "csrf": csrf(client),
                },
                follow_redirects=False,
            )
            assert r.status_code == status, r.text[:300]
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("INTEGRAAL_WACHTWOORD", WACHTWOORD)
        mp.setattr(cli_entiteit, "omgeving", lambda: o)
        uit = CliRunner().invoke(
            cli,
            [
                "entiteit",
                "zoek",
                "van der Berg",
                "-g",
                "analist.riec",
                "--casus",
                ZAAK,
                "--export",
                str(tmp / "zoek.csv"),
            ],
        )
    assert uit.exit_code == 0, uit.output


def _speel_verbanden(o: Omgeving, a: dict[str, Actor]) -> None:
    analist, beleid = a["analist.riec"], a["beleid.riec"]
    betrokkenen = doe(o, analist, informeren.overzicht, ZAAK)
    doe(
        o,
        analist,
        informeren.leg_vast,
        ZAAK,
        InformerenIn(
            entiteit_id=betrokkenen[0].entiteit_id,
            besluit=Informeerbesluit.UITGESTELD,
            reden=Uitstelreden.ONDERZOEK,
            herzien_op=dt.date.today() + dt.timedelta(days=90),
        ),
    )
    dv = doe(
        o,
        analist,
        deelverzoeken.vraag,
        ZAAK,
        DeelverzoekIn(
            verstrekker="zorgpartner-ggz-fictief",
            categorieen=["zorg"],
            toelichting="Zorgcontext van de betrokkene bij het pand.",
        ),
    )
    uit_verzoek = doe(o, analist, knelpunten.uit_deelverzoek, dv.id, UitDeelverzoek())
    doe(
        o,
        analist,
        knelpunten.uit_deelwijzer,
        UitDeelwijzer(
            van="zvh-rotterdam-rijnmond", aan="politie", categorie="zorg", doel="opsporing"
        ),
    )
    doe(
        o,
        beleid,
        knelpunten.leg_vast,
        KnelpuntIn(
            titel="Havendata", omschrijving="Geen koppeling met het havensysteem voor het RIEC."
        ),
    )
    doe(
        o,
        beleid,
        knelpunten.deel_in,
        uit_verzoek.id,
        Indeling(thema=Knelpuntthema.ZORG_EN_VEILIGHEID),
    )
    doe(
        o, beleid, knelpunten.escaleer, uit_verzoek.id, EscalatieIn(naar="Taskforce gegevensdeling")
    )
    doe(
        o,
        beleid,
        knelpunten.los_op,
        uit_verzoek.id,
        OplossingIn(
            soort=Oplossingssoort.WERKINSTRUCTIE,
            oplossing="Uitleg aan de RIEC's: zorg blijft in het ZVH.",
        ),
    )
    doe(o, beleid, knelpunten.hergebruik, uit_verzoek.id, HergebruikIn(waar="RIEC Limburg"))


def _speel_icov_en_fec(o: Omgeving, a: dict[str, Actor]) -> None:
    politie, icov1, icov2 = a["politie"], a["analist.icov"], a["analist2.icov"]
    wachtend = [v for v in doe(o, icov1, icov.lijst) if v.status.value == "ingediend"]
    assert wachtend, "de demo heeft een verzoek dat op iCOV wacht"
    doe(o, icov1, icov.stel_op, wachtend[0].id)
    doe(o, icov1, icov.lees, wachtend[0].id)
    doe(o, icov2, icov.keur_goed, wachtend[0].id)
    doe(o, politie, icov.lees, wachtend[0].id)
    bsn = Kenmerk(soort=KenmerkSoort.BSN, waarde="999990019")
    vraag = RapportageverzoekIn(
        soort=Rapportagesoort.IRR,
        doel=Rapportagedoel.OPSPORING,
        onderzoek="Onderzoek spoor",
        vordering="Vordering 126nd Sv",
        kenmerken=[bsn],
    )
    nieuw = doe(o, politie, icov.vraag_aan, vraag)
    doe(o, icov1, icov.wijs_af, nieuw.id, RedenIn(reden="Dubbel verzoek."))
    doe(o, a["gemeente.rdam"], icov.vraag_aan, vraag)  # refused: no participant
    fecer = a["analist.fec"]
    ronde = doe(
        o,
        fecer,
        fec.start,
        RondeIn(
            omschrijving="Een persoon sluist geld door via een trustkantoor.",
            aanwijzingen="Twee meldingen van deelnemers over dezelfde geldstroom.",
            kenmerken=[bsn],
        ),
    )
    doe(o, a["fiod"], fec.lijst)
    doe(o, a["fiod"], fec.beantwoord, ronde.id, RondeantwoordIn(bekend=False))
    doe(o, fecer, fec.lees, ronde.id)
    doe(o, fecer, fec.sluit, ronde.id)
    indicator = doe(
        o,
        politie,
        fec.stel_op,
        FacilitatorindicatorIn(
            titel="Spoor van een indicator",
            fenomeen=Fenomeen.CRYPTO,
            omschrijving="Stortingen via crypto-automaten die direct worden doorgeboekt.",
            signalen=["Veel kleine stortingen"],
        ),
    )
    doe(o, a["ovj.om"], fec.publiceer, indicator.id)
    doe(o, a["bank"], fec.indicatoren)
    doe(o, politie, fec.trek_in, indicator.id)


def _speel_bestuurlijk(o: Omgeving, a: dict[str, Actor]) -> None:
    """What the demo does not do: the remaining steps, reads and refusals."""
    ik, oov, bank = a["bibob.rdam"], a["oov.rdam"], a["bank"]
    (horeca, subsidie) = sorted(doe(o, ik, bibob.lijst), key=lambda p: p.id)
    doe(o, ik, bibob.verleng, subsidie.id)
    doe(o, ik, bibob.zienswijze, horeca.id, ZienswijzeIn(zienswijze="Geen zienswijze ontvangen."))
    doe(
        o,
        ik,
        bibob.besluit,
        horeca.id,
        BibobbesluitIn(besluit=Bibobbesluit.WEIGEREN, motivering="Ernstig gevaar volgens het LBB."),
    )
    doe(o, ik, bibob.lees, horeca.id)
    doe(o, a["analist.riec"], bibob.extract, horeca.id)
    with pytest.raises(Weigering):
        doe(o, a["bibob.schiedam"], bibob.lees, horeca.id)  # another municipality: not found
    doe(
        o,
        a["bibob.schiedam"],
        bibob.register,
        RegistervraagIn(soort=KenmerkSoort.KVK, waarde="99000099"),
    )  # nothing
    rapportages = doe(o, oov, sluitingen.rapportages)
    nieuw = next(r for r in rapportages if r.sluiting_id is None)
    doe(o, oov, sluitingen.lees_rapportage, nieuw.id)
    doe(o, a["politie"], sluitingen.lees_rapportage, nieuw.id)
    open_ = next(s for s in doe(o, oov, sluitingen.lijst) if s.status.value == "gesloten")
    doe(o, oov, sluitingen.lees, open_.id)
    doe(
        o,
        oov,
        sluitingen.verleng,
        open_.id,
        VerlengingIn(einde=dt.date.today() + dt.timedelta(days=200), motivering="Nieuwe dreiging."),
    )
    doe(o, oov, sluitingen.rechtsmiddel, open_.id, RechtsmiddelIn(soort=Rechtsmiddel.BEZWAAR))
    doe(o, oov, sluitingen.uitspraak, open_.id, UitspraakIn(uitkomst=Uitspraak.GEGROND))
    v = doe(
        o,
        oov,
        vorderingen.leg_op,
        VorderingIn(
            soort=Vorderingsoort.BOETE,
            schuldenaar="Spoor B.V.",
            omschrijving="Sluitingstijd APV.",
            bedrag_euro=Decimal(100),
            sluiting_id=open_.id,
        ),
    )
    doe(o, oov, vorderingen.lees, v.id)
    doe(o, bank, kadaster.feed, KadasterFeedvraag())
    doe(o, bank, kadaster.ontvolg, "VBS00 A 1201")


def _speel_poortwachters(o: Omgeving, a: dict[str, Actor]) -> None:
    """What the demo does not do: the reporter's and the services' reads, the freeze's steps,
    the notaries' question, the register's steps and a lookup, then the permit withdrawn."""
    bank, fiu, reg = a["melder.bank"], a["analist.fiu"], a["register.wr"]
    eerste = doe(o, bank, meldingen.eigen_lijst)[0]
    doe(o, bank, meldingen.eigen, eerste.id)
    doe(o, fiu, meldingen.lees, eerste.id)
    vt = doe(o, a["fiod"], meldingen.ontvangen)[0]
    doe(o, a["fiod"], meldingen.ontvangen_een, vt.id)
    (os_,) = doe(o, fiu, opschortingen.lijst)
    doe(o, bank, opschortingen.lees, os_.id)
    doe(o, bank, opschortingen.bevestig, os_.id)
    doe(
        o,
        fiu,
        opschortingen.verleng,
        os_.id,
        OpschortingVerlengingIn(werkdagen=2, motivering="Beslag volgt."),
    )
    doe(o, fiu, opschortingen.hef_op, os_.id, Afloop(motivering="Beslag is gelegd door de FIOD."))
    tweede = doe(
        o,
        fiu,
        opschortingen.verzoek,
        OpschortingIn(
            instelling="voorbeeldbank",
            transactie_kenmerk="SPOOR-1",
            bedrag_euro=Decimal(5000),
            reden="Een tweede opschorting voor het spoor van de test.",
        ),
    )
    doe(o, fiu, opschortingen.beslag, tweede.id, Afloop(motivering="Conservatoir beslag gelegd."))
    doe(o, a["notaris.een"], notarissen.eigen)
    with pytest.raises(Weigering):
        doe(
            o,
            a["notaris.twee"],
            notarissen.vraag,
            NotarisvraagIn(
                kenmerken=[Kenmerk(soort=KenmerkSoort.KVK, waarde="99000021")],
                noodzaak="Cliëntenonderzoek bij de oprichting van een vennootschap.",
            ),
        )
    (r,) = doe(o, reg, wr.lijst)
    doe(o, reg, wr.lees, r.id)
    doe(o, reg, wr.bezwaar, r.id, BezwaarIn(gronden="Het ontslag wordt aangevochten."))
    doe(
        o,
        reg,
        wr.beslis_bezwaar,
        r.id,
        BezwaarbesluitIn(uitkomst="ongegrond", motivering="Het ontslag staat vast in een besluit."),
    )
    doe(o, reg, wr.inzage, r.id)
    doe(o, reg, wr.laat_verlopen)
    doe(
        o,
        a["screening.terminal"],
        wr.raadpleeg,
        RaadpleegIn(naam="Piet van der Voorbeeld (fictief)", geboortedatum="12-03-1985"),
    )
    (v,) = doe(o, reg, wr.overzicht).vergunningen
    doe(
        o,
        reg,
        wr.trek_vergunning_in,
        v.id,
        IntrekkingIn(op=dt.date.today().strftime("%d-%m-%Y")),
    )
    with pytest.raises(Weigering):
        doe(
            o,
            a["screening.terminal"],
            wr.raadpleeg,
            RaadpleegIn(naam="Iemand Anders", geboortedatum="01-01-1990"),
        )


def _speel_bewaartermijn(o: Omgeving, a: dict[str, Actor]) -> None:
    """Last: it destroys the data of a closed case."""
    doe(o, a["coordinator.riec"], casussen.sluit, HAVENWEG, Sluiten(reden="Afgerond zonder zaak."))
    doe(o, None, bewaren.voer_uit, dt.date(2099, 1, 1), proef=False, kanaal=Kanaal.TAAK)


def _speel_bijhouden(o: Omgeving, beleid: Actor) -> None:
    """The monitor kept up to date in the app: a measure, an indicator and its definition,
    a motion entered by hand."""
    doe(
        o,
        beleid,
        structuur.maak_maatregel,
        structuur.MaatregelNieuwIn(
            naam="Havenalliantie",
            deelopgave="logistieke-knooppunten",
            eigenaar="JenV",
            status="lopend",
        ),
    )
    definitie = indicatoren.IndicatorIn(
        naam="Trainingen kleine havens",
        omschrijving="Weerbaarheidstrainingen in kleine zeehavens.",
        eenheid="aantal",
        bron="Platform",
        frequentie="jaarlijks",
        niveau="land",
        deelopgave="logistieke-knooppunten",
    )
    i = doe(o, beleid, indicatoren.maak_indicator, definitie)
    doe(o, beleid, indicatoren.wijzig_indicator, i.code, definitie)
    doe(
        o,
        beleid,
        opdrachten.vastleggen,
        opdrachten.OpdrachtIn(soort="toezegging", onderwerp="de Kamer informeren over havens"),
    )


def _speel_pmg(o: Omgeving, a: dict[str, Actor]) -> None:
    """Preventie met Gezag (the demo has 2026): a request, a return with an intervention
    changed and one removed, approved."""
    beleid, oov = a["beleid.riec"], a["oov.rdam"]
    u = doe(
        o,
        beleid,
        pmg.zet_uit,
        pmg.UitvraagIn(
            jaar=2027,
            peildatum="01-03-2027",
            uiterlijk="01-04-2027",
            gemeenten=["gemeente-rotterdam"],
        ),
    )
    opgave = u.opgaven[0].id
    invoer = pmg.InterventieIn(
        naam="Straatcoaches",
        bewijs="kwaliteitskader",
        themas=["netwerk"],
        niveaus=["intensief"],
        bereik=40,
        output=12,
        output_omschrijving="doorverwijzingen",
        besluit="continueren",
        motivering="Werkt goed samen met het jongerenwerk.",
        gebieden=["WK999901"],
    )
    i = doe(o, oov, pmg.voeg_toe, opgave, invoer)
    weg = doe(o, oov, pmg.voeg_toe, opgave, invoer)
    doe(o, oov, pmg.verwijder, opgave, weg.id)
    doe(o, oov, pmg.wijzig, opgave, i.id, invoer)
    doe(o, oov, pmg.dien_in, opgave, pmg.IndienIn(zonder_personen=True))
    doe(o, beleid, pmg.beoordeel, opgave, pmg.BeoordelingIn(oordeel="goedkeuren"))


def _speel_gebruikersbeheer(o: Omgeving, a: dict[str, Actor]) -> None:
    """The beheerder invites a colleague, who sets a password; a new link; a role changed;
    the account disabled and enabled again."""
    from integraal.beheer import gebruikers as gb

    beheerder = a["beheer.riec"]
    bewijs = doe(
        o,
        beheerder,
        gb.nodig_uit,
        gb.GebruikerIn(naam="Ina Nieuw", gebruikersnaam="ina.nieuw", rol=Rol.ANALIST),
    )
    wachtwoord = "een lange zin als wachtwoord"
    doe(
        o,
        None,
        gb.aanvaard,
        bewijs.pad.rsplit("/", 1)[1],
        gb.WachtwoordIn(wachtwoord=wachtwoord, herhaling=wachtwoord),
    )
    nummer = bewijs.gebruiker.id
    doe(o, beheerder, gb.nieuwe_uitnodiging, nummer)
    doe(o, beheerder, gb.wijzig_rol, nummer, gb.RolIn(rol=Rol.BELEIDSMEDEWERKER))
    doe(o, beheerder, gb.schakel_uit, nummer)
    doe(o, beheerder, gb.schakel_in, nummer)
    _speel_regelwijzigingen(o, a)


def _speel_regelwijzigingen(o: Omgeving, a: dict[str, Actor]) -> None:
    """A change of the rule catalogue proposed and rejected, another approved (the same
    rules under a new version number, so the story's decisions stay the same)."""
    from integraal.beheer import catalogus as cb
    from integraal.delen.catalogus import meegeleverde_tekst

    huidig = o.beslisser.catalogus.versie
    po, beheerder = a["privacy.riec"], a["beheer.riec"]
    for versie, besluit in (("2099.9.1", "afwijzen"), ("2099.9.2", "goedkeuren")):
        tekst = meegeleverde_tekst().replace(f'versie: "{huidig}"', f'versie: "{versie}"', 1)
        v = doe(o, beheerder, cb.stel_voor, cb.VoorstelIn(tekst=tekst, toelichting="Spoortest."))
        doe(o, beheerder, cb.voorstel, v.id)
        doe(o, po, cb.beoordeel, v.id, cb.OordeelIn(besluit=besluit, toelichting="Gezien."))
    _speel_registerwijzigingen(o, a)
    _speel_mappings(o, a)


def _speel_registerwijzigingen(o: Omgeving, a: dict[str, Actor]) -> None:
    """A new version of the partner register proposed twice: rejected, then approved (the
    same organisations under a new version number)."""
    from integraal.beheer import register as rb
    from integraal.delen.catalogus import meegeleverde_registertekst

    huidig = o.beslisser.register.versie
    po, beheerder = a["privacy.riec"], a["beheer.riec"]
    for versie, besluit in (("2099.9.1", "afwijzen"), ("2099.9.2", "goedkeuren")):
        tekst = meegeleverde_registertekst().replace(
            f'versie: "{huidig}"', f'versie: "{versie}"', 1
        )
        invoer = rb.RegistervoorstelIn(tekst=tekst, toelichting="Spoortest.")
        v = doe(o, beheerder, rb.stel_voor, invoer)
        doe(o, beheerder, rb.voorstel, v.id)
        doe(o, po, rb.beoordeel, v.id, rb.OordeelIn(besluit=besluit, toelichting="Gezien."))


def _speel_mappings(o: Omgeving, a: dict[str, Actor]) -> None:
    """A new version of a shipped mapping proposed twice: rejected, then approved."""
    from integraal.beheer import mappings as mb
    from integraal.bronnen.mapping import meegeleverde_teksten

    tekst = meegeleverde_teksten()["demo-gemeente-vergunningen"]
    po, beheerder = a["privacy.riec"], a["beheer.riec"]
    for i, besluit in enumerate(("afwijzen", "goedkeuren")):
        nieuw = tekst.replace("titel: Vergunningenregister", f"titel: Vergunningenregister {i}")
        v = doe(o, beheerder, mb.stel_voor, mb.MappingIn(tekst=nieuw, toelichting="Spoortest."))
        doe(o, beheerder, mb.voorstel, v.id)
        doe(o, po, mb.beoordeel, v.id, mb.OordeelIn(besluit=besluit, toelichting="Gezien."))


def _speel_integriteit(o: Omgeving, a: dict[str, Actor]) -> None:
    """A person shielded, read with a reason, the alert judged, the shielding ended; the
    access review both ways; a detection run."""
    po, analist, coord = a["privacy.riec"], a["analist.riec"], a["coordinator.riec"]
    vraag = toegang.Leesvraag("integrale_aanpak", ZAAK)
    with transactie(o.fabriek) as s:
        eid = s.scalars(
            select(CasusSubject.entity_id).where(
                CasusSubject.casus_id == ZAAK, CasusSubject.schema == "Person"
            )
        ).first()
        assert eid is not None
        # The log names a person by their BSN pseudonym when they have one.
        kenmerk = pseudoniemen_van(s, [eid]).get(eid, eid)
    doe(
        o,
        po,
        afscherming.voeg_toe,
        AfschermingIn(
            kenmerk=kenmerk,
            soort=Afschermingssoort.MEDEWERKER,
            omschrijving="medewerker (fictief)",
            reden="Bedreigd na een incident; extra bescherming nodig.",
        ),
    )
    with o.context(analist, Kanaal.API, reden="Controle in de casus") as ctx:
        toegang.lees_entiteit(ctx, vraag, eid)
    m = doe(o, po, integriteitsmeldingen.lijst)[0]  # the newest: the demo has one already
    doe(o, po, integriteitsmeldingen.lees, m.id)
    doe(
        o,
        po,
        integriteitsmeldingen.beoordeel,
        m.id,
        IntegriteitsoordeelIn(status=Meldingstatus.VERKLAARD, uitkomst="Eigen casus."),
    )
    x = doe(o, po, afscherming.lijst)[-1]
    doe(o, po, afscherming.beeindig, x.id)
    review = doe(o, coord, toegangsreview.overzicht)
    leden = [r.sleutel for r in review.regels if r.soort == "lidmaatschap" and not r.eigen]
    rollen = [r.sleutel for r in review.regels if r.soort == "rol" and not r.eigen]
    doe(o, coord, toegangsreview.herzie, ReviewIn(gekozen=[leden[0], rollen[0]]))
    doe(
        o,
        coord,
        toegangsreview.herzie,
        ReviewIn(gekozen=[leden[-1], rollen[-1]], actie="intrekken"),
    )
    with o.context(None, Kanaal.CLI) as ctx:
        controle.voer_uit(ctx)


@pytest.fixture(scope="module")
def spoorwereld(
    tmp_path_factory: pytest.TempPathFactory, demosjabloon: Demosjabloon
) -> Iterator[Spoorwereld]:
    """The demo world and every audited action it does not do (on the embedded database: the
    rules are about what the services write, the suite proves both databases elsewhere)."""
    pad = tmp_path_factory.mktemp("spoor")
    o = maak_omgeving(
        Instellingen(
            data_dir=pad / "data",
            database_url=f"sqlite:///{pad / 'demo.db'}",
            pseudoniem_sleutel="test-sleutel",
            achtergrond="proces",
        )
    )
    demosjabloon.vul(o)
    with transactie(o.fabriek) as s:
        actoren = {
            naam: actor_van(g)
            for naam, *_ in GEBRUIKERS
            if (g := beheer.gebruiker_op_naam(s, naam)) is not None
        }
    w = Spoorwereld(o, geauditeerde_acties()[1])
    _speel_casuswerk(o, actoren, w)
    _speel_kruisverwijzing(o, actoren)
    _speel_beslag(o, actoren, w)
    _speel_monitor(o, actoren)
    _speel_gezichten(o, pad)
    _speel_verbanden(o, actoren)
    _speel_icov_en_fec(o, actoren)
    _speel_bestuurlijk(o, actoren)
    _speel_poortwachters(o, actoren)
    _speel_integriteit(o, actoren)
    _speel_bewaartermijn(o, actoren)
    _speel_gebruikersbeheer(o, actoren)
    yield w
    o.database.dispose()


@pytest.fixture(scope="module")
def sporen(spoorwereld: Spoorwereld) -> dict[str, Spoor]:
    with transactie(spoorwereld.omgeving.fabriek) as s:
        return lees_sporen(s, spoorwereld.prefixen)


# --- 5. The tests -------------------------------------------------------------------------------


def test_elke_niet_letterlijke_actienaam_is_opgelost() -> None:
    open_ = {(a.pad, a.bron) for a in audit_aanroepen() if a.naam is None}
    assert open_ == set(DYNAMISCH), (
        "een audit-aanroep met een berekende naam: zoek uit welke namen er komen en zet ze in "
        f"DYNAMISCH: {sorted(open_ - set(DYNAMISCH))}"
    )
    # A guard that DYNAMISCH stays complete: the names the code hands to the door.
    namen = set().union(*DYNAMISCH.values())
    aan_de_deur = _namen(DEUR, ook_zonder_audit=False)
    assert aan_de_deur == namen, sorted(aan_de_deur ^ namen)


def test_elke_geauditeerde_actie_heeft_haar_regels_beschreven() -> None:
    namen, prefixen = geauditeerde_acties()
    acties = namen | prefixen
    assert not set(REGELS) & set(ZONDER_REGELS)
    beschreven = set(REGELS) | set(ZONDER_REGELS)
    assert acties == beschreven, (
        f"nieuw, beschrijf in REGELS of ZONDER_REGELS: {sorted(acties - beschreven)}; "
        f"bestaat niet meer: {sorted(beschreven - acties)}"
    )
    assert set(ONDERDELEN) | set().union(*ONDERDELEN.values()) <= acties
    # Every kind of line the code writes belongs to an action.
    soorten = _namen(REGELMAKERS, ook_zonder_audit=True)
    assert soorten == set().union(*REGELS.values()), sorted(soorten ^ set().union(*REGELS.values()))
    assert set(ALLEEN_ALS) <= set(REGELS)


def test_elke_geauditeerde_actie_is_uitgevoerd(
    spoorwereld: Spoorwereld, sporen: dict[str, Spoor]
) -> None:
    namen, prefixen = geauditeerde_acties()
    gedaan = {a.actie for s in sporen.values() for a in s.audits}
    assert namen | prefixen <= gedaan, (
        f"niet uitgevoerd in deze test: {sorted(namen | prefixen - gedaan)}"
    )
    # And nothing is audited under a name the code does not have.
    assert gedaan <= namen | prefixen, sorted(gedaan - namen - prefixen)


def test_geen_regel_zonder_auditrecord(spoorwereld: Spoorwereld, sporen: dict[str, Spoor]) -> None:
    assert wezen(sporen) == []


def test_regels_horen_bij_een_handeling_van_hun_spoor(
    spoorwereld: Spoorwereld, sporen: dict[str, Spoor]
) -> None:
    assert vreemde_regels(sporen) == []


def test_wie_persoonsgegevens_leest_of_verstrekt_heeft_regels_in_zijn_spoor(
    sporen: dict[str, Spoor],
) -> None:
    assert ontbrekende_regels(sporen) == []


def test_een_spoor_is_een_handeling(sporen: dict[str, Spoor]) -> None:
    assert gemengde_sporen(sporen) == []


def test_twee_fasen_en_stappen_delen_een_spoor(sporen: dict[str, Spoor]) -> None:
    """The designed multi-transaction actions really ran as one trace each."""
    levering = [s for s in sporen.values() if "levering verwerken" in s.acties]
    assert levering
    assert all(
        "levering aanbieden" in s.acties and s.regels["levering ontvangen"] for s in levering
    )
    kruis = [s for s in sporen.values() if "kruisverwijzing uitvoeren" in s.acties]
    assert len(kruis) == 1
    assert kruis[0].regels["kruisverwijzing voorbereiden"]


def test_de_export_van_een_casus_logt_wat_hij_meeneemt(
    spoorwereld: Spoorwereld, sporen: dict[str, Spoor]
) -> None:
    s = sporen[spoorwereld.export]
    # The file is the case page: its signals' lines under "casus bekijken", one trace.
    assert s.acties == {"casus exporteren (", "casus bekijken"}
    assert s.regels["signaal lezen"] >= 1


@pytest.mark.parametrize(
    "wat",
    [
        "onbekend signaal",
        "entiteit buiten de casus",
        "onbekend beslagobject",
        "onbekende inzagecode",
    ],
)
def test_een_weigering_blijft_na_het_terugdraaien(
    spoorwereld: Spoorwereld, sporen: dict[str, Spoor], wat: str
) -> None:
    trace_id, actie, resultaat = spoorwereld.weigeringen[wat]
    s = sporen[trace_id]
    assert [(a.actie, a.resultaat) for a in s.audits] == [(actie, resultaat)]
    assert not s.regels


def test_mislukt_inloggen_wordt_bewaard(sporen: dict[str, Spoor]) -> None:
    uitkomsten = Counter(
        a.resultaat for s in sporen.values() for a in s.audits if a.actie == "inloggen"
    )
    assert uitkomsten == {"gelukt": 1, "mislukt": 1}


def test_casuspagina_heeft_een_auditrecord(
    spoorwereld: Spoorwereld, sporen: dict[str, Spoor]
) -> None:
    """The case page (web and API) reads the case's signals for its timeline, a 'signaal
    lezen' line per signal, under its own audit record 'casus bekijken'."""
    [trace_id] = spoorwereld.casuspagina
    s = sporen[trace_id]
    assert s.regels["signaal lezen"] >= 1
    assert "casus bekijken" in s.acties
    assert not wezen({trace_id: s}) and not vreemde_regels({trace_id: s})


# --- 6. The checks can fail ---------------------------------------------------------------------


class _Terug(Exception):
    """Rolls a probe back: the shared world stays as the other tests read it."""


def _proef(
    spoorwereld: Spoorwereld, schrijf: Callable[[Context], None]
) -> tuple[dict[str, Spoor], str]:
    """The traces as they would be after `schrijf(ctx)`, and the probe's trace id; then the
    probe is rolled back."""
    sporen: dict[str, Spoor] = {}
    with pytest.raises(_Terug), spoorwereld.omgeving.context(None, Kanaal.TAAK) as ctx:
        schrijf(ctx)
        ctx.schrijf_uitgesteld(ctx.sessie)  # what the action logged, as its end would write it
        ctx.sessie.flush()
        sporen = lees_sporen(ctx.sessie, spoorwereld.prefixen)
        raise _Terug
    return sporen, ctx.trace_id


def _regel(trace_id: str, naam: str) -> logboek.Verwerking:
    return logboek.Verwerking(
        naam=naam,
        activiteit=naam.replace(" ", "-"),
        trace_id=trace_id,
        besluit_id=None,
        regel_id=None,
        grondslag=None,
        doel="integrale_aanpak",
        verstrekker="politie",
        ontvanger="riec-rotterdam",
        categorieen=("signaal",),
        betrokkene="entiteit-x",
        betrokkene_soort="entiteit:Person",
    )


def test_een_weesregel_valt_op(spoorwereld: Spoorwereld) -> None:
    """A line written with the log's own API under a fresh trace id: no audit record has it."""
    vers = logboek.nieuwe_trace_id()
    sporen, _ = _proef(
        spoorwereld, lambda ctx: logboek.schrijf(ctx.sessie, [_regel(vers, "signaal lezen")])
    )
    assert [f for f in wezen(sporen) if f.startswith(vers)]


def test_een_regel_onder_een_ander_spoor_valt_op(spoorwereld: Spoorwereld) -> None:
    """A signal read logged under the trace of a monitor change."""

    def schrijf(ctx: Context) -> None:
        ctx.audit("maatregel bijwerken", maatregel=1, status="lopend")
        ctx.log([_regel(ctx.trace_id, "signaal lezen")])

    sporen, spoor = _proef(spoorwereld, schrijf)
    fouten = vreemde_regels(sporen)
    assert [f for f in fouten if f.startswith(spoor) and "signaal lezen" in f]


def test_een_lezing_zonder_regels_valt_op(spoorwereld: Spoorwereld) -> None:
    """An access report audited as done, with no line of it."""
    sporen, spoor = _proef(spoorwereld, lambda ctx: ctx.audit("inzage logboek", "toegestaan"))
    assert [f for f in ontbrekende_regels(sporen) if f.startswith(spoor)]


def test_twee_handelingen_onder_een_spoor_vallen_op(spoorwereld: Spoorwereld) -> None:
    """Unrelated actions under one trace id, and a seizure step without the read of its object."""

    def schrijf(ctx: Context) -> None:
        ctx.audit("lid toevoegen", casus=ZAAK, lid=1)
        ctx.audit("casus sluiten", casus=ZAAK, open_interventies=0)
        ctx.audit("beslag: klaagschrift", object="BO-1", aanhangig=True)

    sporen, spoor = _proef(spoorwereld, schrijf)
    fouten = [f for f in gemengde_sporen(sporen) if f.startswith(spoor)]
    assert any("verschillende handelingen" in f for f in fouten)
    assert any("beslag: klaagschrift zonder ['beslag behandelen']" in f for f in fouten)
