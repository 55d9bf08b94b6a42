# SPDX-License-Identifier: EUPL-1.2
"""The monitor of the approach: loading, the report, the Tweede Kamer's open data."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Annotated

import typer

from integraal.cli.basis import (
    CONFLICT,
    GebruikerOptie,
    als,
    fout,
    inloggen,
    lees_datum,
    omgeving,
)

NAAM = "monitor"
app = typer.Typer(help="De monitor van de aanpak.", no_args_is_help=True)


@app.command("laden")
def monitor_laden() -> None:
    """Laad structuur, indicatoren, brieven, financiële tabellen en moties (idempotent)."""
    from integraal.monitor.laden import laad_alles
    from integraal.opslag.db import transactie

    with transactie(omgeving().fabriek) as s:
        g = laad_alles(s)
    typer.echo(
        f"Geladen: {g.documenten} documenten ({g.passages} passages), {g.tabellen} tabellen, "
        f"{g.indicatoren} indicatoren ({g.observaties} waarden), {g.opdrachten} moties en "
        f"toezeggingen, {g.maatregelen} maatregelen."
    )


@app.command("rapport")
def monitor_rapport(
    uit: Annotated[Path, typer.Argument(help="Bestand: .html of .pdf")],
    peildatum: Annotated[str | None, typer.Option(help="dd-mm-jjjj; standaard: nu")] = None,
) -> None:
    """Maak de voortgangsrapportage uit de vastgelegde gegevens."""
    from integraal.monitor import rapport

    dag = lees_datum(peildatum)
    peil = dt.datetime.combine(dag, dt.time(23, 59, 59), dt.UTC) if dag else None
    omg = omgeving()
    with als(omg, None) as ctx:
        r = rapport.stel_samen(ctx, peil)
    html = rapport.html(r)
    if uit.suffix.lower() == ".pdf":
        try:
            uit.write_bytes(rapport.pdf(html, omg.instellingen.data_dir / rapport.MAP))
        except rapport.PdfNietBeschikbaar as exc:
            typer.echo(str(exc), err=True)
            raise typer.Exit(1) from exc
    else:
        uit.write_text(html, encoding="utf-8")
    typer.echo(f"Rapportage geschreven naar {uit} (peildatum {r.peildatum:%d-%m-%Y}).")


@app.command("tk-sync")
def monitor_tk_sync(
    gebruiker: GebruikerOptie,
    zoekterm: Annotated[
        str | None, typer.Option(help="Neem ook nieuwe moties/toezeggingen met deze term op")
    ] = "ondermijn",
    alleen_bekende: Annotated[
        bool, typer.Option("--alleen-bekende", help="Werk alleen bekende nummers bij")
    ] = False,
    basis_url: Annotated[str | None, typer.Option(help="OData-adres van de Tweede Kamer")] = None,
) -> None:
    """Werk moties en toezeggingen bij uit de open data van de Tweede Kamer."""
    from integraal.monitor import tweedekamer

    omg = omgeving()
    actor = inloggen(omg, gebruiker)
    kamer = tweedekamer.TweedeKamer(basis=basis_url or tweedekamer.BASIS)
    try:
        with als(omg, actor) as ctx:
            u = tweedekamer.synchroniseer(ctx, kamer, zoekterm=None if alleen_bekende else zoekterm)
    except tweedekamer.TKNietBereikbaar as exc:
        raise fout(f"Niets bijgewerkt: {exc}.", CONFLICT) from exc
    typer.echo(
        f"{u.nieuw} nieuw (ter beoordeling), {u.bijgewerkt} bijgewerkt, {u.ingetrokken} "
        f"ingetrokken door de Kamer, {u.ongewijzigd} ongewijzigd; {u.paginas} pagina’s gelezen."
    )
    for reden in u.overgeslagen:
        typer.echo(f"Overgeslagen: {reden}", err=True)
