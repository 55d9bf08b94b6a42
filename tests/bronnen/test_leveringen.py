# SPDX-License-Identifier: EUPL-1.2
"""Deliveries as the faces see them: input checked alike, which cases are offered, who reads."""

from __future__ import annotations

import pytest
import sqlalchemy as sa

from integraal.bronnen import leveringen
from integraal.bronnen.importeren import GeenLeverancier, Importresultaat
from integraal.bronnen.leveringen import (
    Bestand,
    LeveringIn,
    Leveringstatus,
    afspraken,
    casuskeuzes,
    lees,
    lever,
    lijst,
)
from integraal.domein.actor import Actor
from integraal.domein.casus import DeelverzoekStatus
from integraal.domein.fouten import GeenToegang, NietGevonden, OngeldigeInvoer
from integraal.domein.rollen import Rol
from integraal.opslag.db import transactie
from integraal.opslag.modellen import Deelverzoek, Levering
from integraal.verwerking import Kanaal
from tests.conftest import VERGUNNINGEN_CSV, Wereld, maak_actor
from tests.hulp import doe, maak_casus

AFSPRAAK = "demo-gemeente-vergunningen"
GOED = Bestand("v.csv", VERGUNNINGEN_CSV)


def _lever(
    w: Wereld,
    actor: Actor,
    invoer: dict[str, object],
    bestand: Bestand = GOED,
) -> Importresultaat:
    return lever(
        w.omgeving.context,
        actor,
        LeveringIn.model_validate(invoer),
        bestand,
        kanaal=Kanaal.API,
    )


def _aantal_leveringen(w: Wereld) -> int:
    with transactie(w.omgeving.fabriek) as s:
        return int(s.scalar(sa.select(sa.func.count()).select_from(Levering)) or 0)


def _weigering(
    w: Wereld, actor: Actor, invoer: dict[str, object], bestand: Bestand
) -> dict[str, str]:
    with pytest.raises(OngeldigeInvoer) as fout:
        _lever(w, actor, invoer, bestand)
    # Refused input registers nothing: no delivery row, so nothing to retry or to clean up.
    assert _aantal_leveringen(w) == 0
    return fout.value.fouten


# --- The input ---------------------------------------------------------------------------------


def test_levering_met_camelcase_invoer_wordt_verwerkt(wereld: Wereld) -> None:
    r = _lever(wereld, wereld.gemeente, {"mapping": AFSPRAAK, "casusId": "C-1"})
    assert r.status == "verwerkt" and r.rijen_goed == 2
    uit = doe(wereld.omgeving, wereld.gemeente, lees, r.levering_id)
    assert uit.status is Leveringstatus.VERWERKT and uit.status.label == "Verwerkt"
    assert uit.casus_id == "C-1" and uit.afspraak != AFSPRAAK  # the agreement's title
    json_ = uit.model_dump(mode="json")
    assert json_["casusId"] == "C-1" and json_["rijenGoed"] == 2 and json_["status"] == "verwerkt"


def test_een_onbekende_afspraak_wordt_geweigerd_bij_mapping(wereld: Wereld) -> None:
    fouten = _weigering(
        wereld,
        wereld.gemeente,
        {"mapping": "bestaat-niet", "casusId": "C-1"},
        GOED,
    )
    assert fouten == {"mapping": "Kies een leveringsafspraak van uw organisatie."}


@pytest.mark.parametrize(
    ("wie", "afspraak"),
    [("gemeente", "demo-politie-ftm"), ("analist", AFSPRAAK)],
)
def test_onder_de_afspraak_van_een_ander_levert_niemand(
    wereld: Wereld, wie: str, afspraak: str
) -> None:
    """The form offers only the organisation's own agreements, so another's is not a slip of
    input but an attempt the organisation has no right to: refused as no access (403)."""
    actor = getattr(wereld, wie)
    with pytest.raises(GeenLeverancier) as fout:
        _lever(wereld, actor, {"mapping": afspraak, "casusId": "C-1"})
    assert isinstance(fout.value, GeenToegang) and "alleen een gebruiker van" in str(fout.value)
    assert _aantal_leveringen(wereld) == 0


