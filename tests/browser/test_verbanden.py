# SPDX-License-Identifier: EUPL-1.2
"""Each partnership's flow in the browser, from the demo world: a Zorg- en Veiligheidshuis from
registration to a person-centred plan, an FEC signal round answered by a participant, an iCOV
report from request to delivery, and a refusal in the deelwijzer that becomes a bottleneck in
one step and shows in the monitor. Each step confirmed, axe-core clean."""

from __future__ import annotations

import re
from typing import Any

from integraal.omgeving import Omgeving
from tests.browser.conftest import als, axe, bevestiging


def test_zorg_en_veiligheidshuis_van_aanmelding_tot_plan(
    chromium: Any, server: str, demo: Omgeving
) -> None:
    zorg = als(chromium, server, "zorg.ggz")
    zorg.goto(f"{server}/signalen/nieuw")
    # The care partner takes part in one partnership only: the form names it.
    assert "Zorg- en Veiligheidshuis Rotterdam-Rijnmond" in zorg.inner_text("main")
    zorg.fill("#veld-omschrijving", "Een cliënt mist afspraken en wordt gezien bij een drugspand.")
    assert axe(zorg) == []
    zorg.get_by_role("button", name="Versturen").click()
    nummer = re.search(r"S-\d{4}-\d{4}", bevestiging(zorg))
    assert nummer, zorg.inner_text("main")

    analist = als(chromium, server, "analist.zvh")
    analist.goto(f"{server}/signalen")
    analist.get_by_role("link", name=nummer.group(0)).click()
    analist.get_by_label("In behandeling").check()
    analist.fill("#veld-reden", "Zorg en veiligheid lopen door elkaar.")
    analist.get_by_role("button", name="Beoordeling vastleggen").click()
    assert "in behandeling" in bevestiging(analist)

    coord = als(chromium, server, "coordinator.zvh")
    coord.goto(f"{server}/signalen/{nummer.group(0)}")
    coord.fill("#veld-titel", "Cliënt Zuidplein")
    coord.get_by_label(re.compile("Zoë de Wit")).check()
    coord.get_by_role("button", name="Casus openen").click()
    coord.wait_for_url(re.compile(r".*/casussen/C-\d{4}-\d{4}$"))
    casus_url = coord.url
    assert "Complexe casus in het Zorg- en Veiligheidshuis" in coord.inner_text("main")

    # The member drafts the person-centred plan; only participants own an action.
    analist.goto(casus_url)
    analist.get_by_role("link", name="Plan opstellen").click()
    assert "Persoonsgericht plan" in analist.inner_text("h1")
    analist.fill("#veld-analyse", "Behandeling hervatten en dagbesteding regelen via de gemeente.")
    analist.select_option("#veld-interventies-0-maatregel", "zorgtraject")
    analist.select_option("#veld-interventies-0-eigenaar", "zorgpartner-ggz-fictief")
    assert axe(analist) == []
    analist.get_by_role("button", name="Conceptplan opslaan").click()
    assert "Conceptplan opgeslagen" in bevestiging(analist)
    coord.goto(casus_url)
    coord.get_by_role("link", name="Plan vaststellen").click()
    coord.get_by_role("button", name="Plan vaststellen en verstrekken").click()
    assert "Plan vastgesteld" in bevestiging(coord)
    # The care partner sees its own action to report on.
    zorg.goto(f"{server}/interventies")
    assert "Zorgtraject" in zorg.inner_text("main")


def test_fec_signaalronde_en_antwoord(chromium: Any, server: str, demo: Omgeving) -> None:
    fec = als(chromium, server, "analist.fec")
    fec.goto(f"{server}/signaalronden/nieuw")
    fec.fill("#veld-omschrijving", "Wisselkantoor boekt grote contante bedragen door naar Dubai.")
    fec.fill("#veld-aanwijzingen", "Drie verdacht verklaarde transacties en een melding van DNB.")
    fec.select_option("#veld-kenmerken-0-soort", "kvk")
    fec.fill("#veld-kenmerken-0-waarde", "99000123")
    assert axe(fec) == []
    fec.get_by_role("button", name="Ronde starten").click()
    assert "gestart" in bevestiging(fec)
    ronde_url = fec.url

    # A participant answers from its work list, by keyboard.
    fiod = als(chromium, server, "fiod")
    fiod.get_by_role("link", name=re.compile("Signaalronden beantwoorden")).click()
    fiod.get_by_role("link", name=re.compile("Wisselkantoor")).click()
    fiod.get_by_label("Ja, bekend").check()
    fiod.fill("#veld-toelichting", "Bekend uit een lopend FIOD-onderzoek.")
    assert axe(fiod) == []
    fiod.get_by_role("button", name="Antwoord versturen").focus()
    fiod.keyboard.press("Enter")
    assert "Antwoord verstuurd" in bevestiging(fiod)

    fec.goto(ronde_url)
    tekst = fec.inner_text("main")
    assert "Bekend uit een lopend FIOD-onderzoek." in tekst and "Nog geen antwoord" in tekst
    assert axe(fec) == []


