# SPDX-License-Identifier: EUPL-1.2
"""Command line: set-up, imports, deelwijzer, policy-enforced reads, processing log."""

from __future__ import annotations

import json
import os
from dataclasses import asdict
from pathlib import Path
from typing import Annotated

import typer

from integraal import logboek
from integraal.bronnen.importeren import GeenLeverancier, importeer
from integraal.bronnen.lezers import OnleesbaarBestand
from integraal.bronnen.mapping import Mapping, laad_mapping, meegeleverde_mappings
from integraal.delen import leg_uit
from integraal.domein.actor import Actor
from integraal.domein.rollen import Rol
from integraal.domein.tekst import zin
from integraal.export import naar_csv, naar_xlsx
from integraal.gebruikers import OngeldigeInvoer, authenticeer, maak_gebruiker
from integraal.logboek.ondertekening import Checkpoint, laad_of_maak_sleutel
from integraal.omgeving import Omgeving, maak_omgeving
from integraal.opslag.db import transactie
from integraal.toegang import Leesvraag, lees_entiteit, zoek_entiteiten
from integraal.toegang.context import OnbekendeCasus
from integraal.toegang.deelwijzer import OngeldigeVraag, vraag_deelwijzer
from integraal.toegang.inzage import inzage_verzoek

app = typer.Typer(
    help="Integraal: informatieruggengraat voor de integrale aanpak.",
    no_args_is_help=True,
    pretty_exceptions_show_locals=False,  # locals may hold personal data
)
demo_app = typer.Typer(help="De fictieve demowereld.", no_args_is_help=True)
levering_app = typer.Typer(help="Leveringen van partners.", no_args_is_help=True)
entiteit_app = typer.Typer(
    help="Entiteiten lezen (langs de deelregels, gelogd).", no_args_is_help=True
)
logboek_app = typer.Typer(help="Het logboek dataverwerkingen.", no_args_is_help=True)
gebruiker_app = typer.Typer(help="Gebruikers beheren.", no_args_is_help=True)
monitor_app = typer.Typer(help="De monitor van de aanpak.", no_args_is_help=True)
kruis_app = typer.Typer(
    help="Kruisverwijzing: wie komt bij meerdere partners voor?", no_args_is_help=True
)
app.add_typer(demo_app, name="demo")
app.add_typer(levering_app, name="levering")
app.add_typer(entiteit_app, name="entiteit")
app.add_typer(logboek_app, name="logboek")
app.add_typer(gebruiker_app, name="gebruiker")
app.add_typer(monitor_app, name="monitor")
app.add_typer(kruis_app, name="kruis")

GebruikerOptie = Annotated[str, typer.Option("--gebruiker", "-g", help="Uw gebruikersnaam")]
DoelOptie = Annotated[str, typer.Option("--doel", help="Doel van het lezen")]
CasusOptie = Annotated[str | None, typer.Option("--casus", help="Casus waarin u leest")]


def _fout(tekst: str, code: int = 1) -> typer.Exit:
    typer.secho(tekst, fg=typer.colors.RED, err=True)
    return typer.Exit(code)


def _omgeving() -> Omgeving:
    return maak_omgeving()


def _meld_voortgang(n: int) -> None:
    if n % 10_000 == 0:
        typer.echo(f"  {n} rijen gelezen ...", err=True)


def _inloggen(omgeving: Omgeving, gebruikersnaam: str) -> Actor:
    wachtwoord = os.environ.get("INTEGRAAL_WACHTWOORD") or typer.prompt(
        f"Wachtwoord voor {gebruikersnaam}", hide_input=True
    )
    with transactie(omgeving.fabriek) as sessie:
        actor = authenticeer(sessie, gebruikersnaam, wachtwoord)
    if actor is None:
        raise _fout("Gebruikersnaam of wachtwoord onjuist.", 2)
    return actor


@app.command()
def init() -> None:
    """Maak of werk de database bij en laad het partnerregister."""
    omgeving = _omgeving()
    typer.echo(f"Database bijgewerkt: {omgeving.database.url.render_as_string(hide_password=True)}")


@app.command()
def serve(
    host: Annotated[str | None, typer.Option(help="Adres")] = None,
    port: Annotated[int | None, typer.Option(help="Poort")] = None,
) -> None:
    """Serveer de webapplicatie en de API."""
    import uvicorn

    from integraal.app import maak_app

    omgeving = _omgeving()
    h = host or omgeving.instellingen.host
    p = port or omgeving.instellingen.port
    typer.echo(f"Integraal draait op http://{h}:{p}/  (API: http://{h}:{p}/api/v1/docs)")
    uvicorn.run(maak_app(omgeving), host=h, port=p, log_level="warning")


