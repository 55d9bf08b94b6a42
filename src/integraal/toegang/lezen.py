# SPDX-License-Identifier: EUPL-1.2
"""Policy-enforced reads of partner statements.

Statements sharing holder, source, category and case form a group; the rule engine decides per
group whether the reader's organisation may process it for the stated purpose. Only allowed
groups are queried (so a search cannot match on what the reader may not see), and each entity
returned writes one log line per decision in the same transaction as the read.
"""

from __future__ import annotations

import contextlib
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import ClassVar

from followthemoney import model
from pydantic import Field

from integraal.delen import Besluit
from integraal.domein.fouten import NietGevonden
from integraal.domein.identificatie import VALIDATORS, OngeldigeWaarde
from integraal.domein.invoer import Invoer, OptioneleTekst, Uitvoer, veld
from integraal.domein.labels import schema_label
from integraal.domein.pseudoniem import is_pseudoniem, pseudoniem
from integraal.opslag import statements
from integraal.opslag.statements import Gelezen, Groep
from integraal.toegang import afscherming
from integraal.toegang.context import casus_context
from integraal.toegang.deur import Betrokkene, Lezing, laat_door
from integraal.verwerking import Context

MAX_LIMIET = 200


@dataclass(frozen=True)
class Leesvraag:
    doel: str
    casus_id: str | None = None
    # Facts the workflow recorded for this read (an iCOV report request that the rules allow);
    # never typed by a reader.
    feiten: frozenset[str] = frozenset()


@dataclass(frozen=True)
class Weggelaten:
    categorie: str
    houder: str
    regel_id: str | None
    reden: str


@dataclass(frozen=True)
class Herkomst:
    eigenschap: str
    waarde: str
    bron: str
    houder: str
    categorie: str
    grondslag: str
    levering: str
    eerst_gezien: str
    laatst_gezien: str


@dataclass
class Entiteitbeeld:
    id: str
    schema: str
    eigenschappen: dict[str, list[str]]
    herkomst: list[Herkomst] = field(default_factory=list)
    weggelaten: list[Weggelaten] = field(default_factory=list)

    @property
    def naam(self) -> str:
        """What a person calls it: its name, a full address, or its kind (never its id)."""
        for prop in ("name", "full", "iban", "registrationNumber", "number"):
            if self.eigenschappen.get(prop):
                return self.eigenschappen[prop][0]
        return f"{schema_label(self.schema)} zonder naam"


class HerkomstUit(Uitvoer):
    eigenschap: str
    waarde: str
    bron: str
    houder: str
    categorie: str
    grondslag: str
    levering: str
    eerst_gezien: str
    laatst_gezien: str


class WeggelatenUit(Uitvoer):
    categorie: str
    houder: str
    regel_id: str | None
    reden: str


class EntiteitUit(Uitvoer):
    """An entity as far as the reader may see it, each value with where it came from."""

    id: str
    schema_: str = Field(alias="schema")
    naam: str
    eigenschappen: dict[str, list[str]]
    herkomst: list[HerkomstUit]
    weggelaten: list[WeggelatenUit]

    @classmethod
    def van(cls, b: Entiteitbeeld) -> EntiteitUit:
        return cls(
            id=b.id,
            schema_=b.schema,
            naam=b.naam,
            eigenschappen=b.eigenschappen,
            herkomst=[HerkomstUit(**vars(h)) for h in b.herkomst],
            weggelaten=[WeggelatenUit(**vars(w)) for w in b.weggelaten],
        )


# What an entity says about where someone lives or is reached.
ADRESEIGENSCHAPPEN = frozenset({"address", "addressEntity", "country", "email", "phone"})


@dataclass
class Beslissingen:
    toegestaan: dict[Groep, Besluit]
    geweigerd: dict[Groep, Besluit]


def beslis_groepen(ctx: Context, vraag: Leesvraag, groepen: Sequence[Groep]) -> Beslissingen:
    """One rule decision per statement group, split into allowed and refused (shared by every
    reader in this package, so none of them can read a group without a decision)."""
    context = casus_context(ctx, vraag.casus_id)
    uit = Beslissingen({}, {})
    for g in groepen:
        besluit = ctx.beslis(
            van=g.houder_id,
            categorie=g.categorie,
            doel=vraag.doel,
            casus=context,
            bron=g.bron_id,
            gegevens_casus=g.casus_id,
            feiten=vraag.feiten,
            uitleg=False,
        )
        (uit.toegestaan if besluit.toegestaan else uit.geweigerd)[g] = besluit
    return uit


def _reden(besluit: Besluit) -> str:
    if besluit.niet_voldaan:
        return "niet vervuld: " + "; ".join(t.label for t in besluit.niet_voldaan)
    if besluit.regel_id:
        return f"verboden door regel {besluit.regel_id}"
    return "geen regel staat dit toe (standaard weigeren)"


def _groep(s: Gelezen) -> Groep:
    return Groep(s.houder_id, s.bron_id, s.categorie, s.casus_id)


