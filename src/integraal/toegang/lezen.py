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

from followthemoney import model

from integraal import logboek
from integraal.delen import Beslisser, Besluit, Verzoek
from integraal.domein.actor import Actor
from integraal.domein.identificatie import VALIDATORS, OngeldigeWaarde
from integraal.domein.pseudoniem import pseudoniem
from integraal.opslag import statements
from integraal.opslag.db import Sessie
from integraal.opslag.modellen import Statement
from integraal.opslag.statements import Groep
from integraal.toegang.context import casus_context

MAX_LIMIET = 200


@dataclass(frozen=True)
class Leesvraag:
    doel: str
    casus_id: str | None = None
    herkomst: str = "api"


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


@dataclass
class Beslissingen:
    toegestaan: dict[Groep, Besluit]
    geweigerd: dict[Groep, Besluit]


def beslis_groepen(
    sessie: Sessie,
    beslisser: Beslisser,
    actor: Actor,
    vraag: Leesvraag,
    groepen: Sequence[Groep],
) -> Beslissingen:
    """One rule decision per statement group, split into allowed and refused (shared by every
    reader in this package, so none of them can read a group without a decision)."""
    context = casus_context(sessie, vraag.casus_id)
    uit = Beslissingen({}, {})
    for g in groepen:
        besluit = beslisser.beslis(
            Verzoek(
                van=g.houder_id,
                aan=actor.organisatie_id,
                categorie=g.categorie,
                doel=vraag.doel,
                casus=context,
                actor=actor.ref,
                bron=g.bron_id,
                gegevens_casus=g.casus_id,
            ),
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


def _groep(s: Statement) -> Groep:
    return Groep(s.houder_id, s.bron_id, s.categorie, s.casus_id)


def bouw_beelden(
    stmts: Sequence[Statement], beslissingen: Beslissingen
) -> dict[str, Entiteitbeeld]:
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
    sessie: Sessie,
    actor: Actor,
    vraag: Leesvraag,
    beelden: dict[str, Entiteitbeeld],
    stmts: Sequence[Statement],
    beslissingen: Beslissingen,
    naam: str,
) -> str:
    """One log line per entity and allowed group read; returns the trace id for the audit."""
    trace_id = logboek.nieuwe_trace_id()
    per: dict[tuple[str, Groep], list[Statement]] = {}
    # One data subject id per entity, whichever category a line is about, so an access report
    # by BSN finds every processing of that person.
    for s in stmts:
        per.setdefault((s.entity_id, _groep(s)), []).append(s)
    pseudoniemen = statements.pseudoniemen_van(sessie, list(beelden))
    verwerkingen = []
    for (eid, g), _rijen in per.items():
        besluit = beslissingen.toegestaan[g]
        betrokkene = pseudoniemen.get(eid)
        verwerkingen.append(
            logboek.Verwerking(
                naam=naam,
                activiteit=naam.replace(" ", "-"),
                trace_id=trace_id,
                besluit_id=besluit.besluit_id,
                regel_id=besluit.regel_id,
                grondslag=besluit.grondslag.omschrijving if besluit.grondslag else None,
                doel=vraag.doel,
                verstrekker=g.houder_id,
                ontvanger=actor.organisatie_id,
                categorieen=(g.categorie,),
                casus_id=vraag.casus_id,
                betrokkene=betrokkene or eid,
                betrokkene_soort="BSN-pseudoniem"
                if betrokkene
                else f"entiteit:{beelden[eid].schema}",
            )
        )
    logboek.schrijf(sessie, verwerkingen)
    return trace_id


def audit_lezing(
    sessie: Sessie,
    actor: Actor,
    vraag: Leesvraag,
    trace_id: str,
    actie: str,
    resultaat: str,
    details: dict[str, object],
) -> None:
    logboek.schrijf_audit(
        sessie,
        trace_id=trace_id,
        gebruiker_id=actor.gebruiker_id,
        organisatie_id=actor.organisatie_id,
        actie=actie,
        resultaat=resultaat,
        herkomst=vraag.herkomst,
        details={"doel": vraag.doel, "casus": vraag.casus_id, **details},
    )


def lees_entiteit(
    sessie: Sessie, beslisser: Beslisser, actor: Actor, vraag: Leesvraag, entity_id: str
) -> Entiteitbeeld | None:
    """The entity as far as the reader may see it, or None when nothing may be seen."""
    groepen = statements.groepen_van_entiteit(sessie, entity_id)
    beslissingen = beslis_groepen(sessie, beslisser, actor, vraag, groepen)
    stmts = statements.statements_van(sessie, [entity_id], list(beslissingen.toegestaan))
    if not stmts:
        audit_lezing(
            sessie,
            actor,
            vraag,
            logboek.nieuwe_trace_id(),
            "entiteit lezen",
            "geweigerd",
            {"entiteit": entity_id},
        )
        return None
    beelden = bouw_beelden(stmts, beslissingen)
    trace_id = log_lezing(sessie, actor, vraag, beelden, stmts, beslissingen, "entiteit lezen")
    audit_lezing(
        sessie, actor, vraag, trace_id, "entiteit lezen", "toegestaan", {"entiteit": entity_id}
    )
    beeld = beelden[entity_id]
    beeld.weggelaten = [
        Weggelaten(g.categorie, g.houder_id, b.regel_id, _reden(b))
        for g, b in beslissingen.geweigerd.items()
    ]
    return beeld


def _exacte_waarden(term: str, sleutel: bytes) -> list[str]:
    waarden = []
    for soort, valideer in VALIDATORS.items():
        try:
            schoon = valideer(term)
        except OngeldigeWaarde:
            continue
        waarden.append(pseudoniem(sleutel, soort, schoon) if soort == "bsn" else schoon)
    return waarden


def zoek_entiteiten(
    sessie: Sessie,
    beslisser: Beslisser,
    actor: Actor,
    vraag: Leesvraag,
    *,
    pseudoniem_sleutel: bytes,
    term: str | None = None,
    schema: str | None = None,
    limiet: int = 50,
    na: str | None = None,
) -> list[Entiteitbeeld]:
    beslissingen = beslis_groepen(sessie, beslisser, actor, vraag, statements.groepen(sessie))
    toegestaan = list(beslissingen.toegestaan)
    ids = statements.zoek_entiteiten(
        sessie,
        toegestaan,
        term=term,
        exacte_waarden=_exacte_waarden(term, pseudoniem_sleutel) if term else (),
        schema=schema,
        limiet=max(1, min(limiet, MAX_LIMIET)),
        na=na,
    )
    stmts = statements.statements_van(sessie, ids, toegestaan)
    beelden = bouw_beelden(stmts, beslissingen)
    trace_id = logboek.nieuwe_trace_id()
    if beelden:
        trace_id = log_lezing(
            sessie, actor, vraag, beelden, stmts, beslissingen, "entiteiten zoeken"
        )
    audit_lezing(
        sessie,
        actor,
        vraag,
        trace_id,
        "entiteiten zoeken",
        "toegestaan" if beelden else "leeg",
        {"aantal": len(beelden)},
    )
    return [beelden[i] for i in ids if i in beelden]
