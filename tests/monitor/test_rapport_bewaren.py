# SPDX-License-Identifier: EUPL-1.2
"""A report whose data did not change is not laid out again (decision record 0022)."""

from __future__ import annotations

from pathlib import Path

import pytest

from integraal.monitor import rapport


@pytest.fixture
def opgemaakt(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    # Counts the layouts; WeasyPrint's own output is checked by the report's PDF tests.
    gedaan: list[str] = []

    def maak(html: str) -> bytes:
        gedaan.append(html)
        return b"%PDF-1.7 " + html.encode()

    monkeypatch.setattr(rapport, "_maak_pdf", maak)
    return gedaan


def test_dezelfde_inhoud_komt_uit_de_bewaarde_pdf(tmp_path: Path, opgemaakt: list[str]) -> None:
    eerst = rapport.pdf("<p>stand 1</p>", tmp_path)
    weer = rapport.pdf("<p>stand 1</p>", tmp_path)
    anders = rapport.pdf("<p>stand 2</p>", tmp_path)
    assert eerst == weer != anders
    assert opgemaakt == ["<p>stand 1</p>", "<p>stand 2</p>"]


def test_zonder_map_wordt_elke_keer_opgemaakt(opgemaakt: list[str]) -> None:
    rapport.pdf("<p>x</p>")
    rapport.pdf("<p>x</p>")
    assert len(opgemaakt) == 2


def test_de_map_houdt_alleen_de_nieuwste_en_geen_halve_bestanden(
    tmp_path: Path, opgemaakt: list[str]
) -> None:
    for i in range(rapport.BEWAARD + 5):
        rapport.pdf(f"<p>{i}</p>", tmp_path)
    assert len(list(tmp_path.glob("rapport-*.pdf"))) == rapport.BEWAARD
    assert list(tmp_path.glob("*.tmp")) == []
    # The newest is still there: asking again lays nothing out.
    voor = len(opgemaakt)
    rapport.pdf(f"<p>{rapport.BEWAARD + 4}</p>", tmp_path)
    assert len(opgemaakt) == voor
