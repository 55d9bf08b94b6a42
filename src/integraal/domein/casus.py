# SPDX-License-Identifier: EUPL-1.2
"""States and allowed transitions of case work: signals, cases, data requests, interventions.

Pure rules, no storage: services ask `mag(...)` before they change a state, and tests enumerate
the transitions.
"""

from __future__ import annotations

from collections.abc import Mapping
from enum import StrEnum
from typing import TypeVar

from integraal.domein.keuze import Keuze
from integraal.domein.rollen import Rol


class OngeldigeOvergang(ValueError):
    """A state change the workflow does not allow; the message is Dutch."""


class SignaalStatus(Keuze):
    NIEUW = "nieuw", "Nieuw"
    IN_BEHANDELING = "in_behandeling", "In behandeling"
    OMGEZET = "omgezet", "Omgezet in een casus"
    AFGEWEZEN = "afgewezen", "Afgewezen"


class CasusStatus(Keuze):
    OPEN = "open", "Open"
    GESLOTEN = "gesloten", "Gesloten"


class DeelverzoekStatus(Keuze):
    """A case's request to a partner: the rule engine first, then a second person approves."""

    # The rule engine said no; nothing is asked of the partner.
    GEWEIGERD = "geweigerd", "Geweigerd door de deelregels"
    WACHT_OP_GOEDKEURING = "wacht_op_goedkeuring", "Wacht op goedkeuring"
    GOEDGEKEURD = "goedgekeurd", "Goedgekeurd, wacht op antwoord"
    AFGEWEZEN = "afgewezen", "Afgewezen door de partner"
    BEANTWOORD = "beantwoord", "Beantwoord"


class InterventieSoort(Keuze):
    BESTUURLIJK = "bestuurlijk", "Bestuurlijk"
    STRAFRECHTELIJK = "strafrechtelijk", "Strafrechtelijk"
    FISCAAL = "fiscaal", "Fiscaal"
    # An action in a Zorg- en Veiligheidshuis's person-centred plan.
    ZORG = "zorg", "Zorg en ondersteuning"


class Casusthema(Keuze):
    """The phenomenon a case is about, for the monitor's breakdowns (the themes of the letters'
    chapters: logistic hubs, money flows, OMGs, the rural area, ...)."""

    DRUGS = "drugs", "Drugsproductie en -handel"
    LOGISTIEK = "logistiek", "Havens en logistieke knooppunten"
    GELDSTROMEN = "geldstromen", "Witwassen en criminele geldstromen"
    VASTGOED = "vastgoed", "Vastgoed"
    OMG = "omg", "Outlaw Motorcycle Gangs"
    MENSENHANDEL = "mensenhandel", "Mensenhandel en -smokkel"
    BEDRIJVEN = "bedrijven", "Criminaliteit tegen en via bedrijven"
    BUITENGEBIED = "buitengebied", "Vitaal buitengebied"
    CORRUPTIE = "corruptie", "Corruptie en ondermijning van de overheid"
    OVERIG = "overig", "Overig"


ZONDER_THEMA = "Nog niet ingedeeld"


class InterventieStatus(Keuze):
    VOORGESTELD = "voorgesteld", "Voorgesteld"
    IN_UITVOERING = "in_uitvoering", "In uitvoering"
    AFGEROND = "afgerond", "Afgerond"
    GESTAAKT = "gestaakt", "Gestaakt"


class AdviesStatus(Keuze):
    CONCEPT = "concept", "Concept"
    VASTGESTELD = "vastgesteld", "Vastgesteld"


S = TypeVar("S", bound=StrEnum)

SIGNAAL_OVERGANGEN: Mapping[SignaalStatus, frozenset[SignaalStatus]] = {
    SignaalStatus.NIEUW: frozenset({SignaalStatus.IN_BEHANDELING, SignaalStatus.AFGEWEZEN}),
    SignaalStatus.IN_BEHANDELING: frozenset({SignaalStatus.OMGEZET, SignaalStatus.AFGEWEZEN}),
    SignaalStatus.OMGEZET: frozenset(),
    SignaalStatus.AFGEWEZEN: frozenset(),
}
CASUS_OVERGANGEN: Mapping[CasusStatus, frozenset[CasusStatus]] = {
    CasusStatus.OPEN: frozenset({CasusStatus.GESLOTEN}),
    CasusStatus.GESLOTEN: frozenset(),
}
DEELVERZOEK_OVERGANGEN: Mapping[DeelverzoekStatus, frozenset[DeelverzoekStatus]] = {
    DeelverzoekStatus.GEWEIGERD: frozenset(),
    DeelverzoekStatus.WACHT_OP_GOEDKEURING: frozenset(
        {DeelverzoekStatus.GOEDGEKEURD, DeelverzoekStatus.AFGEWEZEN}
    ),
    DeelverzoekStatus.GOEDGEKEURD: frozenset({DeelverzoekStatus.BEANTWOORD}),
    DeelverzoekStatus.AFGEWEZEN: frozenset(),
    DeelverzoekStatus.BEANTWOORD: frozenset(),
}
INTERVENTIE_OVERGANGEN: Mapping[InterventieStatus, frozenset[InterventieStatus]] = {
    InterventieStatus.VOORGESTELD: frozenset(
        {InterventieStatus.IN_UITVOERING, InterventieStatus.GESTAAKT}
    ),
    InterventieStatus.IN_UITVOERING: frozenset(
        {InterventieStatus.AFGEROND, InterventieStatus.GESTAAKT}
    ),
    InterventieStatus.AFGEROND: frozenset(),
    InterventieStatus.GESTAAKT: frozenset(),
}


