# SPDX-License-Identifier: EUPL-1.2
"""Mainport covenants as versioned data the rule engine uses: the version in force decides,
an unpublished covenant lets nothing through, and only the parties, categories, purposes and
recipients it names."""

from __future__ import annotations

import datetime as dt

import pytest

from integraal.delen import standaard_beslisser
from integraal.delen.model import Verzoek
from integraal.delen.uitleg import waarom

B = standaard_beslisser()


def _signaal(van: str, aan: str, dag: dt.date, categorie: str = "signaal") -> Verzoek:
    return Verzoek(van=van, aan=aan, categorie=categorie, doel="integrale_aanpak", datum=dag)


@pytest.mark.parametrize(("dag", "versie"), [(dt.date(2025, 6, 1), 1), (dt.date(2026, 11, 30), 2)])
def test_de_versie_in_werking_beslist(dag: dt.date, versie: int) -> None:
    b = B.beslis(_signaal("havenbedrijf-fictief", "riec-rotterdam", dag))
    assert b.toegestaan and b.regel_id == "MAINPORT-CONVENANT"
    assert any(f"versie {versie}" in t.toelichting for t in b.voldaan)


def test_buiten_het_convenant_niets() -> None:
    dag = dt.date(2026, 11, 30)
    voor = B.beslis(_signaal("havenbedrijf-fictief", "riec-rotterdam", dt.date(2024, 12, 31)))
    andere_categorie = B.beslis(
        _signaal("havenbedrijf-fictief", "riec-rotterdam", dag, categorie="identiteit")
    )
    geen_ontvanger = B.beslis(_signaal("havenbedrijf-fictief", "containerterminal-fictief", dag))
    geen_partij = B.beslis(_signaal("luchtvracht-fictief", "riec-rotterdam", dag))
    for b in (voor, andere_categorie, geen_ontvanger, geen_partij):
        assert not b.toegestaan and b.regel_id != "MAINPORT-CONVENANT"


def test_niet_gepubliceerd_laat_niets_door() -> None:
    b = B.beslis(_signaal("luchtvracht-fictief", "riec-noord-holland", dt.date(2026, 11, 30)))
    assert not b.toegestaan and b.regel_id == "MAINPORT-CONVENANT"
    w = waarom(b, B.catalogus, B.register)
    assert any("nog niet gepubliceerd" in t.toelichting for t in w.niet_voldaan)


def test_register_weigert_een_onbekende_partij() -> None:
    from integraal.delen.catalogus import laad_register

    data = B.register.model_dump()
    data["convenanten"][0]["partijen"] = ["bestaat-niet", "politie"]
    with pytest.raises(ValueError, match="onbekende partijen"):
        type(laad_register()).model_validate(data)
