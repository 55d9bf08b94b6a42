# SPDX-License-Identifier: EUPL-1.2
"""Cross-referencing: in a case (through the door, logged), or two own CSV files."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from integraal.cli.basis import (
    GebruikerOptie,
    als,
    fout,
    inloggen,
    invoer,
    omgeving,
    weigeringen,
)
from integraal.verwerking import Kanaal

NAAM = "kruisverwijzing"
app = typer.Typer(
    help="Kruisverwijzing: wie komt bij meerdere partners voor?", no_args_is_help=True
)


def _voortgang(stap: str, gedaan: int, totaal: int) -> None:
    typer.echo(f"  {stap}: {gedaan} van {totaal}", err=True)


@app.command("casus")
def kruis_casus(
    casus_id: str,
    gebruiker: GebruikerOptie,
    soort: Annotated[
        str, typer.Option(help="casus (allen tegen allen), levering of datasets")
    ] = "casus",
    levering: Annotated[str | None, typer.Option(help="Levering tegen de casus")] = None,
    dataset: Annotated[
        list[str] | None, typer.Option(help="Twee keer: de datasets die tegen elkaar gaan")
    ] = None,
) -> None:
    """Kruisverwijzing in een casus: leest wat u mag zien (gelogd) en zet suggesties klaar."""
    from integraal.kruisverwijzing import taken

    omg = omgeving()
    actor = inloggen(omg, gebruiker)
    vraag = invoer(
        taken.KruistaakIn, soort=soort, levering_id=levering, datasets=list(dataset or [])
    )
    with als(omg, actor) as ctx:
        t = taken.start(ctx, casus_id, vraag)
    typer.echo(f"Kruisverwijzing {t.id} gestart.", err=True)
    with weigeringen():
        klaar = taken.voer_uit(omg.context, t.id, melding=_voortgang, kanaal=Kanaal.CLI)
    typer.echo(
        f"{klaar.totaal} suggesties klaargezet in casus {casus_id}; beoordeel ze op "
        f"/casussen/{casus_id}/kruisverwijzing."
    )


@app.command("hervat")
def kruis_hervat(gebruiker: GebruikerOptie) -> None:
    """Hervat uw kruisverwijzingen die zijn onderbroken (na een crash of herstart)."""
    from integraal.kruisverwijzing import taken

    omg = omgeving()
    actor = inloggen(omg, gebruiker)
    with weigeringen():
        hervat = taken.hervat_alles(omg.context, kanaal=Kanaal.CLI, van=actor.gebruiker_id)
    typer.echo(
        f"{len(hervat)} {'kruisverwijzing' if len(hervat) == 1 else 'kruisverwijzingen'} "
        "hervat en afgerond."
    )


@app.command("bestanden")
def kruis_bestanden(
    links: Annotated[Path, typer.Argument(help="Eerste CSV-bestand")],
    rechts: Annotated[Path, typer.Argument(help="Tweede CSV-bestand")],
    mapping: Annotated[Path, typer.Option(help="YAML: welke kolom welk veld is")],
    uit: Annotated[Path, typer.Option(help="CSV met de paren en hun uitleg")],
    drempel: Annotated[float, typer.Option(min=0.0, max=1.0, help="Minimale kans")] = 0.9,
) -> None:
    """Koppel twee eigen CSV-bestanden (buiten Integraal) met een opgegeven mapping."""
    from integraal.kruis import bestanden

    try:
        uitkomst = bestanden.koppel_bestanden(
            links, rechts, bestanden.lees_mappingbestand(mapping), _voortgang
        )
    except bestanden.Mappingfout as exc:
        raise fout(f"Niet gekoppeld: {exc}.", 2) from exc
    with uit.open("w", newline="", encoding="utf-8") as f:
        n = bestanden.schrijf_paren(uitkomst, drempel, f)
    typer.echo(f"{n} paren met kans ≥ {drempel} geschreven naar {uit}.")
