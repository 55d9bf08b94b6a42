# SPDX-License-Identifier: EUPL-1.2
"""The cross-referencing page: start a run, see suggestions side by side, judge, undo."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient

from integraal.app import maak_app
from integraal.opslag.db import transactie
from integraal.opslag.modellen import CasusLid
from tests.conftest import Wereld, maak_actor
from tests.hulp import csrf, web_login

PAD = "/casussen/C-1/kruisverwijzing"


@pytest.fixture
def c(kruiswereld: Wereld) -> Iterator[TestClient]:
    with TestClient(maak_app(kruiswereld.omgeving)) as client:
        yield client


def _post(c: TestClient, pad: str, data: dict[str, object]) -> object:
    return c.post(pad, data={**data, "csrf": csrf(c, PAD)}, follow_redirects=False)


def test_run_judge_and_undo_in_the_browser_flow(kruiswereld: Wereld, c: TestClient) -> None:
    w = kruiswereld
    web_login(c, w.analist)
    r = _post(c, PAD, {"soort": "casus"})
    assert r.status_code == 303  # type: ignore[attr-defined]
    pagina = c.get(PAD).text
    assert "klaar" in pagina
    # Side by side, with the explanation per field, values read through the policy layer.
    assert "Eva van der Berg" in pagina and "E. v.d. Berg" in pagina
    assert "BSN (pseudoniem)" in pagina and "Gewicht (bits)" in pagina
    ids = re.findall(r'name="suggestie" value="(\d+)"', pagina)
    assert ids
    r = _post(c, f"{PAD}/oordeel", {"enkel": f"{ids[0]}|zelfde"})
    assert r.status_code == 303  # type: ignore[attr-defined]
    pagina = c.get(PAD).text
    assert "wacht op tweede oordeel" in pagina
    (intrekken,) = re.findall(
        r'action="(/casussen/C-1/kruisverwijzing/oordelen/\d+/intrekken)"', pagina
    )
    assert _post(c, intrekken, {}).status_code == 303  # type: ignore[attr-defined]
    assert "ingetrokken" in c.get(PAD).text


def test_bulk_judgement_and_a_refusal_in_dutch(kruiswereld: Wereld, c: TestClient) -> None:
    w = kruiswereld
    web_login(c, w.analist)
    _post(c, PAD, {"soort": "casus"})
    ids = re.findall(r'name="suggestie" value="(\d+)"', c.get(PAD).text)
    r = c.post(
        f"{PAD}/oordeel",
        data={"oordeel": "anders", "suggestie": ids, "csrf": csrf(c, PAD)},
        follow_redirects=False,
    )
    assert r.status_code == 303
    assert c.get(f"{PAD}?status=anders").text.count('name="suggestie"') == len(ids)
    r = _post(c, f"{PAD}/oordeel", {"oordeel": "misschien", "suggestie": ids[0]})
    assert r.status_code == 400 and "kies zelfde" in r.text  # type: ignore[attr-defined]


def test_outsiders_see_nothing(kruiswereld: Wereld, c: TestClient) -> None:
    web_login(c, kruiswereld.buitenstaander)
    r = c.get(PAD)
    assert r.status_code == 403 and "Berg" not in r.text


def test_a_colleague_elsewhere_confirms(kruiswereld: Wereld, c: TestClient) -> None:
    w = kruiswereld
    fiod = maak_actor(w.omgeving, "fiod", "fiod")
    with transactie(w.omgeving.fabriek) as s:
        s.add(CasusLid(casus_id="C-1", gebruiker_id=fiod.gebruiker_id))
    web_login(c, w.analist)
    _post(c, PAD, {"soort": "casus"})
    pagina = c.get(PAD).text
    eerste = re.findall(r'name="suggestie" value="(\d+)"', pagina)[0]
    _post(c, f"{PAD}/oordeel", {"enkel": f"{eerste}|zelfde"})
    c.cookies.clear()
    web_login(c, fiod)
    _post(c, f"{PAD}/oordeel", {"enkel": f"{eerste}|zelfde"})
    assert "Samengevoegde subjecten" in c.get(PAD).text
