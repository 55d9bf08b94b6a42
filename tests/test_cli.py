# SPDX-License-Identifier: EUPL-1.2
"""The CLI: deelwijzer answers citing the article; verify, checkpoint, import, users."""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner, Result

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
    assert r.exit_code == 0, r.output
    antwoord = json.loads(r.output)
    assert antwoord["toegestaan"] and antwoord["regelId"] == "WWFT-MOT"
    assert antwoord["waarom"]["wettekst"].endswith("BWBR0024282&artikel=16")


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
    # Bad input names the field and says what to do, like the web form and the API.
    assert r.exit_code == 2 and "categorie: Kies een categorie uit de lijst." in r.output


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
    # The status is the Dutch label, lower-cased in the sentence.
    assert r.exit_code == 0 and ": verwerkt" in r.output, r.output
    assert "2 van 2 rijen verwerkt" in r.output
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


def test_verify_van_een_blok(env: Wereld, monkeypatch: pytest.MonkeyPatch) -> None:
    """`--blok N` checks one block (blocks of 4 lines here); blocks are counted from 1."""
    from integraal.logboek import keten
    from tests.logboek.test_verifieer import _vul

    monkeypatch.setattr(keten, "BLOK", 4)
    _vul(env.omgeving, 10)
    assert runner.invoke(app, ["logboek", "checkpoint"]).exit_code == 0
    r = runner.invoke(app, ["logboek", "verify", "--blok", "2"])
    assert r.exit_code == 0, r.output
    assert "Blok 2 (regels 5 tot en met 8) in orde" in r.output
    assert "ondertekende checkpoint aan zijn einde kloppen" in r.output
    r = runner.invoke(app, ["logboek", "verify", "--blok", "3"])
    assert r.exit_code == 0
    assert "2 regels en hun keten kloppen; het blok is nog niet vol" in r.output
    r = runner.invoke(app, ["logboek", "verify", "--blok", "4"])
    assert r.exit_code == 1 and "Blok 4 bestaat nog niet: het logboek telt" in r.output
    assert runner.invoke(app, ["logboek", "verify", "--blok", "0"]).exit_code == 2


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


def _importeer(bestand: Path, gebruiker: str, *opties: str) -> Result:
    return runner.invoke(
        app, ["levering", "importeer", str(bestand), "--gebruiker", gebruiker, *opties]
    )


def test_geweigerde_levering_eindigt_met_3_en_uitleg(env: Wereld, tmp_path: Path) -> None:
    bestand = tmp_path / "v.csv"
    bestand.write_bytes(VERGUNNINGEN_CSV)
    r = _importeer(bestand, "gemeente", "--mapping", "demo-gemeente-vergunningen", "--casus", "C-2")
    assert r.exit_code == 3, r.output
    assert ": geweigerd" in r.output and "objectieve aanwijzingen" in r.output
    import sqlalchemy as sa

    from integraal.opslag.db import transactie
    from integraal.opslag.modellen import AuditRecord

    with transactie(env.omgeving.fabriek) as s:
        audit = s.execute(
            sa.select(AuditRecord.actie, AuditRecord.resultaat, AuditRecord.herkomst)
        ).all()
    # The CLI is the channel on record.
    assert ("levering aanbieden", "geweigerd", "cli") in audit


def test_levering_die_niet_kan_eindigt_met_2_of_4(env: Wereld, tmp_path: Path) -> None:
    bestand = tmp_path / "v.csv"
    bestand.write_bytes(VERGUNNINGEN_CSV)
    # Another organisation's agreement is not allowed (4), not bad input.
    r = _importeer(bestand, "analist", "--mapping", "demo-gemeente-vergunningen", "--casus", "C-1")
    assert r.exit_code == 4, r.output
    assert r.output.startswith("Alleen een gebruiker van ")
    assert "levert onder de afspraak ‘Vergunningenregister" in r.output
    r = _importeer(bestand, "gemeente", "--mapping", "bestaat-niet")
    assert r.exit_code == 2 and "Onbekende mapping" in r.output
    leeg = tmp_path / "leeg.csv"
    leeg.write_bytes(b"")
    r = _importeer(leeg, "gemeente", "--mapping", "demo-gemeente-vergunningen")
    assert r.exit_code == 2 and "bestand: Het bestand is leeg." in r.output
    r = _importeer(bestand, "gemeente", "--mapping", "demo-gemeente-vergunningen", "--casus", "C-9")
    assert r.exit_code == 2 and "casusId: Casus C-9 bestaat niet." in r.output


