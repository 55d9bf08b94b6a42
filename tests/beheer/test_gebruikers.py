# SPDX-License-Identifier: EUPL-1.2
"""Users and roles of one's own organisation (issue 25, item 2), on both databases: an
invitation that works once, roles no higher than one's own, one's own account and other
organisations' accounts out of reach, disabling that ends sessions and tokens at once, and
every change audited."""

from __future__ import annotations

import re

import pytest
import sqlalchemy as sa
from fastapi.testclient import TestClient

from integraal.beheer import gebruikers as dienst
from integraal.beheer.gebruikers import GebruikerIn, RolIn, Status, WachtwoordIn
from integraal.domein.actor import Actor
from integraal.domein.fouten import GeenToegang, NietGevonden, OngeldigeInvoer
from integraal.domein.rollen import Rol
from integraal.gebruikers import authenticeer
from integraal.opslag.db import transactie
from integraal.verwerking import Kanaal
from tests.conftest import Wereld, maak_actor
from tests.hulp import csrf, token, web_login

NIEUW_WACHTWOORD = "een lange zin als wachtwoord"


@pytest.fixture
def beheerder(wereld: Wereld) -> Actor:
    return maak_actor(wereld.omgeving, "beheer", "riec-rotterdam", Rol.FUNCTIONEEL_BEHEERDER)


@pytest.fixture
def coordinator(wereld: Wereld) -> Actor:
    return maak_actor(wereld.omgeving, "coord", "riec-rotterdam", Rol.COORDINATOR)


def _als(wereld: Wereld, actor: Actor):  # type: ignore[no-untyped-def]
    return wereld.omgeving.context(actor, Kanaal.WEB)


def _audit(wereld: Wereld, actie: str) -> int:
    with transactie(wereld.omgeving.fabriek) as s:
        return int(
            s.execute(
                sa.text("SELECT count(*) FROM audit_record WHERE actie = :a"), {"a": actie}
            ).scalar_one()
        )


def test_uitnodigen_en_zelf_een_wachtwoord_kiezen(wereld: Wereld, beheerder: Actor) -> None:
    with _als(wereld, beheerder) as ctx:
        bewijs = dienst.nodig_uit(
            ctx, GebruikerIn(naam="Ina Nieuw", gebruikersnaam="i.nieuw", rol=Rol.ANALIST)
        )
    assert bewijs.gebruiker.status is Status.UITGENODIGD
    token_ = bewijs.pad.rsplit("/", 1)[1]
    # Invited, not yet able to sign in with anything.
    with transactie(wereld.omgeving.fabriek) as s:
        assert (
            authenticeer(
                s,
                "i.nieuw",
                dienst.UITGENODIGD,
                termijn=wereld.omgeving.instellingen.toegangstermijn,
            )
            is None
        )
    invoer = WachtwoordIn(wachtwoord=NIEUW_WACHTWOORD, herhaling=NIEUW_WACHTWOORD)
    with wereld.omgeving.context(None, Kanaal.WEB) as ctx:
        assert dienst.aanvaard(ctx, token_, invoer) == "i.nieuw"
    with transactie(wereld.omgeving.fabriek) as s:
        a = authenticeer(
            s, "i.nieuw", NIEUW_WACHTWOORD, termijn=wereld.omgeving.instellingen.toegangstermijn
        )
        assert a is not None and a.rol is Rol.ANALIST and a.organisatie_id == "riec-rotterdam"
    # Once only.
    with wereld.omgeving.context(None, Kanaal.WEB) as ctx, pytest.raises(NietGevonden):
        dienst.aanvaard(ctx, token_, invoer)
    assert _audit(wereld, "gebruiker uitnodigen") == 1
    assert _audit(wereld, "uitnodiging aanvaarden") == 1


def test_een_coordinator_geeft_geen_rol_boven_de_eigen(wereld: Wereld, coordinator: Actor) -> None:
    with _als(wereld, coordinator) as ctx:
        rollen = dienst.toekenbare_rollen(ctx)
        assert Rol.ANALIST in rollen and Rol.COORDINATOR in rollen
        assert Rol.PRIVACY_OFFICER not in rollen and Rol.FUNCTIONEEL_BEHEERDER not in rollen
    with _als(wereld, coordinator) as ctx, pytest.raises(OngeldigeInvoer) as fout:
        dienst.nodig_uit(
            ctx, GebruikerIn(naam="Piet Privacy", gebruikersnaam="p.p", rol=Rol.PRIVACY_OFFICER)
        )
    assert "boven uw eigen rol" in fout.value.fouten["rol"]
    # Nor change the role of someone above them (the privacy officer).
    with _als(wereld, coordinator) as ctx, pytest.raises(GeenToegang):
        dienst.wijzig_rol(ctx, wereld.privacy.gebruiker_id, RolIn(rol=Rol.ANALIST))


