# SPDX-License-Identifier: EUPL-1.2
"""Partnership kinds declared as data: signals, cases, reads and retention follow the werkwijze
of the partnership, and care data never reaches the criminal-law side."""

from __future__ import annotations

import datetime as dt
import json

import pytest
import sqlalchemy as sa

from integraal.casus import advies, casussen, deelverzoeken, signalen
from integraal.casus.advies import AdviesIn, VoorstelIn
from integraal.casus.casussen import CasusIn
from integraal.casus.deelverzoeken import DeelverzoekIn
from integraal.casus.signalen import Beoordeling, SignaalIn
from integraal.delen import CasusContext, Verzoek, laad_catalogus, laad_register, waarom
from integraal.delen.evaluator import Beslisser
from integraal.delen.model import Onderdeel, Vierogenstap
from integraal.domein.actor import Actor
from integraal.domein.casus import InterventieSoort, SignaalStatus
from integraal.domein.fouten import GeenToegang, NietGevonden, OngeldigeInvoer
from integraal.domein.rollen import Rol
from integraal.opslag.db import transactie
from integraal.opslag.modellen import Casus, LogboekRegel, Statement
from integraal.taken import mijn_taken
from integraal.toegang.bewaren import voer_uit
from integraal.toegang.deelwijzer import DeelVraag, vraag_deelwijzer
from integraal.verbanden import overzicht
from integraal.verwerking import Kanaal
from integraal.web.basis import wie
from integraal.web.menu import menu
from tests.conftest import BSN_KLAAS, Wereld, maak_actor
from tests.hulp import doe, lever, maak_casus

BESLISSER = Beslisser(laad_catalogus(), laad_register())


def test_elke_werkwijze_noemt_bestaande_doelen_categorieen_en_rollen() -> None:
    catalogus, register = BESLISSER.catalogus, BESLISSER.register
    gezien = set()
    for soort, s in register.soorten.items():
        if s.werkwijze is None:
            continue
        gezien.add(soort)
        assert set(s.werkwijze.alle_doelen) <= set(catalogus.doelen), soort
        assert set(s.werkwijze.categorieen) <= set(catalogus.categorieen), soort
    assert {"riec", "liec", "icov", "fec", "zvh"} <= gezien


@pytest.mark.parametrize("verband", ["riec-rotterdam", "liec", "fec", "zvh-rotterdam-rijnmond"])
def test_een_lid_leest_binnen_de_casus_van_elk_verband(verband: str) -> None:
    w = BESLISSER.register.werkwijze(verband)
    assert w is not None and w.heeft(Onderdeel.CASUSSEN)
    casus = CasusContext(id="X", verband_id=verband, leden=frozenset({"gebruiker:1"}))
    # Signals are triaged by the partnership's analysts before any case (no need-to-know).
    for categorie in set(w.categorieen) - {"signaal"}:
        ja = BESLISSER.beslis(
            Verzoek(
                van=verband,
                aan=verband,
                categorie=categorie,
                doel=w.doel,
                casus=casus,
                actor="gebruiker:1",
            )
        )
        nee = BESLISSER.beslis(
            Verzoek(
                van=verband,
                aan=verband,
                categorie=categorie,
                doel=w.doel,
                casus=casus,
                actor="gebruiker:2",
            )
        )
        assert ja.toegestaan, (verband, categorie, ja.niet_voldaan)
        assert not nee.toegestaan, (verband, categorie)


def test_signalen_gaan_naar_de_verbanden_waaraan_de_melder_deelneemt() -> None:
    assert {v for v, _ in signalen.verbanden(BESLISSER, "fiod")} >= {"fec", "riec-rotterdam"}
    assert "zvh-rotterdam-rijnmond" in {
        v for v, _ in signalen.verbanden(BESLISSER, "zorgpartner-ggz-fictief")
    }
    # A municipality is no FEC participant; iCOV takes no signals at all.
    gemeente = {v for v, _ in signalen.verbanden(BESLISSER, "gemeente-rotterdam")}
    assert "fec" not in gemeente and "icov" not in gemeente and "zvh-rotterdam-rijnmond" in gemeente
    # The public writes to a RIEC only.
    publiek = {v for v, _ in signalen.verbanden(BESLISSER, None)}
    assert "riec-rotterdam" in publiek and not publiek & {"fec", "zvh-rotterdam-rijnmond"}


