# SPDX-License-Identifier: EUPL-1.2
"""The administrative instruments as pure state and terms: the Bibob procedure, closures
(Opiumwet art. 13b, Gemeentewet art. 174a) and administrative claims (last onder dwangsom,
bestuurlijke boete).

Every transition is a function of the current state and the step's data that either returns
the new state or raises `OngeldigeOvergang` with a Dutch reason; storage and web only call
these, so no illegal state can be reached through any face (property-tested).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Mapping

from integraal.domein.casus import OngeldigeOvergang, controleer
from integraal.domein.keuze import Keuze

# --- Bibob -------------------------------------------------------------------------------------

# Wet Bibob art. 15: the LBB advises within eight weeks of the request and may extend once by
# at most four weeks. The re-use period of a conclusion in the Bibob-register is five years
# (research table, justis.nl); the article is not verified, see the rule BIBOB-REGISTER.
LBB_TERMIJN = dt.timedelta(weeks=8)
LBB_VERLENGING = dt.timedelta(weeks=4)
HERGEBRUIK_JAREN = 5
# Our simplification: the term we give the applicant to be heard on an intended refusal
# (Awb art. 4:7/4:8 set no fixed term; two weeks is common municipal practice).
ZIENSWIJZE_TERMIJN = dt.timedelta(weeks=2)


class Bibobaanleiding(Keuze):
    VERGUNNING = "vergunning", "Vergunning"
    SUBSIDIE = "subsidie", "Subsidie"
    AANBESTEDING = "aanbesteding", "Overheidsopdracht (aanbesteding)"
    VASTGOED = "vastgoed", "Vastgoedtransactie van de gemeente"


class Bibobstatus(Keuze):
    ONDERZOEK = "onderzoek", "Eigen onderzoek"
    ADVIES_GEVRAAGD = "advies_gevraagd", "Wacht op advies van het LBB"
    ADVIES_ONTVANGEN = "advies_ontvangen", "Advies ontvangen"
    VOORNEMEN = "voornemen", "Voornemen, zienswijze gevraagd"
    BESLOTEN = "besloten", "Besloten"


BIBOB_OVERGANGEN: Mapping[Bibobstatus, frozenset[Bibobstatus]] = {
    Bibobstatus.ONDERZOEK: frozenset(
        {Bibobstatus.ADVIES_GEVRAAGD, Bibobstatus.VOORNEMEN, Bibobstatus.BESLOTEN}
    ),
    Bibobstatus.ADVIES_GEVRAAGD: frozenset({Bibobstatus.ADVIES_ONTVANGEN}),
    Bibobstatus.ADVIES_ONTVANGEN: frozenset({Bibobstatus.VOORNEMEN, Bibobstatus.BESLOTEN}),
    Bibobstatus.VOORNEMEN: frozenset({Bibobstatus.BESLOTEN}),
    Bibobstatus.BESLOTEN: frozenset(),
}


class Bibobconclusie(Keuze):
    """The degree of danger the LBB concludes (Wet Bibob art. 3)."""

    ERNSTIG_A = "ernstig_a", "Ernstig gevaar: strafbare feiten plegen (art. 3 lid 1 a)"
    ERNSTIG_B = "ernstig_b", "Ernstig gevaar: crimineel voordeel benutten (art. 3 lid 1 b)"
    MINDERE_MATE = "mindere_mate", "Mindere mate van gevaar (art. 3 lid 2)"
    GEEN = "geen", "Geen mate van gevaar"


# Conclusions that go into the register of conclusions other bodies may re-use.
GEVAARSCONCLUSIES = frozenset(
    {Bibobconclusie.ERNSTIG_A, Bibobconclusie.ERNSTIG_B, Bibobconclusie.MINDERE_MATE}
)


class Bibobbesluit(Keuze):
    VERLENEN = "verlenen", "Verlenen"
    VOORWAARDEN = "voorwaarden", "Verlenen onder voorwaarden"
    WEIGEREN = "weigeren", "Weigeren"
    INTREKKEN = "intrekken", "Intrekken"


# Adverse decisions: the applicant is heard first (Awb art. 4:7 and 4:8; Wet Bibob art. 32).
NADELIG = frozenset({Bibobbesluit.VOORWAARDEN, Bibobbesluit.WEIGEREN, Bibobbesluit.INTREKKEN})


def lbb_uiterste_datum(gevraagd_op: dt.date, verlengd: bool) -> dt.date:
    """The day the LBB's advice is due (art. 15 Wet Bibob)."""
    return gevraagd_op + LBB_TERMIJN + (LBB_VERLENGING if verlengd else dt.timedelta(0))


