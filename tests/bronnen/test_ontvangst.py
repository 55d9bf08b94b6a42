# SPDX-License-Identifier: EUPL-1.2
"""An upload is copied to disk in blocks and removed when its processing ends, whatever the
outcome; a crash's leftovers are cleared at start-up. Readers stream from the file."""

from __future__ import annotations

import io
import os
import time
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from integraal.bronnen import lezers, ontvangst
from integraal.bronnen.lezers import OnleesbaarBestand
from tests.conftest import VERGUNNINGEN_CSV, Wereld
from tests.hulp import csrf, token, web_login


def _ontvangen(w: Wereld) -> list[Path]:
    return sorted((w.omgeving.instellingen.data_dir / ontvangst.MAP).glob("*"))


def test_een_kopie_stopt_een_byte_na_de_grens(tmp_path: Path) -> None:
    pad = ontvangst.ontvang(io.BytesIO(b"x" * 5000), tmp_path, 1001)
    assert pad.parent == tmp_path / ontvangst.MAP and pad.stat().st_size == 1001
    assert ontvangst.ontvang(io.BytesIO(b"abc"), tmp_path, 1001).read_bytes() == b"abc"


def test_opruimen_haalt_alleen_achtergelaten_bestanden_weg(tmp_path: Path) -> None:
    oud = ontvangst.ontvang(io.BytesIO(b"oud"), tmp_path, 10)
    nieuw = ontvangst.ontvang(io.BytesIO(b"nieuw"), tmp_path, 10)
    twee_dagen = time.time() - 2 * 86400
    os.utime(oud, (twee_dagen, twee_dagen))
    assert ontvangst.ruim_op(tmp_path) == 1
    assert not oud.exists() and nieuw.exists()
    assert ontvangst.ruim_op(tmp_path / "nergens") == 0


def test_web_en_api_laten_geen_bestand_achter(client: TestClient, wereld: Wereld) -> None:
    data = {"mapping": "demo-gemeente-vergunningen", "casusId": "C-1"}
    # API: processed in the request.
    r = client.post(
        "/api/v1/leveringen",
        headers=token(client, wereld.gemeente),
        files={"bestand": ("v.csv", VERGUNNINGEN_CSV, "text/csv")},
        data=data,
    )
    assert r.status_code == 201 and _ontvangen(wereld) == []
    # Web: processed in the background after the answer; refused at once when empty.
    web_login(client, wereld.gemeente)
    for naam, inhoud, status in (
        ("w.csv", VERGUNNINGEN_CSV + b"D3;;A;B;01-01-1990;S;1;3011AA;R;;;;\n", 303),
        ("leeg.csv", b"", 400),
        ("kapot.xlsx", b"geen zip", 400),
    ):
        r = client.post(
            "/leveringen",
            data={**data, "csrf": csrf(client, "/leveringen")},
            files={"bestand": (naam, inhoud, "text/csv")},
            follow_redirects=False,
        )
        assert r.status_code == status, r.text[:300]
        assert _ontvangen(wereld) == [], naam


def test_de_lezers_lezen_in_blokken(monkeypatch: pytest.MonkeyPatch) -> None:
    # Blocks of 7 bytes: a multi-byte character and the rows are split across blocks.
    monkeypatch.setattr(lezers, "_BLOK", 7)
    tekst = "a;b\néé;x\nß;y\n".encode()
    kop, rijen = lezers.lees_csv(io.BytesIO(tekst), None)
    assert kop == ["a", "b"] and [r.waarden for r in rijen] == [
        {"a": "éé", "b": "x"},
        {"a": "ß", "b": "y"},
    ]
    assert lezers.schat_rijen("csv", io.BytesIO(tekst)) == 2
    assert lezers.sha256(tekst) == lezers.sha256(tekst + b"") != lezers.sha256(b"")
    # The offset counts from the file's start, also past a character split between blocks.
    with pytest.raises(OnleesbaarBestand, match="byte 13"):
        lezers.lees_csv(io.BytesIO(tekst[:13] + b"\xff" + tekst[13:]), None)
    with pytest.raises(OnleesbaarBestand, match="leeg"):
        lezers.lees_csv(io.BytesIO(b"\n\n  \n"), None)
