# SPDX-License-Identifier: EUPL-1.2
"""The life of a seized object (beslagobject): states, who may move it, on which basis, when.

Pure rules, no storage: the service layer loads a `Beslagtoestand`, asks `controleer` whether
a transition is allowed (raising `OngeldigeOvergang` with a Dutch reason naming the article),
and `pas_toe` gives the next state. The table follows shared/research/afpakken-monitor.md A3;
departures are noted where they occur and in docs/decisions/0010-afpakken.md.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, replace

from integraal.domein.keuze import Keuze
from integraal.domein.rollen import ROL_LABELS, Rol


class OngeldigeOvergang(ValueError):
    pass


class ObjectSoort(Keuze):
    CONTANT = "contant", "Contant geld"
    BANKTEGOED = "banktegoed", "Banktegoed"
    CRYPTO = "crypto", "Cryptovaluta"
    VOERTUIG = "voertuig", "Voertuig"
    ONROEREND_GOED = "onroerend_goed", "Onroerend goed"
    GOEDEREN = "goederen", "Goederen"
    VORDERING = "vordering", "Vordering"


class Grond(Keuze):
    """Art. 94 Sv (klassiek) and art. 94a Sv (conservatoir)."""

    WAARHEIDSVINDING = "94-waarheidsvinding", "Waarheidsvinding (art. 94 Sv)"
    VOORDEEL = (
        "94-wederrechtelijk-voordeel",
        "Aantonen wederrechtelijk verkregen voordeel (art. 94 Sv)",
    )
    VERBEURDVERKLARING = "94-verbeurdverklaring", "Verbeurdverklaring (art. 94 Sv)"
    ONTTREKKING = "94-onttrekking", "Onttrekking aan het verkeer (art. 94 Sv)"
    BOETE = "94a-boete", "Conservatoir: verhaal geldboete (art. 94a Sv)"
    ONTNEMING = "94a-ontneming", "Conservatoir: verhaal ontnemingsmaatregel (art. 94a Sv)"
    SCHADEVERGOEDING = (
        "94a-schadevergoeding",
        "Conservatoir: verhaal schadevergoedingsmaatregel (art. 94a Sv)",
    )

    @property
    def conservatoir(self) -> bool:
        return self.value.startswith("94a")


# Aanwijzing inbeslagneming: the interests waarheidsvinding (W), waarde and overig.
CATEGORIEEN: Mapping[int, str] = {
    1: "1 — waarheidsvinding",
    2: "2 — waarheidsvinding en waarde",
    3: "3 — waarheidsvinding en overig",
    4: "4 — waarde",
    5: "5 — overig",
}


class BeslagStatus(Keuze):
    INBESLAGGENOMEN = "inbeslaggenomen", "Inbeslaggenomen"
    GEHANDHAAFD = "gehandhaafd", "Gehandhaafd"
    IN_BEWARING = "in_bewaring", "In bewaring"
    AFSTAND = "afstand", "Afstand gedaan"
    VOORNEMEN_TERUGGAVE_DERDE = "voornemen_teruggave_derde", "Voornemen teruggave aan derde"
    # Sold before judgment; the seizure follows the proceeds (117-4).
    VERVREEMD = "vervreemd", "Vervreemd (opbrengst onder beslag)"
    VERBEURDVERKLAARD = "verbeurdverklaard", "Verbeurdverklaard"
    ONTTROKKEN = "onttrokken", "Onttrokken aan het verkeer"
    VERKOCHT = "verkocht", "Verkocht"  # sold after forfeiture: proceeds to the state
    VERNIETIGD = "vernietigd", "Vernietigd"
    HERBESTEMD = "herbestemd", "Maatschappelijk herbestemd"
    TERUGGEGEVEN = "teruggegeven", "Teruggegeven"


EINDSTATUSSEN = frozenset(
    {
        BeslagStatus.VERKOCHT,
        BeslagStatus.VERNIETIGD,
        BeslagStatus.HERBESTEMD,
        BeslagStatus.TERUGGEGEVEN,
    }
)

# Who acts in the seizure chain, and at which kind of organisation.
OPSPORING = frozenset({"politie", "fiod", "kmar", "douane"})
ROL_ORGANISATIES: Mapping[Rol, frozenset[str]] = {
    Rol.OPSPORINGSAMBTENAAR: OPSPORING,
    Rol.HULPOFFICIER: OPSPORING,
    Rol.OFFICIER: frozenset({"om"}),
    Rol.BEWAARDER: frozenset({"bewaarder"}),
}


def beslagrol(rol: Rol, organisatie_soort: str) -> Rol | None:
    """The role counts in the chain only at the kind of organisation that has the power."""
    return rol if organisatie_soort in ROL_ORGANISATIES.get(rol, frozenset()) else None


class Vereiste(Keuze):
    REDEN = "reden", "een reden"  # "deponeren is motiveren"
    # Art. 117 Sv, or the bewaarder after 6 weeks' silence.
    MACHTIGING = "machtiging", "een machtiging (art. 117 Sv)"
    UITSPRAAK = "uitspraak", "een uitspraak"  # a judgment, by reference
    AFSTANDSVERKLARING = "afstandsverklaring", "een afstandsverklaring"
    VEERTIEN_DAGEN = "veertien_dagen", "veertien dagen wachten (art. 116 lid 3 Sv)"
    MAHER = "maher", "geschikt voor maatschappelijk herbestemmen"


@dataclass(frozen=True)
class Overgang:
    van: frozenset[BeslagStatus]
    naar: BeslagStatus
    rollen: frozenset[Rol]
    grondslag: str
    vereisten: frozenset[Vereiste] = frozenset()

    @property
    def onomkeerbaar(self) -> bool:
        return self.naar in ONOMKEERBAAR


# Actions that cannot be undone: frozen while a klaagschrift (art. 552a Sv) is pending.
ONOMKEERBAAR = frozenset(
    {
        BeslagStatus.VERVREEMD,
        BeslagStatus.VERKOCHT,
        BeslagStatus.VERNIETIGD,
        BeslagStatus.HERBESTEMD,
        BeslagStatus.TERUGGEGEVEN,
    }
)

S = BeslagStatus
_OVJ = frozenset({Rol.OFFICIER})
_HOVJ = frozenset({Rol.HULPOFFICIER, Rol.OFFICIER})
_OVJ_BEWAARDER = frozenset({Rol.OFFICIER, Rol.BEWAARDER})
_VOOR_VONNIS = frozenset({S.GEHANDHAAFD, S.IN_BEWARING})

OVERGANGEN: tuple[Overgang, ...] = (
    Overgang(
        frozenset({S.INBESLAGGENOMEN}),
        S.GEHANDHAAFD,
        _HOVJ,
        "art. 94 lid 3 Sv — filtermoment F1: de hulpofficier beslist over handhaving",
    ),
    Overgang(
        frozenset({S.INBESLAGGENOMEN}),
        S.TERUGGEGEVEN,
        _HOVJ,
        "art. 94 lid 3 en 116 Sv — filtermoment F1: niet gehandhaafd, terug naar de beslagene",
    ),
    Overgang(
        frozenset({S.GEHANDHAAFD}),
        S.IN_BEWARING,
        _OVJ,
        "art. 118 Sv — filtermoment F2: beheerbeslissing; deponeren is motiveren",
        frozenset({Vereiste.REDEN}),
    ),
    Overgang(
        _VOOR_VONNIS,
        S.TERUGGEGEVEN,
        _OVJ,
        "art. 116 lid 1 en 119 Sv — het strafvorderlijk belang is vervallen",
    ),
    Overgang(
        _VOOR_VONNIS,
        S.VERVREEMD,
        _OVJ_BEWAARDER,
        "art. 117 Sv — vervreemding met machtiging; het beslag gaat over op de opbrengst",
        frozenset({Vereiste.MACHTIGING}),
    ),
    Overgang(
        _VOOR_VONNIS,
        S.VERNIETIGD,
        _OVJ_BEWAARDER,
        "art. 117 Sv — vernietiging met machtiging",
        frozenset({Vereiste.MACHTIGING}),
    ),
    Overgang(
        _VOOR_VONNIS,
        S.AFSTAND,
        frozenset({Rol.OFFICIER, Rol.OPSPORINGSAMBTENAAR}),
        "art. 116 lid 2 Sv — schriftelijke afstand door de beslagene",
        frozenset({Vereiste.AFSTANDSVERKLARING}),
    ),
    Overgang(
        _VOOR_VONNIS,
        S.VOORNEMEN_TERUGGAVE_DERDE,
        _OVJ,
        "art. 116 lid 3 Sv — schriftelijk voornemen tot teruggave aan een derde",
    ),
    Overgang(
        frozenset({S.GEHANDHAAFD, S.IN_BEWARING, S.VERVREEMD, S.AFSTAND}),
        S.VERBEURDVERKLAARD,
        _OVJ,
        "art. 33 Sr en 353 Sv (verbeurdverklaring), of art. 116 lid 2 sub c Sv na afstand",
    ),
    Overgang(
        _VOOR_VONNIS,
        S.ONTTROKKEN,
        _OVJ,
        "art. 36b Sr en 353 Sv — onttrekking aan het verkeer",
        frozenset({Vereiste.UITSPRAAK}),
    ),
    Overgang(
        frozenset({S.VERVREEMD}),
        S.TERUGGEGEVEN,
        _OVJ,
        "art. 119 lid 2 Sv — uitbetaling van de opbrengst aan de rechthebbende",
    ),
    Overgang(
        frozenset({S.AFSTAND}),
        S.TERUGGEGEVEN,
        _OVJ,
        "art. 116 lid 2 sub a Sv — teruggave aan de rechthebbende na afstand",
    ),
    Overgang(
        frozenset({S.VOORNEMEN_TERUGGAVE_DERDE}),
        S.TERUGGEGEVEN,
        _OVJ,
        "art. 116 lid 3 Sv — teruggave aan de derde na veertien dagen zonder beklag",
        frozenset({Vereiste.VEERTIEN_DAGEN}),
    ),
    Overgang(
        frozenset({S.VERBEURDVERKLAARD}),
        S.VERKOCHT,
        frozenset({Rol.BEWAARDER}),
        "art. 16 Besluit inbeslaggenomen voorwerpen — verkoop na verbeurdverklaring",
    ),
    Overgang(
        frozenset({S.VERBEURDVERKLAARD, S.ONTTROKKEN}),
        S.VERNIETIGD,
        _OVJ_BEWAARDER,
        "art. 16 Besluit inbeslaggenomen voorwerpen — vernietiging na de uitspraak",
    ),
    Overgang(
        frozenset({S.VERBEURDVERKLAARD}),
        S.HERBESTEMD,
        _OVJ,
        "Maatschappelijk herbestemmen (MaHer): verbeurde goederen naar een maatschappelijke "
        "organisatie, zonder doorverkoop",
        frozenset({Vereiste.MAHER}),
    ),
)

# The judgment reference is required for forfeiture after a judgment, not after afstand.
_UITSPRAAK_NODIG_VANUIT = frozenset({S.GEHANDHAAFD, S.IN_BEWARING, S.VERVREEMD})

# Our operationalisation of "zo spoedig mogelijk" (94 lid 3) and of the periodic review;
# the 21 days follow OM practice (decide within three weeks), 14 days and 6 weeks the law.
F1_DAGEN = 3
F2_DAGEN = 21
F3_DAGEN = 90
TERUGGAVE_DERDE_DAGEN = 14
MACHTIGING_WEKEN = 6
MAHER_GRENS_CENTEN = 100_00


@dataclass(frozen=True)
class Beslagtoestand:
    """What the rules need to know of one object; dates are valid time (when it happened)."""

    status: BeslagStatus
    soort: ObjectSoort
    beslagen_op: dt.date
    waarde_centen: int | None = None
    status_sinds: dt.date | None = None
    beoordeeld_op: dt.date | None = None
    machtiging_verzocht_op: dt.date | None = None
    beklag_aanhangig: bool = False


@dataclass(frozen=True)
class Handeling:
    """What the actor brings with a transition: reason, document references."""

    reden: str = ""
    machtiging: str = ""
    uitspraak: str = ""
    afstandsverklaring: str = ""


def overgang(van: BeslagStatus, naar: BeslagStatus) -> Overgang | None:
    for o in OVERGANGEN:
        if van in o.van and o.naar is naar:
            return o
    return None


def mogelijke_overgangen(t: Beslagtoestand, rol: Rol | None) -> list[Overgang]:
    return [o for o in OVERGANGEN if t.status in o.van and rol in o.rollen]


def maher_geschikt(t: Beslagtoestand) -> tuple[bool, str]:
    if t.soort is not ObjectSoort.GOEDEREN:
        return False, "alleen goederen komen in aanmerking voor maatschappelijk herbestemmen"
    if t.waarde_centen is None:
        return False, "de waarde is niet vastgesteld"
    if t.waarde_centen > MAHER_GRENS_CENTEN:
        return False, "de waarde is hoger dan € 100 (grens van de MaHer-regeling)"
    return True, "verbeurde goederen van ten hoogste € 100"


def controleer(
    t: Beslagtoestand, naar: BeslagStatus, rol: Rol | None, vandaag: dt.date, h: Handeling
) -> Overgang:
    """The transition, or OngeldigeOvergang saying in Dutch why not."""
    if t.status in EINDSTATUSSEN:
        raise OngeldigeOvergang(f"het object is {t.status.label.lower()}: afgesloten")
    o = overgang(t.status, naar)
    if o is None:
        raise OngeldigeOvergang(f"van '{t.status.label}' kan het object niet naar '{naar.label}'")
    if rol not in o.rollen:
        wie = ", ".join(sorted(ROL_LABELS[r].lower() for r in o.rollen))
        raise OngeldigeOvergang(f"alleen {wie} mag dit ({o.grondslag})")
    if o.onomkeerbaar and t.beklag_aanhangig:
        raise OngeldigeOvergang(
            "er loopt een klaagschrift (art. 552a Sv): onomkeerbare handelingen wachten op de "
            "beschikking"
        )
    if Vereiste.REDEN in o.vereisten and len(h.reden.strip()) < 10:
        raise OngeldigeOvergang("motiveer waarom het object bewaard moet worden (F2)")
    if Vereiste.MACHTIGING in o.vereisten and not h.machtiging.strip():
        stil = (
            rol is Rol.BEWAARDER
            and t.machtiging_verzocht_op is not None
            and vandaag >= t.machtiging_verzocht_op + dt.timedelta(weeks=MACHTIGING_WEKEN)
        )
        if not stil:
            raise OngeldigeOvergang(
                "een machtiging (art. 117 Sv) is nodig; de bewaarder mag pas zes weken na zijn "
                "verzoek zonder antwoord zelf handelen (art. 117 lid 5 Sv)"
            )
    uitspraak_nodig = Vereiste.UITSPRAAK in o.vereisten or (
        naar is S.VERBEURDVERKLAARD and t.status in _UITSPRAAK_NODIG_VANUIT
    )
    if uitspraak_nodig and not h.uitspraak.strip():
        raise OngeldigeOvergang("noem de uitspraak (parketnummer en datum)")
    if Vereiste.AFSTANDSVERKLARING in o.vereisten and not h.afstandsverklaring.strip():
        raise OngeldigeOvergang("noem de schriftelijke afstandsverklaring (art. 116 lid 2 Sv)")
    if Vereiste.VEERTIEN_DAGEN in o.vereisten:
        sinds = t.status_sinds or t.beslagen_op
        if vandaag < sinds + dt.timedelta(days=TERUGGAVE_DERDE_DAGEN):
            raise OngeldigeOvergang(
                "teruggave aan een derde kan pas veertien dagen na het voornemen "
                f"(vanaf {(sinds + dt.timedelta(days=TERUGGAVE_DERDE_DAGEN)):%d-%m-%Y})"
            )
    if Vereiste.MAHER in o.vereisten:
        ja, waarom = maher_geschikt(t)
        if not ja:
            raise OngeldigeOvergang(waarom)
    return o


def pas_toe(t: Beslagtoestand, naar: BeslagStatus, vandaag: dt.date) -> Beslagtoestand:
    return replace(t, status=naar, status_sinds=vandaag, beoordeeld_op=vandaag)


# --- deadlines -------------------------------------------------------------------------------


class TermijnSoort(Keuze):
    F1_HANDHAVING = "f1_handhaving", "F1: beslissing over handhaving (art. 94 lid 3 Sv)"
    F2_BEHEERBESLISSING = "f2_beheerbeslissing", "F2: beheerbeslissing van de officier"
    F3_HERBEOORDELING = "f3_herbeoordeling", "F3: periodieke herbeoordeling van de bewaring"
    TERUGGAVE_DERDE = "teruggave_derde", "Teruggave aan derde mogelijk (art. 116 lid 3 Sv)"
    MACHTIGING_117 = (
        "machtiging_117",
        "Zes weken na verzoek om machtiging (art. 117 lid 5 Sv)",
    )


class Termijnstand(Keuze):
    VERLOPEN = "verlopen", "Verlopen"
    VANDAAG = "vandaag", "Vervalt vandaag"
    BINNENKORT = "binnenkort", "Binnen een week"
    GEPLAND = "gepland", "Gepland"


@dataclass(frozen=True)
class Termijn:
    soort: TermijnSoort
    vervalt_op: dt.date

    def stand(self, vandaag: dt.date) -> Termijnstand:
        if vandaag > self.vervalt_op:
            return Termijnstand.VERLOPEN
        if vandaag == self.vervalt_op:
            return Termijnstand.VANDAAG
        if (self.vervalt_op - vandaag).days <= 7:
            return Termijnstand.BINNENKORT
        return Termijnstand.GEPLAND


def termijnen(t: Beslagtoestand) -> list[Termijn]:
    """The deadlines running for this object in its current state."""
    sinds = t.status_sinds or t.beslagen_op
    uit: list[Termijn] = []
    if t.status is S.INBESLAGGENOMEN:
        uit.append(Termijn(TermijnSoort.F1_HANDHAVING, t.beslagen_op + dt.timedelta(days=F1_DAGEN)))
    elif t.status is S.GEHANDHAAFD:
        uit.append(Termijn(TermijnSoort.F2_BEHEERBESLISSING, sinds + dt.timedelta(days=F2_DAGEN)))
    elif t.status is S.IN_BEWARING:
        basis = max(sinds, t.beoordeeld_op or sinds)
        uit.append(Termijn(TermijnSoort.F3_HERBEOORDELING, basis + dt.timedelta(days=F3_DAGEN)))
    elif t.status is S.VOORNEMEN_TERUGGAVE_DERDE:
        uit.append(
            Termijn(TermijnSoort.TERUGGAVE_DERDE, sinds + dt.timedelta(days=TERUGGAVE_DERDE_DAGEN))
        )
    if t.machtiging_verzocht_op is not None and t.status in _VOOR_VONNIS:
        uit.append(
            Termijn(
                TermijnSoort.MACHTIGING_117,
                t.machtiging_verzocht_op + dt.timedelta(weeks=MACHTIGING_WEKEN),
            )
        )
    return uit


def klaagschrift_tot(beslagen_op: dt.date, einde_zaak_op: dt.date | None) -> dt.date:
    """Art. 552a Sv: three months after the case ends; without prosecution two years after."""
    if einde_zaak_op is not None:
        return _plus_maanden(einde_zaak_op, 3)
    return _plus_maanden(beslagen_op, 24)


def _plus_maanden(d: dt.date, n: int) -> dt.date:
    maand = d.month - 1 + n
    jaar, maand = d.year + maand // 12, maand % 12 + 1
    for dag in (d.day, 30, 29, 28):
        try:
            return dt.date(jaar, maand, dag)
        except ValueError:
            continue
    raise AssertionError("unreachable")
