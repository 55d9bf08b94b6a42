# SPDX-License-Identifier: EUPL-1.2
"""Signal → case → data request with four eyes → answer → close, and who may do what."""

from __future__ import annotations

import json
from typing import Any

import pytest
import sqlalchemy as sa

from integraal.casus import casussen, deelverzoeken, signalen
from integraal.casus.casussen import CasusIn, LidIn, Motivering, Sluiten, SubjectIn
from integraal.casus.deelverzoeken import AntwoordIn, DeelverzoekIn
from integraal.casus.signalen import Beoordeling, Kenmerk, SignaalIn, SignaalUit
from integraal.delen import Geweigerd
from integraal.domein.actor import Actor
from integraal.domein.casus import DeelverzoekStatus, SignaalStatus
from integraal.domein.fouten import Conflict, GeenToegang, NietGevonden, OngeldigeInvoer
from integraal.domein.invoer import valideer
from integraal.domein.rollen import Rol
from integraal.opslag.db import transactie
from integraal.opslag.modellen import AuditRecord, Deelverzoek, LogboekRegel, Signaal, Statement
from integraal.verwerking import Kanaal
from tests.conftest import BSN_JAN, Wereld, maak_actor
from tests.hulp import doe, lever


@pytest.fixture
def rollen(wereld: Wereld) -> dict[str, Any]:
    o = wereld.omgeving
    return {
        "coordinator": maak_actor(o, "coordinator", "riec-rotterdam", Rol.COORDINATOR),
        "politie_a": maak_actor(o, "politie.a", "politie"),
        "politie_b": maak_actor(o, "politie.b", "politie"),
    }


def _signaal(
    w: Wereld, actor: Actor | None = None, kenmerken: list[tuple[str, str]] | None = None
) -> SignaalUit:
    invoer = SignaalIn(
        verband="riec-rotterdam",
        omschrijving="Veel contant geld in horecapand Kerkstraat 1.",
        kenmerken=[Kenmerk(soort=s, waarde=v) for s, v in kenmerken or []],
    )
    return doe(w.omgeving, actor or w.gemeente, signalen.dien_in, invoer)


def _beoordeel(w: Wereld, actor: Actor, nummer: str, status: SignaalStatus, reden: str) -> Any:
    return doe(
        w.omgeving, actor, signalen.beoordeel, nummer, Beoordeling(status=status, reden=reden)
    )


def _logregels(w: Wereld) -> list[dict[str, Any]]:
    with transactie(w.omgeving.fabriek) as s:
        return [
            json.loads(x)
            for x in s.scalars(sa.select(LogboekRegel.inhoud).order_by(LogboekRegel.volgnummer))
        ]


def test_signaal_van_partner_gaat_langs_de_deelregels_en_het_logboek(wereld: Wereld) -> None:
    uit = _signaal(wereld, kenmerken=[("bsn", BSN_JAN), ("kvk", "99000001")])
    assert uit.status is SignaalStatus.NIEUW and uit.organisatie == "gemeente-rotterdam"
    with transactie(wereld.omgeving.fabriek) as s:
        sig = s.get(Signaal, uit.id)
        assert sig is not None and sig.status == "nieuw"
        assert BSN_JAN not in json.dumps(sig.kenmerken)  # pseudonymised
    # Neither does the answer carry the BSN back.
    assert BSN_JAN not in uit.model_dump_json()
    lijn = _logregels(wereld)[-1]
    assert (
        lijn["naam"] == "signaal ontvangen" and lijn["dpl.integraal.rule_id"] == "WGS-RIEC-SIGNAAL"
    )
    assert lijn["dpl.core.data_subject_id_type"] == "BSN-pseudoniem"


def test_signaal_van_niet_deelnemer_geweigerd(wereld: Wereld) -> None:
    utrecht = maak_actor(wereld.omgeving, "ambtenaar.utrecht", "gemeente-utrecht")
    with pytest.raises(Geweigerd) as exc:
        _signaal(wereld, utrecht)
    assert not exc.value.besluit.toegestaan
    assert "WGS-RIEC-SIGNAAL" in exc.value.uitleg
    with transactie(wereld.omgeving.fabriek) as s:
        assert s.scalar(sa.select(sa.func.count()).select_from(Signaal)) == 0


