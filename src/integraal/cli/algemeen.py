# SPDX-License-Identifier: EUPL-1.2
"""Set-up, serving, generated documents, the deelwijzer and retention."""

from __future__ import annotations

import datetime as dt
import json
import os
import shutil
import socket
from pathlib import Path
from typing import Annotated

import typer

from integraal.cli.basis import ONGELDIG, CasusOptie, als, fout, invoer, lees_datum, omgeving


def registreer(app: typer.Typer) -> None:
    app.command()(init)
    app.command()(serve)
    app.command()(worker)
    app.command()(openapi)
    app.command()(regels)
    app.command()(deelwijzer)
    app.command()(bewaartermijn)


def init() -> None:
    """Maak of werk de database bij en laad het partnerregister."""
    omg = omgeving()
    typer.echo(f"Database bijgewerkt: {omg.database.url.render_as_string(hide_password=True)}")


def serve(
    host: Annotated[str | None, typer.Option(help="Adres")] = None,
    port: Annotated[int | None, typer.Option(help="Poort")] = None,
    workers: Annotated[
        int, typer.Option(min=1, max=64, help="Aantal app-processen achter dezelfde poort")
    ] = 1,
) -> None:
    """Serveer de webapplicatie en de API."""
    import uvicorn

    from integraal.app import maak_app
    from integraal.meting import logs

    omg = omgeving()
    h = host or omg.instellingen.host
    p = port or omg.instellingen.port
    logs.stel_in(omg.instellingen.logformaat)
    typer.echo(f"Integraal draait op http://{h}:{p}/  (API: http://{h}:{p}/api/v1/docs)")
    if workers == 1:
        uvicorn.run(maak_app(omg), host=h, port=p, log_level="warning", log_config=None)
        return
    # Several processes share sessions, progress and jobs through the database (decision
    # record 0023). Secrets kept as files in the data folder are made here, once, before the
    # processes start: each making its own would give each another pseudonym key.
    _ = omg.pseudoniem_sleutel, omg.ondertekensleutel()
    omg.database.dispose()
    _gedeelde_metingen(omg.instellingen.data_dir)
    from uvicorn.supervisors import Multiprocess

    config = uvicorn.Config(
        "integraal.app:maak_app_in_proces",
        factory=True,
        workers=workers,
        host=h,
        port=p,
        log_level="warning",
        log_config=None,
    )
    # As `uvicorn.run` does, with one change: uvicorn binds the shared socket with protocol 0,
    # for which asyncio leaves Nagle's algorithm on, so an answer written in parts waited for
    # the client's delayed acknowledgement (about 40 ms a request, measured). Linux passes
    # TCP_NODELAY on from the listening socket to the connections it accepts.
    sock = config.bind_socket()
    sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
    Multiprocess(config, sockets=[sock]).run()


def _gedeelde_metingen(data_dir: Path) -> None:
    """The app processes count their metrics in one folder, so a scrape of any of them sees
    the sum; emptied first, or the counts of processes gone would be added again."""
    from integraal.meting import MAP_VARIABELE

    map_ = data_dir / "metingen"
    shutil.rmtree(map_, ignore_errors=True)
    map_.mkdir(parents=True)
    os.environ[MAP_VARIABELE] = str(map_)


def worker(
    gelijktijdig: Annotated[
        int, typer.Option(min=1, max=32, help="Aantal opdrachten tegelijk in dit proces")
    ] = 2,
    tot_leeg: Annotated[
        bool, typer.Option("--tot-leeg", help="Stop zodra de wachtrij leeg is")
    ] = False,
) -> None:
    """Werk opdrachten uit de wachtrij af: leveringen, kruisverwijzingen, rapporten en gepland
    werk (bewaartermijnen, controle en checkpoints van het logboek). Vraagt PostgreSQL."""
    omg = omgeving()
    if not omg.instellingen.achtergrond_in_wachtrij:
        raise fout(
            "Er is geen wachtrij: met SQLite (of INTEGRAAL_ACHTERGROND=proces) werkt het "
            "app-proces zijn opdrachten zelf af. Een werker vraagt PostgreSQL "
            "(INTEGRAAL_DATABASE_URL).",
            ONGELDIG,
        )
    from integraal.achtergrond.postgres import werk
    from integraal.meting import logs

    logs.stel_in(omg.instellingen.logformaat)
    typer.echo(f"Werker gestart ({gelijktijdig} tegelijk); stoppen met Ctrl+C.")
    werk(omg, gelijktijdig=gelijktijdig, tot_leeg=tot_leeg)


