# SPDX-License-Identifier: EUPL-1.2
"""The demo world: deterministic, idempotent, with its planted overlaps and a refused delivery."""

from __future__ import annotations

import datetime as dt
import json

import sqlalchemy as sa

from integraal.demo.wereld import laad_demo
from integraal.domein.actor import Actor
from integraal.gebruikers import actor_van
from integraal.kruisverwijzing import taken
from integraal.kruisverwijzing.taken import KruistaakIn
from integraal.logboek import STATUS_OK
from integraal.omgeving import Omgeving
from integraal.opslag import beheer
from integraal.opslag.db import transactie
from integraal.opslag.modellen import (
    Advies,
    AuditRecord,
    CasusSubject,
    Deelverzoek,
    Interventie,
    Kruissuggestie,
    Levering,
    LogboekRegel,
    Signaal,
    Statement,
)
from tests.conftest import Wereld
from tests.demosjabloon import Demosjabloon
from tests.hulp import doe


def _analist(omgeving: Omgeving) -> Actor:
    with transactie(omgeving.fabriek) as s:
        g = beheer.gebruiker_op_naam(s, "analist.riec")
        assert g is not None
        return actor_van(g)


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
        # The RIEC's deliveries; the other partnerships' are checked in test_demo_verbanden.
        statussen = sorted(
            s.scalars(sa.select(Levering.status).where(Levering.ontvanger_id == "riec-rotterdam"))
        )
        # Four case deliveries, one refused (no indications recorded), and the municipality's
        # record of the prison guard the integrity story shields.
        assert statussen == ["geweigerd", *["verwerkt"] * 5]
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


def test_demo_toont_het_casuswerk_eenmaal(omgeving: Omgeving, demosjabloon: Demosjabloon) -> None:
    demosjabloon.vul(omgeving)
    laad_demo(omgeving)
    with transactie(omgeving.fabriek) as s:
        riec = Signaal.verband_id == "riec-rotterdam"
        assert sorted(
            s.scalars(sa.select(Signaal.status).where(riec, Signaal.kanaal != "contactpunt"))
        ) == ["afgewezen", "in_behandeling", "nieuw"]
        # The port company's contact point, once, under the Rotterdam covenant's version 2.
        assert list(
            s.execute(
                sa.select(Signaal.convenant, Signaal.mainport).where(
                    riec, Signaal.kanaal == "contactpunt"
                )
            )
        ) == [("mainport-rotterdam@2", "rotterdam")]
        # The RIEC's request to the tax office; its refused request for care data became a
        # bottleneck (test_demo_verbanden).
        assert list(
            s.scalars(
                sa.select(Deelverzoek.status).where(Deelverzoek.verstrekker_id == "belastingdienst")
            )
        ) == ["wacht_op_goedkeuring"]
        zaak = "RIEC-RDM-2026-001"
        assert list(s.scalars(sa.select(Advies.status).where(Advies.casus_id == zaak))) == [
            "vastgesteld"
        ]
        assert sorted(
            s.execute(
                sa.select(Interventie.maatregel, Interventie.status, Interventie.uitkomst).where(
                    Interventie.casus_id == zaak
                )
            )
        ) == [
            ("13b-sluiting", "afgerond", "pand_gesloten"),
            ("navorderingsaanslag", "in_uitvoering", None),
        ]
        assert s.scalar(sa.select(sa.func.count()).select_from(CasusSubject)) >= 2
        # Every step went through the rules: the subjects' checks are logged reads.
        assert s.scalar(sa.select(sa.func.count()).select_from(LogboekRegel)) > 0
        # Every service ran in a context of the demo channel, so its records say so.
        herkomst = s.execute(sa.select(AuditRecord.herkomst, AuditRecord.actie)).all()
    assert {h for h, _ in herkomst} == {"demo"}
    assert {"levering aanbieden", "signaal indienen", "advies vaststellen"} <= {
        a for _, a in herkomst
    }
    # Loaded twice above: the partnerships' work is played once too.
    _verbanden_in_de_demo(omgeving)


