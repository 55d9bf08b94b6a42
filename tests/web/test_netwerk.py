# SPDX-License-Identifier: EUPL-1.2
"""The network pages: expansion with filter and pages, the path form, patterns."""

from __future__ import annotations

import re

import pytest
import sqlalchemy as sa
from fastapi.testclient import TestClient

from integraal.app import maak_app
from integraal.kruisverwijzing import netwerk
from integraal.opslag.db import transactie
from integraal.opslag.modellen import CasusSubject, Statement
from tests.conftest import Wereld
from tests.hulp import web_login

PAD = "/casussen/C-1/netwerk"


def _id(w: Wereld, waarde: str, schema: str) -> str:
    with transactie(w.omgeving.fabriek) as s:
        return str(
            s.scalars(
                sa.select(Statement.entity_id).where(
                    Statement.value == waarde, Statement.schema == schema
                )
            ).first()
        )


def test_from_a_case_subject_to_its_address_and_on(
    netwerkwereld: Wereld, monkeypatch: pytest.MonkeyPatch
) -> None:
    w = netwerkwereld
    eva = _id(w, "Eva van der Berg", "Person")
    with transactie(w.omgeving.fabriek) as s:
        s.add(
            CasusSubject(
                casus_id="C-1",
                entity_id=eva,
                schema="Person",
                toegevoegd_door=w.analist.gebruiker_id,
            )
        )
    with TestClient(maak_app(w.omgeving)) as c:
        web_login(c, w.analist)
        start = c.get(PAD).text
        assert f'href="{PAD}?knoop={eva}#relaties"' in start
        pagina = c.get(f"{PAD}?knoop={eva}").text
        assert "Relaties van Eva van der Berg" in pagina and "<svg" in pagina
        (adres,) = re.findall(
            r'href="/casussen/C-1/netwerk\?knoop=([0-9a-f]+)#relaties">Havenweg', pagina
        )
        monkeypatch.setattr(netwerk, "PER_PAGINA", 4)
        rond_adres = c.get(f"{PAD}?knoop={adres}").text
        assert "Relaties 1 tot en met 4 van 11" in rond_adres
        assert 'aria-current="page">Pagina 1<' in rond_adres
        tweede = c.get(f"{PAD}?knoop={adres}&pagina=2").text
        assert "Relaties 5 tot en met 8 van 11" in tweede
        assert 'aria-current="page">Pagina 2<' in tweede
        # A filter that matches nothing says so.
        leeg = c.get(f"{PAD}?knoop={adres}&soort=rekening").text
        assert "Geen relaties van deze soort" in leeg
        pad = c.get(f"{PAD}/pad?van={eva}&naar={_id(w, 'Haven 2 B.V.', 'Company')}").text
        assert "Een pad van 2 stappen" in pad and "Haven 2 B.V." in pad
        geen = c.get(f"{PAD}/pad?van={eva}&naar={_id(w, 'Q. de Graaf', 'Person')}").text
        assert "Er is geen pad" in geen
        onbekend = c.get(f"{PAD}?knoop=bestaat-niet")
        assert onbekend.status_code == 404 and "Dit subject bestaat niet" in onbekend.text


def test_patterns_page_lists_leads_with_reasons(netwerkwereld: Wereld) -> None:
    w = netwerkwereld
    with TestClient(maak_app(w.omgeving)) as c:
        web_login(c, w.analist)
        pagina = c.get(f"{PAD}/patronen").text
    assert "Veel organisaties op één adres" in pagina and "signaleringsgrens: 5" in pagina
    assert "Q. de Graaf" in pagina and "Snel 3 B.V." in pagina
    assert "Rekening gedeeld door personen zonder bekende relatie" in pagina
    assert "geen oordeel over" in pagina or "niets over schuld" in pagina


def test_outsiders_get_a_dutch_refusal(netwerkwereld: Wereld) -> None:
    w = netwerkwereld
    with TestClient(maak_app(w.omgeving)) as c:
        web_login(c, w.buitenstaander)
        r = c.get(f"{PAD}/patronen")
    # Not a member: the case is not there for them, on the styled Dutch page.
    assert r.status_code == 404 and "geen toegang" in r.text and "Niet gevonden" in r.text
    assert "Havenweg" not in r.text and "B.V." not in r.text