def bouw_beelden(stmts: Sequence[Gelezen], beslissingen: Beslissingen) -> dict[str, Entiteitbeeld]:
    """Entities as the reader sees them, each value with its provenance."""
    beelden: dict[str, Entiteitbeeld] = {}
    for s in stmts:
        beeld = beelden.get(s.entity_id)
        if beeld is None:
            beeld = beelden[s.entity_id] = Entiteitbeeld(s.entity_id, s.schema, {})
        elif s.schema != beeld.schema:
            # Two partners may type one entity differently; FtM picks the common descendant.
            with contextlib.suppress(Exception):
                beeld.schema = model.common_schema(beeld.schema, s.schema).name
        beeld.eigenschappen.setdefault(s.prop, []).append(s.value)
        beeld.herkomst.append(
            Herkomst(
                s.prop,
                s.value,
                s.bron_id,
                s.houder_id,
                s.categorie,
                s.grondslag,
                s.levering_id,
                s.first_seen.isoformat(),
                s.last_seen.isoformat(),
            )
        )
    return beelden


def log_lezing(
    ctx: Context,
    vraag: Leesvraag,
    beelden: dict[str, Entiteitbeeld],
    stmts: Sequence[Gelezen],
    beslissingen: Beslissingen,
    naam: str,
    *,
    los: bool = False,
) -> dict[str, str]:
    """One log line per entity and allowed group read, through the door; the subject id the
    log knows each entity by (its BSN pseudonym, or else its id)."""
    # One data subject id per entity, whichever category a line is about, so an access report
    # by BSN finds every processing of that person.
    paren = list(dict.fromkeys((s.entity_id, _groep(s)) for s in stmts))
    pseudoniemen = statements.pseudoniemen_van(ctx.sessie, list(beelden))

    def lezing(paar: tuple[str, Groep]) -> Lezing:
        eid, g = paar
        pseudo = pseudoniemen.get(eid)
        return Lezing(
            besluit=beslissingen.toegestaan[g],
            verstrekker=g.houder_id,
            categorie=g.categorie,
            doel=vraag.doel,
            casus_id=vraag.casus_id,
            betrokkenen=(
                Betrokkene(pseudo, "BSN-pseudoniem")
                if pseudo
                else Betrokkene(eid, f"entiteit:{beelden[eid].schema}"),
            ),
        )

    laat_door(ctx, paren, lezing, naam=naam, audit=False, los=los)
    return {eid: pseudoniemen.get(eid) or eid for eid in beelden}


def zonder_adres_als_afgeschermd(
    ctx: Context, beelden: dict[str, Entiteitbeeld], betrokkenen: dict[str, str]
) -> set[str]:
    """A shielded person's address never shows in a list or an export (issue 20); the ids
    of the entities that are shielded persons."""
    schermen = afscherming.afgeschermd(ctx, betrokkenen.values())
    verborgen = {eid for eid, b in betrokkenen.items() if b in schermen}
    for eid in verborgen & set(beelden):
        b = beelden[eid]
        b.eigenschappen = {k: v for k, v in b.eigenschappen.items() if k not in ADRESEIGENSCHAPPEN}
        b.herkomst = [h for h in b.herkomst if h.eigenschap not in ADRESEIGENSCHAPPEN]
    return verborgen


def lees_entiteit(ctx: Context, vraag: Leesvraag, entity_id: str) -> Entiteitbeeld | None:
    """The entity as far as the reader may see it, or None when nothing may be seen.
    Opened on its own, a shielded person's entity asks for a reason (`lees_entiteiten` reads
    rows of a list instead)."""
    groepen = statements.groepen_van_entiteit(ctx.sessie, entity_id)
    beslissingen = beslis_groepen(ctx, vraag, groepen)
    stmts = statements.statements_van(ctx.sessie, [entity_id], list(beslissingen.toegestaan))
    details = {"doel": vraag.doel, "casus": vraag.casus_id, "entiteit": entity_id}
    if not stmts:
        ctx.audit("entiteit lezen", "geweigerd", **details)
        return None
    beelden = bouw_beelden(stmts, beslissingen)
    log_lezing(ctx, vraag, beelden, stmts, beslissingen, "entiteit lezen", los=True)
    ctx.audit("entiteit lezen", "toegestaan", **details)
    beeld = beelden[entity_id]
    beeld.weggelaten = [
        Weggelaten(g.categorie, g.houder_id, b.regel_id, _reden(b))
        for g, b in beslissingen.geweigerd.items()
    ]
    return beeld


