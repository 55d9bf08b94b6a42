# SPDX-License-Identifier: EUPL-1.2
"""Long work names the process carrying it out; start-up declares interrupted only the work
of a process that is gone, never that of a living one (a CLI started beside the server)."""

from __future__ import annotations

import datetime as dt

import sqlalchemy as sa

from integraal.bronnen import importeren as imp
from integraal.opslag import kruis, werker
from integraal.opslag.db import transactie
from integraal.opslag.modellen import KlaargezetStatement, Kruistaak, Levering, nu
from tests.conftest import Wereld
from tests.hulp import dode_werker, levering_in_behandeling

NU = dt.datetime(2026, 11, 30, 12, tzinfo=dt.UTC)


def test_een_levend_proces_leeft_en_een_beeindigd_niet() -> None:
    assert werker.leeft(werker.deze_werker(), None, NU)
    dood = dode_werker()
    assert dood != werker.deze_werker()
    assert not werker.leeft(dood, None, NU)
    # The pid of this process with another start time: a reused pid is not the same process.
    host, opstart, pid, _start = werker.deze_werker().rsplit("/", 3)
    assert not werker.leeft(f"{host}/{opstart}/{pid}/1", None, NU)
    assert not werker.leeft(f"{host}/anders/{pid}/{_start}", None, NU)  # rebooted since
    assert not werker.leeft(None, NU, NU) and not werker.leeft("onzin", NU, NU)


def test_werk_op_een_andere_machine_leeft_zolang_het_van_zich_laat_horen() -> None:
    elders = "andere-machine/abcd1234/42/99"
    assert werker.leeft(elders, NU - dt.timedelta(minutes=1), NU)
    assert not werker.leeft(elders, NU - werker.STIL_NA, NU)
    assert not werker.leeft(elders, None, NU)


def _levering(w: Wereld, id_: str, verwerker: str | None) -> None:
    levering_in_behandeling(w.omgeving, id_, verwerker=verwerker)
    with transactie(w.omgeving.fabriek) as s:
        s.add(
            KlaargezetStatement(
                levering_id=id_,
                id=f"s{id_}",
                entity_id="e",
                schema="Person",
                prop="name",
                prop_type="name",
                value="Proef",
                dataset="d",
                bron_id="gemeente-rotterdam",
                houder_id="riec-rotterdam",
                source_record_id="1",
                categorie="identiteit",
                grondslag="WGS-RIEC-IN",
            )
        )


def test_opstart_laat_de_levering_van_een_levend_proces_met_rust(wereld: Wereld) -> None:
    _levering(wereld, "a", werker.deze_werker())
    _levering(wereld, "b", dode_werker())
    assert imp.herstel_onderbroken(wereld.omgeving.fabriek) == 1
    with transactie(wereld.omgeving.fabriek, lezen=True) as s:
        status = dict(s.execute(sa.select(Levering.id, Levering.status)).tuples().all())
        klaar = set(s.scalars(sa.select(KlaargezetStatement.levering_id)))
    assert status == {"a": "in_behandeling", "b": "mislukt"}
    assert klaar == {"a"}  # what the living process staged is still there


def test_opstart_onderbreekt_alleen_kruisverwijzingen_van_een_verdwenen_proces(
    wereld: Wereld,
) -> None:
    with transactie(wereld.omgeving.fabriek) as s:
        for id_, status, proces in (
            ("KT-levend", "bezig", werker.deze_werker()),
            ("KT-dood", "bezig", dode_werker()),
            ("KT-wacht", "wachtend", None),
            ("KT-klaar", "klaar", None),
        ):
            s.add(
                Kruistaak(
                    id=id_,
                    casus_id="C-1",
                    soort="casus",
                    status=status,
                    verwerker=proces,
                    gestart_door=wereld.analist.gebruiker_id,
                    organisatie_id="riec-rotterdam",
                )
            )
    with transactie(wereld.omgeving.fabriek) as s:
        assert kruis.onderbreek_verweesde_taken(s, nu()) == 2
    with transactie(wereld.omgeving.fabriek, lezen=True) as s:
        rijen = {t.id: t for t in s.scalars(sa.select(Kruistaak))}
    assert {i: t.status for i, t in rijen.items()} == {
        "KT-levend": "bezig",
        "KT-dood": "onderbroken",
        "KT-wacht": "onderbroken",
        "KT-klaar": "klaar",
    }
    assert "Hervatten" in (rijen["KT-dood"].fout or "")