def bibob_stap(huidig: Bibobstatus, naar: Bibobstatus) -> Bibobstatus:
    controleer(BIBOB_OVERGANGEN, huidig, naar)
    return naar


def bibob_besluit(
    status: Bibobstatus,
    besluit: Bibobbesluit,
    voornemen: Bibobbesluit | None,
    gehoord: bool,
) -> Bibobstatus:
    """A decision. An adverse one only after an intended decision was sent and the applicant
    was heard (a view recorded, or the term passed), and not harsher than announced: another
    adverse decision needs a new intended decision (Awb art. 4:7/4:8)."""
    if besluit in NADELIG:
        if voornemen is None:
            raise OngeldigeOvergang(
                "bij een nadelig besluit krijgt de aanvrager eerst de gelegenheid een zienswijze "
                "te geven (voornemen)"
            )
        if not gehoord:
            raise OngeldigeOvergang(
                "de termijn voor de zienswijze loopt nog: leg de zienswijze vast of wacht tot de "
                "termijn voorbij is"
            )
        if besluit is not voornemen and besluit is not Bibobbesluit.VOORWAARDEN:
            raise OngeldigeOvergang(
                f"het besluit wijkt af van het voornemen ({voornemen.label.lower()}): verstuur "
                "eerst een nieuw voornemen"
            )
    return bibob_stap(status, Bibobstatus.BESLOTEN)


def hergebruik_tot(vastgesteld_op: dt.date) -> dt.date:
    """Five years on; from 29 February to 28 February (dates come as Werkdatum, 2000-2099)."""
    jaar = vastgesteld_op.year + HERGEBRUIK_JAREN
    dag = 28 if (vastgesteld_op.month, vastgesteld_op.day) == (2, 29) else vastgesteld_op.day
    return vastgesteld_op.replace(year=jaar, day=dag)


# --- Closures ----------------------------------------------------------------------------------


class Sluitingsgrond(Keuze):
    OPIUMWET_13B = "opiumwet_13b", "Drugs in de woning of het lokaal (Opiumwet art. 13b)"
    GEWELD = "geweld", "Beschieting of explosie (Gemeentewet art. 174a lid 1 onder b)"
    WAPENS = "wapens", "Wapenvondst (Gemeentewet art. 174a lid 1 onder c)"


# The processing purpose (the rules' `doel`) per ground.
SLUITINGSDOEL: Mapping[Sluitingsgrond, str] = {
    Sluitingsgrond.OPIUMWET_13B: "opiumwet_13b",
    Sluitingsgrond.GEWELD: "sluiting_openbare_orde",
    Sluitingsgrond.WAPENS: "sluiting_openbare_orde",
}


class Sluitingsstatus(Keuze):
    VOORBEREID = "voorbereid", "In voorbereiding"
    GEWAARSCHUWD = "gewaarschuwd", "Waarschuwing gegeven"
    GESLOTEN = "gesloten", "Sluiting besloten"
    BEEINDIGD = "beeindigd", "Sluiting beëindigd"
    INGETROKKEN = "ingetrokken", "Besluit ingetrokken"