def test_het_publiek_meldt_niet_bij_een_zorg_en_veiligheidshuis(wereld: Wereld) -> None:
    with pytest.raises(OngeldigeInvoer) as fout:
        doe(
            wereld.omgeving,
            None,
            signalen.dien_in,
            SignaalIn(verband="zvh-rotterdam-rijnmond", omschrijving="Zorgen om de buurman."),
        )
    assert "verband" in fout.value.fouten


def test_een_niet_deelnemer_meldt_niet_bij_het_fec(wereld: Wereld) -> None:
    with pytest.raises(GeenToegang):
        doe(
            wereld.omgeving,
            wereld.gemeente,
            signalen.dien_in,
            SignaalIn(verband="fec", omschrijving="Verdachte geldstromen bij een wisselkantoor."),
        )


def test_fec_casus_alleen_met_aanwijzingen_bij_het_openen(wereld: Wereld) -> None:
    o = wereld.omgeving
    melder = maak_actor(o, "fiod", "fiod")
    analist = maak_actor(o, "fec.analist", "fec")
    coord = maak_actor(o, "fec.coord", "fec", Rol.COORDINATOR)
    s = doe(
        o,
        melder,
        signalen.dien_in,
        SignaalIn(verband="fec", omschrijving="Trustkantoor verplaatst veel geld naar buiten."),
    )
    doe(
        o,
        analist,
        signalen.beoordeel,
        s.id,
        Beoordeling(status=SignaalStatus.IN_BEHANDELING, reden="Past in het thema."),
    )
    with pytest.raises(OngeldigeInvoer) as fout:
        doe(o, coord, casussen.open_casus, CasusIn(titel="Trustkantoor", signalen=[s.id]))
    assert "aanwijzingen" in fout.value.fouten
    c = doe(
        o,
        coord,
        casussen.open_casus,
        CasusIn(
            titel="Trustkantoor",
            signalen=[s.id],
            aanwijzingen="Meldingen van twee deelnemers en een verdacht verklaarde transactie.",
        ),
    )
    assert (c.verband, c.doel) == ("fec", "integriteit_financiele_sector")


def test_zvh_casus_van_aanmelding_tot_casus(wereld: Wereld) -> None:
    o = wereld.omgeving
    zorg = maak_actor(o, "zorg", "zorgpartner-ggz-fictief")
    analist = maak_actor(o, "zvh.analist", "zvh-rotterdam-rijnmond")
    coord = maak_actor(o, "zvh.coord", "zvh-rotterdam-rijnmond", Rol.COORDINATOR)
    s = doe(
        o,
        zorg,
        signalen.dien_in,
        SignaalIn(
            verband="zvh-rotterdam-rijnmond",
            omschrijving="Cliënt raakt betrokken bij drugsrunners in de wijk.",
        ),
    )
    assert [x.id for x in doe(o, analist, signalen.lijst)] == [s.id]
    doe(
        o,
        analist,
        signalen.beoordeel,
        s.id,
        Beoordeling(status=SignaalStatus.IN_BEHANDELING, reden="Complexe casus."),
    )
    c = doe(o, coord, casussen.open_casus, CasusIn(titel="Jongere in de wijk", signalen=[s.id]))
    assert (c.verband, c.doel) == ("zvh-rotterdam-rijnmond", "complexe_casus")
    # A RIEC analyst sees nothing of it, and the ZVH analyst nothing of a RIEC case.
    assert doe(o, wereld.analist, signalen.lijst) == []
    with pytest.raises((GeenToegang, NietGevonden)):
        doe(o, analist, casussen.overzicht, "C-1")
    with pytest.raises((GeenToegang, NietGevonden)):
        doe(o, wereld.analist, casussen.overzicht, c.id)


