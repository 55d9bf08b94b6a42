# SPDX-License-Identifier: EUPL-1.2
"""The partner register in the app (issue 25, item 5), on both databases: a change proposed
as a new version with the day it applies from, its difference in words and its effect on
the stored reference requests on that day, the four eyes of a privacy officer who did not
propose it; an approved version that waits for its date; decisions that then follow it and
cite it, in this process and in another; and the organisations' table that follows it."""

from __future__ import annotations

import datetime as dt

import pytest
import sqlalchemy as sa
from fastapi.testclient import TestClient

from integraal.beheer import register as dienst
from integraal.beheer.catalogus import OordeelIn
from integraal.beheer.register import Registerstatus, RegistervoorstelIn
from integraal.delen import Verzoek
from integraal.delen.catalogus import laad_register, meegeleverde_registertekst
from integraal.delen.model import CasusContext
from integraal.domein import werkdagen
from integraal.domein.actor import Actor
from integraal.domein.fouten import GeenToegang, OngeldigeInvoer
from integraal.domein.rollen import Rol
from integraal.omgeving import maak_omgeving
from integraal.opslag.db import transactie
from integraal.verwerking import Kanaal
from tests.conftest import Wereld, maak_actor
from tests.hulp import csrf, web_login

HUIDIG = laad_register().versie
VANDAAG = werkdagen.dag()
DEVENTER = (
    '  - {id: gemeente-deventer, naam: "Gemeente Deventer", soort: gemeente, regio: oost-nederland}'
)


def _versie(tekst: str, versie: str) -> str:
    oud = f'versie: "{HUIDIG}"'
    assert oud in tekst
    return tekst.replace(oud, f'versie: "{versie}"', 1)


def _zonder_politie(versie: str = "2099.1") -> str:
    """The shipped register with the police no longer taking part in RIEC Noord-Nederland:
    the police's provisions to that RIEC are refused from then on."""
    oud = "deelnemers: [gemeente-groningen, gemeente-leeuwarden, gemeente-assen, politie, "
    tekst = meegeleverde_registertekst()
    assert oud in tekst
    nieuw = "deelnemers: [gemeente-groningen, gemeente-leeuwarden, gemeente-assen, "
    return _versie(tekst.replace(oud, nieuw, 1), versie)


def _met_deventer(versie: str = "2099.2") -> str:
    """A municipality added and made a participant of its RIEC: no reference changes."""
    tekst = meegeleverde_registertekst()
    zwolle = (
        '  - {id: gemeente-zwolle, naam: "Gemeente Zwolle", soort: gemeente, regio: oost-nederland}'
    )
    deelnemers = "deelnemers: [gemeente-enschede, gemeente-arnhem, gemeente-zwolle, "
    assert zwolle in tekst and deelnemers in tekst
    tekst = tekst.replace(zwolle, f"{zwolle}\n{DEVENTER}", 1)
    tekst = tekst.replace(deelnemers, f"{deelnemers}gemeente-deventer, ", 1)
    return _versie(tekst, versie)


@pytest.fixture
def beheerder(wereld: Wereld) -> Actor:
    return maak_actor(wereld.omgeving, "beheer", "riec-rotterdam", Rol.FUNCTIONEEL_BEHEERDER)


@pytest.fixture
def tweede_po(wereld: Wereld) -> Actor:
    return maak_actor(wereld.omgeving, "privacy2", "riec-rotterdam", Rol.PRIVACY_OFFICER)


def _politie_aan_riec() -> Verzoek:
    return Verzoek(
        van="politie",
        aan="riec-noord-nederland",
        categorie="identiteit",
        doel="integrale_aanpak",
        casus=CasusContext(
            id="C-1",
            verband_id="riec-noord-nederland",
            aanwijzingen_vastgelegd=True,
            leden=frozenset({"gebruiker:1"}),
        ),
        actor="gebruiker:1",
        feiten=frozenset({"noodzakelijk", "objectieve_aanwijzingen", "casus"}),
    )