SLUITING_OVERGANGEN: Mapping[Sluitingsstatus, frozenset[Sluitingsstatus]] = {
    Sluitingsstatus.VOORBEREID: frozenset(
        {Sluitingsstatus.GEWAARSCHUWD, Sluitingsstatus.GESLOTEN, Sluitingsstatus.INGETROKKEN}
    ),
    # After a warning, a new finding can still lead to a closure (Damoclesbeleid).
    Sluitingsstatus.GEWAARSCHUWD: frozenset(
        {Sluitingsstatus.GESLOTEN, Sluitingsstatus.INGETROKKEN}
    ),
    Sluitingsstatus.GESLOTEN: frozenset({Sluitingsstatus.BEEINDIGD, Sluitingsstatus.INGETROKKEN}),
    # An objection decided after the closure ended still annuls the decision.
    Sluitingsstatus.BEEINDIGD: frozenset({Sluitingsstatus.INGETROKKEN}),
    Sluitingsstatus.INGETROKKEN: frozenset(),
}


class Rechtsmiddel(Keuze):
    BEZWAAR = "bezwaar", "Bezwaar"
    VOORLOPIGE_VOORZIENING = "voorlopige_voorziening", "Voorlopige voorziening"
    BEROEP = "beroep", "Beroep"


class Uitspraak(Keuze):
    GEGROND = "gegrond", "Gegrond"
    ONGEGROND = "ongegrond", "Ongegrond"


# Awb art. 7:10: a decision on an objection within six weeks, twelve with an advisory
# committee (our simplification: municipalities mostly have one).
BESLISTERMIJN_BEZWAAR = dt.timedelta(weeks=12)


@dataclasses.dataclass(frozen=True)
class Sluitingsstand:
    """What a closure is at a moment: its status, period and pending legal remedy."""

    status: Sluitingsstatus = Sluitingsstatus.VOORBEREID
    begin: dt.date | None = None
    einde: dt.date | None = None
    verlengingen: int = 0
    lopend_rechtsmiddel: Rechtsmiddel | None = None

    @property
    def ingeschreven_te_houden(self) -> bool:
        """A closure decision is registered at the Kadaster while it stands."""
        return self.status is Sluitingsstatus.GESLOTEN


def waarschuw(s: Sluitingsstand) -> Sluitingsstand:
    controleer(SLUITING_OVERGANGEN, s.status, Sluitingsstatus.GEWAARSCHUWD)
    return dataclasses.replace(s, status=Sluitingsstatus.GEWAARSCHUWD)


def sluit(s: Sluitingsstand, begin: dt.date, einde: dt.date) -> Sluitingsstand:
    controleer(SLUITING_OVERGANGEN, s.status, Sluitingsstatus.GESLOTEN)
    if einde <= begin:
        raise OngeldigeOvergang("kies een einddatum na de dag waarop de sluiting begint")
    return dataclasses.replace(s, status=Sluitingsstatus.GESLOTEN, begin=begin, einde=einde)


def verleng(s: Sluitingsstand, nieuw_einde: dt.date) -> Sluitingsstand:
    if s.status is not Sluitingsstatus.GESLOTEN or s.einde is None:
        raise OngeldigeOvergang("alleen een besloten sluiting wordt verlengd")
    if nieuw_einde <= s.einde:
        raise OngeldigeOvergang(f"kies een nieuwe einddatum na de huidige ({s.einde:%d-%m-%Y})")
    return dataclasses.replace(s, einde=nieuw_einde, verlengingen=s.verlengingen + 1)


def beeindig(s: Sluitingsstand, op: dt.date) -> Sluitingsstand:
    controleer(SLUITING_OVERGANGEN, s.status, Sluitingsstatus.BEEINDIGD)
    if s.begin is not None and op < s.begin:
        raise OngeldigeOvergang(
            f"kies een datum vanaf het begin van de sluiting ({s.begin:%d-%m-%Y})"
        )
    return dataclasses.replace(s, status=Sluitingsstatus.BEEINDIGD, einde=op)


# Decisions open to objection and appeal (also after a closure ended).
BESTREDEN_KAN = frozenset(
    {Sluitingsstatus.GEWAARSCHUWD, Sluitingsstatus.GESLOTEN, Sluitingsstatus.BEEINDIGD}
)


