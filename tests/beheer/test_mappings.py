# SPDX-License-Identifier: EUPL-1.2
"""Delivery mappings in the app (issue 25, item 3), on both databases: a draft from a sample
file, tried on its rows (statements and row errors, no pseudonym shown), proposed, approved
by the receiving partnership's privacy officer (four eyes), and the version every delivery
was read with."""

from __future__ import annotations

import io

import pytest
import sqlalchemy as sa
from fastapi.testclient import TestClient

from integraal.beheer import mappings as dienst
from integraal.beheer.mappings import ConceptIn, MappingIn, OordeelIn
from integraal.bronnen import voorbeeld as vb
from integraal.bronnen.leveringen import Bestand, LeveringIn, lever
from integraal.domein.actor import Actor
from integraal.domein.fouten import GeenToegang, OngeldigeInvoer
from integraal.domein.rollen import Rol
from integraal.opslag.db import transactie
from integraal.verwerking import Kanaal
from tests.conftest import Wereld, maak_actor
from tests.hulp import csrf, web_login

VOORBEELD = (
    b"registratie;bsn;voornamen;achternaam;postcode;plaats;opmerking\n"
    b"R1;999990019;Jan;de Vries;3011AA;Rotterdam;vaste klant\n"
    b"R2;123;Piet;Puk;3012BB;Rotterdam;\n"
)


@pytest.fixture
def beheerder(wereld: Wereld) -> Actor:
    return maak_actor(wereld.omgeving, "beheer", "riec-rotterdam", Rol.FUNCTIONEEL_BEHEERDER)


@pytest.fixture
def tweede_po(wereld: Wereld) -> Actor:
    return maak_actor(wereld.omgeving, "privacy2", "riec-rotterdam", Rol.PRIVACY_OFFICER)


def _concept(wereld: Wereld, beheerder: Actor) -> str:
    voorbeeld = vb.lees_voorbeeld("horeca.csv", VOORBEELD)
    with wereld.omgeving.context(beheerder, Kanaal.WEB) as ctx:
        return dienst.concept(
            ctx,
            ConceptIn(
                naam="gemeente-horeca",
                titel="Horecaregister van de gemeente",
                partner="gemeente-rotterdam",
                doel="integrale_aanpak",
            ),
            voorbeeld,
        )


def test_een_opzet_uit_het_voorbeeld_en_uitproberen(wereld: Wereld, beheerder: Actor) -> None:
    tekst = _concept(wereld, beheerder)
    # Recognised columns placed; the others named and left out.
    assert "idNumber" in tekst and "identificatie: bsn" in tekst
    assert "Niet herkend" in tekst and "opmerking" in tekst.split("\n")[1]
    voorbeeld = vb.lees_voorbeeld("horeca.csv", VOORBEELD)
    with wereld.omgeving.context(beheerder, Kanaal.WEB) as ctx:
        proef = dienst.probeer(ctx, tekst, voorbeeld)
    assert proef.goed == 1 and proef.fout == 1
    eerste, tweede = proef.rijen
    assert any(w.waarde == dienst.VERSLEUTELD for w in eerste.waarden), "de BSN versleuteld"
    assert "999990019" not in str(proef.model_dump())
    assert any(w.waarde == dienst.KOPPELING for w in eerste.waarden), "geen entiteit-id"
    assert tweede.fouten and "bsn" in tweede.fouten[0].lower()


def test_voorstellen_goedkeuren_en_de_versie_bij_de_levering(
    wereld: Wereld, beheerder: Actor, tweede_po: Actor
) -> None:
    o = wereld.omgeving
    tekst = _concept(wereld, beheerder).replace(
        "Beschrijf waarom deze gegevens nodig zijn, en welke bewust niet worden geleverd.",
        "Wie een horecavergunning heeft; opmerkingen van de balie zijn niet nodig.",
    )
    with o.context(beheerder, Kanaal.WEB) as ctx:
        v = dienst.stel_voor(ctx, MappingIn(tekst=tekst, toelichting="Convenant horeca 2026."))
    assert v.versie == 1 and v.status == "voorgesteld"
    # Not in force yet: the municipality cannot deliver under it.
    with pytest.raises(OngeldigeInvoer):
        lever(
            o.context,
            wereld.gemeente,
            LeveringIn(mapping="gemeente-horeca", casus_id="C-1"),
            Bestand("h.csv", VOORBEELD),
            kanaal=Kanaal.WEB,
        )
    oordeel = OordeelIn(besluit="goedkeuren", toelichting="Minimaal genoeg.")
    with o.context(beheerder, Kanaal.WEB) as ctx, pytest.raises(GeenToegang):
        dienst.beoordeel(ctx, v.id, oordeel)
    with o.context(tweede_po, Kanaal.WEB) as ctx:
        assert dienst.beoordeel(ctx, v.id, oordeel).status == "actief"
    r = lever(
        o.context,
        wereld.gemeente,
        LeveringIn(mapping="gemeente-horeca", casus_id="C-1"),
        Bestand("h.csv", VOORBEELD),
        kanaal=Kanaal.WEB,
    )
    assert r.status == "verwerkt", r.melding
    # A delivery under a shipped mapping records version 1 of it.
    with transactie(o.fabriek) as s:
        versies = {
            str(naam): versie
            for naam, versie in s.execute(sa.text("SELECT mapping, mapping_versie FROM levering"))
        }
    assert versies["gemeente-horeca"] == 1
    acties = _acties(wereld)
    assert {"mapping voorstellen", "mapping goedkeuren"} <= acties


