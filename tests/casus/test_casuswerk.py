# SPDX-License-Identifier: EUPL-1.2
"""Signal → case → data request with four eyes → answer → close, and who may do what."""

from __future__ import annotations

import json
from typing import Any

import pytest
import sqlalchemy as sa

from integraal.bronnen.importeren import importeer
from integraal.bronnen.mapping import meegeleverde_mappings
from integraal.casus import GeenToegang, OngeldigeInvoer, casussen, deelverzoeken, signalen
from integraal.domein.casus import SignaalStatus
from integraal.domein.rollen import Rol
from integraal.opslag.db import transactie
from integraal.opslag.modellen import LogboekRegel, Signaal
from tests.conftest import BSN_JAN, Wereld, maak_actor


@pytest.fixture
def rollen(wereld: Wereld) -> dict[str, Any]:
    o = wereld.omgeving
    return {
        "coordinator": maak_actor(o, "coordinator", "riec-rotterdam", Rol.COORDINATOR),
        "politie_a": maak_actor(o, "politie.a", "politie"),
        "politie_b": maak_actor(o, "politie.b", "politie"),
    }


def _in(w: Wereld, fn: Any, *a: Any, **k: Any) -> Any:
    with transactie(w.omgeving.fabriek) as s:
        return fn(s, *a, **k)


def _signaal(w: Wereld, actor: Any = None, kenmerken: list[tuple[str, str]] | None = None) -> str:
    return _in(
        w,
        signalen.dien_in,
        w.omgeving.beslisser,
        actor or w.gemeente,
        verband_id="riec-rotterdam",
        omschrijving="Veel contant geld in horecapand Kerkstraat 1.",
        kenmerken=kenmerken or [],
        sleutel=w.omgeving.pseudoniem_sleutel,
        herkomst="test",
    )


def _logregels(w: Wereld) -> list[dict[str, Any]]:
    with transactie(w.omgeving.fabriek) as s:
        return [
            json.loads(x)
            for x in s.scalars(sa.select(LogboekRegel.inhoud).order_by(LogboekRegel.volgnummer))
        ]


def test_signaal_van_partner_gaat_langs_de_deelregels_en_het_logboek(wereld: Wereld) -> None:
    nummer = _signaal(wereld, kenmerken=[("bsn", BSN_JAN), ("kvk", "99000001")])
    with transactie(wereld.omgeving.fabriek) as s:
        sig = s.get(Signaal, nummer)
        assert sig is not None and sig.status == "nieuw"
        assert BSN_JAN not in json.dumps(sig.kenmerken)  # pseudonymised
    lijn = _logregels(wereld)[-1]
    assert (
        lijn["naam"] == "signaal ontvangen" and lijn["dpl.integraal.rule_id"] == "WGS-RIEC-SIGNAAL"
    )
    assert lijn["dpl.core.data_subject_id_type"] == "BSN-pseudoniem"


def test_signaal_van_niet_deelnemer_geweigerd(wereld: Wereld) -> None:
    utrecht = maak_actor(wereld.omgeving, "ambtenaar.utrecht", "gemeente-utrecht")
    with pytest.raises(GeenToegang, match="WGS-RIEC-SIGNAAL"):
        _signaal(wereld, utrecht)


def test_publieke_melding_en_ongeldige_kenmerken(wereld: Wereld) -> None:
    nummer = _in(
        wereld,
        signalen.dien_in,
        wereld.omgeving.beslisser,
        None,
        verband_id="riec-rotterdam",
        omschrijving="Anonieme tip over een hennepkwekerij.",
        kenmerken=[("postcode", "3011 aa")],
        sleutel=wereld.omgeving.pseudoniem_sleutel,
        herkomst="publiek",
    )
    assert _logregels(wereld)[-1]["dpl.integraal.provider"] == "publiek"
    assert nummer.startswith("S-")
    with pytest.raises(OngeldigeInvoer) as exc:
        _signaal(wereld, kenmerken=[("bsn", "123456789"), ("kenteken", "??")])
    assert set(exc.value.fouten) == {"kenmerk 1", "kenmerk 2"}
    with pytest.raises(OngeldigeInvoer, match="omschrijving"):
        _in(
            wereld,
            signalen.dien_in,
            wereld.omgeving.beslisser,
            None,
            verband_id="riec-rotterdam",
            omschrijving="kort",
            kenmerken=[],
            sleutel=b"k",
            herkomst="publiek",
        )