def _goedkeuren(bedoeld: bool = True) -> OordeelIn:
    return OordeelIn(besluit="goedkeuren", toelichting="Akkoord.", gevolgen_bedoeld=bedoeld)


def test_voorstellen_gevolgen_zien_en_met_vier_ogen_in_werking(
    wereld: Wereld, beheerder: Actor, tweede_po: Actor
) -> None:
    o = wereld.omgeving
    with o.context(wereld.analist, Kanaal.WEB) as ctx:
        voor = ctx.beslisser.beslis(_politie_aan_riec())
    assert voor.toegestaan and voor.register_versie == HUIDIG

    with o.context(beheerder, Kanaal.WEB) as ctx:
        v = dienst.stel_voor(
            ctx,
            RegistervoorstelIn(
                tekst=_zonder_politie(), toelichting="De politie treedt uit (voorbeeld)."
            ),
        )
    assert v.status is Registerstatus.VOORGESTELD and v.geldig_van == VANDAAG
    with o.context(beheerder, Kanaal.WEB) as ctx:
        voorstel = dienst.voorstel(ctx, v.id)
    # The difference in words: the partnership, and only who left its long list.
    (w,) = voorstel.wijzigingen
    assert w.titel == "Organisatie: RIEC Noord-Nederland"
    (veld,) = w.velden
    assert veld.veld == "Deelnemers (alleen de wijziging)"
    assert (veld.oud, veld.nieuw) == ("Politie", "—")
    # Its effect: the police's provisions to that RIEC, refused; by titles, never codes.
    assert voorstel.gevolgen and all(g.wordt.startswith("geweigerd") for g in voorstel.gevolgen)
    assert not any("WGS-" in g.was + g.wordt for g in voorstel.gevolgen)
    assert not voorstel.mag_beoordelen

    with o.context(beheerder, Kanaal.WEB) as ctx, pytest.raises(GeenToegang):
        dienst.beoordeel(ctx, v.id, _goedkeuren())
    with o.context(tweede_po, Kanaal.WEB) as ctx, pytest.raises(OngeldigeInvoer) as fout:
        dienst.beoordeel(ctx, v.id, _goedkeuren(bedoeld=False))
    assert "bedoeld" in fout.value.fouten["gevolgenBedoeld"]
    with o.context(tweede_po, Kanaal.WEB) as ctx:
        goed = dienst.beoordeel(ctx, v.id, _goedkeuren())
    assert goed.status is Registerstatus.ACTIEF

    o.volg_versies(meteen=True)
    with o.context(wereld.analist, Kanaal.WEB) as ctx:
        na = ctx.beslisser.beslis(_politie_aan_riec())
    assert not na.toegestaan and na.register_versie == "2099.1"
    ander = maak_omgeving(o.instellingen, initialiseer=False)
    ander.volg_versies(meteen=True)
    assert ander.beslisser.register.versie == "2099.1"
    ander.database.dispose()
    with o.context(tweede_po, Kanaal.WEB) as ctx:
        standen = {v.versie: v.status for v in dienst.versies(ctx)}
    assert standen == {HUIDIG: Registerstatus.VERVANGEN, "2099.1": Registerstatus.ACTIEF}
    with transactie(o.fabriek) as s:
        acties = set(
            s.execute(
                sa.text("SELECT actie FROM audit_record WHERE actie LIKE 'registerwijziging%'")
            ).scalars()
        )
    assert acties == {"registerwijziging voorstellen", "registerwijziging goedkeuren"}


