# SPDX-License-Identifier: EUPL-1.2
"""Gatekeepers and registers as pure state and terms: unusual-transaction reports to
FIU-Nederland (Wwft art. 16), the FIU's emergency freeze of a transaction (Wwft art. 17a),
notaries' refusals they may share among themselves (AMLR art. 75), and entries in the
Waarschuwingsregister Logistieke Sectoren.

As in `domein.bestuurlijk`, every transition returns the new state or raises
`OngeldigeOvergang` with a Dutch reason; services only call these (property-tested).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Mapping

from integraal.domein.casus import OngeldigeOvergang, controleer
from integraal.domein.keuze import Keuze
from integraal.domein.werkdagen import na_werkdagen

# --- Unusual-transaction reports -----------------------------------------------------------------


class Meldingstatus(Keuze):
    ONTVANGEN = "ontvangen", "Ontvangen"
    IN_ANALYSE = "in_analyse", "In analyse"
    VERDACHT = "verdacht", "Verdacht verklaard"
    NIET_VERDACHT = "niet_verdacht", "Niet verdacht verklaard"


MELDING_OVERGANGEN: Mapping[Meldingstatus, frozenset[Meldingstatus]] = {
    Meldingstatus.ONTVANGEN: frozenset({Meldingstatus.IN_ANALYSE}),
    Meldingstatus.IN_ANALYSE: frozenset({Meldingstatus.VERDACHT, Meldingstatus.NIET_VERDACHT}),
    # A report not declared suspicious stays in the FIU's database; new information (another
    # report, a question from abroad) can bring it back into analysis.
    Meldingstatus.NIET_VERDACHT: frozenset({Meldingstatus.IN_ANALYSE}),
    Meldingstatus.VERDACHT: frozenset(),
}


class Meldgrond(Keuze):
    """Why the institution reports (Uitvoeringsbesluit Wwft 2018: indicators)."""

    OBJECTIEF = "objectief", "Objectieve indicator"
    SUBJECTIEF = "subjectief", "Subjectieve indicator"


def meldingstap(huidig: Meldingstatus, naar: Meldingstatus) -> Meldingstatus:
    controleer(MELDING_OVERGANGEN, huidig, naar)
    return naar


def mag_verstrekken(status: Meldingstatus) -> None:
    """Only a transaction declared suspicious leaves the FIU (Wwft art. 13 onder b)."""
    if status is not Meldingstatus.VERDACHT:
        raise OngeldigeOvergang(
            "alleen een verdacht verklaarde transactie wordt verstrekt aan een opsporingsdienst"
        )


# --- Emergency freeze (Wwft art. 17a, in force 1 July 2026) ------------------------------------

OPSCHORTING_SINDS = dt.date(2026, 7, 1)
# At most five working days; ten at the request of a foreign FIU. The research table also
# reads one extension to ten in all; that reading is not verified and is what we enforce.
OPSCHORTING_WERKDAGEN = 5
OPSCHORTING_MAXIMUM = 10


class Opschortingstatus(Keuze):
    VERZOCHT = "verzocht", "Verzocht, wacht op bevestiging"
    OPGESCHORT = "opgeschort", "Opgeschort"
    OPGEHEVEN = "opgeheven", "Opgeheven"
    VERLOPEN = "verlopen", "Termijn verstreken"
    BESLAG = "beslag", "Overgegaan in beslag"


LOPEND = frozenset({Opschortingstatus.VERZOCHT, Opschortingstatus.OPGESCHORT})


@dataclasses.dataclass(frozen=True)
class Opschortingstand:
    """A freeze: the day of the request, its term in working days, from abroad or not."""

    verzocht_op: dt.date
    werkdagen: int
    buitenlands: bool = False
    status: Opschortingstatus = Opschortingstatus.VERZOCHT
    verlengingen: int = 0

    @property
    def einde(self) -> dt.date:
        """The last day the transaction stays suspended."""
        return na_werkdagen(self.verzocht_op, self.werkdagen)

    def op(self, dag: dt.date) -> Opschortingstatus:
        return opschortingstatus_op(self.status, self.einde, dag)


def opschortingstatus_op(
    status: Opschortingstatus, einde: dt.date, dag: dt.date
) -> Opschortingstatus:
    """A stored status on a day: a running freeze past its last day has expired."""
    return Opschortingstatus.VERLOPEN if status in LOPEND and dag > einde else status


def _grens(buitenlands: bool) -> int:
    return OPSCHORTING_MAXIMUM if buitenlands else OPSCHORTING_WERKDAGEN


def nieuwe_opschorting(verzocht_op: dt.date, werkdagen: int, buitenlands: bool) -> Opschortingstand:
    if verzocht_op < OPSCHORTING_SINDS:
        raise OngeldigeOvergang("de bevoegdheid tot opschorten geldt pas vanaf 1 juli 2026")
    grens = _grens(buitenlands)
    if not 1 <= werkdagen <= grens:
        raise OngeldigeOvergang(
            f"een opschorting duurt 1 tot en met {grens} werkdagen"
            + ("" if buitenlands else " (10 op verzoek van een buitenlandse FIU)")
        )
    return Opschortingstand(verzocht_op, werkdagen, buitenlands)


def _lopend(s: Opschortingstand, dag: dt.date) -> None:
    if s.op(dag) not in LOPEND:
        raise OngeldigeOvergang(f"de opschorting is {s.op(dag).label.lower()}")


def bevestig(s: Opschortingstand, dag: dt.date) -> Opschortingstand:
    """The institution confirms it suspended the transaction."""
    _lopend(s, dag)
    if s.status is not Opschortingstatus.VERZOCHT:
        raise OngeldigeOvergang("de opschorting is al bevestigd")
    return dataclasses.replace(s, status=Opschortingstatus.OPGESCHORT)


def verleng(s: Opschortingstand, extra: int, dag: dt.date) -> Opschortingstand:
    _lopend(s, dag)
    if extra < 1:
        raise OngeldigeOvergang("een verlenging telt minstens één werkdag")
    if s.werkdagen + extra > OPSCHORTING_MAXIMUM:
        raise OngeldigeOvergang(
            f"een opschorting duurt in totaal hoogstens {OPSCHORTING_MAXIMUM} werkdagen; "
            f"er kunnen nog {OPSCHORTING_MAXIMUM - s.werkdagen} bij"
        )
    return dataclasses.replace(s, werkdagen=s.werkdagen + extra, verlengingen=s.verlengingen + 1)


def hef_op(s: Opschortingstand, dag: dt.date) -> Opschortingstand:
    _lopend(s, dag)
    return dataclasses.replace(s, status=Opschortingstatus.OPGEHEVEN)


def in_beslag(s: Opschortingstand, dag: dt.date) -> Opschortingstand:
    """The money was seized while it was suspended; the freeze ends there."""
    _lopend(s, dag)
    return dataclasses.replace(s, status=Opschortingstatus.BESLAG)


# --- Notaries' refusals (AMLR art. 75, from 10 July 2027) --------------------------------------


class Weigeringsoort(Keuze):
    GEWEIGERD = "geweigerd", "Dienstverlening geweigerd"
    BEEINDIGD = "beeindigd", "Cliëntrelatie beëindigd"


class Weigeringsreden(Keuze):
    """Wwft art. 5 lid 3 / AMLR art. 21: the risks that oblige a notary to refuse."""

    WITWASSEN = "witwassen", "Risico op witwassen"
    FRAUDE = "fraude", "Risico op fraude"
    TERRORISMEFINANCIERING = "terrorismefinanciering", "Risico op terrorismefinanciering"


class Partnerschapsfeit(Keuze):
    """What a notary's office records before it takes part (AMLR art. 75 lid 3 and 4)."""

    TOEZICHTHOUDER_GEMELD = "toezichthouder_gemeld", "Melding aan het Bureau Financieel Toezicht"
    DPIA = "dpia", "Gegevensbeschermingseffectbeoordeling (DPIA)"