def rechtsmiddel_in(s: Sluitingsstand, soort: Rechtsmiddel) -> Sluitingsstand:
    if s.status not in BESTREDEN_KAN:
        raise OngeldigeOvergang("bezwaar en beroep gaan over een genomen besluit")
    if s.lopend_rechtsmiddel is not None:
        raise OngeldigeOvergang(
            f"er loopt al een {s.lopend_rechtsmiddel.label.lower()}; leg eerst de uitspraak vast"
        )
    return dataclasses.replace(s, lopend_rechtsmiddel=soort)


def uitspraak(s: Sluitingsstand, uitkomst: Uitspraak) -> Sluitingsstand:
    """A decision on the pending remedy; a well-founded one withdraws the closure decision."""
    if s.lopend_rechtsmiddel is None:
        raise OngeldigeOvergang("er loopt geen bezwaar of beroep")
    s = dataclasses.replace(s, lopend_rechtsmiddel=None)
    if uitkomst is Uitspraak.GEGROND and s.status in BESTREDEN_KAN:
        return dataclasses.replace(s, status=Sluitingsstatus.INGETROKKEN)
    return s


# --- Administrative claims ---------------------------------------------------------------------


class Vorderingsoort(Keuze):
    DWANGSOM = "last_onder_dwangsom", "Last onder dwangsom (Awb art. 5:31d)"
    BOETE = "bestuurlijke_boete", "Bestuurlijke boete (Awb art. 5:40)"


class Vorderingstatus(Keuze):
    OPGELEGD = "opgelegd", "Opgelegd"
    NAGEKOMEN = "nagekomen", "Last nagekomen, niets verbeurd"
    VERBEURD = "verbeurd", "Verbeurd, wacht op betaling"
    INVORDERING = "invordering", "In invordering"
    BETAALD = "betaald", "Betaald"
    ONINBAAR = "oninbaar", "Oninbaar"
    VERVALLEN = "vervallen", "Vervallen na bezwaar of intrekking"


VORDERING_OVERGANGEN: Mapping[Vorderingstatus, frozenset[Vorderingstatus]] = {
    Vorderingstatus.OPGELEGD: frozenset(
        {
            Vorderingstatus.NAGEKOMEN,
            Vorderingstatus.VERBEURD,
            Vorderingstatus.INVORDERING,
            Vorderingstatus.BETAALD,
            Vorderingstatus.VERVALLEN,
        }
    ),
    Vorderingstatus.VERBEURD: frozenset(
        {
            Vorderingstatus.VERBEURD,
            Vorderingstatus.INVORDERING,
            Vorderingstatus.BETAALD,
            Vorderingstatus.VERVALLEN,
        }
    ),
    Vorderingstatus.INVORDERING: frozenset(
        {Vorderingstatus.BETAALD, Vorderingstatus.ONINBAAR, Vorderingstatus.VERVALLEN}
    ),
    Vorderingstatus.NAGEKOMEN: frozenset(),
    # A penalty paid off can be forfeited again by a new breach, or end by compliance.
    Vorderingstatus.BETAALD: frozenset({Vorderingstatus.VERBEURD, Vorderingstatus.NAGEKOMEN}),
    Vorderingstatus.ONINBAAR: frozenset(),
    Vorderingstatus.VERVALLEN: frozenset(),
}
# Awb art. 4:87: an administrative fine is paid within six weeks of the decision.
BETAALTERMIJN_BOETE = dt.timedelta(weeks=6)


@dataclasses.dataclass(frozen=True)
class Vorderingstand:
    """A claim's amounts in cents: what can at most be owed, what is owed, what was paid."""

    soort: Vorderingsoort
    status: Vorderingstatus = Vorderingstatus.OPGELEGD
    # A fine: its amount. A penalty: the maximum that can be forfeited.
    maximum: int = 0
    verschuldigd: int = 0
    betaald: int = 0

    @property
    def open(self) -> int:
        return self.verschuldigd - self.betaald