def test_demo_beslagcijfers_met_de_hand_na_te_rekenen(
    omgeving: Omgeving, demosjabloon: Demosjabloon
) -> None:
    """The figures of the demo's seizure story (see integraal/demo/afpakken.py)."""

    from integraal.beslag import cijfers

    demosjabloon.vul(omgeving)
    laad_demo(omgeving)  # the story is played once
    p0 = dt.datetime(2026, 1, 31, 23, 59, 59, tzinfo=dt.UTC)
    with transactie(omgeving.fabriek) as s:
        [op_p0] = cijfers.jaarcijfers(s, [2025], p0)
        j2025, j2026 = cijfers.jaarcijfers(s, [2025, 2026])
        reeks = cijfers.naijlreeks(s, 2025, dt.datetime.now(dt.UTC))
    # 15.000 cash + 24.000 car + 60 bike, as registered by the end of January 2026.
    assert (op_p0.eigen_centen, op_p0.eigen_aantal, op_p0.laat_centen) == (39_060_00, 3, 0)
    # The crypto seized in November 2025 was registered in February: 0,5 x 60.000.
    assert (j2025.eigen_centen, j2025.eigen_aantal, j2025.laat_centen) == (69_060_00, 4, 30_000_00)
    assert j2025.rechtshulp_centen == 40_000_00
    assert j2026.geind_centen == 21_500_00  # the car's proceeds, forfeited in March 2026
    assert [c for _, c in reeks][:2] == [39_060_00, 69_060_00]


def test_the_planted_overlaps_are_found_by_cross_referencing(
    omgeving: Omgeving, demosjabloon: Demosjabloon
) -> None:
    """The demo plants one person written three ways (particles, initials) and one name with
    two spellings; a run in the demo case suggests exactly those pairs on top."""
    demosjabloon.vul(omgeving)
    taak = doe(omgeving, _analist(omgeving), taken.start, "RIEC-RDM-2026-001", KruistaakIn())
    assert taken.voer_uit(omgeving.context, taak.id).status is taken.Status.KLAAR
    with transactie(omgeving.fabriek) as s:
        namen: dict[str, str] = {}
        for e, v in s.execute(
            sa.select(Statement.entity_id, Statement.value).where(Statement.prop == "name")
        ):
            namen[e] = v
        paren = {
            frozenset((namen[x.links], namen[x.rechts]))
            for x in s.scalars(sa.select(Kruissuggestie).where(Kruissuggestie.kans >= 0.9))
        }
    assert frozenset(("Johannes van der Berg", "J. v.d. Berg")) in paren
    assert frozenset(("Johannes van der Berg", "J. van der Berg")) in paren
    assert frozenset(("Mohamed El Amrani", "Mohammed el-Amrani")) in paren


def test_the_planted_network_patterns_are_listed(
    omgeving: Omgeving, demosjabloon: Demosjabloon
) -> None:
    """Havenweg 12 with twelve companies and one account held by three unrelated people in the
    first case; one director of four short-lived companies in the second."""
    from integraal.kruis.netwerk import Patroonsoort
    from integraal.kruisverwijzing import netwerk

    demosjabloon.vul(omgeving)
    analist = _analist(omgeving)
    eerste = doe(omgeving, analist, netwerk.patronen, "RIEC-RDM-2026-001")
    tweede = doe(omgeving, analist, netwerk.patronen, "RIEC-RDM-2026-002")
    per_soort = {p.soort: p for p in eerste}
    assert set(per_soort) == {
        Patroonsoort.ADRES_MET_VEEL_ORGANISATIES,
        Patroonsoort.GEDEELDE_REKENING,
    }
    havenweg = per_soort[Patroonsoort.ADRES_MET_VEEL_ORGANISATIES]
    assert "Havenweg 12" in havenweg.kern.naam and len(havenweg.betrokken) == 12
    assert len(per_soort[Patroonsoort.GEDEELDE_REKENING].betrokken) == 3
    (kort,) = tweede
    assert kort.soort is Patroonsoort.BESTUURDER_KORT_BESTAANDE
    assert len(kort.betrokken) == 4


