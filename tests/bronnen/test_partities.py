# SPDX-License-Identifier: EUPL-1.2
"""On PostgreSQL the statements are partitioned by source (migration 0030): each source's
statements in its own partition, a query on one source reads only that one, and a new
organisation gets its partition, taking along what waited for it in the default one."""

from __future__ import annotations

import datetime as dt
import json

import pytest
import sqlalchemy as sa

from integraal.opslag import leveringen, partities
from integraal.opslag.beheer import synchroniseer_organisaties
from integraal.opslag.db import transactie
from integraal.opslag.modellen import Organisatie, Statement
from tests.conftest import Wereld


@pytest.fixture
def pg(met_levering: Wereld) -> Wereld:
    if met_levering.omgeving.database.dialect.name != "postgresql":
        with transactie(met_levering.omgeving.fabriek) as s:
            assert not partities.is_verdeeld(s)
            assert partities.maak(s, ["gemeente-rotterdam"]) == 0
        pytest.skip("SQLite houdt één tabel met statements")
    return met_levering


def _per_tabel(w: Wereld) -> dict[str, int]:
    with w.omgeving.database.connect() as c:
        rijen = c.execute(
            sa.text("SELECT tableoid::regclass::text, count(*) FROM statement GROUP BY 1")
        ).all()
    return dict(rijen)


def test_a_sources_statements_are_in_its_own_partition(pg: Wereld) -> None:
    with transactie(pg.omgeving.fabriek) as s:
        bronnen = set(s.scalars(sa.select(Statement.bron_id).distinct()))
        organisaties = set(s.scalars(sa.select(Organisatie.id)))
        assert partities.bestaande(s) == organisaties
    assert bronnen == {"gemeente-rotterdam"}
    per_tabel = _per_tabel(pg)
    assert (
        list(per_tabel) == [partities.naam("gemeente-rotterdam")]
        and per_tabel[partities.naam("gemeente-rotterdam")] > 0
    )


def test_a_query_on_one_source_reads_only_its_partition(pg: Wereld) -> None:
    with pg.omgeving.database.connect() as c:
        plan = c.execute(
            sa.text(
                "EXPLAIN (FORMAT JSON) SELECT count(*) FROM statement WHERE bron_id = :b"
                " AND entity_id = 'x'"
            ),
            {"b": "gemeente-rotterdam"},
        ).scalar_one()
    relaties = set()

    def loop(knoop: dict[str, object]) -> None:
        if "Relation Name" in knoop:
            relaties.add(knoop["Relation Name"])
        for kind in knoop.get("Plans", []):  # type: ignore[attr-defined]
            loop(kind)

    loop((plan if isinstance(plan, list) else json.loads(plan))[0]["Plan"])
    assert relaties == {partities.naam("gemeente-rotterdam")}


def test_a_new_organisation_gets_a_partition_and_what_waited_moves_in(pg: Wereld) -> None:
    nu = dt.datetime.now(dt.UTC)
    with transactie(pg.omgeving.fabriek) as s:
        # An organisation that came in by another way than the register: its statements
        # wait in the default partition.
        s.add(Organisatie(id="gemeente-nieuwstad", naam="Gemeente Nieuwstad", soort="gemeente"))
        s.flush()
        levering = s.scalar(sa.select(Statement.levering_id).limit(1))
        s.add(
            Statement(
                id="s-nieuwstad",
                entity_id="e",
                schema="Person",
                prop="name",
                prop_type="name",
                value="Synthetische Persoon",
                dataset="proef",
                levering_id=levering,
                bron_id="gemeente-nieuwstad",
                houder_id="gemeente-nieuwstad",
                source_record_id="1",
                categorie="identiteit",
                grondslag="proef",
                first_seen=nu,
                last_seen=nu,
            )
        )
    assert _per_tabel(pg).get(partities.STANDAARD) == 1
    with transactie(pg.omgeving.fabriek) as s:
        org = Organisatie(id="gemeente-nieuwstad", naam="Gemeente Nieuwstad", soort="gemeente")
        synchroniseer_organisaties(s, [org])
        # Made once: the next start finds it and makes nothing.
        assert partities.maak(s, ["gemeente-nieuwstad"]) == 0
    per_tabel = _per_tabel(pg)
    assert partities.STANDAARD not in per_tabel
    assert per_tabel[partities.naam("gemeente-nieuwstad")] == 1


def _kopieer_statements(w: Wereld, aantal: int, merk: str) -> None:
    """`aantal` more statements of the same source: copies with other ids."""
    kolommen = [c.name for c in Statement.__table__.columns]
    waarden = ["md5(id || :merk)" if k == "id" else k for k in kolommen]
    with w.omgeving.database.begin() as c:
        c.execute(
            sa.text(
                f"INSERT INTO statement ({', '.join(kolommen)}) SELECT {', '.join(waarden)}"
                " FROM statement ORDER BY id LIMIT :n"
            ),
            {"merk": merk, "n": aantal},
        )


def _geschat(w: Wereld, tabel: str) -> float:
    with w.omgeving.database.connect() as c:
        return float(
            c.execute(
                sa.text("SELECT reltuples FROM pg_class WHERE oid = to_regclass(:t)"), {"t": tabel}
            ).scalar_one()
        )


def test_statistieken_van_de_hele_tabel_pas_bij_een_tiende_verandering(pg: Wereld) -> None:
    """After a delivery only its source's partition is analysed, until the rows the
    statistics over all partitions were taken from changed by a tenth (`ANALYZE statement`
    samples every partition, a cost that grew with the number of sources)."""
    eigen = partities.naam("gemeente-rotterdam")
    with pg.omgeving.database.connect() as c:
        n = c.execute(sa.text("SELECT count(*) FROM statement")).scalar_one()
    assert n >= 20 and _geschat(pg, "statement") == n  # the fixture's delivery analysed all

    weinig = n // 20
    _kopieer_statements(pg, weinig, "a")
    with transactie(pg.omgeving.fabriek) as s:
        leveringen.werk_statistiek_bij(s, "gemeente-rotterdam", weinig)
    assert _geschat(pg, eigen) == n + weinig
    assert _geschat(pg, "statement") == n  # the whole tree not sampled again

    veel = n // 5
    _kopieer_statements(pg, veel, "b")
    with transactie(pg.omgeving.fabriek) as s:
        leveringen.werk_statistiek_bij(s, "gemeente-rotterdam", veel)
    assert _geschat(pg, eigen) == _geschat(pg, "statement") == n + weinig + veel
