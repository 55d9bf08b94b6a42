# SPDX-License-Identifier: EUPL-1.2
"""The fictitious demo world."""

from __future__ import annotations

from typing import Annotated

import typer

from integraal.cli.basis import omgeving
from integraal.domein.rollen import ROL_LABELS, Rol

NAAM = "demo"
app = typer.Typer(help="De fictieve demowereld.", no_args_is_help=True)


@app.command("laden")
def demo_laden(
    zaad: Annotated[int, typer.Option(help="Vast zaad voor de generator")] = 2026,
) -> None:
    """Laad de fictieve demowereld (idempotent) en druk de demo-accounts af."""
    from integraal.demo.wereld import laad_demo

    omg = omgeving()
    accounts = laad_demo(omg, zaad=zaad)
    register = omg.beslisser.register
    rijen = [
        (a.gebruikersnaam, a.wachtwoord, ROL_LABELS[Rol(a.rol)], register.zoek(a.organisatie).naam)
        for a in accounts
    ]
    koppen = ("Gebruikersnaam", "Wachtwoord", "Rol", "Organisatie")
    breedtes = [max(len(r[i]) for r in [koppen, *rijen]) for i in range(3)]
    typer.echo("Demo-accounts (alles is fictief):")
    for r in [koppen, *rijen]:
        typer.echo("  " + "  ".join(f"{r[i]:<{breedtes[i]}}" for i in range(3)) + f"  {r[3]}")
