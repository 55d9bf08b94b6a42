# SPDX-License-Identifier: EUPL-1.2
"""iCOV: a report on request, composed from the participants' deliveries, approved by a second
iCOV person and delivered to the requester only; every step decided and logged."""

from __future__ import annotations

import json

import pytest
import sqlalchemy as sa

from integraal.casus.signalen import Kenmerk, KenmerkSoort
from integraal.domein.fouten import Conflict, GeenToegang, NietGevonden, OngeldigeInvoer
from integraal.domein.rollen import Rol
from integraal.opslag.db import transactie
from integraal.opslag.modellen import LogboekRegel
from integraal.verbanden import icov
from integraal.verbanden.icov import (
    Rapportagedoel,
    Rapportagesoort,
    Rapportagestatus,
    RapportageverzoekIn,
    RedenIn,
)
from tests.conftest import BSN_JAN, BSN_KLAAS, Wereld, maak_actor
from tests.hulp import doe, lever

LEVERING = (
    "regel;bsn;naam;geboortedatum;iban;bank;kvk;bedrijfsnaam;aandeel;kenteken\n"
    f"1;{BSN_JAN};Jan de Vries;1980-02-01;NL91ABNA0417164300;ABN AMRO;;;;\n"
    f"2;{BSN_JAN};Jan de Vries;1980-02-01;;;99000001;Vries Horeca B.V.;100;\n"
    f"3;{BSN_JAN};Jan de Vries;1980-02-01;;;;;;XX-123-X\n"
    f"4;{BSN_KLAAS};Klaas Bakker;1970-12-31;NL20INGB0001234567;ING;;;;\n"
).encode()


@pytest.fixture
def iw(wereld: Wereld) -> dict[str, object]:
    o = wereld.omgeving
    actoren = {
        "belasting": maak_actor(o, "belasting", "belastingdienst"),
        "rechercheur": maak_actor(o, "rechercheur", "politie"),
        "collega": maak_actor(o, "collega", "politie"),
        "icov1": maak_actor(o, "icov1", "icov"),
        "icov2": maak_actor(o, "icov2", "icov"),
    }
    r = lever(o, actoren["belasting"], "demo-belastingdienst-icov", "icov.csv", LEVERING)
    assert r.status == "verwerkt", r.melding
    return actoren


def _vraag(soort: Rapportagesoort = Rapportagesoort.IRVI, **extra: object) -> RapportageverzoekIn:
    velden: dict[str, object] = {
        "soort": soort,
        "doel": Rapportagedoel.OPSPORING,
        "onderzoek": "Onderzoek Havenweg",
        "vordering": "Vordering 126nd Sv, parket 10/123456-26",
        "kenmerken": [Kenmerk(soort=KenmerkSoort.BSN, waarde=BSN_JAN)],
    }
    velden.update(extra)
    return RapportageverzoekIn(**velden)  # type: ignore[arg-type]


def _regels(w: Wereld) -> list[dict[str, object]]:
    with transactie(w.omgeving.fabriek) as s:
        return [
            json.loads(r.inhoud)
            for r in s.scalars(sa.select(LogboekRegel).order_by(LogboekRegel.volgnummer))
        ]


