# SPDX-License-Identifier: EUPL-1.2
"""The delivery mappings in force: per name the version approved last (issue 25, item 3).

A new installation starts with the shipped mappings as version 1. An upgrade that ships a
changed one adds it as a proposal: what a partner delivers, and under which category and
basis, changes only with the approval of the receiving partnership's privacy officer."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from integraal.bronnen.mapping import Mapping, mapping_uit_tekst, meegeleverde_teksten
from integraal.opslag import mappings as opslag
from integraal.opslag.db import Sessie
from integraal.opslag.modellen import Mappingversie


@dataclass(frozen=True)
class Afspraak:
    mapping: Mapping
    versie: int


@lru_cache(maxsize=512)
def _lees(tekst: str) -> Mapping:
    return mapping_uit_tekst(tekst)


def geldend(sessie: Sessie) -> dict[str, Afspraak]:
    return {mv.naam: Afspraak(_lees(mv.tekst), mv.versie) for mv in opslag.actieve(sessie)}


def afspraak(sessie: Sessie, naam: str) -> Afspraak | None:
    mv = opslag.actief(sessie, naam)
    return Afspraak(_lees(mv.tekst), mv.versie) if mv is not None else None


def titels(sessie: Sessie) -> dict[str, str]:
    """A mapping's title by its name (also of one no longer in force): what people know it by."""
    uit = {m.naam: m.titel for m in (_lees(t) for t in _alle_teksten(sessie))}
    uit.update({naam: a.mapping.titel for naam, a in geldend(sessie).items()})
    return uit


def _alle_teksten(sessie: Sessie) -> list[str]:
    return [mv.tekst for mv in opslag.versies(sessie)]


def zaai(sessie: Sessie) -> None:
    """The shipped mappings as version 1 of a new name; a shipped text not seen before under
    a known name as a proposal."""
    for naam, tekst in meegeleverde_teksten().items():
        if tekst in opslag.teksten(sessie, naam):
            continue
        m = mapping_uit_tekst(tekst)
        nieuw = opslag.actief(sessie, naam) is None and not opslag.teksten(sessie, naam)
        mv = Mappingversie(
            naam=naam,
            versie=opslag.volgende_versie(sessie, naam),
            tekst=tekst,
            status=opslag.VOORGESTELD,
            partner_id=m.partner,
            ontvanger_id=m.ontvanger,
            toelichting="Meegeleverd met deze versie van Integraal.",
        )
        opslag.bewaar(sessie, mv)
        if nieuw:
            opslag.activeer(sessie, mv)
