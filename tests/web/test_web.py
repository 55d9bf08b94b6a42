# SPDX-License-Identifier: EUPL-1.2
"""Web pages: login, CSRF, the pages render in Dutch and call the gated services."""

from __future__ import annotations

from fastapi.testclient import TestClient

from integraal.opslag import leveringen
from integraal.opslag.db import transactie
from tests.conftest import VERGUNNINGEN_CSV, WACHTWOORD, Wereld
from tests.hulp import csrf, web_login


def test_zonder_inloggen_naar_het_inlogscherm(client: TestClient) -> None:
    for pad in ("/", "/zoeken", "/leveringen", "/deelwijzer", "/logboek"):
        r = client.get(pad, follow_redirects=False)
        assert r.status_code == 303 and r.headers["location"] == "/inloggen", pad


def test_inloggen_mislukt_met_nederlandse_melding(client: TestClient) -> None:
    r = client.post(
        "/inloggen", data={"gebruikersnaam": "analist", "wachtwoord": "fout", "csrf": csrf(client)}
    )
    assert r.status_code == 400 and "Gebruikersnaam of wachtwoord onjuist" in r.text
    assert 'lang="nl"' in r.text


def test_formulier_zonder_csrf_wordt_geweigerd(client: TestClient, wereld: Wereld) -> None:
    r = client.post("/inloggen", data={"gebruikersnaam": "analist", "wachtwoord": WACHTWOORD})
    assert r.status_code == 403


def test_startpagina_en_uitloggen(client: TestClient, wereld: Wereld) -> None:
    web_login(client, wereld.analist)
    r = client.get("/")
    assert r.status_code == 200 and "Mijn casussen" in r.text and "C-1" in r.text
    r = client.post("/uitloggen", data={"csrf": csrf(client, "/")}, follow_redirects=False)
    assert r.status_code == 303
    assert client.get("/", follow_redirects=False).status_code == 303


def test_deelwijzer_pagina(client: TestClient, wereld: Wereld) -> None:
    web_login(client, wereld.analist)
    r = client.post(
        "/deelwijzer",
        data={
            "van": "gemeente",
            "aan": "riec",
            "categorie": "identiteit",
            "doel": "integrale_aanpak",
            "casus": "",
            "csrf": csrf(client, "/deelwijzer"),
        },
    )
    assert r.status_code == 200 and "Geweigerd" in r.text and "WGS-RIEC-IN" in r.text
    r = client.post(
        "/deelwijzer",
        data={
            "van": "gemeente",
            "aan": "riec",
            "categorie": "onzin",
            "doel": "integrale_aanpak",
            "csrf": csrf(client, "/deelwijzer"),
        },
    )
    assert r.status_code == 400 and "onbekende categorie" in r.text


def test_levering_via_web_en_rijfouten(client: TestClient, wereld: Wereld) -> None:
    web_login(client, wereld.gemeente)
    inhoud = VERGUNNINGEN_CSV + b"D9;123;X;Y;01-01-1990;S;1;3011AA;R;;;;\n"
    r = client.post(
        "/leveringen",
        data={
            "mapping": "demo-gemeente-vergunningen",
            "casus": "C-1",
            "csrf": csrf(client, "/leveringen"),
        },
        files={"bestand": ("v.csv", inhoud, "text/csv")},
    )
    assert r.status_code == 200 and "Rijfouten" in r.text and "9 cijfers" in r.text


def test_logboekpagina_alleen_voor_privacy_officer(client: TestClient, wereld: Wereld) -> None:
    web_login(client, wereld.analist)
    assert client.get("/logboek").status_code == 403
    client.cookies.clear()
    web_login(client, wereld.privacy)
    r = client.get("/logboek")
    assert r.status_code == 200 and "Logboek in orde" in r.text


def test_voortgang_van_een_levering_in_behandeling(client: TestClient, wereld: Wereld) -> None:
    from integraal.bronnen.voortgang import Voortgangsbord

    web_login(client, wereld.gemeente)
    r = client.post(
        "/leveringen",
        data={
            "mapping": "demo-gemeente-vergunningen",
            "casus": "C-1",
            "csrf": csrf(client, "/leveringen"),
        },
        files={"bestand": ("v.csv", VERGUNNINGEN_CSV, "text/csv")},
        follow_redirects=False,
    )
    assert r.status_code == 303
    pad = r.headers["location"]
    levering_id = pad.rsplit("/", 1)[-1]
    # Finished: the fragment tells htmx to reload the page, which shows the result.
    klaar = client.get(f"{pad}/voortgang")
    assert klaar.headers.get("HX-Refresh") == "true"
    assert "verwerkt" in client.get(pad).text

    # While processing, page and fragment show the rows done against the estimate.
    with transactie(wereld.omgeving.fabriek) as s:
        lev = leveringen.haal_levering(s, levering_id)
        assert lev is not None
        lev.status = "in_behandeling"
    bord: Voortgangsbord = client.app.state.voortgang  # type: ignore[attr-defined]
    bord.begin(levering_id, 1000)(250)
    pagina = client.get(pad)
    assert 'hx-get="/leveringen/' in pagina.text and "250 van ongeveer 1000 rijen" in pagina.text
    fragment = client.get(f"{pad}/voortgang")
    assert fragment.status_code == 200 and 'value="25"' in fragment.text
    assert "HX-Refresh" not in fragment.headers

    # Another organisation sees neither page nor progress.
    client.cookies.clear()
    web_login(client, wereld.andere_riec)
    assert client.get(f"{pad}/voortgang").status_code == 404
