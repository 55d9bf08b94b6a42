# SPDX-License-Identifier: EUPL-1.2
"""Reads for the network view of a case: the groups of the case (and those tied to no case)
pass the rule engine once per action; every relation entity and every node read writes its
processing-log line in the same transaction, and the action ends with one audit line."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from integraal.opslag import statements
from integraal.opslag.statements import Gelezen
from integraal.toegang.lezen import (
    ADRESEIGENSCHAPPEN,
    Beslissingen,
    Entiteitbeeld,
    Leesvraag,
    beslis_groepen,
    bouw_beelden,
    log_lezing,
    zonder_adres_als_afgeschermd,
)
from integraal.verwerking import Context


@dataclass
class Netwerklezer:
    ctx: Context
    vraag: Leesvraag
    naam: str  # the log's name for the action, e.g. "netwerk uitbreiden"
    gelezen: set[str] = field(default_factory=set)
    _beslissingen: Beslissingen | None = None

    def __post_init__(self) -> None:
        if self.vraag.casus_id is None:
            raise ValueError("het netwerk wordt alleen binnen een casus gelezen")

    @property
    def beslissingen(self) -> Beslissingen:
        if self._beslissingen is None:
            assert self.vraag.casus_id is not None
            groepen = statements.groepen_voor_casus(self.ctx.sessie, self.vraag.casus_id)
            self._beslissingen = beslis_groepen(self.ctx, self.vraag, groepen)
        return self._beslissingen

    @property
    def _toegestaan(self) -> list[statements.Groep]:
        return list(self.beslissingen.toegestaan)

    def _gelogd(self, stmts: Sequence[Gelezen]) -> tuple[dict[str, Entiteitbeeld], list[Gelezen]]:
        """The entities read, logged; a shielded person's address relations and properties
        are left out, as in any list (issue 20)."""
        if not stmts:
            return {}, []
        beelden = bouw_beelden(stmts, self.beslissingen)
        betrokkenen = log_lezing(self.ctx, self.vraag, beelden, stmts, self.beslissingen, self.naam)
        self.gelezen |= set(beelden)
        verborgen = zonder_adres_als_afgeschermd(self.ctx, beelden, betrokkenen)
        return beelden, [
            s for s in stmts if not (s.entity_id in verborgen and s.prop in ADRESEIGENSCHAPPEN)
        ]

    def rond(self, ids: Sequence[str], limiet: int) -> tuple[list[Gelezen], bool]:
        """References of and to `ids` (at most `limiet` referring entities), logged."""
        stmts, afgekapt = statements.verwijzingen_rond(
            self.ctx.sessie, self._toegestaan, sorted(set(ids)), limiet
        )
        return self._gelogd(stmts)[1], afgekapt

    def scan(self, schemas: Sequence[str], props: Sequence[str]) -> list[Gelezen]:
        """Every allowed reference of these schemas and properties in the case, logged."""
        stmts = statements.verwijzingen_met(self.ctx.sessie, self._toegestaan, schemas, props)
        return self._gelogd(stmts)[1]

    def schemas(self, ids: Sequence[str]) -> dict[str, str]:
        return statements.schemas_van(self.ctx.sessie, self._toegestaan, sorted(set(ids)))

    def knopen(self, ids: Sequence[str]) -> dict[str, Entiteitbeeld]:
        """The entities as far as the reader may see them, logged."""
        stmts = statements.statements_van(self.ctx.sessie, sorted(set(ids)), self._toegestaan)
        return self._gelogd(stmts)[0]

    def sluit(self, details: dict[str, object]) -> None:
        self.ctx.audit(
            self.naam,
            "toegestaan" if self.gelezen else "leeg",
            doel=self.vraag.doel,
            casus=self.vraag.casus_id,
            entiteiten=len(self.gelezen),
            **details,
        )
