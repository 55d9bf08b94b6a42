# SPDX-License-Identifier: EUPL-1.2
"""The main menu: what a role works with, and which item the current page belongs to."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from integraal.domein.actor import Actor
from integraal.domein.rollen import POORTROLLEN, Rol

KETENROLLEN = frozenset({Rol.OPSPORINGSAMBTENAAR, Rol.HULPOFFICIER, Rol.OFFICIER, Rol.BEWAARDER})


@dataclass(frozen=True)
class Wie:
    """The actor, the kind of organisation they work for (a RIEC, a gemeente, ...) and, at a
    partnership, the parts of the work its werkwijze declares (signals, cases, reports, ...)."""

    actor: Actor
    soort: str
    onderdelen: frozenset[str] = frozenset()
    # The parts of partnership work the organisation takes part in as a participant (answering
    # FEC rounds, asking iCOV, reading indicators).
    deelname: frozenset[str] = frozenset()

    @property
    def bij_verband(self) -> bool:
        return bool(self.onderdelen)

    @property
    def medewerker(self) -> bool:
        return self.bij_verband and self.actor.rol in (Rol.ANALIST, Rol.COORDINATOR)

    @property
    def casuswerker(self) -> bool:
        return self.medewerker and "casussen" in self.onderdelen

    def doet(self, onderdeel: str) -> bool:
        return self.medewerker and onderdeel in self.onderdelen

    @property
    def partner(self) -> bool:
        """Works at a partner organisation that provides data and owns interventions."""
        return not self.bij_verband and self.actor.rol not in KETENROLLEN | POORTROLLEN | {
            Rol.BELEIDSMEDEWERKER,
            Rol.PRIVACY_OFFICER,
        }

    @property
    def opsporing(self) -> bool:
        """An analyst of a service FIU-Nederland provides suspicious transactions to."""
        return self.soort in ("politie", "fiod", "kmar", "om") and self.actor.rol is Rol.ANALIST

    @property
    def in_beslagketen(self) -> bool:
        return self.actor.rol in KETENROLLEN


@dataclass(frozen=True)
class Menuitem:
    label: str
    pad: str
    voor: Callable[[Wie], bool]
    # Other paths that belong to this item (so the menu marks it on sub-pages).
    ook: tuple[str, ...] = ()


MENU: tuple[Menuitem, ...] = (
    Menuitem("Start", "/", lambda w: True),
    Menuitem("Casussen", "/casussen", lambda w: w.casuswerker, ("/casussen/",)),
    Menuitem("Signalen", "/signalen", lambda w: w.doet("signalen"), ("/signalen/",)),
    Menuitem(
        "Signaal melden",
        "/signalen/nieuw",
        lambda w: (w.partner and "signalen" in w.deelname) or w.actor.rol is Rol.CONTACTPUNT,
    ),
    Menuitem("Zoeken", "/zoeken", lambda w: w.casuswerker, ("/entiteiten/",)),
    Menuitem("Verzoeken", "/deelverzoeken", lambda w: w.partner),
    Menuitem("Interventies", "/interventies", lambda w: w.partner),
    Menuitem("Leveringen", "/leveringen", lambda w: w.partner or w.casuswerker, ("/leveringen/",)),
    Menuitem(
        "Beslag",
        "/beslag",
        lambda w: w.in_beslagketen,
        ("/beslag/", "/vermogensdossiers", "/herbestemming"),
    ),
    Menuitem(
        "Beslagcijfers",
        "/beslag/cijfers",
        lambda w: w.actor.rol in (Rol.BELEIDSMEDEWERKER, Rol.OFFICIER),
    ),
    Menuitem(
        "iCOV-rapportages",
        "/rapportages",
        lambda w: w.doet("rapportages") or "rapportages" in w.deelname,
        ("/rapportages/",),
    ),
    Menuitem(
        "Signaalronden",
        "/signaalronden",
        lambda w: w.doet("signaalronden") or "signaalronden" in w.deelname,
        ("/signaalronden/",),
    ),
    Menuitem(
        "Facilitatorindicatoren",
        "/facilitatorindicatoren",
        lambda w: "indicatoren" in w.deelname,
    ),
    Menuitem(
        "Bibob",
        "/bibob",
        lambda w: w.actor.rol is Rol.BIBOB_ADVISEUR,
        ("/bibob/", "/bibob-register"),
    ),
    Menuitem(
        "Bibob-extracten",
        "/bibob-extracten",
        lambda w: w.soort == "riec" and w.medewerker,
        ("/bibob-extracten/",),
    ),
    Menuitem(
        "Sluitingen",
        "/sluitingen",
        lambda w: w.actor.rol is Rol.OOV_ADVISEUR or (w.soort == "politie" and w.partner),
        ("/sluitingen/", "/bestuurlijke-rapportages"),
    ),
    Menuitem(
        "Vorderingen",
        "/vorderingen",
        lambda w: w.actor.rol is Rol.OOV_ADVISEUR,
        ("/vorderingen/",),
    ),
    Menuitem("Percelen volgen", "/percelen", lambda w: w.soort in ("bank", "notaris")),
    Menuitem(
        "Meldingen",
        "/meldingen",
        lambda w: (
            w.actor.rol is Rol.MELDER or (w.soort == "notaris" and w.actor.rol is Rol.NOTARIS)
        ),
        ("/meldingen/",),
    ),
    Menuitem(
        "Meldingen",
        "/fiu/meldingen",
        lambda w: w.soort == "fiu" and w.actor.rol is Rol.ANALIST,
        ("/fiu/meldingen/",),
    ),
    Menuitem(
        "Opschortingen",
        "/opschortingen",
        lambda w: (w.soort == "fiu" and w.actor.rol is Rol.ANALIST) or w.actor.rol is Rol.MELDER,
        ("/opschortingen/",),
    ),
    Menuitem(
        "Verdachte transacties",
        "/verdachte-transacties",
        lambda w: w.opsporing,
        ("/verdachte-transacties/",),
    ),
    Menuitem(
        "Weigeringen",
        "/weigeringen",
        lambda w: w.soort == "notaris" and w.actor.rol is Rol.NOTARIS,
        ("/weigeringen/",),
    ),
    Menuitem(
        "Waarschuwingsregister",
        "/waarschuwingsregister",
        lambda w: (
            w.actor.rol is Rol.REGISTERBEHEERDER
            or (w.soort == "waarschuwingsregister" and w.actor.rol is Rol.PRIVACY_OFFICER)
        ),
        ("/waarschuwingsregister/registraties",),
    ),
    Menuitem(
        "Register raadplegen",
        "/waarschuwingsregister/raadplegen",
        lambda w: w.actor.rol is Rol.SCREENER,
    ),
    Menuitem("Deelwijzer", "/deelwijzer", lambda w: not w.in_beslagketen),
    Menuitem("Knelpunten", "/knelpunten", lambda w: not w.in_beslagketen, ("/knelpunten/",)),
    Menuitem("Monitor", "/monitor", lambda w: True, ("/monitor/",)),
    Menuitem(
        "Preventie met Gezag",
        "/pmg",
        lambda w: (
            (w.soort == "gemeente" and w.actor.rol in (Rol.BELEIDSMEDEWERKER, Rol.OOV_ADVISEUR))
            or (w.soort != "gemeente" and w.actor.rol is Rol.BELEIDSMEDEWERKER)
        ),
        ("/pmg/",),
    ),
    Menuitem("Logboek", "/logboek", lambda w: w.actor.rol is Rol.PRIVACY_OFFICER),
    Menuitem(
        "Integriteit",
        "/integriteit",
        lambda w: w.actor.rol is Rol.PRIVACY_OFFICER,
        ("/integriteit/",),
    ),
    Menuitem("Afgeschermde personen", "/afscherming", lambda w: w.actor.rol is Rol.PRIVACY_OFFICER),
    Menuitem("Toegangsreview", "/toegangsreview", lambda w: w.actor.rol is Rol.COORDINATOR),
)


@dataclass(frozen=True)
class Menukeuze:
    label: str
    pad: str
    huidig: bool


def menu(wie: Wie, pad: str) -> list[Menukeuze]:
    """The items for this person; the current one is the longest path that matches."""
    items = [m for m in MENU if m.voor(wie)]

    def past(m: Menuitem) -> int:
        if pad == m.pad:
            return len(m.pad) + 1000
        return max((len(p) for p in m.ook if pad.startswith(p)), default=-1)

    beste = max(items, key=past, default=None)
    huidig = beste if beste is not None and past(beste) >= 0 else None
    return [Menukeuze(m.label, m.pad, m is huidig) for m in items]