@pytest.mark.parametrize("ontvanger", ["politie", "om", "riec-rotterdam", "fec", "icov"])
def test_zorggegevens_gaan_nooit_naar_de_strafrechtelijke_kant(ontvanger: str) -> None:
    for van in ("zvh-rotterdam-rijnmond", "zorgpartner-ggz-fictief"):
        for doel in ("opsporing", "complexe_casus", "integrale_aanpak"):
            b = BESLISSER.beslis(
                Verzoek(
                    van=van,
                    aan=ontvanger,
                    categorie="zorg",
                    doel=doel,
                    feiten=frozenset({"noodzakelijk", "vierogen"}),
                )
            )
            assert not b.toegestaan and b.regel_id == "ZVH-ZORG-NIET-STRAFRECHT", (van, doel)
            w = waarom(b, BESLISSER.catalogus, BESLISSER.register)
            assert w.wettekst and "457" in w.wettekst, w


def test_een_verzoek_van_de_politie_om_zorggegevens_noemt_het_artikel(wereld: Wereld) -> None:
    politie = maak_actor(wereld.omgeving, "politie", "politie")
    b = doe(
        wereld.omgeving,
        politie,
        vraag_deelwijzer,
        DeelVraag(van="zvh-rotterdam-rijnmond", aan="politie", categorie="zorg", doel="opsporing"),
    )
    assert not b.toegestaan and b.regel_id == "ZVH-ZORG-NIET-STRAFRECHT"
    assert "Boek 7, art. 457" in (b.waarom.grondslag or "")
    # And from a RIEC case, the real request is refused the same way.
    d = doe(
        wereld.omgeving,
        wereld.analist,
        deelverzoeken.vraag,
        "C-1",
        DeelverzoekIn(
            verstrekker="zorgpartner-ggz-fictief",
            categorieen=["zorg"],
            toelichting="Zorgcontext van de betrokkene.",
        ),
    )
    assert d.status.value == "geweigerd"
    assert d.besluiten[0].regel_id == "ZVH-ZORG-NIET-STRAFRECHT"


def test_een_zorgpartner_levert_zorg_alleen_aan_een_open_zvh_casus() -> None:
    casus = CasusContext(id="Z", verband_id="zvh-rotterdam-rijnmond")
    ja = BESLISSER.beslis(
        Verzoek(
            van="zorgpartner-ggz-fictief",
            aan="zvh-rotterdam-rijnmond",
            categorie="zorg",
            doel="complexe_casus",
            casus=casus,
            feiten=frozenset({"noodzakelijk"}),
        )
    )
    assert ja.toegestaan and ja.regel_id == "WGS-ZVH-ZORG"
    gemeente = BESLISSER.beslis(
        Verzoek(
            van="gemeente-rotterdam",
            aan="zvh-rotterdam-rijnmond",
            categorie="zorg",
            doel="complexe_casus",
            casus=casus,
            feiten=frozenset({"noodzakelijk"}),
        )
    )
    assert not gemeente.toegestaan


def test_aanwijzing_bij_besluit_geldt_in_haar_periode() -> None:
    def mag(bank: str, datum: dt.date) -> bool:
        return BESLISSER.beslis(
            Verzoek(
                van="politie",
                aan=bank,
                categorie="modus_operandi",
                doel="wwft_cdd_melding",
                datum=datum,
                feiten=frozenset({"objectieve_aanwijzingen"}),
            )
        ).toegestaan

    register = BESLISSER.register
    assert "spaarbank-fictief" in register.deelnemers_op("fec-sctf", dt.date(2026, 6, 30))
    assert "spaarbank-fictief" not in register.deelnemers_op("fec-sctf", dt.date(2026, 7, 1))
    assert "voorbeeldbank" not in register.deelnemers_op("fec-sctf", dt.date(2025, 12, 31))
    assert "voorbeeldbank" in register.deelnemers_op("fec-sctf", dt.date(2026, 1, 1))
    # A participant of the FEC by decree from the WGS's entry into force only.
    assert "fiod" in register.deelnemers_op("fec", dt.date(2025, 3, 1))
    assert "fiod" not in register.deelnemers_op("fec", dt.date(2025, 2, 28))
    assert mag("spaarbank-fictief", dt.date(2026, 6, 1))
    assert not mag("spaarbank-fictief", dt.date(2026, 7, 2))