def test_van_verzoek_tot_geleverde_vermogensrapportage(wereld: Wereld, iw: dict) -> None:
    o = wereld.omgeving
    v = doe(o, iw["rechercheur"], icov.vraag_aan, _vraag())
    assert v.status is Rapportagestatus.INGEDIEND
    assert v.kenmerken == ["BSN bekend (gepseudonimiseerd)"]
    # Before composing, iCOV sees the request but no report; the requester nothing yet.
    assert doe(o, iw["icov1"], icov.lees, v.id).rapport == []
    opgesteld = doe(o, iw["icov1"], icov.stel_op, v.id)
    assert opgesteld.status is Rapportagestatus.OPGESTELD
    [subject] = opgesteld.rapport
    assert subject.naam == "Jan de Vries"
    soorten = {r.soort for r in subject.regels}
    assert soorten == {"Bankrekening", "Eigendom", "Voertuig"}
    omschrijvingen = " ".join(r.omschrijving for r in subject.regels)
    assert "NL91ABNA0417164300" in omschrijvingen and "Vries Horeca B.V." in omschrijvingen
    assert "XX123X" in omschrijvingen
    assert all(r.bronnen == ["belastingdienst"] for r in subject.regels)
    # Klaas was not asked about: he is not in the report.
    assert "NL20INGB0001234567" not in omschrijvingen
    # Four eyes: who composed does not approve; the requester cannot read before delivery.
    with pytest.raises(GeenToegang):
        doe(o, iw["icov1"], icov.keur_goed, v.id)
    assert doe(o, iw["rechercheur"], icov.lees, v.id).rapport == []
    doe(o, iw["icov2"], icov.keur_goed, v.id)
    geleverd = doe(o, iw["rechercheur"], icov.lees, v.id)
    assert geleverd.status is Rapportagestatus.GELEVERD and geleverd.rapport == opgesteld.rapport
    # Delivered to the requester only: a colleague at the same police finds nothing.
    with pytest.raises(NietGevonden):
        doe(o, iw["collega"], icov.lees, v.id)
    namen = [r["naam"] for r in _regels(wereld)]
    for stap in (
        "rapportage aanvragen",
        "rapportage opstellen",
        "rapportage verstrekken",
        "rapportage lezen",
    ):
        assert stap in namen, stap
    verstrekt = [r for r in _regels(wereld) if r["naam"] == "rapportage verstrekken"]
    assert {r["dpl.integraal.rule_id"] for r in verstrekt} == {"WGS-ICOV-OPSPORING"}
    assert {r["dpl.integraal.recipient"] for r in verstrekt} == {"politie"}


def test_relatierapportage_toont_relaties_en_geen_rekeningen(wereld: Wereld, iw: dict) -> None:
    o = wereld.omgeving
    v = doe(o, iw["rechercheur"], icov.vraag_aan, _vraag(Rapportagesoort.IRR))
    [subject] = doe(o, iw["icov1"], icov.stel_op, v.id).rapport
    assert {r.soort for r in subject.regels} == {"Eigendom"}


def test_opsporing_zonder_vordering_is_onvolledig(wereld: Wereld, iw: dict) -> None:
    with pytest.raises(OngeldigeInvoer) as fout:
        doe(wereld.omgeving, iw["rechercheur"], icov.vraag_aan, _vraag(vordering=None))
    assert set(fout.value.fouten) == {"vordering"}


def test_de_regels_weigeren_een_aanvrager_zonder_grondslag(wereld: Wereld, iw: dict) -> None:
    # A municipality is no iCOV participant: the request is recorded as refused, iCOV gets
    # nothing and no subject is named to it.
    gemeente = wereld.gemeente
    voor = len(_regels(wereld))
    v = doe(wereld.omgeving, gemeente, icov.vraag_aan, _vraag())
    assert v.status is Rapportagestatus.GEWEIGERD and v.uitleg
    assert len(_regels(wereld)) == voor
    # iCOV never received it: it does not exist for iCOV.
    with pytest.raises(NietGevonden):
        doe(wereld.omgeving, iw["icov1"], icov.stel_op, v.id)
    assert doe(wereld.omgeving, iw["icov1"], icov.lijst) == []
    with pytest.raises(Conflict):  # and composing twice is refused
        w = doe(wereld.omgeving, iw["rechercheur"], icov.vraag_aan, _vraag())
        doe(wereld.omgeving, iw["icov1"], icov.stel_op, w.id)
        doe(wereld.omgeving, iw["icov1"], icov.stel_op, w.id)


def test_zonder_verzoek_leest_ook_icov_niets(wereld: Wereld, iw: dict) -> None:
    from integraal.delen import Verzoek

    b = wereld.omgeving.beslisser.beslis(
        Verzoek(
            van="icov",
            aan="icov",
            categorie="financieel",
            doel="strafrechtelijk_onderzoek",
            bron="belastingdienst",
        )
    )
    assert not b.toegestaan
    met = wereld.omgeving.beslisser.beslis(
        Verzoek(
            van="icov",
            aan="icov",
            categorie="financieel",
            doel="strafrechtelijk_onderzoek",
            bron="belastingdienst",
            feiten=frozenset({"rapportageverzoek"}),
        )
    )
    assert met.toegestaan and met.regel_id == "WGS-ICOV-INTERN"


