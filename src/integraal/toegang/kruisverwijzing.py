# SPDX-License-Identifier: EUPL-1.2
"""The persons of a case, read for cross-referencing: each group of statements passes the rule
engine for the case's purpose, and every person and address read writes its processing-log line
in the same transaction — a matching run reads personal data like any other reader does."""

from __future__ import annotations

from dataclasses import dataclass

from integraal.opslag import statements
from integraal.toegang.lezen import Leesvraag, beslis_groepen, bouw_beelden, log_lezing
from integraal.verwerking import Context

SCHEMAS = ("Person", "Address")


@dataclass(frozen=True)
class Persoonsbron:
    """One person entity as far as the reader may see it, with where its data come from."""

    entity_id: str
    eigenschappen: dict[str, list[str]]
    bronnen: frozenset[str]  # the partner organisations that delivered it
    leveringen: frozenset[str]
    datasets: frozenset[str]


@dataclass(frozen=True)
class Gelezen:
    personen: list[Persoonsbron]
    adressen: dict[str, dict[str, list[str]]]
    geweigerde_groepen: int


def lees_personen(ctx: Context, vraag: Leesvraag) -> Gelezen:
    """Persons and addresses held in the case `vraag.casus_id` that the reader may process."""
    if vraag.casus_id is None:
        raise ValueError("kruisverwijzing leest alleen binnen een casus")
    groepen = statements.groepen_van_casus(ctx.sessie, vraag.casus_id)
    beslissingen = beslis_groepen(ctx, vraag, groepen)
    stmts = statements.statements_in(ctx.sessie, list(beslissingen.toegestaan), SCHEMAS)
    beelden = bouw_beelden(stmts, beslissingen)
    if beelden:
        log_lezing(ctx, vraag, beelden, stmts, beslissingen, "kruisverwijzing voorbereiden")
    ctx.audit(
        "kruisverwijzing voorbereiden",
        "toegestaan" if beelden else "leeg",
        doel=vraag.doel,
        casus=vraag.casus_id,
        entiteiten=len(beelden),
        geweigerde_groepen=len(beslissingen.geweigerd),
    )
    herkomst: dict[str, tuple[set[str], set[str], set[str]]] = {}
    for s in stmts:
        h = herkomst.setdefault(s.entity_id, (set(), set(), set()))
        h[0].add(s.bron_id)
        h[1].add(s.levering_id)
        h[2].add(s.dataset)
    personen = [
        Persoonsbron(
            b.id,
            b.eigenschappen,
            frozenset(herkomst[b.id][0]),
            frozenset(herkomst[b.id][1]),
            frozenset(herkomst[b.id][2]),
        )
        for b in beelden.values()
        if b.schema == "Person"
    ]
    adressen = {b.id: b.eigenschappen for b in beelden.values() if b.schema == "Address"}
    return Gelezen(personen, adressen, len(beslissingen.geweigerd))
