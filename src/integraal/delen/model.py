# SPDX-License-Identifier: EUPL-1.2
"""Data model of the sharing-rule catalogue, the partner register, requests and decisions."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from enum import StrEnum
from typing import Any, Literal

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    PrivateAttr,
    field_validator,
    model_validator,
)

from integraal.domein.keuze import Keuze
from integraal.domein.poortwachters import Mainport
from integraal.domein.rollen import Rol


class _Strikt(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Herkomst(StrEnum):
    """Whether a rule states the law or our narrowing of it (research legal-sharing §3 `src`)."""

    WET = "wet"
    VEREENVOUDIGING = "vereenvoudiging"
    WET_EN_VEREENVOUDIGING = "wet_en_vereenvoudiging"


class Effect(StrEnum):
    TOESTAAN = "toestaan"
    WEIGEREN = "weigeren"


class Grondslag(_Strikt):
    omschrijving: str
    bwb_id: str | None = Field(default=None, pattern=r"^BWBR\d{7}$")
    celex: str | None = None
    artikel: str | None = None
    geverifieerd: bool = True

    @property
    def juriconnect(self) -> str | None:
        if self.bwb_id is None:
            return None
        ref = f"jci1.3:c:{self.bwb_id}"
        return f"{ref}&artikel={self.artikel}" if self.artikel else ref

    @property
    def url(self) -> str | None:
        if self.juriconnect:
            return f"https://wetten.overheid.nl/{self.juriconnect}"
        if self.celex:
            return f"https://eur-lex.europa.eu/legal-content/NL/TXT/?uri=CELEX:{self.celex}"
        return None

    def citeer(self) -> str:
        parts = [self.omschrijving]
        if self.juriconnect:
            parts.append(f"({self.juriconnect})")
        elif self.celex:
            parts.append(f"(CELEX {self.celex})")
        if not self.geverifieerd:
            parts.append("[artikelnummer nog niet geverifieerd]")
        return " ".join(parts)


class Verplichtingen(_Strikt):
    loggen: bool = True
    bewaartermijn: str | None = None
    notificatie: str | None = None
    vierogen: bool = False


class Regel(_Strikt):
    id: str = Field(pattern=r"^[A-Z0-9][A-Z0-9\-]+$")
    titel: str
    herkomst: Herkomst
    effect: Effect = Effect.TOESTAAN
    van: tuple[str, ...]
    aan: tuple[str, ...]
    categorieen: tuple[str, ...]
    doelen: tuple[str, ...] = ("*",)
    grondslag: Grondslag
    voorwaarden: tuple[str, ...] = ()
    verplichtingen: Verplichtingen = Verplichtingen()
    geldig_van: dt.date | None = None
    geldig_tot: dt.date | None = None
    in_werking: bool = True
    toelichting: str = ""

    @model_validator(mode="after")
    def _periode(self) -> Regel:
        if self.geldig_van and self.geldig_tot and self.geldig_tot < self.geldig_van:
            raise ValueError(f"regel {self.id}: geldig_tot ligt voor geldig_van")
        return self

    def geldig_op(self, datum: dt.date) -> bool:
        if self.geldig_van and datum < self.geldig_van:
            return False
        return not (self.geldig_tot and datum > self.geldig_tot)


class Categorie(_Strikt):
    label: str
    persoonsgegeven: bool = True
    bijzonder: bool = False
    # Years after the case closes; 5 is our narrowing until the BGS terms are verified.
    bewaartermijn_jaren: int = Field(default=5, ge=0, le=30)
    # Who answers for a log line of this category in a data-subject request. "iedereen": any
    # organisation's privacy officer (the log is shared). "partijen": only the provider's or
    # the recipient's (FIU data, a warning register: another party must not learn of it).
    # "ontvanger": only the recipient's — a report to the FIU, a notary's refusal — because
    # the recipient's own reads name the provider as the source, and the provider must not
    # learn what the FIU (or another notary) did with it (no tipping off, Wwft art. 23).
    inzage: Literal["iedereen", "partijen", "ontvanger"] = "iedereen"


class Catalogus(_Strikt):
    versie: str
    categorieen: dict[str, Categorie]
    doelen: dict[str, str]
    regels: tuple[Regel, ...]

    def categorie_label(self, code: str) -> str:
        c = self.categorieen.get(code)
        return c.label if c else code

    def regeltitels(self, regel_ids: str) -> str:
        """The titles of the rules a line names (comma-separated ids), for a person."""
        titels = {r.id: r.titel for r in self.regels}
        return "; ".join(titels.get(i.strip(), i.strip()) for i in regel_ids.split(",") if i)

    @model_validator(mode="after")
    def _samenhang(self) -> Catalogus:
        ids = [r.id for r in self.regels]
        dubbel = {i for i in ids if ids.count(i) > 1}
        if dubbel:
            raise ValueError(f"dubbele regel-id's: {sorted(dubbel)}")
        for regel in self.regels:
            for cat in regel.categorieen:
                if cat != "*" and cat not in self.categorieen:
                    raise ValueError(f"regel {regel.id}: onbekende categorie {cat!r}")
            for doel in regel.doelen:
                if doel != "*" and doel not in self.doelen:
                    raise ValueError(f"regel {regel.id}: onbekend doel {doel!r}")
        return self

    def regel(self, regel_id: str) -> Regel:
        for regel in self.regels:
            if regel.id == regel_id:
                return regel
        raise KeyError(regel_id)


class Onderdeel(Keuze):
    """A part of the work a partnership kind does; the web and the services switch on these."""

    SIGNALEN = "signalen", "Signalen ontvangen en beoordelen"
    CASUSSEN = "casussen", "Casussen"
    DEELVERZOEKEN = "deelverzoeken", "Partners om gegevens vragen"
    ADVIES = "advies", "Advies of plan met acties van partners"
    RAPPORTAGES = "rapportages", "Rapportages op verzoek"
    SIGNAALRONDEN = "signaalronden", "Signaalronden onder de deelnemers"
    INDICATOREN = "indicatoren", "Indicatoren voor aangewezen banken"


class Melder(Keuze):
    DEELNEMERS = "deelnemers", "Deelnemers"
    PUBLIEK = "publiek", "Burgers (anoniem)"


class Vierogenstap(Keuze):
    """A step a second person must take: who drafts or asks, does not also approve."""

    DEELVERZOEK = "deelverzoek", "Een verzoek om gegevens goedkeuren (bij de verstrekker)"
    ADVIES = "advies", "Het handhavingsadvies vaststellen"
    PLAN = "plan", "Het persoonsgerichte plan vaststellen"
    RAPPORTAGE = "rapportage", "Een rapportage goedkeuren en leveren"
    INDICATOR = "indicator", "Een indicator goedkeuren en delen"


class Adviesvorm(_Strikt):
    """What a partnership's case ends in: a RIEC's integrated enforcement advice, a Zorg- en
    Veiligheidshuis's person-centred plan. Adopting it provides each part to its owner."""

    naam: str
    # The short word in buttons and confirmations ("advies", "plan").
    kort: str
    onderdeel: str
    categorie: str
    doel: str
    soorten: tuple[str, ...]
    # Owners must take part in the partnership (a ZVH plan's actions), not only be competent.
    eigenaars_deelnemers: bool = False


