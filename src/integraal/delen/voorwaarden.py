# SPDX-License-Identifier: EUPL-1.2
"""Named conditions of sharing rules. Each is a small pure predicate with a Dutch label.

A condition either reads the request's context (case, actor, organisations) or a fact the
requester declares and the workflow records (`Verzoek.feiten`), such as an approved four-eyes
check or an officer's order. A rule naming an unknown condition fails catalogue validation.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from integraal.delen.model import Organisatie, Partnerregister, Verzoek


@dataclass(frozen=True, slots=True)
class Toets:
    verzoek: Verzoek
    van: Organisatie
    aan: Organisatie
    register: Partnerregister


Predicaat = Callable[[Toets], tuple[bool, str]]


@dataclass(frozen=True, slots=True)
class Voorwaarde:
    naam: str
    label: str
    predicaat: Predicaat
    # Decides whether a rule applies at all (who reads whose data), not what a requester
    # still has to arrange; an unmet one makes the rule irrelevant rather than a near miss.
    toepasselijkheid: bool = False
    # Restricts rather than grants: met whenever it does not apply.
    beperkend: bool = False


VOORWAARDEN: dict[str, Voorwaarde] = {}


def _voorwaarde(
    naam: str, label: str, *, toepasselijkheid: bool = False, beperkend: bool = False
) -> Callable[[Predicaat], Predicaat]:
    def registreer(fn: Predicaat) -> Predicaat:
        VOORWAARDEN[naam] = Voorwaarde(naam, label, fn, toepasselijkheid, beperkend)
        return fn

    return registreer


def _feit(naam: str, label: str, ja: str, nee: str) -> None:
    def predicaat(t: Toets) -> tuple[bool, str]:
        return (True, ja) if naam in t.verzoek.feiten else (False, nee)

    VOORWAARDEN[naam] = Voorwaarde(naam, label, predicaat)


@_voorwaarde("casus", "er is een open casus van het ontvangende samenwerkingsverband")
def _casus(t: Toets) -> tuple[bool, str]:
    casus = t.verzoek.casus
    if casus is None:
        return False, "het verzoek noemt geen casus"
    if not casus.open:
        return False, f"casus {casus.id} is gesloten"
    verbanden = {t.aan.id, t.van.id}
    if casus.verband_id not in verbanden:
        return False, f"casus {casus.id} hoort bij {casus.verband_id}, niet bij deze partijen"
    return True, f"casus {casus.id} is open"


@_voorwaarde("need_to_know", "de gebruiker is lid van de casus (need-to-know)")
def _need_to_know(t: Toets) -> tuple[bool, str]:
    casus, actor = t.verzoek.casus, t.verzoek.actor
    if casus is None or actor is None:
        return False, "zonder casus en gebruiker is need-to-know niet vast te stellen"
    if actor in casus.leden:
        return True, f"{actor} is lid van casus {casus.id}"
    return False, f"{actor} is geen lid van casus {casus.id}"


@_voorwaarde(
    "objectieve_aanwijzingen",
    "de casus legt duidelijke en objectieve aanwijzingen vast (BGS)",
)
def _aanwijzingen(t: Toets) -> tuple[bool, str]:
    casus = t.verzoek.casus
    if casus is not None and casus.aanwijzingen_vastgelegd:
        return True, f"casus {casus.id} legt de aanwijzingen en hun motivering vast"
    if "objectieve_aanwijzingen" in t.verzoek.feiten:
        return True, "de aanvrager verklaart dat er objectieve aanwijzingen zijn"
    return False, "er zijn geen duidelijke en objectieve aanwijzingen vastgelegd"


@_voorwaarde("deelnemer_van_verband", "de verstrekker neemt deel aan het samenwerkingsverband")
def _deelnemer(t: Toets) -> tuple[bool, str]:
    try:
        # Designations by decree count on the date of the request (versioned register data).
        deelnemers = t.register.deelnemers_op(t.aan.id, t.verzoek.datum)
    except KeyError:  # a kind asked about in general ("may a gemeente ...?")
        deelnemers = frozenset()
    if deelnemers:
        ok = t.van.id in deelnemers
    else:
        ok = t.van.soort in t.register.soorten[t.aan.soort].deelnemer_soorten
    naam = t.aan.naam
    return (
        (True, f"{t.van.naam} neemt deel aan {naam}")
        if ok
        else (
            False,
            f"{t.van.naam} is geen deelnemer van {naam}",
        )
    )


@_voorwaarde(
    "ontvanger_deelnemer_van_verband",
    "de ontvanger neemt deel aan het verstrekkende samenwerkingsverband",
    toepasselijkheid=True,
)
def _ontvanger_deelnemer(t: Toets) -> tuple[bool, str]:
    try:
        deelnemers = t.register.deelnemers_op(t.van.id, t.verzoek.datum)
    except KeyError:
        deelnemers = frozenset()
    if deelnemers:
        ok = t.aan.id in deelnemers
    else:
        ok = t.aan.soort in t.register.soorten[t.van.soort].deelnemer_soorten
    if ok:
        return True, f"{t.aan.naam} neemt deel aan {t.van.naam}"
    return False, f"{t.aan.naam} is geen deelnemer van {t.van.naam}"


@_voorwaarde(
    "zelfde_verband", "de gegevens blijven binnen het samenwerkingsverband", toepasselijkheid=True
)
def _zelfde_verband(t: Toets) -> tuple[bool, str]:
    if t.van.id == t.aan.id:
        return True, f"verwerking binnen {t.aan.naam}"
    return False, f"{t.aan.naam} is een andere organisatie dan {t.van.naam}"


@_voorwaarde(
    "zelfde_organisatie",
    "de gegevens blijven binnen de eigen organisatie (eigen publiekrechtelijke taak)",
    toepasselijkheid=True,
)
def _zelfde_organisatie(t: Toets) -> tuple[bool, str]:
    if t.van.id == t.aan.id:
        return True, f"verwerking binnen {t.aan.naam}"
    return False, f"{t.aan.naam} is een andere organisatie dan {t.van.naam}"


@_voorwaarde(
    "buiten_bibob_uitzondering",
    "buiten de uitzondering van art. 28 Wet Bibob (het advies gaat naar of blijft bij het "
    "bestuursorgaan dat het vroeg)",
    toepasselijkheid=True,
    beperkend=True,
)
def _buiten_bibob_uitzondering(t: Toets) -> tuple[bool, str]:
    # The exception is structural and a fact only the Bibob door declares: the body reading
    # or receiving is the body that asked for this advice.
    eigen = "eigen_bibob_aanvraag" in t.verzoek.feiten
    bestuursorgaan = "bestuursorgaan" in t.register.groepen(t.aan)
    van_lbb_of_zelf = t.van.soort == "lbb" or t.van.id == t.aan.id
    if eigen and bestuursorgaan and van_lbb_of_zelf:
        return False, f"{t.aan.naam} vroeg dit advies zelf aan"
    return True, f"{t.aan.naam} valt niet onder de uitzondering van art. 28 Wet Bibob"


@_voorwaarde(
    "zonder_ap_vergunning",
    "buiten de vergunning van de Autoriteit Persoonsgegevens (UAVG art. 33 lid 4 sub c)",
    toepasselijkheid=True,
    beperkend=True,
)
def _zonder_ap_vergunning(t: Toets) -> tuple[bool, str]:
    # The exception is structural: only a warning register, and only with the fact
    # `ap_vergunning_geldig`, which the register's door declares when a permit valid on the
    # day is recorded. Everything else between private parties stays prohibited.
    if t.van.id == t.aan.id:
        return False, "het register beheert zijn eigen registraties; er wordt niets verstrekt"
    register = next((o for o in (t.van, t.aan) if o.soort == "waarschuwingsregister"), None)
    if register is not None and "ap_vergunning_geldig" in t.verzoek.feiten:
        return False, f"{register.naam} heeft een geldige vergunning van de AP"
    if register is not None:
        return True, f"{register.naam} heeft geen geldige vergunning van de AP"
    return True, "geen waarschuwingsregister met een vergunning van de AP"


@_voorwaarde(
    "via_waarschuwingsregister",
    "de verstrekking loopt via een waarschuwingsregister",
    toepasselijkheid=True,
)
def _via_register(t: Toets) -> tuple[bool, str]:
    if "waarschuwingsregister" in (t.van.soort, t.aan.soort):
        return True, "de verstrekking loopt via het waarschuwingsregister"
    return False, "geen van beide partijen is een waarschuwingsregister"


@_voorwaarde(
    "eigen_levering",
    "de lezer is de organisatie die de gegevens zelf leverde",
    toepasselijkheid=True,
)
def _eigen_levering(t: Toets) -> tuple[bool, str]:
    if t.verzoek.bron is not None and t.verzoek.bron == t.aan.id:
        return True, f"{t.aan.naam} leverde deze gegevens zelf"
    return False, "de lezer is niet de leverancier van deze gegevens"


@_voorwaarde(
    "doelbinding_casus",
    "gegevens geleverd voor een casus worden alleen in die casus gebruikt",
    beperkend=True,
)
def _doelbinding(t: Toets) -> tuple[bool, str]:
    gebonden = t.verzoek.gegevens_casus
    if gebonden is None:
        return True, "de gegevens zijn niet aan een casus gebonden"
    if t.verzoek.casus is not None and t.verzoek.casus.id == gebonden:
        return True, f"de gegevens zijn geleverd voor casus {gebonden}"
    return False, f"de gegevens zijn geleverd voor casus {gebonden}, niet voor deze vraag"


@_voorwaarde("bank_aangewezen", "de bank is in het BGS aangewezen voor het FEC")
def _bank_aangewezen(t: Toets) -> tuple[bool, str]:
    if "fec" in t.aan.aangewezen_voor:
        return True, f"{t.aan.naam} is aangewezen voor het FEC"
    taskforces = [o.id for o in t.register.organisaties if o.onderdeel_van == "fec"]
    if any(t.aan.id in t.register.deelnemers_op(v, t.verzoek.datum) for v in taskforces):
        return True, f"{t.aan.naam} is bij besluit aangewezen voor een taskforce van het FEC"
    return False, f"{t.aan.naam} is niet aangewezen voor het FEC"


@_voorwaarde("notaris_met_notaris", "notarissen delen alleen met notarissen", beperkend=True)
def _notaris(t: Toets) -> tuple[bool, str]:
    if t.van.soort != "notaris" or t.aan.soort == "notaris":
        return True, "geen notaris-naar-niet-notaris verstrekking"
    return False, "een notaris deelt hier alleen met een andere notaris"


_feit(
    "betrokken_bij_beslag",
    "de ontvanger is bij dit beslag betrokken (beslaglegger, OM, bewaarder of CJIB)",
    "de ontvanger is bij het beslag betrokken",
    "de ontvanger is niet bij dit beslag betrokken",
)
_feit(
    "eigen_gegevens",
    "het gaat om de eigen gegevens van de betrokkene, vastgesteld met een persoonlijke code",
    "de betrokkene is vastgesteld met de persoonlijke code",
    "de betrokkene is niet vastgesteld",
)
_feit(
    "onafhankelijke_privacy_officer",
    "de lezer is privacy officer van de eigen organisatie en gaat het niet over zichzelf",
    "de lezer is privacy officer en leest niet over zichzelf",
    "de lezer is geen privacy officer van deze organisatie, of het gaat over de lezer zelf",
)
_feit(
    "noodzakelijk",
    "de verstrekking is noodzakelijk voor het doel",
    "de noodzaak is gemotiveerd",
    "de noodzaak is niet gemotiveerd",
)
_feit(
    "vierogen",
    "een tweede persoon van de verstrekker keurde goed (vierogenprincipe)",
    "een tweede persoon keurde goed",
    "nog geen goedkeuring door een tweede persoon",
)
_feit(
    "eigen_bevoegdheid",
    "de ontvanger heeft een eigen bevoegdheid tot interventie",
    "de ontvanger heeft een eigen bevoegdheid",
    "geen eigen bevoegdheid van de ontvanger vastgelegd",
)
_feit(
    "ovj_vordering",
    "er is een vordering van de officier van justitie (126nd/126ne Sv)",
    "er ligt een vordering van de officier",
    "er ligt geen vordering van de officier",
)
_feit(
    "rapportageverzoek",
    "er ligt een rapportageverzoek dat de deelregels toestaan",
    "er ligt een toegestaan rapportageverzoek",
    "er ligt geen toegestaan rapportageverzoek",
)
_feit(
    "geautoriseerde_aanvrager",
    "de aanvrager is geautoriseerd",
    "de aanvrager is geautoriseerd",
    "de aanvrager is niet als geautoriseerd vastgelegd",
)
_feit(
    "indicator_geraakt",
    "een meldindicator is geraakt",
    "een meldindicator is geraakt",
    "er is geen meldindicator geraakt",
)
_feit(
    "verdacht_verklaard",
    "FIU-Nederland heeft de transactie verdacht verklaard",
    "de transactie is verdacht verklaard",
    "de transactie is niet verdacht verklaard",
)
_feit(
    "binnen_opschortingstermijn",
    "de opschorting blijft binnen 5 (buitenlandse FIU: 10) werkdagen",
    "de opschorting blijft binnen de termijn",
    "de opschortingstermijn is niet bewaakt",
)
_feit(
    "zwaarwegend_belang",
    "er is een zwaarwegend algemeen belang",
    "een zwaarwegend algemeen belang is gemotiveerd",
    "geen zwaarwegend algemeen belang gemotiveerd",
)
_feit(
    "instemming_gezag",
    "het bevoegd gezag stemde in",
    "het bevoegd gezag stemde in",
    "geen instemming van het bevoegd gezag",
)


@_voorwaarde(
    "binnen_convenant",
    "een convenant in werking dekt deze partijen, categorie en doel",
    toepasselijkheid=True,
)
def _binnen_convenant(t: Toets) -> tuple[bool, str]:
    v = t.verzoek
    c = t.register.convenant_voor(t.van.id, t.aan.id, v.categorie, v.doel, v.datum)
    if c is None:
        return False, f"geen convenant in werking tussen {t.van.naam} en {t.aan.naam} dat dit dekt"
    return True, f"{c.titel} (versie {c.versie})"


@_voorwaarde("convenant_gepubliceerd", "het convenant is gepubliceerd")
def _convenant_gepubliceerd(t: Toets) -> tuple[bool, str]:
    v = t.verzoek
    c = t.register.convenant_voor(t.van.id, t.aan.id, v.categorie, v.doel, v.datum)
    if c is None:
        return False, "er is geen convenant dat dit dekt"
    if c.publicatie is None:
        return False, f"{c.titel} (versie {c.versie}) is nog niet gepubliceerd"
    return True, f"gepubliceerd: {c.publicatie}"


_feit(
    "motivering",
    "de verstrekking is per geval gemotiveerd",
    "de verstrekking is gemotiveerd",
    "de verstrekking is niet gemotiveerd",
)
_feit(
    "object_bekend",
    "het object (pand) is bekend",
    "het object is bekend",
    "het object is niet vastgelegd",
)
_feit(
    "alleen_bibob_ondersteuning",
    "uitsluitend ter ondersteuning van een Bibob-onderzoek",
    "het gebruik is beperkt tot het Bibob-onderzoek",
    "het gebruik is niet beperkt tot Bibob",
)
_feit(
    "eigen_bibob_aanvraag",
    "het bestuursorgaan vroeg dit Bibob-advies zelf aan",
    "het bestuursorgaan vroeg het advies zelf aan",
    "het advies is niet door dit bestuursorgaan gevraagd",
)
_feit(
    "binnen_hergebruiktermijn",
    "de conclusie valt binnen de hergebruiktermijn van het Bibob-register",
    "de conclusie is nog te hergebruiken",
    "de hergebruiktermijn van de conclusie is verstreken",
)
_feit(
    "toezichthouder_gemeld",
    "de toezichthouder is vooraf gemeld",
    "de toezichthouder is gemeld",
    "de toezichthouder is niet gemeld",
)
_feit(
    "dpia",
    "er is een gegevensbeschermingseffectbeoordeling (DPIA)",
    "er is een DPIA",
    "er is geen DPIA vastgelegd",
)
_feit(
    "strikt_noodzakelijk",
    "strikt noodzakelijk voor cliëntenonderzoek en melding",
    "strikte noodzaak is gemotiveerd",
    "strikte noodzaak is niet gemotiveerd",
)


_feit(
    "ap_vergunning_geldig",
    "er is een geldige vergunning van de Autoriteit Persoonsgegevens die dit dekt",
    "een geldige vergunning van de AP is vastgelegd en dekt dit",
    "er is geen geldige vergunning van de AP vastgelegd",
)
_feit(
    "aangesloten_bij_register",
    "de ontvanger is bij het register aangesloten",
    "de ontvanger is aangesloten",
    "de ontvanger is niet bij het register aangesloten",
)


def toets(naam: str, t: Toets) -> tuple[bool, str]:
    return VOORWAARDEN[naam].predicaat(t)