@app.command()
def openapi() -> None:
    """Druk de OpenAPI-specificatie af (voor docs/openapi.json)."""
    from integraal.api.app import maak_api

    spec = maak_api(None).openapi()
    typer.echo(json.dumps(spec, indent=2, ensure_ascii=False, sort_keys=True))


@app.command()
def regels() -> None:
    """Druk de deelregelcatalogus af als Markdown (voor docs/deelregels.md)."""
    from integraal.delen import standaard_beslisser
    from integraal.delen.documentatie import als_markdown

    b = standaard_beslisser()
    typer.echo(als_markdown(b.catalogus, b.register), nl=False)


@app.command()
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
    omgeving = _omgeving()
    try:
        with transactie(omgeving.fabriek) as sessie:
            besluit = vraag_deelwijzer(
                sessie,
                omgeving.beslisser,
                van=van,
                aan=aan,
                categorie=categorie,
                doel=doel,
                casus_id=casus,
                feiten=feit or (),
            )
    except OngeldigeVraag as exc:
        raise _fout(
            "Ongeldige vraag:\n" + "\n".join(f"  {k}: {v}" for k, v in exc.fouten.items()), 2
        ) from exc
    except OnbekendeCasus as exc:
        raise _fout(zin(exc), 2) from exc
    if als_json:
        typer.echo(besluit.model_dump_json(indent=2))
    else:
        typer.echo(leg_uit(besluit, omgeving.beslisser.catalogus, omgeving.beslisser.register))
    raise typer.Exit(0 if besluit.toegestaan else 3)


@levering_app.command("importeer")
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
    if (mapping is None) == (mapping_bestand is None):
        raise _fout("Geef precies één van --mapping of --mapping-bestand.", 2)
    try:
        m: Mapping = (
            laad_mapping(mapping_bestand)
            if mapping_bestand
            else meegeleverde_mappings()[mapping or ""]
        )
    except KeyError as exc:
        raise _fout(
            f"Onbekende mapping {mapping!r}; kies uit {', '.join(meegeleverde_mappings())}.", 2
        ) from exc
    except ValueError as exc:
        raise _fout(f"De mapping is ongeldig: {exc}", 2) from exc
    omgeving = _omgeving()
    actor = _inloggen(omgeving, gebruiker)
    try:
        r = importeer(
            omgeving.fabriek,
            omgeving.beslisser,
            actor,
            m,
            bestand.name,
            bestand.read_bytes(),
            pseudoniem_sleutel=omgeving.pseudoniem_sleutel,
            casus_id=casus,
            herkomst="cli",
            voortgang=_meld_voortgang,
        )
    except (GeenLeverancier, OnleesbaarBestand, OnbekendeCasus) as exc:
        raise _fout(zin(exc), 2) from exc
    typer.echo(
        f"Levering {r.levering_id}: {r.status}" + (" (was al ontvangen)" if r.al_ontvangen else "")
    )
    if r.melding:
        typer.echo(r.melding)
    for f in r.fouten[:50]:
        typer.echo(f"  rij {f['rij']}, kolom {f['kolom'] or '-'}: {f['reden']}")
    if len(r.fouten) > 50:
        typer.echo(f"  ... en {len(r.fouten) - 50} fouten meer")
    raise typer.Exit(0 if r.status == "verwerkt" else 3)


@entiteit_app.command("toon")
def entiteit_toon(
    entiteit_id: str,
    gebruiker: GebruikerOptie,
    doel: DoelOptie = "integrale_aanpak",
    casus: CasusOptie = None,
) -> None:
    """Toon één entiteit met herkomst, voor zover u die mag lezen."""
    omgeving = _omgeving()
    actor = _inloggen(omgeving, gebruiker)
    try:
        with transactie(omgeving.fabriek) as sessie:
            beeld = lees_entiteit(
                sessie, omgeving.beslisser, actor, Leesvraag(doel, casus, "cli"), entiteit_id
            )
    except OnbekendeCasus as exc:
        raise _fout(zin(exc), 2) from exc
    if beeld is None:
        raise _fout("Niet gevonden, of geen deelregel staat u toe deze entiteit te lezen.", 4)
    typer.echo(json.dumps(asdict(beeld), indent=2, ensure_ascii=False))


