# SPDX-License-Identifier: EUPL-1.2
"""The Bibob procedure: from application to decision, the LBB's term, the advice kept secret
(BIBOB-OVERIG), the RIEC's extract and re-use of a conclusion, each step decided and logged."""

from __future__ import annotations

import datetime as dt
import json

import pytest
import sqlalchemy as sa

from integraal.bestuurlijk import bibob
from integraal.bestuurlijk.bibob import (
    BibobbesluitIn,
    BibobIn,
    ExtractIn,
    LbbAdviesIn,
    OnderzoekIn,
    RegistervraagIn,
    VoornemenIn,
    ZienswijzeIn,
)
from integraal.casus.signalen import Kenmerk, KenmerkSoort
from integraal.delen import standaard_beslisser
from integraal.delen.model import Verzoek
from integraal.domein.bestuurlijk import Bibobbesluit, Bibobconclusie, Bibobstatus
from integraal.domein.fouten import Conflict, GeenToegang, NietGevonden
from integraal.domein.rollen import Rol
from integraal.opslag.db import transactie
from integraal.opslag.modellen import LogboekRegel
from tests.conftest import Wereld, maak_actor
from tests.hulp import doe

GEHEIM = "Advies-LBB-geheim-7Q4"
KVK = "99000001"


@pytest.fixture
def bw(wereld: Wereld) -> dict:
    o = wereld.omgeving
    return {
        "bibob": maak_actor(o, "bibob", "gemeente-rotterdam", Rol.BIBOB_ADVISEUR),
        "collega": maak_actor(o, "collega", "gemeente-rotterdam", Rol.BIBOB_ADVISEUR),
        "schiedam": maak_actor(o, "schiedam", "gemeente-schiedam", Rol.BIBOB_ADVISEUR),
        "oov": maak_actor(o, "oov", "gemeente-rotterdam", Rol.OOV_ADVISEUR),
    }


def _start(o: object, actor: object) -> str:
    p = doe(
        o,  # type: ignore[arg-type]
        actor,  # type: ignore[arg-type]
        bibob.start,
        BibobIn(
            aanleiding="vergunning",
            onderwerp="Exploitatievergunning horeca, zaak Z-2026-0412",
            aanvrager="Vries Horeca B.V.",
            kenmerken=[Kenmerk(soort=KenmerkSoort.KVK, waarde=KVK)],
        ),
    )
    return p.id


def _regels(w: Wereld) -> list[dict]:
    with transactie(w.omgeving.fabriek) as s:
        return [json.loads(r.inhoud) for r in s.scalars(sa.select(LogboekRegel))]


def test_van_aanvraag_via_lbb_tot_besluit(wereld: Wereld, bw: dict) -> None:
    o, ik = wereld.omgeving, bw["bibob"]
    pid = _start(o, ik)
    with pytest.raises(Conflict, match="vragenlijst"):
        doe(o, ik, bibob.vraag_advies, pid)
    doe(
        o,
        ik,
        bibob.onderzoek,
        pid,
        OnderzoekIn(
            vragenlijst_op="01-11-2026", eigen_onderzoek="KvK en eigen registers nagelopen."
        ),
    )
    nu = dt.datetime(2026, 11, 2, 9, tzinfo=dt.UTC)
    doe(o, ik, bibob.vraag_advies, pid, klok=lambda: nu)
    p = doe(o, ik, bibob.lees, pid)
    assert p.status is Bibobstatus.ADVIES_GEVRAAGD
    assert p.termijn == dt.date(2026, 12, 28)  # eight weeks
    doe(o, ik, bibob.verleng, pid)
    assert doe(o, ik, bibob.lees, pid).termijn == dt.date(2027, 1, 25)  # once four more
    with pytest.raises(Conflict, match="één keer"):
        doe(o, ik, bibob.verleng, pid)
    doe(
        o,
        ik,
        bibob.ontvang_advies,
        pid,
        LbbAdviesIn(conclusie=Bibobconclusie.ERNSTIG_B, advies=GEHEIM + " ernstig gevaar."),
    )
    # An adverse decision waits for the applicant's hearing.
    with pytest.raises(Conflict, match="zienswijze"):
        doe(
            o,
            ik,
            bibob.besluit,
            pid,
            BibobbesluitIn(
                besluit=Bibobbesluit.WEIGEREN, motivering="Ernstig gevaar volgens het LBB."
            ),
        )
    doe(o, ik, bibob.voornemen, pid, VoornemenIn(voornemen=Bibobbesluit.WEIGEREN))
    doe(o, ik, bibob.zienswijze, pid, ZienswijzeIn(zienswijze="Geen zienswijze ontvangen."))
    doe(
        o,
        ik,
        bibob.besluit,
        pid,
        BibobbesluitIn(besluit=Bibobbesluit.WEIGEREN, motivering="Ernstig gevaar volgens het LBB."),
    )
    p = doe(o, ik, bibob.lees, pid)
    assert p.status is Bibobstatus.BESLOTEN and p.besluit is Bibobbesluit.WEIGEREN
    assert p.advies is not None and GEHEIM in p.advies
    assert p.in_register_tot is not None
    regels = {r["dpl.integraal.rule_id"] for r in _regels(wereld) if r.get("dpl.integraal.rule_id")}
    assert {"BIBOB-LBB", "BIBOB-ADVIES", "BESTUUR-EIGEN-TAAK"} <= regels