def test_inning_voor_de_invordering(wereld: Wereld, iw: dict) -> None:
    o = wereld.omgeving
    invordering = maak_actor(o, "invordering", "belastingdienst-invordering")
    v = doe(o, invordering, icov.vraag_aan, _vraag(doel=Rapportagedoel.INNING, vordering=None))
    assert v.status is Rapportagestatus.INGEDIEND
    doe(o, iw["icov1"], icov.stel_op, v.id)
    doe(o, iw["icov2"], icov.keur_goed, v.id)
    assert doe(o, invordering, icov.lees, v.id).rapport


def test_icov_wijst_af_met_reden_en_de_aanvrager_ziet_het(wereld: Wereld, iw: dict) -> None:
    o = wereld.omgeving
    v = doe(o, iw["rechercheur"], icov.vraag_aan, _vraag())
    with pytest.raises(NietGevonden):
        doe(o, iw["belasting"], icov.wijs_af, v.id, RedenIn(reden="Geen capaciteit."))
    doe(o, iw["icov1"], icov.wijs_af, v.id, RedenIn(reden="Onderzoek is al gesloten."))
    uit = doe(o, iw["rechercheur"], icov.lees, v.id)
    assert uit.status is Rapportagestatus.AFGEWEZEN and uit.reden == "Onderzoek is al gesloten."
    assert [x.id for x in doe(o, iw["rechercheur"], icov.lijst)] == [v.id]
    assert doe(o, iw["collega"], icov.lijst) == []
    coord = maak_actor(o, "icov.coord", "icov", Rol.COORDINATOR)
    assert [x.id for x in doe(o, coord, icov.lijst)] == [v.id]


def test_een_geweigerd_verzoek_van_een_deelnemer_bereikt_icov_niet(
    wereld: Wereld, iw: dict
) -> None:
    # The tax office takes part in iCOV, but may not receive a report for an investigation.
    v = doe(wereld.omgeving, iw["belasting"], icov.vraag_aan, _vraag())
    assert v.status is Rapportagestatus.GEWEIGERD
    with pytest.raises(NietGevonden):
        doe(wereld.omgeving, iw["icov1"], icov.lees, v.id)
    assert doe(wereld.omgeving, iw["icov1"], icov.lijst) == []
    # The requester still reads back what it asked and why it was refused.
    assert doe(wereld.omgeving, iw["belasting"], icov.lees, v.id).uitleg


def test_wie_de_rapportage_noemt_staat_in_het_logboek(wereld: Wereld, iw: dict) -> None:
    """A report about a company names its owner: the provision is logged for that person too,
    so an access request by the owner's BSN finds it."""
    from integraal.domein.pseudoniem import pseudoniem

    o = wereld.omgeving
    v = doe(
        o,
        iw["rechercheur"],
        icov.vraag_aan,
        _vraag(Rapportagesoort.IRR, kenmerken=[Kenmerk(soort=KenmerkSoort.KVK, waarde="99000001")]),
    )
    [subject] = doe(o, iw["icov1"], icov.stel_op, v.id).rapport
    assert "Jan de Vries" in " ".join(r.omschrijving for r in subject.regels)
    doe(o, iw["icov2"], icov.keur_goed, v.id)
    jan = pseudoniem(o.instellingen.pseudoniem_sleutel_bytes(), "bsn", BSN_JAN)
    with transactie(o.fabriek) as s:
        from integraal.opslag.modellen import LogboekBetrokkene

        rijen = list(
            s.execute(
                sa.select(LogboekRegel.inhoud)
                .join(LogboekBetrokkene, LogboekBetrokkene.volgnummer == LogboekRegel.volgnummer)
                .where(LogboekBetrokkene.betrokkene == jan)
            )
        )
    namen = {json.loads(r[0])["naam"] for r in rijen}
    assert "rapportage verstrekken" in namen
