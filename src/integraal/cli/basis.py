# SPDX-License-Identifier: EUPL-1.2
"""What every command shares: signing in, one processing context, Dutch refusals.

Start-up stays light: this module and the command modules import only Typer and the standard
library at the top, and the platform (storage, web, the matching engine) inside the commands, so
`integraal --help` prints without loading SQLAlchemy, NumPy or FastAPI. A test checks this."""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, Annotated, Any, TypeVar

import typer
from typer.core import TyperGroup

if TYPE_CHECKING:
    import datetime as dt

    from pydantic import BaseModel

    from integraal.domein.actor import Actor
    from integraal.domein.fouten import OngeldigeInvoer
    from integraal.omgeving import Omgeving
    from integraal.verwerking import Context

M = TypeVar("M", bound="BaseModel")

# Other names for a group: `integraal kruis ...` is `integraal kruisverwijzing ...`. Resolved on
# look-up only, so help and the command tree show each group once.
ALIASSEN = {"kruis": "kruisverwijzing"}


class _Groep(TyperGroup):
    def get_command(self, ctx: Any, cmd_name: str) -> Any:
        return super().get_command(ctx, ALIASSEN.get(cmd_name, cmd_name))


app = typer.Typer(
    cls=_Groep,
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
    from integraal.omgeving import maak_omgeving

    return maak_omgeving()


def inloggen(omg: Omgeving, gebruikersnaam: str) -> Actor:
    import datetime as dt

    from integraal.gebruikers import Inloggegevens, drempels
    from integraal.gebruikers.aanmelden import CodeIn, bevestig_code, meld_aan
    from integraal.gebruikers.tweede_factor import ONJUIST, Stap
    from integraal.opslag.db import transactie

    wachtwoord = os.environ.get("INTEGRAAL_WACHTWOORD") or typer.prompt(
        f"Wachtwoord voor {gebruikersnaam}", hide_input=True
    )
    inst, nu = omg.instellingen, dt.datetime.now(dt.UTC)
    try:
        with transactie(omg.fabriek) as sessie:
            a = meld_aan(
                sessie,
                Inloggegevens(gebruikersnaam=gebruikersnaam, wachtwoord=wachtwoord),
                adres="opdrachtregel",
                nu=nu,
                termijn=inst.toegangstermijn,
                verplicht=inst.tweede_factor_verplicht,
            )
            actor = a.actor
            if a.actor is not None and a.stap is Stap.CODE:
                code = os.environ.get("INTEGRAAL_CODE") or typer.prompt("Code uit uw app")
                actor = bevestig_code(
                    sessie,
                    a.actor.gebruiker_id,
                    gebruikersnaam,
                    CodeIn(code=code),
                    adres="opdrachtregel",
                    nu=nu,
                    termijn=inst.toegangstermijn,
                )
    except drempels.TeVaak as exc:
        raise fout(exc.melding, ONGELDIG) from exc
    if a.actor is None or a.stap is Stap.ONTBREEKT:
        raise fout(a.melding or "", ONGELDIG)
    if actor is None:
        raise fout(ONJUIST, ONGELDIG)
    return actor


def invoer(model: type[M], **waarden: Any) -> M:
    """An input model from options; bad input ends the command with the Dutch messages."""
    from integraal.domein.fouten import OngeldigeInvoer
    from integraal.domein.invoer import valideer

    try:
        return valideer(model, {k: v for k, v in waarden.items() if v is not None})
    except OngeldigeInvoer as exc:
        raise _ongeldig(exc) from exc


def lees_datum(tekst: str | None, optie: str = "--peildatum") -> dt.date | None:
    """A date option as people write it (dd-mm-jjjj); yyyy-mm-dd is accepted too."""
    if tekst is None:
        return None
    from pydantic import TypeAdapter, ValidationError

    from integraal.domein.invoer import Datum

    try:
        datum: dt.date = TypeAdapter(Datum).validate_python(tekst)
    except ValidationError as exc:
        raise fout(
            f"{optie}: vul een datum in als dd-mm-jjjj, bijvoorbeeld 31-12-2026.", ONGELDIG
        ) from exc
    return datum


def _ongeldig(exc: OngeldigeInvoer) -> typer.Exit:
    from integraal.domein.tekst import zin

    regels = "\n".join(f"  {k or 'invoer'}: {zin(v)}" for k, v in exc.fouten.items())
    return fout("De invoer is niet goed:\n" + regels, ONGELDIG)


@contextmanager
def als(omg: Omgeving, actor: Actor | None, *, reden: str | None = None) -> Iterator[Context]:
    """One command in one transaction, as `actor`; a refusal ends it with its reason.
    `reden`: why a shielded person's data is read (the door asks for it)."""
    from integraal.verwerking import Kanaal

    with weigeringen(), omg.context(actor, Kanaal.CLI, reden=reden) as ctx:
        yield ctx


@contextmanager
def weigeringen() -> Iterator[None]:
    """A refusal of a service ends the command with its Dutch reason and exit code."""
    from integraal.delen import Geweigerd
    from integraal.domein.fouten import Conflict, GeenToegang, NietGevonden, OngeldigeInvoer
    from integraal.domein.tekst import zin

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
