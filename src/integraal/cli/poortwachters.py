# SPDX-License-Identifier: EUPL-1.2
"""Gatekeepers and registers from the command line: a goAML file reported by an institution's
system, the warning register's daily expiry (from a scheduler), and the deadlines a person
watches (counts)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from integraal.cli.basis import GebruikerOptie, als, inloggen, omgeving

NAAM = "poortwachters"
app = typer.Typer(
    help="Meldingen aan FIU-Nederland, opschortingen en het Waarschuwingsregister.",
    no_args_is_help=True,
)


@app.command("goaml")
def goaml_melden(
    bestand: Annotated[Path, typer.Argument(help="Het goAML-bestand (XML)", exists=True)],
    gebruiker: GebruikerOptie,
) -> None:
    """Meld de transacties in een goAML-bestand aan FIU-Nederland (alles of niets)."""
    from integraal.poortwachters import goaml

    omg = omgeving()
    actor = inloggen(omg, gebruiker)
    with als(omg, actor) as ctx:
        bonnen = goaml.meld(ctx, bestand.read_bytes()[: goaml.MAX_BYTES + 1])
    for b in bonnen:
        typer.echo(
            f"Ontvangen: melding {b.id}"
            + (f" (uw kenmerk {b.melder_kenmerk})" if b.melder_kenmerk else "")
        )


@app.command("verloop")
def verloop(gebruiker: GebruikerOptie) -> None:
    """Markeer registraties in het Waarschuwingsregister waarvan de termijn voorbij is."""
    from integraal.poortwachters import waarschuwingsregister as wr

    omg = omgeving()
    actor = inloggen(omg, gebruiker)
    with als(omg, actor) as ctx:
        n = wr.laat_verlopen(ctx)
    typer.echo(f"{n} registratie{'' if n == 1 else 's'} verlopen.")


@app.command("termijnen")
def termijnen(gebruiker: GebruikerOptie) -> None:
    """Toon wat op u wacht: meldingen, opschortingen en registraties (aantallen)."""
    from integraal.poortwachters import meldingen, opschortingen
    from integraal.poortwachters import waarschuwingsregister as wr

    omg = omgeving()
    actor = inloggen(omg, gebruiker)
    with als(omg, actor) as ctx:
        regels = [
            ("Meldingen die ontvangen of in analyse zijn", meldingen.te_analyseren(ctx)),
            (
                "Opschortingen die vandaag of de volgende werkdag eindigen",
                opschortingen.aflopend(ctx),
            ),
            ("Opschortingen die u nog moet bevestigen", opschortingen.te_bevestigen(ctx)),
            ("Registraties waarvan de termijn voorbij is", wr.te_laten_verlopen(ctx)),
        ]
    for tekst, aantal in regels:
        if aantal:
            typer.echo(f"{aantal:>4}  {tekst}")
    if not any(aantal for _, aantal in regels):
        typer.echo("Er wacht niets op u.")