def test_niet_het_eigen_account_niet_van_een_ander_en_niet_als_analist(
    wereld: Wereld, beheerder: Actor
) -> None:
    with _als(wereld, beheerder) as ctx, pytest.raises(GeenToegang):
        dienst.schakel_uit(ctx, beheerder.gebruiker_id)
    with _als(wereld, beheerder) as ctx, pytest.raises(NietGevonden):
        dienst.lees(ctx, wereld.andere_riec.gebruiker_id)
    with _als(wereld, wereld.analist) as ctx, pytest.raises(GeenToegang):
        dienst.lijst(ctx)
    with _als(wereld, beheerder) as ctx:
        namen = {g.naam for g in dienst.lijst(ctx)}
    assert "Analist" in namen and "Utrecht" not in namen


def test_uitschakelen_beeindigt_sessies_en_tokens(
    client: TestClient, wereld: Wereld, beheerder: Actor
) -> None:
    koppen = token(client, wereld.analist)
    assert client.get("/api/v1/leveringen", headers=koppen).status_code == 200
    with _als(wereld, beheerder) as ctx:
        assert dienst.lees(ctx, wereld.analist.gebruiker_id).laatst_ingelogd is not None
    ander = TestClient(client.app)
    web_login(ander, wereld.analist)
    assert ander.get("/casussen", follow_redirects=False).status_code == 200
    with _als(wereld, beheerder) as ctx:
        assert dienst.schakel_uit(ctx, wereld.analist.gebruiker_id).status is Status.UITGESCHAKELD
    assert client.get("/api/v1/leveringen", headers=koppen).status_code == 401
    assert ander.get("/casussen", follow_redirects=False).status_code == 303
    with _als(wereld, beheerder) as ctx:
        assert dienst.schakel_in(ctx, wereld.analist.gebruiker_id).status is Status.ACTIEF
    assert _audit(wereld, "gebruiker uitschakelen") == 1
    assert _audit(wereld, "gebruiker inschakelen") == 1


def test_een_nieuwe_rol_beeindigt_de_sessie(
    client: TestClient, wereld: Wereld, beheerder: Actor
) -> None:
    web_login(client, wereld.analist)
    with _als(wereld, beheerder) as ctx:
        g = dienst.wijzig_rol(ctx, wereld.analist.gebruiker_id, RolIn(rol=Rol.COORDINATOR))
    assert g.rol is Rol.COORDINATOR
    assert client.get("/casussen", follow_redirects=False).status_code == 303
    assert _audit(wereld, "rol wijzigen") == 1


def test_in_de_webapplicatie(client: TestClient, wereld: Wereld, beheerder: Actor) -> None:
    web_login(client, beheerder)
    assert "Gebruikers beheren" in client.get("/").text
    assert client.get("/beheer/gebruikers").status_code == 200
    # The GOV.UK pattern: the problem at the field, the rest kept.
    fout = client.post(
        "/beheer/gebruikers/nieuw",
        data={
            "naam": "Ina Nieuw",
            "gebruikersnaam": "Ina Nieuw!",
            "rol": "analist",
            "csrf": csrf(client, "/beheer/gebruikers/nieuw"),
        },
    )
    assert fout.status_code == 400 and "Kies een gebruikersnaam" in fout.text
    assert 'value="Ina Nieuw"' in fout.text
    r = client.post(
        "/beheer/gebruikers/nieuw",
        data={
            "naam": "Ina Nieuw",
            "gebruikersnaam": "i.nieuw",
            "rol": "analist",
            "csrf": csrf(client, "/beheer/gebruikers/nieuw"),
        },
    )
    assert r.status_code == 200 and "Geef deze link door" in r.text
    pad = re.search(r"(/uitnodiging/[A-Za-z0-9_\-]+)", r.text)
    assert pad is not None
    # The invitee, in a browser of their own.
    gast = TestClient(client.app)
    pagina = gast.get(pad.group(1))
    assert pagina.status_code == 200 and "Welkom bij Integraal, Ina Nieuw" in pagina.text
    ongelijk = gast.post(
        pad.group(1),
        data={
            "wachtwoord": NIEUW_WACHTWOORD,
            "herhaling": "anders",
            "csrf": csrf(gast, pad.group(1)),
        },
    )
    assert ongelijk.status_code == 400 and "niet gelijk" in ongelijk.text
    assert NIEUW_WACHTWOORD not in ongelijk.text, "een wachtwoord komt nooit terug"
    klaar = gast.post(
        pad.group(1),
        data={
            "wachtwoord": NIEUW_WACHTWOORD,
            "herhaling": NIEUW_WACHTWOORD,
            "csrf": csrf(gast, pad.group(1)),
        },
    )
    assert klaar.status_code == 200 and "Uw wachtwoord is ingesteld" in klaar.text
    assert gast.get(pad.group(1)).status_code == 404