def nieuwe_vordering(soort: Vorderingsoort, bedrag: int, maximum: int | None) -> Vorderingstand:
    """A fine is owed at once; a penalty owes nothing until it is forfeited."""
    if bedrag <= 0:
        raise OngeldigeOvergang("het bedrag is groter dan nul")
    if soort is Vorderingsoort.BOETE:
        return Vorderingstand(soort, maximum=bedrag, verschuldigd=bedrag)
    if maximum is None or maximum < bedrag:
        raise OngeldigeOvergang(
            "bij een dwangsom is het maximum minstens het bedrag per overtreding"
        )
    return Vorderingstand(soort, maximum=maximum)


def _naar(v: Vorderingstand, naar: Vorderingstatus) -> None:
    controleer(VORDERING_OVERGANGEN, v.status, naar)


def nagekomen(v: Vorderingstand) -> Vorderingstand:
    if v.soort is not Vorderingsoort.DWANGSOM:
        raise OngeldigeOvergang("alleen een last onder dwangsom wordt nagekomen")
    if v.open > 0:
        raise OngeldigeOvergang(
            "er staat nog een verbeurd bedrag open: leg eerst de betaling of de invordering vast"
        )
    _naar(v, Vorderingstatus.NAGEKOMEN)
    return dataclasses.replace(v, status=Vorderingstatus.NAGEKOMEN)


def verbeurd(v: Vorderingstand, bedrag: int) -> Vorderingstand:
    """A penalty forfeited by a breach (Awb art. 5:33), never beyond its maximum."""
    if v.soort is not Vorderingsoort.DWANGSOM:
        raise OngeldigeOvergang("alleen een dwangsom wordt verbeurd")
    if bedrag <= 0:
        raise OngeldigeOvergang("het verbeurde bedrag is groter dan nul")
    if v.verschuldigd + bedrag > v.maximum:
        rest = (v.maximum - v.verschuldigd) / 100
        raise OngeldigeOvergang(
            f"er kan nog € {rest:.2f} worden verbeurd tot het maximum van de last".replace(".", ",")
        )
    _naar(v, Vorderingstatus.VERBEURD)
    return dataclasses.replace(
        v, status=Vorderingstatus.VERBEURD, verschuldigd=v.verschuldigd + bedrag
    )


def invordering(v: Vorderingstand) -> Vorderingstand:
    """Collection by an invorderingsbeschikking (Awb art. 5:37) or a reminder (art. 4:112)."""
    if v.open <= 0:
        raise OngeldigeOvergang("er staat niets open om in te vorderen")
    _naar(v, Vorderingstatus.INVORDERING)
    return dataclasses.replace(v, status=Vorderingstatus.INVORDERING)


def betaling(v: Vorderingstand, bedrag: int) -> Vorderingstand:
    if bedrag <= 0:
        raise OngeldigeOvergang("een betaling is groter dan nul")
    if v.status not in (
        Vorderingstatus.OPGELEGD,
        Vorderingstatus.VERBEURD,
        Vorderingstatus.INVORDERING,
    ):
        raise OngeldigeOvergang(f"de vordering is {v.status.label.lower()}")
    if bedrag > v.open:
        raise OngeldigeOvergang(
            f"er staat € {v.open / 100:.2f} open; de betaling is hoger".replace(".", ",")
        )
    v = dataclasses.replace(v, betaald=v.betaald + bedrag)
    if v.open == 0:
        _naar(v, Vorderingstatus.BETAALD)
        return dataclasses.replace(v, status=Vorderingstatus.BETAALD)
    return v


def oninbaar(v: Vorderingstand) -> Vorderingstand:
    _naar(v, Vorderingstatus.ONINBAAR)
    return dataclasses.replace(v, status=Vorderingstatus.ONINBAAR)


def vervallen(v: Vorderingstand) -> Vorderingstand:
    """Annulled on objection or withdrawn: nothing more is owed; what was paid stays recorded
    (a refund is outside Integraal)."""
    _naar(v, Vorderingstatus.VERVALLEN)
    return dataclasses.replace(v, status=Vorderingstatus.VERVALLEN, verschuldigd=v.betaald)
