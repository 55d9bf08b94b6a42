# SPDX-License-Identifier: EUPL-1.2
"""The deployment files say only what the code can do (no container engine runs here, so
they are checked against the code instead): every command an image or service runs is a
command of the CLI with options it has, every INTEGRAAL_ variable and secret file is a
setting, the health checks ask routes that exist, and the secrets script makes files the
settings read and a signing key the log accepts."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import typer
import yaml

from integraal.app import maak_app
from integraal.cli import app as cli_app
from integraal.instellingen import Instellingen
from integraal.logboek.ondertekening import laad_of_maak_sleutel

UITROL = Path(__file__).parents[1] / "deploy"


def _compose() -> dict[str, object]:
    return yaml.safe_load((UITROL / "compose.yaml").read_text())  # type: ignore[no-any-return]


def _containerfile() -> str:
    return (UITROL / "Containerfile").read_text()


def _controleer_commando(argv: list[str]) -> None:
    assert argv[0] == "integraal", argv
    # Typer vendors its own click: a group is whatever has sub-commands.
    commando = typer.main.get_command(cli_app).commands.get(argv[1])  # type: ignore[attr-defined]
    assert commando is not None, f"geen commando {argv[1]}"
    opties = {o for p in commando.params for o in getattr(p, "opts", [])}
    for arg in argv[2:]:
        if arg.startswith("--"):
            assert arg in opties, f"{argv[1]} kent {arg} niet"
    # Parsing the arguments as the CLI would (types, ranges) without running the command.
    commando.make_context(argv[1], argv[2:], resilient_parsing=False)


def test_de_commandos_van_image_en_diensten_bestaan() -> None:
    cmd = re.search(r"^CMD (\[.*\])$", _containerfile(), re.M)
    assert cmd is not None
    _controleer_commando(yaml.safe_load(cmd.group(1)))
    diensten = _compose()["services"]
    assert isinstance(diensten, dict)
    eigen = [d for d in diensten.values() if str(d.get("image", "")).endswith("integraal:latest")]
    assert {d["command"][1] for d in eigen if d["command"][0] == "integraal"} == {
        "init",
        "serve",
        "worker",
    }
    for d in eigen:
        if d["command"][0] == "dask":
            _controleer_dask(d["command"])
        else:
            _controleer_commando(d["command"])


def _controleer_dask(argv: list[str]) -> None:
    """A Dask command (the scheduler and workers of profile `verdeeld`): each option is one
    that command's help names, with the Dask the image installs (the extra 'verdeeld')."""
    hulp = subprocess.run(
        [sys.executable, "-m", "dask", argv[1], "--help"], capture_output=True, text=True
    )
    assert hulp.returncode == 0, hulp.stderr
    for arg in argv[2:]:
        if arg.startswith("--"):
            assert re.search(rf"(^|\s|/ ){re.escape(arg)}\b", hulp.stdout, re.M), arg


def test_variabelen_en_geheimen_zijn_instellingen() -> None:
    velden = set(Instellingen.model_fields)
    namen = set(re.findall(r"\bINTEGRAAL_([A-Z_]+)", (UITROL / "compose.yaml").read_text()))
    namen |= set(re.findall(r"\bINTEGRAAL_([A-Z_]+)", _containerfile()))
    assert namen and {n.lower() for n in namen} <= velden
    geheimen = _compose()["secrets"]
    assert isinstance(geheimen, dict)
    for naam in geheimen:
        if naam.startswith("integraal_"):
            assert naam.removeprefix("integraal_") in velden, naam


def test_gezondheidscontroles_vragen_bestaande_routes(tmp_path: Path) -> None:
    adres = r"http://127\.0\.0\.1:8000(/[a-z0-9/]+)"
    paden = set(re.findall(adres, _containerfile()))
    paden |= set(re.findall(adres, (UITROL / "compose.yaml").read_text()))
    assert paden == {"/api/v1/gezondheid/levend", "/api/v1/gezondheid/gereed"}
    prometheus = yaml.safe_load((UITROL / "prometheus.yml").read_text())
    assert prometheus["scrape_configs"][0]["metrics_path"] == "/metrics"
    from fastapi.testclient import TestClient

    from integraal.omgeving import maak_omgeving

    o = maak_omgeving(Instellingen(data_dir=tmp_path, pseudoniem_sleutel="x", metrics_token="t"))
    with TestClient(maak_app(o)) as c:
        for pad in paden:
            assert c.get(pad).status_code == 200, pad
        assert c.get("/metrics", headers={"Authorization": "Bearer t"}).status_code == 200
    o.database.dispose()


def test_het_geheimenscript_maakt_wat_de_instellingen_lezen(tmp_path: Path) -> None:
    kopie = tmp_path / "deploy"
    kopie.mkdir()
    shutil.copy(UITROL / "maak-geheimen.sh", kopie)
    subprocess.run(["bash", str(kopie / "maak-geheimen.sh")], check=True, capture_output=True)
    geheimen = kopie / "geheimen"
    inst = Instellingen(_secrets_dir=geheimen)  # type: ignore[call-arg]
    assert inst.database_url is not None
    wachtwoord = (geheimen / "postgres_wachtwoord").read_text()
    assert inst.database_url == (
        f"postgresql+psycopg://integraal:{wachtwoord}@postgres:5432/integraal"
    )
    assert inst.pseudoniem_sleutel and len(inst.pseudoniem_sleutel) == 64
    assert inst.metrics_token
    # The signing key the log loads (and does not replace).
    pem = geheimen / "logboek-ondertekening.pem"
    inhoud = pem.read_bytes()
    laad_of_maak_sleutel(pem)
    assert pem.read_bytes() == inhoud
    assert all(oct(p.stat().st_mode)[-3:] == "600" for p in geheimen.iterdir())
