# SPDX-License-Identifier: EUPL-1.2
"""The municipality's instruments: the Kadaster's ownership changes in (a scheduled job) and the
deadlines a person must watch."""

from __future__ import annotations

import typer

from integraal.cli.basis import GebruikerOptie, als, inloggen, omgeving

NAAM = "bestuurlijk"
app = typer.Typer(
    help="Bibob, sluitingen, Kadaster en bestuurlijke vorderingen.", no_args_is_help=True
)


@app.command("kadaster-ophalen")
def kadaster_ophalen() -> None:
    """Haal de eigendomsmutaties van het Kadaster op voor de abonnees (elke mutatie eenmaal)."""
    from integraal.bestuurlijk import kadaster
    from integraal.verwerking import Kanaal

    omg = omgeving()
    with omg.context(None, Kanaal.TAAK) as ctx:
        nieuw = kadaster.haal_mutaties_op(ctx)
    typer.echo(f"{nieuw} nieuwe mutatie{'' if nieuw == 1 else 's'} opgehaald.")


@app.command("termijnen")
def termijnen(gebruiker: GebruikerOptie) -> None:
    """Toon de termijnen die u bewaakt: Bibob, sluitingen en vorderingen (aantallen)."""
    from integraal.bestuurlijk import bibob, sluitingen, vorderingen
    from integraal.domein.rollen import Rol

    omg = omgeving()
    actor = inloggen(omg, gebruiker)
    with als(omg, actor) as ctx:
        if actor.rol is Rol.BIBOB_ADVISEUR:
            regels = [("Bibob-termijnen binnen twee weken of verlopen", bibob.te_bewaken(ctx))]
        elif actor.rol is Rol.OOV_ADVISEUR:
            regels = [
                (
                    "Sluitingen die binnen twee weken eindigen of met bezwaar",
                    sluitingen.te_bewaken(ctx),
                ),
                ("Vorderingen met een termijn binnen twee weken", vorderingen.te_bewaken(ctx)),
            ]
        else:
            regels = []
    if not regels:
        typer.echo("U bewaakt geen bestuurlijke termijnen.")
    for tekst, aantal in regels:
        typer.echo(f"{aantal:>4}  {tekst}")
