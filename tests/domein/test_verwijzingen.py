# SPDX-License-Identifier: EUPL-1.2
"""References to official publications: the forms in the letters, linked to their address."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from integraal.domein.verwijzingen import Soort, lees, vind
from integraal.monitor.bronbrieven import BRIEVEN

BASIS = "https://zoek.officielebekendmakingen.nl/"


@pytest.mark.parametrize(
    ("tekst", "sleutel", "citeertitel"),
    [
        (
            "Kamerstukken 2024–2025, 36 600 VI, nr. 32",
            "kst-36600-VI-32",
            "Kamerstukken II 2024/25, 36 600 VI, nr. 32",
        ),
        ("Kamerstuk 29 911, nr. 337", "kst-29911-337", "Kamerstukken II, 29 911, nr. 337"),
        ("Kamerstuk 35 564 nr. 17", "kst-35564-17", "Kamerstukken II, 35 564, nr. 17"),
        (
            "Kamerstukken 2020-2021 24 077, nr. 481",
            "kst-24077-481",
            "Kamerstukken II 2020/21, 24 077, nr. 481",
        ),
        (
            "Kamerstukken II 2020/21, nr. 29911-309",
            "kst-29911-309",
            "Kamerstukken II 2020/21, 29 911, nr. 309",
        ),
        ("Stb. 2024, nr. 198", "stb-2024-198", "Stb. 2024, 198"),
        ("Stcrt. 2017, 48699", "stcrt-2017-48699", "Stcrt. 2017, 48699"),
        (
            "Aanhangsel Handelingen II 2024/25, nr. 274",
            "ah-tk-20242025-274",
            "Aanhangsel Handelingen II 2024/25, nr. 274",
        ),
    ],
)
def test_vormen_uit_de_brieven(tekst: str, sleutel: str, citeertitel: str) -> None:
    v = lees(tekst)
    assert v.sleutel == sleutel and v.url == f"{BASIS}{sleutel}.html"
    assert v.citeertitel == citeertitel
    assert lees(v.citeertitel).sleutel == sleutel  # the normal form parses back


def test_twijfelachtig_vergaderjaar_wordt_niet_gelinkt() -> None:
    v = lees("Aanhangsel Handelingen II 2021/21, nr. 3710")
    assert v.soort is Soort.AANHANGSEL and v.url is None
    assert v.twijfel is not None and "2021/21" in v.twijfel


def test_alle_verwijzingen_in_een_brief_op_volgorde() -> None:
    tekst = (
        "Zie de motie (Kamerstuk 29 911, nr. 337) en de wet (Stb. 2024, nr. 198); eerder "
        "Kamerstukken 2024–2025, 36 600 VI, nr. 32."
    )
    assert [v.sleutel for v in vind(tekst)] == ["kst-29911-337", "stb-2024-198", "kst-36600-VI-32"]


def test_de_bronbrieven_bevatten_gelinkte_verwijzingen() -> None:
    brieven = BRIEVEN
    alle = [v for f in sorted(brieven.glob("0*.txt")) for v in vind(f.read_text())]
    assert len(alle) >= 40
    assert {v.soort for v in alle} == set(Soort) - {Soort.STAATSCOURANT} or len(
        {v.soort for v in alle}
    ) >= 3
    assert sum(v.url is None for v in alle) <= 2


@given(
    dossier=st.integers(10_000, 99_999),
    nr=st.integers(1, 999),
    jaar=st.integers(1995, 2040),
    toev=st.sampled_from([None, "VI", "B", "XIII"]),
)
def test_normaalvorm_leest_terug(dossier: int, nr: int, jaar: int, toev: str | None) -> None:
    nummer = f"{dossier // 1000} {dossier % 1000:03d}" + (f" {toev}" if toev else "")
    tekst = f"Kamerstukken {jaar}–{jaar + 1}, {nummer}, nr. {nr}"
    v = lees(tekst)
    assert (v.dossier, v.nummer, v.toevoeging, v.vergaderjaar) == (
        dossier,
        nr,
        toev,
        f"{jaar}-{jaar + 1}",
    )
    assert lees(v.citeertitel).sleutel == v.sleutel