class Werkwijze(_Strikt):
    """How a partnership kind works, declared as data (WGS chapter 2 per partnership): its
    purpose, who reports and who opens a case, the categories its cases hold, how long they are
    kept after closing, and which steps need a second person. The services read this instead of
    asking whether an organisation is a RIEC."""

    # The purpose of its cases; `doelen` adds the purposes its other work serves (iCOV).
    doel: str
    doelen: tuple[str, ...] = ()
    onderdelen: tuple[Onderdeel, ...]
    signaal_van: tuple[Melder, ...] = ()
    beoordelen: tuple[Rol, ...] = (Rol.ANALIST, Rol.COORDINATOR)
    casus_openen: tuple[Rol, ...] = (Rol.COORDINATOR,)
    # The WGS threshold ("duidelijke en objectieve aanwijzingen") must be met when the case
    # opens, not later (FEC).
    aanwijzingen_bij_openen: bool = False
    categorieen: tuple[str, ...]
    bewaartermijn_jaren: int = Field(ge=0, le=30)
    vierogen: tuple[Vierogenstap, ...] = ()
    # Informing the data subject (or deferring it with a reason) is recorded per case subject.
    informeren: bool = True
    # Categories that never leave the partnership towards these kinds (ZVH: care data).
    nooit_naar: tuple[str, ...] = ()
    # Only the partnership's own staff become members of a case (a ZVH's complex case holds
    # care data and its plan; a police participant acts through its own action only).
    leden_alleen_eigen: bool = False
    advies: Adviesvorm | None = None
    toelichting: str = ""

    def heeft(self, onderdeel: Onderdeel) -> bool:
        return onderdeel in self.onderdelen

    def vier_ogen(self, stap: Vierogenstap) -> bool:
        """Whether this step needs a second person (declared, not assumed)."""
        return stap in self.vierogen

    @property
    def alle_doelen(self) -> tuple[str, ...]:
        return (self.doel, *(d for d in self.doelen if d != self.doel))


