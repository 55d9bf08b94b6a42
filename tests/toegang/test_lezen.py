# SPDX-License-Identifier: EUPL-1.2
"""Policy-enforced reads: who sees what, and every allowed read is logged."""

from __future__ import annotations

import json

import pytest
import sqlalchemy as sa

from integraal import logboek
from integraal.domein.actor import Actor
from integraal.domein.fouten import NietGevonden, OngeldigeInvoer
from integraal.opslag.db import transactie
from integraal.opslag.modellen import AuditRecord, LogboekRegel
from integraal.toegang import (
    Entiteitbeeld,
    Leesvraag,
    entiteit,
    lees_entiteit,
    zoek,
    zoek_entiteiten,
)
from integraal.toegang.lezen import Leesdoel, Zoekvraag
from tests.conftest import BSN_JAN, Wereld
from tests.hulp import doe


def _zoek(
    w: Wereld,
    actor: Actor,
    casus: str | None = "C-1",
    term: str | None = "vries",
    doel: str = "integrale_aanpak",
) -> list[Entiteitbeeld]:
    return doe(w.omgeving, actor, zoek_entiteiten, Leesvraag(doel, casus), term=term)


def _logregels(w: Wereld) -> list[dict[str, object]]:
    with transactie(w.omgeving.fabriek) as s:
        return [
            json.loads(x)
            for x in s.scalars(sa.select(LogboekRegel.inhoud).order_by(LogboekRegel.volgnummer))
        ]


def test_casuslid_leest_en_elke_lezing_staat_in_het_logboek(met_levering: Wereld) -> None:
    w = met_levering
    voor = len(_logregels(w))
    gevonden = _zoek(w, w.analist)
    assert {b.schema for b in gevonden} == {"Person", "Company"}
    nieuw = _logregels(w)[voor:]
    assert nieuw, "een toegestane lezing schrijft logregels"
    for lijn in nieuw:
        assert lijn["naam"] == "entiteiten zoeken"
        assert lijn["dpl.integraal.rule_id"] == "WGS-RIEC-INTERN"
        assert lijn["dpl.integraal.recipient"] == "riec-rotterdam"
        assert lijn["dpl.integraal.case_id"] == "C-1"
        assert lijn["dpl.integraal.decision_id"]
    gelezen = {(lijn["dpl.integraal.categories"][0]) for lijn in nieuw}
    assert {"identiteit", "kvk", "adres"} <= gelezen


def test_zoeken_op_bsn_via_pseudoniem(met_levering: Wereld) -> None:
    gevonden = _zoek(met_levering, met_levering.analist, term=BSN_JAN)
    assert [b.eigenschappen["name"] for b in gevonden] == [["Jan de Vries"]]
    assert all(BSN_JAN not in v for b in gevonden for vs in b.eigenschappen.values() for v in vs)


def test_geen_lid_van_de_casus_ziet_niets_en_er_komt_geen_logregel(met_levering: Wereld) -> None:
    w = met_levering
    voor = len(_logregels(w))
    assert _zoek(w, w.buitenstaander) == []
    assert len(_logregels(w)) == voor


def test_ander_riec_ziet_niets(met_levering: Wereld) -> None:
    assert _zoek(met_levering, met_levering.andere_riec) == []


def test_zonder_casus_ziet_ook_een_lid_niets(met_levering: Wereld) -> None:
    assert _zoek(met_levering, met_levering.analist, casus=None) == []


def test_andere_casus_ziet_niets_door_doelbinding(met_levering: Wereld) -> None:
    assert _zoek(met_levering, met_levering.analist, casus="C-2") == []


def test_ander_doel_ziet_niets(met_levering: Wereld) -> None:
    assert _zoek(met_levering, met_levering.analist, doel="bibob") == []


def test_leverancier_ziet_eigen_levering_terug(met_levering: Wereld) -> None:
    gevonden = _zoek(met_levering, met_levering.gemeente, casus=None)
    assert gevonden and all(h.bron == "gemeente-rotterdam" for b in gevonden for h in b.herkomst)
    regels = _logregels(met_levering)
    assert regels[-1]["dpl.integraal.rule_id"] == "EIGEN-LEVERING"


def test_entiteit_lezen_geeft_herkomst_en_logt_per_besluit(met_levering: Wereld) -> None:
    w = met_levering
    persoon = _zoek(w, w.analist, term=BSN_JAN)[0]
    voor = len(_logregels(w))
    beeld = doe(
        w.omgeving, w.analist, lees_entiteit, Leesvraag("integrale_aanpak", "C-1"), persoon.id
    )
    assert beeld is not None and beeld.eigenschappen["name"] == ["Jan de Vries"]
    assert {h.grondslag for h in beeld.herkomst} == {"WGS-RIEC-IN"}
    nieuw = _logregels(w)[voor:]
    assert {tuple(r["dpl.integraal.categories"]) for r in nieuw} == {("identiteit",), ("adres",)}
    assert all(r["dpl.core.data_subject_id_type"] == "BSN-pseudoniem" for r in nieuw)