def controleer(overgangen: Mapping[S, frozenset[S]], van: S, naar: S) -> None:
    if naar not in overgangen[van]:
        raise OngeldigeOvergang(f"van '{_label(van)}' naar '{_label(naar)}' kan niet")


def _label(status: StrEnum) -> str:
    return status.label.lower() if isinstance(status, Keuze) else status.value


def vier_ogen(
    aanvrager_id: int, goedkeurder_id: int, goedkeurder_org: str, verstrekker: str
) -> None:
    """Nobody approves their own request, and only the providing organisation approves."""
    if goedkeurder_id == aanvrager_id:
        raise OngeldigeOvergang("u kunt uw eigen verzoek niet goedkeuren (vierogenprincipe)")
    if goedkeurder_org != verstrekker:
        raise OngeldigeOvergang("alleen een medewerker van de verstrekkende organisatie keurt goed")


MAG_CASUS_OPENEN = frozenset({Rol.COORDINATOR})
MAG_ADVIES_VASTSTELLEN = frozenset({Rol.COORDINATOR})
MAG_SIGNAAL_BEOORDELEN = frozenset({Rol.COORDINATOR, Rol.ANALIST})


# Which kinds of organisation may own which kind of intervention (their own competence).
EIGENAARS: Mapping[InterventieSoort, frozenset[str]] = {
    InterventieSoort.BESTUURLIJK: frozenset({"gemeente"}),
    InterventieSoort.STRAFRECHTELIJK: frozenset({"politie", "om", "fiod", "kmar"}),
    InterventieSoort.FISCAAL: frozenset({"belastingdienst", "fiod"}),
    InterventieSoort.ZORG: frozenset({"zorgpartner", "gemeente"}),
}
MAATREGELEN: Mapping[InterventieSoort, Mapping[str, str]] = {
    InterventieSoort.BESTUURLIJK: {
        "bibob-weigering": "Vergunning weigeren of intrekken na Bibob-advies",
        "13b-sluiting": "Pand sluiten (Opiumwet art. 13b)",
        "woningsluiting": "Woning sluiten na geweld of een wapenvondst (Gemeentewet art. 174a)",
        "last-onder-dwangsom": "Last onder dwangsom",
        "bestuurlijke-boete": "Bestuurlijke boete",
    },
    InterventieSoort.STRAFRECHTELIJK: {
        "opsporingsonderzoek": "Opsporingsonderzoek",
        "beslag": "Conservatoir of strafvorderlijk beslag",
        "vervolging": "Vervolging",
    },
    InterventieSoort.FISCAAL: {
        "navorderingsaanslag": "(Navorderings)aanslag",
        "fiscaal-beslag": "Fiscaal beslag",
        "fiscale-boete": "Fiscale boete",
    },
    InterventieSoort.ZORG: {
        "zorgtraject": "Zorgtraject of behandeling",
        "woonbegeleiding": "Woonbegeleiding",
        "schuldhulpverlening": "Schuldhulpverlening",
        "dagbesteding": "Dagbesteding of werk",
    },
}


class Uitkomst(Keuze):
    PAND_GESLOTEN = "pand_gesloten", "Pand gesloten"
    VERGUNNING_GEWEIGERD = "vergunning_geweigerd", "Vergunning geweigerd of ingetrokken"
    BESLAG = "beslag", "Beslag gelegd"
    AANSLAG = "aanslag", "Aanslag opgelegd"
    BOETE = "boete", "Boete opgelegd"
    LAST_OPGELEGD = "last_opgelegd", "Last onder dwangsom opgelegd"
    VERGUNNING_VERLEEND = "vergunning_verleend", "Vergunning verleend (eventueel onder voorwaarden)"
    WAARSCHUWING = "waarschuwing", "Waarschuwing gegeven"
    VEROORDELING = "veroordeling", "Veroordeling"
    DOEL_BEREIKT = "doel_bereikt", "Doel van de actie bereikt"
    GEEN_EFFECT = "geen_effect", "Geen effect"


UITKOMSTEN: Mapping[str, str] = dict(Uitkomst.keuzes())
UITKOMSTEN_MET_BEDRAG = frozenset({Uitkomst.BESLAG, Uitkomst.AANSLAG, Uitkomst.BOETE})