@entiteit_app.command("zoek")
def entiteit_zoek(
    term: str,
    gebruiker: GebruikerOptie,
    doel: DoelOptie = "integrale_aanpak",
    casus: CasusOptie = None,
    export: Annotated[Path | None, typer.Option(help="Schrijf naar .csv of .xlsx")] = None,
    limiet: Annotated[int, typer.Option(min=1, max=200)] = 50,
) -> None:
    """Zoek in entiteiten die u mag zien; optioneel als CSV- of Excel-export."""
    if export is not None and export.suffix.lower() not in (".csv", ".xlsx"):
        raise _fout("Een export eindigt op .csv of .xlsx.", 2)
    omgeving = _omgeving()
    actor = _inloggen(omgeving, gebruiker)
    try:
        with transactie(omgeving.fabriek) as sessie:
            beelden = zoek_entiteiten(
                sessie,
                omgeving.beslisser,
                actor,
                Leesvraag(doel, casus, "cli"),
                pseudoniem_sleutel=omgeving.pseudoniem_sleutel,
                term=term,
                limiet=limiet,
            )
    except OnbekendeCasus as exc:
        raise _fout(zin(exc), 2) from exc
    if export is not None:
        export.write_bytes(
            naar_xlsx(beelden) if export.suffix.lower() == ".xlsx" else naar_csv(beelden)
        )
        typer.echo(f"{len(beelden)} entiteiten geëxporteerd naar {export}.")
        return
    for b in beelden:
        naam = (b.eigenschappen.get("name") or b.eigenschappen.get("full") or [b.id])[0]
        typer.echo(f"{b.id}  {b.schema:<12} {naam}")
    typer.echo(f"{len(beelden)} resultaten.")


@logboek_app.command("verify")
def logboek_verify(
    checkpoint: Annotated[
        list[Path] | None, typer.Option(exists=True, help="Checkpoint van de getuige")
    ] = None,
    sleutel: Annotated[str | None, typer.Option(help="Vertrouwde publieke sleutel (hex)")] = None,
) -> None:
    """Controleer het logboek; noemt de eerste regel die niet klopt."""
    omgeving = _omgeving()
    extra = [Checkpoint.uit_json(p.read_text()) for p in checkpoint or []]
    with transactie(omgeving.fabriek) as sessie:
        v = logboek.verifieer(sessie, extra, sleutel)
    typer.echo(v.tekst())
    raise typer.Exit(0 if v.in_orde else 1)


@logboek_app.command("checkpoint")
def logboek_checkpoint(
    export: Annotated[
        Path | None, typer.Option(help="Schrijf het checkpoint voor de getuige naar dit bestand")
    ] = None,
) -> None:
    """Maak een ondertekend checkpoint (boomkop) van het logboek."""
    omgeving = _omgeving()
    sleutel = laad_of_maak_sleutel(omgeving.instellingen.ondertekensleutel_pad)
    with transactie(omgeving.fabriek) as sessie:
        cp = logboek.maak_checkpoint(sessie, sleutel)
    if export:
        export.write_text(cp.naar_json())
    typer.echo(
        f"Checkpoint over {cp.boomgrootte} regels, wortel {cp.wortel_hash}, "
        f"sleutel {cp.sleutel_id}."
    )


@logboek_app.command("inzage")
def logboek_inzage(
    subject: Annotated[str, typer.Option("--subject", help="BSN, pseudoniem of entiteit-id")],
    gebruiker: GebruikerOptie,
    als_json: Annotated[bool, typer.Option("--json")] = False,
) -> None:
    """Inzagerapport voor een betrokkene (alleen privacy officer)."""
    omgeving = _omgeving()
    actor = _inloggen(omgeving, gebruiker)
    if actor.rol is not Rol.PRIVACY_OFFICER:
        raise _fout("Inzage is voorbehouden aan de privacy officer.", 4)
    with transactie(omgeving.fabriek) as sessie:
        soort, regels = inzage_verzoek(sessie, actor, subject, omgeving.pseudoniem_sleutel, "cli")
    if als_json:
        typer.echo(json.dumps([asdict(r) for r in regels], indent=2, ensure_ascii=False))
        return
    typer.echo(f"Inzage ({soort}): {len(regels)} verwerkingen.")
    for r in regels:
        typer.echo(
            f"{r.tijd}  {r.handeling:<20} door {r.organisatie or '-'} van {r.verstrekker or '-'}; "
            f"{', '.join(r.categorieen)}; doel {r.doel}; grondslag {r.grondslag or '-'}"
        )