def test_geweigerde_lezing_geeft_niets_en_staat_in_de_audit(met_levering: Wereld) -> None:
    w = met_levering
    persoon = _zoek(w, w.analist, term=BSN_JAN)[0]
    voor = len(_logregels(w))
    beeld = doe(
        w.omgeving,
        w.buitenstaander,
        lees_entiteit,
        Leesvraag("integrale_aanpak", "C-1"),
        persoon.id,
    )
    with transactie(w.omgeving.fabriek) as s:
        audit = s.scalars(
            sa.select(AuditRecord).where(AuditRecord.gebruiker_id == w.buitenstaander.gebruiker_id)
        ).all()
    assert beeld is None
    assert len(_logregels(w)) == voor
    assert [a.resultaat for a in audit] == ["geweigerd"]


def test_inzage_toont_levering_en_lezing(met_levering: Wereld) -> None:
    w = met_levering
    persoon = _zoek(w, w.analist, term=BSN_JAN)[0]
    from integraal.toegang.inzage import InzageVraag, inzage_verzoek

    uit = doe(w.omgeving, w.privacy, inzage_verzoek, InzageVraag(betrokkene=BSN_JAN))
    soort, regels = uit.betrokkene_soort, uit.regels
    assert soort == "BSN-pseudoniem"
    handelingen = [r.handeling for r in regels]
    assert handelingen[0] == "levering ontvangen" and "entiteiten zoeken" in handelingen
    eerste = regels[0]
    assert eerste.verstrekker == "gemeente-rotterdam" and eerste.organisatie == "riec-rotterdam"
    assert eerste.doel == "integrale_aanpak" and eerste.grondslag and "WGS" in eerste.grondslag
    assert persoon.id  # the reader's view and the subject report concern the same person
    with transactie(w.omgeving.fabriek) as s:
        assert logboek.verifieer(s).in_orde


def test_betrokkene_in_logboek_ook_als_de_lezer_het_bsn_niet_mag_zien(met_levering: Wereld) -> None:
    """The subject id comes from all the entity's data, so inzage by BSN misses no read."""
    import dataclasses

    from integraal.delen import Beslisser
    from integraal.delen.model import Catalogus

    w = met_levering
    cat = w.omgeving.beslisser.catalogus
    regels = tuple(
        r.model_copy(update={"categorieen": ("adres",)}) if r.id == "WGS-RIEC-INTERN" else r
        for r in cat.regels
    )
    alleen_adres = Beslisser(
        Catalogus(versie="t", categorieen=cat.categorieen, doelen=cat.doelen, regels=regels),
        w.omgeving.beslisser.register,
    )
    omgeving = dataclasses.replace(w.omgeving, beslisser=alleen_adres, vaste_catalogus=True)
    gevonden = doe(
        omgeving, w.analist, zoek_entiteiten, Leesvraag("integrale_aanpak", "C-1"), schema="Person"
    )
    assert gevonden and all(set(b.eigenschappen) == {"addressEntity"} for b in gevonden)
    from integraal.toegang.inzage import InzageVraag, inzage_verzoek

    regels_jan = doe(w.omgeving, w.privacy, inzage_verzoek, InzageVraag(betrokkene=BSN_JAN)).regels
    assert any(
        r.handeling == "entiteiten zoeken" and r.categorieen == ["adres"] for r in regels_jan
    )


def test_entiteit_als_dienst_geeft_het_beeld_of_niet_gevonden(met_levering: Wereld) -> None:
    """The faces' service: a refused read is indistinguishable from an unknown id."""
    w = met_levering
    persoon = _zoek(w, w.analist, term=BSN_JAN)[0]
    vraag = Leesdoel.model_validate({"doel": "integrale_aanpak", "casusId": "C-1"})
    uit = doe(w.omgeving, w.analist, entiteit, persoon.id, vraag)
    assert uit.naam == "Jan de Vries" and uit.schema_ == "Person"
    assert uit.model_dump(by_alias=True)["schema"] == "Person"
    for actor, id_ in ((w.buitenstaander, persoon.id), (w.analist, "bestaat-niet")):
        with pytest.raises(NietGevonden):
            doe(w.omgeving, actor, entiteit, id_, vraag)


def test_zoeken_als_dienst_bladert_met_volgende(met_levering: Wereld) -> None:
    w = met_levering
    alle = _zoek(w, w.analist, term=None)
    assert len(alle) >= 3
    pagina: list[str] = []
    na: str | None = None
    while True:
        vraag = Zoekvraag.model_validate(
            {"doel": "integrale_aanpak", "casusId": "C-1", "limiet": 2, "na": na}
        )
        uit = doe(w.omgeving, w.analist, zoek, vraag)
        pagina += [e.id for e in uit.resultaten]
        if uit.volgende is None:
            break
        assert uit.volgende == uit.resultaten[-1].id
        na = uit.volgende
    assert pagina == [b.id for b in alle]


def test_zoekvraag_weigert_een_te_grote_limiet_in_het_nederlands() -> None:
    from integraal.domein.invoer import valideer

    with pytest.raises(OngeldigeInvoer) as fout:
        valideer(Zoekvraag, {"doel": "integrale_aanpak", "limiet": 10_000})
    assert set(fout.value.fouten) == {"limiet"}