def test_menu_volgt_de_werkwijze(wereld: Wereld) -> None:
    o = wereld.omgeving
    register = o.beslisser.register

    gemaakt: dict[tuple[str, Rol], Actor] = {}

    def labels(org: str, rol: Rol = Rol.ANALIST) -> set[str]:
        if (org, rol) not in gemaakt:
            gemaakt[org, rol] = maak_actor(o, f"m.{org}.{rol.value}", org, rol)
        return {m.label for m in menu(wie(register, gemaakt[org, rol]), "/")}

    assert {"Casussen", "Signalen"} <= labels("riec-rotterdam")
    assert {"Casussen", "Signalen"} <= labels("zvh-rotterdam-rijnmond")
    assert "Casussen" not in labels("icov")
    assert "Signaal melden" in labels("zorgpartner-ggz-fictief")
    # A bank reports to no partnership; it reads the taskforce's indicators.
    assert "Signaal melden" not in labels("voorbeeldbank")
    assert "Facilitatorindicatoren" in labels("voorbeeldbank")
    assert {"Signaalronden", "iCOV-rapportages"} <= labels("fiod")
    assert "iCOV-rapportages" in labels("icov") and "Signaalronden" in labels("fec")


def test_bewaartermijn_van_het_verband_gaat_voor(met_levering: Wereld) -> None:
    w = met_levering
    gesloten = dt.datetime(2026, 1, 1, tzinfo=dt.UTC)
    with transactie(w.omgeving.fabriek) as s:
        c = s.get(Casus, "C-1")
        assert c is not None
        c.status, c.gesloten_op, c.sluitreden = "gesloten", gesloten, "test"

    def aantal() -> int:
        with transactie(w.omgeving.fabriek) as s:
            return int(s.scalar(sa.select(sa.func.count()).select_from(Statement)) or 0)

    voor = aantal()
    # Three years on: a RIEC keeps identity data five years after closing.
    doe(w.omgeving, None, voer_uit, dt.date(2029, 1, 2), proef=False, kanaal=Kanaal.TAAK)
    assert aantal() == voor
    # The same case at a Zorg- en Veiligheidshuis (two years) is destroyed.
    with transactie(w.omgeving.fabriek) as s:
        c = s.get(Casus, "C-1")
        assert c is not None
        c.verband_id = "zvh-rotterdam-rijnmond"
    doe(w.omgeving, None, voer_uit, dt.date(2029, 1, 2), proef=False, kanaal=Kanaal.TAAK)
    assert aantal() < voor


