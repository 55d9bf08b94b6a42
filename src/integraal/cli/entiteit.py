# SPDX-License-Identifier: EUPL-1.2
"""Reading entities: through the door, each read decided and logged."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from integraal.cli.basis import (
    CasusOptie,
    DoelOptie,
    GebruikerOptie,
    als,
    fout,
    inloggen,
    invoer,
    omgeving,
)

NAAM = "entiteit"
app = typer.Typer(help="Entiteiten lezen (langs de deelregels, gelogd).", no_args_is_help=True)


@app.command("toon")
def entiteit_toon(
    entiteit_id: str,
    gebruiker: GebruikerOptie,
    doel: DoelOptie = "integrale_aanpak",
    casus: CasusOptie = None,
    reden: Annotated[
        str | None,
        typer.Option(
            help="Waarom u leest, als het om een afgeschermde persoon gaat (gaat als melding "
            "naar de privacy officer)"
        ),
    ] = None,
) -> None:
    """Toon één entiteit met herkomst, voor zover u die mag lezen."""
    from integraal import toegang
    from integraal.toegang.lezen import Leesdoel

    omg = omgeving()
    actor = inloggen(omg, gebruiker)
    vraag = invoer(Leesdoel, doel=doel, casus_id=casus)
    with als(omg, actor, reden=(reden or "").strip()[:500] or None) as ctx:
        e = toegang.entiteit(ctx, entiteit_id, vraag)
    typer.echo(e.model_dump_json(indent=2))


@app.command("zoek")
def entiteit_zoek(
    term: str,
    gebruiker: GebruikerOptie,
    doel: DoelOptie = "integrale_aanpak",
    casus: CasusOptie = None,
    export: Annotated[Path | None, typer.Option(help="Schrijf naar .csv of .xlsx")] = None,
    limiet: Annotated[int, typer.Option(min=1, max=200)] = 50,
) -> None:
    """Zoek in entiteiten die u mag zien; optioneel als CSV- of Excel-export."""
    from integraal import toegang
    from integraal.export import naar_csv, naar_xlsx
    from integraal.toegang import Leesvraag, zoek_entiteiten
    from integraal.toegang.lezen import Zoekvraag

    if export is not None and export.suffix.lower() not in (".csv", ".xlsx"):
        raise fout("Een export eindigt op .csv of .xlsx.", 2)
    omg = omgeving()
    actor = inloggen(omg, gebruiker)
    vraag = invoer(Zoekvraag, doel=doel, casus_id=casus, zoekterm=term, limiet=limiet)
    with als(omg, actor) as ctx:
        if export is None:
            r = toegang.zoek(ctx, vraag)
        else:
            beelden = zoek_entiteiten(
                ctx, Leesvraag(vraag.doel, vraag.casus_id), term=term, limiet=limiet
            )
            ctx.audit(f"zoekresultaat exporteren ({export.suffix[1:]})", aantal=len(beelden))
    if export is not None:
        export.write_bytes(
            naar_xlsx(beelden, omg.beslisser)
            if export.suffix.lower() == ".xlsx"
            else naar_csv(beelden, omg.beslisser)
        )
        typer.echo(f"{len(beelden)} entiteiten geëxporteerd naar {export}.")
        return
    for e in r.resultaten:
        typer.echo(f"{e.id}  {e.schema_:<12} {e.naam}")
    typer.echo(f"{len(r.resultaten)} resultaten.")