class Soort(_Strikt):
    label: str
    groepen: tuple[str, ...] = ()
    samenwerkingsverband: bool = False
    deelnemer_soorten: tuple[str, ...] = ()
    werkwijze: Werkwijze | None = None
    # A closed sub-partnership (the FEC's Serious Crime Taskforce) names its parent kind.
    onderdeel_van: str | None = None


class Organisatie(_Strikt):
    id: str = Field(pattern=r"^[a-z0-9][a-z0-9\-]*$")
    naam: str
    soort: str
    regio: str | None = None
    deelnemers: tuple[str, ...] = ()
    aangewezen_voor: tuple[str, ...] = ()
    onderdeel_van: str | None = None


class Aanwijzing(_Strikt):
    """A participant designated by decree (BGS or a later decision), valid for a period: the
    register keeps every version, so a decision on a past date uses the designation of then."""

    verband: str
    deelnemers: tuple[str, ...] = Field(min_length=1)
    geldig_van: dt.date
    geldig_tot: dt.date | None = None
    bron: str
    toelichting: str = ""

    def geldig_op(self, datum: dt.date) -> bool:
        return self.geldig_van <= datum and (self.geldig_tot is None or datum <= self.geldig_tot)


class Convenant(_Strikt):
    """One version of a covenant (a mainport's public-private agreement): its parties, what
    they may share for which purposes, its validity and where it was published. A covenant is
    no legal basis of its own; it records how the parties use theirs, and the rule engine only
    lets a provision through a covenant that is published and in force (MAINPORT-CONVENANT)."""

    id: str = Field(pattern=r"^[a-z0-9][a-z0-9\-]*$")
    versie: int = Field(ge=1)
    titel: str
    mainport: Mainport
    partijen: tuple[str, ...] = Field(min_length=2)
    # Who may receive under it; empty: every party.
    ontvangers: tuple[str, ...] = ()
    categorieen: tuple[str, ...] = Field(min_length=1)
    doelen: tuple[str, ...] = Field(min_length=1)
    geldig_van: dt.date
    geldig_tot: dt.date | None = None
    publicatie: str | None = None
    toelichting: str = ""

    def geldig_op(self, datum: dt.date) -> bool:
        return self.geldig_van <= datum and (self.geldig_tot is None or datum <= self.geldig_tot)

    def dekt(self, van: str, aan: str, categorie: str, doel: str) -> bool:
        return (
            van in self.partijen
            and aan in (self.ontvangers or self.partijen)
            and categorie in self.categorieen
            and doel in self.doelen
        )


_GEEN = object()
_ANTWOORDEN = 65_536