def test_zvh_persoonsgericht_plan_met_acties_van_deelnemers(wereld: Wereld) -> None:
    o = wereld.omgeving
    analist = maak_actor(o, "zvh.a", "zvh-rotterdam-rijnmond")
    coord = maak_actor(o, "zvh.c", "zvh-rotterdam-rijnmond", Rol.COORDINATOR)
    zorg = maak_actor(o, "zorg.a", "zorgpartner-ggz-fictief")
    maak_casus(o, "Z-1", analist, coord, verband="zvh-rotterdam-rijnmond")
    with transactie(o.fabriek) as s:
        c = s.get(Casus, "Z-1")
        assert c is not None
        c.doel = "complexe_casus"
    kop = doe(o, analist, casussen.kop, "Z-1")
    assert (kop.advies_naam, kop.actie_naam) == ("Persoonsgericht plan", "Actie")
    eigenaars = doe(o, analist, advies.bevoegde_eigenaars, "Z-1")
    assert set(eigenaars) == {
        InterventieSoort.ZORG,
        InterventieSoort.BESTUURLIJK,
        InterventieSoort.STRAFRECHTELIJK,
    }
    # Only participants of this Zorg- en Veiligheidshuis own an action.
    assert "gemeente-utrecht" not in {o_ for o_, _ in eigenaars[InterventieSoort.BESTUURLIJK]}
    with pytest.raises(OngeldigeInvoer) as fout:
        doe(
            o,
            analist,
            advies.stel_op,
            "Z-1",
            AdviesIn(
                analyse="Zorg en toezicht rond de jongere, met de gemeente.",
                interventies=[
                    VoorstelIn(maatregel="navorderingsaanslag", eigenaar="belastingdienst"),
                    VoorstelIn(maatregel="zorgtraject", eigenaar="gemeente-utrecht"),
                ],
            ),
        )
    assert set(fout.value.fouten) == {"interventies.0.maatregel", "interventies.1.eigenaar"}
    doe(
        o,
        analist,
        advies.stel_op,
        "Z-1",
        AdviesIn(
            analyse="Zorg en toezicht rond de jongere, met de gemeente.",
            interventies=[
                VoorstelIn(maatregel="zorgtraject", eigenaar="zorgpartner-ggz-fictief"),
                VoorstelIn(maatregel="last-onder-dwangsom", eigenaar="gemeente-rotterdam"),
            ],
        ),
    )
    with pytest.raises(GeenToegang):  # four eyes: the drafter is not the coordinator
        doe(o, analist, advies.stel_vast, "Z-1")

    def te_doen() -> int:
        return {t.titel: t.aantal for t in doe(o, coord, mijn_taken)}["Plan vaststellen"]

    assert te_doen() == 1
    doe(o, coord, advies.stel_vast, "Z-1")
    assert te_doen() == 0
    with transactie(o.fabriek) as s:
        regels = [json.loads(r.inhoud) for r in s.scalars(sa.select(LogboekRegel))]
    plan = [r for r in regels if r["naam"] == "advies verstrekken"]
    assert {r["dpl.integraal.recipient"] for r in plan} == {
        "zorgpartner-ggz-fictief",
        "gemeente-rotterdam",
    }
    assert {
        (
            r["dpl.integraal.purpose"],
            tuple(r["dpl.integraal.categories"]),
            r["dpl.integraal.rule_id"],
        )
        for r in plan
    } == {("complexe_casus", ("persoonsgericht_plan",), "WGS-ZVH-PLAN")}
    acties = doe(o, zorg, advies.van_mijn_organisatie)
    assert [a.maatregel for a in acties] == ["zorgtraject"]


def test_elke_stap_die_vier_ogen_vraagt_is_verklaard() -> None:
    """The code honours the declared four-eyes steps; every part of the work that has such a
    step declares it, so no partnership drops a second person by omission."""
    stap = {
        Onderdeel.DEELVERZOEKEN: {Vierogenstap.DEELVERZOEK},
        Onderdeel.RAPPORTAGES: {Vierogenstap.RAPPORTAGE},
        Onderdeel.INDICATOREN: {Vierogenstap.INDICATOR},
    }
    for naam, s in BESLISSER.register.soorten.items():
        w = s.werkwijze
        if w is None:
            continue
        for onderdeel in w.onderdelen:
            assert stap.get(onderdeel, set()) <= set(w.vierogen), (naam, onderdeel)
        if w.advies is not None:
            assert w.vier_ogen(Vierogenstap(w.advies.kort)), naam


def test_het_overzicht_van_de_verbanden_linkt_de_besluiten(wereld: Wereld) -> None:
    lijst = doe(wereld.omgeving, wereld.gemeente, overzicht.verbanden)
    assert {"iCOV", "Financieel Expertise Centrum", "Serious Crime Taskforce (FEC)"} <= {
        v.naam for v in lijst
    }
    sctf = doe(wereld.omgeving, wereld.gemeente, overzicht.verband, "fec-sctf")
    assert sctf.onderdeel_van == "Financieel Expertise Centrum"
    assert "Voorbeeldbank N.V. (fictief)" in sctf.deelnemers
    assert "Spaarbank Fictief N.V." not in sctf.deelnemers
    bgs = next(a for a in sctf.aanwijzingen if a.bron == "Stb. 2024, 380")
    assert bgs.url == "https://zoek.officielebekendmakingen.nl/stb-2024-380.html"
    fictief = [a for a in sctf.aanwijzingen if a.fictief]
    assert fictief and all(a.url is None for a in fictief)
    assert [a.geldt_nu for a in fictief] == [False, True]
    with pytest.raises(NietGevonden):
        doe(wereld.omgeving, wereld.gemeente, overzicht.verband, "gemeente-rotterdam")