def test_de_api_met_dezelfde_regels(client: TestClient, wereld: Wereld, beheerder: Actor) -> None:
    koppen = token(client, beheerder)
    r = client.post(
        "/api/v1/gebruikers",
        headers=koppen,
        json={"naam": "Api Nieuw", "gebruikersnaam": "api.nieuw", "rol": "analist"},
    )
    assert r.status_code == 201, r.text
    nummer, pad = r.json()["gebruiker"]["id"], r.json()["pad"]
    assert pad.startswith("/uitnodiging/")
    assert client.get(f"/api/v1/gebruikers/{nummer}", headers=koppen).json()["status"] == (
        "uitgenodigd"
    )
    rol = client.post(
        f"/api/v1/gebruikers/{nummer}/_rol", headers=koppen, json={"rol": "coordinator"}
    )
    assert rol.status_code == 200 and rol.json()["rol"] == "coordinator"
    eigen = client.post(
        f"/api/v1/gebruikers/{beheerder.gebruiker_id}/_uitschakelen", headers=koppen
    )
    assert eigen.status_code == 403


# Who may not: every role but the two, and the beheerder of another organisation.
NIET = ["analist", "privacy", "beleid", "andere_beheerder"]
PADEN = [
    ("GET", "/beheer/gebruikers"),
    ("GET", "/beheer/gebruikers/nieuw"),
    ("GET", "/beheer/gebruikers/{id}"),
    ("POST", "/beheer/gebruikers/{id}/uitschakelen"),
    ("GET", "/api/v1/gebruikers"),
    ("GET", "/api/v1/gebruikers/{id}"),
    ("POST", "/api/v1/gebruikers/{id}/_uitschakelen"),
    ("POST", "/api/v1/gebruikers/{id}/_rol"),
]


@pytest.mark.parametrize("wie", NIET)
def test_wie_geen_beheerder_is_krijgt_niets(client: TestClient, wereld: Wereld, wie: str) -> None:
    o = wereld.omgeving
    actor = {
        "analist": wereld.analist,
        "privacy": wereld.privacy,
        "beleid": maak_actor(o, "beleid", "riec-rotterdam", Rol.BELEIDSMEDEWERKER),
        "andere_beheerder": maak_actor(
            o, "beheer.utrecht", "riec-midden-nederland", Rol.FUNCTIONEEL_BEHEERDER
        ),
    }[wie]
    doelwit = wereld.buitenstaander.gebruiker_id  # an analyst of riec-rotterdam
    koppen = token(client, actor)
    web_login(client, actor)
    for methode, sjabloon in PADEN:
        pad = sjabloon.format(id=doelwit)
        if pad.startswith("/api/"):
            r = client.request(methode, pad, headers=koppen, json={"rol": "analist"})
        elif methode == "POST":
            r = client.post(pad, data={"csrf": csrf(client, "/")}, follow_redirects=False)
        else:
            r = client.get(pad, follow_redirects=False)
        if wie == "andere_beheerder" and sjabloon in (
            "/beheer/gebruikers",
            "/beheer/gebruikers/nieuw",
            "/api/v1/gebruikers",
        ):
            # Their own organisation's list: not one account of riec-rotterdam in it.
            assert r.status_code == 200 and "Buitenstaander" not in r.text, pad
            continue
        assert r.status_code in (403, 404), (wie, methode, pad, r.status_code)
        assert "Buitenstaander" not in r.text
    with transactie(o.fabriek) as s:
        actief = s.execute(
            sa.text("SELECT actief FROM gebruiker WHERE id = :i"), {"i": doelwit}
        ).scalar_one()
    assert actief, "niets veranderd"


def test_een_uitnodiging_aanvaarden_via_de_api(
    client: TestClient, wereld: Wereld, beheerder: Actor
) -> None:
    with _als(wereld, beheerder) as ctx:
        bewijs = dienst.nodig_uit(
            ctx, GebruikerIn(naam="Api Gast", gebruikersnaam="api.gast", rol=Rol.ANALIST)
        )
    token_ = bewijs.pad.rsplit("/", 1)[1]
    ongelijk = client.post(
        f"/api/v1/uitnodigingen/{token_}",
        json={"wachtwoord": NIEUW_WACHTWOORD, "herhaling": "iets anders"},
    )
    assert ongelijk.status_code == 400 and "niet gelijk" in ongelijk.text
    r = client.post(
        f"/api/v1/uitnodigingen/{token_}",
        json={"wachtwoord": NIEUW_WACHTWOORD, "herhaling": NIEUW_WACHTWOORD},
    )
    assert r.status_code == 200 and r.json() == {"gebruikersnaam": "api.gast"}
    opnieuw = client.post(
        f"/api/v1/uitnodigingen/{token_}",
        json={"wachtwoord": NIEUW_WACHTWOORD, "herhaling": NIEUW_WACHTWOORD},
    )
    assert opnieuw.status_code == 404
