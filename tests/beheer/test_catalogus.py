# SPDX-License-Identifier: EUPL-1.2
"""The rule catalogue in the app (issue 25, item 4), on both databases: a change proposed as
a new version, its readable difference and its effect on the stored reference requests, the
four eyes of a privacy officer who did not propose it, and decisions that then follow and
cite the new version, in this process and in another."""

from __future__ import annotations

import pytest
import sqlalchemy as sa
from fastapi.testclient import TestClient

from integraal.beheer import catalogus as dienst
from integraal.beheer.catalogus import OordeelIn, VoorstelIn
from integraal.delen import Verzoek
from integraal.delen.catalogus import laad_catalogus, laad_register, meegeleverde_tekst
from integraal.delen.referenties import laad_referenties, maak_referenties
from integraal.domein.actor import Actor
from integraal.domein.fouten import GeenToegang, OngeldigeInvoer
from integraal.domein.rollen import Rol
from integraal.omgeving import maak_omgeving
from integraal.opslag.db import transactie
from integraal.verwerking import Kanaal
from tests.conftest import Wereld, maak_actor
from tests.hulp import csrf, web_login

HUIDIG = laad_catalogus().versie


def _gewijzigd(versie: str = "2099.1.1") -> str:
    """The shipped catalogue with a new version and the RIEC's incoming rule narrowed to
    identity data only: addresses are no longer provided to a RIEC."""
    tekst = meegeleverde_tekst().replace(f'versie: "{HUIDIG}"', f'versie: "{versie}"', 1)
    oud = "categorieen: [identiteit, adres"
    assert oud in tekst
    return tekst.replace(oud, "categorieen: [identiteit", 1)


@pytest.fixture
def beheerder(wereld: Wereld) -> Actor:
    return maak_actor(wereld.omgeving, "beheer", "riec-rotterdam", Rol.FUNCTIONEEL_BEHEERDER)


@pytest.fixture
def tweede_po(wereld: Wereld) -> Actor:
    return maak_actor(wereld.omgeving, "privacy2", "riec-rotterdam", Rol.PRIVACY_OFFICER)


def _riec_adres(wereld: Wereld) -> Verzoek:
    from tests.delen.test_beslissen import CASUS

    return Verzoek(
        van="gemeente-rotterdam",
        aan="riec-rotterdam",
        categorie="adres",
        doel="integrale_aanpak",
        casus=CASUS,
        feiten=frozenset({"noodzakelijk"}),
    )


def test_de_referenties_horen_bij_de_meegeleverde_catalogus() -> None:
    """Every rule has its references, and the stored set is what the command makes."""
    refs = laad_referenties()
    assert refs == tuple(maak_referenties(laad_catalogus(), laad_register()))
    regels = {r.id for r in laad_catalogus().regels}
    assert {r.id.split("/")[0] for r in refs} <= regels and len(refs) >= len(regels)


def test_voorstellen_gevolgen_zien_en_met_vier_ogen_in_werking(
    wereld: Wereld, beheerder: Actor, tweede_po: Actor
) -> None:
    o = wereld.omgeving
    with o.context(wereld.analist, Kanaal.WEB) as ctx:
        voor = ctx.beslisser.beslis(_riec_adres(wereld))
    assert voor.toegestaan and voor.catalogus_versie == HUIDIG

    with o.context(beheerder, Kanaal.WEB) as ctx:
        v = dienst.stel_voor(
            ctx, VoorstelIn(tekst=_gewijzigd(), toelichting="Adressen alleen nog via de BRP.")
        )
    with o.context(beheerder, Kanaal.WEB) as ctx:
        voorstel = dienst.voorstel(ctx, v.id)
    # The difference in words: the rule, the field, before and after.
    (w,) = voorstel.wijzigingen
    assert w.soort == "gewijzigd" and w.velden[0].veld == "Categorieën"
    assert "Adresgegevens" in w.velden[0].oud and "Adresgegevens" not in w.velden[0].nieuw
    # Its effect: references that were allowed on that rule now are not; none by its id.
    assert voorstel.gevolgen and all("geweigerd" in g.wordt for g in voorstel.gevolgen)
    assert not voorstel.mag_beoordelen  # the beheerder is no privacy officer

    oordeel = OordeelIn(besluit="goedkeuren", toelichting="Akkoord.", gevolgen_bedoeld=False)
    with o.context(beheerder, Kanaal.WEB) as ctx, pytest.raises(GeenToegang):
        dienst.beoordeel(ctx, v.id, oordeel)
    # Changes to reference decisions must be confirmed as intended.
    with o.context(tweede_po, Kanaal.WEB) as ctx, pytest.raises(OngeldigeInvoer) as fout:
        dienst.beoordeel(ctx, v.id, oordeel)
    assert "bedoeld" in fout.value.fouten["gevolgenBedoeld"]
    with o.context(tweede_po, Kanaal.WEB) as ctx:
        dienst.beoordeel(ctx, v.id, oordeel.model_copy(update={"gevolgen_bedoeld": True}))

    # In force: here at once, in another process within seconds (here: at its next look).
    o.volg_versies(meteen=True)
    with o.context(wereld.analist, Kanaal.WEB) as ctx:
        na = ctx.beslisser.beslis(_riec_adres(wereld))
    assert not na.toegestaan and na.catalogus_versie == "2099.1.1"
    ander = maak_omgeving(o.instellingen, initialiseer=False)
    ander.volg_versies(meteen=True)
    assert ander.beslisser.catalogus.versie == "2099.1.1"
    ander.database.dispose()
    with transactie(o.fabriek) as s:
        rijen = {
            str(v): str(st)
            for v, st in s.execute(sa.text("SELECT versie, status FROM catalogusversie"))
        }
        acties = set(
            s.execute(
                sa.text("SELECT actie FROM audit_record WHERE actie LIKE 'regelwijziging%'")
            ).scalars()
        )
    assert rijen == {HUIDIG: "vervangen", "2099.1.1": "actief"}
    assert acties == {"regelwijziging voorstellen", "regelwijziging goedkeuren"}