def test_triage_met_reden_en_alleen_door_het_verband(
    wereld: Wereld, rollen: dict[str, Any]
) -> None:
    nummer = _signaal(wereld)
    with pytest.raises(OngeldigeInvoer, match="reden"):
        _in(wereld, signalen.beoordeel, wereld.analist, nummer, SignaalStatus.IN_BEHANDELING, "")
    with pytest.raises(GeenToegang):
        _in(
            wereld,
            signalen.beoordeel,
            wereld.gemeente,
            nummer,
            SignaalStatus.AFGEWEZEN,
            "geen reden",
        )
    _in(
        wereld,
        signalen.beoordeel,
        wereld.analist,
        nummer,
        SignaalStatus.AFGEWEZEN,
        "geen ondermijning",
    )
    with pytest.raises(OngeldigeInvoer, match="kan niet"):
        _in(
            wereld,
            signalen.beoordeel,
            wereld.analist,
            nummer,
            SignaalStatus.IN_BEHANDELING,
            "toch wel",
        )


def test_signalen_lezen_alleen_binnen_het_verband_en_gelogd(wereld: Wereld) -> None:
    _signaal(wereld)
    voor = len(_logregels(wereld))
    assert len(_in(wereld, signalen.lijst, wereld.omgeving.beslisser, wereld.analist)) == 1
    assert _logregels(wereld)[-1]["naam"] == "signaal lezen"
    assert len(_logregels(wereld)) == voor + 1
    with pytest.raises(GeenToegang):
        _in(wereld, signalen.lijst, wereld.omgeving.beslisser, wereld.gemeente)
    # Another RIEC reads its own region's signals, never Rotterdam's.
    assert _in(wereld, signalen.lijst, wereld.omgeving.beslisser, wereld.andere_riec) == []


def test_bekend_subject_wordt_aangewezen(met_levering: Wereld) -> None:
    w = met_levering
    nummer = _signaal(w, kenmerken=[("bsn", BSN_JAN)])
    beeld = _in(
        w, signalen.lees, w.omgeving.beslisser, w.analist, nummer, w.omgeving.pseudoniem_sleutel
    )
    assert [(b.casus_id, b.naam) for b in beeld.bekend] == [("C-1", "Jan de Vries")]
    # Someone who is not in C-1 gets no hint about it.
    beeld = _in(
        w,
        signalen.lees,
        w.omgeving.beslisser,
        w.buitenstaander,
        nummer,
        w.omgeving.pseudoniem_sleutel,
    )
    assert beeld.bekend == []