def test_publieke_melding_en_ongeldige_kenmerken(wereld: Wereld) -> None:
    uit = doe(
        wereld.omgeving,
        None,
        signalen.dien_in,
        SignaalIn(
            verband="riec-rotterdam",
            omschrijving="Anonieme tip over een hennepkwekerij.",
            kenmerken=[Kenmerk(soort="postcode", waarde="3011 aa")],
        ),
        kanaal=Kanaal.WEB,
    )
    lijn = _logregels(wereld)[-1]
    assert lijn["dpl.integraal.provider"] == "publiek"
    assert "melding van een burger" in lijn["dpl.integraal.basis"]
    assert uit.id.startswith("S-") and uit.organisatie is None
    # The postcode is normalised by its validator.
    assert [(k.soort, k.waarde) for k in uit.kenmerken] == [("postcode", "3011AA")]
    with pytest.raises(OngeldigeInvoer) as exc:
        valideer(
            SignaalIn,
            {
                "verband": "riec-rotterdam",
                "omschrijving": "Veel contant geld in horecapand Kerkstraat 1.",
                "kenmerken": [
                    {"soort": "bsn", "waarde": "123456789"},
                    {"soort": "kenteken", "waarde": "??"},
                ],
            },
        )
    assert set(exc.value.fouten) == {"kenmerken.0.waarde", "kenmerken.1.waarde"}
    assert "elfproef" in exc.value.fouten["kenmerken.0.waarde"]
    with pytest.raises(OngeldigeInvoer) as exc:
        valideer(SignaalIn, {"verband": "riec-rotterdam", "omschrijving": "kort"})
    assert set(exc.value.fouten) == {"omschrijving"}
    # A receiver that is not a partnership is refused by the service itself.
    with pytest.raises(OngeldigeInvoer) as exc:
        doe(
            wereld.omgeving,
            None,
            signalen.dien_in,
            SignaalIn(verband="politie", omschrijving="Anonieme tip over een hennepkwekerij."),
        )
    assert set(exc.value.fouten) == {"verband"}


def test_triage_met_reden_en_alleen_door_het_verband(
    wereld: Wereld, rollen: dict[str, Any]
) -> None:
    nummer = _signaal(wereld).id
    with pytest.raises(OngeldigeInvoer) as exc:
        valideer(Beoordeling, {"status": "in_behandeling", "reden": ""})
    assert set(exc.value.fouten) == {"reden"} and "reden" in exc.value.fouten["reden"]
    # The municipality that sent it cannot judge it: to them it is not there to judge.
    with pytest.raises(NietGevonden):
        _beoordeel(wereld, wereld.gemeente, nummer, SignaalStatus.AFGEWEZEN, "geen reden")
    uit = _beoordeel(wereld, wereld.analist, nummer, SignaalStatus.AFGEWEZEN, "geen ondermijning")
    assert uit.status is SignaalStatus.AFGEWEZEN and uit.reden == "geen ondermijning"
    with pytest.raises(Conflict, match="kan niet"):
        _beoordeel(wereld, wereld.analist, nummer, SignaalStatus.IN_BEHANDELING, "toch wel")


def test_signalen_lezen_alleen_binnen_het_verband_en_gelogd(wereld: Wereld) -> None:
    _signaal(wereld)
    voor = len(_logregels(wereld))
    assert len(doe(wereld.omgeving, wereld.analist, signalen.lijst)) == 1
    assert _logregels(wereld)[-1]["naam"] == "signaal lezen"
    assert len(_logregels(wereld)) == voor + 1
    with pytest.raises(GeenToegang):
        doe(wereld.omgeving, wereld.gemeente, signalen.lijst)
    # Another RIEC reads its own region's signals, never Rotterdam's.
    assert doe(wereld.omgeving, wereld.andere_riec, signalen.lijst) == []
    assert len(_logregels(wereld)) == voor + 1


