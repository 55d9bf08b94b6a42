# SPDX-License-Identifier: EUPL-1.2
"""The CLI: deelwijzer answers citing the article; verify, checkpoint, import, users."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from integraal.cli import app
from tests.conftest import VERGUNNINGEN_CSV, Wereld

runner = CliRunner()


@pytest.fixture
def env(cli_omgeving: Wereld) -> Wereld:
    return cli_omgeving


def test_deelwijzer_geweigerd_noemt_artikel_en_ontbrekende_voorwaarden(env: Wereld) -> None:
    r = runner.invoke(
        app,
        [
            "deelwijzer",
            "--van",
            "gemeente",
            "--aan",
            "riec",
            "--categorie",
            "identiteit",
            "--doel",
            "integrale_aanpak",
        ],
    )
    assert r.exit_code == 3
    assert "GEWEIGERD" in r.output and "WGS-RIEC-IN" in r.output and "BWBR0050665" in r.output
    assert "objectieve aanwijzingen" in r.output


def test_deelwijzer_toegestaan_met_casus(env: Wereld) -> None:
    r = runner.invoke(
        app,
        [
            "deelwijzer",
            "--van",
            "gemeente-rotterdam",
            "--aan",
            "riec-rotterdam",
            "--categorie",
            "identiteit",
            "--doel",
            "integrale_aanpak",
            "--casus",
            "C-1",
            "--feit",
            "noodzakelijk",
        ],
    )
    assert r.exit_code == 0, r.output
    assert (
        "TOEGESTAAN" in r.output
        and "Wettekst: https://wetten.overheid.nl/jci1.3:c:BWBR0050665" in r.output
    )


def test_deelwijzer_wwft_citeert_artikel_16(env: Wereld) -> None:
    r = runner.invoke(
        app,
        [
            "deelwijzer",
            "--van",
            "bank",
            "--aan",
            "fiu",
            "--categorie",
            "wwft_melding",
            "--doel",
            "melding",
            "--feit",
            "indicator_geraakt",
            "--json",
        ],
    )
    assert r.exit_code == 0 and '"artikel": "16"' in r.output


def test_deelwijzer_ongeldige_vraag(env: Wereld) -> None:
    r = runner.invoke(
        app,
        [
            "deelwijzer",
            "--van",
            "gemeente",
            "--aan",
            "riec",
            "--categorie",
            "x",
            "--doel",
            "integrale_aanpak",
        ],
    )
    assert r.exit_code == 2 and "onbekende categorie" in r.output


def test_import_en_verify_en_checkpoint(env: Wereld, tmp_path: Path) -> None:
    bestand = tmp_path / "v.csv"
    bestand.write_bytes(VERGUNNINGEN_CSV)
    r = runner.invoke(
        app,
        [
            "levering",
            "importeer",
            str(bestand),
            "--mapping",
            "demo-gemeente-vergunningen",
            "--gebruiker",
            "gemeente",
            "--casus",
            "C-1",
        ],
    )
    assert r.exit_code == 0 and "verwerkt" in r.output, r.output
    cp = tmp_path / "cp.json"
    assert runner.invoke(app, ["logboek", "checkpoint", "--export", str(cp)]).exit_code == 0
    r = runner.invoke(app, ["logboek", "verify", "--checkpoint", str(cp)])
    assert r.exit_code == 0 and "in orde" in r.output and "1 checkpoint" not in r.output


def test_verify_meldt_manipulatie(env: Wereld) -> None:
    import sqlalchemy as sa

    from integraal.opslag.db import transactie

    runner.invoke(
        app,
        [
            "deelwijzer",
            "--van",
            "gemeente",
            "--aan",
            "riec",
            "--categorie",
            "identiteit",
            "--doel",
            "integrale_aanpak",
        ],
    )
    from tests.logboek.test_verifieer import _vul

    _vul(env.omgeving, 3)
    with transactie(env.omgeving.fabriek) as s:
        s.execute(sa.text("UPDATE logboek_regel SET inhoud = inhoud || ' ' WHERE volgnummer = 2"))
    r = runner.invoke(app, ["logboek", "verify"])
    assert r.exit_code == 1 and "regel 2" in r.output


def test_gebruiker_aanmaken(env: Wereld) -> None:
    r = runner.invoke(
        app,
        [
            "gebruiker",
            "aanmaken",
            "nieuw",
            "--naam",
            "Nieuwe Gebruiker",
            "--organisatie",
            "politie",
            "--rol",
            "analist",
        ],
    )
    assert r.exit_code == 0, r.output
    r = runner.invoke(
        app,
        [
            "gebruiker",
            "aanmaken",
            "nieuw",
            "--naam",
            "X",
            "--organisatie",
            "politie",
            "--rol",
            "analist",
        ],
    )
    assert r.exit_code == 2 and "bestaat al" in r.output
    r = runner.invoke(
        app,
        [
            "gebruiker",
            "aanmaken",
            "x2",
            "--naam",
            "X",
            "--organisatie",
            "nergens",
            "--rol",
            "analist",
        ],
    )
    assert r.exit_code == 2 and "Onbekende organisatie" in r.output