def lees_entiteiten(
    ctx: Context, vraag: Leesvraag, entity_ids: Sequence[str]
) -> dict[str, Entiteitbeeld | None]:
    """Several entities as rows of one list (a case's subjects, its export): each as far as
    the reader may see it, a shielded person without address and without asking a reason,
    read in a few queries instead of a few per entity. One rule decision per group the
    entities share; one log line per entity and allowed group, in the order of `entity_ids`;
    one audit record per entity."""
    ids = list(dict.fromkeys(entity_ids))
    per_entiteit = statements.groepen_van_entiteiten(ctx.sessie, ids)
    beslissingen = beslis_groepen(
        ctx, vraag, list(dict.fromkeys(g for gs in per_entiteit.values() for g in gs))
    )
    plaats = {eid: i for i, eid in enumerate(ids)}
    stmts = sorted(
        statements.statements_van(ctx.sessie, sorted(ids), list(beslissingen.toegestaan)),
        key=lambda s: plaats[s.entity_id],
    )
    beelden = bouw_beelden(stmts, beslissingen)
    if beelden:
        betrokkenen = log_lezing(ctx, vraag, beelden, stmts, beslissingen, "entiteit lezen")
        zonder_adres_als_afgeschermd(ctx, beelden, betrokkenen)
    uit: dict[str, Entiteitbeeld | None] = {}
    for eid in ids:
        beeld = beelden.get(eid)
        details = {"doel": vraag.doel, "casus": vraag.casus_id, "entiteit": eid}
        ctx.audit("entiteit lezen", "toegestaan" if beeld else "geweigerd", **details)
        if beeld is not None:
            beeld.weggelaten = [
                Weggelaten(g.categorie, g.houder_id, b.regel_id, _reden(b))
                for g in per_entiteit.get(eid, [])
                if (b := beslissingen.geweigerd.get(g)) is not None
            ]
        uit[eid] = beeld
    return uit


def _exacte_waarden(term: str, sleutel: bytes) -> list[str]:
    if is_pseudoniem(term):  # a signal's BSN, kept as its pseudonym
        return [term]
    waarden = []
    for soort, valideer in VALIDATORS.items():
        try:
            schoon = valideer(term)
        except OngeldigeWaarde:
            continue
        waarden.append(pseudoniem(sleutel, soort, schoon) if soort == "bsn" else schoon)
    return waarden


def zoek_entiteiten(
    ctx: Context,
    vraag: Leesvraag,
    *,
    term: str | None = None,
    schema: str | None = None,
    limiet: int = 50,
    na: str | None = None,
) -> list[Entiteitbeeld]:
    beslissingen = beslis_groepen(ctx, vraag, statements.groepen(ctx.sessie))
    toegestaan = list(beslissingen.toegestaan)
    ids = statements.zoek_entiteiten(
        ctx.sessie,
        toegestaan,
        term=term,
        exacte_waarden=_exacte_waarden(term, ctx.pseudoniem_sleutel) if term else (),
        schema=schema,
        limiet=max(1, min(limiet, MAX_LIMIET)),
        na=na,
    )
    stmts = statements.statements_van(ctx.sessie, ids, toegestaan)
    beelden = bouw_beelden(stmts, beslissingen)
    if beelden:
        betrokkenen = log_lezing(ctx, vraag, beelden, stmts, beslissingen, "entiteiten zoeken")
        zonder_adres_als_afgeschermd(ctx, beelden, betrokkenen)
    ctx.audit(
        "entiteiten zoeken",
        "toegestaan" if beelden else "leeg",
        doel=vraag.doel,
        casus=vraag.casus_id,
        aantal=len(beelden),
    )
    return [beelden[i] for i in ids if i in beelden]


# --- The door as a service: the same inputs for the API, the web and the CLI -------------------


class Leesdoel(Invoer):
    doel: str = veld("Doel", hint="Waarvoor u leest; de deelregels toetsen het.", max_length=60)
    casus_id: OptioneleTekst = veld("Casus", standaard=None, max_length=40)

    meldingen: ClassVar[dict[str, str]] = {"doel": "Kies het doel waarvoor u leest."}

    @property
    def vraag(self) -> Leesvraag:
        return Leesvraag(self.doel, self.casus_id)


class Zoekvraag(Leesdoel):
    zoekterm: OptioneleTekst = veld(
        "Zoekterm",
        hint="Een naam, BSN, KvK-nummer, IBAN, kenteken of postcode.",
        standaard=None,
        max_length=200,
    )
    schema_: OptioneleTekst = veld("Soort", standaard=None, alias="schema", max_length=60)
    limiet: int = veld("Aantal", standaard=50, ge=1, le=MAX_LIMIET)
    na: OptioneleTekst = veld("Na", standaard=None, max_length=128)


class Zoekresultaat(Uitvoer):
    resultaten: list[EntiteitUit]
    volgende: str | None


def entiteit(ctx: Context, entiteit_id: str, vraag: Leesdoel) -> EntiteitUit:
    """One entity as far as a rule allows the reader to see it."""
    beeld = lees_entiteit(ctx, vraag.vraag, entiteit_id)
    if beeld is None:
        raise NietGevonden("deze entiteit bestaat niet of geen deelregel staat u toe haar te lezen")
    return EntiteitUit.van(beeld)


def zoek(ctx: Context, vraag: Zoekvraag) -> Zoekresultaat:
    beelden = zoek_entiteiten(
        ctx,
        vraag.vraag,
        term=vraag.zoekterm,
        schema=vraag.schema_,
        limiet=vraag.limiet,
        na=vraag.na,
    )
    volgende = beelden[-1].id if len(beelden) == vraag.limiet else None
    return Zoekresultaat(resultaten=[EntiteitUit.van(b) for b in beelden], volgende=volgende)
