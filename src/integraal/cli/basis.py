# SPDX-License-Identifier: EUPL-1.2
"""What every command shares: signing in, one processing context, Dutch refusals."""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Annotated, Any, TypeVar

import typer
from pydantic import BaseModel, TypeAdapter, ValidationError

from integraal.delen import Geweigerd
from integraal.domein.actor import Actor
from integraal.domein.fouten import Conflict, GeenToegang, NietGevonden, OngeldigeInvoer
from integraal.domein.invoer import Datum, valideer
from integraal.domein.tekst import zin
from integraal.gebruikers import authenticeer
from integraal.omgeving import Omgeving, maak_omgeving
from integraal.opslag.db import transactie
from integraal.verwerking import Context, Kanaal

M = TypeVar("M", bound=BaseModel)

app = typer.Typer(
    help="Integraal: informatieruggengraat voor de integrale aanpak.",
    no_args_is_help=True,
    pretty_exceptions_show_locals=False,  # locals may hold personal data
)

GebruikerOptie = Annotated[str, typer.Option("--gebruiker", "-g", help="Uw gebruikersnaam")]
DoelOptie = Annotated[str, typer.Option("--doel", help="Doel van het lezen")]
CasusOptie = Annotated[str | None, typer.Option("--casus", help="Casus waarin u werkt")]

# Exit codes: 2 bad input, 3 not possible now, 4 not found or not allowed.
ONGELDIG, CONFLICT, GEWEIGERD = 2, 3, 4


def fout(tekst: str, code: int = 1) -> typer.Exit:
    typer.secho(tekst, fg=typer.colors.RED, err=True)
    return typer.Exit(code)


def omgeving() -> Omgeving:
    return maak_omgeving()


def inloggen(omg: Omgeving, gebruikersnaam: str) -> Actor:
    wachtwoord = os.environ.get("INTEGRAAL_WACHTWOORD") or typer.prompt(
        f"Wachtwoord voor {gebruikersnaam}", hide_input=True
    )
    with transactie(omg.fabriek) as sessie:
        actor = authenticeer(sessie, gebruikersnaam, wachtwoord)
    if actor is None:
        raise fout("Gebruikersnaam of wachtwoord onjuist.", ONGELDIG)
    return actor


def invoer(model: type[M], **waarden: Any) -> M:
    """An input model from options; bad input ends the command with the Dutch messages."""
    try:
        return valideer(model, {k: v for k, v in waarden.items() if v is not None})
    except OngeldigeInvoer as exc:
        raise _ongeldig(exc) from exc


def lees_datum(tekst: str | None, optie: str = "--peildatum") -> dt.date | None:
    """A date option as people write it (dd-mm-jjjj); yyyy-mm-dd is accepted too."""
    if tekst is None:
        return None
    try:
        return TypeAdapter(Datum).validate_python(tekst)
    except ValidationError as exc:
        raise fout(
            f"{optie}: vul een datum in als dd-mm-jjjj, bijvoorbeeld 31-12-2026.", ONGELDIG
        ) from exc


def _ongeldig(exc: OngeldigeInvoer) -> typer.Exit:
    regels = "\n".join(f"  {k or 'invoer'}: {zin(v)}" for k, v in exc.fouten.items())
    return fout("De invoer is niet goed:\n" + regels, ONGELDIG)


@contextmanager
def als(omg: Omgeving, actor: Actor | None) -> Iterator[Context]:
    """One command in one transaction, as `actor`; a refusal ends it with its reason."""
    with weigeringen(), omg.context(actor, Kanaal.CLI) as ctx:
        yield ctx


@contextmanager
def weigeringen() -> Iterator[None]:
    """A refusal of a service ends the command with its Dutch reason and exit code."""
    try:
        yield
    except OngeldigeInvoer as exc:
        raise _ongeldig(exc) from exc
    except Geweigerd as exc:
        raise fout(exc.uitleg, GEWEIGERD) from exc
    except (GeenToegang, NietGevonden) as exc:
        raise fout(zin(exc.melding), GEWEIGERD) from exc
    except Conflict as exc:
        raise fout(zin(exc.melding), CONFLICT) from exc