def test_een_goedgekeurde_versie_wacht_op_haar_datum(
    wereld: Wereld, beheerder: Actor, tweede_po: Actor
) -> None:
    """Approved for a later day: the register in force stays until then, and on that day
    every process takes it, with the new organisation in the organisations' table."""
    o = wereld.omgeving
    later = VANDAAG + dt.timedelta(days=30)
    with o.context(beheerder, Kanaal.WEB) as ctx:
        v = dienst.stel_voor(
            ctx,
            RegistervoorstelIn(
                tekst=_met_deventer(), geldig_van=later, toelichting="Herindeling (voorbeeld)."
            ),
        )
    with o.context(tweede_po, Kanaal.WEB) as ctx:
        voorstel = dienst.voorstel(ctx, v.id)
        assert voorstel.mag_beoordelen and not voorstel.gevolgen
        assert {w.titel for w in voorstel.wijzigingen} == {
            "Organisatie: Gemeente Deventer",
            "Organisatie: RIEC Oost-Nederland",
        }
        goed = dienst.beoordeel(ctx, v.id, _goedkeuren(bedoeld=False))
    assert goed.status is Registerstatus.GEPLAND and goed.geldig_van == later

    o.volg_versies(meteen=True)
    assert o.beslisser.register.versie == HUIDIG
    with o.context(wereld.analist, Kanaal.WEB) as ctx:
        assert dienst.in_werking(ctx).volgende == (
            f"Versie 2099.2 is goedgekeurd en geldt vanaf {later:%d-%m-%Y}."
        )
    with transactie(o.fabriek) as s:
        assert (
            s.execute(sa.text("SELECT 1 FROM organisatie WHERE id = 'gemeente-deventer'")).first()
            is None
        )

    o.volg_versies(meteen=True, vandaag=later)
    assert o.beslisser.register.versie == "2099.2"
    assert "gemeente-deventer" in o.beslisser.register.deelnemers_op("riec-oost-nederland", later)
    with transactie(o.fabriek) as s:
        naam = s.execute(sa.text("SELECT naam FROM organisatie WHERE id = 'gemeente-deventer'"))
        assert naam.scalar_one() == "Gemeente Deventer"


def test_wat_nog_gebruikt_wordt_of_in_de_regels_staat_kan_niet_weg(
    wereld: Wereld, beheerder: Actor
) -> None:
    o = wereld.omgeving
    tekst = meegeleverde_registertekst()
    # Gemeente Rotterdam has accounts in this world (and is named by cases and deliveries).
    rotterdam = (
        '  - {id: gemeente-rotterdam, naam: "Gemeente Rotterdam", soort: gemeente, '
        "regio: rotterdam}\n"
    )
    assert rotterdam in tekst
    zonder = tekst.replace(rotterdam, "", 1)
    for lijst in (
        "gemeente-rotterdam, gemeente-dordrecht",
        "gemeente-rotterdam, gemeente-schiedam",
    ):
        zonder = zonder.replace(lijst, lijst.split(", ")[1])
    zonder = zonder.replace("gemeente-rotterdam, riec-rotterdam", "riec-rotterdam")
    gevallen = {
        _versie(zonder, "2099.3"): "Gemeente Rotterdam (nog gebruikers",
        "versie: [ongesloten, lijst": "geen geldige YAML",
        tekst: f"Versie {HUIDIG} bestaat al",
        _versie(
            tekst.replace("  bank: {label: Bank, groepen: [private, meldingsplichtige]}\n", "", 1),
            "2099.4",
        ): "onbekende soort",
        _versie(
            tekst.replace(
                "groepen: [bestuursorgaan, convenant_partner]", "groepen: [convenant_partner]"
            ),
            "2099.5",
        ): "‘bestuursorgaan’",
    }
    for t, melding in gevallen.items():
        with o.context(beheerder, Kanaal.WEB) as ctx, pytest.raises(OngeldigeInvoer) as fout:
            dienst.stel_voor(ctx, RegistervoorstelIn(tekst=t, toelichting="Een poging."))
        assert melding in fout.value.fouten["tekst"], fout.value.fouten
    with o.context(beheerder, Kanaal.WEB) as ctx, pytest.raises(OngeldigeInvoer) as fout:
        dienst.stel_voor(
            ctx,
            RegistervoorstelIn(
                tekst=_met_deventer("2099.6"),
                geldig_van=VANDAAG - dt.timedelta(days=1),
                toelichting="Met terugwerkende kracht.",
            ),
        )
    assert "terugwerkende kracht" in fout.value.fouten["geldigVan"]
    with o.context(wereld.analist, Kanaal.WEB) as ctx, pytest.raises(GeenToegang):
        dienst.versies(ctx)