def test_bekend_subject_wordt_aangewezen(met_levering: Wereld) -> None:
    w = met_levering
    nummer = _signaal(w, kenmerken=[("bsn", BSN_JAN)]).id
    beeld = doe(w.omgeving, w.analist, signalen.lees, nummer)
    assert [(b.casus_id, b.naam) for b in beeld.bekend_in_casussen] == [("C-1", "Jan de Vries")]
    # Someone who is not in C-1 gets no hint about it.
    beeld = doe(w.omgeving, w.buitenstaander, signalen.lees, nummer)
    assert beeld.bekend_in_casussen == []


def test_hele_reis_signaal_casus_deelverzoek_vierogen_levering_sluiten(
    wereld: Wereld, rollen: dict[str, Any]
) -> None:
    w, coord = wereld, rollen["coordinator"]
    o = w.omgeving
    nummer = _signaal(w).id
    with pytest.raises(OngeldigeInvoer) as exc:
        doe(o, coord, casussen.open_casus, CasusIn(titel="Kerkstraat", signalen=[nummer]))
    assert "in behandeling" in exc.value.fouten["signalen"]
    _beoordeel(w, w.analist, nummer, SignaalStatus.IN_BEHANDELING, "nader onderzoeken")
    with pytest.raises(GeenToegang):
        doe(o, w.analist, casussen.open_casus, CasusIn(titel="Kerkstraat", signalen=[nummer]))
    casus_id = doe(
        o,
        coord,
        casussen.open_casus,
        CasusIn(titel="Kerkstraat", signalen=[nummer], leden=["analist"]),
    ).id
    with transactie(o.fabriek) as s:
        sig = s.get(Signaal, nummer)
        assert sig is not None and sig.status == "omgezet" and sig.casus_id == casus_id

    # Without recorded indications the engine refuses the request; the explanation says why.
    dv = doe(
        o,
        w.analist,
        deelverzoeken.vraag,
        casus_id,
        DeelverzoekIn(
            verstrekker="politie",
            categorieen=["identiteit"],
            toelichting="Wie zijn de exploitanten?",
        ),
    )
    assert dv.status is DeelverzoekStatus.GEWEIGERD
    assert "objectieve aanwijzingen" in dv.besluiten[0].uitleg
    doe(
        o,
        coord,
        casussen.leg_aanwijzingen_vast,
        casus_id,
        Motivering(
            motivering="Bestuurlijke rapportage politie van 12-03-2026 en twee meldingen "
            "van de gemeente."
        ),
    )
    dv = doe(
        o,
        w.analist,
        deelverzoeken.vraag,
        casus_id,
        DeelverzoekIn(
            verstrekker="politie",
            categorieen=["identiteit", "adres"],
            toelichting="Wie zijn de exploitanten?",
        ),
    )
    assert dv.status is DeelverzoekStatus.WACHT_OP_GOEDKEURING
    verzoeken = [r for r in _logregels(w) if r["naam"] == "deelverzoek"]
    assert [(r["dpl.integraal.rule_id"], r["status_code"]) for r in verzoeken] == [
        ("WGS-RIEC-IN", 2),
        ("WGS-RIEC-IN", 1),
        ("WGS-RIEC-IN", 1),
    ]
    assert [b.regel_id for b in dv.besluiten] == ["WGS-RIEC-IN", "WGS-RIEC-IN"]
    # The request's audit record and its processing lines share one trace id.
    with transactie(o.fabriek) as s:
        sporen = {
            a.details["deelverzoek"]: a.trace_id
            for a in s.scalars(
                sa.select(AuditRecord).where(AuditRecord.actie == "deelverzoek indienen")
            )
        }
    assert sporen[dv.id] == verzoeken[-1]["trace_id"] == verzoeken[-2]["trace_id"]

    # Four eyes: not the requester's organisation; a second person of the police approves.
    with pytest.raises(NietGevonden):
        doe(o, w.analist, deelverzoeken.keur_goed, dv.id)
    doe(o, rollen["politie_a"], deelverzoeken.keur_goed, dv.id)
    with pytest.raises(Conflict):
        doe(o, rollen["politie_b"], deelverzoeken.keur_goed, dv.id)

    def levering(actor: Actor, naam: str) -> str:
        regel = {"id": "p1", "schema": "Person", "properties": {"name": [naam]}}
        r = lever(
            o, actor, "demo-politie-ftm", "p.jsonl", json.dumps(regel).encode(), casus_id=casus_id
        )
        assert r.status == "verwerkt", r.melding
        return r.levering_id

    # The approver may not provide the answer too; a colleague does.
    door_goedkeurder = levering(rollen["politie_a"], "Jan de Vries")
    with pytest.raises(GeenToegang, match="vierogen"):
        doe(
            o,
            rollen["politie_a"],
            deelverzoeken.beantwoord,
            dv.id,
            AntwoordIn(levering_id=door_goedkeurder),
        )
    door_collega = levering(rollen["politie_b"], "Jan de Vries sr.")
    doe(
        o,
        rollen["politie_b"],
        deelverzoeken.beantwoord,
        dv.id,
        AntwoordIn(levering_id=door_collega),
    )

    over = doe(o, w.analist, casussen.overzicht, casus_id)
    assert [d.status for d in over.deelverzoeken] == ["geweigerd", "beantwoord"]
    assert [d.levering_id for d in over.deelverzoeken] == [None, door_collega]
    # The answer does not overwrite who approved (the row would look like self-approval).
    with transactie(o.fabriek) as s:
        rij = s.get(Deelverzoek, dv.id)
        assert rij is not None
        assert (rij.beoordeeld_door, rij.beantwoord_door) == (
            rollen["politie_a"].gebruiker_id,
            rollen["politie_b"].gebruiker_id,
        )
    open_verzoek = doe(
        o,
        w.analist,
        deelverzoeken.vraag,
        casus_id,
        DeelverzoekIn(verstrekker="politie", categorieen=["adres"], toelichting="Waar wonen zij?"),
    )

    with pytest.raises(GeenToegang):
        doe(o, w.analist, casussen.sluit, casus_id, Sluiten(reden="klaar"))
    doe(o, coord, casussen.sluit, casus_id, Sluiten(reden="Panden gesloten, advies uitgevoerd."))
    with pytest.raises(Conflict, match="gesloten"):
        doe(o, coord, casussen.voeg_lid_toe, casus_id, LidIn(gebruikersnaam="buitenstaander"))
    # A closed case's open request takes no approval any more.
    with pytest.raises(Conflict, match="gesloten"):
        doe(o, rollen["politie_a"], deelverzoeken.keur_goed, open_verzoek.id)
    with pytest.raises(Conflict, match="gesloten"):
        doe(
            o,
            w.analist,
            deelverzoeken.vraag,
            casus_id,
            DeelverzoekIn(
                verstrekker="politie",
                categorieen=["identiteit"],
                toelichting="Nog een vraag hierover.",
            ),
        )


