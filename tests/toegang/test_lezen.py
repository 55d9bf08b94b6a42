# SPDX-License-Identifier: EUPL-1.2
"""Policy-enforced reads: who sees what, and every allowed read is logged."""

from __future__ import annotations

import json

import sqlalchemy as sa

from integraal import logboek
from integraal.domein.actor import Actor
from integraal.opslag.db import transactie
from integraal.opslag.modellen import AuditRecord, LogboekRegel
from integraal.toegang import Entiteitbeeld, Leesvraag, lees_entiteit, zoek_entiteiten
from tests.conftest import BSN_JAN, Wereld


def _zoek(
    w: Wereld,
    actor: Actor,
    casus: str | None = "C-1",
    term: str | None = "vries",
    doel: str = "integrale_aanpak",
) -> list[Entiteitbeeld]:
    with transactie(w.omgeving.fabriek) as s:
        return zoek_entiteiten(
            s,
            w.omgeving.beslisser,
            actor,
            Leesvraag(doel, casus),
            pseudoniem_sleutel=w.omgeving.pseudoniem_sleutel,
            term=term,
        )


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
    with transactie(w.omgeving.fabriek) as s:
        beeld = lees_entiteit(
            s, w.omgeving.beslisser, w.analist, Leesvraag("integrale_aanpak", "C-1"), persoon.id
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
    with transactie(w.omgeving.fabriek) as s:
        beeld = lees_entiteit(
            s,
            w.omgeving.beslisser,
            w.buitenstaander,
            Leesvraag("integrale_aanpak", "C-1"),
            persoon.id,
        )
        audit = s.scalars(
            sa.select(AuditRecord).where(AuditRecord.gebruiker_id == w.buitenstaander.gebruiker_id)
        ).all()
    assert beeld is None
    assert len(_logregels(w)) == voor
    assert [a.resultaat for a in audit] == ["geweigerd"]


def test_inzage_toont_levering_en_lezing(met_levering: Wereld) -> None:
    w = met_levering
    persoon = _zoek(w, w.analist, term=BSN_JAN)[0]
    from integraal.toegang.inzage import inzage_verzoek

    with transactie(w.omgeving.fabriek) as s:
        soort, regels = inzage_verzoek(s, w.privacy, BSN_JAN, w.omgeving.pseudoniem_sleutel, "test")
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
    omgeving = dataclasses.replace(w.omgeving, beslisser=alleen_adres)
    with transactie(omgeving.fabriek) as s:
        gevonden = zoek_entiteiten(
            s,
            alleen_adres,
            w.analist,
            Leesvraag("integrale_aanpak", "C-1"),
            pseudoniem_sleutel=omgeving.pseudoniem_sleutel,
            schema="Person",
        )
    assert gevonden and all(set(b.eigenschappen) == {"addressEntity"} for b in gevonden)
    from integraal.toegang.inzage import inzage_verzoek

    with transactie(w.omgeving.fabriek) as s:
        _, regels_jan = inzage_verzoek(s, w.privacy, BSN_JAN, w.omgeving.pseudoniem_sleutel, "test")
    assert any(
        r.handeling == "entiteiten zoeken" and r.categorieen == ("adres",) for r in regels_jan
    )