# --- Waarschuwingsregister Logistieke Sectoren -------------------------------------------------


class Registratiecriterium(Keuze):
    """Inclusion criteria. The permit of the Autoriteit Persoonsgegevens names which of these
    the register may use; these three are our reading of the register's purpose ("draaideur-
    criminelen buiten de deur houden", letter 000), not its permit text."""

    ONTSLAG = "ontslag", "Ontslagen wegens medewerking aan drugssmokkel of corruptie"
    VEROORDELING = "veroordeling", "Onherroepelijk veroordeeld voor smokkel via een knooppunt"
    PASMISBRUIK = "pasmisbruik", "Toegangspas ingetrokken wegens misbruik"


class Registratiestatus(Keuze):
    INGESCHREVEN = "ingeschreven", "Ingeschreven"
    BEZWAAR = "bezwaar", "Ingeschreven, bezwaar in behandeling"
    DOORGEHAALD = "doorgehaald", "Doorgehaald"
    VERLOPEN = "verlopen", "Verlopen"


REGISTRATIE_OVERGANGEN: Mapping[Registratiestatus, frozenset[Registratiestatus]] = {
    Registratiestatus.INGESCHREVEN: frozenset(
        {Registratiestatus.BEZWAAR, Registratiestatus.DOORGEHAALD}
    ),
    Registratiestatus.BEZWAAR: frozenset(
        {Registratiestatus.INGESCHREVEN, Registratiestatus.DOORGEHAALD}
    ),
    Registratiestatus.DOORGEHAALD: frozenset(),
    Registratiestatus.VERLOPEN: frozenset(),
}


