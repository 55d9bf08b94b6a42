# SPDX-License-Identifier: EUPL-1.2
"""The CLI: a run in a case, and two CSV files linked with a declared mapping."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from typer.testing import CliRunner, Result

from bench.kruis_data import records
from integraal.cli import app
from integraal.cli.basis import GEWEIGERD, ONGELDIG
from tests.conftest import Wereld

runner = CliRunner()


def test_a_run_in_a_case_from_the_command_line(kruiswereld: Wereld, cli_omgeving: Wereld) -> None:
    r = runner.invoke(app, ["kruisverwijzing", "casus", "C-1", "-g", "analist"])
    assert r.exit_code == 0, r.output
    assert "suggesties klaargezet in casus C-1" in r.stdout
    assert "Berg" not in r.stdout  # counts, not persons
    r = runner.invoke(app, ["kruisverwijzing", "casus", "C-1", "-g", "buitenstaander"])
    assert r.exit_code == GEWEIGERD and "geen toegang" in r.output
    # Bad input is refused before anything starts, with the field's Dutch message.
    r = runner.invoke(app, ["kruisverwijzing", "casus", "C-1", "-g", "analist", "--soort", "onzin"])
    assert r.exit_code == ONGELDIG and "Kies wat u tegen elkaar legt" in r.output


def _bestanden(tmp: Path) -> tuple[Path, Path, set[tuple[str, str]]]:
    """A municipality-like file (separate names) and a bank-like file (one name line, other
    column names, semicolons): each person once on the left, a variant on the right."""
    gezien: dict[str, dict[str, str]] = {}
    rechts: list[dict[str, str]] = []
    for r in records(3000, zaad=11):
        if r["entiteit"] not in gezien:
            gezien[r["entiteit"]] = r
        elif len(rechts) < 600 and all(x["entiteit"] != r["entiteit"] for x in rechts[-5:]):
            rechts.append(r)
    links_pad, rechts_pad = tmp / "gemeente.csv", tmp / "bank.csv"
    with links_pad.open("w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(["nr", "Voornaam", "Achternaam", "Geboren", "PC", "Huisnr"])
        for r in gezien.values():
            w.writerow(
                [
                    r["entiteit"],
                    r["voornaam"],
                    r["achternaam"],
                    r["geboortedatum"],
                    r["postcode"],
                    r["huisnummer"],
                ]
            )
    with rechts_pad.open("w", newline="", encoding="utf-8") as f:
        w = csv.writer(f, delimiter=";")
        w.writerow(["klant", "Naam", "Geb.datum", "Postcode", "Nummer"])
        for i, r in enumerate(rechts):
            w.writerow(
                [
                    f"K{i}",
                    f"{r['voornaam']} {r['achternaam']}",
                    r["geboortedatum"],
                    r["postcode"],
                    r["huisnummer"],
                ]
            )
    waar = {(f"gemeente.csv:{r['entiteit']}", f"bank.csv:K{i}") for i, r in enumerate(rechts)}
    return links_pad, rechts_pad, waar


MAPPING = """
links: {id: nr, velden: {voornaam: Voornaam, achternaam: Achternaam, geboortedatum: Geboren,
        postcode: PC, huisnummer: Huisnr}}
rechts: {id: klant, velden: {naam: Naam, geboortedatum: Geb.datum, postcode: Postcode,
         huisnummer: Nummer}}
"""


def _koppel(links: Path, rechts: Path, mapping: Path, uit: Path) -> Result:
    return runner.invoke(
        app,
        [
            "kruisverwijzing",
            "bestanden",
            str(links),
            str(rechts),
            "--mapping",
            str(mapping),
            "--uit",
            str(uit),
        ],
    )


@pytest.mark.slow
def test_two_csv_files_linked_with_a_mapping(tmp_path: Path) -> None:
    links, rechts, waar = _bestanden(tmp_path)
    (tmp_path / "m.yaml").write_text(MAPPING)
    uit = tmp_path / "paren.csv"
    r = _koppel(links, rechts, tmp_path / "m.yaml", uit)
    assert r.exit_code == 0, r.output
    with uit.open(encoding="utf-8") as f:
        rijen = list(csv.DictReader(f, delimiter=";"))
    gevonden = {(x["links"], x["rechts"]) for x in rijen}
    goed = len(gevonden & waar)
    assert goed / len(gevonden) > 0.95 and goed / len(waar) > 0.9, (goed, len(gevonden), len(waar))
    assert {"adres", "geboortedatum"} <= set(rijen[0])  # explained per field


def test_a_mapping_that_does_not_fit_is_refused_in_dutch(tmp_path: Path) -> None:
    (tmp_path / "a.csv").write_text("id,naam\n1,Jan\n")
    (tmp_path / "m.yaml").write_text("links: {id: id, velden: {schoenmaat: naam}}\nrechts: {}\n")
    r = _koppel(tmp_path / "a.csv", tmp_path / "a.csv", tmp_path / "m.yaml", tmp_path / "u.csv")
    assert r.exit_code == 2 and "onbekende velden bij 'links': schoenmaat" in r.output
    (tmp_path / "m.yaml").write_text(
        "links: {id: id, velden: {naam: Naam}}\nrechts: {id: id, velden: {naam: naam}}\n"
    )
    r = _koppel(tmp_path / "a.csv", tmp_path / "a.csv", tmp_path / "m.yaml", tmp_path / "u.csv")
    assert r.exit_code == 2 and "kolommen niet gevonden in a.csv: Naam" in r.output
