# SPDX-License-Identifier: EUPL-1.2
"""Local accounts."""

from __future__ import annotations

import os
from typing import Annotated

import typer

from integraal.cli.basis import fout, omgeving
from integraal.domein.rollen import Rol

NAAM = "gebruiker"
app = typer.Typer(help="Gebruikers beheren.", no_args_is_help=True)


@app.command("aanmaken")
def gebruiker_aanmaken(
    gebruikersnaam: str,
    naam: Annotated[str, typer.Option(help="Volledige naam")],
    organisatie: Annotated[str, typer.Option(help="Organisatie-id uit het partnerregister")],
    rol: Annotated[Rol, typer.Option(help="Rol")],
) -> None:
    """Maak een lokale gebruiker aan (wachtwoord uit INTEGRAAL_WACHTWOORD of gevraagd)."""
    from integraal.domein.tekst import zin
    from integraal.gebruikers import OngeldigeInvoer, maak_gebruiker
    from integraal.opslag.db import transactie

    omg = omgeving()
    try:
        omg.beslisser.register.organisatie(organisatie)
    except KeyError as exc:
        raise fout(f"Onbekende organisatie {organisatie!r}.", 2) from exc
    wachtwoord = os.environ.get("INTEGRAAL_WACHTWOORD") or typer.prompt(
        "Wachtwoord", hide_input=True, confirmation_prompt=True
    )
    try:
        with transactie(omg.fabriek) as sessie:
            maak_gebruiker(sessie, gebruikersnaam, naam, wachtwoord, organisatie, rol)
    except OngeldigeInvoer as exc:
        raise fout(zin(exc), 2) from exc
    typer.echo(f"Gebruiker {gebruikersnaam} aangemaakt.")


@app.command("tweede-factor")
def tweede_factor_instellen(gebruikersnaam: str) -> None:
    """Stel een nieuwe tweede factor (TOTP) in; toont het adres voor de authenticator-app.

    Een eerdere tweede factor vervalt, en daarmee de sessies en tokens van het account."""
    from integraal.domein.fouten import NietGevonden
    from integraal.domein.tekst import zin
    from integraal.gebruikers import tweede_factor
    from integraal.opslag.db import transactie

    omg = omgeving()
    try:
        with transactie(omg.fabriek) as sessie:
            adres = tweede_factor.stel_in(sessie, gebruikersnaam)
    except NietGevonden as exc:
        raise fout(zin(exc.melding), 2) from exc
    typer.echo(f"Tweede factor ingesteld voor {gebruikersnaam}. Voeg dit adres toe in de app:")
    typer.echo(adres)
