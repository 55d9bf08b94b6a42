# SPDX-License-Identifier: EUPL-1.2
"""The deelwijzer and the real data request agree (issue 15, deliverable 8).

For a grid of partners of several kinds, data categories and case situations, the deelwijzer
is asked exactly what a request in that case states (partner -> the case's partnership, the
case's purpose, the case, and the facts a request declares) and the request itself is made.
Per category both must reach the same decision under the same rule. A request the case refuses
before the rules are asked (a closed case, a reader who is no member) must not be advised as
allowed either: the advice would promise what the request then refuses.
"""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from integraal.casus import deelverzoeken
from integraal.casus.deelverzoeken import FEITEN_VAN_EEN_VERZOEK, DeelverzoekIn
from integraal.domein.actor import Actor
from integraal.domein.fouten import Conflict, GeenToegang
from integraal.opslag import beheer
from integraal.toegang.deelwijzer import DeelVraag, vraag_deelwijzer
from integraal.verwerking import Kanaal
from tests.conftest import Wereld
from tests.hulp import doe, maak_casus

# Kinds that provide to a RIEC under WGS-RIEC-IN, one that does but not to every RIEC, and
# kinds that do not provide to a RIEC at all (a bank, the land registry).
PARTNERS = (
    "gemeente-rotterdam",  # participant of riec-rotterdam
    "gemeente-utrecht",  # participant of riec-midden-nederland, not of riec-rotterdam
    "gemeente-groningen",  # participant of neither
    "politie",
    "om",
    "belastingdienst",
    "fiod",
    "uwv",
    "voorbeeldbank",
    "kadaster",
)
# Inside and outside WGS-RIEC-IN, the signal category, a category with its own rule (WJSG-OM)
# and one that no rule may ever allow (GEEN-RISICOSCORE).
CATEGORIEEN = (
    "identiteit",
    "adres",
    "financieel",
    "kvk",
    "antecedent_samenvatting",
    "fiscaal",
    "signaal",
    "strafvorderlijk_samenvatting",
    "casusanalyse",
    "persoonsrisicoscore",
)
TOELICHTING = "Nodig om de eigendomsstructuur achter het pand vast te stellen."


@dataclass(frozen=True)
class Situatie:
    casus: str
    lezer: str  # attribute of Wereld
    # The request is refused before the rules are asked: the exception it raises.
    vooraf_geweigerd: type[Exception] | None = None


SITUATIES = {
    "open-met-aanwijzingen-lid": Situatie("C-1", "analist"),
    "open-zonder-aanwijzingen-lid": Situatie("C-2", "analist"),
    "gesloten-met-aanwijzingen-lid": Situatie("C-3", "analist", Conflict),
    "open-met-aanwijzingen-geen-lid": Situatie("C-1", "buitenstaander", GeenToegang),
    "ander-verband-lid": Situatie("C-4", "andere_riec"),
}


@pytest.fixture
def grid_wereld(wereld: Wereld) -> Wereld:
    maak_casus(wereld.omgeving, "C-3", wereld.analist, titel="Afgerond", status="gesloten")
    maak_casus(
        wereld.omgeving,
        "C-4",
        wereld.andere_riec,
        titel="Utrechtse casus",
        verband="riec-midden-nederland",
    )
    return wereld


Besluit = tuple[bool, str | None]  # (toegestaan, regel_id)


def _advies(
    w: Wereld, lezer: Actor, casus_id: str, feiten: list[str]
) -> dict[tuple[str, str], Besluit]:
    """The deelwijzer asked, as `lezer`, what a request in the case states: partner -> the
    case's partnership, the case's purpose, the case, and the given facts."""
    with w.omgeving.context(lezer, Kanaal.API) as ctx:
        casus = beheer.casus(ctx.sessie, casus_id)
        assert casus is not None
        uit = {}
        for p in PARTNERS:
            for c in CATEGORIEEN:
                vraag = DeelVraag(
                    van=p,
                    aan=casus.verband_id,
                    categorie=c,
                    doel=casus.doel,
                    casus_id=casus_id,
                    feiten=feiten,
                )
                b = vraag_deelwijzer(ctx, vraag)
                uit[p, c] = (b.toegestaan, b.regel_id)
        return uit


def _verzoek(w: Wereld, lezer: Actor, casus_id: str, partner: str) -> dict[str, Besluit]:
    """The real request for every category of the grid at once; the rules decide each
    category on its own, so one request per partner asks the same as one per category."""
    invoer = DeelverzoekIn(
        verstrekker=partner, categorieen=list(CATEGORIEEN), toelichting=TOELICHTING
    )
    uit = doe(w.omgeving, lezer, deelverzoeken.vraag, casus_id, invoer)
    besluiten = {b.categorie: (b.toegestaan, b.regel_id) for b in uit.besluiten}
    assert set(besluiten) == set(CATEGORIEEN)
    return besluiten


def test_de_vraag_is_die_van_een_verzoek() -> None:
    # The grid asks with the request's own facts; necessity is the one the issue was about.
    assert "noodzakelijk" in FEITEN_VAN_EEN_VERZOEK


@pytest.mark.parametrize("naam", list(SITUATIES))
def test_deelwijzer_en_deelverzoek_beslissen_gelijk(grid_wereld: Wereld, naam: str) -> None:
    w, s = grid_wereld, SITUATIES[naam]
    lezer: Actor = getattr(w, s.lezer)
    if s.vooraf_geweigerd is not None:
        # Refused before the rules are asked (not a member, or the case is closed): the
        # deelwijzer gives the same refusal as the request, for every partner.
        with pytest.raises(s.vooraf_geweigerd):
            _advies(w, lezer, s.casus, sorted(FEITEN_VAN_EEN_VERZOEK))
        for p in PARTNERS:
            with pytest.raises(s.vooraf_geweigerd):
                _verzoek(w, lezer, s.casus, p)
        return
    advies = _advies(w, lezer, s.casus, sorted(FEITEN_VAN_EEN_VERZOEK))

    verschillen: list[str] = []
    toegestaan = 0
    for p in PARTNERS:
        echt = _verzoek(w, lezer, s.casus, p)
        for c in CATEGORIEEN:
            toegestaan += echt[c][0]
            if advies[p, c] != echt[c]:
                verschillen.append(f"{p} / {c}: deelwijzer {advies[p, c]}, verzoek {echt[c]}")
    # Wherever the request reaches the rules, both decide alike, category by category.
    assert verschillen == []
    if naam == "open-met-aanwijzingen-lid":
        # Not a grid of refusals only: the participants' WGS-RIEC-IN categories are allowed.
        assert toegestaan >= 6 * 6, toegestaan


def test_zonder_de_feiten_van_een_verzoek_verschilt_het_advies(grid_wereld: Wereld) -> None:
    """The comparison can fail: asked without necessity (the deelwijzer before issue 15), the
    advice refuses what the real request is allowed."""
    w = grid_wereld
    advies = _advies(w, w.analist, "C-1", [])
    echt = _verzoek(w, w.analist, "C-1", "gemeente-rotterdam")
    verschil = {c for c in CATEGORIEEN if advies["gemeente-rotterdam", c] != echt[c]}
    assert {"identiteit", "adres", "financieel"} <= verschil
    assert all(echt[c] == (True, "WGS-RIEC-IN") for c in verschil)