def test_alleen_eigen_medewerkers_worden_lid_van_een_zvh_casus(wereld: Wereld) -> None:
    """The plan and its care context stay with the ZVH: a police participant acts through its
    own action, not as a member of the complex case."""
    o = wereld.omgeving
    coord = maak_actor(o, "zvh.c2", "zvh-rotterdam-rijnmond", Rol.COORDINATOR)
    maak_actor(o, "pol.lid", "politie")
    maak_casus(o, "Z-2", coord, verband="zvh-rotterdam-rijnmond")
    with pytest.raises(OngeldigeInvoer) as fout:
        doe(o, coord, casussen.voeg_lid_toe, "Z-2", casussen.LidIn(gebruikersnaam="pol.lid"))
    assert "alleen medewerkers van het verband" in fout.value.fouten["gebruikersnaam"]
    # A RIEC keeps its own behaviour: a partner's employee can be named a member.
    doe(
        o,
        maak_actor(o, "riec.c", "riec-rotterdam", Rol.COORDINATOR),
        casussen.voeg_lid_toe,
        "C-1",
        casussen.LidIn(gebruikersnaam="pol.lid"),
    )


def test_de_zvh_tijdlijn_noemt_het_plan(wereld: Wereld) -> None:
    o = wereld.omgeving
    coord = maak_actor(o, "zvh.c3", "zvh-rotterdam-rijnmond", Rol.COORDINATOR)
    analist = maak_actor(o, "zvh.a3", "zvh-rotterdam-rijnmond")
    maak_casus(o, "Z-3", coord, analist, verband="zvh-rotterdam-rijnmond")
    doe(
        o,
        analist,
        advies.stel_op,
        "Z-3",
        AdviesIn(
            analyse="Dagbesteding via de gemeente en een zorgtraject.",
            interventies=[VoorstelIn(maatregel="dagbesteding", eigenaar="gemeente-rotterdam")],
        ),
    )
    doe(o, coord, advies.stel_vast, "Z-3")
    wat = [m.wat for m in doe(o, analist, casussen.overzicht, "Z-3").tijdlijn]
    assert "Persoonsgericht plan vastgesteld" in wat and "Handhavingsadvies vastgesteld" not in wat


def test_een_privacy_officer_ziet_geen_zorgregels_van_een_ander_verband(wereld: Wereld) -> None:
    from integraal.toegang.inzage import InzageVraag, inzage_verzoek

    o = wereld.omgeving
    zorg = maak_actor(o, "zorg.x", "zorgpartner-ggz-fictief")
    maak_casus(
        o,
        "Z-4",
        maak_actor(o, "zvh.a4", "zvh-rotterdam-rijnmond"),
        verband="zvh-rotterdam-rijnmond",
    )
    with transactie(o.fabriek) as s:
        c = s.get(Casus, "Z-4")
        assert c is not None
        c.doel = "complexe_casus"
    r = lever(
        o,
        zorg,
        "demo-zorgpartner-zorg",
        "zorg.csv",
        f"bsn;naam;zorg\n{BSN_KLAAS};Klaas Bakker;Behandeling loopt.\n".encode(),
        casus_id="Z-4",
    )
    assert r.status == "verwerkt", r.melding
    riec = doe(o, wereld.privacy, inzage_verzoek, InzageVraag(betrokkene=BSN_KLAAS))
    assert not any("zorg" in x.categorieen for x in riec.regels)
    zvh_privacy = maak_actor(o, "zvh.p", "zvh-rotterdam-rijnmond", Rol.PRIVACY_OFFICER)
    eigen = doe(o, zvh_privacy, inzage_verzoek, InzageVraag(betrokkene=BSN_KLAAS))
    assert any("zorg" in x.categorieen for x in eigen.regels)