class Partnerregister(_Strikt):
    versie: str
    soorten: dict[str, Soort]
    organisaties: tuple[Organisatie, ...]
    aanwijzingen: tuple[Aanwijzing, ...] = ()
    convenanten: tuple[Convenant, ...] = ()
    # Looked up twice per decision: by id, not by a walk through the list.
    _per_id: dict[str, Organisatie] = PrivateAttr(default_factory=dict)
    _groepen: dict[str, frozenset[str]] = PrivateAttr(default_factory=dict)
    # Answers to the two questions conditions ask per decision, remembered: the register does
    # not change once loaded (a new version is a new register). Bounded, for junk input.
    _antwoorden: dict[tuple[object, ...], object] = PrivateAttr(default_factory=dict)

    def model_post_init(self, context: Any, /) -> None:
        self._per_id = {o.id: o for o in self.organisaties}
        self._groepen = {
            naam: frozenset({naam, *soort.groepen, "*"}) for naam, soort in self.soorten.items()
        }

    @model_validator(mode="after")
    def _samenhang(self) -> Partnerregister:
        ids = {o.id for o in self.organisaties}
        if len(ids) != len(self.organisaties):
            raise ValueError("dubbele organisatie-id's in het partnerregister")
        for org in self.organisaties:
            if org.soort not in self.soorten:
                raise ValueError(f"organisatie {org.id}: onbekende soort {org.soort!r}")
            onbekend = set(org.deelnemers) - ids
            if onbekend:
                raise ValueError(f"organisatie {org.id}: onbekende deelnemers {sorted(onbekend)}")
            if org.deelnemers and not self.soorten[org.soort].samenwerkingsverband:
                raise ValueError(f"organisatie {org.id} heeft deelnemers maar is geen verband")
            if org.onderdeel_van is not None and org.onderdeel_van not in ids:
                raise ValueError(f"organisatie {org.id}: onbekend verband {org.onderdeel_van!r}")
        for naam, soort in self.soorten.items():
            if soort.werkwijze is not None and not soort.samenwerkingsverband:
                raise ValueError(f"soort {naam} heeft een werkwijze maar is geen verband")
        for a in self.aanwijzingen:
            onbekend = {a.verband, *a.deelnemers} - ids
            if onbekend:
                raise ValueError(f"aanwijzing {a.bron}: onbekende organisaties {sorted(onbekend)}")
            if a.geldig_tot is not None and a.geldig_tot < a.geldig_van:
                raise ValueError(f"aanwijzing {a.bron}: geldig_tot ligt voor geldig_van")
        versies = [(c.id, c.versie) for c in self.convenanten]
        if len(set(versies)) != len(versies):
            raise ValueError("een convenantversie staat dubbel in het partnerregister")
        for c in self.convenanten:
            onbekend = set(c.partijen) - ids
            if onbekend:
                raise ValueError(f"convenant {c.id}: onbekende partijen {sorted(onbekend)}")
            if not set(c.ontvangers) <= set(c.partijen):
                raise ValueError(f"convenant {c.id}: een ontvanger is geen partij")
            if c.geldig_tot is not None and c.geldig_tot < c.geldig_van:
                raise ValueError(f"convenant {c.id}: geldig_tot ligt voor geldig_van")
        return self

    def _privé(self) -> dict[str, Any]:
        # The slot pydantic keeps private attributes in: `self._per_id` goes through
        # BaseModel.__getattr__, a cost per decision as large as the lookups it serves.
        privé = self.__pydantic_private__
        assert privé is not None
        return privé

    def _onthouden(self, vraag: tuple[object, ...], antwoord: Callable[[], object]) -> object:
        antwoorden: dict[tuple[object, ...], object] = self._privé()["_antwoorden"]
        if (gevonden := antwoorden.get(vraag, _GEEN)) is not _GEEN:
            return gevonden
        if len(antwoorden) >= _ANTWOORDEN:
            antwoorden.clear()
        uit = antwoorden[vraag] = antwoord()
        return uit

    def convenant_voor(
        self, van: str, aan: str, categorie: str, doel: str, datum: dt.date
    ) -> Convenant | None:
        """The covenant version in force on `datum` that covers this provision, a published
        one first (so the explanation names the best there is)."""
        uit = self._onthouden(
            ("convenant", van, aan, categorie, doel, datum),
            lambda: self._zoek_convenant(van, aan, categorie, doel, datum),
        )
        return uit if isinstance(uit, Convenant) else None

    def _zoek_convenant(
        self, van: str, aan: str, categorie: str, doel: str, datum: dt.date
    ) -> Convenant | None:
        passend = [
            c for c in self.convenanten if c.geldig_op(datum) and c.dekt(van, aan, categorie, doel)
        ]
        passend.sort(key=lambda c: (c.publicatie is None, -c.versie))
        return passend[0] if passend else None

    def convenanten_van(self, org_id: str, datum: dt.date) -> list[Convenant]:
        """The covenant versions in force on `datum` this organisation is a party to."""
        return [c for c in self.convenanten if c.geldig_op(datum) and org_id in c.partijen]

    def werkwijze(self, org_id: str) -> Werkwijze | None:
        """How the partnership with this id works; None for an organisation that is none."""
        try:
            org = self.organisatie(org_id)
        except KeyError:
            return None
        return self.soorten[org.soort].werkwijze

    def verbanden(self, onderdeel: Onderdeel | None = None) -> list[Organisatie]:
        """The partnerships that do this part of the work (all with a werkwijze when None)."""
        uit = []
        for org in self.organisaties:
            w = self.soorten[org.soort].werkwijze
            if w is not None and (onderdeel is None or w.heeft(onderdeel)):
                uit.append(org)
        return uit

    def deelnemers_op(self, verband_id: str, datum: dt.date) -> frozenset[str]:
        """Who takes part on a date: the register's list plus the designations valid then.
        KeyError for an id that is no organisation."""
        uit = self._onthouden(
            ("deelnemers", verband_id, datum), lambda: self._zoek_deelnemers(verband_id, datum)
        )
        if not isinstance(uit, frozenset):  # no organisation with this id
            raise KeyError(verband_id)
        return uit

    def _zoek_deelnemers(self, verband_id: str, datum: dt.date) -> frozenset[str] | None:
        org = self._privé()["_per_id"].get(verband_id)
        if org is None:
            return None
        aangewezen = {
            d
            for a in self.aanwijzingen
            if a.verband == verband_id and a.geldig_op(datum)
            for d in a.deelnemers
        }
        return frozenset(org.deelnemers) | aangewezen

    def als_deelnemer(self, org_id: str, datum: dt.date) -> frozenset[Onderdeel]:
        """The parts of partnership work this organisation takes part in on a date (a
        participant answers FEC rounds, asks iCOV, reads indicators)."""
        uit: set[Onderdeel] = set()
        for v in self.verbanden():
            w = self.soorten[v.soort].werkwijze
            if w is not None and org_id in self.deelnemers_op(v.id, datum):
                uit |= set(w.onderdelen)
        return frozenset(uit)

    def aanwijzingen_van(self, verband_id: str) -> list[Aanwijzing]:
        return sorted(
            (a for a in self.aanwijzingen if a.verband == verband_id),
            key=lambda a: a.geldig_van,
        )

    def organisatie(self, org_id: str) -> Organisatie:
        per_id: dict[str, Organisatie] = self._privé()["_per_id"]
        return per_id[org_id]

    def zoek(self, naam_of_soort: str) -> Organisatie:
        """An organisation by id, or a generic member of a kind (for 'may a gemeente ...?')."""
        per_id: dict[str, Organisatie] = self._privé()["_per_id"]
        if (org := per_id.get(naam_of_soort)) is not None:
            return org
        if naam_of_soort in self.soorten:
            soort = self.soorten[naam_of_soort]
            return Organisatie(
                id=naam_of_soort, naam=f"een {soort.label.lower()}", soort=naam_of_soort
            )
        raise KeyError(naam_of_soort)

    def naam(self, naam_of_soort: str) -> str:
        """The name a person reads for an organisation or a kind; an unknown id as given."""
        try:
            return self.zoek(naam_of_soort).naam
        except KeyError:
            return naam_of_soort

    def groepen(self, org: Organisatie) -> frozenset[str]:
        groepen: dict[str, frozenset[str]] = self._privé()["_groepen"]
        return groepen[org.soort]

    def groepen_van_soort(self, soort: str) -> frozenset[str]:
        return self._groepen[soort]


