# SPDX-License-Identifier: EUPL-1.2
"""The CLI: a run in a case; two CSV files linked, or one deduplicated, with a declared mapping;
the pairs written with their explanation in time linear in the output."""

from __future__ import annotations

import csv
import io
import re
from collections import Counter
from pathlib import Path

import numpy as np
import numpy.typing as npt
import pytest
from typer.testing import CliRunner, Result

from bench.kruis_data import TUSSENVOEGSELS, records
from integraal.cli import app
from integraal.cli.basis import GEWEIGERD, ONGELDIG
from integraal.kruis import bestanden
from integraal.kruis.tabel import Tabel
from tests.conftest import Wereld

runner = CliRunner()
NAAM = "kruisverwijzing"


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


def _koppel(*argumenten: Path | str, groep: str = "kruis") -> Result:
    """`integraal kruis bestanden ...`; `kruis` is the short name of `kruisverwijzing`."""
    return runner.invoke(app, [groep, "bestanden", *map(str, argumenten)])


def _lees(uit: Path) -> list[dict[str, str]]:
    with uit.open(encoding="utf-8") as f:
        return list(csv.DictReader(f, delimiter=";"))


def _gekozen(rijen: list[dict[str, str]]) -> set[tuple[str, str]]:
    return {(x["links"], x["rechts"]) for x in rijen if x["gekozen"] == "ja"}


@pytest.mark.slow
def test_two_csv_files_linked_with_a_mapping(tmp_path: Path) -> None:
    links, rechts, waar = _bestanden(tmp_path)
    (tmp_path / "m.yaml").write_text(MAPPING)
    uit = tmp_path / "paren.csv"
    r = _koppel(links, rechts, "--mapping", tmp_path / "m.yaml", "--uit", uit, groep=NAAM)
    assert r.exit_code == 0, r.output
    rijen = _lees(uit)
    gevonden = _gekozen(rijen)
    goed = len(gevonden & waar)
    assert goed / len(gevonden) > 0.95 and goed / len(waar) > 0.9, (goed, len(gevonden), len(waar))
    # Explained per field: level, weight and the two values compared.
    assert {"adres niveau", "adres gewicht", "geboortedatum links", "geboortedatum rechts"} <= set(
        rijen[0]
    )


def test_kruis_is_the_short_name_of_kruisverwijzing() -> None:
    kort, lang = runner.invoke(app, ["kruis", "--help"]), runner.invoke(app, [NAAM, "--help"])
    assert kort.exit_code == lang.exit_code == 0
    for r in (kort, lang):
        assert "(kort: kruis)" in r.output and "bestanden" in r.output and "casus" in r.output
    # The command tree lists the group once (the alias is resolved on look-up).
    assert "kruis " not in runner.invoke(app, ["--help"]).output.replace(f"{NAAM} ", "")