def test_demo_laden_drukt_de_inlogtabel_af(cli_omgeving: Wereld) -> None:
    """The table `demo laden` prints is how people sign in to the demo: every account once,
    with a password that works."""
    from typer.testing import CliRunner

    from integraal.cli import app
    from integraal.demo.wereld import GEBRUIKERS, WACHTWOORD
    from integraal.domein.rollen import ROL_LABELS, Rol
    from integraal.gebruikers import authenticeer

    r = CliRunner().invoke(app, ["demo", "laden"])
    assert r.exit_code == 0, r.output
    kop, koppen, *rijen = r.output.strip().splitlines()
    assert kop == "Demo-accounts (alles is fictief):"
    assert koppen.split()[:2] == ["Gebruikersnaam", "Wachtwoord"]
    assert [rij.split()[0] for rij in rijen] == [naam for naam, *_ in GEBRUIKERS]
    with transactie(cli_omgeving.omgeving.fabriek) as s:
        for rij in rijen:
            naam, wachtwoord = rij.split()[:2]
            assert wachtwoord == WACHTWOORD
            actor = authenticeer(s, naam, wachtwoord, termijn=dt.timedelta(days=91))
            assert actor is not None, naam
    # A person reads labels, never codes, and a table whose columns line up.
    assert len({rij.index(WACHTWOORD) for rij in rijen}) == 1
    assert "privacy_officer" not in r.output
    assert ROL_LABELS[Rol.PRIVACY_OFFICER] in r.output
    assert "Gemeente Rotterdam" in r.output and "gemeente-rotterdam" not in r.output


def _verbanden_in_de_demo(omgeving: Omgeving) -> None:
    """One worked case per partnership, each through the rules and the processing log."""
    from integraal.opslag.modellen import (
        Casus,
        Facilitatorindicator,
        Informatieplicht,
        Knelpunt,
        Rapportageverzoek,
        Rondeantwoord,
        Signaalronde,
    )

    with transactie(omgeving.fabriek) as s:
        verbanden = {c.verband_id: c.doel for c in s.scalars(sa.select(Casus))}
        assert verbanden["zvh-rotterdam-rijnmond"] == "complexe_casus"
        assert verbanden["fec"] == "integriteit_financiele_sector"
        plan = sorted(
            s.scalars(
                sa.select(Interventie.maatregel)
                .join(Casus, Casus.id == Interventie.casus_id)
                .where(Casus.verband_id == "zvh-rotterdam-rijnmond")
            )
        )
        assert plan == ["dagbesteding", "schuldhulpverlening", "zorgtraject"]
        zorg = sorted(
            s.scalars(
                sa.select(Levering.status).where(Levering.ontvanger_id == "zvh-rotterdam-rijnmond")
            )
        )
        assert zorg == ["verwerkt", "verwerkt"]
        assert sorted(s.scalars(sa.select(Rapportageverzoek.status))) == ["geleverd", "ingediend"]
        assert s.scalar(sa.select(sa.func.count()).select_from(Signaalronde)) == 2
        assert s.scalar(sa.select(sa.func.count()).select_from(Rondeantwoord)) == 2
        assert sorted(s.scalars(sa.select(Facilitatorindicator.status))) == [
            "concept",
            "gepubliceerd",
        ]
        assert sorted(s.scalars(sa.select(Knelpunt.status))) == [
            "geescaleerd",
            "open",
            "opgelost",
        ]
        assert s.scalar(sa.select(sa.func.count()).select_from(Informatieplicht)) == 2
        regels = [json.loads(r) for r in s.scalars(sa.select(LogboekRegel.inhoud))]
    namen = {r["naam"] for r in regels}
    assert {
        "rapportage verstrekken",
        "signaalronde verstrekken",
        "signaalronde beantwoorden",
        "advies verstrekken",
    } <= namen
    # Care data went to the Zorg- en Veiligheidshuis only (the RIEC's request was refused and
    # logged as refused: nothing flowed).
    zorgregels = [
        r
        for r in regels
        if "zorg" in (r["dpl.integraal.categories"] or []) and r["status_code"] == STATUS_OK
    ]
    assert zorgregels
    assert {r["dpl.integraal.recipient"] for r in zorgregels} <= {"zvh-rotterdam-rijnmond"}