@gebruiker_app.command("aanmaken")
def gebruiker_aanmaken(
    gebruikersnaam: str,
    naam: Annotated[str, typer.Option(help="Volledige naam")],
    organisatie: Annotated[str, typer.Option(help="Organisatie-id uit het partnerregister")],
    rol: Annotated[Rol, typer.Option(help="Rol")],
) -> None:
    """Maak een lokale gebruiker aan (wachtwoord uit INTEGRAAL_WACHTWOORD of gevraagd)."""
    omgeving = _omgeving()
    try:
        omgeving.beslisser.register.organisatie(organisatie)
    except KeyError as exc:
        raise _fout(f"Onbekende organisatie {organisatie!r}.", 2) from exc
    wachtwoord = os.environ.get("INTEGRAAL_WACHTWOORD") or typer.prompt(
        "Wachtwoord", hide_input=True, confirmation_prompt=True
    )
    try:
        with transactie(omgeving.fabriek) as sessie:
            maak_gebruiker(sessie, gebruikersnaam, naam, wachtwoord, organisatie, rol)
    except OngeldigeInvoer as exc:
        raise _fout(zin(exc), 2) from exc
    typer.echo(f"Gebruiker {gebruikersnaam} aangemaakt.")


@app.command()
def bewaartermijn(
    peildatum: Annotated[
        str | None, typer.Option(help="Datum JJJJ-MM-DD (standaard vandaag)")
    ] = None,
    proef: Annotated[
        bool, typer.Option("--proef", help="Toon wat zou vervallen, verwijder niets")
    ] = False,
) -> None:
    """Vernietig gegevens van gesloten casussen waarvan de bewaartermijn is verstreken."""
    import datetime as dt

    from integraal.toegang.bewaren import voer_uit

    try:
        dag = dt.date.fromisoformat(peildatum) if peildatum else dt.date.today()
    except ValueError as exc:
        raise _fout("Peildatum moet de vorm JJJJ-MM-DD hebben.", 2) from exc
    omgeving = _omgeving()
    with transactie(omgeving.fabriek) as sessie:
        uit = voer_uit(sessie, omgeving.beslisser, dag, proef=proef)
    kop = "Zou vervallen" if proef else "Vernietigd"
    for v in uit.vernietigd:
        typer.echo(
            f"{kop}: casus {v.casus_id}, {v.categorie} ({v.entiteiten} entiteiten, "
            f"termijn verstreken op {v.vervallen_op.isoformat()})"
        )
    typer.echo(
        f"{len(uit.vernietigd)} groepen, {uit.signalen_geschoond} signalen geschoond"
        + (" (proef: niets verwijderd)." if proef else ".")
    )


@demo_app.command("laden")
def demo_laden(
    zaad: Annotated[int, typer.Option(help="Vast zaad voor de generator")] = 2026,
) -> None:
    """Laad de fictieve demowereld (idempotent) en druk de demo-accounts af."""
    from integraal.demo.wereld import laad_demo

    omgeving = _omgeving()
    accounts = laad_demo(omgeving, zaad=zaad)
    typer.echo("Demo-accounts (alles is fictief):")
    for a in accounts:
        typer.echo(f"  {a.gebruikersnaam:<14} {a.wachtwoord:<22} {a.rol:<22} {a.organisatie}")


@monitor_app.command("laden")
def monitor_laden() -> None:
    """Laad structuur, indicatoren, brieven, financiële tabellen en moties (idempotent)."""
    from integraal.monitor.laden import laad_alles

    with transactie(_omgeving().fabriek) as s:
        g = laad_alles(s)
    typer.echo(
        f"Geladen: {g.documenten} documenten ({g.passages} passages), {g.tabellen} tabellen, "
        f"{g.indicatoren} indicatoren ({g.observaties} waarden), {g.opdrachten} moties en "
        f"toezeggingen, {g.maatregelen} maatregelen."
    )