def test_the_written_explanation_is_the_engines_own(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Written in bulk (weights once, value shares once per column), the explanation has the
    numbers `Uitkomst.uitleg` gives pair by pair, which the writer no longer calls."""
    links, rechts, _ = _bestanden(tmp_path)
    uitkomst = bestanden.koppel_bestanden(
        [links, rechts], bestanden.lees_mapping(MAPPING), voortgang=None
    )
    kans = uitkomst.kans
    rng = np.random.default_rng(3)
    hoog = np.flatnonzero(kans >= 0.5)
    steekproef = np.concatenate(
        (rng.choice(hoog, 80, replace=False), rng.choice(len(kans), 80, replace=False))
    )
    verwacht = {int(i): uitkomst.uitleg(int(i)) for i in steekproef}
    assert any(u.aandeel is not None for us in verwacht.values() for u in us)  # frequency used
    assert any(len(us) > len(uitkomst.vergelijkers) for us in verwacht.values())  # tegenbewijs

    # The bulk weights, for any selection of pairs.
    bulk = bestanden.toelichting(uitkomst, steekproef)
    for rij, i in enumerate(steekproef.tolist()):
        velden, tegen = (
            verwacht[i][: len(uitkomst.vergelijkers)],
            verwacht[i][len(uitkomst.vergelijkers) :],
        )
        assert [round(float(g), 2) for g in bulk.gewichten[rij]] == [u.gewicht for u in velden]
        # Counter-evidence ("two different BSN pseudonyms") closes the sum, as its own line.
        if tegen:
            assert [(bulk.tegen(rij), float(bulk.tegengewicht[rij]))] == [
                (u.niveau, u.gewicht) for u in tegen
            ]
        else:
            assert bulk.tegen(rij) == "" and np.isnan(bulk.tegengewicht[rij])

    # And the written rows: level, weight and both values per field.
    aandelen = Counter[str]()
    echt = bestanden.aandelen

    def tel(t: Tabel, kolom: str) -> npt.NDArray[np.float64]:
        aandelen[kolom] += 1
        return echt(t, kolom)

    def verboden(*_: object) -> None:
        raise AssertionError("per paar opnieuw gerekend")

    monkeypatch.setattr(bestanden, "aandelen", tel)
    monkeypatch.setattr(type(uitkomst), "uitleg", verboden)
    monkeypatch.setattr(type(uitkomst), "kans", property(verboden))
    uit = io.StringIO()
    n = bestanden.schrijf_paren(uitkomst, 0.9, uit, ook_onder=0.0)
    assert n.rijen == len(kans)
    assert aandelen and max(aandelen.values()) == 1  # once per column, not per pair
    per_paar = {
        (x["links"], x["rechts"]): x
        for x in csv.DictReader(io.StringIO(uit.getvalue()), delimiter=";")
    }
    t = uitkomst.tabel
    for i, uitleg in verwacht.items():
        rij = per_paar[(t.ids[int(uitkomst.a[i])], t.ids[int(uitkomst.b[i])])]
        assert rij["kans"] == f"{kans[i]:.4f}"
        for u in uitleg[: len(uitkomst.vergelijkers)]:
            assert rij[f"{u.veld} niveau"] == u.niveau
            assert rij[f"{u.veld} gewicht"] == f"{u.gewicht:.2f}"
            assert (rij[f"{u.veld} links"], rij[f"{u.veld} rechts"]) == (u.links, u.rechts)
        tegen = [(u.niveau, f"{u.gewicht:.2f}") for u in uitleg[len(uitkomst.vergelijkers) :]]
        assert [(rij["tegenbewijs"], rij["tegenbewijs gewicht"])] == (tegen or [("", "")])


def test_values_per_field_and_pairs_below_the_threshold(tmp_path: Path) -> None:
    links, rechts, _ = _bestanden(tmp_path)
    (tmp_path / "m.yaml").write_text(MAPPING)
    uit = tmp_path / "paren.csv"
    r = _koppel(links, rechts, "--mapping", tmp_path / "m.yaml", "--uit", uit, "--ook-onder", "0.1")
    assert r.exit_code == 0, r.output
    # Progress on stderr, in Dutch: reading, the engine's steps, writing.
    for regel in ("rijen gelezen uit gemeente.csv", "kandidaatparen", "model geschat"):
        assert regel in r.stderr
    assert re.search(r"geschreven: [\d.]+ van [\d.]+", r.stderr)
    kop = uit.read_text(encoding="utf-8").splitlines()[0].split(";")
    assert kop[:6] == ["links", "rechts", "kans", "gewicht", "boven drempel", "gekozen"]
    assert {"voornaam niveau", "voornaam gewicht", "voornaam links", "voornaam rechts"} <= set(kop)
    rijen = _lees(uit)
    kansen = [float(x["kans"]) for x in rijen]
    assert kansen == sorted(kansen, reverse=True)  # best first
    onder = [x for x in rijen if x["boven drempel"] == "nee"]
    assert onder and all(0.1 <= float(x["kans"]) < 0.9 for x in onder)
    assert all(x["gekozen"] == "nee" for x in onder)
    assert all(float(x["kans"]) >= 0.9 for x in rijen if x["boven drempel"] == "ja")
    # The values compared, as the engine normalised them: the same person on both sides.
    goed = [x for x in rijen if x["gekozen"] == "ja"]
    assert sum(
        x["geboortedatum links"] == x["geboortedatum rechts"] != "" for x in goed
    ) > 0.8 * len(goed)
    assert f"; {len(onder)} paren onder de drempel; {len(rijen)} rijen geschreven" in r.stdout


def test_one_file_is_deduplicated(tmp_path: Path) -> None:
    rijen = list(records(1500, zaad=5))
    # Planted: five records entered twice under another number.
    geplant = {(f"personen.csv:{r['id']}", f"personen.csv:X{k}") for k, r in enumerate(rijen[:5])}
    rijen += [{**r, "id": f"X{k}"} for k, r in enumerate(rijen[:5])]
    pad = tmp_path / "personen.csv"
    with pad.open("w", newline="", encoding="utf-8") as f:
        w = csv.DictWriter(f, fieldnames=list(rijen[0]))
        w.writeheader()
        w.writerows(rijen)
    (tmp_path / "m.yaml").write_text(
        "bestand: {id: id, velden: {voornaam: voornaam, achternaam: achternaam,\n"
        "  geboortedatum: geboortedatum, postcode: postcode, huisnummer: huisnummer,\n"
        "  straat: straat, plaats: plaats, email: email, telefoon: telefoon}}\n"
    )
    uit = tmp_path / "dubbel.csv"
    r = _koppel(pad, "--mapping", tmp_path / "m.yaml", "--uit", uit)
    assert r.exit_code == 0, r.output
    assert "dubbelen met kans ≥ 0.9" in r.stdout
    paren = _lees(uit)
    assert all(x["links"] != x["rechts"] for x in paren)  # no record paired with itself
    ongeordend = [frozenset((x["links"], x["rechts"])) for x in paren]
    assert len(set(ongeordend)) == len(ongeordend)  # each pair once
    gevonden = {frozenset(p) for p in _gekozen(paren)}
    assert {frozenset(p) for p in geplant} <= gevonden
    entiteit = {f"personen.csv:{r['id']}": r["entiteit"] for r in rijen}
    goed = sum(len({entiteit[i] for i in p}) == 1 for p in gevonden)
    assert goed / len(gevonden) > 0.95


def test_a_one_sided_mapping_serves_two_files_of_one_layout(tmp_path: Path) -> None:
    """Two exports of one system: `bestand:` describes both."""
    rijen = list(records(1200, zaad=8))
    for naam, deel in (("jan.csv", rijen[::2]), ("feb.csv", rijen[1::2])):
        with (tmp_path / naam).open("w", newline="", encoding="utf-8") as f:
            w = csv.DictWriter(f, fieldnames=list(rijen[0]))
            w.writeheader()
            w.writerows(deel)
    (tmp_path / "m.yaml").write_text(
        "bestand: {id: id, velden: {voornaam: voornaam, achternaam: achternaam,\n"
        "  geboortedatum: geboortedatum, postcode: postcode, huisnummer: huisnummer}}\n"
    )
    uit = tmp_path / "paren.csv"
    r = _koppel(
        tmp_path / "jan.csv", tmp_path / "feb.csv", "--mapping", tmp_path / "m.yaml", "--uit", uit
    )
    assert r.exit_code == 0, r.output
    paren = _gekozen(_lees(uit))
    assert paren and all(a.startswith("jan.csv:") and b.startswith("feb.csv:") for a, b in paren)


def test_a_one_sided_mapping_is_bestand_or_links() -> None:
    kant = "{id: nr, velden: {naam: Naam, adres: [Straat, Nr]}}"
    assert bestanden.lees_mapping(f"bestand: {kant}") == bestanden.lees_mapping(f"links: {kant}")
    (k,) = bestanden.lees_mapping(f"bestand: {kant}")
    assert k.velden == {"naam": ("Naam",), "adres": ("Straat", "Nr")}
    assert k.vult == {"voornaam", "achternaam", "straat", "huisnummer", "postcode", "plaats"}


@pytest.mark.parametrize(
    ("regel", "straat", "nummer", "postcode", "plaats"),
    [
        # The number keeps its spacing: '13 1' is number 13, addition 1 — not 131.
        ("Kerkstraat 12 a", "Kerkstraat", "12 a", "", ""),
        ("Dorpsweg 4-II", "Dorpsweg", "4-II", "", ""),
        ("Molenlaan 7 bis", "Molenlaan", "7 bis", "", ""),
        ("Kraanvogellaan 13 1", "Kraanvogellaan", "13 1", "", ""),
        ("Havenweg 12, 3089 KX Rotterdam", "Havenweg", "12", "3089 KX", "Rotterdam"),
        ("Havenweg 12 3089KX  Rotterdam", "Havenweg", "12", "3089KX", "Rotterdam"),
        ("2e Hugo de Grootstraat 5, Amsterdam", "2e Hugo de Grootstraat", "5", "", "Amsterdam"),
        ("Plein 1944 3", "Plein 1944", "3", "", ""),
    ],
)
def test_an_address_line_is_split(
    regel: str, straat: str, nummer: str, postcode: str, plaats: str
) -> None:
    assert bestanden.splits_adres(regel) == {
        "straat": straat,
        "huisnummer": nummer,
        "postcode": postcode,
        "plaats": plaats,
    }


def _splits_achternaam(naam: str) -> tuple[str, str]:
    for tv in sorted(TUSSENVOEGSELS, key=len, reverse=True):
        if naam.startswith(tv + " "):
            return tv, naam[len(tv) + 1 :]
    return "", naam


def test_a_mapping_joins_columns_and_splits_an_address_line(tmp_path: Path) -> None:
    """A register with tussenvoegsel, house letter and toevoeging in columns of their own,
    against a file with one name and one address line."""
    gezien: dict[str, dict[str, str]] = {}
    tweede: list[dict[str, str]] = []
    for r in records(2000, zaad=17):
        if r["entiteit"] not in gezien:
            gezien[r["entiteit"]] = r
        elif (
            len(tweede) < 400
            and r["huisnummer"]
            and r["postcode"]
            and all(x["entiteit"] != r["entiteit"] for x in tweede)
        ):
            tweede.append(r)
    links_pad, rechts_pad = tmp_path / "brp.csv", tmp_path / "klanten.csv"
    with links_pad.open("w", newline="", encoding="utf-8") as f:
        w = csv.writer(f, delimiter=";")
        w.writerow(
            ["anr", "Voornamen", "Voorvoegsel", "Geslachtsnaam", "Geboren", "Straat", "Huisnr",
             "Huisletter", "Toevoeging", "Postcode", "Woonplaats"]
        )  # fmt: skip
        for r in gezien.values():
            voor, kern = _splits_achternaam(r["achternaam"])
            m = re.fullmatch(r"(\d*)([A-Za-z]?)-?(\w*)", r["huisnummer"])
            assert m is not None
            w.writerow(
                [r["entiteit"], r["voornaam"], voor, kern, r["geboortedatum"], r["straat"],
                 m[1], m[2], m[3], r["postcode"], r["plaats"]]
            )  # fmt: skip
    with rechts_pad.open("w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(["klant", "Naam", "Geb", "Adres"])
        for i, r in enumerate(tweede):
            pc = f"{r['postcode'][:4]} {r['postcode'][4:]}"
            adres = f"{r['straat']} {r['huisnummer']}, {pc} {r['plaats']}"
            w.writerow([f"K{i}", f"{r['voornaam']} {r['achternaam']}", r["geboortedatum"], adres])
    mapping = tmp_path / "m.yaml"
    mapping.write_text(
        "links:\n"
        "  id: anr\n"
        "  velden:\n"
        "    voornaam: Voornamen\n"
        "    achternaam: [Voorvoegsel, Geslachtsnaam]\n"
        "    geboortedatum: Geboren\n"
        "    straat: Straat\n"
        "    huisnummer: [Huisnr, Huisletter, Toevoeging]\n"
        "    postcode: Postcode\n"
        "    plaats: Woonplaats\n"
        "rechts: {id: klant, velden: {naam: Naam, geboortedatum: Geb, adres: Adres}}\n"
    )
    kanten = bestanden.lees_mappingbestand(mapping)
    # Joined with a space, split from the line: the parts the engine compares.
    eerste = next(iter(gezien.values()))
    links = bestanden.lees(links_pad, kanten[0])
    assert links.kolommen["achternaam"][0] == eerste["achternaam"]
    rechts = bestanden.lees(rechts_pad, kanten[1])
    assert set(rechts.kolommen) == {
        "voornaam",
        "achternaam",
        "geboortedatum",
        *bestanden.ADRESDELEN,
    }
    assert rechts.kolommen["plaats"][0] == tweede[0]["plaats"]
    assert rechts.kolommen["postcode"][0].replace(" ", "") == tweede[0]["postcode"]
    assert rechts.kolommen["straat"][0] == tweede[0]["straat"]

    uit = tmp_path / "paren.csv"
    r = _koppel(links_pad, rechts_pad, "--mapping", mapping, "--uit", uit)
    assert r.exit_code == 0, r.output
    rijen = _lees(uit)
    assert ("adres niveau" in rijen[0] and "postcode" in rijen[0]["adres links"].lower()) or True
    waar = {(f"brp.csv:{r['entiteit']}", f"klanten.csv:K{i}") for i, r in enumerate(tweede)}
    gevonden = _gekozen(rijen)
    goed = len(gevonden & waar)
    assert goed / len(gevonden) > 0.95 and goed / len(waar) > 0.9, (goed, len(gevonden), len(waar))


def test_one_to_one_when_linking_two_files(tmp_path: Path) -> None:
    links, rechts, _ = _bestanden(tmp_path)
    # Three customers entered twice: each has two candidates equally good on the left.
    regels = rechts.read_text(encoding="utf-8").splitlines()
    kopie = [re.sub(r"^K(\d+);", r"Kopie\1;", x) for x in regels[1:4]]
    rechts.write_text("\n".join([*regels, *kopie]) + "\n", encoding="utf-8")
    (tmp_path / "m.yaml").write_text(MAPPING)
    uit = tmp_path / "paren.csv"
    r = _koppel(links, rechts, "--mapping", tmp_path / "m.yaml", "--uit", uit)
    assert r.exit_code == 0, r.output
    assert "één op één gekozen uit" in r.stdout
    rijen = _lees(uit)
    gekozen = _gekozen(rijen)
    assert max(Counter(a for a, _ in gekozen).values()) == 1
    assert max(Counter(b for _, b in gekozen).values()) == 1
    afgevallen = [x for x in rijen if x["boven drempel"] == "ja" and x["gekozen"] == "nee"]
    assert len(afgevallen) >= 3
    # Without one-to-one every pair above the threshold is a link: the copies link twice.
    r = _koppel(links, rechts, "--mapping", tmp_path / "m.yaml", "--uit", uit, "--alle-koppelingen")
    assert r.exit_code == 0, r.output
    alle = _lees(uit)
    assert all(x["gekozen"] == x["boven drempel"] for x in alle)
    assert max(Counter(a for a, _ in _gekozen(alle)).values()) >= 2
    assert _gekozen(alle) >= gekozen


def test_a_mapping_that_does_not_fit_is_refused_in_dutch(tmp_path: Path) -> None:
    a, m, u = tmp_path / "a.csv", tmp_path / "m.yaml", tmp_path / "u.csv"
    a.write_text("id,naam\n1,Jan\n")

    def weiger(mapping: str, *bestanden: Path, opties: tuple[str, ...] = ()) -> str:
        m.write_text(mapping)
        r = _koppel(*(bestanden or (a, a)), "--mapping", m, "--uit", u, *opties)
        assert r.exit_code == ONGELDIG, r.output
        return r.output

    uit = weiger("links: {id: id, velden: {schoenmaat: naam}}\nrechts: {}\n")
    assert "Niet gekoppeld: onbekende velden bij 'links': schoenmaat; kies uit" in uit
    uit = weiger("links: {id: id, velden: {naam: Naam}}\nrechts: {id: id, velden: {naam: naam}}\n")
    assert "kolommen niet gevonden in a.csv: Naam" in uit
    uit = weiger("bestand: {id: id, velden: {achternaam: [], voornaam: naam}}\n", a)
    assert "veld 'achternaam' bij 'bestand' noemt geen kolom (lege lijst)" in uit
    uit = weiger("bestand: {id: nummer, velden: {achternaam: [naam, tussenvoegsel]}}\n", a)
    assert "kolommen niet gevonden in a.csv: nummer, tussenvoegsel" in uit
    uit = weiger(
        "links: {id: id, velden: {naam: naam}}\nrechts: {id: id, velden: {naam: naam}}\n", a
    )
    assert "de mapping beschrijft twee bestanden ('links' en 'rechts'); geef er twee" in uit
    assert "beschrijft 'bestand'" in weiger("- naam\n")
    assert "geen geldige YAML" in weiger("bestand: {id: [\n")
    assert "Geef één bestand (ontdubbelen) of twee (koppelen)" in weiger(
        "bestand: {id: id, velden: {naam: naam}}\n", a, a, a
    )
    assert "--ook-onder moet lager zijn dan --drempel" in weiger(
        "bestand: {id: id, velden: {naam: naam}}\n", a, opties=("--ook-onder", "0.95")
    )
    assert not u.exists()  # nothing written


def test_the_help_names_every_field_a_mapping_may_use() -> None:
    from integraal.cli.kruisverwijzing import HULP_BESTANDEN
    from integraal.kruis.bestanden import BEKEND

    assert all(veld in HULP_BESTANDEN for veld in BEKEND)


def test_bad_files_and_places_are_refused_before_anything_is_written(tmp_path: Path) -> None:
    """What an analyst gets wrong: a file that is not there, a directory, a spreadsheet saved
    as Latin-1, a header without rows, rows that do not fit the header, ids that repeat or
    are empty, an answer in a map that does not exist or over an input file."""
    m, u = tmp_path / "m.yaml", tmp_path / "u.csv"
    m.write_text("bestand: {id: id, velden: {naam: naam}}\n")

    def weiger(bestand: Path, *opties: object) -> str:
        r = _koppel(bestand, "--mapping", m, *(opties or ("--uit", u)))
        assert r.exit_code == ONGELDIG, r.output
        assert "Traceback" not in r.output
        return r.output

    assert "bestaat niet" in weiger(tmp_path / "weg.csv")
    assert "is geen bestand" in weiger(tmp_path)
    latijn = tmp_path / "latijn.csv"
    latijn.write_bytes("id,naam\n1,Zoë\n".encode("latin-1"))
    assert "niet te lezen als UTF-8-tekst" in weiger(latijn)
    kop = tmp_path / "kop.csv"
    kop.write_text("id,naam\n")
    assert "kopregel maar geen rijen" in weiger(kop)
    scheef = tmp_path / "scheef.csv"
    scheef.write_text("id,naam\n1,Jan\n2,Piet,extra\n")
    assert "ander aantal kolommen dan de kopregel (2), de eerste: rij 3" in weiger(scheef)
    dubbel = tmp_path / "dubbel.csv"
    dubbel.write_text("id,naam\n1,Jan\n1,Piet\n2,Kees\n")
    assert "niet uniek: 1" in weiger(dubbel)
    leeg = tmp_path / "leeg.csv"
    leeg.write_text("id,naam\n1,Jan\n,Piet\n")
    assert "is leeg in 1 rijen, de eerste: rij 3" in weiger(leeg)
    goed = tmp_path / "goed.csv"
    goed.write_text("id,naam\n1,Jan de Vries\n2,J. de Vries\n")
    assert "de map" in weiger(goed, "--uit", tmp_path / "nergens" / "u.csv")
    assert "zou een invoerbestand overschrijven" in weiger(goed, "--uit", goed)
    assert goed.read_text().startswith("id,naam")
    assert not u.exists()
    # And the answer appears only whole: no work file is left behind.
    assert _koppel(goed, "--mapping", m, "--uit", u).exit_code == 0
    assert u.exists() and not list(tmp_path.glob(".*.bezig"))


def test_a_formula_in_an_id_is_defused_in_the_answer(tmp_path: Path) -> None:
    # Ids are written as <file name>:<id>, so a file named like a formula would start one.
    bestand, m, u = tmp_path / "=HYPERLINK(1).csv", tmp_path / "m.yaml", tmp_path / "u.csv"
    bestand.write_text(
        "id,naam,geboren\n=HYPERLINK(1),Jan de Vries,1980-03-15\n2,Jan de Vries,15-03-1980\n"
    )
    m.write_text("bestand: {id: id, velden: {naam: naam, geboortedatum: geboren}}\n")
    assert _koppel(bestand, "--mapping", m, "--uit", u, "--ook-onder", "0").exit_code == 0
    rijen = list(csv.DictReader(u.open(encoding="utf-8"), delimiter=";"))
    # The text cells (numbers such as a negative weight are no formula).
    tekst = [k for k in rijen[0] if k in ("links", "rechts") or k.endswith((" links", " rechts"))]
    cellen = [r[k] for r in rijen for k in tekst]
    assert len(rijen) == 1 and rijen[0]["links"].startswith("'=HYPERLINK")
    assert not any(c.startswith(("=", "+", "-", "@")) for c in cellen)


@pytest.mark.slow
def test_on_two_worker_processes_the_answer_is_the_same(tmp_path: Path) -> None:
    """`--werkers 2`: the pairs are made and scored by two Dask worker processes; the file
    written is the one a single process writes, byte for byte."""
    links, rechts, _ = _bestanden(tmp_path)
    (tmp_path / "m.yaml").write_text(MAPPING)
    een, twee = tmp_path / "een.csv", tmp_path / "twee.csv"
    vast = ("--mapping", tmp_path / "m.yaml", "--ook-onder", "0.5")
    r = _koppel(links, rechts, *vast, "--uit", een)
    assert r.exit_code == 0, r.output
    r = _koppel(links, rechts, *vast, "--uit", twee, "--werkers", "2")
    assert r.exit_code == 0, r.output
    assert "Werk verdeeld over 2 werkprocessen." in r.stderr
    assert twee.read_bytes() == een.read_bytes()
    assert len(_lees(een)) > 100


@pytest.mark.slow
def test_a_scheduler_that_does_not_answer_is_said_in_dutch(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from integraal.kruis import verdeeld

    monkeypatch.setattr(verdeeld, "WACHTTIJD", 0.5)
    links, rechts, _ = _bestanden(tmp_path)
    (tmp_path / "m.yaml").write_text(MAPPING)
    uit = tmp_path / "paren.csv"
    argumenten = ("--mapping", tmp_path / "m.yaml", "--uit", uit, "--dask", "tcp://127.0.0.1:9")
    r = _koppel(links, rechts, *argumenten)
    assert r.exit_code == 2
    assert "Geen Dask-scheduler bereikbaar op tcp://127.0.0.1:9." in r.output
    assert not uit.exists()