def test_icov_rapportage_van_verzoek_tot_levering(
    chromium: Any, server: str, demo: Omgeving
) -> None:
    politie = als(chromium, server, "politie")
    politie.goto(f"{server}/rapportages/nieuw")
    politie.get_by_role("button", name="Verzoek indienen").click()
    assert "Er is een probleem" in politie.inner_text("[data-foutsamenvatting]")
    politie.get_by_label("Vermogensrapportage (iRVI)").check()
    politie.get_by_label(re.compile("^Opsporing")).check()
    politie.fill("#veld-onderzoek", "Onderzoek Zuidas")
    politie.fill("#veld-vordering", "Vordering 126nd Sv (fictief)")
    politie.select_option("#veld-kenmerken-0-soort", "kvk")
    politie.fill("#veld-kenmerken-0-waarde", "99000077")
    assert axe(politie) == []
    politie.get_by_role("button", name="Verzoek indienen").click()
    assert "ingediend bij iCOV" in bevestiging(politie)
    verzoek_url = politie.url

    icov1 = als(chromium, server, "analist.icov")
    icov1.goto(verzoek_url)
    icov1.get_by_role("button", name="Rapportage opstellen").click()
    assert "Rapportage opgesteld" in bevestiging(icov1)
    assert "Havenzicht Vastgoed B.V." in icov1.inner_text("main")
    assert "Goedkeuren en leveren" not in icov1.inner_text("main")  # four eyes
    icov2 = als(chromium, server, "analist2.icov")
    icov2.goto(verzoek_url)
    icov2.get_by_role("button", name="Goedkeuren en leveren").click()
    assert "geleverd" in bevestiging(icov2)

    politie.goto(verzoek_url)
    assert "Geleverd aan de aanvrager" in politie.inner_text("main")
    assert "Havenzicht Vastgoed B.V." in politie.inner_text("main")
    assert axe(politie) == []


def test_weigering_wordt_knelpunt_en_telt_in_de_monitor(
    chromium: Any, server: str, demo: Omgeving
) -> None:
    analist = als(chromium, server, "analist.riec")
    analist.goto(f"{server}/deelwijzer")
    analist.select_option("#veld-van", "zvh-rotterdam-rijnmond")
    analist.select_option("#veld-aan", "riec-rotterdam")
    analist.select_option("#veld-categorie", "zorg")
    analist.select_option("#veld-doel", "integrale_aanpak")
    analist.get_by_role("button", name="Vraag de deelwijzer").click()
    assert "Dit mag niet" in analist.inner_text("main")
    analist.get_by_role("button", name="Vastleggen als knelpunt").click()
    assert "Knelpunt vastgelegd" in bevestiging(analist)
    assert "Zorggegevens gaan nooit naar de strafrechtelijke kant" in analist.inner_text("main")
    assert axe(analist) == []

    beleid = als(chromium, server, "beleid.riec")
    beleid.goto(analist.url)
    beleid.select_option("#veld-indelen-thema", "zorg_en_veiligheid")
    beleid.get_by_role("button", name="Indeling opslaan").click()
    assert "Indeling opgeslagen" in bevestiging(beleid)
    beleid.fill("#veld-escaleren-naar", "Taskforce gegevensdeling")
    beleid.get_by_role("button", name="Escalatie vastleggen").click()
    assert "Geëscaleerd" in beleid.inner_text("main")
    beleid.goto(f"{server}/monitor/indicatoren/knelpunten-open")
    assert "Zorg en veiligheid" in beleid.inner_text("main")
    assert axe(beleid) == []
