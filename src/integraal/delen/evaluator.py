# SPDX-License-Identifier: EUPL-1.2
"""The decision procedure: default deny, deny wins, every outcome explained."""

from __future__ import annotations

import itertools
import os
import secrets
from dataclasses import dataclass, field

from integraal.delen.model import (
    Besluit,
    Catalogus,
    Effect,
    Organisatie,
    Overweging,
    Partnerregister,
    Regel,
    Verzoek,
    Voorwaardetoets,
)
from integraal.delen.voorwaarden import VOORWAARDEN, Predicaat, Toets


class OnbekendeVoorwaarde(ValueError):
    pass


class _Besluitnummers:
    """Unique decision ids without a random draw per decision: a random prefix per process
    (drawn again after a fork) and a counter. A uuid4 per decision cost a tenth of the time
    of a decision without explanation."""

    def __init__(self) -> None:
        self._pid = -1
        self._voorvoegsel = ""
        self._teller = itertools.count()

    def volgend(self) -> str:
        if self._pid != os.getpid():
            self._pid, self._voorvoegsel = os.getpid(), secrets.token_hex(8)
            self._teller = itertools.count()
        return f"{self._voorvoegsel}-{next(self._teller):08x}"


_NUMMERS = _Besluitnummers()

# Outcomes of a condition are few (a name, yes or no, and an explanation naming the parties):
# each is made once and shared, frozen, by the decisions that cite it. Bounded for junk input.
_UITKOMSTEN: dict[tuple[str, bool, str], Voorwaardetoets] = {}
_MAX_UITKOMSTEN = 65_536


def _voorwaardetoets(naam: str, ok: bool, toelichting: str) -> Voorwaardetoets:
    sleutel = (naam, ok, toelichting)
    if (gevonden := _UITKOMSTEN.get(sleutel)) is not None:
        return gevonden
    if len(_UITKOMSTEN) >= _MAX_UITKOMSTEN:
        _UITKOMSTEN.clear()
    uit = _UITKOMSTEN[sleutel] = Voorwaardetoets(
        naam=naam, label=VOORWAARDEN[naam].label, voldaan=ok, toelichting=toelichting
    )
    return uit


