# SPDX-License-Identifier: EUPL-1.2
"""The case journey in the browser: intake → triage → case → data request with four eyes → close."""

from __future__ import annotations

import re
from typing import Any

from integraal.demo.wereld import WACHTWOORD
from integraal.omgeving import Omgeving
from tests.browser.test_toegankelijkheid import _axe


def _als(chromium: Any, server: str, gebruiker: str) -> Any:
    context = chromium.new_context(bypass_csp=True)
    pagina = context.new_page()
    pagina.goto(f"{server}/inloggen")
    pagina.fill("#gebruikersnaam", gebruiker)
    pagina.fill("#wachtwoord", WACHTWOORD)
    pagina.click("main button[type=submit]")
    pagina.wait_for_url(f"{server}/")
    return pagina


def test_van_signaal_tot_gesloten_casus(chromium: Any, server: str, demo: Omgeving) -> None:
    # A municipal officer reports a signal.
    gemeente = _als(chromium, server, "gemeente.rdam")
    gemeente.goto(f"{server}/signalen/nieuw")
    gemeente.fill("#omschrijving", "Nieuwe nagelstudio aan de Havenweg draait zonder klanten.")
    gemeente.select_option("#kenmerk-soort-0", "postcode")
    gemeente.fill("#kenmerk-waarde-0", "3089 KX")
    gemeente.click("main button[type=submit]")
    nummer = re.search(r"S-\d{4}-\d{4}", gemeente.inner_text("main"))
    assert nummer, gemeente.inner_text("main")

    # The RIEC analyst triages it, with a reason.
    analist = _als(chromium, server, "analist.riec")
    analist.goto(f"{server}/signalen")
    analist.click(f"text={nummer.group(0)}")
    assert _axe(analist) == []
    analist.select_option("#status", "in_behandeling")
    analist.fill("#reden", "Past bij het patroon van het bedrijfsverzamelgebouw.")
    analist.click("form[action$='/beoordeling'] button")
    assert "in_behandeling" in analist.inner_text("dl")

    # The coordinator opens a case from it, with recorded indications and a member.
    coord = _als(chromium, server, "coordinator.riec")
    coord.goto(f"{server}/signalen/{nummer.group(0)}")
    coord.fill("#titel", "Nagelstudio Havenweg")
    coord.fill("#aanwijzingen", "Signaal gemeente plus twaalf bedrijven op één adres (casus 002).")
    coord.fill("#leden", "analist.riec")
    coord.click("form[action='/casussen'] button")
    coord.wait_for_url(re.compile(r".*/casussen/C-\d{4}-\d{4}$"))
    casus_url = coord.url
    assert "Nagelstudio Havenweg" in coord.inner_text("h1")
    assert _axe(coord) == []

    # The analyst asks the police for identity data; the rule engine allows, four eyes pending.
    analist.goto(casus_url)
    analist.select_option("#verstrekker", "politie")
    analist.check("#cat-identiteit")
    analist.fill("#toelichting", "Wie staan er achter de nagelstudio?")
    analist.click("form[action$='/deelverzoeken'] button")
    assert "wacht_op_goedkeuring" in analist.inner_text("main")

    # A second person at the police approves.
    politie = _als(chromium, server, "politie")
    politie.goto(f"{server}/deelverzoeken")
    assert _axe(politie) == []
    politie.click("text=Goedkeuren")
    assert "goedgekeurd" in politie.inner_text("main")

    # The analyst drafts the advice; the coordinator (not the drafter) adopts it.
    analist.goto(casus_url)
    analist.fill("#analyse", "De nagelstudio is een dekmantel; sluiting van het pand aanbevolen.")
    analist.select_option("#maatregel-0", "bestuurlijk:13b-sluiting")
    analist.select_option("#eigenaar-0", "gemeente-rotterdam")
    analist.click("form[action$='/advies'] button")
    assert "concept" in analist.inner_text("main")
    coord.goto(casus_url)
    assert _axe(coord) == []
    coord.click("form[action$='/advies/vaststellen'] button")
    assert "Status: vastgesteld" in coord.inner_text("main")

    # The municipality carries out the intervention and records the outcome.
    gemeente.goto(f"{server}/interventies")
    assert _axe(gemeente) == []
    gemeente.select_option("#status-1", "in_uitvoering")
    gemeente.click("section button")
    gemeente.select_option("#status-1", "afgerond")
    gemeente.select_option("#uitkomst-1", "pand_gesloten")
    gemeente.click("section button")
    assert "Pand gesloten" in gemeente.inner_text("main")

    # The coordinator closes the case; it becomes read-only.
    coord.goto(casus_url)
    coord.fill("#reden", "Geen verdere aanwijzingen na antwoord politie.")
    coord.click("form[action$='/sluiten'] button")
    assert "gesloten" in coord.inner_text("dl")
    assert coord.locator("form[action$='/deelverzoeken']").count() == 0


def test_anoniem_melden_zonder_account(chromium: Any, server: str, demo: Omgeving) -> None:
    context = chromium.new_context(bypass_csp=True)
    pagina = context.new_page()
    pagina.goto(f"{server}/inloggen")
    pagina.click("text=anoniem melden")
    assert _axe(pagina) == []
    pagina.fill("#omschrijving", "In de loods achter nummer 4 brandt dag en nacht licht.")
    pagina.click("main button[type=submit]")
    assert "Dank voor uw melding" in pagina.inner_text("h1")
