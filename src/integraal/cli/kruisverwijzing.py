# SPDX-License-Identifier: EUPL-1.2
"""Cross-referencing: in a case (through the door, logged), or one or two own CSV files."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Annotated, Any

import typer

from integraal.cli.basis import (
    ONGELDIG,
    GebruikerOptie,
    als,
    fout,
    inloggen,
    invoer,
    omgeving,
    weigeringen,
)

NAAM = "kruisverwijzing"  # also `integraal kruis` (basis.ALIASSEN)
app = typer.Typer(
    help="Kruisverwijzing (kort: kruis): wie komt bij meerdere partners voor?",
    no_args_is_help=True,
)


def _getal(n: int) -> str:
    return f"{n:,}".replace(",", ".")


# Steps of the engine and the writer that finish at once, as a sentence about their count.
_KLAAR = {
    "lezen": "{} personen gelezen",
    "voorbereid": "{} records voorbereid (genormaliseerd en gecodeerd)",
    "blokken": "{} kandidaatparen",
    "model": "model geschat",
}


def _voortgang(stap: str, gedaan: int, totaal: int) -> None:
    """Progress on stderr: `stap: gedaan van totaal`, or one line for a step done at once."""
    if stap in _KLAAR:
        typer.echo(f"  {_KLAAR[stap].format(_getal(gedaan))}", err=True)
    elif stap.startswith("rijen gelezen"):
        typer.echo(f"  {_getal(gedaan)} {stap}", err=True)
    else:
        typer.echo(f"  {stap}: {_getal(gedaan)} van {_getal(totaal)}", err=True)


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
    leren: Annotated[
        str,
        typer.Option(
            help="Leren van eerdere oordelen: casus (deze casus), alle (alle casussen) of geen"
        ),
    ] = "casus",
    alle_koppelingen: Annotated[
        bool,
        typer.Option(
            "--alle-koppelingen",
            help="Bij twee datasets: een record mag aan meer dan één record gekoppeld worden "
            "(standaard hoogstens één, het beste paar)",
        ),
    ] = False,
) -> None:
    """Kruisverwijzing in een casus: leest wat u mag zien (gelogd) en zet suggesties klaar."""
    from integraal.kruisverwijzing import taken
    from integraal.verwerking import Kanaal

    omg = omgeving()
    actor = inloggen(omg, gebruiker)
    vraag = invoer(
        taken.KruistaakIn,
        soort=soort,
        levering_id=levering,
        datasets=list(dataset or []),
        leren=leren,
        alle_koppelingen=alle_koppelingen,
    )
    with als(omg, actor) as ctx:
        t = taken.start(ctx, casus_id, vraag)
    typer.echo(f"Kruisverwijzing {t.id} gestart.", err=True)
    with weigeringen():
        klaar = taken.voer_uit(
            omg.context, t.id, melding=_voortgang, kanaal=Kanaal.CLI, dask=omg.instellingen.dask
        )
    typer.echo(
        f"{klaar.totaal} suggesties klaargezet in casus {casus_id}; beoordeel ze op "
        f"/casussen/{casus_id}/kruisverwijzing."
    )


@app.command("hervat")
def kruis_hervat(gebruiker: GebruikerOptie) -> None:
    """Hervat uw kruisverwijzingen die zijn onderbroken (na een crash of herstart)."""
    from integraal.kruisverwijzing import taken
    from integraal.verwerking import Kanaal

    omg = omgeving()
    actor = inloggen(omg, gebruiker)
    with weigeringen():
        hervat = taken.hervat_alles(
            omg.context, kanaal=Kanaal.CLI, van=actor.gebruiker_id, dask=omg.instellingen.dask
        )
    typer.echo(
        f"{len(hervat)} {'kruisverwijzing' if len(hervat) == 1 else 'kruisverwijzingen'} "
        "hervat en afgerond."
    )


# Typer keeps the line breaks of later paragraphs, so each paragraph is one line of help.
HULP_BESTANDEN = "\n\n".join(
    (
        "Koppel twee eigen CSV-bestanden, of ontdubbel er één, met een opgegeven mapping "
        "(buiten Integraal: er wordt niets uit het platform gelezen).",
        "De mapping (YAML) noemt de id-kolom en welke kolom welk veld is: bij twee bestanden "
        "onder 'links:' en 'rechts:', bij één onder 'bestand:'. Een veld mag een lijst kolommen "
        "noemen, die met een spatie worden samengevoegd (achternaam: \\[voorvoegsel, "
        "geslachtsnaam]). 'naam' is een volledige naam en 'adres' één adresregel "
        "('Havenweg 12, 3089 KX Rotterdam'); die worden gesplitst.",
        "Voorbeeld (twee regels in m.yaml): links: {id: nr, velden: {voornaam: Voornamen, "
        "achternaam: \\[Voorvoegsel, Geslachtsnaam], geboortedatum: Geboren, huisnummer: "
        "\\[Huisnr, Letter, Toevoeging], postcode: PC}} — rechts: {id: relatie, velden: {naam: "
        "Naam, geboortedatum: Geb.datum, adres: Adres, postcode: Postcode, plaats: Plaats}}",
        "Velden: voornaam (alle voornamen of voorletters), achternaam (met tussenvoegsel), "
        "naam, geboortedatum (ook 00-00-1961 of alleen een jaar), straat, huisnummer (met "
        "letter en toevoeging), postcode, plaats, adres, telefoon, email, bsn_pseudoniem, "
        "kvk, rsin, iban, kenteken en bag.",
        "De uitvoer heeft per paar: links; rechts; kans; gewicht; boven drempel (ja/nee); "
        "gekozen (ja/nee); per veld het niveau, het gewicht in bits en de twee vergeleken "
        "waarden; en tegenbewijs, als dat er is. De beste paren staan bovenaan.",
        "Bij twee bestanden wordt één op één gekozen: elk record in hoogstens één koppeling, "
        "het paar met de hoogste kans eerst. Paren boven de drempel die daarbij afvallen staan "
        "wel in de uitvoer, met gekozen = nee; de koppelingen zijn de paren met gekozen = ja. "
        "Met --alle-koppelingen is elk paar boven de drempel gekozen; bij één bestand ook.",
    )
)


@contextmanager
def _werkers(aantal: int, adres: str | None) -> Iterator[Any]:
    """A Dask client (`kruis.verdeeld.verbind`), or None when the work stays in this process."""
    if not aantal and not adres:
        yield None
        return
    try:
        from integraal.kruis import verdeeld
    except ImportError as exc:
        raise fout(
            "Werken met meerdere werkprocessen vraagt Dask: installeer "
            "pip install 'integraal[verdeeld]'.",
            ONGELDIG,
        ) from exc
    try:
        with verdeeld.verbind(aantal, adres) as client:
            typer.echo(f"Werk verdeeld over {verdeeld.werkers(client)} werkprocessen.", err=True)
            yield client
    except verdeeld.Onbereikbaar as exc:
        raise fout(str(exc), ONGELDIG) from exc


@app.command("bestanden", help=HULP_BESTANDEN)
def kruis_bestanden(
    bestanden: Annotated[
        list[Path],
        typer.Argument(
            help="Eén CSV-bestand (ontdubbelen: paren binnen het bestand) of twee (koppelen)",
            metavar="BESTAND",
            show_default=False,
        ),
    ],
    mapping: Annotated[Path, typer.Option(help="YAML: welke kolom welk veld is")],
    uit: Annotated[Path, typer.Option(help="CSV met de paren en hun uitleg")],
    drempel: Annotated[
        float, typer.Option(min=0.0, max=1.0, help="Minimale kans voor een koppeling")
    ] = 0.9,
    ook_onder: Annotated[
        float | None,
        typer.Option(
            min=0.0,
            max=1.0,
            help="Schrijf ook paren met een kans vanaf deze waarde maar onder de drempel "
            "(kolom 'boven drempel' is dan nee), om twijfelgevallen te zien",
        ),
    ] = None,
    alle_koppelingen: Annotated[
        bool,
        typer.Option(
            "--alle-koppelingen",
            help="Bij twee bestanden: kies niet één op één, maar houd elk paar boven de drempel",
        ),
    ] = False,
    werkers: Annotated[
        int,
        typer.Option(
            min=0,
            max=64,
            help="Verdeel het werk over zoveel werkprocessen op deze machine (Dask), voor "
            "bestanden die te groot zijn voor één proces; 0 = alles in dit proces. De uitkomst "
            "is dezelfde",
        ),
    ] = 0,
    dask: Annotated[
        str | None,
        typer.Option(
            help="Adres van een Dask-scheduler (tcp://host:8786) wiens werkers het werk doen; "
            "standaard uit INTEGRAAL_DASK",
            envvar="INTEGRAAL_DASK",
        ),
    ] = None,
) -> None:
    """Koppel twee eigen CSV-bestanden, of ontdubbel er één (buiten Integraal)."""
    from integraal.kruis import bestanden as kb

    if len(bestanden) > 2:
        raise fout("Geef één bestand (ontdubbelen) of twee (koppelen).", ONGELDIG)
    if ook_onder is not None and ook_onder > drempel:
        raise fout("--ook-onder moet lager zijn dan --drempel.", ONGELDIG)
    twee = len(bestanden) == 2
    # Checked before any work: an answer that cannot be written is known at once.
    if not uit.parent.is_dir():
        raise fout(f"Niet gekoppeld: de map {uit.parent} voor --uit bestaat niet.", ONGELDIG)
    if any(uit.resolve() == p.resolve() for p in [*bestanden, mapping]):
        raise fout("Niet gekoppeld: --uit zou een invoerbestand overschrijven.", ONGELDIG)
    grens = min(drempel, ook_onder) if ook_onder is not None else drempel
    with _werkers(werkers, dask) as client:
        try:
            uitkomst = kb.koppel_bestanden(
                bestanden,
                kb.lees_mappingbestand(mapping),
                _voortgang,
                werkers=client,
                vanaf=grens,
            )
        except kb.Mappingfout as exc:
            raise fout(f"Niet gekoppeld: {exc}.", ONGELDIG) from exc
    # Written beside the answer and moved in place when complete: a crash leaves no half file.
    tijdelijk = uit.with_name(f".{uit.name}.bezig")
    try:
        with tijdelijk.open("w", newline="", encoding="utf-8") as f:
            n = kb.schrijf_paren(
                uitkomst,
                drempel,
                f,
                ook_onder=ook_onder,
                een_op_een=twee and not alle_koppelingen,
                voortgang=_voortgang,
            )
        tijdelijk.replace(uit)
    except OSError as exc:
        tijdelijk.unlink(missing_ok=True)
        raise fout(f"Niet geschreven naar {uit}: {exc.strerror or exc}.", ONGELDIG) from exc
    wat = "koppelingen" if twee else "dubbelen"
    typer.echo(
        f"{_getal(n.gekozen)} {wat} met kans ≥ {drempel}"
        + (f" (één op één gekozen uit {_getal(n.boven)} paren)" if n.gekozen < n.boven else "")
        + (f"; {_getal(n.rijen - n.boven)} paren onder de drempel" if ook_onder is not None else "")
        + f"; {_getal(n.rijen)} rijen geschreven naar {uit}."
    )
