# SPDX-License-Identifier: EUPL-1.2
"""The case journey in the browser: intake → triage → case → data request with four eyes →
advice → intervention → close, each step confirmed with what happens next."""

from __future__ import annotations

import re
from typing import Any

from integraal.omgeving import Omgeving
from tests.browser.conftest import als, axe, bevestiging


def test_van_signaal_tot_gesloten_casus(chromium: Any, server: str, demo: Omgeving) -> None:
    # A municipal officer reports a signal; an empty form first shows what is missing.
    gemeente = als(chromium, server, "gemeente.rdam")
    gemeente.goto(f"{server}/signalen/nieuw")
    gemeente.get_by_role("button", name="Versturen").click()
    assert "Er is een probleem" in gemeente.inner_text("[data-foutsamenvatting]")
    # The summary takes the focus, so a screen reader reads it first.
    gemeente.wait_for_function("document.activeElement.hasAttribute('data-foutsamenvatting')")
    assert axe(gemeente) == []
    gemeente.fill("#veld-omschrijving", "Nieuwe nagelstudio aan de Havenweg draait zonder klanten.")
    gemeente.select_option("#veld-kenmerken-0-soort", "postcode")
    gemeente.fill("#veld-kenmerken-0-waarde", "3089 KX")
    gemeente.get_by_role("button", name="Versturen").click()
    nummer = re.search(r"S-\d{4}-\d{4}", bevestiging(gemeente))
    assert nummer, gemeente.inner_text("main")
    assert "Wat gebeurt er nu?" in bevestiging(gemeente)

    # The RIEC analyst triages it, with a reason.
    analist = als(chromium, server, "analist.riec")
    analist.goto(f"{server}/signalen")
    analist.get_by_role("link", name=nummer.group(0)).click()
    assert axe(analist) == []
    analist.get_by_label("In behandeling").check()
    analist.fill("#veld-reden", "Past bij het patroon van het bedrijfsverzamelgebouw.")
    analist.get_by_role("button", name="Beoordeling vastleggen").click()
    assert "in behandeling" in bevestiging(analist)

    # The coordinator opens a case from it, with recorded indications and a member.
    coord = als(chromium, server, "coordinator.riec")
    coord.goto(f"{server}/signalen/{nummer.group(0)}")
    coord.fill("#veld-titel", "Nagelstudio Havenweg")
    coord.fill(
        "#veld-aanwijzingen", "Signaal gemeente plus twaalf bedrijven op één adres (casus 002)."
    )
    coord.get_by_label(re.compile("Anna Analist")).check()
    coord.get_by_role("button", name="Casus openen").click()
    coord.wait_for_url(re.compile(r".*/casussen/C-\d{4}-\d{4}$"))
    casus_url = coord.url
    assert "Nagelstudio Havenweg" in coord.inner_text("h1")
    assert "geopend" in bevestiging(coord)
    assert axe(coord) == []

    # The analyst asks the police for identity data; the rule engine allows, four eyes pending.
    analist.goto(casus_url)
    analist.get_by_role("link", name="Gegevens vragen aan een partner").click()
    analist.select_option("#veld-verstrekker", "politie")
    analist.get_by_label("Identiteitsgegevens").check()
    analist.fill("#veld-toelichting", "Wie staan er achter de nagelstudio?")
    assert axe(analist) == []
    analist.get_by_role("button", name="Verzoek indienen").click()
    assert "Verzoek verstuurd" in bevestiging(analist)
    assert "Wacht op goedkeuring" in analist.inner_text("main")

    # A second person at the police approves, after a confirmation step.
    politie = als(chromium, server, "politie")
    politie.goto(f"{server}/deelverzoeken")
    assert axe(politie) == []
    politie.get_by_role("link", name=re.compile(casus_url.rsplit("/", 1)[-1])).first.click()
    politie.get_by_role("link", name="Verzoek goedkeuren").click()
    assert axe(politie) == []
    politie.get_by_role("button", name="Goedkeuren").click()
    assert "goedgekeurd" in bevestiging(politie).lower()

    # The analyst drafts the advice; the coordinator (not the drafter) adopts it.
    analist.goto(casus_url)
    analist.get_by_role("link", name="Advies opstellen").click()
    analist.fill(
        "#veld-analyse", "De nagelstudio is een dekmantel; sluiting van het pand aanbevolen."
    )
    analist.select_option("#veld-interventies-0-maatregel", "13b-sluiting")
    analist.select_option("#veld-interventies-0-eigenaar", "gemeente-rotterdam")
    assert axe(analist) == []
    analist.get_by_role("button", name="Conceptadvies opslaan").click()
    assert "Conceptadvies opgeslagen" in bevestiging(analist)
    coord.goto(casus_url)
    coord.get_by_role("link", name="Advies vaststellen").click()
    assert axe(coord) == []
    coord.get_by_role("button", name="Advies vaststellen en verstrekken").click()
    assert "Advies vastgesteld" in bevestiging(coord)

    # The municipality carries out the intervention and records the outcome.
    gemeente.goto(f"{server}/interventies")
    assert axe(gemeente) == []
    kaart = gemeente.locator("article", has_text=casus_url.rsplit("/", 1)[-1])
    kaart.get_by_label(re.compile("In uitvoering")).check()
    kaart.get_by_role("button", name="Vastleggen").click()
    kaart = gemeente.locator("article", has_text=casus_url.rsplit("/", 1)[-1])
    kaart.get_by_label(re.compile("Afgerond")).check()
    kaart.get_by_role("combobox", name=re.compile("Uitkomst")).select_option("pand_gesloten")
    kaart.get_by_role("button", name="Vastleggen").click()
    assert "Pand gesloten" in gemeente.inner_text("main")

    # The coordinator closes the case after a confirmation; it becomes read-only.
    coord.goto(casus_url)
    coord.get_by_role("link", name="Casus sluiten").click()
    coord.fill("#veld-reden", "Geen verdere aanwijzingen na antwoord politie.")
    coord.get_by_role("button", name="Casus sluiten").click()
    assert "gesloten" in bevestiging(coord)
    assert "Gesloten" in coord.inner_text("main")
    assert coord.get_by_role("link", name="Gegevens vragen aan een partner").count() == 0