@dataclass(frozen=True)
class Beslisser:
    """Evaluates requests against one catalogue and one partner register."""

    catalogus: Catalogus
    register: Partnerregister
    _per_categorie: dict[str, tuple[Regel, ...]] = field(init=False, repr=False)
    # The rules that fit a (provider kind, recipient kind, category, purpose), in catalogue
    # order: filled as requests come, for the catalogue's own categories and purposes only.
    _passend: dict[tuple[str, str, str, str], tuple[Regel, ...]] = field(
        init=False, repr=False, default_factory=dict
    )
    # The register's organisations and each kind's groups as plain dictionaries: a pydantic
    # model's private attributes are read through its __getattr__, a cost per decision.
    _organisaties: dict[str, Organisatie] = field(init=False, repr=False, default_factory=dict)
    _groepen: dict[str, frozenset[str]] = field(init=False, repr=False, default_factory=dict)
    # Per rule, its conditions' predicates, and those that decide whether it applies at all.
    _voorwaarden: dict[str, tuple[tuple[str, Predicaat], ...]] = field(
        init=False, repr=False, default_factory=dict
    )
    _toepasselijk: dict[str, tuple[Predicaat, ...]] = field(
        init=False, repr=False, default_factory=dict
    )

    def __post_init__(self) -> None:
        for regel in self.catalogus.regels:
            for naam in regel.voorwaarden:
                if naam not in VOORWAARDEN:
                    raise OnbekendeVoorwaarde(f"regel {regel.id}: onbekende voorwaarde {naam!r}")
        index: dict[str, list[Regel]] = {}
        for regel in self.catalogus.regels:
            for cat in regel.categorieen:
                index.setdefault(cat, []).append(regel)
        frozen = {k: tuple(v) for k, v in index.items()}
        object.__setattr__(self, "_per_categorie", frozen)
        self._organisaties.update({o.id: o for o in self.register.organisaties})
        self._voorwaarden.update(
            {
                r.id: tuple((n, VOORWAARDEN[n].predicaat) for n in r.voorwaarden)
                for r in self.catalogus.regels
            }
        )
        self._toepasselijk.update(
            {
                r.id: tuple(
                    VOORWAARDEN[n].predicaat
                    for n in r.voorwaarden
                    if VOORWAARDEN[n].toepasselijkheid
                )
                for r in self.catalogus.regels
            }
        )
        self._groepen.update(
            {naam: self.register.groepen_van_soort(naam) for naam in self.register.soorten}
        )

    def _kandidaten(self, categorie: str) -> tuple[Regel, ...]:
        return self._per_categorie.get(categorie, ()) + self._per_categorie.get("*", ())

    def beslis(self, verzoek: Verzoek, *, uitleg: bool = True) -> Besluit:
        try:
            van = self._organisaties.get(verzoek.van) or self.register.zoek(verzoek.van)
            aan = self._organisaties.get(verzoek.aan) or self.register.zoek(verzoek.aan)
        except KeyError as exc:
            return self._besluit(
                verzoek,
                toegestaan=False,
                overwogen=[
                    Overweging(regel_id="-", reden=f"onbekende organisatie {exc.args[0]!r}")
                ],
            )
        van_groepen = self._groepen[van.soort]
        aan_groepen = self._groepen[aan.soort]
        context: Toets | None = None  # made for the first rule whose conditions are tested

        overwogen: list[Overweging] = []
        beste: tuple[Regel, list[Voorwaardetoets], list[Voorwaardetoets]] | None = None
        afgewezen: tuple[Regel, list[Voorwaardetoets], list[Voorwaardetoets]] | None = None
        # An allowing rule that fits but is not yet in force: the refusal names it and its date.
        nog_niet: Regel | None = None
        if uitleg:
            for regel in self.catalogus.regels:
                if verzoek.categorie not in regel.categorieen and "*" not in regel.categorieen:
                    overwogen.append(
                        Overweging(
                            regel_id=regel.id,
                            reden=f"categorie '{verzoek.categorie}' valt niet onder deze regel",
                        )
                    )
        kandidaten = (
            self._kandidaten(verzoek.categorie)
            if uitleg
            else self._passende(verzoek, van.soort, aan.soort, van_groepen, aan_groepen)
        )
        for regel in kandidaten:
            reden = (
                self._past_niet(regel, verzoek, van_groepen, aan_groepen, van.soort, aan.soort)
                if uitleg
                else None
            )
            if reden is None and not regel.geldig_op(verzoek.datum):
                reden = f"niet geldig op {verzoek.datum.isoformat()}"
                if (
                    nog_niet is None
                    and regel.effect is Effect.TOESTAAN
                    and regel.geldig_van
                    and verzoek.datum < regel.geldig_van
                ):
                    nog_niet = regel
            if reden:
                if uitleg:
                    overwogen.append(Overweging(regel_id=regel.id, reden=reden))
                continue
            if context is None:
                context = Toets(verzoek=verzoek, van=van, aan=aan, register=self.register)
            niet_van_toepassing = self._niet_van_toepassing(regel, context)
            if niet_van_toepassing:
                if uitleg:
                    overwogen.append(Overweging(regel_id=regel.id, reden=niet_van_toepassing))
                continue
            voldaan, niet = self._toets_voorwaarden(regel, context, volledig=uitleg)
            if regel.effect is Effect.WEIGEREN or not regel.in_werking:
                # Deny wins: a matching prohibition ends the evaluation.
                waarom = (
                    "deze regel verbiedt de verstrekking"
                    if regel.effect is Effect.WEIGEREN
                    else "de wet die dit zou toestaan is nog niet in werking"
                )
                return self._besluit(
                    verzoek,
                    toegestaan=False,
                    regel=regel,
                    overwogen=[
                        *overwogen,
                        Overweging(regel_id=regel.id, reden=waarom),
                    ],
                )
            if not niet:
                if beste is None:
                    beste = (regel, voldaan, niet)
                elif uitleg:
                    overwogen.append(
                        Overweging(
                            regel_id=regel.id,
                            reden=f"staat ook toe, maar {beste[0].id} staat eerder in de catalogus",
                        )
                    )
            else:
                if afgewezen is None:
                    afgewezen = (regel, voldaan, niet)
                if uitleg:
                    labels = "; ".join(t.label for t in niet)
                    overwogen.append(
                        Overweging(regel_id=regel.id, reden=f"voorwaarden niet vervuld: {labels}")
                    )
        if beste is not None:
            regel, voldaan, niet = beste
            return self._besluit(
                verzoek, toegestaan=True, regel=regel, voldaan=voldaan, overwogen=overwogen
            )
        if afgewezen is not None:
            # The closest rule tells the requester what is still missing.
            regel, voldaan, niet = afgewezen
            return self._besluit(
                verzoek,
                toegestaan=False,
                regel=regel,
                voldaan=voldaan,
                niet_voldaan=niet,
                overwogen=overwogen,
            )
        if nog_niet is not None:
            return self._besluit(verzoek, toegestaan=False, regel=nog_niet, overwogen=overwogen)
        return self._besluit(verzoek, toegestaan=False, overwogen=overwogen)

    def _passende(
        self,
        verzoek: Verzoek,
        van_soort: str,
        aan_soort: str,
        van: frozenset[str],
        aan: frozenset[str],
    ) -> tuple[Regel, ...]:
        """The candidates without a reason to pass them by (the path without explanation)."""
        sleutel = (van_soort, aan_soort, verzoek.categorie, verzoek.doel)
        if (gevonden := self._passend.get(sleutel)) is not None:
            return gevonden
        passend = tuple(
            r
            for r in self._kandidaten(verzoek.categorie)
            if self._past_niet(r, verzoek, van, aan, van_soort, aan_soort) is None
        )
        if verzoek.categorie in self.catalogus.categorieen and (
            verzoek.doel in self.catalogus.doelen
        ):
            self._passend[sleutel] = passend  # a bounded set of keys; any other is not kept
        return passend

    @staticmethod
    def _past_niet(
        regel: Regel,
        verzoek: Verzoek,
        van: frozenset[str],
        aan: frozenset[str],
        van_soort: str,
        aan_soort: str,
    ) -> str | None:
        if not van.intersection(regel.van):
            return f"geldt niet voor verstrekkers van soort '{van_soort}'"
        if not aan.intersection(regel.aan):
            return f"geldt niet voor ontvangers van soort '{aan_soort}'"
        if "*" not in regel.doelen and verzoek.doel not in regel.doelen:
            return f"doel '{verzoek.doel}' valt niet onder deze regel"
        return None

    def _niet_van_toepassing(self, regel: Regel, context: Toets) -> str | None:
        for predicaat in self._toepasselijk[regel.id]:
            ok, toelichting = predicaat(context)
            if not ok:
                return f"niet van toepassing: {toelichting}"
        return None

    def _toets_voorwaarden(
        self, regel: Regel, context: Toets, *, volledig: bool
    ) -> tuple[list[Voorwaardetoets], list[Voorwaardetoets]]:
        voldaan: list[Voorwaardetoets] = []
        niet: list[Voorwaardetoets] = []
        for naam, predicaat in self._voorwaarden[regel.id]:
            ok, toelichting = predicaat(context)
            uitkomst = _voorwaardetoets(naam, ok, toelichting)
            (voldaan if ok else niet).append(uitkomst)
            if not ok and not volledig:
                break
        return voldaan, niet

    def _besluit(
        self,
        verzoek: Verzoek,
        *,
        toegestaan: bool,
        regel: Regel | None = None,
        voldaan: list[Voorwaardetoets] | None = None,
        niet_voldaan: list[Voorwaardetoets] | None = None,
        overwogen: list[Overweging] | None = None,
    ) -> Besluit:
        # Validated as usual: pydantic-core does not validate the nested models again (they are
        # instances already), and measured it is faster than `model_construct`.
        return Besluit(
            besluit_id=_NUMMERS.volgend(),
            toegestaan=toegestaan,
            verzoek=verzoek,
            regel_id=regel.id if regel else None,
            grondslag=regel.grondslag if regel else None,
            voldaan=tuple(voldaan or ()),
            niet_voldaan=tuple(niet_voldaan or ()),
            verplichtingen=regel.verplichtingen if regel and toegestaan else None,
            overwogen=tuple(overwogen or ()),
            catalogus_versie=self.catalogus.versie,
            register_versie=self.register.versie,
        )
