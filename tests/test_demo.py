# SPDX-License-Identifier: EUPL-1.2
"""The demo world: deterministic, idempotent, with its planted overlaps and a refused delivery."""

from __future__ import annotations

import sqlalchemy as sa

from integraal.demo.wereld import laad_demo
from integraal.omgeving import Omgeving
from integraal.opslag.db import transactie
from integraal.opslag.modellen import (
    Advies,
    CasusSubject,
    Deelverzoek,
    Interventie,
    Levering,
    LogboekRegel,
    Signaal,
    Statement,
)


def _statements(omgeving: Omgeving) -> set[str]:
    with transactie(omgeving.fabriek) as s:
        return set(s.scalars(sa.select(Statement.id)))


def test_demo_is_deterministisch_en_idempotent(omgeving: Omgeving) -> None:
    accounts = laad_demo(omgeving)
    eerste = _statements(omgeving)
    laad_demo(omgeving)
    assert _statements(omgeving) == eerste
    assert {a.rol for a in accounts} >= {
        "analist",
        "coordinator",
        "privacy_officer",
        "functioneel_beheerder",
        "beleidsmedewerker",
    }
    with transactie(omgeving.fabriek) as s:
        statussen = sorted(s.scalars(sa.select(Levering.status)))
        assert statussen == ["geweigerd", "verwerkt", "verwerkt", "verwerkt"]
        namen = set(s.scalars(sa.select(Statement.value).where(Statement.prop == "name")))
        assert {
            "Johannes van der Berg",
            "J. v.d. Berg",
            "Mohamed El Amrani",
            "Mohammed el-Amrani",
        } <= namen
        # One address with many companies, one account shared by three people.
        per_adres = s.execute(
            sa.select(Statement.value, sa.func.count())
            .where(Statement.schema == "Company", Statement.prop == "addressEntity")
            .group_by(Statement.value)
            .order_by(sa.func.count().desc())
        ).first()
        assert per_adres is not None and per_adres[1] >= 10
        houders = s.execute(
            sa.select(Statement.value, sa.func.count())
            .where(Statement.schema == "Ownership", Statement.prop == "asset")
            .group_by(Statement.value)
            .order_by(sa.func.count().desc())
        ).first()
        assert houders is not None and houders[1] == 3
        waarden = " ".join(s.scalars(sa.select(Statement.value)))
    assert "99999" not in waarden  # test BSNs are only stored as pseudonyms


def test_demo_toont_het_casuswerk_eenmaal(omgeving: Omgeving) -> None:
    laad_demo(omgeving)
    laad_demo(omgeving)
    with transactie(omgeving.fabriek) as s:
        assert sorted(s.scalars(sa.select(Signaal.status))) == [
            "afgewezen",
            "in_behandeling",
            "nieuw",
        ]
        assert list(s.scalars(sa.select(Deelverzoek.status))) == ["wacht_op_goedkeuring"]
        assert list(s.scalars(sa.select(Advies.status))) == ["vastgesteld"]
        assert sorted(
            s.execute(sa.select(Interventie.maatregel, Interventie.status, Interventie.uitkomst))
        ) == [
            ("13b-sluiting", "afgerond", "pand_gesloten"),
            ("navorderingsaanslag", "in_uitvoering", None),
        ]
        assert s.scalar(sa.select(sa.func.count()).select_from(CasusSubject)) >= 2
        # Every step went through the rules: the subjects' checks are logged reads.
        assert s.scalar(sa.select(sa.func.count()).select_from(LogboekRegel)) > 0