def test_subject_koppelen_alleen_als_het_lid_het_mag_zien(
    met_levering: Wereld, rollen: dict[str, Any]
) -> None:
    w = met_levering
    o = w.omgeving
    with transactie(o.fabriek) as s:
        jan = s.scalars(
            sa.select(Statement.entity_id).where(Statement.value == "Jan de Vries")
        ).first()
    assert jan
    beeld = doe(o, w.analist, casussen.koppel_subject, "C-1", SubjectIn(entiteit_id=jan))
    assert beeld.eigenschappen["name"] == ["Jan de Vries"] and beeld.naam == "Jan de Vries"
    with pytest.raises(GeenToegang):
        doe(o, w.buitenstaander, casussen.koppel_subject, "C-1", SubjectIn(entiteit_id=jan))
    with pytest.raises(GeenToegang, match="niet voor u zichtbaar"):
        doe(o, w.analist, casussen.koppel_subject, "C-2", SubjectIn(entiteit_id=jan))
    over = doe(o, w.analist, casussen.overzicht, "C-1")
    assert [s.entiteit.eigenschappen["name"] for s in over.subjecten if s.entiteit] == [
        ["Jan de Vries"]
    ]
    assert over.bijdragen == {"gemeente-rotterdam": len(beeld.herkomst)}
    # Not a member: the case is not there for them (the same answer as a case that is not).
    with pytest.raises(NietGevonden):
        doe(o, w.buitenstaander, casussen.overzicht, "C-1")
    with pytest.raises(NietGevonden):
        doe(o, w.analist, casussen.overzicht, "C-99")