def registratie_einde(begin: dt.date, maanden: int) -> dt.date:
    """The fixed end of an entry: `maanden` after its start, the day before the same date
    (a term of twelve months from 1 March runs to 28 or 29 February)."""
    jaar, maand = divmod(begin.month - 1 + maanden, 12)
    jaar += begin.year
    maand += 1
    dag = min(begin.day, _dagen_in(jaar, maand))
    return dt.date(jaar, maand, dag) - dt.timedelta(days=1)


def _dagen_in(jaar: int, maand: int) -> int:
    volgende = dt.date(jaar + maand // 12, maand % 12 + 1, 1)
    return (volgende - dt.timedelta(days=1)).day


def registratiestatus_op(
    status: Registratiestatus, einde: dt.date, dag: dt.date
) -> Registratiestatus:
    if status in (Registratiestatus.INGESCHREVEN, Registratiestatus.BEZWAAR) and dag > einde:
        return Registratiestatus.VERLOPEN
    return status


def registratiestap(huidig: Registratiestatus, naar: Registratiestatus) -> Registratiestatus:
    controleer(REGISTRATIE_OVERGANGEN, huidig, naar)
    return naar


def treft(status: Registratiestatus, einde: dt.date, dag: dt.date) -> bool:
    """Whether a lookup on `dag` finds the entry: within its term and not struck off. An
    objection does not suspend it (the permit decides; our reading)."""
    return registratiestatus_op(status, einde, dag) in (
        Registratiestatus.INGESCHREVEN,
        Registratiestatus.BEZWAAR,
    )


@dataclasses.dataclass(frozen=True)
class Vergunning:
    """A permit of the Autoriteit Persoonsgegevens (UAVG art. 33 lid 4 sub c)."""

    nummer: str
    geldig_van: dt.date
    geldig_tot: dt.date | None
    criteria: frozenset[Registratiecriterium]
    bewaartermijn_maanden: int
    ingetrokken_op: dt.date | None = None

    def geldig_op(self, dag: dt.date) -> bool:
        if self.ingetrokken_op is not None and dag >= self.ingetrokken_op:
            return False
        return self.geldig_van <= dag and (self.geldig_tot is None or dag <= self.geldig_tot)


def geldige_vergunning(vergunningen: list[Vergunning], dag: dt.date) -> Vergunning | None:
    """The permit in force on a day (the latest to start when two overlap)."""
    geldig = [v for v in vergunningen if v.geldig_op(dag)]
    return max(geldig, key=lambda v: v.geldig_van) if geldig else None


# --- Mainports (letter 004: the logistic hubs of the approach) ---------------------------------


class Mainport(Keuze):
    ROTTERDAM = "rotterdam", "Haven van Rotterdam"
    SCHIPHOL = "schiphol", "Schiphol"
    ZEELAND_WEST_BRABANT = "zeeland_west_brabant", "North Sea Port en Moerdijk"
    NOORDZEEKANAALGEBIED = "noordzeekanaalgebied", "Noordzeekanaalgebied"
    SIERTEELT = "sierteelt", "Sierteeltsector"


class Signaalkanaal(Keuze):
    """Through which channel a signal came in (recorded on the signal)."""

    DEELNEMER = "deelnemer", "Partner in het verband"
    PUBLIEK = "publiek", "Melding van een burger"
    CONTACTPUNT = "contactpunt", "Contactpunt ondermijning (convenant)"
    CONVENANT = "convenant", "Convenantpartner"
