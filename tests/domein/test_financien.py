# SPDX-License-Identifier: EUPL-1.2
"""Financial tables read from a letter, and the checks that name what does not add up."""

from __future__ import annotations

import dataclasses

from hypothesis import given
from hypothesis import strategies as st

from integraal.domein.brieftabellen import lees_tabel, tekstregels
from integraal.domein.financien import (
    Kolom,
    KolomSoort,
    Rij,
    RijSoort,
    Tabel,
    controleer,
)
from integraal.monitor.bronbrieven import BRIEVEN

BRIEF = (BRIEVEN / "004_4fcbbfa669e8018e.txt").read_text()


def _met(tabel: Tabel, index: int, kolom: int, waarde: int) -> Tabel:
    rijen = list(tabel.rijen)
    w = list(rijen[index].waarden)
    w[kolom] = waarde
    rijen[index] = dataclasses.replace(rijen[index], waarden=tuple(w))
    return dataclasses.replace(tabel, rijen=tuple(rijen))


def test_de_vijf_tabellen_van_de_brief_worden_gelezen_en_kloppen() -> None:
    tabellen = {n: lees_tabel(BRIEF, n) for n in range(1, 6)}
    assert [len(t.rijen) for t in tabellen.values()] == [9, 9, 18, 12, 18]
    assert tabellen[3].kolommen[2].sleutel == "verschil 2023"
    assert tabellen[3].rij("TOTAAL").waarden == (705_900, 610_924, 94_976)
    assert tabellen[5].rij("Berechting en detentie").waarden[-1] == 70_071
    assert all(controleer(t) == [] for t in tabellen.values())


def test_een_afwijkende_post_wordt_bij_haar_subtotaal_genoemd() -> None:
    tabel = lees_tabel(BRIEF, 3)
    fout = _met(tabel, 1, 1, 17_417)  # realisatie "Terugdringen vraag en aanbod": +1
    meldingen = [a.melding for a in controleer(fout)]
    assert meldingen == [
        "Tabel 3, ‘SUBTOTAAL’ na ‘Voorkomen’, kolom Realisatie 2023: vermeld 101.451, "
        "som van de posten 101.452 (verschil -1).",
    ]  # the total adds the stated subtotals, so the fault is named where it is


def test_een_post_buiten_een_subtotaal_wordt_bij_het_totaal_genoemd() -> None:
    tabel = lees_tabel(BRIEF, 3)
    fout = _met(tabel, 16, 0, 72_000)  # Ondermijningsbeleid plan
    meldingen = [a.melding for a in controleer(fout)]
    assert meldingen == [
        "Tabel 3, ‘TOTAAL’ na ‘Ondermijningsbeleid’, kolom Plan 2023: vermeld 705.900, "
        "som van subtotalen en posten 705.203 (verschil 697).",
        "Tabel 3, ‘Ondermijningsbeleid, monitoring en verantwoording, solide kennissysteem, "
        "SKC, bijdrage IV problematiek’ (Ondermijningsbeleid), kolom Verschil 2023: "
        "vermeld 2.593, plan min realisatie 1.896 (verschil 697).",
    ]


def test_een_verkeerd_verschil_wordt_genoemd() -> None:
    tabel = lees_tabel(BRIEF, 3)
    fout = _met(tabel, 2, 2, 8_935)  # 110.404 - 101.451 = 8.953, transposed digits
    [a] = controleer(fout)
    assert (a.vermeld, a.berekend, a.uitleg) == (8_935, 8_953, "plan min realisatie")


def test_tabel_4_telt_de_bijstellingen_na_het_subtotaal_op() -> None:
    tabel = lees_tabel(BRIEF, 4)
    fout = _met(tabel, 9, 0, 42_000)  # loon- en prijsbijstelling 2024
    [a] = controleer(fout)
    assert a.rij == "‘TOTAAL’" and a.berekend == 829_512


def test_tekstregels_geven_de_cellen_zoals_de_brief_ze_drukt() -> None:
    regels = tekstregels(lees_tabel(BRIEF, 1))
    assert (
        regels[1]
        == ["Regeerakkoord 2017", "Incidentele bijdrage Ondermijning", "100.000"] + ["-"] * 11
    )


@st.composite
def _tabellen(draw: st.DrawFn) -> Tabel:
    n_kol = draw(st.integers(1, 4))
    kolommen = tuple(Kolom(str(2020 + i), str(2020 + i)) for i in range(n_kol))
    rijen: list[Rij] = []
    totaal = [0] * n_kol
    for g in range(draw(st.integers(1, 4))):
        sub = [0] * n_kol
        for _ in range(draw(st.integers(1, 4))):
            w = draw(st.lists(st.integers(0, 10**6), min_size=n_kol, max_size=n_kol))
            rijen.append(Rij(RijSoort.POST, f"groep {g}", f"post {len(rijen)}", tuple(w)))
            sub = [a + b for a, b in zip(sub, w, strict=True)]
        rijen.append(Rij(RijSoort.SUBTOTAAL, f"groep {g}", "SUBTOTAAL", tuple(sub)))
        totaal = [a + b for a, b in zip(totaal, sub, strict=True)]
    rijen.append(Rij(RijSoort.TOTAAL, "", "TOTAAL", tuple(totaal)))
    return Tabel(9, "proef", "in 1.000 euro", kolommen, tuple(rijen))


@given(_tabellen(), st.data())
def test_elke_gewijzigde_post_wordt_gevonden(tabel: Tabel, data: st.DataObject) -> None:
    assert controleer(tabel) == []
    posten = [i for i, r in enumerate(tabel.rijen) if r.soort is RijSoort.POST]
    i = data.draw(st.sampled_from(posten))
    k = data.draw(st.integers(0, len(tabel.kolommen) - 1))
    delta = data.draw(st.integers(1, 1000))
    fout = _met(tabel, i, k, (tabel.rijen[i].waarden[k] or 0) + delta)
    afwijkingen = controleer(fout)
    # exactly the post's own subtotal disagrees, by exactly the change
    [a] = afwijkingen
    assert a.rij == f"‘SUBTOTAAL’ na ‘{tabel.rijen[i].groep}’"
    assert (a.kolom, a.berekend - a.vermeld) == (tabel.kolommen[k].kop, delta)


def test_kolomsoorten_uit_de_kop() -> None:
    tabel = lees_tabel(BRIEF, 3)
    assert [k.soort for k in tabel.kolommen] == [
        KolomSoort.PLAN,
        KolomSoort.REALISATIE,
        KolomSoort.VERSCHIL,
    ]