@monitor_app.command("rapport")
def monitor_rapport(
    uit: Annotated[Path, typer.Argument(help="Bestand: .html of .pdf")],
    peildatum: Annotated[str | None, typer.Option(help="jjjj-mm-dd; standaard: nu")] = None,
) -> None:
    """Maak de voortgangsrapportage uit de vastgelegde gegevens."""
    import datetime as dt

    from integraal.monitor import rapport

    peil = None
    if peildatum:
        try:
            peil = dt.datetime.combine(
                dt.date.fromisoformat(peildatum), dt.time(23, 59, 59), dt.UTC
            )
        except ValueError:
            raise typer.BadParameter("schrijf de peildatum als jjjj-mm-dd") from None
    with transactie(_omgeving().fabriek) as s:
        r = rapport.stel_samen(s, peil)
    html = rapport.html(r)
    if uit.suffix.lower() == ".pdf":
        try:
            uit.write_bytes(rapport.pdf(html))
        except rapport.PdfNietBeschikbaar as exc:
            typer.echo(str(exc), err=True)
            raise typer.Exit(1) from exc
    else:
        uit.write_text(html, encoding="utf-8")
    typer.echo(f"Rapportage geschreven naar {uit} (peildatum {r.peildatum:%d-%m-%Y}).")


@monitor_app.command("tk-sync")
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
    from integraal.domein.fouten import GeenToegang
    from integraal.monitor import tweedekamer

    omgeving = _omgeving()
    actor = _inloggen(omgeving, gebruiker)
    kamer = tweedekamer.TweedeKamer(basis=basis_url or tweedekamer.BASIS)
    try:
        with transactie(omgeving.fabriek) as s:
            u = tweedekamer.synchroniseer(
                s, actor, kamer, zoekterm=None if alleen_bekende else zoekterm
            )
    except tweedekamer.TKNietBereikbaar as exc:
        raise _fout(f"Niets bijgewerkt: {exc}.", 3) from exc
    except GeenToegang as exc:
        raise _fout(str(exc), 2) from exc
    typer.echo(
        f"{u.nieuw} nieuw (ter beoordeling), {u.bijgewerkt} bijgewerkt, {u.ingetrokken} "
        f"ingetrokken door de Kamer, {u.ongewijzigd} ongewijzigd; {u.paginas} pagina’s gelezen."
    )
    for reden in u.overgeslagen:
        typer.echo(f"Overgeslagen: {reden}", err=True)


def _kruisvoortgang(stap: str, gedaan: int, totaal: int) -> None:
    typer.echo(f"  {stap}: {gedaan} van {totaal}", err=True)


@kruis_app.command("casus")
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
    from integraal.kruisverwijzing import GeenToegang, OngeldigeInvoer, taken

    omgeving = _omgeving()
    actor = _inloggen(omgeving, gebruiker)
    try:
        gekozen = taken.Soort(soort)
    except ValueError as exc:
        raise _fout("Kies --soort casus, levering of datasets.", 2) from exc
    paar = tuple(dataset or ())
    try:
        with transactie(omgeving.fabriek) as s:
            taak_id = taken.start(
                s,
                actor,
                casus_id,
                gekozen,
                levering_id=levering,
                datasets=(paar[0], paar[1]) if len(paar) == 2 else None,
            )
        typer.echo(f"Kruisverwijzing {taak_id} gestart.", err=True)
        t = taken.voer_uit(
            omgeving.fabriek, omgeving.beslisser, taak_id, melding=_kruisvoortgang, herkomst="cli"
        )
    except (GeenToegang, OngeldigeInvoer) as exc:
        raise _fout(zin(exc), 2) from exc
    typer.echo(
        f"{t.totaal} suggesties klaargezet in casus {casus_id}; beoordeel ze op "
        f"/casussen/{casus_id}/kruisverwijzing."
    )


@kruis_app.command("hervat")
def kruis_hervat(gebruiker: GebruikerOptie) -> None:
    """Hervat uw kruisverwijzingen die zijn onderbroken (na een crash of herstart)."""
    from integraal.kruisverwijzing import GeenToegang, taken

    omgeving = _omgeving()
    actor = _inloggen(omgeving, gebruiker)
    try:
        hervat = taken.hervat_alles(
            omgeving.fabriek, omgeving.beslisser, herkomst="cli", van=actor.gebruiker_id
        )
    except GeenToegang as exc:
        raise _fout(zin(exc), 2) from exc
    typer.echo(f"{len(hervat)} kruisverwijzing(en) hervat en afgerond.")


@kruis_app.command("bestanden")
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
            links, rechts, bestanden.lees_mappingbestand(mapping), _kruisvoortgang
        )
    except bestanden.Mappingfout as exc:
        raise _fout(f"Niet gekoppeld: {exc}.", 2) from exc
    with uit.open("w", newline="", encoding="utf-8") as f:
        n = bestanden.schrijf_paren(uitkomst, drempel, f)
    typer.echo(f"{n} paren met kans ≥ {drempel} geschreven naar {uit}.")