def test_sluiten_met_een_lopende_interventie_vraagt_bevestiging(
    chromium: Any, server: str, demo: Omgeving
) -> None:
    """A case with an intervention still running closes only after saying so explicitly."""
    coord = als(chromium, server, "coordinator.riec")
    coord.goto(f"{server}/casussen")
    paden = [str(a.get_attribute("href")) for a in coord.locator("main table a").all()]
    for pad in paden:
        coord.goto(f"{server}{pad}/sluiten")
        if coord.locator("#veld-openInterventiesBevestigd").count():
            break
    else:
        raise AssertionError("de demo heeft geen casus met een lopende interventie")
    coord.fill("#veld-reden", "Het onderzoek is afgerond.")
    coord.get_by_role("button", name="Casus sluiten").click()
    assert "interventie" in coord.inner_text("[data-foutsamenvatting]")
    assert coord.input_value("#veld-reden") == "Het onderzoek is afgerond."  # input kept
    coord.get_by_label(re.compile("sluit de casus toch")).check()
    coord.get_by_role("button", name="Casus sluiten").click()
    assert "gesloten" in bevestiging(coord)


def test_anoniem_melden_zonder_account(chromium: Any, server: str, demo: Omgeving) -> None:
    context = chromium.new_context(bypass_csp=True)
    pagina = context.new_page()
    pagina.goto(f"{server}/inloggen")
    pagina.get_by_role("link", name=re.compile("noniem melden")).first.click()
    assert axe(pagina) == []
    pagina.select_option("#veld-verband", "riec-rotterdam")
    pagina.fill("#veld-omschrijving", "In de loods achter nummer 4 brandt dag en nacht licht.")
    pagina.get_by_role("button", name="Versturen").click()
    assert "Dank voor uw melding" in pagina.inner_text("h1")
