# SPDX-License-Identifier: EUPL-1.2
"""Web sessions live on the server: signing out, a new password or role, an idle or an old
session each end them; the cookie is a bare random key, Secure over HTTPS."""

from __future__ import annotations

import datetime as dt
import re

import sqlalchemy as sa
from fastapi.testclient import TestClient

from integraal.app import maak_app
from integraal.opslag.db import transactie
from integraal.opslag.modellen import Gebruiker, Websessie
from integraal.web.sessies import COOKIE
from tests.conftest import Wereld
from tests.hulp import csrf, token, web_login


def _ingelogd(c: TestClient) -> bool:
    r = c.get("/casussen", follow_redirects=False)
    return r.status_code == 200


def _met_koekje(wereld: Wereld, waarde: str) -> TestClient:
    """A second browser that only has a copy of the cookie."""
    c = TestClient(maak_app(wereld.omgeving))
    c.cookies.set(COOKIE, waarde)
    return c


def test_uitloggen_maakt_een_bewaard_koekje_waardeloos(client: TestClient, wereld: Wereld) -> None:
    voor = client.get("/inloggen").cookies.get(COOKIE) or client.cookies.get(COOKIE)
    web_login(client, wereld.analist)
    koekje = client.cookies.get(COOKIE)
    assert koekje and koekje != voor  # a key planted before signing in is not the session
    # The cookie is a random key: nothing in it names the user or holds the form token.
    assert re.fullmatch(r"[A-Za-z0-9_-]{43}", koekje)
    kopie = _met_koekje(wereld, koekje)
    assert _ingelogd(kopie)

    r = client.post("/uitloggen", data={"csrf": csrf(client, "/")}, follow_redirects=False)
    assert r.status_code == 303
    assert not _ingelogd(kopie)
    with transactie(wereld.omgeving.fabriek) as s:
        assert (
            s.scalar(
                sa.select(sa.func.count())
                .select_from(Websessie)
                .where(Websessie.gebruiker_id == wereld.analist.gebruiker_id)
            )
            == 0
        )


def test_een_nieuw_wachtwoord_of_een_andere_rol_beeindigt_sessies_en_tokens(
    client: TestClient, wereld: Wereld
) -> None:
    for wijziging in ({"wachtwoord_hash": "$argon2id$anders"}, {"rol": "coordinator"}):
        c = TestClient(maak_app(wereld.omgeving))
        web_login(c, wereld.gemeente)
        kop = token(c, wereld.gemeente)
        assert _ingelogd(c)
        assert c.get("/api/v1/leveringen", headers=kop).status_code == 200
        with transactie(wereld.omgeving.fabriek) as s:
            oud = s.get(Gebruiker, wereld.gemeente.gebruiker_id)
            assert oud is not None
            terug = {k: getattr(oud, k) for k in wijziging}
            s.execute(
                sa.update(Gebruiker)
                .where(Gebruiker.id == wereld.gemeente.gebruiker_id)
                .values(**wijziging)
            )
        assert not _ingelogd(c), wijziging
        assert c.get("/api/v1/leveringen", headers=kop).status_code == 401, wijziging
        with transactie(wereld.omgeving.fabriek) as s:
            s.execute(
                sa.update(Gebruiker)
                .where(Gebruiker.id == wereld.gemeente.gebruiker_id)
                .values(**terug)
            )


def test_een_ongebruikte_of_oude_sessie_verloopt(client: TestClient, wereld: Wereld) -> None:
    inst = wereld.omgeving.instellingen
    for kolom, verschuiving in (
        ("gebruikt_op", dt.timedelta(minutes=inst.sessie_inactief_minuten, seconds=5)),
        ("aangemaakt_op", dt.timedelta(hours=inst.sessie_max_uren, seconds=5)),
    ):
        c = TestClient(maak_app(wereld.omgeving))
        web_login(c, wereld.analist)
        assert _ingelogd(c)
        with transactie(wereld.omgeving.fabriek) as s:
            s.execute(
                sa.update(Websessie)
                .where(Websessie.gebruiker_id == wereld.analist.gebruiker_id)
                .values({kolom: dt.datetime.now(dt.UTC) - verschuiving})
            )
        assert not _ingelogd(c), kolom


def test_het_koekje_is_secure_over_https(wereld: Wereld) -> None:
    with TestClient(maak_app(wereld.omgeving), base_url="https://testserver") as c:
        r = c.get("/inloggen")
        kop = r.headers["set-cookie"]
        assert "Secure" in kop and "HttpOnly" in kop and "SameSite=Strict" in kop
    with TestClient(maak_app(wereld.omgeving)) as c:
        assert "Secure" not in c.get("/inloggen").headers["set-cookie"]


def test_een_statisch_bestand_leest_geen_sessie(client: TestClient, wereld: Wereld) -> None:
    # The same for everyone: a signed-in browser's style sheet asks nothing of the database,
    # and sets no cookie.
    web_login(client, wereld.analist)
    opdrachten: list[str] = []

    def vang(_c: object, _cur: object, opdracht: str, *_a: object) -> None:
        opdrachten.append(opdracht)

    sa.event.listen(wereld.omgeving.database, "before_cursor_execute", vang)
    try:
        r = client.get("/static/integraal.css")
        bij_het_bestand = list(opdrachten)
        pagina = client.get("/casussen", follow_redirects=False)
    finally:
        sa.event.remove(wereld.omgeving.database, "before_cursor_execute", vang)
    assert r.status_code == 200 and "set-cookie" not in r.headers
    assert bij_het_bestand == []
    # The page after it does read the session: the listener saw the database.
    assert pagina.status_code == 200
    assert any("websessie" in o for o in opdrachten)