def test_hele_reis_signaal_casus_deelverzoek_vierogen_levering_sluiten(
    wereld: Wereld, rollen: dict[str, Any]
) -> None:
    w, coord = wereld, rollen["coordinator"]
    nummer = _signaal(w)
    with pytest.raises(OngeldigeInvoer, match="in behandeling"):
        _in(
            w,
            casussen.open_casus,
            coord,
            titel="Kerkstraat",
            doel="integrale_aanpak",
            signaal_ids=[nummer],
        )
    _in(w, signalen.beoordeel, w.analist, nummer, SignaalStatus.IN_BEHANDELING, "nader onderzoeken")
    with pytest.raises(GeenToegang):
        _in(
            w,
            casussen.open_casus,
            w.analist,
            titel="Kerkstraat",
            doel="integrale_aanpak",
            signaal_ids=[nummer],
        )
    casus_id = _in(
        w,
        casussen.open_casus,
        coord,
        titel="Kerkstraat",
        doel="integrale_aanpak",
        signaal_ids=[nummer],
        leden=["analist"],
    )
    with transactie(w.omgeving.fabriek) as s:
        sig = s.get(Signaal, nummer)
        assert sig is not None and sig.status == "omgezet" and sig.casus_id == casus_id

    # Without recorded indications the engine refuses the request; the explanation says why.
    dv = _in(
        w,
        deelverzoeken.vraag,
        w.omgeving.beslisser,
        w.analist,
        casus_id=casus_id,
        verstrekker_id="politie",
        categorieen=["identiteit"],
        toelichting="Wie zijn de exploitanten?",
    )
    assert dv.status == "geweigerd" and "objectieve aanwijzingen" in dv.besluiten[0]["uitleg"]
    _in(
        w,
        casussen.leg_aanwijzingen_vast,
        coord,
        casus_id,
        "Bestuurlijke rapportage politie van 12-03-2026 en twee meldingen van de gemeente.",
    )
    dv = _in(
        w,
        deelverzoeken.vraag,
        w.omgeving.beslisser,
        w.analist,
        casus_id=casus_id,
        verstrekker_id="politie",
        categorieen=["identiteit", "adres"],
        toelichting="Wie zijn de exploitanten?",
    )
    assert dv.status == "wacht_op_goedkeuring"
    verzoeken = [r for r in _logregels(w) if r["naam"] == "deelverzoek"]
    assert [(r["dpl.integraal.rule_id"], r["status_code"]) for r in verzoeken] == [
        ("WGS-RIEC-IN", 2),
        ("WGS-RIEC-IN", 1),
        ("WGS-RIEC-IN", 1),
    ]
    assert [b["regelId"] for b in dv.besluiten] == ["WGS-RIEC-IN", "WGS-RIEC-IN"]

    # Four eyes: not the requester, not another organisation; a second person of the police.
    with pytest.raises(GeenToegang):
        _in(w, deelverzoeken.keur_goed, w.analist, dv.id)
    _in(w, deelverzoeken.keur_goed, rollen["politie_a"], dv.id)

    mapping = meegeleverde_mappings()["demo-politie-ftm"]

    def lever(actor: Any, naam: str) -> str:
        regel = {"id": "p1", "schema": "Person", "properties": {"name": [naam]}}
        r = importeer(
            w.omgeving.fabriek,
            w.omgeving.beslisser,
            actor,
            mapping,
            "p.jsonl",
            json.dumps(regel).encode(),
            pseudoniem_sleutel=w.omgeving.pseudoniem_sleutel,
            casus_id=casus_id,
        )
        assert r.status == "verwerkt", r.melding
        return r.levering_id

    # The approver may not provide the answer too; a colleague does.
    door_goedkeurder = lever(rollen["politie_a"], "Jan de Vries")
    with pytest.raises(GeenToegang, match="vierogen"):
        _in(w, deelverzoeken.beantwoord, rollen["politie_a"], dv.id, door_goedkeurder)
    door_collega = lever(rollen["politie_b"], "Jan de Vries sr.")
    _in(w, deelverzoeken.beantwoord, rollen["politie_b"], dv.id, door_collega)

    over = _in(w, casussen.overzicht, w.omgeving.beslisser, w.analist, casus_id)
    assert [d.status for d in over.deelverzoeken] == ["geweigerd", "beantwoord"]

    with pytest.raises(GeenToegang):
        _in(w, casussen.sluit, w.analist, casus_id, "klaar")
    _in(w, casussen.sluit, coord, casus_id, "Panden gesloten, advies uitgevoerd.")
    with pytest.raises(GeenToegang, match="gesloten"):
        _in(w, casussen.voeg_lid_toe, coord, casus_id, "buitenstaander")
    with pytest.raises(GeenToegang, match="gesloten"):
        _in(
            w,
            deelverzoeken.vraag,
            w.omgeving.beslisser,
            w.analist,
            casus_id=casus_id,
            verstrekker_id="politie",
            categorieen=["identiteit"],
            toelichting="Nog een vraag hierover.",
        )


def test_subject_koppelen_alleen_als_het_lid_het_mag_zien(
    met_levering: Wereld, rollen: dict[str, Any]
) -> None:
    w = met_levering
    with transactie(w.omgeving.fabriek) as s:
        from integraal.opslag.modellen import Statement

        jan = s.scalars(
            sa.select(Statement.entity_id).where(Statement.value == "Jan de Vries")
        ).first()
    assert jan
    beeld = _in(w, casussen.koppel_subject, w.omgeving.beslisser, w.analist, "C-1", jan)
    assert beeld.eigenschappen["name"] == ["Jan de Vries"]
    with pytest.raises(GeenToegang):
        _in(w, casussen.koppel_subject, w.omgeving.beslisser, w.buitenstaander, "C-1", jan)
    with pytest.raises(GeenToegang, match="niet voor u zichtbaar"):
        _in(w, casussen.koppel_subject, w.omgeving.beslisser, w.analist, "C-2", jan)
    over = _in(w, casussen.overzicht, w.omgeving.beslisser, w.analist, "C-1")
    assert [b.eigenschappen["name"] for _, b in over.subjecten if b] == [["Jan de Vries"]]
    assert over.bijdragen == {"gemeente-rotterdam": len(beeld.herkomst)}
    with pytest.raises(GeenToegang):
        _in(w, casussen.overzicht, w.omgeving.beslisser, w.buitenstaander, "C-1")
