# SPDX-License-Identifier: EUPL-1.2
"""Deliveries of partners."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from integraal.cli.basis import (
    CONFLICT,
    ONGELDIG,
    CasusOptie,
    GebruikerOptie,
    fout,
    inloggen,
    invoer,
    omgeving,
    weigeringen,
)

NAAM = "levering"
app = typer.Typer(help="Leveringen van partners.", no_args_is_help=True)


def _meld_voortgang(n: int) -> None:
    if n % 10_000 == 0:
        typer.echo(f"  {n} rijen gelezen ...", err=True)


@app.command("importeer")
def levering_importeer(
    bestand: Annotated[
        Path, typer.Argument(exists=True, dir_okay=False, help="CSV, XLSX of JSONL")
    ],
    gebruiker: GebruikerOptie,
    mapping: Annotated[str | None, typer.Option(help="Naam van een meegeleverde mapping")] = None,
    mapping_bestand: Annotated[
        Path | None, typer.Option(exists=True, help="Eigen mapping (YAML)")
    ] = None,
    casus: CasusOptie = None,
) -> None:
    """Lever een bestand aan volgens een mapping."""
    from integraal.bronnen import afspraken
    from integraal.bronnen.leveringen import Bestand, LeveringIn, Leveringstatus, lever
    from integraal.bronnen.mapping import Mapping, laad_mapping
    from integraal.opslag.db import transactie
    from integraal.verwerking import Kanaal

    if (mapping is None) == (mapping_bestand is None):
        raise fout("Geef precies één van --mapping of --mapping-bestand.", ONGELDIG)
    omg = omgeving()
    try:
        if mapping_bestand:
            m: Mapping = laad_mapping(mapping_bestand)
        else:
            with transactie(omg.fabriek, lezen=True) as sessie:
                geldend = afspraken.geldend(sessie)
            if (mapping or "") not in geldend:
                raise fout(
                    f"Onbekende mapping {mapping!r}; kies uit {', '.join(sorted(geldend))}.",
                    ONGELDIG,
                )
            m = geldend[mapping or ""].mapping
    except ValueError as exc:
        raise fout(f"De mapping is ongeldig: {exc}", ONGELDIG) from exc
    actor = inloggen(omg, gebruiker)
    gegevens = invoer(LeveringIn, mapping=m.naam, casus_id=casus)
    with weigeringen():
        r = lever(
            omg.context,
            actor,
            gegevens,
            Bestand(bestand.name, bestand),  # read from where it is, in blocks
            kanaal=Kanaal.CLI,
            mapping=m,
            voortgang=_meld_voortgang,
        )
    status = Leveringstatus(r.status).label.lower()
    typer.echo(
        f"Levering {r.levering_id}: {status}" + (" (was al ontvangen)" if r.al_ontvangen else "")
    )
    if r.melding:
        typer.echo(r.melding)
    for f in r.fouten[:50]:
        typer.echo(f"  rij {f['rij']}, kolom {f['kolom'] or '-'}: {f['reden']}")
    if len(r.fouten) > 50:
        typer.echo(f"  ... en {len(r.fouten) - 50} fouten meer")
    raise typer.Exit(0 if r.status == "verwerkt" else CONFLICT)