def test_in_de_webapplicatie(
    client: TestClient, wereld: Wereld, beheerder: Actor, tweede_po: Actor
) -> None:
    web_login(client, wereld.analist)
    pagina = client.get("/partnerregister")
    assert pagina.status_code == 200 and f"Versie {HUIDIG} is in werking" in pagina.text
    from tests.web.test_rondgang import _Tekst, _verboden

    tekst = _Tekst()
    tekst.feed(pagina.text)
    gevonden = _verboden().findall(" ".join(tekst.delen))
    assert not gevonden, gevonden
    assert "RIEC Noord-Nederland" in pagina.text and "riec-noord-nederland" not in pagina.text
    assert client.get("/partnerregister/versies").status_code == 403
    client.cookies.clear()
    web_login(client, beheerder)
    # A date that is no date: the summary on top, the message at the field, the text kept.
    fout = client.post(
        "/partnerregister/versies/nieuw",
        data={
            "tekst": _met_deventer(),
            "geldig_van": "31-02-2027",
            "toelichting": "Herindeling (voorbeeld).",
            "csrf": csrf(client, "/partnerregister/versies/nieuw"),
        },
    )
    assert (
        fout.status_code == 400 and "dd-mm-jjjj" in fout.text and "gemeente-deventer" in fout.text
    )
    later = VANDAAG + dt.timedelta(days=10)
    r = client.post(
        "/partnerregister/versies/nieuw",
        data={
            "tekst": _met_deventer(),
            "geldig_van": f"{later:%d-%m-%Y}",
            "toelichting": "Herindeling (voorbeeld).",
            "csrf": csrf(client, "/partnerregister/versies/nieuw"),
        },
        follow_redirects=False,
    )
    assert r.status_code == 303, r.text
    pad = r.headers["location"]
    detail = client.get(pad)
    assert "Organisatie: Gemeente Deventer" in detail.text and f"{later:%d-%m-%Y}" in detail.text
    client.cookies.clear()
    web_login(client, tweede_po)
    start = client.get("/")
    assert "Wijzigingen van het partnerregister beoordelen" in start.text
    klaar = client.post(
        f"{pad}/oordeel",
        data={"besluit": "goedkeuren", "toelichting": "Akkoord.", "csrf": csrf(client, pad)},
        follow_redirects=False,
    )
    assert klaar.status_code == 303 and klaar.headers["location"] == pad
    bevestigd = client.get(pad)
    assert (
        "is goedgekeurd" in bevestigd.text and "Goedgekeurd, nog niet in werking" in bevestigd.text
    )
    assert (
        f"Versie 2099.2 is goedgekeurd en geldt vanaf {later:%d-%m-%Y}."
        in client.get("/partnerregister").text
    )


def test_van_twee_versies_op_een_dag_geldt_de_laatst_goedgekeurde(
    wereld: Wereld, beheerder: Actor, tweede_po: Actor
) -> None:
    o = wereld.omgeving
    later = VANDAAG + dt.timedelta(days=5)
    ids = {}
    for versie in ("2099.7", "2099.8"):
        with o.context(beheerder, Kanaal.WEB) as ctx:
            ids[versie] = dienst.stel_voor(
                ctx,
                RegistervoorstelIn(
                    tekst=_versie(meegeleverde_registertekst(), versie),
                    geldig_van=later,
                    toelichting="Twee voorstellen voor één dag.",
                ),
            ).id
    # The one proposed last is approved first: the order of approval decides, not of ids.
    for versie in ("2099.8", "2099.7"):
        with o.context(tweede_po, Kanaal.WEB) as ctx:
            dienst.beoordeel(ctx, ids[versie], _goedkeuren(bedoeld=False))
    o.volg_versies(meteen=True, vandaag=later)
    assert o.beslisser.register.versie == "2099.7"