def _acties(wereld: Wereld) -> set[str]:
    with transactie(wereld.omgeving.fabriek) as s:
        return set(
            s.execute(
                sa.text("SELECT actie FROM audit_record WHERE actie LIKE 'mapping %'")
            ).scalars()
        )


def test_een_meegeleverde_afspraak_is_versie_een(met_levering: Wereld) -> None:
    with transactie(met_levering.omgeving.fabriek) as s:
        assert s.execute(sa.text("SELECT mapping_versie FROM levering")).scalar_one() == 1


def test_onjuiste_afspraken_in_het_nederlands(wereld: Wereld, beheerder: Actor) -> None:
    goed = _concept(wereld, beheerder)
    gevallen = {
        goed.replace("categorie: identiteit", "categorie: verzonnen", 1): "Onbekende categorie",
        goed.replace("schema: Person", "schema: Persoon", 1): "klopt niet",
        goed.replace(
            "partner: gemeente-rotterdam", "partner: gemeente-nergens", 1
        ): "partnerregister",
    }
    for tekst, melding in gevallen.items():
        with (
            wereld.omgeving.context(beheerder, Kanaal.WEB) as ctx,
            pytest.raises(OngeldigeInvoer) as fout,
        ):
            dienst.stel_voor(ctx, MappingIn(tekst=tekst, toelichting="Een poging."))
        assert melding in fout.value.fouten["tekst"], fout.value.fouten
    with wereld.omgeving.context(wereld.analist, Kanaal.WEB) as ctx, pytest.raises(GeenToegang):
        dienst.lijst(ctx)


def test_in_de_webapplicatie(
    client: TestClient, wereld: Wereld, beheerder: Actor, tweede_po: Actor
) -> None:
    web_login(client, beheerder)
    concept = client.post(
        "/beheer/mappings/nieuw",
        data={
            "naam": "gemeente-horeca",
            "titel": "Horecaregister van de gemeente",
            "partner": "gemeente-rotterdam",
            "doel": "integrale_aanpak",
            "csrf": csrf(client, "/beheer/mappings/nieuw"),
        },
        files={"bestand": ("horeca.csv", io.BytesIO(VOORBEELD), "text/csv")},
    )
    assert concept.status_code == 200 and "identificatie: bsn" in concept.text
    tekst = _concept(wereld, beheerder)
    proef = client.post(
        "/beheer/mappings/opstellen",
        data={
            "tekst": tekst,
            "toelichting": "",
            "actie": "voorbeeld",
            "csrf": csrf(client, "/beheer/mappings/nieuw"),
        },
    )
    assert proef.status_code == 200 and "Uitkomst op het voorbeeld" in proef.text
    assert "999990019" not in proef.text and "(versleuteld opgeslagen)" in proef.text
    voorgesteld = client.post(
        "/beheer/mappings/opstellen",
        data={
            "tekst": tekst,
            "toelichting": "Convenant horeca 2026.",
            "actie": "voorstellen",
            "csrf": csrf(client, "/beheer/mappings/nieuw"),
        },
        follow_redirects=False,
    )
    assert voorgesteld.status_code == 303, voorgesteld.text
    pad = voorgesteld.headers["location"]
    client.cookies.clear()
    web_login(client, tweede_po)
    assert "Uw oordeel" in client.get(pad).text
    klaar = client.post(
        f"{pad}/oordeel",
        data={"besluit": "goedkeuren", "toelichting": "Akkoord.", "csrf": csrf(client, pad)},
        follow_redirects=False,
    )
    assert klaar.status_code == 303
    assert "In gebruik" in client.get(pad).text