def openapi() -> None:
    """Druk de OpenAPI-specificatie af (voor docs/openapi.json)."""
    from integraal.api.app import maak_api

    spec = maak_api(None).openapi()
    typer.echo(json.dumps(spec, indent=2, ensure_ascii=False, sort_keys=True))


def regels(
    referenties: Annotated[
        bool,
        typer.Option(
            "--referenties",
            help="Druk in plaats daarvan een nieuwe set referentieverzoeken af (YAML)",
        ),
    ] = False,
) -> None:
    """Druk de deelregelcatalogus af als Markdown (voor docs/deelregels.md)."""
    from integraal.delen import standaard_beslisser

    b = standaard_beslisser()
    if referenties:
        from integraal.delen.referenties import maak_referenties, schrijf_referenties

        typer.echo(schrijf_referenties(maak_referenties(b.catalogus, b.register)), nl=False)
        return
    from integraal.delen.documentatie import als_markdown

    typer.echo(als_markdown(b.catalogus, b.register), nl=False)


def deelwijzer(
    van: Annotated[str, typer.Option(help="Verstrekker: organisatie of soort (bv. gemeente)")],
    aan: Annotated[str, typer.Option(help="Ontvanger: organisatie of soort (bv. riec)")],
    categorie: Annotated[str, typer.Option(help="Gegevenscategorie (bv. identiteit)")],
    doel: Annotated[str, typer.Option(help="Doel (bv. integrale_aanpak)")],
    casus: CasusOptie = None,
    feit: Annotated[
        list[str] | None, typer.Option(help="Vastgesteld feit, bv. noodzakelijk")
    ] = None,
    als_json: Annotated[bool, typer.Option("--json", help="Antwoord als JSON")] = False,
) -> None:
    """Vraag of een verstrekking mag; het antwoord noemt regel en wetsartikel."""
    from integraal.toegang.deelwijzer import DeelVraag, vraag_deelwijzer

    vraag = invoer(
        DeelVraag,
        van=van,
        aan=aan,
        categorie=categorie,
        doel=doel,
        casus_id=casus,
        feiten=feit or [],
    )
    with als(omgeving(), None) as ctx:
        besluit = vraag_deelwijzer(ctx, vraag)
    typer.echo(besluit.model_dump_json(indent=2) if als_json else besluit.uitleg)
    raise typer.Exit(0 if besluit.toegestaan else 3)


def bewaartermijn(
    peildatum: Annotated[
        str | None, typer.Option(help="Datum dd-mm-jjjj (standaard vandaag)")
    ] = None,
    proef: Annotated[
        bool, typer.Option("--proef", help="Toon wat zou vervallen, verwijder niets")
    ] = False,
) -> None:
    """Vernietig gegevens waarvan de bewaartermijn is verstreken: van gesloten casussen,
    afgewezen signalen, kruisverwijzingen, afgelopen beslag en het persoonsdeel van
    logregels."""
    from integraal.toegang.bewaren import voer_uit_in_stappen

    dag = lees_datum(peildatum) or dt.date.today()
    omg = omgeving()
    uit = voer_uit_in_stappen(omg.context, dag, proef=proef)
    kop = "Zou vervallen" if proef else "Vernietigd"
    for v in uit.vernietigd:
        typer.echo(
            f"{kop}: casus {v.casus_id}, {v.categorie} ({v.entiteiten} entiteiten, "
            f"termijn verstreken op {v.vervallen_op:%d-%m-%Y})"
        )
    typer.echo(
        f"{len(uit.vernietigd)} groepen, {uit.signalen_geschoond} signalen geschoond, "
        f"persoonsdeel van {uit.logregels_gewist} logregels gewist, kruisverwijzingen van "
        f"{uit.kruisresultaten} casussen verwijderd, {uit.beslagenen_geschoond} beslagenen en "
        f"{uit.dossiers_geschoond} vermogensdossiers geschoond"
        + (" (proef: niets verwijderd)." if proef else ".")
    )
