# SPDX-License-Identifier: EUPL-1.2
"""The case page reads its subjects in a fixed number of queries, however many it has
(decision record 0022), and shows each as a read of it alone would."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import pytest
import sqlalchemy as sa

from integraal.casus import casussen
from integraal.casus.casussen import SubjectIn
from integraal.opslag import logboek as logopslag
from integraal.opslag.db import transactie
from integraal.opslag.modellen import LogboekRegel, Statement
from integraal.toegang import Leesvraag, lees_entiteit
from tests.conftest import Wereld
from tests.hulp import doe


@contextmanager
def _tel_sql(w: Wereld) -> Iterator[list[str]]:
    gezien: list[str] = []

    def tel(_c: Any, _cur: Any, opdracht: str, *_a: Any) -> None:
        gezien.append(opdracht)

    sa.event.listen(w.omgeving.database, "before_cursor_execute", tel)
    try:
        yield gezien
    finally:
        sa.event.remove(w.omgeving.database, "before_cursor_execute", tel)


def _entiteiten(w: Wereld) -> list[str]:
    with transactie(w.omgeving.fabriek) as s:
        return sorted(set(s.scalars(sa.select(Statement.entity_id))))


def _lees_pagina(w: Wereld) -> tuple[int, casussen.Casusoverzicht]:
    with _tel_sql(w) as gezien:
        o = doe(w.omgeving, w.analist, casussen.overzicht, "C-1")
    return len(gezien), o


def test_de_casuspagina_leest_haar_subjecten_in_een_vast_aantal_queries(
    met_levering: Wereld, monkeypatch: pytest.MonkeyPatch
) -> None:
    w = met_levering
    # The log's append is two statements however many lines; from `VANAF_COPY` lines on
    # PostgreSQL takes them by COPY on the driver's cursor, which this count does not see.
    monkeypatch.setattr(logopslag, "VANAF_COPY", 10**9)
    ids = _entiteiten(w)
    assert len(ids) >= 5
    doe(w.omgeving, w.analist, casussen.koppel_subject, "C-1", SubjectIn(entiteit_id=ids[0]))
    een, _ = _lees_pagina(w)
    for eid in ids[1:]:
        doe(w.omgeving, w.analist, casussen.koppel_subject, "C-1", SubjectIn(entiteit_id=eid))
    alle, o = _lees_pagina(w)
    assert len(o.subjecten) == len(ids)
    assert alle == een, f"{een} queries met één subject, {alle} met {len(ids)}"


def test_elk_subject_staat_er_zoals_een_lezing_van_het_alleen(met_levering: Wereld) -> None:
    w = met_levering
    ids = _entiteiten(w)
    for eid in ids:
        doe(w.omgeving, w.analist, casussen.koppel_subject, "C-1", SubjectIn(entiteit_id=eid))
    with transactie(w.omgeving.fabriek) as s:
        voor = s.scalar(sa.select(sa.func.count()).select_from(LogboekRegel)) or 0
    _, o = _lees_pagina(w)
    with transactie(w.omgeving.fabriek) as s:
        regels = s.scalar(sa.select(sa.func.count()).select_from(LogboekRegel)) or 0
    vraag = Leesvraag("integrale_aanpak", "C-1")
    for subject in o.subjecten:
        alleen = doe(w.omgeving, w.analist, lees_entiteit, vraag, subject.entiteit_id)
        assert alleen is not None and subject.entiteit is not None
        assert subject.entiteit.eigenschappen == alleen.eigenschappen
        assert len(subject.entiteit.herkomst) == len(alleen.herkomst)
        assert [x.categorie for x in subject.entiteit.weggelaten] == [
            x.categorie for x in alleen.weggelaten
        ]
    # One log line per subject and group read, as before: none dropped by reading together.
    per_subject = sum(
        len({(h.houder, h.categorie, h.bron) for h in s.entiteit.herkomst})
        for s in o.subjecten
        if s.entiteit is not None
    )
    assert regels - voor == per_subject