class CasusContext(_Strikt):
    """What a rule may know of the case a request is made in."""

    id: str
    verband_id: str
    open: bool = True
    aanwijzingen_vastgelegd: bool = False
    leden: frozenset[str] = frozenset()


class Verzoek(_Strikt):
    van: str
    aan: str
    categorie: str
    doel: str
    datum: dt.date = Field(default_factory=dt.date.today)
    casus: CasusContext | None = None
    actor: str | None = None
    bron: str | None = None
    gegevens_casus: str | None = None
    feiten: frozenset[str] = frozenset()

    @field_validator("categorie", "doel", "van", "aan")
    @classmethod
    def _niet_leeg(cls, value: str) -> str:
        if not value.strip():
            raise ValueError("mag niet leeg zijn")
        return value.strip()


class Voorwaardetoets(_Strikt):
    naam: str
    label: str
    voldaan: bool
    toelichting: str


class Overweging(_Strikt):
    regel_id: str
    reden: str


class Besluit(_Strikt):
    besluit_id: str
    toegestaan: bool
    verzoek: Verzoek
    regel_id: str | None
    grondslag: Grondslag | None
    voldaan: tuple[Voorwaardetoets, ...] = ()
    niet_voldaan: tuple[Voorwaardetoets, ...] = ()
    verplichtingen: Verplichtingen | None = None
    overwogen: tuple[Overweging, ...] = ()
    catalogus_versie: str
    register_versie: str
