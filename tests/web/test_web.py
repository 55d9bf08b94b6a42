# SPDX-License-Identifier: EUPL-1.2
"""Web pages: login, CSRF, the pages render in Dutch and call the gated services."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from integraal.app import maak_app
from integraal.opslag import leveringen
from integraal.opslag.db import transactie
from tests.conftest import VERGUNNINGEN_CSV, WACHTWOORD, Wereld
from tests.hulp import csrf, web_login


def test_zonder_inloggen_naar_het_inlogscherm(client: TestClient) -> None:
    for pad in ("/", "/zoeken", "/leveringen", "/deelwijzer", "/logboek"):
        r = client.get(pad, follow_redirects=False)
        # After signing in, the person lands where they wanted to go.
        verwacht = "/inloggen" if pad == "/" else f"/inloggen?volgende={pad}"
        assert r.status_code == 303 and r.headers["location"] == verwacht, pad


def test_inloggen_mislukt_met_nederlandse_melding(client: TestClient) -> None:
    r = client.post(
        "/inloggen", data={"gebruikersnaam": "analist", "wachtwoord": "fout", "csrf": csrf(client)}
    )
    assert r.status_code == 400
    assert "De gebruikersnaam of het wachtwoord is niet juist." in r.text
    assert 'lang="nl"' in r.text and "Er is een probleem" in r.text
    # What was typed stays (the password not).
    assert 'value="analist"' in r.text and 'value="fout"' not in r.text


def test_formulier_zonder_csrf_wordt_geweigerd(client: TestClient, wereld: Wereld) -> None:
    r = client.post("/inloggen", data={"gebruikersnaam": "analist", "wachtwoord": WACHTWOORD})
    assert r.status_code == 403


def test_startpagina_en_uitloggen(client: TestClient, wereld: Wereld) -> None:
    web_login(client, wereld.analist)
    r = client.get("/")
    assert r.status_code == 200 and "Mijn taken" in r.text and "C-1" in r.text
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
            "casusId": "",
            "csrf": csrf(client, "/deelwijzer"),
        },
    )
    # Without a case and without stated necessity the rule is not met: the page says which
    # conditions are unmet, by name, not by code.
    assert r.status_code == 200 and "Geweigerd" in r.text
    assert "Waaraan nog niet is voldaan" in r.text and "WGS-RIEC-IN" not in r.text
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
    assert r.status_code == 400 and "Kies een categorie uit de lijst." in r.text
    assert 'href="#veld-categorie"' in r.text  # the summary links to the field


def test_levering_via_web_en_rijfouten(client: TestClient, wereld: Wereld) -> None:
    web_login(client, wereld.gemeente)
    inhoud = VERGUNNINGEN_CSV + b"D9;123;X;Y;01-01-1990;S;1;3011AA;R;;;;\n"
    r = client.post(
        "/leveringen",
        data={
            "mapping": "demo-gemeente-vergunningen",
            "casusId": "C-1",
            "csrf": csrf(client, "/leveringen"),
        },
        files={"bestand": ("v.csv", inhoud, "text/csv")},
    )
    assert r.status_code == 200 and "Rijen met een fout" in r.text and "9 cijfers" in r.text
    assert "Verwerkt" in r.text and "Gemeente Rotterdam" in r.text


def test_levering_zonder_bestand_houdt_de_keuzes(client: TestClient, wereld: Wereld) -> None:
    web_login(client, wereld.gemeente)
    r = client.post(
        "/leveringen",
        data={"mapping": "demo-gemeente-vergunningen", "csrf": csrf(client, "/leveringen")},
        files={"bestand": ("", b"", "application/octet-stream")},
    )
    assert r.status_code == 400 and "Kies het bestand dat u wilt aanleveren." in r.text
    assert 'value="demo-gemeente-vergunningen" selected' in r.text


def test_logboekpagina_alleen_voor_privacy_officer(client: TestClient, wereld: Wereld) -> None:
    web_login(client, wereld.analist)
    assert client.get("/logboek").status_code == 403
    client.cookies.clear()
    web_login(client, wereld.privacy)
    r = client.get("/logboek")
    assert r.status_code == 200 and "Logboek in orde" in r.text


def test_voortgang_van_een_levering_in_behandeling(client: TestClient, wereld: Wereld) -> None:
    web_login(client, wereld.gemeente)
    r = client.post(
        "/leveringen",
        data={
            "mapping": "demo-gemeente-vergunningen",
            "casusId": "C-1",
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
    assert "Verwerkt" in client.get(pad).text

    # While processing, page and fragment show the rows read against the estimate, as the
    # import stores them with the delivery: in this app and in another app process alike
    # (a second app on the same database), which the import's own process memory was not.
    with transactie(wereld.omgeving.fabriek) as s:
        lev = leveringen.haal_levering(s, levering_id)
        assert lev is not None
        lev.status, lev.rijen_gelezen, lev.rijen_geschat = "in_behandeling", 250, 1000
    with TestClient(maak_app(wereld.omgeving)) as ander:
        web_login(ander, wereld.gemeente)
        for c in (client, ander):
            pagina = c.get(pad)
            assert 'hx-get="/leveringen/' in pagina.text
            assert "250 van ongeveer 1.000 rijen" in pagina.text
            fragment = c.get(f"{pad}/voortgang")
            assert fragment.status_code == 200 and 'value="25"' in fragment.text
            assert "HX-Refresh" not in fragment.headers

    # Not begun yet (queued for a worker): it says so, rather than "0 rows".
    with transactie(wereld.omgeving.fabriek) as s:
        lev = leveringen.haal_levering(s, levering_id)
        assert lev is not None
        lev.rijen_gelezen = 0
    assert "wacht op verwerking" in client.get(f"{pad}/voortgang").text

    # Another organisation sees neither page nor progress.
    client.cookies.clear()
    web_login(client, wereld.andere_riec)
    assert client.get(f"{pad}/voortgang").status_code == 404


def test_foutpaginas_zijn_nederlands_en_opgemaakt(client: TestClient, wereld: Wereld) -> None:
    """An unknown page, a wrong method and a crash each answer with a styled Dutch page in the
    layout, never raw JSON or a stack trace."""
    web_login(client, wereld.analist)
    r = client.get("/bestaat-niet")
    assert r.status_code == 404 and r.headers["content-type"].startswith("text/html")
    assert "Pagina niet gevonden" in r.text and '"detail"' not in r.text
    # GET on a page that only takes a form: a page, not {"detail": "Method Not Allowed"}.
    r = client.get("/uitloggen")
    assert r.status_code == 405 and r.headers["content-type"].startswith("text/html")
    assert "Dit adres werkt zo niet" in r.text and "Method Not Allowed" not in r.text
    c = TestClient(client.app, raise_server_exceptions=False)
    web_login(c, wereld.analist)
    import integraal.web.routes.start as start

    def kapot(*a: object, **k: object) -> None:
        raise RuntimeError("SELECT geheim FROM tabel")

    mp = pytest.MonkeyPatch()
    mp.setattr(start.taken, "mijn_taken", kapot)
    try:
        r = c.get("/")
    finally:
        mp.undo()
    assert r.status_code == 500 and r.headers["content-type"].startswith("text/html")
    assert "Er ging iets mis" in r.text and "SELECT" not in r.text and "Traceback" not in r.text
