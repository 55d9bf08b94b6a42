# SPDX-License-Identifier: EUPL-1.2
"""The cross-referencing page: start a run, see suggestions side by side, judge, undo."""

from __future__ import annotations

import re
from collections.abc import Iterator

import httpx
import pytest
import sqlalchemy as sa
from fastapi.testclient import TestClient

from integraal.app import maak_app
from integraal.opslag.db import transactie
from integraal.opslag.modellen import Statement
from tests.conftest import Wereld, maak_actor
from tests.hulp import csrf, lid, web_login

PAD = "/casussen/C-1/kruisverwijzing"


@pytest.fixture
def c(kruiswereld: Wereld) -> Iterator[TestClient]:
    with TestClient(maak_app(kruiswereld.omgeving)) as client:
        yield client


def _post(c: TestClient, pad: str, data: dict[str, object]) -> httpx.Response:
    r: httpx.Response = c.post(pad, data={**data, "csrf": csrf(c, PAD)}, follow_redirects=False)
    return r


def _ids(pagina: str) -> list[str]:
    """The suggestions on a page, by their bulk checkboxes."""
    return re.findall(r'type="checkbox" id="kies-\d+" name="suggestieIds" value="(\d+)"', pagina)


def _enkel(c: TestClient, suggestie_id: str, oordeel: str) -> httpx.Response:
    """A row's own button: its form holds just that suggestion."""
    return _post(c, f"{PAD}/oordeel", {"suggestieIds": suggestie_id, "oordeel": oordeel})


def _tekst(pagina: str) -> str:
    """What a person reads: the page without its tags (codes may live in attributes)."""
    return re.sub(r"<[^>]+>", " ", pagina)


def _pseudoniemen(w: Wereld) -> list[str]:
    # Straight from storage: the test's own lookup is not a read by the app.
    with transactie(w.omgeving.fabriek) as s:
        return list(s.scalars(sa.select(Statement.value).where(Statement.value.like("%-pseudo:%"))))


def test_run_judge_and_undo_in_the_browser_flow(kruiswereld: Wereld, c: TestClient) -> None:
    w = kruiswereld
    web_login(c, w.analist)
    r = _post(c, PAD, {"soort": "casus"})
    assert r.status_code == 303
    pagina = c.get(r.headers["location"]).text
    assert "Kruisverwijzing gestart" in pagina  # the confirmation, once
    assert re.search(r"Klaar: (\d+) van \1 suggesties opgeslagen", pagina)
    # Side by side, with the explanation per field, values read through the policy layer.
    assert "Eva van der Berg" in pagina and "E. v.d. Berg" in pagina
    assert "BSN (pseudoniem)" in pagina and "Gewicht (bits)" in pagina
    # Equal or not is shown; the pseudonym itself never is.
    assert "bekend (versleuteld)" in pagina
    pseudoniemen = _pseudoniemen(w)
    assert pseudoniemen and "-pseudo:" not in pagina
    assert not any(p.split(":", 1)[1][:12] in pagina for p in pseudoniemen)
    ids = _ids(pagina)
    assert ids
    r = _enkel(c, ids[0], "zelfde")
    assert r.status_code == 303
    pagina = c.get(PAD).text
    assert "Oordeel vastgelegd" in pagina
    # Labels, not codes.
    assert "Wacht op een tweede oordeel" in _tekst(pagina)
    assert "wacht_op_tweede" not in _tekst(pagina)
    assert "Zelfde persoon door Analist" in pagina
    (intrekken,) = re.findall(
        r'action="(/casussen/C-1/kruisverwijzing/oordelen/\d+/intrekken)"', pagina
    )
    assert _post(c, intrekken, {}).status_code == 303
    pagina = c.get(PAD).text
    assert "Oordeel ingetrokken" in pagina
    assert re.search(r"Zelfde persoon door Analist \([^)]*\), [^<]* — ingetrokken", pagina)
    assert "Wacht op een tweede oordeel" not in pagina
    # Withdrawn once is withdrawn: there is nothing left to withdraw.
    assert not re.findall(r'action="/casussen/C-1/kruisverwijzing/oordelen/\d+/intrekken"', pagina)


def test_bulk_judgement_and_a_refusal_in_dutch(kruiswereld: Wereld, c: TestClient) -> None:
    w = kruiswereld
    web_login(c, w.analist)
    _post(c, PAD, {"soort": "casus"})
    ids = _ids(c.get(PAD).text)
    assert len(ids) > 1
    r = _post(c, f"{PAD}/oordeel", {"oordeel": "anders", "suggestieIds": ids})
    assert r.status_code == 303
    assert sorted(_ids(c.get(f"{PAD}?status=anders").text)) == sorted(ids)
    assert _ids(c.get(f"{PAD}?status=open").text) == []
    r = c.get(f"{PAD}?status=onzin")
    assert r.status_code == 400 and "Kies een van de mogelijkheden bij status" in r.text
    r = _post(c, f"{PAD}/oordeel", {"oordeel": "misschien", "suggestieIds": ids[0]})
    assert r.status_code == 400
    assert "Er is een probleem" in r.text
    assert "Kies zelfde persoon, verschillende personen of weet ik niet." in r.text
    # Nothing ticked: said so, at the field.
    r = _post(c, f"{PAD}/oordeel", {"oordeel": "zelfde"})
    assert r.status_code == 400 and "Vink ten minste één suggestie aan." in r.text


def test_outsiders_see_nothing(kruiswereld: Wereld, c: TestClient) -> None:
    web_login(c, kruiswereld.buitenstaander)
    r = c.get(PAD)
    # Not a member: the case is not there for them, on the styled Dutch page.
    assert r.status_code == 404 and "Berg" not in r.text
    assert "Niet gevonden" in r.text and "geen toegang" in r.text


def test_a_colleague_elsewhere_confirms(kruiswereld: Wereld, c: TestClient) -> None:
    w = kruiswereld
    fiod = maak_actor(w.omgeving, "fiod", "fiod")
    lid(w.omgeving, "C-1", fiod)
    web_login(c, w.analist)
    _post(c, PAD, {"soort": "casus"})
    pagina = c.get(PAD).text
    assert "Samengevoegde subjecten" not in pagina
    eerste = _ids(pagina)[0]
    assert _enkel(c, eerste, "zelfde").status_code == 303
    assert "Samengevoegde subjecten" not in c.get(PAD).text  # one vote is not enough
    c.cookies.clear()
    web_login(c, fiod)
    assert _enkel(c, eerste, "zelfde").status_code == 303
    pagina = c.get(PAD).text
    assert "Samengevoegde subjecten" in pagina and "Subject uit 2 records" in pagina