def test_bewaartermijn_leest_en_toont_datums_als_dd_mm_jjjj(env: Wereld, tmp_path: Path) -> None:
    import datetime as dt

    from integraal.opslag.db import transactie
    from integraal.opslag.modellen import Casus

    bestand = tmp_path / "v.csv"
    bestand.write_bytes(VERGUNNINGEN_CSV)
    r = _importeer(bestand, "gemeente", "--mapping", "demo-gemeente-vergunningen", "--casus", "C-1")
    assert r.exit_code == 0, r.output
    with transactie(env.omgeving.fabriek) as s:
        c = s.get(Casus, "C-1")
        assert c is not None
        c.status, c.gesloten_op = "gesloten", dt.datetime(2020, 1, 15, 12, tzinfo=dt.UTC)
    # Identity data are kept five years after closing: gone by 15-01-2025, not a day before.
    r = runner.invoke(app, ["bewaartermijn", "--proef", "--peildatum", "15-01-2025"])
    assert r.exit_code == 0, r.output
    assert "Zou vervallen: casus C-1, identiteit" in r.output
    assert "termijn verstreken op 15-01-2025" in r.output and "2025-01-15" not in r.output
    r = runner.invoke(app, ["bewaartermijn", "--proef", "--peildatum", "2025-01-14"])
    assert r.exit_code == 0 and r.output.startswith("0 groepen"), r.output
    r = runner.invoke(app, ["bewaartermijn", "--proef", "--peildatum", "31-02-2025"])
    assert r.exit_code == 2 and "--peildatum: vul een datum in als dd-mm-jjjj" in r.output


# What `integraal --help` must not load: storage, web, the matching engine and their libraries.
ZWAAR = (
    "numpy",
    "sqlalchemy",
    "alembic",
    "fastapi",
    "starlette",
    "uvicorn",
    "weasyprint",
    "rapidfuzz",
    "pandas",
    "followthemoney",
    "integraal.web",
    "integraal.api",
    "integraal.app",
    "integraal.opslag",
    "integraal.kruis",
    "integraal.kruisverwijzing",
)
HULP = (
    ["--help"],
    ["kruis", "--help"],
    ["kruisverwijzing", "bestanden", "--help"],
    *([groep, "--help"] for groep in ("demo", "levering", "entiteit", "logboek", "gebruiker")),
    ["monitor", "--help"],
    ["deelwijzer", "--help"],
)


def test_help_loads_no_platform_libraries() -> None:
    """Help is printed from Typer and the standard library alone (so it starts in a fraction of
    a second); the platform is imported inside the commands. Checked on the modules loaded in a
    fresh interpreter, not on time: the same entry point as the `integraal` console script."""
    programma = f"""
import json, sys
from integraal.cli import app
for argumenten in {[list(h) for h in HULP]!r}:
    try:
        app(argumenten, prog_name="integraal")
    except SystemExit as e:
        assert e.code == 0, (argumenten, e.code)
print(json.dumps(sorted(sys.modules)))
"""
    r = subprocess.run(
        [sys.executable, "-c", programma], capture_output=True, text=True, check=True, timeout=60
    )
    geladen = json.loads(r.stdout.splitlines()[-1])
    assert "integraal kruisverwijzing bestanden [OPTIONS]" in r.stdout
    zwaar = sorted(m for m in geladen if any(m == z or m.startswith(f"{z}.") for z in ZWAAR))
    assert zwaar == []


def test_python_m_integraal_cli_is_the_integraal_command() -> None:
    r = subprocess.run(
        [sys.executable, "-m", "integraal.cli", "--help"],
        capture_output=True,
        text=True,
        check=True,
        timeout=60,
    )
    assert "integraal [OPTIONS] COMMAND" in r.stdout and "kruisverwijzing" in r.stdout


