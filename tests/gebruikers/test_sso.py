# SPDX-License-Identifier: EUPL-1.2
"""Single sign-on's rules, on both databases (the browser test runs the whole flow against a
real provider): which organisation and role the claims give, the account made or kept up to
date, the refusals, the providers' file checked against the partner register, and an answer
that does not belong to this browser's sign-in."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from integraal.domein.rollen import Rol
from integraal.gebruikers import authenticeer
from integraal.gebruikers import sso as dienst
from integraal.gebruikers.sso import Aanbieder, Begin, Identiteit, SsoGeweigerd
from integraal.opslag.db import transactie
from tests.conftest import Wereld

POLITIE = Aanbieder(
    naam="politie",
    titel="Politie",
    uitgever="https://login.politie.voorbeeld",
    client_id="integraal",
    client_secret="geheim",
    organisatie_claim="organisatie",
    organisaties={"POL": "politie"},
    rollen_claim="rollen",
    rollen={"integraal-analist": Rol.ANALIST, "integraal-coordinator": Rol.COORDINATOR},
)
NU = dt.datetime(2026, 11, 30, 12, tzinfo=dt.UTC)
TERMIJN = dt.timedelta(days=91)


def _ident(sub: str = "u1", **claims: object) -> Identiteit:
    return Identiteit(POLITIE.uitgever, sub, "Petra Jansen", "p@pol.voorbeeld", claims, "t")


def test_organisatie_en_rol_uit_de_claims() -> None:
    t = dienst.toegang(POLITIE, {"organisatie": "POL", "rollen": ["iets", "integraal-analist"]})
    assert (t.organisatie, t.rol) == ("politie", Rol.ANALIST)
    assert dienst.toegang(POLITIE, {"organisatie": "POL"}).rol is None
    with pytest.raises(SsoGeweigerd, match="niet aangesloten"):
        dienst.toegang(POLITIE, {"organisatie": "ELDERS", "rollen": ["integraal-analist"]})
    with pytest.raises(SsoGeweigerd, match="niet aangesloten"):
        dienst.toegang(POLITIE, {})


def test_eerste_keer_een_account_daarna_bijgewerkt(wereld: Wereld) -> None:
    o = wereld.omgeving
    claims = {"organisatie": "POL", "rollen": "integraal-analist"}
    with transactie(o.fabriek) as s:
        g = dienst.account(s, POLITIE, _ident(**claims), nu=NU, termijn=TERMIJN)
        s.flush()
        eerste = g.id
        assert (g.organisatie_id, g.rol, g.extern_id, g.laatst_ingelogd) == (
            "politie",
            "analist",
            "u1",
            NU,
        )
        naam = g.gebruikersnaam
    # No password signs in to an account of the organisation.
    with transactie(o.fabriek) as s:
        assert authenticeer(s, naam, dienst.GEEN_WACHTWOORD, termijn=TERMIJN) is None
    later = NU + dt.timedelta(days=200)
    with transactie(o.fabriek) as s:
        g = dienst.account(
            s,
            POLITIE,
            _ident(organisatie="POL", rollen=["integraal-coordinator"]),
            nu=later,
            termijn=TERMIJN,
        )
        assert (g.id, g.rol, g.rol_bevestigd_op) == (eerste, "coordinator", later)


def test_geweigerd_zonder_rol_uitgeschakeld_of_elders(wereld: Wereld) -> None:
    o = wereld.omgeving
    with transactie(o.fabriek) as s, pytest.raises(SsoGeweigerd, match="nog geen rol"):
        dienst.account(s, POLITIE, _ident(organisatie="POL"), nu=NU, termijn=TERMIJN)
    with transactie(o.fabriek) as s:
        g = dienst.account(
            s,
            POLITIE,
            _ident(organisatie="POL", rollen="integraal-analist"),
            nu=NU,
            termijn=TERMIJN,
        )
        g.actief = False
    with transactie(o.fabriek) as s, pytest.raises(SsoGeweigerd, match="uitgeschakeld"):
        dienst.account(
            s,
            POLITIE,
            _ident(organisatie="POL", rollen="integraal-analist"),
            nu=NU,
            termijn=TERMIJN,
        )
    # A role only assigned here (no claim) lapses with the access review, as a local one.
    with transactie(o.fabriek) as s:
        g = dienst.account(
            s,
            POLITIE,
            _ident("u2", organisatie="POL", rollen="integraal-analist"),
            nu=NU,
            termijn=TERMIJN,
        )
    with transactie(o.fabriek) as s, pytest.raises(SsoGeweigerd, match="niet op tijd"):
        dienst.account(
            s,
            POLITIE,
            _ident("u2", organisatie="POL"),
            nu=NU + dt.timedelta(days=100),
            termijn=TERMIJN,
        )


def test_het_bestand_met_aanbieders_wordt_gecontroleerd(tmp_path: Path) -> None:
    pad = tmp_path / "sso.yaml"
    pad.write_text(
        "aanbieders:\n  - naam: x\n    titel: X\n    uitgever: http://login.voorbeeld\n"
        "    client_id: c\n    client_secret: s\n    organisatie: politie\n"
    )
    with pytest.raises(ValueError, match="https"):
        dienst.laad_aanbieders(pad, {"politie"})
    pad.write_text(pad.read_text().replace("http://", "https://"))
    assert set(dienst.laad_aanbieders(pad, {"politie"})) == {"x"}
    with pytest.raises(ValueError, match="niet in het partnerregister"):
        dienst.laad_aanbieders(pad, {"gemeente-rotterdam"})


def test_een_antwoord_hoort_bij_deze_browser(wereld: Wereld) -> None:
    o = wereld.omgeving
    begin = Begin("https://x", "staat-1", "v" * 64, "n" * 32)
    with transactie(o.fabriek) as s:
        dienst.bewaar_aanvraag(s, POLITIE, begin, "binding-a", "/casussen", NU)
    with transactie(o.fabriek) as s, pytest.raises(SsoGeweigerd, match="deze browser"):
        dienst.neem_aanvraag(s, POLITIE, "staat-1", "binding-b", NU)
    # Taken once, even by the wrong browser: the right one cannot use it afterwards either.
    with transactie(o.fabriek) as s, pytest.raises(SsoGeweigerd):
        dienst.neem_aanvraag(s, POLITIE, "staat-1", "binding-a", NU)
    with transactie(o.fabriek) as s:
        dienst.bewaar_aanvraag(s, POLITIE, Begin("u", "staat-2", "v", "n"), "b", "/", NU)
    with transactie(o.fabriek) as s, pytest.raises(SsoGeweigerd, match="te lang"):
        dienst.neem_aanvraag(s, POLITIE, "staat-2", "b", NU + dt.timedelta(minutes=11))
    with transactie(o.fabriek) as s:
        dienst.bewaar_aanvraag(s, POLITIE, Begin("u", "staat-3", "v", "n"), "b", "/x", NU)
    with transactie(o.fabriek) as s:
        assert dienst.neem_aanvraag(s, POLITIE, "staat-3", "b", NU).volgende == "/x"


def test_terugkomen_zonder_aanvraag_wordt_geweigerd_en_vastgelegd(
    client: TestClient, wereld: Wereld
) -> None:
    client.app.state.sso = {"politie": POLITIE}  # type: ignore[attr-defined]
    r = client.get("/inloggen/sso/politie/terug", params={"code": "c", "state": "verzonnen"})
    assert r.status_code == 403 and "hoort niet bij een inlogpoging" in r.text
    assert client.get("/inloggen/sso/onbekend").status_code == 404
    import sqlalchemy as sa

    with transactie(wereld.omgeving.fabriek) as s:
        reden = s.execute(
            sa.text(
                "SELECT count(*) FROM audit_record WHERE actie = 'inloggen' "
                "AND resultaat = 'geweigerd'"
            )
        ).scalar_one()
    assert reden == 1