@pytest.mark.parametrize(
    ("bestand", "melding"),
    [
        (Bestand("", b""), "Kies het bestand"),
        (Bestand("v.csv", b""), "Het bestand is leeg."),
        (Bestand("v.pdf", b"%PDF-1.7"), "bestandsformaat"),
        (Bestand("", VERGUNNINGEN_CSV), "bestandsformaat"),
    ],
)
def test_geen_leeg_of_onbekend_bestand_wordt_geweigerd_bij_bestand(
    wereld: Wereld, bestand: Bestand, melding: str
) -> None:
    fouten = _weigering(wereld, wereld.gemeente, {"mapping": AFSPRAAK, "casusId": "C-1"}, bestand)
    assert set(fouten) == {"bestand"} and melding in fouten["bestand"]


def test_een_te_groot_bestand_wordt_geweigerd_bij_bestand(
    wereld: Wereld, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A small limit stands in for 100 MB; the check is the same.
    monkeypatch.setattr(leveringen, "MAX_BESTAND", len(VERGUNNINGEN_CSV) - 1)
    fouten = _weigering(
        wereld,
        wereld.gemeente,
        {"mapping": AFSPRAAK, "casusId": "C-1"},
        GOED,
    )
    assert set(fouten) == {"bestand"} and "100 MB" in fouten["bestand"]
    monkeypatch.setattr(leveringen, "MAX_BESTAND", len(VERGUNNINGEN_CSV))
    assert _lever(wereld, wereld.gemeente, {"mapping": AFSPRAAK, "casusId": "C-1"}).status == (
        "verwerkt"
    )


def test_een_onbekende_casus_wordt_geweigerd_bij_casus(wereld: Wereld) -> None:
    fouten = _weigering(
        wereld,
        wereld.gemeente,
        {"mapping": AFSPRAAK, "casusId": "C-404"},
        GOED,
    )
    assert fouten == {"casusId": "Casus C-404 bestaat niet."}


def test_invoer_kent_geen_onbekende_velden_en_een_lege_casus_is_geen_casus() -> None:
    from integraal.domein.invoer import valideer

    assert valideer(LeveringIn, {"mapping": AFSPRAAK, "casusId": "  "}).casus_id is None
    with pytest.raises(OngeldigeInvoer) as fout:
        valideer(LeveringIn, {"casusId": "C-1", "onbekend": "x"})
    assert fout.value.fouten["mapping"] == "Kies een leveringsafspraak."
    assert "onbekend" in fout.value.fouten


# --- What the form offers ------------------------------------------------------------------------


def test_afspraken_zijn_die_van_de_eigen_organisatie(wereld: Wereld) -> None:
    eigen = doe(wereld.omgeving, wereld.gemeente, afspraken)
    assert AFSPRAAK in {a.naam for a in eigen}
    assert {a.ontvanger for a in eigen} == {"riec-rotterdam", "zvh-rotterdam-rijnmond"}
    assert doe(wereld.omgeving, wereld.analist, afspraken) == []


def _verzoek(w: Wereld, casus_id: str, aan: str, status: DeelverzoekStatus) -> None:
    with transactie(w.omgeving.fabriek) as s:
        s.add(
            Deelverzoek(
                id=f"DV-{casus_id}-{aan}",
                casus_id=casus_id,
                verstrekker_id=aan,
                categorieen=["identiteit"],
                toelichting="Nodig voor de casus.",
                status=status.value,
                aangevraagd_door=w.analist.gebruiker_id,
            )
        )


def test_casuskeuzes_zijn_verzoeken_aan_de_organisatie_en_eigen_open_casussen(
    wereld: Wereld,
) -> None:
    w = wereld
    collega = maak_actor(w.omgeving, "collega", "gemeente-rotterdam")
    # Asked of the organisation (approved, or waiting for the partner's four eyes).
    maak_casus(w.omgeving, "C-3", w.analist)
    _verzoek(w, "C-3", "gemeente-rotterdam", DeelverzoekStatus.GOEDGEKEURD)
    maak_casus(w.omgeving, "C-4", w.analist)
    _verzoek(w, "C-4", "gemeente-rotterdam", DeelverzoekStatus.WACHT_OP_GOEDKEURING)
    # Not asked: refused by the rules, turned down by the partner, or asked of someone else.
    maak_casus(w.omgeving, "C-5", w.analist)
    _verzoek(w, "C-5", "gemeente-rotterdam", DeelverzoekStatus.GEWEIGERD)
    maak_casus(w.omgeving, "C-6", w.analist)
    _verzoek(w, "C-6", "gemeente-rotterdam", DeelverzoekStatus.AFGEWEZEN)
    maak_casus(w.omgeving, "C-7", w.analist)
    _verzoek(w, "C-7", "belastingdienst", DeelverzoekStatus.GOEDGEKEURD)
    # The reader's own cases: open ones only; a colleague's case is not the reader's.
    maak_casus(w.omgeving, "C-8", w.gemeente)
    maak_casus(w.omgeving, "C-9", w.gemeente, status="gesloten")
    maak_casus(w.omgeving, "C-10", collega)

    keuzes = doe(w.omgeving, w.gemeente, casuskeuzes)
    assert [(k.casus_id, k.toelichting) for k in keuzes] == [
        ("C-3", "gegevensverzoek goedgekeurd, wacht op antwoord"),
        ("C-4", "gegevensverzoek wacht op goedkeuring"),
        ("C-8", "u werkt aan deze casus"),
    ]
    # C-1 and C-2 are the RIEC's own cases: not offered to the partner.
    assert [k.casus_id for k in doe(w.omgeving, collega, casuskeuzes)] == [
        "C-10",
        "C-3",
        "C-4",
    ]


# --- Who reads a delivery ----------------------------------------------------------------------


def test_lees_toont_een_levering_alleen_aan_de_partijen_en_het_beheer(wereld: Wereld) -> None:
    w = wereld
    r = _lever(w, w.gemeente, {"mapping": AFSPRAAK, "casusId": "C-1"})
    belasting = maak_actor(w.omgeving, "belasting", "belastingdienst")
    beheerder = maak_actor(w.omgeving, "beheer", "riec-midden-nederland", Rol.FUNCTIONEEL_BEHEERDER)
    for actor in (w.gemeente, w.analist, beheerder):
        assert doe(w.omgeving, actor, lees, r.levering_id).id == r.levering_id
    for actor in (w.andere_riec, belasting):
        with pytest.raises(NietGevonden):
            doe(w.omgeving, actor, lees, r.levering_id)
        assert doe(w.omgeving, actor, lijst) == []
    with pytest.raises(NietGevonden):
        doe(w.omgeving, w.gemeente, lees, "bestaat-niet")
    assert [x.id for x in doe(w.omgeving, w.analist, lijst)] == [r.levering_id]
    assert [x.id for x in doe(w.omgeving, beheerder, lijst)] == [r.levering_id]


def test_dezelfde_levering_opnieuw_zegt_al_ontvangen(wereld: Wereld) -> None:
    w = wereld
    eerste = _lever(w, w.gemeente, {"mapping": AFSPRAAK, "casusId": "C-1"})
    tweede = _lever(w, w.gemeente, {"mapping": AFSPRAAK, "casusId": "C-1"})
    assert tweede.al_ontvangen and tweede.levering_id == eerste.levering_id
    uit = doe(w.omgeving, w.gemeente, lees, tweede.levering_id, al_ontvangen=True)
    assert uit.al_ontvangen and uit.model_dump(mode="json")["alOntvangen"] is True


def test_beide_fasen_staan_onder_een_spoor_en_het_kanaal(wereld: Wereld) -> None:
    """Offer and processing commit apart but share the trace id, so they stay linked."""
    from integraal.opslag.modellen import AuditRecord

    w = wereld
    lever(
        w.omgeving.context,
        w.gemeente,
        LeveringIn(mapping=AFSPRAAK, casus_id="C-1"),
        Bestand("v.csv", VERGUNNINGEN_CSV),
        kanaal=Kanaal.WEB,
    )
    with transactie(w.omgeving.fabriek) as s:
        audit = s.execute(
            sa.select(AuditRecord.actie, AuditRecord.trace_id, AuditRecord.herkomst)
        ).all()
    fasen = {a: (t, h) for a, t, h in audit if a.startswith("levering ")}
    assert set(fasen) == {"levering aanbieden", "levering verwerken"}
    assert fasen["levering aanbieden"] == fasen["levering verwerken"]
    assert fasen["levering aanbieden"][1] == "web"