def test_bestuurlijk_kadaster_ophalen_eenmaal_en_termijnen(env: Wereld) -> None:
    from integraal.domein.rollen import Rol
    from tests.conftest import maak_actor

    eerst = runner.invoke(app, ["bestuurlijk", "kadaster-ophalen"])
    assert eerst.exit_code == 0 and "3 nieuwe mutaties" in eerst.output, eerst.output
    nog_eens = runner.invoke(app, ["bestuurlijk", "kadaster-ophalen"])
    assert "0 nieuwe mutaties" in nog_eens.output
    maak_actor(env.omgeving, "oov", "gemeente-rotterdam", Rol.OOV_ADVISEUR)
    r = runner.invoke(app, ["bestuurlijk", "termijnen", "-g", "oov"])
    assert r.exit_code == 0 and "Sluitingen die binnen twee weken" in r.output, r.output
    r = runner.invoke(app, ["bestuurlijk", "termijnen", "-g", "gemeente"])
    assert "geen bestuurlijke termijnen" in r.output


def test_poortwachters_goaml_verloop_en_termijnen(env: Wereld, tmp_path: Path) -> None:
    """A goAML file reported from the command line (all or nothing), the register's expiry as
    a scheduler runs it, and the FIU's deadlines."""
    from integraal.domein.rollen import Rol
    from tests.conftest import maak_actor
    from tests.poortwachters.test_meldingen import GOAML

    maak_actor(env.omgeving, "melder", "voorbeeldbank", Rol.MELDER)
    maak_actor(env.omgeving, "fiu", "fiu", Rol.ANALIST)
    maak_actor(env.omgeving, "wr", "waarschuwingsregister-logistiek", Rol.REGISTERBEHEERDER)
    dag = (dt.date.today() - dt.timedelta(days=1)).isoformat()
    bestand = tmp_path / "melding.xml"
    bestand.write_text(GOAML.format(dag=dag, bsn="999990019"))
    fout = runner.invoke(app, ["poortwachters", "goaml", str(bestand), "-g", "melder"])
    assert fout.exit_code == 2 and "Transactie TX-2" in fout.output, fout.output
    bestand.write_text(
        GOAML.format(dag=dag, bsn="999990019")
        .replace("<amount_local>-5</amount_local>", "<amount_local>900.00</amount_local>")
        .replace(
            "<transactionnumber>TX-2</transactionnumber>",
            "<transactionnumber>TX-2</transactionnumber><transaction_description>Contant</transaction_description>",
        )
    )
    r = runner.invoke(app, ["poortwachters", "goaml", str(bestand), "-g", "melder"])
    assert r.exit_code == 0 and r.output.count("Ontvangen: melding OT-") == 2, r.output
    r = runner.invoke(app, ["poortwachters", "termijnen", "-g", "fiu"])
    assert "   2  Meldingen die ontvangen of in analyse zijn" in r.output, r.output
    r = runner.invoke(app, ["poortwachters", "verloop", "-g", "wr"])
    assert r.exit_code == 0 and "0 registraties verlopen" in r.output, r.output
    r = runner.invoke(app, ["poortwachters", "verloop", "-g", "melder"])
    assert r.exit_code == 4, r.output


def test_logboek_controle_incrementeel_en_met_nederlandse_fouten(env: Wereld) -> None:
    r = runner.invoke(app, ["logboek", "controle", "--vanaf", "31-02-2026"])
    assert r.exit_code == 2 and "geen datum" in r.output
    r = runner.invoke(app, ["logboek", "controle", "--vanaf", "01-11-2026"])
    assert r.exit_code == 0, r.output
    assert "Controle klaar" in r.stdout and "nieuwe melding" in r.stdout
    # A begin date only for the first run: later runs start where the last one stopped.
    r = runner.invoke(app, ["logboek", "controle", "--vanaf", "01-11-2026"])
    assert r.exit_code == 3 and "eerste" in r.output
    r = runner.invoke(app, ["logboek", "controle"])
    assert r.exit_code == 0 and "Controle klaar: 1 logregel en" in r.stdout


def test_entiteit_toon_van_een_afgeschermde_vraagt_een_reden(
    met_levering: Wereld, cli_omgeving: Wereld
) -> None:
    from tests.integriteit.test_integriteit import _alerts, _jan, _scherm_jan_af

    w = met_levering
    _scherm_jan_af(w)
    opdracht = ["entiteit", "toon", _jan(w), "--gebruiker", "analist", "--casus", "C-1"]
    r = runner.invoke(app, opdracht)
    assert r.exit_code == 3 and "--reden" in r.output and "Vries" not in r.output
    assert _alerts(w) == []
    r = runner.invoke(app, [*opdracht, "--reden", "Controle van de identiteit in C-1"])
    assert r.exit_code == 0 and "Jan de Vries" in r.stdout
    assert [a.regel for a in _alerts(w)] == ["AFGESCHERMD"]