def test_advies_blijft_geheim(wereld: Wereld, bw: dict) -> None:
    """BIBOB-OVERIG: only the body that asked reads the advice; a RIEC gets an extract, another
    municipality at most the conclusion, re-use logged."""
    o, ik = wereld.omgeving, bw["bibob"]
    pid = _start(o, ik)
    doe(
        o,
        ik,
        bibob.onderzoek,
        pid,
        OnderzoekIn(
            vragenlijst_op="01-11-2026", eigen_onderzoek="KvK en eigen registers nagelopen."
        ),
    )
    doe(o, ik, bibob.vraag_advies, pid)
    doe(
        o,
        ik,
        bibob.ontvang_advies,
        pid,
        LbbAdviesIn(conclusie=Bibobconclusie.ERNSTIG_A, advies=GEHEIM + " strafbare feiten."),
    )
    riec = doe(
        o,
        ik,
        bibob.deel_extract,
        pid,
        ExtractIn(extract="Graag ondersteuning bij het duiden van de zeggenschap."),
    )
    assert riec == "riec-rotterdam"
    # Another municipality, the OOV adviser of the same one, and the RIEC: no dossier.
    for wie in (bw["schiedam"], bw["oov"], wereld.analist):
        with pytest.raises((NietGevonden, GeenToegang)):
            doe(o, wie, bibob.lees, pid)
    ex = doe(o, wereld.analist, bibob.extract, pid)
    assert GEHEIM not in ex.model_dump_json() and "zeggenschap" in ex.extract
    with pytest.raises(NietGevonden):
        doe(o, wereld.andere_riec, bibob.extract, pid)
    # Re-use: Schiedam finds the conclusion, never the advice; the re-use is logged.
    gevonden = doe(
        o,
        bw["schiedam"],
        bibob.register,
        RegistervraagIn(soort=KenmerkSoort.KVK, waarde=KVK),
    )
    assert [c.conclusie for c in gevonden] == [Bibobconclusie.ERNSTIG_A]
    assert GEHEIM not in json.dumps([c.model_dump(mode="json") for c in gevonden])
    hergebruik = [r for r in _regels(wereld) if r.get("dpl.integraal.rule_id") == "BIBOB-REGISTER"]
    assert hergebruik and hergebruik[0]["dpl.integraal.recipient"] == "gemeente-schiedam"
    # After the term, nothing is found.
    later = dt.datetime(2032, 1, 1, tzinfo=dt.UTC)
    assert (
        doe(
            o,
            bw["schiedam"],
            bibob.register,
            RegistervraagIn(soort=KenmerkSoort.KVK, waarde=KVK),
            klok=lambda: later,
        )
        == []
    )
    assert GEHEIM not in json.dumps(_regels(wereld))


@pytest.mark.parametrize(
    ("van", "aan", "feiten", "regel", "mag"),
    [
        ("lbb", "gemeente-rotterdam", {"eigen_bibob_aanvraag"}, "BIBOB-ADVIES", True),
        ("lbb", "gemeente-rotterdam", set(), "BIBOB-OVERIG", False),
        (
            "gemeente-rotterdam",
            "gemeente-rotterdam",
            {"eigen_bibob_aanvraag"},
            "BESTUUR-EIGEN-TAAK",
            True,
        ),
        ("gemeente-rotterdam", "gemeente-rotterdam", set(), "BIBOB-OVERIG", False),
        (
            "gemeente-rotterdam",
            "gemeente-schiedam",
            {"eigen_bibob_aanvraag"},
            "BIBOB-OVERIG",
            False,
        ),
        ("lbb", "riec-rotterdam", {"eigen_bibob_aanvraag"}, "BIBOB-OVERIG", False),
        ("gemeente-rotterdam", "riec-rotterdam", {"eigen_bibob_aanvraag"}, "BIBOB-OVERIG", False),
        ("gemeente-rotterdam", "politie", {"eigen_bibob_aanvraag"}, "BIBOB-OVERIG", False),
        ("lbb", "voorbeeldbank", {"eigen_bibob_aanvraag"}, "BIBOB-OVERIG", False),
    ],
)
def test_het_advies_bereikt_alleen_wie_het_vroeg(
    van: str, aan: str, feiten: set[str], regel: str, mag: bool
) -> None:
    b = standaard_beslisser().beslis(
        Verzoek(van=van, aan=aan, categorie="bibob_advies", doel="bibob", feiten=frozenset(feiten))
    )
    assert (b.toegestaan, b.regel_id) == (mag, regel)
