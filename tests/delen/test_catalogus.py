# SPDX-License-Identifier: EUPL-1.2
"""The shipped catalogue: complete against the research, valid, documented."""

from __future__ import annotations

import pytest
import yaml

from integraal.delen import Beslisser, laad_catalogus, laad_register
from integraal.delen.evaluator import OnbekendeVoorwaarde
from integraal.delen.model import Catalogus, Herkomst
from integraal.delen.voorwaarden import VOORWAARDEN

# research/legal-sharing.md §3, in our ids.
UIT_ONDERZOEK = {
    "WGS-RIEC-IN",
    "WGS-RIEC-UIT",
    "WGS-RIEC-PRIVAAT",
    "WGS-ICOV-OPSPORING",
    "WGS-ICOV-INNING",
    "WGS-FEC-SIGNAAL",
    "WGS-FEC-SCTF",
    "WWFT-MOT",
    "FIU-VT",
    "FIU-OPSCHORTING",
    "WPG-GEZAG-13B",
    "WKPB-13B",
    "WPG-20",
    "WPG-19",
    "WJSG-OM",
    "BIBOB-LBB",
    "BIBOB-RIEC",
    "BIBOB-OVERIG",
    "DOUANE-POLITIE",
    "AMLR-75",
    "WGS-ZVH-IN",
    "PRIVAAT-ZWARTE-LIJST",
    "GEEN-RISICOSCORE",
}


def test_catalogus_bevat_alle_regels_uit_het_onderzoek() -> None:
    ids = {r.id for r in laad_catalogus().regels}
    assert ids >= UIT_ONDERZOEK


def test_elke_regel_heeft_grondslag_herkomst_en_titel() -> None:
    for regel in laad_catalogus().regels:
        assert regel.grondslag.omschrijving.strip()
        assert regel.titel.strip()
        assert isinstance(regel.herkomst, Herkomst)
        if regel.herkomst is not Herkomst.VEREENVOUDIGING and regel.grondslag.geverifieerd:
            assert regel.grondslag.bwb_id or regel.grondslag.celex, regel.id


def test_elke_gebruikte_voorwaarde_bestaat_en_heeft_een_leesbaar_label() -> None:
    gebruikt = {n for r in laad_catalogus().regels for n in r.voorwaarden}
    assert gebruikt <= set(VOORWAARDEN)
    for naam in gebruikt:
        label = VOORWAARDEN[naam].label
        assert len(label) > 10 and label != naam


def test_partnerregister_kent_een_riec_per_regio_en_de_verbanden() -> None:
    register = laad_register()
    riecs = [o for o in register.organisaties if o.soort == "riec"]
    assert len(riecs) == 10
    assert {"liec", "icov", "fec"} <= {o.id for o in register.organisaties}
    assert any(o.soort == "zvh" for o in register.organisaties)
    for riec in riecs:
        assert "politie" in riec.deelnemers and any(
            d.startswith("gemeente-") for d in riec.deelnemers
        )


def test_onbekende_voorwaarde_wordt_geweigerd() -> None:
    data = yaml.safe_load(
        """
versie: t
categorieen: {identiteit: {label: I}}
doelen: {d: D}
regels:
  - {id: R1, titel: t, herkomst: wet, van: ["*"], aan: ["*"], categorieen: [identiteit],
     grondslag: {omschrijving: x}, voorwaarden: [bestaat_niet]}
"""
    )
    with pytest.raises(OnbekendeVoorwaarde, match="bestaat_niet"):
        Beslisser(Catalogus.model_validate(data), laad_register())


def test_onbekende_categorie_in_regel_faalt_bij_validatie() -> None:
    data = {
        "versie": "t",
        "categorieen": {},
        "doelen": {},
        "regels": [
            {
                "id": "R1",
                "titel": "t",
                "herkomst": "wet",
                "van": ["*"],
                "aan": ["*"],
                "categorieen": ["x"],
                "grondslag": {"omschrijving": "x"},
            }
        ],
    }
    with pytest.raises(ValueError, match="onbekende categorie"):
        Catalogus.model_validate(data)


def test_gegenereerde_documentatie_is_actueel() -> None:
    from pathlib import Path

    from integraal.delen.documentatie import als_markdown

    b = Beslisser(laad_catalogus(), laad_register())
    bestand = Path(__file__).parents[2] / "docs" / "deelregels.md"
    assert bestand.read_text() == als_markdown(b.catalogus, b.register), "draai `make docs`"