def test_wie_voorstelt_keurt_niet_zelf_goed(wereld: Wereld) -> None:
    o = wereld.omgeving
    with o.context(wereld.privacy, Kanaal.WEB) as ctx:
        v = dienst.stel_voor(
            ctx, VoorstelIn(tekst=_gewijzigd("2099.2.1"), toelichting="Een test van vier ogen.")
        )
    with o.context(wereld.privacy, Kanaal.WEB) as ctx, pytest.raises(GeenToegang, match="vier"):
        dienst.beoordeel(
            ctx, v.id, OordeelIn(besluit="goedkeuren", toelichting="Zelf.", gevolgen_bedoeld=True)
        )


def test_een_onjuiste_catalogus_wordt_in_het_nederlands_geweigerd(
    beheerder: Actor, wereld: Wereld
) -> None:
    o = wereld.omgeving
    gevallen = {
        "versie: [ongesloten, lijst": "geen geldige YAML",
        meegeleverde_tekst(): f"Versie {HUIDIG} bestaat al",
        _gewijzigd("2099.3.1").replace(
            "voorwaarden: [", "voorwaarden: [bestaat_niet, ", 1
        ): "onbekende voorwaarde",
    }
    for tekst, melding in gevallen.items():
        with o.context(beheerder, Kanaal.WEB) as ctx, pytest.raises(OngeldigeInvoer) as fout:
            dienst.stel_voor(ctx, VoorstelIn(tekst=tekst, toelichting="Een poging."))
        assert melding in fout.value.fouten["tekst"]
    with o.context(wereld.analist, Kanaal.WEB) as ctx, pytest.raises(GeenToegang):
        dienst.versies(ctx)


def test_in_de_webapplicatie(
    client: TestClient, wereld: Wereld, beheerder: Actor, tweede_po: Actor
) -> None:
    web_login(client, wereld.analist)
    pagina = client.get("/regels")
    assert pagina.status_code == 200 and f"Versie {HUIDIG} is in werking" in pagina.text
    # No code a person would not read as a word, by the page walk's own check.
    from tests.web.test_rondgang import _Tekst, _verboden

    tekst = _Tekst()
    tekst.feed(pagina.text)
    gevonden = _verboden().findall(" ".join(tekst.delen))
    assert not gevonden, gevonden
    # Every rule by its title, with its basis in words; never by its code.
    for regel in laad_catalogus().regels:
        assert regel.titel.replace("'", "&#39;") in pagina.text, regel.titel
        assert regel.id not in pagina.text, "geen regelcodes voor mensen"
    assert client.get("/regels/versies").status_code == 403
    client.cookies.clear()
    web_login(client, beheerder)
    formulier = client.get("/regels/versies/nieuw")
    assert f"versie: &#34;{HUIDIG}&#34;" in formulier.text or f"versie: &quot;{HUIDIG}" in (
        formulier.text
    )
    r = client.post(
        "/regels/versies/nieuw",
        data={
            "tekst": _gewijzigd(),
            "toelichting": "Adressen alleen nog via de BRP.",
            "csrf": csrf(client, "/regels/versies/nieuw"),
        },
        follow_redirects=False,
    )
    assert r.status_code == 303, r.text
    detail = client.get(r.headers["location"])
    assert "Gevolgen voor de referentieverzoeken" in detail.text and "anders uit" in detail.text
    client.cookies.clear()
    web_login(client, tweede_po)
    pad = r.headers["location"]
    klaar = client.post(
        f"{pad}/oordeel",
        data={
            "besluit": "goedkeuren",
            "toelichting": "Akkoord na overleg.",
            "gevolgen_bedoeld": "true",
            "csrf": csrf(client, pad),
        },
        follow_redirects=False,
    )
    assert klaar.status_code == 303 and klaar.headers["location"] == "/regels"
    assert "2099.1.1 is in werking" in client.get("/regels").text
