# SPDX-License-Identifier: EUPL-1.2
"""Each named condition, met and unmet."""

from __future__ import annotations

import pytest

from integraal.delen import CasusContext, Verzoek, laad_register
from integraal.delen.voorwaarden import VOORWAARDEN, Toets, toets

R = laad_register()
C = CasusContext(
    id="C-1",
    verband_id="riec-rotterdam",
    aanwijzingen_vastgelegd=True,
    leden=frozenset({"gebruiker:7"}),
)


def _t(van: str = "gemeente-rotterdam", aan: str = "riec-rotterdam", **kw: object) -> Toets:
    v = Verzoek.model_validate(
        {"van": van, "aan": aan, "categorie": "identiteit", "doel": "integrale_aanpak", **kw}
    )
    return Toets(v, R.zoek(van), R.zoek(aan), R)


@pytest.mark.parametrize(
    ("naam", "ja", "nee"),
    [
        ("casus", _t(casus=C), _t()),
        ("need_to_know", _t(casus=C, actor="gebruiker:7"), _t(casus=C, actor="gebruiker:8")),
        (
            "objectieve_aanwijzingen",
            _t(casus=C),
            _t(casus=C.model_copy(update={"aanwijzingen_vastgelegd": False})),
        ),
        ("deelnemer_van_verband", _t(), _t(van="gemeente-utrecht")),
        ("zelfde_verband", _t(van="riec-rotterdam"), _t()),
        (
            "eigen_levering",
            _t(aan="gemeente-rotterdam", bron="gemeente-rotterdam"),
            _t(bron="politie"),
        ),
        ("doelbinding_casus", _t(casus=C, gegevens_casus="C-1"), _t(casus=C, gegevens_casus="C-9")),
        ("bank_aangewezen", _t(aan="voorbeeldbank"), _t(aan="spaarbank-fictief")),
        (
            "notaris_met_notaris",
            _t(van="notariskantoor-fictief", aan="notariskantoor-fictief"),
            _t(van="notariskantoor-fictief", aan="voorbeeldbank"),
        ),
        ("vierogen", _t(feiten=frozenset({"vierogen"})), _t()),
    ],
)
def test_voorwaarde(naam: str, ja: Toets, nee: Toets) -> None:
    assert toets(naam, ja)[0] is True
    ok, toelichting = toets(naam, nee)
    assert ok is False and toelichting


def test_gesloten_casus_telt_niet() -> None:
    ok, reden = toets("casus", _t(casus=C.model_copy(update={"open": False})))
    assert not ok and "gesloten" in reden


def test_casus_van_ander_verband_telt_niet() -> None:
    ok, _ = toets("casus", _t(casus=C.model_copy(update={"verband_id": "riec-limburg"})))
    assert not ok


@pytest.mark.parametrize("naam", sorted(n for n, v in VOORWAARDEN.items() if not v.beperkend))
def test_elke_toekennende_voorwaarde_is_standaard_niet_vervuld(naam: str) -> None:
    """With no case, no facts and unrelated parties, nothing is assumed."""
    assert toets(naam, _t(van="kadaster", aan="havenbedrijf-fictief"))[0] is False, naam


@pytest.mark.parametrize("naam", sorted(n for n, v in VOORWAARDEN.items() if v.beperkend))
def test_beperkende_voorwaarde_is_vervuld_waar_zij_niet_geldt(naam: str) -> None:
    assert toets(naam, _t(van="kadaster", aan="havenbedrijf-fictief"))[0] is True, naam
