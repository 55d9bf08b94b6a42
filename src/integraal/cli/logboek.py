# SPDX-License-Identifier: EUPL-1.2
"""The processing log: verification, signed checkpoints, data-subject access."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from integraal.cli.basis import ONGELDIG, GebruikerOptie, als, fout, inloggen, invoer, omgeving

NAAM = "logboek"
app = typer.Typer(help="Het logboek dataverwerkingen.", no_args_is_help=True)


@app.command("verify")
def logboek_verify(
    checkpoint: Annotated[
        list[Path] | None, typer.Option(exists=True, help="Checkpoint van de getuige")
    ] = None,
    sleutel: Annotated[str | None, typer.Option(help="Vertrouwde publieke sleutel (hex)")] = None,
    blok: Annotated[
        int | None,
        typer.Option(
            min=1,
            help="Alleen dit blok (blok 1 zijn de eerste 1.048.576 regels, blok 2 de volgende)",
        ),
    ] = None,
) -> None:
    """Controleer het logboek; noemt de eerste regel die niet klopt, en hoe oud het nieuwste
    checkpoint van de getuige is (uit INTEGRAAL_GETUIGE_MAP en --checkpoint). Met --blok één
    blok op zichzelf: zijn regels, zijn wortel en het ondertekende checkpoint aan zijn einde."""
    from integraal.logboek.ondertekening import Checkpoint

    omg = omgeving()
    if blok is not None:
        tekst, goed = omg.verifieer_logboekblok(blok - 1, sleutel)
        typer.echo(tekst)
        raise typer.Exit(0 if goed else 1)
    extra = [Checkpoint.uit_json(p.read_text()) for p in checkpoint or []]
    v = omg.verifieer_logboek(extra, sleutel)
    typer.echo(v.tekst())
    raise typer.Exit(0 if v.in_orde else 1)


@app.command("checkpoint")
def logboek_checkpoint(
    export: Annotated[
        Path | None, typer.Option(help="Schrijf het checkpoint voor de getuige naar dit bestand")
    ] = None,
) -> None:
    """Maak een ondertekend checkpoint (boomkop) van het logboek en publiceer het in de
    getuigemap (INTEGRAAL_GETUIGE_MAP); geschikt voor een planner."""
    from integraal.logboek import LogboekBeschadigd
    from integraal.logboek.getuige import GetuigeOngeschikt

    omg = omgeving()
    try:
        cp, pad = omg.checkpoint()
    except GetuigeOngeschikt as exc:
        raise fout(f"Er is geen checkpoint gemaakt: {exc}.", 2) from exc
    except LogboekBeschadigd as exc:
        raise fout(
            f"Er is geen checkpoint gemaakt: {exc}. `integraal logboek verify` noemt de eerste "
            "afwijking.",
            1,
        ) from exc
    if export:
        export.write_text(cp.naar_json())
    typer.echo(
        f"Checkpoint over {cp.boomgrootte} regels, wortel {cp.wortel_hash}, "
        f"sleutel {cp.sleutel_id}." + (f" Gepubliceerd voor de getuige: {pad}." if pad else "")
    )


@app.command("inzage")
def logboek_inzage(
    subject: Annotated[str, typer.Option("--subject", help="BSN, pseudoniem of entiteit-id")],
    gebruiker: GebruikerOptie,
    als_json: Annotated[bool, typer.Option("--json")] = False,
) -> None:
    """Inzagerapport voor een betrokkene (alleen privacy officer)."""
    from integraal.toegang.inzage import InzageVraag, inzage_verzoek

    omg = omgeving()
    actor = inloggen(omg, gebruiker)
    vraag = invoer(InzageVraag, betrokkene=subject)
    with als(omg, actor) as ctx:
        uit = inzage_verzoek(ctx, vraag)
    if als_json:
        typer.echo(uit.model_dump_json(indent=2))
        return
    typer.echo(f"Inzage ({uit.betrokkene_soort}): {len(uit.regels)} verwerkingen.")
    for r in uit.regels:
        typer.echo(
            f"{r.tijd}  {r.handeling:<20} door {r.organisatie or '-'} van {r.verstrekker or '-'}; "
            f"{', '.join(r.categorieen)}; doel {r.doel}; grondslag {r.grondslag or '-'}"
        )


@app.command("controle")
def logboek_controle(
    vanaf: Annotated[
        str | None,
        typer.Option(help="Sla wat ouder is over (DD-MM-JJJJ), bij een eerste controle"),
    ] = None,
) -> None:
    """Controleer het gebruik: de detectieregels over wat sinds de vorige controle in het
    logboek kwam. Meldingen gaan naar de privacy officer; geschikt voor een planner."""
    from pydantic import TypeAdapter, ValidationError

    from integraal.domein.invoer import Datum
    from integraal.integriteit.controle import voer_uit

    omg = omgeving()
    dag = None
    if vanaf is not None:
        try:
            dag = TypeAdapter(Datum).validate_python(vanaf)
        except ValidationError:
            raise fout(
                "--vanaf is geen datum; gebruik DD-MM-JJJJ, bijvoorbeeld 01-11-2026.", ONGELDIG
            ) from None

    def voortgang(gedaan: int, totaal: int) -> None:
        # On stderr, so a scheduler's log keeps only the result on stdout.
        typer.echo(f"… {gedaan:,} van {totaal:,} logregels bekeken".replace(",", "."), err=True)

    with als(omg, None) as ctx:
        uit = voer_uit(ctx, vanaf=dag, voortgang=voortgang)
    typer.echo(uit.tekst())
